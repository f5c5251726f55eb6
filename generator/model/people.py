"""Names of people, looked up in the registry.

Data refers to people by id; builders print them through ``People``. In the public version of
a dataset (generator.publish.redact) every registered name is already "Persoonsgegevens", so
builders never need to know which version they are making.
"""

from __future__ import annotations

from collections.abc import Iterable


class People:
    def __init__(self, names: dict[str, str], units: dict[str, str | None] | None = None) -> None:
        self.names = names
        #: person id -> the organisational unit they work in, where the registry gives it
        self.units = units or {}

    def unit_of(self, owner: str) -> str | None:
        """An owner as a document for the Kamer names it: a unit as written, a person as the
        unit the registry gives them (``onderdeel``), else not at all: a civil servant's name
        is internal."""
        if owner in self.names:
            return self.units.get(owner)
        return owner

    def name(self, value: str) -> str:
        """A person id as a name; a unit name ("UHT") as it is."""
        return self.names.get(value, value)

    def names_of(self, values: Iterable[str]) -> list[str]:
        """Names for ids, each said once (the public version has many "Persoonsgegevens")."""
        return list(dict.fromkeys(self.name(value) for value in values))
