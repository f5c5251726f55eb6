"""An action's row of the Word table, cut into parts that each fit on a page.

Word and LibreOffice lay the table out themselves, and neither can repeat a cell's text on the
next page. So the DOCX keeps every row on one page (``cantSplit``) and cuts a row that would not
fit on a page into several rows beforehand; the later rows are headed "30 (vervolg)" with the
status, so a row that continues on the next page names itself there, as it does in the PDF.

Heights are estimated with Arial's widths (Liberation Sans has the same; the deck measures
with them too, ``generator.render.deck.metrics``) and single line spacing; a part fills at
most ``FILL`` of the room a page has for rows, which leaves a margin for the estimate's errors.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from generator.render.deck.metrics import wrap
from generator.text.lines import Line
from generator.text.model import Span as Run

#: points per millimetre
MM = 72 / 25.4
#: text size and line height in the table (Arial's single spacing is 1.15 of its size)
SIZE = 10.0
LEADING = 1.15 * SIZE
#: the indent of each list level (Word's list styles: a quarter inch)
INDENT = 18.0
#: the cells' left and right margins together (Table Grid: 0.075 inch each)
CELL_MARGINS = 10.8
#: of the room a page has for rows, the most a part may fill
FILL = 0.8


@dataclass(frozen=True)
class Para:
    """A paragraph of a cell: a line of Markdown (``kind`` "tekst") or one of the action's own
    lines ("motie", "eigenaar", "bijgewerkt"), which the writer styles by their kind."""

    kind: str
    line: Line


@dataclass(frozen=True)
class Part:
    """One table row's worth of an action: what its two text cells hold on one page."""

    omschrijving: tuple[Para, ...]
    stand: tuple[Para, ...]
    vervolg: bool


def height(para: Para, width: float) -> float:
    """How tall ``para`` is, in points, in a column ``width`` points wide."""
    return _lines(para, width) * LEADING


def _lines(para: Para, width: float) -> int:
    room = max(width - CELL_MARGINS - INDENT * para.line.level, SIZE)
    pieces = [(run.text, run.bold, run.italic) for run in para.line.runs]
    if para.line.bullet:
        pieces.insert(0, (para.line.bullet + " ", False, False))
    return max(1, len(wrap(pieces, room, SIZE)))


def parts(
    omschrijving: list[Para], stand: list[Para], widths: tuple[float, float], room: float
) -> list[Part]:
    """The action's two text columns cut into parts of at most ``FILL`` of ``room`` points
    each, at paragraph ends where a paragraph fits, else between its lines."""
    limit = room * FILL
    left, right = _Column(omschrijving, widths[0]), _Column(stand, widths[1])
    result: list[Part] = []
    while not result or left.rest or right.rest:
        result.append(Part(left.take(limit), right.take(limit), vervolg=bool(result)))
    return result


class _Column:
    def __init__(self, paras: list[Para], width: float) -> None:
        self.rest = list(paras)
        self.width = width

    def take(self, limit: float) -> tuple[Para, ...]:
        """As many paragraphs from the start as fit in ``limit`` points; at least some lines
        of the first, which is split when it alone is taller."""
        taken: list[Para] = []
        used = 0.0
        while self.rest:
            para = self.rest[0]
            tall = height(para, self.width)
            if used + tall <= limit:
                taken.append(self.rest.pop(0))
                used += tall
                continue
            if not taken:  # taller than a part: split it between its lines
                head, tail = _split(para, self.width, int(limit // LEADING))
                taken.append(head)
                if tail.line.runs:
                    self.rest[0] = tail
                else:
                    self.rest.pop(0)
            break
        return tuple(taken)


def _split(para: Para, width: float, count: int) -> tuple[Para, Para]:
    """The first ``count`` lines of ``para`` and the rest, each a paragraph of its own; the rest
    keeps the list level but not the bullet."""
    room = max(width - CELL_MARGINS - INDENT * para.line.level, SIZE)
    pieces = [(run.text, run.bold, run.italic) for run in para.line.runs]
    lines = wrap(pieces, room, SIZE)
    if len(lines) < 2:
        return para, replace(para, line=Line((), para.line.level, None))
    count = max(1, min(count, len(lines) - 1))

    source = "".join(text for text, _, _ in pieces)
    at = 0  # how far into ``source`` the lines so far reach
    spaced: list[bool] = []  # per line: whether a space stood where it broke
    for line in lines:
        for text, _, _ in line:
            found = source.find(text, at)
            at = (found if found >= 0 else at) + len(text)
        ends = line[-1][0].endswith("\n") if line else False
        spaced.append(not ends and (at >= len(source) or source[at] in " \t"))
        while at < len(source) and source[at] in " \t":
            at += 1

    def runs(chunk: list[list[tuple[str, bool, bool]]], first: int) -> tuple[Run, ...]:
        found: list[Run] = []
        for index, line in enumerate(chunk):
            for text, bold, italic in line:
                found.append(Run(text, bold, italic))
            # a word wider than the line was broken inside: its pieces join without a space
            if index < len(chunk) - 1 and spaced[first + index]:
                found.append(Run(" "))
        return tuple(found)

    head = replace(para, line=replace(para.line, runs=runs(lines[:count], 0)))
    tail = replace(para, line=Line(runs(lines[count:], count), para.line.level, None))
    return head, tail
