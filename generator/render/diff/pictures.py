"""The pictures of both versions that the visual diff compares: the meeting's deck, laid out and
drawn as SVG, and the pages of the action table and the progress reports, typeset by Typst only
when what they show differs."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from generator.load.dataset import Dataset
from generator.render.diff.visual import Picture, Product, _same
from generator.render.typeset import Settle

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


def document_products(old: Dataset | None, new: Dataset) -> list[Product]:
    """The action table and each progress report, in both versions, typeset by Typst only
    when what it shows differs."""
    from generator.render.actietabel import pdf as table_pdf
    from generator.render.actietabel.build import build as build_table
    from generator.render.rapportage import pdf as report_pdf
    from generator.render.rapportage.build import build as build_report

    def table(dataset: Dataset | None) -> dict[str, Any] | None:
        if dataset is None or not dataset.acties:
            return None
        tabel = build_table(dataset, secties=(), statussen=(), gewijzigd=None, sinds=None)
        return table_pdf.data(tabel)

    def report(dataset: Dataset | None, report_id: str) -> dict[str, Any] | None:
        if dataset is None:
            return None
        found = dataset.rapportages
        if report_id not in found:
            return None
        return report_pdf.data(build_report(dataset, report_id, found[report_id]))

    products = []
    wanted = [("Actietabel", "actietabel", table_pdf.TEMPLATE, table(old), table(new))]
    ids = sorted({stem for d in (old, new) if d for stem in d.rapportages})
    for report_id in ids:
        wanted.append(
            (
                f"Voortgangsrapportage {report_id}",
                f"rapportage-{report_id}",
                report_pdf.TEMPLATE,
                report(old, report_id),
                report(new, report_id),
            )
        )
    for name, folder, template, before, after in wanted:
        if before == after:
            continue
        products.append(
            Product(
                name,
                folder,
                "pagina",
                _pages(name, template, before),
                _pages(name, template, after),
                by_identity=False,
            )
        )
    return products


def _pages(name: str, template: str, data: dict[str, Any] | None) -> list[Picture]:
    from generator.render.typeset import pages

    if data is None:
        return []
    drawn = pages(template, data, settle=_settle(template))
    return [
        Picture(number, f"{name}, pagina {number}", ("pagina", name, number), svg, svg)
        for number, svg in enumerate((page.decode("utf-8") for page in drawn), start=1)
    ]


def _settle(template: str) -> Settle | None:
    """How the PDF writer of ``template`` settles its pages, so the pictures are its pages."""
    from generator.render.actietabel import pdf as table_pdf
    from generator.render.rapportage import pdf as report_pdf

    return {table_pdf.TEMPLATE: table_pdf.balance, report_pdf.TEMPLATE: report_pdf.settle}.get(
        template
    )
