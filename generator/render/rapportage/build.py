"""One progress report as its readers meet it: numbered chapters and paragraphs, a table of
contents, activity tables by group, starred activities gathered, KPIs judged, top risks. People
are named through the dataset's registry (the public version's has no names left)."""

from __future__ import annotations

from generator.load.dataset import Dataset
from generator.load.kinds.rapportage import Hoofdstuk, KpiRij, Rapportage
from generator.model import kpi
from generator.model.legend import NIVEAU, VGR
from generator.model.people import People
from generator.render.rapportage.leeswijzer import leeswijzer
from generator.render.rapportage.rapport import (
    InhoudRegel,
    Kpi,
    Rapport,
    RapportHoofdstuk,
    RapportParagraaf,
    RapportRij,
    RapportRisico,
    Ster,
)
from generator.text import dutch
from generator.text.typesetting import en_dashes


def build(dataset: Dataset, report_id: str, item: Rapportage) -> Rapport:
    people = dataset.people
    toc: list[InhoudRegel] = []
    if item.inleiding:
        toc.append(InhoudRegel("inleiding", "", "Inleiding", 1))
    toc.append(InhoudRegel("leeswijzer", "", "Leeswijzer", 2 if item.inleiding else 1))
    top = _risicos(dataset, people) if item.risicoparagraaf or item.risicoparagrafen() else []
    chapters = []
    risico_nummer = ""
    for number, hoofdstuk in enumerate(item.hoofdstukken, start=1):
        chapter = _chapter(number, hoofdstuk, top)
        chapters.append(chapter)
        toc.append(InhoudRegel(chapter.id, chapter.nummer, chapter.titel, 1))
        for paragraaf in (*chapter.paragrafen, chapter.uitgelicht, chapter.aandacht):
            if paragraaf is not None:
                toc.append(InhoudRegel(paragraaf.id, paragraaf.nummer, paragraaf.titel, 2))
        for paragraaf in chapter.paragrafen:
            if paragraaf.risicoparagraaf:
                risico_nummer = paragraaf.nummer
    risicos = top if item.risicoparagraaf else []
    if risicos:
        toc.append(InhoudRegel("risicoparagraaf", "", "Risicoparagraaf", 1))
    groups, gemist = _kpis(item)
    if groups:
        toc.append(InhoudRegel("bijlage", "", "Bijlage: realisatie prestatie-indicatoren", 1))
        if gemist:
            toc.append(InhoudRegel("toelichting-bijlage", "", "Toelichting op de bijlage", 2))
    org = dataset.organisatie
    if item.afzender:
        organisatie, onderdeel = item.afzender.ministerie, item.afzender.onderdeel or ""
    else:
        organisatie = org.naam if org else ""
        onderdeel = org.onderdeel if org and org.onderdeel else ""
    periode = f"{dutch.long_date(item.periode.van)} tot en met {dutch.long_date(item.periode.tot)}"
    rapport = Rapport(
        id=report_id,
        titel=item.titel,
        periode=periode,
        organisatie=organisatie,
        onderdeel=onderdeel,
        inleiding=item.inleiding,
        legend=VGR.statuses,
        hoofdstukken=chapters,
        risicos=risicos,
        kpis=groups,
        gemist=gemist,
        toc=toc,
        openbaar=dataset.openbaar,
        plaats=item.plaats,
        datum=dutch.long_date(item.datum) if item.datum else None,
        colofon=item.colofon,
        risico_nummer=risico_nummer,
    )
    rapport.leeswijzer = leeswijzer(rapport)
    return rapport


def _chapter(number: int, hoofdstuk: Hoofdstuk, top: list[RapportRisico]) -> RapportHoofdstuk:
    paragrafen = [
        RapportParagraaf(
            f"p{number}-{index}",
            f"{number}.{index}",
            p.titel,
            list(p.resultaten),
            p.tekst,
            p.risicoparagraaf,
            top if p.risicoparagraaf else [],
        )
        for index, p in enumerate(hoofdstuk.paragrafen, start=1)
    ]
    groepen: dict[str, list[RapportRij]] = {}
    uitgelicht: list[Ster] = []
    aandacht: list[Ster] = []
    for index, activiteit in enumerate(hoofdstuk.activiteiten, start=1):
        ster = ster_id = None
        naam = activiteit.naam
        groep = activiteit.groep
        if activiteit.uitgelicht:
            ster, ster_id = "uitgelicht", f"u{number}-{index}"
            uitgelicht.append(Ster(ster_id, naam, groep, activiteit.uitgelicht))
        if activiteit.aandacht:
            ster, ster_id = "aandacht", f"a{number}-{index}"
            aandacht.append(Ster(ster_id, naam, groep, activiteit.aandacht))
        groepen.setdefault(groep, []).append(
            RapportRij(naam, VGR[activiteit.status], ster, ster_id)
        )
    chapter = RapportHoofdstuk(
        f"h{number}",
        str(number),
        hoofdstuk.titel,
        hoofdstuk.tekst,
        paragrafen,
        list(groepen.items()),
    )
    next_number = len(paragrafen) + 1
    if uitgelicht:
        chapter.uitgelicht = RapportParagraaf(
            f"p{number}-uitgelicht", f"{number}.{next_number}", "Uitgelicht", [], None
        )
        chapter.uitgelicht_items = uitgelicht
        next_number += 1
    if aandacht:
        chapter.aandacht = RapportParagraaf(
            f"p{number}-aandacht", f"{number}.{next_number}", "Aandacht", [], None
        )
        chapter.aandacht_items = aandacht
    return chapter


def _kpis(item: Rapportage) -> tuple[list[tuple[str, list[Kpi]]], list[Kpi]]:
    groups: list[tuple[str, list[Kpi]]] = []
    gemist: list[Kpi] = []
    for g, groep in enumerate(item.kpis, start=1):
        rows = []
        for r, rij in enumerate(groep.rijen, start=1):
            row = _kpi(f"kpi-{g}-{r}", rij)
            rows.append(row)
            if row.oordeel is kpi.Oordeel.NIET_VOLDAAN:
                gemist.append(row)
        groups.append((groep.groep, rows))
    return groups, gemist


def _kpi(kpi_id: str, rij: KpiRij) -> Kpi:
    return Kpi(
        kpi_id,
        rij.naam,
        en_dashes(kpi.shown_norm(rij.norm)),
        en_dashes(rij.realisatie),  # "82,9% - 85,7%" as Dutch style writes it: 82,9%–85,7%
        kpi.judge(rij.norm, rij.realisatie, rij.beoordeling),
        rij.toelichting,
        kpi.judge(rij.norm, rij.realisatie),
        rij.beoordeling_reden,
    )


def _risicos(dataset: Dataset, people: People) -> list[RapportRisico]:
    log = dataset.risicolog
    if log is None:
        return []
    return [
        RapportRisico(
            r.id,
            r.titel,
            NIVEAU[r.kans],
            NIVEAU[r.impact],
            people.unit_of(r.eigenaar) if r.eigenaar else None,
            r.omschrijving,
            r.beheersmaatregelen,
        )
        for r in log.risicos
        if r.top
    ]
