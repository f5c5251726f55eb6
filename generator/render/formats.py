"""The formats an output is written in, declared once per output as a ``Formats`` table.

Each row names a format as ``--format`` names it, the module that writes it (imported only when
the format is asked for; it has ``render(document) -> bytes``), the file's extension, the name
the status line says and a short help text. A Typst-typeset format's module has instead
``TEMPLATE`` and ``data(document)``, and ``settle`` when it settles its pages: the table
typesets it (one way for every PDF), and the preview and the visual diff draw its pages from
the same three (``Formats.pages``), so no caller maps a template to its settling by hand.

The commands' ``--format`` option (``options.formats_option``), their help texts ("output/
actietabel.{html,pdf,docx,md,xlsx}"), the reference and the tests' expected file lists are all
derived from these tables: adding a format is one writer module and one row.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from types import ModuleType
from typing import Any


@dataclass(frozen=True)
class Format:
    """One way of writing an output."""

    #: as ``--format`` names it
    name: str
    #: the writer module, relative to the output's package; "" for the package itself
    module: str
    #: the file's extension, without the dot; "" for a format printed on stdout
    extension: str = ""
    #: as the status line and the help say it ("HTML"); default: the name in capitals
    label: str = ""
    #: what the format is for, in the option's help; empty: nothing to add
    help: str = ""
    #: the writer module's function that writes ``document -> bytes``
    function: str = "render"

    @property
    def shown(self) -> str:
        return self.label or self.name.upper()

    @property
    def suffix(self) -> str:
        return self.extension or self.name


class Formats:
    """An output's formats, in the order ``--format`` lists them and its default writes them."""

    def __init__(self, package: str, *rows: Format, default: Iterable[str] | None = None) -> None:
        self.package = package
        self.rows = {row.name: row for row in rows}
        self.default = list(default) if default is not None else list(self.rows)

    def __iter__(self) -> Iterator[str]:
        return iter(self.rows)

    def __contains__(self, name: object) -> bool:
        return name in self.rows

    def __getitem__(self, name: str) -> Format:
        return self.rows[name]

    def __len__(self) -> int:
        return len(self.rows)

    def writer(self, name: str) -> ModuleType:
        """The module that writes ``name``, imported now."""
        module = self.rows[name].module
        return importlib.import_module(f"{self.package}.{module}" if module else self.package)

    def render(self, document: Any, names: Iterable[str]) -> dict[str, bytes]:
        """``document`` in each of ``names`` (by format name)."""
        return {name: self._write(name, document) for name in names}

    def _write(self, name: str, document: Any) -> bytes:
        writer = self.writer(name)
        if hasattr(writer, "TEMPLATE"):
            # a Typst writer gives its template and data; typesetting is the same for each
            from generator.render.typeset import typeset

            settle = getattr(writer, "settle", None)
            made: bytes = typeset(writer.TEMPLATE, writer.data(document), settle=settle)
            return made
        written: bytes = getattr(writer, self.rows[name].function)(document)
        return written

    def file(self, stem: str, name: str) -> str:
        """The file ``stem`` in format ``name``: "actietabel.md"."""
        return f"{stem}.{self.rows[name].suffix}"

    def files(self, stem: str, names: Iterable[str] | None = None) -> list[str]:
        """The files ``stem`` in ``names`` (default: every format), in order."""
        return [self.file(stem, name) for name in (self if names is None else names)]

    def pattern(self, stem: str) -> str:
        """The files as the help says them: "output/verslag-DATE.{docx,pdf}"."""
        suffixes = [row.suffix for row in self.rows.values()]
        shown = suffixes[0] if len(suffixes) == 1 else "{" + ",".join(suffixes) + "}"
        return f"output/{stem}.{shown}"

    def listed(self) -> str:
        """The formats' labels: "HTML, PDF, DOCX, Markdown, XLSX"."""
        return ", ".join(row.shown for row in self.rows.values())

    def pages(self, document: Any, name: str = "pdf") -> list[bytes]:
        """The pages of ``document`` in the Typst-typeset format ``name``, as SVG, settled as its
        writer settles them: what the preview and the visual diff show."""
        from generator.render.typeset import pages

        writer = self.writer(name)
        return pages(writer.TEMPLATE, writer.data(document), settle=getattr(writer, "settle", None))

    def typeset_data(self, document: Any, name: str = "pdf") -> Any:
        """What the Typst template of ``name`` receives for ``document``: two versions whose
        data are equal have equal pages."""
        return self.writer(name).data(document)
