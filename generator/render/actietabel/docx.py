"""The action table as a Word document (python-docx): A4 landscape, a real table whose header
row repeats on every page and whose rows may break across pages, Dutch as the language."""

from __future__ import annotations

import datetime as dt
import io

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.shared import Mm, RGBColor, Twips
from docx.styles.style import ParagraphStyle
from docx.table import _Cell
from docx.text.paragraph import Paragraph

from generator.model import huisstijl
from generator.render.actietabel.build import COLUMNS, Row, Tabel
from generator.render.office import app_properties
from generator.render.word import (
    GRIJS,
    LANGUAGE,
    LINTBLAUW,
    footer,
    language_and_font,
    repeat_header,
    shade,
    styled,
)
from generator.text import dutch
from generator.text.lines import Line, lines

WIDTHS = (Mm(32), Mm(95), Mm(140))
#: Word's list styles go three levels deep, each indented this much (a quarter inch)
STYLE_LEVELS = 3
LEVEL_INDENT = 360  # twips


def render(tabel: Tabel) -> bytes:
    document = Document()
    # python-docx finds a style by name by walking all styles, each time: look them up once
    styles: dict[str, ParagraphStyle] = {
        f"{kind}{suffix}": document.styles[f"{kind}{suffix}"]
        for kind in ("List Bullet", "List Number")
        for suffix in ("", " 2", " 3")
    }
    _page(document)
    language_and_font(document)
    heading = document.add_heading(tabel.titel, level=1)
    for run in heading.runs:
        run.font.color.rgb = LINTBLAUW
    if tabel.stand_per:
        styled(document.add_paragraph(), tabel.stand_per_text, colour=GRIJS)
    if tabel.inleiding:
        for para in lines(tabel.inleiding):
            _write_para(document.add_paragraph(), para, styles)
    styled(document.add_paragraph(), tabel.samenvatting, bold=True)

    table = document.add_table(rows=1, cols=3)
    table.style = "Table Grid"
    header = table.rows[0]
    repeat_header(header._tr)
    for cell, name, width in zip(header.cells, COLUMNS, WIDTHS, strict=True):
        cell.width = width
        styled(cell.paragraphs[0], name, bold=True, colour=RGBColor(0xFF, 0xFF, 0xFF))
        shade(cell, huisstijl.LINTBLAUW)
    for sectie in tabel.secties:
        _band(table, sectie.titel, "DCE8F4", caps=True)
        for group in sectie.groups:
            if group.titel:
                _band(table, group.titel, "EEF3F8", caps=False)
            for row in group.rows:
                _action(table.add_row().cells, row, styles)
    footer(document, tabel.titel)
    _properties(document, tabel)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _page(document: object) -> None:
    section = document.sections[0]  # type: ignore[attr-defined]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(297), Mm(210)
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Mm(15))
    section.top_margin, section.bottom_margin = Mm(15), Mm(15)


def _band(table: object, title: str, colour: str, *, caps: bool) -> None:
    cells = table.add_row().cells  # type: ignore[attr-defined]
    merged = cells[0].merge(cells[2])
    run = merged.paragraphs[0].add_run(title)
    run.bold = True
    run.font.all_caps = caps
    run.font.color.rgb = LINTBLAUW if caps else None
    shade(merged, colour)


def _action(cells: list[_Cell], row: Row, styles: dict[str, ParagraphStyle]) -> None:
    for cell, width in zip(cells, WIDTHS, strict=True):
        cell.width = width
    first = cells[0].paragraphs[0]
    styled(first, f"{row.nummer}.", bold=True)
    label = cells[0].add_paragraph()
    styled(label, row.status_label, bold=row.afgerond, colour=GRIJS if not row.afgerond else None)
    if row.gewijzigd:
        styled(cells[0].add_paragraph(), "gewijzigd", bold=True)
    _markdown(cells[1], row.omschrijving, styles)
    if row.moties:
        paragraph = cells[1].add_paragraph()
        styled(paragraph, "Motie of toezegging: ", bold=True, colour=GRIJS)
        styled(paragraph, row.moties_text, colour=GRIJS)
    if row.eigenaar:
        styled(cells[1].add_paragraph(), f"Eigenaar: {row.eigenaar}", colour=GRIJS)
    _markdown(cells[2], row.stand_van_zaken, styles)
    if row.bijgewerkt:
        text = f"Bijgewerkt op {dutch.long_date(row.bijgewerkt)}"
        styled(cells[2].add_paragraph(), text, colour=GRIJS)


def _markdown(cell: _Cell, source: str, styles: dict[str, ParagraphStyle]) -> None:
    for index, para in enumerate(lines(source)):
        paragraph = cell.paragraphs[0] if index == 0 else cell.add_paragraph()
        _write_para(paragraph, para, styles)


def _write_para(paragraph: Paragraph, para: Line, styles: dict[str, ParagraphStyle]) -> None:
    if para.bullet:
        numbered = para.bullet[0].isdigit()
        name = "List Number" if numbered else "List Bullet"
        if para.level > 1:
            name = f"{name} {min(para.level, STYLE_LEVELS)}"
        paragraph.style = styles[name]
    if para.level > STYLE_LEVELS or (para.level and not para.bullet):
        # deeper than the list styles go, and quotes and continued items: indented by hand
        fmt = paragraph.paragraph_format
        fmt.left_indent = Twips(LEVEL_INDENT * para.level)
        if para.bullet:
            fmt.first_line_indent = Twips(-LEVEL_INDENT)
    for run in para.runs:
        added = paragraph.add_run(run.text)
        added.bold = run.bold or None
        added.italic = run.italic or None


def _properties(document: object, tabel: Tabel) -> None:
    props = document.core_properties  # type: ignore[attr-defined]
    now = dt.datetime.now(dt.UTC).replace(microsecond=0, tzinfo=None)
    props.title = tabel.titel
    props.subject = "Vervolgacties Parlementaire Ondervragingscommissie Kinderopvangtoeslag"
    props.author = tabel.organisatie
    props.last_modified_by = tabel.organisatie
    props.comments = ""
    props.keywords = "POK"
    props.language = LANGUAGE
    props.category = ""
    props.revision = 1
    props.created = now
    props.modified = now
    package = document.part.package  # type: ignore[attr-defined]
    for rel_id, rel in list(package.rels.items()):
        if rel.reltype == RT.THUMBNAIL:  # the template's picture of an empty page
            package.rels.pop(rel_id)
        elif rel.reltype == RT.EXTENDED_PROPERTIES:
            rel.target_part._blob = app_properties(tabel.organisatie)
