"""A table's groups of rows: measured as chunks, split over slides when a group is taller than
one (between rows, else inside a row, its continued cells saying "(vervolg)"), and added to
the slice of the table a slide shows."""

from __future__ import annotations

from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from generator.exceptions import LayoutError
from generator.render.deck.content import Cell, Group, Para
from generator.render.deck.layout.measure import cell_height, paras_height, spanned
from generator.render.deck.layout.pages import CELL_MARGIN_X, CELL_MARGIN_Y, TableSlice
from generator.render.deck.layout.text import Paras, continued_marker


@dataclass
class Chunk:
    rows: list[list[Cell | None]]
    heights: list[float]
    spanning: dict[int, Cell]
    #: (first row, last row, column) of the cells that cover some of its rows
    merges: list[tuple[int, int, int]] = field(default_factory=list)

    @property
    def height(self) -> float:
        return sum(self.heights)


_NOTHING = Chunk([], [], {})


def row_height(row: Sequence[Cell | None], widths: Sequence[float]) -> float:
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


def measure_group(group: Group, widths: Sequence[float]) -> Chunk:
    rows = _group_rows(group)
    heights = [row_height(row, widths) for row in rows]
    spanning_height = max(
        (cell_height(cell, spanned(widths, c, cell)) for c, cell in group.spanning.items()),
        default=0.0,
    )
    if heights and spanning_height > sum(heights):
        heights[-1] += spanning_height - sum(heights)
    return Chunk(rows, heights, dict(group.spanning), _row_runs(group))


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
            None if cell is None else Paras(cell.paras, inner)
            for cell, inner in zip(cells, self.inner, strict=True)
        ]
        self.marker = continued_marker(size)

    @property
    def done(self) -> bool:
        return all(text is None or text.done for text in self.texts)

    def put(self, column: int, cell: Cell) -> None:
        """``cell`` in ``column``, where a merge above covered it: said again on a new slide."""
        self.cells[column] = cell
        self.inner[column] = spanned(self.widths, column, cell) - 2 * CELL_MARGIN_X
        self.texts[column] = Paras(cell.paras, self.inner[column])

    def _prefix(self, text: Paras) -> list[Para]:
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


def split_group(
    group: Group, widths: Sequence[float], rooms: Sequence[float], size: float
) -> list[Chunk]:
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
    rests = {c: Paras(cell.paras, inner[c]) for c, cell in group.spanning.items()}
    marker = continued_marker(size)
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
        chunks.append(Chunk(rows, heights, spanning, _merges_of(runs, indices)))
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


def add_chunk(table_slice: TableSlice, chunk: Chunk) -> None:
    start = len(table_slice.rows)
    rows = [list(row) for row in chunk.rows]
    for c, cell in chunk.spanning.items():
        rows[0][c] = cell
        if len(rows) > 1:
            table_slice.merges.append((start, start + len(rows) - 1, c))
    table_slice.merges += [(start + first, start + last, c) for first, last, c in chunk.merges]
    table_slice.rows.extend(rows)
    table_slice.heights.extend(chunk.heights)
