"""The POK action table: ``build`` makes the table from the data (sections, groups, rows, with
every text as it is shown); each output format is one module with ``render(tabel) -> bytes``,
registered in ``FORMATS``. Adding a format is one module and one row here.
"""

from __future__ import annotations

from generator.render.formats import Format, Formats

#: format (as --format names it, and the file's extension) -> the module that writes it
FORMATS = Formats(
    __name__,
    Format("html", "html", label="HTML"),
    Format("pdf", "pdf", label="PDF"),
    Format("docx", "docx", label="DOCX"),
    Format("md", "markdown", label="Markdown"),
    Format("xlsx", "xlsx", label="XLSX"),
)
