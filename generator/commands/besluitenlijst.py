"""``statusgen besluitenlijst``: a meeting's actie- en besluitenlijst in DOCX, Markdown and PDF."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from generator.commands import load_for_publication, meeting_on
from generator.options import (
    data_option,
    formats_option,
    openbaar_option,
    output_option,
    vergadering_option,
)
from generator.render.besluitenlijst import FORMATS, render
from generator.render.besluitenlijst.build import build


@click.command(name="besluitenlijst")
@data_option
@output_option
@vergadering_option
@formats_option(FORMATS)
@openbaar_option
def command(
    data_dir: Path,
    output_dir: Path,
    vergadering: dt.date | None,
    formats: list[str],
    openbaar: bool,
    strict: bool,
) -> None:
    """Write a meeting's actie- en besluitenlijst: output/besluitenlijst-DATE.{docx,md,pdf}.

    It holds who was present, the decisions numbered per agenda item, the actions agreed (nr,
    actie, actiehouder, deadline, status), the actions of earlier meetings still open with
    their age in days (overdue marked), those closed in this meeting, and the agenda of the
    next meeting when its file exists.
    """
    dataset, publication = load_for_publication(
        data_dir, output_dir, openbaar=openbaar, strict=strict
    )
    meeting = meeting_on(dataset.items("vergadering"), vergadering)
    lijst = build(dataset, meeting)
    for fmt, data in render(lijst, formats).items():
        publication.add(f"besluitenlijst-{meeting.datum.isoformat()}.{fmt}", data)
    publication.echo(lijst.samenvatting)
    publication.publish()
