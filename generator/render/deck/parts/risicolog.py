"""The risk log: every risk with kans, impact (label on the level's colour), eigenaar and
beheersmaatregelen; top risks are marked "Top"."""

from __future__ import annotations

from generator.load.kinds.vergadering import AgendaItem
from generator.model.legend import NIVEAU
from generator.render.deck.cells import cell, header, status_cell
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
)
from generator.render.deck.context import Deck
from generator.render.deck.markdown import paragraphs
from generator.render.deck.parts import builds


@builds("risicolog")
def slides(deck: Deck, item: AgendaItem, head: tuple[Block, ...]) -> list[Slide]:
    log = deck.data.risicolog
    assert log is not None, "the vergadering check requires risicos.yaml for this part"
    cells = header("Nr.", "Risico", "Kans", "Impact", "Eigenaar", "Beheersmaatregelen")
    groups = []
    for risico in log.risicos:
        nummer = [Para((Run(risico.id, bold=True),), size=TABLE)]
        if risico.top:
            nummer.append(Para((Run("Top", italic=True),), size=TABLE))
        beschrijving = [Para((Run(risico.titel, bold=True),), size=TABLE)]
        if risico.omschrijving:
            beschrijving += paragraphs(risico.omschrijving)
        maatregelen = paragraphs(risico.beheersmaatregelen) if risico.beheersmaatregelen else []
        eigenaar = deck.people.name(risico.eigenaar) if risico.eigenaar else ""
        row = (
            Cell(tuple(nummer)),
            Cell(tuple(beschrijving)),
            status_cell(NIVEAU, risico.kans),
            status_cell(NIVEAU, risico.impact),
            cell(eigenaar),
            Cell(tuple(maatregelen)),
        )
        groups.append(Group((row,)))
    columns = (Column(0.8), Column(5.0), Column(1.1), Column(1.1), Column(1.8), Column(4.4))
    return [Section(item.titel, (Table(columns, cells, tuple(groups)),), head=head)]
