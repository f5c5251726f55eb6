"""The integral planning (seed 001, 5.3): every opdracht and hoofdactie in one table, with
workstream, trekker, deadline, status and toelichting, and after them every action agreed in an
SCT meeting (Werkstroom "SCT", its id as the number, its actiehouder as trekker); to sort and
filter."""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass

from generator.domain.opvolging import opvolging
from generator.domain.work import actiepunt_work, work
from generator.load.dataset import Dataset
from generator.model import huisstijl
from generator.model.deadline import verlopen
from generator.render.formats import Format, Formats
from generator.render.spreadsheet import check_cells, put_row
from generator.text import dutch
from generator.text.lines import lines

COLUMNS = (
    ("Werkstroom", 11),
    ("Werkstroomtitel", 34),
    ("Opdracht", 10),
    ("Soort", 11),
    ("Titel", 50),
    ("Trekker", 18),
    ("Deadline", 14),
    ("Deadline (datum)", 14),
    ("Status", 26),
    ("Verlopen", 10),
    ("Toelichting", 70),
)


def rows(dataset: Dataset, *, peildatum: dt.date) -> list[list[object]]:
    people = dataset.people
    result: list[list[object]] = []
    for w in work(dataset.werkstromen):
        deadline = w.deadline
        overdue = verlopen(deadline, w.status, peildatum)
        assert w.werkstroom is not None
        result.append(
            [
                w.werkstroom.nummer,
                w.werkstroom.titel,
                w.nummer,
                w.soort,
                _plain(w.titel),
                people.name(w.trekker) if w.trekker else "",
                dutch.deadline(deadline) if deadline else "",
                deadline.due if deadline and deadline.due else None,
                w.status_label,
                "ja" if overdue else "nee",
                _plain(w.toelichting) if w.toelichting else "",
            ]
        )
    for w in actiepunt_work(opvolging(dataset.vergaderingen)):
        o = w.actiepunt
        assert o is not None
        punt = o.actiepunt
        afgerond = (
            f"afgerond in het SCT van {dutch.long_date(o.afgerond_op)}; " if o.afgerond_op else ""
        )
        result.append(
            [
                "SCT",
                f"{o.vergadering.titel} {dutch.long_date(o.vergadering.datum)}",
                w.nummer,
                w.soort,
                w.titel,
                people.name(punt.actiehouder),
                dutch.deadline(punt.deadline),
                w.due,
                w.status_label,
                "ja" if o.verlopen(peildatum) else "nee",
                f"{afgerond}agendapunt: {o.agendaitem.titel}",
            ]
        )
    return result


def _plain(source: str) -> str:
    return "\n".join(("• " if p.bullet else "") + p.text for p in lines(source))


#: what a spreadsheet reads as the start of a formula (or of a field it then runs)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def to_csv(table: list[list[object]]) -> bytes:
    """Semicolon-separated with a byte-order mark: what Excel with Dutch settings opens as is.

    A text field that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return gets
    a leading apostrophe, as OWASP advises against CSV injection: Excel and LibreOffice would
    otherwise run it as a formula (``=HYPERLINK(...)`` sends data to a web site). Numbers and
    dates are written as they are."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow([name for name, _ in COLUMNS])
    for row in table:
        writer.writerow([_csv_field(v) for v in row])
    return buffer.getvalue().encode("utf-8-sig")


def _csv_field(value: object) -> object:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def to_xlsx(table: list[list[object]], *, title: str, author: str) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Planning"
    put_row(sheet, 1, [name for name, _ in COLUMNS])
    for index, (_, width) in enumerate(COLUMNS, start=1):
        cell = sheet.cell(row=1, column=index)
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = PatternFill("solid", fgColor=huisstijl.LINTBLAUW)
        sheet.column_dimensions[get_column_letter(index)].width = width
    wrap = Alignment(vertical="top", wrap_text=True)
    for number, row in enumerate(table, start=2):
        opdracht = f"opdracht {row[2]}"
        where = {"Opdracht": opdracht, "Actie SCT": f"the SCT action {row[2]}"}
        check_cells(row, COLUMNS, where.get(str(row[3]), f"a hoofdactie of {opdracht}"))
        cells = put_row(sheet, number, row)
        for cell in cells:
            cell.alignment = wrap
        cells[7].number_format = "d-m-yyyy"
        lines = max(str(row[4]).count("\n"), str(row[10]).count("\n")) + 1
        sheet.row_dimensions[number].height = min(15 * max(lines, 1) + 3, 409)
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(COLUMNS))}{len(table) + 1}"
    book.properties.title = title
    book.properties.creator = author
    book.properties.lastModifiedBy = author
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


@dataclass(frozen=True)
class Sheet:
    """The planning as it is written: its rows, and the workbook's title and author."""

    rows: list[list[object]]
    title: str = "Integrale planning"
    author: str = ""


def sheet_xlsx(sheet: Sheet) -> bytes:
    return to_xlsx(sheet.rows, title=sheet.title, author=sheet.author)


def sheet_csv(sheet: Sheet) -> bytes:
    return to_csv(sheet.rows)


#: the planning's formats (``statusgen planning --format``); the xlsx unless asked
FORMATS = Formats(
    __name__,
    Format("xlsx", "", help="with filters and a frozen header", function="sheet_xlsx"),
    Format("csv", "", help="separated by semicolons", function="sheet_csv"),
    default=["xlsx"],
)
