"""Markdown from the data as slide content: "## " starts a slide, lower headings, paragraphs and
(nested) lists become paragraphs of runs, block quotes are indented, tables become native tables.

Parsed with markdown-it-py (CommonMark plus GitHub tables); raw HTML is not interpreted, it stays
text. Nothing in the data is evaluated. Every kind of token the parser makes is handled by name;
one that is not raises UnsupportedMarkdown rather than leaving its text out.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import lru_cache

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
from generator.exceptions import UnsupportedMarkdown
from generator.mdparser import parser

BULLETS = ("•", "–", "◦")

#: what the converter passes every text from the data through (the Woo redaction)
ScrubFn = Callable[[str], str]


#: block tokens that carry no text of their own (their content comes as inline tokens)
_FRAMING = frozenset({"paragraph_open", "paragraph_close", "hr"})
#: inline tokens that only mark where a link starts and ends: the text is in between
_LINK = frozenset({"link_open", "link_close"})
_TABLE = frozenset(
    {
        "table_open", "table_close", "thead_open", "thead_close", "tbody_open", "tbody_close",
        "tr_open", "tr_close", "th_open", "th_close", "td_open", "td_close", "inline",
    }
)  # fmt: skip


@dataclass
class MdSlide:
    """The content under one "## " heading (``title`` None: the content before the first)."""

    title: str | None
    blocks: list[Block] = field(default_factory=list)


def slides(source: str, *, scrub: ScrubFn | None = None) -> list[MdSlide]:
    """Split Markdown into slides at its "## " headings."""
    tokens = parser().parse(source)
    converter = _Converter(scrub or (lambda text: text), source)
    return converter.convert(tokens)


def inline_runs(
    source: str, *, scrub: ScrubFn | None = None, bold: bool = False
) -> tuple[Run, ...]:
    """One line of inline Markdown (bold, italic) as runs."""
    tokens = parser().parseInline(source.strip())
    converter = _Converter(scrub or (lambda text: text), source)
    children = tokens[0].children or [] if tokens else []
    return tuple(converter.runs(children, bold=bold))


class _Converter:
    def __init__(self, scrub: ScrubFn, source: str) -> None:
        self.scrub = scrub
        self.source = source

    def convert(self, tokens: list[Token]) -> list[MdSlide]:
        result = [MdSlide(None)]
        paras: list[Para] = []
        stack: list[str | int] = []  # open lists: a bullet, or the next number
        items: list[bool] = []  # per open list item: has its first paragraph been written
        quotes = 0  # open block quotes: each indents its content one level
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
                    result.append(MdSlide(self.scrub(inline.content.strip())))
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
            elif kind == "blockquote_open":
                quotes += 1
            elif kind == "blockquote_close":
                quotes -= 1
            elif kind == "inline":
                runs = self.runs(token.children or [])
                if stack:
                    top = stack[-1]
                    bullet = (f"{top}." if isinstance(top, int) else top) if not items[-1] else None
                    items[-1] = True
                    space = 4.0 if len(stack) == 1 and bullet else 0.0
                    paras.append(
                        Para(
                            tuple(runs),
                            level=len(stack) + quotes,
                            bullet=bullet,
                            space_before=space,
                        )
                    )
                else:
                    space = 6.0 if paras else 0.0
                    paras.append(Para(tuple(runs), level=quotes, space_before=space))
            elif kind in ("fence", "code_block", "html_block"):
                for line in token.content.rstrip("\n").split("\n"):
                    paras.append(Para((Run(self.scrub(line)),), level=len(stack) + quotes))
            elif kind == "table_open":
                flush()
                end = _closing(tokens, position, "table_close")
                result[-1].blocks.append(self.table(tokens[position:end]))
                position = end
            elif kind not in _FRAMING:
                raise UnsupportedMarkdown(kind, self.source)
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
            elif kind in ("text", "code_inline", "html_inline", "text_special"):
                text = self.scrub(child.content)
                if text:
                    runs.append(Run(text, bold=strong > 0, italic=em > 0, colour=colour))
            elif kind == "softbreak":
                runs.append(Run(" "))
            elif kind == "hardbreak":
                runs.append(Run("\n"))
            elif kind == "image":  # no pictures on a slide: its description, in italics
                runs.append(Run(self.scrub(child.content), italic=True))
            elif kind not in _LINK:
                raise UnsupportedMarkdown(kind, self.source)
        return _merge(runs)

    def table(self, tokens: list[Token]) -> Table:
        header: list[Cell] = []
        rows: list[tuple[Cell, ...]] = []
        aligns: list[Align] = []
        row: list[Cell] = []
        in_head = False
        for index, token in enumerate(tokens):
            if token.type not in _TABLE:
                raise UnsupportedMarkdown(token.type, self.source)
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
    merged: list[Run] = []
    for run in runs:
        last = merged[-1] if merged else None
        if last and (last.bold, last.italic, last.colour) == (run.bold, run.italic, run.colour):
            merged[-1] = Run(last.text + run.text, last.bold, last.italic, last.colour)
        else:
            merged.append(run)
    return merged


def paragraphs(source: str, *, scrub: ScrubFn | None = None, size: float = TABLE) -> list[Para]:
    """Markdown as paragraphs only (for a table cell): headings and tables become plain lines."""
    if scrub is None:  # the action table's writers convert each text once per format
        return list(_unscrubbed(source, size))
    return _paragraphs(source, scrub, size)


@lru_cache(maxsize=4096)
def _unscrubbed(source: str, size: float) -> tuple[Para, ...]:
    return tuple(_paragraphs(source, None, size))


def _paragraphs(source: str, scrub: ScrubFn | None, size: float) -> list[Para]:
    result: list[Para] = []
    for slide in slides(source, scrub=scrub):
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
    return result
