"""The kinds of file in a data folder, and the registry that finds them.

A kind is one module in this package that defines ``KIND``: where its files live, the model that
validates them, what they define (identities) and refer to (references), and what ``check`` warns
about. The loader, ``check``, ``schema`` and the README's reference all work from this registry, so
a new kind of file (meetings, risks, reports) is one new module here.
"""

from __future__ import annotations

import datetime as dt
import importlib
import pkgutil
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any, ClassVar, Generic, TypeVar

from pydantic import BaseModel

from generator.diagnostics import DocPath

M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class Ref:
    """An identity one file defines, or a reference to one: ``("opdracht", "1.2")`` at a path."""

    namespace: str
    key: str | int
    path: DocPath


@dataclass(frozen=True)
class CheckContext:
    """What warnings are judged against."""

    peildatum: dt.date


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

    def identities(self, item: M) -> Iterable[Ref]:
        return ()

    def references(self, item: M) -> Iterable[Ref]:
        return ()

    def file_number(self, item: M) -> tuple[int, DocPath] | None:
        """The number the file name should start with, and where it stands in the file."""
        return None

    def warnings(self, item: M, context: CheckContext) -> Iterable[tuple[DocPath, str]]:
        return ()

    def example(self, *, number: int, titel: str) -> dict[str, Any] | None:
        """A minimal valid document for ``statusgen new``; None if the kind has no such file."""
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
