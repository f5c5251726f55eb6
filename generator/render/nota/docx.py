"""The nota as a Word document in the Rijkshuisstijl's nota layout: the organisation's name
block at the top, then a borderless table of two columns whose left cell holds the header block
(type, Aan, the directorate, Datum, Notanummer, Bijlagen) and whose right cell the text at the
right measure; the right cell runs on over as many pages as the text needs. Page numbers in the
footer."""

from __future__ import annotations

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from generator.render import wordtext
from generator.render.nota.build import NotaDocument
from generator.render.word import (
    GRIJS,
    LINTBLAUW,
    a4,
    finished,
    styled,
)

LEFT = Mm(42)
RIGHT = Mm(124)


def render(nota: NotaDocument) -> bytes:
    document = a4(22, 22, 15, 20)
    _name_block(document, nota)
    table = document.add_table(rows=1, cols=2)
    _borderless(table)
    left, right = table.rows[0].cells
    left.width, right.width = LEFT, RIGHT
    for column, width in zip(table.columns, (LEFT, RIGHT), strict=True):
        column.width = width
    _header_block(left, nota)
    _body(right, nota)
    return finished(
        document,
        footer_title=f"Nota {nota.notanummer}",
        title=f"Nota {nota.onderwerp}",
        subject=nota.type,
        author=nota.organisatie,
        keywords=f"nota, {nota.notanummer}",
    )


def _name_block(document: object, nota: NotaDocument) -> None:
    paragraph = document.paragraphs[0] if document.paragraphs else document.add_paragraph()  # type: ignore[attr-defined]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.paragraph_format.space_after = Pt(18)
    styled(paragraph, nota.organisatie, bold=True, colour=LINTBLAUW)
    if nota.onderdeel:
        paragraph.add_run().add_break()
        styled(paragraph, nota.onderdeel, colour=LINTBLAUW)


def _small(cell: object, label: str, value: str | None = None, *, gap: float = 8.0) -> None:
    paragraph = cell.add_paragraph()  # type: ignore[attr-defined]
    paragraph.paragraph_format.space_before = Pt(gap)
    paragraph.paragraph_format.space_after = Pt(0)
    run = paragraph.add_run(label)
    run.bold = True
    run.font.size = Pt(7.5)
    if value is not None:
        run.add_break()
        value_run = paragraph.add_run(value)
        value_run.font.size = Pt(7.5)


def _header_block(cell: object, nota: NotaDocument) -> None:
    first = cell.paragraphs[0]  # type: ignore[attr-defined]
    run = first.add_run(nota.type.upper())
    run.bold = True
    run.font.size = Pt(7.5)
    _small(cell, "Aan", nota.aan)
    _small(cell, nota.directie, nota.contactpersoon)
    _small(cell, "Datum", nota.datum)
    _small(cell, "Notanummer", nota.notanummer, gap=4.0)
    if nota.bijlagen:
        lines = [
            f"{b.nummer}. {b.titel}" + (f" ({b.bestand})" if b.bestand else "")
            for b in nota.bijlagen
        ]
        _small(cell, "Bijlagen", "\n".join(lines), gap=4.0)


def _body(cell: object, nota: NotaDocument) -> None:
    first = cell.paragraphs[0]  # type: ignore[attr-defined]
    styled(first, "nota", bold=True, colour=LINTBLAUW)
    title = cell.add_paragraph()  # type: ignore[attr-defined]
    run = title.add_run(nota.onderwerp)
    run.bold = True
    run.font.size = Pt(14)
    run.font.color.rgb = LINTBLAUW
    if nota.openbaar:
        styled(cell.add_paragraph(), "Openbare versie", bold=True, colour=GRIJS)  # type: ignore[attr-defined]
    for sectie in nota.secties:
        wordtext.heading(cell, sectie.kop)
        wordtext.markdown(cell, sectie.tekst)


def _borderless(table: object) -> None:
    """No borders: the table only places the header block beside the text."""
    tbl_pr = table._tbl.tblPr  # type: ignore[attr-defined]
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{side}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    tbl_pr.append(borders)
    grid = table._tbl.tblGrid  # type: ignore[attr-defined]
    for col, width in zip(grid.findall(qn("w:gridCol")), (LEFT, RIGHT), strict=True):
        col.set(qn("w:w"), str(int(width.twips)))
