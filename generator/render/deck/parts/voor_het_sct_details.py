"""Voor het SCT: details, the appendix an agenda may ask for: every list behind the counts on
the "Voor het SCT" slide (``fixed/voor_het_sct.py``)."""

from __future__ import annotations

from generator.load.kinds.vergadering import AgendaItem
from generator.render.deck.content import DONKERBLAUW, GRIJS, Block, Para, Run, Section, Slide, Text
from generator.render.deck.context import Deck
from generator.render.deck.findings import SIZE, findings
from generator.render.deck.fixed.voor_het_sct import TITEL
from generator.render.deck.parts import builds


@builds("voor_het_sct_details")
def details(deck: Deck, item: AgendaItem, head: tuple[Block, ...]) -> list[Slide]:
    """The appendix: every list behind the counts, each left out when it is empty."""
    found = findings(deck)
    body: list[Block] = []
    for title, entries in found.lists(deck):
        if entries:
            # the heading in the same block as its entries: it never ends a slide alone
            heading = Run(f"{title}: {len(entries)}", bold=True, colour=DONKERBLAUW)
            paras = (Para((heading,), size=SIZE + 2), *(entry.para() for entry in entries))
            body.append(Text(paras, space_after=10.0))
    if not body:
        body.append(Text((Para((Run("Niets vraagt de aandacht van het SCT."),), size=SIZE),)))
    if found.note:
        body.append(Text((Para((Run(found.note, italic=True, colour=GRIJS),), size=SIZE),)))
    return [Section(f"{TITEL}: details", tuple(body), head=head)]
