"""What the public version costs: ``actions`` against ``actions --openbaar`` (every format), in
processor seconds of the whole process (the machine may be shared), best of N runs.

python bench/openbaar.py [--data status] [--runs 3]
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
from pathlib import Path


def cpu_seconds(args: list[str]) -> float:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run([sys.executable, "-m", "generator", *args], check=True, capture_output=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=Path("status"))
    parser.add_argument("--runs", type=int, default=3)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as out:
        base = ["actions", "--data", str(options.data), "--output", out]
        internal = min(cpu_seconds(base) for _ in range(options.runs))
        public = min(cpu_seconds([*base, "--openbaar"]) for _ in range(options.runs))
    print(
        f"{options.data}: actions {internal:.2f} s, actions --openbaar {public:.2f} s "
        f"({public / internal:.2f}x)"
    )


if __name__ == "__main__":
    main()
