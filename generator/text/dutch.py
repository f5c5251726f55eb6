"""Dutch dates, deadlines and numbers for the documents, through Babel (CLDR data): the one
place every slide and print document takes its date style from.

Abbreviated months, as tables write them (Taalunie: in a table the full stop of an abbreviated
month is left out): jan, feb, mrt, apr, mei, juni, juli, aug, sept, okt, nov, dec. Two
deliberate departures from CLDR: September is "sept", as the Taalunie writes it and as the crisis
bureau's own decks do ("1 sept"), since CLDR's "sep" reads as a typo to Dutch readers; June and
July stay whole ("juni", "juli"), as editors type them ("Eind juli"), so that a typed deadline
and a date the deck writes never stand in two styles on one slide ("31 jul" beside "Eind juli").
Running text and print documents write the month in full ("17 augustus 2020").

The dates of tables and lists are never broken over two lines: their day, month and year are
joined by no-break spaces ("1 sept", "sept 2020"). A range may break after its dash and nowhere
else ("1 okt –" / "15 nov"), and a range within one month names the month once ("1 – 15 sept").
The long date of running text is written with plain spaces, since it also goes where no line is
set (metadata, Markdown headings, messages); text that is set asks for it ``unbroken``.
"""

from __future__ import annotations

import datetime as dt
import re
import string
from collections.abc import Iterable

from babel.dates import format_date
from babel.numbers import format_decimal

from generator.model.deadline import Deadline, Vorm

LOCALE = "nl_NL"
_SHORT_MONTH_FIXES = {6: "juni", 7: "juli", 9: "sept"}
#: between the parts of a date, and before a range's dash: never a line break there
NBSP = "\u00a0"
#: between the two ends of a range: a line may break after the dash
DASH = f"{NBSP}– "


def _short_month(day: dt.date) -> str:
    return _SHORT_MONTH_FIXES.get(day.month) or format_date(day, "LLL", locale=LOCALE).rstrip(".")


def short_date(day: dt.date, *, year: int | None = None) -> str:
    """'1 sept'; the year is added when it is not the document's ``year``."""
    text = f"{day.day}{NBSP}{_short_month(day)}"
    return text if day.year == year else f"{text}{NBSP}{day.year}"


def long_date(day: dt.date, *, unbroken: bool = False) -> str:
    """'17 augustus 2020'; with no-break spaces when ``unbroken``."""
    text = format_date(day, "long", locale=LOCALE)
    return text.replace(" ", NBSP) if unbroken else text


def short_range(first: dt.date, last: dt.date, *, year: int | None = None) -> str:
    """'1 okt – 15 nov'; within one month '1 – 15 sept'; over a year's end both years
    ('1 dec 2020 – 15 dec 2021', which without the first year would read as two weeks)."""
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.day}{DASH}{short_date(last, year=year)}"
    start = short_date(first, year=year if first.year == last.year else None)
    return f"{start}{DASH}{short_date(last, year=year)}"


def long_range(first: dt.date, last: dt.date) -> str:
    """'1 oktober 2020 – 15 november 2020'; within one month '1 – 15 september 2020'."""
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.day}{DASH}{long_date(last, unbroken=True)}"
    return f"{long_date(first, unbroken=True)}{DASH}{long_date(last, unbroken=True)}"


def weekday(day: dt.date) -> str:
    """'ma', 'di', ...: the short weekday."""
    return format_date(day, "EEEEEE", locale=LOCALE)


def month(day: dt.date) -> str:
    """'sept 2020'."""
    return f"{_short_month(day)}{NBSP}{day.year}"


#: a typed deadline this short is kept on one line ("2e week aug", not "2e week" / "aug")
_SHORT_TEXT = 16


def deadline(value: Deadline, *, year: int | None = None, long: bool = False) -> str:
    """A deadline as tables show it: the text the editor typed, as typed ("2e week aug",
    "1x/2mnd", "N.v.t."); the ISO forms, keywords and "not yet known" in the house style ('1 sept',
    '1 okt – 15 nov', 'Continu', 'n.t.b.')."""
    if value.vorm is Vorm.NTB:  # however typed ("N.t.b.", "ntb"): one column, one style
        return "n.t.b."
    if value.tekst:
        text = value.tekst
        return text.replace(" ", NBSP) if len(text) <= _SHORT_TEXT else text
    if value.vorm is Vorm.DOORLOPEND:
        return "Continu"
    if value.due is None:
        return ""
    if value.vorm is Vorm.MONTH:
        return month(value.due)
    if value.vorm is Vorm.RANGE and value.start is not None:
        if long:
            return long_range(value.start, value.due)
        return short_range(value.start, value.due, year=year)
    return long_date(value.due, unbroken=True) if long else short_date(value.due, year=year)


def number(value: float) -> str:
    """'1.234' and '81,5': Dutch grouping and decimal comma."""
    return format_decimal(value, locale=LOCALE)


def change(value: float) -> str:
    """A difference with its sign: '+12', '−3' (a real minus sign), '0'."""
    if value == 0:
        return "0"
    sign = "+" if value > 0 else "\u2212"
    return f"{sign}{number(abs(value))}"


def letter(index: int) -> str:
    """A, B, ..., Z, AA, AB, ...: the letter of agenda item ``index`` (from 0), as the deck, the
    besluitenlijst and the verslag letter an agenda ("2. Ter besluitvorming | B. ...")."""
    letters = string.ascii_uppercase
    return letters[index] if index < 26 else letters[index // 26 - 1] + letters[index % 26]


def _runs(numbers: Iterable[int]) -> list[tuple[int, int]]:
    """Sorted, without doubles, as (first, last) runs of consecutive numbers."""
    runs: list[tuple[int, int]] = []
    for n in sorted(set(numbers)):
        if runs and n == runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], n)
        else:
            runs.append((n, n))
    return runs


def _range(first: str, last: str, *, length: int) -> list[str]:
    """A run of three or more reads "1 t/m 4"; a pair stays a pair ("1, 2")."""
    if length >= 3:
        return [f"{first} t/m {last}"]
    return [first, last] if length == 2 else [first]


def number_list(numbers: Iterable[int], *, prefix: str = "") -> str:
    """'1 t/m 4, 7': runs of three or more compressed with "t/m", the way the SCT deck writes
    them; with a ``prefix`` on every number ('R1 t/m R3, R5')."""
    parts: list[str] = []
    for first, last in _runs(numbers):
        parts += _range(f"{prefix}{first}", f"{prefix}{last}", length=last - first + 1)
    return ", ".join(parts)


_ID = re.compile(r"^(?P<prefix>\D*?)(?P<number>\d+)$")


def id_list(ids: Iterable[str]) -> str:
    """Ids with a common prefix and a number compressed: ['R1', 'R2', 'R3'] -> 'R1 t/m R3',
    ['R1', 'R3'] -> 'R1, R3'. Prefixes in order of first appearance; other ids as they are."""
    groups: dict[str, list[int]] = {}
    order: list[tuple[str, str]] = []  # ("prefix", p) or ("id", text)
    for text in ids:
        match = _ID.match(text)
        if match is None:
            if ("id", text) not in order:
                order.append(("id", text))
            continue
        prefix = match["prefix"]
        if prefix not in groups:
            groups[prefix] = []
            order.append(("prefix", prefix))
        groups[prefix].append(int(match["number"]))
    parts = [number_list(groups[value], prefix=value) if kind == "prefix" else value
             for kind, value in order]  # fmt: skip
    return ", ".join(parts)


def workstream_list(items: Iterable[int | str]) -> str:
    """Dependencies as the deck writes them: 'WS 1 t/m 4, 7', then unit names ('WS 1 t/m 3, IV')."""
    items = list(items)
    numbers = [i for i in items if isinstance(i, int)]
    names = list(dict.fromkeys(i for i in items if isinstance(i, str)))
    parts = [f"WS {number_list(numbers)}"] if numbers else []
    return ", ".join(parts + names)
