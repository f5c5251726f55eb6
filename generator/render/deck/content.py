"""What goes on a slide, without python-pptx: text as paragraphs of runs, tables as groups of rows.

The builder makes these from the data, the paginator measures and distributes them over slides,
the PPTX writer turns them into shapes. Sizes are in points.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from generator.model.huisstijl import DONKERBLAUW, GRIJS, LINTBLAUW
from generator.text.typesetting import keep_together

__all__ = ["DONKERBLAUW", "GRIJS", "LINTBLAUW"]  # the deck's look, re-exported with its sizes

Align = Literal["l", "r", "ctr"]

#: text sizes of the default look. Tables are set again by the paginator, each at one size
#: between 12 pt and a floor (9 pt by default); nothing but the footer is smaller than 9 pt
BODY = 16.0
TABLE = 11.0
SMALL = 11.0


@dataclass(frozen=True)
class Run:
    text: str
    bold: bool = False
    italic: bool = False
    colour: str | None = None  # hex RGB
    #: a jump to another slide of the deck: an anchor a Section or Divider carries (a run
    #: whose anchor is not in the deck is written as plain text)
    link: str | None = None
    #: an address outside the deck: http, https or mailto (the text model keeps no other
    #: link; Markdown's ``[text](address)``)
    href: str | None = None
    #: set raised and smaller, as the font's own digits: footnote markers (digits and commas;
    #: superscript characters such as "⁴" are missing from Arial and come from another font)
    superscript: bool = False

    def __post_init__(self) -> None:
        # the one place the deck's text gets its no-break rules ("€ 30.000", "S. Lindenhovius"):
        # the paginator measures and the writer writes the same characters
        object.__setattr__(self, "text", keep_together(self.text))


@dataclass(frozen=True)
class Para:
    runs: tuple[Run, ...]
    size: float = BODY
    level: int = 0  # bullet depth; 0 without a bullet
    bullet: str | None = None  # "•", "–", "1." ...
    space_before: float = 0.0
    align: Align = "l"
    #: False for an item's later paragraph or its part on the next slide: its text stands where
    #: the item's does (the bullet's room kept), but no bullet is shown
    marked: bool = True

    @property
    def text(self) -> str:
        return "".join(run.text for run in self.runs)


#: indent per bullet level, in points
INDENT = 18.0


def indent(paragraph: Para) -> float:
    """Where the paragraph's bullet stands, from the left edge, in points."""
    return INDENT * max(paragraph.level - 1, 0)


def bullet_room(paragraph: Para) -> float:
    """Room between the bullet and the text, in points (0 without a bullet)."""
    if not paragraph.bullet and not paragraph.level:
        return 0.0
    return paragraph.size * (1.9 if len(paragraph.bullet or "") > 1 else 1.1)


@dataclass(frozen=True)
class Cell:
    paras: tuple[Para, ...] = ()
    fill: str | None = None  # hex RGB
    #: text colour for the whole cell (chosen for contrast with the fill)
    colour: str | None = None
    #: columns the cell covers, itself included (the cells it covers to its right are ignored)
    span: int = 1
    #: rows of its group the cell covers, itself included (the cells it covers below it are
    #: ignored): one cell for the rows that share what it says
    rows: int = 1


@dataclass(frozen=True)
class Column:
    #: a hint only, kept for the parts that give one: widths are measured from the content
    #: (CSS's automatic table layout, in the paginator)
    width: float = 1.0
    align: Align = "l"


@dataclass(frozen=True)
class Group:
    """Rows that belong together: an opdracht and its hoofdacties.

    ``spanning`` cells (by column) are merged over all rows of the group; on a slide where the
    group continues they show ``continued`` instead (e.g. "1.1 (vervolg)"), while the text of a
    spanning cell that did not fit continues there. A cell that covers some of the rows
    (``Cell.rows``) is said again where its rows continue on the next slide: as ``continued``
    in its column, or else as itself.
    """

    rows: tuple[tuple[Cell, ...], ...]
    spanning: dict[int, Cell] = field(default_factory=dict)
    continued: dict[int, Cell] = field(default_factory=dict)


@dataclass(frozen=True)
class Table:
    columns: tuple[Column, ...]
    header: tuple[Cell, ...]
    groups: tuple[Group, ...]
    #: at most this wide, in points (a small figures table need not span the slide)
    width: float | None = None
    space_after: float = 8.0


@dataclass(frozen=True)
class Text:
    paras: tuple[Para, ...]
    space_after: float = 6.0
    #: a heading: it goes to the next slide with the start of what follows it
    keep_with_next: bool = False


Block = Text | Table


@dataclass(frozen=True)
class Section:
    """Content that flows over as many slides as it needs, all titled ``title`` (I/II, ...).

    ``head`` is repeated at the top of every slide (the trekker line above a workstream
    table), ``foot`` at the bottom (a legend).
    """

    title: str
    body: tuple[Block, ...]
    head: tuple[Block, ...] = ()
    foot: tuple[Block, ...] = ()
    #: names that links (``Run.link``) jump to: the first slide of the section
    anchors: tuple[str, ...] = ()


@dataclass(frozen=True)
class TitleSlide:
    title: str
    subtitle: str


@dataclass(frozen=True)
class Divider:
    title: str
    subtitle: str = ""
    anchors: tuple[str, ...] = ()


Slide = TitleSlide | Divider | Section
