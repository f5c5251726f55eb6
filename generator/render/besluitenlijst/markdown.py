"""The besluitenlijst as Markdown, for an e-mail or a pull request."""

from __future__ import annotations

from generator.render.besluitenlijst.build import (
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


def _cell(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def _table(rows: tuple[Actieregel, ...]) -> list[str]:
    out = ["| " + " | ".join(COLUMNS) + " |", "|" + "---|" * len(COLUMNS)]
    out += ["| " + " | ".join(_cell(c) for c in row.cells) + " |" for row in rows]
    return out


def text(lijst: Besluitenlijst) -> str:
    out = [f"# {lijst.titel}", ""]
    if lijst.kopregel:
        out += [lijst.kopregel, ""]
    if lijst.aanwezig:
        out += [f"**{AANWEZIG}** {', '.join(lijst.aanwezig)}", ""]
    if lijst.openbaar:
        out += [f"*{PERSOONSGEGEVENS_NOTE}*", ""]
    out += [f"**{lijst.samenvatting}**", "", f"## {BESLUITEN}", ""]
    if not lijst.punten:
        out += [GEEN_BESLUITEN, ""]
    for punt in lijst.punten:
        out += [f"### {punt.nummer}. {punt.titel}", ""]
        if punt.beslispunten:
            out += [GEVRAAGD, ""]
            out += [f"{n}. {vraag}" for n, vraag in enumerate(punt.beslispunten, start=1)]
            out.append("")
        if not punt.besluiten:
            out += [GEEN_BESLUIT, ""]
        for besluit in punt.besluiten:
            out.append(f"- **{besluit.kop}.** {besluit.tekst}")
        out.append("")
    out += [f"## {ACTIES}", ""]
    out += [*_table(lijst.acties), ""] if lijst.acties else [GEEN_ACTIES, ""]
    out += [f"## {OPENSTAAND}", ""]
    out += [*_table(lijst.openstaand), ""] if lijst.openstaand else [GEEN_OPENSTAAND, ""]
    if lijst.afgerond:
        out += [f"## {AFGEROND}", "", *_table(lijst.afgerond), ""]
    if lijst.volgende:
        out += [f"## Agenda {lijst.volgende.titel} {lijst.volgende.datum}", ""]
        for rubriek, items in lijst.volgende.agenda:
            out += [f"**{rubriek}**", ""]
            out += [f"- {item}" for item in items]
            out.append("")
    return "\n".join(out).rstrip() + "\n"


def render(lijst: Besluitenlijst) -> bytes:
    return text(lijst).encode("utf-8")
