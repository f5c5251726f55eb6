"""``dashboard.yaml``: the progress and quality dashboard (KPI tables with weekly measurements)."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from generator.load.fields import DataModel, Date, EmptyList, Text
from generator.load.kinds import Kind
from generator.model.legend import DashboardStatus


class DashboardRij(DataModel):
    """One KPI: shown with its latest value and the change since the previous measurement."""

    naam: Text
    metingen: dict[Date, int | float] = Field(
        min_length=1, description="Measurements by date, e.g. {2020-08-06: 731, 2020-08-13: 746}."
    )
    status: DashboardStatus
    risico: bool = Field(False, description='true: marked "Risico in risico-log".')


class DashboardTabel(DataModel):
    """A KPI table of the dashboard."""

    titel: Text
    rijen: Annotated[list[DashboardRij], EmptyList]
    voetnoten: Annotated[list[Text], EmptyList] = Field(default_factory=list)


class Dashboard(DataModel):
    """The progress and quality dashboard."""

    tabellen: Annotated[list[DashboardTabel], EmptyList]


class DashboardKind(Kind[Dashboard]):
    name = "dashboard"
    pattern = "dashboard.yaml"
    model = Dashboard
    description = "The progress and quality dashboard: KPI tables with measurements."
    order = 40
    singleton = True


KIND = DashboardKind()
