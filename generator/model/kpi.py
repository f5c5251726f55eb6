"""Is a KPI's norm met? Norms and realisations as the Kamer reports write them.

A norm is a number with an optional comparison: ``"99,9%"`` (a bare value means *at least*),
``"> 91%"``, ``">= 85%"``, ``"< 7"``, ``"<= 10%"``; ``"-"`` or nothing means there is no norm.
A realisation is a number (``"99,98%"``, ``136``) or a range (``"82,9% - 85,7%"``: every end
must satisfy the norm); anything else (``"Jaarindicator"``) is text and is not judged. Numbers are
Dutch: a decimal comma, dots between thousands. An explicit ``beoordeling`` overrules it all.
"""

from __future__ import annotations

import enum
import operator
import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation


class Oordeel(enum.StrEnum):
    VOLDAAN = "voldaan"
    NIET_VOLDAAN = "niet_voldaan"
    GEEN = "geen"  # no norm, or a realisation in words


LABELS = {Oordeel.VOLDAAN: "voldaan", Oordeel.NIET_VOLDAAN: "niet voldaan", Oordeel.GEEN: "–"}
SYMBOLS = {Oordeel.VOLDAAN: "✓", Oordeel.NIET_VOLDAAN: "✗", Oordeel.GEEN: ""}

_OPERATORS: dict[str, tuple[str, Callable[[Decimal, Decimal], bool]]] = {
    ">=": ("ten minste", operator.ge),
    "≥": ("ten minste", operator.ge),
    "<=": ("ten hoogste", operator.le),
    "≤": ("ten hoogste", operator.le),
    ">": ("meer dan", operator.gt),
    "<": ("minder dan", operator.lt),
    "": ("ten minste", operator.ge),
}
_NUMBER = r"[+\-−]?\d[\d.]*(?:,\d+)?"
_VALUE = re.compile(rf"^\s*({_NUMBER})\s*(%?)\s*$")
_NORM = re.compile(rf"^\s*(>=|<=|≥|≤|>|<)?\s*({_NUMBER})\s*(%?)\s*$")
_RANGE = re.compile(rf"^\s*({_NUMBER})\s*(%?)\s*[-–]\s*({_NUMBER})\s*(%?)\s*$")
_NO_NORM = {"", "-", "–", "—", "n.v.t.", "nvt"}


@dataclass(frozen=True)
class Norm:
    op: str
    value: Decimal
    percent: bool

    def met(self, value: Decimal) -> bool:
        return _OPERATORS[self.op][1](value, self.value)


def number(text: str) -> Decimal:
    """'99,98' -> 99.98, '1.234' -> 1234, '1.234,5' -> 1234.5 (Dutch)."""
    text = text.replace("−", "-")
    if "," in text:
        text = text.replace(".", "").replace(",", ".")
    elif re.fullmatch(r"[+-]?\d{1,3}(\.\d{3})+", text):
        text = text.replace(".", "")
    try:
        return Decimal(text)
    except InvalidOperation:
        raise ValueError(f"'{text}' is not a number") from None


#: how a KPI without a norm shows in the tables
NO_NORM = "–"


def shown_norm(text: str | None) -> str:
    """The norm as the tables show it: a norm left out or written as a dash alike ("–"); a
    norm in words ("n.v.t.") or a number as written."""
    if text is None or text.strip() in ("", "-", "–", "—"):
        return NO_NORM
    return text


def parse_norm(text: str | None) -> Norm | None:
    """The norm, None when there is none; ValueError for a norm that cannot be read."""
    if text is None or text.strip().lower() in _NO_NORM:
        return None
    match = _NORM.match(text)
    if not match:
        raise ValueError(
            f"norm '{text}' is not a number with an optional >, >=, < or <= "
            '(e.g. "99,9%", "> 91%", "< 7"), or "-" for no norm'
        )
    return Norm(match[1] or "", number(match[2]), bool(match[3]))


def parse_realisatie(text: str) -> tuple[list[Decimal], bool] | None:
    """The value(s) of a realisation and whether they are percentages; None for text."""
    if match := _VALUE.match(text):
        return [number(match[1])], bool(match[2])
    if match := _RANGE.match(text):
        percent = bool(match[2] or match[4])
        return [number(match[1]), number(match[3])], percent
    return None


def judge(norm_text: str | None, realisatie: str, beoordeling: str | None = None) -> Oordeel:
    if beoordeling:
        return Oordeel(beoordeling)
    norm = parse_norm(norm_text)
    values = parse_realisatie(realisatie)
    if norm is None or values is None:
        return Oordeel.GEEN
    numbers, percent = values
    if percent != norm.percent:
        return Oordeel.GEEN
    return Oordeel.VOLDAAN if all(norm.met(v) for v in numbers) else Oordeel.NIET_VOLDAAN


def unit_mismatch(norm_text: str | None, realisatie: str) -> bool:
    """A norm in percent and a realisation without (or the other way round): not judged."""
    norm = parse_norm(norm_text)
    values = parse_realisatie(realisatie)
    return norm is not None and values is not None and values[1] != norm.percent
