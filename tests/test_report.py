"""``statusgen report``: the Kamer progress report as HTML and tagged PDF."""

from __future__ import annotations

import re
from pathlib import Path

from pypdf import PdfReader

from tests.conftest import DEMO, Run
from tests.office import html_errors, page_texts, pdf_info
from tests.printed import plain_text
from tests.yamledit import edit

REPORT = "vgr-2021-1"


def build(run: Run, data: Path, out: Path, *args: str) -> Path:
    result = run("report", REPORT, "--data", data, "--output", out, *args)
    assert result.exit_code == 0, result.output
    return out


def test_report_structure(run: Run, tmp_path: Path) -> None:
    out = build(run, DEMO, tmp_path, "--format", "html")
    html = (out / f"{REPORT}.html").read_text(encoding="utf-8")
    assert '<html lang="nl">' in html
    assert "<title>1e Voortgangsrapportage Toeslagen 2021</title>" in html
    assert "Periode: 1 januari 2021 tot en met 31 augustus 2021" in html
    # the table of contents links every chapter and paragraph, numbered
    toc = html[html.index('<nav class="inhoud"') : html.index("</nav>")]
    for link in ('href="#h1"', 'href="#p1-2"', 'href="#p2-uitgelicht"', 'href="#bijlage"'):
        assert link in toc
    assert '<span class="nr">2.2</span>Aandacht' in toc
    # the reading guide comes from the legend: label and symbol
    assert "Continu, verloopt minder goed</dt>" in html and "▲" in html
    # activity tables grouped, status in words
    assert '<th colspan="2" scope="rowgroup">Toezicht en fraude</th>' in html
    assert "Verwerken van risicosignalen" in html
    # starred activities are gathered and linked
    assert '<a class="ster" href="#a2-5"' in html and '<h4 id="a2-5">' in html
    assert '<h4 id="u2-1">Uitkeren toeslagen</h4>' in html
    assert "Belangrijkste resultaten" in html


def test_kpi_annex_and_explanations(run: Run, tmp_path: Path) -> None:
    out = build(run, DEMO, tmp_path, "--format", "html")
    html = (out / f"{REPORT}.html").read_text(encoding="utf-8")
    annex = html[html.index('id="bijlage"') :]
    rows = dict(re.findall(r'<th scope="row">([^<]+)</th>.*?class="oordeel-(\w+)"', annex, re.S))
    assert rows["Toeslagen op tijd uitbetaald"] == "voldaan"
    assert rows["Ernstige productieverstoringen"] == "niet_voldaan"
    assert rows["Definitief vastgestelde toeslagen over het vorige jaar"] == "voldaan"  # override
    assert rows["Gemak"] == "geen"
    assert rows["Burgers die de dienstverlening een 3 of hoger geven (5-puntsschaal)"] == "voldaan"
    explained = html[html.index('id="toelichting-bijlage"') :]
    assert "Ernstige productieverstoringen" in explained
    assert "Definitief vastgestelde" not in explained
    # risk paragraph: the top risks only
    risks = html[html.index('id="p3-3"') : html.index('id="bijlage"')]
    assert "Beleidstoezeggingen onder politieke druk" in risks
    assert risks.count('class="risico"') == 3


def test_html_passes_the_w3c_checker(run: Run, tmp_path: Path) -> None:
    out = build(run, DEMO, tmp_path, "--format", "html")
    assert html_errors(out / f"{REPORT}.html") == []


def test_pdf_is_tagged_and_its_contents_page_is_right(run: Run, tmp_path: Path) -> None:
    out = build(run, DEMO, tmp_path, "--format", "pdf")
    pdf = out / f"{REPORT}.pdf"
    info = pdf_info(pdf)
    assert info["Tagged"] == "yes"
    assert info["Title"] == "1e Voortgangsrapportage Toeslagen 2021"
    assert info["Page size"].startswith("595.27")  # A4 portrait
    assert PdfReader(pdf).trailer["/Root"]["/Lang"] == "nl"
    pages = page_texts(pdf)
    contents = next(i for i, p in enumerate(pages) if re.search(r"^\s*Inhoud\s*$", p, re.M))
    # Typst puts a word joiner (U+2060) before each page number
    entries = re.findall(
        r"^\s*(?:(\d+(?:\.\d+)?)\s+)?(\S.*?)\s*\.{3,}[\s\u2060]*(\d+)\s*$", pages[contents], re.M
    )
    assert len(entries) >= 12
    for number, title, page in entries:
        heading = rf"{re.escape(number)}\s+{re.escape(title)}" if number else re.escape(title)
        found = [
            i + 1
            for i, text in enumerate(pages)
            if i > contents and re.search(rf"^\s*{heading}\s*$", text, re.M)
        ]
        assert found, f"heading {number} {title!r} not found"
        assert found[0] == int(page), f"{title!r}: contents say {page}, it is on {found[0]}"


def test_markdown_in_a_report_is_sanitised(run: Run, data: Path, tmp_path: Path) -> None:
    (data / "rapportages").mkdir()
    (data / "rapportages" / f"{REPORT}.yaml").write_text(
        "titel: Test {{ titel }}\n"
        "periode: {van: 2030-01-01, tot: 2030-06-30}\n"
        "inleiding: |\n"
        '  Tekst <script>alert(1)</script> en <a href="javascript:x()">link</a> {% if 1 %}.\n'
        "hoofdstukken:\n"
        "  - titel: Een\n"
        "    activiteiten:\n"
        "      - {groep: G, naam: A, status: in_proces}\n",
        encoding="utf-8",
    )
    out = build(run, data, tmp_path / "out", "--format", "html")
    html = (out / f"{REPORT}.html").read_text(encoding="utf-8")
    assert "<script>alert" not in html and '<a href="javascript' not in html
    assert "Test {{ titel }}" in html and "{% if 1 %}" in html


def test_unknown_report(run: Run, tmp_path: Path) -> None:
    result = run("report", "vgr-2021-2", "--data", DEMO, "--output", tmp_path)
    assert result.exit_code == 2
    assert "there is no report 'vgr-2021-2'" in result.output and "vgr-2021-1" in result.output


def test_openbaar_report_has_no_names(run: Run, tmp_path: Path) -> None:
    out = build(run, DEMO, tmp_path, "--openbaar")
    html = (out / f"{REPORT}-openbaar.html").read_text(encoding="utf-8")
    # a risk's owner is their unit, in the normal version too
    assert "H. Elzinga" not in html
    assert "<dt>Eigenaar</dt><dd>Uitvoeringsorganisatie Herstel Toeslagen</dd>" in html
    text = "\n".join(page_texts(out / f"{REPORT}-openbaar.pdf"))
    assert "Elzinga" not in text and "Oosterwijk" not in text


def test_check_judges_norms_and_needs_the_risk_log(run: Run, data: Path) -> None:
    (data / "rapportages").mkdir()
    path = data / "rapportages" / "r.yaml"
    path.write_text(
        "titel: R\n"
        "periode: {van: 2030-01-01, tot: 2030-06-30}\n"
        "kpis:\n"
        "  - groep: G\n"
        "    rijen:\n"
        "      - {naam: Een, norm: ongeveer 90%, realisatie: 91%}\n"
        "      - {naam: Twee, norm: 90%, realisatie: '95'}\n"
        "      - {naam: Drie, norm: '< 5', realisatie: '8'}\n"
        "risicoparagraaf: true\n",
        encoding="utf-8",
    )
    (data / "risicos.yaml").unlink()
    edit(data / "werkstromen" / "01-klantreis.yaml", "    risicos: [R1]\n", "", every=True)
    result = run("check", "--data", data)
    assert result.exit_code == 1
    out = result.output
    assert "r.yaml:6:" in out and "norm 'ongeveer 90%' is not a number" in out
    assert "risicoparagraaf: true needs risicos.yaml" in out
    assert "r.yaml:7:" in out and "differ in '%'" in out
    assert "KPI 'Drie' misses its norm but has no toelichting" in out


def test_a_norm_written_as_a_dash_shows_as_no_norm(run: Run, data: Path, tmp_path: Path) -> None:
    """ "-", "–" and a norm left out all mean there is none, and look alike in the annex."""
    (data / "rapportages").mkdir()
    (data / "rapportages" / "r.yaml").write_text(
        "titel: Norm\n"
        "periode: {van: 2021-01-01, tot: 2021-08-31}\n"
        "kpis:\n"
        "  - groep: G\n"
        "    rijen:\n"
        "      - {naam: Streepje, norm: '-', realisatie: Jaarindicator}\n"
        "      - {naam: Gedachtestreepje, norm: '–', realisatie: Jaarindicator}\n"
        "      - {naam: Zonder, realisatie: Jaarindicator}\n"
        "      - {naam: Woorden, norm: n.v.t., realisatie: Jaarindicator}\n",
        encoding="utf-8",
    )
    result = run("report", "r", "--data", data, "--output", tmp_path, "--format", "html,pdf")
    assert result.exit_code == 0, result.output
    html = (tmp_path / "r.html").read_text(encoding="utf-8")
    norms = dict(re.findall(r'<th scope="row">([^<]+)</th><td class="getal">([^<]*)<', html))
    assert norms == {"Streepje": "–", "Gedachtestreepje": "–", "Zonder": "–", "Woorden": "n.v.t."}
    printed = re.sub(r"\s+", " ", plain_text(tmp_path / "r.pdf"))
    for naam in ("Streepje", "Gedachtestreepje", "Zonder"):
        assert f"{naam} – Jaarindicator" in printed, printed


def test_format_takes_any_order_as_every_command_does(run: Run, tmp_path: Path) -> None:
    """``--format`` is the same option on every command that writes formats: a comma list in
    any order, an unknown format refused with the known ones named, nothing written."""
    from generator.render.rapportage import FORMATS

    out = build(run, DEMO, tmp_path / "a", "--format", ",".join(reversed(list(FORMATS))))
    assert sorted(p.name for p in out.iterdir()) == sorted(FORMATS.files(REPORT))
    result = run("report", REPORT, "--data", DEMO, "--output", tmp_path / "b", "--format", "odt")
    assert result.exit_code == 2 and f"choose from {', '.join(FORMATS)}" in result.output
    assert not (tmp_path / "b").exists()
