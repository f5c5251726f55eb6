"""One module per command, each defining ``command``; helpers they share live here."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from generator import progress
from generator.exceptions import DataError, UsageError
from generator.load.dataset import Dataset, load
from generator.load.diagnostics import Diagnostics, display_path
from generator.load.kinds.vergadering import Vergadering
from generator.publish import Publication, public_versions


def load_valid(
    root: Path, *, peildatum: dt.date | None = None, diagnostics: Diagnostics | None = None
) -> Dataset:
    """The data folder, or DataError after printing its errors on stderr: nothing is rendered
    from data that does not validate. Warnings are not printed here (``check`` shows them);
    they are in ``diagnostics`` when one is given."""
    diagnostics = Diagnostics() if diagnostics is None else diagnostics
    progress.step(f"reading and checking {display_path(root)}")
    dataset = load(root, diagnostics, peildatum=peildatum)
    if diagnostics.errors:
        for diagnostic in diagnostics.errors:
            progress.say(diagnostic.human())
        raise DataError(len(diagnostics.errors))
    return dataset


def load_for_publication(
    root: Path,
    folder: Path | None,
    *,
    openbaar: bool,
    strict: bool = False,
    peildatum: dt.date | None = None,
    diagnostics: Diagnostics | None = None,
) -> tuple[Dataset, Publication]:
    """The valid data folder, in its public version with ``openbaar`` (after the Woo audit,
    which refuses with ``strict``), and the publication its outputs go out through."""
    dataset = load_valid(root, peildatum=peildatum, diagnostics=diagnostics)
    if not openbaar:
        return dataset, Publication(folder)
    (public,), publication = public_versions(folder, [(dataset, None)], strict=strict)
    return public, publication


def meeting_on(meetings: list[Vergadering], date: dt.date | None) -> Vergadering:
    """The meeting on ``date``, or the latest; UsageError naming the meetings there are."""
    if not meetings:
        raise UsageError("there is no meeting: add vergaderingen/YYYY-MM-DD.yaml to the data")
    if date is None:
        return max(meetings, key=lambda m: m.datum)
    for meeting in meetings:
        if meeting.datum == date:
            return meeting
    known = ", ".join(sorted(m.datum.isoformat() for m in meetings))
    raise UsageError(f"there is no meeting on {date.isoformat()} (meetings: {known})")


def previous_meeting(meetings: list[Vergadering], date: dt.date) -> Vergadering | None:
    """The last meeting before ``date``, if there is one."""
    earlier = [m for m in meetings if m.datum < date]
    return max(earlier, key=lambda m: m.datum) if earlier else None
