"""The progress and quality dashboard: per table the latest value of each indicator with its
change since the previous measurement, its status and the risk marker; footnotes; the legend."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from generator.load.kinds.dashboard import Dashboard, DashboardRij
from generator.load.kinds.vergadering import AgendaItem
from generator.model.legend import DASHBOARD
from generator.render.deck.cells import cell, header, heading, legend_text
from generator.render.deck.content import (
    GRIJS,
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
from generator.render.deck.parts import Part
from generator.text import dutch

if TYPE_CHECKING:
    from generator.render.deck.build import Deck


def slides(deck: Deck, item: AgendaItem, head: tuple[Block, ...]) -> list[Slide]:
    dashboard: Dashboard = deck.data.items("dashboard")[0]
    body: list[Block] = []
    for tabel in dashboard.tabellen:
        latest = max(max(rij.metingen) for rij in tabel.rijen) if tabel.rijen else None
        stand = f"Stand {dutch.short_date(latest, year=deck.year)}" if latest else "Stand"
        cells = header("Indicator", stand, "Status", "Risico", right=(1,))
        groups = tuple(Group((row(deck, rij, latest),)) for rij in tabel.rijen)
        columns = (Column(6.0), Column(2.0, "r"), Column(2.6), Column(2.0))
        body.append(heading(tabel.titel))
        body.append(Table(columns, cells, groups, space_after=2.0))
        if tabel.voetnoten:
            notes = tuple(
                Para((Run(f"{i}) {n}", italic=True, colour=GRIJS),), size=SMALL)
                for i, n in enumerate(tabel.voetnoten, start=1)
            )
            body.append(Text(notes, space_after=10.0))
    return [Section(item.titel, tuple(body), head=head, foot=(legend_text(DASHBOARD),))]


PART = Part("dashboard", "dashboard", slides)


def row(deck: Deck, rij: DashboardRij, latest: dt.date | None) -> tuple[Cell, ...]:
    dates = sorted(rij.metingen)
    value = rij.metingen[dates[-1]]
    text = dutch.number(value)
    if len(dates) > 1:
        text += f" ({dutch.change(value - rij.metingen[dates[-2]])})"
    paras = [Para((Run(text, bold=True),), size=TABLE, align="r")]
    if dates[-1] != latest:
        when = f"per {dutch.short_date(dates[-1], year=deck.year)}"
        paras.append(Para((Run(when, italic=True, colour=GRIJS),), size=TABLE, align="r"))
    status = DASHBOARD[rij.status]
    marker = (Run("■ ", colour=status.colour), Run(status.label))
    return (
        cell(rij.naam),
        Cell(tuple(paras)),
        Cell((Para(marker, size=TABLE),)),
        cell("Risico in risico-log" if rij.risico else ""),
    )
