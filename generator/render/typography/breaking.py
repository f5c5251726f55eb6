"""Line breaking: styled text broken greedily at spaces into lines no wider than a width, as
PowerPoint and LibreOffice both break it; a word wider than the line is broken by character.
Everything here is linear in the length of the text: each word is measured once, a word wider
than a line is broken with a running sum of its characters' widths and a binary search for each
line's end, and only short texts (words) have their width cached, never whole paragraphs.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from functools import lru_cache
from itertools import accumulate, islice

from generator.render.typography.metrics import SAFETY, UNKNOWN, advances, em_width

#: a piece of text in one style, as the measuring sees it: text, bold, italic
Piece = tuple[str, bool, bool]
#: the pieces that fit on one line of a box at a width, as ``wrap`` makes them
WrappedLine = list[Piece]


def wrap(pieces: Iterable[Piece], width: float, size: float) -> list[WrappedLine]:
    """Break styled text into lines no wider than ``width`` points at ``size`` points.

    Returns the lines, each a list of styled pieces (spaces at line ends dropped; neighbouring
    pieces in the same style joined). A newline in the text forces a break and stays at the end
    of its line, so that lines joined again keep it.
    """
    return list(_Breaker(width / size).lines(pieces))


def first_lines(
    pieces: Iterable[Piece], width: float, size: float, count: int
) -> list[WrappedLine]:
    """The first ``count`` lines ``wrap`` makes of the text (all, if it has fewer), measuring
    no further: a long text cut into parts costs the length of each part, not of the rest."""
    return list(islice(_Breaker(width / size).lines(pieces), count))


def fits(pieces: Iterable[Piece], width: float, size: float, lines: int) -> bool:
    """Whether the text takes at most ``lines`` lines; stops measuring after that many."""
    return len(list(islice(_Breaker(width / size).lines(pieces), lines + 1))) <= lines


def count_lines(pieces: tuple[Piece, ...], width: float, size: float) -> int:
    """How many lines ``wrap`` gives, without making them: a table is measured at every size it
    tries, and its heights need only the count. The same greedy breaking as ``_Breaker``, step
    for step (the same sums in the same order), so the count is always ``wrap``'s."""
    limit = width / size
    count = 0
    used = 0.0
    started = False  # whether the line holds a word
    for word, _, word_width, space_width in _measured_words(pieces):
        if word is None:  # a line break written in the text
            count += 1
            used, started = 0.0, False
            continue
        if not started:
            space_width = 0.0
        elif used + space_width + word_width > limit:
            count += 1
            used, space_width = 0.0, 0.0
        if word_width > limit:  # broken between characters: rare, so counted by wrapping
            return len(wrap(pieces, width, size))
        used += space_width + word_width
        started = True
    return count + 1


class _Breaker:
    """Greedy line breaking, one word at a time; a line is yielded as soon as it is full."""

    def __init__(self, limit: float) -> None:
        self.limit = limit  # in ems
        self.line: WrappedLine = []
        self.used = 0.0

    def lines(self, pieces: Iterable[Piece]) -> Iterator[WrappedLine]:
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

    def _end(self) -> WrappedLine:
        line, self.line, self.used = _joined(self.line), [], 0.0
        return line

    def _break_word(self, word: list[Piece]) -> Iterator[WrappedLine]:
        """A word wider than a line (which is empty here), broken between characters: a line
        holds as many as fit, and at least one."""
        for text, bold, italic in word:
            get = advances(bold, italic).get
            # ends[i]: the width of text[:i]
            ends = array("d", accumulate((get(c, UNKNOWN) * SAFETY for c in text), initial=0.0))
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

_Measured = tuple[list[Piece] | None, Piece, float, float]


def _measured_words(pieces: Iterable[Piece]) -> Iterable[_Measured]:
    """The words of ``pieces`` with the space before each, and both their widths in ems."""
    pieces = tuple(pieces)
    if sum(len(text) for text, _, _ in pieces) <= _MEASURED:
        return _measured_cached(pieces)
    return _measure_words(pieces)


@lru_cache(maxsize=16384)
def _measured_cached(pieces: tuple[Piece, ...]) -> tuple[_Measured, ...]:
    return tuple(_measure_words(pieces))


def _measure_words(pieces: Iterable[Piece]) -> Iterator[_Measured]:
    for word, space in _words(pieces):
        if word is None:
            yield None, space, 0.0, 0.0
            continue
        width = sum(em_width(t, bold=b, italic=i) for t, b, i in word)
        yield word, space, width, em_width(" ", bold=space[1], italic=space[2])


_TOKENS = re.compile(r"[^ \n\t]+|\n|[ \t]")


def _words(pieces: Iterable[Piece]) -> Iterator[tuple[list[Piece] | None, Piece]]:
    """Words (lists of styled pieces, a word may change style inside) and the space before;
    None and the newline for a newline."""
    word: list[Piece] = []
    space: Piece = (" ", False, False)
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


def _joined(line: WrappedLine) -> WrappedLine:
    """Neighbouring pieces in the same style as one piece."""
    if len(line) < 2:
        return line
    result: WrappedLine = []
    texts: list[str] = []
    style = (line[0][1], line[0][2])
    for text, bold, italic in line:
        if (bold, italic) != style:
            result.append(("".join(texts), *style))
            texts, style = [], (bold, italic)
        texts.append(text)
    result.append(("".join(texts), *style))
    return result


def widest_word_em(pieces: Iterable[Piece]) -> float:
    """The width in ems of the widest word (what no line can be narrower than)."""
    return max((_word_em(word) for word, _ in _words(pieces) if word), default=0.0)


def line_em(pieces: Iterable[Piece]) -> float:
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


def _word_em(word: list[Piece]) -> float:
    return sum(em_width(t, bold=b, italic=i) for t, b, i in word)
