"""The nota as a tagged PDF (PDF/UA-1), typeset by Typst from templates/nota.typ with the nota's
model as data (every text is shown as text)."""

from __future__ import annotations

from typing import Any

from generator.render.nota.build import NotaDocument
from generator.text.tree import Trees

TEMPLATE = "nota.typ"


def data(nota: NotaDocument) -> dict[str, Any]:
    trees = Trees()
    return {
        "onderwerp": nota.onderwerp,
        "type": nota.type,
        "aan": nota.aan,
        "directie": nota.directie,
        "contactpersoon": nota.contactpersoon,
        "datum": nota.datum,
        "notanummer": nota.notanummer,
        "organisatie": nota.organisatie,
        "onderdeel": nota.onderdeel,
        "openbaar": nota.openbaar,
        "bijlagen": [
            {"nummer": b.nummer, "titel": b.titel, "bestand": b.bestand} for b in nota.bijlagen
        ],
        "secties": [{"kop": s.kop, "tekst": trees(s.tekst)} for s in nota.secties],
    }
