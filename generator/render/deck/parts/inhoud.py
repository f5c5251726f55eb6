"""An agenda item's own content: its Markdown (inhoud, or the file inhoud_bestand), where "## "
starts a slide, and what the SCT is asked to decide (beslispunten) at the end of its first
slide, numbered as the besluitenlijst numbers them."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from generator.load.kinds.vergadering import AgendaItem
from generator.render.deck.content import Block, Section, Slide, Text
from generator.render.deck.markdown import slides as markdown_slides

if TYPE_CHECKING:
    from generator.render.deck.build import Deck


def slides(deck: Deck, item: AgendaItem, head: tuple[Block, ...]) -> list[Slide]:
    source = item.inhoud
    if item.inhoud_bestand:
        source = deck.data.markdown_file(item.inhoud_bestand)
    md_slides = markdown_slides(source or "")
    asked = _gevraagd(item)
    result: list[Slide] = []
    for index, md_slide in enumerate(md_slides):
        title = md_slide.title or item.titel
        blocks = (*md_slide.blocks, *asked) if index == 0 else tuple(md_slide.blocks)
        result.append(Section(title, blocks, head=head))
    if not result:
        result.append(Section(item.titel, asked, head=head))
    return result


def _gevraagd(item: AgendaItem) -> tuple[Block, ...]:
    """ "Gevraagd van het SCT": the item's beslispunten as a numbered list under a heading."""
    if not item.beslispunten:
        return ()
    lines = ["### Gevraagd van het SCT", ""]
    lines += [f"{n}. {' '.join(text.split())}" for n, text in enumerate(item.beslispunten, 1)]
    blocks = [block for md in markdown_slides("\n".join(lines)) for block in md.blocks]
    first = blocks[0]
    if not isinstance(first, Text) or len(first.paras) < 2:
        return tuple(blocks)
    # the heading goes to the next slide with the first beslispunt, never alone at a foot
    heading = Text(first.paras[:1], space_after=0.0, keep_with_next=True)
    return (heading, replace(first, paras=first.paras[1:]), *blocks[1:])
