"""``statusgen check``: validate the data folder and report every problem at once."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import click

from generator import progress
from generator.exceptions import AuditUnavailable
from generator.load.dataset import load
from generator.load.diagnostics import Diagnostics, display_path, summary
from generator.options import data_option, peildatum_option, quiet_option


@click.command(name="check")
@data_option
@peildatum_option
@click.option("--strict", is_flag=True, help="Fail on warnings too.")
@click.option(
    "--openbaar",
    is_flag=True,
    help="Also run the Woo audit: report probable personal names in free text that are not in "
    "organisatie.yaml (personen, publiek, geen_namen). Needs: pip install 'statusgen[woo]'.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["human", "github", "json"]),
    default="human",
    show_default=True,
    help="human: file:line:col lines on stderr; github: Actions annotations and json: one "
    "document, on stdout.",
)
@quiet_option
def command(
    data_dir: Path,
    peildatum: dt.date | None,
    strict: bool,
    openbaar: bool,
    fmt: str,
    quiet: bool,
) -> None:
    """Validate the data folder; errors name file, line and column.

    Exit status: 0 when the data is valid, 1 on errors (or warnings with --strict), 2 on usage
    errors. Errors are listed first, then warnings (--quiet: errors only), on stderr. Warnings
    (overdue or ntb deadlines, an afgeronde opdracht with open hoofdacties) do not fail the run
    unless --strict is given. With --openbaar, each probable personal name that no list in
    organisatie.yaml accounts for is a warning too.
    """
    if openbaar:
        from generator.publish import audit

        if not audit.available():
            raise AuditUnavailable(audit.INSTALL)
    diagnostics = Diagnostics()
    progress.step(f"reading and checking {display_path(data_dir)}")
    dataset = load(data_dir, diagnostics, peildatum=peildatum)
    names_found = 0
    if openbaar:
        found = audit.check(dataset, progress.say)
        names_found = sum(1 for d in found if d.message.startswith(audit.PREFIX))
        diagnostics.extend(found)
    errors, warnings = len(diagnostics.errors), len(diagnostics.warnings)
    failed = errors > 0 or (strict and warnings > 0)
    shown = diagnostics.errors if quiet else diagnostics.ordered
    if fmt == "json":
        document = {
            "ok": not failed,
            "errors": errors,
            "warnings": warnings,
            "diagnostics": [d.as_json() for d in shown],
        }
        click.echo(json.dumps(document, ensure_ascii=False, indent=2))
    elif fmt == "github":
        # workflow commands are read from standard output
        for diagnostic in shown:
            click.echo(diagnostic.github())
    else:
        with progress.paused():
            for diagnostic in shown:
                click.echo(diagnostic.human(), err=True)
    if fmt != "json":
        _summarise(
            data_dir,
            errors,
            warnings,
            failed=failed,
            dataset_incomplete=bool(dataset.incomplete),
            names_found=names_found,
        )
    if failed:
        raise SystemExit(1)


def _summarise(
    data_dir: Path,
    errors: int,
    warnings: int,
    *,
    failed: bool,
    dataset_incomplete: bool,
    names_found: int,
) -> None:
    counts = f"{summary(errors, warnings)} in {display_path(data_dir)}"
    click.echo(("FAILED: " if failed else "OK: ") + counts, err=True)
    if dataset_incomplete:
        click.echo(
            "A file that does not validate is not checked further (its deadlines, "
            "verdicts and references): run check again once it does, for what is left.",
            err=True,
        )
    if names_found:
        click.echo(
            f"{names_found} possible personal name(s) not in the registry: add each person "
            "to personen (withheld) or publiek (a public official) in organisatie.yaml, or "
            "the phrase to geen_namen if it is not a name",
            err=True,
        )
