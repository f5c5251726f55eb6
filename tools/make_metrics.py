"""Write generator/render/typography/metrics.json: advance widths of Liberation Sans, for
measuring text.

Liberation Sans has the metrics of Arial, the font the deck is set in: PowerPoint uses Arial,
LibreOffice substitutes Liberation Sans. The widths are stored in the package so that building a
deck needs neither the font files nor fontTools. Run it after a fontTools or font upgrade:

    .venv/bin/pip install fonttools && .venv/bin/python tools/make_metrics.py
"""

from __future__ import annotations

import json
from pathlib import Path

from fontTools.ttLib import TTFont

FONTS = Path("/usr/share/fonts/truetype/liberation2")
STYLES = {"regular": "Regular", "bold": "Bold", "italic": "Italic", "bolditalic": "BoldItalic"}
OUT = Path(__file__).resolve().parents[1] / "generator" / "render" / "typography" / "metrics.json"


def main() -> None:
    styles = {}
    upm = 0
    for key, suffix in STYLES.items():
        font = TTFont(FONTS / f"LiberationSans-{suffix}.ttf")
        upm = font["head"].unitsPerEm
        hmtx = font["hmtx"]
        widths = {
            str(code): hmtx[glyph][0]
            for code, glyph in sorted(font.getBestCmap().items())
            if code < 0x3000
        }
        styles[key] = widths
    data = {"font": "Liberation Sans (metrics of Arial)", "units_per_em": upm, "styles": styles}
    OUT.write_text(json.dumps(data, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {OUT} ({OUT.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
