"""The POK action table: ``build`` makes the table from the data (sections, groups, rows, with
every text as it is shown); each output format is one module with ``render(tabel) -> bytes``,
registered in ``FORMATS``. Adding a format is one module and one line here.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable

from generator.render.actietabel.build import Tabel

#: format (as --format names it, and the file's extension) -> the module that writes it
FORMATS = {"html": "html", "pdf": "pdf", "docx": "docx", "md": "markdown", "xlsx": "xlsx"}


def render(tabel: Tabel, formats: Iterable[str]) -> dict[str, bytes]:
    """The table in each of ``formats``; each writer is imported only when it is asked for."""
    return {
        fmt: importlib.import_module(f"{__name__}.{FORMATS[fmt]}").render(tabel) for fmt in formats
    }
