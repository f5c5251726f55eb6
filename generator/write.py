"""The only place that writes outputs: atomically, and only inside the output folder."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from generator.exceptions import OutputError


def target(folder: Path, name: str) -> Path:
    """``folder / name``, refusing any name that would land outside ``folder``."""
    root = folder.resolve()
    path = (root / name).resolve()
    if not path.is_relative_to(root) or path == root:
        raise OutputError(f"refusing to write '{name}': it is outside {folder}")
    return path


def write_bytes(folder: Path, name: str, data: bytes) -> Path:
    """Write ``data`` to ``folder/name`` through a temporary file, so a reader never sees half."""
    path = target(folder, name)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise OutputError(f"cannot write to {path.parent}: {exc.strerror}") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def write_text(folder: Path, name: str, text: str) -> Path:
    return write_bytes(folder, name, text.encode("utf-8"))
