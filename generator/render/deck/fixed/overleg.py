"""The fixed parts of a deck for any overleg other than the SCT (a bestuurlijk overleg with the
VNG, an ambtelijk overleg): its agenda lettered A, B, ... with the sub-items below each letter,
a divider per letter, the item's own Markdown right after its divider, then its sub-items: their
Markdown or the SCT's generated part they name (``onderdeel``). Nothing the SCT adds of its own
accord (what the chair should ask, the open actions) comes in unasked.
"""

from __future__ import annotations

from generator.load.kinds.vergadering import Rubriek
from generator.render.deck.content import (
    BODY,
    LINTBLAUW,
    Divider,
    Para,
    Run,
    Section,
    Slide,
    Text,
)
from generator.render.deck.context import Deck
from generator.render.deck.fixed import inhoud
from generator.render.deck.fixed.agenda import anchored, item_anchor, kicker
from generator.render.deck.markdown import slides as markdown_slides
from generator.render.deck.parts import builders
from generator.text.dutch import letter


def inleiding(deck: Deck) -> list[Slide]:
    """The slides before the agenda: what the document is for (the meeting's ``inleiding``)."""
    source = deck.meeting.inleiding
    if not source:
        return []
    return [
        Section(md.title or deck.meeting.titel, tuple(md.blocks)) for md in markdown_slides(source)
    ]


def agenda(deck: Deck) -> list[Slide]:
    """The lettered agenda, each sub-item linked to its slide (the letters' titles keep their
    colour: a link is shown in the theme's link colour)."""
    paras: list[Para] = []
    for number, rubriek in enumerate(deck.meeting.agenda, start=1):
        paras.append(
            Para(
                (Run(rubriek.rubriek, bold=True, colour=LINTBLAUW),),
                size=BODY + 4,
                level=1,
                bullet=letter(number - 1),
                space_before=12.0 if paras else 0.0,
            )
        )
        for index, item in enumerate(rubriek.items):
            paras.append(
                Para(
                    (Run(item.titel, link=item_anchor(number, index)),),
                    size=BODY + 2,
                    level=2,
                    bullet="–",
                    space_before=3.0,
                )
            )
    return [Section("Agenda", (Text(tuple(paras)),))]


def divider(number: int, rubriek: Rubriek) -> Divider:
    """The letter and the item's title; the sub-items below."""
    lines = [item.titel for item in rubriek.items]
    return Divider(f"{letter(number - 1)}. {rubriek.rubriek}", "\n".join(lines))


def items(deck: Deck, number: int, rubriek: Rubriek) -> list[tuple[str, list[Slide]]]:
    """The slides after the divider of ``rubriek``: its own, then each sub-item's, each with the
    anchor its first slide carries."""
    mark = f"{letter(number - 1)}. {rubriek.rubriek}"
    made: list[tuple[str, list[Slide]]] = []
    own = kicker(mark)
    if rubriek.inhoud:
        sections: list[Slide] = [
            Section(md.title or rubriek.rubriek, tuple(md.blocks), head=own)
            for md in markdown_slides(rubriek.inhoud)
        ]
        made.append(("", sections))
    generated = builders()
    for index, item in enumerate(rubriek.items):
        head = kicker(f"{mark} | {item.titel}")
        if item.onderdeel:
            slides = generated[item.onderdeel](deck, item, head)
        else:
            slides = inhoud.slides(deck, item, head)
        made.append((item_anchor(number, index), anchored(slides, item_anchor(number, index))))
    return made
