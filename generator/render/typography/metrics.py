"""How much room text takes in the house font, so that the deck's tables can be continued
before they run off a slide and the action table's cells sized (python-pptx cannot measure;
PowerPoint and LibreOffice grow rows to fit).

The deck is set in Arial; LibreOffice substitutes Liberation Sans, which has the same advance
widths. ``metrics.json``, next to this module, holds those widths (made by
``tools/make_metrics.py``). Kerning is ignored and a safety margin is added, so the estimate
errs on the tall side. Only short texts (words, labels) have their width cached.
"""

from __future__ import annotations

import json
from functools import cache, lru_cache
from importlib.resources import files

#: the face every run is set in
FONT = "Arial"
#: line height as a factor of the font size (PowerPoint's single spacing is about 1.2)
LINE = 1.2
#: widths are multiplied by this, for rounding and hinting differences between renderers
SAFETY = 1.04
#: width of a character the font does not have (the renderer falls back to another font)
UNKNOWN = 1.0
#: texts up to this many characters (words, labels) have their width cached
_CACHED = 64
#: the part of the size a superscript run is set at: LibreOffice takes 58 %, PowerPoint about
#: two thirds; measured at the larger
SUPERSCRIPT = 0.67
#: the digits of a superscript run as the measuring sees them: characters of the Private Use
#: Area that nobody types, each as wide as its digit at ``SUPERSCRIPT``; they stand in for the
#: digits while text is broken into lines, and are turned back by ``lowered``
_RAISED = {str(d): chr(0xE000 + d) for d in range(10)}
RAISE = str.maketrans(_RAISED)
LOWER = str.maketrans({raised: digit for digit, raised in _RAISED.items()})
RAISED_DIGITS = "".join(_RAISED.values())
#: a space the measuring does not break at, as wide as a space: between the words LibreOffice
#: keeps together as one field (a link's), turned back into a space after measuring
HELD_SPACE = "\ue00a"


@cache
def _tables() -> dict[str, dict[str, float]]:
    raw = json.loads(
        files("generator.render.typography").joinpath("metrics.json").read_text("utf-8")
    )
    upm = raw["units_per_em"]
    tables = {
        style: {chr(int(code)): width / upm for code, width in widths.items()}
        for style, widths in raw["styles"].items()
    }
    for table in tables.values():
        table.update({raised: table[digit] * SUPERSCRIPT for digit, raised in _RAISED.items()})
        table[HELD_SPACE] = table[" "]
    return tables


def _style(bold: bool, italic: bool) -> str:
    return ("bold" if bold else "") + ("italic" if italic else "") or "regular"


def em_width(text: str, *, bold: bool = False, italic: bool = False) -> float:
    """Width of ``text`` in ems (multiply by the font size in points for points)."""
    if len(text) <= _CACHED:
        return _em_width(text, bold, italic)
    return _measure(text, bold, italic)


@lru_cache(maxsize=65536)
def _em_width(text: str, bold: bool, italic: bool) -> float:
    return _measure(text, bold, italic)


def _measure(text: str, bold: bool, italic: bool) -> float:
    get = _tables()[_style(bold, italic)].get
    return sum(get(char, UNKNOWN) for char in text) * SAFETY


def advances(bold: bool, italic: bool) -> dict[str, float]:
    """The advance widths in ems of the font's characters in a style (``UNKNOWN`` for those
    it lacks): what measuring a word piece by piece needs."""
    return _tables()[_style(bold, italic)]
