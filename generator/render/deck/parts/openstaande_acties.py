"""The actions agreed in earlier SCT meetings that are still open: number, what, actiehouder,
deadline (with "▲ verlopen" when overdue) and their age in days."""

from __future__ import annotations

from generator.domain.opvolging import Opvolging, open_voor, opvolging
from generator.load.kinds.vergadering import AgendaItem
from generator.render.deck.cells import cell, deadline_cell, header
from generator.render.deck.content import (
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
from generator.render.deck.markdown import inline_runs
from generator.render.deck.parts import builds

TITEL = "Openstaande acties"


def openstaand(deck: Deck) -> list[Opvolging]:
    return open_voor(opvolging(deck.data.vergaderingen), deck.meeting)


@builds("openstaande_acties")
def slides(deck: Deck, item: AgendaItem | None, head: tuple[Block, ...] = ()) -> list[Slide]:
    titel = item.titel if item else TITEL
    acties = openstaand(deck)
    if not acties:
        empty = Text((Para((Run("Er staan geen acties uit eerdere overleggen open."),)),))
        return [Section(titel, (empty,), head=head)]
    groups = []
    for actie in acties:
        punt = actie.actiepunt
        # the agenda item it came from; the meeting is in its number already ("2020-08-17/2"),
        # a second date beside it, in the deck's style ("SCT 17 aug"), mixed two styles
        wat = (
            Para(inline_runs(punt.wat), size=TABLE),
            Para((Run(f"Uit: {actie.agendaitem.titel}", italic=True),), size=TABLE),
        )
        row = (
            cell(actie.id, bold=True),
            Cell(wat),
            cell(deck.people.name(punt.actiehouder)),
            deadline_cell(punt.deadline, actie.status, peildatum=deck.peildatum, year=deck.year),
            cell(str(actie.leeftijd(deck.peildatum))),
        )
        groups.append(Group((row,)))
    columns = (Column(1.6), Column(6.0), Column(2.2), Column(1.6), Column(1.2, "r"))
    # how long it has been open, in days: a column of numbers under a header that says the unit
    cells = header("Nr.", "Actie", "Actiehouder", "Deadline", "Open (dagen)", right=(4,))
    return [Section(titel, (Table(columns, cells, tuple(groups)),), head=head)]
