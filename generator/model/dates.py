"""The years statusgen accepts, in the data and in options.

Dates far outside the years a crisis organisation plans in are typing errors, and they break
date arithmetic in the writers (a meeting on 9999-12-31 has no week after it).
"""

from __future__ import annotations

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
