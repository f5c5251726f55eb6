"""KPI norms as the Kamer reports write them."""

from __future__ import annotations

from decimal import Decimal

import pytest

from generator.model.kpi import Oordeel, judge, number, parse_norm


@pytest.mark.parametrize(
    ("norm", "realisatie", "beoordeling", "expected"),
    [
        ("99,9%", "99,98%", None, Oordeel.VOLDAAN),  # a bare value is "at least"
        ("99,9%", "99,89%", None, Oordeel.NIET_VOLDAAN),
        ("> 91%", "95%", None, Oordeel.VOLDAAN),
        ("> 91%", "91%", None, Oordeel.NIET_VOLDAAN),
        (">= 91%", "91%", None, Oordeel.VOLDAAN),
        ("< 7", "7", None, Oordeel.NIET_VOLDAAN),
        ("<= 7", "7", None, Oordeel.VOLDAAN),
        ("≤ 7", "6", None, Oordeel.VOLDAAN),
        ("> 70%", "82,9% - 85,7 %", None, Oordeel.VOLDAAN),  # every end of a range
        ("> 83%", "82,9% - 85,7%", None, Oordeel.NIET_VOLDAAN),
        ("< 10%", "2,6% – 7,8%", None, Oordeel.VOLDAAN),
        ("< 197", "136", None, Oordeel.VOLDAAN),
        (">= 1.000", "1.250", None, Oordeel.VOLDAAN),  # dots between thousands
        ("-", "Jaarindicator", None, Oordeel.GEEN),
        (None, "42", None, Oordeel.GEEN),
        ("90%", "Jaarindicator", None, Oordeel.GEEN),  # text is not judged
        ("90%", "95", None, Oordeel.GEEN),  # percent against a plain number: not judged
        ("85%", "64%", "voldaan", Oordeel.VOLDAAN),  # the explicit beoordeling wins
        ("85%", "90%", "niet_voldaan", Oordeel.NIET_VOLDAAN),
    ],
)
def test_judge(
    norm: str | None, realisatie: str, beoordeling: str | None, expected: Oordeel
) -> None:
    assert judge(norm, realisatie, beoordeling) is expected


def test_dutch_numbers() -> None:
    assert number("99,98") == Decimal("99.98")
    assert number("1.234") == Decimal("1234")
    assert number("1.234,5") == Decimal("1234.5")
    assert number("−3") == Decimal("-3")


@pytest.mark.parametrize("norm", ["ongeveer 90%", "90 procent", ">> 4", "=5"])
def test_unreadable_norms_are_refused(norm: str) -> None:
    with pytest.raises(ValueError, match="is not a number with an optional"):
        parse_norm(norm)
