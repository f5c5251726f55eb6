"""The verslag of a meeting: ``build`` lays it out from the meeting file; each output format is
one module with ``render(verslag) -> bytes``, registered in ``FORMATS``."""

from __future__ import annotations

from generator.render.formats import Format, Formats

#: format (as --format names it, and the file's extension) -> the module that writes it
FORMATS = Formats(__name__, Format("docx", "docx"), Format("pdf", "pdf"))
