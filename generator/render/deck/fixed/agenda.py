"""The agenda: numbered rubrieken, lettered items, each linked to the anchor of its first slide."""

from __future__ import annotations

from dataclasses import replace

from generator.render.deck.content import (
    BODY,
    GRIJS,
    LINTBLAUW,
    SMALL,
    Block,
    Divider,
    Para,
    Run,
    Section,
    Slide,
    Text,
)
from generator.render.deck.context import Deck
from generator.text.dutch import letter


def rubriek_anchor(number: int) -> str:
    """The anchor of rubriek ``number``'s divider (rubrieken count from 1)."""
    return f"rubriek:{number}"


def item_anchor(number: int, index: int) -> str:
    """The anchor of the first slide of item ``index`` (from 0) of rubriek ``number``."""
    return f"agendapunt:{number}:{index}"


def kicker(text: str) -> tuple[Block, ...]:
    """The small grey line above an item's slides that names its rubriek and item."""
    return (Text((Para((Run(text, colour=GRIJS),), size=SMALL),), space_after=4.0),)


def anchored(made: list[Slide], anchor: str) -> list[Slide]:
    """``made`` with ``anchor`` on its first slide, where the agenda's links jump to."""
    if made and isinstance(made[0], Section | Divider):
        made = [replace(made[0], anchors=(*made[0].anchors, anchor)), *made[1:]]
    return made


def slides(deck: Deck) -> list[Slide]:
    """The agenda, each item linked to its first slide (the rubriek headings keep their colour:
    a link is shown in the theme's link colour)."""
    paras: list[Para] = []
    for number, rubriek in enumerate(deck.meeting.agenda, start=1):
        paras.append(
            Para(
                (Run(f"{number}. {rubriek.rubriek}", bold=True, colour=LINTBLAUW),),
                size=BODY + 4,
                space_before=14.0 if paras else 0.0,
            )
        )
        for index, item in enumerate(rubriek.items):
            paras.append(
                Para(
                    (Run(item.titel, link=item_anchor(number, index)),),
                    size=BODY + 2,
                    level=1,
                    bullet=f"{letter(index)}.",
                    space_before=4.0,
                )
            )
    return [Section(f"Agenda {deck.date}", (Text(tuple(paras)),))]
