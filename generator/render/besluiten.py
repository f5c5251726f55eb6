"""The actie- en besluitenlijst of one SCT meeting, laid out for its writers: who was there,
the decisions numbered per agenda item, the actions agreed, the actions of earlier meetings
that are still open (with their age) or were closed in this meeting, and the next meeting's
agenda. Every text is final here; the writers (docx, markdown, html, pdf) only place it.

It is at the render level, not in ``render/besluitenlijst/``, because the verslag shows the
same decisions and actions from this same build (so the two documents of one meeting never
contradict each other) and no output package imports another.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from generator.domain.opvolging import Opvolging, afgerond_in, open_voor, opvolging
from generator.load.dataset import Dataset
from generator.load.kinds.vergadering import Vergadering
from generator.model.legend import ACTIE, UITKOMST
from generator.text import dutch
from generator.text.dutch import letter
from generator.text.lines import plain

#: the columns of every action table, in the order the bureau's list has them
COLUMNS = ("Nr.", "Actie", "Actiehouder", "Deadline", "Status")
PERSOONSGEGEVENS_NOTE = "Namen van personen zijn vervangen door 'Persoonsgegevens' (Woo)."

# The words of the list, here once: every writer (DOCX, Markdown, PDF, HTML) prints these.
#: the sections' headings
BESLUITEN = "Besluiten"
ACTIES = "Acties uit dit overleg"
OPENSTAAND = "Openstaande acties uit eerdere overleggen"
AFGEROND = "In dit overleg afgerond"
AANWEZIG = "Aanwezig:"
GEVRAAGD = "Gevraagd:"
#: what an empty section says
GEEN_BESLUITEN = "Er zijn in dit overleg geen besluiten vastgelegd."
GEEN_BESLUIT = "Geen besluit vastgelegd."
GEEN_ACTIES = "Er zijn in dit overleg geen acties afgesproken."
GEEN_OPENSTAAND = "Er staan geen acties uit eerdere overleggen open."
#: the same words by name, for the templates (PDF, HTML)
WOORDEN = {
    "besluiten": BESLUITEN,
    "acties": ACTIES,
    "openstaand": OPENSTAAND,
    "afgerond": AFGEROND,
    "aanwezig": AANWEZIG,
    "gevraagd": GEVRAAGD,
    "geen_besluiten": GEEN_BESLUITEN,
    "geen_besluit": GEEN_BESLUIT,
    "geen_acties": GEEN_ACTIES,
    "geen_openstaand": GEEN_OPENSTAAND,
    "persoonsgegevens_note": PERSOONSGEGEVENS_NOTE,
}


@dataclass(frozen=True)
class Besluitregel:
    """A decision as the list prints it: numbered, with the beslispunt it answers and its
    uitkomst in words (the decision as editors write it is load.kinds.vergadering.Besluit)."""

    nummer: str  # "1A.1"
    beslispunt: int | None  # the number of the beslispunt it answers
    uitkomst: str  # the uitkomst legend's label
    tekst: str

    @property
    def kop(self) -> str:
        """ "Besluit 1A.1 (beslispunt 1): gewijzigd aangenomen"."""
        op = f" (beslispunt {self.beslispunt})" if self.beslispunt else ""
        return f"Besluit {self.nummer}{op}: {self.uitkomst.lower()}"


@dataclass(frozen=True)
class Punt:
    """An agenda item with what was asked and decided."""

    nummer: str  # "1A"
    titel: str
    beslispunten: tuple[str, ...]
    besluiten: tuple[Besluitregel, ...]


@dataclass(frozen=True)
class Actieregel:
    nr: str
    actie: str
    actiehouder: str
    deadline: str
    status: str
    verlopen: bool
    #: for actions of earlier meetings: where they come from and their age in days
    herkomst: str | None = None
    leeftijd: int | None = None

    @property
    def cells(self) -> tuple[str, str, str, str, str]:
        """The row as plain text, for writers without colour: overdue is said in words."""
        deadline = f"{self.deadline} (verlopen)" if self.verlopen else self.deadline
        actie = f"{self.actie} ({self.herkomst})" if self.herkomst else self.actie
        status = self.status
        if self.leeftijd is not None:
            status += f", {dagen(self.leeftijd)} open"
        return (self.nr, actie, self.actiehouder, deadline, status)


@dataclass(frozen=True)
class Volgende:
    titel: str
    datum: str
    agenda: tuple[tuple[str, tuple[str, ...]], ...]  # rubriek, item titles


@dataclass(frozen=True)
class Besluitenlijst:
    titel: str
    organisatie: str
    vergadering: str
    datum: dt.date
    aanwezig: tuple[str, ...]
    punten: tuple[Punt, ...]
    acties: tuple[Actieregel, ...]
    openstaand: tuple[Actieregel, ...]
    afgerond: tuple[Actieregel, ...]
    volgende: Volgende | None
    openbaar: bool

    @property
    def datum_tekst(self) -> str:
        return dutch.long_date(self.datum)

    @property
    def besluiten(self) -> int:
        return sum(len(p.besluiten) for p in self.punten)

    @property
    def kopregel(self) -> str:
        """The line under the title: who issues the list, and when."""
        return ", ".join(x for x in (self.organisatie, self.datum_tekst) if x)

    @property
    def samenvatting(self) -> str:
        """ "Geen besluiten; 1 nieuwe actie; 2 acties uit eerdere overleggen open, waarvan 1
        verlopen." """
        verlopen = sum(a.verlopen for a in self.openstaand)
        parts = [
            aantal(self.besluiten, "besluit", "besluiten"),
            aantal(len(self.acties), "nieuwe actie", "nieuwe acties"),
            aantal(len(self.openstaand), "actie", "acties")
            + " uit eerdere overleggen open"
            + (f", waarvan {verlopen} verlopen" if verlopen else ""),
        ]
        text = "; ".join(parts) + "."
        return text[:1].upper() + text[1:]


def aantal(n: int, een: str, meer: str) -> str:
    """A count in Dutch words: "geen besluiten", "1 besluit", "2 besluiten"."""
    if n == 0:
        return f"geen {meer}"
    return f"{n} {een if n == 1 else meer}"


def punt_nummer(meeting: Vergadering, rubriek: int, item: int) -> str:
    """The number of item ``item`` (from 0) of rubriek ``rubriek`` (from 1): "1A" in the SCT's
    numbered rubrieken, "C2" where the agenda is lettered (any other overleg)."""
    if meeting.sct:
        return f"{rubriek}{letter(item)}"
    return f"{letter(rubriek - 1)}{item + 1}"


def dagen(days: int) -> str:
    return "1 dag" if days == 1 else f"{days} dagen"


def build(dataset: Dataset, meeting: Vergadering) -> Besluitenlijst:
    people = dataset.people
    meetings: list[Vergadering] = dataset.vergaderingen
    alle = opvolging(meetings)
    peildatum = meeting.datum

    def regel(o: Opvolging, *, eerder: bool, open: bool = True) -> Actieregel:
        punt = o.actiepunt
        bron = "SCT" if o.vergadering.sct else o.vergadering.titel
        herkomst = f"{bron} {dutch.long_date(o.vergadering.datum)}" if eerder else None
        return Actieregel(
            o.id,
            plain(punt.wat),
            people.name(punt.actiehouder),
            dutch.deadline(punt.deadline, long=True),
            ACTIE[o.status if eerder else (punt.status or "loopt")].label,
            o.verlopen(peildatum),
            herkomst,
            o.leeftijd(peildatum) if eerder and open else None,
        )

    punten = []
    for r, rubriek in enumerate(meeting.agenda, start=1):
        for i, item in enumerate(rubriek.items):
            if not (item.beslispunten or item.besluiten):
                continue
            nummer = punt_nummer(meeting, r, i)
            vragen = tuple(plain(b) for b in item.beslispunten)
            besluiten = []
            for b, besluit in enumerate(item.besluiten, start=1):
                index = besluit.beslispunt or (1 if len(vragen) == 1 else None)
                tekst = plain(besluit.tekst)
                uitkomst = UITKOMST[besluit.uitkomst].label
                besluiten.append(Besluitregel(f"{nummer}.{b}", index, uitkomst, tekst))
            punten.append(Punt(nummer, item.titel, vragen, tuple(besluiten)))
    eigen = [o for o in alle if o.vergadering is meeting]
    org = dataset.organisatie
    return Besluitenlijst(
        titel=f"Actie- en besluitenlijst {meeting.titel} {dutch.long_date(meeting.datum)}",
        organisatie=org.naam if org else "",
        vergadering=meeting.titel,
        datum=meeting.datum,
        aanwezig=tuple(people.names_of(meeting.aanwezig)),
        punten=tuple(punten),
        acties=tuple(regel(o, eerder=False) for o in eigen),
        openstaand=tuple(regel(o, eerder=True) for o in open_voor(alle, meeting)),
        afgerond=tuple(regel(o, eerder=True, open=False) for o in afgerond_in(alle, meeting)),
        volgende=_volgende(meetings, meeting),
        openbaar=dataset.openbaar,
    )


def _volgende(meetings: list[Vergadering], meeting: Vergadering) -> Volgende | None:
    # the next meeting of the same kind: a bestuurlijk overleg is not followed by the SCT
    later = sorted(
        (m for m in meetings if m.datum > meeting.datum and m.soort == meeting.soort),
        key=lambda m: m.datum,
    )
    if not later:
        return None
    nxt = later[0]
    agenda = tuple(
        (
            f"{r}. {rubriek.rubriek}",
            tuple(f"{letter(i)}. {it.titel}" for i, it in enumerate(rubriek.items)),
        )
        for r, rubriek in enumerate(nxt.agenda, start=1)
    )
    return Volgende(nxt.titel, dutch.long_date(nxt.datum), agenda)
