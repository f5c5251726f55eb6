"""``vergaderingen/YYYY-MM-DD.yaml``: one SCT meeting and its agenda."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from typing import Annotated, Any

from pydantic import BeforeValidator, Field, WithJsonSchema, model_validator

from generator.load.diagnostics import DocPath
from generator.load.fields import (
    DataModel,
    Date,
    EmptyList,
    Markdown,
    Number,
    PersonId,
    PersonOrUnit,
    Text,
)
from generator.load.kinds import CheckContext, Kind, Ref, kind_named
from generator.load.onderdelen import ONDERDELEN, onderdeel
from generator.load.statusmatrix import StatusMatrix, matrix_errors
from generator.model.deadline import DeadlineField
from generator.model.legend import ActieStatus, Legend, Status, Uitkomst

#: an agenda item's onderdeel: a word of the onderdelen table (generator.load.onderdelen)
OnderdeelField = Annotated[
    str, BeforeValidator(ONDERDELEN.validate), WithJsonSchema(ONDERDELEN.json_schema())
]

#: the kinds of overleg a meeting file can be: the SCT's own deck numbers its rubrieken and
#: adds what the chair asks about; any other deck letters its agenda items (A, B, ...)
SOORTEN = Legend(
    "soort overleg",
    (
        Status("sct", "SCT overleg", ""),
        Status("bestuurlijk_overleg", "Bestuurlijk overleg", ""),
        Status("ambtelijk_overleg", "Ambtelijk overleg", ""),
        Status("overig", "Overleg", ""),
    ),
    noun="soort",
)
SoortOverleg = Annotated[
    str, BeforeValidator(SOORTEN.validate), WithJsonSchema(SOORTEN.json_schema())
]


class Besluit(DataModel):
    """What the meeting decided on one beslispunt of the agenda item."""

    beslispunt: Number | None = Field(
        None,
        description="The number of the beslispunt it answers (1 is the first); may be left out "
        "when the item has one beslispunt.",
    )
    uitkomst: Uitkomst = Field(description="aangenomen, gewijzigd or aangehouden.")
    tekst: Markdown = Field(description="(md) the decision as it goes into the besluitenlijst.")


class Actiepunt(DataModel):
    """An action agreed in the meeting; it stays open until it is afgerond."""

    nr: Number = Field(
        description="Unique within the meeting; with the date it is the action's id, "
        '"2020-08-17/1", by which a later meeting closes it (afgerond).'
    )
    wat: Markdown = Field(description="(md inline) what is to be done.")
    actiehouder: PersonId = Field(description="Person id of who does it.")
    deadline: DeadlineField = Field(description="When it is due.")
    status: ActieStatus | None = Field(None, description="afgerond closes it; otherwise open.")


class AgendaItem(DataModel):
    """An item of a rubriek, lettered A, B, ... in the agenda."""

    titel: Text
    inhoud: Markdown | None = Field(
        None, description='(md) "## " starts a slide; Markdown tables become native tables.'
    )
    inhoud_bestand: Text | None = Field(
        None, description="A Markdown file, relative to the data folder, instead of inhoud."
    )
    onderdeel: OnderdeelField | None = Field(
        None, description="A generated part of the deck (see the onderdeel legend)."
    )
    matrix: StatusMatrix | None = Field(
        None, description="A status matrix, shown as a 'Meer detail' slide at this item."
    )
    beslispunten: Annotated[list[Markdown], EmptyList] = Field(
        default_factory=list,
        description="(md inline) what the SCT is asked to decide, numbered 1, 2, ...",
    )
    besluiten: Annotated[list[Besluit], EmptyList] = Field(
        default_factory=list, description="After the meeting: what was decided."
    )
    acties: Annotated[list[Actiepunt], EmptyList] = Field(
        default_factory=list, description="After the meeting: the actions agreed."
    )
    verslag: Markdown | None = Field(
        None, description="(md) After the meeting: the discussion of this item for the verslag."
    )

    @model_validator(mode="after")
    def _one_source(self) -> AgendaItem:
        given = [k for k in ("inhoud", "inhoud_bestand", "onderdeel", "matrix") if getattr(self, k)]
        if len(given) > 1:
            raise ValueError(
                "an agenda item has one of inhoud, inhoud_bestand, onderdeel, matrix, "
                f"not {' and '.join(given)}"
            )
        return self


class Rubriek(DataModel):
    """A numbered part of the agenda, e.g. "Ter besluitvorming"."""

    rubriek: Text
    items: Annotated[list[AgendaItem], EmptyList] = Field(default_factory=list)
    inhoud: Markdown | None = Field(
        None,
        description='(md) Outside the SCT: slides right after the item\'s divider ("## " starts '
        "a slide), before those of its sub-items.",
    )
    verslag: Markdown | None = Field(
        None, description="(md) After the meeting: the discussion of this item for the verslag."
    )
    verslag_titel: Text | None = Field(
        None,
        description="The point's title in the verslag when it differs from the agenda's "
        "(one point for two items: give the first this title, the second no verslag).",
    )


class Delegatie(DataModel):
    """The participants of one side of the overleg (Rijk, VNG), each a function or a person."""

    partij: Text = Field(description='The side or organisation, e.g. "Rijk" or "VNG".')
    leden: Annotated[list[PersonOrUnit], EmptyList] = Field(
        description="A function as it is printed (Staatssecretaris Toeslagen en Douane (vz)) or "
        "a person id; the public verslag withholds the names of persons, never functions."
    )


#: the longest meeting title: what the title slide holds at its smallest size (six lines of
#: 14 pt); the footer shortens a long one
MAX_TITEL = 400


class Vergadering(DataModel):
    """One SCT meeting."""

    datum: Date = Field(description="The meeting date; the file is named after it.")
    titel: Text = Field("SCT overleg", description="Shown on the title slide.")
    soort: SoortOverleg = Field(
        "sct",
        description="The kind of overleg: sct numbers the agenda's rubrieken; any other letters "
        "them A, B, ... (sub-items below), with a divider per letter.",
    )
    tijd: Text | None = Field(
        None, description='When it starts and ends, e.g. "18.00 – 19.00 uur".'
    )
    plaats: Text | None = Field(None, description="Where it is held.")
    inleiding: Markdown | None = Field(
        None,
        description="(md) Outside the SCT: slides between the title and the agenda, such as "
        'the context of the document ("## " starts a slide).',
    )
    deelnemers: Annotated[list[Delegatie], EmptyList] = Field(
        default_factory=list, description="After the meeting: the participants per side."
    )
    opening: Markdown | None = Field(None, description="(md) The verslag's opening.")
    rondvraag: Markdown | None = Field(None, description="(md) The verslag's rondvraag.")
    sluiting: Markdown | None = Field(None, description="(md) The verslag's closing.")
    aanwezig: Annotated[list[PersonOrUnit], EmptyList] = Field(
        default_factory=list,
        description="After the meeting: who was there, by role or unit (DG Toeslagen, UHT) "
        "or as a person id.",
    )
    agenda: Annotated[list[Rubriek], EmptyList]
    afgerond: Annotated[list[Text], EmptyList] = Field(
        default_factory=list,
        description="After the meeting: ids of earlier meetings' actions now done (2020-08-17/1).",
    )

    def actiepunt_id(self, actiepunt: Actiepunt) -> str:
        return f"{self.datum.isoformat()}/{actiepunt.nr}"

    @property
    def sct(self) -> bool:
        return self.soort == "sct"


class VergaderingKind(Kind[Vergadering]):
    name = "vergadering"
    pattern = "vergaderingen/*.yaml"
    model = Vergadering
    description = "One SCT meeting with its agenda."
    order = 30
    provides = ("vergadering", "actiepunt")

    def identities(self, item: Vergadering) -> Iterable[Ref]:
        for path, actiepunt in _actiepunten(item):
            yield Ref("actiepunt", item.actiepunt_id(actiepunt), (*path, "nr"))

    def references(self, item: Vergadering) -> Iterable[Ref]:
        for person, index in _aanwezig_ids(item):
            yield Ref("persoon", person, ("aanwezig", index))
        for d, delegatie in enumerate(item.deelnemers):
            for index, value in enumerate(delegatie.leden):
                if value.startswith("p-"):
                    yield Ref("persoon", value, ("deelnemers", d, "leden", index))
        for path, actiepunt in _actiepunten(item):
            yield Ref("persoon", actiepunt.actiehouder, (*path, "actiehouder"))
        for index, ident in enumerate(item.afgerond):
            yield Ref("actiepunt", ident, ("afgerond", index))

    def markdown_files(self, item: Vergadering) -> Iterable[tuple[DocPath, str]]:
        for r, rubriek in enumerate(item.agenda):
            for i, agendaitem in enumerate(rubriek.items):
                if agendaitem.inhoud_bestand:
                    path: DocPath = ("agenda", r, "items", i, "inhoud_bestand")
                    yield path, agendaitem.inhoud_bestand

    def errors(self, item: Vergadering, context: CheckContext) -> Iterable[tuple[DocPath, str]]:
        if len(item.titel) > MAX_TITEL:
            yield (
                ("titel",),
                f"a meeting title of {len(item.titel):,} characters: the title slide holds at "
                f"most {MAX_TITEL}; shorten it (the agenda says what the meeting is about)",
            )
        for r, rubriek in enumerate(item.agenda):
            for i, agendaitem in enumerate(rubriek.items):
                if agendaitem.onderdeel:
                    needs = onderdeel(agendaitem.onderdeel).needs
                    if needs not in context.present:
                        yield (
                            ("agenda", r, "items", i, "onderdeel"),
                            f"onderdeel {agendaitem.onderdeel} needs {kind_named(needs).pattern} "
                            "in the data folder",
                        )
                yield from _besluit_errors(("agenda", r, "items", i), agendaitem)
                if agendaitem.matrix is not None:
                    yield from matrix_errors(agendaitem.matrix, ("agenda", r, "items", i, "matrix"))
        for index, ident in enumerate(item.afgerond):
            if ident[:10] >= item.datum.isoformat():
                yield (
                    ("afgerond", index),
                    f"afgerond lists actions of earlier meetings; {ident} is not: give an "
                    "action of this meeting status: afgerond instead",
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
                    "items": [
                        {
                            "titel": "Eerste agendapunt",
                            "inhoud": "## Voorstel\n\n- ...\n",
                            "beslispunten": ["Instemmen met ..."],
                        }
                    ],
                }
            ],
        }

    def warnings(self, item: Vergadering, context: CheckContext) -> Iterable[tuple[DocPath, str]]:
        if not item.agenda:
            yield ("agenda",), "the agenda is empty"
        for r, rubriek in enumerate(item.agenda):
            for i, agendaitem in enumerate(rubriek.items):
                if agendaitem.besluiten and not agendaitem.beslispunten:
                    yield (
                        ("agenda", r, "items", i, "besluiten"),
                        "a besluit on an agenda item without beslispunten: add the beslispunten "
                        "it answers, so that the besluitenlijst can say what was asked",
                    )
                asked = agendaitem.inhoud and _ASKED.search(agendaitem.inhoud)
                if agendaitem.beslispunten and asked:
                    yield (
                        ("agenda", r, "items", i, "inhoud"),
                        f"'{asked[0].strip()}' in inhoud: the deck shows the item's beslispunten "
                        "under 'Gevraagd van het SCT' itself, so they would stand there twice; "
                        "leave them out of inhoud",
                    )


#: a heading in an item's own text over what the SCT is asked to decide
_ASKED = re.compile(r"^#{1,6}[ \t]+(?:Gevraagd van (?:het )?SCT|Beslispunten)\b.*$", re.I | re.M)


def _actiepunten(item: Vergadering) -> Iterable[tuple[DocPath, Actiepunt]]:
    for r, rubriek in enumerate(item.agenda):
        for i, agendaitem in enumerate(rubriek.items):
            for a, actiepunt in enumerate(agendaitem.acties):
                yield ("agenda", r, "items", i, "acties", a), actiepunt


def _aanwezig_ids(item: Vergadering) -> Iterable[tuple[str, int]]:
    for index, value in enumerate(item.aanwezig):
        if value.startswith("p-"):
            yield value, index


def _besluit_errors(path: DocPath, item: AgendaItem) -> Iterable[tuple[DocPath, str]]:
    count = len(item.beslispunten)
    for b, besluit in enumerate(item.besluiten):
        at: DocPath = (*path, "besluiten", b)
        if besluit.beslispunt is None:
            if count > 1:
                yield (
                    at,
                    f"this item has {count} beslispunten: say which one the besluit answers "
                    f"(beslispunt: 1 to {count})",
                )
        elif count and besluit.beslispunt > count:
            yield (
                (*at, "beslispunt"),
                f"there is no beslispunt {besluit.beslispunt}: this item has {count}",
            )


KIND = VergaderingKind()
