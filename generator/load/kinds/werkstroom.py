"""``werkstromen/NN-slug.yaml``: one workstream with its opdrachten and hoofdacties."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Annotated, Any

from pydantic import BeforeValidator, Field

from generator.load.diagnostics import DocPath
from generator.load.fields import (
    DataModel,
    EmptyList,
    Markdown,
    Number,
    PersonId,
    PersonOrUnit,
    Text,
    _text,
)
from generator.load.kinds import CheckContext, Kind, Ref
from generator.model.deadline import Deadline, DeadlineField, Vorm, verlopen
from generator.model.legend import SCT, SctStatus

_OPDRACHT_NUMMER = re.compile(r"^(\d+)\.\d+(?:\.\d+)*[a-z]?$")


def _opdracht_nummer(value: Any) -> Any:
    value = _text(value)
    if isinstance(value, str):
        value = value.strip().rstrip(".")
        if not _OPDRACHT_NUMMER.match(value):
            raise ValueError(
                f"'{value}' is not an opdracht number: write the workstream number, a dot and "
                'a sequence number, in quotes: "1.2"'
            )
    return value


OpdrachtNummer = Annotated[
    str, Field(pattern=_OPDRACHT_NUMMER.pattern), BeforeValidator(_opdracht_nummer)
]


class Hoofdactie(DataModel):
    """A main action within an opdracht: a row in the Hoofdacties column."""

    titel: Markdown = Field(description="(md) printed bold in the deck.")
    deadline: DeadlineField | None = Field(None, description="When it is due.")
    status: SctStatus | None = Field(None, description="Optional; otherwise the opdracht's.")
    subacties: Annotated[list[Markdown], EmptyList] = Field(
        default_factory=list, description="(md inline) the bullets under the hoofdactie."
    )


class Opdracht(DataModel):
    """An assignment within a workstream: one row of the workstream table."""

    nummer: OpdrachtNummer = Field(description='e.g. "1.2"; unique across all workstreams.')
    titel: Text
    status: SctStatus
    trekker: PersonId | None = Field(None, description="Person id of the opdrachttrekker.")
    toelichting: Markdown | None = Field(None, description="(md) the Status en toelichting cell.")
    hoofdacties: Annotated[list[Hoofdactie], EmptyList] = Field(default_factory=list)
    deadline: DeadlineField | None = Field(None, description="For an opdracht without hoofdacties.")
    eindresultaten: Annotated[list[Markdown], EmptyList] = Field(default_factory=list)
    themas: Annotated[list[Markdown], EmptyList] = Field(default_factory=list)
    afhankelijkheden: Annotated[list[Number], EmptyList] = Field(
        default_factory=list, description="Numbers of the workstreams this opdracht depends on."
    )
    risicos: Annotated[list[Text], EmptyList] = Field(
        default_factory=list, description="Ids of risks in risicos.yaml."
    )


class Werkstroom(DataModel):
    """A workstream of the crisis organisation, monitored in the SCT."""

    nummer: Number = Field(description="Unique; the file name starts with it (01-...).")
    titel: Text
    kernwoord: Text | None = Field(None, description="Printed bold in the overview slide.")
    trekker: PersonId | None = Field(None, description="Person id of the werkstroomtrekker.")
    teamleden: Annotated[list[PersonOrUnit], EmptyList] = Field(
        default_factory=list, description="Person ids and unit names (UHT, Crisisbureau)."
    )
    status: SctStatus | None = Field(None, description="Otherwise the worst of its opdrachten.")
    opdrachten: Annotated[list[Opdracht], EmptyList]

    @property
    def effective_status(self) -> str | None:
        return self.status or SCT.worst([o.status for o in self.opdrachten])


@dataclass(frozen=True)
class Work:
    """An opdracht or one of its hoofdacties, as the planning and the deadline radar list them:
    a hoofdactie has its own status or its opdracht's, and its opdracht's trekker."""

    werkstroom: Werkstroom
    opdracht: Opdracht
    soort: str  # "Opdracht" | "Hoofdactie"
    titel: str
    deadline: Deadline | None
    status: str
    trekker: str | None  # person id: the opdracht's, else the workstream's
    toelichting: str | None


def work(werkstromen: Iterable[Werkstroom]) -> Iterator[Work]:
    for werkstroom in werkstromen:
        for opdracht in werkstroom.opdrachten:
            trekker = opdracht.trekker or werkstroom.trekker
            yield Work(
                werkstroom, opdracht, "Opdracht", opdracht.titel, opdracht.deadline,
                opdracht.status, trekker, opdracht.toelichting,
            )  # fmt: skip
            for actie in opdracht.hoofdacties:
                yield Work(
                    werkstroom, opdracht, "Hoofdactie", actie.titel, actie.deadline,
                    actie.status or opdracht.status, trekker, "\n".join(actie.subacties) or None,
                )  # fmt: skip


class WerkstroomKind(Kind[Werkstroom]):
    name = "werkstroom"
    pattern = "werkstromen/*.yaml"
    model = Werkstroom
    description = "One workstream with its opdrachten and hoofdacties."
    order = 10
    provides = ("werkstroom", "opdracht")

    def identities(self, item: Werkstroom) -> Iterable[Ref]:
        yield Ref("werkstroom", item.nummer, ("nummer",))
        for index, opdracht in enumerate(item.opdrachten):
            yield Ref("opdracht", opdracht.nummer, ("opdrachten", index, "nummer"))

    def references(self, item: Werkstroom) -> Iterable[Ref]:
        if item.trekker:
            yield Ref("persoon", item.trekker, ("trekker",))
        for index, lid in enumerate(item.teamleden):
            if lid.startswith("p-"):
                yield Ref("persoon", lid, ("teamleden", index))
        for index, opdracht in enumerate(item.opdrachten):
            path: DocPath = ("opdrachten", index)
            if opdracht.trekker:
                yield Ref("persoon", opdracht.trekker, (*path, "trekker"))
            for i, nummer in enumerate(opdracht.afhankelijkheden):
                yield Ref("werkstroom", nummer, (*path, "afhankelijkheden", i))
            for i, risico in enumerate(opdracht.risicos):
                yield Ref("risico", risico, (*path, "risicos", i))

    def file_number(self, item: Werkstroom) -> tuple[int, DocPath]:
        return item.nummer, ("nummer",)

    def warnings(self, item: Werkstroom, context: CheckContext) -> Iterable[tuple[DocPath, str]]:
        for index, opdracht in enumerate(item.opdrachten):
            path: DocPath = ("opdrachten", index)
            match = _OPDRACHT_NUMMER.match(opdracht.nummer)
            if match and int(match[1]) != item.nummer:
                yield (
                    (*path, "nummer"),
                    f"opdracht {opdracht.nummer} is in workstream {item.nummer}; "
                    f"its number would normally start with {item.nummer}.",
                )
            if opdracht.deadline is not None:
                yield from _deadline_warnings(
                    opdracht.deadline, opdracht.status, f"opdracht {opdracht.nummer}",
                    (*path, "deadline"), context,
                )  # fmt: skip
            for i, actie in enumerate(opdracht.hoofdacties):
                status = actie.status or opdracht.status
                label = f"hoofdactie '{_short(actie.titel)}' of opdracht {opdracht.nummer}"
                if actie.deadline is not None:
                    yield from _deadline_warnings(
                        actie.deadline, status, label, (*path, "hoofdacties", i, "deadline"),
                        context,
                    )  # fmt: skip
                if opdracht.status == "afgerond" and status != "afgerond":
                    yield (
                        (*path, "hoofdacties", i, "status"),
                        f"opdracht {opdracht.nummer} is afgerond, but its hoofdactie "
                        f"'{_short(actie.titel)}' is {status}",
                    )

    new_name = "werkstromen/{number:02d}-{slug}.yaml"

    def example(self, *, number: int, titel: str, datum: dt.date) -> dict[str, Any]:
        return {
            "nummer": number,
            "titel": titel,
            "opdrachten": [
                {
                    "nummer": f"{number}.1",
                    "titel": "Eerste opdracht",
                    "status": "nog_niet_gestart",
                    "hoofdacties": [
                        {"titel": "Eerste hoofdactie", "deadline": datum + dt.timedelta(weeks=4)}
                    ],
                }
            ],
        }


def _short(text: str, limit: int = 50) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _deadline_warnings(
    deadline: Deadline, status: str, label: str, path: DocPath, context: CheckContext
) -> Iterable[tuple[DocPath, str]]:
    if deadline.vorm is Vorm.NTB:
        yield path, f"the deadline of {label} is ntb (not yet known)"
    elif verlopen(deadline, status, context.peildatum):
        yield (
            path,
            f"{label} is overdue: due {deadline.due}, peildatum "
            f"{context.peildatum.isoformat()}, status {status}",
        )


KIND = WerkstroomKind()
