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


def slides(deck: Deck) -> list[Slide]:
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
                    (Run(item.titel),),
                    size=BODY + 2,
                    level=1,
                    bullet=f"{letter(index)}.",
                    space_before=4.0,
                )
            )
    return [Section(f"Agenda {deck.date}", (Text(tuple(paras)),))]
