"""``statusgen deck``: the SCT meeting deck as PPTX."""

from __future__ import annotations

import datetime as dt
from importlib.resources.abc import Traversable
from pathlib import Path

import click

from generator import progress
from generator.commands import load_for_publication, meeting_on
from generator.load.dataset import Dataset
from generator.load.kinds.vergadering import Vergadering
from generator.options import (
    DateType,
    FiniteRange,
    data_option,
    openbaar_option,
    output_option,
    quiet_option,
    template_option,
    vergadering_option,
)
from generator.publish import Publication
from generator.resources import template as shipped


def add_deck(
    publication: Publication,
    dataset: Dataset,
    meeting: Vergadering,
    *,
    template: Path | None,
    peildatum: dt.date | None,
    min_font_size: float = 9.0,
) -> str:
    """Lay out the meeting's deck and add it to ``publication``; the name it is published as."""
    from generator.render.deck import render

    progress.step(f"laying out the SCT deck of {meeting.datum.isoformat()}")
    used: Path | Traversable = template or shipped("default.pptx")
    if publication.openbaar:
        from generator.publish.template import public_template

        # rebuilt from what a deck needs, not searched for names (generator.publish.template)
        used = public_template(used)
    deck = render(
        dataset,
        meeting,
        template=used,
        peildatum=peildatum,
        min_font_size=min_font_size,
    )
    name = f"sct-{meeting.datum.isoformat()}.pptx"
    return publication.add(name, deck.data, f"{deck.slides} slides")


@click.command(name="deck")
@data_option
@output_option
@vergadering_option
@template_option
@openbaar_option
@click.option(
    "--peildatum",
    type=DateType(),
    default=None,
    help="Reference date for overdue deadlines  [default: the meeting date]",
)
@click.option(
    "--min-font-size",
    type=FiniteRange(8, 12),
    default=9.0,
    show_default=True,
    help="The smallest size, in points, a table is set in to need fewer slides; each table "
    "takes the largest size from 12 pt down to this that needs no more slides than this does.",
)
@quiet_option
def command(
    data_dir: Path,
    output_dir: Path,
    vergadering: dt.date | None,
    template_file: Path | None,
    openbaar: bool,
    strict: bool,
    peildatum: dt.date | None,
    min_font_size: float,
) -> None:
    """Build the SCT deck for a meeting: output/sct-DATE.pptx (sct-DATE-openbaar.pptx with
    --openbaar).

    The slides follow the meeting's agenda: title, agenda, a divider per rubriek, the items'
    Markdown, and the generated parts (werkstromen, dashboard, communicatiekalender, risicolog).
    Tables that do not fit continue on the next slide, titled (I/II), (II/II).
    """
    dataset, publication = load_for_publication(
        data_dir, output_dir, openbaar=openbaar, strict=strict, peildatum=peildatum
    )
    meeting = meeting_on(dataset.items("vergadering"), vergadering)
    add_deck(
        publication,
        dataset,
        meeting,
        template=template_file,
        peildatum=peildatum,
        min_font_size=min_font_size,
    )
    publication.publish()
