"""The kinds of file in a data folder, and the registry that finds them.

A kind is one module in this package that defines ``KIND``: where its files live, the model that
validates them, what they define (identities) and refer to (references), and what ``check`` warns
about. The loader, ``check``, ``schema`` and the data reference all work from this registry, so
a new kind of file (meetings, risks, reports) is one new module here.
"""

from __future__ import annotations

import datetime as dt
import importlib
import pkgutil
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, ClassVar, Generic, TypeVar

from pydantic import BaseModel

from generator.load.diagnostics import DocPath

M = TypeVar("M", bound=BaseModel)

#: where a data folder keeps the JSON Schema files, relative to its root: beside the data, so
#: that a modeline in a data file reaches them by a relative path (yaml-language-server resolves
#: ``$schema=`` from the file's own folder), in git with the data
SCHEMA_FOLDER = "schemas"


@dataclass(frozen=True)
class Ref:
    """An identity one file defines, or a reference to one: ``("opdracht", "1.2")`` at a path."""

    namespace: str
    key: str | int
    path: DocPath


@dataclass(frozen=True)
class CheckContext:
    """What checks beyond the model are judged against."""

    peildatum: dt.date
    #: the data folder, for files that data points to (inhoud_bestand)
    root: Path
    #: names of the kinds of which at least one file loaded
    present: frozenset[str]


class Kind(Generic[M]):
    """Describes one kind of data file. Subclasses set the class attributes and override hooks."""

    name: ClassVar[str]
    #: glob, relative to the data folder
    pattern: ClassVar[str]
    model: ClassVar[type[BaseModel]]
    description: ClassVar[str]
    #: position in listings and load order
    order: ClassVar[int] = 50
    #: exactly one such file (e.g. organisatie.yaml) rather than one file per item
    singleton: ClassVar[bool] = False
    required: ClassVar[bool] = False
    #: the namespace this kind's files are counted in when another kind refers to them
    provides: ClassVar[tuple[str, ...]] = ()

    @property
    def schema_name(self) -> str:
        return f"{self.name}.schema.json"

    @property
    def modeline(self) -> str:
        """The first line of a data file of this kind that points yaml-language-server to its
        schema in the data folder's ``schemas/``, relative to the file's own folder."""
        up = "../" * self.pattern.count("/")
        return f"# yaml-language-server: $schema={up}{SCHEMA_FOLDER}/{self.schema_name}"

    def identities(self, item: M) -> Iterable[Ref]:
        return ()

    def references(self, item: M) -> Iterable[Ref]:
        return ()

    def file_number(self, item: M) -> tuple[int, DocPath] | None:
        """The number the file name should start with, and where it stands in the file."""
        return None

    def file_name_problem(self, item: M, file_name: str) -> tuple[DocPath, str] | None:
        """A file name that does not match the item (a warning): by default, its number."""
        found = self.file_number(item)
        if found is None:
            return None
        number, path = found
        match = re.match(r"^(\d+)", file_name)
        if match and int(match[1]) == number:
            return None
        width = max(2, len(match[1]) if match else 2)
        return (
            path,
            f"the file name should start with its nummer {number} (e.g. {number:0{width}d}-...)",
        )

    def markdown_files(self, item: M) -> Iterable[tuple[DocPath, str]]:
        """The Markdown files (relative to the data folder) the item's text comes from, each
        with where it is named; the loader reads and checks them like the data itself."""
        return ()

    def errors(self, item: M, context: CheckContext) -> Iterable[tuple[DocPath, str]]:
        """Errors the model cannot see on its own, such as a generated part without its data."""
        return ()

    def warnings(self, item: M, context: CheckContext) -> Iterable[tuple[DocPath, str]]:
        return ()

    #: ``statusgen new``: the new file's name, with {number}, {slug} and {datum} filled in;
    #: None for kinds ``new`` does not start
    new_name: ClassVar[str | None] = None

    def numbers(self, item: M) -> Iterable[int]:
        """The numbers ``item`` uses, so that ``new`` takes the next free one."""
        number = getattr(item, "nummer", None)
        return [number] if isinstance(number, int) else []

    def example(self, *, number: int, titel: str, datum: dt.date) -> dict[str, Any] | None:
        """A minimal valid document for ``statusgen new`` (for a singleton: one list with the
        entry to add); None if the kind has no such file."""
        return None


@cache
def all_kinds() -> tuple[Kind[Any], ...]:
    """Every kind in this package, in load order."""
    found: list[Kind[Any]] = []
    for info in pkgutil.iter_modules(__path__):
        module = importlib.import_module(f"{__name__}.{info.name}")
        kind = getattr(module, "KIND", None)
        if isinstance(kind, Kind):
            found.append(kind)
    return tuple(sorted(found, key=lambda k: (k.order, k.name)))


def kind_named(name: str) -> Kind[Any]:
    for kind in all_kinds():
        if kind.name == name:
            return kind
    raise KeyError(name)
