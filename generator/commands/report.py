"""``statusgen report``: a progress report to the Tweede Kamer as HTML and tagged PDF."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import click

from generator import progress
from generator.commands import load_for_publication
from generator.exceptions import UsageError
from generator.load.dataset import Dataset
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
from generator.quoting import did_you_mean
from generator.render.rapportage import FORMATS


def reports(dataset: Dataset) -> dict[str, Any]:
    """The progress reports in the data by id (the file name without .yaml)."""
    return dataset.rapportages


def latest_report(dataset: Dataset) -> str | None:
    """The id of the latest report: the one whose period ends last (then issued last)."""
    found = reports(dataset)
    if not found:
        return None
    return max(
        found, key=lambda rid: (found[rid].periode.tot, found[rid].datum or dt.date.min, rid)
    )


def add_report(
    publication: Publication, dataset: Dataset, report_id: str, formats: list[str]
) -> str:
    """Add the report ``report_id`` in ``formats`` to ``publication``; its summary line.
    UsageError when the data has no such report."""
    from generator.render.rapportage.build import build

    found = reports(dataset)
    if report_id not in found:
        known = sorted(found)
        raise UsageError(
            f"there is no report '{report_id}'{did_you_mean(report_id, known)} "
            f"(rapportages/: {', '.join(known) or 'none'})"
        )
    progress.step(f"building the report {report_id}")
    rapport = build(dataset, report_id, found[report_id])
    add_document(
        publication, FORMATS, rapport, formats, stem=report_id, what=f"the report {report_id}"
    )
    return rapport.samenvatting


@click.command(name="report")
@click.argument("report_id", metavar="ID")
@data_option
@output_option
@formats_option(FORMATS, stem="ID")
@openbaar_option
@quiet_option
@described(files=FORMATS.pattern("ID"))
def command(
    data_dir: Path,
    output_dir: Path,
    report_id: str,
    formats: list[str],
    openbaar: bool,
    strict: bool,
) -> None:
    """Build the progress report rapportages/ID.yaml: {files}.

    The HTML is one self-contained, accessible page; the PDF is typeset by Typst (A4, tagged
    PDF/UA-1, table of contents with page numbers, footnotes at the page's foot).
    """
    dataset, publication = load_for_publication(
        data_dir, output_dir, openbaar=openbaar, strict=strict
    )
    publication.echo(add_report(publication, dataset, report_id, formats))
    publication.publish()
