"""A table's columns and sizes: column widths by CSS 2.1's automatic table layout, the table
set at any size on demand (its cells hyphenated where they must be, its groups measured), and
its groups packed on slides, balanced so no slide holds a sliver."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from generator.render.deck.content import Cell, Group, Table, bullet_room, indent
from generator.render.deck.layout.measure import ems, fit_words, spanned
from generator.render.deck.layout.pages import CELL_MARGIN_X
from generator.render.deck.layout.rows import Chunk, measure_group, row_height, split_group

#: a slide's remaining room below which a split table or text goes to the next slide instead
MIN_ROOM = 60.0
#: the sizes a table's text is set in: the largest, the default floor, and the steps between
TABLE_MAX = 12.0
TABLE_MIN = 9.0
TABLE_STEP = 0.5
#: no column is made narrower than this many ems (plus its margins) to fit a table's minima
COLUMN_FLOOR = 4.0


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
class Laid:
    """A table set at one size: its columns, its cells (hyphenated where they must be) and
    each group measured."""

    size: float
    widths: list[float]
    header: tuple[Cell, ...]
    header_height: float
    groups: list[Group]
    chunks: list[Chunk]
    forced: int


class TableLayout:
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
                    word, whole = ems(para.runs)
                    room = bullet_room(para) / para.size
                    self.needs[column].append((indent(para), room + word, room + whole))
        self._laid: dict[float, Laid] = {}
        self._splits: dict[tuple[float, int, float], list[Chunk]] = {}

    def at(self, size: float) -> Laid:
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

    def _lay(self, size: float) -> Laid:
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
        chunks = [measure_group(group, widths) for group in groups]
        header_height = row_height(list(header), widths)
        return Laid(size, widths, header, header_height, groups, chunks, forced)

    def split(self, laid: Laid, index: int, first: float, fresh: float) -> list[Chunk]:
        key = (laid.size, index, round(first, 1))
        parts = self._splits.get(key)
        if parts is None:
            group = laid.groups[index]
            parts = self._splits[key] = split_group(group, laid.widths, (first, fresh), laid.size)
        return parts

    def pack(
        self, laid: Laid, first: float, full: float, cap: float = float("inf")
    ) -> list[list[Chunk]]:
        """The table's chunks per slide, the first on the current slide (``first`` points
        left on it; nothing there when the table starts on the next), no slide's part of the
        table taller than ``cap`` where whole groups can help it."""
        fresh = full - laid.header_height
        room = first - laid.header_height
        pages: list[list[Chunk]] = [[]]
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

    def balanced(self, laid: Laid, first: float, full: float) -> list[list[Chunk]]:
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


def first_good(sizes: Sequence[float], good: Callable[[float], bool]) -> int:
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
