"""A status matrix as the "Meer detail" slide: a row per rij, a column per kolom, each cell in
its status's colour with the status's short label (never the colour alone) and its note; the
legend in the slide's foot. It continues like every table when it does not fit on one slide."""

from __future__ import annotations

from generator.load.statusmatrix import StatusMatrix
from generator.model.huisstijl import text_colour
from generator.render.deck.cells import cell, header, legend_table
from generator.render.deck.content import (
    TABLE,
    Block,
    Cell,
    Column,
    Group,
    Para,
    Run,
    Section,
    Table,
    Text,
)
from generator.render.deck.markdown import paragraphs

TITLE = "Meer detail | {titel}"


def section(matrix: StatusMatrix, head: tuple[Block, ...] = ()) -> Section:
    legend = matrix.legend
    body: list[Block] = []
    if matrix.toelichting:
        body.append(Text(tuple(paragraphs(matrix.toelichting)), space_after=6.0))
    groups = []
    for rij in matrix.rijen:
        cells = [cell(rij.naam, bold=True)]
        for cel in rij.cellen:
            if cel is None:
                cells.append(Cell())
                continue
            status = legend[cel.status]
            paras = [Para((Run(status.short_label, bold=True),), size=TABLE, align="ctr")]
            if cel.notitie:
                paras.append(Para((Run(cel.notitie),), size=TABLE, align="ctr"))
            cells.append(Cell(tuple(paras), fill=status.colour, colour=text_colour(status.colour)))
        cells += [Cell()] * (len(matrix.kolommen) + 1 - len(cells))
        groups.append(Group((tuple(cells[: len(matrix.kolommen) + 1]),)))
    columns = (Column(3.0), *(Column(2.0, align="ctr") for _ in matrix.kolommen))
    body.append(Table(columns, header("", *matrix.kolommen), tuple(groups)))
    return Section(
        TITLE.format(titel=matrix.titel), tuple(body), head=head, foot=(legend_table(legend),)
    )
