"""``statusgen actions``: the POK action table in HTML, PDF, DOCX, Markdown and XLSX."""

from __future__ import annotations

from pathlib import Path

import click

from generator.actietabel.build import COLUMNS, Tabel, build, changed_since
from generator.commands import load_for_publication
from generator.dataset import load
from generator.diagnostics import Report
from generator.legend import ACTIE
from generator.options import data_option, openbaar_option, output_option

FORMATS = ("html", "pdf", "docx", "md", "xlsx")


def _formats(ctx: click.Context, param: click.Parameter, value: str) -> list[str]:
    chosen = [part.strip().lower() for part in value.split(",") if part.strip()]
    unknown = [f for f in chosen if f not in FORMATS]
    if unknown or not chosen:
        raise click.BadParameter(
            f"{', '.join(unknown) or 'nothing'}: choose from {', '.join(FORMATS)}, comma-separated"
        )
    return list(dict.fromkeys(chosen))


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
@click.option(
    "--format",
    "formats",
    default=",".join(FORMATS),
    show_default=True,
    callback=_formats,
    help="Which files to write, comma-separated.",
)
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
    "since",
    metavar="REF|DATE",
    default=None,
    help="Mark the actions whose data changed since a git ref (tag, branch, commit) or a "
    "date (YYYY-MM-DD), and count them in the introduction.",
)
@openbaar_option
def command(
    data_dir: Path,
    output_dir: Path,
    formats: list[str],
    secties: list[str],
    statussen: list[str],
    since: str | None,
    openbaar: bool,
) -> None:
    """Build the POK action table: output/actietabel.{html,pdf,docx,md,xlsx}.

    Actions are grouped by sectie and subsectie, in number order; each shows its description
    with the moties it comes from, its status and its state of affairs.
    """
    dataset, publication = load_for_publication(data_dir, output_dir, openbaar=openbaar)
    changed = None
    label = None
    if since is not None:
        from generator import history

        commit = history.resolve(data_dir, since)
        with history.folder_at(data_dir, commit) as old_folder:
            old = load(old_folder, Report())
        changed = changed_since(old, dataset)
        label = history.describe(since)
    tabel = build(
        dataset,
        secties=secties,
        statussen=statussen,
        changed=changed,
        sinds=label,
    )
    html = _html(tabel) if "html" in formats else ""
    for fmt in formats:
        publication.add(f"actietabel.{fmt}", _render(fmt, tabel, html))
    publication.echo(tabel.samenvatting)
    publication.publish()


def _html(tabel: Tabel) -> str:
    from generator.htmldoc import render

    context = {
        "title": tabel.titel,
        "author": tabel.organisatie,
        "description": tabel.samenvatting,
        "openbaar": tabel.openbaar,
        "tabel": tabel,
        "columns": COLUMNS,
    }
    return render("actietabel.html.j2", context)


def _render(fmt: str, tabel: Tabel, html: str) -> bytes:
    """One format."""
    if fmt == "html":
        return html.encode("utf-8")
    if fmt == "pdf":
        from generator.actietabel.pdf import render_pdf

        return render_pdf(tabel)
    if fmt == "docx":
        from generator.actietabel.docx import render_docx

        return render_docx(tabel)
    if fmt == "md":
        from generator.actietabel.markdown import render_markdown

        return render_markdown(tabel).encode("utf-8")
    from generator.actietabel.xlsx import render_xlsx

    return render_xlsx(tabel)
