"""``werkstromen/NN-slug.yaml``: one workstream with its opdrachten and hoofdacties."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, GetJsonSchemaHandler, PlainValidator, WithJsonSchema
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema

from generator.load.diagnostics import DocPath
from generator.load.fields import (
    TEXT_OR_NUMBER,
    DataModel,
    Date,
    EmptyList,
    Markdown,
    Number,
    PersonId,
    PersonOrUnit,
    Text,
    _text,
)
from generator.load.kinds import CheckContext, Kind, Ref
from generator.load.statusmatrix import MATRIX_EXAMPLE, StatusMatrix, matrix_errors
from generator.load.textlimits import TABLE_IN_CELL, holds_table
from generator.model.dates import SHORT_MONTH_NAMES
from generator.model.deadline import Deadline, OptionalDeadline, Vorm, verlopen
from generator.model.legend import SCT, SctStatus, effective_status
from generator.quoting import did_you_mean
from generator.text.shorten import shorten

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


_NOT_WHOLE = {**TEXT_OR_NUMBER, "not": {"type": "integer"}}  # 2.10 is "2.10"; 2 is refused
OpdrachtNummer = Annotated[
    str, Field(pattern=_OPDRACHT_NUMMER.pattern, json_schema_extra=_NOT_WHOLE),
    BeforeValidator(_opdracht_nummer),
]  # fmt: skip


_WS_NUMBER = re.compile(r"^(?:ws\s*)?(\d+)$", re.IGNORECASE)


def _afhankelijkheid(value: Any) -> int | str:
    """A workstream number (``3``, ``"3"``, ``"WS 3"``) or the name of a unit (``SCT``, ``IV``)."""
    value = _text(value)
    if not isinstance(value, str):
        raise ValueError("expected a workstream number or the name of a unit, such as 3 or SCT")
    text = " ".join(value.split())
    if not text:
        raise ValueError("must not be empty")
    match = _WS_NUMBER.match(text)
    if match:
        number = int(match[1], 10)
        if number < 1:
            raise ValueError(f"'{text}' is not a workstream number: they start at 1")
        return number
    if text[0].isdigit():
        raise ValueError(
            f"'{text}' is neither a workstream number nor a unit name: list the numbers one by "
            "one, e.g. [1, 2, 3, 4] for workstreams 1 to 4 (the deck writes them as WS 1 t/m 4)"
        )
    return text


Afhankelijkheid = Annotated[
    int | str,
    PlainValidator(_afhankelijkheid),
    WithJsonSchema(
        {
            "anyOf": [{"type": "integer", "minimum": 1}, {"type": "string", "minLength": 1}],
            "description": "A workstream number, or the name of a unit (SCT, IV, SSO O&P).",
        }
    ),
]
"""What work depends on: a workstream number, checked to exist, or the name of a unit."""

Afhankelijkheden = Annotated[list[Afhankelijkheid], EmptyList]
Themas = Annotated[list[Markdown], EmptyList]
Risicos = Annotated[list[Text], EmptyList]

VORMEN = ("standaard", "resultaten")


def _vorm(value: Any) -> Any:
    if isinstance(value, str) and value.strip().lower() in VORMEN:
        return value.strip().lower()
    shown = getattr(value, "raw", value)
    hint = did_you_mean(shown, VORMEN) if isinstance(shown, str) else ""
    raise ValueError(
        f"unknown vorm '{shown}'{hint}; a workstream's vorm is standaard or resultaten"
    )


class Hoofdactie(DataModel):
    """A main action within an opdracht: a row in the Hoofdacties column."""

    titel: Markdown = Field(description="(md) printed bold in the deck.")
    deadline: OptionalDeadline = Field(None, description="When it is due.")
    status: SctStatus | None = Field(None, description="Optional; otherwise the opdracht's.")
    subacties: Annotated[list[Markdown], EmptyList] = Field(
        default_factory=list, description="(md inline) the bullets under the hoofdactie."
    )
    themas: Themas = Field(default_factory=list, description="(md inline) its own themes.")
    afhankelijkheden: Afhankelijkheden = Field(
        default_factory=list, description="Workstream numbers and unit names it depends on."
    )
    risicos: Risicos = Field(default_factory=list, description="Ids of risks in risicos.yaml.")
    toelichting: Markdown | None = Field(
        None, description="(md) printed in its own row of the status column."
    )


class _PlainTextToo:
    """In the JSON Schema an eindresultaat may also be a plain string (its titel)."""

    def __get_pydantic_json_schema__(
        self, core_schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        plain = {**TEXT_OR_NUMBER, "format": "markdown", "description": "Just its titel."}
        return {"anyOf": [plain, handler(core_schema)]}


def _eindresultaat(value: Any) -> Any:
    """A plain string is the old form of an eindresultaat: just its titel."""
    if value is None or isinstance(value, dict | list | DataModel):
        return value
    return {"titel": value}


class Eindresultaat(DataModel):
    """An end result of an opdracht, a row of the results form; a plain string is its titel."""

    titel: Markdown = Field(description="(md inline) the Eindresultaten cell.")
    themas: Themas = Field(default_factory=list, description="(md inline) the themes involved.")
    deadline: OptionalDeadline = Field(None, description="When it is due.")
    afhankelijkheden: Afhankelijkheden = Field(
        default_factory=list, description="Workstream numbers and unit names it depends on."
    )
    risicos: Risicos = Field(default_factory=list, description="Ids of risks in risicos.yaml.")
    status: SctStatus | None = Field(None, description="Optional; otherwise the opdracht's.")
    toelichting: Markdown | None = Field(
        None, description="(md) printed in its row of the status column."
    )

    @property
    def row_fields(self) -> bool:
        """Whether it carries anything beside its titel."""
        return bool(
            self.themas or self.deadline or self.afhankelijkheden or self.risicos
            or self.status or self.toelichting
        )  # fmt: skip

    def __str__(self) -> str:
        return self.titel


EindresultaatField = Annotated[Eindresultaat, BeforeValidator(_eindresultaat), _PlainTextToo()]


class Opdracht(DataModel):
    """An assignment within a workstream: one row of the workstream table."""

    nummer: OpdrachtNummer = Field(description='e.g. "1.2"; unique across all workstreams.')
    titel: Text
    status: SctStatus
    trekker: PersonId | None = Field(None, description="Person id of the opdrachttrekker.")
    toelichting: Markdown | None = Field(None, description="(md) the Status en toelichting cell.")
    hoofdacties: Annotated[list[Hoofdactie], EmptyList] = Field(default_factory=list)
    deadline: OptionalDeadline = Field(None, description="For an opdracht without hoofdacties.")
    eindresultaten: Annotated[list[EindresultaatField], EmptyList] = Field(
        default_factory=list,
        description="Each a row of the results form: an eindresultaat, or just its titel.",
    )
    themas: Themas = Field(default_factory=list)
    afhankelijkheden: Afhankelijkheden = Field(
        default_factory=list,
        description="Workstream numbers and unit names this opdracht depends on.",
    )
    risicos: Risicos = Field(default_factory=list, description="Ids of risks in risicos.yaml.")


class Werkstroom(DataModel):
    """A workstream of the crisis organisation, monitored in the SCT."""

    nummer: Number = Field(description="Unique; the file name starts with it (01-...).")
    titel: Text
    kernwoord: Text | None = Field(None, description="Printed bold in the overview slide.")
    vorm: Annotated[
        Literal["standaard", "resultaten"],
        PlainValidator(_vorm),
        WithJsonSchema(
            {
                "type": "string",
                "enum": list(VORMEN),
                "description": "The form of its table: standaard (a row per hoofdactie) or "
                "resultaten (a row per eindresultaat with its own themes, deadline, "
                "dependencies, risks and status). Default standaard.",
            }
        ),
    ] = "standaard"
    trekker: PersonId | None = Field(None, description="Person id of the werkstroomtrekker.")
    teamleden: Annotated[list[PersonOrUnit], EmptyList] = Field(
        default_factory=list, description="Person ids and unit names (UHT, Crisisbureau)."
    )
    status: SctStatus | None = Field(None, description="Otherwise the worst of its opdrachten.")
    stand: Date | None = Field(
        None,
        description="The date the table reports the state at; the deck shows it ('stand per 13 "
        "aug.'), and a deadline typed without a year takes the year nearest to it.",
    )
    opdrachten: Annotated[list[Opdracht], EmptyList]
    matrices: Annotated[list[StatusMatrix], EmptyList] = Field(
        default_factory=list,
        description="Status matrices (rows x kolommen of statuses), each a 'Meer detail' slide "
        "after the workstream's table.",
    )

    @property
    def effective_status(self) -> str | None:
        return self.status or SCT.worst([o.status for o in self.opdrachten])


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
            yield from _row_references(opdracht, path)
            for i, actie in enumerate(opdracht.hoofdacties):
                yield from _row_references(actie, (*path, "hoofdacties", i))
            for i, resultaat in enumerate(opdracht.eindresultaten):
                yield from _row_references(resultaat, (*path, "eindresultaten", i))

    def file_number(self, item: Werkstroom) -> tuple[int, DocPath]:
        return item.nummer, ("nummer",)

    def errors(self, item: Werkstroom, context: CheckContext) -> Iterable[tuple[DocPath, str]]:
        for index, matrix in enumerate(item.matrices):
            yield from matrix_errors(matrix, ("matrices", index))

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
            if opdracht.toelichting and holds_table(opdracht.toelichting):
                yield (*path, "toelichting"), TABLE_IN_CELL
            rows: list[tuple[str, int, Hoofdactie | Eindresultaat]] = [
                *(("hoofdactie", i, actie) for i, actie in enumerate(opdracht.hoofdacties)),
                *(("eindresultaat", i, r) for i, r in enumerate(opdracht.eindresultaten)),
            ]
            for soort, i, row in rows:
                at: DocPath = (
                    *path,
                    "hoofdacties" if soort == "hoofdactie" else "eindresultaten",
                    i,
                )
                status = effective_status(row, opdracht)
                label = f"{soort} '{shorten(row.titel, 50)}' of opdracht {opdracht.nummer}"
                if row.toelichting and holds_table(row.toelichting):
                    yield (*at, "toelichting"), TABLE_IN_CELL
                if row.deadline is not None:
                    yield from _deadline_warnings(
                        row.deadline, status, label, (*at, "deadline"), context
                    )
                if opdracht.status == "afgerond" and status != "afgerond":
                    yield (
                        (*at, "status"),
                        f"opdracht {opdracht.nummer} is afgerond, but its {soort} "
                        f"'{shorten(row.titel, 50)}' is {status}",
                    )
                if (
                    soort == "eindresultaat"
                    and item.vorm == "standaard"
                    and isinstance(row, Eindresultaat)
                    and row.row_fields
                ):
                    yield (
                        at,
                        f"eindresultaat '{shorten(row.titel, 50)}' has fields of its own, which "
                        "the deck shows only in the results form: set vorm: resultaten on the "
                        "workstream",
                    )

    new_name = "werkstromen/{number:02d}-{slug}.yaml"

    def example(self, *, number: int, titel: str, datum: dt.date) -> dict[str, Any]:
        later = datum + dt.timedelta(weeks=8)
        return {
            "nummer": number,
            "titel": titel,
            "stand": datum,
            "opdrachten": [
                {
                    "nummer": f"{number}.1",
                    "titel": "Eerste opdracht",
                    "status": "nog_niet_gestart",
                    "hoofdacties": [
                        {"titel": "Eerste hoofdactie", "deadline": datum + dt.timedelta(weeks=4)},
                        {
                            "titel": "Tweede hoofdactie",
                            "deadline": f"Eind {SHORT_MONTH_NAMES[later.month - 1]}",
                        },
                    ],
                }
            ],
            "matrices": [MATRIX_EXAMPLE],
        }


#: month names as editors abbreviate them (the forms docs/deadlines.md lists)
MONTHS_SHORT = (
    "jan",
    "feb",
    "mrt",
    "apr",
    "mei",
    "juni",
    "juli",
    "aug",
    "sept",
    "okt",
    "nov",
    "dec",
)


def _row_references(row: Opdracht | Hoofdactie | Eindresultaat, path: DocPath) -> Iterable[Ref]:
    """Workstream numbers among its afhankelijkheden (unit names are free) and its risks."""
    for i, afhankelijkheid in enumerate(row.afhankelijkheden):
        if isinstance(afhankelijkheid, int):
            yield Ref("werkstroom", afhankelijkheid, (*path, "afhankelijkheden", i))
    for i, risico in enumerate(row.risicos):
        yield Ref("risico", risico, (*path, "risicos", i))


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
