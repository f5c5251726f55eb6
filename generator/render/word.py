"""Word documents (python-docx): what the action table, the besluitenlijst, the verslag and the
nota share. An A4 page in Dutch and Arial (``a4``), header rows that repeat on every page, shaded
cells, a page-numbered footer and our own properties (``finished``): the parts python-docx has
no API for are made here, in one place."""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Sequence
from typing import Any

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Length, Mm, Pt, RGBColor
from docx.table import _Cell
from docx.text.paragraph import Paragraph

from generator.model import huisstijl
from generator.render.office import app_properties, core_property

LINTBLAUW = RGBColor.from_string(huisstijl.LINTBLAUW)
GRIJS = RGBColor.from_string(huisstijl.GRIJS)
LANGUAGE = "nl-NL"


#: the one font family of the documents, by name: Arial, which LibreOffice sets in Liberation
#: Sans (the same widths), as the PDFs are
FONT = "Arial"
_THEME_ATTRIBUTES = ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme", "w:eastAsiaTheme")


def language_and_font(document: object) -> None:
    """Dutch, and Arial throughout: the defaults, every style (the headings included, which
    python-docx's template sets in the theme's font, Calibri Light, or DejaVu in LibreOffice)
    and the theme's own fonts, so nothing falls back to another family."""
    styles = document.styles  # type: ignore[attr-defined]
    normal = styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(10)
    defaults = styles.element.find(qn("w:docDefaults"))
    r_pr = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}")
    lang = r_pr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        r_pr.append(lang)
    for attribute in ("w:val", "w:eastAsia", "w:bidi"):
        lang.set(qn(attribute), LANGUAGE)
    _named_font(r_pr)
    for style in styles.element.findall(qn("w:style")):
        _named_font(style.get_or_add_rPr())
    _theme_fonts(document)


def _named_font(r_pr: object) -> None:
    """``FONT`` by name for every script of a run's properties, no theme font."""
    fonts = r_pr.find(qn("w:rFonts"))  # type: ignore[attr-defined]
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        r_pr.insert(0, fonts)  # type: ignore[attr-defined]
    for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attribute), FONT)
    for attribute in _THEME_ATTRIBUTES:
        fonts.attrib.pop(qn(attribute), None)


def _theme_fonts(document: object) -> None:
    """The theme's heading and body fonts (``a:majorFont``, ``a:minorFont``) are ``FONT`` too,
    for whatever still refers to them (a style a reader adds)."""
    from lxml import etree

    package = document.part.package  # type: ignore[attr-defined]
    for part in package.iter_parts():
        if not str(part.partname).startswith("/word/theme/"):
            continue
        tree = etree.fromstring(part.blob)
        drawing = "http://schemas.openxmlformats.org/drawingml/2006/main"
        for kind in ("majorFont", "minorFont"):
            for latin in tree.iter(f"{{{drawing}}}{kind}"):
                for child in latin:
                    if etree.QName(child).localname in ("latin", "cs"):
                        child.set("typeface", FONT)
        part._blob = etree.tostring(tree, xml_declaration=True, encoding="UTF-8", standalone=True)


def fixed_grid(table: object, widths: Sequence[Length]) -> None:
    """The grid (``w:tblGrid``) and the table's width agree with the cells' widths, and the
    layout is fixed: LibreOffice lays a table out by its grid, Word mostly by the cells. Every
    DOCX table goes through here, so the two never disagree."""
    for column, width in zip(table.columns, widths, strict=True):  # type: ignore[attr-defined]
        column.width = width
    table.autofit = False  # type: ignore[attr-defined]
    tbl_pr = table._tbl.tblPr  # type: ignore[attr-defined]
    total = tbl_pr.find(qn("w:tblW"))
    if total is None:
        total = OxmlElement("w:tblW")
        tbl_pr.append(total)
    total.set(qn("w:w"), str(sum(w.twips for w in widths)))
    total.set(qn("w:type"), "dxa")


def repeat_header(tr: object) -> None:
    """python-docx has no API for "repeat as header row at the top of each page"."""
    tr_pr = tr.get_or_add_trPr()  # type: ignore[attr-defined]
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    tr_pr.append(header)


def shade(cell: _Cell, colour: str) -> None:
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), colour)
    cell._tc.get_or_add_tcPr().append(shading)


#: an ordinal whose ending is set superscript, as Dutch typesetting has it: 1e, 4de, 21ste
ORDINAL = re.compile(r"\b(\d+)(e|de|ste)\b")


def runs(
    paragraph: Paragraph,
    text: str,
    *,
    bold: bool | None = None,
    italic: bool | None = None,
    colour: RGBColor | None = None,
) -> None:
    """``text`` as runs of ``paragraph``, an ordinal's ending superscript."""
    at = 0
    pieces: list[tuple[str, bool]] = []
    for match in ORDINAL.finditer(text):
        pieces.append((text[at : match.start(2)], False))
        pieces.append((match.group(2), True))
        at = match.end()
    pieces.append((text[at:], False))
    for piece, superscript in pieces:
        if not piece:
            continue
        run = paragraph.add_run(piece)
        run.bold = bold or None
        run.italic = italic or None
        if superscript:
            run.font.superscript = True
        if colour is not None:
            run.font.color.rgb = colour


def styled(
    paragraph: Paragraph, text: str, *, bold: bool = False, colour: RGBColor | None = None
) -> None:
    runs(paragraph, text, bold=bold, colour=colour)


def a4(left: float, right: float, top: float, bottom: float) -> Any:
    """A new Word document: an A4 page with these margins (mm), Dutch, in the house font."""
    from docx import Document

    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin, section.right_margin = Mm(left), Mm(right)
    section.top_margin, section.bottom_margin = Mm(top), Mm(bottom)
    language_and_font(document)
    return document


def finished(
    document: object,
    *,
    footer_title: str,
    cover: bool = False,
    title: str,
    subject: str,
    author: str,
    keywords: str,
) -> bytes:
    """The document with its footer ("Titel — Pagina N van M") and properties, saved."""
    footer(document, footer_title, cover=cover)
    properties(document, title=title, subject=subject, author=author, keywords=keywords)
    buffer = io.BytesIO()
    document.save(buffer)  # type: ignore[attr-defined]
    return buffer.getvalue()


def footer(document: object, title: str, *, cover: bool = False) -> None:
    """'Titel — Pagina N van M' in the footer, as the PDFs have it: N a PAGE field, M a
    NUMPAGES field. With ``cover`` the first page (the cover) has no footer."""
    section = document.sections[0]  # type: ignore[attr-defined]
    if cover:
        section.different_first_page_header_footer = True
    paragraph = section.footer.paragraphs[0]
    styled(paragraph, f"{title} — Pagina ", colour=GRIJS)
    _field(paragraph, "PAGE")
    styled(paragraph, " van ", colour=GRIJS)
    _field(paragraph, "NUMPAGES")


def _field(paragraph: Paragraph, name: str) -> None:
    """A field (PAGE, NUMPAGES) whose result Word and LibreOffice fill in, in grey."""
    run = paragraph.add_run()
    run.font.color.rgb = GRIJS
    for kind, text in (
        ("begin", None),
        (None, name),
        ("separate", None),
        (None, "1"),
        ("end", None),
    ):
        if kind:
            field = OxmlElement("w:fldChar")
            field.set(qn("w:fldCharType"), kind)
            run._r.append(field)
        elif text == name:
            instruction = OxmlElement("w:instrText")
            instruction.set(qn("xml:space"), "preserve")
            instruction.text = f" {text} "
            run._r.append(instruction)
        else:
            result = OxmlElement("w:t")
            result.text = text
            run._r.append(result)


def properties(document: object, *, title: str, subject: str, author: str, keywords: str) -> None:
    """The document's properties: ours, not python-docx's template's (whose author, dates and
    thumbnail of an empty page would otherwise travel along)."""
    props = document.core_properties  # type: ignore[attr-defined]
    now = dt.datetime.now(dt.UTC).replace(microsecond=0, tzinfo=None)
    props.title = core_property(title)
    props.subject = core_property(subject)
    props.author = core_property(author)
    props.last_modified_by = core_property(author)
    props.comments = ""
    props.keywords = core_property(keywords)
    props.language = LANGUAGE
    props.category = ""
    props.revision = 1
    props.created = now
    props.modified = now
    package = document.part.package  # type: ignore[attr-defined]
    for rel_id, rel in list(package.rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            package.rels.pop(rel_id)
        elif rel.reltype == RT.EXTENDED_PROPERTIES:
            rel.target_part._blob = app_properties(author)
