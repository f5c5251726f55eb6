"""The deck's slides as SVG pictures, drawn from the same laid-out slides the PPTX writer writes
(``generator.render.deck.lay_out``): no layout of its own but the lines inside each box.

The PPTX leaves breaking text into lines and placing them to the program that opens it; this
writer does that as LibreOffice does: lines broken greedily at the fonts' true advance widths
(the paginator measures with a safety margin, so that the boxes are never too small), the first
baseline one ascent below a box's inset, the next lines 1.2 times the size lower in a text box
and one font height (ascent and descent) lower in a table cell, as LibreOffice's PDFs show
(``bench/faithful.py`` measures it), a paragraph's space before it added. Tables are drawn at
the widths and row heights the paginator gave them, cell fills and rules as ``oxml`` writes
them. The text is set in Liberation Sans, which the SVG names and ``fonts_css`` (in
``typography.fontfiles``) loads from the package's own font files; every run is placed with an
explicit ``x``, so that Chromium and resvg set it alike.

It is one module because text boxes, table cells and placeholders are drawn by one canvas that
breaks and places lines one way, and records every line it draws for the comparison with
LibreOffice; the placeholders' look is read in ``masters``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from xml.sax.saxutils import escape, quoteattr

from generator.render.deck import LaidOut, LaidSlide
from generator.render.deck.content import (
    Cell,
    Divider,
    Para,
    Run,
    Text,
    TitleSlide,
    bullet_room,
    indent,
)
from generator.render.deck.furniture import divider_text, footer_boxes, title_size
from generator.render.deck.layout.measure import measured, text_width, wrapped
from generator.render.deck.layout.pages import (
    CELL_MARGIN_X,
    CELL_MARGIN_Y,
    TEXT_INSET,
    Page,
    TableSlice,
)
from generator.render.deck.masters import Look, look
from generator.render.deck.oxml import BORDER
from generator.render.deck.template import Template
from generator.render.typography.fontfiles import FAMILY, fonts_css
from generator.render.typography.metrics import HELD_SPACE, LINE, LOWER, SAFETY, em_width

#: Liberation Sans's ascent and descent (hhea and OS/2 win), as parts of the size: LibreOffice
#: puts a line's baseline one ascent below its top and the next line one ascent plus descent
#: lower at single spacing
ASCENT = 1854 / 2048
DESCENT = 434 / 2048
#: LibreOffice's lines come out a little wider than the fonts' advance widths add up to (it
#: places glyphs on its own grid): a line within this factor of its box is broken as it breaks
BREAK_MARGIN = 1.0
#: LibreOffice sets a superscript run at 58 % of the size; oxml raises it by 30 %
SUPERSCRIPT_SIZE = 0.58
SUPERSCRIPT_RAISE = 0.30


@dataclass(frozen=True)
class Glyphs:
    """A piece of a line in one run's look, placed at ``x``."""

    x: float
    text: str
    run: Run
    size: float


def true_width(text: str, size: float, *, bold: bool, italic: bool) -> float:
    """``text``'s advance width in points, without the paginator's safety margin."""
    return em_width(text, bold=bold, italic=italic) / SAFETY * size


#: the distance between lines at single spacing, as parts of the size, as LibreOffice sets
#: them (measured on its PDFs): in a text box 1.2, in a table cell the font's own height
BOX_PITCH = LINE
CELL_PITCH = ASCENT + DESCENT


def _run_chars(para: Para, room: float) -> list[tuple[str, int]]:
    """Each character of the paragraph as the measuring saw it, with its run's index."""
    chars: list[tuple[str, int]] = []
    for index, run in enumerate(para.runs):
        chars += ((char, index) for char in measured(run, room, para.size))
    return chars


def glyph_lines(para: Para, width: float) -> tuple[tuple[Glyphs, ...], ...]:
    """The lines of ``para`` in a box ``width`` points wide, as LibreOffice breaks them, each
    as pieces in their runs' looks, placed from the text's left edge (bullet room included).
    Kept for the next drawing: a preview redraws a deck whose paragraphs are mostly the same."""
    return _glyph_lines(para, width)


@lru_cache(maxsize=32768)
def _glyph_lines(para: Para, width: float) -> tuple[tuple[Glyphs, ...], ...]:
    room = text_width(para, width)
    pieces = tuple((measured(run, room, para.size), run.bold, run.italic) for run in para.runs)
    # the paginator's widths carry SAFETY: a box SAFETY times as wide breaks at true widths
    lines = wrapped(pieces, room * SAFETY / BREAK_MARGIN, para.size)
    chars = _run_chars(para, room)
    at = 0
    result: list[tuple[Glyphs, ...]] = []
    for line in lines:
        text = "".join(piece for piece, _, _ in line).rstrip("\n")
        owners: list[int] = []
        for char in text:
            # spaces dropped at a line's end are not in the line: skip them
            while at < len(chars) and chars[at][0] != char and chars[at][0] in " \t\n":
                at += 1
            owners.append(chars[at][1] if at < len(chars) else len(para.runs) - 1)
            at += 1
        result.append(tuple(_placed(para, text, owners)))
    return tuple(result)


def _placed(para: Para, text: str, owners: list[int]) -> list[Glyphs]:
    glyphs: list[Glyphs] = []
    x = indent(para) + bullet_room(para)
    start = 0
    while start < len(text):
        end = start
        while end < len(text) and owners[end] == owners[start]:
            end += 1
        run = para.runs[owners[start]]
        piece = text[start:end].translate(LOWER).replace(HELD_SPACE, " ")
        size = para.size * (SUPERSCRIPT_SIZE if run.superscript else 1.0)
        glyphs.append(Glyphs(x, piece, run, size))
        x += true_width(piece, size, bold=run.bold, italic=run.italic)
        start = end
    return glyphs


def _line_width(line: Sequence[Glyphs]) -> float:
    if not line:
        return 0.0
    last = line[-1]
    return last.x + true_width(last.text, last.size, bold=last.run.bold, italic=last.run.italic)


class _Canvas:
    """The elements of one slide, in drawing order."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        #: every line drawn: its text, left edge, baseline and size (to compare with a PDF)
        self.lines: list[tuple[str, float, float, float]] = []
        #: the parts that draw the slide's number (left out of ``content``)
        self.numbered: range = range(0)

    def content(self) -> str:
        """What the slide shows but its number: the same for a slide that only moved."""
        return "".join(part for i, part in enumerate(self.parts) if i not in self.numbered)

    def rect(self, x: float, y: float, w: float, h: float, fill: str, stroke: bool) -> None:
        rule = f' stroke="#{BORDER}" stroke-width="0.75"' if stroke else ""
        self.parts.append(
            f'<rect x="{x:.2f}" y="{y:.2f}" width="{w:.2f}" height="{h:.2f}" fill="#{fill}"{rule}/>'
        )

    def line(self, glyphs: Sequence[Glyphs], left: float, baseline: float, colour: str) -> None:
        spans = []
        for piece in glyphs:
            run = piece.run
            fill = run.colour or colour
            y = baseline - (
                SUPERSCRIPT_RAISE * piece.size / SUPERSCRIPT_SIZE if run.superscript else 0
            )
            attrs = f'x="{left + piece.x:.2f}" y="{y:.2f}" font-size="{piece.size:g}"'
            if run.bold:
                attrs += ' font-weight="bold"'
            if run.italic:
                attrs += ' font-style="italic"'
            if fill != "000000":
                attrs += f' fill="#{fill}"'
            span = f"<tspan {attrs}>{escape(piece.text)}</tspan>"
            if run.href:
                span = f'<a href={quoteattr(run.href)} target="_blank">{span}</a>'
            elif run.link:
                span = f"<a href={quoteattr('#' + run.link)}>{span}</a>"
            spans.append(span)
        if spans:
            self.parts.append(f'<text xml:space="preserve">{"".join(spans)}</text>')
            text = "".join(piece.text for piece in glyphs)
            self.lines.append((text, left + glyphs[0].x, baseline, glyphs[0].size))

    def paragraphs(
        self,
        paras: Sequence[Para],
        left: float,
        top: float,
        width: float,
        colour: str = "000000",
        pitch: float = BOX_PITCH,
    ) -> float:
        """Draw ``paras`` from ``top`` down in a column ``width`` wide, their lines ``pitch``
        times their size apart; where they end."""
        y = top
        for index, para in enumerate(paras):
            # LibreOffice leaves out the space before a box's or a cell's first paragraph
            y += para.space_before if index else 0.0
            lines = glyph_lines(para, width)
            for number, line in enumerate(lines):
                baseline = y + ASCENT * para.size
                shift = _aligned(para, line, width)
                self.line(line, left + shift, baseline, colour)
                if number == 0 and para.bullet and para.marked and para.runs:
                    self._bullet(para, left, baseline, colour)
                y += pitch * para.size
        return y

    def _bullet(self, para: Para, left: float, baseline: float, colour: str) -> None:
        first = para.runs[0]
        run = Run(para.bullet or "", bold=len(para.bullet or "") > 1 and first.bold)
        marker = [Glyphs(indent(para), run.text, run, para.size)]
        self.line(marker, left, baseline, first.colour or colour)
        self.lines.pop()  # a bullet is no line of text of its own


def _aligned(para: Para, line: Sequence[Glyphs], width: float) -> float:
    if para.align == "l" or not line:
        return 0.0
    room = width - indent(para) - bullet_room(para)
    free = room - (_line_width(line) - indent(para) - bullet_room(para))
    return free if para.align == "r" else free / 2


class SlideDrawer:
    """Draws the laid-out slides of one template, as SVG documents."""

    def __init__(
        self, laid: LaidOut, *, fonts_url: str | Callable[[str], str] | None = None
    ) -> None:
        self.laid = laid
        self.template: Template = laid.template
        self.fonts_url = fonts_url
        self.looks = {role: _look(self.template, role) for role in ("title", "section", "content")}

    @property
    def size(self) -> tuple[float, float]:
        return self.template.slide_width, self.template.slide_height

    def draw(self, slide: LaidSlide, number: int) -> Drawn:
        canvas = _Canvas()
        content = slide.content
        if isinstance(content, TitleSlide):
            self._background(canvas, "title")
            self._placeholder(canvas, "title", "title", content.title)
            self._placeholder(canvas, "title", "body", content.subtitle)
        elif isinstance(content, Divider):
            self._background(canvas, "section")
            subtitle = divider_text(content.subtitle, self.template.fits_section_text)
            self._placeholder(canvas, "section", "title", content.title)
            self._placeholder(canvas, "section", "body", subtitle)
            self._footer(canvas, number)
        else:
            self._background(canvas, "content")
            self._page(canvas, content)
            self._footer(canvas, number)
        return Drawn(self._document(canvas, slide, number), tuple(canvas.lines), canvas.content())

    def _document(self, canvas: _Canvas, slide: LaidSlide, number: int) -> str:
        width, height = self.size
        style = fonts_css(self.fonts_url) if self.fonts_url is not None else ""
        ids = " ".join(slide.anchors)
        title = _title_of(slide)
        return (
            f'<svg xmlns="http://www.w3.org/2000/svg" version="1.1" '
            f'width="{width:g}" height="{height:g}" viewBox="0 0 {width:g} {height:g}" '
            f'data-slide="{number}" data-anchors={quoteattr(ids)} '
            f'font-family="{FAMILY}" style="font-kerning:none">'
            f"<title>{escape(f'Dia {number}: {title}')}</title>"
            + (f"<style>{style}</style>" if style else "")
            + f'<rect width="{width:g}" height="{height:g}" fill="#FFFFFF"/>'
            + "".join(canvas.parts)
            + "</svg>"
        )

    def _background(self, canvas: _Canvas, role: str) -> None:
        for rect in self.looks[role].rects:
            canvas.rect(rect.left, rect.top, rect.width, rect.height, rect.fill, False)

    def _placeholder(
        self, canvas: _Canvas, role: str, kind: str, text: str, size: float | None = None
    ) -> None:
        box = self.looks[role].placeholders.get(kind)
        if box is None or not text:
            return
        style = box.style
        size = size or style.size
        # a placeholder's proportional space before its paragraphs (none before the first)
        before = style.space_before * BOX_PITCH * size
        paras = [
            Para((Run(line, bold=style.bold),), size=size, align=style.align, space_before=before)  # type: ignore[arg-type]
            for line in text.split("\n")
        ]
        left, top, right, bottom = box.insets
        width = box.width - left - right
        lines = sum(len(glyph_lines(p, width)) for p in paras)
        height = lines * BOX_PITCH * size + before * (len(paras) - 1)
        room = box.height - top - bottom
        y = box.top + top
        if box.anchor == "ctr":
            y += (room - height) / 2
        elif box.anchor == "b":
            y += room - height
        canvas.paragraphs(paras, box.left + left, y, width, style.colour)

    def _page(self, canvas: _Canvas, page: Page) -> None:
        template = self.template
        size = title_size(page.title, template.title_width)
        self._placeholder(canvas, "content", "title", page.title, size)
        left, top, width = template.left, template.top, template.geometry.width
        for placed in page.blocks:
            block = placed.block
            if isinstance(block, TableSlice):
                _table(canvas, block, left, top + placed.top)
            elif isinstance(block, Text):
                _text(canvas, block, left, top + placed.top, width)
            else:  # a new kind of block: said, never dropped quietly
                raise NotImplementedError(f"the SVG writer cannot draw a {type(block).__name__}")

    def _footer(self, canvas: _Canvas, number: int) -> None:
        template = self.template
        footer, count = footer_boxes(
            self.laid.meta.footer,
            number,
            left=template.left,
            slide_width=template.slide_width,
            slide_height=template.slide_height,
        )
        canvas.paragraphs([footer.para], footer.left, footer.top + TEXT_INSET, footer.width)
        start = len(canvas.parts)
        canvas.paragraphs([count.para], count.left, count.top + TEXT_INSET, count.width)
        canvas.numbered = range(start, len(canvas.parts))


@dataclass(frozen=True)
class Drawn:
    svg: str
    #: the text lines drawn: text, left edge, baseline, size (points)
    lines: tuple[tuple[str, float, float, float], ...]
    #: what the slide shows but its number (two slides that differ only there are the same)
    content: str


def _title_of(slide: LaidSlide) -> str:
    content = slide.content
    return content.title


def _look(template: Template, role: str) -> Look:
    layout = template.layouts[role]
    return look(layout._element, layout.slide_master._element)


def _text(canvas: _Canvas, text: Text, left: float, top: float, width: float) -> None:
    canvas.paragraphs(text.paras, left, top + TEXT_INSET, width)


def _cells(table: TableSlice) -> Iterator[tuple[Cell | None, float, float, float, float]]:
    """Each cell drawn, with its rectangle (relative to the table): the header, then the body,
    merged cells once, over the rows and columns they cover."""
    edges = [0.0]
    for width in table.widths:
        edges.append(edges[-1] + width)
    tops = [table.header_height]
    for height in table.heights:
        tops.append(tops[-1] + height)
    covered = 0
    for c, head in enumerate(table.header):
        if c < covered:
            continue
        span = head.span
        covered = c + span
        yield (
            head,
            edges[c],
            0.0,
            edges[min(c + span, len(table.widths))] - edges[c],
            table.header_height,
        )
    below = {(first, column): last for first, last, column in table.merges}
    hidden = {
        (r, column) for first, last, column in table.merges for r in range(first + 1, last + 1)
    }
    for r, row in enumerate(table.rows):
        covered = 0
        for c, cell in enumerate(row):
            if c < covered or (r, c) in hidden:
                continue
            if cell is None:
                continue
            span = cell.span
            covered = c + span
            last = below.get((r, c), r)
            right = edges[min(c + span, len(table.widths))]
            yield cell, edges[c], tops[r], right - edges[c], tops[last + 1] - tops[r]


def _table(canvas: _Canvas, table: TableSlice, left: float, top: float) -> None:
    cells = list(_cells(table))
    for cell, x, y, w, h in cells:
        fill = (cell.fill if cell is not None else None) or "FFFFFF"
        canvas.rect(left + x, top + y, w, h, fill, True)
    for cell, x, y, w, _ in cells:
        if cell is None or not cell.paras:
            continue
        canvas.paragraphs(
            cell.paras,
            left + x + CELL_MARGIN_X,
            top + y + CELL_MARGIN_Y,
            w - 2 * CELL_MARGIN_X,
            cell.colour or "000000",
            CELL_PITCH,
        )


def draw_all(laid: LaidOut, *, fonts_url: str | Callable[[str], str] | None = None) -> list[Drawn]:
    """Every slide of ``laid`` as SVG, numbered as the PPTX numbers them."""
    drawer = SlideDrawer(laid, fonts_url=fonts_url)
    return [drawer.draw(slide, number) for number, slide in enumerate(laid.slides, start=1)]


__all__ = ["Drawn", "SlideDrawer", "draw_all"]
