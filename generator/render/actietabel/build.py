"""The action table as its readers see it: sections, sub-sections, rows, counts; every text
already through ``People`` (names, Woo), so the format writers only lay it out."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from generator.exceptions import UsageError
from generator.load.dataset import Dataset
from generator.load.kinds.actie import Actie
from generator.load.kinds.actietabel import Actietabel
from generator.model.legend import ACTIE
from generator.quoting import did_you_mean
from generator.text import dutch

COLUMNS = ("Actie", "Omschrijving", "Stand van zaken")
#: the statuses as counted in the introduction ("21 lopend")
COUNTED = {"nog_niet_gestart": "nog niet gestart", "loopt": "lopend", "afgerond": "afgerond"}


@dataclass(frozen=True)
class Row:
    nummer: int
    omschrijving: str  # Markdown
    moties: tuple[str, ...]
    eigenaar: str | None
    status: str
    stand_van_zaken: str  # Markdown
    bijgewerkt: dt.date | None
    gewijzigd: bool

    @property
    def status_label(self) -> str:
        return ACTIE[self.status].label

    @property
    def afgerond(self) -> bool:
        return self.status == "afgerond"

    @property
    def moties_text(self) -> str:
        return "; ".join(self.moties)


@dataclass
class Subsectie:
    """A sub-section (``titel`` None: the rows of the section without one)."""

    titel: str | None
    rows: list[Row] = field(default_factory=list)


@dataclass
class Sectie:
    titel: str
    groups: list[Subsectie] = field(default_factory=list)

    @property
    def rows(self) -> list[Row]:
        return [row for group in self.groups for row in group.rows]


@dataclass
class Tabel:
    titel: str
    inleiding: str | None  # Markdown
    stand_per: dt.date | None
    organisatie: str
    secties: list[Sectie]
    #: what the changes are measured against ("v2021-03"), None without --gewijzigd-sinds
    sinds: str | None
    #: the filters that were applied, in words, for the intro line
    filters: list[str]
    openbaar: bool
    #: the part of the organisation (organisatie.yaml's onderdeel), for the cover's name block
    onderdeel: str = ""

    @property
    def rows(self) -> list[Row]:
        return [row for sectie in self.secties for row in sectie.rows]

    @property
    def samenvatting(self) -> str:
        """'30 acties: 6 afgerond, 21 lopen, 3 nog niet gestart. 4 gewijzigd sinds v1.'"""
        rows = self.rows
        counts = Counter(row.status for row in rows)
        parts = [f"{counts[v]} {COUNTED[v]}" for v in ACTIE.values if counts[v]]
        text = f"{len(rows)} {'actie' if len(rows) == 1 else 'acties'}"
        if parts:
            text += ": " + ", ".join(parts)
        text += "."
        if self.sinds is not None:
            aantal = sum(row.gewijzigd for row in rows)
            text += f" {aantal} gewijzigd sinds {self.sinds}."
        if self.filters:
            text += " Selectie: " + "; ".join(self.filters) + "."
        return text

    @property
    def stand_per_text(self) -> str:
        return f"Stand per {dutch.long_date(self.stand_per)}" if self.stand_per else ""


def build(
    dataset: Dataset,
    *,
    secties: Iterable[str] = (),
    statussen: Iterable[str] = (),
    gewijzigd: set[int] | None = None,
    sinds: str | None = None,
) -> Tabel:
    units = dataset.people.unit_of
    config = dataset.actietabel or Actietabel()
    acties = dataset.acties
    wanted_secties = _match_secties(acties, list(secties))
    wanted_status = set(statussen)
    filters = []
    if wanted_secties:
        filters.append("sectie " + ", ".join(sorted(wanted_secties)))
    if wanted_status:
        filters.append(
            "status "
            + ", ".join(ACTIE[s].label.lower() for s in ACTIE.values if s in wanted_status)
        )
    by_sectie: dict[str, list[Actie]] = {}
    for actie in acties:
        if wanted_secties and actie.sectie not in wanted_secties:
            continue
        if wanted_status and actie.status not in wanted_status:
            continue
        by_sectie.setdefault(actie.sectie, []).append(actie)
    result = []
    for titel, members in sorted(by_sectie.items(), key=lambda item: item[1][0].nummer):
        sectie = Sectie(titel)
        groups: dict[str | None, Subsectie] = {}
        for actie in members:  # in number order: a group's place is its lowest number
            key = actie.subsectie
            if key not in groups:
                groups[key] = Subsectie(key)
                sectie.groups.append(groups[key])
            groups[key].rows.append(_row(actie, units, gewijzigd))
        result.append(sectie)
    org = dataset.organisatie
    if config.afzender:
        organisatie, onderdeel = config.afzender.ministerie, config.afzender.onderdeel or ""
    else:
        organisatie = org.naam if org else ""
        onderdeel = (org.onderdeel or "") if org else ""
    return Tabel(
        titel=config.titel,
        inleiding=config.inleiding,
        stand_per=config.stand_per,
        organisatie=organisatie,
        secties=result,
        sinds=sinds,
        filters=filters,
        openbaar=dataset.openbaar,
        onderdeel=onderdeel,
    )


def _row(actie: Actie, units: Callable[[str], str | None], gewijzigd: set[int] | None) -> Row:
    return Row(
        nummer=actie.nummer,
        omschrijving=actie.omschrijving,
        moties=tuple(actie.moties),
        # a unit, never a person's name: the table goes to the Kamer
        eigenaar=units(actie.eigenaar) if actie.eigenaar else None,
        status=actie.status,
        stand_van_zaken=actie.stand_van_zaken,
        bijgewerkt=actie.bijgewerkt,
        gewijzigd=gewijzigd is not None and actie.nummer in gewijzigd,
    )


def _match_secties(acties: list[Actie], asked: list[str]) -> set[str]:
    known = sorted({a.sectie for a in acties})
    by_lower = {name.lower(): name for name in known}
    chosen = set()
    for name in asked:
        match = by_lower.get(name.strip().lower())
        if match is None:
            raise UsageError(
                f"unknown sectie '{name}'{did_you_mean(name, known)}; the secties are: "
                + ", ".join(known)
            )
        chosen.add(match)
    return chosen


def gewijzigd(old: Dataset, new: Dataset) -> set[int]:
    """Numbers of the actions that are new, or differ in any field, compared with ``old``."""
    before = {a.nummer: a for a in old.acties}
    return {a.nummer for a in new.acties if before.get(a.nummer) != a}
