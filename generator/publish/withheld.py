"""What the public version withholds, counted, never named: for the section "Informatie die niet
openbaar gemaakt kan worden" of a public nota.

The count walks the same texts, with the same rules, as ``redact.public`` does when it makes the
public version: a registered name in a text (replaced by "Persoonsgegevens"), a person id in a
field (printed as "Persoonsgegevens"), a link whose address is personal data (left out). So what
the nota says it withholds is what the publishing step replaced in the data its documents are
built from.
"""

from __future__ import annotations

import dataclasses
import enum
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from generator.load.fields import PERSON_ID
from generator.model.names import Names
from generator.publish.redact import _AUTOLINK, _LINK, _unlink

#: the Woo's ground for personal data of civil servants and private persons
GROND = "artikel 5.1, tweede lid, onder e, van de Wet open overheid (5.1.2e)"


@dataclass(frozen=True)
class Withheld:
    """Counts of what the public version replaced or left out."""

    #: registered names replaced in texts
    namen: int = 0
    #: person ids in fields (contactpersoon, actiehouder, deelnemers), printed as Persoonsgegevens
    personen: int = 0
    #: links whose address is personal data (an e-mail address, a name in a URL)
    adressen: int = 0

    def __add__(self, other: Withheld) -> Withheld:
        return Withheld(
            self.namen + other.namen,
            self.personen + other.personen,
            self.adressen + other.adressen,
        )

    @property
    def total(self) -> int:
        return self.namen + self.personen + self.adressen

    def lines(self) -> list[str]:
        """One line per kind of thing withheld, in Dutch, as the nota lists them."""
        found = [
            (self.namen, "naam", "namen", "van een ambtenaar of andere persoon in de tekst"),
            (self.personen, "vermelding", "vermeldingen", "van een persoon als deelnemer, "
             "actiehouder of contactpersoon"),
            (self.adressen, "e-mailadres of link", "e-mailadressen of links",
             "met persoonsgegevens in het adres"),
        ]  # fmt: skip
        return [f"{n} {one if n == 1 else many} {what}" for n, one, many, what in found if n]

    def markdown(self) -> str:
        """The section's text for the public version."""
        if not self.total:
            return (
                "De openbare versie laat geen informatie weg: de stukken bevatten geen "
                "persoonsgegevens van ambtenaren of andere personen.\n"
            )
        items = "\n".join(f"- {line};" for line in self.lines())
        items = items[:-1] + "."
        return (
            f"In de openbare versie van deze nota en de bijlagen is op grond van {GROND} "
            "informatie niet openbaar gemaakt, ter eerbiediging van de persoonlijke "
            'levenssfeer. Vervangen door "Persoonsgegevens" of weggelaten zijn:\n\n'
            f"{items}\n\n"
            "Functies en de namen van organisaties en van bewindspersonen zijn openbaar.\n"
        )


def count(value: Any, names: Names) -> Withheld:
    """What ``redact.public`` replaces in ``value`` (a model, or lists and dicts of them)."""
    if isinstance(value, enum.Enum) or value is None:
        return Withheld()
    if isinstance(value, str):
        return _count_text(value, names)
    if isinstance(value, BaseModel):
        return _sum((getattr(value, field) for field in type(value).model_fields), names)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return _sum((getattr(value, m.name) for m in dataclasses.fields(value)), names)
    if isinstance(value, list | tuple):
        return _sum(value, names)
    if isinstance(value, dict):
        return _sum(value.values(), names)
    return Withheld()


def _sum(values: Iterable[Any], names: Names) -> Withheld:
    total = Withheld()
    for value in values:
        total += count(value, names)
    return total


def _count_text(text: str, names: Names) -> Withheld:
    if PERSON_ID.match(text):
        return Withheld(personen=1)
    unlinked = _unlink(text, names)
    removed = _links(text) - _links(unlinked)
    return Withheld(namen=len(names.spans(unlinked)), adressen=removed)


def _links(text: str) -> int:
    return len(_LINK.findall(text)) + len(_AUTOLINK.findall(text))
