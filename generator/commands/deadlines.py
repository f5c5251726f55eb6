"""``statusgen deadlines``: overdue and upcoming work per trekker, or a calendar file."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import click

from generator.commands import load_for_publication
from generator.options import (
    data_option,
    formats_option,
    openbaar_option,
    peildatum_option,
    quiet_option,
)
from generator.quoting import printable
from generator.render.deadlines import FORMATS, Deadlines

#: ten years: further ahead than anyone plans, and a calendar that stays small
MAX_DAYS = 3653


def period(ctx: click.Context, param: click.Parameter, value: str) -> int:
    match = re.fullmatch(r"\s*(\d+)\s*([dw]?)\s*", value.lower())
    if not match:
        raise click.BadParameter(
            f"'{printable(value)}' is not a period: write days (14d, 14) or weeks (2w)"
        )
    digits = match[1].lstrip("0") or "0"
    days = int(digits) * (7 if match[2] == "w" else 1) if len(digits) <= 7 else MAX_DAYS + 1
    if days > MAX_DAYS:
        raise click.BadParameter(
            f"'{printable(value[:20])}' is too far ahead: at most {MAX_DAYS} days (10 years)"
        )
    return days


@click.command(name="deadlines")
@data_option
@peildatum_option
@click.option(
    "--binnen",
    "days",
    default="14d",
    show_default=True,
    callback=period,
    help="How far ahead to look: days (14d) or weeks (2w).",
)
@formats_option(FORMATS, one=True)
@openbaar_option
@quiet_option
def command(
    data_dir: Path,
    peildatum: dt.date | None,
    days: int,
    fmt: str,
    openbaar: bool,
    strict: bool,
) -> None:
    """Print the overdue and upcoming hoofdacties (and opdrachten with a deadline of their own),
    grouped by trekker, and the open actions of SCT meetings under their actiehouder.

    With --format ics the output is a calendar (iCalendar) holding those deadlines and
    actions, the SCT meetings in vergaderingen/ and the weekly preparation moments of the SCT
    cadence (Tuesday 13.00, Wednesday 12.00, Thursday 20.00) within the period, in
    Europe/Amsterdam time.
    """
    from generator.render import deadlines as radar

    dataset, publication = load_for_publication(data_dir, None, openbaar=openbaar, strict=strict)
    peildatum = peildatum or dt.date.today()
    shown = Deadlines(dataset, radar.radar(dataset, peildatum=peildatum, days=days))
    publication.echo(FORMATS.render(shown, [fmt])[fmt].decode("utf-8"), nl=False)
    publication.publish()
