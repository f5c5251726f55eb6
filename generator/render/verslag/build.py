"""The verslag of one meeting, laid out for its writers: date, time and place, the participants
per side, then numbered points (the opening, each agenda item that was discussed, the
rondvraag, the closing) with the discussion in Markdown.

The decisions and actions in it are the besluitenlijst's own (``render.besluiten.build``): the
same numbers, texts, actiehouders and deadlines, so the two documents of one meeting never
contradict each other. Functions and organisations are printed as written; a person id is a
name, which the public version's dataset has already made "Persoonsgegevens".
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.load.dataset import Dataset
from generator.load.kinds.vergadering import SOORTEN, Vergadering
from generator.render.besluiten import (
    Actieregel,
    Besluitenlijst,
    Besluitregel,
    punt_nummer,
)
from generator.render.besluiten import build as besluitenlijst
from generator.text import dutch


@dataclass(frozen=True)
class Deelnemers:
    """Who was there for one side (a delegatie as the verslag lists it)."""

    #: the side ("Rijk", "VNG"); empty for a meeting that lists who was there as one list
    partij: str
    leden: tuple[str, ...]

    @property
    def kop(self) -> str:
        return f"Deelnemers {self.partij}:" if self.partij else "Aanwezig:"


@dataclass(frozen=True)
class VerslagOnderwerp:
    """An agenda item (a sub-item outside the SCT) under a point: what was said, decided and
    agreed on it."""

    titel: str
    tekst: str | None
    besluiten: tuple[Besluitregel, ...] = ()
    acties: tuple[Actieregel, ...] = ()


@dataclass(frozen=True)
class VerslagPunt:
    """A numbered point of the verslag: the opening, an agenda rubriek with what was said and
    decided under it, the rondvraag."""

    nummer: int
    titel: str
    tekst: str | None
    onderwerpen: tuple[VerslagOnderwerp, ...] = ()


@dataclass(frozen=True)
class Verslag:
    titel: str
    soort: str
    organisatie: str
    onderdeel: str
    datum: str
    tijd: str | None
    plaats: str | None
    deelnemers: tuple[Deelnemers, ...]
    punten: tuple[VerslagPunt, ...]
    openbaar: bool

    @property
    def besluiten(self) -> tuple[Besluitregel, ...]:
        return tuple(b for p in self.punten for o in p.onderwerpen for b in o.besluiten)

    @property
    def acties(self) -> tuple[Actieregel, ...]:
        return tuple(a for p in self.punten for o in p.onderwerpen for a in o.acties)

    @property
    def samenvatting(self) -> str:
        count = len(self.punten)
        return (
            f"{self.titel}, {self.datum}: {count} punt{'en' * (count != 1)}, "
            f"{len(self.besluiten)} besluit(en), {len(self.acties)} actie(s)."
        )


def build(dataset: Dataset, meeting: Vergadering) -> Verslag:
    lijst = besluitenlijst(dataset, meeting)
    punten: list[VerslagPunt] = []

    def add(titel: str, tekst: str | None, onderwerpen: tuple[VerslagOnderwerp, ...] = ()) -> None:
        punten.append(VerslagPunt(len(punten) + 1, titel, tekst, onderwerpen))

    if meeting.opening:
        add("Opening", meeting.opening)
    for r, rubriek in enumerate(meeting.agenda, start=1):
        onderwerpen = tuple(_onderwerpen(meeting, lijst, r))
        if rubriek.verslag or onderwerpen:
            add(rubriek.verslag_titel or rubriek.rubriek, rubriek.verslag, onderwerpen)
    if meeting.rondvraag:
        add("Rondvraag", meeting.rondvraag)
    if meeting.sluiting:
        add("Afsluiting", meeting.sluiting)
    org = dataset.organisatie
    return Verslag(
        titel=f"Verslag {meeting.titel}",
        soort=SOORTEN[meeting.soort].label,
        organisatie=org.naam if org else "",
        onderdeel=(org.onderdeel or "") if org else "",
        datum=dutch.long_date(meeting.datum),
        tijd=meeting.tijd,
        plaats=meeting.plaats,
        deelnemers=_deelnemers(dataset, meeting),
        punten=tuple(punten),
        openbaar=dataset.openbaar,
    )


def _onderwerpen(meeting: Vergadering, lijst: Besluitenlijst, r: int) -> list[VerslagOnderwerp]:
    besluiten = {punt.nummer: punt.besluiten for punt in lijst.punten}
    acties = {regel.nr: regel for regel in lijst.acties}
    found = []
    for i, item in enumerate(meeting.agenda[r - 1].items):
        eigen = tuple(acties[meeting.actiepunt_id(a)] for a in item.acties)
        decided = besluiten.get(punt_nummer(meeting, r, i), ())
        if item.verslag or decided or eigen:
            found.append(VerslagOnderwerp(item.titel, item.verslag, decided, eigen))
    return found


def _deelnemers(dataset: Dataset, meeting: Vergadering) -> tuple[Deelnemers, ...]:
    people = dataset.people
    org = dataset.organisatie
    functies = {p.id: p.functie for p in org.personen} if org else {}
    result = []
    for delegatie in meeting.deelnemers:
        leden: list[str] = []
        for lid in delegatie.leden:
            name = people.name(lid)
            if lid in functies and functies[lid] and not dataset.openbaar:
                # the function of a civil servant would say who it is: internal only
                name = f"{name} ({functies[lid]})"
            if name not in leden:
                leden.append(name)
        result.append(Deelnemers(delegatie.partij, tuple(leden)))
    if not result and meeting.aanwezig:
        # the SCT's list of who was there, not split by side
        result.append(Deelnemers("", tuple(people.names_of(meeting.aanwezig))))
    return tuple(result)
