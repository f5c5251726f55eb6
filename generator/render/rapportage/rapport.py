"""The report laid out for its readers, as data: what build.py makes and leeswijzer.py and the
writers (html.py, pdf.py) read. Apart from build.py so that the reading guide, which is written
from a finished report, and the writers import the shape, not the algorithm."""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.model import kpi
from generator.model.legend import Status


@dataclass(frozen=True)
class Leeswijzer:
    #: what the report holds: a paragraph per chapter, then the risks
    inhoud: tuple[str, ...] = ()
    #: the sentence that leads into the status legend; None when there is no activity table
    legenda: str | None = None
    #: where a starred activity leads; None when no activity is starred
    sterren: str | None = None
    #: the annex, and how its verdicts read
    bijlage: tuple[str, ...] = ()


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
class InhoudRegel:
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
class RapportHoofdstuk:
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
    hoofdstukken: list[RapportHoofdstuk]
    risicos: list[RapportRisico]
    kpis: list[tuple[str, list[Kpi]]]
    gemist: list[Kpi]
    toc: list[InhoudRegel]
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
