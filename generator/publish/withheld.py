"""What the public version withholds, counted, never named: for the section "Informatie die niet
openbaar gemaakt kan worden" of a public nota.

The names are counted by running the publishing step's own redaction (``redact``) over the data
with a counter in the place of the name matcher: every name it replaces is counted, with the
same rules for person fields, identities and Markdown. Beside that are counted the person ids in
fields (printed as "Persoonsgegevens" through the registry) and the links whose address is
personal data (left out). So what the nota says it withholds is what the publishing step
replaced in the data its documents are built from.
"""

from __future__ import annotations

import dataclasses
import enum
from collections.abc import Iterable
from typing import Any, cast

from pydantic import BaseModel

from generator.load.fields import PERSON_ID
from generator.model.names import Names
from generator.model.withheld import Withheld
from generator.publish.redact import _AUTOLINK, _LINK, _Redactor, _unlink


class _Counter:
    """The name matcher, counting the names it replaces."""

    def __init__(self, names: Names) -> None:
        self.names = names
        self.replaced = 0

    def redact(self, text: str, *, person: bool = False) -> str:
        self.replaced += len(self.names.spans(text, person=person))
        return self.names.redact(text, person=person)

    def __getattr__(self, attribute: str) -> Any:
        return getattr(self.names, attribute)


def count(value: Any, names: Names) -> Withheld:
    """What the public version replaces in ``value`` (a model, or lists and dicts of them)."""
    counter = _Counter(names)
    _Redactor(cast(Names, counter)).value(value)
    people, links = _walk(value, names)
    return Withheld(namen=counter.replaced, personen=people, adressen=links)


def _walk(value: Any, names: Names) -> tuple[int, int]:
    """Person ids in fields, and links with personal data in their address, in ``value``."""
    if isinstance(value, enum.Enum) or value is None:
        return 0, 0
    if isinstance(value, str):
        if PERSON_ID.match(value):
            return 1, 0
        return 0, _links(value) - _links(_unlink(value, names))
    if isinstance(value, BaseModel):
        return _sum((getattr(value, field) for field in type(value).model_fields), names)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return _sum((getattr(value, m.name) for m in dataclasses.fields(value)), names)
    if isinstance(value, list | tuple):
        return _sum(value, names)
    if isinstance(value, dict):
        return _sum(value.values(), names)
    return 0, 0


def _sum(values: Iterable[Any], names: Names) -> tuple[int, int]:
    people = links = 0
    for value in values:
        p, link = _walk(value, names)
        people += p
        links += link
    return people, links


def _links(text: str) -> int:
    return len(_LINK.findall(text)) + len(_AUTOLINK.findall(text))
