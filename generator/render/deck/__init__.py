"""The SCT deck: ``build`` decides what the slides say (from ``parts/``, one module per slide
part), ``paginate`` measures and spreads them over slides, ``writer`` makes the PPTX from the
template. ``render`` runs the three."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from importlib.resources.abc import Traversable
from pathlib import Path

from generator.load.dataset import Dataset
from generator.load.kinds.vergadering import Vergadering
from generator.text import dutch


@dataclass(frozen=True)
class Rendered:
    data: bytes
    slides: int


#: the share of the content width the footer's text has (the slide number has the rest), its
#: insets and its size: as DeckWriter._footer sets it
FOOTER_SHARE, FOOTER_INSETS, FOOTER_SIZE = 0.8, 14.4, 9.0


def _one_line(title: str, after: str, room: float) -> str:
    """``title`` and ``after`` on one footer line: the title shortened at a word, with "…",
    when the whole does not fit (a long meeting title ran over the slide's foot)."""
    from generator.render.deck.metrics import fits

    def fitting(text: str) -> bool:
        return fits([(text, False, False)], room, FOOTER_SIZE, 1)

    if fitting(title + after):
        return title + after
    words = title.split()
    while len(words) > 1:
        words.pop()
        shortened = " ".join(words) + "…" + after
        if fitting(shortened):
            return shortened
    return (words[0][:40] + "…" if words else "") + after


def render(
    dataset: Dataset,
    meeting: Vergadering,
    *,
    template: Path | Traversable,
    peildatum: dt.date | None = None,
    min_font_size: float = 9.0,
) -> Rendered:
    """The deck of ``meeting``, on the layouts of ``template``; tables are set between 12 pt
    and ``min_font_size``."""
    from generator.render.deck.build import Deck, slides
    from generator.render.deck.content import Divider, Section, TitleSlide
    from generator.render.deck.paginate import paginate
    from generator.render.deck.writer import DeckWriter, Meta, Template

    opened = Template(template)
    org = dataset.organisatie
    organisation = org.naam if org else "statusgen"
    date = dutch.long_date(meeting.datum)
    after = f" {date}" + (" · openbare versie" if dataset.openbaar else "")
    room = (opened.slide_width - 2 * opened.left) * FOOTER_SHARE - FOOTER_INSETS
    footer = _one_line(meeting.titel, after, room)
    meta = Meta(
        title=f"{meeting.titel} {date}",
        subject=organisation,
        author=organisation,
        footer=footer,
        keywords="SCT",
    )
    writer = DeckWriter(opened, meta)
    for slide in slides(Deck(dataset, meeting, peildatum or meeting.datum)):
        if isinstance(slide, TitleSlide):
            writer.title_slide(slide)
        elif isinstance(slide, Divider):
            writer.divider(slide)
        elif isinstance(slide, Section):
            writer.anchor(slide.anchors)
            for page in paginate(slide, opened.geometry, min_size=min_font_size):
                writer.page(page)
    return Rendered(writer.save(), writer.count)
