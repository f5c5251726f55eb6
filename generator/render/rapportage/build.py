"""One progress report as its readers meet it: numbered chapters and paragraphs, a table of
contents, activity tables by group, starred activities gathered, KPIs judged, top risks. People
are named through the dataset's registry (the public version's has no names left)."""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.load.dataset import Dataset
from generator.load.kinds.rapportage import Hoofdstuk, KpiRij, Rapportage
from generator.model import kpi
from generator.model.legend import NIVEAU, VGR, Status
from generator.model.people import People
from generator.text import dutch


@dataclass(frozen=True)
class Entry:
    """A line of the table of contents."""

    id: str
    nummer: str
    titel: str
    level: int


@dataclass(frozen=True)
class RapportParagraaf:
    id: str
    nummer: str
    titel: str
    resultaten: list[str]
    tekst: str | None


@dataclass(frozen=True)
class RapportRij:
    naam: str
    status: Status
    ster: str | None  # "uitgelicht" | "aandacht"
    ster_id: str | None


@dataclass(frozen=True)
class Ster:
    id: str
    naam: str
    groep: str
    tekst: str


@dataclass
class Chapter:
    id: str
    nummer: str
    titel: str
    tekst: str | None
    paragrafen: list[RapportParagraaf]
    groepen: list[tuple[str, list[RapportRij]]]
    uitgelicht: RapportParagraaf | None = None
    uitgelicht_items: list[Ster] = field(default_factory=list)
    aandacht: RapportParagraaf | None = None
    aandacht_items: list[Ster] = field(default_factory=list)


@dataclass(frozen=True)
class Kpi:
    id: str
    naam: str
    norm: str
    realisatie: str
    oordeel: kpi.Oordeel
    toelichting: str | None

    @property
    def label(self) -> str:
        return kpi.LABELS[self.oordeel]

    @property
    def symbol(self) -> str:
        return kpi.SYMBOLS[self.oordeel]


@dataclass(frozen=True)
class RapportRisico:
    id: str
    titel: str
    kans: Status
    impact: Status
    eigenaar: str | None
    omschrijving: str | None
    beheersmaatregelen: str | None


@dataclass
class Rapport:
    """A rapportage laid out for its readers: numbered, with contents, stars gathered, KPIs
    judged (the input, as editors write it, is ``kinds.rapportage.Rapportage``)."""

    id: str
    titel: str
    periode: str
    organisatie: str
    onderdeel: str
    inleiding: str | None
    legend: tuple[Status, ...]
    hoofdstukken: list[Chapter]
    risicos: list[RapportRisico]
    kpis: list[tuple[str, list[Kpi]]]
    gemist: list[Kpi]
    toc: list[Entry]
    openbaar: bool

    @property
    def samenvatting(self) -> str:
        judged = [k for _, rows in self.kpis for k in rows if k.oordeel is not kpi.Oordeel.GEEN]
        met = sum(k.oordeel is kpi.Oordeel.VOLDAAN for k in judged)
        return (
            f"{self.titel}, {self.periode}: {met} van {len(judged)} prestatie-indicatoren voldaan."
        )


def build(dataset: Dataset, report_id: str, item: Rapportage) -> Rapport:
    people = dataset.people
    toc: list[Entry] = []
    if item.inleiding:
        toc.append(Entry("inleiding", "", "Inleiding", 1))
    toc.append(Entry("leeswijzer", "", "Leeswijzer", 2 if item.inleiding else 1))
    chapters = []
    for number, hoofdstuk in enumerate(item.hoofdstukken, start=1):
        chapter = _chapter(number, hoofdstuk)
        chapters.append(chapter)
        toc.append(Entry(chapter.id, chapter.nummer, chapter.titel, 1))
        for paragraaf in (*chapter.paragrafen, chapter.uitgelicht, chapter.aandacht):
            if paragraaf is not None:
                toc.append(Entry(paragraaf.id, paragraaf.nummer, paragraaf.titel, 2))
    risicos = _risicos(dataset, people) if item.risicoparagraaf else []
    if risicos:
        toc.append(Entry("risicoparagraaf", "", "Risicoparagraaf", 1))
    groups, gemist = _kpis(item)
    if groups:
        toc.append(Entry("bijlage", "", "Bijlage: realisatie prestatie-indicatoren", 1))
        if gemist:
            toc.append(Entry("toelichting-bijlage", "", "Toelichting op de bijlage", 1))
    org = dataset.organisatie
    periode = f"{dutch.long_date(item.periode.van)} tot en met {dutch.long_date(item.periode.tot)}"
    return Rapport(
        id=report_id,
        titel=item.titel,
        periode=periode,
        organisatie=org.naam if org else "",
        onderdeel=org.onderdeel if org and org.onderdeel else "",
        inleiding=item.inleiding,
        legend=VGR.statuses,
        hoofdstukken=chapters,
        risicos=risicos,
        kpis=groups,
        gemist=gemist,
        toc=toc,
        openbaar=dataset.openbaar,
    )


def _chapter(number: int, hoofdstuk: Hoofdstuk) -> Chapter:
    paragrafen = [
        RapportParagraaf(
            f"p{number}-{index}",
            f"{number}.{index}",
            p.titel,
            list(p.resultaten),
            p.tekst,
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
    chapter = Chapter(
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
        rij.norm or "–",
        rij.realisatie,
        kpi.judge(rij.norm, rij.realisatie, rij.beoordeling),
        rij.toelichting,
    )


def _risicos(dataset: Dataset, people: People) -> list[RapportRisico]:
    logs = dataset.items("risico")
    if not logs:
        return []
    return [
        RapportRisico(
            r.id,
            r.titel,
            NIVEAU[r.kans],
            NIVEAU[r.impact],
            people.name(r.eigenaar) if r.eigenaar else None,
            r.omschrijving,
            r.beheersmaatregelen,
        )
        for r in logs[0].risicos
        if r.top
    ]
