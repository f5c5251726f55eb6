"""The action table as GitHub-flavoured Markdown, for the repository and pull requests.

A GFM table cell holds one line: paragraphs are joined with ``<br>``, bullets start with "•".
Every text is written through ``generator.text.gfm``: plain fields escaped, Markdown fields
written back from the text model, so that what GitHub shows is what the data says (bold and
italic kept, and nothing in the data can open a link, HTML, code or emphasis of its own).
"""

from __future__ import annotations

from generator.render.actietabel.build import COLUMNS, Row, Tabel
from generator.text import dutch, gfm
from generator.text.lines import Line, lines
from generator.text.model import Span


def render(tabel: Tabel) -> bytes:
    return text(tabel).encode("utf-8")


def text(tabel: Tabel) -> str:
    out = [f"# {gfm.escape(tabel.titel)}", ""]
    if tabel.openbaar:
        out += ["*Openbare versie*", ""]
    if tabel.stand_per:
        out += [gfm.line_start(gfm.escape(tabel.stand_per_text)), ""]
    if tabel.inleiding:
        out += [gfm.document(lines(tabel.inleiding)), ""]
    out += [gfm.line_start(gfm.inline([Span(tabel.samenvatting, bold=True)])), ""]
    out.append("| " + " | ".join(COLUMNS) + " |")
    out.append("|---|---|---|")
    for sectie in tabel.secties:
        out.append(f"| {gfm.inline([Span(sectie.titel.upper(), bold=True)])} | | |")
        for group in sectie.groups:
            if group.titel:
                out.append(f"| {gfm.inline([Span(group.titel, bold=True, italic=True)])} | | |")
            out.extend(_row(row) for row in group.rows)
    return "\n".join(out) + "\n"


def _row(row: Row) -> str:
    actie = f"**{row.nummer}.**<br>{gfm.escape(row.status_label)}"
    if row.gewijzigd:
        actie += "<br>**gewijzigd**"
    omschrijving = _cell(row.omschrijving)
    if row.moties:
        omschrijving += "<br>" + _note(f"Motie of toezegging: {row.moties_text}")
    if row.eigenaar:
        omschrijving += "<br>" + _note(f"Eigenaar: {row.eigenaar}")
    stand = _cell(row.stand_van_zaken)
    if row.bijgewerkt:
        stand += "<br>" + _note(f"Bijgewerkt op {dutch.long_date(row.bijgewerkt)}")
    return f"| {actie} | {omschrijving} | {stand} |"


def _note(text: str) -> str:
    """One of the action's own lines (motie, eigenaar, bijgewerkt), in italics."""
    return gfm.inline([Span(text.replace("\n", " "), italic=True)])


def _cell(source: str) -> str:
    return "<br>".join(_line(para) for para in lines(source))


def _line(para: Line) -> str:
    text = gfm.inline(para.runs)
    if para.bullet:
        marker = para.bullet if para.bullet[0].isdigit() else "•"
        text = "&nbsp;&nbsp;" * max(para.level - 1, 0) + f"{marker} {text}"
    return text
