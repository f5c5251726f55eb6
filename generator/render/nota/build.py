"""What a nota says, laid out for its writers: the header block's fields, the bijlagen by
number (with the file of the statusgen product each one is), and the sections in the
Rijkshuisstijl's order: Aanleiding, Geadviseerd besluit, Kern, Toelichting, Informatie die niet
openbaar gemaakt kan worden. Nothing here knows python-docx or Typst.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from generator.load.dataset import Dataset
from generator.load.kinds.nota import NOTATYPE, Bijlage, Nota
from generator.load.kinds.vergadering import Vergadering
from generator.model.withheld import Withheld
from generator.text import dutch

#: the section every nota carries for the Woo
NIET_OPENBAAR = "Informatie die niet openbaar gemaakt kan worden"
NIET_VAN_TOEPASSING = "Niet van toepassing.\n"


@dataclass(frozen=True)
class BijlageRegel:
    nummer: int
    titel: str
    #: the file of the statusgen product the bijlage is, as it is published (None: not one)
    bestand: str | None = None


@dataclass(frozen=True)
class NotaSectie:
    kop: str
    #: the section's Markdown
    tekst: str


@dataclass(frozen=True)
class NotaDocument:
    id: str
    onderwerp: str
    type: str
    aan: str
    directie: str
    contactpersoon: str | None
    datum: str
    notanummer: str
    organisatie: str
    onderdeel: str
    bijlagen: tuple[BijlageRegel, ...]
    secties: tuple[NotaSectie, ...]
    openbaar: bool

    @property
    def samenvatting(self) -> str:
        count = len(self.bijlagen)
        return f"nota {self.id}: {self.type.lower()}, {count} bijlage{'n' * (count != 1)}."


def notas(dataset: Dataset) -> dict[str, Nota]:
    """The notas in the data by id (the file name without .yaml)."""
    return dataset.notas


def product_file(bijlage: Bijlage, dataset: Dataset, extension: str | None = None) -> str | None:
    """The name the command that makes the bijlage's product writes it under (before a public
    version's "-openbaar"), with ``extension`` instead of its own if given."""
    name: str | None = None
    own = "pdf"
    if bijlage.deck:
        name, own = f"{deck_stem(dataset, bijlage.deck.isoformat())}", "pptx"
    elif bijlage.verslag:
        name = f"verslag-{bijlage.verslag.isoformat()}"
    elif bijlage.rapportage:
        name = bijlage.rapportage
    elif bijlage.actietabel:
        name = "actietabel"
    return None if name is None else f"{name}.{extension or own}"


def deck_stem(dataset: Dataset, date: str) -> str:
    """The deck's file name without extension: sct-DATE for the SCT, overleg-DATE otherwise."""
    meetings: list[Vergadering] = dataset.vergaderingen
    sct = next((m.sct for m in meetings if m.datum.isoformat() == date), True)
    return f"{'sct' if sct else 'overleg'}-{date}"


def build(
    dataset: Dataset,
    nota_id: str,
    nota: Nota,
    *,
    withheld: Withheld | None = None,
    bestanden: Mapping[int, str] | None = None,
) -> NotaDocument:
    """The nota ``nota_id``; ``withheld`` (the public version) writes the Woo section from what
    was replaced, ``bestanden`` names each bijlage's file by number (default: the product's
    own file name)."""
    org = dataset.organisatie
    regels = []
    for number, bijlage in enumerate(nota.bijlagen, start=1):
        bestand = (bestanden or {}).get(number) or product_file(bijlage, dataset)
        regels.append(BijlageRegel(number, bijlage.titel, bestand))
    secties = [NotaSectie("Aanleiding", nota.aanleiding)]
    if nota.geadviseerd_besluit:
        secties.append(NotaSectie("Geadviseerd besluit", nota.geadviseerd_besluit))
    secties.append(NotaSectie("Kern", nota.kern))
    if nota.toelichting:
        secties.append(NotaSectie("Toelichting", nota.toelichting))
    secties.append(NotaSectie(NIET_OPENBAAR, _niet_openbaar(nota, withheld)))
    return NotaDocument(
        id=nota_id,
        onderwerp=nota.onderwerp,
        type=NOTATYPE[nota.type].label,
        aan=nota.aan,
        directie=nota.directie,
        contactpersoon=dataset.people.name(nota.contactpersoon) if nota.contactpersoon else None,
        datum=dutch.long_date(nota.datum),
        notanummer=nota.notanummer,
        organisatie=org.naam if org else "",
        onderdeel=(org.onderdeel or "") if org else "",
        bijlagen=tuple(regels),
        secties=tuple(secties),
        openbaar=dataset.openbaar,
    )


def _niet_openbaar(nota: Nota, withheld: Withheld | None) -> str:
    if withheld is None:
        return nota.niet_openbaar or NIET_VAN_TOEPASSING
    own = nota.niet_openbaar
    if own and own.strip().rstrip(".").lower() != "niet van toepassing":
        # the editor's own account of what else is withheld stays, after the count
        return withheld.markdown() + "\n" + own
    return withheld.markdown()
