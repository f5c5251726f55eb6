"""Every table in every DOCX the tool writes: its grid (``w:tblGrid``) gives the columns the
cells say they have. LibreOffice lays a table out by the grid, so a grid of equal columns made
"Actie" wrap every two words in the besluitenlijst."""

from __future__ import annotations

import shutil
from pathlib import Path

from docx import Document
from docx.oxml.ns import qn

from tests.conftest import DEMO, Run


def _grid_and_cells(path: Path) -> list[tuple[list[int], list[list[int]]]]:
    tables = []
    for table in Document(str(path)).tables:
        tbl = table._tbl
        grid = [int(col.get(qn("w:w"))) for col in tbl.tblGrid.findall(qn("w:gridCol"))]
        rows = []
        for tr in tbl.findall(qn("w:tr")):
            cells = tr.findall(qn("w:tc"))
            if len(cells) == len(grid):  # a band spanning the columns has fewer cells
                rows.append([int(tc.tcPr.find(qn("w:tcW")).get(qn("w:w"))) for tc in cells])
        layout = tbl.tblPr.find(qn("w:tblLayout"))
        assert layout is not None and layout.get(qn("w:type")) == "fixed", path.name
        assert int(tbl.tblPr.find(qn("w:tblW")).get(qn("w:w"))) == sum(grid), path.name
        tables.append((grid, rows))
    return tables


def test_every_docx_table_has_the_grid_its_cells_have(run: Run, tmp_path: Path) -> None:
    data = tmp_path / "status"
    shutil.copytree(DEMO, data)
    out = tmp_path / "out"
    result = run("vergadering", "2020-08-20", "--data", data, "--output", out, "--alles")
    assert result.exit_code == 0, result.output
    documents = sorted(out.glob("*.docx"))
    assert {p.name.split("-")[0] for p in documents} >= {"actietabel.docx", "besluitenlijst"}
    checked = 0
    for document in documents:
        for grid, rows in _grid_and_cells(document):
            assert rows, document.name
            for widths in rows:
                assert widths == grid, document.name
            checked += 1
    assert checked >= 2


def test_besluitenlijst_columns_hold_their_longest_unbreakable_text(
    run: Run, tmp_path: Path
) -> None:
    """A date is joined by no-break spaces and an action number has no space: a column
    narrower than they are made LibreOffice cut "2020-08-17/1" and "18 augustus 2020" between
    their characters, once it followed the grid."""
    from generator.render.typography.metrics import em_width

    data = tmp_path / "status"
    shutil.copytree(DEMO, data)
    out = tmp_path / "out"
    result = run("vergadering", "2020-08-20", "--data", data, "--output", out)
    assert result.exit_code == 0, result.output
    (document,) = out.glob("besluitenlijst-*.docx")
    margins = 2 * 5.4  # Table Grid's cell margins, 0.075 inch each side, in points
    checked = 0
    for table in Document(str(document)).tables:
        for row in table.rows:
            for cell in row.cells:
                width = int(cell._tc.tcPr.find(qn("w:tcW")).get(qn("w:w"))) / 20
                for paragraph in cell.paragraphs:
                    bold = any(r.bold for r in paragraph.runs)
                    for word in paragraph.text.split(" "):
                        need = em_width(word, bold=bold) * 10 + margins
                        assert need <= width, (word, need, width)
                        checked += 1
    assert checked > 20
