"""The onderdelen: the generated parts of the deck an agenda item may name, declared once.

A row is the word editors write (``onderdeel: dashboard`` in vergaderingen/*.yaml), its label,
the kind of data file it is made from and what its slides show. Everything else follows from
this table: ``check`` validates the word and asks for the file (``load/kinds/vergadering.py``),
the deck finds the builder registered under the word (``render/deck/parts/``, a test holds the
two together), and the deck command's help and the data reference list the rows. It lives in
the load stage, not beside the builders, because ``check`` reads it without rendering.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.model.legend import Legend, Status


@dataclass(frozen=True)
class Onderdeel:
    """One generated part of the deck."""

    #: the word an agenda item's ``onderdeel`` gives, and the name its builder registers under
    name: str
    label: str
    #: the kind of data file (``generator.load.kinds``) it is made from; check asks for it
    needs: str
    #: what its slides show, one sentence for help texts and the data reference
    shows: str


TABLE: tuple[Onderdeel, ...] = (
    Onderdeel(
        "werkstromen",
        "Werkstromen",
        "werkstroom",
        "an overview of the workstreams, then a table per workstream in the form it names",
    ),
    Onderdeel(
        "dashboard",
        "Dashboard",
        "dashboard",
        "each dashboard table: the latest value of each indicator and its change, its status",
    ),
    Onderdeel(
        "communicatiekalender",
        "Communicatiekalender",
        "communicatie",
        "the week calendar around the meeting, the coming months and the long term",
    ),
    Onderdeel(
        "risicolog",
        "Risicolog",
        "risico",
        "every risk with kans, impact, eigenaar and beheersmaatregelen",
    ),
    Onderdeel(
        "openstaande_acties",
        "Openstaande acties",
        "vergadering",
        "the actions of earlier meetings still open (shown after the agenda when unnamed)",
    ),
    Onderdeel(
        "voor_het_sct_details",
        "Voor het SCT: details",
        "werkstroom",
        "every escalation, concern, passed deadline, change and question behind 'Voor het SCT'",
    ),
)

#: the words editors may write, as a legend: validation with "did you mean", the JSON Schema
ONDERDELEN = Legend(
    "onderdeel",
    tuple(Status(row.name, row.label, "") for row in TABLE),
    noun="onderdeel",
)


def onderdeel(name: str) -> Onderdeel:
    """The row of ``name``, a word the legend accepted."""
    return next(row for row in TABLE if row.name == name)


def listed() -> str:
    """The onderdelen as a sentence lists them: "werkstromen, dashboard, ... and risicolog"."""
    words = [row.name for row in TABLE]
    return f"{', '.join(words[:-1])} and {words[-1]}"
