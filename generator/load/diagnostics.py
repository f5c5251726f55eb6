"""Errors and warnings about the data, each tied to a file, line and column."""

from __future__ import annotations

import enum
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from generator.quoting import printable

#: A path inside a YAML document: keys and list indexes, e.g. ("opdrachten", 2, "deadline").
DocPath = tuple[str | int, ...]


class Severity(enum.StrEnum):
    ERROR = "error"
    WARNING = "warning"
    #: what statusgen understood, for the editor to confirm (a deadline read from words)
    INFO = "info"


def format_docpath(path: DocPath) -> str:
    """Render ("opdrachten", 2, "hoofdacties", 0) as ``opdrachten[2].hoofdacties[0]``."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else part
    return printable(out)


@dataclass(frozen=True, order=True)
class Diagnostic:
    """One finding. ``line`` and ``column`` are 1-based; 0 means 'the whole file'."""

    file: Path
    line: int
    column: int
    severity: Severity = field(compare=False)
    message: str = field(compare=False)
    path: DocPath = field(default=(), compare=False)

    def human(self) -> str:
        where = f"{display_path(self.file)}:{self.line}:{self.column}"
        at = f" [{format_docpath(self.path)}]" if self.path else ""
        return f"{where}: {self.severity.value}: {self.message}{at}"


def display_path(file: Path) -> str:
    """Relative to the working directory when the file is below it, as editors and CI expect."""
    try:
        # the folders resolved, the file itself not: a symbolic link is shown by its own name
        real = file.parent.resolve() / file.name
        shown = str(real.relative_to(Path.cwd().resolve()))
    except (ValueError, OSError, RuntimeError):
        shown = str(file)
    return printable(shown)


class Diagnostics:
    """Collects the diagnostics of a whole run, so that every file is checked in one go."""

    def __init__(self) -> None:
        self._items: list[Diagnostic] = []

    def add(
        self,
        file: Path,
        position: tuple[int, int],
        message: str,
        *,
        path: DocPath = (),
        severity: Severity = Severity.ERROR,
    ) -> None:
        line, column = position
        self._items.append(Diagnostic(file, line, column, severity, printable(message), path))

    def error(
        self, file: Path, position: tuple[int, int], message: str, path: DocPath = ()
    ) -> None:
        self.add(file, position, message, path=path)

    def warning(
        self, file: Path, position: tuple[int, int], message: str, path: DocPath = ()
    ) -> None:
        self.add(file, position, message, path=path, severity=Severity.WARNING)

    def info(self, file: Path, position: tuple[int, int], message: str, path: DocPath = ()) -> None:
        self.add(file, position, message, path=path, severity=Severity.INFO)

    def extend(self, items: Iterable[Diagnostic]) -> None:
        self._items.extend(items)

    @property
    def items(self) -> Sequence[Diagnostic]:
        return sorted(self._items)

    @property
    def ordered(self) -> list[Diagnostic]:
        """Errors first, then warnings, then infos (what statusgen read from a deadline in
        words), each in file and line order: what stops a run comes before what only advises."""
        return self.errors + self.warnings + self.infos

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.items if d.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.items if d.severity is Severity.WARNING]

    @property
    def infos(self) -> list[Diagnostic]:
        return [d for d in self.items if d.severity is Severity.INFO]


def counted(number: int, noun: str) -> str:
    """``1 error``, ``2 errors``, ``0 warnings``."""
    return f"{number} {noun}{'' if number == 1 else 's'}"


def summary(errors: int, warnings: int) -> str:
    """``2 errors, 71 warnings``: the two counted apart, as the summary line says them."""
    return f"{counted(errors, 'error')}, {counted(warnings, 'warning')}"
