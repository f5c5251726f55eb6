"""``statusgen verslag DATE``: the verslag of a meeting in the formats of its table
(``FORMATS``: DOCX and tagged PDF)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from generator.commands import load_for_publication, meeting_on
from generator.load.dataset import Dataset
from generator.load.kinds.vergadering import Vergadering
from generator.options import (
    DateType,
    data_option,
    described,
    formats_option,
    openbaar_option,
    output_option,
    quiet_option,
)
from generator.publish import Publication
from generator.publish.document import add_document
from generator.render.verslag import FORMATS
from generator.render.verslag.build import build


def add_verslag(
    publication: Publication, dataset: Dataset, meeting: Vergadering, formats: list[str]
) -> str:
    """Add the meeting's verslag in ``formats`` to ``publication``; its summary line."""
    verslag = build(dataset, meeting)
    date = meeting.datum.isoformat()
    add_document(
        publication,
        FORMATS,
        verslag,
        formats,
        stem=f"verslag-{date}",
        what=f"the verslag of {date}",
    )
    return verslag.samenvatting


@click.command(name="verslag")
@click.argument("datum", metavar="DATE", type=DateType(), required=False)
@data_option
@output_option
@formats_option(FORMATS, stem="verslag-DATE")
@openbaar_option
@quiet_option
@described(files=FORMATS.pattern("verslag-DATE"))
def command(
    datum: dt.date | None,
    data_dir: Path,
    output_dir: Path,
    formats: list[str],
    openbaar: bool,
    strict: bool,
) -> None:
    """Write the verslag of the meeting on DATE (default: the latest):
    {files}.

    Date, time and place, the participants per side, the discussion per agenda item with its
    decisions and actions (the besluitenlijst's own), the rondvraag and the closing. With
    --openbaar every registered person is "Persoonsgegevens"; functions and organisations
    stay as written.
    """
    dataset, publication = load_for_publication(
        data_dir, output_dir, openbaar=openbaar, strict=strict
    )
    meeting = meeting_on(dataset.vergaderingen, datum)
    publication.echo(add_verslag(publication, dataset, meeting, formats))
    publication.publish()
