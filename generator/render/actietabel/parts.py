"""An action's row of the Word table or the spreadsheet, cut into parts that each fit.

Word and LibreOffice lay the table out themselves, and neither can repeat a cell's text on the
next page. So the DOCX keeps every row on one page (``cantSplit``) and cuts a row that would not
fit on a page into several rows beforehand; the later rows are headed "30 (vervolg)" with the
status, so a row that continues on the next page names itself there, as it does in the PDF.
A spreadsheet row is at most 409 points tall, whatever it holds: the XLSX continues a longer
action in the next rows the same way (``columns``).

Heights are estimated with Arial's widths (Liberation Sans has the same; the deck measures
with them too, ``generator.render.deck.metrics``) and each format's line spacing (``Setting``);
a Word part fills at most ``FILL`` of the room a page has for rows, which leaves a margin for
the estimate's errors.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from generator.render.deck.metrics import wrap
from generator.text.lines import Line
from generator.text.model import Span as Run

#: points per millimetre
MM = 72 / 25.4
#: of the room a page has for rows, the most a Word part may fill
FILL = 0.8


@dataclass(frozen=True)
class Setting:
    """How a format sets a cell's text, in points."""

    size: float
    #: from one line to the next
    leading: float
    #: the cell's left and right margins together
    margins: float
    #: the indent of each list level
    indent: float


#: the Word table: Arial 10 at single spacing (1.15 of its size), Table Grid's margins (0.075
#: inch each side), Word's list styles (a quarter inch a level)
WORD = Setting(size=10.0, leading=11.5, margins=10.8, indent=18.0)


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


def height(para: Para, width: float, setting: Setting = WORD) -> float:
    """How tall ``para`` is, in points, in a column ``width`` points wide."""
    return _lines(para, width, setting) * setting.leading


def _room(para: Para, width: float, setting: Setting) -> float:
    return max(width - setting.margins - setting.indent * para.line.level, setting.size)


def _lines(para: Para, width: float, setting: Setting) -> int:
    pieces = [(run.text, run.bold, run.italic) for run in para.line.runs]
    if para.line.bullet:
        pieces.insert(0, (para.line.bullet + " ", False, False))
    return max(1, len(wrap(pieces, _room(para, width, setting), setting.size)))


def parts(
    omschrijving: list[Para], stand: list[Para], widths: tuple[float, float], room: float
) -> list[Part]:
    """The Word row's two text columns cut into parts of at most ``FILL`` of ``room`` points
    each, at paragraph ends where a paragraph fits, else between its lines."""
    cut = columns([omschrijving, stand], widths, room * FILL, WORD)
    return [Part(left, right, vervolg=index > 0) for index, (left, right) in enumerate(cut)]


def columns(
    cells: Sequence[Sequence[Para]], widths: Sequence[float], limit: float, setting: Setting
) -> list[tuple[tuple[Para, ...], ...]]:
    """Cells side by side, cut into parts of at most ``limit`` points each (per part, what
    each cell holds), at paragraph ends where a paragraph fits, else between its lines."""
    found = [_Column(paras, width, setting) for paras, width in zip(cells, widths, strict=True)]
    result: list[tuple[tuple[Para, ...], ...]] = []
    while not result or any(column.rest for column in found):
        result.append(tuple(column.take(limit) for column in found))
    return result


class _Column:
    def __init__(self, paras: Sequence[Para], width: float, setting: Setting) -> None:
        self.rest = list(paras)
        self.width = width
        self.setting = setting

    def take(self, limit: float) -> tuple[Para, ...]:
        """As many paragraphs from the start as fit in ``limit`` points; at least some lines
        of the first, which is split when it alone is taller."""
        taken: list[Para] = []
        used = 0.0
        while self.rest:
            para = self.rest[0]
            tall = height(para, self.width, self.setting)
            if used + tall <= limit:
                taken.append(self.rest.pop(0))
                used += tall
                continue
            if not taken:  # taller than a part: split it between its lines
                lines = int(limit // self.setting.leading)
                head, tail = _split(para, self.width, lines, self.setting)
                taken.append(head)
                if tail.line.runs:
                    self.rest[0] = tail
                else:
                    self.rest.pop(0)
            break
        return tuple(taken)


def _split(para: Para, width: float, count: int, setting: Setting) -> tuple[Para, Para]:
    """The first ``count`` lines of ``para`` and the rest, each a paragraph of its own; the rest
    keeps the list level but not the bullet."""
    pieces = [(run.text, run.bold, run.italic) for run in para.line.runs]
    lines = wrap(pieces, _room(para, width, setting), setting.size)
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
