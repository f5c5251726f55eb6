"""What the spreadsheet writers (action table, planning) share: the limit of a cell.

Excel holds at most 32,767 characters in a cell, and openpyxl cuts a longer text off without a
word; a text that long makes the spreadsheet fail with the cell named instead.
"""

from __future__ import annotations

from generator.exceptions import OutputError

MAX_CELL = 32_767


def check_cells(values: list[object], columns: tuple[tuple[str, int], ...], where: str) -> None:
    """Raise OutputError naming ``where`` and the column if a text is longer than a cell holds."""
    for value, (column, _) in zip(values, columns, strict=True):
        if isinstance(value, str) and len(value) > MAX_CELL:
            raise OutputError(
                f"{where}, {column}: {len(value):,} characters, and a spreadsheet cell holds at "
                f"most {MAX_CELL:,}; shorten the text, or leave out the spreadsheet"
            )
