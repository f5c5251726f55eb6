"""The action table as a Word document (python-docx): A4 landscape, a real table whose header
row repeats on every page, Dutch as the language. Its grid agrees with its cells' widths, so
Word and LibreOffice lay it out alike. A row never breaks across pages: a long action is cut
into rows beforehand where a page will end, the later ones headed "30 (vervolg)" (``parts``)."""

from __future__ import annotations

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor, Twips
from docx.styles.style import ParagraphStyle
from docx.table import _Cell
from docx.text.paragraph import Paragraph

from generator.model import huisstijl
from generator.render.actietabel.build import COLUMNS, Row, Tabel
from generator.render.actietabel.parts import MM, ROW, WORD, Pages, Para, height
from generator.render.word import (
    GRIJS,
    LINTBLAUW,
    finished,
    fixed_grid,
    language_and_font,
    repeat_header,
    runs,
    shade,
    styled,
)
from generator.text import dutch
from generator.text.lines import Line, lines
from generator.text.model import Span as Run

COLUMN_MM = (32, 95, 140)
#: the cells' padding above and below their text (they touched the borders), in twips
CELL_PAD = 40
WIDTHS = tuple(Mm(width) for width in COLUMN_MM)
#: the page's room for rows, in points: A4 landscape from its top margin (15 mm) to its footer
#: (half an inch from the edge, a line of 10 points), less the header row (a line and its
#: border) and a point to spare; LibreOffice puts the last row exactly there
ROOM = (210 - 15) * MM - 36 - 11.5 - 12 - 1
#: Word's list styles go three levels deep, each indented this much (a quarter inch)
STYLE_LEVELS = 3
LEVEL_INDENT = 360  # twips
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
    _cover(document, tabel, styles)

    table = document.add_table(rows=1, cols=3)
    table.style = "Table Grid"
    fixed_grid(table, WIDTHS)
    _padding(table)
    header = table.rows[0]
    repeat_header(header._tr)
    _keep_on_one_page(header._tr)
    for cell, name, width in zip(header.cells, COLUMNS, WIDTHS, strict=True):
        cell.width = width
        styled(cell.paragraphs[0], name, bold=True, colour=RGBColor(0xFF, 0xFF, 0xFF))
        shade(cell, huisstijl.LINTBLAUW)
    # the table starts on the page after the cover
    pages = Pages(ROOM, first=ROOM, row=ROW + 2 * CELL_PAD / 20)
    for sectie in tabel.secties:
        _band(table, sectie.titel, "DCE8F4", caps=True, pages=pages)
        for group in sectie.groups:
            if group.titel:
                _band(table, group.titel, "EEF3F8", caps=False, pages=pages)
            for row in group.rows:
                _action(table, row, styles, pages)
    return finished(
        document,
        footer_title=tabel.titel,
        cover=True,
        title=tabel.titel,
        subject="Vervolgacties Parlementaire Ondervragingscommissie Kinderopvangtoeslag",
        author=tabel.organisatie,
        keywords="POK",
    )


def _cover(document: object, tabel: Tabel, styles: dict[str, ParagraphStyle]) -> None:
    """The PDF's cover: the issuer's name block (a lintblauw bar, the organisation in bold and
    its part below), the title, the date, the introduction and the summary; the table starts
    on the next page."""
    block = document.add_paragraph()  # type: ignore[attr-defined]
    fmt = block.paragraph_format
    fmt.left_indent = Mm(125)
    fmt.space_after = Pt(0)
    _bar(block)
    styled(block, tabel.organisatie, bold=True)
    if tabel.onderdeel:
        block.add_run().add_break()
        styled(block, tabel.onderdeel)
    heading = document.add_heading(tabel.titel, level=1)  # type: ignore[attr-defined]
    heading.paragraph_format.space_before = Pt(110)
    for run in heading.runs:
        run.font.color.rgb = LINTBLAUW
        run.font.size = Pt(22)
    if tabel.stand_per:
        stand = document.add_paragraph()  # type: ignore[attr-defined]
        styled(stand, tabel.stand_per_text, colour=GRIJS)
        for run in stand.runs:
            run.font.size = Pt(13)
    if tabel.openbaar:
        styled(document.add_paragraph(), "Openbare versie", bold=True, colour=GRIJS)  # type: ignore[attr-defined]
    if tabel.inleiding:
        for para in lines(tabel.inleiding):
            _write_para(document.add_paragraph(), para, styles)  # type: ignore[attr-defined]
    summary = document.add_paragraph()  # type: ignore[attr-defined]
    styled(summary, tabel.samenvatting, bold=True)
    summary.add_run().add_break(WD_BREAK.PAGE)


def _bar(paragraph: Paragraph) -> None:
    """The name block's lintblauw bar: a thick left border of the paragraph, as the PDF's."""
    p_pr = paragraph._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    left = OxmlElement("w:left")
    for name, value in (
        ("val", "single"),
        ("sz", "48"),
        ("space", "12"),
        ("color", huisstijl.LINTBLAUW),
    ):
        left.set(qn(f"w:{name}"), value)
    borders.append(left)
    p_pr.append(borders)


def _padding(table: object) -> None:
    """Room above and below a cell's text (``CELL_PAD``); left and right as Table Grid has."""
    tbl_pr = table._tbl.tblPr  # type: ignore[attr-defined]
    margins = OxmlElement("w:tblCellMar")
    for side, width in (("top", CELL_PAD), ("left", 108), ("bottom", CELL_PAD), ("right", 108)):
        element = OxmlElement(f"w:{side}")
        element.set(qn("w:w"), str(width))
        element.set(qn("w:type"), "dxa")
        margins.append(element)
    tbl_pr.append(margins)


def _page(document: object) -> None:
    section = document.sections[0]  # type: ignore[attr-defined]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(297), Mm(210)
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Mm(15))
    section.top_margin, section.bottom_margin = Mm(15), Mm(15)


def _keep_on_one_page(tr: object) -> None:
    """A row never breaks across pages: a long action is cut into rows beforehand (parts.py)."""
    tr_pr = tr.get_or_add_trPr()  # type: ignore[attr-defined]
    tr_pr.insert(0, OxmlElement("w:cantSplit"))


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
        # room between a cell's paragraphs, as the estimate counts it (``WORD.after``)
        paragraph.paragraph_format.space_after = Pt(WORD.after)
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
        runs(paragraph, run.text, bold=run.bold, italic=run.italic)
