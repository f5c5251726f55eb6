"""The deadline radar: what is overdue and what falls due soon, per trekker (the opdrachten and
hoofdacties of the workstreams, and the open actions of SCT meetings, under their actiehouder),
and the SCT's calendar (meetings, preparation moments of the cadence, deadlines) as iCalendar."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from generator.load.dataset import Dataset
from generator.load.opvolging import open_nu, opvolging
from generator.load.work import work
from generator.model.deadline import Deadline, verlopen
from generator.model.legend import ACTIE, SCT
from generator.model.people import People
from generator.render.formats import Format, Formats
from generator.text import dutch, gfm
from generator.text.lines import plain

TIMEZONE = ZoneInfo("Europe/Amsterdam")
GEEN_TREKKER = "Geen trekker"

#: the weekly preparation of the SCT (seed 001, "Cadans"): weekday (0 = Monday), time, what
CADANS = (
    (
        1,
        dt.time(13, 0),
        "Voor 13.00: informatie aanleveren voor de agenda van het SCT van donderdag",
    ),
    (2, dt.time(12, 0), "Voor 12.00: feedback geven op de conceptstukken voor het SCT"),
    (3, dt.time(20, 0), "Voor 20.00: wijzigingen aanleveren in planning, risicolog en dashboard"),
)


@dataclass(frozen=True)
class Item:
    """A dated piece of work: a hoofdactie, an opdracht with its own deadline, or an open
    action of an SCT meeting (``actiepunt``, its id in place of the opdracht number)."""

    trekker: str
    opdracht: str
    titel: str
    deadline: Deadline
    status: str
    actiepunt: bool = False
    #: who it is, as the data says it (a person id, a unit): the public version names every
    #: person "Persoonsgegevens", and each keeps a group of their own
    wie: str = ""

    @property
    def due(self) -> dt.date:
        assert self.deadline.due is not None
        return self.deadline.due

    @property
    def status_label(self) -> str:
        return (ACTIE if self.actiepunt else SCT)[self.status].label

    @property
    def rol(self) -> str:
        return "Actiehouder" if self.actiepunt else "Trekker"


@dataclass(frozen=True)
class Radar:
    peildatum: dt.date
    tot: dt.date
    #: per trekker (``Item.wie``) the work
    overdue: dict[str, list[Item]]
    upcoming: dict[str, list[Item]]
    openbaar: bool

    @property
    def trekkers(self) -> list[str]:
        """The groups (``Item.wie``), in the same order in the public and internal version."""
        return sorted(
            self.overdue.keys() | self.upcoming.keys(), key=lambda t: (t == GEEN_TREKKER, t)
        )

    def name(self, wie: str) -> str:
        """How a group is headed: the trekker's name."""
        return next(i.trekker for i in [*self.overdue.get(wie, []), *self.upcoming.get(wie, [])])


def items(dataset: Dataset, people: People) -> list[Item]:
    """Every open, dated piece of work (not afgerond; doorlopend and ntb have no date)."""
    acties = [
        Item(
            people.name(o.actiepunt.actiehouder),
            o.id,
            plain(o.actiepunt.wat),
            o.actiepunt.deadline,
            o.status,
            actiepunt=True,
            wie=o.actiepunt.actiehouder,
        )
        for o in open_nu(opvolging(dataset.vergaderingen))
        if o.actiepunt.deadline.due is not None
    ]
    found = acties + [
        Item(
            people.name(w.trekker) if w.trekker else GEEN_TREKKER,
            w.opdracht.nummer,
            w.titel,
            w.deadline,
            w.status,
            wie=w.trekker or GEEN_TREKKER,
        )
        for w in work(dataset.werkstromen)
        if w.deadline is not None and w.deadline.due is not None and w.status != "afgerond"
    ]
    return sorted(found, key=lambda i: (i.due, i.opdracht))


def radar(dataset: Dataset, *, peildatum: dt.date, days: int) -> Radar:
    people = dataset.people
    tot = peildatum + dt.timedelta(days=days)
    overdue: dict[str, list[Item]] = {}
    upcoming: dict[str, list[Item]] = {}
    for item in items(dataset, people):
        if verlopen(item.deadline, item.status, peildatum):
            overdue.setdefault(item.wie, []).append(item)
        elif item.due <= tot:
            upcoming.setdefault(item.wie, []).append(item)
    return Radar(peildatum, tot, overdue, upcoming, dataset.openbaar)


def text(radar: Radar, *, markdown: bool) -> str:
    heading = (
        f"Deadlines per trekker, peildatum {dutch.long_date(radar.peildatum)}: verlopen, "
        f"en te doen tot en met {dutch.long_date(radar.tot)}"
    )
    lines = [f"# {heading}" if markdown else heading, ""]
    if not radar.trekkers:
        lines.append("Niets verlopen en niets te doen in deze periode.")
    for trekker in radar.trekkers:
        name = radar.name(trekker)
        lines += [f"## {gfm.escape(name)}", ""] if markdown else [name]
        if markdown:
            lines += ["| | Deadline | Opdracht | Wat | Status |", "|---|---|---|---|---|"]
        for label, group in (("VERLOPEN", radar.overdue), ("te doen", radar.upcoming)):
            for item in group.get(trekker, []):
                # a line of a terminal or a Markdown table, not set text: plain spaces, so
                # that "1 sept" is found as typed
                when = dutch.deadline(item.deadline).replace(dutch.NBSP, " ")
                if markdown:
                    marker = "**verlopen**" if label == "VERLOPEN" else "te doen"
                    cells = (when, item.opdracht, item.titel, item.status_label)
                    escaped = " | ".join(gfm.escape(cell) for cell in cells)
                    lines.append(f"| {marker} | {escaped} |")
                else:
                    lines.append(f"  {label:9} {when:>14}  {item.opdracht:6} {item.titel}")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def calendar(dataset: Dataset, radar: Radar) -> bytes:
    """An iCalendar file: the deadlines (all-day), the SCT meetings in the data (all-day) and the
    cadence's preparation moments for every week of the period, in Europe/Amsterdam."""
    import icalendar

    cal = icalendar.Calendar()
    cal.add("prodid", "-//statusgen//SCT deadlines//NL")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", "SCT deadlines")
    cal.add("x-wr-timezone", "Europe/Amsterdam")
    stamp = dt.datetime.now(dt.UTC).replace(microsecond=0)
    for group, label in ((radar.overdue, "VERLOPEN: "), (radar.upcoming, "")):
        for found in group.values():
            for item in found:
                event = icalendar.Event()
                if item.actiepunt:
                    uid = f"actiepunt-{item.opdracht.replace('/', '-')}@statusgen"
                else:
                    uid = f"deadline-{item.opdracht}-{item.due}-{_digest(item.titel)}@statusgen"
                event.add("uid", uid)
                event.add("dtstamp", stamp)
                event.add("summary", f"{label}{item.opdracht} {item.titel}")
                event.add(
                    "description", f"{item.rol}: {item.trekker}. Status: {item.status_label}."
                )
                event.add("dtstart", item.due)
                event.add("dtend", item.due + dt.timedelta(days=1))
                event.add("categories", ["Actie SCT" if item.actiepunt else "Deadline"])
                cal.add_component(event)
    for meeting in dataset.vergaderingen:
        if radar.peildatum <= meeting.datum <= radar.tot:
            event = icalendar.Event()
            event.add("uid", f"sct-{meeting.datum}@statusgen")
            event.add("dtstamp", stamp)
            event.add("summary", meeting.titel)
            event.add("dtstart", meeting.datum)
            event.add("dtend", meeting.datum + dt.timedelta(days=1))
            event.add("categories", ["SCT"])
            cal.add_component(event)
    day = radar.peildatum
    while day <= radar.tot:
        for weekday, moment, summary in CADANS:
            if day.weekday() == weekday:
                start = dt.datetime.combine(day, moment, TIMEZONE) - dt.timedelta(minutes=30)
                event = icalendar.Event()
                event.add("uid", f"cadans-{day}-{weekday}@statusgen")
                event.add("dtstamp", stamp)
                event.add("summary", summary)
                event.add("dtstart", start)
                event.add("dtend", start + dt.timedelta(minutes=30))
                event.add("categories", ["Cadans SCT"])
                cal.add_component(event)
        day += dt.timedelta(days=1)
    cal.add_missing_timezones()
    data: bytes = cal.to_ical()
    return data


def _digest(text: str) -> str:
    """A short digest that is the same in every run: calendar apps recognise an event they
    imported before by its uid (Python's ``hash`` of a str changes per process)."""
    return hashlib.blake2b(text.encode(), digest_size=6).hexdigest()


@dataclass(frozen=True)
class Deadlines:
    """What ``statusgen deadlines`` writes: the radar, and the data its calendar also shows."""

    dataset: Dataset
    radar: Radar


def as_text(deadlines: Deadlines) -> bytes:
    return text(deadlines.radar, markdown=False).encode("utf-8")


def as_markdown(deadlines: Deadlines) -> bytes:
    return text(deadlines.radar, markdown=True).encode("utf-8")


def as_ics(deadlines: Deadlines) -> bytes:
    return calendar(deadlines.dataset, deadlines.radar)


#: the deadlines' formats (``statusgen deadlines --format``), printed on standard output
FORMATS = Formats(
    __name__,
    Format("text", "", label="plain text", help="for the terminal", function="as_text"),
    Format("md", "", label="Markdown", help="for a pull request or e-mail", function="as_markdown"),
    Format("ics", "", label="iCalendar", help="for a calendar", function="as_ics"),
    default=["text"],
)
