"""The action table as one accessible, self-contained HTML page (templates/actietabel.html.j2)."""

from __future__ import annotations

from generator.render.actietabel.build import COLUMNS, Tabel
from generator.render.html import render as render_template


def page(tabel: Tabel) -> str:
    context = {
        "title": tabel.titel,
        "author": tabel.organisatie,
        "description": tabel.samenvatting,
        "openbaar": tabel.openbaar,
        "tabel": tabel,
        "columns": COLUMNS,
    }
    return render_template("actietabel.html.j2", context)


def render(tabel: Tabel) -> bytes:
    return page(tabel).encode("utf-8")
