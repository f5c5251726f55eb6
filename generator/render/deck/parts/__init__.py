"""The deck's slide parts, one module each, found by name: adding a part is adding a module.

Every module here defines ``PART``: the ``onderdeel`` a meeting's agenda item names it by
(vergaderingen/*.yaml, ``onderdeel: dashboard``), the kind of data file it needs, and
``build(deck, item, head)``, which returns the part's slides. The fixed parts every deck has
(title, agenda, a divider per rubriek, an item's own Markdown) are modules here too, used by
``generator.render.deck.build`` directly.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from generator.load.kinds.vergadering import AgendaItem
    from generator.render.deck.build import Deck
    from generator.render.deck.content import Block, Slide


@dataclass(frozen=True)
class Part:
    #: the name an agenda item's ``onderdeel`` gives
    onderdeel: str
    #: the kind of data file it is made from (the loader makes sure it is there)
    needs: str
    build: Callable[[Deck, AgendaItem, tuple[Block, ...]], list[Slide]]


@cache
def parts() -> dict[str, Part]:
    """Every generated part, by onderdeel."""
    found: dict[str, Part] = {}
    for info in pkgutil.iter_modules(__path__):
        part = getattr(importlib.import_module(f"{__name__}.{info.name}"), "PART", None)
        if isinstance(part, Part):
            found[part.onderdeel] = part
    return found
