"""The text model written back as GitHub-flavoured Markdown (the action table's actietabel.md):
what GitHub shows is what the data says, and nothing in the data can add markup.

Text is escaped: every ASCII character that can open markup inside a line gets a CommonMark
backslash escape (emphasis, code, links, raw HTML, entities, strikethrough, table pipes, math,
mentions, and the starts of GitHub's bare-URL autolinks); a line that starts like a heading, a
list item, a quote or a setext underline is escaped there too.

Styles are written as ``**``, ``*``, ``~~``, backticks and ``[text](<url>)``. CommonMark's rules
for where emphasis may open and close (flanking, the rule of three) are intricate: a line whose
short form markdown-it reads back as other runs than it was given is written with HTML tags
instead (``<strong>``, ``<em>``, ``<del>``, ``<code>``, ``<a>``), which GitHub shows alike. A
line break inside a paragraph is ``<br>``, as it must be in a table cell.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import replace
from functools import cache
from html import escape as html_escape
from html import unescape
from itertools import groupby

from markdown_it import MarkdownIt
from markdown_it.token import Token

from generator.text.lines import Line
from generator.text.model import Span

#: characters that open markup inside a line: the backslash itself, code, emphasis, links and
#: images ("![" needs the bracket), raw HTML and autolinks, entities, strikethrough, table cells,
#: GitHub's math, headings' closing sequences and @mentions
_PUNCTUATION = re.compile(r"([\\`*_\[\]<>&~|$#@])")
#: GitHub links bare URLs; escaping the colon or the dot keeps them text
_AUTOLINK = re.compile(r"(?i)\b(https?|ftp|mailto)(:)|\b(www)(\.)")
#: a list item's number, or a list marker, setext underline or quote at the start of a line
_START = re.compile(r"^(\d{1,9})([.)])|^([-+=])")
#: the styles that open and close around text, outermost first when they start together
_STYLES = ("link", "strike", "bold", "italic")
_SHORT = {"bold": ("**", "**"), "italic": ("*", "*"), "strike": ("~~", "~~")}
_TAGS = {"bold": "strong", "italic": "em", "strike": "del"}


def escape(text: str) -> str:
    """Plain text as inert inline Markdown, on one line (line breaks become spaces)."""
    text = _PUNCTUATION.sub(r"\\\1", text.replace("\r\n", " ").replace("\n", " "))
    return _AUTOLINK.sub(lambda m: f"{m[1]}\\{m[2]}" if m[1] else f"{m[3]}\\{m[4]}", text)


def line_start(markdown: str) -> str:
    """``markdown`` safe at the start of a line: no list item, setext underline or indented
    code block comes of it (headings, quotes and fences are escaped wherever they stand)."""
    markdown = markdown.lstrip(" \t")
    return _START.sub(lambda m: f"{m[1]}\\{m[2]}" if m[1] else f"\\{m[3]}", markdown)


def inline(runs: Iterable[Span]) -> str:
    """Runs of text as one line of inline Markdown; a newline in a run is written ``<br>``."""
    segments: list[list[Span]] = [[]]
    for run in runs:
        pieces = run.text.split("\n")
        for index, piece in enumerate(pieces):
            if index:
                segments.append([])
            if piece:
                segments[-1].append(replace(run, text=piece))
    return "<br>".join(_segment(_normal(segment)) for segment in segments)


def document(lines: Sequence[Line]) -> str:
    """Lines (``generator.text.lines``) as Markdown blocks: paragraphs, and list items nested as
    the lines' levels say, each block separated by an empty line."""
    indents = [0]  # per list level, where the content of its current item starts
    blocks = []
    for line in lines:
        level = min(line.level, len(indents) - (0 if line.bullet else 1))
        del indents[level + 1 :]
        text = line_start(inline(line.runs))
        if line.bullet:
            marker = line.bullet if line.bullet[0].isdigit() else "-"
            start = indents[level - 1] if level else 0
            blocks.append(" " * start + f"{marker} {text}")
            indents[level:] = [start + len(marker) + 1]
        else:
            blocks.append(" " * indents[min(level, len(indents) - 1)] + text)
    return "\n\n".join(block for block in blocks if block.strip())


def _segment(runs: list[Span]) -> str:
    """Inline Markdown for runs without line breaks: the short form where it reads back as
    these runs, else HTML tags."""
    if not runs:
        return ""
    short = _write(runs, html=False)
    if all(_plain(run) for run in runs) or read(short) == runs:
        return short
    return _write(runs, html=True)


def _plain(run: Span) -> bool:
    return not (run.bold or run.italic or run.strike or run.code or run.link)


def _normal(runs: Iterable[Span]) -> list[Span]:
    """Runs as Markdown can say them: emphasis and strikethrough never begin or end with white
    space (their marks would not open or close there), neighbours in one style merged, the
    line's outer white space gone (a table cell and a paragraph drop it)."""
    pieces: list[Span] = []
    for run in runs:
        if run.code or _plain(run) or not run.text.strip():
            pieces.append(_bare(run) if not run.code and not run.text.strip() else run)
            continue
        core = run.text.strip()
        head, tail = run.text[: run.text.index(core)], run.text[run.text.index(core) + len(core) :]
        if head:
            pieces.append(_bare(replace(run, text=head)))
        pieces.append(replace(run, text=core))
        if tail:
            pieces.append(_bare(replace(run, text=tail)))
    merged = [
        replace(group[0], text="".join(run.text for run in group))
        for group in (list(g) for _, g in groupby(pieces, key=_style))
    ]
    while merged and not merged[0].code and not merged[0].text.strip():
        merged.pop(0)
    while merged and not merged[-1].code and not merged[-1].text.strip():
        merged.pop()
    if merged and not merged[0].code:
        merged[0] = replace(merged[0], text=merged[0].text.lstrip())
    if merged and not merged[-1].code:
        merged[-1] = replace(merged[-1], text=merged[-1].text.rstrip())
    return [run for run in merged if run.text]


def _bare(run: Span) -> Span:
    """White space outside emphasis: it keeps only its link."""
    return Span(run.text, link=run.link)


def _style(run: Span) -> tuple[bool, bool, bool, bool, str | None]:
    return (run.bold, run.italic, run.strike, run.code, run.link)


def _has(run: Span, style: str) -> str | None:
    """The run's value of ``style``: the link target, or "1" for a style it has."""
    if style == "link":
        return run.link
    return "1" if getattr(run, style) else None


def _write(runs: list[Span], *, html: bool) -> str:
    """The runs with their styles opened and closed as a stack: a style that goes on longer
    is opened first, so that it closes last."""
    out: list[str] = []
    stack: list[tuple[str, str]] = []
    for at, run in enumerate(runs):
        wanted = {(s, v) for s in _STYLES if (v := _has(run, s)) is not None}
        keep = 0
        while keep < len(stack) and stack[keep] in wanted:
            keep += 1
        while len(stack) > keep:
            out.append(_close(*stack.pop(), html=html))
        new = sorted(
            (item for item in wanted if item not in stack),
            key=lambda item: (-_reach(runs, at, item), _STYLES.index(item[0])),
        )
        for item in new:
            stack.append(item)
            out.append(_open(*item, html=html))
        out.append(_code(run.text, html=html) if run.code else escape(run.text))
    while stack:
        out.append(_close(*stack.pop(), html=html))
    return "".join(out)


def _reach(runs: list[Span], at: int, item: tuple[str, str]) -> int:
    count = 0
    for run in runs[at:]:
        if _has(run, item[0]) != item[1]:
            break
        count += 1
    return count


def _open(style: str, value: str, *, html: bool) -> str:
    if style == "link":
        return f'<a href="{html_escape(value)}">' if html else "["
    return f"<{_TAGS[style]}>" if html else _SHORT[style][0]


def _close(style: str, value: str, *, html: bool) -> str:
    if style == "link":
        # markdown-it gave the target percent-encoded: it holds no space, "<" or ">"
        return "</a>" if html else f"](<{value}>)"
    return f"</{_TAGS[style]}>" if html else _SHORT[style][1]


def _code(text: str, *, html: bool) -> str:
    """Code as a code span whose fence is longer than any run of backticks in it; with a
    pipe in it, as ``<code>`` (in a table cell a code span's pipe needs an escape that shows
    outside one)."""
    if html or "|" in text:
        return f"<code>{escape(text)}</code>"
    fence = "`" * (max((len(r) for r in re.findall(r"`+", text)), default=0) + 1)
    if text.startswith("`") or text.endswith("`") or (text[0] == text[-1] == " " and text.strip()):
        text = f" {text} "
    return f"{fence}{text}{fence}"


@cache
def _reader() -> MarkdownIt:
    """GitHub's dialect as markdown-it has it: CommonMark, tables, strikethrough, raw HTML."""
    return MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])


def read(markdown: str) -> list[Span]:
    """One line of inline Markdown as this module writes it, read back as runs (normalised as
    ``inline`` normalises them): to check what a reader of the Markdown will see."""
    tokens = _reader().parseInline(markdown)
    found: list[Span] = []
    depth = {"bold": 0, "italic": 0, "strike": 0, "code": 0}
    links: list[str] = []
    opens = {"strong": "bold", "em": "italic", "s": "strike", "del": "strike", "code": "code"}
    for token in _children(tokens):
        kind = token.type
        if kind in ("text", "text_special", "code_inline", "softbreak"):
            text = " " if kind == "softbreak" else token.content
            code = kind == "code_inline" or depth["code"] > 0
            found.append(_span(text, depth, code, links))
        elif kind == "hardbreak" or (kind == "html_inline" and token.content == "<br>"):
            found.append(Span("\n"))
        elif kind.endswith(("_open", "_close")) and kind.split("_")[0] in opens:
            depth[opens[kind.split("_")[0]]] += 1 if kind.endswith("_open") else -1
        elif kind == "link_open":
            links.append(str(token.attrGet("href") or ""))
        elif kind == "link_close":
            links.pop()
        elif kind == "html_inline" and (tag := _tag(token.content)):
            name, closing, href = tag
            if name == "a":
                if closing:
                    links.pop()
                else:
                    links.append(href)
            elif name in opens:
                depth[opens[name]] += -1 if closing else 1
            else:
                found.append(_span(token.content, depth, False, links))
        else:
            found.append(_span(token.content, depth, False, links))
    return _normal(found)


def _children(tokens: list[Token]) -> list[Token]:
    return [child for token in tokens for child in token.children or []]


def _span(text: str, depth: dict[str, int], code: bool, links: list[str]) -> Span:
    return Span(
        text,
        bold=depth["bold"] > 0,
        italic=depth["italic"] > 0,
        strike=depth["strike"] > 0,
        code=code,
        link=links[-1] if links else None,
    )


def _tag(html: str) -> tuple[str, bool, str] | None:
    """(name, closing, href) of a tag this module writes; None for any other HTML."""
    match = re.fullmatch(r'<(/?)(strong|em|del|code|a)(?: href="([^"]*)")?>', html)
    if match is None:
        return None
    return match[2], bool(match[1]), unescape(match[3] or "")
