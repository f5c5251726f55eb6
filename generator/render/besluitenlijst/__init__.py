"""The actie- en besluitenlijst: ``build`` lays out one meeting's list from the data; each output
format is one module with ``render(lijst) -> bytes``, registered in ``FORMATS``."""

from __future__ import annotations

import importlib
from collections.abc import Iterable

from generator.render.besluitenlijst.build import Besluitenlijst

#: format (as --format names it, and the file's extension) -> the module that writes it
FORMATS = {"docx": "docx", "md": "markdown", "pdf": "pdf"}


def render(lijst: Besluitenlijst, formats: Iterable[str]) -> dict[str, bytes]:
    """The list in each of ``formats``; each writer is imported only when it is asked for."""
    return {
        fmt: importlib.import_module(f"{__name__}.{FORMATS[fmt]}").render(lijst) for fmt in formats
    }
