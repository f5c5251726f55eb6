"""What the SCT deck says: the slides of one meeting, in the agenda's order, from the data.

The title, the agenda, a divider per rubriek, then each agenda item: its own Markdown, or the
generated part its ``onderdeel`` names (``parts/``). The slides every deck has are in
``fixed/``; what they all may ask of the meeting is the ``Deck`` (``context``). Nothing here
knows python-pptx. People are named through the dataset's registry; the public version's
dataset arrives with every name already replaced (generator.publish).
"""

from __future__ import annotations

from generator.render.deck.content import Slide
from generator.render.deck.context import Deck
from generator.render.deck.fixed import (
    agenda,
    inhoud,
    matrix,
    overleg,
    scheiding,
    titel,
    voor_het_sct,
)
from generator.render.deck.fixed.agenda import anchored, item_anchor, kicker, rubriek_anchor
from generator.render.deck.parts import builders, openstaande_acties
from generator.text.dutch import letter


def slides(deck: Deck) -> list[Slide]:
    if not deck.meeting.sct:
        return overleg_slides(deck)
    result: list[Slide] = [*titel.slides(deck), *agenda.slides(deck)]
    # what the chair should ask about, gathered from the data: always, right after the agenda
    result += voor_het_sct.slides(deck)
    generated = builders()
    named = {item.onderdeel for rubriek in deck.meeting.agenda for item in rubriek.items}
    if "openstaande_acties" not in named and openstaande_acties.openstaand(deck):
        # the SCT follows its actions up every meeting: they are shown even when the agenda
        # does not name them, right after the agenda
        result += openstaande_acties.slides(deck, None)
    for number, rubriek in enumerate(deck.meeting.agenda, start=1):
        result += anchored(scheiding.slides(number, rubriek), rubriek_anchor(number))
        for index, item in enumerate(rubriek.items):
            head = kicker(f"{rubriek.rubriek} | {letter(index)}. {item.titel}")
            if item.onderdeel:
                made = generated[item.onderdeel](deck, item, head)
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
