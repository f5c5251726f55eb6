"""The SCT deck: ``build`` decides what the slides say (from ``parts/``, one module per slide
part), ``paginate`` measures and spreads them over slides, ``writer`` makes the PPTX from the
template and ``svg`` draws the same laid-out slides as pictures. ``lay_out`` runs the first
two, ``render`` writes the PPTX from what it laid out."""

from __future__ import annotations

import datetime as dt
import pickle
from dataclasses import dataclass
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import TYPE_CHECKING

from generator.load.dataset import Dataset
from generator.load.kinds.vergadering import Vergadering
from generator.load.vorige import Vorige
from generator.render.deck.furniture import FOOTER_INSETS, FOOTER_SHARE, FOOTER_SIZE
from generator.text import dutch

if TYPE_CHECKING:
    from generator.render.deck.content import Divider, Section, TitleSlide
    from generator.render.deck.layout.pages import Geometry, Page
    from generator.render.deck.template import Meta, Template


@dataclass(frozen=True)
class Rendered:
    data: bytes
    slides: int


def _one_line(title: str, after: str, room: float) -> str:
    """``title`` and ``after`` on one footer line: the title shortened at a word, with "…",
    when the whole does not fit (a long meeting title ran over the slide's foot)."""
    from generator.render.typography.breaking import fits

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


@dataclass(frozen=True)
class LaidSlide:
    """One slide as laid out, before any writer: what the PPTX and the SVG writers both draw."""

    content: TitleSlide | Divider | Page
    #: the slide links that jump here (a section's first slide)
    anchors: tuple[str, ...]
    #: what the slide is, whatever its place in the deck: the section's title (a divider's,
    #: the title slide's) and which of the section's slides it is, from 1
    identity: tuple[str, str, int]


@dataclass(frozen=True)
class LaidOut:
    template: Template
    meta: Meta
    slides: tuple[LaidSlide, ...]


def lay_out(
    dataset: Dataset,
    meeting: Vergadering,
    *,
    template: Path | Traversable | Template,
    peildatum: dt.date | None = None,
    min_font_size: float = 9.0,
    memo: dict[bytes, list[Page]] | None = None,
    vorige: Vorige | None = None,
) -> LaidOut:
    """Every slide of the deck of ``meeting`` laid out on the layouts of ``template``; tables
    are set between 12 pt and ``min_font_size``. ``vorige``: the data as of the previous SCT,
    read before (``load.history.vorige``); without it "Voor het SCT" shows no status changes.

    ``memo`` keeps each section's slides by what the section holds: a live preview lays the
    deck out again after every save, and a section that did not change is not laid out again
    (only the sections laid out in this call are kept in it)."""
    from generator.render.deck.build import slides
    from generator.render.deck.content import Divider, Section, TitleSlide
    from generator.render.deck.context import Deck
    from generator.render.deck.template import Meta, Template

    opened = template if isinstance(template, Template) else Template(template)
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
    laid: list[LaidSlide] = []
    used: dict[bytes, list[Page]] = {}
    for slide in slides(Deck(dataset, meeting, peildatum or meeting.datum, vorige)):
        if isinstance(slide, TitleSlide):
            laid.append(LaidSlide(slide, (), ("titel", slide.title, 1)))
        elif isinstance(slide, Divider):
            laid.append(LaidSlide(slide, slide.anchors, ("scheiding", slide.title, 1)))
        elif isinstance(slide, Section):
            pages = _paginated(slide, opened.geometry, min_font_size, memo, used)
            for number, page in enumerate(pages, start=1):
                anchors = slide.anchors if number == 1 else ()
                laid.append(LaidSlide(page, anchors, ("sectie", slide.title, number)))
    if memo is not None:
        memo.clear()
        memo.update(used)
    return LaidOut(opened, meta, tuple(laid))


def _paginated(
    section: Section,
    geometry: Geometry,
    min_size: float,
    memo: dict[bytes, list[Page]] | None,
    used: dict[bytes, list[Page]],
) -> list[Page]:
    from generator.render.deck.paginate import paginate

    if memo is None:
        return paginate(section, geometry, min_size=min_size)
    # the section's content as bytes: sections hold dicts (a group's spanning cells), so
    # they cannot be hashed themselves; pickling them takes a few milliseconds a deck
    key = pickle.dumps((section, geometry, min_size), protocol=5)
    pages = memo.get(key) or paginate(section, geometry, min_size=min_size)
    used[key] = pages
    return pages


def render(
    dataset: Dataset,
    meeting: Vergadering,
    *,
    template: Path | Traversable,
    peildatum: dt.date | None = None,
    min_font_size: float = 9.0,
    vorige: Vorige | None = None,
) -> Rendered:
    """The deck of ``meeting``, on the layouts of ``template``; tables are set between 12 pt
    and ``min_font_size``."""
    laid = lay_out(
        dataset,
        meeting,
        template=template,
        peildatum=peildatum,
        min_font_size=min_font_size,
        vorige=vorige,
    )
    return write_pptx(laid)


def write_pptx(laid: LaidOut) -> Rendered:
    from generator.render.deck.content import Divider, TitleSlide
    from generator.render.deck.writer import DeckWriter

    writer = DeckWriter(laid.template, laid.meta)
    for slide in laid.slides:
        content = slide.content
        if isinstance(content, TitleSlide):
            writer.title_slide(content)
        elif isinstance(content, Divider):
            writer.divider(content)
        else:
            writer.anchor(slide.anchors)
            writer.page(content)
    return Rendered(writer.save(), writer.count)
