"""What needs the SCT's attention, gathered from the data: escalations, concerns, passed
deadlines, status changes since the previous meeting and questions about what was reported.
The "Voor het SCT" slide counts them per workstream (``voor_het_sct``); its appendix lists them.

The previous meeting is the latest SCT before this one; the data it saw (``Deck.vorige``, read
from git by ``load.history.vorige`` before the deck is rendered) is the data folder as it stood
at the end of that day. Without that history (no git repository, a shallow or partial clone, a
history that starts later) the slide leaves the changes out and the build says why on stderr;
the deck is built all the same. Only the workstreams are read from that version, and only
statuses from it are shown: every title on the slide comes from today's data, which in the
public version has no registered name left. Rows of both versions are paired by the diff's
one matching rule (``domain.compare.matched``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from generator.domain.compare import matched
from generator.domain.work import EINDRESULTAAT, HOOFDACTIE, Work, rows
from generator.load.kinds.werkstroom import Opdracht, Werkstroom
from generator.load.vorige import Vorige, previous_sct
from generator.model.deadline import Deadline, verlopen
from generator.model.legend import SCT
from generator.render.deck.content import TABLE, Para, Run
from generator.render.deck.parts.werkstromen import anchor
from generator.text import dutch
from generator.text.lines import plain
from generator.text.shorten import shorten

if TYPE_CHECKING:
    from generator.render.deck.context import Deck

SIZE = TABLE + 1


def kort(status: str | None) -> str:
    """A status as the chair says it: the legend's short label, in lower case ("op schema")."""
    return SCT[status].short_label.lower() if status in SCT.values else "–"


WORRIES = ("zorgen", "escalatie")


@dataclass(frozen=True)
class Entry:
    """One line of the slide: a workstream or opdracht, and what is the matter with it."""

    werkstroom: int
    nummer: str  # "WS 4" or "4.2"
    titel: str
    detail: str = ""
    #: how many things it stands for (passed deadlines of one opdracht)
    count: int = 1

    def para(self, *, size: float = SIZE, short: int | None = 50) -> Para:
        titel = shorten(self.titel, short, at_word=True) if short else " ".join(self.titel.split())
        runs = [Run(self.nummer, bold=True, link=anchor(self.werkstroom)), Run(f" {titel}")]
        if self.detail:
            runs.append(Run(f": {self.detail}"))
        return Para(tuple(runs), size=size, level=1, bullet="•", space_before=2.0)


@dataclass(frozen=True)
class Findings:
    """What the data says needs the SCT's attention, list by list."""

    escalaties: list[Entry]
    zorgen: list[Entry]
    verstreken: list[Entry]
    #: None when the previous meeting's data cannot be known (``note`` or ``warning`` says why)
    gewijzigd: list[Entry] | None
    vragen: list[Entry]
    vorige: dt.date | None
    note: str | None  # a line for the chair (there is no earlier meeting)
    #: why changes cannot be known, for whoever builds the deck (stderr): a chair reads nothing
    #: about git, the slide just has no Gewijzigd column
    warning: str | None = None

    def lists(self, deck: Deck) -> list[tuple[str, list[Entry]]]:
        """The detail lists with their headings."""
        found = [
            ("Escalatie naar het SCT", self.escalaties),
            ("Zorgen over de voortgang", self.zorgen),
            (f"Deadline verstreken op {peildatum_text(deck)}", self.verstreken),
        ]
        if self.gewijzigd is not None and self.vorige is not None:
            since = (
                f"Status gewijzigd sinds het SCT van {dutch.long_date(self.vorige, unbroken=True)}"
            )
            found.append((since, self.gewijzigd))
        found.append(("Vragen bij de rapportage", self.vragen))
        return found


def peildatum_text(deck: Deck) -> str:
    return dutch.long_date(deck.peildatum, unbroken=True)


def findings(deck: Deck) -> Findings:
    werkstromen = deck.data.werkstromen
    # not read for this deck (a layout test): the changes are not known, and nothing is said
    vorige = deck.vorige or Vorige(previous_sct(deck.data.vergaderingen, deck.meeting))
    note = None
    gewijzigd: list[Entry] | None = None
    if vorige.werkstromen is not None and werkstromen:
        gewijzigd = list(_changes(vorige.werkstromen, werkstromen))
    if vorige.datum is None and werkstromen:
        note = "Er is geen eerder SCT in de gegevens om wijzigingen mee te vergelijken."
    return Findings(
        list(_with_status(werkstromen, "escalatie")),
        list(_with_status(werkstromen, "zorgen")),
        list(_overdue(deck, werkstromen)),
        gewijzigd,
        list(_contradictions(deck, werkstromen)),
        vorige.datum,
        note,
        vorige.warning,
    )


# --- what needs attention now ------------------------------------------------------------------


def items(ws: Werkstroom, opdracht: Opdracht) -> list[Work]:
    """The opdracht's hoofdacties and eindresultaten, each with the status that holds for it."""
    return rows(opdracht, ws)


def _with_status(werkstromen: list[Werkstroom], status: str) -> Iterator[Entry]:
    for ws in werkstromen:
        if ws.status == status:
            yield Entry(ws.nummer, f"WS {ws.nummer}", ws.titel, "de werkstroom als geheel")
        for opdracht in ws.opdrachten:
            if opdracht.status == status:
                yield Entry(ws.nummer, opdracht.nummer, opdracht.titel)
                continue
            for item in items(ws, opdracht):
                if item.eigen == status:
                    yield Entry(ws.nummer, opdracht.nummer, opdracht.titel, _item(item))


def _overdue(deck: Deck, werkstromen: list[Werkstroom]) -> Iterator[Entry]:
    """Per opdracht, each of its deadlines that has passed: its own and its rows'."""
    for ws in werkstromen:
        for opdracht in ws.opdrachten:
            dated: list[tuple[str, Deadline | None, str]] = [
                ("deadline", opdracht.deadline, opdracht.status)
            ]
            dated += [(_item(i), i.deadline, i.status) for i in items(ws, opdracht)]
            late = []
            for what, deadline, status in dated:
                if deadline is None or deadline.due is None:
                    continue
                if verlopen(deadline, status, deck.peildatum):
                    when = dutch.deadline(deadline, year=deck.year)
                    if deadline.exact:  # a vague deadline ("Begin aug") gets no day count
                        days = (deck.peildatum - deadline.due).days
                        when += f", {days} {'dag' if days == 1 else 'dagen'}"
                    late.append(f"{what} ({when})")
            if late:
                yield Entry(
                    ws.nummer, opdracht.nummer, opdracht.titel, "; ".join(late), count=len(late)
                )


def _contradictions(deck: Deck, werkstromen: list[Werkstroom]) -> Iterator[Entry]:
    peildatum = deck.peildatum
    for ws in werkstromen:
        worst = SCT.worst([o.status for o in ws.opdrachten])
        if ws.status and worst in WORRIES and SCT.rank(ws.status) < SCT.rank(worst):
            cause = next(o for o in ws.opdrachten if o.status == worst)
            yield Entry(
                ws.nummer,
                f"WS {ws.nummer}",
                ws.titel,
                f"gerapporteerd als {kort(ws.status)}, maar opdracht {cause.nummer} staat op "
                f"{kort(worst)}",
            )
        flagged = ws.effective_status == "gestart" and _all_passed(
            [d for o in ws.opdrachten for d in _open_deadlines(ws, o)], peildatum
        )
        if flagged:
            yield Entry(
                ws.nummer, f"WS {ws.nummer}", ws.titel,
                "op schema, maar alle deadlines van het openstaande werk zijn verstreken",
            )  # fmt: skip
        for opdracht in ws.opdrachten:
            open_items = [i for i in items(ws, opdracht) if i.status != "afgerond"]
            if opdracht.status == "afgerond" and open_items:
                if len(open_items) == 1:
                    what = f"{_item(open_items[0])} staat"
                else:
                    what = f"{len(open_items)} {_plural(open_items)} staan"
                yield Entry(
                    ws.nummer, opdracht.nummer, opdracht.titel, f"afgerond, maar {what} nog open"
                )
            if opdracht.status == "nog_niet_gestart":
                begun = [
                    i for i in items(ws, opdracht) if i.eigen not in (None, "nog_niet_gestart")
                ]
                if begun:
                    first = begun[0]
                    yield Entry(
                        ws.nummer, opdracht.nummer, opdracht.titel,
                        f"nog niet gestart, maar {first.soort.lower()} {_quoted(first)} staat op "
                        f"{kort(first.status)}",
                    )  # fmt: skip
            if (
                not flagged
                and opdracht.status == "gestart"
                and _all_passed(list(_open_deadlines(ws, opdracht)), peildatum)
            ):
                yield Entry(
                    ws.nummer, opdracht.nummer, opdracht.titel,
                    "op schema, maar alle deadlines zijn verstreken",
                )  # fmt: skip


def _open_deadlines(ws: Werkstroom, opdracht: Opdracht) -> Iterator[Deadline]:
    """The dated deadlines of the opdracht's work that is not afgerond."""
    if opdracht.deadline is not None and opdracht.status != "afgerond":
        yield opdracht.deadline
    for item in items(ws, opdracht):
        if item.deadline is not None and item.status != "afgerond":
            yield item.deadline


def _all_passed(deadlines: list[Deadline], peildatum: dt.date) -> bool:
    dated = [d for d in deadlines if d.due is not None]
    return bool(dated) and all(d.overdue(peildatum) for d in dated)


def _plural(some: list[Work]) -> str:
    kinds = {item.soort for item in some}
    if kinds == {HOOFDACTIE}:
        return "hoofdacties"
    return "eindresultaten" if kinds == {EINDRESULTAAT} else "hoofdacties en eindresultaten"


def _item(item: Work) -> str:
    return f"{item.soort.lower()} {_quoted(item)}"


_SINGLE = ("'", "‘", "’")


def _quoted(item: Work) -> str:
    """The title, short, in quotes that do not collide with its own: single, else double."""
    titel = shorten(plain(item.titel), 40, at_word=True)
    if any(mark in titel for mark in _SINGLE):
        return f"“{titel}”"
    return f"‘{titel}’"


# --- what changed since the previous meeting ---------------------------------------------------


def _changes(before: list[Werkstroom], after: list[Werkstroom]) -> Iterator[Entry]:
    """Status changes, matched by number (opdrachten) and by the diff's rule (hoofdacties,
    eindresultaten: by title, else by place). A workstream is listed when its own status was or
    is set; otherwise its status follows its opdrachten, which are listed."""
    olds = {ws.nummer: ws for ws in before}
    for ws in after:
        old = olds.get(ws.nummer)
        if old is None:
            continue
        if (old.status or ws.status) and old.effective_status != ws.effective_status:
            yield Entry(
                ws.nummer,
                f"WS {ws.nummer}",
                ws.titel,
                _arrow(old.effective_status, ws.effective_status),
            )
        opdrachten = {o.nummer: o for o in old.opdrachten}
        for opdracht in ws.opdrachten:
            was = opdrachten.get(opdracht.nummer)
            if was is None:
                continue
            if was.status != opdracht.status:
                yield Entry(
                    ws.nummer, opdracht.nummer, opdracht.titel, _arrow(was.status, opdracht.status)
                )
            for then, now in _pairs(old, was, ws, opdracht):
                if (then.eigen or now.eigen) and then.status != now.status:
                    detail = f"{_item(now)}, {_arrow(then.status, now.status)}"
                    yield Entry(ws.nummer, opdracht.nummer, opdracht.titel, detail)


def _pairs(
    old_ws: Werkstroom, was: Opdracht, ws: Werkstroom, opdracht: Opdracht
) -> Iterator[tuple[Work, Work]]:
    """The opdracht's rows in both versions, hoofdacties with hoofdacties and eindresultaten
    with eindresultaten, paired by the diff's rule; rows added or removed are no change of
    status."""
    before, after = items(old_ws, was), items(ws, opdracht)
    for soort in (HOOFDACTIE, EINDRESULTAAT):
        then = [w for w in before if w.soort == soort]
        now = [w for w in after if w.soort == soort]
        for a, b in matched(then, now):
            if a is not None and b is not None:
                yield a, b


def _arrow(old: str | None, new: str | None) -> str:
    return f"{kort(old)} → {kort(new)}"
