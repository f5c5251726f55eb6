"""The action table as a spreadsheet (openpyxl): one row per action, filters, a frozen header,
wrapped text; for those who sort and filter. Printed, it fits the width of an A4 landscape page
at a readable size: the columns together are about 1.35 page widths, so the text prints at about
8 points (at the 5 points it printed at before, nobody could read it), with the header row on
every page and grid lines.

A row is at most 409 points tall (Excel's limit; LibreOffice keeps it too), and what does not
fit is not printed. An action longer than that continues in the next rows, as in the DOCX and
the PDF: their Actie cell shows "30 (vervolg)" but holds the number 30, and they repeat the
sectie, status and the other short columns, so that sorting and filtering keep the action's rows
together. Heights are measured with Arial's widths: the sheet is set in Arial 10, which Excel
has and LibreOffice replaces by Liberation Sans, with the same widths."""

from __future__ import annotations

import datetime as dt
import io

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from generator.model import huisstijl
from generator.render.actietabel.build import Row, Tabel
from generator.render.actietabel.parts import Para, Setting, columns, height
from generator.render.spreadsheet import check_cells, default_font
from generator.text.lines import Line, lines
from generator.text.model import Span

COLUMNS = (
    ("Actie", 11),  # "30 (vervolg)"
    ("Sectie", 12),
    ("Subsectie", 12),
    ("Omschrijving", 30),
    ("Moties en toezeggingen", 15),
    ("Eigenaar", 10),
    ("Status", 11),
    ("Stand van zaken", 49),
    ("Bijgewerkt", 12),
    ("Gewijzigd", 9),
)
#: page margins in inches: narrow, so that more of the width goes to the text
MARGIN = 0.5
#: the columns whose text continues in the next row when it is too long for one
LONG = ("Omschrijving", "Moties en toezeggingen", "Stand van zaken")
#: Excel's tallest row, in points
MAX_HEIGHT = 409.0
FONT, SIZE = "Arial", 10.0
#: Arial 10 as Excel sets wrapped text: 12.75 points a line (LibreOffice needs less); the
#: column's padding (5 pixels) and a point more as the margins
SETTING = Setting(size=SIZE, leading=12.75, margins=4.75, indent=0.0)
#: a row's height beyond its lines
PADDING = 2.0
#: the most the lines of one row may take: a line's room is left for the estimate's errors
LIMIT = MAX_HEIGHT - PADDING - SETTING.leading
#: a column of width 1 is one digit of the default font wide: 7 pixels (Arial 10, 96 dpi)
POINTS_PER_WIDTH = 7 * 0.75
#: the dates in Dutch whatever the reader's language: "15 juni 2021" (LCID 0x413: nl-NL)
DATE_FORMAT = "[$-413]d mmmm yyyy"
#: the number of a continued action's later rows, kept a number for filters and sorting
VERVOLG_FORMAT = '0" (vervolg)"'


def render(tabel: Tabel) -> bytes:
    book = Workbook()
    default_font(book, FONT, SIZE)
    sheet = book.active
    assert sheet is not None
    sheet.title = "Acties"
    header = [name for name, _ in COLUMNS]
    sheet.append(header)
    header_font = Font(name=FONT, size=SIZE, bold=True, color="FFFFFF")
    header_fill = PatternFill("solid", fgColor=huisstijl.LINTBLAUW)
    for index, (_, width) in enumerate(COLUMNS, start=1):
        cell = sheet.cell(row=1, column=index)
        cell.font, cell.fill = header_font, header_fill
        cell.alignment = Alignment(vertical="top", wrap_text=True)
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.row_dimensions[1].height = _height([[_para(name, bold=True)] for name in header])
    wrap = Alignment(vertical="top", wrap_text=True)
    for sectie in tabel.secties:
        for group in sectie.groups:
            for row in group.rows:
                values = _values(row, sectie.titel, group.titel, tabel.sinds is not None)
                for index, part in enumerate(_parts(values)):
                    check_cells(part, COLUMNS, f"actie {row.nummer}")
                    sheet.append([_joined(value) for value in part])
                    for cell in sheet[sheet.max_row]:
                        cell.alignment = wrap
                    sheet.cell(row=sheet.max_row, column=9).number_format = DATE_FORMAT
                    if index:
                        sheet.cell(row=sheet.max_row, column=1).number_format = VERVOLG_FORMAT
                    sheet.row_dimensions[sheet.max_row].height = _height(part)
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
    """The row's cells; a text is a list of paragraphs until it is written (``_joined``)."""
    gewijzigd = ("ja" if row.gewijzigd else "nee") if compared else ""
    return [
        row.nummer,
        [_para(sectie)],
        [_para(subsectie)] if subsectie else "",
        _plain(row.omschrijving),
        [_para(motie) for motie in row.moties],
        [_para(row.eigenaar)] if row.eigenaar else "",
        row.status_label,
        _plain(row.stand_van_zaken),
        row.bijgewerkt,
        gewijzigd,
    ]


def _parts(values: list[object]) -> list[list[object]]:
    """The action's row, or its rows when its long columns are taller than a row may be: each
    holds the next part of those, and the other columns again."""
    long = [index for index, (name, _) in enumerate(COLUMNS) if name in LONG]
    cells = [_paras(values[index]) for index in long]
    widths = [COLUMNS[index][1] * POINTS_PER_WIDTH for index in long]
    found = []
    for held in columns(cells, widths, LIMIT, SETTING):
        part = list(values)
        for index, paras in zip(long, held, strict=True):
            part[index] = list(paras)
        found.append(part)
    return found


def _paras(value: object) -> list[Para]:
    return [para for para in value if isinstance(para, Para)] if isinstance(value, list) else []


def _height(values: list[object]) -> float:
    """Row height in points for wrapped text. Excel fits rows when a file opens, LibreOffice
    does not (by default it keeps stored heights for .xlsx), so the height is measured here."""
    tallest = SETTING.leading
    for value, (_, width) in zip(values, COLUMNS, strict=True):
        room = width * POINTS_PER_WIDTH
        tallest = max(tallest, sum(height(para, room, SETTING) for para in _paras(value)))
    return min(tallest + PADDING, MAX_HEIGHT)


def _para(text: str, *, bold: bool = False) -> Para:
    return Para("tekst", Line((Span(text, bold=bold),)))


def _joined(value: object) -> object:
    """A cell's value as written: its paragraphs one a line."""
    if isinstance(value, list):
        return "\n".join(para.line.text for para in _paras(value))
    return value


def _plain(source: str) -> list[Para]:
    shown = []
    for line in lines(source):
        prefix = "  " * max(line.level - 1, 0) + (f"{line.bullet} " if line.bullet else "")
        shown.append(_para(prefix + line.text))
    return shown
