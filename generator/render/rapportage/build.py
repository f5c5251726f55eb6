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
from generator.render.rapportage.leeswijzer import Leeswijzer, leeswijzer
from generator.text import dutch
from generator.text.typesetting import en_dashes


@dataclass(frozen=True)
class RapportRisico:
    id: str
    titel: str
    kans: Status
    impact: Status
    eigenaar: str | None
    omschrijving: str | None
    beheersmaatregelen: str | None


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
    #: whether this is the risk paragraph, and the top risks it then lists
    risicoparagraaf: bool = False
    risicos: list[RapportRisico] = field(default_factory=list)


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

    @property
    def tabel_na(self) -> int:
        """How many paragraphs precede the activity table: all that describe the chapter's
        work, so the table stands in the same place in every chapter, after that work and
        before the sections that are not about it (the risk paragraph; then the gathered
        uitgelicht and aandacht). After the risks it read as part of the last risk."""
        return next(
            (i for i, p in enumerate(self.paragrafen) if p.risicoparagraaf), len(self.paragrafen)
        )


@dataclass(frozen=True)
class Kpi:
    id: str
    naam: str
    norm: str
    realisatie: str
    oordeel: kpi.Oordeel
    toelichting: str | None
    #: what norm and realisatie say, before an explicit beoordeling
    berekend: kpi.Oordeel = kpi.Oordeel.GEEN
    #: why the beoordeling overrules it (Markdown)
    reden: str | None = None

    @property
    def bijgesteld(self) -> bool:
        """Whether an explicit beoordeling overrules what norm and realisatie say."""
        return self.oordeel is not self.berekend

    @property
    def noot(self) -> str | None:
        """The footnote to an overruled verdict (Markdown): that it was adjusted, what norm and
        realisatie alone say, and why. The row itself shows the verdict only, as the summary
        counts it: a second verdict under the first read as a contradiction."""
        if not self.bijgesteld:
            return None
        said = f"Oordeel bijgesteld; naar norm en realisatie alleen: {self.berekend_label}."
        return f"{said} {' '.join(self.reden.split())}" if self.reden else said

    @property
    def label(self) -> str:
        return kpi.LABELS[self.oordeel]

    @property
    def berekend_label(self) -> str:
        return kpi.LABELS[self.berekend]

    @property
    def symbol(self) -> str:
        return kpi.SYMBOLS[self.oordeel]


@dataclass
class Rapport:
    """A rapportage laid out for its readers: numbered, with contents, stars gathered, KPIs
    judged (the input, as editors write it, is ``kinds.rapportage.Rapportage``)."""

    id: str
    titel: str
    periode: str
    #: the issuer: the ministry (or organisation) and its directorate, for the name block
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
    leeswijzer: Leeswijzer = field(default_factory=Leeswijzer)
    #: where and when it is issued ("Den Haag", "15 november 2021"), and the colofon's own text
    plaats: str | None = None
    datum: str | None = None
    colofon: str | None = None
    #: the risk paragraph's number inside a chapter ("3.6"), "" for one after the chapters
    risico_nummer: str = ""

    @property
    def uitgave(self) -> list[str]:
        """The colofon's lines: who issues it, where and when."""
        lines = ["Dit is een uitgave van"]
        lines += [line for line in (self.onderdeel, self.organisatie) if line]
        when = ", ".join(part for part in (self.plaats, self.datum) if part)
        return [*lines, when] if when else lines

    @property
    def samenvatting(self) -> str:
        judged = [k for _, rows in self.kpis for k in rows if k.oordeel is not kpi.Oordeel.GEEN]
        met = sum(k.oordeel is kpi.Oordeel.VOLDAAN for k in judged)
        adjusted = sum(k.bijgesteld for k in judged)
        # the summary counts verdicts as the rows show them, and says how many were adjusted
        after = f" ({adjusted} na bijstelling van het oordeel)" if adjusted else ""
        return (
            f"{self.titel}, {self.periode}: {met} van {len(judged)} prestatie-indicatoren "
            f"voldaan{after}."
        )


def build(dataset: Dataset, report_id: str, item: Rapportage) -> Rapport:
    people = dataset.people
    toc: list[Entry] = []
    if item.inleiding:
        toc.append(Entry("inleiding", "", "Inleiding", 1))
    toc.append(Entry("leeswijzer", "", "Leeswijzer", 2 if item.inleiding else 1))
    top = _risicos(dataset, people) if item.risicoparagraaf or item.risicoparagrafen() else []
    chapters = []
    risico_nummer = ""
    for number, hoofdstuk in enumerate(item.hoofdstukken, start=1):
        chapter = _chapter(number, hoofdstuk, top)
        chapters.append(chapter)
        toc.append(Entry(chapter.id, chapter.nummer, chapter.titel, 1))
        for paragraaf in (*chapter.paragrafen, chapter.uitgelicht, chapter.aandacht):
            if paragraaf is not None:
                toc.append(Entry(paragraaf.id, paragraaf.nummer, paragraaf.titel, 2))
        for paragraaf in chapter.paragrafen:
            if paragraaf.risicoparagraaf:
                risico_nummer = paragraaf.nummer
    risicos = top if item.risicoparagraaf else []
    if risicos:
        toc.append(Entry("risicoparagraaf", "", "Risicoparagraaf", 1))
    groups, gemist = _kpis(item)
    if groups:
        toc.append(Entry("bijlage", "", "Bijlage: realisatie prestatie-indicatoren", 1))
        if gemist:
            toc.append(Entry("toelichting-bijlage", "", "Toelichting op de bijlage", 2))
    org = dataset.organisatie
    if item.afzender:
        organisatie, onderdeel = item.afzender.ministerie, item.afzender.onderdeel or ""
    else:
        organisatie = org.naam if org else ""
        onderdeel = org.onderdeel if org and org.onderdeel else ""
    periode = f"{dutch.long_date(item.periode.van)} tot en met {dutch.long_date(item.periode.tot)}"
    report = Rapport(
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
    report.leeswijzer = leeswijzer(report)
    return report


def _chapter(number: int, hoofdstuk: Hoofdstuk, top: list[RapportRisico]) -> Chapter:
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
