"""The work of all workstreams as one list: every opdracht, hoofdactie and eindresultaat with
the status and trekker that hold for it, as the planning and the deadline radar list them."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from generator.load.kinds.werkstroom import Opdracht, Werkstroom
from generator.model.deadline import Deadline


@dataclass(frozen=True)
class Work:
    """An opdracht, one of its hoofdacties or eindresultaten, as the planning and the deadline
    radar list them: a hoofdactie or eindresultaat has its own status or its opdracht's, and its
    opdracht's trekker."""

    werkstroom: Werkstroom
    opdracht: Opdracht
    soort: str  # "Opdracht" | "Hoofdactie" | "Eindresultaat"
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
                toelichting = "\n".join(filter(None, (*actie.subacties, actie.toelichting)))
                yield Work(
                    werkstroom, opdracht, "Hoofdactie", actie.titel, actie.deadline,
                    actie.status or opdracht.status, trekker, toelichting or None,
                )  # fmt: skip
            for resultaat in opdracht.eindresultaten:
                yield Work(
                    werkstroom, opdracht, "Eindresultaat", resultaat.titel, resultaat.deadline,
                    resultaat.status or opdracht.status, trekker, resultaat.toelichting,
                )  # fmt: skip
