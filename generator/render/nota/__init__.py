"""The nota to the bewindspersoon: ``build`` lays it out from the data; each output format is
one module with ``render(nota) -> bytes``, registered in ``FORMATS``."""

from __future__ import annotations

from generator.render.formats import Format, Formats

#: format (as --format names it, and the file's extension) -> the module that writes it
FORMATS = Formats(__name__, Format("docx", "docx"), Format("pdf", "pdf"))
