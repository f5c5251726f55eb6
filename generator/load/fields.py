"""Field types shared by the data models: text as editors type it, Markdown, person references."""

from __future__ import annotations

import datetime as dt
import re
import types
from functools import cache
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field

from generator.load.diagnostics import DocPath
from generator.load.yamlsource import YamlFloat, YamlInt
from generator.model.dates import checked
from generator.model.deadline import date_hint

PERSON_ID = re.compile(r"^p-[\w.-]+$")


class DataModel(BaseModel):
    """Base of every model read from YAML: unknown keys are errors, values are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True)


def model_word(model: type[BaseModel]) -> str:
    """The word messages and the reference name a model by: its title when it has one (a
    class named apart from the key it is written under, as communicatie's ``planning``),
    else its class name; lower case."""
    return str(model.model_config.get("title") or model.__name__).lower()


def _text(value: Any) -> Any:
    """Text as typed: ``1.10`` stays "1.10" and ``2020`` stays "2020" in a text field."""
    if isinstance(value, YamlInt | YamlFloat):
        return value.raw
    if isinstance(value, bool):
        raise ValueError(
            f"expected text, but YAML reads this as {str(value).lower()}: put it in quotes"
        )
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _nonempty(value: Any) -> Any:
    value = _text(value)
    if isinstance(value, str) and not value.strip():
        raise ValueError("must not be empty")
    return value


def _list(value: Any) -> Any:
    """An empty key (``hoofdacties:``) means an empty list."""
    return [] if value is None else value


def _number(value: Any) -> Any:
    if isinstance(value, bool):
        raise ValueError("expected a whole number")
    if isinstance(value, YamlInt) and value.raw.startswith("0") and value.raw != "0":
        return int(value.raw, 10)  # 010 is 8 in YAML 1.1; an editor writing 010 means ten
    return value


def _person_id(value: Any) -> Any:
    if isinstance(value, str) and not PERSON_ID.match(value):
        raise ValueError(
            f"'{value}' is not a person id: use an id from organisatie.yaml such as p-devries "
            "(names live only in the registry)"
        )
    return value


#: in the JSON Schema, a text field also takes a number: check reads ``1.10`` or ``2020`` typed
#: without quotes as the text typed (yaml-language-server sees a number there)
TEXT_OR_NUMBER: dict[str, Any] = {"type": ["string", "number"]}

Text = Annotated[
    str, Field(min_length=1, json_schema_extra=TEXT_OR_NUMBER), BeforeValidator(_nonempty)
]
"""Plain, one-line or multi-line text."""


class _MarkdownMarker:
    """Marks the Markdown type, so that ``check`` finds the fields that hold Markdown."""


MARKDOWN = _MarkdownMarker()

Markdown = Annotated[
    str,
    Field(json_schema_extra={"format": "markdown", **TEXT_OR_NUMBER}),
    BeforeValidator(_text),
    MARKDOWN,
]
"""Markdown text: paragraphs, lists, bold and italic, links."""

Number = Annotated[
    int,
    # check takes a whole number in quotes too ("3")
    Field(
        ge=1, json_schema_extra={"type": ["integer", "string"], "pattern": r"^\s*0*[1-9]\d*\s*$"}
    ),
    BeforeValidator(_number),
]
PersonId = Annotated[str, Field(pattern=PERSON_ID.pattern), BeforeValidator(_person_id)]
"""A reference to a person in the registry, e.g. p-devries."""

PersonOrUnit = Annotated[str, Field(json_schema_extra=TEXT_OR_NUMBER), BeforeValidator(_text)]
"""A person id (p-...) or the name of a unit, such as UHT or Crisisbureau."""


EmptyList = BeforeValidator(_list)
"""Marks a list that may be left empty in YAML (``key:`` with nothing after it)."""


#: the form the JSON Schema holds a date to (the schema's "format": "date" is only a hint)
DATE_PATTERN = r"^\d{4}-\d{2}-\d{2}$"
_ISO_DATE = re.compile(DATE_PATTERN)


def _date(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        raise ValueError("expected a date without a time of day, e.g. 2021-06-15")
    if isinstance(value, dt.date):
        return checked(value)
    if isinstance(value, str):
        # only the form the schema allows: Python 3.11's fromisoformat also reads 20200817
        # and 2020-W34-1, which editors' schema checking refuses
        try:
            date = dt.date.fromisoformat(value.strip()) if _ISO_DATE.match(value.strip()) else None
        except ValueError:
            date = None
        if date is not None:
            return checked(date)
        hint = date_hint(value.strip())
        if hint:
            raise ValueError(hint)
    raise ValueError(f"expected a date such as 2021-06-15, not {getattr(value, 'raw', value)!r}")


Date = Annotated[
    dt.date, Field(json_schema_extra={"pattern": DATE_PATTERN}), BeforeValidator(_date)
]


# --- which values are Markdown ------------------------------------------------------------------

#: how a value is read: Markdown, a model (by its class), a list or dict of something, or other
_Shape = tuple[str, Any]
_MD: _Shape = ("md", None)
_OTHER: _Shape = ("other", None)


def _shape(annotation: Any) -> _Shape:
    origin = get_origin(annotation)
    if origin is Annotated:
        base, *metadata = get_args(annotation)
        return _MD if any(m is MARKDOWN for m in metadata) else _shape(base)
    if origin is Union or origin is types.UnionType:
        members = [a for a in get_args(annotation) if a is not type(None)]
        return _shape(members[0]) if len(members) == 1 else _OTHER
    if origin is list:
        return ("list", _shape(get_args(annotation)[0]))
    if origin is dict:
        return ("dict", _shape(get_args(annotation)[1]))
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return ("model", annotation)
    return _OTHER


@cache
def _fields(model: type[BaseModel]) -> dict[str, _Shape]:
    # pydantic moves the metadata of a field's own Annotated type into ``metadata``
    return {
        name: _MD if any(m is MARKDOWN for m in info.metadata) else _shape(info.annotation)
        for name, info in model.model_fields.items()
    }


def is_markdown(model: type[BaseModel], path: DocPath) -> bool:
    """Whether ``model`` reads the value at ``path`` as Markdown."""
    shape: _Shape = ("model", model)
    for part in path:
        if shape[0] == "model":
            shape = _fields(shape[1]).get(str(part), _OTHER)
        elif shape[0] in ("list", "dict"):
            shape = shape[1]
        else:
            return False
    return shape is _MD
