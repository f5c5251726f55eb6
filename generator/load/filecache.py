"""What each data file read into, kept while its bytes stay the same: a live preview
(``statusgen serve``) loads the folder again after every save, and only the files that changed
are parsed and validated again. The checks across files run every time."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from generator.load.diagnostics import Diagnostic, Diagnostics

T = TypeVar("T")


class FileCache:
    def __init__(self) -> None:
        self._files: dict[Path, tuple[bytes, Any, list[Diagnostic]]] = {}
        #: how many files were parsed since this was last set to 0 (the others were kept)
        self.parsed = 0

    def load(self, file: Path, read: Callable[[Diagnostics], T], diagnostics: Diagnostics) -> T:
        """``read(diagnostics)``'s result for ``file``, and its diagnostics added to
        ``diagnostics``: kept from the last time while the file's bytes are the same."""
        try:
            content = file.read_bytes()
        except OSError:
            content = b""
        kept = self._files.get(file)
        if kept is not None and kept[0] == content:
            diagnostics.extend(kept[2])
            result: T = kept[1]
            return result
        own = Diagnostics()
        result = read(own)
        self.parsed += 1
        diagnostics.extend(own.items)
        self._files[file] = (content, result, list(own.items))
        return result
