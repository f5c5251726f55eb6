"""The workstreams: an overview of all of them on one slide, then a table per workstream in the
form its ``vorm`` names: the standard form (Opdracht | Hoofdacties | Deadline | Status en
toelichting, with Eindresultaten, Thema's, Afhankelijkheid and Risico's columns when its data has
them) or the results form (a row per eindresultaat with its own themes, deadline, dependencies,
risks and status)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from generator.load.kinds.vergadering import AgendaItem
from generator.load.kinds.werkstroom import (
    Eindresultaat,
    Hoofdactie,
    Opdracht,
    Werkstroom,
)
from generator.model.deadline import Deadline
from generator.model.huisstijl import text_colour
from generator.model.legend import SCT, effective_status
from generator.render.deck.cells import (
    cell,
    deadline_cell,
    header,
    legend_table,
    status_cell,
    unbroken,
)
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
from generator.render.deck.fixed import matrix
from generator.render.deck.markdown import inline_runs
from generator.render.deck.parts import builds
from generator.text import dutch


@builds("werkstromen")
def slides(deck: Deck, item: AgendaItem, head: tuple[Block, ...]) -> list[Slide]:
    """The overview, then per workstream its table and its status matrices ("Meer detail")."""
    result: list[Slide] = [overview(deck, item)]
    for ws in deck.data.werkstromen:
        result.append(werkstroom(deck, ws))
        result += [matrix.section(m) for m in ws.matrices]
    return result


def overview(deck: Deck, item: AgendaItem) -> Section:
    """All workstreams on one slide: lean cells (the title with its kernwoord in bold, the
    trekker, a short status label that never wraps in a cell of the status's colour); the full
    labels are in the legend under the table."""
    groups = []
    for ws in deck.data.werkstromen:
        status = ws.effective_status
        trekker = deck.people.name(ws.trekker) if ws.trekker else ""
        # the number jumps to the workstream's slides; the kernwoord stays bold as the bureau
        # sets it (LibreOffice shows a linked run without its bold when it starts the cell)
        link = anchor(ws.nummer)
        titel = kernwoord(ws)
        row = (
            Cell((Para((Run(str(ws.nummer), bold=True, link=link),), size=TABLE),)),
            Cell((Para(tuple(titel), size=TABLE + 1),)),
            cell(trekker),
            short_status_cell(status) if status else Cell(),
        )
        groups.append(Group((row,)))
    columns = (Column(0.6, "r"), Column(6.0), Column(2.4), Column(1.6))
    table = Table(
        columns, header("Nr.", "Werkstroom", "Werkstroomtrekker", "Status"), tuple(groups)
    )
    return Section(item.titel, (table,), foot=(legend_table(SCT),))


def anchor(nummer: int) -> str:
    """The anchor of a workstream's table slides, where links to the workstream jump to."""
    return f"werkstroom:{nummer}"


def kernwoord(ws: Werkstroom) -> list[Run]:
    """The title with its kernwoord in bold (or the kernwoord before it)."""
    title = ws.titel
    word = ws.kernwoord
    if not word:
        return [Run(title)]
    at = title.lower().find(word.lower())
    if at < 0:
        return [Run(word, bold=True), Run(f": {title}")]
    end = at + len(word)
    runs = [Run(title[:at]), Run(title[at:end], bold=True), Run(title[end:])]
    return [run for run in runs if run.text]


def werkstroom(deck: Deck, ws: Werkstroom) -> Section:
    table = results_table(deck, ws) if ws.vorm == "resultaten" else standard_table(deck, ws)
    return Section(
        f"{ws.nummer}. {ws.titel}", (table,), head=(team(deck, ws),), anchors=(anchor(ws.nummer),)
    )


#: a row of a workstream table below its opdracht: a hoofdactie or an eindresultaat
Row = Hoofdactie | Eindresultaat


@dataclass(frozen=True)
class _Column:
    """A column after the first two: the opdracht's cell spans its rows, unless one of its rows
    has a value of its own; then that row has its own cell, and the opdracht's spans each run
    of rows that have nothing of their own."""

    header: str
    width: float
    whole: Callable[[Opdracht], Cell]
    #: a row's own cell, or None when it has none of its own
    row: Callable[[Opdracht, Row], Cell | None] = lambda o, r: None


def _deadline_column(deck: Deck, width: float) -> _Column:
    return _Column(
        "Deadline", width,
        lambda o: _deadline(deck, o.deadline, o.status),
        lambda o, r: _deadline(deck, r.deadline, effective_status(r, o)) if r.deadline else None,
    )  # fmt: skip


def _list_column(
    header: str, width: float, name: str, paras: Callable[[list[Any]], list[Para]]
) -> _Column:
    def row(o: Opdracht, r: Row) -> Cell | None:
        return Cell(tuple(paras(getattr(r, name)))) if getattr(r, name) else None

    return _Column(header, width, lambda o: Cell(tuple(paras(getattr(o, name)))), row)


def _own_status(opdracht: Opdracht, row: Row) -> bool:
    """Whether a row needs a status cell of its own: a toelichting or a status of its own."""
    return bool(row.toelichting) or (row.status is not None and row.status != opdracht.status)


def _shared(cells: list[list[Cell]], column: int, owns: Sequence[Cell | None], whole: Cell) -> None:
    """Each row's own cell in ``column``; ``whole`` (the opdracht's) once for each run of rows
    that have none of their own, spanning them."""
    r = 0
    while r < len(owns):
        own = owns[r]
        if own is not None:
            cells[r][column] = own
            r += 1
            continue
        end = r
        while end + 1 < len(owns) and owns[end + 1] is None:
            end += 1
        cells[r][column] = replace(whole, rows=end - r + 1)
        r = end + 1


def _group(
    deck: Deck,
    opdracht: Opdracht,
    rows: Sequence[Row],
    first: list[Cell],
    columns: Sequence[_Column],
    *,
    status_per_row: bool,
) -> Group:
    """One opdracht: the Opdracht cell spanning its rows, ``first`` the rows' own cells in the
    second column, then ``columns``, then the status column (when ``status_per_row`` a cell
    for each row with a status or toelichting of its own and one for each run of the others,
    else one spanning the rows)."""
    status_column = 2 + len(columns)
    width = status_column + 1
    cells = [[Cell() for _ in range(width)] for _ in range(max(len(rows), 1))]
    for r, lead in enumerate(first):
        cells[r][1] = lead
    spanning: dict[int, Cell] = {0: opdracht_cell(deck, opdracht)}
    continued: dict[int, Cell] = {0: cell(f"{opdracht.nummer} (vervolg)", bold=True)}
    for c, column in enumerate(columns, start=2):
        owns = [column.row(opdracht, row) for row in rows]
        if any(own is not None for own in owns):
            _shared(cells, c, owns, column.whole(opdracht))
        else:
            # said again where the opdracht continues on the next slide
            spanning[c] = continued[c] = column.whole(opdracht)
    status = sct_cell(opdracht.status, opdracht.toelichting)
    continued[status_column] = sct_cell(opdracht.status, suffix=" (vervolg)")
    if not status_per_row or not rows:
        spanning[status_column] = status
        return Group(tuple(tuple(row) for row in cells), spanning, continued)
    owns = [
        sct_cell(effective_status(row, opdracht), row.toelichting)
        if _own_status(opdracht, row)
        else None
        for row in rows
    ]
    _shared(cells, status_column, owns, sct_cell(opdracht.status))
    if opdracht.toelichting:
        if owns[0] is None:
            # the first rows share the opdracht's status: its toelichting, once, in their cell
            cells[0][status_column] = replace(status, rows=cells[0][status_column].rows)
        else:  # in a row on top, once
            top = [Cell() for _ in range(width)]
            top[status_column] = status
            cells.insert(0, top)
    return Group(tuple(tuple(row) for row in cells), spanning, continued)


def standard_table(deck: Deck, ws: Werkstroom) -> Table:
    """Opdracht | Hoofdacties | Deadline | Status en toelichting, with Eindresultaten, Thema's,
    Afhankelijkheid and Risico's columns when its data has them."""
    opdrachten = ws.opdrachten
    columns = [_deadline_column(deck, 1.3)]
    if any(o.eindresultaten for o in opdrachten):
        columns.append(
            _Column("Eindresultaten", 2.2, lambda o: Cell(tuple(bullets(o.eindresultaten))))
        )
    for name, column in _lists().items():
        if any(
            getattr(o, name) or any(getattr(h, name) for h in o.hoofdacties) for o in opdrachten
        ):
            columns.append(column)
    names = ["Opdracht", "Hoofdacties", *(c.header for c in columns), "Status en toelichting"]
    widths = [Column(2.3), Column(4.6), *(Column(c.width) for c in columns), Column(3.4)]
    groups = []
    for opdracht in opdrachten:
        # a hoofdactie's own toelichting takes the status column row by row; a status of its
        # own alone is a line in its cell, as it always was (a row on top for the opdracht's
        # toelichting would cost a slide in a workstream such as the demo's first)
        per_row = any(h.toelichting for h in opdracht.hoofdacties)
        first = [
            hoofdactie_cell(h, None if per_row else opdracht.status) for h in opdracht.hoofdacties
        ]
        group = _group(deck, opdracht, opdracht.hoofdacties, first, columns, status_per_row=per_row)
        groups.append(group)
    return Table(tuple(widths), header(*names), tuple(groups))


def _lists() -> dict[str, _Column]:
    return {
        "themas": _list_column("Thema's", 1.8, "themas", bullets),
        "afhankelijkheden": _list_column(
            "Afhankelijkheid", 1.5, "afhankelijkheden", afhankelijkheden
        ),
        "risicos": _list_column("Risico's", 1.2, "risicos", risicos),
    }


RESULTS_STATUS = "Status/subresultaat, incl. toelichting"


def results_table(deck: Deck, ws: Werkstroom) -> Table:
    """Opdracht | Eindresultaten | Betrokken thema's | Deadline | Afhankelijkheid | Risico's |
    Status/subresultaat: a row per eindresultaat with its own themes, deadline, dependencies,
    risks and status. An opdracht without eindresultaten is one row with its hoofdacties as
    bullets (a row per hoofdactie when they carry fields of their own)."""
    lists = _lists()
    columns = [
        replace(lists["themas"], header="Betrokken thema's", width=1.6),
        _deadline_column(deck, 1.2),
        replace(lists["afhankelijkheden"], width=1.4),
        replace(lists["risicos"], width=1.1),
    ]
    second = "Eindresultaten" if any(o.eindresultaten for o in ws.opdrachten) else "Hoofdacties"
    names = ["Opdracht", second, *(c.header for c in columns), RESULTS_STATUS]
    widths = [Column(2.2), Column(3.8), *(Column(c.width) for c in columns), Column(3.4)]
    groups = []
    for opdracht in ws.opdrachten:
        rows: Sequence[Row]
        if opdracht.eindresultaten:
            # hoofdacties beside eindresultaten follow them, a row each: nothing is dropped
            rows = [*opdracht.eindresultaten, *opdracht.hoofdacties]
            first = [Cell(tuple(inline(r.titel))) for r in opdracht.eindresultaten]
            first += [hoofdactie_cell(h) for h in opdracht.hoofdacties]
        elif any(_per_row(opdracht, h) for h in opdracht.hoofdacties):
            rows = opdracht.hoofdacties
            first = [hoofdactie_cell(h) for h in rows]
        else:
            rows = []
            first = [Cell(tuple(hoofdacties_as_bullets(deck, opdracht)))]
        per_row = any(_own_status(opdracht, row) for row in rows)
        groups.append(_group(deck, opdracht, rows, first, columns, status_per_row=per_row))
    return Table(tuple(widths), header(*names), tuple(groups))


def _per_row(opdracht: Opdracht, actie: Hoofdactie) -> bool:
    """Whether a hoofdactie of the results form needs a row of its own."""
    return bool(
        actie.deadline or actie.themas or actie.afhankelijkheden or actie.risicos
        or _own_status(opdracht, actie)
    )  # fmt: skip


def team(deck: Deck, ws: Werkstroom) -> Text:
    trekker = deck.people.name(ws.trekker) if ws.trekker else "–"
    leden = ", ".join(deck.people.names_of(ws.teamleden)) or "–"
    runs: tuple[Run, ...] = (
        Run("Werkstroomtrekker: ", bold=True),
        Run(trekker),
        Run("     Overige teamleden: ", bold=True),
        Run(leden),
    )
    if ws.stand is not None:  # the date the table reports the state at
        runs += (Run("     Stand per ", bold=True), Run(dutch.short_date(ws.stand, year=deck.year)))
    return Text((Para(runs, size=TABLE + 1),), space_after=4.0)


def opdracht_cell(deck: Deck, opdracht: Opdracht) -> Cell:
    paras = [Para((Run(f"{opdracht.nummer} ", bold=True), Run(opdracht.titel)), size=TABLE)]
    if opdracht.trekker:
        trekker = (Run("Opdrachttrekker: ", bold=True), Run(deck.people.name(opdracht.trekker)))
        paras.append(Para(trekker, size=TABLE, space_before=4.0))
    return Cell(tuple(paras))


def hoofdactie_cell(actie: Hoofdactie, opdracht_status: str | None = None) -> Cell:
    """Its title in bold and its subacties; a status of its own, when it differs from
    ``opdracht_status`` (the status column spanning the opdracht), as a line under them."""
    paras = [Para(inline_runs(actie.titel, bold=True), size=TABLE)]
    paras += [Para(inline_runs(sub), size=TABLE, level=1, bullet="•") for sub in actie.subacties]
    if opdracht_status and actie.status and actie.status != opdracht_status:
        paras.append(Para((Run(f"Status: {SCT[actie.status].label}", italic=True),), size=TABLE))
    return Cell(tuple(paras))


def hoofdacties_as_bullets(deck: Deck, opdracht: Opdracht) -> list[Para]:
    """The hoofdacties of a one-row opdracht of the results form, each with its deadline."""
    paras = []
    for actie in opdracht.hoofdacties:
        runs = inline_runs(actie.titel)
        if actie.deadline is not None:
            runs = (*runs, Run(f" ({dutch.deadline(actie.deadline, year=deck.year)})"))
        paras.append(Para(runs, size=TABLE, level=1, bullet="•"))
        paras += [Para(inline_runs(s), size=TABLE, level=2, bullet="–") for s in actie.subacties]
    return paras


def sct_cell(value: str, toelichting: str | None = None, *, suffix: str = "") -> Cell:
    """A status cell of a workstream table: the legend's label (no legend stands under these
    tables to spell out a short one), in the status's colour."""
    return status_cell(SCT, value, toelichting, suffix=suffix)


def short_status_cell(value: str) -> Cell:
    """The overview's status cell: a short label that never wraps, in the status's colour (the
    legend under the overview has the full label)."""
    status = SCT[value]
    label = Run(unbroken(status.short_label), bold=True)
    return Cell(
        (Para((label,), size=TABLE),), fill=status.colour, colour=text_colour(status.colour)
    )


def _deadline(deck: Deck, deadline: Deadline | None, status: str) -> Cell:
    return deadline_cell(deadline, status, peildatum=deck.peildatum, year=deck.year)


def inline(text: str) -> list[Para]:
    return [Para(inline_runs(text), size=TABLE)]


def bullets(items: Sequence[object]) -> list[Para]:
    return [Para(inline_runs(str(text)), size=TABLE, level=1, bullet="•") for text in items]


def afhankelijkheden(items: Sequence[int | str]) -> list[Para]:
    """'WS 1 t/m 4, SCT' on one line, never a line per workstream."""
    text = _ranges_whole(dutch.workstream_list(items))
    return [Para((Run(text),), size=TABLE)] if text else []


def risicos(ids: Sequence[str]) -> list[Para]:
    """'R1 t/m R3': the ids; their titles are in the risk log."""
    text = _ranges_whole(dutch.id_list(ids))
    return [Para((Run(text),), size=TABLE)] if text else []


def _ranges_whole(text: str) -> str:
    """A range ("R1 t/m R3", "WS 1") breaks at its commas, never inside."""
    return text.replace(" t/m ", "\u00a0t/m\u00a0").replace("WS ", "WS\u00a0")
