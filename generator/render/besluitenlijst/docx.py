"""The besluitenlijst as a Word document, what the Crisisbureau mails before 17.00 on the day of
the meeting: A4 portrait, Dutch, the action tables as real tables whose header row repeats on
every page, overdue deadlines in words and in red."""

from __future__ import annotations

from docx.shared import Mm, RGBColor

from generator.model import huisstijl
from generator.render.besluiten import (
    AANWEZIG,
    ACTIES,
    AFGEROND,
    BESLUITEN,
    COLUMNS,
    GEEN_ACTIES,
    GEEN_BESLUIT,
    GEEN_BESLUITEN,
    GEEN_OPENSTAAND,
    GEVRAAGD,
    OPENSTAAND,
    PERSOONSGEGEVENS_NOTE,
    Actieregel,
    Besluitenlijst,
)
from generator.render.word import (
    GRIJS,
    LINTBLAUW,
    a4,
    finished,
    fixed_grid,
    repeat_header,
    shade,
    styled,
)

ROOD = RGBColor.from_string(huisstijl.ROOD)
#: each column as wide as its longest word needs (with the cells' margins): the number
#: "2020-08-17/1" in bold and "30 september 2020" on one line, "Aangehouden" whole; LibreOffice
#: follows these widths since the grid gives them (``fixed_grid``)
WIDTHS = (Mm(30), Mm(57), Mm(32), Mm(36), Mm(25))


def render(lijst: Besluitenlijst) -> bytes:
    document = a4(15, 15, 15, 15)
    _heading(document, lijst.titel, 1)
    if lijst.kopregel:
        styled(document.add_paragraph(), lijst.kopregel, colour=GRIJS)
    if lijst.aanwezig:
        paragraph = document.add_paragraph()
        styled(paragraph, f"{AANWEZIG} ", bold=True)
        styled(paragraph, ", ".join(lijst.aanwezig))
    if lijst.openbaar:
        styled(document.add_paragraph(), PERSOONSGEGEVENS_NOTE, colour=GRIJS)
    styled(document.add_paragraph(), lijst.samenvatting, bold=True)

    _heading(document, BESLUITEN, 2)
    if not lijst.punten:
        document.add_paragraph(GEEN_BESLUITEN)
    for punt in lijst.punten:
        _heading(document, f"{punt.nummer}. {punt.titel}", 3)
        if punt.beslispunten:
            styled(document.add_paragraph(), GEVRAAGD, colour=GRIJS)
            for number, vraag in enumerate(punt.beslispunten, start=1):
                styled(document.add_paragraph(), f"{number}. {vraag}", colour=GRIJS)
        if not punt.besluiten:
            document.add_paragraph(GEEN_BESLUIT)
        for besluit in punt.besluiten:
            paragraph = document.add_paragraph()
            styled(paragraph, f"{besluit.kop}. ", bold=True)
            styled(paragraph, besluit.tekst)

    _heading(document, ACTIES, 2)
    _table(document, lijst.acties, GEEN_ACTIES)
    _heading(document, OPENSTAAND, 2)
    _table(document, lijst.openstaand, GEEN_OPENSTAAND)
    if lijst.afgerond:
        _heading(document, AFGEROND, 2)
        _table(document, lijst.afgerond, "")
    if lijst.volgende:
        _heading(document, f"Agenda {lijst.volgende.titel} {lijst.volgende.datum}", 2)
        for rubriek, items in lijst.volgende.agenda:
            styled(document.add_paragraph(), rubriek, bold=True)
            for item in items:
                document.add_paragraph(item)
    return finished(
        document,
        footer_title=lijst.titel,
        title=lijst.titel,
        subject="Actie- en besluitenlijst SCT",
        author=lijst.organisatie,
        keywords="SCT",
    )


def _heading(document: object, text: str, level: int) -> None:
    heading = document.add_heading(text, level=level)  # type: ignore[attr-defined]
    for run in heading.runs:
        run.font.color.rgb = LINTBLAUW


def _table(document: object, rows: tuple[Actieregel, ...], empty: str) -> None:
    if not rows:
        document.add_paragraph(empty)  # type: ignore[attr-defined]
        return
    table = document.add_table(rows=1, cols=len(COLUMNS))  # type: ignore[attr-defined]
    table.style = "Table Grid"
    fixed_grid(table, WIDTHS)
    header = table.rows[0]
    repeat_header(header._tr)
    for cell, name, width in zip(header.cells, COLUMNS, WIDTHS, strict=True):
        cell.width = width
        styled(cell.paragraphs[0], name, bold=True, colour=RGBColor(0xFF, 0xFF, 0xFF))
        shade(cell, huisstijl.LINTBLAUW)
    for row in rows:
        cells = table.add_row().cells
        for cell, width in zip(cells, WIDTHS, strict=True):
            cell.width = width
        nr, actie, actiehouder, deadline, status = row.cells
        styled(cells[0].paragraphs[0], nr, bold=True)
        styled(cells[1].paragraphs[0], actie)
        styled(cells[2].paragraphs[0], actiehouder)
        # overdue in words (the model's text) and in red
        styled(
            cells[3].paragraphs[0],
            deadline,
            bold=row.verlopen,
            colour=ROOD if row.verlopen else None,
        )
        styled(cells[4].paragraphs[0], status)
