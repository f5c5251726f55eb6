"""An agenda item's own content: its Markdown (inhoud, or the file inhoud_bestand), where "## "
starts a slide, and what the SCT is asked to decide (beslispunten) at the end of its first
slide, numbered as the besluitenlijst numbers them."""

from __future__ import annotations

from generator.load.kinds.vergadering import AgendaItem
from generator.render.deck.content import Block, Section, Slide
from generator.render.deck.context import Deck
from generator.render.deck.markdown import slides as markdown_slides


def slides(deck: Deck, item: AgendaItem, head: tuple[Block, ...]) -> list[Slide]:
    source = item.inhoud
    if item.inhoud_bestand:
        source = deck.data.markdown_file(item.inhoud_bestand)
    md_slides = markdown_slides(source or "")
    asked = _gevraagd(item, _ASKED.get(deck.meeting.soort, "Gevraagd van het overleg"))
    result: list[Slide] = []
    for index, md_slide in enumerate(md_slides):
        title = md_slide.title or item.titel
        blocks = (*md_slide.blocks, *asked) if index == 0 else tuple(md_slide.blocks)
        result.append(Section(title, blocks, head=head))
    if not result:
        result.append(Section(item.titel, asked, head=head))
    return result


#: the heading over an item's beslispunten, by the meeting's soort
_ASKED = {"sct": "Gevraagd van het SCT", "bestuurlijk_overleg": "Gevraagd van de bestuurders"}


def _gevraagd(item: AgendaItem, heading: str) -> tuple[Block, ...]:
    """ "Gevraagd van het SCT": the item's beslispunten as a numbered list under a heading."""
    if not item.beslispunten:
        return ()
    lines = [f"### {heading}", ""]
    lines += [f"{n}. {' '.join(text.split())}" for n, text in enumerate(item.beslispunten, 1)]
    # the heading is a block that goes with the first beslispunt (markdown.py makes it so)
    return tuple(block for md in markdown_slides("\n".join(lines)) for block in md.blocks)
