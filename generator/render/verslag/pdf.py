"""The verslag as a tagged PDF (PDF/UA-1), typeset by Typst from templates/verslag.typ with the
verslag's model as data (every text is shown as text)."""

from __future__ import annotations

from typing import Any

from generator.render.besluiten import COLUMNS
from generator.render.verslag.build import Verslag
from generator.text.tree import Trees

TEMPLATE = "verslag.typ"


def data(verslag: Verslag) -> dict[str, Any]:
    trees = Trees()
    return {
        "titel": verslag.titel,
        "soort": verslag.soort,
        "organisatie": verslag.organisatie,
        "onderdeel": verslag.onderdeel,
        "datum": verslag.datum,
        "tijd": verslag.tijd,
        "plaats": verslag.plaats,
        "openbaar": verslag.openbaar,
        "kolommen": list(COLUMNS),
        "deelnemers": [{"kop": d.kop, "leden": list(d.leden)} for d in verslag.deelnemers],
        "punten": [
            {
                "nummer": punt.nummer,
                "titel": punt.titel,
                "tekst": trees(punt.tekst),
                "onderwerpen": [
                    {
                        "titel": o.titel,
                        "tekst": trees(o.tekst),
                        "besluiten": [{"kop": b.kop, "tekst": b.tekst} for b in o.besluiten],
                        "acties": [{"cellen": list(a.cells)} for a in o.acties],
                    }
                    for o in punt.onderwerpen
                ],
            }
            for punt in verslag.punten
        ],
    }
