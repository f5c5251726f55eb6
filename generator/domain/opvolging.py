"""The actiepunten of every SCT meeting, followed from meeting to meeting.

An actiepunt is agreed under an agenda item (vergaderingen/*.yaml, ``acties``) and stays open
until a later meeting lists its id under ``afgerond``, or its own ``status`` says afgerond. The
besluitenlijst, the deck's "Openstaande acties", the deadline radar, the planning and the diff
all ask this module, so that "open" means the same everywhere.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from generator.load.kinds.vergadering import Actiepunt, AgendaItem, Vergadering
from generator.model.deadline import verlopen


@dataclass(frozen=True)
class Opvolging:
    """One actiepunt with the meeting it comes from and the meeting that closed it."""

    id: str
    vergadering: Vergadering
    agendaitem: AgendaItem
    actiepunt: Actiepunt
    #: the date of the later meeting that recorded it done, if one did
    afgerond_op: dt.date | None

    def afgerond(self, datum: dt.date | None = None) -> bool:
        """Done as the data stands (``datum`` None), or as of the meeting of ``datum``."""
        if self.actiepunt.status == "afgerond":
            return True
        if self.afgerond_op is None:
            return False
        return datum is None or self.afgerond_op <= datum

    @property
    def status(self) -> str:
        """The action legend's value: afgerond when done, else its own status or "loopt"."""
        if self.afgerond():
            return "afgerond"
        return self.actiepunt.status or "loopt"

    def leeftijd(self, peildatum: dt.date) -> int:
        """Days since the meeting that agreed it."""
        return (peildatum - self.vergadering.datum).days

    def verlopen(self, peildatum: dt.date) -> bool:
        return verlopen(self.actiepunt.deadline, self.status, peildatum)


def opvolging(meetings: Iterable[Vergadering]) -> list[Opvolging]:
    """Every actiepunt of every meeting, in meeting and number order."""
    ordered = sorted(meetings, key=lambda m: m.datum)
    closed: dict[str, dt.date] = {}
    for meeting in ordered:
        for ident in meeting.afgerond:
            closed.setdefault(ident, meeting.datum)
    found = []
    for meeting in ordered:
        for rubriek in meeting.agenda:
            for item in rubriek.items:
                for actiepunt in item.acties:
                    ident = meeting.actiepunt_id(actiepunt)
                    found.append(Opvolging(ident, meeting, item, actiepunt, closed.get(ident)))
    return sorted(found, key=lambda o: (o.vergadering.datum, o.actiepunt.nr))


def open_voor(alle: Iterable[Opvolging], meeting: Vergadering) -> list[Opvolging]:
    """The actiepunten of earlier meetings still open at ``meeting`` (not closed in it)."""
    return [
        o for o in alle if o.vergadering.datum < meeting.datum and not o.afgerond(meeting.datum)
    ]


def afgerond_in(alle: Iterable[Opvolging], meeting: Vergadering) -> list[Opvolging]:
    """The actiepunten of earlier meetings that ``meeting`` records as done."""
    return [o for o in alle if o.afgerond_op == meeting.datum]


def open_nu(alle: Iterable[Opvolging]) -> list[Opvolging]:
    """The actiepunten no meeting has closed yet."""
    return [o for o in alle if not o.afgerond()]
