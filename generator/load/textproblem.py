"""A problem found inside one text of the data, at its own line and column: what the text
checks (textlimits.py, footnotes.py) return, before the loader places it in the file."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class TextProblem:
    """A problem in a text; ``line`` and ``column`` are 0-based, within the text."""

    line: int
    column: int
    message: str
