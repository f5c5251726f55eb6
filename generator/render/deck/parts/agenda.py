"""The agenda: numbered rubrieken, lettered items."""

from __future__ import annotations

import string
from typing import TYPE_CHECKING

from generator.render.deck.content import BODY, LINTBLAUW, Para, Run, Section, Slide, Text

if TYPE_CHECKING:
    from generator.render.deck.build import Deck


def letter(index: int) -> str:
    """A, B, ..., Z, AA, AB, ...: agenda items."""
    letters = string.ascii_uppercase
    return letters[index] if index < 26 else letters[index // 26 - 1] + letters[index % 26]


def rubriek_anchor(number: int) -> str:
    """The anchor of rubriek ``number``'s divider (rubrieken count from 1)."""
    return f"rubriek:{number}"


def item_anchor(number: int, index: int) -> str:
    """The anchor of the first slide of item ``index`` (from 0) of rubriek ``number``."""
    return f"agendapunt:{number}:{index}"


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
