"""The progress and quality dashboard: a slide (or more) per table, with the latest value of each
indicator and its change since the previous measurement (whose date the table says), per
population when the table has them; notes merged over the cells that have no figures yet; the
status per row in its colour and in words; the footnotes at the foot of every slide of the table;
the legend."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from generator.load.kinds.dashboard import DashboardRij, DashboardTabel
from generator.load.kinds.vergadering import AgendaItem
from generator.model.huisstijl import text_colour
from generator.model.legend import DASHBOARD
from generator.render.deck.cells import heading, legend_table
from generator.render.deck.content import (
    GRIJS,
    LINTBLAUW,
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
from generator.render.deck.markdown import paragraphs
from generator.render.deck.parts import builds
from generator.text import dutch

RISICO = "⊗ Risico in risico-log"
#: footnotes are set small, as in the hand-made deck, but not below what a slide allows
FOOTNOTE = 9.0
#: the fill of a note over cells without figures
NOTE_FILL = "EDEDED"
#: an empty cell, with a paragraph at the table's size (an empty one would take the renderer's
#: default size, 18 pt, and make the row taller than measured)
EMPTY = Cell((Para((), size=TABLE),))


@builds("dashboard")
def slides(deck: Deck, item: AgendaItem, head: tuple[Block, ...]) -> list[Slide]:
    dashboard = deck.data.dashboard
    assert dashboard is not None, "the vergadering check requires the dashboard for this part"
    legend = legend_table(DASHBOARD, extra=(RISICO,))
    result: list[Slide] = []
    for tabel in dashboard.tabellen:
        # the legend and the footnotes stand under the table on every slide of it
        body: tuple[Block, ...] = (_table(deck, tabel),)
        result.append(Section(tabel.titel, body, head=head, foot=(legend, *_foot(tabel))))
    if not result:
        result.append(Section(item.titel, (heading("Geen tabellen"),), head=head))
    return result


def superscript(numbers: list[int], *, bold: bool = False) -> tuple[Run, ...]:
    """Footnote markers, '¹' and '³,⁴', as digits in a superscript run (Arial has no
    superscript characters past '³'); nothing without numbers."""
    if not numbers:
        return ()
    return (Run(",".join(str(n) for n in numbers), bold=bold, superscript=True),)


class _Notes:
    """The table's footnote numbers, turned into markers."""

    def __init__(self, tabel: DashboardTabel) -> None:
        self.numbers = tabel.footnote_numbers()

    def marker(self, names: list[str], *, bold: bool = False) -> tuple[Run, ...]:
        numbers = sorted({self.numbers[name] for name in names if name in self.numbers})
        return superscript(numbers, bold=bold)


def _dates(deck: Deck, tabel: DashboardTabel) -> str:
    dates = tabel.dates
    if not dates:
        return ""
    text = f"Per {dutch.short_date(dates[-1], year=deck.year)}"
    if len(dates) > 1:
        text += f" (t.o.v. {dutch.short_date(dates[-2], year=deck.year)})"
    return text


def _header_cell(text: str, marker: tuple[Run, ...], *, align: str = "l", under: str = "") -> Cell:
    runs = (Run(text, bold=True), *marker)
    paras = [Para(runs, size=TABLE, align="r" if align == "r" else "l")]
    if under:
        paras.append(Para((Run(under),), size=TABLE, align="r" if align == "r" else "l"))
    return Cell(tuple(paras), fill=LINTBLAUW, colour="FFFFFF")


def _table(deck: Deck, tabel: DashboardTabel) -> Table:
    notes = _Notes(tabel)
    dates = tabel.dates
    populations: list[str | None] = [p.id for p in tabel.populaties] or [None]
    when = _dates(deck, tabel)
    if tabel.populaties:
        header = [_header_cell(tabel.kop, notes.marker(tabel.voetnoot, bold=True), under=when)]
        header += [
            _header_cell(p.naam, notes.marker(p.voetnoot, bold=True), align="r")
            for p in tabel.populaties
        ]
    else:
        header = [
            _header_cell(tabel.kop, notes.marker(tabel.voetnoot, bold=True)),
            _header_cell(when or "Stand", (), align="r"),
        ]
    header.append(_header_cell("Status", ()))
    rows = [
        [
            _name_cell(rij, notes),
            *(_value_cell(deck, rij, p, dates, notes) for p in populations),
            _status_cell(rij),
        ]
        for rij in tabel.rijen
    ]
    value_weight = 2.3 if tabel.populaties else 2.6
    columns = (
        Column(4.4),
        *(Column(value_weight, "r") for _ in populations),
        Column(3.0),
    )
    return Table(columns, tuple(header), _groups(tabel, rows), space_after=6.0)


def _groups(tabel: DashboardTabel, rows: list[list[Cell]]) -> tuple[Group, ...]:
    """One group per row, except where notes stand: the rows a note covers (and those of the
    notes overlapping them in rows) are one group, so that a note over the whole group is one
    cell merged over its rows and populations. A note over part of such a group (rare) stands
    in its first row, and its other rows are shaded like it."""
    placed = tabel.note_cells()
    ranges = sorted((first, last) for _, first, last, _, _ in placed)
    segments: list[list[int]] = []
    for first, last in ranges:
        if segments and first <= segments[-1][1]:
            segments[-1][1] = max(segments[-1][1], last)
        else:
            segments.append([first, last])
    spanning: dict[int, dict[int, Cell]] = {first: {} for first, _ in segments}
    continued: dict[int, dict[int, Cell]] = {first: {} for first, _ in segments}
    for n, first, last, left, right in placed:
        note = _note_cell(tabel.notities[n].tekst, span=right - left + 1)
        column = 1 + left
        if [first, last] in segments:
            spanning[first][column] = note
            continued[first][column] = Cell(note.paras)  # said again on the next slide
            continue
        rows[first][column] = note
        for r in range(first + 1, last + 1):
            rows[r][column] = replace(EMPTY, fill=NOTE_FILL, span=right - left + 1)
    groups: list[Group] = []
    index = 0
    while index < len(rows):
        found = next((s for s in segments if s[0] == index), None)
        if found is None:
            groups.append(Group((tuple(rows[index]),)))
            index += 1
            continue
        first, last = found
        block = tuple(tuple(row) for row in rows[first : last + 1])
        groups.append(Group(block, spanning=spanning[first], continued=continued[first]))
        index = last + 1
    return tuple(groups)


def _note_cell(text: str, *, span: int) -> Cell:
    para = Para((Run(text, italic=True),), size=TABLE, align="ctr")
    return Cell((para,), fill=NOTE_FILL, colour=text_colour(NOTE_FILL), span=span)


def _name_cell(rij: DashboardRij, notes: _Notes) -> Cell:
    runs = (Run(rij.naam, bold=rij.vet), *notes.marker(rij.voetnoot, bold=rij.vet))
    return Cell((Para(runs, size=TABLE),))


def _value_cell(
    deck: Deck, rij: DashboardRij, population: str | None, dates: list[dt.date], notes: _Notes
) -> Cell:
    """The latest value, its footnote markers and its change since the measurement before;
    a date where either is not the table's (a figure not measured this time)."""
    series = rij.series(population)
    if not series:
        return EMPTY
    days = sorted(series)
    value = series[days[-1]]
    runs = [Run(dutch.number(value), bold=rij.vet)]
    runs += notes.marker(rij.value_notes(population), bold=rij.vet)
    if len(days) > 1:
        change = dutch.change(value - series[days[-2]])
        if len(dates) > 1 and days[-2] != dates[-2]:
            change += f" t.o.v. {dutch.short_date(days[-2], year=deck.year)}"
        # a figure and its change are read together: they never part at a line's end
        text = f"\u00a0({change})" if " " not in change else f" ({change})"
        runs.append(Run(text, bold=rij.vet))
    paras = [Para(tuple(runs), size=TABLE, align="r")]
    if days[-1] != dates[-1]:
        when = f"per {dutch.short_date(days[-1], year=deck.year)}"
        paras.append(Para((Run(when, italic=True, colour=GRIJS),), size=TABLE, align="r"))
    return Cell(tuple(paras))


def _status_cell(rij: DashboardRij) -> Cell:
    """The status in its colour and in words, and the risk marker."""
    status = DASHBOARD[rij.status]
    paras = [Para((Run(status.label, bold=True),), size=TABLE)]
    if rij.risico:
        paras.append(Para((Run(RISICO),), size=TABLE))
    return Cell(tuple(paras), fill=status.colour, colour=text_colour(status.colour))


def _foot(tabel: DashboardTabel) -> tuple[Block, ...]:
    """The footnotes (numbered as the table refers to them) and the remark under them: at the
    foot of every slide of the table, so they are never parted from it."""
    paras: list[Para] = []
    if isinstance(tabel.voetnoten, dict):
        numbers = tabel.footnote_numbers()
        for name, number in sorted(numbers.items(), key=lambda pair: pair[1]):
            runs = (
                *(replace(run, colour=GRIJS) for run in superscript([number])),
                Run(f" {tabel.voetnoten[name]}", colour=GRIJS),
            )
            paras.append(Para(runs, size=FOOTNOTE))
        for name, text in tabel.voetnoten.items():
            if name not in numbers:
                paras.append(Para((Run(text, colour=GRIJS),), size=FOOTNOTE))
    else:
        # notes nothing refers to (check warns): no number, which would point to no mark
        for text in tabel.voetnoten:
            paras.append(Para((Run(text, colour=GRIJS),), size=FOOTNOTE))
    if tabel.toelichting:
        paras += paragraphs(tabel.toelichting, size=FOOTNOTE)
    return (Text(tuple(paras), space_after=0.0),) if paras else ()
