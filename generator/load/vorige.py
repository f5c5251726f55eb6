"""The data as of the previous SCT: what "Voor het SCT" compares today's statuses with.

The previous meeting is the latest SCT before this one (a bestuurlijk overleg in between is
not where changes are counted from); the data it saw is the data folder as it stood at the end
of that day, read from git by ``history.vorige`` before the deck is rendered. This module holds
only the result and the date rule, so that the deck can ask them without reaching git."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from generator.load.kinds.vergadering import Vergadering
from generator.load.kinds.werkstroom import Werkstroom


@dataclass(frozen=True)
class Vorige:
    """The previous SCT's date and the workstreams as they stood at the end of it."""

    #: None: there is no earlier SCT in the data
    datum: dt.date | None
    #: None: they cannot be known (``warning`` says why) or were not asked for
    werkstromen: list[Werkstroom] | None = None
    #: why they cannot be known, for whoever builds the deck (stderr), not for the chair
    warning: str | None = None


def previous_sct(meetings: Iterable[Vergadering], meeting: Vergadering) -> dt.date | None:
    """The date of the latest SCT before ``meeting``."""
    return max((m.datum for m in meetings if m.sct and m.datum < meeting.datum), default=None)
