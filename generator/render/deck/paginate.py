"""The deck's pagination entry: ``paginate`` lays a section out over slides (the algorithm is
``generator.render.deck.layout``) and keeps what it laid out, so a second build in the same
process (``statusgen serve`` after an edit) lays out only the sections whose content changed."""

from __future__ import annotations

import logging
import pickle
from collections import OrderedDict

from generator.render.deck.content import Section
from generator.render.deck.layout.flow import paginated
from generator.render.deck.layout.pages import Geometry, Page
from generator.render.deck.layout.tables import TABLE_MIN

log = logging.getLogger(__name__)

#: sections laid out before, by their content
_LAID_OUT: OrderedDict[tuple[bytes, Geometry, float], tuple[list[Page], list[str]]] = OrderedDict()
_LAID_OUT_KEPT = 512


def paginate(section: Section, geometry: Geometry, *, min_size: float = TABLE_MIN) -> list[Page]:
    """The slides ``section`` needs, titled "Title (I/III)" ... when it needs more than one.

    Tables are set between 12 pt and ``min_size``. The layout is a function of the section's
    content alone, so a section seen before (the same content, pickled: a few microseconds per
    slide) gets the pages it got then, and its warnings again."""
    key = (pickle.dumps(section, protocol=pickle.HIGHEST_PROTOCOL), geometry, min_size)
    known = _LAID_OUT.get(key)
    if known is None:
        known = _LAID_OUT[key] = paginated(section, geometry, min_size)
        if len(_LAID_OUT) > _LAID_OUT_KEPT:
            _LAID_OUT.popitem(last=False)
    else:
        _LAID_OUT.move_to_end(key)
    pages, warnings = known
    for warning in warnings:
        log.warning("%s", warning)
    return list(pages)
