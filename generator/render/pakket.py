"""The pack of a nota: its index (Markdown) and one PDF of the nota and its bijlagen in the
bijlagen's order, each with a bookmark, made with pypdf from the PDFs of its parts."""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from generator.text.gfm import escape


class Voorblad(Protocol):
    """What the index says of the nota at the head of the pack (a ``NotaDocument``: the pack
    is of any such document, not an import of the nota's output package)."""

    @property
    def onderwerp(self) -> str: ...
    @property
    def notanummer(self) -> str: ...
    @property
    def datum(self) -> str: ...
    @property
    def type(self) -> str: ...
    @property
    def openbaar(self) -> bool: ...


@dataclass(frozen=True)
class Deel:
    """One document of the pack: the nota (nummer 0) or a bijlage."""

    nummer: int
    titel: str
    #: the files of the part in the pack's folder, PDF first; empty: not a statusgen product
    bestanden: tuple[str, ...]
    pdf: bytes | None


def combined(delen: Sequence[Deel], title: str) -> bytes:
    """One PDF: every part's pages in order, with a bookmark per part."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for deel in delen:
        if deel.pdf is None:
            continue
        start = len(writer.pages)
        writer.append(PdfReader(io.BytesIO(deel.pdf)), import_outline=False)
        writer.add_outline_item(title=_label(deel), page_number=start)
    writer.add_metadata({"/Title": title})
    writer.page_mode = "/UseOutlines"
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def index(nota: Voorblad, delen: Sequence[Deel], combined_name: str) -> str:
    """The pack's index in Markdown: every part in order with its files."""
    lines = [
        f"# Pakket {escape(nota.onderwerp)}",
        "",
        f"Nota {escape(nota.notanummer)}, {escape(nota.datum)}, {escape(nota.type.lower())}"
        + (" (openbare versie)" if nota.openbaar else "")
        + ".",
        "",
        f"Alles in één PDF, in deze volgorde: [{combined_name}]({combined_name})",
        "",
        "| Nr. | Stuk | Bestanden |",
        "|---|---|---|",
    ]
    for deel in delen:
        files = ", ".join(f"[{name}]({name})" for name in deel.bestanden) or "niet bijgevoegd"
        nummer = "Nota" if deel.nummer == 0 else f"Bijlage {deel.nummer}"
        lines.append(f"| {nummer} | {escape(deel.titel)} | {files} |")
    return "\n".join(lines) + "\n"


def _label(deel: Deel) -> str:
    return f"Nota – {deel.titel}" if deel.nummer == 0 else f"Bijlage {deel.nummer} – {deel.titel}"
