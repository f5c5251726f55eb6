"""One document added to a publication in the formats asked for: what every command that writes
formats does (``actions``, ``besluitenlijst``, ``report``, ``nota``, ``verslag``, ``planning``)
and what ``vergadering`` and ``pakket`` do for each of their products."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from generator import progress
from generator.publish import Publication
from generator.render.formats import Formats


def add_document(
    publication: Publication,
    formats: Formats,
    document: Any,
    chosen: Iterable[str],
    *,
    stem: str,
    what: str,
    note: str = "",
) -> dict[str, str]:
    """Add ``document`` in each of ``chosen`` to ``publication`` as ``stem.EXT``, one status
    line each ("writing ``what`` (PDF)"); the names written, by format."""
    written = {}
    for name in chosen:
        progress.step(f"writing {what} ({formats[name].shown})")
        data = formats.render(document, [name])[name]
        written[name] = publication.add(formats.file(stem, name), data, note)
    return written
