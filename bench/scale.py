"""Every command at 1x, 10x and 100x the demo data: wall time, peak memory, time per row.

    python bench/scale.py [--scales 1,10,100] [--only deck,actions]

Each command runs once, in a new process, as a user runs it (``peak`` in timing.py: wall time
and the child's own peak resident memory). A row is an opdracht, a hoofdactie or an actie: what
the documents have a line or a table row for. The issue's targets (#22): every command under 30 s
and 1 GB at 100x, time per row about constant from 1x to 100x, the public version at most 1.5x
the internal one. Not a timed test: the figures go to docs/robustness.md.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))

from dataset import DEMO, make
from timing import peak

STATUSGEN = [sys.executable, "-m", "generator"]
#: the demo data's size: 1x
WERKSTROMEN = len(list((DEMO / "werkstromen").glob("*.yaml")))
ACTIES = len(list((DEMO / "acties").glob("*.yaml")))
MEETING = "2020-08-20"

#: name -> arguments after the command's own data and output options
COMMANDS: dict[str, list[str]] = {
    "check": ["check"],
    "deck": ["deck", "--vergadering", MEETING],
    "deck --openbaar": ["deck", "--vergadering", MEETING, "--openbaar"],
    "actions (html,md,docx,xlsx)": ["actions", "--format", "html,md,docx,xlsx"],
    "actions --openbaar (html,md,docx,xlsx)": [
        "actions",
        "--format",
        "html,md,docx,xlsx",
        "--openbaar",
    ],
    "actions (pdf)": ["actions", "--format", "pdf"],
    "report": ["report", "vgr-2021-1"],
    "report --openbaar": ["report", "vgr-2021-1", "--openbaar"],
    "planning (xlsx)": ["planning", "--peildatum", "2021-06-01"],
    "planning (csv)": ["planning", "--format", "csv", "--peildatum", "2021-06-01"],
    "deadlines (md)": [
        "deadlines",
        "--format",
        "md",
        "--peildatum",
        "2021-06-01",
        "--binnen",
        "8w",
    ],
    "deadlines (ics)": ["deadlines", "--format", "ics", "--peildatum", "2021-06-01"],
    "besluitenlijst": ["besluitenlijst", "--vergadering", MEETING],
    "besluitenlijst --openbaar": ["besluitenlijst", "--vergadering", MEETING, "--openbaar"],
    "diff": ["diff", "HEAD"],
    "diff --openbaar": ["diff", "HEAD", "--openbaar"],
}
#: commands that print rather than write (no --output)
PRINTING = ("check", "deadlines", "diff")


def rows(data: Path) -> int:
    """Opdrachten, hoofdacties and acties in ``data``."""
    count = len(list((data / "acties").glob("*.yaml")))
    for path in (data / "werkstromen").glob("*.yaml"):
        document: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
        for opdracht in document.get("opdrachten", []):
            count += 1 + len(opdracht.get("hoofdacties", []))
    return count


def committed(data: Path) -> None:
    """``data`` as a git repository with one commit, then one action edited in the working
    tree, for ``diff HEAD``."""
    env = {**os.environ, "GIT_AUTHOR_NAME": "Bench", "GIT_AUTHOR_EMAIL": "b@example.org",
           "GIT_COMMITTER_NAME": "Bench", "GIT_COMMITTER_EMAIL": "b@example.org"}  # fmt: skip
    for args in (["init", "-q", "-b", "main"], ["add", "-A"], ["commit", "-qm", "bench"]):
        subprocess.run(["git", "-C", str(data), *args], check=True, env=env, capture_output=True)
    first = sorted((data / "acties").glob("*.yaml"))[0]
    first.write_text(first.read_text(encoding="utf-8") + "# bewerkt\n", encoding="utf-8")
    text = first.read_text(encoding="utf-8").replace("status: loopt", "status: afgerond", 1)
    first.write_text(text, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", default="1,10,100")
    parser.add_argument("--only", default="", help="comma-separated command names (prefixes)")
    args = parser.parse_args()
    scales = [int(s) for s in args.scales.split(",")]
    only = [o.strip() for o in args.only.split(",") if o.strip()]
    chosen = {k: v for k, v in COMMANDS.items() if not only or k.startswith(tuple(only))}
    print(f"{'command':40} {'scale':>5} {'rows':>6} {'time s':>8} {'peak MB':>8} {'ms/row':>8}")
    with tempfile.TemporaryDirectory(prefix="statusgen-scale-") as tmp:
        for scale in scales:
            data = make(Path(tmp) / f"{scale}x" / "status",
                        werkstromen=WERKSTROMEN * scale, acties=ACTIES * scale)  # fmt: skip
            committed(data)
            count = rows(data)
            for name, command in chosen.items():
                out = Path(tmp) / "out"
                shutil.rmtree(out, ignore_errors=True)
                full = [*STATUSGEN, *command, "--data", str(data)]
                if not command[0].startswith(PRINTING):
                    full += ["--output", str(out)]
                try:
                    elapsed, memory = peak(full)
                except SystemExit as failed:
                    print(f"{name:40} {scale:>4}x {count:>6} FAILED: {failed}")
                    continue
                print(
                    f"{name:40} {scale:>4}x {count:>6} {elapsed:8.2f} {memory / 2**20:8.0f} "
                    f"{1000 * elapsed / count:8.2f}",
                    flush=True,
                )


if __name__ == "__main__":
    main()
