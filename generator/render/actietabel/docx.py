"""The action table as a Word document (python-docx): A4 landscape, a real table whose header
row repeats on every page, Dutch as the language. Its grid agrees with its cells' widths, so
Word and LibreOffice lay it out alike. A row never breaks across pages: a long action is cut
into rows beforehand where a page will end, the later ones headed "30 (vervolg)" (``parts``)."""

from __future__ import annotations

import io

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, RGBColor, Twips
from docx.styles.style import ParagraphStyle
from docx.table import _Cell
from docx.text.paragraph import Paragraph

from generator.model import huisstijl
from generator.render.actietabel.build import COLUMNS, Row, Tabel
from generator.render.actietabel.parts import MM, WORD, Pages, Para, Setting, height
from generator.render.word import (
    GRIJS,
    LINTBLAUW,
    footer,
    language_and_font,
    properties,
    repeat_header,
    shade,
    styled,
)
from generator.text import dutch
from generator.text.lines import Line, lines
from generator.text.model import Span as Run

COLUMN_MM = (32, 95, 140)
WIDTHS = tuple(Mm(width) for width in COLUMN_MM)
#: the page's room for rows, in points: A4 landscape from its top margin (15 mm) to its footer
#: (half an inch from the edge, a line of 10 points), less the header row (a line and its
#: border) and a point to spare; LibreOffice puts the last row exactly there
ROOM = (210 - 15) * MM - 36 - 11.5 - 12 - 1
#: Word's list styles go three levels deep, each indented this much (a quarter inch)
STYLE_LEVELS = 3
LEVEL_INDENT = 360  # twips
#: the text above the table: the body at 1.15 lines (the template's default) with 10 points
#: after each paragraph, and the title (Heading 1: 14 points, 24 before)
BODY = Setting(size=10.0, leading=1.15 * WORD.leading, margins=0.0, indent=18.0)
BODY_AFTER = 10.0
TITLE = Setting(size=14.0, leading=1.15 * 1.15 * 14.0, margins=0.0, indent=0.0)
TITLE_BEFORE = 24.0
#: the width of the page's text, in points
TEXT_WIDTH = sum(COLUMN_MM) * MM


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
    _grid(table)
    header = table.rows[0]
    repeat_header(header._tr)
    _keep_on_one_page(header._tr)
    for cell, name, width in zip(header.cells, COLUMNS, WIDTHS, strict=True):
        cell.width = width
        styled(cell.paragraphs[0], name, bold=True, colour=RGBColor(0xFF, 0xFF, 0xFF))
        shade(cell, huisstijl.LINTBLAUW)
    pages = Pages(ROOM, first=ROOM - _above_the_table(tabel))
    for sectie in tabel.secties:
        _band(table, sectie.titel, "DCE8F4", caps=True, pages=pages)
        for group in sectie.groups:
            if group.titel:
                _band(table, group.titel, "EEF3F8", caps=False, pages=pages)
            for row in group.rows:
                _action(table, row, styles, pages)
    footer(document, tabel.titel)
    properties(
        document,
        title=tabel.titel,
        subject="Vervolgacties Parlementaire Ondervragingscommissie Kinderopvangtoeslag",
        author=tabel.organisatie,
        keywords="POK",
    )
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


def _grid(table: object) -> None:
    """The grid (``w:tblGrid``) and the table's width agree with the cells' widths, and the
    layout is fixed: LibreOffice lays a table out by its grid, Word mostly by the cells."""
    for column, width in zip(table.columns, WIDTHS, strict=True):  # type: ignore[attr-defined]
        column.width = width
    table.autofit = False  # type: ignore[attr-defined]
    tbl_pr = table._tbl.tblPr  # type: ignore[attr-defined]
    width = tbl_pr.find(qn("w:tblW"))
    if width is None:
        width = OxmlElement("w:tblW")
        tbl_pr.append(width)
    width.set(qn("w:w"), str(sum(w.twips for w in WIDTHS)))
    width.set(qn("w:type"), "dxa")


def _keep_on_one_page(tr: object) -> None:
    """A row never breaks across pages: a long action is cut into rows beforehand (parts.py)."""
    tr_pr = tr.get_or_add_trPr()  # type: ignore[attr-defined]
    tr_pr.insert(0, OxmlElement("w:cantSplit"))


def _above_the_table(tabel: Tabel) -> float:
    """How far down the first page the table starts (estimated, as the rows are)."""
    title = Para("tekst", Line((Run(tabel.titel, bold=True),)))
    used = TITLE_BEFORE + height(title, TEXT_WIDTH, TITLE)
    paras = [Line((Run(tabel.stand_per_text),))] if tabel.stand_per else []
    paras += lines(tabel.inleiding) if tabel.inleiding else ()
    paras.append(Line((Run(tabel.samenvatting, bold=True),)))
    for line in paras:
        used += height(Para("tekst", line), TEXT_WIDTH, BODY) + BODY_AFTER
    return used


def _band(table: object, title: str, colour: str, *, caps: bool, pages: Pages) -> None:
    band = Para("tekst", Line((Run(title.upper() if caps else title, bold=True),)))
    pages.keep(height(band, TEXT_WIDTH))
    row = table.add_row()  # type: ignore[attr-defined]
    _keep_on_one_page(row._tr)
    cells = row.cells
    merged = cells[0].merge(cells[2])
    merged.paragraphs[0].paragraph_format.keep_with_next = True  # never alone at a page's foot
    run = merged.paragraphs[0].add_run(title)
    run.bold = True
    run.font.all_caps = caps
    run.font.color.rgb = LINTBLAUW if caps else None
    shade(merged, colour)


def _action(table: object, row: Row, styles: dict[str, ParagraphStyle], pages: Pages) -> None:
    """The action's rows: one, or for an action that runs over a page's foot, one per page,
    the later ones headed "30 (vervolg)"."""
    omschrijving = [Para("tekst", line) for line in lines(row.omschrijving)]
    if row.moties:
        runs = (Run("Motie of toezegging: ", bold=True), Run(row.moties_text))
        omschrijving.append(Para("grijs", Line(runs)))
    if row.eigenaar:
        omschrijving.append(Para("grijs", Line((Run(f"Eigenaar: {row.eigenaar}"),))))
    stand = [Para("tekst", line) for line in lines(row.stand_van_zaken)]
    if row.bijgewerkt:
        text = f"Bijgewerkt op {dutch.long_date(row.bijgewerkt)}"
        stand.append(Para("grijs", Line((Run(text),))))
    widths = (COLUMN_MM[1] * MM, COLUMN_MM[2] * MM)
    label = (3 if row.gewijzigd else 2) * WORD.leading  # number, status, "gewijzigd"
    for part in pages.parts(omschrijving, stand, widths, label=label, vervolg=2 * WORD.leading):
        table_row = table.add_row()  # type: ignore[attr-defined]
        _keep_on_one_page(table_row._tr)
        cells = table_row.cells
        for cell, width in zip(cells, WIDTHS, strict=True):
            cell.width = width
        first = cells[0].paragraphs[0]
        if part.vervolg:
            styled(first, f"{row.nummer} ", bold=True)
            styled(first, "(vervolg)", colour=GRIJS)
        else:
            styled(first, f"{row.nummer}.", bold=True)
        label = cells[0].add_paragraph()
        styled(
            label, row.status_label, bold=row.afgerond, colour=GRIJS if not row.afgerond else None
        )
        if row.gewijzigd and not part.vervolg:
            styled(cells[0].add_paragraph(), "gewijzigd", bold=True)
        _paras(cells[1], part.omschrijving, styles)
        _paras(cells[2], part.stand, styles)


def _paras(cell: _Cell, paras: tuple[Para, ...], styles: dict[str, ParagraphStyle]) -> None:
    for index, para in enumerate(paras):
        paragraph = cell.paragraphs[0] if index == 0 else cell.add_paragraph()
        if para.kind == "grijs":
            for run in para.line.runs:
                styled(paragraph, run.text, bold=run.bold, colour=GRIJS)
        else:
            _write_para(paragraph, para.line, styles)


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
