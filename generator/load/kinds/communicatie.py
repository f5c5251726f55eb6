"""``communicatie.yaml``: the communication calendar."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Annotated

from pydantic import Field

from generator.load.diagnostics import DocPath
from generator.load.fields import DataModel, Date, EmptyList, Text
from generator.load.kinds import CheckContext, Kind
from generator.model.legend import Soort
from generator.quoting import did_you_mean


class CommunicatieItem(DataModel):
    """A planned communication: a letter, a debate, a website update."""

    datum: Date
    doelgroep: Text = Field(description="One of the doelgroepen.")
    soort: Soort
    tekst: Text


class Communicatie(DataModel):
    """The communication calendar: doelgroepen are its rows, weeks its columns."""

    doelgroepen: Annotated[list[Text], EmptyList] = Field(min_length=1)
    items: Annotated[list[CommunicatieItem], EmptyList] = Field(default_factory=list)


class CommunicatieKind(Kind[Communicatie]):
    name = "communicatie"
    pattern = "communicatie.yaml"
    model = Communicatie
    description = "The communication calendar."
    order = 41
    singleton = True

    def errors(self, item: Communicatie, context: CheckContext) -> Iterable[tuple[DocPath, str]]:
        for index, entry in enumerate(item.items):
            if entry.doelgroep not in item.doelgroepen:
                yield (
                    ("items", index, "doelgroep"),
                    f"unknown doelgroep '{entry.doelgroep}'"
                    f"{did_you_mean(entry.doelgroep, item.doelgroepen)}; "
                    f"the doelgroepen are: {', '.join(item.doelgroepen)}",
                )
        seen: set[str] = set()
        for index, doelgroep in enumerate(item.doelgroepen):
            if doelgroep in seen:
                yield ("doelgroepen", index), f"doelgroep '{doelgroep}' is listed twice"
            seen.add(doelgroep)


KIND = CommunicatieKind()
