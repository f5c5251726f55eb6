"""Distribute a section's content over slides, measuring every paragraph and table row.

Tables are set as a typesetter would. Column widths follow CSS 2.1's automatic table layout
(§17.5.2.2): each column's minimum is its widest word, its maximum its text unbroken; the room
left over the minima goes to the columns in proportion to what they would still take. A word is
broken only when it alone is wider than its column, at a Dutch hyphenation point with a visible
hyphen. Each table is set at the largest size between 12 pt and a floor (9 pt unless the caller
says otherwise) that needs no more slides than the floor does, and its groups are then spread
evenly over those slides: no slide holds a sliver that balancing can avoid.

A table continues on the next slide with its header repeated; a group of rows (an opdracht with
its hoofdacties) moves to the next slide whole when it fits there, and is split between its rows
only when it is taller than a slide; a row is split only when it is taller than a slide, between
paragraphs, else between sentences, else between lines, and its continued cells say "(vervolg)".
Nothing is clipped.

Every paragraph is wrapped once per width. Text that continues over slides is taken from a
cursor over the measured lines, so a paragraph of a megabyte costs its wrapping and its slides,
not its length times its slides.

It is one module because measuring, splitting and continuing text and tables share one geometry
and one cursor over measured lines; the parts that need no state (line breaking, font metrics,
hyphenation) live in ``metrics``.
"""

from __future__ import annotations

import logging
import pickle
import re
from collections import OrderedDict, deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import accumulate, groupby

from generator.exceptions import LayoutError
from generator.render.deck.content import (
    Block,
    Cell,
    Group,
    Para,
    Run,
    Section,
    Table,
    Text,
    bullet_room,
    indent,
)
from generator.render.deck.metrics import (
    HELD_SPACE,
    LINE,
    LOWER,
    RAISE,
    RAISED_DIGITS,
    Line,
    count_lines,
    em_width,
    hyphenate,
    line_em,
    widest_word_em,
    wrap,
)
from generator.text.shorten import shorten

log = logging.getLogger(__name__)

#: cell margins in points (written into every cell, so the measurement holds)
CELL_MARGIN_X = 5.0
CELL_MARGIN_Y = 3.0
#: text box insets in points
TEXT_INSET = 2.0
#: a slide's remaining room below which a split table or text goes to the next slide instead
MIN_ROOM = 60.0
#: the sizes a table's text is set in: the largest, the default floor, and the steps between
TABLE_MAX = 12.0
TABLE_MIN = 9.0
TABLE_STEP = 0.5
#: how far below the floor a table may be set, in points, and only to keep its groups (an
#: opdracht with its hoofdacties) whole on a slide where at the floor one would be split
WHOLE_GIVE = 1.0
#: no column is made narrower than this many ems (plus its margins) to fit a table's minima
COLUMN_FLOOR = 4.0
#: what a continued cell starts with, in italics
VERVOLG = "(vervolg)"


@dataclass(frozen=True)
class Geometry:
    """The body area of a content slide, in points."""

    width: float
    height: float


@dataclass
class TableSlice:
    """The rows of a table that go on one slide, with their measured heights."""

    widths: list[float]
    header: tuple[Cell, ...]
    header_height: float
    rows: list[list[Cell | None]] = field(default_factory=list)  # None: covered by a merge
    heights: list[float] = field(default_factory=list)
    #: (first row, last row, column) of each vertically merged cell, rows counted without header
    merges: list[tuple[int, int, int]] = field(default_factory=list)

    @property
    def height(self) -> float:
        return self.header_height + sum(self.heights)


@dataclass(frozen=True)
class Placed:
    top: float
    height: float
    block: Text | TableSlice


@dataclass(frozen=True)
class Page:
    title: str
    blocks: tuple[Placed, ...]


# --- measuring ---------------------------------------------------------------------------------


def _text_width(para: Para, width: float) -> float:
    return max(width - indent(para) - bullet_room(para), para.size)


def link_head(run: Run, room: float, size: float) -> str:
    """What of a linked run LibreOffice shows as one field, which it never breaks at a space:
    the words of the link's first line when it wraps in ``room`` points (the writer links only
    those, the rest is plain text), else all of it."""
    lines = wrap([(run.text, run.bold, run.italic)], room, size)
    return "".join(piece for piece, _, _ in lines[0]) if len(lines) > 1 else run.text


def _measured(run: Run, room: float | None = None, size: float = 0.0) -> str:
    """A run's text as it is measured: a superscript run's digits raised (``metrics.RAISE``);
    a link's field (``link_head``, in a box ``room`` points wide) held together."""
    if run.superscript:
        return run.text.translate(RAISE)
    if room is not None and (run.link or run.href):
        head = link_head(run, room, size)
        return head.replace(" ", HELD_SPACE) + run.text[len(head) :]
    return run.text


def para_lines(para: Para, width: float) -> list[Line]:
    """The lines ``para`` takes in a box ``width`` points wide (measured once, then cached)."""
    room = _text_width(para, width)
    return _lines(
        tuple((_measured(run, room, para.size), run.bold, run.italic) for run in para.runs),
        room,
        para.size,
    )


@lru_cache(maxsize=16384)
def _lines(pieces: tuple[tuple[str, bool, bool], ...], width: float, size: float) -> list[Line]:
    return wrap(pieces, width, size)


def para_height(para: Para, width: float) -> float:
    room = _text_width(para, width)
    return _line_count(para.runs, room, para.size) * para.size * LINE + para.space_before


@lru_cache(maxsize=65536)
def _line_count(runs: tuple[Run, ...], room: float, size: float) -> int:
    """How many lines ``runs`` take in ``room`` points at ``size``: what a height needs,
    counted once per (text, width, size) and never made into lines (``para_lines`` makes them
    for the paragraphs that are split)."""
    pieces = tuple((_measured(run, room, size), run.bold, run.italic) for run in runs)
    return count_lines(pieces, room, size)


def paras_height(paras: Sequence[Para], width: float) -> float:
    return sum(para_height(p, width) for p in paras)


def cell_height(cell: Cell, width: float) -> float:
    inner = width - 2 * CELL_MARGIN_X
    return paras_height(cell.paras, inner) + 2 * CELL_MARGIN_Y


def spanned(widths: Sequence[float], column: int, cell: Cell) -> float:
    """The width of ``cell`` in ``column``, with the columns it spans."""
    return sum(widths[column : column + cell.span])


def text_height(text: Text, width: float) -> float:
    return paras_height(text.paras, width) + 2 * TEXT_INSET


@lru_cache(maxsize=65536)
def _ems(runs: tuple[Run, ...]) -> tuple[float, float]:
    """A paragraph's widest word and its text unbroken, in ems."""
    pieces = [(_measured(run), run.bold, run.italic) for run in runs]
    return widest_word_em(pieces), line_em(pieces)


def widest_word(paras: Sequence[Para]) -> float:
    """Width in points of the widest word with its paragraph's indent (to size columns)."""
    return max((indent(p) + bullet_room(p) + _ems(p.runs)[0] * p.size for p in paras), default=0.0)


_GAPS = re.compile(r"([ \n\t]+)")


def fit_words(paras: Sequence[Para], width: float) -> tuple[list[Para], int]:
    """``paras`` with every word wider than a ``width`` points box hyphenated (a visible hyphen,
    then a line break, which PowerPoint and LibreOffice show alike); and how many breaks fell
    between characters because no hyphenation point fitted."""
    result: list[Para] = []
    forced = 0
    for para in paras:
        room = _text_width(para, width)
        if _ems(para.runs)[0] * para.size <= room:
            result.append(para)
            continue
        limit = room / para.size
        runs = []
        for run in para.runs:
            if run.superscript:  # a footnote marker: digits
                runs.append(run)
                continue
            tokens = _GAPS.split(run.text)
            for index in range(0, len(tokens), 2):
                token = tokens[index]
                if token and em_width(token, bold=run.bold, italic=run.italic) > limit:
                    pieces, broken = hyphenate(token, limit, bold=run.bold, italic=run.italic)
                    tokens[index] = "\n".join(pieces)
                    forced += broken
            runs.append(replace(run, text="".join(tokens)))
        result.append(replace(para, runs=tuple(runs)))
    return result, forced


# --- splitting text ----------------------------------------------------------------------------

#: where a sentence ends: a full stop (question mark, ...) before a space and a capital or figure
_SENTENCE = re.compile(r"[.!?][\"')\u201d]?(?= [A-Z0-9\u00c0-\u00dd\u201c\"'(])")
_SENTENCE_END = re.compile(r"[.!?][\"')\u201d]?$")
_STARTS = re.compile(r"[A-Z0-9\u00c0-\u00dd\u201c\"'(]")
#: a paragraph split between sentences mid-line is wrapped again from there: not when more
#: than this many lines follow (a paragraph of a megabyte is split between lines instead)
_REWRAP = 400


def _line_text(line: Line) -> str:
    return "".join(text for text, _, _ in line)


def _cut(line: Line, at: int) -> tuple[Line, Line]:
    """A line's pieces before character ``at``, and after it (the space there dropped)."""
    head: Line = []
    tail: Line = []
    seen = 0
    for text, bold, italic in line:
        if seen + len(text) <= at:
            head.append((text, bold, italic))
        elif seen >= at:
            tail.append((text, bold, italic))
        else:
            head.append((text[: at - seen], bold, italic))
            tail.append((text[at - seen :], bold, italic))
        seen += len(text)
    if tail:
        tail[0] = (tail[0][0].lstrip(" "), *tail[0][1:])
    return head, [piece for piece in tail if piece[0]]


class _Paras:
    """Paragraphs still to be placed, each measured once; the first may be partly placed.

    ``take`` hands out what fits in some room and moves on, so text that runs over many slides
    is never measured again, and never copied but for the part that goes on a slide. It breaks
    between paragraphs where it can, else between sentences, else between lines.
    """

    def __init__(self, paras: Sequence[Para], width: float) -> None:
        self.paras = list(paras)
        self.width = width
        self._heights = [para_height(para, width) for para in self.paras]
        #: the height of paras[i:], for every i
        self._after = list(accumulate(reversed(self._heights), initial=0.0))[::-1]
        self.index = 0
        self.line = 0  # lines of paras[index] placed already
        self._split: tuple[list[Line], dict[tuple[bool, bool], str | None]] | None = None

    @property
    def done(self) -> bool:
        return self.index >= len(self.paras)

    @property
    def started(self) -> bool:
        """Whether some of the text has been handed out, and some is left."""
        return not self.done and (self.index > 0 or self.line > 0)

    def height(self) -> float:
        """The height of what is left."""
        if self.done:
            return 0.0
        return self._after[self.index + 1] + self._left()

    def _left(self) -> float:
        """The height of the current paragraph's part not placed yet."""
        if not self.line:
            return self._heights[self.index]
        lines, _ = self._current()
        return (len(lines) - self.line) * _step(self.paras[self.index])

    def _current(self) -> tuple[list[Line], dict[tuple[bool, bool], str | None]]:
        if self._split is None:
            para = self.paras[self.index]
            colours = {(run.bold, run.italic): run.colour for run in para.runs}
            self._split = para_lines(para, self.width), colours
        return self._split

    def take(self, room: float) -> tuple[list[Para], float]:
        """The paragraphs (the last perhaps in part) that fit in ``room`` points, and their
        height. Nothing when not even a line fits."""
        head: list[Para] = []
        used = 0.0
        while not self.done:
            para = self.paras[self.index]
            height = self._left()
            if used + height <= room:
                head.append(self._part(None) if self.line else para)
                used += height
                self._next()
                continue
            space = 0.0 if self.line else para.space_before
            fit = int((room - used - space) // _step(para))
            if fit <= 0:
                break
            # between paragraphs, unless that leaves more than a third of the room empty
            if head and room - used <= room / 3:
                break
            sentence = self._sentences(fit)
            if sentence is not None:
                part, lines = sentence
                head.append(part)
                used += lines * _step(para) + space
                break
            if head:
                break
            head.append(self._part(self.line + fit))
            used += fit * _step(para) + space
            break
        return head, used

    def _sentences(self, fit: int) -> tuple[Para, int] | None:
        """The current paragraph up to the last sentence end within its next ``fit`` lines,
        and how many lines that takes; None when no sentence ends there."""
        lines, colours = self._current()
        last = min(self.line + fit, len(lines)) - 1
        rewrap = len(lines) - last <= _REWRAP
        for number in range(last, self.line - 1, -1):
            text = _line_text(lines[number])
            if (
                number + 1 < len(lines)
                and _SENTENCE_END.search(text)
                and _STARTS.match(_line_text(lines[number + 1]))
            ):
                taken = number + 1 - self.line  # before _part moves the cursor on
                return self._part(number + 1), taken
            if not rewrap:
                continue
            ends = [match.end() for match in _SENTENCE.finditer(text)]
            if ends:
                head_line, tail_line = _cut(lines[number], ends[-1])
                para = self.paras[self.index]
                continued = self.line > 0
                part = _from_lines(
                    para, [*lines[self.line : number], head_line], colours, continued
                )
                rest = _from_lines(para, [tail_line, *lines[number + 1 :]], colours, True)
                taken = number + 1 - self.line
                self.paras[self.index] = rest
                self._heights[self.index] = para_height(rest, self.width)
                self.line = 0
                self._split = None
                return part, taken
        return None

    def _part(self, end: int | None) -> Para:
        """The current paragraph's lines from ``self.line`` to ``end``, as a paragraph."""
        lines, colours = self._current()
        part = _from_lines(self.paras[self.index], lines[self.line : end], colours, self.line > 0)
        self.line = len(lines) if end is None else min(end, len(lines))
        if self.line >= len(lines):
            self._next()
        return part

    def _next(self) -> None:
        self.index += 1
        self.line = 0
        self._split = None

    def rest(self) -> list[Para]:
        """Everything left, as paragraphs; the cursor is done after this."""
        rest: list[Para] = []
        if self.line and not self.done:
            rest.append(self._part(None))
        rest += self.paras[self.index :]
        self.index = len(self.paras)
        return rest


def _step(para: Para) -> float:
    return para.size * LINE


def _from_lines(
    para: Para,
    lines: Sequence[Line],
    colours: dict[tuple[bool, bool], str | None],
    continued: bool,
) -> Para:
    """A paragraph of some of ``para``'s lines, in as few runs as their styles allow."""
    pieces: list[tuple[str, bool, bool]] = []
    for line in lines:
        if pieces and not pieces[-1][0].endswith("\n"):
            # where the line broke there was a space: it goes with the text before it
            pieces.append((" ", pieces[-1][1], pieces[-1][2]))
        pieces.extend(line)
    if pieces and pieces[-1][0].endswith("\n"):  # the break is where the slide ends
        pieces[-1] = (pieces[-1][0][:-1], *pieces[-1][1:])
    runs = tuple(
        lowered
        for (bold, italic), group in groupby(pieces, key=lambda piece: piece[1:])
        for lowered in _lowered(
            Run("".join(text for text, _, _ in group), bold, italic, colours.get((bold, italic)))
        )
    )
    space = 0.0 if continued else para.space_before
    # a continued bullet paragraph keeps its indent, without a second bullet
    marked = para.marked and not continued
    return replace(para, runs=runs, marked=marked, space_before=space)


_RAISED = re.compile(f"([{RAISED_DIGITS}]+)")


def _lowered(run: Run) -> list[Run]:
    """A run rebuilt from measured lines as it was: its held spaces as spaces, its raised
    digits as superscript runs again."""
    if HELD_SPACE in run.text:
        run = replace(run, text=run.text.replace(HELD_SPACE, " "))
    if not _RAISED.search(run.text):
        return [run]
    parts = _RAISED.split(run.text)
    return [
        replace(run, text=part.translate(LOWER), superscript=True) if number % 2 else
        replace(run, text=part)
        for number, part in enumerate(parts)
        if part
    ]  # fmt: skip


def _marker(size: float) -> Para:
    return Para((Run(VERVOLG, italic=True),), size=size)


# --- tables ------------------------------------------------------------------------------------


def distribute(
    minimum: Sequence[float], maximum: Sequence[float], width: float, floor: float
) -> list[float]:
    """Column widths by CSS 2.1's automatic table layout, filling ``width``.

    When even the minima do not fit, the minima are capped at an equal share of the width (never
    below ``floor``), and the words wider than that are hyphenated."""
    count = len(minimum)
    maximum = [
        min(max(high, low), max(width, low)) for low, high in zip(minimum, maximum, strict=True)
    ]
    if sum(maximum) <= width:
        total = sum(maximum)
        return [width * high / total for high in maximum]
    if sum(minimum) <= width:
        spare = width - sum(minimum)
        stretch = sum(high - low for low, high in zip(minimum, maximum, strict=True))
        return [
            low + spare * (high - low) / stretch for low, high in zip(minimum, maximum, strict=True)
        ]
    # the minima do not fit: no word claims more than an equal share of the table (or the
    # floor), longer words are hyphenated, and what is left goes to the columns with prose
    cap = max(floor, width / count)
    capped = [min(low, cap) for low in minimum]
    if sum(capped) > width:
        return [low * width / sum(capped) for low in capped]
    return distribute(capped, maximum, width, floor)


@dataclass
class _Chunk:
    rows: list[list[Cell | None]]
    heights: list[float]
    spanning: dict[int, Cell]
    #: (first row, last row, column) of the cells that cover some of its rows
    merges: list[tuple[int, int, int]] = field(default_factory=list)

    @property
    def height(self) -> float:
        return sum(self.heights)


_NOTHING = _Chunk([], [], {})


@dataclass
class _Laid:
    """A table set at one size: its columns, its cells (hyphenated where they must be) and
    each group measured."""

    size: float
    widths: list[float]
    header: tuple[Cell, ...]
    header_height: float
    groups: list[Group]
    chunks: list[_Chunk]
    forced: int


class _TableLayout:
    """One table, its columns' needs measured once, laid out at any size on demand."""

    def __init__(self, table: Table, width: float) -> None:
        self.table = table
        self.width = min(width, table.width or width)
        count = len(table.columns)
        #: per column, per paragraph: fixed points, and ems of its widest word and whole text
        self.needs: list[list[tuple[float, float, float]]] = [[] for _ in range(count)]
        for row in _all_rows(table):
            for column, cell in enumerate(row[:count]):
                if cell.span != 1:  # a cell over several columns sets none of their widths
                    continue
                for para in cell.paras:
                    word, whole = _ems(para.runs)
                    room = bullet_room(para) / para.size
                    self.needs[column].append((indent(para), room + word, room + whole))
        self._laid: dict[float, _Laid] = {}
        self._splits: dict[tuple[float, int, float], list[_Chunk]] = {}

    def at(self, size: float) -> _Laid:
        laid = self._laid.get(size)
        if laid is None:
            laid = self._laid[size] = self._lay(size)
        return laid

    def widths(self, size: float) -> list[float]:
        margins = 2 * CELL_MARGIN_X + 1.0
        minimum = [margins + max((f + size * w for f, w, _ in c), default=0.0) for c in self.needs]
        maximum = [margins + max((f + size * m for f, _, m in c), default=0.0) for c in self.needs]
        floor = 2 * CELL_MARGIN_X + COLUMN_FLOOR * size
        return distribute(minimum, maximum, self.width, floor)

    def _lay(self, size: float) -> _Laid:
        widths = self.widths(size)
        forced = 0

        def fitted(cell: Cell, column: int) -> Cell:
            nonlocal forced
            if not cell.paras:
                return cell
            sized = [p if p.size == size else replace(p, size=size) for p in cell.paras]
            paras, broken = fit_words(sized, spanned(widths, column, cell) - 2 * CELL_MARGIN_X)
            forced += broken
            return replace(cell, paras=tuple(paras))

        header = tuple(fitted(cell, c) for c, cell in enumerate(self.table.header))
        groups = [
            Group(
                tuple(tuple(fitted(cell, c) for c, cell in enumerate(row)) for row in group.rows),
                {c: fitted(cell, c) for c, cell in group.spanning.items()},
                {c: fitted(cell, c) for c, cell in group.continued.items()},
            )
            for group in self.table.groups
        ]
        chunks = [_measure_group(group, widths) for group in groups]
        header_height = _row_height(list(header), widths)
        return _Laid(size, widths, header, header_height, groups, chunks, forced)

    def split(self, laid: _Laid, index: int, first: float, fresh: float) -> list[_Chunk]:
        key = (laid.size, index, round(first, 1))
        parts = self._splits.get(key)
        if parts is None:
            group = laid.groups[index]
            parts = self._splits[key] = _split_group(group, laid.widths, (first, fresh), laid.size)
        return parts

    def pack(
        self, laid: _Laid, first: float, full: float, cap: float = float("inf")
    ) -> list[list[_Chunk]]:
        """The table's chunks per slide, the first on the current slide (``first`` points
        left on it; nothing there when the table starts on the next), no slide's part of the
        table taller than ``cap`` where whole groups can help it."""
        fresh = full - laid.header_height
        room = first - laid.header_height
        pages: list[list[_Chunk]] = [[]]
        if room < min(MIN_ROOM, sum(chunk.height for chunk in laid.chunks)):
            pages.append([])
            room = fresh
        used = 0.0
        for index, chunk in enumerate(laid.chunks):
            if used + chunk.height <= min(cap, room):
                pages[-1].append(chunk)
                used += chunk.height
                continue
            if chunk.height <= fresh:
                if pages[-1] or used:
                    pages.append([])
                pages[-1].append(chunk)
                room, used = fresh, chunk.height
                continue
            start = room - used
            if start < MIN_ROOM:
                pages.append([])
                room, used, start = fresh, 0.0, fresh
            for number, part in enumerate(self.split(laid, index, start, fresh)):
                if number:
                    pages.append([])
                    room, used = fresh, 0.0
                if part.rows:
                    pages[-1].append(part)
                    used += part.height
        return pages

    def balanced(self, laid: _Laid, first: float, full: float) -> list[list[_Chunk]]:
        """As few slides as the greedy packing needs, the fullest of them as empty as can be
        (the smallest cap that needs no more slides, by bisection)."""
        pages = self.pack(laid, first, full)
        if len(pages) - (not pages[0]) < 2:
            return pages
        low, high = 0.0, full - laid.header_height
        while high - low > 2.0:
            middle = (low + high) / 2
            if len(self.pack(laid, first, full, middle)) <= len(pages):
                high = middle
            else:
                low = middle
        return self.pack(laid, first, full, high)


def _first(sizes: Sequence[float], good: Callable[[float], bool]) -> int:
    """The index of the first of ``sizes`` (falling) that is ``good``, the last always being
    good and goodness never lost as sizes fall (by bisection)."""
    low, high = -1, len(sizes) - 1
    while high - low > 1:
        middle = (low + high) // 2
        if good(sizes[middle]):
            high = middle
        else:
            low = middle
    return high


def table_sizes(floor: float) -> list[float]:
    """The sizes a table may be set in, largest first: 12 pt down to ``floor`` in steps."""
    sizes: list[float] = []
    size = TABLE_MAX
    while size > floor + 1e-9:
        sizes.append(size)
        size -= TABLE_STEP
    sizes.append(floor)
    return sizes


def _all_rows(table: Table) -> list[tuple[Cell, ...]]:
    rows = [table.header]
    width = len(table.columns)
    for group in table.groups:
        rows.extend(group.rows)
        for cells in (group.spanning, group.continued):
            if cells:
                row = [Cell()] * width
                for column, cell in cells.items():
                    if column < width:
                        row[column] = cell
                rows.append(tuple(row))
    return rows


def _row_height(row: Sequence[Cell | None], widths: Sequence[float]) -> float:
    return max(
        (cell_height(cell, spanned(widths, c, cell)) for c, cell in _visible(row)),
        default=2 * CELL_MARGIN_Y,
    )


def _visible(row: Sequence[Cell | None]) -> list[tuple[int, Cell]]:
    """The cells of ``row`` that are shown: not merged away, nor covered by a cell's span."""
    shown: list[tuple[int, Cell]] = []
    covered = 0
    for column, cell in enumerate(row):
        if column < covered:
            continue
        if cell is not None:
            shown.append((column, cell))
            covered = column + cell.span
    return shown


def _row_runs(group: Group) -> list[tuple[int, int, int]]:
    """(first row, last row, column) of each cell that covers rows below its own."""
    last_row = len(group.rows) - 1
    return [
        (r, min(r + cell.rows - 1, last_row), c)
        for r, row in enumerate(group.rows)
        for c, cell in enumerate(row)
        if cell.rows > 1 and r < last_row and c not in group.spanning
    ]


def _group_rows(group: Group) -> list[list[Cell | None]]:
    """The group's rows, None where a cell is merged away: under a spanning cell, and under a
    cell that covers the rows below it. Such a cell is measured in its own row, which may
    make that row a little taller than the merged rows need, never too short."""
    covered = {
        (r, c + k)
        for first, last, c in _row_runs(group)
        for r in range(first + 1, last + 1)
        for k in range(group.rows[first][c].span)
    }
    return [
        [None if c in group.spanning or (r, c) in covered else cell for c, cell in enumerate(row)]
        for r, row in enumerate(group.rows)
    ]


def _measure_group(group: Group, widths: Sequence[float]) -> _Chunk:
    rows = _group_rows(group)
    heights = [_row_height(row, widths) for row in rows]
    spanning_height = max(
        (cell_height(cell, spanned(widths, c, cell)) for c, cell in group.spanning.items()),
        default=0.0,
    )
    if heights and spanning_height > sum(heights):
        heights[-1] += spanning_height - sum(heights)
    return _Chunk(rows, heights, dict(group.spanning), _row_runs(group))


class _Row:
    """A table row still to be placed, its cells' paragraphs as cursors (None: merged away)."""

    def __init__(self, cells: Sequence[Cell | None], widths: Sequence[float], size: float) -> None:
        self.cells = list(cells)
        self.widths = widths
        self.inner = [
            (spanned(widths, c, cell) if cell is not None else width) - 2 * CELL_MARGIN_X
            for c, (cell, width) in enumerate(zip(cells, widths, strict=True))
        ]
        self.texts = [
            None if cell is None else _Paras(cell.paras, inner)
            for cell, inner in zip(cells, self.inner, strict=True)
        ]
        self.marker = _marker(size)

    @property
    def done(self) -> bool:
        return all(text is None or text.done for text in self.texts)

    def put(self, column: int, cell: Cell) -> None:
        """``cell`` in ``column``, where a merge above covered it: said again on a new slide."""
        self.cells[column] = cell
        self.inner[column] = spanned(self.widths, column, cell) - 2 * CELL_MARGIN_X
        self.texts[column] = _Paras(cell.paras, self.inner[column])

    def _prefix(self, text: _Paras) -> list[Para]:
        return [self.marker] if text.started else []

    def height(self) -> float:
        return max(
            (
                text.height() + paras_height(self._prefix(text), inner) + 2 * CELL_MARGIN_Y
                for text, inner in zip(self.texts, self.inner, strict=True)
                if text is not None and not text.done
            ),
            default=2 * CELL_MARGIN_Y,
        )

    def take(self, room: float) -> tuple[list[Cell | None], float, bool]:
        """Of every cell what fits in ``room``; the row's height, and whether anything fit."""
        cells: list[Cell | None] = []
        height = 2 * CELL_MARGIN_Y
        taken = False
        for cell, text, inner in zip(self.cells, self.texts, self.inner, strict=True):
            if cell is None or text is None:
                cells.append(None)
                continue
            prefix = self._prefix(text)
            prefix_height = paras_height(prefix, inner)
            paras, used = text.take(room - 2 * CELL_MARGIN_Y - prefix_height)
            taken = taken or bool(paras)
            cells.append(replace(cell, paras=(*prefix, *paras) if paras else ()))
            if paras:
                height = max(height, prefix_height + used + 2 * CELL_MARGIN_Y)
        return cells, height, taken

    def rest(self) -> list[Cell | None]:
        cells: list[Cell | None] = []
        for cell, text in zip(self.cells, self.texts, strict=True):
            if cell is None or text is None:
                cells.append(None)
                continue
            prefix = self._prefix(text)
            cells.append(replace(cell, paras=(*prefix, *text.rest())))
        return cells


def _split_group(
    group: Group, widths: Sequence[float], rooms: Sequence[float], size: float
) -> list[_Chunk]:
    """Split a group taller than a slide into chunks, the first fitting ``rooms[0]``, the rest
    ``rooms[1]`` (a fresh slide): between rows, and inside a row only when it is taller than a
    slide. The first chunk is empty when the group's first row fits only a fresh slide."""
    runs = _row_runs(group)
    queue = deque(
        (index, _Row(cells, widths, size)) for index, cells in enumerate(_group_rows(group))
    )
    # a first row that fits only a fresh slide goes there whole
    chunks = [_NOTHING] if queue and rooms[1] >= queue[0][1].height() > rooms[0] else []
    inner = {c: spanned(widths, c, cell) - 2 * CELL_MARGIN_X for c, cell in group.spanning.items()}
    rests = {c: _Paras(cell.paras, inner[c]) for c, cell in group.spanning.items()}
    marker = _marker(size)
    while queue or not all(rest.done for rest in rests.values()) or not chunks:
        room = rooms[0] if not chunks else rooms[1]
        progress = False
        spanning: dict[int, Cell] = {}
        spanning_height = 0.0
        for c, cell in group.spanning.items():
            prefix: list[Para] = []
            if chunks:
                prefix = list(group.continued[c].paras) if c in group.continued else []
                if paras_height(prefix, inner[c]) > room / 2:
                    prefix = []  # said again only when short: a long text continues instead
                if not prefix and rests[c].started:
                    prefix = [marker]
            prefix_height = paras_height(prefix, inner[c])
            head, used = rests[c].take(room - 2 * CELL_MARGIN_Y - prefix_height)
            progress = progress or bool(head)
            spanning[c] = replace(cell, paras=(*prefix, *head))
            spanning_height = max(spanning_height, prefix_height + used + 2 * CELL_MARGIN_Y)
        if queue:
            # rows that continue a merged cell from the slide before say it again (once: a
            # row split over slides continues what it was given)
            index, first_row = queue[0]
            for start, _, c in (run for run in runs if run[0] < index <= run[1]):
                if first_row.cells[c] is None:
                    again = group.continued.get(c) or replace(group.rows[start][c], rows=1)
                    first_row.put(c, again)
        rows: list[list[Cell | None]] = []
        heights: list[float] = []
        indices: list[int] = []
        used = 0.0
        while queue:
            index, row = queue[0]
            height = row.height()
            if used + height <= room:
                queue.popleft()
                rows.append(row.rest())
                heights.append(height)
                indices.append(index)
                used += height
                progress = True
                continue
            if rows:
                break
            head_row, height, taken = row.take(room)
            progress = progress or taken
            rows.append(head_row)
            heights.append(height)
            indices.append(index)
            if row.done:
                queue.popleft()
            break
        if chunks and not progress:
            raise LayoutError("a line in a table is taller than a slide")
        if not rows:
            rows = [[None if c in group.spanning else Cell() for c in range(len(widths))]]
            heights = [2 * CELL_MARGIN_Y]
        if spanning_height > sum(heights):
            heights[-1] += spanning_height - sum(heights)
        chunks.append(_Chunk(rows, heights, spanning, _merges_of(runs, indices)))
    return chunks


def _merges_of(
    runs: Sequence[tuple[int, int, int]], indices: Sequence[int]
) -> list[tuple[int, int, int]]:
    """The merges of a chunk whose rows are the group's rows ``indices``: each run of rows a
    cell covers, as far as the chunk holds it."""
    merges = []
    for first, last, column in runs:
        inside = [number for number, index in enumerate(indices) if first <= index <= last]
        if len(inside) > 1:
            merges.append((inside[0], inside[-1], column))
    return merges


def _add_chunk(table_slice: TableSlice, chunk: _Chunk) -> None:
    start = len(table_slice.rows)
    rows = [list(row) for row in chunk.rows]
    for c, cell in chunk.spanning.items():
        rows[0][c] = cell
        if len(rows) > 1:
            table_slice.merges.append((start, start + len(rows) - 1, c))
    table_slice.merges += [(start + first, start + last, c) for first, last, c in chunk.merges]
    table_slice.rows.extend(rows)
    table_slice.heights.extend(chunk.heights)


# --- sections ----------------------------------------------------------------------------------


class _Flow:
    def __init__(
        self, section: Section, geometry: Geometry, min_size: float, cap: float | None = None
    ) -> None:
        self.section = section
        self.width = geometry.width
        self.sizes = table_sizes(min_size)
        #: below the floor, only to keep an opdracht whole on one slide
        self.whole_sizes = [
            min_size - step * TABLE_STEP for step in range(1, int(WHOLE_GIVE / TABLE_STEP) + 1)
        ]
        self.forced = 0
        #: what the layout had to do that the user should hear of (logged by ``paginate``)
        self.warnings: list[str] = []
        self.head = [self._fixed(block) for block in section.head]
        self.foot = [self._fixed(block) for block in section.foot]
        fixed = sum(height + space for _, height, space in (*self.head, *self.foot))
        self.full = geometry.height - fixed
        if self.full < 2 * MIN_ROOM:
            raise LayoutError("the parts repeated on every slide leave no room on it")
        if cap is not None:
            self.full = min(self.full, max(cap, 2 * MIN_ROOM))
        self.pages: list[list[tuple[Text | TableSlice, float, float]]] = []
        self.used = 0.0
        self._new_page()

    def _fixed(self, block: Block) -> tuple[Text | TableSlice, float, float]:
        """A block repeated on every slide, placed whole: text, or a small table such as a
        legend (set at its own paragraphs' size, never continued)."""
        if isinstance(block, Text):
            return block, text_height(block, self.width), block.space_after
        sizes = [p.size for cell in block.header for p in cell.paras]
        sizes += [p.size for g in block.groups for row in g.rows for c in row for p in c.paras]
        laid = _TableLayout(block, self.width).at(min(sizes, default=TABLE_MIN))
        table_slice = TableSlice(laid.widths, laid.header, laid.header_height)
        for chunk in laid.chunks:
            _add_chunk(table_slice, chunk)
        return table_slice, table_slice.height, block.space_after

    @property
    def room(self) -> float:
        return self.full - self.used

    def _new_page(self) -> None:
        self.pages.append([])
        self.used = 0.0

    def _place(self, block: Text | TableSlice, height: float, space: float) -> None:
        self.pages[-1].append((block, height, space))
        self.used += height + space

    def start_of(self, heading: Text, following: Block) -> float:
        """The room ``heading`` needs with the start of ``following``: all of a text that fits
        on a slide (it moves whole), a few lines of a longer one (it goes on on the next slide),
        or a table's header and first group (at the smallest size a table may take)."""
        need = text_height(heading, self.width) + heading.space_after
        if isinstance(following, Text):
            # text that fits on a slide is not split (see ``text``): all of it, else a start
            whole = text_height(following, self.width)
            return need + (whole if whole <= self.full else MIN_ROOM)
        laid = _TableLayout(following, self.width).at(self.sizes[-1])
        start = laid.chunks[0].height if laid.chunks else 0.0
        return need + laid.header_height + min(start, MIN_ROOM)

    def text(self, block: Text) -> None:
        paras, forced = fit_words(block.paras, self.width)
        self.forced += forced
        cursor = _Paras(paras, self.width)
        while not cursor.done:
            height = cursor.height() + 2 * TEXT_INSET
            if height <= self.room:
                self._place(replace(block, paras=tuple(cursor.rest())), height, block.space_after)
                return
            if self.pages[-1] and height <= self.full:
                self._new_page()
                continue
            head, used = cursor.take(self.room - 2 * TEXT_INSET)
            if not head:
                if not self.pages[-1]:
                    raise LayoutError("a line of text is taller than a slide")
                self._new_page()
                continue
            self._place(replace(block, paras=tuple(head)), used + 2 * TEXT_INSET, 0.0)
            self._new_page()

    def table(self, table: Table) -> None:
        layout = _TableLayout(table, self.width)
        first = self.room

        def split(size: float) -> int:
            """How many groups are taller than a slide at ``size``: they must be split."""
            laid = layout.at(size)
            fresh = self.full - laid.header_height
            return sum(chunk.height > fresh for chunk in laid.chunks)

        # a group (an opdracht) that fits on a slide is never split: only the sizes that split
        # no more groups than the smallest do (below the floor only when no size above it
        # does), then the fewest slides, then the largest size
        pool, whole = self.sizes, split(self.sizes[-1])
        if whole and self.whole_sizes:
            least_split = split(self.whole_sizes[-1])
            if least_split < whole:
                pool, whole = self.whole_sizes, least_split
        allowed = pool[_first(pool, lambda size: split(size) <= whole) :]

        def slides(index: int) -> float:
            laid = layout.at(allowed[index])
            if laid.header_height + MIN_ROOM > self.full:
                return float("inf")
            return len(layout.pack(laid, first, self.full))

        # the fewest slides are those at the smallest allowed size; the largest that needs no
        # more
        least = slides(len(allowed) - 1)
        if least == float("inf"):
            raise LayoutError("a table's header row leaves no room for its rows on a slide")
        low, high = 0, len(allowed) - 1  # slides(high) == least; sizes fall as index rises
        if slides(low) <= least:
            high = low
        while high - low > 1:
            middle = (low + high) // 2
            if slides(middle) <= least:
                high = middle
            else:
                low = middle
        laid = layout.at(allowed[high])
        if laid.forced:
            self.warnings.append(
                f"{laid.forced} word(s) in a table on '{shorten(self.section.title, 80)}' broken "
                "between characters: no hyphenation point fits the column"
            )
        self.forced += laid.forced
        for number, chunks in enumerate(layout.balanced(laid, first, self.full)):
            if number:
                self._new_page()
            if not chunks:
                continue
            table_slice = TableSlice(laid.widths, laid.header, laid.header_height)
            for chunk in chunks:
                _add_chunk(table_slice, chunk)
            self._place(table_slice, table_slice.height, table.space_after)


def _space(block: Block) -> float:
    return block.space_after


#: sections laid out before, by their content: a second build in the same process (``statusgen
#: serve`` after an edit) lays out only the sections whose content changed
_LAID_OUT: OrderedDict[tuple[bytes, Geometry, float], tuple[list[Page], list[str]]] = OrderedDict()
_LAID_OUT_KEPT = 512


def paginate(section: Section, geometry: Geometry, *, min_size: float = TABLE_MIN) -> list[Page]:
    """The slides ``section`` needs, titled "Title (I/III)" ... when it needs more than one.

    Tables are set between 12 pt and ``min_size``. The layout is a function of the section's
    content alone, so a section seen before (the same content, pickled: a few microseconds per
    slide) gets the pages it got then, and its warnings again."""
    key = (pickle.dumps(section, protocol=pickle.HIGHEST_PROTOCOL), geometry, min_size)
    known = _LAID_OUT.get(key)
    if known is None:
        known = _LAID_OUT[key] = _paginated(section, geometry, min_size)
        if len(_LAID_OUT) > _LAID_OUT_KEPT:
            _LAID_OUT.popitem(last=False)
    else:
        _LAID_OUT.move_to_end(key)
    pages, warnings = known
    for warning in warnings:
        log.warning("%s", warning)
    return list(pages)


def _paginated(
    section: Section, geometry: Geometry, min_size: float
) -> tuple[list[Page], list[str]]:
    try:
        flow = _flowed(section, geometry, min_size)
        if _balance_text(section, flow):
            flow = _balanced_text(section, geometry, min_size, flow)
    except LayoutError as exc:
        title = shorten(section.title, 80)
        raise LayoutError(f"the slide '{title}' cannot be made: {exc.message}") from None
    pages = [page for page in flow.pages if page] or [[]]
    result = []
    for number, content in enumerate(pages, start=1):
        title = section.title
        if len(pages) > 1:
            title = f"{title} ({roman(number)}/{roman(len(pages))})"
        placed: list[Placed] = []
        top = 0.0
        for head, height, space in flow.head:
            placed.append(Placed(top, height, head))
            top += height + space
        for part, height, space in content:
            placed.append(Placed(top, height, part))
            top += height + space
        bottom = geometry.height
        for foot, height, space in reversed(flow.foot):
            bottom -= height
            placed.append(Placed(bottom, height, foot))
            bottom -= space
        result.append(Page(title, tuple(placed)))
    return result, flow.warnings


def _flowed(
    section: Section, geometry: Geometry, min_size: float, cap: float | None = None
) -> _Flow:
    flow = _Flow(section, geometry, min_size, cap)
    body = section.body
    for index, block in enumerate(body):
        following = body[index + 1] if index + 1 < len(body) else None
        # a heading stands on the slide where what it heads begins
        if (
            isinstance(block, Text)
            and block.keep_with_next
            and following is not None
            and flow.pages[-1]
            and flow.room < flow.start_of(block, following)
        ):
            flow._new_page()
        if isinstance(block, Text):
            flow.text(block)
        else:
            flow.table(block)
    return flow


#: text sections up to this many paragraphs are balanced over their slides (it lays them out
#: a few times more)
_BALANCED_TEXT = 300


def _balance_text(section: Section, flow: _Flow) -> bool:
    """Whether a text-only section ends in a slide less than a quarter full, and is short
    enough to lay out again."""
    pages = [page for page in flow.pages if page]
    if len(pages) < 2 or not all(isinstance(block, Text) for block in section.body):
        return False
    if sum(len(block.paras) for block in section.body if isinstance(block, Text)) > _BALANCED_TEXT:
        return False
    last = sum(height + space for _, height, space in pages[-1])
    return last < flow.full / 4


def _balanced_text(section: Section, geometry: Geometry, min_size: float, flow: _Flow) -> _Flow:
    """The same slides, each filled no further than needed (the smallest fill, by bisection)."""
    count = len([page for page in flow.pages if page])
    low, high, best = flow.full / 2, flow.full, flow
    while high - low > 4.0:
        middle = (low + high) / 2
        try:
            trial = _flowed(section, geometry, min_size, middle)
        except LayoutError:  # a line taller than the trial's room
            low = middle
            continue
        if len([page for page in trial.pages if page]) <= count:
            high, best = middle, trial
        else:
            low = middle
    return best


def roman(number: int) -> str:
    numerals = (
        (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
        (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
    )  # fmt: skip
    result = ""
    for value, numeral in numerals:
        while number >= value:
            result += numeral
            number -= value
    return result
