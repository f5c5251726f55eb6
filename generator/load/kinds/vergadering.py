"""``vergaderingen/YYYY-MM-DD.yaml``: one SCT meeting and its agenda."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Annotated, Any

from pydantic import BeforeValidator, Field, WithJsonSchema, model_validator

from generator.load.diagnostics import DocPath
from generator.load.fields import DataModel, Date, EmptyList, Markdown, Text
from generator.load.kinds import CheckContext, Kind
from generator.model.legend import Legend, Status

#: generated parts of the deck, and the kind of file each one needs
ONDERDELEN = Legend(
    "onderdeel",
    (
        Status("werkstromen", "Werkstromen", ""),
        Status("dashboard", "Dashboard", ""),
        Status("communicatiekalender", "Communicatiekalender", ""),
        Status("risicolog", "Risicolog", ""),
    ),
    noun="onderdeel",
)
_NEEDS = {
    "werkstromen": ("werkstroom", "werkstromen/*.yaml"),
    "dashboard": ("dashboard", "dashboard.yaml"),
    "communicatiekalender": ("communicatie", "communicatie.yaml"),
    "risicolog": ("risico", "risicos.yaml"),
}

Onderdeel = Annotated[
    str, BeforeValidator(ONDERDELEN.validate), WithJsonSchema(ONDERDELEN.json_schema())
]


class AgendaItem(DataModel):
    """An item of a rubriek, lettered A, B, ... in the agenda."""

    titel: Text
    inhoud: Markdown | None = Field(
        None, description='(md) "## " starts a slide; Markdown tables become native tables.'
    )
    inhoud_bestand: Text | None = Field(
        None, description="A Markdown file, relative to the data folder, instead of inhoud."
    )
    onderdeel: Onderdeel | None = Field(
        None, description="A generated part of the deck (see the onderdeel legend)."
    )

    @model_validator(mode="after")
    def _one_source(self) -> AgendaItem:
        given = [k for k in ("inhoud", "inhoud_bestand", "onderdeel") if getattr(self, k)]
        if len(given) > 1:
            raise ValueError(
                "an agenda item has one of inhoud, inhoud_bestand, onderdeel, "
                f"not {' and '.join(given)}"
            )
        return self


class Rubriek(DataModel):
    """A numbered part of the agenda, e.g. "Ter besluitvorming"."""

    rubriek: Text
    items: Annotated[list[AgendaItem], EmptyList] = Field(default_factory=list)


class Vergadering(DataModel):
    """One SCT meeting."""

    datum: Date = Field(description="The meeting date; the file is named after it.")
    titel: Text = Field("SCT overleg", description="Shown on the title slide.")
    agenda: Annotated[list[Rubriek], EmptyList]


class VergaderingKind(Kind[Vergadering]):
    name = "vergadering"
    pattern = "vergaderingen/*.yaml"
    model = Vergadering
    description = "One SCT meeting with its agenda."
    order = 30
    provides = ("vergadering",)

    def markdown_files(self, item: Vergadering) -> Iterable[tuple[DocPath, str]]:
        for r, rubriek in enumerate(item.agenda):
            for i, agendaitem in enumerate(rubriek.items):
                if agendaitem.inhoud_bestand:
                    path: DocPath = ("agenda", r, "items", i, "inhoud_bestand")
                    yield path, agendaitem.inhoud_bestand

    def errors(self, item: Vergadering, context: CheckContext) -> Iterable[tuple[DocPath, str]]:
        for r, rubriek in enumerate(item.agenda):
            for i, agendaitem in enumerate(rubriek.items):
                if agendaitem.onderdeel:
                    kind, pattern = _NEEDS[agendaitem.onderdeel]
                    if kind not in context.present:
                        yield (
                            ("agenda", r, "items", i, "onderdeel"),
                            f"onderdeel {agendaitem.onderdeel} needs {pattern} in the data folder",
                        )

    def file_name_problem(self, item: Vergadering, file_name: str) -> tuple[DocPath, str] | None:
        expected = f"{item.datum.isoformat()}.yaml"
        if file_name == expected:
            return None
        return (
            "datum",
        ), f"the file of the meeting of {item.datum.isoformat()} should be named {expected}"

    new_name = "vergaderingen/{datum}.yaml"

    def example(self, *, number: int, titel: str, datum: dt.date) -> dict[str, Any]:
        return {
            "datum": datum,
            "titel": titel or "SCT overleg",
            "agenda": [
                {
                    "rubriek": "Ter besluitvorming",
                    "items": [{"titel": "Eerste agendapunt", "inhoud": "## Voorstel\n\n- ...\n"}],
                }
            ],
        }

    def warnings(self, item: Vergadering, context: CheckContext) -> Iterable[tuple[DocPath, str]]:
        if not item.agenda:
            yield ("agenda",), "the agenda is empty"


KIND = VergaderingKind()
