"""Markdown from the data as slide content: "## " starts a slide, lower headings, paragraphs and
(nested) lists become paragraphs of runs, tables become native tables.

Parsed with markdown-it-py (CommonMark plus GitHub tables); raw HTML is not interpreted, it stays
text. Nothing in the data is evaluated.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import cache, lru_cache
from itertools import groupby

from markdown_it import MarkdownIt
from markdown_it.token import Token

from generator.deck.content import (
    BODY,
    LINTBLAUW,
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

BULLETS = ("•", "–", "◦")


@cache
def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark", {"html": False}).enable("table")


@dataclass
class MdSlide:
    """The content under one "## " heading (``title`` None: the content before the first)."""

    title: str | None
    blocks: list[Block] = field(default_factory=list)


def slides(source: str) -> list[MdSlide]:
    """Split Markdown into slides at its "## " headings."""
    tokens = _parser().parse(source)
    return _Converter().convert(tokens)


def inline_runs(source: str, *, bold: bool = False) -> tuple[Run, ...]:
    """One line of inline Markdown (bold, italic) as runs."""
    tokens = _parser().parseInline(source.strip())
    converter = _Converter()
    children = tokens[0].children or [] if tokens else []
    return tuple(converter.runs(children, bold=bold))


class _Converter:
    def convert(self, tokens: list[Token]) -> list[MdSlide]:
        result = [MdSlide(None)]
        paras: list[Para] = []
        stack: list[str | int] = []  # open lists: a bullet, or the next number
        items: list[bool] = []  # per open list item: has its first paragraph been written
        position = 0

        def flush() -> None:
            if paras:
                result[-1].blocks.append(Text(tuple(paras)))
                paras.clear()

        while position < len(tokens):
            token = tokens[position]
            kind = token.type
            if kind == "heading_open":
                inline = tokens[position + 1]
                if token.tag in ("h1", "h2"):
                    flush()
                    result.append(MdSlide(inline.content.strip()))
                else:
                    runs = self.runs(inline.children or [], bold=True, colour=LINTBLAUW)
                    space = 10.0 if paras or result[-1].blocks else 0.0
                    paras.append(Para(tuple(runs), size=BODY + 2, space_before=space))
                position += 3
                continue
            if kind in ("bullet_list_open", "ordered_list_open"):
                if kind == "ordered_list_open":
                    stack.append(int(token.attrGet("start") or 1))
                else:
                    stack.append(BULLETS[min(len(stack), len(BULLETS) - 1)])
            elif kind in ("bullet_list_close", "ordered_list_close"):
                stack.pop()
            elif kind == "list_item_open":
                items.append(False)
            elif kind == "list_item_close":
                items.pop()
                top = stack[-1]
                if isinstance(top, int):
                    stack[-1] = top + 1
            elif kind == "inline":
                runs = self.runs(token.children or [])
                if stack:
                    top = stack[-1]
                    bullet = (f"{top}." if isinstance(top, int) else top) if not items[-1] else None
                    items[-1] = True
                    space = 4.0 if len(stack) == 1 and bullet else 0.0
                    paras.append(
                        Para(tuple(runs), level=len(stack), bullet=bullet, space_before=space)
                    )
                else:
                    space = 6.0 if paras else 0.0
                    paras.append(Para(tuple(runs), space_before=space))
            elif kind in ("fence", "code_block"):
                for line in token.content.rstrip("\n").split("\n"):
                    paras.append(Para((Run(line),)))
            elif kind == "table_open":
                flush()
                end = _closing(tokens, position, "table_close")
                result[-1].blocks.append(self.table(tokens[position:end]))
                position = end
            position += 1
        flush()
        if not result[0].blocks:
            result.pop(0)
        return result

    def runs(
        self, children: list[Token], *, bold: bool = False, colour: str | None = None
    ) -> list[Run]:
        runs: list[Run] = []
        strong = 1 if bold else 0
        em = 0
        for child in children:
            kind = child.type
            if kind == "strong_open":
                strong += 1
            elif kind == "strong_close":
                strong -= 1
            elif kind == "em_open":
                em += 1
            elif kind == "em_close":
                em -= 1
            elif kind in ("text", "code_inline", "html_inline"):
                text = child.content
                if text:
                    runs.append(Run(text, bold=strong > 0, italic=em > 0, colour=colour))
            elif kind == "softbreak":
                runs.append(Run(" "))
            elif kind == "hardbreak":
                runs.append(Run("\n"))
            elif kind == "image":
                runs.append(Run(child.content, italic=True))
        return _merge(runs)

    def table(self, tokens: list[Token]) -> Table:
        header: list[Cell] = []
        rows: list[tuple[Cell, ...]] = []
        aligns: list[Align] = []
        row: list[Cell] = []
        in_head = False
        for index, token in enumerate(tokens):
            if token.type == "thead_open":
                in_head = True
            elif token.type == "thead_close":
                in_head = False
            elif token.type in ("th_open", "td_open"):
                style = str(token.attrGet("style") or "")
                align: Align = "r" if "right" in style else "ctr" if "center" in style else "l"
                if in_head:
                    aligns.append(align)
                inline = tokens[index + 1]
                runs = self.runs(inline.children or [], bold=in_head)
                para = Para(tuple(runs), size=TABLE, align=align)
                if in_head:
                    row.append(Cell((para,), fill=LINTBLAUW, colour="FFFFFF"))
                else:
                    row.append(Cell((para,)))
            elif token.type == "tr_close":
                if in_head:
                    header = row
                else:
                    rows.append(tuple(row))
                row = []
        columns = tuple(Column(_weight(header, rows, i), a) for i, a in enumerate(aligns))
        # a table of short figures is as wide as its text; one with sentences takes the slide
        natural = sum(c.width for c in columns) * TABLE * 0.62 + 12 * len(columns)
        prose = any(c.width >= _MAX_WEIGHT for c in columns)
        groups = tuple(Group((r,)) for r in rows)
        return Table(columns, tuple(header), groups, width=None if prose else natural)


def _weight(header: list[Cell], rows: list[tuple[Cell, ...]], column: int) -> float:
    """A column's share of the width: by the length of its longest text, within bounds."""
    lengths = [len(cells[column].paras[0].text) for cells in (header, *rows) if column < len(cells)]
    return float(min(max(max(lengths, default=1), 6), _MAX_WEIGHT))


_MAX_WEIGHT = 40


def _closing(tokens: list[Token], start: int, kind: str) -> int:
    for index in range(start, len(tokens)):
        if tokens[index].type == kind:
            return index
    return len(tokens) - 1


def _merge(runs: list[Run]) -> list[Run]:
    """Neighbouring runs in the same style as one (joined once: a paragraph of many lines is
    many runs, and adding them up one by one would copy it once per line)."""
    return [
        Run("".join(run.text for run in group), *style)
        for style, group in groupby(runs, key=lambda run: (run.bold, run.italic, run.colour))
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
                for group in block.groups:
                    for row in group.rows:
                        text = " | ".join(c.paras[0].text for c in row if c.paras)
                        result.append(Para((Run(text),), size=size))
    return tuple(result)
