"""Time `statusgen actions` as a user runs it: the formats other than the PDF.

    python bench/actions.py [--runs 3]

Target (issue #5): HTML, Markdown, DOCX and XLSX together for 86 actions under 1.5 s wall; 860
actions grow linearly. The PDF is timed by bench/print.py, against Typst alone.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from dataset import make
from timing import wall

ROOT = Path(__file__).resolve().parents[1]
STATUSGEN = [sys.executable, "-m", "generator"]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    scratch = ROOT / "bench" / "data"
    print(f"{'what':44} {'median':>8} {'target':>8}")
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        for count in (86, 860):
            data = make(scratch / f"acties-{count}", werkstromen=6, acties=count)
            common = ["actions", "--data", str(data), "--output", str(out)]
            light = wall([*STATUSGEN, *common, "--format", "html,md,docx,xlsx"], args.runs)
            target = "1.50" if count == 86 else "linear"
            print(f"{f'html+md+docx+xlsx, {count} acties':44} {light:8.2f} {target:>8}")
            shutil.rmtree(data)


if __name__ == "__main__":
    main()
