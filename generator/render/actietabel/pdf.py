"""The action table as a tagged PDF, made from its HTML page with the print stylesheet."""

from __future__ import annotations

from generator.render.actietabel.build import Tabel
from generator.render.actietabel.html import page
from generator.render.pdf import html_to_pdf


def render(tabel: Tabel) -> bytes:
    return html_to_pdf(page(tabel), stylesheet="actietabel.print.css")
