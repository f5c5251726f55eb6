"""The outcome of a meeting (besluiten, acties) through the CLI: checked with file and line,
written as the besluitenlijst, and followed up in the next meeting's deck, the deadline radar
and its calendar until a later meeting closes the action."""

from __future__ import annotations

from pathlib import Path

import icalendar
from docx import Document
from pptx import Presentation

from generator.render.besluitenlijst import FORMATS
from tests.conftest import Run
from tests.office import page_texts, to_pdf, words

MEETING = """\
datum: 2030-09-09
titel: SCT overleg
aanwezig:
  - DG Toeslagen (voorzitter)
  - p-zijlstra
agenda:
  - rubriek: Ter besluitvorming
    items:
      - titel: Bezwaarprocedure versnellen
        inhoud: "## Voorstel\\n\\n- Sneller beslissen op bezwaar\\n"
        beslispunten:
          - Instemmen met een beslistermijn van zes weken.
          - Instemmen met extra capaciteit bij de bezwaarafdeling.
        besluiten:
          - beslispunt: 1
            uitkomst: aangenomen
            tekst: Het SCT stemt in met een beslistermijn van zes weken voor bezwaren.
          - beslispunt: 2
            uitkomst: aangehouden
            tekst: Capaciteitsvraag komt terug met een doorrekening van de kosten.
        acties:
          - nr: 1
            wat: Kostendoorrekening voor extra bezwaarcapaciteit opstellen.
            actiehouder: p-abma
            deadline: 2030-09-11
          - nr: 2
            wat: Werkinstructie beslistermijn aanpassen en verspreiden.
            actiehouder: p-zijlstra
            deadline: 2030-10-01
"""

LATER = """\
datum: 2030-09-12
agenda:
  - rubriek: Ter informatie
    items:
      - titel: Werkstromen
        onderdeel: werkstromen
afgerond: [{closed}]
"""


def meetings(data: Path, *, closed: str = "") -> None:
    folder = data / "vergaderingen"
    (folder / "2030-09-09.yaml").write_text(MEETING, encoding="utf-8")
    (folder / "2030-09-12.yaml").write_text(LATER.format(closed=closed), encoding="utf-8")


def slides_text(deck: Path) -> str:
    parts = []
    for slide in Presentation(str(deck)).slides:
        for shape in slide.shapes:
            if shape.has_text_frame:
                parts.append(shape.text_frame.text)
            if shape.has_table:
                parts.extend(c.text for r in shape.table.rows for c in r.cells)
    return "\n".join(parts)


def test_the_besluitenlijst_opens_in_libreoffice_with_every_decision_and_action(
    run: Run, data: Path, tmp_path: Path
) -> None:
    meetings(data)
    out = tmp_path / "out"
    result = run("besluitenlijst", "--data", data, "--output", out, "--vergadering", "2030-09-09")
    assert result.exit_code == 0, result.output
    assert "2 besluiten; 2 nieuwe acties" in result.output
    docx = out / "besluitenlijst-2030-09-09.docx"
    assert {p.name for p in out.iterdir()} == set(FORMATS.files("besluitenlijst-2030-09-09"))
    table = Document(str(docx)).tables[0]
    assert [c.text for c in table.rows[0].cells] == [
        "Nr.",
        "Actie",
        "Actiehouder",
        "Deadline",
        "Status",
    ]
    assert table.rows[0]._tr.trPr.xml.count("tblHeader") == 1  # repeats on every page
    text = " ".join(page_texts(to_pdf(docx, tmp_path)))
    for expected in (
        "Het SCT stemt in met een beslistermijn van zes weken voor bezwaren.",
        "Capaciteitsvraag komt terug met een doorrekening van de kosten.",
        "Kostendoorrekening voor extra bezwaarcapaciteit opstellen.",
        "Werkinstructie beslistermijn aanpassen en verspreiden.",
        "F. Abma",
        "G. Zijlstra",
        "2030-09-09/1",
        "Aangehouden",
        "DG Toeslagen (voorzitter)",
    ):
        assert words(expected) <= words(text), expected
    # the next meeting's agenda is in it
    assert "Agenda SCT overleg 12 september 2030" in (
        out / "besluitenlijst-2030-09-09.md"
    ).read_text(encoding="utf-8")
    pdf_text = " ".join(page_texts(out / "besluitenlijst-2030-09-09.pdf"))
    assert words("Werkinstructie beslistermijn aanpassen en verspreiden") <= words(pdf_text)


def test_an_open_action_follows_the_sct_until_a_later_meeting_closes_it(
    run: Run, data: Path, tmp_path: Path
) -> None:
    meetings(data)
    result = run("deck", "--data", data, "--output", tmp_path / "a")
    assert result.exit_code == 0, result.output
    text = slides_text(tmp_path / "a" / "sct-2030-09-12.pptx")
    assert "Openstaande acties" in text  # after the agenda, which does not name it
    assert "Kostendoorrekening voor extra bezwaarcapaciteit opstellen." in text
    assert "▲\u00a0verlopen" in text  # due 11 September, the meeting is on the 12th
    # how long it is open, a number under a header with the unit; where it came from without a
    # second date beside its number (2030-09-09/1 next to "SCT 9 sept" mixed two styles)
    assert "Open (dagen)" in text and "Open sinds" not in text and "3 dagen" not in text
    assert "3" in text.splitlines()  # the cell holds the number alone
    assert "Uit: Bezwaarprocedure versnellen" in text and "SCT 9" not in text

    radar = run("deadlines", "--data", data, "--peildatum", "2030-09-12").output
    assert "F. Abma" in radar and "2030-09-09/1" in radar and "VERLOPEN" in radar
    ics = run("deadlines", "--data", data, "--peildatum", "2030-09-12", "--format", "ics")
    events = icalendar.Calendar.from_ical(ics.output.encode()).walk("VEVENT")
    summaries = [str(e["SUMMARY"]) for e in events]
    assert any("2030-09-09/1 Kostendoorrekening" in s for s in summaries), summaries

    listed = run("besluitenlijst", "--data", data, "--output", tmp_path / "b", "--format", "md")
    md = (tmp_path / "b" / "besluitenlijst-2030-09-12.md").read_text(encoding="utf-8")
    assert listed.exit_code == 0
    assert "| 2030-09-09/1 | Kostendoorrekening" in md and "(verlopen)" in md

    # the later meeting records it done: gone from the deck and the radar
    meetings(data, closed="2030-09-09/1")
    result = run("deck", "--data", data, "--output", tmp_path / "c")
    text = slides_text(tmp_path / "c" / "sct-2030-09-12.pptx")
    assert "Kostendoorrekening" not in text
    assert "Werkinstructie beslistermijn" in text  # the other one stays open
    radar = run("deadlines", "--data", data, "--peildatum", "2030-09-12", "--binnen", "4w")
    assert "2030-09-09/1" not in radar.output and "2030-09-09/2" in radar.output
    run("besluitenlijst", "--data", data, "--output", tmp_path / "d", "--format", "md")
    md = (tmp_path / "d" / "besluitenlijst-2030-09-12.md").read_text(encoding="utf-8")
    assert "## In dit overleg afgerond" in md
    assert md.index("2030-09-09/1") > md.index("## In dit overleg afgerond")


def test_a_bad_actiehouder_fails_check_with_file_and_line(run: Run, data: Path) -> None:
    meetings(data)
    text = MEETING.replace("actiehouder: p-abma", "actiehouder: p-abmaa")
    (data / "vergaderingen" / "2030-09-09.yaml").write_text(text, encoding="utf-8")
    result = run("check", "--data", data)
    assert result.exit_code == 1
    line = text.splitlines().index("            actiehouder: p-abmaa") + 1
    assert f"2030-09-09.yaml:{line}:26: error: unknown persoon 'p-abmaa'" in result.output
    assert "did you mean 'p-abma'" in result.output


def test_a_missing_deadline_fails_check_with_file_and_line(run: Run, data: Path) -> None:
    meetings(data)
    text = MEETING.replace("            deadline: 2030-10-01\n", "")
    (data / "vergaderingen" / "2030-09-09.yaml").write_text(text, encoding="utf-8")
    result = run("check", "--data", data)
    assert result.exit_code == 1
    line = text.splitlines().index("          - nr: 2") + 1
    assert f"2030-09-09.yaml:{line}:" in result.output
    assert "deadline" in result.output.splitlines()[0], result.output


def test_closing_an_unknown_action_and_a_besluit_without_beslispunten(run: Run, data: Path) -> None:
    meetings(data, closed="2030-09-09/7")
    text = MEETING.replace(
        "        beslispunten:\n"
        "          - Instemmen met een beslistermijn van zes weken.\n"
        "          - Instemmen met extra capaciteit bij de bezwaarafdeling.\n",
        "",
    )
    (data / "vergaderingen" / "2030-09-09.yaml").write_text(text, encoding="utf-8")
    result = run("check", "--data", data)
    assert result.exit_code == 1
    assert "2030-09-12.yaml:7:" in result.output
    assert "unknown actiepunt '2030-09-09/7'" in result.output
    line = text.splitlines().index("        besluiten:") + 2  # its first besluit
    assert f"2030-09-09.yaml:{line}:" in result.output
    assert "warning: a besluit on an agenda item without beslispunten" in result.output


def test_openbaar_has_no_name(run: Run, data: Path, tmp_path: Path) -> None:
    meetings(data)
    out = tmp_path / "out"
    result = run("besluitenlijst", "--data", data, "--output", out, "--openbaar")
    assert result.exit_code == 0, result.output
    md = (out / "besluitenlijst-2030-09-12-openbaar.md").read_text(encoding="utf-8")
    assert "Persoonsgegevens" in md
    body = " ".join(
        p.text for p in Document(str(out / "besluitenlijst-2030-09-12-openbaar.docx")).paragraphs
    )
    cells = " ".join(
        c.text
        for t in Document(str(out / "besluitenlijst-2030-09-12-openbaar.docx")).tables
        for r in t.rows
        for c in r.cells
    )
    for name in ("Abma", "Zijlstra"):
        assert name not in md and name not in body and name not in cells


def test_diff_reports_actions_added_closed_and_slipped(run: Run, data: Path) -> None:
    from tests.test_review import git

    meetings(data)
    root = data.parent
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "basis")
    git(root, "checkout", "-q", "-b", "na-het-overleg")
    meetings(data, closed="2030-09-09/1")
    first = data / "vergaderingen" / "2030-09-09.yaml"
    text = first.read_text(encoding="utf-8").replace("deadline: 2030-10-01", "deadline: 2030-10-15")
    text += (
        "          - nr: 3\n"
        "            wat: Ouders informeren over de nieuwe termijn.\n"
        "            actiehouder: p-zijlstra\n"
        "            deadline: 2030-09-30\n"
    )
    first.write_text(text, encoding="utf-8")
    git(root, "commit", "-qam", "na het overleg")
    result = run("diff", "main", "na-het-overleg", "--data", data)
    assert result.exit_code == 0, result.output
    out = result.output
    assert "### Acties uit het SCT" in out
    assert "**SCT-actie 2030-09-09/1**: status *Loopt* → *Afgerond*" in out
    assert "**SCT-actie 2030-09-09/2**: deadline 1 okt 2030 → 15 okt 2030 (+14 dagen" in out
    assert "**SCT-actie 2030-09-09/3** toegevoegd: Ouders informeren" in out


def _docx_text(path: Path) -> str:
    """A DOCX's paragraphs and table cells in document order."""
    document = Document(str(path))
    parts: list[str] = []
    body = document.element.body
    for child in body.iterchildren():
        if child.tag.endswith("}p"):
            parts.append("".join(t.text or "" for t in child.iter() if t.tag.endswith("}t")))
        elif child.tag.endswith("}tbl"):
            parts.append(" ".join(t.text or "" for t in child.iter() if t.tag.endswith("}t")))
    return "\n".join(parts)


def test_pdf_docx_and_markdown_say_the_same(run: Run, data: Path, tmp_path: Path) -> None:
    """One model, three writers: the same words, the same sentences for empty sections, the
    same counts in Dutch ("geen besluiten"), the same sections (the PDF had no "Openstaande
    acties uit eerdere overleggen")."""
    import re

    from tests.printed import plain_text

    meetings(data)
    out = tmp_path / "out"
    for date in ("2030-09-09", "2030-09-12"):
        result = run(
            "besluitenlijst", "--data", data, "--output", out, "--vergadering", date,
            "--format", "docx,md,pdf",
        )  # fmt: skip
        assert result.exit_code == 0, result.output
        md = (out / f"besluitenlijst-{date}.md").read_text(encoding="utf-8")
        markdown = re.sub(r"[*#|]|-{3,}", " ", md)
        docx = _docx_text(out / f"besluitenlijst-{date}.docx")
        pdf = plain_text(out / f"besluitenlijst-{date}.pdf")
        # the PDF's running header and footer repeat the title and the meeting; its page
        # number is the only text of its own
        assert words(markdown) == words(docx), date
        assert words(pdf) - words(markdown) <= {"pagina", "van"}, date
        assert words(markdown) <= words(pdf), date
        for sentence in (
            "Openstaande acties uit eerdere overleggen",
            "Acties uit dit overleg",
        ):
            for text in (md, docx, pdf):
                assert sentence in text, (date, sentence)
    later = (out / "besluitenlijst-2030-09-12.md").read_text(encoding="utf-8")
    pdf = plain_text(out / "besluitenlijst-2030-09-12.pdf")
    for text in (later, _docx_text(out / "besluitenlijst-2030-09-12.docx"), pdf):
        assert "Er zijn in dit overleg geen besluiten vastgelegd." in text
        assert "Geen besluiten; geen nieuwe acties; 2 acties uit eerdere overleggen open" in text
        assert "0 besluiten" not in text
