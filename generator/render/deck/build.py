"""What the SCT deck says: the slides of one meeting, in the agenda's order, from the data.

The title, the agenda, a divider per rubriek, then each agenda item: its own Markdown, or the
generated part its ``onderdeel`` names (``parts/``). Nothing here knows python-pptx. People are
named through the dataset's registry; the public version's dataset arrives with every name
already replaced (generator.publish).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from generator.load.dataset import Dataset
from generator.load.kinds.vergadering import Vergadering
from generator.load.vorige import Vorige
from generator.model.people import People
from generator.render.deck.content import GRIJS, SMALL, Divider, Para, Run, Section, Slide, Text
from generator.render.deck.parts import (
    agenda,
    inhoud,
    matrix,
    openstaande_acties,
    overleg,
    parts,
    scheiding,
    titel,
    voor_het_sct,
)
from generator.render.deck.parts.agenda import item_anchor, letter, rubriek_anchor
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


def slides(deck: Deck) -> list[Slide]:
    if not deck.meeting.sct:
        return overleg_slides(deck)
    result: list[Slide] = [*titel.slides(deck), *agenda.slides(deck)]
    # what the chair should ask about, gathered from the data: always, right after the agenda
    result += voor_het_sct.slides(deck)
    generated = parts()
    named = {item.onderdeel for rubriek in deck.meeting.agenda for item in rubriek.items}
    if "openstaande_acties" not in named and openstaande_acties.openstaand(deck):
        # the SCT follows its actions up every meeting: they are shown even when the agenda
        # does not name them, right after the agenda
        result += openstaande_acties.slides(deck, None)
    for number, rubriek in enumerate(deck.meeting.agenda, start=1):
        result += anchored(scheiding.slides(number, rubriek), rubriek_anchor(number))
        for index, item in enumerate(rubriek.items):
            kicker = f"{rubriek.rubriek} | {letter(index)}. {item.titel}"
            head = (Text((Para((Run(kicker, colour=GRIJS),), size=SMALL),), space_after=4.0),)
            if item.onderdeel:
                made = generated[item.onderdeel].build(deck, item, head)
            elif item.matrix is not None:
                made = [matrix.section(item.matrix, head)]
            else:
                made = inhoud.slides(deck, item, head)
            result += anchored(made, item_anchor(number, index))
    return result


def overleg_slides(deck: Deck) -> list[Slide]:
    """Any other overleg's deck: title, lettered agenda, per letter a divider and its slides."""
    result: list[Slide] = [*titel.slides(deck), *overleg.inleiding(deck), *overleg.agenda(deck)]
    for number, rubriek in enumerate(deck.meeting.agenda, start=1):
        result += anchored([overleg.divider(number, rubriek)], rubriek_anchor(number))
        for _, made in overleg.items(deck, number, rubriek):
            result += made
    return result


def anchored(made: list[Slide], anchor: str) -> list[Slide]:
    """``made`` with ``anchor`` on its first slide, where the agenda's links jump to."""
    if made and isinstance(made[0], Section | Divider):
        made = [replace(made[0], anchors=(*made[0].anchors, anchor)), *made[1:]]
    return made
