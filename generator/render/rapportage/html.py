"""The report as one accessible, self-contained HTML page (templates/rapportage.html.j2)."""

from __future__ import annotations

from generator.render.html import render as render_template
from generator.render.rapportage.rapport import Rapport
from generator.text.html import Notes


def page(rapport: Rapport) -> str:
    context = {
        "title": rapport.titel,
        "author": rapport.organisatie,
        "description": rapport.samenvatting,
        "openbaar": rapport.openbaar,
        "report": rapport,
        "notes": Notes(),  # one numbering of footnotes through the whole page
    }
    return render_template("rapportage.html.j2", context)


def render(rapport: Rapport) -> bytes:
    return page(rapport).encode("utf-8")
