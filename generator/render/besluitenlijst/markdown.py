"""The besluitenlijst as Markdown, for an e-mail or a pull request.

Every text from the data is escaped (``generator.text.gfm``), as in the action table's
Markdown: what a reader sees is what the data says, and nothing in it opens HTML, a link, an
image or emphasis of its own (an ``<img onerror=...>`` in a besluit shows as those characters).
"""

from __future__ import annotations

from generator.render.besluiten import (
    AANWEZIG,
    ACTIES,
    AFGEROND,
    BESLUITEN,
    COLUMNS,
    GEEN_ACTIES,
    GEEN_BESLUIT,
    GEEN_BESLUITEN,
    GEEN_OPENSTAAND,
    GEVRAAGD,
    OPENSTAAND,
    PERSOONSGEGEVENS_NOTE,
    Actieregel,
    Besluitenlijst,
)
from generator.text.gfm import escape, line_start


def _cell(text: str) -> str:
    return escape(text)


def _line(text: str) -> str:
    """Data that starts a line (a paragraph, a heading's text): escaped there too."""
    return line_start(escape(text))


def _table(rows: tuple[Actieregel, ...]) -> list[str]:
    out = ["| " + " | ".join(COLUMNS) + " |", "|" + "---|" * len(COLUMNS)]
    out += ["| " + " | ".join(_cell(c) for c in row.cells) + " |" for row in rows]
    return out


def text(lijst: Besluitenlijst) -> str:
    out = [f"# {_cell(lijst.titel)}", ""]
    if lijst.kopregel:
        out += [_line(lijst.kopregel), ""]
    if lijst.aanwezig:
        out += [f"**{AANWEZIG}** {_cell(', '.join(lijst.aanwezig))}", ""]
    if lijst.openbaar:
        out += [f"*{PERSOONSGEGEVENS_NOTE}*", ""]
    out += [f"**{lijst.samenvatting}**", "", f"## {BESLUITEN}", ""]
    if not lijst.punten:
        out += [GEEN_BESLUITEN, ""]
    for punt in lijst.punten:
        out += [f"### {punt.nummer}. {_cell(punt.titel)}", ""]
        if punt.beslispunten:
            out += [GEVRAAGD, ""]
            out += [f"{n}. {_cell(vraag)}" for n, vraag in enumerate(punt.beslispunten, start=1)]
            out.append("")
        if not punt.besluiten:
            out += [GEEN_BESLUIT, ""]
        for besluit in punt.besluiten:
            out.append(f"- **{_cell(besluit.kop)}.** {_cell(besluit.tekst)}")
        out.append("")
    out += [f"## {ACTIES}", ""]
    out += [*_table(lijst.acties), ""] if lijst.acties else [GEEN_ACTIES, ""]
    out += [f"## {OPENSTAAND}", ""]
    out += [*_table(lijst.openstaand), ""] if lijst.openstaand else [GEEN_OPENSTAAND, ""]
    if lijst.afgerond:
        out += [f"## {AFGEROND}", "", *_table(lijst.afgerond), ""]
    if lijst.volgende:
        volgende = lijst.volgende
        out += [f"## Agenda {_cell(volgende.titel)} {_cell(volgende.datum)}", ""]
        for rubriek, items in volgende.agenda:
            out += [f"**{_cell(rubriek)}**", ""]
            out += [f"- {_cell(item)}" for item in items]
            out.append("")
    return "\n".join(out).rstrip() + "\n"


def render(lijst: Besluitenlijst) -> bytes:
    return text(lijst).encode("utf-8")
