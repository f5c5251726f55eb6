"""The Kamer progress report (voortgangsrapportage): ``build`` lays one rapportage out as a
``Rapport`` (numbered, with contents, stars gathered, KPIs judged); each output format is one
module with ``render(rapport) -> bytes``, registered in ``FORMATS``."""

from __future__ import annotations

import importlib
from collections.abc import Iterable

from generator.render.rapportage.rapport import Rapport

#: format (the file's extension) -> the module that writes it
FORMATS = {"html": "html", "pdf": "pdf"}


def render(rapport: Rapport, formats: Iterable[str]) -> dict[str, bytes]:
    """The report in each of ``formats``; each writer is imported only when it is asked for."""
    return {
        fmt: importlib.import_module(f"{__name__}.{FORMATS[fmt]}").render(rapport)
        for fmt in formats
    }
