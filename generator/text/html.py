"""The text model as HTML, safe by construction.

Every text is escaped; the only tags are the ones written here; a link's target passed the text
model's scheme policy (http, https, mailto) and is escaped as an attribute. Nothing from the data
can add a tag, an attribute, a script or a style. As a second line, the result goes through nh3
(a maintained sanitiser) with exactly the tags and attributes written here: one policy.
Headings are placed in the document's outline below a given level without skipping one (a
"###" directly under an h2 becomes an h3); in a table cell, where a heading cannot take part in
the outline, they are bold paragraphs.
Footnotes are numbered through the whole document by a ``Notes`` collector and printed where the
document wants them, each with a link back to every place it is referred to.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape

import nh3
from markupsafe import Markup

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
    TableBlock,
)

TAGS = {
    "p", "br", "strong", "em", "s", "code", "pre", "ul", "ol", "li", "a", "blockquote", "hr",
    "table", "thead", "tbody", "tr", "th", "td", "h1", "h2", "h3", "h4", "h5", "h6", "sup",
}  # fmt: skip
ATTRIBUTES = {
    "a": {"href", "id", "aria-label"}, "li": {"id"}, "ol": {"start", "class"},
    "th": {"style", "scope"}, "td": {"style"},
}  # fmt: skip


def _clean(html: str) -> Markup:
    clean = nh3.clean(
        html,
        tags=TAGS,
        attributes=ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer",
        filter_style_properties={"text-align"},
    )
    return Markup(clean)  # sanitised just above


@dataclass
class Notes:
    """The footnotes of one HTML document, numbered in order of first reference. A note
    referred to more than once links back to each reference ("↩ a b", as Wikipedia does)."""

    prefix: str = "noot"
    items: list[str] = field(default_factory=list)
    #: per note, how many references to it have been written
    refs: list[int] = field(default_factory=list)

    def add(self, html: str) -> int:
        self.items.append(html)
        self.refs.append(0)
        return len(self.items)

    def refer(self, number: int) -> str:
        """A reference to note ``number``, with an anchor of its own to come back to."""
        self.refs[number - 1] += 1
        anchor = _anchor(self.prefix, number, self.refs[number - 1])
        return (
            f'<sup><a id="{anchor}" href="#{self.prefix}-{number}" '
            f'aria-label="Voetnoot {number}">{number}</a></sup>'
        )

    def render(self) -> Markup:
        if not self.items:
            return Markup("")
        lines = [
            f'<li id="{self.prefix}-{n}">{body} {self._back(n, refs)}</li>'
            for n, (body, refs) in enumerate(zip(self.items, self.refs, strict=True), start=1)
        ]
        return _clean('<ol class="voetnoten">' + "".join(lines) + "</ol>")

    def _back(self, n: int, refs: int) -> str:
        if refs <= 1:
            return (
                f'<a href="#{_anchor(self.prefix, n, 1)}" '
                f'aria-label="Terug naar verwijzing {n}">↩</a>'
            )
        links = " ".join(
            f'<a href="#{_anchor(self.prefix, n, k)}" '
            f'aria-label="Terug naar verwijzing {n}{_letter(k)}">{_letter(k)}</a>'
            for k in range(1, refs + 1)
        )
        return f"↩ {links}"


def _anchor(prefix: str, number: int, ref: int) -> str:
    """The id of the ``ref``-th reference to a note: "noot-ref-3", then "noot-ref-3-2"."""
    return f"{prefix}-ref-{number}" + (f"-{ref}" if ref > 1 else "")


def _letter(k: int) -> str:
    """a, b, ..., z, aa, ab, ... for the ``k``-th reference (from 1)."""
    letters = ""
    while k:
        k, rest = divmod(k - 1, 26)
        letters = chr(ord("a") + rest) + letters
    return letters


def html(document: Document, *, below: int | None = 2, notes: Notes | None = None) -> Markup:
    """``document`` as HTML, its headings below outline level ``below``; with ``below`` None
    (a table cell) not in the outline, as bold paragraphs. Without ``notes``, its footnotes
    follow it as a list of their own."""
    own = notes is None
    writer = _Writer(document, below, notes or Notes())
    body = writer.blocks(document.blocks)
    if own:
        body += str(writer.notes.render())
    return _clean(body)


def note(document: Document, notes: Notes) -> Markup:
    """``document`` as a footnote of its own in ``notes``, and the reference to it."""
    writer = _Writer(document, 6, notes)
    number = notes.add("")
    notes.items[number - 1] = writer.item(document.blocks)
    return _clean(notes.refer(number))


def inline_html(inlines: tuple[Inline, ...]) -> Markup:
    """Inline content (a title, a cell) as HTML."""
    return _clean(_Writer(Document(()), 2, Notes()).inlines(inlines))


class _Writer:
    def __init__(self, document: Document, below: int | None, notes: Notes) -> None:
        self.document = document
        self.levels = None if below is None else document.heading_levels(below)
        self.notes = notes
        self.numbers: dict[int, int] = {}

    def blocks(self, blocks: tuple[Block, ...]) -> str:
        return "".join(self.block(block) for block in blocks)

    def block(self, block: Block) -> str:
        if isinstance(block, Paragraph):
            return f"<p>{self.inlines(block.inlines)}</p>"
        if isinstance(block, Heading):
            if self.levels is None:
                return f"<p><strong>{self.inlines(block.inlines)}</strong></p>"
            level = min(self.levels[block.level], 6)
            return f"<h{level}>{self.inlines(block.inlines)}</h{level}>"
        if isinstance(block, ListBlock):
            items = "".join(f"<li>{self.item(item)}</li>" for item in block.items)
            if not block.ordered:
                return f"<ul>{items}</ul>"
            start = f' start="{block.start}"' if block.start != 1 else ""
            return f"<ol{start}>{items}</ol>"
        if isinstance(block, Quote):
            return f"<blockquote>{self.blocks(block.blocks)}</blockquote>"
        if isinstance(block, Code):
            return f"<pre><code>{escape(block.text)}</code></pre>"
        if isinstance(block, TableBlock):
            return self.table(block)
        if isinstance(block, Rule):
            return "<hr>"
        raise TypeError(f"no HTML for {type(block).__name__}")

    def item(self, blocks: tuple[Block, ...]) -> str:
        """A list item: a single paragraph without its <p>, as tight lists are written."""
        if len(blocks) >= 1 and isinstance(blocks[0], Paragraph):
            return self.inlines(blocks[0].inlines) + self.blocks(blocks[1:])
        return self.blocks(blocks)

    def table(self, table: TableBlock) -> str:
        def cells(row: tuple[tuple[Inline, ...], ...], tag: str) -> str:
            out = []
            for index, cell in enumerate(row):
                align = table.align[index] if index < len(table.align) else None
                style = f' style="text-align:{align}"' if align else ""
                scope = ' scope="col"' if tag == "th" else ""
                out.append(f"<{tag}{scope}{style}>{self.inlines(cell)}</{tag}>")
            return "<tr>" + "".join(out) + "</tr>"

        head = f"<thead>{cells(table.header, 'th')}</thead>"
        body = "".join(cells(row, "td") for row in table.rows)
        return f"<table>{head}<tbody>{body}</tbody></table>"

    def inlines(self, inlines: tuple[Inline, ...]) -> str:
        return "".join(self.inline(inline) for inline in inlines)

    def inline(self, inline: Inline) -> str:
        if isinstance(inline, Break):
            return "<br>"
        if isinstance(inline, FootnoteRef):
            return self.footnote(inline.number)
        text = escape(inline.text, quote=False)
        if inline.code:
            text = f"<code>{text}</code>"
        if inline.strike:
            text = f"<s>{text}</s>"
        if inline.italic:
            text = f"<em>{text}</em>"
        if inline.bold:
            text = f"<strong>{text}</strong>"
        if inline.link:
            text = f'<a href="{escape(inline.link)}">{text}</a>'
        return text

    def footnote(self, number: int) -> str:
        """A reference to the text's note ``number``. At the first, the note is numbered and
        its text written at once, so the notes it refers to come next: the PDF numbers them
        so (Typst counts a note's own notes where it sets the note; see text/tree.py)."""
        first = number not in self.numbers
        if first:
            self.numbers[number] = self.notes.add("")
        reference = self.notes.refer(self.numbers[number])
        if first:  # after its number and this reference: the note may refer to itself
            text = self.item(self.document.footnotes[number - 1])
            self.notes.items[self.numbers[number] - 1] = text
        return reference
