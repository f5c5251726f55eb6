"""``communicatie.yaml``: the communication planning.

One list of items feeds the week calendar (an item whose date falls in its weeks) and the
planning for the coming months (an item after those weeks, or dated by month, or not yet
dated); the long-term list per doelgroep is a list of its own. ``doelgroepen`` is a plain list
(one calendar) or grouped by audience (one calendar per group).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from typing import Annotated, Any

from pydantic import BeforeValidator, ConfigDict, Field, TypeAdapter, WithJsonSchema

from generator.load.diagnostics import DocPath
from generator.load.fields import TEXT_OR_NUMBER, DataModel, EmptyList, Text
from generator.load.kinds import CheckContext, Kind
from generator.model.deadline import DeadlineField, OptionalDeadline, Vorm, parse_deadline
from generator.model.legend import Soort
from generator.quoting import did_you_mean

_NAMES = Annotated[list[Text], EmptyList, Field(min_length=1)]
_FLAT: TypeAdapter[list[str]] = TypeAdapter(_NAMES)
_GROUPED: TypeAdapter[dict[str, list[str]]] = TypeAdapter(
    Annotated[dict[Text, _NAMES], Field(min_length=1)]
)


def _doelgroepen(value: Any) -> Any:
    # validated here rather than by a union, so that an error's path is the one in the file
    # (doelgroepen[2], doelgroepen.Ouders[1]) and not pydantic's name for a union member
    if isinstance(value, dict):
        return _GROUPED.validate_python(value)
    if isinstance(value, list) or value is None:
        return _FLAT.validate_python(value)
    raise ValueError(
        "expected a list of doelgroepen, or doelgroepen grouped by audience "
        "(Ouders: [CAF-11, O/GS])"
    )


_DOELGROEPEN_SCHEMA = {
    "description": "The doelgroepen, the rows of the calendar: a list, or a mapping from an "
    "audience (its own calendar slide) to its doelgroepen.",
    "anyOf": [
        {"type": "array", "items": {**TEXT_OR_NUMBER, "minLength": 1}, "minItems": 1},
        {
            "type": "object",
            "additionalProperties": {
                "type": "array",
                "items": {**TEXT_OR_NUMBER, "minLength": 1},
                "minItems": 1,
            },
            "minProperties": 1,
        },
    ],
}

Doelgroepen = Annotated[
    list[str] | dict[str, list[str]],
    BeforeValidator(_doelgroepen),
    WithJsonSchema(_DOELGROEPEN_SCHEMA),
]


def _month(value: Any) -> Any:
    try:
        deadline = parse_deadline(value)
    except ValueError as error:
        if "outside the years" in str(error):
            raise
        deadline = None
    typed = deadline is not None and deadline.tekst is not None  # words: the year is not given
    if (
        deadline is None
        or typed
        or deadline.vorm not in (Vorm.MONTH, Vorm.DATE)
        or not deadline.due
    ):
        raise ValueError(f"expected a month such as 2020-12, not {getattr(value, 'raw', value)!r}")
    return deadline.due.replace(day=1)


_MONTH_SCHEMA = {
    # any form check reads as a month or a date (2020-12, december 2020, 2020-12-01)
    "type": "string",
    "description": "The last month the planning covers, e.g. 2020-12.",
}


class CommunicatieItem(DataModel):
    """A planned communication: a letter, a debate, a website update."""

    #: a day or range in the calendar's weeks puts it in the week calendar; a later one, a
    #: month, ntb or doorlopend in the planning for the coming months
    datum: DeadlineField
    doelgroep: Text = Field(description="One of the doelgroepen.")
    soort: Soort
    tekst: Text


# ``planning:`` in the file; the class is named for what it plans, as "planning" is the
# werkstromen's output (render/planning.py); the schema keeps the title editors know
class KomendeMaanden(DataModel):
    """The slide with the planning for the coming months, after the week calendar."""

    model_config = ConfigDict(title="Planning")

    tot: Annotated[dt.date | None, BeforeValidator(_month), WithJsonSchema(_MONTH_SCHEMA)] = None
    toelichting: Text | None = Field(
        default=None, description='Shown under the title, e.g. "Data deels nog niet bekend".'
    )


class LangeTermijnItem(DataModel):
    """A subject for the long term: what is coming, mostly without a date yet."""

    doelgroep: Text = Field(description="One of the doelgroepen.")
    tekst: Text
    datum: OptionalDeadline = None
    soort: Soort | None = None


class Communicatie(DataModel):
    """The communication planning: the week calendar, the coming months, the long term."""

    doelgroepen: Doelgroepen
    items: Annotated[list[CommunicatieItem], EmptyList] = Field(default_factory=list)
    planning: KomendeMaanden | None = Field(
        default=None, description="Optional: the last month and a toelichting."
    )
    lange_termijn: Annotated[list[LangeTermijnItem], EmptyList] = Field(default_factory=list)

    @property
    def groepen(self) -> list[tuple[str | None, list[str]]]:
        """The calendars: (audience, its doelgroepen); one without a name for a plain list."""
        if isinstance(self.doelgroepen, dict):
            return list(self.doelgroepen.items())
        return [(None, list(self.doelgroepen))]

    @property
    def alle_doelgroepen(self) -> list[str]:
        return [name for _, names in self.groepen for name in names]

    def doelgroep_paths(self) -> Iterator[tuple[DocPath, str]]:
        """Every doelgroep with where it is written."""
        if isinstance(self.doelgroepen, dict):
            for groep, names in self.doelgroepen.items():
                for index, name in enumerate(names):
                    yield ("doelgroepen", groep, index), name
        else:
            for index, name in enumerate(self.doelgroepen):
                yield ("doelgroepen", index), name


class CommunicatieKind(Kind[Communicatie]):
    name = "communicatie"
    pattern = "communicatie.yaml"
    model = Communicatie
    description = (
        "The communication planning: the week calendar, the planning for the coming months "
        "and the long-term list."
    )
    order = 41
    singleton = True

    def errors(self, item: Communicatie, context: CheckContext) -> Iterable[tuple[DocPath, str]]:
        known = item.alle_doelgroepen
        entries: list[tuple[str, int, str]] = [
            ("items", index, entry.doelgroep) for index, entry in enumerate(item.items)
        ]
        entries += [
            ("lange_termijn", index, entry.doelgroep)
            for index, entry in enumerate(item.lange_termijn)
        ]
        for key, index, doelgroep in entries:
            if doelgroep not in known:
                yield (
                    (key, index, "doelgroep"),
                    f"unknown doelgroep '{doelgroep}'{did_you_mean(doelgroep, known)}; "
                    f"the doelgroepen are: {', '.join(known)}",
                )
        seen: set[str] = set()
        for path, doelgroep in item.doelgroep_paths():
            if doelgroep in seen:
                yield path, f"doelgroep '{doelgroep}' is listed twice"
            seen.add(doelgroep)


KIND = CommunicatieKind()
