"""``statusgen report``: a progress report to the Tweede Kamer as HTML and tagged PDF."""

from __future__ import annotations

from pathlib import Path

import click

from generator.commands import load_for_publication
from generator.exceptions import UsageError
from generator.options import data_option, openbaar_option, output_option
from generator.suggest import did_you_mean

FORMATS = ("html", "pdf")


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
def command(data_dir: Path, output_dir: Path, report_id: str, formats: str, openbaar: bool) -> None:
    """Build the progress report rapportages/ID.yaml: output/ID.html and output/ID.pdf.

    The HTML is one self-contained, accessible page; the PDF is typeset by Typst (A4, tagged
    PDF/UA-1, table of contents with page numbers, footnotes at the page's foot).
    """
    from generator.rapport.build import build

    dataset, publication = load_for_publication(data_dir, output_dir, openbaar=openbaar)
    reports = {entry.file.stem: entry.item for entry in dataset.loaded.get("rapportage", [])}
    if report_id not in reports:
        known = sorted(reports)
        raise UsageError(
            f"there is no report '{report_id}'{did_you_mean(report_id, known)} "
            f"(rapportages/: {', '.join(known) or 'none'})"
        )
    report = build(dataset, report_id, reports[report_id])
    if "html" in formats:
        from generator.htmldoc import render
        from generator.text.html import Notes

        context = {
            "title": report.titel,
            "author": report.organisatie,
            "description": report.samenvatting,
            "openbaar": openbaar,
            "report": report,
            "notes": Notes(),
        }
        html = render("rapportage.html.j2", context)
        publication.add(f"{report_id}.html", html.encode("utf-8"))
    if "pdf" in formats:
        from generator.rapport.pdf import render_pdf

        publication.add(f"{report_id}.pdf", render_pdf(report))
    publication.echo(report.samenvatting)
    publication.publish()
