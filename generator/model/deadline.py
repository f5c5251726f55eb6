"""Deadlines as the editor typed them, with what statusgen can read from them.

A deadline is what the editor wrote. The ISO forms (``2020-09-01``, ``2020-09``,
``2020-10-01/2020-11-15``) and the keywords ``doorlopend`` and ``ntb`` print in the house date
style, as they always did; every other text prints exactly as typed ("1x/2mnd", "N.v.t.",
"Maart '21", "2e week aug", "19 augustus (afstemming)"). From that text statusgen reads what it
can, for sorting, overdue and the radar: a day, a month, a range, a week, the begin, half or end
of a month, a season or quarter, a recurrence, "n.v.t.", "doorlopend", "ntb". What it cannot read
is printed and never counted overdue; ``check`` says what it read (``Deadline.begrip``).

The date that counts (``due``) is the last day the text can mean: "Begin aug" is due on 10
August, "aug" on the 31st, "2e week aug" on the 14th. A text without a year takes the year that
puts it no more than four months before the file's reference date (its ``stand``, else the
peildatum): written in August, "Eind juli" is this July, "Maart" next March. Only a single day is
exact; a vague deadline (``vaag``) is never given a count of days.

Numeric dates in another order (``30-09-2026``, ``2026-9-30``) and dates that do not exist
(``31 september 2026``) are refused with what to write; nothing impossible is suggested.

It is one module because the deadline, the words it may be typed in, their reading and the
JSON Schema that describes them are one declaration: the tables of words (months, parts of a
month, keywords, recurrences) are what the parser reads, what ``check`` reports and what
docs/deadlines.md lists.
"""

from __future__ import annotations

import calendar
import datetime as dt
import enum
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated, Any

from pydantic import BeforeValidator, ValidationInfo, WithJsonSchema

from generator.model.dates import FIRST_YEAR, LAST_YEAR, MONTH_NAMES, checked, impossible

ACCEPTED = (
    "a date 2020-09-01, a month 2020-09, a range 2020-10-01/2020-11-15, doorlopend, ntb, "
    '{datum: 2020-07-31, tekst: "Eind juli"}, or text as it should print ("Begin sept", '
    '"2e week aug", "1x/2mnd", "N.v.t."; see docs/deadlines.md)'
)

#: how far before the reference date a deadline without a year may fall (see the module text)
LOOKBACK = dt.timedelta(days=122)


class Vorm(enum.StrEnum):
    DATE = "date"  # one day: exact
    MONTH = "month"  # a whole month
    RANGE = "range"  # from one point to another
    PERIOD = "period"  # part of a month, a week, a quarter or season
    DOORLOPEND = "doorlopend"  # continuous: never overdue
    NTB = "ntb"  # not yet known: never overdue; check warns
    RECURRING = "recurring"  # 1x/2mnd, wekelijks, periodiek: never overdue
    NVT = "nvt"  # not applicable: never overdue
    DONE = "done"  # "Afgerond" typed as the deadline
    TEXT = "text"  # {datum, tekst}: the editor gave the date
    FREE = "free"  # text statusgen reads no date from: printed, never overdue


@dataclass(frozen=True)
class Deadline:
    """A deadline. ``due`` is the date that counts (None when there is none); ``tekst`` is what
    prints when the editor typed text; ``vaag`` when it is not one exact day; ``begrip`` what
    statusgen read from a text, for ``check``."""

    vorm: Vorm
    due: dt.date | None = None
    start: dt.date | None = None
    tekst: str | None = None
    vaag: bool = False
    begrip: str | None = None

    def overdue(self, peildatum: dt.date) -> bool:
        return self.due is not None and self.due < peildatum

    @property
    def exact(self) -> bool:
        """One known day: the only kind of deadline given a count of days."""
        return self.due is not None and not self.vaag


def verlopen(deadline: Deadline | None, status: str | None, peildatum: dt.date) -> bool:
    """Whether work is overdue ("verlopen"): past its due date and not afgerond. The one rule
    ``check``, the deck, the planning and the deadline radar all apply."""
    return deadline is not None and status != "afgerond" and deadline.overdue(peildatum)


# --- the words of a deadline ---------------------------------------------------------------

MONTHS = {
    "jan": 1, "januari": 1, "feb": 2, "febr": 2, "februari": 2, "mrt": 3, "mar": 3, "maart": 3,
    "apr": 4, "april": 4, "mei": 5, "jun": 6, "juni": 6, "jul": 7, "juli": 7, "aug": 8,
    "augustus": 8, "sep": 9, "sept": 9, "september": 9, "okt": 10, "oct": 10, "oktober": 10,
    "nov": 11, "november": 11, "dec": 12, "december": 12,
}  # fmt: skip
_MONTH = r"(?P<m>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?(?![a-z])"
_YEAR = r"(?:\s*(?P<y>\d{4}|['’‘`]\d{2})(?!\d))?"
_ORD = r"(?:e|ste|de)?"

_NTB = {"ntb", "n.t.b", "nader te bepalen", "planning volgt", "volgt", "onbekend", "tbd"}
_NVT = {"nvt", "n.v.t", "niet van toepassing"}
_DOORLOPEND = {"doorlopend", "continu", "continue", "loopt", "lopend", "permanent"}
_DONE = {"afgerond", "gereed", "klaar", "gedaan"}
_RECURRING = re.compile(
    r"^(?:\d+\s*x\s*(?:/|per|p\.?)\s*\d*\s*\w+\.?|periodiek|wekelijks|tweewekelijks|"
    r"(?:twee|drie|half)?maandelijks|dagelijks|jaarlijks|(?:elke|iedere)\s+\w+|"
    r"per\s+(?:week|maand|kwartaal))$",
    re.IGNORECASE,
)
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_ISO_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
_DMY = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$")
_YMD = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$")
_SEPARATOR = re.compile(r"\s*(?:-|–|—|/|\bt/m\b|\btot en met\b|\btot\b|\ben\b)\s*", re.IGNORECASE)
_REMARK = re.compile(r"^\s*(?:\(.*\)|[,:;].*)?\s*$", re.DOTALL)

_PARTS = {
    "begin": (1, 10), "start": (1, 10), "half": (11, 20), "mid": (11, 20), "midden": (11, 20),
    "medio": (11, 20), "eind": (21, 31), "einde": (21, 31), "ultimo": (21, 31),
    "eerste helft": (1, 15), "1e helft": (1, 15), "tweede helft": (16, 31), "2e helft": (16, 31),
}  # fmt: skip
_PART_WORDS = "|".join(p.replace(" ", r"\s+") for p in sorted(_PARTS, key=len, reverse=True))
_SEASONS = {
    "voorjaar": (3, 5), "lente": (3, 5), "zomer": (6, 8), "najaar": (9, 11), "herfst": (9, 11),
}  # fmt: skip

_POINTS: list[tuple[str, re.Pattern[str]]] = [
    (kind, re.compile(pattern, re.IGNORECASE))
    for kind, pattern in (
        ("part", rf"(?P<p>{_PART_WORDS})\s+(?:van\s+)?{_MONTH}{_YEAR}"),
        ("weekof", rf"(?P<w>[1-5]){_ORD}\s*(?:week|wk)\.?\s+(?:van\s+)?{_MONTH}{_YEAR}"),
        ("isoweek", rf"(?:week|wk)\.?\s*(?P<w>\d{{1,2}})(?!\d){_YEAR}"),
        ("day", rf"(?P<d>\d{{1,2}}){_ORD}\s*{_MONTH}{_YEAR}"),
        ("quarter", rf"Q(?P<q>[1-4]){_YEAR}"),
        ("season", rf"(?P<s>{'|'.join(_SEASONS)}){_YEAR}"),
        ("month", rf"{_MONTH}{_YEAR}"),
    )
]


@dataclass(frozen=True)
class _Point:
    """One point of a text deadline, its year perhaps not given: ``span(year)`` gives its first
    and last day in that year."""

    kind: str
    span: Callable[[int], tuple[dt.date, dt.date]]
    year: int | None
    what: str  # for check: "the begin of the month"

    @property
    def vague(self) -> bool:
        return self.kind != "day"


def _last_day(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def _year(text: str | None) -> int | None:
    if not text:
        return None
    return int(text) if text[0].isdigit() else 2000 + int(text[1:])


def _month_span(month: int, first: int, last: int) -> Callable[[int], tuple[dt.date, dt.date]]:
    def span(year: int) -> tuple[dt.date, dt.date]:
        end = min(last, _last_day(year, month))
        return dt.date(year, month, first), dt.date(year, month, end)

    return span


def _day(match: re.Match[str]) -> _Point:
    day, month = int(match["d"]), MONTHS[match["m"].lower()]
    year = _year(match["y"])
    typed = " ".join(match[0].split())
    if day < 1 or day > _last_day(year or 2000, month):
        raise ValueError(impossible(day, month, year, typed=typed))

    def span(y: int) -> tuple[dt.date, dt.date]:
        if day > _last_day(y, month):
            raise ValueError(impossible(day, month, y, typed=typed))
        return dt.date(y, month, day), dt.date(y, month, day)

    return _Point("day", span, year, "a day")


def _point(match: re.Match[str], kind: str) -> _Point:
    year = _year(match["y"])
    if kind == "day":
        return _day(match)
    if kind == "part":
        month = MONTHS[match["m"].lower()]
        part = " ".join(match["p"].lower().split())
        first, last = _PARTS[part]
        return _Point(
            kind,
            _month_span(month, first, last),
            year,
            # the Dutch word quoted: "read as 'eind' of the month", not "read as eind of"
            f"'{part}' of the month (days {first}-{last})",
        )
    if kind == "weekof":
        month, week = MONTHS[match["m"].lower()], int(match["w"])
        first = (week - 1) * 7 + 1
        return _Point(kind, _month_span(month, first, first + 6), year, f"week {week} of the "
                      f"month (days {first}-{min(first + 6, 31)})")  # fmt: skip
    if kind == "isoweek":
        week = int(match["w"])
        if not 1 <= week <= 53:
            raise ValueError(f"week {week} does not exist: weeks are numbered 1 to 53")

        def iso(y: int) -> tuple[dt.date, dt.date]:
            try:
                return dt.date.fromisocalendar(y, week, 1), dt.date.fromisocalendar(y, week, 7)
            except ValueError:
                raise ValueError(f"{y} has no week {week}") from None

        return _Point(kind, iso, year, f"ISO week {week} (Monday to Sunday)")
    if kind == "quarter":
        quarter = int(match["q"])
        first_month, last_month = 3 * quarter - 2, 3 * quarter

        def q(y: int) -> tuple[dt.date, dt.date]:
            return dt.date(y, first_month, 1), dt.date(y, last_month, _last_day(y, last_month))

        return _Point(kind, q, year, f"quarter {quarter}")
    if kind == "season":
        first_month, last_month = _SEASONS[match["s"].lower()]

        def s(y: int) -> tuple[dt.date, dt.date]:
            return dt.date(y, first_month, 1), dt.date(y, last_month, _last_day(y, last_month))

        return _Point(kind, s, year, f"months {first_month}-{last_month}")
    month = MONTHS[match["m"].lower()]
    return _Point("month", _month_span(month, 1, 31), year, "the whole month")


def _read_point(text: str, pos: int) -> tuple[_Point, int] | None:
    for kind, pattern in _POINTS:
        match = pattern.match(text, pos)
        if match:
            return _point(match, kind), match.end()
    return None


def _resolve(
    point: _Point, reference: dt.date, after: dt.date | None = None
) -> tuple[dt.date, dt.date]:
    """The point's first and last day: in its own year, or else the first year from the year
    before the reference on that is not more than LOOKBACK before it (nor before ``after``, the
    start of a range)."""
    if point.year is not None:
        return point.span(checked_year(point.year))
    floor = after if after is not None else reference - LOOKBACK
    for year in range(floor.year - 1, floor.year + 3):
        try:
            first, last = point.span(year)
        except ValueError:
            continue  # 29 februari in a year without it
        if last >= floor:
            return first, last
    return point.span(floor.year)


def checked_year(year: int) -> int:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise ValueError(
            f"{year} is outside the years statusgen accepts ({FIRST_YEAR}-{LAST_YEAR}); "
            "is the year a typing error?"
        )
    return year


# --- parsing -------------------------------------------------------------------------------


def _reference(info: ValidationInfo | None) -> dt.date:
    context = getattr(info, "context", None)
    reference = context.get("reference") if isinstance(context, dict) else None
    if isinstance(reference, dt.date):
        return reference
    return dt.date.today()


def parse_deadline(value: Any, info: ValidationInfo | None = None) -> Deadline:
    """Parse what YAML gave for a deadline; raises ValueError saying what to write."""
    if isinstance(value, Deadline):
        return value
    deadline = _parse(value, _reference(info))
    for date in (deadline.start, deadline.due):
        if date is not None:
            checked(date)
    return deadline


def parse_optional(value: Any, info: ValidationInfo | None = None) -> Deadline | None:
    """A deadline that may be left empty: ``deadline:`` or ``deadline: ""`` stays empty."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    return parse_deadline(value, info)


def _parse(value: Any, reference: dt.date) -> Deadline:
    if isinstance(value, dt.datetime):
        raise ValueError("a deadline is a date without a time of day")
    if isinstance(value, dt.date):
        return Deadline(Vorm.DATE, due=value)
    if isinstance(value, dict):
        return _parse_mapping(value, reference)
    if isinstance(value, str):
        if not value.strip():
            raise ValueError("a deadline must not be empty here: write ntb when not yet known")
        return _parse_text(value.strip(), reference)
    if isinstance(value, int | float) and not isinstance(value, bool):
        raise ValueError(f"'{getattr(value, 'raw', value)}' is not a deadline; use {ACCEPTED}")
    raise ValueError(f"a deadline is one of: {ACCEPTED}")


def _iso_date(text: str) -> dt.date:
    year, month, day = (int(part) for part in text.split("-"))
    if not 1 <= month <= 12:
        raise ValueError(f"'{text}' is not a date: there is no month {month}")
    if not 1 <= day <= _last_day(year, month):
        raise ValueError(impossible(day, month, year, typed=text))
    return dt.date(year, month, day)


def _keyword(text: str) -> Deadline | None:
    """The exact keywords keep their old print ("n.t.b.", "Continu"); typed variants print as
    typed."""
    lowered = " ".join(text.lower().rstrip(".").split())
    if lowered == "doorlopend":
        return Deadline(Vorm.DOORLOPEND)
    if text in ("ntb", "n.t.b."):
        return Deadline(Vorm.NTB)
    table = (
        (_NTB, Vorm.NTB, "not yet known (as ntb): never overdue"),
        (_NVT, Vorm.NVT, "not applicable: never overdue"),
        (_DOORLOPEND, Vorm.DOORLOPEND, "continuous (as doorlopend): never overdue"),
        (_DONE, Vorm.DONE, "done: never overdue"),
    )
    for words, vorm, begrip in table:
        if lowered in words:
            return Deadline(vorm, tekst=text, vaag=True, begrip=begrip)
    if _RECURRING.match(lowered):
        return Deadline(Vorm.RECURRING, tekst=text, vaag=True,
                        begrip="a recurrence: never overdue")  # fmt: skip
    return None


def _numeric(text: str) -> None:
    """Numeric dates in another order than ISO's: refused with exactly what to write."""
    if match := _DMY.match(text):
        day, month, year = int(match[1]), int(match[2]), int(match[3])
    elif match := _YMD.match(text):
        year, month, day = int(match[1]), int(match[2]), int(match[3])
    else:
        return
    if not 1 <= month <= 12:
        raise ValueError(f"'{text}' is not a date: there is no month {month}")
    if not 1 <= day <= _last_day(year, month):
        raise ValueError(impossible(day, month, year, typed=text))
    raise ValueError(
        f"'{text}' is read as {day} {MONTH_NAMES[month - 1]} {year}: "
        f"write it as {year}-{month:02d}-{day:02d}"
    )


def _parse_text(text: str, reference: dt.date) -> Deadline:
    keyword = _keyword(text)
    if keyword is not None:
        return keyword
    if _ISO_DATE.match(text):
        return Deadline(Vorm.DATE, due=_iso_date(text))
    if match := _ISO_MONTH.match(text):
        year, month = int(match[1]), int(match[2])
        if not 1 <= month <= 12:
            raise ValueError(f"'{text}' is not a valid month")
        checked_year(year)
        last = _last_day(year, month)
        return Deadline(Vorm.MONTH, due=dt.date(year, month, last),
                        start=dt.date(year, month, 1), vaag=True)  # fmt: skip
    if "/" in text:
        first, _, end = (part.strip() for part in text.partition("/"))
        if _ISO_DATE.match(first) and _ISO_DATE.match(end):
            start, due = _iso_date(first), _iso_date(end)
            if due < start:
                raise ValueError(f"the range '{text}' ends before it starts")
            return Deadline(Vorm.RANGE, due=due, start=start)
    _numeric(text)
    return _words(text, reference)


def date_hint(text: str) -> str | None:
    """For a date typed in another form ('30-09-2026', '1 sept 2020', '31 september 2026'),
    what to write instead, or why it does not exist; None when it does not look like a date."""
    try:
        _numeric(text)
        if _ISO_DATE.match(text):
            _iso_date(text)
            return None
        read = _words(text, dt.date.today())
    except ValueError as error:
        return str(error)
    if read.vorm is Vorm.DATE and read.due is not None and re.search(r"\d{4}", text):
        return (
            f"'{text}' is read as {read.due.day} {MONTH_NAMES[read.due.month - 1]} "
            f"{read.due.year}: write it as {read.due.isoformat()}"
        )
    if read.vorm is not Vorm.FREE:
        return f"'{text}' is not one day with its year: write a date such as 2021-06-15"
    return None


def _words(text: str, reference: dt.date) -> Deadline:
    """A deadline in words: one point, or two joined by a dash, slash, 't/m' or 'en', with an
    optional remark in brackets or after a comma."""
    read = _read_point(text, 0)
    if read is None:
        return Deadline(Vorm.FREE, tekst=text, vaag=True)
    first, end = read
    second: _Point | None = None
    separator = _SEPARATOR.match(text, end)
    if separator:
        more = _read_point(text, separator.end())
        if more is not None:
            second, end = more
    if not _REMARK.match(text[end:]):
        return Deadline(Vorm.FREE, tekst=text, vaag=True)
    if second is None:
        start, due = _resolve(first, reference)
    else:
        if first.year is None and second.year is not None:
            # "1 dec - 15 jan 2021": the first point is the one in the year before the second
            later, _ = _resolve(second, reference)
            start, _ = _resolve(first, reference, after=later - dt.timedelta(days=364))
        else:
            start, _ = _resolve(first, reference)
        _, due = _resolve(second, reference, after=start)
    if due < start:
        raise ValueError(f"the range '{text}' ends before it starts")
    guessed = first.year is None or (second is not None and second.year is None)
    return _understood(text, first, second, start, due, guessed=guessed, reference=reference)


def _understood(
    text: str,
    first: _Point,
    second: _Point | None,
    start: dt.date,
    due: dt.date,
    *,
    guessed: bool,
    reference: dt.date,
) -> Deadline:
    if second is not None:
        vorm, vaag = Vorm.RANGE, first.vague or second.vague
        read = f"the range {start.isoformat()}/{due.isoformat()}, due at its end"
    elif first.kind == "day":
        vorm, vaag = Vorm.DATE, False
        read = f"the day {due.isoformat()}"
    elif first.kind == "month":
        vorm, vaag = Vorm.MONTH, True
        read = f"the month {due.isoformat()[:7]}, due on its last day"
    else:
        vorm, vaag = Vorm.PERIOD, True
        read = f"{first.what}: {start.isoformat()}/{due.isoformat()}, due {due.isoformat()}"
    if guessed:
        read += f" (no year given: {start.year}, as the year nearest after the reference date "
        read += f"{reference.isoformat()}; write the year if another is meant)"
    return Deadline(
        vorm,
        due=due,
        start=None if vorm is Vorm.DATE else start,
        tekst=text,
        vaag=vaag,
        begrip=f"read as {read}",
    )


def _parse_mapping(value: dict[Any, Any], reference: dt.date) -> Deadline:
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
    # the text says how exact the date is: "Eind juli" is no day to count to
    try:
        read = _parse_text(tekst.strip(), datum)
    except ValueError:
        read = None
    vaag = read is None or read.vaag
    return Deadline(Vorm.TEXT, due=datum, tekst=tekst.strip(), vaag=vaag)


_SCHEMA = {
    "description": f"A deadline: {ACCEPTED}.",
    "anyOf": [
        {"type": "string", "format": "date"},
        {"type": "string", "pattern": r"^\d{4}-\d{2}$"},
        {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}/\d{4}-\d{2}-\d{2}$"},
        {"type": "string", "enum": ["doorlopend", "ntb"]},
        {
            "type": "string",
            "minLength": 1,
            "description": "Text as it should print; statusgen reads a date from it where it "
            "can (see docs/deadlines.md), e.g. Begin sept, 2e week aug, 1x/2mnd, N.v.t.",
        },
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

_OPTIONAL_SCHEMA = {
    "description": f"A deadline, or empty: {ACCEPTED}.",
    "anyOf": [*_SCHEMA["anyOf"], {"type": "null"}, {"type": "string", "maxLength": 0}],
}


def _validate(value: Any, info: ValidationInfo) -> Deadline:
    return parse_deadline(value, info)


def _validate_optional(value: Any, info: ValidationInfo) -> Deadline | None:
    return parse_optional(value, info)


DeadlineField = Annotated[Deadline, BeforeValidator(_validate), WithJsonSchema(_SCHEMA)]
#: a deadline that may be left empty (it then prints nothing and counts for nothing)
OptionalDeadline = Annotated[
    Deadline | None, BeforeValidator(_validate_optional), WithJsonSchema(_OPTIONAL_SCHEMA)
]
