"""The Kamer progress report (voortgangsrapportage): ``build`` lays one rapportage out as a
``Rapport`` (numbered, with contents, stars gathered, KPIs judged); each output format is one
module with ``render(rapport) -> bytes``, registered in ``FORMATS``."""

from __future__ import annotations

from generator.render.formats import Format, Formats

#: format (as --format names it, and the file's extension) -> the module that writes it
FORMATS = Formats(__name__, Format("html", "html"), Format("pdf", "pdf"))
