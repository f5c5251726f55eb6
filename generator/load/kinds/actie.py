"""``acties/NNN-slug.yaml``: one follow-up action of the parliamentary inquiry (POK)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Annotated, Any

from pydantic import Field

from generator.load.diagnostics import DocPath
from generator.load.fields import DataModel, Date, EmptyList, Markdown, Number, PersonOrUnit, Text
from generator.load.kinds import Kind, Ref
from generator.model.legend import ActieStatus


class Actie(DataModel):
    """A POK follow-up action: one row of the action table."""

    nummer: Number = Field(description="Unique; the file name starts with it (001-...).")
    sectie: Text = Field(description="Section heading; sections are ordered by lowest number.")
    subsectie: Text | None = Field(None, description="Optional sub-heading within the section.")
    omschrijving: Markdown = Field(description="(md) what was promised.")
    moties: Annotated[list[Text], EmptyList] = Field(
        default_factory=list, description="References to moties and toezeggingen."
    )
    eigenaar: PersonOrUnit | None = Field(None, description="A unit, or a person id.")
    status: ActieStatus
    stand_van_zaken: Markdown = Field(description="(md) the state of affairs.")
    bijgewerkt: Date | None = Field(None, description="Date of the last substantive update.")


class ActieKind(Kind[Actie]):
    name = "actie"
    pattern = "acties/*.yaml"
    model = Actie
    description = "One POK follow-up action."
    order = 20
    provides = ("actie",)

    def identities(self, item: Actie) -> Iterable[Ref]:
        yield Ref("actie", item.nummer, ("nummer",))

    def references(self, item: Actie) -> Iterable[Ref]:
        if item.eigenaar and item.eigenaar.startswith("p-"):
            yield Ref("persoon", item.eigenaar, ("eigenaar",))

    def file_number(self, item: Actie) -> tuple[int, DocPath]:
        return item.nummer, ("nummer",)

    new_name = "acties/{number:03d}-{slug}.yaml"

    def example(self, *, number: int, titel: str, datum: dt.date) -> dict[str, Any]:
        return {
            "nummer": number,
            "sectie": "Hersteloperatie",
            "omschrijving": titel,
            "status": "nog_niet_gestart",
            "stand_van_zaken": "Nog te beschrijven.",
        }


KIND = ActieKind()
