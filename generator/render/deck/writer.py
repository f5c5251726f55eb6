"""Laid-out slides into a PPTX file with python-pptx, on the opened template (``template``,
which with this module, ``oxml`` and ``titleslide`` is where python-pptx is imported).
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import replace

from lxml import etree
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.packuri import PackURI
from pptx.oxml.ns import qn
from pptx.parts.slide import SlidePart
from pptx.slide import Slide as PptxSlide
from pptx.util import Emu

from generator.render.deck import oxml
from generator.render.deck.content import (
    Cell,
    Divider,
    Para,
    Run,
    Text,
    TitleSlide,
)
from generator.render.deck.furniture import (
    FOOTER_HEIGHT,
    TITLE_SIZES,
    divider_text,
    footer_boxes,
    title_size,
)
from generator.render.deck.layout.measure import link_head, text_width
from generator.render.deck.layout.pages import (
    CELL_MARGIN_X,
    CELL_MARGIN_Y,
    TEXT_INSET,
    Page,
    TableSlice,
)
from generator.render.deck.template import TEXT_TYPES, TITLE_TYPES, Meta, Template
from generator.render.deck.titleslide import fit_title
from generator.render.office import app_properties, core_property

#: slide ids start at 256 (ECMA-376); the template's own slides have been removed
FIRST_SLIDE_ID = 255


def _one_line_links(para: Para, width: float) -> Para:
    """LibreOffice shows a linked run as one field, which it never breaks at a space: a link
    that would wrap keeps its link on the words of its first line, the rest is plain text."""
    if not any(run.link or run.href for run in para.runs):
        return para
    room = text_width(para, width)
    runs: list[Run] = []
    for run in para.runs:
        head = link_head(run, room, para.size) if run.link or run.href else run.text
        if head == run.text:
            runs.append(run)
            continue
        rest = replace(run, text=run.text[len(head) :], link=None, href=None)
        runs += [replace(run, text=head), rest]
    return replace(para, runs=tuple(runs))


def _cells_with_one_line_links(table: TableSlice) -> TableSlice:
    """The table's cells with ``_one_line_links`` applied at their widths."""

    def fitted(cell: Cell | None, column: int) -> Cell | None:
        if cell is None or not any(run.link or run.href for p in cell.paras for run in p.runs):
            return cell
        inner = sum(table.widths[column : column + cell.span]) - 2 * CELL_MARGIN_X
        return replace(cell, paras=tuple(_one_line_links(p, inner) for p in cell.paras))

    rows = [[fitted(cell, c) for c, cell in enumerate(row)] for row in table.rows]
    header = tuple(fitted(cell, c) or cell for c, cell in enumerate(table.header))
    return replace(table, rows=rows, header=header)


class DeckWriter:
    def __init__(self, template: Template, meta: Meta) -> None:
        self.template = template
        self.prs = template.prs
        self.meta = meta
        self.count = 0
        self._shape_id = 100
        #: slide links: the anchors' first slides, the names the next slide takes, and the
        #: links written so far (resolved when every slide is there: a link may point ahead)
        self._anchors: dict[str, SlidePart] = {}
        self._next_anchors: tuple[str, ...] = ()
        self._links: list[tuple[SlidePart, etree._Element]] = []

    def anchor(self, names: tuple[str, ...]) -> None:
        """Links to any of ``names`` jump to the next slide written (the first one counts)."""
        self._next_anchors += names

    def title_slide(self, slide: TitleSlide) -> None:
        pptx_slide = self._add("title")
        self._fill_placeholders(pptx_slide, slide.title, slide.subtitle)
        fit_title(pptx_slide, slide.title, self.template.layouts["title"])

    def divider(self, slide: Divider) -> None:
        self.anchor(slide.anchors)
        pptx_slide = self._add("section")
        subtitle = divider_text(slide.subtitle, self.template.fits_section_text)
        self._fill_placeholders(pptx_slide, slide.title, subtitle)
        self._footer(pptx_slide)

    def page(self, page: Page) -> None:
        pptx_slide = self._add("content")
        self._title(pptx_slide, page.title)
        left, top = self.template.left, self.template.top
        width = self.template.geometry.width
        for placed in page.blocks:
            block = placed.block
            if isinstance(block, TableSlice):
                self._table(pptx_slide, block, left, top + placed.top, page.title)
            else:
                self._text(pptx_slide, block, left, top + placed.top, width, placed.height)
        self._footer(pptx_slide)

    def _add(self, role: str) -> PptxSlide:
        """``prs.slides.add_slide``, without its search for a free part name (it looks at every
        part of the package, for every slide: quadratic in the deck's length)."""
        self.count += 1
        self._shape_id = 100
        layout = self.template.layouts[role]
        name = PackURI(f"/ppt/slides/slide{self.count}.xml")
        part = SlidePart.new(name, self.prs.part.package, layout.part)  # type: ignore[no-untyped-call]
        # relate_to() would first look for an existing relationship among all of them
        rid = self.prs.part.rels._add_relationship(RT.SLIDE, part)
        # and add_sldId() would look for a free id among all of them: number them ourselves
        slide_id = etree.SubElement(self.prs.slides._sldIdLst, qn("p:sldId"))
        slide_id.set("id", str(FIRST_SLIDE_ID + self.count))
        slide_id.set(qn("r:id"), rid)
        for anchor in self._next_anchors:
            self._anchors.setdefault(anchor, part)
        self._next_anchors = ()
        slide: PptxSlide = part.slide
        for placeholder in self.template.cloneable[role]:
            slide.shapes.clone_placeholder(placeholder)
        return slide

    def _fill_placeholders(self, slide: PptxSlide, title: str, text: str) -> None:
        for shape in slide.placeholders:
            kind = shape.placeholder_format.type
            if kind in TITLE_TYPES:
                shape.text_frame.text = title
            elif kind in TEXT_TYPES and text:
                frame = shape.text_frame
                lines = text.split("\n")
                frame.text = lines[0]
                for line in lines[1:]:
                    frame.add_paragraph().text = line

    def _title(self, slide: PptxSlide, title: str) -> None:
        shape = slide.shapes.title
        if shape is None:
            return
        shape.text_frame.text = title
        size = title_size(title, self.template.title_width)
        if size != TITLE_SIZES[0]:
            for run in shape.text_frame.paragraphs[0].runs:
                run.font.size = Emu(oxml.emu(size))

    def _text(
        self, slide: PptxSlide, text: Text, left: float, top: float, width: float, height: float
    ) -> None:
        body = oxml.paragraphs_xml([_one_line_links(para, width) for para in text.paras])
        shape = oxml.text_box(self._id(slide), left, top, width, height, TEXT_INSET, body)
        self._collect_links(slide, shape)
        slide.shapes._spTree.append(shape)

    def _table(
        self, slide: PptxSlide, table: TableSlice, left: float, top: float, description: str
    ) -> None:
        table = _cells_with_one_line_links(table)
        frame = oxml.table(
            self._id(slide), left, top, f"Tabel: {description}", table, CELL_MARGIN_X, CELL_MARGIN_Y
        )
        self._collect_links(slide, frame)
        slide.shapes._spTree.append(frame)

    def _collect_links(self, slide: PptxSlide, shape: etree._Element) -> None:
        self._links += ((slide.part, link) for link in shape.iter(qn("a:hlinkClick")))

    def _resolve_links(self) -> None:
        """Each slide link gets a relationship to its anchor's first slide; a link to an anchor
        the deck does not have (a part the agenda leaves out) becomes plain text. A link to an
        address outside the deck gets an external relationship (``TargetMode="External"``)."""
        for part, link in self._links:
            key = link.get(qn("r:id"), "")
            if key.startswith(oxml.HREF_PREFIX):
                href = key.removeprefix(oxml.HREF_PREFIX)
                link.set(qn("r:id"), part.relate_to(href, RT.HYPERLINK, is_external=True))
                continue
            target = self._anchors.get(key.removeprefix(oxml.LINK_PREFIX))
            if target is None:
                link.getparent().remove(link)
            else:
                link.set(qn("r:id"), part.relate_to(target, RT.SLIDE))
        self._links = []

    def _id(self, slide: PptxSlide) -> int:
        """A shape id unique on the slide being written (placeholders take the low ones)."""
        self._shape_id += 1
        return self._shape_id

    def _footer(self, slide: PptxSlide) -> None:
        template = self.template
        for box in footer_boxes(
            self.meta.footer,
            self.count,
            left=template.left,
            slide_width=template.slide_width,
            slide_height=template.slide_height,
        ):
            self._text(slide, Text((box.para,)), box.left, box.top, box.width, FOOTER_HEIGHT)

    def save(self) -> bytes:
        self._resolve_links()
        props = self.prs.core_properties
        now = dt.datetime.now(dt.UTC).replace(microsecond=0, tzinfo=None)
        props.title = core_property(self.meta.title)
        props.subject = core_property(self.meta.subject)
        props.author = core_property(self.meta.author)
        props.last_modified_by = core_property(self.meta.author)
        props.keywords = core_property(self.meta.keywords)
        props.comments = ""
        props.category = ""
        props.content_status = ""
        props.identifier = ""
        props.language = "nl-NL"
        props.version = ""
        props.revision = 1
        props.created = now
        props.modified = now
        app = self.prs.part.package.part_related_by(RT.EXTENDED_PROPERTIES)
        # a template's app.xml names the program, and may name its author's company and manager
        app._blob = app_properties(self.meta.author, slides=self.count)  # a plain Part: no API
        buffer = io.BytesIO()
        self.prs.save(buffer)
        return buffer.getvalue()
