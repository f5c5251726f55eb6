"""What the preview shows, made again after every change in the data folder.

A load reads only the files whose bytes changed (``FileCache``); the deck is laid out again and
its slides drawn (a few tenths of a second for 40 slides); the documents' pages are typeset by
Typst only when a page asks for them. When the data does not validate, the diagnostics say why
and the last good preview stays.
"""

from __future__ import annotations

import datetime as dt
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.exceptions import StatusgenError
from generator.load.dataset import Dataset, load
from generator.load.diagnostics import Diagnostic, Diagnostics
from generator.load.filecache import FileCache
from generator.load.kinds.vergadering import Vergadering


@dataclass(frozen=True)
class SlidePicture:
    number: int
    title: str
    #: what the slide is (section, its title, which of its slides), to follow it when it moves
    identity: tuple[str, str, int]
    svg: str


@dataclass
class Snapshot:
    """One state of the preview; a new one after every change."""

    version: int = 0
    slides: tuple[SlidePicture, ...] = ()
    meeting: str = ""
    diagnostics: tuple[Diagnostic, ...] = ()
    #: the last load failed: the slides are those of the last good one
    stale: bool = False
    #: a problem no diagnostic names (no meeting, a layout that cannot be made)
    problem: str = ""
    #: the slides whose picture changed since the version before
    changed: tuple[int, ...] = ()
    #: seconds the last rebuild took, and files it parsed
    seconds: float = 0.0
    parsed: int = 0
    pages: dict[str, list[bytes]] = field(default_factory=dict)


class Preview:
    """The preview of one data folder (in its public version with ``openbaar``)."""

    def __init__(
        self,
        root: Path,
        *,
        openbaar: bool = False,
        vergadering: dt.date | None = None,
        template: Path | None = None,
        peildatum: dt.date | None = None,
    ) -> None:
        self.root = root
        #: the reference date of check's warnings (today) and of the deck's "verlopen" (the
        #: meeting's date), as in check and deck
        self.peildatum = peildatum
        self.openbaar = openbaar
        self.vergadering = vergadering
        self.template_file = template
        self.cache = FileCache()
        self.snapshot = Snapshot()
        self._dataset: Dataset | None = None
        self._lock = threading.Lock()
        self._template: Any = None
        #: each section's slides, by its content, from the last layout
        self._memo: dict[bytes, Any] = {}

    def rebuild(self) -> Snapshot:
        """Load the folder again and redraw what changed; the new snapshot."""
        with self._lock:
            started = time.perf_counter()
            self.cache.parsed = 0
            diagnostics = Diagnostics()
            dataset = load(self.root, diagnostics, peildatum=self.peildatum, cache=self.cache)
            old = self.snapshot
            snapshot = Snapshot(
                version=old.version + 1,
                slides=old.slides,
                meeting=old.meeting,
                # errors first: they are what keeps the preview from following
                diagnostics=tuple(sorted(diagnostics.items, key=lambda d: d.severity != "error")),
                stale=bool(diagnostics.errors),
            )
            if not diagnostics.errors:
                try:
                    self._dataset = self._shown(dataset)
                    snapshot.slides, snapshot.meeting = self._deck(self._dataset)
                except StatusgenError as exc:
                    snapshot.stale, snapshot.problem = True, exc.format_message()
            snapshot.changed = _changed(old.slides, snapshot.slides)
            snapshot.seconds = time.perf_counter() - started
            snapshot.parsed = self.cache.parsed
            self.snapshot = snapshot
            return snapshot

    def _shown(self, dataset: Dataset) -> Dataset:
        if not self.openbaar:
            return dataset
        from generator.publish import names, public

        return public(dataset, names(dataset))

    def _deck(self, dataset: Dataset) -> tuple[tuple[SlidePicture, ...], str]:
        from generator.commands import meeting_on
        from generator.load.history import vorige
        from generator.render.deck import lay_out
        from generator.render.deck.svg import draw_all
        from generator.render.deck.template import Template
        from generator.resources import template as shipped

        meeting: Vergadering = meeting_on(dataset.vergaderingen, self.vergadering)
        if self._template is None:
            # opened once: laying out never changes it (only the PPTX writer adds slides)
            self._template = Template(self.template_file or shipped("default.pptx"))
        laid = lay_out(
            dataset,
            meeting,
            template=self._template,
            peildatum=self.peildatum,
            memo=self._memo,
            vorige=vorige(dataset, meeting),  # read before laying out, as the deck command does
        )
        drawn = draw_all(laid)
        slides = tuple(
            SlidePicture(number, slide.content.title, slide.identity, picture.svg)
            for number, (slide, picture) in enumerate(zip(laid.slides, drawn, strict=True), 1)
        )
        return slides, f"{meeting.titel} {meeting.datum.isoformat()}"

    def pages(self, document: str) -> list[bytes]:
        """The pages of ``actietabel`` or ``rapportage/ID`` as SVG, typeset by Typst (kept for
        the snapshot they were made for)."""
        with self._lock:
            snapshot, dataset = self.snapshot, self._dataset
        if dataset is None:
            return []
        if document not in snapshot.pages:
            snapshot.pages[document] = _typeset(dataset, document)
        return snapshot.pages[document]

    def reports(self) -> list[str]:
        dataset = self._dataset
        if dataset is None:
            return []
        return sorted(dataset.rapportages)


def _typeset(dataset: Dataset, document: str) -> list[bytes]:
    from generator.render.pictures import pages

    return pages(dataset, document)


def _changed(old: Sequence[SlidePicture], new: Sequence[SlidePicture]) -> tuple[int, ...]:
    """The numbers of the slides whose picture is new (every slide past the old count)."""
    return tuple(
        slide.number
        for index, slide in enumerate(new)
        if index >= len(old) or old[index].svg != slide.svg
    ) + tuple(range(len(new) + 1, len(old) + 1))
