"""Deadlines as the editor typed them: printed as typed, read where statusgen can, said by check."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import ClassVar

import pytest

from generator.model.deadline import Vorm, parse_deadline, parse_optional, verlopen
from generator.text import dutch
from tests.conftest import Run
from tests.test_check_rejects import WS1, line_of
from tests.test_deck import build, slide_text
from tests.yamledit import edit

STAND = dt.date(2020, 8, 13)


class _Info:
    context: ClassVar[dict[str, dt.date]] = {"reference": STAND}


def read(text: str) -> tuple[Vorm, dt.date | None, dt.date | None, bool]:
    deadline = parse_deadline(text, _Info())  # type: ignore[arg-type]
    return deadline.vorm, deadline.start, deadline.due, deadline.vaag


D = dt.date


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("1 sept", (Vorm.DATE, None, D(2020, 9, 1), False)),
        ("19 augustus (afstemming)", (Vorm.DATE, None, D(2020, 8, 19), False)),
        ("Maart '21", (Vorm.MONTH, D(2021, 3, 1), D(2021, 3, 31), True)),
        ("2e week aug", (Vorm.PERIOD, D(2020, 8, 8), D(2020, 8, 14), True)),
        ("Begin aug", (Vorm.PERIOD, D(2020, 8, 1), D(2020, 8, 10), True)),
        ("Half sept", (Vorm.PERIOD, D(2020, 9, 11), D(2020, 9, 20), True)),
        ("Eind december", (Vorm.PERIOD, D(2020, 12, 21), D(2020, 12, 31), True)),
        ("2e helft juli", (Vorm.PERIOD, D(2020, 7, 16), D(2020, 7, 31), True)),
        ("Voorjaar 2021", (Vorm.PERIOD, D(2021, 3, 1), D(2021, 5, 31), True)),
        ("1 okt-15 nov", (Vorm.RANGE, D(2020, 10, 1), D(2020, 11, 15), False)),
        ("1 okt 2026 - 15 nov 2026", (Vorm.RANGE, D(2026, 10, 1), D(2026, 11, 15), False)),
        ("Eind aug/begin sept", (Vorm.RANGE, D(2020, 8, 21), D(2020, 9, 10), True)),
        ("1 dec - 15 jan 2021", (Vorm.RANGE, D(2020, 12, 1), D(2021, 1, 15), False)),
        ("1x/2mnd", (Vorm.RECURRING, None, None, True)),
        ("1x/mnd", (Vorm.RECURRING, None, None, True)),
        ("wekelijks", (Vorm.RECURRING, None, None, True)),
        ("Periodiek", (Vorm.RECURRING, None, None, True)),
        ("N.v.t.", (Vorm.NVT, None, None, True)),
        ("N.t.b.", (Vorm.NTB, None, None, True)),
        ("Afgerond", (Vorm.DONE, None, None, True)),
        ("Zie werkstroom 4", (Vorm.FREE, None, None, True)),
        # the forms of before keep their meaning
        ("2020-09-01", (Vorm.DATE, None, D(2020, 9, 1), False)),
        ("2020-09", (Vorm.MONTH, D(2020, 9, 1), D(2020, 9, 30), True)),
        ("2020-10-01/2020-11-15", (Vorm.RANGE, D(2020, 10, 1), D(2020, 11, 15), False)),
        ("doorlopend", (Vorm.DOORLOPEND, None, None, False)),
        ("ntb", (Vorm.NTB, None, None, False)),
    ],
)
def test_what_statusgen_reads(typed: str, expected: tuple[object, ...]) -> None:
    assert read(typed) == expected


def test_a_year_not_given_is_the_one_nearest_after_the_reference() -> None:
    """Written in August: last July is overdue, 'Maart' is next March, 'jan' next January."""
    assert read("Eind juli")[2] == D(2020, 7, 31)
    assert read("Maart")[2] == D(2021, 3, 31)
    assert read("15 jan")[2] == D(2021, 1, 15)


@pytest.mark.parametrize(
    ("typed", "printed"),
    [
        ("1x/2mnd", "1x/2mnd"),
        ("N.v.t.", "N.v.t."),
        ("Maart '21", "Maart '21"),
        ("2e week aug", "2e week aug"),
        ("19 augustus (afstemming)", "19 augustus (afstemming)"),
        ("Periodiek", "Periodiek"),
        ("2020-09-01", "1 sept"),
        ("2020-09", "sept 2020"),
        ("doorlopend", "Continu"),
        ("ntb", "n.t.b."),
        # "not yet known" however typed: one style in a column ("N.t.b." stood by "n.t.b.")
        ("N.t.b.", "n.t.b."),
        ("n.t.b.", "n.t.b."),
    ],
)
def test_printed_as_typed_and_the_old_forms_as_before(typed: str, printed: str) -> None:
    shown = dutch.deadline(parse_deadline(typed), year=2020)
    assert shown.replace(dutch.NBSP, " ") == printed


def test_empty_stays_empty() -> None:
    assert parse_optional("") is None
    assert parse_optional(None) is None


def test_vague_and_recurring_deadlines_count_as_they_should() -> None:
    peildatum = D(2020, 8, 17)
    begin_aug = parse_deadline("Begin aug", _Info())  # type: ignore[arg-type]
    assert verlopen(begin_aug, "gestart", peildatum) and not begin_aug.exact
    week = parse_deadline("2e week aug", _Info())  # type: ignore[arg-type]
    assert not verlopen(week, "gestart", D(2020, 8, 14)) and verlopen(week, "gestart", peildatum)
    for never in ("1x/2mnd", "N.v.t.", "Periodiek", "Zie werkstroom 4"):
        assert not verlopen(parse_deadline(never), "gestart", D(2100, 1, 1))


def test_check_says_what_it_read_as_info(run: Run, data: Path) -> None:
    edit(data / WS1, "deadline: 2030-09-01", 'deadline: "2e week aug"')
    edit(data / WS1, "trekker: p-abma", "trekker: p-abma\nstand: 2030-08-13")
    result = run(
        "check", "--data", data, "--strict", "--format", "json", "--peildatum", "2030-08-13"
    )
    assert result.exit_code == 0, result.output
    document = json.loads(result.output)
    infos = [d for d in document["diagnostics"] if d["severity"] == "info"]
    assert len(infos) == 1
    assert infos[0]["line"] == line_of(data, WS1, "2e week aug")
    assert "2030-08-08/2030-08-14" in infos[0]["message"]
    github = run("check", "--data", data, "--format", "github").output
    assert "::notice file=" in github


def test_the_deck_prints_deadlines_as_typed(run: Run, data: Path, tmp_path: Path) -> None:
    edit(data / WS1, "deadline: 2030-09-01", 'deadline: "1x/2mnd"')
    edit(data / WS1, "deadline: 2030-10\n", "deadline: N.v.t.\n")
    edit(data / WS1, "deadline: doorlopend", 'deadline: ""')
    deck = build(run, data, tmp_path / "out")
    from pptx import Presentation

    text = "\n".join(slide_text(s) for s in Presentation(str(deck)).slides)
    assert "1x/2mnd" in text and "N.v.t." in text
    assert "n.t.b." not in text and "Continu" not in text
