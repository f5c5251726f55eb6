"""Work rows: every opdracht, hoofdactie and eindresultaat of the workstreams, and every
actiepunt of the SCT, as one row with the status, deadline and trekker that hold for it.

The deck (Voor het SCT and its details), the planning and the deadline radar all list work;
they ask this module, so that "a hoofdactie without a status of its own has its opdracht's"
and "the trekker is the opdracht's, else the workstream's" are decided in one place."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from generator.domain.opvolging import Opvolging
from generator.load.kinds.werkstroom import Opdracht, Werkstroom
from generator.model.deadline import Deadline
from generator.model.legend import ACTIE, SCT, effective_status
from generator.text.lines import plain

#: what a row is: a workstream's rows, and an action agreed in an SCT meeting
OPDRACHT, HOOFDACTIE, EINDRESULTAAT = "Opdracht", "Hoofdactie", "Eindresultaat"
ACTIEPUNT = "Actie SCT"


@dataclass(frozen=True)
class Work:
    """One row of work with its effective status, deadline and trekker: an opdracht, one of its
    hoofdacties or eindresultaten (their own status or their opdracht's, their opdracht's
    trekker), or an actiepunt (its id as ``nummer``, its actiehouder as trekker)."""

    soort: str  # OPDRACHT | HOOFDACTIE | EINDRESULTAAT | ACTIEPUNT
    nummer: str  # the opdracht's number, or the actiepunt's id
    titel: str
    deadline: Deadline | None
    #: the status that holds for it
    status: str
    #: its own status (None: a row that follows its opdracht's)
    eigen: str | None
    trekker: str | None  # person id: the opdracht's, else the workstream's; the actiehouder
    toelichting: str | None
    werkstroom: Werkstroom | None = None
    opdracht: Opdracht | None = None
    actiepunt: Opvolging | None = None

    @property
    def due(self) -> dt.date | None:
        return self.deadline.due if self.deadline is not None else None

    @property
    def status_label(self) -> str:
        return (ACTIE if self.actiepunt else SCT)[self.status].label

    @property
    def rol(self) -> str:
        return "Actiehouder" if self.actiepunt else "Trekker"


def work(werkstromen: Iterable[Werkstroom]) -> Iterator[Work]:
    """Every opdracht of every workstream, each followed by its hoofdacties and eindresultaten."""
    for werkstroom in werkstromen:
        for opdracht in werkstroom.opdrachten:
            yield from opdracht_work(werkstroom, opdracht)


def opdracht_work(werkstroom: Werkstroom, opdracht: Opdracht) -> Iterator[Work]:
    """The opdracht, then its hoofdacties, then its eindresultaten."""
    trekker = opdracht.trekker or werkstroom.trekker
    status, nummer = opdracht.status, opdracht.nummer
    yield Work(
        OPDRACHT, nummer, opdracht.titel, opdracht.deadline, status, status, trekker,
        opdracht.toelichting, werkstroom, opdracht,
    )  # fmt: skip
    for actie in opdracht.hoofdacties:
        toelichting = "\n".join(filter(None, (*actie.subacties, actie.toelichting)))
        yield Work(
            HOOFDACTIE, nummer, actie.titel, actie.deadline, effective_status(actie, opdracht),
            actie.status, trekker, toelichting or None, werkstroom, opdracht,
        )  # fmt: skip
    for resultaat in opdracht.eindresultaten:
        yield Work(
            EINDRESULTAAT, nummer, resultaat.titel, resultaat.deadline,
            effective_status(resultaat, opdracht),
            resultaat.status, trekker, resultaat.toelichting, werkstroom, opdracht,
        )  # fmt: skip


def rows(opdracht: Opdracht, werkstroom: Werkstroom) -> list[Work]:
    """The opdracht's hoofdacties and eindresultaten, without the opdracht itself."""
    return [w for w in opdracht_work(werkstroom, opdracht) if w.soort != OPDRACHT]


def actiepunt_work(opvolgingen: Iterable[Opvolging]) -> Iterator[Work]:
    """The actiepunten as work: the actiehouder is who the radar and the planning hold to it."""
    for o in opvolgingen:
        punt = o.actiepunt
        yield Work(
            ACTIEPUNT, o.id, plain(punt.wat), punt.deadline, o.status, punt.status,
            punt.actiehouder, None, actiepunt=o,
        )  # fmt: skip
