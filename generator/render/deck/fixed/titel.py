"""The title slide: the meeting's title, the organisation and the date in full."""

from __future__ import annotations

from generator.render.deck.content import Slide, TitleSlide
from generator.render.deck.context import Deck


def slides(deck: Deck) -> list[Slide]:
    org = deck.data.organisatie
    organisation = org.naam if org else ""
    return [TitleSlide(deck.meeting.titel, f"{organisation}\n{deck.date}")]
