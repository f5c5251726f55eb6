"""Slides into a PPTX file with python-pptx, starting from a template whose layouts are found by
name. The only module that imports python-pptx (with its XML helpers in ``oxml``).
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from dataclasses import dataclass, replace
from importlib.resources.abc import Traversable
from pathlib import Path

from lxml import etree
from lxml.etree import LxmlError
from pptx import Presentation
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.exc import PackageNotFoundError
from pptx.opc.constants import CONTENT_TYPE as CT
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.package import Part
from pptx.opc.packuri import PackURI
from pptx.oxml.ns import qn
from pptx.parts.slide import SlidePart
from pptx.presentation import Presentation as PresentationType
from pptx.shapes.base import BaseShape
from pptx.slide import Slide as PptxSlide
from pptx.slide import SlideLayout
from pptx.util import Emu

from generator.render.deck import oxml, package
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
from generator.render.deck.furniture import (
    FOOTER,
    FOOTER_HEIGHT,
    TITLE_SIZES,
    divider_text,
    footer_boxes,
    title_size,
)
from generator.render.deck.layout.measure import link_head
from generator.render.deck.layout.pages import (
    CELL_MARGIN_X,
    CELL_MARGIN_Y,
    TEXT_INSET,
    Geometry,
    Page,
    TableSlice,
)
from generator.render.deck.package import TemplateError
from generator.render.deck.titleslide import fit_title
from generator.render.office import app_properties, core_property
from generator.render.typography.breaking import wrap
from generator.render.typography.metrics import LINE

#: the layouts the deck uses, by the names PowerPoint gives them (English and Dutch)
LAYOUTS = {
    "title": ("Title Slide", "Titeldia"),
    "section": ("Section Header", "Sectiekop"),
    "content": ("Title Only", "Alleen titel"),
}
TITLE_TYPES = (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE)
TEXT_TYPES = (PP_PLACEHOLDER.SUBTITLE, PP_PLACEHOLDER.BODY, PP_PLACEHOLDER.OBJECT)
#: room kept free at the bottom of content slides for the footer, in points
GAP = 8.0
DIVIDER_SIZE = 20.0
#: the smallest content area (width, height in points) a template's content layout may leave
MIN_BODY = (200.0, 150.0)
#: slide ids start at 256 (ECMA-376); the template's own slides have been removed
FIRST_SLIDE_ID = 255


@dataclass(frozen=True)
class Meta:
    title: str
    subject: str
    author: str
    footer: str
    keywords: str = ""


class Template:
    """An opened template: its layouts by role and the body area of a content slide."""

    def __init__(self, path: Path | Traversable) -> None:
        package.check(path)  # sizes, part count and XML first: python-pptx trusts them
        try:
            self._open(path)
        except TemplateError:
            raise
        except (PackageNotFoundError, zipfile.BadZipFile) as exc:
            raise TemplateError(path, f"it is not a PowerPoint file (.pptx): {exc}") from None
        except (KeyError, ValueError, AttributeError, IndexError, TypeError, LxmlError) as exc:
            # well-formed parts that do not make a presentation python-pptx can read
            problem = f"its parts do not make a presentation ({type(exc).__name__}: {exc})"
            raise TemplateError(path, problem) from None

    def _open(self, path: Path | Traversable) -> None:
        self.prs: PresentationType = Presentation(io.BytesIO(path.read_bytes()))
        _remove_slides(self.prs)
        _ensure_app_properties(self.prs)
        available = [layout.name for layout in self.prs.slide_layouts]
        self.layouts: dict[str, SlideLayout] = {}
        for role, names in LAYOUTS.items():
            layout = next((lay for lay in self.prs.slide_layouts if lay.name in names), None)
            if layout is None:
                raise TemplateError(
                    path,
                    f"it has no layout named {' or '.join(repr(n) for n in names)}"
                    f" (it has: {', '.join(repr(n) for n in available)})",
                )
            self.layouts[role] = layout
        self.cloneable = {
            role: list(layout.iter_cloneable_placeholders())
            for role, layout in self.layouts.items()
        }
        title = _placeholder(self.layouts["content"], TITLE_TYPES)
        if title is None:
            raise TemplateError(path, f"its layout '{self.layouts['content'].name}' has no title")
        self.slide_width = _pt(self.prs.slide_width)
        self.slide_height = _pt(self.prs.slide_height)
        self.left = _pt(title.left)
        self.top = _pt(title.top) + _pt(title.height) + GAP
        self.title_width = _pt(title.width)
        self._section_text = _placeholder(self.layouts["section"], TEXT_TYPES)
        self.geometry = Geometry(
            width=min(_pt(title.width), self.slide_width - 2 * self.left),
            height=self.slide_height - self.top - FOOTER,
        )
        width, height = self.geometry.width, self.geometry.height
        if width < MIN_BODY[0] or height < MIN_BODY[1]:
            raise TemplateError(
                path,
                f"its layout '{self.layouts['content'].name}' leaves {max(width, 0):.0f} by "
                f"{max(height, 0):.0f} points under its title for the content; at least "
                f"{MIN_BODY[0]:.0f} by {MIN_BODY[1]:.0f} are needed",
            )

    def fits_section_text(self, text: str) -> bool:
        """Whether ``text`` fits the divider layout's text placeholder, at the size its first
        level is set in (20 pt when the layout does not say). Without a placeholder nothing
        is shown, so anything fits."""
        shape = self._section_text
        if shape is None:
            return True
        size = DIVIDER_SIZE
        props = shape._element.find(f".//{qn('a:lvl1pPr')}/{qn('a:defRPr')}")
        if props is not None and props.get("sz"):
            size = int(props.get("sz")) / 100
        width = _pt(shape.width) - 14.4  # default insets: 0.1 inch left and right
        lines = sum(len(wrap([(line, False, False)], width, size)) for line in text.splitlines())
        return lines * size * LINE + 7.2 <= _pt(shape.height)


def _pt(value: int | None) -> float:
    return (value or 0) / oxml.EMU_PER_PT


def _placeholder(layout: SlideLayout, types: tuple[PP_PLACEHOLDER, ...]) -> BaseShape | None:
    for shape in iter(layout.placeholders):
        if shape.placeholder_format.type in types:
            return shape
    return None


def _ensure_app_properties(prs: PresentationType) -> None:
    """A template may lack the optional ``docProps/app.xml``; the deck always has one (its
    content is written when the deck is saved)."""
    opc = prs.part.package
    try:
        opc.part_related_by(RT.EXTENDED_PROPERTIES)
    except KeyError:
        part = Part(PackURI("/docProps/app.xml"), CT.OFC_EXTENDED_PROPERTIES, opc, b"")
        opc.relate_to(part, RT.EXTENDED_PROPERTIES)


def _remove_slides(prs: PresentationType) -> None:
    """An organisation's template may hold example slides; the deck starts empty."""
    id_list = prs.slides._sldIdLst
    for slide_id in list(id_list):
        prs.part.drop_rel(slide_id.get(qn("r:id")))
        id_list.remove(slide_id)


def _one_line_links(para: Para, width: float) -> Para:
    """LibreOffice shows a linked run as one field, which it never breaks at a space: a link
    that would wrap keeps its link on the words of its first line, the rest is plain text."""
    if not any(run.link or run.href for run in para.runs):
        return para
    room = max(width - indent(para) - bullet_room(para), para.size)
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
