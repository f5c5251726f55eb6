"""The communication planning, in the three parts of the hand-made deck:

1. the week calendar: the two weeks before the meeting, the meeting's week and the one after it as
   columns, the doelgroepen as rows (one calendar per audience when they are grouped); each item
   has a marker whose shape and colour show its soort;
2. the planning for the coming months: per doelgroep the items after those weeks, or dated by
   month, or not yet dated; its title names the months;
3. the long-term list per doelgroep, mostly without dates.

Items before the calendar's weeks are past and left out.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from generator.load.kinds.communicatie import Communicatie, CommunicatieItem, LangeTermijnItem
from generator.load.kinds.vergadering import AgendaItem
from generator.model.deadline import Deadline, Vorm
from generator.model.legend import SOORT
from generator.render.deck.cells import cell, heading, legend_text
from generator.render.deck.content import (
    GRIJS,
    LINTBLAUW,
    SMALL,
    TABLE,
    Block,
    Cell,
    Column,
    Group,
    Para,
    Run,
    Section,
    Slide,
    Table,
    Text,
)
from generator.render.deck.context import Deck
from generator.render.deck.parts import builds
from generator.text import dutch

#: a shape per soort, so that the marker is not colour alone
SOORT_MARKERS = {
    "brief": "■",
    "politiek_overleg": "▲",
    "telefonisch": "●",
    "website": "◊",
    "media": "►",
    "overleg": "○",
    "intern": "□",
    "kamerbrief": "▼",
}

#: the week calendar's columns, relative to the meeting's week
WEEKS = range(-2, 2)

MONTHS = (
    "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
    "oktober", "november", "december",
)  # fmt: skip


def aantal(count: int, one: str, more: str) -> str:
    """'1 item', '3 items', 'geen items'."""
    if count == 0:
        return f"geen {more}"
    return f"{count} {one if count == 1 else more}"


@dataclass(frozen=True)
class Window:
    """The week calendar's weeks: Mondays, and the last day shown."""

    mondays: tuple[dt.date, ...]

    @classmethod
    def around(cls, meeting: dt.date) -> Window:
        monday = meeting - dt.timedelta(days=meeting.weekday())
        return cls(tuple(monday + dt.timedelta(weeks=n) for n in WEEKS))

    @property
    def first(self) -> dt.date:
        return self.mondays[0]

    @property
    def last(self) -> dt.date:
        return self.mondays[-1] + dt.timedelta(days=6)

    def weeks_of(self, datum: Deadline) -> list[dt.date]:
        """The Mondays of the weeks an item stands in: none for a month, ntb or doorlopend."""
        if datum.vorm in (Vorm.MONTH, Vorm.NTB, Vorm.DOORLOPEND) or datum.due is None:
            return []
        start = datum.start or datum.due
        return [
            monday for monday in self.mondays
            if start <= monday + dt.timedelta(days=6) and monday <= datum.due
        ]  # fmt: skip

    def past(self, datum: Deadline) -> bool:
        return datum.due is not None and datum.due < self.first

    def later(self, datum: Deadline) -> bool:
        """In the planning for the coming months: after the weeks, by month, or undated."""
        return not self.past(datum) and not self.weeks_of(datum)


@builds("communicatiekalender")
def slides(deck: Deck, item: AgendaItem, head: tuple[Block, ...]) -> list[Slide]:
    kalender = deck.data.communicatie
    assert kalender is not None, "the vergadering check requires the kalender for this part"
    window = Window.around(deck.meeting.datum)
    legend = (legend_text(SOORT, SOORT_MARKERS),)
    later = [entry for entry in kalender.items if window.later(entry.datum)]
    planning_title = months_title(kalender, window, later, year=deck.year)
    result: list[Slide] = []
    for groep, doelgroepen in kalender.groepen:
        calendar: tuple[Block, ...] = (week_table(deck, kalender, window, doelgroepen),)
        count = sum(entry.doelgroep in doelgroepen for entry in later)
        foot: tuple[Block, ...] = legend
        if count:
            # with the legend under the table, so that it never stands alone on a slide
            note = (
                f"Na deze weken gepland: {aantal(count, 'item', 'items')} (zie {planning_title})."
            )
            foot = (Text((Para((Run(note, italic=True, colour=GRIJS),), size=SMALL),)), *legend)
        result.append(Section(titled(item.titel, groep), calendar, head=head, foot=foot))
    if later or kalender.planning:
        body: list[Block] = []
        if kalender.planning and kalender.planning.toelichting:
            body.append(toelichting(kalender.planning.toelichting))
        for groep, doelgroepen in kalender.groepen:
            entries = [entry for entry in later if entry.doelgroep in doelgroepen]
            if not entries:
                continue
            if groep:
                body.append(heading(groep))
            body.append(month_table(deck, doelgroepen, entries))
        if not later:
            body.append(toelichting("Nog niets gepland voor deze maanden."))
        result.append(Section(planning_title, tuple(body), head=head, foot=legend))
    if kalender.lange_termijn:
        body = long_term(deck, kalender.alle_doelgroepen, kalender.lange_termijn)
        marked = any(entry.soort for entry in kalender.lange_termijn)
        foot = legend if marked else ()
        result.append(Section("Planning lange termijn", tuple(body), head=head, foot=foot))
    return result


def titled(title: str, groep: str | None) -> str:
    return f"{title} – {groep}" if groep else title


def toelichting(text: str) -> Text:
    return Text((Para((Run(text, italic=True),), size=TABLE),))


def header_cells(*cells: Cell) -> tuple[Cell, ...]:
    return tuple(Cell(c.paras, fill=LINTBLAUW, colour="FFFFFF") for c in cells)


# --- 1. the week calendar ------------------------------------------------------------------


def week_table(
    deck: Deck, kalender: Communicatie, window: Window, doelgroepen: Sequence[str]
) -> Table:
    header = [cell("Doelgroep", bold=True)]
    for monday in window.mondays:
        label = f"Week{dutch.NBSP}{monday.isocalendar().week}"
        days = dutch.short_range(monday, monday + dt.timedelta(days=6), year=deck.year)
        # a week's days on one line: "10 –" / "16 aug" read as two dates in a squeezed column
        days = days.replace(" ", dutch.NBSP)
        header.append(
            Cell((Para((Run(label, bold=True),), size=TABLE), Para((Run(days),), size=TABLE)))
        )
    groups = []
    for doelgroep in doelgroepen:
        row = [cell(doelgroep, bold=True)]
        for monday in window.mondays:
            entries = sorted(
                (e for e in kalender.items
                 if e.doelgroep == doelgroep and monday in window.weeks_of(e.datum)),
                key=lambda e: first_day(e.datum),
            )  # fmt: skip
            paras = [
                entry(e.soort, when_in_week(e.datum, year=deck.year), e.tekst) for e in entries
            ]
            # an empty paragraph in the table's size: a cell without one is drawn at the
            # renderer's default size (18 pt), taller than measured
            row.append(Cell(tuple(paras) or (Para((), size=TABLE),)))
        groups.append(Group((tuple(row),)))
    columns = (Column(1.8), *(Column(2.6) for _ in window.mondays))
    return Table(columns, header_cells(*header), tuple(groups))


def first_day(datum: Deadline) -> dt.date:
    return datum.start or datum.due or dt.date.max


def when_in_week(datum: Deadline, *, year: int) -> str:
    """'ma 17' for a day; '17 – 28 aug' for a range; a written date as its own text."""
    if datum.vorm is Vorm.DATE and datum.due is not None:
        return f"{dutch.weekday(datum.due)}{dutch.NBSP}{datum.due.day}"
    return dutch.deadline(datum, year=year)


def entry(soort: str | None, when: str, tekst: str) -> Para:
    runs = []
    if soort is not None:
        runs.append(Run(f"{SOORT_MARKERS[soort]} ", colour=SOORT[soort].colour))
    if when:
        runs.append(Run(f"{when}: ", bold=True))
    runs.append(Run(tekst))
    if soort is None:
        return Para(tuple(runs), size=TABLE, level=1, bullet="•", space_before=2.0)
    return Para(tuple(runs), size=TABLE, space_before=2.0)


# --- 2. the coming months ------------------------------------------------------------------


def months_title(
    kalender: Communicatie, window: Window, later: Sequence[CommunicatieItem], *, year: int
) -> str:
    """'Planning september t/m december': from the first month that begins after the week
    calendar (or an earlier month an item names) to the planning's ``tot`` or the last month
    an item names."""
    first = (window.last.replace(day=1) + dt.timedelta(days=31)).replace(day=1)
    last: dt.date | None = kalender.planning.tot if kalender.planning else None
    for item in later:
        if item.datum.due is None:
            continue
        start = (item.datum.start or item.datum.due).replace(day=1)
        end = item.datum.due.replace(day=1)
        first = min(first, max(start, window.first.replace(day=1)))
        last = end if last is None else max(last, end)
    if last is None:
        return f"Planning vanaf {month_name(first, year=year)}"
    if last < first:
        last = first
    span = (last.year - first.year) * 12 + last.month - first.month
    shown_year = None if first.year != last.year else year
    begin, final = month_name(first, year=shown_year), month_name(last, year=shown_year)
    if span == 0:
        return f"Planning {begin}"
    if span == 1:
        return f"Planning {begin} en {final}"
    return f"Planning {begin} t/m {final}"


def month_name(day: dt.date, *, year: int | None) -> str:
    name = MONTHS[day.month - 1]
    return name if day.year == year else f"{name}{dutch.NBSP}{day.year}"


def month_table(
    deck: Deck, doelgroepen: Sequence[str], entries: Sequence[CommunicatieItem]
) -> Table:
    header = header_cells(cell("Doelgroep", bold=True), cell("Gepland", bold=True))
    groups = []
    for doelgroep in doelgroepen:
        own = [e for e in entries if e.doelgroep == doelgroep]
        if not own:
            continue
        dated = sorted(
            (e for e in own if e.datum.due is not None), key=lambda e: first_day(e.datum)
        )
        undated = [e for e in own if e.datum.due is None]
        paras = tuple(
            entry(e.soort, when_in_months(e.datum, year=deck.year), e.tekst)
            for e in (*dated, *undated)
        )
        groups.append(Group(((cell(doelgroep, bold=True), Cell(paras)),)))
    return Table((Column(1.8), Column(10.4)), header, tuple(groups))


def when_in_months(datum: Deadline, *, year: int) -> str:
    """'8 sept', 'september', '1 okt – 15 nov', 'doorlopend'; nothing when not yet known."""
    if datum.vorm is Vorm.NTB:
        return ""
    if datum.vorm is Vorm.DOORLOPEND:
        return "doorlopend"
    if datum.vorm is Vorm.MONTH and datum.due is not None:
        return month_name(datum.due, year=year)
    if datum.vorm is Vorm.RANGE:
        return when_in_week(datum, year=year)
    return dutch.deadline(datum, year=year)


# --- 3. the long term ----------------------------------------------------------------------


def long_term(
    deck: Deck, doelgroepen: Sequence[str], entries: Sequence[LangeTermijnItem]
) -> list[Block]:
    body: list[Block] = []
    for doelgroep in doelgroepen:
        own = [e for e in entries if e.doelgroep == doelgroep]
        if not own:
            continue
        body.append(heading(doelgroep))
        paras = tuple(entry(e.soort, "", e.tekst + long_term_date(e.datum, deck.year)) for e in own)
        body.append(Text(paras, space_after=10.0))
    return body


def long_term_date(datum: Deadline | None, year: int) -> str:
    """' (datum ntb)', ' (september)': after the text, as a side note."""
    if datum is None:
        return ""
    if datum.vorm is Vorm.NTB:
        return " (datum ntb)"
    return f" ({when_in_months(datum, year=year)})"
