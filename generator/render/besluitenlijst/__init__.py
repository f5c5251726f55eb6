"""The actie- en besluitenlijst: ``build`` lays out one meeting's list from the data; each output
format is one module with ``render(lijst) -> bytes``, registered in ``FORMATS``."""

from __future__ import annotations

from generator.render.formats import Format, Formats

#: format (as --format names it, and the file's extension) -> the module that writes it
FORMATS = Formats(
    __name__,
    Format("docx", "docx"),
    Format("md", "markdown", label="Markdown"),
    Format("pdf", "pdf"),
)
