"""``statusgen vergadering DATE``: the crisis bureau's evening job, every product for one SCT
meeting from one reading of the data."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from generator import progress
from generator.commands import load_for_publication, meeting_on, previous_meeting
from generator.commands.actions import add_actietabel
from generator.commands.besluitenlijst import add_besluitenlijst
from generator.commands.deadlines import period
from generator.commands.deck import add_deck
from generator.commands.report import add_report, latest_report
from generator.load.dataset import Dataset
from generator.load.diagnostics import Diagnostics, counted, display_path
from generator.load.kinds.vergadering import SOORTEN, Vergadering
from generator.options import (
    DateType,
    data_option,
    described,
    openbaar_option,
    output_option,
    quiet_option,
    template_option,
)
from generator.publish import Publication
from generator.publish.document import add_document
from generator.render.actietabel import FORMATS as ACTIETABEL
from generator.render.besluitenlijst import FORMATS as BESLUITENLIJST
from generator.render.deadlines import FORMATS as DEADLINES
from generator.render.rapportage import FORMATS as RAPPORTAGE


@click.command(name="vergadering")
@click.argument("datum", metavar="DATE", type=DateType())
@data_option
@output_option
@click.option(
    "--alles",
    is_flag=True,
    help="Also the POK action table (every format) and the latest progress report.",
)
@template_option
@click.option(
    "--peildatum",
    type=DateType(),
    default=None,
    help="Reference date for overdue deadlines in the deck and the calendar  "
    "[default: the meeting date]",
)
@click.option(
    "--binnen",
    "days",
    default="14d",
    show_default=True,
    callback=period,
    help="How far ahead the deadlines calendar looks: days (14d) or weeks (2w).",
)
@openbaar_option
@quiet_option
@described(
    besluitenlijst=BESLUITENLIJST.pattern("besluitenlijst-EARLIER"),
    actietabel=ACTIETABEL.pattern("actietabel"),
    rapportage=RAPPORTAGE.pattern("ID"),
)
def command(
    datum: dt.date,
    data_dir: Path,
    output_dir: Path,
    alles: bool,
    template_file: Path | None,
    peildatum: dt.date | None,
    days: int,
    openbaar: bool,
    strict: bool,
    quiet: bool,
) -> None:
    """Build everything for the SCT meeting on DATE, the crisis bureau's evening job:

    \b
    - the deck of that meeting: output/sct-DATE.pptx
    - the besluitenlijst of the meeting before it, named by that date:
      {besluitenlijst}
    - the deadlines calendar from DATE on: output/deadlines-DATE.ics
    - with --alles, the action table {actietabel} and the
      latest progress report {rapportage}

    The data is read and checked once; an error stops the run before any file is written.
    It ends with the list of files written. With --openbaar every file is the public version.
    """
    peildatum = peildatum or datum
    diagnostics = Diagnostics()
    dataset, publication = load_for_publication(
        data_dir,
        output_dir,
        openbaar=openbaar,
        strict=strict,
        peildatum=peildatum,
        diagnostics=diagnostics,
    )
    meetings = dataset.vergaderingen
    meeting = meeting_on(meetings, datum)
    add_deck(publication, dataset, meeting, template=template_file, peildatum=peildatum)
    # the previous meeting of the same kind: a bestuurlijk overleg between two SCTs is not it
    previous = previous_meeting([m for m in meetings if m.soort == meeting.soort], meeting.datum)
    if previous is not None:
        add_besluitenlijst(publication, dataset, previous, BESLUITENLIJST.default)
    elif not quiet:
        progress.say(
            f"note: no besluitenlijst written: it is of the meeting before "
            f"{datum.isoformat()}, and vergaderingen/ has none"
        )
    _add_calendar(publication, dataset, meeting, peildatum=peildatum, days=days)
    if alles:
        add_actietabel(publication, dataset, ACTIETABEL.default)
        report_id = latest_report(dataset)
        if report_id is not None:
            add_report(publication, dataset, report_id, RAPPORTAGE.default)
        elif not quiet:
            progress.say("note: there is no progress report in rapportages/")
    if diagnostics.warnings and not quiet:
        progress.say(
            f"note: the data has {counted(len(diagnostics.warnings), 'warning')}; "
            # check measures against today unless told the peildatum this run used
            f"statusgen check --data {display_path(data_dir)} "
            f"--peildatum {peildatum.isoformat()} lists them"
        )
    paths = publication.publish()
    click.echo(
        f"{counted(len(paths), 'file')} for the {_what(meeting)} of "
        f"{meeting.datum.isoformat()} "
        f"in {display_path(output_dir)}"
    )


def _add_calendar(
    publication: Publication, dataset: Dataset, meeting: Vergadering, *, peildatum: dt.date,
    days: int
) -> None:  # fmt: skip
    """The deadlines calendar from ``peildatum`` on, named by the meeting's date."""
    from generator.render.deadlines import Deadlines, radar

    shown = Deadlines(dataset, radar(dataset, peildatum=peildatum, days=days))
    date = meeting.datum.isoformat()
    add_document(
        publication,
        DEADLINES,
        shown,
        ["ics"],
        stem=f"deadlines-{date}",
        what="the deadlines calendar",
    )


def _what(meeting: Vergadering) -> str:
    """ "SCT meeting", or the kind of overleg ("bestuurlijk overleg")."""
    return "SCT meeting" if meeting.sct else SOORTEN[meeting.soort].label.lower()
