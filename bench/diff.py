"""Time `statusgen diff` between two git refs of the 10x dataset, as a user runs it.

    python bench/diff.py [--runs 3]

Target (issue #6): under 2 s wall. The second ref changes a status, a deadline and a text in
every tenth workstream and action, and renames one file.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from dataset import make

STATUSGEN = [sys.executable, "-m", "generator"]


def git(repo: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-C", str(repo), "-c", "user.name=bench", "-c", "user.email=b@example.org", *args],
        check=True,
        capture_output=True,
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        repo = Path(tmp)
        data = make(repo / "status", werkstromen=130, acties=860)
        git(repo, "init", "-q", "-b", "main")
        git(repo, "add", "-A")
        git(repo, "commit", "-qm", "v1")
        for path in sorted((data / "werkstromen").glob("*.yaml"))[::10]:
            text = path.read_text(encoding="utf-8")
            text = text.replace("status: gestart", "status: zorgen", 1)
            path.write_text(text.replace("2020-09-01", "2020-09-22"), encoding="utf-8")
        for path in sorted((data / "acties").glob("*.yaml"))[::10]:
            text = path.read_text(encoding="utf-8")
            new = text.replace("stand_van_zaken: ", "stand_van_zaken: Bijgewerkt. ", 1)
            path.write_text(new, encoding="utf-8")
        first = sorted((data / "acties").glob("*.yaml"))[0]
        first.rename(first.with_name("0001-hernoemd.yaml"))
        git(repo, "add", "-A")
        git(repo, "commit", "-qm", "v2")
        command = [*STATUSGEN, "diff", "HEAD~1", "HEAD", "--data", str(data)]
        output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
        times = []
        for _ in range(args.runs):
            start = time.perf_counter()
            subprocess.run(command, capture_output=True, check=True)
            times.append(time.perf_counter() - start)
        print(output.splitlines()[2])
        print(f"diff, 10x, two refs: median {statistics.median(times):.2f} s (target 2.00 s)")


if __name__ == "__main__":
    main()
