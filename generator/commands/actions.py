"""``statusgen actions``: the POK action table in every format of its table (``FORMATS``)."""

from __future__ import annotations

from pathlib import Path

import click

from generator import progress
from generator.commands import load_for_publication
from generator.load.dataset import Dataset
from generator.model.legend import ACTIE
from generator.options import (
    data_option,
    described,
    formats_option,
    openbaar_option,
    output_option,
    quiet_option,
)
from generator.publish import Publication
from generator.publish.document import add_document
from generator.render.actietabel import FORMATS
from generator.render.actietabel.build import build, gewijzigd


def add_actietabel(
    publication: Publication,
    dataset: Dataset,
    formats: list[str],
    *,
    secties: list[str] | None = None,
    statussen: list[str] | None = None,
    changed: set[int] | None = None,
    sinds: str | None = None,
) -> str:
    """Add the action table in ``formats`` to ``publication``; its summary line."""
    progress.step("building the action table")
    tabel = build(
        dataset,
        secties=secties or [],
        statussen=statussen or [],
        gewijzigd=changed,
        sinds=sinds,
    )
    add_document(publication, FORMATS, tabel, formats, stem="actietabel", what="the action table")
    return tabel.samenvatting


def _split(ctx: click.Context, param: click.Parameter, values: tuple[str, ...]) -> list[str]:
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


def _statuses(ctx: click.Context, param: click.Parameter, values: tuple[str, ...]) -> list[str]:
    chosen = _split(ctx, param, values)
    for value in chosen:
        try:
            ACTIE.validate(value)
        except ValueError as exc:
            raise click.BadParameter(str(exc)) from None
    return chosen


@click.command(name="actions")
@data_option
@output_option
@formats_option(FORMATS, stem="actietabel")
@click.option(
    "--sectie",
    "secties",
    multiple=True,
    callback=_split,
    help="Only these secties (repeat, or comma-separate); case does not matter.",
)
@click.option(
    "--status",
    "statussen",
    multiple=True,
    callback=_statuses,
    help=f"Only actions with these statuses ({', '.join(ACTIE.values)}).",
)
@click.option(
    "--gewijzigd-sinds",
    "gewijzigd_sinds",
    metavar="REF|DATE",
    default=None,
    help="Mark the actions whose data changed since a git ref (tag, branch, commit) or a "
    "date (YYYY-MM-DD), and count them in the introduction.",
)
@openbaar_option
@quiet_option
@described(files=FORMATS.pattern("actietabel"))
def command(
    data_dir: Path,
    output_dir: Path,
    formats: list[str],
    secties: list[str],
    statussen: list[str],
    gewijzigd_sinds: str | None,
    openbaar: bool,
    strict: bool,
) -> None:
    """Build the POK action table: {files}.

    Actions are grouped by sectie and subsectie, in number order; each shows its description
    with the moties it comes from, its status and its state of affairs.
    """
    dataset, publication = load_for_publication(
        data_dir, output_dir, openbaar=openbaar, strict=strict
    )
    changed = label = None
    if gewijzigd_sinds is not None:
        from generator.load import history

        changed = gewijzigd(history.dataset_at(data_dir, gewijzigd_sinds), dataset)
        label = history.describe(gewijzigd_sinds)
    samenvatting = add_actietabel(
        publication,
        dataset,
        formats,
        secties=secties,
        statussen=statussen,
        changed=changed,
        sinds=label,
    )
    publication.echo(samenvatting)
    publication.publish()
