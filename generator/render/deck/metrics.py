"""How much room text takes in the deck's font, so that tables can be continued before they
run off a slide (python-pptx cannot measure; PowerPoint and LibreOffice grow rows to fit).

The deck is set in Arial; LibreOffice substitutes Liberation Sans, which has the same advance
widths. ``metrics.json`` holds those widths (made by ``tools/make_metrics.py``). Lines are broken
greedily at spaces, as both renderers do; a word wider than the line is broken by character.
Kerning is ignored and a safety margin is added, so the estimate errs on the tall side.

Everything here is linear in the length of the text: each word is measured once, a word wider
than a line is broken with a running sum of its characters' widths and a binary search for each
line's end, and only short texts (words) have their width cached, never whole paragraphs.
"""

from __future__ import annotations

import json
import re
from array import array
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from functools import cache, lru_cache
from importlib.resources import files
from itertools import accumulate, islice

import pyphen

#: the face every run is set in
FONT = "Arial"
#: line height as a factor of the font size (PowerPoint's single spacing is about 1.2)
LINE = 1.2
#: widths are multiplied by this, for rounding and hinting differences between renderers
SAFETY = 1.04
#: width of a character the font does not have (the renderer falls back to another font)
_UNKNOWN = 1.0
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
    raw = json.loads(files("generator.render.deck").joinpath("metrics.json").read_text("utf-8"))
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
    return sum(get(char, _UNKNOWN) for char in text) * SAFETY


StyledText = tuple[str, bool, bool]  # text, bold, italic
Line = list[StyledText]


def wrap(pieces: Iterable[StyledText], width: float, size: float) -> list[Line]:
    """Break styled text into lines no wider than ``width`` points at ``size`` points.

    Returns the lines, each a list of styled pieces (spaces at line ends dropped; neighbouring
    pieces in the same style joined). A newline in the text forces a break and stays at the end
    of its line, so that lines joined again keep it.
    """
    return list(_Breaker(width / size).lines(pieces))


def first_lines(pieces: Iterable[StyledText], width: float, size: float, count: int) -> list[Line]:
    """The first ``count`` lines ``wrap`` makes of the text (all, if it has fewer), measuring
    no further: a long text cut into parts costs the length of each part, not of the rest."""
    return list(islice(_Breaker(width / size).lines(pieces), count))


def fits(pieces: Iterable[StyledText], width: float, size: float, lines: int) -> bool:
    """Whether the text takes at most ``lines`` lines; stops measuring after that many."""
    return len(list(islice(_Breaker(width / size).lines(pieces), lines + 1))) <= lines


class _Breaker:
    """Greedy line breaking, one word at a time; a line is yielded as soon as it is full."""

    def __init__(self, limit: float) -> None:
        self.limit = limit  # in ems
        self.line: Line = []
        self.used = 0.0

    def lines(self, pieces: Iterable[StyledText]) -> Iterator[Line]:
        limit = self.limit
        for word, space, word_width, space_width in _measured_words(pieces):
            if word is None:  # a line break written in the text: kept at the line's end
                self.line.append(space)
                yield self._end()
                continue
            if not self.line:
                space_width = 0.0
            if self.line and self.used + space_width + word_width > limit:
                yield self._end()
                space_width = 0.0
            if word_width > limit:
                yield from self._break_word(word)
                continue
            if self.line:
                self.line.append(space)
            self.line.extend(word)
            self.used += space_width + word_width
        yield self._end()

    def _end(self) -> Line:
        line, self.line, self.used = _joined(self.line), [], 0.0
        return line

    def _break_word(self, word: list[StyledText]) -> Iterator[Line]:
        """A word wider than a line (which is empty here), broken between characters: a line
        holds as many as fit, and at least one."""
        for text, bold, italic in word:
            get = _tables()[_style(bold, italic)].get
            # ends[i]: the width of text[:i]
            ends = array("d", accumulate((get(c, _UNKNOWN) * SAFETY for c in text), initial=0.0))
            start, length = 0, len(text)
            while start < length:
                room = self.limit - self.used
                end = bisect_right(ends, ends[start] + room, lo=start) - 1
                if end == start and not self.line:
                    end = start + 1
                if end > start:
                    self.line.append((text[start:end], bold, italic))
                    self.used += ends[end] - ends[start]
                    start = end
                if start < length:
                    yield self._end()


#: texts up to this many characters have their words measured once for every width they are
#: wrapped at (a table is laid out at several sizes); longer ones are measured as they go
_MEASURED = 4000

_Measured = tuple[list[StyledText] | None, StyledText, float, float]


def _measured_words(pieces: Iterable[StyledText]) -> Iterable[_Measured]:
    """The words of ``pieces`` with the space before each, and both their widths in ems."""
    pieces = tuple(pieces)
    if sum(len(text) for text, _, _ in pieces) <= _MEASURED:
        return _measured_cached(pieces)
    return _measure_words(pieces)


@lru_cache(maxsize=16384)
def _measured_cached(pieces: tuple[StyledText, ...]) -> tuple[_Measured, ...]:
    return tuple(_measure_words(pieces))


def _measure_words(pieces: Iterable[StyledText]) -> Iterator[_Measured]:
    for word, space in _words(pieces):
        if word is None:
            yield None, space, 0.0, 0.0
            continue
        width = sum(em_width(t, bold=b, italic=i) for t, b, i in word)
        yield word, space, width, em_width(" ", bold=space[1], italic=space[2])


_TOKENS = re.compile(r"[^ \n\t]+|\n|[ \t]")


def _words(pieces: Iterable[StyledText]) -> Iterator[tuple[list[StyledText] | None, StyledText]]:
    """Words (lists of styled pieces, a word may change style inside) and the space before;
    None and the newline for a newline."""
    word: list[StyledText] = []
    space: StyledText = (" ", False, False)
    for text, bold, italic in pieces:
        for match in _TOKENS.finditer(text):
            token = match.group()
            if token in ("\n", " ", "\t"):
                if word:
                    yield word, space
                    word = []
                if token == "\n":
                    yield None, ("\n", bold, italic)
                space = (" ", bold, italic)
            else:
                word.append((token, bold, italic))
    if word:
        yield word, space


def _joined(line: Line) -> Line:
    """Neighbouring pieces in the same style as one piece."""
    if len(line) < 2:
        return line
    result: Line = []
    texts: list[str] = []
    style = (line[0][1], line[0][2])
    for text, bold, italic in line:
        if (bold, italic) != style:
            result.append(("".join(texts), *style))
            texts, style = [], (bold, italic)
        texts.append(text)
    result.append(("".join(texts), *style))
    return result


# --- Dutch hyphenation ----------------------------------------------------------------------------

#: words longer than this are not looked up (no Dutch word is; a pasted code or address is)
_HYPHENATE_UP_TO = 64
HYPHEN = "-"


@cache
def _dictionary() -> pyphen.Pyphen:
    return pyphen.Pyphen(lang="nl_NL")


@lru_cache(maxsize=4096)
def _points(word: str) -> tuple[int, ...]:
    """Where ``word`` may be broken: the Dutch hyphenation points, and after a hyphen it has."""
    found: set[int] = set()
    if len(word) <= _HYPHENATE_UP_TO:
        found.update(p for p in _dictionary().positions(word) if word[p] != "-")
    found.update(i + 1 for i, char in enumerate(word[:-1]) if char == "-")
    return tuple(sorted(p for p in found if 0 < p < len(word)))


def hyphenate(
    word: str, limit: float, *, bold: bool = False, italic: bool = False
) -> tuple[list[str], int]:
    """``word`` in pieces no wider than ``limit`` ems, each but the last ending in a visible
    hyphen, broken at Dutch hyphenation points (pyphen's ``nl_NL``, LibreOffice's patterns).

    Where no hyphenation point leaves a piece that fits, the word is broken between characters
    (with a hyphen too); the second value counts those breaks, so that they can be reported.
    """
    get = _tables()[_style(bold, italic)].get
    # ends[i]: the width of word[:i]; every piece is measured from it, so a long word costs
    # its length, not its length times its pieces
    ends = array("d", accumulate((get(c, _UNKNOWN) * SAFETY for c in word), initial=0.0))
    hyphen = get(HYPHEN, _UNKNOWN) * SAFETY
    points = _points(word)
    pieces: list[str] = []
    forced = 0
    start = 0
    while ends[-1] - ends[start] > limit:
        # the last hyphenation point after start where the piece and its hyphen fit
        end = bisect_right(ends, ends[start] + limit - hyphen, lo=start) - 1
        at = bisect_right(points, end) - 1
        best = points[at] if at >= 0 and points[at] > start else 0
        if not best and word[end] == "-" and end > start:  # ends in a hyphen of its own
            best = end + 1 if ends[end + 1] - ends[start] <= limit else 0
        if not best:
            best = max(end, start + 1)
            forced += 1
        piece = word[start:best]
        pieces.append(piece if piece.endswith("-") else piece + HYPHEN)
        start = best
    pieces.append(word[start:])
    return pieces, forced


def widest_word_em(pieces: Iterable[StyledText]) -> float:
    """The width in ems of the widest word (what no line can be narrower than)."""
    return max((_word_em(word) for word, _ in _words(pieces) if word), default=0.0)


def line_em(pieces: Iterable[StyledText]) -> float:
    """The width in ems of the text unbroken (its widest line, where it has line breaks)."""
    widest = used = 0.0
    for word, space in _words(pieces):
        if word is None:
            widest, used = max(widest, used), 0.0
            continue
        if used:
            used += em_width(" ", bold=space[1], italic=space[2])
        used += _word_em(word)
    return max(widest, used)


def _word_em(word: list[StyledText]) -> float:
    return sum(em_width(t, bold=b, italic=i) for t, b, i in word)
