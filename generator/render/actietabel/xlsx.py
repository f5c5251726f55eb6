"""The action table as a spreadsheet (openpyxl): one row per action, filters, a frozen header,
wrapped text; for those who sort and filter. Printed, it fits the width of an A4 landscape page
at a readable size: the columns together are about 1.35 page widths, so the text prints at about
8 points (at the 5 points it printed at before, nobody could read it), with the header row on
every page and grid lines."""

from __future__ import annotations

import datetime as dt
import io

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from generator.model import huisstijl
from generator.render.actietabel.build import Row, Tabel
from generator.render.spreadsheet import check_cells
from generator.text.lines import lines

COLUMNS = (
    ("Actie", 6),
    ("Sectie", 12),
    ("Subsectie", 12),
    ("Omschrijving", 30),
    ("Moties en toezeggingen", 15),
    ("Eigenaar", 10),
    ("Status", 11),
    ("Stand van zaken", 54),
    ("Bijgewerkt", 12),
    ("Gewijzigd", 9),
)
#: page margins in inches: narrow, so that more of the width goes to the text
MARGIN = 0.5


def render(tabel: Tabel) -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Acties"
    sheet.append([name for name, _ in COLUMNS])
    header_font = Font(bold=True, color="FFFFFF")
    header_fill = PatternFill("solid", fgColor=huisstijl.LINTBLAUW)
    for index, (_, width) in enumerate(COLUMNS, start=1):
        cell = sheet.cell(row=1, column=index)
        cell.font, cell.fill = header_font, header_fill
        cell.alignment = Alignment(vertical="top", wrap_text=True)
        sheet.column_dimensions[get_column_letter(index)].width = width
    wrap = Alignment(vertical="top", wrap_text=True)
    for sectie in tabel.secties:
        for group in sectie.groups:
            for row in group.rows:
                values = _values(row, sectie.titel, group.titel, tabel.sinds is not None)
                check_cells(values, COLUMNS, f"actie {row.nummer}")
                sheet.append(values)
                for cell in sheet[sheet.max_row]:
                    cell.alignment = wrap
                sheet.cell(row=sheet.max_row, column=9).number_format = "d mmmm yyyy"
                sheet.row_dimensions[sheet.max_row].height = _height(values)
    sheet.freeze_panes = "A2"
    sheet.print_title_rows = "1:1"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_options.gridLines = True
    margins = sheet.page_margins
    margins.left = margins.right = margins.top = margins.bottom = MARGIN
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(COLUMNS))}{sheet.max_row}"
    props = book.properties
    props.title = tabel.titel
    props.creator = tabel.organisatie
    props.lastModifiedBy = tabel.organisatie
    props.language = "nl-NL"
    now = dt.datetime.now(dt.UTC).replace(microsecond=0, tzinfo=None)
    props.created = props.modified = now
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _values(row: Row, sectie: str, subsectie: str | None, compared: bool) -> list[object]:
    gewijzigd = ("ja" if row.gewijzigd else "nee") if compared else ""
    return [
        row.nummer,
        sectie,
        subsectie or "",
        _plain(row.omschrijving),
        "\n".join(row.moties),
        row.eigenaar or "",
        row.status_label,
        _plain(row.stand_van_zaken),
        row.bijgewerkt,
        gewijzigd,
    ]


def _height(values: list[object]) -> float:
    """Row height in points for wrapped text. Excel fits rows when a file opens, LibreOffice
    does not (by default it keeps stored heights for .xlsx), so the height is estimated here:
    about 1.25 characters per unit of column width, 15 points per line."""
    lines = 1
    for value, (_, width) in zip(values, COLUMNS, strict=True):
        if not isinstance(value, str) or not value:
            continue
        per_line = max(int(width * 1.25), 1)
        needed = sum(max(1, -(-len(line) // per_line)) for line in value.split("\n"))
        lines = max(lines, needed)
    return float(min(15 * lines + 3, 409))


def _plain(source: str) -> str:
    shown = []
    for line in lines(source):
        prefix = "  " * max(line.level - 1, 0) + (f"{line.bullet} " if line.bullet else "")
        shown.append(prefix + line.text)
    return "\n".join(shown)
