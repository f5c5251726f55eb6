"""What ``check`` says about each deadline typed in words: what statusgen read from it (an
info, for the editor to confirm), or that it read no date from it (a warning: it prints as typed
and is never overdue). See docs/deadlines.md."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel

from generator.load.diagnostics import DocPath, Severity
from generator.model.deadline import Deadline, Vorm


def _deadlines(value: Any, path: DocPath) -> Iterator[tuple[DocPath, Deadline]]:
    """Every deadline in a loaded item, with where it stands."""
    if isinstance(value, Deadline):
        yield path, value
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _deadlines(getattr(value, name), (*path, name))
    elif isinstance(value, list | tuple):
        for index, child in enumerate(value):
            yield from _deadlines(child, (*path, index))


def deadline_notes(item: Any) -> Iterator[tuple[DocPath, Severity, str]]:
    for path, deadline in _deadlines(item, ()):
        if deadline.vorm is Vorm.FREE:
            yield (
                path,
                Severity.WARNING,
                f"deadline '{deadline.tekst}': statusgen reads no date from it, so it prints as "
                "typed and is never overdue; see docs/deadlines.md for the forms it reads",
            )
        elif deadline.begrip:
            yield path, Severity.INFO, f"deadline '{deadline.tekst}' is {deadline.begrip}"


def reference_date(data: Any, peildatum: dt.date) -> dt.date:
    """The date a deadline typed without a year is read near: the file's own ``stand`` (a
    workstream) or ``datum`` (a meeting), else the peildatum."""
    if isinstance(data, dict):
        for key in ("stand", "datum"):
            value = data.get(key)
            if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
                return value
    return peildatum
