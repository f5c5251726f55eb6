"""The communication calendar: the week before the meeting and the three after it as columns,
the doelgroepen as rows; each entry's marker shows its soort by shape and colour."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from generator.load.kinds.communicatie import Communicatie
from generator.load.kinds.vergadering import AgendaItem
from generator.model.legend import SOORT
from generator.render.deck.cells import cell, legend_text
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
from generator.render.deck.parts import Part
from generator.text import dutch

if TYPE_CHECKING:
    from generator.render.deck.build import Deck

#: a shape per soort, so that the marker is not colour alone
SOORT_MARKERS = {
    "brief": "■",
    "politiek_overleg": "▲",
    "telefonisch": "●",
    "website": "◊",
    "media": "►",
    "overleg": "○",
    "intern": "□",
}


def slides(deck: Deck, item: AgendaItem, head: tuple[Block, ...]) -> list[Slide]:
    kalender: Communicatie = deck.data.items("communicatie")[0]
    meeting = deck.meeting.datum
    monday = meeting - dt.timedelta(days=meeting.weekday())
    weeks = [monday + dt.timedelta(weeks=n) for n in range(-1, 4)]
    end = weeks[-1] + dt.timedelta(days=6)
    header = [cell("Doelgroep", bold=True)]
    for start in weeks:
        label = f"Week {start.isocalendar().week}"
        span = f"{dutch.short_date(start, year=deck.year)} – "
        span += dutch.short_date(start + dt.timedelta(days=6), year=deck.year)
        header.append(
            Cell((Para((Run(label, bold=True),), size=TABLE), Para((Run(span),), size=TABLE)))
        )
    header_cells = tuple(Cell(c.paras, fill=LINTBLAUW, colour="FFFFFF") for c in header)
    groups = []
    for doelgroep in kalender.doelgroepen:
        row = [cell(doelgroep, bold=True)]
        for start in weeks:
            entries = sorted(
                (e for e in kalender.items if e.doelgroep == doelgroep
                 and start <= e.datum < start + dt.timedelta(days=7)),
                key=lambda e: e.datum,
            )  # fmt: skip
            row.append(Cell(tuple(entry(e.datum, e.soort, e.tekst) for e in entries)))
        groups.append(Group((tuple(row),)))
    columns = (Column(2.0), *(Column(2.6) for _ in weeks))
    body: list[Block] = [Table(columns, header_cells, tuple(groups))]
    outside = [e for e in kalender.items if not weeks[0] <= e.datum <= end]
    if outside:
        body.append(
            Text(
                (
                    Para(
                        (Run(f"Buiten deze weken gepland: {len(outside)} items "
                             "(zie communicatie.yaml).", italic=True, colour=GRIJS),),
                        size=SMALL,
                    ),
                )
            )
        )  # fmt: skip
    return [Section(item.titel, tuple(body), head=head, foot=(legend_text(SOORT, SOORT_MARKERS),))]


PART = Part("communicatiekalender", "communicatie", slides)


def entry(datum: dt.date, soort: str, tekst: str) -> Para:
    return Para(
        (
            Run(f"{SOORT_MARKERS[soort]} ", colour=SOORT[soort].colour),
            Run(f"{dutch.weekday(datum)} {datum.day}: ", bold=True),
            Run(tekst),
        ),
        size=TABLE,
        space_before=2.0,
    )
