"""How much room text takes in the deck's font, so that tables can be continued before they
run off a slide (python-pptx cannot measure; PowerPoint and LibreOffice grow rows to fit).

The deck is set in Arial; LibreOffice substitutes Liberation Sans, which has the same advance
widths. ``metrics.json`` holds those widths (made by ``tools/make_metrics.py``). Lines are broken
greedily at spaces, as both renderers do; a word wider than the line is broken by character.
Kerning is ignored and a safety margin is added, so the estimate errs on the tall side.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from functools import cache, lru_cache
from importlib.resources import files

#: the face every run is set in
FONT = "Arial"
#: line height as a factor of the font size (PowerPoint's single spacing is about 1.2)
LINE = 1.2
#: widths are multiplied by this, for rounding and hinting differences between renderers
SAFETY = 1.04
#: width of a character the font does not have (the renderer falls back to another font)
_UNKNOWN = 1.0


@cache
def _tables() -> dict[str, dict[str, float]]:
    raw = json.loads(files("generator.deck").joinpath("metrics.json").read_text("utf-8"))
    upm = raw["units_per_em"]
    tables = {
        style: {chr(int(code)): width / upm for code, width in widths.items()}
        for style, widths in raw["styles"].items()
    }
    return tables


def _style(bold: bool, italic: bool) -> str:
    return ("bold" if bold else "") + ("italic" if italic else "") or "regular"


def em_width(text: str, *, bold: bool = False, italic: bool = False) -> float:
    """Width of ``text`` in ems (multiply by the font size in points for points)."""
    return _em_width(text, bold, italic)


@lru_cache(maxsize=65536)
def _em_width(text: str, bold: bool, italic: bool) -> float:
    table = _tables()[_style(bold, italic)]
    return sum(table.get(char, _UNKNOWN) for char in text) * SAFETY


StyledText = tuple[str, bool, bool]  # text, bold, italic


def wrap(pieces: Iterable[StyledText], width: float, size: float) -> list[list[StyledText]]:
    """Break styled text into lines no wider than ``width`` points at ``size`` points.

    Returns the lines, each a list of styled pieces (spaces at line ends dropped). A newline in
    the text forces a break.
    """
    lines: list[list[StyledText]] = [[]]
    line_width = 0.0
    limit = width / size  # in ems
    for word, space in _words(pieces):
        if word == [("\n", False, False)]:
            lines.append([])
            line_width = 0.0
            continue
        word_width = sum(em_width(t, bold=b, italic=i) for t, b, i in word)
        space_width = em_width(" ", bold=space[1], italic=space[2]) if lines[-1] else 0.0
        if lines[-1] and line_width + space_width + word_width > limit:
            lines.append([])
            line_width, space_width = 0.0, 0.0
        if word_width > limit:
            for piece in _break_word(word, limit - line_width - space_width, limit):
                if piece is None:
                    lines.append([])
                    line_width = 0.0
                    continue
                lines[-1].extend(piece)
                line_width += sum(em_width(t, bold=b, italic=i) for t, b, i in piece)
            continue
        if lines[-1]:
            lines[-1].append((" ", space[1], space[2]))
        lines[-1].extend(word)
        line_width += space_width + word_width
    return lines


def _words(pieces: Iterable[StyledText]) -> Iterable[tuple[list[StyledText], StyledText]]:
    """Words (lists of styled pieces, a word may change style inside) and the space before."""
    word: list[StyledText] = []
    space: StyledText = (" ", False, False)
    for text, bold, italic in pieces:
        start = 0
        for index, char in enumerate(text):
            if char in " \n\t":
                if index > start:
                    word.append((text[start:index], bold, italic))
                if word:
                    yield word, space
                    word = []
                if char == "\n":
                    yield [("\n", False, False)], space
                space = (" ", bold, italic)
                start = index + 1
        if start < len(text):
            word.append((text[start:], bold, italic))
    if word:
        yield word, space


def _break_word(
    word: Sequence[StyledText], first: float, limit: float
) -> Iterable[list[StyledText] | None]:
    """Pieces of a word too wide for a line; None between lines."""
    room = first if first > 0 else limit
    piece: list[StyledText] = []
    for text, bold, italic in word:
        chunk = ""
        for char in text:
            char_width = em_width(char, bold=bold, italic=italic)
            if char_width > room and (chunk or piece):
                if chunk:
                    piece.append((chunk, bold, italic))
                yield piece
                yield None
                piece, chunk, room = [], "", limit
            chunk += char
            room -= char_width
        if chunk:
            piece.append((chunk, bold, italic))
    if piece:
        yield piece
