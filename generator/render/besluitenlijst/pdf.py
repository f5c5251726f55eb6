"""The besluitenlijst as a tagged PDF, through the print route the other documents take today
(its HTML page with a print stylesheet, generator.render.pdf). Kept to this one function so
that the PDF can move to another engine without touching the list itself."""

from __future__ import annotations

from generator.render.besluitenlijst.build import Besluitenlijst
from generator.render.besluitenlijst.html import page
from generator.render.pdf import html_to_pdf


def render(lijst: Besluitenlijst) -> bytes:
    return html_to_pdf(page(lijst), stylesheet="besluitenlijst.print.css")
