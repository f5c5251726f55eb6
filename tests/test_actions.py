"""``statusgen actions``: the POK action table in every format, opened as its readers open it."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn
from openpyxl import load_workbook

from generator.render.actietabel import FORMATS
from tests.conftest import DEMO, Run
from tests.office import html_errors, page_count, page_texts, pdf_info, to_pdf
from tests.yamledit import edit, read_yaml, write_yaml


def build(run: Run, data: Path, out: Path, *args: str) -> Path:
    result = run("actions", "--data", data, "--output", out, *args)
    assert result.exit_code == 0, result.output
    return out


def numbers_in_order(text: str) -> list[int]:
    return [int(n) for n in re.findall(r'id="actie-(\d+)"', text)]


def test_demo_table_in_every_format(run: Run, tmp_path: Path) -> None:
    out = build(run, DEMO, tmp_path)
    names = sorted(p.name for p in out.iterdir())
    assert names == sorted(FORMATS.files("actietabel"))
    html = (out / "actietabel.html").read_text(encoding="utf-8")
    assert '<html lang="nl">' in html
    assert "<title>Stand van zaken vervolgacties" in html
    assert "30 acties: 3 nog niet gestart, 21 lopend, 6 afgerond." in html
    # sections in the order of their lowest number, actions in number order inside them
    sections = re.findall(r'<tr class="sectie"><th colspan="3" scope="rowgroup">([^<]+)<', html)
    assert sections[:2] == ["Hersteloperatie", "Toekomst toeslagen"]
    order = numbers_in_order(html)
    assert sorted(order) == order and len(order) == 30
    assert '<th scope="col">Stand van zaken</th>' in html
    assert "Motie of toezegging:</span> Motie Wilders (nr. 7)" in html
    assert 'class="status status-afgerond">Afgerond<' in html  # a word, not a colour only
    assert "Stand per 15 juni 2021" in html


def test_markdown_from_data_is_sanitised_and_never_a_template(
    run: Run, data: Path, tmp_path: Path
) -> None:
    path = data / "acties" / "002-schulden.yaml"
    edit(
        path,
        "stand_van_zaken: Afgerond in het voorjaar.",
        "stand_van_zaken: |\n"
        "  Afgerond {{ 7 * 7 }} {% raw %}.\n"
        "  <script>alert('x')</script> <img src=x onerror=alert(1)>\n"
        "  [klik](javascript:alert(1)) | pijp\n",
        every=True,
    )
    out = build(run, data, tmp_path, "--format", "html,md,docx")
    html = (out / "actietabel.html").read_text(encoding="utf-8")
    assert "<script>alert" not in html and "<img" not in html
    assert 'href="javascript' not in html  # markdown-it refuses the link; it stays text
    assert "{{ 7 * 7 }} {% raw %}" in html and "49" not in html
    assert "&lt;script&gt;" in html  # printed as text, visibly
    markdown = (out / "actietabel.md").read_text(encoding="utf-8")
    assert "<script>" not in markdown and "\\| pijp" in markdown
    assert "{{ 7 \\* 7 }}" in markdown  # shown as typed: an escaped star, not emphasis


def test_filters_and_formats(run: Run, tmp_path: Path) -> None:
    out = build(run, DEMO, tmp_path / "a", "--format", "html", "--sectie", "toekomst toeslagen")
    assert [p.name for p in out.iterdir()] == ["actietabel.html"]
    html = (out / "actietabel.html").read_text(encoding="utf-8")
    assert set(numbers_in_order(html)) == {13, 15, 16}
    assert "Selectie: sectie Toekomst toeslagen." in html
    out = build(
        run, DEMO, tmp_path / "b", "--format", "md", "--status", "afgerond,nog_niet_gestart"
    )
    text = (out / "actietabel.md").read_text(encoding="utf-8")
    assert "9 acties: 3 nog niet gestart, 6 afgerond." in text
    assert "Loopt" not in text

    result = run("actions", "--data", DEMO, "--output", tmp_path / "c", "--sectie", "Herstel")
    assert result.exit_code == 2
    assert "unknown sectie 'Herstel'" in result.output and "Hersteloperatie" in result.output
    result = run("actions", "--data", DEMO, "--output", tmp_path / "c", "--status", "klaar")
    assert result.exit_code == 2 and "unknown status 'klaar'" in result.output
    result = run("actions", "--data", DEMO, "--output", tmp_path / "c", "--format", "pdf,odt")
    assert result.exit_code == 2 and f"odt: choose from {', '.join(FORMATS)}" in result.output
    assert not (tmp_path / "c").exists()


def test_docx_is_a_real_word_table(run: Run, tmp_path: Path) -> None:
    out = build(run, DEMO, tmp_path, "--format", "docx")
    document = Document(str(out / "actietabel.docx"))
    section = document.sections[0]
    assert section.page_width > section.page_height  # landscape
    table = document.tables[0]
    header = table.rows[0]
    assert [c.text for c in header.cells] == ["Actie", "Omschrijving", "Stand van zaken"]
    flag = header._tr.trPr.find(qn("w:tblHeader"))
    assert flag is not None and flag.get(qn("w:val")) == "true"
    # no row breaks across pages: an action taller than a page is cut into rows beforehand
    assert all(row._tr.trPr.find(qn("w:cantSplit")) is not None for row in table.rows)
    lang = document.styles.element.find(f"{qn('w:docDefaults')}//{qn('w:lang')}")
    assert lang.get(qn("w:val")) == "nl-NL"
    texts = {cell.text for row in table.rows for cell in row.cells}
    assert "HERSTELOPERATIE" not in texts and "Hersteloperatie" in texts  # caps by formatting
    first_cells = [row.cells[0].text.split("\n")[0] for row in table.rows]
    assert "1." in first_cells and "83." in first_cells
    props = document.core_properties
    assert props.author == "Ministerie van Financiën"
    with zipfile.ZipFile(out / "actietabel.docx") as archive:
        blob = b"".join(archive.read(n) for n in archive.namelist())
    assert b"python-docx" not in blob and b"thumbnail" not in blob.lower()


def test_xlsx_sorts_and_filters(run: Run, tmp_path: Path) -> None:
    out = build(run, DEMO, tmp_path, "--format", "xlsx")
    sheet = load_workbook(out / "actietabel.xlsx").active
    assert sheet.freeze_panes == "A2"
    # no action is compared with an earlier version: no Gewijzigd column
    assert sheet.auto_filter.ref == "A1:I31"
    assert [c.value for c in sheet[1]][:4] == ["Actie", "Sectie", "Subsectie", "Omschrijving"]
    assert "Gewijzigd" not in [c.value for c in sheet[1]]
    assert [sheet.cell(row=r, column=1).value for r in (2, 31)] == [1, 83]
    assert sheet.cell(row=2, column=8).alignment.wrap_text
    assert sheet.cell(row=2, column=7).value == "Loopt"


def test_xlsx_leaves_out_the_columns_no_action_fills(run: Run, tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(DEMO, data)
    for path in (data / "acties").glob("*.yaml"):
        actie = read_yaml(path)
        for field in ("eigenaar", "bijgewerkt"):
            actie.pop(field, None)
        write_yaml(path, actie)
    out = build(run, data, tmp_path, "--format", "xlsx")
    header = [c.value for c in load_workbook(out / "actietabel.xlsx").active[1]]
    assert "Eigenaar" not in header and "Bijgewerkt" not in header and "Gewijzigd" not in header
    assert header[:2] == ["Actie", "Sectie"] and "Stand van zaken" in header


def test_pdf_is_tagged_and_complete(run: Run, tmp_path: Path) -> None:
    out = build(run, DEMO, tmp_path, "--format", "pdf")
    info = pdf_info(out / "actietabel.pdf")
    assert info["Tagged"] == "yes"
    assert info["Title"].startswith("Stand van zaken vervolgacties")
    assert info["Page size"].startswith("841.89 x 595.27")  # A4 landscape
    pages = page_texts(out / "actietabel.pdf")
    text = "\n".join(pages)
    # every page after the cover says where it is
    for number, page in enumerate(pages[1:], start=2):
        assert f"Pagina {number} van {len(pages)}" in page
    for number in (1, 12, 83):
        assert re.search(rf"^\s*{number}\.", text, re.MULTILINE)


def test_html_passes_the_w3c_checker(run: Run, tmp_path: Path) -> None:
    out = build(run, DEMO, tmp_path, "--format", "html")
    assert html_errors(out / "actietabel.html") == []


def test_docx_and_xlsx_open_in_libreoffice(run: Run, tmp_path: Path) -> None:
    out = build(run, DEMO, tmp_path / "out", "--format", "docx,xlsx")
    for ext in ("docx", "xlsx"):
        folder = tmp_path / ext
        folder.mkdir()
        pdf = to_pdf(out / f"actietabel.{ext}", folder)
        found = set(re.findall(r"\d+", "\n".join(page_texts(pdf))))
        missing = [n for n in (1, 2, 5, 12, 16, 35, 83) if str(n) not in found]
        assert not missing, f"{ext}: actions {missing} not in LibreOffice's PDF"


def test_openbaar_has_no_registered_name_in_any_format(
    run: Run, data: Path, tmp_path: Path
) -> None:
    path = data / "acties" / "002-schulden.yaml"
    edit(path, "Afgerond in het voorjaar.", "Besproken met F. Abma.", every=True)
    out = build(run, data, tmp_path / "out", "--openbaar")
    files = sorted(out.iterdir())
    assert {f.name for f in files} == set(FORMATS.files("actietabel-openbaar"))
    for file in files:
        raw = file.read_bytes()
        parts = [raw]
        if raw[:2] == b"PK":
            with zipfile.ZipFile(file) as archive:
                parts = [archive.read(n) for n in archive.namelist()]
        for part in parts:
            assert b"Abma" not in part and b"Zijlstra" not in part, file.name
    pdf = out / "actietabel-openbaar.pdf"
    text = "\n".join(page_texts(pdf)) + str(pdf_info(pdf))
    assert "Abma" not in text and "Persoonsgegevens" in text
    assert "Besproken met Persoonsgegevens" in (out / "actietabel-openbaar.md").read_text()


# --- what changed since an earlier edition -------------------------------------------------


def git(repo: Path, *args: str, date: str | None = None) -> None:
    env = {**os.environ, "GIT_AUTHOR_NAME": "Redactie", "GIT_AUTHOR_EMAIL": "r@example.org",
           "GIT_COMMITTER_NAME": "Redactie", "GIT_COMMITTER_EMAIL": "r@example.org"}  # fmt: skip
    if date:
        env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"] = f"{date}T12:00:00"
    subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, env=env)


@pytest.fixture
def history(data: Path) -> Path:
    """A repository: the fixture data committed on 1 May 2021 (tag v1), then on 1 June action 2
    got a new state of affairs, action 1's file was renamed (content unchanged) and action 11
    was added."""
    repo = data.parent
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "eerste editie", date="2021-05-01")
    git(repo, "tag", "v1")
    acties = data / "acties"
    stand = acties / "002-schulden.yaml"
    edit(stand, "in het voorjaar", "in mei", every=True)
    (acties / "001-compensatie.yaml").rename(acties / "001-compensatie-ouders.yaml")
    (acties / "011-nieuw.yaml").write_text(
        "nummer: 11\nsectie: Toekomst toeslagen\nomschrijving: Nieuw\nstatus: loopt\n"
        "stand_van_zaken: Net begonnen.\n",
        encoding="utf-8",
    )
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "tweede editie", date="2021-06-01")
    return data


def test_changed_since_a_tag_marks_changed_and_new_actions(
    run: Run, history: Path, tmp_path: Path
) -> None:
    out = build(run, history, tmp_path, "--format", "html,md,xlsx", "--gewijzigd-sinds", "v1")
    html = (out / "actietabel.html").read_text(encoding="utf-8")
    changed = re.findall(r'id="actie-(\d+)" class="[a-z_]+ gewijzigd"', html)
    assert changed == ["2", "11"]  # the renamed file is not a change
    assert "2 gewijzigd sinds v1." in html
    sheet = load_workbook(out / "actietabel.xlsx").active
    assert [sheet.cell(row=r, column=10).value for r in range(2, 6)] == ["nee", "ja", "nee", "ja"]


def test_changed_since_a_date_and_errors(run: Run, history: Path, tmp_path: Path) -> None:
    out = build(run, history, tmp_path / "a", "--format", "md", "--gewijzigd-sinds", "2021-05-15")
    text = (out / "actietabel.md").read_text(encoding="utf-8")
    assert "2 gewijzigd sinds 15 mei 2021." in text
    out = build(run, history, tmp_path / "b", "--format", "md", "--gewijzigd-sinds", "2021-04-01")
    assert "4 gewijzigd sinds 1 april 2021." in (out / "actietabel.md").read_text(encoding="utf-8")

    result = run(
        "actions", "--data", history, "--output", tmp_path / "c", "--gewijzigd-sinds", "v9"
    )
    assert result.exit_code == 2
    assert "'v9' is neither a git ref nor a date" in result.output


def test_changed_since_outside_a_repository(run: Run, data: Path, tmp_path: Path) -> None:
    result = run("actions", "--data", data, "--output", tmp_path / "c", "--gewijzigd-sinds", "v1")
    assert result.exit_code == 2
    assert "is not in a git repository" in result.output


def test_a_heading_in_a_cell_is_a_bold_paragraph_in_every_format(
    run: Run, data: Path, tmp_path: Path
) -> None:
    # a heading inside a table cell cannot take part in the outline: an <h3> right after the
    # page's <h1> is a skipped level to the W3C checker
    from tests.printed import heading_tags, text_pieces

    path = data / "acties" / "002-schulden.yaml"
    edit(
        path,
        "stand_van_zaken: Afgerond in het voorjaar.",
        "stand_van_zaken: |\n  Tekst.\n\n  ### Kop in een cel\n\n  Meer tekst.\n\n"
        "  Setext kop\n  ----------\n\n  Slot.\n",
        every=True,
    )
    out = build(run, data, tmp_path)
    html = (out / "actietabel.html").read_text(encoding="utf-8")
    table = html[html.index("<table") :]
    assert not re.search(r"<h[1-6]", table)
    for kop in ("Kop in een cel", "Setext kop"):
        assert f"<p><strong>{kop}</strong></p>" in table
        assert f"**{kop}**" in (out / "actietabel.md").read_text(encoding="utf-8")
    # the PDF: the title its one heading; the cell's headings bold text
    pdf = out / "actietabel.pdf"
    assert heading_tags(pdf) == [1]
    pieces = [p for page in range(page_count(pdf)) for p in text_pieces(pdf, page)]
    for kop in ("Kop in een cel", "Setext kop"):
        assert any(kop in text and font.endswith("Bold") for text, font, _, _ in pieces), kop
    # the Word table: no heading style inside a cell, a bold line
    cells = [
        paragraph
        for table in Document(str(out / "actietabel.docx")).tables
        for row in table.rows
        for cell in row.cells
        for paragraph in cell.paragraphs
    ]
    for kop in ("Kop in een cel", "Setext kop"):
        [found] = {id(p): p for p in cells if p.text == kop}.values()
        assert not found.style.name.startswith("Heading")
        assert all(r.bold for r in found.runs)
    assert html_errors(out / "actietabel.html") == []
