from __future__ import annotations

import datetime as dt

import pytest

from generator.model.deadline import parse_deadline
from generator.text import dutch


@pytest.mark.parametrize(
    ("raw", "short", "long"),
    [
        (dt.date(2020, 9, 1), "1 sept", "1 september 2020"),
        (dt.date(2020, 3, 15), "15 mrt", "15 maart 2020"),
        (dt.date(2021, 5, 4), "4 mei 2021", "4 mei 2021"),
        ("2020-09", "sept 2020", "sept 2020"),
        ("2020-10-01/2020-11-15", "1 okt – 15 nov", "1 oktober 2020 – 15 november 2020"),
        ("doorlopend", "Continu", "Continu"),
        ("ntb", "n.t.b.", "n.t.b."),
        ({"datum": dt.date(2020, 7, 31), "tekst": "Eind juli"}, "Eind juli", "Eind juli"),
    ],
)
def test_deadlines_in_dutch(raw: object, short: str, long: str) -> None:
    value = parse_deadline(raw)
    assert _spaced(dutch.deadline(value, year=2020)) == short
    assert _spaced(dutch.deadline(value, year=2020, long=True)) == long


def _spaced(text: str) -> str:
    return text.replace("\u00a0", " ")


def test_long_date() -> None:
    assert dutch.long_date(dt.date(2020, 8, 17)) == "17 augustus 2020"
    assert dutch.long_date(dt.date(2020, 8, 17), unbroken=True) == "17\u00a0augustus\u00a02020"


@pytest.mark.parametrize(
    ("raw", "short", "long"),
    [
        ("2020-09-01", "1_sept", "1_september_2020"),
        ("2021-05-04", "4_mei_2021", "4_mei_2021"),
        ("2020-09", "sept_2020", "sept_2020"),
        ("2020-10-01/2020-11-15", "1_okt_– 15_nov", "1_oktober_2020_– 15_november_2020"),
        ("2020-09-01/2020-09-15", "1_– 15_sept", "1_– 15_september_2020"),
        ("2020-12-28/2021-01-03", "28_dec_2020_– 3_jan_2021", "28_december_2020_– 3_januari_2021"),
        # without the first year this would read as two weeks in 2021
        ("2020-12-01/2021-12-15", "1_dec_2020_– 15_dec_2021", "1_december_2020_– 15_december_2021"),
    ],
)
def test_a_date_breaks_only_after_a_range_dash(raw: str, short: str, long: str) -> None:
    """Day, month and year are joined by no-break spaces (here "_"); a range may break after
    its dash, and names a month once when it lies within one."""
    value = parse_deadline(raw)
    assert dutch.deadline(value, year=2020).replace("\u00a0", "_") == short
    assert dutch.deadline(value, year=2020, long=True).replace("\u00a0", "_") == long


def test_numbers() -> None:
    assert dutch.number(1234) == "1.234"
    assert dutch.number(81.5) == "81,5"
    assert dutch.change(12) == "+12"
    assert dutch.change(-3) == "\u22123"
    assert dutch.change(0) == "0"


@pytest.mark.parametrize(
    ("numbers", "text"),
    [
        ([1, 2, 3, 4, 7], "1 t/m 4, 7"),
        ([1, 3], "1, 3"),
        ([1, 2], "1, 2"),  # a pair is no range
        ([4, 3, 2, 1, 1], "1 t/m 4"),  # sorted, doubles dropped
        ([1, 2, 3, 5, 6, 7, 9], "1 t/m 3, 5 t/m 7, 9"),
        ([12], "12"),
        ([], ""),
    ],
)
def test_number_lists_compress(numbers: list[int], text: str) -> None:
    assert dutch.number_list(numbers) == text


@pytest.mark.parametrize(
    ("ids", "text"),
    [
        (["R1", "R2", "R3"], "R1 t/m R3"),
        (["R1", "R3"], "R1, R3"),
        (["R3", "R1", "R2", "R7"], "R1 t/m R3, R7"),
        (["R1", "Reputatie", "K2"], "R1, Reputatie, K2"),  # ids without a number stay as they are
    ],
)
def test_id_lists_compress(ids: list[str], text: str) -> None:
    assert dutch.id_list(ids) == text


def test_workstream_lists_name_units_after_the_numbers() -> None:
    assert dutch.workstream_list([1, 2, 3, 4]) == "WS 1 t/m 4"
    assert dutch.workstream_list(["IV", 3, 1, 2]) == "WS 1 t/m 3, IV"
    assert dutch.workstream_list(["SCT", "SSO O&P"]) == "SCT, SSO O&P"
    assert dutch.workstream_list(list(range(1, 13))) == "WS 1 t/m 12"


def test_one_month_style_for_every_month() -> None:
    """The abbreviated months of tables, set in one place: no full stop; juni and juli whole,
    as editors type them; sept, not CLDR's sep."""
    shown = [dutch.short_date(dt.date(2020, month, 1), year=2020) for month in range(1, 13)]
    assert [s.split(dutch.NBSP)[1] for s in shown] == [
        "jan", "feb", "mrt", "apr", "mei", "juni", "juli", "aug", "sept", "okt", "nov", "dec",
    ]  # fmt: skip
