"""The action table's Word and Excel files as Word, LibreOffice and a printer meet them: a grid
that agrees with the cells, rows that name themselves when an action runs over a page, a
spreadsheet that prints at a size one can read."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from docx import Document
from docx.oxml.ns import qn
from lxml import etree
from openpyxl import load_workbook

from tests.conftest import DEMO, Run
from tests.office import need, page_count, page_texts, to_pdf, words
from tests.test_print_actions import paragraphs
from tests.yamledit import read_yaml, write_yaml


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
    # both have a cover
    typst_pages = page_count(out / "actietabel.pdf") - 1
    office_pages = page_count(to_pdf(out / "actietabel.docx", tmp_path)) - 1
    assert abs(office_pages - typst_pages) <= max(1, round(0.15 * typst_pages)), (
        office_pages,
        typst_pages,
    )


def test_docx_rows_that_run_over_a_page_name_themselves(
    run: Run, data: Path, tmp_path: Path
) -> None:
    path = data / "acties" / "001-compensatie.yaml"
    document = read_yaml(path)
    document["stand_van_zaken"] = paragraphs(1, 70)
    write_yaml(path, document)
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


def sentences(action: int, count: int) -> str:
    """One paragraph of ``count`` sentences, each tagged S<action>x<nn> to find it by."""
    sentence = "de werkgroep inventariseert welke invorderingsmaatregelen onredelijk uitpakken"
    return " ".join(f"S{action}x{n:02d}: {sentence}." for n in range(count))


def test_xlsx_prints_every_word_of_an_action_longer_than_a_row(
    run: Run, data: Path, tmp_path: Path
) -> None:
    """A row is at most 409 points tall: a longer action continues in the next rows, headed
    "1 (vervolg)" but holding the number 1, with its status and sectie again."""
    path = data / "acties" / "001-compensatie.yaml"
    document = read_yaml(path)
    document["stand_van_zaken"] = sentences(1, 90) + "\n\n" + paragraphs(1, 30)
    document["moties"] = [f"Motie {n} over de voortgang van de hersteloperatie" for n in range(40)]
    write_yaml(path, document)
    out = build(run, data, tmp_path / "out", "xlsx")
    sheet = load_workbook(out / "actietabel.xlsx").active
    rows = [row for row in sheet.iter_rows(min_row=2) if row[0].value == 1]
    assert len(rows) >= 3
    assert {(r[1].value, r[6].value) for r in rows} == {("Hersteloperatie", "Loopt")}
    assert [r[0].number_format for r in rows[1:]] == ['0" (vervolg)"'] * (len(rows) - 1)
    heights = [sheet.row_dimensions[r[0].row].height for r in rows]
    assert all(height <= 409 for height in heights) and heights[0] > 300
    # the header names wrap in their narrow columns: the header row is as tall as that
    assert sheet.row_dimensions[1].height >= 2 * 12

    pages = page_texts(to_pdf(out / "actietabel.xlsx", tmp_path))
    text = "\n".join(pages)
    assert sorted(re.findall(r"\bS1x(\d\d)\b", text)) == [f"{n:02d}" for n in range(90)]
    assert sorted(re.findall(r"\bA1x(\d\d)\b", text)) == [f"{n:02d}" for n in range(30)]
    assert sorted(int(n) for n in re.findall(r"\bMotie (\d+) over", text)) == list(range(40))
    assert re.search(r"^\s*1 \(vervolg\)\s+Herstel", text, re.M)
    header = pages[0].split("Hersteloperati")[0]  # the header row, above the first action
    assert "Moties en" in header and "toezeggingen" in header
    assert "15 juni 2021" in text  # Dutch month names, whatever the reader's language


def gaps_at_the_foot(pdf: Path) -> list[float]:
    """Per page, the room between the last line of the table and the footer, in points."""
    gaps = []
    for number in range(1, page_count(pdf) + 1):
        boxes = subprocess.run(
            [need("pdftotext"), "-bbox", "-f", str(number), "-l", str(number), str(pdf), "-"],
            check=True, capture_output=True, text=True,
        ).stdout  # fmt: skip
        lines = sorted({float(y) for y in re.findall(r'yMax="([\d.]+)"', boxes)})
        footer = max(float(y) for y in re.findall(r'yMin="([\d.]+)"', boxes))
        gaps.append(footer - lines[-2])  # the last is the footer's own line
    return gaps


def test_docx_pages_are_filled_and_continued_rows_start_a_page(
    run: Run, data: Path, tmp_path: Path
) -> None:
    """Actions of about 0.6 page each: a row never breaks across pages, so each used to take a
    page of its own, the rest of it empty. They are cut where a page ends instead, and the
    part headed "N (vervolg)" is the first on the next page."""
    for path in sorted((data / "acties").glob("*.yaml")):
        document = read_yaml(path)
        document["stand_van_zaken"] = sentences(document["nummer"], 18)
        write_yaml(path, document)
    out = build(run, data, tmp_path / "out", "docx")
    pdf = to_pdf(out / "actietabel.docx", tmp_path)
    room = 492  # what a page has for rows (docx.ROOM)
    gaps = gaps_at_the_foot(pdf)
    assert all(gap < 0.15 * room for gap in gaps[1:-1]), gaps  # the cover aside
    pages = page_texts(pdf)
    assert len(pages) == 3, gaps  # the cover, then 0.6 + 0.6 + 0.6 page: 2
    continued = 0
    for page in pages:
        rows = re.findall(r"^\s*(\d+)(\.| \(vervolg\))\s", page, re.M)
        continued += sum(kind != "." for _, kind in rows)
        assert all(kind == "." for _, kind in rows[1:]), page  # "(vervolg)" only at the top
    assert continued >= 1
    # nothing is lost or repeated on the way
    found = re.findall(r"\bS(\d+)x(\d\d)\b", "\n".join(pages))
    assert len(found) == 3 * 18 == len(set(found))


#: an action in the form of action 80 of 2021 (in our own words): five paragraphs that
#: LibreOffice sets in one row well under 409 points
ALGORITMEREGISTER = Path(__file__).parent / "fixtures" / "algoritmeregister.yaml"


def test_xlsx_rows_as_tall_as_their_text_and_words_whole(
    run: Run, data: Path, tmp_path: Path
) -> None:
    """LibreOffice keeps the stored row heights: they are as LibreOffice sets the lines, not
    taller, so an action that fits in a row is not cut; no column is narrower than its
    longest word, so no word is broken between its letters; a long action is cut between
    sentences."""
    path = data / "acties" / "001-compensatie.yaml"
    document = read_yaml(path)
    source = read_yaml(ALGORITMEREGISTER)
    document["stand_van_zaken"] = source["stand_van_zaken"]
    document["subsectie"] = source["subsectie"]  # 'Informatiehuishouding:', one word
    write_yaml(path, document)
    long = data / "acties" / "010-toekomst.yaml"
    document = read_yaml(long)
    document["stand_van_zaken"] = sentences(10, 60)
    write_yaml(long, document)
    out = build(run, data, tmp_path / "out", "xlsx")
    sheet = load_workbook(out / "actietabel.xlsx").active
    assert [row[0].value for row in sheet.iter_rows(min_row=2)].count(1) == 1
    continued = [row[7].value for row in sheet.iter_rows(min_row=2) if row[0].value == 10]
    assert len(continued) >= 2
    for text in continued:  # whole sentences in every row
        assert re.fullmatch(r"(S10x\d\d: [a-z ]+\. )*S10x\d\d: [a-z ]+\.", text), text

    pdf = to_pdf(out / "actietabel.xlsx", tmp_path)
    printed = words("\n".join(page_texts(pdf)))
    for row in sheet.iter_rows():
        for cell in row:
            if isinstance(cell.value, str):
                assert words(cell.value) <= printed, (cell.coordinate, words(cell.value) - printed)
    # the lines of every text fill its row: less than two lines' room is left below them
    boxes = etree.fromstring(
        subprocess.run(
            [need("pdftotext"), "-bbox", str(pdf), "-"], check=True, capture_output=True
        ).stdout
    )
    first = next(boxes.iter("{*}page"))
    placed = [
        (w.text, float(w.get("xMax")), float(w.get("yMin")), float(w.get("yMax")))
        for w in first.iter("{*}word")
    ]
    sectie = next(x for text, x, _, _ in placed if text == "Sectie")
    starts = sorted(y for text, x, y, _ in placed if text in {"1", "2"} and x < sectie)
    line = min(y2 - y1 for _, _, y1, y2 in placed)
    bottom = max(y2 for _, _, y1, y2 in placed if starts[0] <= y1 < starts[1])
    assert starts[1] - bottom < 2 * line, (starts, bottom, line)
