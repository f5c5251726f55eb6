"""Time the PDFs as a user makes them, and a bare `typst.compile` of the same template and data.

    python bench/print.py [--runs 5]

Targets (issue 14): the report's PDF at seed scale under 0.6 s wall, interpreter start included;
the action table's PDF for 86 actions under 0.8 s and for 860 under 3 s; each within 1.3x of a
bare `typst.compile` of the same template and data in a fresh Python process (Typst and its
Python start, nothing of statusgen), measured in the same run.

Two floors are measured in the same run, to show how near a target can be: ``statusgen check``
on the same data (reading and validating it, which every command does before its first output)
plus Typst's share of the bare run, and a Python that imports Click and pydantic and does
nothing else.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from dataset import make
from timing import stack, wall

from generator.load.diagnostics import Diagnostics
from generator.render.typeset import STANDARD, printable

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "status"
STATUSGEN = [sys.executable, "-m", "generator"]
#: typst.compile alone, as the template's own command line would run it
BARE = """
import sys, typst
root, template, data, output, fonts, standard = sys.argv[1:7]
with open(data, encoding="utf-8") as f:
    text = f.read()
typst.compile(f"{root}/{template}", output=output, root=root, font_paths=[fonts],
              ignore_system_fonts=True, sys_inputs={"data": text}, pdf_standards=standard)
"""


def report_data(data: Path) -> dict[str, Any]:
    from generator.load.dataset import load
    from generator.render.rapportage.build import build
    from generator.render.rapportage.pdf import data as typst_data

    dataset = load(data, Diagnostics())
    item = next(e.item for e in dataset.loaded["rapportage"] if e.file.stem == "vgr-2021-1")
    return typst_data(build(dataset, "vgr-2021-1", item))


def actions_data(data: Path) -> dict[str, Any]:
    from generator.load.dataset import load
    from generator.render.actietabel.build import build
    from generator.render.actietabel.pdf import data as typst_data

    return typst_data(build(load(data, Diagnostics())))


def bare(work: Path, template: str, data: dict[str, Any], runs: int) -> float:
    """The median wall time of typst.compile on ``template`` with ``data``, in a new process."""
    root = work / "root"
    if root.exists():
        shutil.rmtree(root)
    root.mkdir()
    for source in (ROOT / "templates").glob("*.typ"):
        shutil.copy(source, root / source.name)
    text, _ = printable(json.dumps(data, ensure_ascii=False))
    (work / "data.json").write_text(text, encoding="utf-8")
    fonts = str(ROOT / "generator" / "fonts")
    args = [
        sys.executable, "-c", BARE,
        str(root), template, str(work / "data.json"), str(work / "bare.pdf"), fonts, STANDARD,
    ]  # fmt: skip
    return wall(args, runs)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    scratch = ROOT / "bench" / "data"
    rows: list[tuple[str, float, float, float, float]] = []
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        out = work / "out"
        command = [*STATUSGEN, "report", "vgr-2021-1", "--data", str(DEMO), "--output", str(out)]
        statusgen = wall([*command, "--format", "pdf"], args.runs)
        alone = bare(work, "rapportage.typ", report_data(DEMO), args.runs)
        check = wall([*STATUSGEN, "check", "--data", str(DEMO)], args.runs)
        rows.append(("report pdf, seed", statusgen, alone, check, 0.6))
        for count, target in ((86, 0.8), (860, 3.0)):
            data = make(scratch / f"print-{count}", werkstromen=6, acties=count)
            command = [*STATUSGEN, "actions", "--data", str(data), "--output", str(out)]
            statusgen = wall([*command, "--format", "pdf"], args.runs)
            alone = bare(work, "actietabel.typ", actions_data(data), args.runs)
            check = wall([*STATUSGEN, "check", "--data", str(data)], args.runs)
            rows.append((f"actions pdf, {count} acties", statusgen, alone, check, target))
            shutil.rmtree(data)
        floor = stack(sys.executable, args.runs)
        start = wall([sys.executable, "-c", "pass"], args.runs)
    print(
        f"{'what':28} {'statusgen':>10} {'bare typst':>11} {'ratio':>6} {'target':>12}"
        f" {'check':>8} {'check + Typst':>14}"
    )
    for label, statusgen, alone, check, target in rows:
        ratio = statusgen / alone
        verdict = "ok" if statusgen < target and ratio <= 1.3 else "MISSED"
        # the least statusgen could take: read and validate the data (check), then Typst's
        # share of the bare run (all of it but the interpreter's start, which check paid)
        least = check + alone - start
        print(
            f"{label:28} {statusgen:9.2f}s {alone:10.2f}s {ratio:6.2f} "
            f"{f'<{target:.1f}s, 1.3x':>12} {check:7.2f}s {least / alone:13.2f}x {verdict}"
        )
    print(
        f"Python importing Click and pydantic, nothing else: {floor:.2f} s "
        f"(1.3x the bare report is {1.3 * rows[0][2]:.2f} s)"
    )


if __name__ == "__main__":
    main()
