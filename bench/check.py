"""Time `statusgen check` as a user runs it: a new process each time, interpreter start included.

    python bench/check.py [--runs 10]

Targets (issue #2): seed scale under 0.3 s wall; ten times the seed (130 workstreams, 860 actions)
under 1.5 s.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from dataset import DEMO, make
from timing import times

STATUSGEN = [sys.executable, "-m", "generator"]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    scratch = Path(__file__).resolve().parent / "data"
    big = make(scratch / "10x", werkstromen=130, acties=860)
    rows = [
        ("python -c pass (interpreter start)", [sys.executable, "-c", "pass"], 0.0),
        ("check, demo data", [*STATUSGEN, "check", "--data", str(DEMO)], 0.3),
        (
            "check, 10x (130 werkstromen, 860 acties)",
            [*STATUSGEN, "check", "--data", str(big)],
            1.5,
        ),
    ]
    print(f"{'what':45} {'median':>8} {'best':>8} {'target':>8}")
    for label, command, target in rows:
        found = times(command, args.runs, ok=(0, 1))
        median, best = statistics.median(found), min(found)
        shown = f"{target:.2f}" if target else "-"
        print(f"{label:45} {median:8.3f} {best:8.3f} {shown:>8}")
    shutil.rmtree(scratch / "10x")


if __name__ == "__main__":
    main()
