"""The workstreams: an overview of all of them, then a table per workstream (Opdracht |
Hoofdacties | Deadline | Status en toelichting, with Eindresultaten, Thema's, Afhankelijkheid
and Risico's columns when its data has them)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from generator.load.kinds.vergadering import AgendaItem
from generator.load.kinds.werkstroom import Hoofdactie, Opdracht, Werkstroom
from generator.model.deadline import Deadline
from generator.model.legend import SCT
from generator.render.deck.cells import cell, deadline_cell, header, legend_text, status_cell
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
from generator.render.deck.markdown import inline_runs
from generator.render.deck.parts import Part

if TYPE_CHECKING:
    from generator.render.deck.build import Deck


def slides(deck: Deck, item: AgendaItem, head: tuple[Block, ...]) -> list[Slide]:
    return [overview(deck, item), *(werkstroom(deck, w) for w in deck.data.werkstromen)]


PART = Part("werkstromen", "werkstroom", slides)


def overview(deck: Deck, item: AgendaItem) -> Section:
    groups = []
    for ws in deck.data.werkstromen:
        status = ws.effective_status
        trekker = deck.people.name(ws.trekker) if ws.trekker else ""
        link = anchor(ws.nummer)  # the number and the kernwoord jump to the workstream's slide
        titel = [replace(run, link=link) if run.bold else run for run in kernwoord(ws)]
        row = (
            Cell((Para((Run(str(ws.nummer), bold=True, link=link),), size=TABLE),)),
            Cell((Para(tuple(titel), size=TABLE + 1),)),
            cell(trekker),
            status_cell(SCT, status) if status else Cell(),
        )
        groups.append(Group((row,)))
    columns = (Column(0.6, "r"), Column(6.0), Column(2.4), Column(2.6))
    table = Table(
        columns, header("Nr.", "Werkstroom", "Werkstroomtrekker", "Status"), tuple(groups)
    )
    return Section(item.titel, (table,), foot=(legend_text(SCT),))


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
    opdrachten = ws.opdrachten
    extras: list[tuple[str, Callable[[Opdracht], list[Para]], float]] = []
    if any(o.eindresultaten for o in opdrachten):
        extras.append(("Eindresultaten", lambda o: bullets(o.eindresultaten), 2.2))
    if any(o.themas for o in opdrachten):
        extras.append(("Thema's", lambda o: bullets(o.themas), 1.8))
    if any(o.afhankelijkheden for o in opdrachten):
        extras.append(("Afhankelijkheid", lambda o: afhankelijkheden(deck, o), 1.5))
    if any(o.risicos for o in opdrachten):
        extras.append(("Risico's", lambda o: risicos(deck, o), 2.0))
    names = ["Opdracht", "Hoofdacties", "Deadline", "Status en toelichting"]
    names[3:3] = [name for name, _, _ in extras]
    columns = [Column(2.3), Column(4.6), Column(1.3)]
    columns += [Column(width) for _, _, width in extras]
    columns.append(Column(3.4))
    groups = []
    status_column = len(columns) - 1
    for opdracht in opdrachten:
        rows = [hoofdactie_row(deck, opdracht, h) for h in opdracht.hoofdacties] or [
            (Cell(), Cell(), _deadline(deck, opdracht.deadline, opdracht.status))
        ]
        spanning = {0: opdracht_cell(deck, opdracht)}
        continued = {0: cell(f"{opdracht.nummer} (vervolg)", bold=True)}
        for offset, (_, cell_of, _) in enumerate(extras, start=3):
            spanning[offset] = Cell(tuple(cell_of(opdracht)))
            continued[offset] = Cell()
        spanning[status_column] = status_cell(SCT, opdracht.status, opdracht.toelichting)
        continued[status_column] = status_cell(SCT, opdracht.status, suffix=" (vervolg)")
        width = len(columns)
        full_rows = tuple((*row, *(Cell() for _ in range(width - len(row)))) for row in rows)
        groups.append(Group(full_rows, spanning, continued))
    table = Table(tuple(columns), header(*names), tuple(groups))
    return Section(
        f"{ws.nummer}. {ws.titel}", (table,), head=(team(deck, ws),), anchors=(anchor(ws.nummer),)
    )


def team(deck: Deck, ws: Werkstroom) -> Text:
    trekker = deck.people.name(ws.trekker) if ws.trekker else "–"
    leden = ", ".join(deck.people.names_of(ws.teamleden)) or "–"
    runs = (
        Run("Werkstroomtrekker: ", bold=True),
        Run(trekker),
        Run("     Overige teamleden: ", bold=True),
        Run(leden),
    )
    return Text((Para(runs, size=TABLE + 1),), space_after=4.0)


def opdracht_cell(deck: Deck, opdracht: Opdracht) -> Cell:
    paras = [Para((Run(f"{opdracht.nummer} ", bold=True), Run(opdracht.titel)), size=TABLE)]
    if opdracht.trekker:
        trekker = (Run("Opdrachttrekker: ", bold=True), Run(deck.people.name(opdracht.trekker)))
        paras.append(Para(trekker, size=TABLE, space_before=4.0))
    return Cell(tuple(paras))


def hoofdactie_row(deck: Deck, opdracht: Opdracht, actie: Hoofdactie) -> tuple[Cell, ...]:
    paras = [Para(inline_runs(actie.titel, bold=True), size=TABLE)]
    paras += [Para(inline_runs(sub), size=TABLE, level=1, bullet="•") for sub in actie.subacties]
    status = actie.status or opdracht.status
    if actie.status and actie.status != opdracht.status:
        paras.append(Para((Run(f"Status: {SCT[actie.status].label}", italic=True),), size=TABLE))
    return (Cell(), Cell(tuple(paras)), _deadline(deck, actie.deadline, status))


def _deadline(deck: Deck, deadline: Deadline | None, status: str) -> Cell:
    return deadline_cell(deadline, status, peildatum=deck.peildatum, year=deck.year)


def bullets(items: list[str]) -> list[Para]:
    return [Para(inline_runs(text), size=TABLE, level=1, bullet="•") for text in items]


def afhankelijkheden(deck: Deck, opdracht: Opdracht) -> list[Para]:
    titles = {w.nummer: w.kernwoord or w.titel for w in deck.data.werkstromen}
    return [
        Para((Run(f"WS {n}", bold=True), Run(f" {titles.get(n, '')}")), size=TABLE)
        for n in opdracht.afhankelijkheden
    ]


def risicos(deck: Deck, opdracht: Opdracht) -> list[Para]:
    log = deck.data.items("risico")
    titles = {r.id: r.titel for r in log[0].risicos} if log else {}
    return [
        Para((Run(f"{rid} ", bold=True), Run(titles.get(rid, ""))), size=TABLE)
        for rid in opdracht.risicos
    ]
