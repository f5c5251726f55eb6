"""``statusgen planning``: the integral planning as a spreadsheet."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from generator.commands import load_for_publication
from generator.options import (
    data_option,
    described,
    formats_option,
    openbaar_option,
    output_option,
    peildatum_option,
    quiet_option,
)
from generator.publish.document import add_document
from generator.render.planning import FORMATS, Sheet


@click.command(name="planning")
@data_option
@output_option
@peildatum_option
@formats_option(FORMATS, stem="planning")
@openbaar_option
@quiet_option
@described(files=FORMATS.pattern("planning"))
def command(
    data_dir: Path,
    output_dir: Path,
    peildatum: dt.date | None,
    formats: list[str],
    openbaar: bool,
    strict: bool,
) -> None:
    """Write the integral planning, {files}: every opdracht and hoofdactie
    with workstream, trekker, deadline, status and toelichting, one row each, and every action
    agreed in an SCT meeting (workstream "SCT"), open or afgerond."""
    from generator.render import planning

    dataset, publication = load_for_publication(
        data_dir, output_dir, openbaar=openbaar, strict=strict
    )
    table = planning.rows(dataset, peildatum=peildatum or dt.date.today())
    org = dataset.organisatie
    sheet = Sheet(table, author=org.naam if org else "")
    note = f"{len(table)} rows"
    add_document(
        publication, FORMATS, sheet, formats, stem="planning", what="the planning", note=note
    )
    publication.publish()
