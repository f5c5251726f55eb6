"""``dashboard.yaml``: the progress and quality dashboard (KPI tables with weekly measurements).

A table is either a list of indicators with one value each (``metingen: {date: number}``) or a
matrix: the indicators as rows and the ``populaties`` as columns, each measurement a mapping
from population id to number. Notes can cover a rectangle of rows and populations (a process
that has no figures yet), and footnotes are referred to by name from the table, a population,
a row or a single value, and numbered in the order the table shows them.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Iterator
from typing import Annotated, Any

from pydantic import BeforeValidator, Field, StrictBool, StrictFloat, StrictInt, WithJsonSchema

from generator.load.diagnostics import DocPath
from generator.load.fields import TEXT_OR_NUMBER, DataModel, Date, EmptyList, Markdown, Text
from generator.load.kinds import CheckContext, Kind
from generator.model.legend import DashboardStatus
from generator.quoting import did_you_mean
from generator.text.shorten import shorten

#: a measurement: a number as typed, never a quoted one or true (which pydantic would take)
Value = StrictInt | StrictFloat
#: the largest measurement a slide shows: digits past 15 are beyond a float's precision, and
#: from 10^28 on Babel cannot format a number at all
MAX_VALUE = 10**15


def _unshowable(value: Value) -> str | None:
    """Why a measurement cannot be shown (NaN, infinity, too large), or None."""
    if not math.isfinite(value):
        return f"'{value}' is not a number a slide can show: write a finite number"
    if abs(value) >= MAX_VALUE:
        return (
            f"{value:g} is too large to show: a measurement is less than 10^15 (a million "
            "billion) in size"
        )
    return None


def _refs(value: Any) -> Any:
    """One footnote name or a list of them."""
    if value is None:
        return []
    return [value] if isinstance(value, str) else value


_NAME = {**TEXT_OR_NUMBER, "minLength": 1}
Refs = Annotated[
    list[Text],
    BeforeValidator(_refs),
    WithJsonSchema({"anyOf": [_NAME, {"type": "array", "items": _NAME}, {"type": "null"}]}),
]
"""Footnote names: one, or a list."""


class Populatie(DataModel):
    """A column of a matrix table: a group of people the figures count."""

    id: Text = Field(description="Short name used in metingen and notities, e.g. caf11.")
    naam: Text = Field(description="The column header, e.g. CAF-11.")
    voetnoot: Refs = Field(
        default_factory=list, description="Footnote name (or a list) on the column header."
    )


class Notitie(DataModel):
    """A text in one merged cell over a rectangle of rows and populations that have no figures."""

    tekst: Text
    van_rij: Text = Field(description="The name of the first row the note covers.")
    tot_en_met_rij: Text | None = Field(None, description="The last row; default: van_rij.")
    populaties: Annotated[list[Text], Field(min_length=1)] = Field(
        description="The ids of the populations it covers, neighbours in the table's order."
    )


class DashboardRij(DataModel):
    """One KPI: shown with its latest value and the change since the previous measurement."""

    naam: Text
    metingen: dict[Date, Value | dict[str, Value]] = Field(
        default_factory=dict,
        description="Measurements by date, e.g. {2020-08-06: 731, 2020-08-13: 746}; in a "
        "table with populaties by population: {2020-08-13: {caf11: 309, ogs: 8514}}.",
    )
    status: DashboardStatus
    risico: StrictBool = Field(False, description='true: marked "Risico in risico-log".')
    vet: StrictBool = Field(False, description="true: the row is set in bold (a total).")
    voetnoot: Refs = Field(
        default_factory=list, description="Footnote name (or a list) on the row's name."
    )
    voetnoot_waarde: Refs | dict[str, Refs] = Field(
        default_factory=list,
        description="Footnote name (or a list) on the value; in a matrix by population id: "
        "{caf11: adres}.",
    )

    def value_notes(self, population: str | None) -> list[str]:
        """The footnotes on the value in ``population`` (None: the single value)."""
        if isinstance(self.voetnoot_waarde, dict):
            return list(self.voetnoot_waarde.get(population or "", []))
        return list(self.voetnoot_waarde) if population is None else []

    def series(self, population: str | None) -> dict[dt.date, Value]:
        """The measurements of one cell, by date (None: the single value)."""
        result: dict[dt.date, Value] = {}
        for day, value in self.metingen.items():
            if isinstance(value, dict):
                if population is not None and population in value:
                    result[day] = value[population]
            elif population is None:
                result[day] = value
        return result


class DashboardTabel(DataModel):
    """A KPI table of the dashboard."""

    titel: Text
    kop: Text = Field("Indicator", description="Header of the first column, e.g. Populaties.")
    voetnoot: Refs = Field(
        default_factory=list, description="Footnote name (or a list) on that header."
    )
    populaties: Annotated[list[Populatie], EmptyList] = Field(
        default_factory=list, description="The columns of a matrix table."
    )
    rijen: Annotated[list[DashboardRij], EmptyList]
    notities: Annotated[list[Notitie], EmptyList] = Field(default_factory=list)
    voetnoten: Annotated[list[Text], EmptyList] | dict[str, Text] = Field(
        default_factory=list,
        description="Named footnotes {naam: tekst}, numbered where first referred to; a list "
        "holds notes nothing can refer to (shown unnumbered; check warns).",
    )
    toelichting: Markdown | None = Field(None, description="A remark under the footnotes.")

    @property
    def dates(self) -> list[dt.date]:
        """Every measurement date of the table, oldest first."""
        return sorted({day for rij in self.rijen for day in rij.metingen})

    def references(self) -> Iterator[tuple[str, DocPath]]:
        """Every footnote reference, in the order the table shows them: the first header,
        the population headers, then row by row its name and its values left to right."""
        for index, name in enumerate(self.voetnoot):
            yield name, ("voetnoot", index)
        for p, populatie in enumerate(self.populaties):
            for index, name in enumerate(populatie.voetnoot):
                yield name, ("populaties", p, "voetnoot", index)
        for r, rij in enumerate(self.rijen):
            for index, name in enumerate(rij.voetnoot):
                yield name, ("rijen", r, "voetnoot", index)
            if isinstance(rij.voetnoot_waarde, dict):
                order = [p.id for p in self.populaties]
                for key in sorted(rij.voetnoot_waarde, key=lambda k: _index(order, k)):
                    for index, name in enumerate(rij.voetnoot_waarde[key]):
                        yield name, ("rijen", r, "voetnoot_waarde", key, index)
            else:
                for index, name in enumerate(rij.voetnoot_waarde):
                    yield name, ("rijen", r, "voetnoot_waarde", index)

    def footnote_numbers(self) -> dict[str, int]:
        """Named footnotes by number, in order of first reference (unknown names left out)."""
        numbers: dict[str, int] = {}
        if isinstance(self.voetnoten, dict):
            for name, _ in self.references():
                if name in self.voetnoten and name not in numbers:
                    numbers[name] = len(numbers) + 1
        return numbers

    def note_cells(self) -> list[tuple[int, int, int, int, int]]:
        """Per note that names rows and populations the table has: (note index, first row,
        last row, first population, last population), as indexes."""
        rows = [rij.naam for rij in self.rijen]
        ids = [p.id for p in self.populaties]
        result = []
        for n, note in enumerate(self.notities):
            last = note.tot_en_met_rij or note.van_rij
            if note.van_rij not in rows or last not in rows:
                continue
            if any(p not in ids for p in note.populaties):
                continue
            columns = sorted(ids.index(p) for p in note.populaties)
            result.append((n, rows.index(note.van_rij), rows.index(last), columns[0], columns[-1]))
        return result


def _index(order: list[str], key: str) -> int:
    return order.index(key) if key in order else len(order)


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

    def errors(self, item: Dashboard, context: CheckContext) -> Iterable[tuple[DocPath, str]]:
        for t, tabel in enumerate(item.tabellen):
            for path, message in _table_errors(tabel):
                yield ("tabellen", t, *path), message

    def warnings(self, item: Dashboard, context: CheckContext) -> Iterable[tuple[DocPath, str]]:
        for t, tabel in enumerate(item.tabellen):
            if not isinstance(tabel.voetnoten, dict):
                # a footnote in a list has no name, so no row can refer to it: a reader sees a
                # note under the table that nothing in it points to
                for index, _ in enumerate(tabel.voetnoten):
                    yield (
                        ("tabellen", t, "voetnoten", index),
                        f"nothing in table '{tabel.titel}' can refer to footnote {index + 1}: "
                        "a footnote in a list has no name; write voetnoten as {naam: tekst} "
                        "and refer with voetnoot: naam on the row, or make it the toelichting",
                    )
                continue
            used = {name for name, _ in tabel.references()}
            for name in tabel.voetnoten:
                if name not in used:
                    yield (
                        ("tabellen", t, "voetnoten", name),
                        f"nothing in the table refers to footnote '{name}': it is shown "
                        f"without a number; refer to it with voetnoot: {name}",
                    )


def _table_errors(tabel: DashboardTabel) -> Iterator[tuple[DocPath, str]]:
    ids = [p.id for p in tabel.populaties]
    seen: set[str] = set()
    for p, populatie in enumerate(tabel.populaties):
        if populatie.id in seen:
            yield ("populaties", p, "id"), f"population '{populatie.id}' is declared twice"
        seen.add(populatie.id)
    yield from _value_errors(tabel, ids)
    yield from _note_errors(tabel, ids)
    yield from _footnote_errors(tabel)


def _unknown_population(name: str, ids: list[str]) -> str:
    return (
        f"unknown population '{name}'{did_you_mean(name, ids)}; "
        f"this table's populaties are: {', '.join(ids)}"
    )


def _value_errors(tabel: DashboardTabel, ids: list[str]) -> Iterator[tuple[DocPath, str]]:
    for r, rij in enumerate(tabel.rijen):
        if not rij.metingen and not tabel.populaties:
            yield ("rijen", r, "naam"), "a row needs metingen: {date: number}"
        for day, value in rij.metingen.items():
            path: DocPath = ("rijen", r, "metingen", day.isoformat())
            if isinstance(value, dict):
                if not ids:
                    yield (
                        path,
                        (
                            "values by population need the table's populaties; declare them "
                            "(populaties: [{id: ..., naam: ...}]) or give one number"
                        ),
                    )
                    continue
                for key, number in value.items():
                    if key not in ids:
                        yield (*path, key), _unknown_population(key, ids)
                    elif problem := _unshowable(number):
                        yield (*path, key), problem
            elif ids:
                yield (
                    path,
                    (
                        "this table has populaties: give the values by population id, "
                        f"e.g. {{{ids[0]}: {value}}}"
                    ),
                )
            elif problem := _unshowable(value):
                yield path, problem
        if isinstance(rij.voetnoot_waarde, dict):
            for key in rij.voetnoot_waarde:
                if key not in ids:
                    yield ("rijen", r, "voetnoot_waarde", key), _unknown_population(key, ids)
        elif rij.voetnoot_waarde and ids:
            yield (
                ("rijen", r, "voetnoot_waarde"),
                (
                    "this table has populaties: name the value's population, "
                    f"e.g. voetnoot_waarde: {{{ids[0]}: {rij.voetnoot_waarde[0]}}}"
                ),
            )


def _note_errors(tabel: DashboardTabel, ids: list[str]) -> Iterator[tuple[DocPath, str]]:
    rows = [rij.naam for rij in tabel.rijen]
    for n, note in enumerate(tabel.notities):
        path: DocPath = ("notities", n)
        if not ids:
            yield (*path, "tekst"), "a note covers populations: declare the table's populaties"
            continue
        for key in ("van_rij", "tot_en_met_rij"):
            name = getattr(note, key)
            if name is None:
                continue
            if name not in rows:
                yield (
                    (*path, key),
                    (f"no row named '{name}' in this table{did_you_mean(name, rows)}"),
                )
            elif rows.count(name) > 1:
                yield (*path, key), f"two rows are named '{name}': rename one"
        for p, key in enumerate(note.populaties):
            if key not in ids:
                yield (*path, "populaties", p), _unknown_population(key, ids)
    valid = []
    for n, first, last, left, right in tabel.note_cells():
        note = tabel.notities[n]
        if first > last:
            yield (
                ("notities", n, "tot_en_met_rij"),
                (f"row '{note.tot_en_met_rij}' comes before row '{note.van_rij}'"),
            )
            continue
        if right - left + 1 != len(set(note.populaties)):
            yield (
                ("notities", n, "populaties"),
                (
                    "a note covers neighbouring populations: "
                    f"{', '.join(ids[left : right + 1])} (or split it into two notes)"
                ),
            )
        valid.append((n, first, last, left, right))
    for i, (n, first, last, left, right) in enumerate(valid):
        for m, top, bottom, start, end in valid[:i]:
            if first <= bottom and top <= last and left <= end and start <= right:
                yield (
                    ("notities", n, "van_rij"),
                    (f"this note overlaps note {m + 1} ('{shorten(tabel.notities[m].tekst, 40)}')"),
                )
        for r in range(first, last + 1):
            rij = tabel.rijen[r]
            for key in ids[left : right + 1]:
                for day in sorted(rij.series(key)):
                    yield (
                        ("rijen", r, "metingen", day.isoformat(), key),
                        (
                            f"row '{rij.naam}' has a value for '{key}' where note {n + 1} "
                            f"('{shorten(tabel.notities[n].tekst, 40)}') stands; remove one of them"
                        ),
                    )


def _footnote_errors(tabel: DashboardTabel) -> Iterator[tuple[DocPath, str]]:
    names = list(tabel.voetnoten) if isinstance(tabel.voetnoten, dict) else []
    for name, path in tabel.references():
        if name in names:
            continue
        if isinstance(tabel.voetnoten, dict):
            message = (
                f"no footnote named '{name}' in this table's voetnoten{did_you_mean(name, names)}"
            )
        else:
            message = (
                f"no footnote named '{name}': give the table's footnotes names to refer to "
                f"them (voetnoten: {{{name}: ...}})"
            )
        yield path, message


KIND = DashboardKind()
