"""The status legends: the one declaration of every status value, its label and colour.

Validation, the JSON Schema, the README's reference and the renderers' colours all read these.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any

from pydantic import BeforeValidator, WithJsonSchema

from generator.suggest import did_you_mean


@dataclass(frozen=True)
class Status:
    value: str
    label: str
    colour: str  # hex RGB, used as fill; text colour is chosen for contrast by the renderers


@dataclass(frozen=True)
class Legend:
    """An ordered legend; for the SCT legend the order is from best to worst."""

    name: str
    statuses: tuple[Status, ...]

    @property
    def values(self) -> list[str]:
        return [s.value for s in self.statuses]

    def __getitem__(self, value: str) -> Status:
        for status in self.statuses:
            if status.value == value:
                return status
        raise KeyError(value)

    def rank(self, value: str) -> int:
        return self.values.index(value)

    def worst(self, values: list[str]) -> str | None:
        return max(values, key=self.rank) if values else None

    def validate(self, value: Any) -> str:
        if not isinstance(value, str):
            raise ValueError(f"a status is one of: {', '.join(self.values)}")
        if value in self.values:
            return value
        raise ValueError(
            f"unknown status '{value}'{did_you_mean(value, self.values)}; "
            f"the {self.name} legend has: {', '.join(self.values)}"
        )

    def json_schema(self) -> dict[str, Any]:
        description = "; ".join(f"{s.value}: {s.label}" for s in self.statuses)
        return {"type": "string", "enum": self.values, "description": description}


SCT = Legend(
    "SCT",
    (
        Status("afgerond", "Afgerond", "2F6EBA"),
        Status("nog_niet_gestart", "Nog niet gestart", "B4B4B4"),
        Status("gestart", "Gestart en op schema", "39870C"),
        Status("zorgen", "Zorgen over voortgang, maar geen escalatie nodig naar SCT", "FFB612"),
        Status("escalatie", "Grote zorgen voor voortgang, direct escalatie naar SCT", "D52B1E"),
    ),
)

ACTIE = Legend(
    "POK action",
    (
        Status("nog_niet_gestart", "Nog niet gestart", "B4B4B4"),
        Status("loopt", "Loopt", "007BC7"),
        Status("afgerond", "Afgerond", "39870C"),
    ),
)

SctStatus = Annotated[str, BeforeValidator(SCT.validate), WithJsonSchema(SCT.json_schema())]
ActieStatus = Annotated[str, BeforeValidator(ACTIE.validate), WithJsonSchema(ACTIE.json_schema())]
