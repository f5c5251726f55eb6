"""The verslag of a meeting: ``build`` lays it out from the meeting file; each output format is
one module with ``render(verslag) -> bytes``, registered in ``FORMATS``."""

from __future__ import annotations

import importlib
from collections.abc import Iterable

from generator.render.verslag.build import Verslag

#: format (as --format names it, and the file's extension) -> the module that writes it
FORMATS = {"docx": "docx", "pdf": "pdf"}


def render(verslag: Verslag, formats: Iterable[str]) -> dict[str, bytes]:
    """The verslag in each of ``formats``; each writer is imported only when it is asked for."""
    return {
        fmt: importlib.import_module(f"{__name__}.{FORMATS[fmt]}").render(verslag)
        for fmt in formats
    }
