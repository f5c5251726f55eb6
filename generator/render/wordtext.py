"""Markdown from the data in a Word document: the text model (``generator.text.model``) written
with python-docx into a document or a table cell, as paragraphs, headings, lists and tables.
The nota and the verslag share it."""

from __future__ import annotations

from typing import Any

from docx.shared import Pt

from generator.render.word import LINTBLAUW, repeat_header
from generator.text.markdown import parse
from generator.text.model import (
    Block,
    Break,
    Code,
    Document,
    FootnoteRef,
    Heading,
    Inline,
    ListBlock,
    Paragraph,
    Quote,
    Rule,
    Span,
    TableBlock,
)


def markdown(container: Any, source: str, *, heading_size: float = 10.0) -> None:
    """Add ``source`` (Markdown) to ``container``: a Document or a table cell."""
    document = parse(source)
    for block in document.blocks:
        _block(container, block, document, level=0, heading_size=heading_size)
    if document.footnotes:
        for number, note in enumerate(document.footnotes, start=1):
            paragraph = container.add_paragraph()
            run = paragraph.add_run(f"{number} ")
            run.font.superscript = True
            for block in note:
                if isinstance(block, Paragraph):
                    _inlines(paragraph, block.inlines, size=8.0)


def heading(container: Any, text: str, *, size: float = 11.0, space_before: float = 10.0) -> None:
    """A heading as a bold lintblauw paragraph that stays with what follows."""
    paragraph = container.add_paragraph()
    paragraph.paragraph_format.keep_with_next = True
    paragraph.paragraph_format.space_before = Pt(space_before)
    paragraph.paragraph_format.space_after = Pt(3)
    run = paragraph.add_run(text)
    run.bold = True
    run.font.size = Pt(size)
    run.font.color.rgb = LINTBLAUW


def _block(
    container: Any, block: Block, document: Document, *, level: int, heading_size: float
) -> None:
    if isinstance(block, Paragraph):
        paragraph = container.add_paragraph()
        if level:
            paragraph.paragraph_format.left_indent = Pt(14 * level)
        _inlines(paragraph, block.inlines)
    elif isinstance(block, Heading):
        paragraph = container.add_paragraph()
        paragraph.paragraph_format.keep_with_next = True
        paragraph.paragraph_format.space_before = Pt(6)
        _inlines(paragraph, block.inlines, bold=True, size=heading_size)
    elif isinstance(block, ListBlock):
        for number, item in enumerate(block.items, start=block.start):
            marker = f"{number}." if block.ordered else ("•", "–", "◦")[level % 3]
            for index, part in enumerate(item):
                if isinstance(part, Paragraph):
                    paragraph = container.add_paragraph()
                    fmt = paragraph.paragraph_format
                    fmt.left_indent = Pt(14 * (level + 1))
                    fmt.first_line_indent = Pt(-14) if index == 0 else None
                    fmt.space_after = Pt(1)
                    if index == 0:
                        paragraph.add_run(f"{marker}\t")
                        fmt.tab_stops.add_tab_stop(Pt(14 * (level + 1)))
                    _inlines(paragraph, part.inlines)
                else:
                    _block(container, part, document, level=level + 1, heading_size=heading_size)
    elif isinstance(block, Quote):
        for part in block.blocks:
            _block(container, part, document, level=level + 1, heading_size=heading_size)
    elif isinstance(block, Code):
        paragraph = container.add_paragraph()
        run = paragraph.add_run(block.text)
        run.font.name = "Courier New"
    elif isinstance(block, TableBlock):
        _table(container, block)
    elif isinstance(block, Rule):
        container.add_paragraph("")


def _table(container: Any, block: TableBlock) -> None:
    columns = len(block.header)
    table = container.add_table(rows=1 + len(block.rows), cols=columns)
    table.style = "Table Grid"
    repeat_header(table.rows[0]._tr)
    for c, cell in enumerate(block.header):
        _inlines(table.rows[0].cells[c].paragraphs[0], cell, bold=True)
    for r, row in enumerate(block.rows, start=1):
        for c in range(columns):
            inlines = row[c] if c < len(row) else ()
            _inlines(table.rows[r].cells[c].paragraphs[0], inlines)
    if hasattr(container, "add_paragraph"):
        container.add_paragraph()


def _inlines(
    paragraph: Any, inlines: tuple[Inline, ...], *, bold: bool = False, size: float | None = None
) -> None:
    for inline in inlines:
        if isinstance(inline, Span):
            run = paragraph.add_run(inline.text)
            run.bold = (bold or inline.bold) or None
            run.italic = inline.italic or None
            run.font.strike = inline.strike or None
            if inline.code:
                run.font.name = "Courier New"
            if size is not None:
                run.font.size = Pt(size)
        elif isinstance(inline, Break):
            paragraph.add_run().add_break()
        elif isinstance(inline, FootnoteRef):
            run = paragraph.add_run(str(inline.number))
            run.font.superscript = True
