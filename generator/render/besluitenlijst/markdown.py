"""The besluitenlijst as Markdown, for an e-mail or a pull request."""

from __future__ import annotations

from generator.render.besluitenlijst.build import (
    COLUMNS,
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
    if lijst.organisatie:
        out += [f"{lijst.organisatie}, {lijst.datum_tekst}", ""]
    if lijst.aanwezig:
        out += [f"**Aanwezig:** {', '.join(lijst.aanwezig)}", ""]
    if lijst.openbaar:
        out += [f"*{PERSOONSGEGEVENS_NOTE}*", ""]
    out += [lijst.samenvatting, "", "## Besluiten", ""]
    if not lijst.punten:
        out += ["Er zijn in dit overleg geen besluiten vastgelegd.", ""]
    for punt in lijst.punten:
        out += [f"### {punt.nummer}. {punt.titel}", ""]
        if punt.beslispunten:
            out += ["Gevraagd:", ""]
            out += [f"{n}. {vraag}" for n, vraag in enumerate(punt.beslispunten, start=1)]
            out.append("")
        if not punt.besluiten:
            out += ["Geen besluit vastgelegd.", ""]
        for besluit in punt.besluiten:
            out.append(f"- **{besluit.kop}.** {besluit.tekst}")
        out.append("")
    out += ["## Acties uit dit overleg", ""]
    out += [*_table(lijst.acties), ""] if lijst.acties else ["Geen nieuwe acties.", ""]
    out += ["## Openstaande acties uit eerdere overleggen", ""]
    if lijst.openstaand:
        out += [*_table(lijst.openstaand), ""]
    else:
        out += ["Er staan geen acties uit eerdere overleggen open.", ""]
    if lijst.afgerond:
        out += ["## In dit overleg afgerond", "", *_table(lijst.afgerond), ""]
    if lijst.volgende:
        out += [f"## Agenda {lijst.volgende.titel} {lijst.volgende.datum}", ""]
        for rubriek, items in lijst.volgende.agenda:
            out += [f"**{rubriek}**", ""]
            out += [f"- {item}" for item in items]
            out.append("")
    return "\n".join(out).rstrip() + "\n"


def render(lijst: Besluitenlijst) -> bytes:
    return text(lijst).encode("utf-8")
