"""One module per command, each defining ``command``; helpers they share live here."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from generator.exceptions import DataError
from generator.load.dataset import Dataset, load
from generator.load.diagnostics import Diagnostics
from generator.publish import Publication, public_versions


def load_valid(root: Path, *, peildatum: dt.date | None = None) -> Dataset:
    """The data folder, or DataError after printing its errors: nothing is rendered from data
    that does not validate. Warnings are not printed here; ``check`` shows them."""
    report = Diagnostics()
    dataset = load(root, report, peildatum=peildatum)
    if report.errors:
        for diagnostic in report.errors:
            click.echo(diagnostic.human(), err=True)
        raise DataError(len(report.errors))
    return dataset


def load_for_publication(
    root: Path,
    folder: Path | None,
    *,
    openbaar: bool,
    strict: bool = False,
    peildatum: dt.date | None = None,
) -> tuple[Dataset, Publication]:
    """The valid data folder, in its public version with ``openbaar`` (after the Woo audit,
    which refuses with ``strict``), and the publication its outputs go out through."""
    dataset = load_valid(root, peildatum=peildatum)
    if not openbaar:
        return dataset, Publication(folder)
    (public,), publication = public_versions(folder, [(dataset, None)], strict=strict)
    return public, publication
