"""The verslag as a Word document: A4, Dutch, the participants per side, numbered points with
the discussion, the decisions and the actions as a table whose header row repeats."""

from __future__ import annotations

from docx.shared import Pt

from generator.render import wordtext
from generator.render.besluiten import COLUMNS
from generator.render.verslag.build import Verslag
from generator.render.word import (
    GRIJS,
    LINTBLAUW,
    a4,
    finished,
    repeat_header,
    styled,
)


def render(verslag: Verslag) -> bytes:
    document = a4(22, 22, 22, 22)
    head = document.add_paragraph()
    styled(head, verslag.organisatie, bold=True)
    if verslag.onderdeel:
        head.add_run().add_break()
        styled(head, verslag.onderdeel)
    title = document.add_paragraph()
    run = title.add_run(verslag.titel)
    run.bold = True
    run.font.size = Pt(15)
    run.font.color.rgb = LINTBLAUW
    when = verslag.datum + (f", {verslag.tijd}" if verslag.tijd else "")
    styled(document.add_paragraph(), when, bold=True)
    if verslag.plaats:
        styled(document.add_paragraph(), verslag.plaats, colour=GRIJS)
    if verslag.openbaar:
        styled(document.add_paragraph(), "Openbare versie", bold=True, colour=GRIJS)
    for delegatie in verslag.deelnemers:
        paragraph = document.add_paragraph()
        styled(paragraph, delegatie.kop, bold=True)
        for lid in delegatie.leden:
            paragraph.add_run().add_break()
            paragraph.add_run(lid)
    for punt in verslag.punten:
        wordtext.heading(document, f"{punt.nummer}. {punt.titel}", size=12.0, space_before=14)
        if punt.tekst:
            wordtext.markdown(document, punt.tekst)
        for onderwerp in punt.onderwerpen:
            wordtext.heading(document, onderwerp.titel, size=10.5)
            if onderwerp.tekst:
                wordtext.markdown(document, onderwerp.tekst)
            for besluit in onderwerp.besluiten:
                paragraph = document.add_paragraph()
                styled(paragraph, besluit.kop, bold=True)
                paragraph.add_run().add_break()
                paragraph.add_run(besluit.tekst)
            if onderwerp.acties:
                styled(document.add_paragraph(), "Acties", bold=True)
                table = document.add_table(rows=1 + len(onderwerp.acties), cols=len(COLUMNS))
                table.style = "Table Grid"
                repeat_header(table.rows[0]._tr)
                for c, kop in enumerate(COLUMNS):
                    styled(table.rows[0].cells[c].paragraphs[0], kop, bold=True)
                for r, actie in enumerate(onderwerp.acties, start=1):
                    for c, cell in enumerate(actie.cells):
                        table.rows[r].cells[c].paragraphs[0].add_run(cell)
    return finished(
        document,
        footer_title=verslag.titel,
        title=f"{verslag.titel} {verslag.datum}",
        subject=verslag.soort,
        author=verslag.organisatie,
        keywords="verslag",
    )
