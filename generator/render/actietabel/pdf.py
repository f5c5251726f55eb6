"""The action table as a PDF: the table's model as data for ``templates/actietabel.typ``, which
Typst typesets (A4 landscape, tagged PDF/UA-1). Rows that continue on the next page repeat their
number and status there ("30 (vervolg)"); the template does that."""

from __future__ import annotations

from typing import Any

from generator.render.actietabel.build import COLUMNS, Row, Tabel
from generator.text import dutch
from generator.text.tree import Trees

TEMPLATE = "actietabel.typ"


def render(tabel: Tabel) -> bytes:
    from generator.render.typeset import typeset

    return typeset(TEMPLATE, data(tabel))


def data(tabel: Tabel) -> dict[str, Any]:
    """Everything the template shows, as JSON-ready data."""
    trees = Trees()
    org = tabel.organisatie
    return {
        "titel": tabel.titel,
        "auteur": org,
        "organisatie": org,
        "onderdeel": tabel.onderdeel,
        "stand_per": tabel.stand_per_text,
        "inleiding": trees(tabel.inleiding),
        "samenvatting": tabel.samenvatting,
        "openbaar": tabel.openbaar,
        "kolommen": list(COLUMNS),
        "secties": [
            {
                "titel": sectie.titel,
                "groepen": [
                    {"titel": group.titel, "rijen": [_row(row, trees) for row in group.rows]}
                    for group in sectie.groups
                ],
            }
            for sectie in tabel.secties
        ],
    }


def _row(row: Row, trees: Trees) -> dict[str, Any]:
    return {
        "nummer": row.nummer,
        "status": row.status,
        "status_label": row.status_label,
        "omschrijving": trees(row.omschrijving),
        "moties": row.moties_text,
        "eigenaar": row.eigenaar,
        "stand_van_zaken": trees(row.stand_van_zaken),
        "bijgewerkt": (
            f"Bijgewerkt op {dutch.long_date(row.bijgewerkt)}" if row.bijgewerkt else None
        ),
        "gewijzigd": row.gewijzigd,
        "kort": _lines(row) <= SHORT_ROW_LINES and not _noted(row),
    }


#: a row of at most this many lines (about a third of a page) is never split over two pages:
#: a part of a few lines under "N (vervolg)" helps no reader. A row with footnotes may still
#: break: the template keeps its notes on the page of their references only in a row that
#: may (Typst sets a note where it first lays its row out, typst/typst#5314)
SHORT_ROW_LINES = 14
#: characters on a line of the Omschrijving and Stand van zaken columns (84 mm and about
#: 143 mm at 9 pt), a little less than fit, so that the estimate errs towards long
_LINE_CHARACTERS = (46, 80)


def _lines(row: Row) -> int:
    """About how many lines the row's taller column takes."""
    omschrijving = _text_lines(row.omschrijving, _LINE_CHARACTERS[0])
    omschrijving += _text_lines(row.moties_text, _LINE_CHARACTERS[0]) + bool(row.eigenaar)
    stand = _text_lines(row.stand_van_zaken, _LINE_CHARACTERS[1]) + bool(row.bijgewerkt)
    return max(omschrijving, stand)


def _noted(row: Row) -> bool:
    return any("[^" in text for text in (row.omschrijving, row.stand_van_zaken) if text)


def _text_lines(text: str | None, width: int) -> int:
    """Lines of ``text`` in a column ``width`` characters wide: every line of the source
    wrapped, a blank line between paragraphs counted as half a line."""
    if not text:
        return 0
    lines = [line for line in text.split("\n") if line.strip()]
    gaps = text.count("\n\n")
    return sum(-(-len(line) // width) for line in lines) + (gaps + 1) // 2
