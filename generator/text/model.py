"""The text model: what Markdown from the data means, as a small tree every writer reads.

A ``Document`` is a sequence of blocks (paragraph, heading, list, quote, code, table, rule) and
the footnotes they refer to. Inline content is a sequence of runs of text with their emphasis
and link, hard line breaks, and footnote references. Writers (the deck's slides, DOCX, XLSX,
HTML, Markdown, Typst) each walk this tree; none of them parses Markdown itself.

Everything is frozen and hashable, so that a parsed text can be cached and shared.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

Align = Literal["left", "center", "right"] | None


@dataclass(frozen=True)
class Span:
    """Text in one style."""

    text: str
    bold: bool = False
    italic: bool = False
    strike: bool = False
    code: bool = False
    #: the target of a link (http, https or mailto only; others are kept as text)
    link: str | None = None


@dataclass(frozen=True)
class Break:
    """A hard line break inside a paragraph."""


@dataclass(frozen=True)
class FootnoteRef:
    """A reference to ``Document.footnotes[number - 1]``."""

    number: int


Inline = Span | Break | FootnoteRef


@dataclass(frozen=True)
class Paragraph:
    inlines: tuple[Inline, ...]


@dataclass(frozen=True)
class Heading:
    """A heading as written: ``level`` 1 for "#", 2 for "##". Writers place it in their own
    outline (see ``Document.heading_levels``)."""

    level: int
    inlines: tuple[Inline, ...]


@dataclass(frozen=True)
class ListBlock:
    ordered: bool
    start: int
    #: each item is a sequence of blocks (its paragraphs and nested lists)
    items: tuple[tuple[Block, ...], ...]


@dataclass(frozen=True)
class Quote:
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class Code:
    text: str


@dataclass(frozen=True)
class TableBlock:
    header: tuple[tuple[Inline, ...], ...]
    rows: tuple[tuple[tuple[Inline, ...], ...], ...]
    align: tuple[Align, ...]


@dataclass(frozen=True)
class Rule:
    """A thematic break (---)."""


Block = Paragraph | Heading | ListBlock | Quote | Code | TableBlock | Rule


@dataclass(frozen=True)
class Document:
    blocks: tuple[Block, ...]
    #: footnote texts, numbered from 1 in the order they are first referred to
    footnotes: tuple[tuple[Block, ...], ...] = ()

    def heading_levels(self, below: int) -> dict[int, int]:
        """The outline level of each heading level used, directly under ``below`` and without
        gaps: a text using "###" and "#####" under a level-2 chapter gets 3 and 4."""
        used = sorted({b.level for b in walk(self) if isinstance(b, Heading)})
        return {level: below + 1 + index for index, level in enumerate(used)}


def walk(document: Document) -> list[Block]:
    """Every block of the document, nested ones included, in reading order."""
    found: list[Block] = []

    def visit(blocks: tuple[Block, ...]) -> None:
        for block in blocks:
            found.append(block)
            if isinstance(block, ListBlock):
                for item in block.items:
                    visit(item)
            elif isinstance(block, Quote):
                visit(block.blocks)

    visit(document.blocks)
    for note in document.footnotes:
        visit(note)
    return found


def inline_text(inlines: tuple[Inline, ...]) -> str:
    """The text of inline content; a line break as a newline, a footnote as its number."""
    parts = []
    for inline in inlines:
        if isinstance(inline, Span):
            parts.append(inline.text)
        elif isinstance(inline, Break):
            parts.append("\n")
        else:
            parts.append(f"[{inline.number}]")
    return "".join(parts)


def plain_text(document: Document) -> str:
    """The document as plain lines: list items with "• " or their number, table cells
    separated by " | ", footnotes at the end as "[1] ..."."""
    lines: list[str] = []

    def blocks(items: tuple[Block, ...], indent: str) -> None:
        for block in items:
            if isinstance(block, Paragraph | Heading):
                lines.append(indent + inline_text(block.inlines))
            elif isinstance(block, ListBlock):
                for number, item in enumerate(block.items, start=block.start):
                    marker = f"{number}. " if block.ordered else "• "
                    start = len(lines)
                    blocks(item, indent + "  ")
                    if len(lines) > start:
                        lines[start] = indent + marker + lines[start].lstrip()
            elif isinstance(block, Quote):
                blocks(block.blocks, indent + "> ")
            elif isinstance(block, Code):
                lines.extend(indent + line for line in block.text.splitlines())
            elif isinstance(block, TableBlock):
                for row in (block.header, *block.rows):
                    lines.append(indent + " | ".join(inline_text(cell) for cell in row))

    blocks(document.blocks, "")
    for number, note in enumerate(document.footnotes, start=1):
        start = len(lines)
        blocks(note, "")
        if len(lines) > start:
            lines[start] = f"[{number}] {lines[start]}"
    return "\n".join(lines)


def to_data(document: Document) -> dict[str, Any]:
    """The document as JSON-ready data, for templates that read data (Typst)."""
    return {
        "blocks": [_block_data(b) for b in document.blocks],
        "footnotes": [[_block_data(b) for b in note] for note in document.footnotes],
    }


def inlines_data(inlines: tuple[Inline, ...]) -> list[dict[str, Any]]:
    result: list[dict[str, Any]] = []
    for inline in inlines:
        if isinstance(inline, Span):
            run: dict[str, Any] = {"type": "run", "text": inline.text}
            for style in ("bold", "italic", "strike", "code"):
                if getattr(inline, style):
                    run[style] = True
            if inline.link:
                run["link"] = inline.link
            result.append(run)
        elif isinstance(inline, Break):
            result.append({"type": "break"})
        else:
            result.append({"type": "footnote", "number": inline.number})
    return result


def _block_data(block: Block) -> dict[str, Any]:
    if isinstance(block, Paragraph):
        return {"type": "paragraph", "inlines": inlines_data(block.inlines)}
    if isinstance(block, Heading):
        return {"type": "heading", "level": block.level, "inlines": inlines_data(block.inlines)}
    if isinstance(block, ListBlock):
        return {
            "type": "list",
            "ordered": block.ordered,
            "start": block.start,
            "items": [[_block_data(b) for b in item] for item in block.items],
        }
    if isinstance(block, Quote):
        return {"type": "quote", "blocks": [_block_data(b) for b in block.blocks]}
    if isinstance(block, Code):
        return {"type": "code", "text": block.text}
    if isinstance(block, TableBlock):
        return {
            "type": "table",
            "align": list(block.align),
            "header": [inlines_data(cell) for cell in block.header],
            "rows": [[inlines_data(cell) for cell in row] for row in block.rows],
        }
    return {"type": "rule"}
