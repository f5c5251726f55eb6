"""The nota to the bewindspersoon: ``build`` lays it out from the data; each output format is
one module with ``render(nota) -> bytes``, registered in ``FORMATS``."""

from __future__ import annotations

import importlib
from collections.abc import Iterable

from generator.render.nota.build import NotaDocument

#: format (as --format names it, and the file's extension) -> the module that writes it
FORMATS = {"docx": "docx", "pdf": "pdf"}


def render(nota: NotaDocument, formats: Iterable[str]) -> dict[str, bytes]:
    """The nota in each of ``formats``; each writer is imported only when it is asked for."""
    return {
        fmt: importlib.import_module(f"{__name__}.{FORMATS[fmt]}").render(nota) for fmt in formats
    }
