"""Markdown from the data as slide content: "## " starts a slide, lower headings, paragraphs and
(nested) lists become paragraphs of runs, block quotes are indented, tables become native tables.

The Markdown is parsed by the shared text model (``generator.text``); this module only lays the
tree out as the deck's paragraphs, runs and tables. Nothing in the data is evaluated.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import groupby

from generator.render.deck.content import (
    BODY,
    GRIJS,
    LINTBLAUW,
    SMALL,
    TABLE,
    Align,
    Block,
    Cell,
    Column,
    Group,
    Para,
    Run,
    Table,
    Text,
)
from generator.text.markdown import parse, parse_inline
from generator.text.model import Block as TextBlock
from generator.text.model import (
    Break,
    Code,
    Document,
    Heading,
    Inline,
    ListBlock,
    Paragraph,
    Quote,
    Rule,
    Span,
    inline_text,
)
from generator.text.model import TableBlock as TextTable

BULLETS = ("•", "–", "◦")


@dataclass
class MdSlide:
    """The content under one "## " heading (``title`` None: the content before the first)."""

    title: str | None
    blocks: list[Block] = field(default_factory=list)


def slides(source: str) -> list[MdSlide]:
    """Split Markdown into slides at its "# " and "## " headings."""
    return _Converter(parse(source)).convert()


def inline_runs(source: str, *, bold: bool = False) -> tuple[Run, ...]:
    """One line of inline Markdown (bold, italic) as runs."""
    return tuple(_Converter(Document(())).runs(parse_inline(source), bold=bold))


class _Converter:
    """The text model's tree as slides: paragraphs of runs with their list level and bullet,
    and native tables. Every text of the tree lands in a run; footnotes follow the text of the
    slide that refers to them."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self.result = [MdSlide(None)]
        self.paras: list[Para] = []
        self.noted: list[int] = []
        #: laying out a footnote's blocks, whose headings stay lines of its text
        self.collecting = False

    def convert(self) -> list[MdSlide]:
        for block in self.document.blocks:
            self.block(block, level=0, italic=False)
        self.flush()
        if not self.result[0].blocks:
            self.result.pop(0)
        return self.result

    def flush(self) -> None:
        for number in self.noted:
            for block in self.document.footnotes[number - 1]:
                for para in self._collect(block):
                    runs = (Run(f"[{number}] ", colour=GRIJS), *para.runs)
                    self.paras.append(replace(para, runs=runs, size=SMALL, space_before=2.0))
                    number = 0  # the marker on the note's first line only
        self.noted.clear()
        if self.paras:
            self.result[-1].blocks.append(Text(tuple(self.paras)))
            self.paras.clear()

    def cut(self) -> None:
        """End the text so far as a block of its own (its footnotes wait for the slide's end)."""
        if self.paras:
            self.result[-1].blocks.append(Text(tuple(self.paras)))
            self.paras = []

    def _collect(self, block: TextBlock) -> list[Para]:
        """The paragraphs of one block of a footnote."""
        saved, self.paras = self.paras, []
        self.collecting = True
        self.block(block, level=0, italic=False)
        self.collecting = False
        collected, self.paras = self.paras, saved
        return collected

    def block(
        self,
        block: TextBlock,
        *,
        level: int,
        italic: bool,
        bullet: str | None = None,
        marked: bool = True,
    ) -> None:
        if isinstance(block, Heading) and block.level <= 2 and level == 0:
            self.flush()
            self.result.append(MdSlide(inline_text(block.inlines).strip()))
        elif isinstance(block, Heading):
            heading = self.runs(block.inlines, bold=True, colour=LINTBLAUW)
            if level or self.collecting:  # in a list, a quote or a note: a line in bold
                space = 10.0 if self.paras or self.result[-1].blocks else 0.0
                self.paras.append(Para(tuple(heading), size=BODY + 2, space_before=space))
                return
            # a block of its own, which goes to the next slide with the start of what it heads
            # (after the text before it, whose own space below adds to this)
            self.cut()
            space = 4.0 if self.result[-1].blocks else 0.0
            para = Para(tuple(heading), size=BODY + 2, space_before=space)
            self.result[-1].blocks.append(Text((para,), space_after=0.0, keep_with_next=True))
        elif isinstance(block, Paragraph):
            runs = tuple(self.runs(block.inlines, italic=italic))
            if level:
                space = 4.0 if level == 1 and bullet and marked else 0.0
                self.paras.append(
                    Para(runs, level=level, bullet=bullet, space_before=space, marked=marked)
                )
            else:
                self.paras.append(Para(runs, space_before=6.0 if self.paras else 0.0))
        elif isinstance(block, ListBlock):
            for number, item in enumerate(block.items, start=block.start):
                marker: str | None = (
                    f"{number}." if block.ordered else BULLETS[min(level, len(BULLETS) - 1)]
                )
                marked = True
                for inner in item:
                    self.block(inner, level=level + 1, italic=italic, bullet=marker, marked=marked)
                    if isinstance(inner, Paragraph):
                        marked = False  # the item's later paragraphs show no bullet
        elif isinstance(block, Quote):
            for inner in block.blocks:
                self.block(inner, level=level + 1, italic=True)
        elif isinstance(block, Code):
            for line in block.text.split("\n"):
                self.paras.append(Para((Run(line),), level=level))
        elif isinstance(block, TextTable):
            if level:  # a table inside a list item: its rows as lines
                for row in (block.header, *block.rows):
                    text = " | ".join(inline_text(cell) for cell in row)
                    self.paras.append(Para((Run(text),), level=level))
            else:
                self.flush()
                self.result[-1].blocks.append(self.table(block))
        elif not isinstance(block, Rule):
            raise TypeError(f"no slide content for {type(block).__name__}")

    def runs(
        self,
        inlines: tuple[Inline, ...],
        *,
        bold: bool = False,
        italic: bool = False,
        colour: str | None = None,
    ) -> list[Run]:
        runs: list[Run] = []
        for inline in inlines:
            if isinstance(inline, Span):
                runs.append(
                    Run(inline.text, bold=bold or inline.bold, italic=italic or inline.italic,
                        colour=colour, href=inline.link)
                )  # fmt: skip
            elif isinstance(inline, Break):
                runs.append(Run("\n"))
            else:
                if inline.number not in self.noted:
                    self.noted.append(inline.number)
                runs.append(Run(f"[{inline.number}]", colour=colour))
        return _merge(runs)

    def table(self, table: TextTable) -> Table:
        aligns: list[Align] = [_ALIGN[a] for a in table.align]
        header = [
            Cell(
                (Para(tuple(self.runs(cell, bold=True)), size=TABLE, align=aligns[i]),),
                fill=LINTBLAUW,
                colour="FFFFFF",
            )
            for i, cell in enumerate(table.header)
        ]
        rows = [
            tuple(
                Cell((Para(tuple(self.runs(cell)), size=TABLE, align=aligns[i]),))
                for i, cell in enumerate(row)
            )
            for row in table.rows
        ]
        columns = tuple(Column(_weight(header, rows, i), a) for i, a in enumerate(aligns))
        # a table of short figures is as wide as its text; one with sentences takes the slide
        natural = sum(c.width for c in columns) * TABLE * 0.62 + 12 * len(columns)
        prose = any(c.width >= _MAX_WEIGHT for c in columns)
        groups = tuple(Group((r,)) for r in rows)
        return Table(columns, tuple(header), groups, width=None if prose else natural)


_ALIGN: dict[str | None, Align] = {None: "l", "left": "l", "center": "ctr", "right": "r"}


def _weight(header: list[Cell], rows: list[tuple[Cell, ...]], column: int) -> float:
    """A column's share of the width: by the length of its longest text, within bounds."""
    lengths = [len(cells[column].paras[0].text) for cells in (header, *rows) if column < len(cells)]
    return float(min(max(max(lengths, default=1), 6), _MAX_WEIGHT))


_MAX_WEIGHT = 40


def _merge(runs: list[Run]) -> list[Run]:
    """Neighbouring runs in the same style and link as one (joined once: a paragraph of many
    lines is many runs, and adding them up one by one would copy it once per line)."""
    return [
        Run("".join(run.text for run in group), bold, italic, colour, href=href)
        for (bold, italic, colour, href), group in groupby(
            runs, key=lambda run: (run.bold, run.italic, run.colour, run.href)
        )
    ]


def paragraphs(source: str, *, size: float = TABLE) -> list[Para]:
    """Markdown as paragraphs only (for a table cell): headings and tables become plain lines."""
    return list(_paragraphs(source, size))


@lru_cache(maxsize=4096)  # the action table's writers convert each text once per format
def _paragraphs(source: str, size: float) -> tuple[Para, ...]:
    result: list[Para] = []
    for slide in slides(source):
        if slide.title:
            result.append(Para((Run(slide.title, bold=True),), size=size))
        for block in slide.blocks:
            if isinstance(block, Text):
                result.extend(
                    replace(p, size=size, space_before=min(p.space_before, 3.0))
                    for p in block.paras
                )
            else:
                rows = [row for group in block.groups for row in group.rows]
                for row, bold in [(block.header, True)] + [(row, False) for row in rows]:
                    if row:
                        text = " | ".join(c.paras[0].text for c in row if c.paras)
                        result.append(Para((Run(text, bold=bold),), size=size))
    return tuple(result)
