"""The status legends: the one declaration of every status value, its label and colour.

Validation, the JSON Schema, the data reference (docs/reference/data.md) and the renderers'
colours all read these.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any, Protocol

from pydantic import BeforeValidator, WithJsonSchema

from generator.quoting import did_you_mean


@dataclass(frozen=True)
class Status:
    value: str
    label: str
    colour: str  # hex RGB, used as fill; text colour is chosen for contrast by the renderers
    #: what the status means, for a document's reading guide
    description: str = ""
    #: a symbol printed with the label, so that the status is never told by colour alone
    symbol: str = ""
    #: a label short enough for a narrow table cell (the overview's status column); the full
    #: label stays in the legend under the table
    short: str = ""

    @property
    def short_label(self) -> str:
        return self.short or self.label


@dataclass(frozen=True)
class Legend:
    """An ordered legend; for the SCT legend the order is from best to worst."""

    name: str
    statuses: tuple[Status, ...]
    #: what one value is called in messages
    noun: str = "status"

    @property
    def values(self) -> list[str]:
        return [s.value for s in self.statuses]

    def __getitem__(self, value: str) -> Status:
        for status in self.statuses:
            if status.value == value:
                return status
        raise KeyError(value)

    def rank(self, value: str) -> int:
        return self.values.index(value)

    def worst(self, values: list[str]) -> str | None:
        return max(values, key=self.rank) if values else None

    def validate(self, value: Any) -> str:
        if not isinstance(value, str):
            raise ValueError(f"a {self.noun} is one of: {', '.join(self.values)}")
        if value in self.values:
            return value
        raise ValueError(
            f"unknown {self.noun} '{value}'{did_you_mean(value, self.values)}; "
            f"the {self.name} legend has: {', '.join(self.values)}"
        )

    def json_schema(self) -> dict[str, Any]:
        description = "; ".join(f"{s.value}: {s.label}" for s in self.statuses)
        return {"type": "string", "enum": self.values, "description": description}


SCT = Legend(
    "SCT",
    (
        Status("afgerond", "Afgerond", "2F6EBA", short="Afgerond"),
        Status("nog_niet_gestart", "Nog niet gestart", "B4B4B4", short="Nog niet gestart"),
        Status("gestart", "Gestart en op schema", "39870C", short="Op schema"),
        Status(
            "zorgen",
            "Zorgen over voortgang, maar geen escalatie nodig naar SCT",
            "FFB612",
            short="Zorgen",
        ),
        Status(
            "escalatie",
            "Grote zorgen voor voortgang, direct escalatie naar SCT",
            "D52B1E",
            short="Escalatie",
        ),
    ),
)

ACTIE = Legend(
    "POK action",
    (
        Status("nog_niet_gestart", "Nog niet gestart", "B4B4B4"),
        Status("loopt", "Loopt", "007BC7"),
        Status("afgerond", "Afgerond", "39870C"),
    ),
)

UITKOMST = Legend(
    "uitkomst",
    (
        Status("aangenomen", "Aangenomen", "39870C"),
        Status("gewijzigd", "Gewijzigd aangenomen", "FFB612"),
        Status("aangehouden", "Aangehouden", "B4B4B4"),
    ),
    noun="uitkomst",
)
"""What an SCT meeting did with a beslispunt (vergaderingen/*.yaml, ``besluiten``)."""

DASHBOARD = Legend(
    "dashboard",
    (
        Status("afgerond", "Afgerond", "2F6EBA"),
        Status("volgens_planning", "Volgens planning", "39870C"),
        Status("vraagt_monitoring", "Vraagt monitoring", "FFB612"),
        Status("actie_nodig", "Actie nodig", "D52B1E"),
        Status("geen_planning", "Geen planning beschikbaar", "B4B4B4"),
    ),
)

#: activities in the Kamer progress report (voortgangsrapportage)
VGR = Legend(
    "VGR",
    (
        Status(
            "in_proces", "In proces", "007BC7",
            "de activiteit uit het jaarplan is begonnen en loopt volgens plan", "►",
        ),
        Status(
            "afgerond", "Afgerond", "39870C",
            "de activiteit uit het jaarplan is klaar", "✓",
        ),
        Status(
            "continu_goed", "Continu, verloopt goed", "39870C",
            "een doorlopende activiteit zonder bijzonderheden ten opzichte van het jaarplan", "●",
        ),
        Status(
            "continu_minder_goed", "Continu, verloopt minder goed", "E17000",
            "een doorlopende activiteit die anders of minder loopt dan gepland, bijvoorbeeld "
            "door vertraging of andere prioriteiten", "▲",
        ),
        Status(
            "nog_niet_gestart", "Nog niet gestart", "696969",
            "de activiteit uit het jaarplan is nog niet begonnen", "○",
        ),
    ),
)  # fmt: skip

#: kinds of item in the communication calendar; the colour marks the item
SOORT = Legend(
    "communicatie soort",
    (
        Status("brief", "Brief of dossier", "01689B"),
        Status("politiek_overleg", "Politiek overleg", "D52B1E"),
        Status("telefonisch", "Telefonisch contact", "39870C"),
        Status("website", "Website, socials, video", "007BC7"),
        Status("media", "Media en pers", "E17000"),
        Status("overleg", "Overig overleg", "8B4A6A"),
        Status("intern", "Interne communicatie", "696969"),
        Status("kamerbrief", "Kamerbrief", "154273"),
    ),
    noun="soort",
)

#: likelihood and impact of a risk
NIVEAU = Legend(
    "kans/impact",
    (
        Status("laag", "Laag", "39870C"),
        Status("midden", "Midden", "FFB612"),
        Status("hoog", "Hoog", "D52B1E"),
    ),
    noun="level",
)

SctStatus = Annotated[str, BeforeValidator(SCT.validate), WithJsonSchema(SCT.json_schema())]
ActieStatus = Annotated[str, BeforeValidator(ACTIE.validate), WithJsonSchema(ACTIE.json_schema())]
DashboardStatus = Annotated[
    str, BeforeValidator(DASHBOARD.validate), WithJsonSchema(DASHBOARD.json_schema())
]
Uitkomst = Annotated[
    str, BeforeValidator(UITKOMST.validate), WithJsonSchema(UITKOMST.json_schema())
]
Soort = Annotated[str, BeforeValidator(SOORT.validate), WithJsonSchema(SOORT.json_schema())]
VgrStatus = Annotated[str, BeforeValidator(VGR.validate), WithJsonSchema(VGR.json_schema())]
Niveau = Annotated[str, BeforeValidator(NIVEAU.validate), WithJsonSchema(NIVEAU.json_schema())]


class _Row(Protocol):
    @property
    def status(self) -> str | None: ...


class _Opdracht(Protocol):
    @property
    def status(self) -> str: ...


def effective_status(row: _Row, opdracht: _Opdracht) -> str:
    """The status that holds for a hoofdactie or eindresultaat: its own, else its opdracht's
    (a workstream's is ``Werkstroom.effective_status``). Declared once, for the checks'
    warnings, the deck, the diff and every work row (``domain.work``)."""
    return row.status or opdracht.status
