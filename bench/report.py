"""Time `statusgen report` as a user runs it, at seed scale and ten times longer.

    python bench/report.py [--runs 3]

Targets (issue #4): the HTML alone under 0.5 s wall at seed scale; linear growth to a report ten
times longer (every chapter and KPI group ten times). The PDF alone is timed against Typst alone
by bench/print.py (issue 14).
"""

from __future__ import annotations

import argparse
import copy
import shutil
import sys
import tempfile
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))

from timing import wall

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "status"
REPORT = "vgr-2021-1"
STATUSGEN = [sys.executable, "-m", "generator"]


def longer(target: Path, times: int) -> Path:
    """The demo data with the report's chapters and KPI groups repeated ``times`` times."""
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(DEMO, target)
    path = target / "rapportages" / f"{REPORT}.yaml"
    report = yaml.safe_load(path.read_text(encoding="utf-8"))
    # copies, not the same objects: PyYAML would write those as anchors, which statusgen refuses
    report["hoofdstukken"] = [
        copy.deepcopy(h) for _ in range(times) for h in report["hoofdstukken"]
    ]
    for h in report["hoofdstukken"][len(report["hoofdstukken"]) // times :]:
        for p in h.get("paragrafen", []):
            p.pop("risicoparagraaf", None)  # a report has one risk paragraph

    report["kpis"] = [copy.deepcopy(k) for _ in range(times) for k in report["kpis"]]
    path.write_text(yaml.safe_dump(report, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return target


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    scratch = ROOT / "bench" / "data"
    print(f"{'what':40} {'median':>8} {'target':>8}")
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        for label, data in (("seed", DEMO), ("10x", longer(scratch / "report-10x", 10))):
            common = ["report", REPORT, "--data", str(data), "--output", str(out)]
            html = wall([*STATUSGEN, *common, "--format", "html"], args.runs)
            whole = wall([*STATUSGEN, *common], args.runs)
            print(f"{f'html, {label}':40} {html:8.2f} {'0.50' if label == 'seed' else '':>8}")
            print(f"{f'html + pdf, {label}':40} {whole:8.2f} {'':>8}")
    shutil.rmtree(scratch / "report-10x")


if __name__ == "__main__":
    main()
