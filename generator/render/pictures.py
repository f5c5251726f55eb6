"""The outputs as pictures, for the visual diff and the preview: the meeting's deck, laid out and
drawn as SVG, and the pages of the paged documents (``paged``: the action table and the progress
reports), typeset by Typst from their format tables' PDF writers.

This is a render-level module that knows the outputs, so that no output package imports
another: ``render/diff/`` compares the pictures it is handed, and the preview asks for pages
here; a new paged document is one row in ``paged``."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from generator.load.dataset import Dataset
from generator.render.diff.visual import Picture, Product, _same
from generator.render.formats import Formats

if TYPE_CHECKING:
    from generator.load.kinds.vergadering import Vergadering
    from generator.load.vorige import Vorige


def deck_date(new: Dataset, vergadering: dt.date | None) -> dt.date | None:
    """The date of the meeting whose deck is compared: ``vergadering``, else the latest of
    ``new``; None when ``new`` has no meeting on it."""
    meetings = new.vergaderingen
    if not meetings:
        return None
    date = vergadering or max(m.datum for m in meetings)
    return date if any(m.datum == date for m in meetings) else None


def deck_meeting(dataset: Dataset, date: dt.date) -> Vergadering | None:
    """The meeting of ``date`` in ``dataset``, where it has one, else its latest."""
    held = dataset.vergaderingen
    return next((m for m in held if m.datum == date), None) or (
        max(held, key=lambda m: m.datum) if held else None
    )


def deck_product(
    old: Dataset | None,
    new: Dataset,
    *,
    vergadering: dt.date | None,
    template: Any,
    published: Callable[[str], str] = _same,
    vorige: tuple[Vorige | None, Vorige | None] = (None, None),
) -> Product | None:
    """The deck of the meeting (``vergadering``, else the latest of ``new``) in both versions;
    None when ``new`` has no meeting. The base version shows the meeting of the same date,
    where it has one, else its latest. ``vorige``: each version's data as of its previous SCT,
    read before (``load.history.vorige``)."""
    from generator.render.deck import lay_out
    from generator.render.deck.svg import draw_all
    from generator.text import dutch

    date = deck_date(new, vergadering)
    if date is None:
        return None
    meeting = deck_meeting(new, date)
    assert meeting is not None

    def pictures(dataset: Dataset | None, before: Vorige | None) -> list[Picture]:
        if dataset is None:
            return []
        chosen = deck_meeting(dataset, date)
        if chosen is None:
            return []
        laid = lay_out(dataset, chosen, template=template, vorige=before)
        drawn = draw_all(laid, fonts_url=lambda font: "../" + published(f"fonts/{font}"))
        return [
            Picture(
                number,
                slide.content.title,
                slide.identity,
                picture.svg,
                picture.content,
                tuple(line for line, *_ in picture.lines),
            )
            for number, (slide, picture) in enumerate(zip(laid.slides, drawn, strict=True), 1)
        ]

    name = f"SCT-deck {dutch.long_date(meeting.datum)}"
    return Product(name, "deck", "dia", pictures(old, vorige[0]), pictures(new, vorige[1]))


@dataclass(frozen=True)
class Paged:
    """A document whose pages are drawn: its name, its key ("actietabel", "rapportage/ID"),
    how it is built from a version of the data (None: that version has none) and the format
    table whose PDF writer typesets it."""

    name: str
    key: str
    build: Callable[[Dataset], Any | None]
    formats: Formats
    #: whether a version holds anything to draw (the visual diff leaves out an empty table)
    held: Callable[[Dataset], bool] = lambda dataset: True

    @property
    def folder(self) -> str:
        return self.key.replace("/", "-")

    def data(self, dataset: Dataset | None) -> Any | None:
        """What the Typst template receives, or None: equal data, equal pages."""
        if dataset is None or not self.held(dataset):
            return None
        document = self.build(dataset)
        return None if document is None else self.formats.typeset_data(document)

    def pages(self, dataset: Dataset) -> list[bytes]:
        """The pages as SVG, settled as the PDF writer settles them."""
        document = self.build(dataset)
        return [] if document is None else self.formats.pages(document)


def paged(*versions: Dataset | None) -> list[Paged]:
    """The paged documents of ``versions``: the action table, and each progress report that
    one of them holds."""
    from generator.render.actietabel import FORMATS as ACTIETABEL
    from generator.render.actietabel.build import build as build_table
    from generator.render.rapportage import FORMATS as RAPPORTAGE
    from generator.render.rapportage.build import build as build_report

    def table(dataset: Dataset) -> Any:
        return build_table(dataset, secties=(), statussen=(), gewijzigd=None, sinds=None)

    def report(report_id: str) -> Callable[[Dataset], Any | None]:
        def built(dataset: Dataset) -> Any | None:
            found = dataset.rapportages
            held = found.get(report_id)
            return None if held is None else build_report(dataset, report_id, held)

        return built

    documents = [Paged("Actietabel", "actietabel", table, ACTIETABEL, lambda d: bool(d.acties))]
    ids = sorted({stem for d in versions if d for stem in d.rapportages})
    for report_id in ids:
        name = f"Voortgangsrapportage {report_id}"
        documents.append(Paged(name, f"rapportage/{report_id}", report(report_id), RAPPORTAGE))
    return documents


def pages(dataset: Dataset, key: str) -> list[bytes]:
    """The pages of the paged document ``key`` (the preview's "actietabel", "rapportage/ID");
    none for a document the data does not hold."""
    found = next((p for p in paged(dataset) if p.key == key), None)
    return [] if found is None else found.pages(dataset)


def document_products(old: Dataset | None, new: Dataset) -> list[Product]:
    """The paged documents in both versions, typeset by Typst only when what they show
    differs."""
    products = []
    for document in paged(old, new):
        before, after = document.data(old), document.data(new)
        if before == after:
            continue
        products.append(
            Product(
                document.name,
                document.folder,
                "pagina",
                _pages(document, before),
                _pages(document, after),
                by_identity=False,
            )
        )
    return products


def _pages(document: Paged, data: Any | None) -> list[Picture]:
    from generator.render.typeset import pages

    if data is None:
        return []
    writer = document.formats.writer("pdf")
    drawn = pages(writer.TEMPLATE, data, settle=getattr(writer, "settle", None))
    name = document.name
    return [
        Picture(number, f"{name}, pagina {number}", ("pagina", name, number), svg, svg)
        for number, svg in enumerate((page.decode("utf-8") for page in drawn), start=1)
    ]


#: pixels a point in the PNGs
ZOOM = 1.0


def rasterise(svg: str) -> bytes:
    """The SVG as PNG, by resvg, in the shipped fonts only (the same picture on every machine)."""
    import resvg_py

    from generator.render.typography.fontfiles import font_files

    data = resvg_py.svg_to_bytes(
        svg_string=_unitless(svg),
        font_files=list(font_files()),
        skip_system_fonts=True,
        zoom=ZOOM,
        background="#ffffff",
    )
    return bytes(data)


_ROOT = re.compile(r"<svg\b[^>]*>")
_SIZE = re.compile(r'\s(width|height)="[^"]*"')
_VIEWBOX = re.compile(r'viewBox="\s*[-\d.]+[\s,]+[-\d.]+[\s,]+([\d.]+)[\s,]+([\d.]+)\s*"')


def _unitless(svg: str) -> str:
    """The SVG with its size in user units, one a point (resvg refuses Typst's "841.9pt"); a
    slide's SVG is that way already."""
    root = _ROOT.search(svg)
    box = _VIEWBOX.search(root.group()) if root else None
    if root is None or box is None:
        return svg
    tag = _SIZE.sub("", root.group())
    tag = tag.replace("<svg", f'<svg width="{box[1]}" height="{box[2]}"', 1)
    return svg[: root.start()] + tag + svg[root.end() :]
