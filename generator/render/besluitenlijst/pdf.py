"""The besluitenlijst as a tagged PDF, typeset by Typst from templates/besluitenlijst.typ with
the list's model as data (every text is shown as text)."""

from __future__ import annotations

from typing import Any

from generator.render.besluiten import COLUMNS, WOORDEN, Actieregel, Besluitenlijst

TEMPLATE = "besluitenlijst.typ"


def data(lijst: Besluitenlijst) -> dict[str, Any]:
    volgende = lijst.volgende
    return {
        "titel": lijst.titel,
        "organisatie": lijst.organisatie,
        "kopregel": lijst.kopregel,
        "woorden": WOORDEN,
        "vergadering": lijst.vergadering,
        "openbaar": lijst.openbaar,
        "aanwezig": list(lijst.aanwezig),
        "samenvatting": lijst.samenvatting,
        "kolommen": list(COLUMNS),
        "punten": [
            {
                "nummer": punt.nummer,
                "titel": punt.titel,
                "beslispunten": list(punt.beslispunten),
                "besluiten": [{"kop": b.kop, "tekst": b.tekst} for b in punt.besluiten],
            }
            for punt in lijst.punten
        ],
        "acties": _rows(lijst.acties),
        "openstaand": _rows(lijst.openstaand),
        "afgerond": _rows(lijst.afgerond),
        "volgende": None
        if volgende is None
        else {
            "titel": volgende.titel,
            "datum": volgende.datum,
            "agenda": [[rubriek, list(items)] for rubriek, items in volgende.agenda],
        },
    }


def _rows(rows: tuple[Actieregel, ...]) -> list[dict[str, Any]]:
    return [{"cellen": list(row.cells)} for row in rows]
