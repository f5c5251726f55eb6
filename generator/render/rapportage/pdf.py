"""The report as a tagged PDF, made from its HTML page with the print stylesheet."""

from __future__ import annotations

from generator.render.pdf import html_to_pdf
from generator.render.rapportage.build import Rapport
from generator.render.rapportage.html import page


def render(rapport: Rapport) -> bytes:
    return html_to_pdf(page(rapport), stylesheet="rapportage.print.css")
