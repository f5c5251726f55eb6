"""``statusgen planning``: the integral planning as a spreadsheet."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from generator.commands import load_for_publication
from generator.options import (
    data_option,
    openbaar_option,
    output_option,
    peildatum_option,
    quiet_option,
)


@click.command(name="planning")
@data_option
@output_option
@peildatum_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["xlsx", "csv"]),
    default="xlsx",
    show_default=True,
    help="xlsx with filters and a frozen header; csv separated by semicolons.",
)
@openbaar_option
@quiet_option
def command(
    data_dir: Path,
    output_dir: Path,
    peildatum: dt.date | None,
    fmt: str,
    openbaar: bool,
    strict: bool,
) -> None:
    """Write the integral planning, output/planning.xlsx (or .csv): every opdracht and hoofdactie
    with workstream, trekker, deadline, status and toelichting, one row each, and every action
    agreed in an SCT meeting (workstream "SCT"), open or afgerond."""
    from generator.render import planning

    dataset, publication = load_for_publication(
        data_dir, output_dir, openbaar=openbaar, strict=strict
    )
    table = planning.rows(dataset, peildatum=peildatum or dt.date.today())
    org = dataset.organisatie
    if fmt == "csv":
        data = planning.to_csv(table)
    else:
        data = planning.to_xlsx(table, title="Integrale planning", author=org.naam if org else "")
    publication.add(f"planning.{fmt}", data, f"{len(table)} rows")
    publication.publish()
