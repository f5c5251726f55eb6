"""What the deck's layout makes, and the box it fills: the results the writers (PPTX, SVG), the
preview and the visual diff draw, apart from the algorithm that makes them."""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.render.deck.content import Cell, Text

#: cell margins in points (written into every cell, so the measurement holds)
CELL_MARGIN_X = 5.0
CELL_MARGIN_Y = 3.0
#: text box insets in points
TEXT_INSET = 2.0


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
    """A block on a page: its top, below the body area's top, and its height, in points."""

    top: float
    height: float
    block: Text | TableSlice


@dataclass(frozen=True)
class Page:
    """One content slide as laid out: its title ("Title (II/III)" when continued) and blocks."""

    title: str
    blocks: tuple[Placed, ...]
