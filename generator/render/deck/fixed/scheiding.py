"""A divider slide per rubriek, listing its items."""

from __future__ import annotations

from generator.load.kinds.vergadering import Rubriek
from generator.render.deck.content import Divider, Slide
from generator.text.dutch import letter


def slides(number: int, rubriek: Rubriek) -> list[Slide]:
    lines = [f"{letter(i)}. {item.titel}" for i, item in enumerate(rubriek.items)]
    return [Divider(f"{number}. {rubriek.rubriek}", "\n".join(lines))]
