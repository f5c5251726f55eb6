"""Distribute a section's content over slides, measuring every paragraph and table row.

A table continues on the next slide with its header repeated; a group of rows (an opdracht with
its hoofdacties) moves to the next slide whole when it fits there, and is split between its rows,
or inside a cell between lines, only when it is taller than a slide. Text is split between
paragraphs, or between lines of a paragraph taller than the room left. Nothing is clipped and
nothing is made smaller.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache

from generator.deck.content import (
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
from generator.deck.metrics import LINE, em_width, wrap

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


def para_lines(para: Para, width: float) -> list[list[tuple[str, bool, bool]]]:
    return _lines(
        tuple((run.text, run.bold, run.italic) for run in para.runs),
        _text_width(para, width),
        para.size,
    )


@lru_cache(maxsize=16384)
def _lines(
    pieces: tuple[tuple[str, bool, bool], ...], width: float, size: float
) -> list[list[tuple[str, bool, bool]]]:
    return wrap(pieces, width, size)


def para_height(para: Para, width: float) -> float:
    return len(para_lines(para, width)) * para.size * LINE + para.space_before


def paras_height(paras: Sequence[Para], width: float) -> float:
    return sum(para_height(p, width) for p in paras)


def cell_height(cell: Cell, width: float) -> float:
    inner = width - 2 * CELL_MARGIN_X
    return paras_height(cell.paras, inner) + 2 * CELL_MARGIN_Y


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


def split_paras(paras: Sequence[Para], width: float, room: float) -> tuple[list[Para], list[Para]]:
    """The paragraphs that fit in ``room`` points, and the rest (a paragraph split by lines)."""
    head: list[Para] = []
    used = 0.0
    for index, para in enumerate(paras):
        height = para_height(para, width)
        if used + height <= room:
            head.append(para)
            used += height
            continue
        lines = para_lines(para, width)
        fit = int((room - used - para.space_before) // (para.size * LINE))
        if 0 < fit < len(lines):
            head.append(_from_lines(para, lines[:fit]))
            rest = _from_lines(para, lines[fit:], continued=True)
            return head, [rest, *paras[index + 1 :]]
        return head, list(paras[index:])
    return head, []


def _from_lines(
    para: Para, lines: list[list[tuple[str, bool, bool]]], *, continued: bool = False
) -> Para:
    colours = {(run.bold, run.italic): run.colour for run in para.runs}
    runs: list[Run] = []
    for number, line in enumerate(lines):
        if number:
            runs.append(Run(" "))
        runs.extend(Run(t, bold=b, italic=i, colour=colours.get((b, i))) for t, b, i in line)
    bullet = None if continued else para.bullet
    space = 0.0 if continued else para.space_before
    # a continued bullet paragraph keeps its indent, without a second bullet
    return replace(para, runs=tuple(runs), bullet=bullet, space_before=space)


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
            if index < len(minimum):
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
        (cell_height(cell, w) for cell, w in zip(row, widths, strict=True) if cell is not None),
        default=2 * CELL_MARGIN_Y,
    )


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
        (cell_height(cell, widths[c]) for c, cell in group.spanning.items()), default=0.0
    )
    if heights and spanning_height > sum(heights):
        heights[-1] += spanning_height - sum(heights)
    return _Chunk(rows, heights, dict(group.spanning))


def _split_group(group: Group, widths: Sequence[float], rooms: Sequence[float]) -> list[_Chunk]:
    """Split a group taller than a slide into chunks, the first fitting ``rooms[0]``, the rest
    ``rooms[1]`` (a fresh slide)."""
    queue: list[list[Cell | None]] = [
        [None if c in group.spanning else cell for c, cell in enumerate(row)] for row in group.rows
    ]
    rests: dict[int, list[Para]] = {c: list(cell.paras) for c, cell in group.spanning.items()}
    chunks: list[_Chunk] = []
    while queue or any(rests.values()) or not chunks:
        room = rooms[0] if not chunks else rooms[1]
        spanning: dict[int, Cell] = {}
        for c, cell in group.spanning.items():
            prefix = list(group.continued[c].paras) if chunks and c in group.continued else []
            inner = widths[c] - 2 * CELL_MARGIN_X
            budget = room - 2 * CELL_MARGIN_Y - paras_height(prefix, inner)
            head, rests[c] = split_paras(rests[c], inner, budget)
            spanning[c] = replace(cell, paras=(*prefix, *head))
        rows: list[list[Cell | None]] = []
        heights: list[float] = []
        while queue:
            height = _row_height(queue[0], widths)
            if sum(heights) + height <= room:
                rows.append(queue.pop(0))
                heights.append(height)
                continue
            if rows:
                break
            head_row, tail_row = _split_row(queue[0], widths, room)
            rows.append(head_row)
            heights.append(_row_height(head_row, widths))
            queue[0] = tail_row
            break
        if not rows:
            rows = [[None if c in group.spanning else Cell() for c in range(len(widths))]]
            heights = [2 * CELL_MARGIN_Y]
        spanning_height = max(
            (cell_height(cell, widths[c]) for c, cell in spanning.items()), default=0.0
        )
        if spanning_height > sum(heights):
            heights[-1] += spanning_height - sum(heights)
        chunks.append(_Chunk(rows, heights, spanning))
    return chunks


def _split_row(
    row: list[Cell | None], widths: Sequence[float], room: float
) -> tuple[list[Cell | None], list[Cell | None]]:
    head: list[Cell | None] = []
    tail: list[Cell | None] = []
    for cell, width in zip(row, widths, strict=True):
        if cell is None:
            head.append(None)
            tail.append(None)
            continue
        inner = width - 2 * CELL_MARGIN_X
        first, rest = split_paras(cell.paras, inner, room - 2 * CELL_MARGIN_Y)
        head.append(replace(cell, paras=tuple(first)))
        tail.append(replace(cell, paras=tuple(rest)))
    return head, tail


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
            raise ValueError(f"the repeated parts of '{section.title}' leave no room on a slide")
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
        paras = list(block.paras)
        inner = self.width
        while paras:
            height = paras_height(paras, inner) + 2 * TEXT_INSET
            if height <= self.room:
                self._place(replace(block, paras=tuple(paras)), height, block.space_after)
                return
            if self.pages[-1] and height <= self.full:
                self._new_page()
                continue
            head, rest = split_paras(paras, inner, self.room - 2 * TEXT_INSET)
            if not head:
                if not self.pages[-1]:
                    raise ValueError("a line of text is taller than a slide")
                self._new_page()
                continue
            self._place(
                replace(block, paras=tuple(head)), paras_height(head, inner) + 2 * TEXT_INSET, 0.0
            )
            self._new_page()
            paras = rest

    def table(self, table: Table) -> None:
        widths = _column_widths(table, self.width)
        header_height = _row_height(list(table.header), widths)
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
    flow = _Flow(section, geometry)
    for block in section.body:
        if isinstance(block, Text):
            flow.text(block)
        else:
            flow.table(block)
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
