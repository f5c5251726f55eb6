"""What needs the SCT's attention, gathered from the data: escalations, concerns, passed
deadlines, status changes since the previous meeting and questions about what was reported.
The "Voor het SCT" slide counts them per workstream (``voor_het_sct``); its appendix lists them.

The previous meeting is the latest vergadering before this one; the data it saw is the data
folder as it stood at the end of that day: the last commit made on or before that date, read
from git as ``statusgen diff`` reads it. Without that history (no git repository, a shallow or
partial clone, a history that starts later) the slide leaves the changes out and the build
says why on stderr; the deck is built all the same. Only the workstreams are read from that
version, and only statuses from it are shown: every title on the slide comes from today's
data, which in the public version has no registered name left.
"""

from __future__ import annotations

import datetime as dt
import logging
import shutil
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from generator.load.kinds.werkstroom import Opdracht, Werkstroom
from generator.model.deadline import Deadline, verlopen
from generator.model.legend import SCT
from generator.render.deck.content import TABLE, Para, Run
from generator.render.deck.parts.werkstromen import anchor
from generator.text import dutch
from generator.text.lines import plain

if TYPE_CHECKING:
    from generator.render.deck.context import Deck

log = logging.getLogger(__name__)

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
        titel = _short(self.titel, short) if short else " ".join(self.titel.split())
        runs = [Run(self.nummer, bold=True, link=anchor(self.werkstroom)), Run(f" {titel}")]
        if self.detail:
            runs.append(Run(f": {self.detail}"))
        return Para(tuple(runs), size=size, level=1, bullet="•", space_before=2.0)


@dataclass(frozen=True)
class Item:
    """An opdracht's hoofdactie or eindresultaat, with the status that holds for it."""

    soort: str  # "hoofdactie" | "eindresultaat"
    titel: str
    #: its own status (None: the opdracht's)
    eigen: str | None
    status: str
    deadline: Deadline | None


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
    vorige = _previous_meeting(deck)
    note = warning = None
    gewijzigd: list[Entry] | None = None
    if vorige is not None and werkstromen:
        before, warning = _werkstromen_at(deck.data.root, vorige)
        if before is not None:
            gewijzigd = list(_changes(before, werkstromen))
    if vorige is None and werkstromen:
        note = "Er is geen eerder SCT in de gegevens om wijzigingen mee te vergelijken."
    return Findings(
        list(_with_status(werkstromen, "escalatie")),
        list(_with_status(werkstromen, "zorgen")),
        list(_overdue(deck, werkstromen)),
        gewijzigd,
        list(_contradictions(deck, werkstromen)),
        vorige,
        note,
        warning,
    )


# --- what needs attention now ------------------------------------------------------------------


def items(opdracht: Opdracht) -> Iterator[Item]:
    """The opdracht's hoofdacties and eindresultaten, each with the status that holds for it
    (an eindresultaat in the older form, plain text, has none of its own)."""
    for soort, rows in (
        ("hoofdactie", opdracht.hoofdacties),
        ("eindresultaat", _results(opdracht)),
    ):
        for row in rows:
            eigen = getattr(row, "status", None)
            yield Item(
                soort,
                _short(plain(row if isinstance(row, str) else row.titel), 40),
                eigen,
                eigen or opdracht.status,
                getattr(row, "deadline", None),
            )


def _results(opdracht: Opdracht) -> list[Any]:
    return list(getattr(opdracht, "eindresultaten", []) or [])


def _with_status(werkstromen: list[Werkstroom], status: str) -> Iterator[Entry]:
    for ws in werkstromen:
        if ws.status == status:
            yield Entry(ws.nummer, f"WS {ws.nummer}", ws.titel, "de werkstroom als geheel")
        for opdracht in ws.opdrachten:
            if opdracht.status == status:
                yield Entry(ws.nummer, opdracht.nummer, opdracht.titel)
                continue
            for item in items(opdracht):
                if item.eigen == status:
                    yield Entry(ws.nummer, opdracht.nummer, opdracht.titel, _item(item))


def _overdue(deck: Deck, werkstromen: list[Werkstroom]) -> Iterator[Entry]:
    """Per opdracht, each of its deadlines that has passed: its own and its rows'."""
    for ws in werkstromen:
        for opdracht in ws.opdrachten:
            dated: list[tuple[str, Deadline | None, str]] = [
                ("deadline", opdracht.deadline, opdracht.status)
            ]
            dated += [(_item(i), i.deadline, i.status) for i in items(opdracht)]
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
            [d for o in ws.opdrachten for d in _open_deadlines(o)], peildatum
        )
        if flagged:
            yield Entry(
                ws.nummer, f"WS {ws.nummer}", ws.titel,
                "op schema, maar alle deadlines van het openstaande werk zijn verstreken",
            )  # fmt: skip
        for opdracht in ws.opdrachten:
            open_items = [i for i in items(opdracht) if i.status != "afgerond"]
            if opdracht.status == "afgerond" and open_items:
                if len(open_items) == 1:
                    what = f"{_item(open_items[0])} staat"
                else:
                    what = f"{len(open_items)} {_plural(open_items)} staan"
                yield Entry(
                    ws.nummer, opdracht.nummer, opdracht.titel, f"afgerond, maar {what} nog open"
                )
            if opdracht.status == "nog_niet_gestart":
                begun = [i for i in items(opdracht) if i.eigen not in (None, "nog_niet_gestart")]
                if begun:
                    first = begun[0]
                    yield Entry(
                        ws.nummer, opdracht.nummer, opdracht.titel,
                        f"nog niet gestart, maar {first.soort} {_quoted(first)} staat op "
                        f"{kort(first.status)}",
                    )  # fmt: skip
            if (
                not flagged
                and opdracht.status == "gestart"
                and _all_passed(list(_open_deadlines(opdracht)), peildatum)
            ):
                yield Entry(
                    ws.nummer, opdracht.nummer, opdracht.titel,
                    "op schema, maar alle deadlines zijn verstreken",
                )  # fmt: skip


def _open_deadlines(opdracht: Opdracht) -> Iterator[Deadline]:
    """The dated deadlines of the opdracht's work that is not afgerond."""
    if opdracht.deadline is not None and opdracht.status != "afgerond":
        yield opdracht.deadline
    for item in items(opdracht):
        if item.deadline is not None and item.status != "afgerond":
            yield item.deadline


def _all_passed(deadlines: list[Deadline], peildatum: dt.date) -> bool:
    dated = [d for d in deadlines if d.due is not None]
    return bool(dated) and all(d.overdue(peildatum) for d in dated)


def _plural(some: list[Item]) -> str:
    kinds = {item.soort for item in some}
    if kinds == {"hoofdactie"}:
        return "hoofdacties"
    return "eindresultaten" if kinds == {"eindresultaat"} else "hoofdacties en eindresultaten"


def _item(item: Item) -> str:
    return f"{item.soort} {_quoted(item)}"


_SINGLE = ("'", "‘", "’")


def _quoted(item: Item) -> str:
    """The title in quotes that do not collide with its own: single, else double."""
    if any(mark in item.titel for mark in _SINGLE):
        return f"“{item.titel}”"
    return f"‘{item.titel}’"


def _short(text: str, limit: int = 45) -> str:
    """``text`` cut after a word to at most ``limit`` characters, with "…" where it was cut."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut:
        cut = cut[: cut.rindex(" ")]
    # never inside a quotation: a quote opened and not closed is cut before it opens
    for opening, closing in (("‘", "’"), ("“", "”"), ('"', '"'), ("'", "'")):
        if opening == closing:
            if cut.count(opening) % 2:
                cut = cut[: cut.rindex(opening)]
        elif cut.count(opening) > cut.count(closing):
            cut = cut[: cut.rindex(opening)]
    return cut.rstrip(" ,;:–-") + "…"


# --- what changed since the previous meeting ---------------------------------------------------


def _previous_meeting(deck: Deck) -> dt.date | None:
    # the previous SCT: a bestuurlijk overleg in between is not where changes are counted from
    earlier = [m.datum for m in deck.data.vergaderingen if m.sct and m.datum < deck.meeting.datum]
    return max(earlier, default=None)


def _werkstromen_at(root: Path, day: dt.date) -> tuple[list[Werkstroom] | None, str | None]:
    """The workstreams as they were at the end of ``day`` (from git), or why they cannot be
    known: a warning for whoever builds the deck, not a line for the chair."""
    from generator.load import history  # git and tar: only when there is a meeting before

    since = f"warning: 'Voor het SCT' shows no status changes since the SCT of {day}:"
    folder = root / "werkstromen"
    if shutil.which("git") is None:
        return None, f"{since} git is not installed on this computer"
    try:
        commit = history.resolve(folder, (day + dt.timedelta(days=1)).isoformat())
        if commit is None:
            return None, f"{since} the git history of the data starts later"
        with history.folder_at(folder, commit) as snapshot:
            if not any(snapshot.iterdir()):
                return None, f"{since} werkstromen/ was not in git then"
            return _load_werkstromen(snapshot.parent), None
    except (history.HistoryError, OSError) as exc:
        log.info("no status changes on the deck: %s", exc)
    try:
        history.repository(root)
    except history.HistoryError:
        return None, f"{since} the data folder is not in git"
    return None, f"{since} the git history here is incomplete (a shallow or partial clone)"


def _load_werkstromen(folder: Path) -> list[Werkstroom]:
    """The workstreams in ``folder``; files that did not validate then are left out, and so are
    the errors about what this copy lacks (it holds the workstreams only)."""
    from generator.load.dataset import load
    from generator.load.diagnostics import Diagnostics

    return load(folder, Diagnostics()).werkstromen


def _changes(before: list[Werkstroom], after: list[Werkstroom]) -> Iterator[Entry]:
    """Status changes, matched by number (opdrachten) and by title, else by place (hoofdacties,
    eindresultaten). A workstream is listed when its own status was or is set; otherwise its
    status follows its opdrachten, which are listed."""
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
            for then, now in _pairs(list(items(was)), list(items(opdracht))):
                if (then.eigen or now.eigen) and then.status != now.status:
                    detail = f"{_item(now)}, {_arrow(then.status, now.status)}"
                    yield Entry(ws.nummer, opdracht.nummer, opdracht.titel, detail)


def _pairs(before: list[Item], after: list[Item]) -> Iterable[tuple[Item, Item]]:
    titles = {(i.soort, i.titel): i for i in before}
    places: dict[str, list[Item]] = {}
    for item in before:
        places.setdefault(item.soort, []).append(item)
    seen: dict[str, int] = {}
    for item in after:
        index = seen.get(item.soort, 0)
        seen[item.soort] = index + 1
        match = titles.get((item.soort, item.titel))
        if match is None and index < len(places.get(item.soort, [])):
            match = places[item.soort][index]
        if match is not None:
            yield match, item


def _arrow(old: str | None, new: str | None) -> str:
    return f"{kort(old)} → {kort(new)}"
