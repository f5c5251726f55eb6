"""The progress report as a PDF: the report's model as data for ``templates/rapportage.typ``,
which Typst typesets (A4, tagged PDF/UA-1, contents with page numbers, footnotes at the foot of
the page). Every Markdown text goes as the text model's tree; nothing from the data is Typst
source."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from generator.render.rapportage.rapport import (
    Kpi,
    Rapport,
    RapportHoofdstuk,
    RapportParagraaf,
    RapportRisico,
)
from generator.text.tree import Trees

TEMPLATE = "rapportage.typ"


def settle(
    ask: Callable[[Mapping[str, Any], str], list[Any]], shown: Mapping[str, Any]
) -> Mapping[str, Any]:
    """The layout that leaves no page less than a quarter full before a new page (a chapter,
    the annex, the risk section). Before chapter 1 the Leeswijzer follows the introduction, or,
    when its last lines would stand alone on a page, the contents, on their page (it fits with
    the contents or the introduction). Before a later one, the section goes on on the same
    page instead (``doorlopend``), under the few lines that would have filled a page alone."""
    chapters = shown["hoofdstukken"]
    first = sparse(ask(shown, "voor-breuk"))
    if chapters and chapters[0]["id"] in first:
        moved = {**shown, "leeswijzer_bij_inhoud": True}
        if len(sparse(ask(moved, "voor-breuk"))) < len(first):
            shown, first = moved, sparse(ask(moved, "voor-breuk"))
    for _ in range(3):  # each try can move the next break; a few suffice
        later = [id for id in first if not (chapters and id == chapters[0]["id"])]
        if not later:
            break
        joined = {**shown, "doorlopend": [*shown.get("doorlopend", []), later[0]]}
        found = sparse(ask(joined, "voor-breuk"))
        if len(found) >= len(first):
            break
        shown, first = joined, found
    return shown


def sparse(breaks: list[Any]) -> list[str]:
    """The chapters before whose new page the page so far is less than a quarter full (and
    not empty): that page would be left almost empty."""
    return [b["id"] for b in breaks if 0 < float(b["kwart"]) < 1]


def data(rapport: Rapport) -> dict[str, Any]:
    """Everything the template shows, as JSON-ready data."""
    trees = Trees()
    guide = rapport.leeswijzer
    return {
        "titel": rapport.titel,
        "periode": rapport.periode,
        "organisatie": rapport.organisatie,
        "onderdeel": rapport.onderdeel,
        "plaats": rapport.plaats,
        "datum": rapport.datum,
        "openbaar": rapport.openbaar,
        "inleiding": trees(rapport.inleiding),
        "leeswijzer": {
            "inhoud": list(guide.inhoud),
            "legenda": guide.legenda,
            "sterren": guide.sterren,
            "bijlage": list(guide.bijlage),
        },
        "legenda": [
            {
                "status": status.value,
                "label": status.label,
                "symbool": status.symbol,
                "betekenis": status.description[:1].upper() + status.description[1:] + ".",
            }
            for status in rapport.legend
        ],
        "hoofdstukken": [_chapter(chapter, trees) for chapter in rapport.hoofdstukken],
        "risicos": [_risico(risico, trees) for risico in rapport.risicos],
        "kpis": [
            {"groep": groep, "rijen": [_kpi(row, trees) for row in rows]}
            for groep, rows in rapport.kpis
        ],
        "gemist": [
            {
                "naam": row.naam,
                "norm": row.norm,
                "realisatie": row.realisatie,
                "toelichting": trees(row.toelichting),
            }
            for row in rapport.gemist
        ],
        "colofon": {"uitgave": rapport.uitgave, "tekst": trees(rapport.colofon)},
    }


def _chapter(chapter: RapportHoofdstuk, trees: Trees) -> dict[str, Any]:
    def gathered(paragraaf: RapportParagraaf | None) -> dict[str, Any] | None:
        if paragraaf is None:
            return None
        return {"id": paragraaf.id, "nummer": paragraaf.nummer, "titel": paragraaf.titel}

    return {
        "id": chapter.id,
        "nummer": chapter.nummer,
        "titel": chapter.titel,
        "tekst": trees(chapter.tekst),
        "paragrafen": [_paragraaf(p, trees) for p in chapter.paragrafen],
        "tabel_na": chapter.tabel_na,
        "groepen": [
            {
                "groep": groep,
                "rijen": [
                    {
                        "naam": rij.naam,
                        "status": rij.status.value,
                        "label": rij.status.label,
                        "symbool": rij.status.symbol,
                        "ster": rij.ster,
                        "ster_id": rij.ster_id,
                    }
                    for rij in rijen
                ],
            }
            for groep, rijen in chapter.groepen
        ],
        "uitgelicht": gathered(chapter.uitgelicht),
        "uitgelicht_items": [
            {"id": s.id, "naam": s.naam, "tekst": trees(s.tekst)} for s in chapter.uitgelicht_items
        ],
        "aandacht": gathered(chapter.aandacht),
        "aandacht_items": [
            {"id": s.id, "naam": s.naam, "tekst": trees(s.tekst)} for s in chapter.aandacht_items
        ],
    }


def _paragraaf(paragraaf: RapportParagraaf, trees: Trees) -> dict[str, Any]:
    return {
        "id": paragraaf.id,
        "nummer": paragraaf.nummer,
        "titel": paragraaf.titel,
        "resultaten": [trees(r) for r in paragraaf.resultaten],
        "tekst": trees(paragraaf.tekst),
        "risicos": [_risico(r, trees) for r in paragraaf.risicos],
    }


def _risico(risico: RapportRisico, trees: Trees) -> dict[str, Any]:
    return {
        "id": risico.id,
        "titel": risico.titel,
        "kans": risico.kans.label,
        "impact": risico.impact.label,
        "eigenaar": risico.eigenaar,
        "omschrijving": trees(risico.omschrijving),
        "beheersmaatregelen": trees(risico.beheersmaatregelen),
    }


def _kpi(row: Kpi, trees: Trees) -> dict[str, Any]:
    return {
        "id": row.id,
        "naam": row.naam,
        "norm": row.norm,
        "realisatie": row.realisatie,
        "oordeel": row.oordeel.value,
        "label": row.label,
        "symbool": row.symbol,
        "bijgesteld": row.bijgesteld,
        "berekend": row.berekend_label,
        "reden": trees(row.noot),
    }
