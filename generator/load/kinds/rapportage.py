"""``rapportages/<id>.yaml``: a progress report to the Tweede Kamer (voortgangsrapportage)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, StrictBool, model_validator

from generator.load.diagnostics import DocPath
from generator.load.fields import TEXT_OR_NUMBER, DataModel, Date, EmptyList, Markdown, Text, _text
from generator.load.kinds import CheckContext, Kind
from generator.model import kpi
from generator.model.legend import VgrStatus


def _as_text(value: Any) -> Any:
    """A norm or realisation typed as a bare number (85, 99.9) is kept as typed."""
    value = _text(value)
    if isinstance(value, int | float) and not isinstance(value, bool):
        return getattr(value, "raw", str(value))
    return value


KpiText = Annotated[str, Field(json_schema_extra=TEXT_OR_NUMBER), BeforeValidator(_as_text)]


class Periode(DataModel):
    """The period the report covers."""

    van: Date
    tot: Date

    @model_validator(mode="after")
    def _ordered(self) -> Periode:
        if self.tot < self.van:
            raise ValueError(f"the period ends ({self.tot}) before it starts ({self.van})")
        return self


class Activiteit(DataModel):
    """A row of a chapter's activity table; uitgelicht or aandacht stars it."""

    groep: Text = Field(description="Rows are grouped under this heading.")
    naam: Text
    status: VgrStatus
    uitgelicht: Markdown | None = Field(None, description='(md) collected under "Uitgelicht".')
    aandacht: Markdown | None = Field(None, description='(md) collected under "Aandacht".')


class Paragraaf(DataModel):
    """A numbered section of a chapter."""

    titel: Text
    resultaten: Annotated[list[Markdown], EmptyList] = Field(
        default_factory=list, description='(md inline) the "Belangrijkste resultaten" box.'
    )
    tekst: Markdown | None = None
    risicoparagraaf: StrictBool = Field(
        False,
        description="true: this paragraph is the risk paragraph; the top risks of risicos.yaml "
        "follow its tekst, numbered where it stands (3.6).",
    )


class Hoofdstuk(DataModel):
    """A chapter: text, numbered paragrafen, and a status table of activities."""

    titel: Text
    tekst: Markdown | None = None
    paragrafen: Annotated[list[Paragraaf], EmptyList] = Field(default_factory=list)
    activiteiten: Annotated[list[Activiteit], EmptyList] = Field(default_factory=list)


class KpiRij(DataModel):
    """A KPI with its norm and realisation; judged from them unless beoordeling says."""

    naam: Text
    norm: KpiText | None = Field(
        None, description='"99,9%" (at least), "> 91%", "< 7", ">= 85%", "<= 10%"; "-": none.'
    )
    realisatie: KpiText = Field(
        description='A number, a percentage, a range "82,9% - 85,7%", or text (not judged).'
    )
    toelichting: Markdown | None = Field(None, description="(md) shown when the norm is missed.")
    beoordeling: Literal["voldaan", "niet_voldaan"] | None = Field(
        None, description="Overrides the judgement from norm and realisatie."
    )
    beoordeling_reden: Markdown | None = Field(
        None,
        description="(md inline) why beoordeling overrules the judgement from norm and "
        "realisatie; printed with the verdict, and required when it does.",
    )


class KpiGroep(DataModel):
    """A table of the KPI annex."""

    groep: Text
    rijen: Annotated[list[KpiRij], EmptyList]


class Afzender(DataModel):
    """Who issues the report: the name block on the cover and the colofon."""

    ministerie: Text = Field(description='The ministry, e.g. "Ministerie van Financiën".')
    onderdeel: Text | None = Field(
        None, description='The directorate, e.g. "Directoraat-generaal Toeslagen".'
    )


class Rapportage(DataModel):
    """A progress report to the Tweede Kamer."""

    titel: Text
    periode: Periode
    afzender: Afzender | None = Field(
        None,
        description="Without it, organisatie.yaml's naam and onderdeel issue the report, and "
        "check warns.",
    )
    plaats: Text | None = Field(None, description='Where it is issued, e.g. "Den Haag".')
    datum: Date | None = Field(None, description="The date of issue: on the cover and colofon.")
    colofon: Markdown | None = Field(
        None, description="(md) more for the colofon: contact, Kamerstuk number, credits."
    )
    inleiding: Markdown | None = None
    hoofdstukken: Annotated[list[Hoofdstuk], EmptyList] = Field(default_factory=list)
    kpis: Annotated[list[KpiGroep], EmptyList] = Field(default_factory=list)
    risicoparagraaf: StrictBool = Field(
        False,
        description="true: the top risks of risicos.yaml as a section of their own after the "
        "chapters; to number them inside a chapter, set risicoparagraaf on a paragraaf there.",
    )

    def risicoparagrafen(self) -> list[tuple[int, int]]:
        """(chapter, paragraph) index of every paragraaf that is the risk paragraph."""
        return [
            (h, p)
            for h, hoofdstuk in enumerate(self.hoofdstukken)
            for p, paragraaf in enumerate(hoofdstuk.paragrafen)
            if paragraaf.risicoparagraaf
        ]


class RapportageKind(Kind[Rapportage]):
    name = "rapportage"
    pattern = "rapportages/*.yaml"
    model = Rapportage
    description = "A progress report to the Tweede Kamer; the file name is its id."
    order = 50

    new_name = "rapportages/{slug}.yaml"

    def example(self, *, number: int, titel: str, datum: dt.date) -> dict[str, Any]:
        return {
            "titel": titel,
            "periode": {"van": datum.replace(month=1, day=1), "tot": datum},
            # who sends it; without it check warns (the organisation's name would be printed)
            "afzender": {"ministerie": "Ministerie van ...", "onderdeel": "..."},
            "inleiding": "Deze rapportage beschrijft ...\n",
            "hoofdstukken": [{"titel": "Eerste hoofdstuk", "tekst": "...\n"}],
        }

    def errors(self, item: Rapportage, context: CheckContext) -> Iterable[tuple[DocPath, str]]:
        places: list[DocPath] = [
            ("hoofdstukken", h, "paragrafen", p, "risicoparagraaf")
            for h, p in item.risicoparagrafen()
        ]
        if item.risicoparagraaf:
            places.insert(0, ("risicoparagraaf",))
        if places and "risico" not in context.present:
            yield places[0], "risicoparagraaf: true needs risicos.yaml in the data folder"
        for place in places[1:]:
            yield (
                place,
                "the report has one risk paragraph; risicoparagraaf is already true at "
                + _where(places[0]),
            )
        for g, groep in enumerate(item.kpis):
            for r, rij in enumerate(groep.rijen):
                path: DocPath = ("kpis", g, "rijen", r)
                try:
                    kpi.parse_norm(rij.norm)
                except ValueError as exc:
                    yield (*path, "norm"), str(exc)
                    continue
                berekend = kpi.judge(rij.norm, rij.realisatie)
                if rij.beoordeling and rij.beoordeling != berekend and not rij.beoordeling_reden:
                    yield (
                        (*path, "beoordeling"),
                        f"KPI '{rij.naam}': beoordeling {rij.beoordeling} overrules what norm "
                        f"and realisatie say ({kpi.LABELS[berekend]}); give the reason in "
                        "beoordeling_reden, the report prints it with the verdict",
                    )

    def warnings(self, item: Rapportage, context: CheckContext) -> Iterable[tuple[DocPath, str]]:
        for g, groep in enumerate(item.kpis):
            for r, rij in enumerate(groep.rijen):
                path: DocPath = ("kpis", g, "rijen", r)
                try:
                    if kpi.unit_mismatch(rij.norm, rij.realisatie):
                        yield (
                            (*path, "realisatie"),
                            f"KPI '{rij.naam}': the norm and the realisatie differ in '%', so "
                            "it is not judged; write both as percentages or neither",
                        )
                    oordeel = kpi.judge(rij.norm, rij.realisatie, rij.beoordeling)
                except ValueError:
                    continue  # reported as an error
                if oordeel is kpi.Oordeel.NIET_VOLDAAN and not rij.toelichting:
                    yield (
                        path,
                        f"KPI '{rij.naam}' misses its norm but has no toelichting for the annex",
                    )
                if oordeel is kpi.Oordeel.VOLDAAN and rij.toelichting:
                    # a toelichting explains a missed norm: with the verdict voldaan the data
                    # says two things, and the report prints only one (the verdict)
                    yield (
                        (*path, "toelichting"),
                        f"KPI '{rij.naam}' is judged voldaan, but has a toelichting, which "
                        "explains a missed norm and is not printed; drop it, or put what it says "
                        "in beoordeling_reden",
                    )
                overruled = rij.beoordeling and oordeel != kpi.judge(rij.norm, rij.realisatie)
                if rij.beoordeling_reden and not overruled:
                    yield (
                        (*path, "beoordeling_reden"),
                        f"KPI '{rij.naam}': beoordeling_reden is only printed when beoordeling "
                        "overrules norm and realisatie, which it does not here",
                    )
        for h, hoofdstuk in enumerate(item.hoofdstukken):
            for a, activiteit in enumerate(hoofdstuk.activiteiten):
                if activiteit.status == "continu_minder_goed" and not activiteit.aandacht:
                    yield (
                        ("hoofdstukken", h, "activiteiten", a, "status"),
                        f"activiteit '{activiteit.naam}' verloopt minder goed; explain it under "
                        "aandacht",
                    )


def _where(path: DocPath) -> str:
    if path == ("risicoparagraaf",):
        return "the top of the file"
    return f"hoofdstukken[{path[1]}].paragrafen[{path[3]}]"


KIND = RapportageKind()
