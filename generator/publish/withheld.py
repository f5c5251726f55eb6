"""What the public version withholds, counted, never named: for the section "Informatie die niet
openbaar gemaakt kan worden" of a public nota.

The count walks the same texts, with the same rules, as ``redact.public`` does when it makes the
public version: a registered name in a text (replaced by "Persoonsgegevens"), a person id in a
field (printed as "Persoonsgegevens"), a link whose address is personal data (left out). So what
the nota says it withholds is what the publishing step replaced in the data its documents are
built from.
"""

from __future__ import annotations

import dataclasses
import enum
from collections.abc import Iterable
from typing import Any

from pydantic import BaseModel

from generator.load.fields import PERSON_ID
from generator.model.names import Names
from generator.model.withheld import Withheld
from generator.publish.redact import _AUTOLINK, _LINK, _unlink


def count(value: Any, names: Names) -> Withheld:
    """What ``redact.public`` replaces in ``value`` (a model, or lists and dicts of them)."""
    if isinstance(value, enum.Enum) or value is None:
        return Withheld()
    if isinstance(value, str):
        return _count_text(value, names)
    if isinstance(value, BaseModel):
        return _sum((getattr(value, field) for field in type(value).model_fields), names)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return _sum((getattr(value, m.name) for m in dataclasses.fields(value)), names)
    if isinstance(value, list | tuple):
        return _sum(value, names)
    if isinstance(value, dict):
        return _sum(value.values(), names)
    return Withheld()


def _sum(values: Iterable[Any], names: Names) -> Withheld:
    total = Withheld()
    for value in values:
        total += count(value, names)
    return total


def _count_text(text: str, names: Names) -> Withheld:
    if PERSON_ID.match(text):
        return Withheld(personen=1)
    unlinked = _unlink(text, names)
    removed = _links(text) - _links(unlinked)
    return Withheld(namen=len(names.spans(unlinked)), adressen=removed)


def _links(text: str) -> int:
    return len(_LINK.findall(text)) + len(_AUTOLINK.findall(text))
