"""What the public version of a nota and its bijlagen withholds, as counts (never the names),
and the section "Informatie die niet openbaar gemaakt kan worden" that says so. The counting is
``generator.publish.withheld``'s."""

from __future__ import annotations

from dataclasses import dataclass

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
