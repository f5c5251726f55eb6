"""statusgen as users get it (an installed wheel, bytecode compiled), beside its peers, in one run.

    python bench/wheel.py [--runs 5]

Builds a wheel of this checkout and installs it into a fresh virtual environment (see
``timing.installed``), then times, on the demo data and on the seed deck (bench/seed/: the real
deck's forms, with the results form, the dashboard matrix and the calendar's three parts):

- ``statusgen deck``, a new process each run, beside pandoc making a deck of the same content
  (bench/deck.py's HTML) in the same run; cold (a new process) and warm (a second build in the
  same process, as ``statusgen serve`` does: bench/phases.py);
- where the deck's time goes: imports, load (read and check), layout, write (bench/phases.py);
- ``statusgen check`` and ``statusgen vergadering DATE`` (the one-command meeting build);
- the report PDF beside Typst alone on the same template and data (bench/print.py's ``bare``);
- the floor under every command: Python importing Click and pydantic.

pandoc is not part of CI; on Debian: ``apt-get install pandoc``. The machine is shared: compare
the figures of one run with each other, not with another run's.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from timing import installed, paired, stack, wall

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DATA = {"demo": ROOT / "status", "seed": HERE / "seed"}
#: issue #27's targets, in seconds or as a ratio to pandoc
DECK_COLD_RATIO = 2.5
DECK_WARM_RATIO = 1.0
CHECK = 0.25
VERGADERING = 1.5


def _latest(data: Path) -> str:
    return max(path.stem for path in (data / "vergaderingen").glob("*.yaml"))


def _beside_pandoc(ours: list[str], data: Path, work: Path, runs: int) -> tuple[float, float]:
    """The median wall times of ``ours`` and of pandoc making a deck of the same content, their
    runs taking turns (so that a busy minute of the machine falls on both)."""
    from deck import html

    source = work / "deck.html"
    source.write_text(html(data), encoding="utf-8")
    pandoc = shutil.which("pandoc")
    if pandoc is None:
        return wall(ours, runs), float("nan")
    theirs = [pandoc, "-f", "html", str(source), "-o", str(work / "pandoc.pptx")]
    return paired(ours, theirs, runs)


def _phases(python: Path, data: Path, work: Path, runs: int) -> dict[str, object]:
    out = work / "phases"
    out.mkdir(exist_ok=True)
    results = []
    for _ in range(runs):
        proc = subprocess.run(
            [str(python), str(HERE / "phases.py"), str(data), "--output", str(out)],
            capture_output=True, text=True, check=True, cwd=work,
        )  # fmt: skip
        results.append(json.loads(proc.stdout))
    median = statistics.median

    def phase(when: str) -> dict[str, float]:
        return {k: median(r[when][k] for r in results) for k in results[0][when]}

    return {"imports": median(r["imports"] for r in results), "cold": phase("cold"),
            "warm": phase("warm")}  # fmt: skip


def _row(what: str, ours: float, peer: float | None, target: str) -> None:
    if peer is None:
        print(f"  {what:44} {ours:7.3f} s {'':>18} {target}")
    else:
        print(f"  {what:44} {ours:7.3f} s {peer:7.3f} s {ours / peer:5.2f}x  {target}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        print("building and installing the wheel ...", flush=True)
        bin_dir = installed(work)
        statusgen, python = str(bin_dir / "statusgen"), bin_dir / "python"
        floor = stack(str(python), args.runs)
        print(f"Python importing Click and pydantic, nothing else: {floor:.3f} s\n")
        print(f"  {'what':44} {'statusgen':>9} {'peer':>9} {'ratio':>6}  target")
        for name, data in DATA.items():
            print(f"{name} ({data.relative_to(ROOT)})")
            out = str(work / "out")
            date = _latest(data)
            ours = [statusgen, "deck", "--data", str(data), "--output", out]
            deck, pandoc = _beside_pandoc(ours, data, work, args.runs)
            phases = _phases(python, data, work, args.runs)
            warm = phases["warm"]
            cold = phases["cold"]
            assert isinstance(warm, dict) and isinstance(cold, dict)
            _row("deck, cold (new process) vs pandoc", deck, pandoc, f"<= {DECK_COLD_RATIO}x")
            _row("deck, warm (2nd build, same process) vs pandoc", warm["total"], pandoc,
                 f"<= {DECK_WARM_RATIO}x")  # fmt: skip
            check = wall([statusgen, "check", "--data", str(data)], args.runs)
            _row("check", check, None, f"< {CHECK} s")
            meeting = [statusgen, "vergadering", date, "--data", str(data), "--output", out]
            _row(f"vergadering {date}", wall(meeting, args.runs), None, f"< {VERGADERING} s")
            print(f"  deck's breakdown ({int(cold['slides'])} slides): imports "
                  f"{phases['imports']:.3f} s, then")  # fmt: skip
            for when, figures in (("cold", cold), ("warm", warm)):
                parts = ", ".join(f"{k} {figures[k]:.3f}" for k in ("load", "layout", "write"))
                print(f"    {when}: {parts} (s)")
        print("report PDF (demo)")
        from print import bare, report_data

        out = str(work / "out")
        report = [statusgen, "report", "vgr-2021-1", "--data", str(DATA["demo"]), "--output",
                  out, "--format", "pdf"]  # fmt: skip
        alone = bare(work, "rapportage.typ", report_data(DATA["demo"]), args.runs)
        _row("report pdf vs Typst alone", wall(report, args.runs), alone, "")


if __name__ == "__main__":
    main()
