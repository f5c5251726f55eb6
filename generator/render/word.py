"""Word documents (python-docx): what the action table and the besluitenlijst share. Dutch as
the language, Arial, header rows that repeat on every page, shaded cells, a page-numbered
footer: the parts python-docx has no API for are made here, in one place."""

from __future__ import annotations

import datetime as dt

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor
from docx.table import _Cell
from docx.text.paragraph import Paragraph

from generator.model import huisstijl
from generator.render.office import app_properties, core_property

LINTBLAUW = RGBColor.from_string(huisstijl.LINTBLAUW)
GRIJS = RGBColor.from_string(huisstijl.GRIJS)
LANGUAGE = "nl-NL"


def language_and_font(document: object) -> None:
    styles = document.styles  # type: ignore[attr-defined]
    normal = styles["Normal"]
    normal.font.name = "Arial"
    normal.font.size = Pt(10)
    defaults = styles.element.find(qn("w:docDefaults"))
    r_pr = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}")
    lang = r_pr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        r_pr.append(lang)
    for attribute in ("w:val", "w:eastAsia", "w:bidi"):
        lang.set(qn(attribute), LANGUAGE)
    fonts = r_pr.find(qn("w:rFonts"))
    if fonts is not None:
        for attribute in ("w:ascii", "w:hAnsi", "w:cs"):
            fonts.set(qn(attribute), "Arial")
        for attribute in ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme", "w:eastAsiaTheme"):
            fonts.attrib.pop(qn(attribute), None)


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


def styled(
    paragraph: Paragraph, text: str, *, bold: bool = False, colour: RGBColor | None = None
) -> None:
    run = paragraph.add_run(text)
    run.bold = bold or None
    if colour is not None:
        run.font.color.rgb = colour


def footer(document: object, title: str) -> None:
    """'Titel — pagina N' in the footer, N a PAGE field."""
    paragraph = document.sections[0].footer.paragraphs[0]  # type: ignore[attr-defined]
    styled(paragraph, f"{title} — pagina ", colour=GRIJS)
    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if kind:
            field = OxmlElement("w:fldChar")
            field.set(qn("w:fldCharType"), kind)
            run._r.append(field)
        else:
            instruction = OxmlElement("w:instrText")
            instruction.set(qn("xml:space"), "preserve")
            instruction.text = f" {text} "
            run._r.append(instruction)


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
