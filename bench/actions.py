"""Time `statusgen actions` as a user runs it, and WeasyPrint alone on the same HTML.

    python bench/actions.py [--runs 3]

Targets (issue #5): HTML, Markdown, DOCX and XLSX together for 86 actions under 1.5 s wall; the
PDF within 1.2x of WeasyPrint's own time on the same HTML (its command line, same variant and
stylesheet), measured in the same run; 860 actions grow linearly.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from dataset import make
from timing import wall

ROOT = Path(__file__).resolve().parents[1]
STATUSGEN = [sys.executable, "-m", "generator"]
WEASYPRINT = [sys.executable, "-m", "weasyprint"]


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
            pdf = wall([*STATUSGEN, *common, "--format", "pdf"], args.runs)
            subprocess.run(
                [*STATUSGEN, *common, "--format", "html"], check=True, capture_output=True
            )
            alone = wall(
                [
                    *WEASYPRINT,
                    "--pdf-variant", "pdf/ua-1",
                    "--stylesheet", str(ROOT / "templates" / "actietabel.print.css"),
                    str(out / "actietabel.html"),
                    str(out / "weasyprint.pdf"),
                ],
                args.runs,
            )  # fmt: skip
            target = "1.50" if count == 86 else "linear"
            print(f"{f'html+md+docx+xlsx, {count} acties':44} {light:8.2f} {target:>8}")
            print(f"{f'pdf, {count} acties':44} {pdf:8.2f} {alone * 1.2:8.2f}")
            print(f"{f'weasyprint alone, same html, {count} acties':44} {alone:8.2f} {'':>8}")
            shutil.rmtree(data)


if __name__ == "__main__":
    main()
