"""The action table's Word and Excel files as Word, LibreOffice and a printer meet them: a grid
that agrees with the cells, rows that name themselves when an action runs over a page, a
spreadsheet that prints at a size one can read."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import yaml
from docx import Document
from docx.oxml.ns import qn
from openpyxl import load_workbook

from tests.conftest import DEMO, Run
from tests.office import need, page_count, page_texts, to_pdf
from tests.test_print_actions import paragraphs


def build(run: Run, data: Path, out: Path, formats: str) -> Path:
    result = run("actions", "--data", data, "--output", out, "--format", formats)
    assert result.exit_code == 0, result.output
    return out


def test_docx_grid_agrees_with_the_cells(run: Run, tmp_path: Path) -> None:
    out = build(run, DEMO, tmp_path, "docx")
    table = Document(str(out / "actietabel.docx")).tables[0]
    tbl = table._tbl
    grid = [int(col.get(qn("w:w"))) for col in tbl.tblGrid.findall(qn("w:gridCol"))]
    assert len(grid) == 3 and len(set(grid)) == 3  # not three equal columns
    layout = tbl.tblPr.find(qn("w:tblLayout"))
    assert layout is not None and layout.get(qn("w:type")) == "fixed"
    assert int(tbl.tblPr.find(qn("w:tblW")).get(qn("w:w"))) == sum(grid)
    rows = 0
    for row in table.rows:
        cells = row._tr.findall(qn("w:tc"))
        if len(cells) == 3:  # a section band spans the three columns
            widths = [int(tc.tcPr.find(qn("w:tcW")).get(qn("w:w"))) for tc in cells]
            assert widths == grid
            rows += 1
    assert rows > 30


def test_libreoffice_lays_the_docx_out_like_the_pdf(run: Run, tmp_path: Path) -> None:
    out = build(run, DEMO, tmp_path / "out", "docx,pdf")
    typst_pages = page_count(out / "actietabel.pdf") - 1  # the PDF has a cover
    office_pages = page_count(to_pdf(out / "actietabel.docx", tmp_path))
    assert abs(office_pages - typst_pages) <= max(1, round(0.15 * typst_pages)), (
        office_pages,
        typst_pages,
    )


def test_docx_rows_that_run_over_a_page_name_themselves(
    run: Run, data: Path, tmp_path: Path
) -> None:
    path = data / "acties" / "001-compensatie.yaml"
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    document["stand_van_zaken"] = paragraphs(1, 70)
    path.write_text(yaml.safe_dump(document, allow_unicode=True), encoding="utf-8")
    out = build(run, data, tmp_path / "out", "docx")
    table = Document(str(out / "actietabel.docx")).tables[0]
    firsts = [row.cells[0].text.split("\n")[0] for row in table.rows]
    assert firsts.count("1.") == 1 and firsts.count("1 (vervolg)") >= 2
    # LibreOffice: every page that shows part of action 1 names it, and nothing is cut off
    pages = page_texts(to_pdf(out / "actietabel.docx", tmp_path))
    for page in pages:
        if re.search(r"\bA1x\d\d\b", page):
            assert re.search(r"^\s*1(\.| \(vervolg\))\s", page, re.M), page
    found = re.findall(r"\bA1x(\d\d)\b", "\n".join(pages))
    assert sorted(set(found)) == [f"{n:02d}" for n in range(70)]


def test_xlsx_prints_landscape_across_the_page_at_a_readable_size(run: Run, tmp_path: Path) -> None:
    out = build(run, DEMO, tmp_path / "out", "xlsx")
    sheet = load_workbook(out / "actietabel.xlsx").active
    setup = sheet.page_setup
    assert setup.orientation == "landscape" and str(setup.paperSize) == sheet.PAPERSIZE_A4
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert (setup.fitToWidth, setup.fitToHeight) == (1, 0)
    assert sheet.print_title_rows.replace("$", "") == "1:1"  # the header row on every page
    # as LibreOffice prints it: the words are about 8 points tall or more, not 5
    pdf = to_pdf(out / "actietabel.xlsx", tmp_path)
    boxes = subprocess.run(
        [need("pdftotext"), "-bbox", "-f", "1", "-l", "1", str(pdf), "-"],
        check=True, capture_output=True, text=True,
    ).stdout  # fmt: skip
    heights = sorted(
        float(y2) - float(y1)
        for y1, y2 in re.findall(r'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)"', boxes)
    )
    assert heights and heights[len(heights) // 2] >= 8.5
