"""PDF files in the data folder that a nota's bijlage points to (``bestand``): read with the
data folder's rules (a regular file inside the folder, a size limit) and judged to be a PDF. The
pack includes them as they are; in its public version they are read back for registered names
like every other file, and refused when one is found."""

from __future__ import annotations

from pathlib import Path

from generator.load.datafiles import DataFolder, FileRefused

#: the largest PDF a bijlage may be
MAX_PDF_BYTES = 50 << 20


def read_pdf(root: Path, relative: str) -> bytes:
    """The bytes of the PDF ``relative`` to the data folder ``root``; FileRefused says why
    it cannot be used."""
    folder = DataFolder(root)
    name = f"bestand '{relative}'"
    file = root / relative
    try:
        if not (folder.base / relative).resolve().is_relative_to(folder.base):
            raise FileRefused(f"{name} points outside the data folder")
        if not file.exists() and not file.is_symlink():
            raise FileRefused(f"{name} does not exist (paths are relative to the data folder)")
        data = folder.read(file, limit=MAX_PDF_BYTES)
    except FileRefused as exc:
        if exc.message.startswith(name):
            raise
        raise FileRefused(f"{name}: {exc.message}") from None
    except (OSError, RuntimeError, ValueError) as exc:
        raise FileRefused(f"{name} cannot be read: {exc}") from None
    if not data.startswith(b"%PDF-"):
        raise FileRefused(f"{name} is not a PDF")
    return data
