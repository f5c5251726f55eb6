"""Wall-clock timing of whole commands, as a user runs them: a new process each time."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


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


def paired(first: list[str], second: list[str], runs: int) -> tuple[float, float]:
    """The median wall times of two commands run in turn, ``runs`` times each (after a warm-up
    run of each): on a shared machine a ratio is only fair between runs that share a minute."""
    ones: list[float] = []
    twos: list[float] = []
    for args in (first, second):
        subprocess.run(args, capture_output=True, check=False)
    for _ in range(runs):
        for args, into in ((first, ones), (second, twos)):
            start = time.perf_counter()
            proc = subprocess.run(args, capture_output=True, check=False)
            into.append(time.perf_counter() - start)
            if proc.returncode:
                raise SystemExit(f"{' '.join(args)} failed:\n{proc.stderr.decode()}")
    return statistics.median(ones), statistics.median(twos)


def peak(args: list[str], *, ok: tuple[int, ...] = (0,)) -> tuple[float, int]:
    """Wall time and peak resident memory in bytes of one run of ``args`` (the child's own
    ``ru_maxrss``, from ``wait4``: not the largest of all children so far, as
    ``getrusage(RUSAGE_CHILDREN)`` would give)."""
    with tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=errors)
        _, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode not in ok:
            errors.seek(0)
            raise SystemExit(f"{' '.join(args)} failed:\n{errors.read().decode()}")
    return elapsed, usage.ru_maxrss * 1024  # kilobytes on Linux


#: a fresh interpreter that imports the two libraries every statusgen command stands on (its
#: command line and its data models) and does nothing else: no command can start faster
STACK = "import click\nfrom pydantic import BaseModel\n"


def stack(python: str, runs: int) -> float:
    """The median wall time of ``python`` importing Click and pydantic's BaseModel: the floor
    under every statusgen command's start, before any of its own code runs."""
    return wall([python, "-c", STACK], runs)


def installed(work: Path) -> Path:
    """The bin folder of a fresh virtual environment in ``work`` with statusgen installed from a
    wheel of this checkout, its bytecode compiled: statusgen as a user has it (an editable
    install under PYTHONDONTWRITEBYTECODE=1, as on the development and CI machines, compiles
    every module again on every run)."""
    root = Path(__file__).resolve().parents[1]
    quiet = {"capture_output": True, "check": True}
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(work / "dist"),
         str(root)], **quiet,
    )  # fmt: skip
    wheel = next((work / "dist").glob("statusgen-*.whl"))
    subprocess.run([sys.executable, "-m", "venv", str(work / "venv")], **quiet)
    bin_dir = work / "venv" / "bin"
    subprocess.run([str(bin_dir / "pip"), "install", "-q", str(wheel)], **quiet)
    subprocess.run(
        [str(bin_dir / "python"), "-m", "compileall", "-q", str(work / "venv" / "lib")], **quiet
    )
    return bin_dir
