"""``statusgen besluitenlijst``: a meeting's actie- en besluitenlijst in the formats of its
table (``FORMATS``)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from generator.commands import load_for_publication, meeting_on
from generator.load.dataset import Dataset
from generator.load.kinds.vergadering import Vergadering
from generator.options import (
    data_option,
    described,
    formats_option,
    openbaar_option,
    output_option,
    quiet_option,
    vergadering_option,
)
from generator.publish import Publication
from generator.publish.document import add_document
from generator.render.besluiten import build
from generator.render.besluitenlijst import FORMATS


def add_besluitenlijst(
    publication: Publication, dataset: Dataset, meeting: Vergadering, formats: list[str]
) -> str:
    """Add the meeting's besluitenlijst in ``formats`` to ``publication``; its summary line."""
    lijst = build(dataset, meeting)
    date = meeting.datum.isoformat()
    add_document(
        publication,
        FORMATS,
        lijst,
        formats,
        stem=f"besluitenlijst-{date}",
        what=f"the besluitenlijst of {date}",
    )
    return lijst.samenvatting


@click.command(name="besluitenlijst")
@data_option
@output_option
@vergadering_option
@formats_option(FORMATS, stem="besluitenlijst-DATE")
@openbaar_option
@quiet_option
@described(files=FORMATS.pattern("besluitenlijst-DATE"))
def command(
    data_dir: Path,
    output_dir: Path,
    vergadering: dt.date | None,
    formats: list[str],
    openbaar: bool,
    strict: bool,
) -> None:
    """Write a meeting's actie- en besluitenlijst: {files}.

    It holds who was present, the decisions numbered per agenda item, the actions agreed (nr,
    actie, actiehouder, deadline, status), the actions of earlier meetings still open with
    their age in days (overdue marked), those closed in this meeting, and the agenda of the
    next meeting when its file exists.
    """
    dataset, publication = load_for_publication(
        data_dir, output_dir, openbaar=openbaar, strict=strict
    )
    meeting = meeting_on(dataset.vergaderingen, vergadering)
    publication.echo(add_besluitenlijst(publication, dataset, meeting, formats))
    publication.publish()
