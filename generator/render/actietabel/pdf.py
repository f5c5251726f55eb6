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
    }
