"""``notas/<id>.yaml``: a nota to the bewindspersoon, with its bijlagen; the file name is its id."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Annotated, Any

from pydantic import BeforeValidator, Field, StrictBool, WithJsonSchema, model_validator

from generator.load.attachments import read_pdf
from generator.load.datafiles import FileRefused
from generator.load.diagnostics import DocPath
from generator.load.fields import DataModel, Date, EmptyList, Markdown, PersonId, Text
from generator.load.kinds import CheckContext, Kind, Ref
from generator.model.legend import Legend, Status

#: what the nota asks of the bewindspersoon: the word in capitals above "Aan"
NOTATYPE = Legend(
    "notatype",
    (
        Status("ter_informatie", "Ter informatie", ""),
        Status("ter_beslissing", "Ter beslissing", ""),
    ),
    noun="type",
)


def _notatype(value: Any) -> Any:
    """ "Ter informatie" as the nota prints it is the value ter_informatie."""
    if isinstance(value, str) and value not in NOTATYPE.values:
        normal = "_".join(value.strip().lower().split())
        # the message names the value as typed
        return NOTATYPE.validate(normal if normal in NOTATYPE.values else value)
    return NOTATYPE.validate(value)


Notatype = Annotated[str, BeforeValidator(_notatype), WithJsonSchema(NOTATYPE.json_schema())]


class Bijlage(DataModel):
    """A bijlage, numbered by its place in the list; it may be a product statusgen makes."""

    titel: Text
    deck: Date | None = Field(
        None, description="The bijlage is the deck of the meeting on this date (vergaderingen/)."
    )
    rapportage: Text | None = Field(
        None, description="The bijlage is this progress report (its id: rapportages/<id>.yaml)."
    )
    verslag: Date | None = Field(
        None, description="The bijlage is the verslag of the meeting on this date."
    )
    actietabel: StrictBool = Field(False, description="true: the bijlage is the POK action table.")
    bestand: Text | None = Field(
        None,
        description="Not a statusgen product: a PDF in the data folder (bijlagen/brief.pdf) "
        "that the pack includes as it is.",
    )

    @model_validator(mode="after")
    def _one_product(self) -> Bijlage:
        keys = ("deck", "rapportage", "verslag", "actietabel", "bestand")
        given = [k for k in keys if getattr(self, k)]
        if len(given) > 1:
            raise ValueError(f"a bijlage is one product, not {' and '.join(given)}")
        return self

    @property
    def product(self) -> str | None:
        """Which statusgen product it is: deck, rapportage, verslag, actietabel or None."""
        for key in ("deck", "rapportage", "verslag", "actietabel"):
            if getattr(self, key):
                return key
        return None


class Nota(DataModel):
    """A nota to the bewindspersoon in the Rijkshuisstijl's nota layout."""

    onderwerp: Text = Field(description="The title above the nota.")
    type: Notatype = Field(description="Ter informatie or Ter beslissing.")
    aan: Text = Field(description='Who it is for, e.g. "de staatssecretaris van Financiën".')
    directie: Text = Field(description="The sending directorate (afzender).")
    contactpersoon: PersonId | None = Field(
        None, description="Person id of who wrote it; the public version withholds the name."
    )
    datum: Date
    notanummer: Text = Field(description='The registration number, e.g. "2022-0000028546".')
    bijlagen: Annotated[list[Bijlage], EmptyList] = Field(
        default_factory=list, description="Numbered 1, 2, ... in this order."
    )
    aanleiding: Markdown = Field(description="(md) why the nota is written now.")
    geadviseerd_besluit: Markdown | None = Field(
        None, description="(md) for a nota ter beslissing: what the bewindspersoon is advised."
    )
    kern: Markdown = Field(description="(md) the message in a few paragraphs.")
    toelichting: Markdown | None = Field(None, description="(md) the explanation.")
    niet_openbaar: Markdown | None = Field(
        None,
        description='(md) the section "Informatie die niet openbaar gemaakt kan worden"; '
        'without it "Niet van toepassing." The public version (--openbaar) says there what '
        "it withholds and on which ground.",
    )


class NotaKind(Kind[Nota]):
    name = "nota"
    pattern = "notas/*.yaml"
    model = Nota
    description = "A nota to the bewindspersoon with its bijlagen; the file name is its id."
    order = 60

    def references(self, item: Nota) -> Iterable[Ref]:
        if item.contactpersoon:
            yield Ref("persoon", item.contactpersoon, ("contactpersoon",))

    def errors(self, item: Nota, context: CheckContext) -> Iterable[tuple[DocPath, str]]:
        for index, bijlage in enumerate(item.bijlagen):
            product = bijlage.product
            at: DocPath = ("bijlagen", index, product or "titel")
            if product in ("deck", "verslag"):
                day = bijlage.deck or bijlage.verslag
                assert day is not None
                if not (context.root / "vergaderingen" / f"{day.isoformat()}.yaml").is_file():
                    yield at, f"bijlage {index + 1}: there is no vergaderingen/{day}.yaml"
            elif product == "rapportage":
                name = f"rapportages/{bijlage.rapportage}.yaml"
                if not (context.root / name).is_file():
                    yield at, f"bijlage {index + 1}: there is no {name}"
            elif product == "actietabel" and "actie" not in context.present:
                yield at, f"bijlage {index + 1}: the action table needs acties/*.yaml"
            elif bijlage.bestand:
                try:
                    read_pdf(context.root, bijlage.bestand)
                except FileRefused as exc:
                    yield ("bijlagen", index, "bestand"), f"bijlage {index + 1}: {exc.message}"

    def warnings(self, item: Nota, context: CheckContext) -> Iterable[tuple[DocPath, str]]:
        if item.type == "ter_beslissing" and not item.geadviseerd_besluit:
            yield ("type",), "a nota ter beslissing has a geadviseerd_besluit: add it"
        if item.type == "ter_informatie" and item.geadviseerd_besluit:
            yield (
                ("geadviseerd_besluit",),
                "a nota ter informatie asks no decision: leave geadviseerd_besluit out or make "
                "it type: ter_beslissing",
            )

    new_name = "notas/{slug}.yaml"

    def example(self, *, number: int, titel: str, datum: dt.date) -> dict[str, Any]:
        return {
            "onderwerp": titel,
            "type": "ter_informatie",
            "aan": "de staatssecretaris",
            "directie": "Directie ...",
            "datum": datum,
            "notanummer": f"{datum.year}-0000000001",
            "aanleiding": "...\n",
            "kern": "...\n",
        }


KIND = NotaKind()
