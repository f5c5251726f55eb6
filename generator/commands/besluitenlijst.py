"""``statusgen besluitenlijst``: a meeting's actie- en besluitenlijst in DOCX, Markdown and PDF."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from generator.commands import load_for_publication, meeting_on
from generator.options import DateType, data_option, openbaar_option, output_option
from generator.render.besluitenlijst import FORMATS, render
from generator.render.besluitenlijst.build import build


def _formats(ctx: click.Context, param: click.Parameter, value: str) -> list[str]:
    chosen = [part.strip().lower() for part in value.split(",") if part.strip()]
    unknown = [f for f in chosen if f not in FORMATS]
    if unknown or not chosen:
        raise click.BadParameter(
            f"{', '.join(unknown) or 'nothing'}: choose from {', '.join(FORMATS)}, comma-separated"
        )
    return list(dict.fromkeys(chosen))


@click.command(name="besluitenlijst")
@data_option
@output_option
@click.option(
    "--vergadering",
    type=DateType(),
    default=None,
    help="The date of the meeting (vergaderingen/DATE.yaml)  [default: the latest]",
)
@click.option(
    "--format",
    "formats",
    default=",".join(FORMATS),
    show_default=True,
    callback=_formats,
    help="Which files to write, comma-separated.",
)
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
