"""``statusgen deck``: the SCT meeting deck as PPTX."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from generator.commands import load_for_publication, meeting_on
from generator.options import (
    DateType,
    FiniteRange,
    data_option,
    openbaar_option,
    output_option,
    vergadering_option,
)
from generator.resources import template as shipped


@click.command(name="deck")
@data_option
@output_option
@vergadering_option
@click.option(
    "--template",
    "template_file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default=None,
    help="A .pptx with the organisation's masters; layouts are found by name "
    "(Title Slide, Section Header, Title Only).",
)
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
    from generator.render.deck import render

    dataset, publication = load_for_publication(
        data_dir, output_dir, openbaar=openbaar, strict=strict, peildatum=peildatum
    )
    meeting = meeting_on(dataset.items("vergadering"), vergadering)
    template = template_file or shipped("default.pptx")
    if openbaar:
        from generator.publish.template import public_template

        # rebuilt from what a deck needs, not searched for names (generator.publish.template)
        template = public_template(template)
    deck = render(
        dataset,
        meeting,
        template=template,
        peildatum=peildatum,
        min_font_size=min_font_size,
    )
    publication.add(f"sct-{meeting.datum.isoformat()}.pptx", deck.data, f"{deck.slides} slides")
    publication.publish()
