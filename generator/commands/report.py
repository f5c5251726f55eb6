"""``statusgen report``: a progress report to the Tweede Kamer as HTML and tagged PDF."""

from __future__ import annotations

from pathlib import Path

import click

from generator.commands import load_for_publication
from generator.exceptions import UsageError
from generator.options import data_option, openbaar_option, output_option
from generator.quoting import did_you_mean


@click.command(name="report")
@click.argument("report_id", metavar="ID")
@data_option
@output_option
@click.option(
    "--format",
    "formats",
    type=click.Choice(["html", "pdf", "html,pdf"]),
    default="html,pdf",
    show_default=True,
    help="Which files to write.",
)
@openbaar_option
def command(
    data_dir: Path, output_dir: Path, report_id: str, formats: str, openbaar: bool, strict: bool
) -> None:
    """Build the progress report rapportages/ID.yaml: output/ID.html and output/ID.pdf.

    The HTML is one self-contained, accessible page; the PDF is typeset by Typst (A4, tagged
    PDF/UA-1, table of contents with page numbers, footnotes at the page's foot).
    """
    from generator.render.rapportage import render
    from generator.render.rapportage.build import build

    dataset, publication = load_for_publication(
        data_dir, output_dir, openbaar=openbaar, strict=strict
    )
    reports = {entry.file.stem: entry.item for entry in dataset.loaded.get("rapportage", [])}
    if report_id not in reports:
        known = sorted(reports)
        raise UsageError(
            f"there is no report '{report_id}'{did_you_mean(report_id, known)} "
            f"(rapportages/: {', '.join(known) or 'none'})"
        )
    rapport = build(dataset, report_id, reports[report_id])
    for fmt, data in render(rapport, formats.split(",")).items():
        publication.add(f"{report_id}.{fmt}", data)
    publication.echo(rapport.samenvatting)
    publication.publish()
