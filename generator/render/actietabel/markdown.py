"""The action table as GitHub-flavoured Markdown, for the repository and pull requests.

A GFM table cell holds one line: paragraphs are joined with ``<br>``, bullets start with "•",
bold and italic are kept, pipes are escaped.
"""

from __future__ import annotations

from generator.render.actietabel.build import COLUMNS, Row, Tabel
from generator.text import dutch
from generator.text.lines import Line, lines


def render(tabel: Tabel) -> bytes:
    return text(tabel).encode("utf-8")


def text(tabel: Tabel) -> str:
    lines = [f"# {tabel.titel}", ""]
    if tabel.openbaar:
        lines += ["*Openbare versie*", ""]
    if tabel.stand_per:
        lines += [tabel.stand_per_text, ""]
    if tabel.inleiding:
        lines += [tabel.inleiding.strip(), ""]
    lines += [f"**{tabel.samenvatting}**", ""]
    lines.append("| " + " | ".join(COLUMNS) + " |")
    lines.append("|---|---|---|")
    for sectie in tabel.secties:
        lines.append(f"| **{_cell_text(sectie.titel.upper())}** | | |")
        for group in sectie.groups:
            if group.titel:
                lines.append(f"| ***{_cell_text(group.titel)}*** | | |")
            lines.extend(_row(row) for row in group.rows)
    return "\n".join(lines) + "\n"


def _row(row: Row) -> str:
    actie = f"**{row.nummer}.**<br>{row.status_label}"
    if row.gewijzigd:
        actie += "<br>**gewijzigd**"
    omschrijving = _cell(row.omschrijving)
    if row.moties:
        omschrijving += f"<br>*Motie of toezegging: {_cell_text(row.moties_text)}*"
    if row.eigenaar:
        omschrijving += f"<br>*Eigenaar: {_cell_text(row.eigenaar)}*"
    stand = _cell(row.stand_van_zaken)
    if row.bijgewerkt:
        stand += f"<br>*Bijgewerkt op {dutch.long_date(row.bijgewerkt)}*"
    return f"| {actie} | {omschrijving} | {stand} |"


def _cell(source: str) -> str:
    return "<br>".join(_line(para) for para in lines(source))


def _line(para: Line) -> str:
    text = ""
    for run in para.runs:
        piece = _cell_text(run.text)
        if run.bold and piece.strip():
            piece = f"**{piece}**"
        if run.italic and piece.strip():
            piece = f"*{piece}*"
        text += piece
    if para.bullet:
        marker = para.bullet if para.bullet[0].isdigit() else "•"
        text = "&nbsp;&nbsp;" * max(para.level - 1, 0) + f"{marker} {text}"
    return text


def _cell_text(text: str) -> str:
    """Text safe inside a table cell: no pipes or newlines, no HTML taken as markup."""
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;").replace("\n", " ")
