"""``organisatie.yaml``: the organisation's name, the registry of people, and what the Woo
audit needs to know about names in free text.

The registry is the only place where names live; every other file refers to people by id, which
is what makes the public (Woo) version possible. Free text still names people now and then; the
Woo audit (``check --openbaar``, and every public build) reports each probable name that is in
none of the three lists here: ``personen`` (replaced in the public version), ``publiek`` (public
officials acting in their office, whose names stay) and ``geen_namen`` (phrases that look like a
name but are not one).
"""

from __future__ import annotations

import fnmatch
from collections.abc import Iterable
from typing import Annotated

from pydantic import Field

from generator.load.diagnostics import DocPath
from generator.load.fields import DataModel, EmptyList, PersonId, Text
from generator.load.kinds import CheckContext, Kind, Ref


class Persoon(DataModel):
    """A person in the registry."""

    id: PersonId = Field(description="The id other files use, e.g. p-devries.")
    naam: Text = Field(description="The name as printed in internal documents.")
    functie: Text | None = Field(None, description="Role, e.g. Werkstroomtrekker.")
    onderdeel: Text | None = Field(
        None,
        description=(
            "The organisational unit the person works in, e.g. UHT. A document for the Kamer "
            "names the unit, never the person (a risk's owner in the progress report)."
        ),
    )


class Functionaris(DataModel):
    """A public official (minister, Kamerlid): the name stays in the public version (Woo)."""

    # Under the Woo (art. 5.1 lid 2 e) the names of civil servants and other private persons are
    # withheld; those of people in a public office acting in it are not.

    naam: Text = Field(description="The name as it is written in the texts, e.g. E. van Dam.")
    rol: Text = Field(description="The public office, e.g. staatssecretaris van Financiën.")


class GeenNaam(DataModel):
    """A phrase the Woo audit takes for a personal name, but which is not one here."""

    tekst: Text = Field(
        description="The phrase as the audit reported it, e.g. Stella (of the Stella-teams)."
    )
    bestand: Text | None = Field(
        None,
        description="Only in this file, relative to the data folder (wildcards * and ? "
        "allowed); without it, everywhere.",
    )
    reden: Text | None = Field(None, description="Why it is not a name, for the reviewer.")

    def applies_to(self, relative: str) -> bool:
        """Whether this entry covers the file ``relative`` (a path in the data folder)."""
        return self.bestand is None or fnmatch.fnmatchcase(relative, self.bestand.strip())


class Organisatie(DataModel):
    """The organisation and its people."""

    naam: Text = Field(description="Shown on title slides and covers.")
    onderdeel: Text | None = Field(None, description="Shown in footers and the colofon.")
    personen: Annotated[list[Persoon], EmptyList] = Field(
        default_factory=list, description="The registry of people: the only place names live."
    )
    publiek: Annotated[list[Functionaris], EmptyList] = Field(
        default_factory=list,
        description="Public officials whose names stay in the public version (Woo audit).",
    )
    geen_namen: Annotated[list[GeenNaam], EmptyList] = Field(
        default_factory=list,
        description="Phrases the Woo audit reports as a name that are not one.",
    )


class OrganisatieKind(Kind[Organisatie]):
    name = "organisatie"
    pattern = "organisatie.yaml"
    model = Organisatie
    description = "The organisation's name, the registry of people, the Woo audit's lists."
    order = 0
    singleton = True
    required = True
    provides = ("persoon",)

    def identities(self, item: Organisatie) -> Iterable[Ref]:
        for index, persoon in enumerate(item.personen):
            yield Ref("persoon", persoon.id, ("personen", index, "id"))

    def warnings(self, item: Organisatie, context: CheckContext) -> Iterable[tuple[DocPath, str]]:
        # imported here: generator.publish imports the loader, which imports this module
        from generator.model.names import Names, fold

        registered = Names(p.naam for p in item.personen)
        for index, functionaris in enumerate(item.publiek):
            if registered.find(functionaris.naam):
                yield (
                    ("publiek", index, "naam"),
                    f"'{functionaris.naam}' is in personen as well: the registry wins, the "
                    "name is replaced in the public version",
                )
        seen: set[tuple[str, str | None]] = set()
        for index, entry in enumerate(item.geen_namen):
            key = (fold(entry.tekst), entry.bestand)
            if key in seen:
                yield ("geen_namen", index, "tekst"), f"'{entry.tekst}' is listed twice"
            seen.add(key)
            if entry.bestand and not any(
                entry.applies_to(p.relative_to(context.root).as_posix())
                for p in context.root.rglob("*")
                if p.is_file()
            ):
                yield (
                    ("geen_namen", index, "bestand"),
                    f"no file in the data folder matches '{entry.bestand}'",
                )


KIND = OrganisatieKind()
