"""What the spreadsheet writers (action table, planning) share: the limit of a cell, the
default font, and the one way a row is written.

Every cell is written explicitly as what it is: a text as a text, a number as a number, a date
as a date. openpyxl reads a string that starts with ``=`` as a formula, so an omschrijving
"=1+1" (or ``=HYPERLINK(...)``) would be run by whoever opens the sheet, or show ``Err:509``
instead of the text; here a string is always a string cell. Rows are written at a row number
the writer keeps, not after ``max_row``, which openpyxl counts over every cell each time (the
planning at 100 times the demo data took minutes).

Excel holds at most 32,767 characters in a cell, and openpyxl cuts a longer text off without a
word; a text that long makes the spreadsheet fail with the cell named instead.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from generator.exceptions import OutputError

if TYPE_CHECKING:
    from openpyxl import Workbook
    from openpyxl.cell.cell import Cell
    from openpyxl.worksheet.worksheet import Worksheet

MAX_CELL = 32_767


def check_cells(values: list[object], columns: tuple[tuple[str, int], ...], where: str) -> None:
    """Raise OutputError naming ``where`` and the column if a text is longer than a cell holds."""
    for value, (column, _) in zip(values, columns, strict=True):
        if isinstance(value, str) and len(value) > MAX_CELL:
            raise OutputError(
                f"{where}, {column}: {len(value):,} characters, and a spreadsheet cell holds at "
                f"most {MAX_CELL:,}; shorten the text, or leave out the spreadsheet"
            )


def default_font(book: Workbook, name: str, size: float) -> None:
    """Set the workbook's default font: the one cells without a font of their own are shown
    in, and whose digit width is the unit of the column widths (Excel and LibreOffice both).
    openpyxl has no setting for it; its first font and the Normal style are that font."""
    from openpyxl.styles import Font
    from openpyxl.utils.indexed_list import IndexedList

    font = Font(name=name, sz=size, family=2)
    book._fonts = IndexedList([font])
    normal = book._named_styles["Normal"]
    normal.font = font


def put_row(sheet: Worksheet, row: int, values: Sequence[object]) -> list[Cell]:
    """Write ``values`` into row ``row`` (from 1) of ``sheet``, each cell as the type it is:
    a string is text (never a formula), numbers and dates are numbers, None is empty."""
    cells = []
    for column, value in enumerate(values, start=1):
        cell = sheet.cell(row=row, column=column)
        if isinstance(value, str):
            cell.value = value
            cell.data_type = "s"  # openpyxl made it a formula if it starts with "="
        elif value is None or isinstance(value, bool | int | float | dt.date):
            cell.value = value
        else:
            raise TypeError(f"a cell holds text, a number or a date, not {type(value).__name__}")
        cells.append(cell)
    return cells
