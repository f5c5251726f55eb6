"""Write generator/fonts/coverage.json: the characters the PDFs' fonts can show.

The print documents are set in the Liberation Sans files shipped in generator/fonts, with Typst's
own DejaVu Sans Mono as the fallback (for ✓ and ✗, and the scripts Liberation Sans lacks). A
character neither has is replaced before typesetting (PDF/UA forbids a glyph that is missing), so
statusgen must know which characters they hold without reading fonts at run time. Run it after
changing or upgrading the fonts (DejaVu Sans Mono: the same version Typst carries, 2.37):

    .venv/bin/pip install fonttools && .venv/bin/python tools/make_coverage.py
"""

from __future__ import annotations

import json
from pathlib import Path

from fontTools.ttLib import TTFont

ROOT = Path(__file__).resolve().parents[1]
FONTS = [
    *sorted((ROOT / "generator" / "fonts").glob("LiberationSans-*.ttf")),
    Path("/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf"),
]
OUT = ROOT / "generator" / "fonts" / "coverage.json"


def main() -> None:
    codes: set[int] = set()
    for path in FONTS:
        codes |= set(TTFont(path).getBestCmap())
    ranges: list[list[int]] = []
    for code in sorted(codes):
        if ranges and ranges[-1][1] == code - 1:
            ranges[-1][1] = code
        else:
            ranges.append([code, code])
    data = {"fonts": [p.name for p in FONTS], "ranges": ranges}
    OUT.write_text(json.dumps(data, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {OUT} ({len(codes)} characters in {len(ranges)} ranges)")


if __name__ == "__main__":
    main()
