"""``organisatie.yaml``: the organisation's name and the registry of people.

The registry is the only place where names live; every other file refers to people by id, which
is what makes the public (Woo) version possible.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Annotated

from pydantic import Field

from generator.load.fields import DataModel, EmptyList, PersonId, Text
from generator.load.kinds import Kind, Ref


class Persoon(DataModel):
    """A person in the registry."""

    id: PersonId = Field(description="The id other files use, e.g. p-devries.")
    naam: Text = Field(description="The name as printed in internal documents.")
    functie: Text | None = Field(None, description="Role, e.g. Werkstroomtrekker.")


class Organisatie(DataModel):
    """The organisation and its people."""

    naam: Text = Field(description="Shown on title slides and covers.")
    onderdeel: Text | None = Field(None, description="Shown in footers and the colofon.")
    personen: Annotated[list[Persoon], EmptyList] = Field(
        default_factory=list, description="The registry of people: the only place names live."
    )


class OrganisatieKind(Kind[Organisatie]):
    name = "organisatie"
    pattern = "organisatie.yaml"
    model = Organisatie
    description = "The organisation's name and the registry of people."
    order = 0
    singleton = True
    required = True
    provides = ("persoon",)

    def identities(self, item: Organisatie) -> Iterable[Ref]:
        for index, persoon in enumerate(item.personen):
            yield Ref("persoon", persoon.id, ("personen", index, "id"))


KIND = OrganisatieKind()
