"""What each command imports before it does its work: ``python -X importtime``, per command, on
an installed wheel (bytecode compiled), summed by top-level package.

    python bench/start.py [--bin VENV/bin] [--top 12]

Prints a Markdown section per command (docs/performance-start.md keeps the last run's). The
self times of a package's modules are summed, so a package's figure is what importing it
costs, whoever imports it. Import times swing with the machine's load; the shares do less.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from timing import installed

ROOT = Path(__file__).resolve().parents[1]
#: the commands a user runs, on the demo data (copied to ``status`` in a scratch folder)
COMMANDS = [
    ["--help"],
    ["check"],
    ["deck"],
    ["vergadering", "2020-08-20"],
    ["besluitenlijst"],
    ["deadlines"],
    ["actions", "--format", "html"],
    ["report", "vgr-2021-1", "--format", "html"],
    ["report", "vgr-2021-1", "--format", "pdf"],
    ["planning", "--format", "csv"],
    ["schema"],
]


def summary(stderr: str) -> tuple[float, Counter[str]]:
    """The total import time in seconds and each top-level package's share (statusgen's own
    modules by their subpackage, ``generator.load``, ``generator.render``, ...)."""
    shares: Counter[str] = Counter()
    for line in stderr.splitlines():
        if not line.startswith("import time:") or "self [us]" in line:
            continue
        own, _, name = line.removeprefix("import time:").split("|")
        name = name.strip()
        parts = name.split(".")
        top = ".".join(parts[:2]) if parts[0] == "generator" else parts[0]
        shares[top] += int(own)
    return sum(shares.values()) / 1e6, shares


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--bin", type=Path, help="a venv's bin folder with statusgen installed")
    parser.add_argument("--top", type=int, default=12)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        bin_dir = args.bin or installed(work)
        shutil.copytree(ROOT / "status", work / "status")
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        for command in COMMANDS:
            where = [] if command[0] in ("--help", "schema") else ["--data", "status"]
            out = ["--output", "out"] if command[0] not in ("--help", "check", "deadlines") else []
            if command[0] == "schema":
                out = ["--output", "schemas"]
            proc = subprocess.run(
                [str(bin_dir / "python"), "-X", "importtime", "-m", "generator", *command,
                 *where, *out],
                capture_output=True, text=True, cwd=work, env=env, check=False,
            )  # fmt: skip
            total, shares = summary(proc.stderr)
            print(f"### `statusgen {' '.join(command)}`\n")
            print(f"Imports: {total:.3f} s (exit {proc.returncode}).\n")
            print("| package | import time (s) |\n|---|---|")
            for name, micro in shares.most_common(args.top):
                print(f"| {name} | {micro / 1e6:.3f} |")
            print()


if __name__ == "__main__":
    main()
