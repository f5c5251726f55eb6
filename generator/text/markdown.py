"""Markdown from the data, parsed once into the text model (``generator.text.model``).

One parser configuration for every output: CommonMark with GitHub's tables and strikethrough and
footnotes (``[^1]``). Raw HTML is not interpreted: ``<script>`` stays text. Links keep their
target only for http, https and mailto; any other scheme is shown as text. A construct the model
has no place for is an error naming it, never dropped: text must not get lost on its way out.
"""

from __future__ import annotations

from functools import cache, lru_cache
from itertools import groupby

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.footnote import footnote_plugin

from generator.exceptions import UnsupportedMarkdown
from generator.text.model import (
    Align,
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
from generator.text.shorten import shorten

#: link targets kept as links; the policy for every output
LINK_SCHEMES = ("http://", "https://", "mailto:")


@cache
def parser(*, join_text: bool = True) -> MarkdownIt:
    """The one Markdown configuration (``check`` uses it too, to judge nesting). Without
    ``join_text`` an escaped character stays a token of its own (``text_special``), so that
    ``\\[^1]`` can be told from a footnote reference that has no note."""
    md = MarkdownIt("commonmark", {"html": False}).enable(["table", "strikethrough"])
    md.use(footnote_plugin)
    return md if join_text else md.disable("text_join")


@lru_cache(maxsize=4096)
def parse(source: str) -> Document:
    """A Markdown text as a Document."""
    tokens = parser().parse(source)
    reader = _Reader(tokens, source)
    blocks = reader.blocks(end=None)
    return Document(blocks, tuple(reader.footnotes[key] for key in sorted(reader.footnotes)))


@lru_cache(maxsize=4096)
def parse_inline(source: str) -> tuple[Inline, ...]:
    """One line of Markdown (a title, a table cell): its inline content only."""
    tokens = parser().parseInline(source.strip())
    children = tokens[0].children or [] if tokens else []
    return _inlines(children, source)


class _Reader:
    """Builds blocks from markdown-it's flat token stream, opening and closing as it goes."""

    def __init__(self, tokens: list[Token], source: str) -> None:
        self.tokens = tokens
        self.source = source
        self.at = 0
        self.footnotes: dict[int, tuple[Block, ...]] = {}

    def next(self) -> Token:
        token = self.tokens[self.at]
        self.at += 1
        return token

    def blocks(self, end: str | None) -> tuple[Block, ...]:
        found: list[Block] = []
        while self.at < len(self.tokens):
            token = self.next()
            kind = token.type
            if kind == end:
                break
            block = self.block(token)
            if block is not None:
                found.append(block)
        return tuple(found)

    def block(self, token: Token) -> Block | None:
        kind = token.type
        if kind == "paragraph_open":
            inline = self.next()
            while self.next().type != "paragraph_close":
                pass  # a footnote's back-link anchor: writers make their own
            return Paragraph(_inlines(inline.children or [], self.source))
        if kind == "heading_open":
            inline = self.next()
            self.next()
            return Heading(int(token.tag[1]), _inlines(inline.children or [], self.source))
        if kind in ("bullet_list_open", "ordered_list_open"):
            close = kind.replace("_open", "_close")
            items: list[tuple[Block, ...]] = []
            while self.tokens[self.at].type == "list_item_open":
                self.next()
                items.append(self.blocks(end="list_item_close"))
            if self.next().type != close:
                raise UnsupportedMarkdown(
                    f"list ending in {self.tokens[self.at - 1].type}", shorten(self.source, 60)
                )
            start = int(token.attrGet("start") or 1) if kind == "ordered_list_open" else 1
            return ListBlock(kind == "ordered_list_open", start, tuple(items))
        if kind == "blockquote_open":
            return Quote(self.blocks(end="blockquote_close"))
        if kind in ("fence", "code_block"):
            return Code(token.content.rstrip("\n"))
        if kind == "hr":
            return Rule()
        if kind == "table_open":
            return self.table()
        if kind == "footnote_block_open":
            while self.tokens[self.at].type == "footnote_open":
                number = int(self.next().meta["id"]) + 1
                blocks = self.blocks(end="footnote_close")
                self.footnotes[number] = blocks
            self.next()  # footnote_block_close
            return None
        raise UnsupportedMarkdown(kind, shorten(self.source, 60))

    def table(self) -> TableBlock:
        header: list[tuple[Inline, ...]] = []
        rows: list[tuple[tuple[Inline, ...], ...]] = []
        align: list[Align] = []
        row: list[tuple[Inline, ...]] = []
        while True:
            token = self.next()
            if token.type == "table_close":
                break
            if token.type in ("th_open", "td_open"):
                inline = self.next()
                row.append(_inlines(inline.children or [], self.source))
                if token.type == "th_open":
                    style = str(token.attrGet("style") or "")
                    align.append(
                        "right" if "right" in style else "center" if "center" in style else None
                    )
            elif token.type == "tr_close":
                if not header:
                    header = row
                else:
                    rows.append(tuple(row))
                row = []
        return TableBlock(tuple(header), tuple(rows), tuple(align))


def _inlines(children: list[Token], source: str) -> tuple[Inline, ...]:
    found: list[Inline] = []
    bold = italic = strike = 0
    links: list[str | None] = []
    for child in children:
        kind = child.type
        if kind in ("text", "text_special", "html_inline"):
            if child.content:
                found.append(
                    Span(child.content, bold > 0, italic > 0, strike > 0, False, _link(links))
                )
        elif kind == "code_inline":
            found.append(Span(child.content, bold > 0, italic > 0, strike > 0, True, _link(links)))
        elif kind == "softbreak":
            found.append(Span(" ", bold > 0, italic > 0, strike > 0, False, _link(links)))
        elif kind == "hardbreak":
            found.append(Break())
        elif kind in ("strong_open", "strong_close"):
            bold += 1 if kind.endswith("open") else -1
        elif kind in ("em_open", "em_close"):
            italic += 1 if kind.endswith("open") else -1
        elif kind in ("s_open", "s_close"):
            strike += 1 if kind.endswith("open") else -1
        elif kind == "link_open":
            href = str(child.attrGet("href") or "")
            links.append(href if href.startswith(LINK_SCHEMES) else None)
        elif kind == "link_close":
            links.pop()
        elif kind == "image":  # pictures are not shown: their description is
            alt = child.content or "".join(c.content for c in child.children or [])
            found.append(Span(alt, bold > 0, True, strike > 0, False, _link(links)))
        elif kind == "footnote_ref":
            found.append(FootnoteRef(int(child.meta["id"]) + 1))
        else:
            raise UnsupportedMarkdown(kind, shorten(source, 60))
    return _merged(found)


def _link(links: list[str | None]) -> str | None:
    return links[-1] if links else None


def _merged(inlines: list[Inline]) -> tuple[Inline, ...]:
    """Neighbouring runs in one style as one run (joined once, not added up one by one)."""
    result: list[Inline] = []
    for key, group in groupby(inlines, key=_style):
        if key is None:
            result.extend(group)
        else:
            runs = list(group)
            first = runs[0]
            assert isinstance(first, Span)
            text = "".join(r.text for r in runs if isinstance(r, Span))
            result.append(
                Span(text, first.bold, first.italic, first.strike, first.code, first.link)
            )
    return tuple(result)


def _style(inline: Inline) -> tuple[bool, bool, bool, bool, str | None] | None:
    if isinstance(inline, Span):
        return (inline.bold, inline.italic, inline.strike, inline.code, inline.link)
    return None
