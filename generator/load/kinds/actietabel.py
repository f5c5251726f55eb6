"""``actietabel.yaml``: the title and introduction of the POK action table (optional)."""

from __future__ import annotations

from pydantic import Field

from generator.load.fields import DataModel, Date, Markdown, Text
from generator.load.kinds import Kind
from generator.load.kinds.rapportage import Afzender

TITEL = "Stand van zaken vervolgacties Parlementaire Onderzoekscommissie Kinderopvangtoeslag"


class Actietabel(DataModel):
    """The text around the POK action table."""

    titel: Text = Field(TITEL, description="The table's title.")
    inleiding: Markdown | None = Field(None, description="(md) the paragraph above the table.")
    stand_per: Date | None = Field(
        None, description='The date the table describes ("Stand per 15 juni 2021").'
    )
    afzender: Afzender | None = Field(
        None,
        description="Who issues the table (cover, author). Without it, organisatie.yaml's naam "
        "and onderdeel do, and check warns.",
    )


class ActietabelKind(Kind[Actietabel]):
    name = "actietabel"
    pattern = "actietabel.yaml"
    model = Actietabel
    description = "Title and introduction of the POK action table."
    order = 21
    singleton = True


KIND = ActietabelKind()
