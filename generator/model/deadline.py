"""Deadlines in the forms editors type, parsed into the date that counts.

Accepted: ``2020-09-01``, ``2020-09`` (due at month end), ``2020-10-01/2020-11-15`` (due at
the end), ``doorlopend`` (never overdue), ``ntb`` (not yet known) and
``{datum: 2020-07-31, tekst: "Eind juli"}``. Dutch text such as "1 sept" is refused with the
ISO form to use instead: nothing is guessed.
"""

from __future__ import annotations

import calendar
import datetime as dt
import enum
import re
from dataclasses import dataclass
from typing import Annotated, Any

from pydantic import BeforeValidator, WithJsonSchema

from generator.model.dates import FIRST_YEAR, LAST_YEAR, checked

ACCEPTED = (
    "a date 2020-09-01, a month 2020-09, a range 2020-10-01/2020-11-15, doorlopend, ntb, "
    'or {datum: 2020-07-31, tekst: "Eind juli"}'
)

_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_DUTCH_MONTHS = {
    "jan": 1, "januari": 1, "feb": 2, "febr": 2, "februari": 2, "mrt": 3, "maart": 3,
    "apr": 4, "april": 4, "mei": 5, "jun": 6, "juni": 6, "jul": 7, "juli": 7, "aug": 8,
    "augustus": 8, "sep": 9, "sept": 9, "september": 9, "okt": 10, "oktober": 10, "nov": 11,
    "november": 11, "dec": 12, "december": 12,
}  # fmt: skip
_DUTCH_TEXT = re.compile(
    r"(?:(?P<day>\d{1,2})\s+)?(?P<month>[a-z]+)\.?(?:\s+(?P<year>\d{4}))?", re.IGNORECASE
)


class Vorm(enum.StrEnum):
    DATE = "date"
    MONTH = "month"
    RANGE = "range"
    DOORLOPEND = "doorlopend"
    NTB = "ntb"
    TEXT = "text"


@dataclass(frozen=True)
class Deadline:
    """A parsed deadline. ``due`` is the date that counts; None for doorlopend and ntb."""

    vorm: Vorm
    due: dt.date | None = None
    start: dt.date | None = None
    tekst: str | None = None

    def overdue(self, peildatum: dt.date) -> bool:
        return self.due is not None and self.due < peildatum


def verlopen(deadline: Deadline | None, status: str | None, peildatum: dt.date) -> bool:
    """Whether work is overdue ("verlopen"): past its due date and not afgerond. The one rule
    ``check``, the deck, the planning and the deadline radar all apply."""
    return deadline is not None and status != "afgerond" and deadline.overdue(peildatum)


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"'{text}' is not a valid date") from None


def _dutch_suggestion(text: str) -> str | None:
    """For Dutch text with a month name, the ISO form the editor should write instead."""
    for match in _DUTCH_TEXT.finditer(text):
        month = _DUTCH_MONTHS.get(match["month"].lower())
        if month is None:
            continue
        year = match["year"]
        day = match["day"]
        if year:
            iso = f"{year}-{month:02d}-{int(day):02d}" if day else f"{year}-{month:02d}"
            return f"'{text}' is not an accepted deadline form: write it as {iso}"
        if day:
            iso = exact = f"YYYY-{month:02d}-{int(day):02d}"
        else:
            iso = f"YYYY-{month:02d}"
            exact = f"{iso}-{calendar.monthrange(2001, month)[1]:02d}"
        return (
            f"'{text}' has no year, and statusgen does not guess one: write it as {iso}, "
            f'or as {{datum: {exact}, tekst: "{text}"}} to keep the text'
        )
    return None


def parse_deadline(value: Any) -> Deadline:
    """Parse what YAML gave for a deadline; raises ValueError naming the accepted forms."""
    if isinstance(value, Deadline):
        return value
    deadline = _parse(value)
    for date in (deadline.start, deadline.due):
        if date is not None:
            checked(date)
    return deadline


def _parse(value: Any) -> Deadline:
    if isinstance(value, dt.datetime):
        raise ValueError("a deadline is a date without a time of day")
    if isinstance(value, dt.date):
        return Deadline(Vorm.DATE, due=value)
    if isinstance(value, dict):
        return _parse_mapping(value)
    if isinstance(value, str):
        return _parse_text(value.strip())
    if isinstance(value, int | float) and not isinstance(value, bool):
        raise ValueError(f"'{getattr(value, 'raw', value)}' is not a deadline; use {ACCEPTED}")
    raise ValueError(f"a deadline is one of: {ACCEPTED}")


def _parse_text(text: str) -> Deadline:
    lowered = text.lower()
    if lowered == "doorlopend":
        return Deadline(Vorm.DOORLOPEND)
    if lowered in ("ntb", "n.t.b."):
        return Deadline(Vorm.NTB)
    if _DATE.match(text):
        return Deadline(Vorm.DATE, due=_date(text))
    if match := _MONTH.match(text):
        year, month = int(match[1]), int(match[2])
        if not 1 <= month <= 12:
            raise ValueError(f"'{text}' is not a valid month")
        if not FIRST_YEAR <= year <= LAST_YEAR:
            raise ValueError(
                f"{text} is outside the years statusgen accepts ({FIRST_YEAR}-{LAST_YEAR}); "
                "is the year a typing error?"
            )
        last = calendar.monthrange(year, month)[1]
        return Deadline(Vorm.MONTH, due=dt.date(year, month, last), start=dt.date(year, month, 1))
    if "/" in text:
        first, _, end = (part.strip() for part in text.partition("/"))
        if _DATE.match(first) and _DATE.match(end):
            start, due = _date(first), _date(end)
            if due < start:
                raise ValueError(f"the range '{text}' ends before it starts")
            return Deadline(Vorm.RANGE, due=due, start=start)
    suggestion = _dutch_suggestion(text)
    if suggestion:
        raise ValueError(suggestion)
    raise ValueError(f"'{text}' is not a deadline; use {ACCEPTED}")


def _parse_mapping(value: dict[Any, Any]) -> Deadline:
    unknown = [str(k) for k in value if k not in ("datum", "tekst")]
    if unknown:
        raise ValueError(
            f"a deadline mapping has only the keys datum and tekst, not {', '.join(unknown)}"
        )
    datum, tekst = value.get("datum"), value.get("tekst")
    if datum is None or tekst is None:
        raise ValueError(
            'a deadline mapping needs both datum and tekst: {datum: 2020-07-31, tekst: "Eind juli"}'
        )
    if isinstance(datum, dt.datetime) or not isinstance(datum, dt.date):
        raise ValueError(
            f"the datum of a deadline must be a date such as 2020-07-31, not {datum!r}"
        )
    if not isinstance(tekst, str) or not tekst.strip():
        raise ValueError("the tekst of a deadline must be non-empty text")
    return Deadline(Vorm.TEXT, due=datum, tekst=tekst.strip())


_SCHEMA = {
    "description": f"A deadline: {ACCEPTED}.",
    "anyOf": [
        {"type": "string", "format": "date"},
        {"type": "string", "pattern": r"^\d{4}-\d{2}$"},
        {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}/\d{4}-\d{2}-\d{2}$"},
        {"type": "string", "enum": ["doorlopend", "ntb"]},
        {
            "type": "object",
            "properties": {
                "datum": {"type": "string", "format": "date"},
                "tekst": {"type": "string", "minLength": 1},
            },
            "required": ["datum", "tekst"],
            "additionalProperties": False,
        },
    ],
}

DeadlineField = Annotated[Deadline, BeforeValidator(parse_deadline), WithJsonSchema(_SCHEMA)]
