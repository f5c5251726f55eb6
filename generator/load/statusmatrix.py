"""A status matrix: rows x columns of statuses from a legend, each cell with an optional note.

It stands in a workstream file (``matrices:``, shown after the workstream's table) or in a
meeting's agenda item (``matrix:``, shown where the agenda puts it), and the deck makes it a
colour matrix slide "Meer detail | titel". Its statuses come from the SCT legend unless the
matrix brings its own ``legenda``; ``check`` names the file and line of every status the legend
does not have, and of a row with more or fewer cells than there are kolommen.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Annotated, Any

from pydantic import BeforeValidator, Field, WithJsonSchema

from generator.load.diagnostics import DocPath
from generator.load.fields import TEXT_OR_NUMBER, DataModel, EmptyList, Markdown, Text
from generator.model.legend import SCT, Legend, Status
from generator.quoting import did_you_mean

_HEX = re.compile(r"^#?[0-9A-Fa-f]{6}$")


class Cel(DataModel):
    """A cell with a note: its status, and a few words printed under the status's label."""

    status: Text = Field(description="A value of the matrix's legend.")
    notitie: Text | None = Field(None, description="Printed in the cell, under the label.")


def _cel(value: Any) -> Any:
    """A plain string is a cell without a note; nothing is an empty cell."""
    if value is None:
        return None
    if isinstance(value, dict | DataModel):
        return value
    return {"status": value}


CelField = Annotated[
    Cel | None,
    BeforeValidator(_cel),
    WithJsonSchema(
        {
            "anyOf": [
                # a status typed as a number is read as text, as everywhere
                {**TEXT_OR_NUMBER, "description": "A value of the matrix's legend."},
                {"type": "null", "description": "An empty cell."},
                {
                    "type": "object",
                    "properties": {
                        "status": TEXT_OR_NUMBER,
                        "notitie": {"type": [*TEXT_OR_NUMBER["type"], "null"]},
                    },
                    "required": ["status"],
                    "additionalProperties": False,
                },
            ]
        }
    ),
]


class MatrixRij(DataModel):
    """A row of a status matrix: its name and a cell per kolom."""

    naam: Text = Field(description="The row's name, in the first column.")
    cellen: Annotated[list[CelField], EmptyList] = Field(
        description="A status per kolom, in the kolommen's order; {status, notitie} for a note; "
        "empty (~) for a cell with nothing in it."
    )


def _kleur(value: Any) -> Any:
    if isinstance(value, str) and _HEX.match(value.strip()):
        return value.strip().lstrip("#").upper()
    raise ValueError(f'a kleur is a colour as six hex digits, such as "#39870C", not {value!r}')


class Legendastatus(DataModel):
    """A status of a matrix's own legend."""

    status: Text = Field(description="The value the cells use, e.g. klaar.")
    label: Text = Field(description="What the legend and the cells print, e.g. Klaar.")
    kleur: Annotated[
        str,
        BeforeValidator(_kleur),
        WithJsonSchema({"type": "string", "pattern": r"^#?[0-9A-Fa-f]{6}$"}),
    ] = Field(description='The fill colour, e.g. "#39870C".')


class StatusMatrix(DataModel):
    """A colour matrix: rows x kolommen of statuses, the deck's "Meer detail" slide."""

    titel: Text = Field(description='The slide says "Meer detail | titel".')
    toelichting: Markdown | None = Field(None, description="(md) above the matrix.")
    kolommen: Annotated[list[Text], EmptyList] = Field(description="The columns' headings.")
    rijen: Annotated[list[MatrixRij], EmptyList] = Field(description="The rows.")
    legenda: Annotated[list[Legendastatus], EmptyList] = Field(
        default_factory=list,
        description="The statuses the cells may use, best first; without it, the SCT legend's "
        "(afgerond, nog_niet_gestart, gestart, zorgen, escalatie).",
    )

    @property
    def legend(self) -> Legend:
        if not self.legenda:
            return SCT
        return Legend(
            "matrix",
            tuple(Status(s.status, s.label, s.kleur) for s in self.legenda),
        )


def matrix_errors(matrix: StatusMatrix, path: DocPath) -> Iterable[tuple[DocPath, str]]:
    """A status the legend does not have; a row whose cells do not match the kolommen."""
    legend = matrix.legend
    values = legend.values
    seen: set[str] = set()
    for index, status in enumerate(matrix.legenda):
        if status.status in seen:
            yield (
                (*path, "legenda", index, "status"),
                f"status '{status.status}' is in the legend twice",
            )
        seen.add(status.status)
    if not matrix.kolommen:
        yield (*path, "kolommen"), "a matrix needs at least one kolom"
    for r, rij in enumerate(matrix.rijen):
        at: DocPath = (*path, "rijen", r)
        if len(rij.cellen) != len(matrix.kolommen):
            yield (
                (*at, "cellen"),
                f"row '{rij.naam}' has {len(rij.cellen)} cell(s) for {len(matrix.kolommen)} "
                "kolommen: give one per kolom, ~ for an empty one",
            )
        for c, cel in enumerate(rij.cellen):
            if cel is not None and cel.status not in values:
                where: DocPath = (*at, "cellen", c)
                yield (
                    where,
                    f"unknown status '{cel.status}'{did_you_mean(cel.status, values)} in row "
                    f"'{rij.naam}'; the matrix's legend has: {', '.join(values)}",
                )


#: what ``statusgen new werkstroom`` writes
MATRIX_EXAMPLE: dict[str, Any] = {
    "titel": "Stand per onderdeel",
    "kolommen": ["Onderdeel A", "Onderdeel B"],
    "rijen": [{"naam": "Voorbereiding", "cellen": ["gestart", "nog_niet_gestart"]}],
}
