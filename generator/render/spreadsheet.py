"""What the spreadsheet writers (action table, planning) share: the limit of a cell, and the
default font.

Excel holds at most 32,767 characters in a cell, and openpyxl cuts a longer text off without a
word; a text that long makes the spreadsheet fail with the cell named instead.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from generator.exceptions import OutputError

if TYPE_CHECKING:
    from openpyxl import Workbook

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
