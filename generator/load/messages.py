"""Turn pydantic's validation errors into messages an editor can act on."""

from __future__ import annotations

import types
import typing
from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel, ValidationError

from generator.load.diagnostics import DocPath
from generator.quoting import did_you_mean
from generator.text.shorten import shorten

_EXPECTED = {
    "int": "a whole number",
    "string": "text",
    "list": "a list (lines starting with '- ')",
    "dict": "a mapping (key: value)",
    "model": "a mapping (key: value)",
    "model_attributes": "a mapping (key: value)",
    "bool": "true or false",
    "date": "a date such as 2020-09-01",
    "float": "a number",
}


def model_of(annotation: Any) -> type[BaseModel] | None:
    """The model class inside ``list[X]``, ``X | None``, ``Annotated[...]``."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return model_of(typing.get_args(annotation)[0])
    if origin in (list, typing.Union, types.UnionType):
        for arg in typing.get_args(annotation):
            found = model_of(arg)
            if found is not None:
                return found
    return None


def model_at(root: type[BaseModel], path: DocPath) -> type[BaseModel] | None:
    """The model that validates the mapping at ``path``."""
    model: type[BaseModel] | None = root
    for part in path:
        if model is None:
            return None
        if isinstance(part, int):
            continue
        info = model.model_fields.get(part)
        if info is None:
            return None
        model = model_of(info.annotation)
    return model


def _shown(value: Any) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing"
    text = str(getattr(value, "raw", value))
    return repr(shorten(text, 40))


def describe_validation_error(
    exc: ValidationError, root: type[BaseModel]
) -> Iterator[tuple[DocPath, str, bool]]:
    """(path, message, position-at-key) for each error; unknown keys point at the key.

    A misspelt required key gives pydantic two errors, an unknown key and a missing one; the editor
    made one mistake, so only the unknown key is reported, with its correction.
    """
    errors = exc.errors(include_url=False)
    corrected: set[DocPath] = set()
    messages: list[tuple[DocPath, str, bool]] = []
    for error in errors:
        path: DocPath = tuple(p for p in error["loc"] if isinstance(p, str | int))
        if error["type"] != "extra_forbidden":
            continue
        model = model_at(root, path[:-1])
        allowed = list(model.model_fields) if model else []
        hint = did_you_mean(str(path[-1]), allowed)
        if hint:
            corrected.add((*path[:-1], hint.split("'")[1]))
        else:
            hint = f"; allowed: {', '.join(allowed)}" if allowed else ""
        messages.append((path, f"unknown key '{path[-1]}'{hint}", True))
    for error in errors:
        path = tuple(p for p in error["loc"] if isinstance(p, str | int))
        kind = error["type"]
        name = str(path[-1]) if path else "document"
        if kind == "extra_forbidden" or (kind == "missing" and path in corrected):
            continue
        if kind == "missing":
            messages.append((path, f"missing required key '{name}'", False))
        elif kind == "value_error":
            messages.append((path, f"{name}: {error['ctx']['error']}", False))
        else:
            expected = next((v for k, v in _EXPECTED.items() if kind.startswith(k + "_")), None)
            if expected:
                message = f"{name}: expected {expected}, got {_shown(error.get('input'))}"
            else:
                message = f"{name}: {error['msg'][0].lower()}{error['msg'][1:]}"
            messages.append((path, message, False))
    yield from messages
