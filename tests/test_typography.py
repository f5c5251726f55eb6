"""The Dutch typesetting rules (generator/text/typesetting.py) as the print documents keep them:
measured in the PDFs with bench/typography.py, as a reader's tools read them (poppler)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from generator.text.typesetting import (
    MIN_SIDE,
    MIN_WORD,
    SOFT_HYPHEN,
    break_points,
    en_dashes,
    hyphenated,
    soft_hyphens,
)
from tests.conftest import Run
from tests.office import need
from tests.yamledit import read_yaml, write_yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

DEMO = ROOT / "status"


def test_only_long_words_break_with_three_letters_a_side() -> None:
    for short in ("deze", "hoge", "euro", "inzet", "basis", "opnieuw"):
        assert break_points(short) == []
    points = break_points("kinderopvangtoeslag")
    assert points and all(MIN_SIDE <= p <= len("kinderopvangtoeslag") - MIN_SIDE for p in points)
    for word in soft_hyphens("De ongefilterde informatievoorziening van iedereen").split():
        parts = word.split(SOFT_HYPHEN)
        if len(parts) > 1:
            assert len(word.replace(SOFT_HYPHEN, "")) >= MIN_WORD
            # at least three letters before the first break and after the last
            assert len(parts[0]) >= MIN_SIDE and len(parts[-1].strip(".,")) >= MIN_SIDE


def test_addresses_code_and_labels_never_get_a_soft_hyphen() -> None:
    assert SOFT_HYPHEN not in soft_hyphens(
        "zie www.ambtelijkvakmanschap.nl of info@belastingdienst.nl"
    )
    data = {
        "id": "hoofdstuk-dienstverlening",
        "blocks": [
            {"type": "run", "text": "dienstverlening", "code": True},
            {"type": "run", "text": "dienstverlening", "link": "https://dienstverlening.nl"},
        ],
        "titel": "Dienstverlening",
    }
    shown = hyphenated(data)
    assert shown["id"] == data["id"] and shown["titel"] == "Dienstverlening"
    assert shown["blocks"][0]["text"] == "dienstverlening"
    assert SOFT_HYPHEN in shown["blocks"][1]["text"]
    assert shown["blocks"][1]["link"] == "https://dienstverlening.nl"


def test_ranges_take_an_en_dash() -> None:
    assert en_dashes("82,9% - 85,7%") == "82,9%–85,7%"
    assert en_dashes("januari - maart") == "januari – maart"
    # a Kamerstuk number and an ISO date keep their hyphen
    assert en_dashes("Kamerstuk 31066-123 van 2021-06-11") == "Kamerstuk 31066-123 van 2021-06-11"


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[str, object]]:
    """The measures of the demo report and of the action table of 86 actions."""
    need("pdftotext")
    from click.testing import CliRunner
    from dataset import make
    from typography import measure

    from generator.cli import main

    work = tmp_path_factory.mktemp("typography")
    runner = CliRunner()
    big = make(work / "data-86", werkstromen=13, acties=86)
    made = []
    result = runner.invoke(
        main, ["report", "vgr-2021-1", "--data", str(DEMO), "--output", str(work / "r"),
               "--format", "pdf"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    made.append(("report", measure(work / "r" / "vgr-2021-1.pdf", "report")))
    for label, data in (("demo", DEMO), ("86", big)):
        out = work / label
        result = runner.invoke(
            main, ["actions", "--data", str(data), "--output", str(out), "--format", "pdf"]
        )
        assert result.exit_code == 0, result.output
        made.append((label, measure(out / "actietabel.pdf", label)))
    return made


def test_no_word_is_hyphenated_across_a_page_and_none_against_the_rules(
    printed: list[tuple[str, object]],
) -> None:
    for name, measures in printed:
        assert measures.across == [], name  # type: ignore[attr-defined]
        assert measures.short == [], name  # type: ignore[attr-defined]
        assert measures.runs == 0, name  # type: ignore[attr-defined]


def test_ragged_text_prefers_no_hyphen(printed: list[tuple[str, object]]) -> None:
    for name, measures in printed:
        # the previous release had 7 to 16 hyphenated line ends on a page
        assert max(measures.per_page, default=0) <= 4, name  # type: ignore[attr-defined]


def test_body_text_is_at_least_9_pt_and_running_heads_8(
    printed: list[tuple[str, object]],
) -> None:
    for name, measures in printed:
        assert measures.body_pt >= 9, name  # type: ignore[attr-defined]
        assert measures.margin_pt >= 8, name  # type: ignore[attr-defined]


def test_a_report_without_afzender_is_warned_about_naming_the_fallback(
    run: Run, tmp_path: Path
) -> None:
    import shutil

    data = tmp_path / "data"
    shutil.copytree(DEMO, data)
    for name in ("actietabel.yaml", "rapportages/vgr-2021-1.yaml"):
        path = data / name
        lines = path.read_text(encoding="utf-8").splitlines()
        start = lines.index("afzender:")
        del lines[start : start + 3]
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run("check", "--data", data)
    found = [line for line in result.output.splitlines() if "no afzender" in line]
    assert len(found) == 2, result.output
    assert all("Crisisorganisatie Kinderopvangtoeslag" in line for line in found)
    assert any("rapportages/vgr-2021-1.yaml:1:1" in line for line in found)
    assert any("actietabel.yaml:1:1" in line for line in found)
    assert "no afzender" not in run("check", "--data", DEMO).output


def test_the_report_names_a_risk_owner_by_unit_never_by_name(run: Run, tmp_path: Path) -> None:
    from tests.printed import plain_text

    result = run("report", "vgr-2021-1", "--data", DEMO, "--output", tmp_path)
    assert result.exit_code == 0, result.output
    html = (tmp_path / "vgr-2021-1.html").read_text(encoding="utf-8")
    text = plain_text(tmp_path / "vgr-2021-1.pdf")
    for person in ("H. Elzinga", "M. Oosterwijk", "S. Lindenhovius", "K. Ramdin", "W. Groenhof"):
        assert person not in html and person not in text
    assert "Eigenaar: Uitvoeringsorganisatie Herstel Toeslagen" in text


def test_the_leeswijzer_writes_section_titles_in_sentence_case(run: Run, tmp_path: Path) -> None:
    result = run("report", "vgr-2021-1", "--data", DEMO, "--output", tmp_path, "--format", "html")
    assert result.exit_code == 0, result.output
    html = (tmp_path / "vgr-2021-1.html").read_text(encoding="utf-8")
    assert "behandelt achtereenvolgens werken aan vertrouwen (1.1)" in html
    assert "Werken aan vertrouwen (1.1)" not in html
    # a title with a name in it keeps its capitals
    assert "Herstel Toeslagen (1.3)" in html


def test_the_leeswijzer_never_leaves_its_last_lines_alone_on_a_page(
    run: Run, tmp_path: Path
) -> None:
    """An introduction just long enough to push the Leeswijzer's last lines onto a page of
    their own, before chapter 1's new page: the Leeswijzer goes with the contents instead."""
    import shutil

    from typography import measure

    from tests.printed import plain_text

    need("pdftotext")
    data = tmp_path / "data"
    shutil.copytree(DEMO, data)
    path = data / "rapportages" / "vgr-2021-1.yaml"
    report = read_yaml(path)
    report["inleiding"] += "\n" + "\n".join(
        f"Alinea {i}: het herstel vraagt tijd, en de organisatie werkt aan vertrouwen met ouders "
        "en gemeenten in het hele land.\n"
        for i in range(10)
    )
    write_yaml(path, report)
    result = run("report", "vgr-2021-1", "--data", data, "--output", tmp_path / "out")
    assert result.exit_code == 0, result.output
    pdf = tmp_path / "out" / "vgr-2021-1.pdf"
    measures = measure(pdf, "report", {1})
    pages = plain_text(pdf)
    assert measures.fill[1] > 0.5  # the contents page holds the Leeswijzer too
    assert all(fill >= 0.25 for fill in measures.fill[1:4]), measures.fill
    assert "Leeswijzer" in pages


def test_no_page_of_the_action_table_is_less_than_a_quarter_full(
    printed: list[tuple[str, object]],
) -> None:
    """The cover aside; the last page is balanced with the one before it (it held one short
    row of the demo data: 14% of a page)."""
    for name, measures in printed:
        if name != "report":
            assert measures.sparse == [], (name, measures.fill)  # type: ignore[attr-defined]


def test_no_page_of_the_report_is_less_than_a_quarter_full(run: Run, tmp_path: Path) -> None:
    """The cover and the colofon's page aside. The activity table of chapter 3 did not fit at
    the foot of page 7 and stood alone on page 8 (15 %) before the annex's new page; the annex
    now goes on on that page (``settle``)."""
    from typography import measure

    need("pdftotext")
    result = run("report", "vgr-2021-1", "--data", DEMO, "--output", tmp_path, "--format", "pdf")
    assert result.exit_code == 0, result.output
    pdf = tmp_path / "vgr-2021-1.pdf"
    pages = measure(pdf, "report", set()).pages
    measures = measure(pdf, "report", {1, pages})
    assert measures.sparse == [], measures.fill


def test_the_activity_table_stands_after_the_work_and_before_the_risks(
    run: Run, tmp_path: Path
) -> None:
    """In every chapter the table follows the paragraphs on the chapter's work; in chapter 3
    it stood after the risk paragraph and read as part of the last risk."""
    result = run("report", "vgr-2021-1", "--data", DEMO, "--output", tmp_path, "--format", "html")
    assert result.exit_code == 0, result.output
    html = (tmp_path / "vgr-2021-1.html").read_text(encoding="utf-8")
    chapter = html[html.index("Wat hebben we ervoor nodig?</h2>") :]
    chapter = (
        chapter[: chapter.index('class="hoofdstuk"')] if 'class="hoofdstuk"' in chapter else chapter
    )
    table = chapter.index("Activiteiten bij hoofdstuk 3")
    assert chapter.index("3.2</span> ICT") < table < chapter.index("3.3</span> Risicoparagraaf")
    assert "Na ICT (3.2) volgt een tabel van de activiteiten" in html


def test_the_action_table_names_an_owner_by_unit_in_every_format(run: Run, tmp_path: Path) -> None:
    from docx import Document
    from openpyxl import load_workbook

    from tests.printed import plain_text

    result = run("actions", "--data", DEMO, "--output", tmp_path)
    assert result.exit_code == 0, result.output
    docx = "\n".join(
        cell.text
        for table in Document(str(tmp_path / "actietabel.docx")).tables
        for row in table.rows
        for cell in row.cells
    )
    sheet = load_workbook(tmp_path / "actietabel.xlsx").active
    xlsx = "\n".join(str(c.value) for row in sheet.iter_rows() for c in row if c.value)
    texts = {
        "pdf": plain_text(tmp_path / "actietabel.pdf"),
        "html": (tmp_path / "actietabel.html").read_text(encoding="utf-8"),
        "md": (tmp_path / "actietabel.md").read_text(encoding="utf-8"),
        "docx": docx,
        "xlsx": xlsx,
    }
    for name, text in texts.items():
        for person in ("P. Veldkamp", "T. Wesselink", "W. Groenhof"):
            assert person not in text, (name, person)
        assert "Programma Opvolging POK" in text, name  # p-veldkamp's unit


def test_ordinals_are_superscript_in_the_docx(run: Run, tmp_path: Path) -> None:
    from docx import Document

    from generator.render.word import runs

    document = Document()
    paragraph = document.add_paragraph()
    runs(paragraph, "In het 4de kwartaal volgt de 1e rapportage.")
    shown = [(r.text, bool(r.font.superscript)) for r in paragraph.runs]
    assert shown == [
        ("In het 4", False), ("de", True), (" kwartaal volgt de 1", False), ("e", True),
        (" rapportage.", False),
    ]  # fmt: skip
