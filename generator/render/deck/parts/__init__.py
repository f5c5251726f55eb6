"""The deck's registered parts: one module per onderdeel an agenda item may name.

The onderdelen themselves (the word, its label, the kind of data file it needs) are declared
once, in ``generator.load.onderdelen``; a module here only registers the function that builds
the slides of one of them::

    @builds("risicolog")
    def slides(deck: Deck, item: AgendaItem, head: tuple[Block, ...]) -> list[Slide]: ...

Adding a part is one module here and one row in that table; tests/test_structure.py holds the
two together. The slides every deck has whatever its agenda names (title, agenda, dividers, an
item's own Markdown) are in ``generator.render.deck.fixed``.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from functools import cache
from typing import TYPE_CHECKING, TypeVar

from generator.load.onderdelen import ONDERDELEN

if TYPE_CHECKING:
    from generator.load.kinds.vergadering import AgendaItem
    from generator.render.deck.content import Block, Slide
    from generator.render.deck.context import Deck

#: a part's builder: the slides of the agenda item that names it, each under ``head`` (the
#: rubriek and item above the title)
Builder = Callable[["Deck", "AgendaItem", "tuple[Block, ...]"], "list[Slide]"]
B = TypeVar("B", bound=Builder)

_REGISTERED: dict[str, Builder] = {}


def builds(onderdeel: str) -> Callable[[B], B]:
    """Register the decorated function as the builder of ``onderdeel``, a row of the table."""
    if onderdeel not in ONDERDELEN.values:
        raise ValueError(f"{onderdeel!r} is not in the onderdelen table (load/onderdelen.py)")

    def register(build: B) -> B:
        _REGISTERED[onderdeel] = build
        return build

    return register


@cache
def builders() -> dict[str, Builder]:
    """Every registered part's builder, by onderdeel: the modules here, imported."""
    for info in pkgutil.iter_modules(__path__):
        importlib.import_module(f"{__name__}.{info.name}")
    return dict(_REGISTERED)
