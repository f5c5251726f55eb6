"""Wall-clock timing of whole commands, as a user runs them: a new process each time."""

from __future__ import annotations

import statistics
import subprocess
import time


def times(args: list[str], runs: int, *, ok: tuple[int, ...] = (0,)) -> list[float]:
    """Wall times of ``runs`` runs of ``args``, after one warm-up run (not counted)."""
    subprocess.run(args, capture_output=True, check=False)
    result = []
    for _ in range(runs):
        start = time.perf_counter()
        proc = subprocess.run(args, capture_output=True, check=False)
        result.append(time.perf_counter() - start)
        if proc.returncode not in ok:
            raise SystemExit(f"{' '.join(args)} failed:\n{proc.stderr.decode()}")
    return result


def wall(args: list[str], runs: int) -> float:
    """The median wall time of ``runs`` runs."""
    return statistics.median(times(args, runs))
