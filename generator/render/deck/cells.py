"""Cells, headings and legends the deck's tables share: one look for every slide part."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from generator.model.deadline import Deadline, verlopen
from generator.model.huisstijl import ROOD, text_colour
from generator.model.legend import Legend
from generator.render.deck.content import (
    BODY,
    DONKERBLAUW,
    GRIJS,
    LINTBLAUW,
    SMALL,
    TABLE,
    Cell,
    Column,
    Para,
    Run,
    Table,
    Text,
)
from generator.render.deck.markdown import paragraphs
from generator.render.typography.metrics import em_width
from generator.text import dutch

OVERDUE = "▲\u00a0verlopen"  # never "▲" alone at a line's end


def cell(text: str, *, bold: bool = False) -> Cell:
    return Cell((Para((Run(text, bold=bold),), size=TABLE),))


def header(*names: str, right: tuple[int, ...] = ()) -> tuple[Cell, ...]:
    """Header cells; the columns in ``right`` are right-aligned, as their figures are."""
    return tuple(
        Cell(
            (Para((Run(name, bold=True),), size=TABLE, align="r" if i in right else "l"),),
            fill=LINTBLAUW,
            colour="FFFFFF",
        )
        for i, name in enumerate(names)
    )


def heading(text: str) -> Text:
    return Text(
        (Para((Run(text, bold=True, colour=DONKERBLAUW),), size=BODY),),
        space_after=2.0,
        keep_with_next=True,
    )


def status_cell(
    legend: Legend, value: str, toelichting: str | None = None, *, suffix: str = ""
) -> Cell:
    """A cell in the status's colour, with its label (never the colour alone)."""
    status = legend[value]
    paras = [Para((Run(status.label + suffix, bold=True),), size=TABLE)]
    if toelichting:
        paras += paragraphs(toelichting)
    return Cell(tuple(paras), fill=status.colour, colour=text_colour(status.colour))


def deadline_cell(deadline: Deadline | None, status: str, *, peildatum: dt.date, year: int) -> Cell:
    """A deadline as the deck shows it, with "▲ verlopen" under it when it is overdue."""
    if deadline is None:
        return Cell()
    paras = [Para((Run(dutch.deadline(deadline, year=year)),), size=TABLE)]
    if verlopen(deadline, status, peildatum):
        paras.append(Para((Run(OVERDUE, bold=True, colour=ROOD),), size=TABLE))
    return Cell(tuple(paras))


def unbroken(text: str) -> str:
    """Non-breaking spaces: a legend entry wraps as a whole, never inside its label."""
    return text.replace(" ", "\u00a0")


def legend_text(legend: Legend, markers: dict[str, str] | None = None) -> Text:
    """The legend under a table: a marker in each status's colour (its own shape, when
    ``markers`` gives one) and its label."""
    runs: list[Run] = []
    for status in legend.statuses:
        if runs:
            runs.append(Run("    "))
        marker = (markers or {}).get(status.value, "■")
        runs += [Run(f"{marker}\u00a0", colour=status.colour), Run(unbroken(status.label))]
    title = Para((Run("Legenda", bold=True, colour=GRIJS),), size=SMALL)
    return Text((title, Para(tuple(runs), size=SMALL)), space_after=0.0)


#: cell margins and a little air around a legend label, in points (as the paginator's cells)
_SWATCH_AIR = 2 * 5.0 + 8.0


def legend_table(
    legend: Legend, markers: dict[str, str] | None = None, *, extra: Sequence[str] = ()
) -> Table:
    """The legend as a compact table: one cell per status, the whole cell in the status's
    colour (as the status cells of the tables), its label in it in black or white by contrast,
    so that statuses of near colours (red, orange) are told apart by their words. ``markers``
    puts a status's own shape before its label; ``extra`` entries (such as "⊗ Risico in
    risico-log") follow in cells without a fill."""
    swatches: list[Cell] = []
    for status in legend.statuses:
        marker = (markers or {}).get(status.value)
        label = f"{marker}\u00a0{status.label}" if marker else status.label
        run = Run(label, bold=True)
        swatches.append(
            Cell(
                (Para((run,), size=SMALL, align="ctr"),),
                fill=status.colour,
                colour=text_colour(status.colour),
            )
        )
    swatches += [Cell((Para((Run(text),), size=SMALL, align="ctr"),)) for text in extra]
    widths = [
        max(em_width(run.text, bold=run.bold) for para in c.paras for run in para.runs) * SMALL
        + _SWATCH_AIR
        for c in swatches
    ]
    # one row: "Legenda" before the swatches, so that the legend takes one line of the slide
    title = Cell((Para((Run("Legenda", bold=True, colour=GRIJS),), size=SMALL),), fill="FFFFFF")
    widths.insert(0, em_width("Legenda", bold=True) * SMALL + _SWATCH_AIR)
    columns = tuple(Column(width) for width in widths)
    return Table(columns, (title, *swatches), (), width=sum(widths), space_after=6.0)
