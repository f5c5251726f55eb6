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
    footer = f"{meeting.titel} {date}" + (" · openbare versie" if dataset.openbaar else "")
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
