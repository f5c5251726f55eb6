"""``risicos.yaml``: the risk log; the top risks also go into the Kamer report."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from typing import Annotated, Any

from pydantic import Field, StrictBool

from generator.load.fields import DataModel, EmptyList, Markdown, PersonOrUnit, Text
from generator.load.kinds import Kind, Ref
from generator.model.legend import Niveau


class Risico(DataModel):
    """A risk in the risk log."""

    id: Text = Field(description="e.g. R1; opdrachten refer to it in their risicos list.")
    titel: Text
    omschrijving: Markdown | None = None
    eigenaar: PersonOrUnit | None = Field(None, description="A unit, or a person id.")
    kans: Niveau
    impact: Niveau
    top: StrictBool = Field(False, description="true: in the report's risk paragraph.")
    beheersmaatregelen: Markdown | None = Field(None, description="(md) the measures taken.")


class Risicolog(DataModel):
    """The risk log."""

    risicos: Annotated[list[Risico], EmptyList]


class RisicoKind(Kind[Risicolog]):
    name = "risico"
    pattern = "risicos.yaml"
    model = Risicolog
    description = "The risk log."
    order = 42
    singleton = True
    provides = ("risico",)

    new_name = "risicos.yaml"

    def numbers(self, item: Risicolog) -> Iterable[int]:
        return [int(r.id[1:]) for r in item.risicos if re.fullmatch(r"R\d+", r.id)]

    def example(self, *, number: int, titel: str, datum: dt.date) -> dict[str, Any]:
        entry = {"id": f"R{number}", "titel": titel, "kans": "midden", "impact": "midden"}
        return {"risicos": [entry]}

    def identities(self, item: Risicolog) -> Iterable[Ref]:
        for index, risico in enumerate(item.risicos):
            yield Ref("risico", risico.id, ("risicos", index, "id"))

    def references(self, item: Risicolog) -> Iterable[Ref]:
        for index, risico in enumerate(item.risicos):
            if risico.eigenaar and risico.eigenaar.startswith("p-"):
                yield Ref("persoon", risico.eigenaar, ("risicos", index, "eigenaar"))


KIND = RisicoKind()
