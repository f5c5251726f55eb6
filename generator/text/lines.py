"""The text model as lines: for writers whose cells hold paragraphs, not layout (the action
table's DOCX, XLSX and Markdown, the planning). A list item's first paragraph carries its bullet
or number and its depth; headings are bold lines; a table's rows are lines with " | " between
the cells; footnotes follow as "[1] ..." lines. Every text of the tree is in a line.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache

from generator.text.markdown import parse
from generator.text.model import (
    Block,
    Break,
    Code,
    Heading,
    Inline,
    ListBlock,
    Paragraph,
    Quote,
    Span,
    TableBlock,
    inline_text,
)

BULLETS = ("•", "–", "◦")


@dataclass(frozen=True)
class Line:
    runs: tuple[Span, ...]
    #: list depth: 0 outside lists, 1 in a top-level item
    level: int = 0
    #: "•", "–", "◦" or "3." on an item's first line; None otherwise
    bullet: str | None = None

    @property
    def text(self) -> str:
        return "".join(run.text for run in self.runs)


@lru_cache(maxsize=4096)  # the action table's writers convert each text once per format
def lines(source: str) -> tuple[Line, ...]:
    """A Markdown text as lines."""
    document = parse(source)
    found: list[Line] = []
    _blocks(document.blocks, found, level=0, bullet=None, italic=False)
    for number, note in enumerate(document.footnotes, start=1):
        start = len(found)
        _blocks(note, found, level=0, bullet=None, italic=False)
        if len(found) > start:
            first = found[start]
            found[start] = replace(first, runs=(Span(f"[{number}] "), *first.runs))
    return tuple(found)


def _blocks(
    blocks: tuple[Block, ...], found: list[Line], *, level: int, bullet: str | None, italic: bool
) -> None:
    for block in blocks:
        if isinstance(block, Paragraph):
            found.append(Line(_runs(block.inlines, italic=italic), level, bullet))
            bullet = None
        elif isinstance(block, Heading):
            found.append(Line(_runs(block.inlines, bold=True), level, bullet))
            bullet = None
        elif isinstance(block, ListBlock):
            for number, item in enumerate(block.items, start=block.start):
                marker = f"{number}." if block.ordered else BULLETS[min(level, len(BULLETS) - 1)]
                _blocks(item, found, level=level + 1, bullet=marker, italic=italic)
        elif isinstance(block, Quote):
            _blocks(block.blocks, found, level=level, bullet=bullet, italic=True)
        elif isinstance(block, Code):
            found.extend(Line((Span(text, code=True),), level) for text in block.text.split("\n"))
        elif isinstance(block, TableBlock):
            for row in (block.header, *block.rows):
                text = " | ".join(inline_text(cell) for cell in row)
                found.append(Line((Span(text, bold=row is block.header),), level))


def _runs(
    inlines: tuple[Inline, ...], *, bold: bool = False, italic: bool = False
) -> tuple[Span, ...]:
    runs: list[Span] = []
    for inline in inlines:
        if isinstance(inline, Span):
            runs.append(replace(inline, bold=bold or inline.bold, italic=italic or inline.italic))
        elif isinstance(inline, Break):
            runs.append(Span("\n"))
        else:
            runs.append(Span(f"[{inline.number}]"))
    return tuple(runs)


def plain(source: str) -> str:
    """Markdown as one line of plain text: a table cell, a calendar summary, a terminal line."""
    return " ".join(line.text for line in lines(source)).strip()
