"""The years statusgen accepts, in the data and in options.

Dates far outside the years a crisis organisation plans in are typing errors, and they break
date arithmetic in the writers (a meeting on 9999-12-31 has no week after it).
"""

from __future__ import annotations

import calendar
import datetime as dt

FIRST_YEAR = 1900
LAST_YEAR = 2200


def out_of_range(date: dt.date) -> str | None:
    """Why ``date`` is refused, or None when it is within the years statusgen accepts."""
    if FIRST_YEAR <= date.year <= LAST_YEAR:
        return None
    return (
        f"{date.isoformat()} is outside the years statusgen accepts "
        f"({FIRST_YEAR}-{LAST_YEAR}); is the year a typing error?"
    )


def checked(date: dt.date) -> dt.date:
    """``date``, or ValueError when it is out of range."""
    problem = out_of_range(date)
    if problem:
        raise ValueError(problem)
    return date


MONTH_NAMES = (
    "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
    "oktober", "november", "december",
)  # fmt: skip


#: month names as editors abbreviate them (the forms docs/deadlines.md lists)
SHORT_MONTH_NAMES = (
    "jan", "feb", "mrt", "apr", "mei", "juni", "juli", "aug", "sept", "okt", "nov", "dec",
)  # fmt: skip


def impossible(day: int, month: int, year: int | None, *, typed: str | None = None) -> str:
    """Why a day does not exist, without suggesting another date ('31 september 2026 does not
    exist: september has 30 days')."""
    name = MONTH_NAMES[month - 1] if 1 <= month <= 12 else f"month {month}"
    shown = typed or " ".join(str(p) for p in (day, name, year) if p is not None)
    if not 1 <= month <= 12:
        return f"'{shown}' is not a date: there is no month {month}"
    if day < 1:
        return f"'{shown}' is not a date: days start at 1"
    if month == 2 and day == 29 and year is not None:
        return f"'{shown}' does not exist: {year} is not a leap year, februari has 28 days"
    if month == 2 and year is None:
        return f"'{shown}' does not exist: februari has at most 29 days"
    days = calendar.monthrange(year or 2000, month)[1]
    return f"'{shown}' does not exist: {name} has {days} days"
