"""The action table as a spreadsheet (openpyxl): one row per action, filters, a frozen header,
wrapped text; for those who sort and filter. Printed, it fits the width of an A4 landscape page
at a readable size: the columns together are about 1.4 page widths, so the text prints at about
7 points (at the 5 points it printed at before, nobody could read it), with the header row on
every page and grid lines.

A row is at most 409 points tall (Excel's limit; LibreOffice keeps it too), and what does not
fit is not printed. An action longer than that continues in the next rows, as in the DOCX and
the PDF: their Actie cell shows "30 (vervolg)" but holds the number 30, and they repeat the
sectie, status and the other short columns, so that sorting and filtering keep the action's rows
together; a paragraph is cut between sentences, never inside one.

Heights are measured with Arial's widths (the sheet is set in Arial 10, which Excel has and
LibreOffice replaces by Liberation Sans, with the same widths) as LibreOffice sets the lines:
it keeps the stored heights of an .xlsx, so a row is as tall as this estimate, no taller.
Excel sets Arial 10 at 12.75 points a line in slightly narrower columns, so a long row there
may need more height than stored (select the rows and autofit them).

Every column is at least as wide as its widest word (or date, or "30 (vervolg)"), so no word
is broken between its letters; what the short columns need beyond their usual width is taken
from Stand van zaken and Omschrijving, so the sheet still prints at about 8 points."""

from __future__ import annotations

import datetime as dt
import io
import re

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from generator.model import huisstijl
from generator.render.actietabel.build import Row, Tabel
from generator.render.actietabel.parts import CellParagraph, Setting, columns, height
from generator.render.spreadsheet import check_cells, default_font, put_row
from generator.render.typography.breaking import widest_word_em
from generator.render.typography.metrics import SAFETY
from generator.text.dutch import long_date
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
    ("Stand van zaken", 54),
    ("Bijgewerkt", 12),
    ("Gewijzigd", 9),
)
#: the columns left out when no action fills them (a table of 2021 has no owners, no dates of
#: update, no comparison): they took a sixth of the printed width for nothing
OPTIONAL = ("Subsectie", "Moties en toezeggingen", "Eigenaar", "Bijgewerkt", "Gewijzigd")
#: page margins in inches: narrow, so that more of the width goes to the text
MARGIN = 0.5
#: the columns whose text continues in the next row when it is too long for one
LONG = ("Omschrijving", "Moties en toezeggingen", "Stand van zaken")
#: the columns that give up width when others need more for their widest word, in this order,
#: and how narrow they may become for it
GIVING = (("Stand van zaken", 46), ("Omschrijving", 26))
#: Excel and LibreOffice break a line after a hyphen between letters (Kooten-|Arissen)
HYPHEN_BREAK = re.compile(r"(?<=\w)-(?=\w)")
#: Excel's tallest row, in points
MAX_HEIGHT = 409.0
FONT, SIZE = "Arial", 10.0
#: Liberation Sans 10 as LibreOffice (7.4) sets wrapped text, measured: 11.2 points a line,
#: lines broken 3 points short of the column's width, with Arial's widths as they are (fit
#: 1.04 undoes ``metrics.SAFETY``); 11.25, 4 and 1.03 here leave a small margin (on the 273
#: paragraphs of the 86 actions of 2021, 2 % more lines than LibreOffice's, none fewer)
SETTING = Setting(size=SIZE, leading=11.25, margins=4.0, indent=0.0, fit=1.03, sentences=True)
#: a row's height beyond its lines
PADDING = 2.0
#: the most the lines of one row may take
LIMIT = MAX_HEIGHT - PADDING
#: how wide LibreOffice lays out a column of width 1, in points (0.9252 inch for width 12)
POINTS_PER_WIDTH = 5.551
#: and Excel: one digit of the default font and its share of the 5 pixels of padding, 7
#: pixels (Arial 10, 96 dpi), of which the text has all but those 5 pixels
EXCEL_POINTS_PER_WIDTH, EXCEL_PADDING = 7 * 0.75, 5 * 0.75
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
    everything = [
        (row.nummer, _values(row, sectie.titel, group.titel, tabel.sinds is not None))
        for sectie in tabel.secties
        for group in sectie.groups
        for row in group.rows
    ]
    kept = _filled(everything)
    shown = tuple(COLUMNS[index] for index in kept)
    actions = [(nummer, [values[index] for index in kept]) for nummer, values in everything]
    header: list[object] = [[_para(name, bold=True)] for name, _ in shown]
    widths = _widths([header, *(values for _, values in actions)], shown)
    names = [name for name, _ in shown]
    date_column = names.index("Bijgewerkt") + 1 if "Bijgewerkt" in names else None
    put_row(sheet, 1, [_joined(value) for value in header])
    header_font = Font(name=FONT, size=SIZE, bold=True, color="FFFFFF")
    header_fill = PatternFill("solid", fgColor=huisstijl.LINTBLAUW)
    for index, width in enumerate(widths, start=1):
        cell = sheet.cell(row=1, column=index)
        cell.font, cell.fill = header_font, header_fill
        cell.alignment = Alignment(vertical="top", wrap_text=True)
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.row_dimensions[1].height = _height(header, widths)
    wrap = Alignment(vertical="top", wrap_text=True)
    number = 1
    for nummer, values in actions:
        for index, part in enumerate(_parts(values, widths, shown)):
            joined = [_joined(value) for value in part]
            check_cells(joined, shown, f"actie {nummer}")
            number += 1
            cells = put_row(sheet, number, joined)
            for cell in cells:
                cell.alignment = wrap
            if date_column:
                cells[date_column - 1].number_format = DATE_FORMAT
            if index:
                cells[0].number_format = VERVOLG_FORMAT
            sheet.row_dimensions[number].height = _height(part, widths)
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
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(shown))}{number}"
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
        [_para(row.status_label)],
        _plain(row.stand_van_zaken),
        row.bijgewerkt,
        gewijzigd,
    ]


def _filled(actions: list[tuple[int, list[object]]]) -> list[int]:
    """The indices of the columns to show: all but the ``OPTIONAL`` ones no action fills."""
    return [
        index
        for index, (name, _) in enumerate(COLUMNS)
        if name not in OPTIONAL or any(values[index] not in ("", None, []) for _, values in actions)
    ]


def _widths(table: list[list[object]], shown: tuple[tuple[str, int], ...] = COLUMNS) -> list[float]:
    """The columns' widths: each its usual width (``COLUMNS``), or as wide as its widest word
    where that is wider, in Excel's narrower columns; what that adds is taken from the
    ``GIVING`` columns, as far as their own words let them."""
    widest = [0.0] * len(shown)
    for values in table:
        for index, value in enumerate(values):
            widest[index] = max(widest[index], _widest(value))
    least = [
        round((points * SAFETY + EXCEL_PADDING + SETTING.margins) / EXCEL_POINTS_PER_WIDTH, 1)
        for points in widest
    ]
    widths = [max(float(width), need) for (_, width), need in zip(shown, least, strict=True)]
    over = sum(widths) - sum(width for _, width in shown)
    names = [name for name, _ in shown]
    for name, floor in GIVING:
        index = names.index(name)
        given = max(0.0, min(over, widths[index] - max(least[index], floor)))
        widths[index] -= given
        over -= given
    return widths


def _widest(value: object) -> float:
    """How wide, in points, the widest piece of ``value`` that cannot be broken is: a word,
    or a number or date whole (a continued action's number with "(vervolg)")."""
    if isinstance(value, bool):
        return 0.0
    if isinstance(value, int):
        return widest_word_em([(f"{value}\u00a0(vervolg)", False, False)]) * SIZE
    if isinstance(value, dt.date):
        return widest_word_em([(long_date(value, unbroken=True), False, False)]) * SIZE
    if isinstance(value, str):
        value = [_para(value)]
    pieces = [
        (HYPHEN_BREAK.sub("- ", run.text), run.bold, run.italic)
        for para in _paras(value)
        for run in para.line.runs
    ]
    return widest_word_em(pieces) * SIZE


def _parts(
    values: list[object], widths: list[float], shown: tuple[tuple[str, int], ...] = COLUMNS
) -> list[list[object]]:
    """The action's row, or its rows when its long columns are taller than a row may be: each
    holds the next part of those, and the other columns again."""
    long = [index for index, (name, _) in enumerate(shown) if name in LONG]
    cells = [_paras(values[index]) for index in long]
    found = []
    rooms = [widths[index] * POINTS_PER_WIDTH for index in long]
    for held in columns(cells, rooms, LIMIT, SETTING):
        part = list(values)
        for index, paras in zip(long, held, strict=True):
            part[index] = list(paras)
        found.append(part)
    return found


def _paras(value: object) -> list[CellParagraph]:
    return (
        [para for para in value if isinstance(para, CellParagraph)]
        if isinstance(value, list)
        else []
    )


def _height(values: list[object], widths: list[float]) -> float:
    """Row height in points for wrapped text. LibreOffice keeps the stored heights of an .xlsx
    (it does not fit rows when it opens one), so the height is measured here as it sets them."""
    tallest = SETTING.leading
    for value, width in zip(values, widths, strict=True):
        room = width * POINTS_PER_WIDTH
        tallest = max(tallest, sum(height(para, room, SETTING) for para in _paras(value)))
    return min(tallest + PADDING, MAX_HEIGHT)


def _para(text: str, *, bold: bool = False) -> CellParagraph:
    return CellParagraph("tekst", Line((Span(text, bold=bold),)))


def _joined(value: object) -> object:
    """A cell's value as written: its paragraphs one a line."""
    if isinstance(value, list):
        return "\n".join(para.line.text for para in _paras(value))
    return value


def _plain(source: str) -> list[CellParagraph]:
    shown = []
    for line in lines(source):
        prefix = "  " * max(line.level - 1, 0) + (f"{line.bullet} " if line.bullet else "")
        shown.append(_para(prefix + line.text))
    return shown
