"""Voor het SCT: which workstreams need the SCT, and why, on one slide right after the agenda.

One row per workstream that needs attention, with the number of its escalations, concerns,
passed deadlines (at the peildatum), status changes since the previous meeting and questions
about what was reported; the escalations named in full. The workstream's number links to its
slide. The slide continues only when the escalations do not fit on one.

The lists behind the counts (``render/deck/findings.py``: every escalation, concern, passed
deadline, change and question) are an appendix part a meeting can ask for in its agenda:
``onderdeel: voor_het_sct_details`` (``parts/voor_het_sct_details.py``).
"""

from __future__ import annotations

from generator import progress
from generator.model.huisstijl import text_colour
from generator.model.legend import SCT
from generator.render.deck.cells import header
from generator.render.deck.content import (
    GRIJS,
    SMALL,
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
from generator.render.deck.findings import (
    SIZE,
    Entry,
    Findings,
    findings,
    peildatum_text,
)
from generator.render.deck.parts.werkstromen import anchor
from generator.text import dutch

TITEL = "Voor het SCT"
ANCHOR = "voor-het-sct"


def slides(deck: Deck) -> list[Slide]:
    """The one slide: a row per workstream that needs attention."""
    found = findings(deck)
    if found.warning:
        progress.note(found.warning)
    table = summary(deck, found)
    body: list[Block] = []
    if table is not None:
        body.append(table)
    else:
        quiet = "Niets vraagt de aandacht van het SCT: geen escalaties of zorgen, geen " + (
            "verstreken deadlines en geen tegenstrijdigheden in de rapportage."
            if found.gewijzigd is None
            else "verstreken deadlines, geen statuswijzigingen en geen tegenstrijdigheden."
        )
        body.append(Text((Para((Run(quiet),), size=SIZE),)))
    foot: list[Block] = []
    if table is not None:
        explained = (
            f"Aantallen per werkstroom; het nummer opent de werkstroom. Verstreken: deadlines "
            f"op {peildatum_text(deck)} voorbij en niet afgerond."
        )
        if found.gewijzigd is not None and found.vorige is not None:
            vorige = dutch.long_date(found.vorige, unbroken=True)
            explained += f" Gewijzigd: status sinds het SCT van {vorige}."
        foot.append(Text((Para((Run(explained, colour=GRIJS),), size=SMALL),), space_after=2.0))
    if found.note:
        foot.append(Text((Para((Run(found.note, italic=True, colour=GRIJS),), size=SMALL),)))
    return [Section(TITEL, tuple(body), foot=tuple(foot), anchors=(ANCHOR,))]


_COUNTS = ("Escalatie", "Zorgen", "Deadline verstreken", "Gewijzigd", "Vragen")


def summary(deck: Deck, found: Findings) -> Table | None:
    """Werkstroom | the five counts | the escalations named in full; None when nothing needs
    attention."""
    lists: list[list[Entry] | None] = [
        found.escalaties, found.zorgen, found.verstreken, found.gewijzigd, found.vragen,
    ]  # fmt: skip
    kinds = list(_COUNTS)
    if found.gewijzigd is None:  # not known: the column is left out, not filled with dashes
        del lists[3], kinds[3]
    groups: list[Group] = []
    for ws in deck.data.werkstromen:
        counts = [
            None if entries is None else sum(e.count for e in entries if e.werkstroom == ws.nummer)
            for entries in lists
        ]
        if not any(counts):
            continue
        name = Cell(
            (
                Para(
                    (Run(str(ws.nummer), bold=True, link=anchor(ws.nummer)), Run(f" {ws.titel}")),
                    size=SIZE,
                ),
            ),
        )
        cells = [name, *(_count(value, kind) for value, kind in zip(counts, kinds, strict=True))]
        named = [
            e.para(size=SIZE, short=None) for e in found.escalaties if e.werkstroom == ws.nummer
        ]
        cells.append(Cell(tuple(named)))
        groups.append(Group((tuple(cells),)))
    if not groups:
        return None
    right = tuple(range(1, len(kinds) + 1))
    head = header("Werkstroom", *kinds, "Escalaties naar het SCT", right=right)
    columns = (Column(3.0), *(Column(1.0, align="r") for _ in kinds), Column(5.0))
    return Table(columns, head, tuple(groups))


def _count(value: int | None, kind: str) -> Cell:
    """A count, right-aligned; an escalation or concern in its status's colour."""
    if not value:
        return Cell()
    para = Para((Run(str(value), bold=True),), size=SIZE, align="r")
    status = {"Escalatie": "escalatie", "Zorgen": "zorgen"}.get(kind)
    if status is None:
        return Cell((para,))
    colour = SCT[status].colour
    return Cell((para,), fill=colour, colour=text_colour(colour))
