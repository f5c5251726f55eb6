"""Distribute a section's content over slides, measuring every paragraph and table row.

A table continues on the next slide with its header repeated; a group of rows (an opdracht with
its hoofdacties) moves to the next slide whole when it fits there, and is split between its rows,
or inside a cell between lines, only when it is taller than a slide. Text is split between
paragraphs, or between lines of a paragraph taller than the room left. Nothing is clipped and
nothing is made smaller.

Every paragraph is wrapped once. Text that continues over slides is taken from a cursor over the
measured lines, so a paragraph of a megabyte costs its wrapping and its slides, not its length
times its slides.

It is one module because measuring, splitting and continuing text and tables share one geometry
and one cursor over measured lines; the parts that need no state (line breaking, font metrics)
live in ``metrics``.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Sequence
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
from generator.render.deck.metrics import LINE, Line, em_width, wrap

#: cell margins in points (written into every cell, so the measurement holds)
CELL_MARGIN_X = 5.0
CELL_MARGIN_Y = 3.0
#: text box insets in points
TEXT_INSET = 2.0
#: a slide's remaining room below which a split table or text goes to the next slide instead
MIN_ROOM = 60.0


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


def para_lines(para: Para, width: float) -> list[Line]:
    """The lines ``para`` takes in a box ``width`` points wide (measured once, then cached)."""
    return _lines(
        tuple((run.text, run.bold, run.italic) for run in para.runs),
        _text_width(para, width),
        para.size,
    )


@lru_cache(maxsize=16384)
def _lines(pieces: tuple[tuple[str, bool, bool], ...], width: float, size: float) -> list[Line]:
    return wrap(pieces, width, size)


def para_height(para: Para, width: float) -> float:
    return len(para_lines(para, width)) * para.size * LINE + para.space_before


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


def widest_word(paras: Sequence[Para]) -> float:
    """Width in points of the widest word with its paragraph's indent (to size columns)."""
    widest = 0.0
    for para in paras:
        offset = indent(para) + bullet_room(para)
        for run in para.runs:
            for word in run.text.split():
                size = em_width(word, bold=run.bold, italic=run.italic) * para.size
                widest = max(widest, offset + size)
    return widest


# --- splitting text ----------------------------------------------------------------------------


class _Paras:
    """Paragraphs still to be placed, each measured once; the first may be partly placed.

    ``take`` hands out what fits in some room and moves on, so text that runs over many slides
    is never measured again, and never copied but for the part that goes on a slide.
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

    def height(self) -> float:
        """The height of what is left."""
        if not self.line:
            return self._after[self.index]
        return self._after[self.index + 1] + self._left()

    def _left(self) -> float:
        """The height of the lines of the current paragraph not placed yet."""
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
            height = self._left() if self.line else self._heights[self.index]
            if used + height <= room:
                head.append(self._part(None) if self.line else para)
                used += height
                self._next()
                continue
            space = 0.0 if self.line else para.space_before
            fit = int((room - used - space) // _step(para))
            if fit > 0:
                head.append(self._part(self.line + fit))
                used += fit * _step(para) + space
            break
        return head, used

    def _part(self, end: int | None) -> Para:
        """The current paragraph's lines from ``self.line`` to ``end``, as a paragraph."""
        lines, colours = self._current()
        part = _from_lines(self.paras[self.index], lines[self.line : end], colours, self.line > 0)
        self.line = len(lines) if end is None else min(end, len(lines))
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
            self._next()
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
        Run("".join(text for text, _, _ in group), bold, italic, colours.get((bold, italic)))
        for (bold, italic), group in groupby(pieces, key=lambda piece: piece[1:])
    )
    bullet = None if continued else para.bullet
    space = 0.0 if continued else para.space_before
    # a continued bullet paragraph keeps its indent, without a second bullet
    return replace(para, runs=runs, bullet=bullet, space_before=space)


# --- tables ------------------------------------------------------------------------------------


def _column_widths(table: Table, width: float) -> list[float]:
    """Widths by the columns' weights, but no column narrower than its widest word (a word
    broken over two lines reads badly), when the table can afford it."""
    width = min(width, table.width or width)
    total = sum(column.width for column in table.columns)
    widths = [width * column.width / total for column in table.columns]
    minimum = [2 * CELL_MARGIN_X + 1.0] * len(widths)
    for cells in _all_rows(table):
        for index, cell in enumerate(cells):
            if index < len(minimum) and cell.span == 1:
                minimum[index] = max(
                    minimum[index], widest_word(cell.paras) + 2 * CELL_MARGIN_X + 2
                )
    if sum(minimum) > width:
        return widths
    while True:
        short = [i for i, w in enumerate(widths) if w < minimum[i] - 0.01]
        if not short:
            return widths
        fixed = {i for i, w in enumerate(widths) if w <= minimum[i] + 0.01}
        free = width - sum(minimum[i] for i in fixed)
        weight = sum(table.columns[i].width for i in range(len(widths)) if i not in fixed)
        widths = [
            minimum[i] if i in fixed else free * table.columns[i].width / weight
            for i in range(len(widths))
        ]


def _all_rows(table: Table) -> list[tuple[Cell, ...]]:
    rows = [table.header]
    for group in table.groups:
        rows.extend(group.rows)
        if group.spanning:
            spanning = [Cell()] * len(table.columns)
            for column, cell in group.spanning.items():
                spanning[column] = cell
            rows.append(tuple(spanning))
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


@dataclass
class _Chunk:
    rows: list[list[Cell | None]]
    heights: list[float]
    spanning: dict[int, Cell]

    @property
    def height(self) -> float:
        return sum(self.heights)


def _measure_group(group: Group, widths: Sequence[float], first: bool = True) -> _Chunk:
    rows: list[list[Cell | None]] = [
        [None if c in group.spanning else cell for c, cell in enumerate(row)] for row in group.rows
    ]
    heights = [_row_height(row, widths) for row in rows]
    spanning_height = max(
        (cell_height(cell, spanned(widths, c, cell)) for c, cell in group.spanning.items()),
        default=0.0,
    )
    if heights and spanning_height > sum(heights):
        heights[-1] += spanning_height - sum(heights)
    return _Chunk(rows, heights, dict(group.spanning))


class _Row:
    """A table row still to be placed, its cells' paragraphs as cursors (None: merged away)."""

    def __init__(self, cells: Sequence[Cell | None], widths: Sequence[float]) -> None:
        self.cells = list(cells)
        self.texts = [
            None
            if cell is None
            else _Paras(cell.paras, spanned(widths, c, cell) - 2 * CELL_MARGIN_X)
            for c, cell in enumerate(cells)
        ]

    @property
    def done(self) -> bool:
        return all(text is None or text.done for text in self.texts)

    def height(self) -> float:
        return max(
            (text.height() + 2 * CELL_MARGIN_Y for text in self.texts if text is not None),
            default=2 * CELL_MARGIN_Y,
        )

    def take(self, room: float) -> tuple[list[Cell | None], float, bool]:
        """Of every cell what fits in ``room``; the row's height, and whether anything fit."""
        cells: list[Cell | None] = []
        height = 2 * CELL_MARGIN_Y
        taken = False
        for cell, text in zip(self.cells, self.texts, strict=True):
            if cell is None or text is None:
                cells.append(None)
                continue
            paras, used = text.take(room - 2 * CELL_MARGIN_Y)
            taken = taken or bool(paras)
            cells.append(replace(cell, paras=tuple(paras)))
            height = max(height, used + 2 * CELL_MARGIN_Y)
        return cells, height, taken

    def rest(self) -> list[Cell | None]:
        return [
            None if cell is None or text is None else replace(cell, paras=tuple(text.rest()))
            for cell, text in zip(self.cells, self.texts, strict=True)
        ]


def _split_group(group: Group, widths: Sequence[float], rooms: Sequence[float]) -> list[_Chunk]:
    """Split a group taller than a slide into chunks, the first fitting ``rooms[0]``, the rest
    ``rooms[1]`` (a fresh slide)."""
    queue = deque(
        _Row([None if c in group.spanning else cell for c, cell in enumerate(row)], widths)
        for row in group.rows
    )
    inner = {c: spanned(widths, c, cell) - 2 * CELL_MARGIN_X for c, cell in group.spanning.items()}
    rests = {c: _Paras(cell.paras, inner[c]) for c, cell in group.spanning.items()}
    chunks: list[_Chunk] = []
    while queue or not all(rest.done for rest in rests.values()) or not chunks:
        room = rooms[0] if not chunks else rooms[1]
        progress = False
        spanning: dict[int, Cell] = {}
        spanning_height = 0.0
        for c, cell in group.spanning.items():
            prefix = list(group.continued[c].paras) if chunks and c in group.continued else []
            prefix_height = paras_height(prefix, inner[c])
            head, used = rests[c].take(room - 2 * CELL_MARGIN_Y - prefix_height)
            progress = progress or bool(head)
            spanning[c] = replace(cell, paras=(*prefix, *head))
            spanning_height = max(spanning_height, prefix_height + used + 2 * CELL_MARGIN_Y)
        rows: list[list[Cell | None]] = []
        heights: list[float] = []
        used = 0.0
        while queue:
            height = queue[0].height()
            if used + height <= room:
                rows.append(queue.popleft().rest())
                heights.append(height)
                used += height
                progress = True
                continue
            if rows:
                break
            head_row, height, taken = queue[0].take(room)
            progress = progress or taken
            rows.append(head_row)
            heights.append(height)
            if queue[0].done:
                queue.popleft()
            break
        if chunks and not progress:
            raise LayoutError("a line in a table is taller than a slide")
        if not rows:
            rows = [[None if c in group.spanning else Cell() for c in range(len(widths))]]
            heights = [2 * CELL_MARGIN_Y]
        if spanning_height > sum(heights):
            heights[-1] += spanning_height - sum(heights)
        chunks.append(_Chunk(rows, heights, spanning))
    return chunks


def _add_chunk(table_slice: TableSlice, chunk: _Chunk) -> None:
    start = len(table_slice.rows)
    rows = [list(row) for row in chunk.rows]
    for c, cell in chunk.spanning.items():
        rows[0][c] = cell
        if len(rows) > 1:
            table_slice.merges.append((start, start + len(rows) - 1, c))
    table_slice.rows.extend(rows)
    table_slice.heights.extend(chunk.heights)


# --- sections ----------------------------------------------------------------------------------


class _Flow:
    def __init__(self, section: Section, geometry: Geometry) -> None:
        self.section = section
        self.width = geometry.width
        self.head = [self._fixed(block) for block in section.head]
        self.foot = [self._fixed(block) for block in section.foot]
        fixed = sum(h + _space(b) for b, h in (*self.head, *self.foot))
        self.full = geometry.height - fixed
        if self.full < 2 * MIN_ROOM:
            raise LayoutError("the parts repeated on every slide leave no room on it")
        self.pages: list[list[tuple[Text | TableSlice, float, float]]] = []
        self.used = 0.0
        self._new_page()

    def _fixed(self, block: Block) -> tuple[Text, float]:
        if not isinstance(block, Text):
            raise TypeError("only text is repeated on every slide")
        return block, text_height(block, self.width)

    @property
    def room(self) -> float:
        return self.full - self.used

    def _new_page(self) -> None:
        self.pages.append([])
        self.used = 0.0

    def _place(self, block: Text | TableSlice, height: float, space: float) -> None:
        self.pages[-1].append((block, height, space))
        self.used += height + space

    def text(self, block: Text) -> None:
        paras = _Paras(block.paras, self.width)
        while not paras.done:
            height = paras.height() + 2 * TEXT_INSET
            if height <= self.room:
                self._place(replace(block, paras=tuple(paras.rest())), height, block.space_after)
                return
            if self.pages[-1] and height <= self.full:
                self._new_page()
                continue
            head, used = paras.take(self.room - 2 * TEXT_INSET)
            if not head:
                if not self.pages[-1]:
                    raise LayoutError("a line of text is taller than a slide")
                self._new_page()
                continue
            self._place(replace(block, paras=tuple(head)), used + 2 * TEXT_INSET, 0.0)
            self._new_page()

    def table(self, table: Table) -> None:
        widths = _column_widths(table, self.width)
        header_height = _row_height(list(table.header), widths)
        if header_height + MIN_ROOM > self.full:
            raise LayoutError("a table's header row leaves no room for its rows on a slide")
        current = self._slice(widths, table, header_height)
        for group in table.groups:
            chunk = _measure_group(group, widths)
            if chunk.height <= self.room - current.height:
                _add_chunk(current, chunk)
                continue
            fresh = self.full - header_height
            if chunk.height <= fresh:
                self._close(current, table)
                self._new_page()
                current = self._slice(widths, table, header_height)
                _add_chunk(current, chunk)
                continue
            first_room = self.room - current.height
            if first_room < MIN_ROOM:
                self._close(current, table)
                self._new_page()
                current = self._slice(widths, table, header_height)
                first_room = fresh
            for index, part in enumerate(_split_group(group, widths, (first_room, fresh))):
                if index:
                    self._close(current, table)
                    self._new_page()
                    current = self._slice(widths, table, header_height)
                _add_chunk(current, part)
        self._close(current, table)

    def _slice(self, widths: list[float], table: Table, header_height: float) -> TableSlice:
        return TableSlice(widths, table.header, header_height)

    def _close(self, table_slice: TableSlice, table: Table) -> None:
        if table_slice.rows:
            self._place(table_slice, table_slice.height, table.space_after)


def _space(block: Block) -> float:
    return block.space_after


def paginate(section: Section, geometry: Geometry) -> list[Page]:
    """The slides ``section`` needs, titled "Title (I/III)" ... when it needs more than one."""
    try:
        flow = _Flow(section, geometry)
        for block in section.body:
            if isinstance(block, Text):
                flow.text(block)
            else:
                flow.table(block)
    except LayoutError as exc:
        title = _short(section.title)
        raise LayoutError(f"the slide '{title}' cannot be made: {exc.message}") from None
    pages = [page for page in flow.pages if page] or [[]]
    result = []
    for number, content in enumerate(pages, start=1):
        title = section.title
        if len(pages) > 1:
            title = f"{title} ({roman(number)}/{roman(len(pages))})"
        placed: list[Placed] = []
        top = 0.0
        for head, height in flow.head:
            placed.append(Placed(top, height, head))
            top += height + head.space_after
        for part, height, space in content:
            placed.append(Placed(top, height, part))
            top += height + space
        bottom = geometry.height
        for foot, height in reversed(flow.foot):
            bottom -= height
            placed.append(Placed(bottom, height, foot))
            bottom -= foot.space_after
        result.append(Page(title, tuple(placed)))
    return result


def _short(title: str) -> str:
    return title if len(title) <= 80 else f"{title[:77]}..."


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
