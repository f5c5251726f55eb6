"""The deck's context: what every slide, fixed or a registered part, may ask of the meeting.

Its own module, below both ``build`` (which makes one and walks the agenda) and the slides
(``fixed/``, ``parts/``), so that the slides import the context and never the builder: no
import runs in a circle.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from generator.load.dataset import Dataset
from generator.load.kinds.vergadering import Vergadering
from generator.load.vorige import Vorige
from generator.model.people import People
from generator.text import dutch


@dataclass(frozen=True)
class Deck:
    """One meeting's deck in the making: what every slide part may ask."""

    data: Dataset
    meeting: Vergadering
    #: the reference date for "verlopen" (the meeting's date unless --peildatum says otherwise)
    peildatum: dt.date
    #: the data as of the previous SCT, read before rendering (None: not read)
    vorige: Vorige | None = None

    @property
    def people(self) -> People:
        return self.data.people

    @property
    def year(self) -> int:
        return self.meeting.datum.year

    @property
    def date(self) -> str:
        """The meeting's date as slides show it, never broken over two lines."""
        return dutch.long_date(self.meeting.datum, unbroken=True)
