"""Errors and warnings about the data, each tied to a file, line and column."""

from __future__ import annotations

import enum
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from generator.quoting import printable

#: A line and column in a file, both 1-based.
Position = tuple[int, int]

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
    """One finding. ``line`` and ``column`` are 1-based; 0 means 'the whole file'. Its three
    forms for people and machines (``check --format human|github|json``, and every other
    command's messages) are made here and nowhere else."""

    file: Path
    line: int
    column: int
    severity: Severity = field(compare=False)
    message: str = field(compare=False)
    path: DocPath = field(default=(), compare=False)
    #: the version of the data the file is in, when that is not the data folder itself (the
    #: base of ``diff``), and the file within that version
    version: tuple[str, str] | None = field(default=None, compare=False)

    @property
    def shown_file(self) -> str:
        """The file as messages name it: relative to the working directory, or
        ``version:relative`` for a file from another version of the data."""
        if self.version is not None:
            return f"{self.version[0]}:{self.version[1]}"
        return display_path(self.file)

    def human(self) -> str:
        """``file:line:column: severity: message [path]``, as compilers and editors print."""
        at = f" [{format_docpath(self.path)}]" if self.path else ""
        where = f"{self.shown_file}:{self.line}:{self.column}"
        return f"{where}: {self.severity.value}: {self.message}{at}"

    def github(self) -> str:
        """A GitHub Actions workflow command, shown as an annotation on the pull request's
        diff."""
        file = _github_escape(self.shown_file, prop=True)
        level = _GITHUB.get(self.severity.value, self.severity.value)
        return (
            f"::{level} file={file},line={self.line},"
            f"col={self.column},title=statusgen::{_github_escape(self.message)}"
        )

    def as_json(self) -> dict[str, object]:
        return {
            "file": self.shown_file,
            "line": self.line,
            "column": self.column,
            "severity": self.severity.value,
            "message": self.message,
            "path": format_docpath(self.path),
        }


#: GitHub's word for a severity, where it differs
_GITHUB = {"info": "notice"}


def _github_escape(text: str, *, prop: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if prop:
        text = text.replace(":", "%3A").replace(",", "%2C")
    return text


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
