"""The besluitenlijst as one self-contained HTML page (templates/besluitenlijst.html.j2), the
source of its PDF."""

from __future__ import annotations

from generator.render.besluiten import (
    COLUMNS,
    PERSOONSGEGEVENS_NOTE,
    WOORDEN,
    Besluitenlijst,
    dagen,
)
from generator.render.html import render as render_template


def page(lijst: Besluitenlijst) -> str:
    context = {
        "title": lijst.titel,
        "author": lijst.organisatie,
        "description": lijst.samenvatting,
        "openbaar": lijst.openbaar,
        "lijst": lijst,
        "columns": COLUMNS,
        "note": PERSOONSGEGEVENS_NOTE,
        "dagen": dagen,
        "w": WOORDEN,
    }
    return render_template("besluitenlijst.html.j2", context)
