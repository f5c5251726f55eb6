"""An agenda item's own content: its Markdown (inhoud, or the file inhoud_bestand), where "## "
starts a slide."""

from __future__ import annotations

from typing import TYPE_CHECKING

from generator.load.kinds.vergadering import AgendaItem
from generator.render.deck.content import Block, Section, Slide
from generator.render.deck.markdown import slides as markdown_slides

if TYPE_CHECKING:
    from generator.render.deck.build import Deck


def slides(deck: Deck, item: AgendaItem, head: tuple[Block, ...]) -> list[Slide]:
    source = item.inhoud
    if item.inhoud_bestand:
        source = deck.data.markdown_file(item.inhoud_bestand)
    result: list[Slide] = []
    for md_slide in markdown_slides(source or ""):
        title = md_slide.title or item.titel
        result.append(Section(title, tuple(md_slide.blocks), head=head))
    if not result:
        result.append(Section(item.titel, (), head=head))
    return result
