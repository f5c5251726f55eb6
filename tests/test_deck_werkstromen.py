"""The workstream slides of the deck: the overview on one slide, the results form with a row
per eindresultaat, per-row status cells in the standard form, compressed number lists."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from pptx import Presentation

from generator.model.legend import SCT
from tests.conftest import DEMO, Run
from tests.test_deck import AUGUST_17, build, slide_text, titles

OVERVIEW = "Herstelorganisatie – werkstromen voor de komende 2-3 maanden"
RESULTS_HEADER = [
    "Opdracht", "Eindresultaten", "Betrokken thema's", "Deadline", "Afhankelijkheid", "Risico's",
    "Status/subresultaat, incl. toelichting",
]  # fmt: skip

#: the workstreams of the deck of 17 August 2020 that the demo data leaves out, with titles
#: as long as the real ones
SEED_WORKSTREAMS = {
    5: ("Externe onderzoeken coördineren", "externe onderzoeken"),
    6: ("Parlementaire zaken en rapportage coördineren", "parlementaire zaken"),
    8: ("Stakeholders en adviseurs betrekken bij de hersteloperatie", "Stakeholders"),
    9: ("Voortgang van de crisisorganisatie monitoren", "monitoren"),
    10: ("Overkoepelende projecten coördineren", "Coördineren"),
    13: ("Algehele productie opstarten en uitvoeren", "algehele productie"),
}


def tables(deck: Path, prefix: str) -> list[tuple[Any, Any]]:
    """(slide, table) for every slide whose title starts with ``prefix``."""
    prs = Presentation(str(deck))
    names = titles(deck)
    found = []
    for index, name in enumerate(names):
        if name.startswith(prefix):
            slide = prs.slides[index]
            found.append((slide, next(sh.table for sh in slide.shapes if sh.has_table)))
    return found


def plain(shape: Any) -> str:
    """A cell's text with its no-break spaces (which keep "R1 t/m R3" whole) as spaces."""
    return str(shape.text).replace("\u00a0", " ")


def rows_of(table: Any) -> list[list[Any]]:
    return [list(row.cells) for row in list(table.rows)[1:]]


def fill(cell: Any) -> str | None:
    try:
        return str(cell.fill.fore_color.rgb)
    except (AttributeError, TypeError):
        return None


@pytest.fixture(scope="module")
def demo_deck(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from click.testing import CliRunner

    from generator.cli import main

    out = tmp_path_factory.mktemp("deck")
    args = ["deck", "--data", str(DEMO), "--output", str(out), "--peildatum", "2020-08-17"]
    result = CliRunner().invoke(main, [*args, *AUGUST_17], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return next(out.glob("*.pptx"))


# --- the overview --------------------------------------------------------------------------


def test_overview_of_thirteen_workstreams_is_one_slide(run: Run, tmp_path: Path) -> None:
    data = tmp_path / "status"
    shutil.copytree(DEMO, data)
    for nummer, (titel, kernwoord) in SEED_WORKSTREAMS.items():
        (data / "werkstromen" / f"{nummer:02d}-seed.yaml").write_text(
            f"nummer: {nummer}\ntitel: {titel}\nkernwoord: {kernwoord}\ntrekker: p-groenhof\n"
            f'opdrachten:\n  - nummer: "{nummer}.1"\n    titel: Eerste opdracht\n'
            f"    status: {SCT.values[nummer % 5]}\n",
            encoding="utf-8",
        )
    deck = build(run, data, tmp_path / "out", *AUGUST_17)
    names = titles(deck)
    assert names.count(OVERVIEW) == 1, [n for n in names if n.startswith("Herstelorganisatie")]
    ((slide, table),) = tables(deck, OVERVIEW)
    rows = rows_of(table)
    assert [plain(r[0]) for r in rows] == [str(n) for n in range(1, 14)]
    shorts = {s.short_label: s.colour for s in SCT.statuses}
    for row in rows:
        label = plain(row[3]).replace("\u00a0", " ")
        assert shorts[label] == fill(row[3])  # the short label, in a cell of its colour
        assert "\u00a0" in row[3].text or " " not in label  # a label never wraps
    bold = [r.text for r in rows[12][1].text_frame.paragraphs[0].runs if r.font.bold]
    assert bold == ["Algehele productie"]  # the kernwoord stays bold
    for status in SCT.statuses:  # the full labels in the legend under the table
        assert status.label in slide_text(slide)


def test_overview_status_labels_are_short(demo_deck: Path) -> None:
    ((_, table),) = tables(demo_deck, OVERVIEW)
    labels = {plain(row[3]).replace("\u00a0", " ") for row in rows_of(table)}
    assert labels <= {s.short_label for s in SCT.statuses}
    assert "Zorgen" in labels


# --- the results form ----------------------------------------------------------------------


def test_results_form_has_a_row_per_eindresultaat(demo_deck: Path) -> None:
    slides = tables(demo_deck, "11. ")
    assert len(slides) >= 2  # the demo's results table continues
    for slide, table in slides:
        assert [plain(c) for c in table.rows[0].cells] == RESULTS_HEADER
        assert "Werkstroomtrekker: H. Elzinga" in slide_text(slide)
    rows = [row for _, table in slides for row in rows_of(table)]
    by_title = {plain(row[1]): row for row in rows}
    staffed = by_title["Primaire en ondersteunende functies zijn voldoende bezet"]
    roles = by_title[
        "Taken en bevoegdheden zijn helder en volledig belegd, met zo min mogelijk overlap"
    ]
    # each row its own themes, deadline, dependency, risks and status with its toelichting
    assert [plain(c) for c in staffed[2:6]] == ["PMO", "1 sept", "SCT, SSO O&P", "R2"]
    assert [plain(c) for c in roles[2:6]] == ["Wendbaar\nPMO", "n.t.b.", "WS 1 t/m 4", "R1 t/m R3"]
    zorgen = SCT["zorgen"].label  # the legend's label: no legend under these tables
    assert plain(staffed[6]).startswith(f"{zorgen}\nDe lijst met aanvullende rollen")
    # the status colour per row
    efficient = by_title["Systemen ondersteunen de primaire processen op een efficiënte manier"]
    database = by_title["Alle processen putten uit één centrale, betrouwbare gegevensbron"]
    assert fill(efficient[6]) == SCT["zorgen"].colour
    assert fill(database[6]) == SCT["gestart"].colour
    assert plain(database[6]).startswith("Gestart en op schema\n")
    assert [plain(c) for c in database[4:6]] == ["IV, DF&A", "R1, R3"]


def test_results_form_prints_each_sentence_once(demo_deck: Path) -> None:
    text = "\n".join(slide_text(s) for s, _ in tables(demo_deck, "11. "))
    # 11.2's eindresultaten share the opdracht's fields: one cell each, spanning the rows
    assert text.count("De processen kunnen pas worden vastgesteld") == 1
    assert text.count("een deadline is daarom nog niet te geven") == 1
    rows = [row for _, table in tables(demo_deck, "11. ") for row in rows_of(table)]
    start = next(i for i, r in enumerate(rows) if plain(r[0]).startswith("11.2"))
    processes = rows[start : start + 3]
    assert plain(processes[0][4]) == "WS 1 t/m 3"
    assert plain(processes[2][1]).startswith("De processen zijn efficiënt")
    assert processes[1][4].is_spanned and processes[1][6].is_spanned


def test_no_dependency_list_runs_a_line_per_workstream(demo_deck: Path) -> None:
    prs = Presentation(str(demo_deck))
    for slide in prs.slides:
        for shape in slide.shapes:
            if not shape.has_table:
                continue
            header = [plain(c) for c in shape.table.rows[0].cells]
            if "Afhankelijkheid" not in header:
                continue
            column = header.index("Afhankelijkheid")
            for row in list(shape.table.rows)[1:]:
                text = row.cells[column].text
                assert text.count("WS") <= 1, text
                assert len(text.splitlines()) <= 1, text


def test_results_form_without_eindresultaten_is_one_row_per_opdracht(demo_deck: Path) -> None:
    slides = tables(demo_deck, "12. ")
    assert slides
    header = [plain(c) for c in slides[0][1].rows[0].cells]
    assert header == ["Opdracht", "Hoofdacties", *RESULTS_HEADER[2:]]
    rows = [row for _, table in slides for row in rows_of(table)]
    first = next(r for r in rows if plain(r[0]).startswith("12.1 "))
    assert plain(first[1]).splitlines() == [
        "De bezwaarprocedure afronden",
        "Zorgen dat de Commissie Werkelijke Schade elk verzoek beoordeelt en erop besluit",
        "De rentevergoeding nabetalen",
    ]
    assert [plain(c) for c in first[2:6]] == ["Productie", "n.t.b.", "WS 1, 7", "R1, R3"]
    assert fill(first[6]) == SCT["zorgen"].colour
    assert len([r for r in rows if plain(r[0]).startswith("12.")]) == 5  # one row each


# --- the standard form ---------------------------------------------------------------------


def test_standard_form_gives_a_hoofdactie_its_own_status_row(
    run: Run, data: Path, tmp_path: Path
) -> None:
    path = data / "werkstromen" / "01-klantreis.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace(
        "      - titel: Training ontwikkelen\n        deadline: 2030-10\n",
        "      - titel: Training ontwikkelen\n        deadline: 2030-10\n        status: zorgen\n"
        "        afhankelijkheden: [2, 1, IV]\n        risicos: [R1]\n"
        "        toelichting: De trainers zijn nog niet geworven.\n",
    )
    path.write_text(text, encoding="utf-8")
    deck = build(run, data, tmp_path / "out")
    ((_, table),) = tables(deck, "1. Klantreis")
    header = [plain(c) for c in table.rows[0].cells]
    assert header == [
        "Opdracht", "Hoofdacties", "Deadline", "Afhankelijkheid", "Risico's",
        "Status en toelichting",
    ]  # fmt: skip
    rows = rows_of(table)
    # 1.1: a hoofdactie with a status of its own has its own status cell; the first shares
    # the opdracht's, which says the opdracht's toelichting, once
    assert plain(rows[0][0]).startswith("1.1 ")
    assert plain(rows[0][1]).startswith("Missie vastleggen")
    assert plain(rows[0][5]) == "Gestart en op schema\nLoopt volgens plan."
    assert fill(rows[0][5]) == SCT["gestart"].colour
    assert plain(rows[1][1]) == "Training ontwikkelen"  # no status line in the hoofdactie cell
    zorgen = SCT["zorgen"].label  # one kind of label in the table: the legend's
    assert plain(rows[1][5]) == f"{zorgen}\nDe trainers zijn nog niet geworven."
    assert fill(rows[1][5]) == SCT["zorgen"].colour
    assert [plain(c) for c in rows[1][3:5]] == ["WS 1, 2, IV", "R1"]
    # 1.2 has no rows of its own: its cells span as before
    assert plain(rows[2][0]).startswith("1.2 ") and plain(rows[2][4]) == "R1"
    assert plain(rows[2][5]) == "Nog niet gestart"


def test_results_form_keeps_hoofdacties_beside_eindresultaten(
    run: Run, data: Path, tmp_path: Path
) -> None:
    from tests.test_werkstroom_forms import write_results

    write_results(data)
    deck = build(run, data, tmp_path / "out")
    ((_, table),) = tables(deck, "2. Commissies")
    rows = rows_of(table)
    # a row per eindresultaat, then the hoofdactie; the opdracht's toelichting once, in the
    # status cell of the first row, which has no status of its own
    assert [plain(r[1]) for r in rows] == [
        "Een taakopdracht per commissie",
        "Taken en bevoegdheden zijn belegd",
        "De werving is rond",
        "Concept opstellen",
    ]
    assert plain(rows[0][6]) == "Gestart en op schema\nDe taakopdrachten zijn bijna klaar."
    assert [plain(c) for c in rows[1][2:7]] == [
        "Wendbaar\nPMO", "n.t.b.", "WS 1, SCT, SSO O&P", "R1",
        f"{SCT['zorgen'].label}\nWacht op de beleidskaders.",
    ]  # fmt: skip
    assert plain(rows[2][3]).startswith("1 aug") and "verlopen" in plain(rows[2][3])
    assert plain(rows[0][2]) == "PMO"  # the opdracht's themes where a row has none of its own
    assert plain(rows[2][6]) == "Gestart en op schema"
    assert [plain(c) for c in rows[3][2:]] == [
        "Lerend", "", "WS 1", "R1", "Gestart en op schema\nEerste versie besproken.",
    ]  # fmt: skip


# --- cells the rows share ------------------------------------------------------------------

#: an opdracht's themes shared by the rows without their own (QA: they were repeated per row)
SHARED_THEMES = """nummer: 2
titel: Commissies inrichten
vorm: resultaten
opdrachten:
  - nummer: "2.2"
    titel: Inrichten werkprocessen
    status: zorgen
    themas: ["Volledig & juist", Burgergericht]
    deadline: ntb
    toelichting: Hangt af van de beleidskaders.
    eindresultaten:
      - Processen dekken alle taken
      - Processen zijn uitvoerbaar
      - titel: Processen zijn efficiënt
        themas: [Lerend]
"""

#: hoofdacties with a toelichting of their own, then two that share the opdracht's status
SHARED_STATUS = """
      - titel: Eerste toelichting
        status: gestart
        toelichting: Loopt.
      - titel: Plan aanscherpen
      - titel: Bestuurlijke afstemming
"""


def test_rows_without_their_own_share_one_cell(run: Run, data: Path, tmp_path: Path) -> None:
    """The opdracht's themes, and its status, in one cell over the rows that have nothing of
    their own; LibreOffice shows the themes once."""
    from tests.office import page_texts, to_pdf
    from tests.test_werkstroom_forms import write_results

    write_results(data, SHARED_THEMES)
    standard = data / "werkstromen" / "01-klantreis.yaml"
    text = standard.read_text(encoding="utf-8")
    text = text.replace("    status: gestart\n", "    status: zorgen\n", 1)
    training = "        deadline: 2030-10\n"
    text = text.replace(training, training + SHARED_STATUS)
    standard.write_text(text, encoding="utf-8")
    deck = build(run, data, tmp_path / "out")

    ((_, results),) = tables(deck, "2. Commissies")
    rows = rows_of(results)
    themes = [row[2] for row in rows]
    assert themes[0].is_merge_origin and themes[0].span_height == 2 and themes[1].is_spanned
    assert plain(themes[0]) == "Volledig & juist\nBurgergericht"
    assert plain(themes[2]) == "Lerend" and not themes[2].is_spanned
    assert rows[0][3].span_height == 3 and plain(rows[0][3]) == "n.t.b."  # the deadline

    ((_, table),) = tables(deck, "1. Klantreis")
    titles = [plain(row[1]).split("\n")[0] for row in rows_of(table)]
    status = [row[-1] for row in rows_of(table)]
    shared = titles.index("Plan aanscherpen")
    assert titles[shared + 1] == "Bestuurlijke afstemming"
    assert status[shared].is_merge_origin and status[shared].span_height == 2
    assert plain(status[shared]) == SCT["zorgen"].label

    pdf = to_pdf(deck, tmp_path)
    pages = {title: page for title, page in zip(slide_titles(deck), page_texts(pdf), strict=True)}
    assert pages["2. Commissies inrichten"].count("Burgergericht") == 1


def slide_titles(deck: Path) -> list[str]:
    from tests.test_deck import titles

    return titles(deck)


def test_a_continued_opdracht_says_its_own_values_again(
    run: Run, data: Path, tmp_path: Path
) -> None:
    """Where an opdracht's rows continue on the next slide, the cells it has for all of its rows
    (deadline, status) stand there again beside "(vervolg)", not empty."""
    long = "met een omschrijving die lang genoeg is om de rij over meerdere regels te laten lopen"
    hoofdacties = "".join(
        f"      - titel: Hoofdactie {n} {long}\n        subacties: [Eerste stap {long}]\n"
        for n in range(1, 15)
    )
    file = data / "werkstromen" / "01-klantreis.yaml"
    file.write_text(
        file.read_text(encoding="utf-8")
        + '  - nummer: "1.3"\n    titel: Lange opdracht\n    status: zorgen\n'
        + "    deadline: 2030-10-01\n    hoofdacties:\n"
        + hoofdacties,
        encoding="utf-8",
    )
    deck = build(run, data, tmp_path / "out")
    found = tables(deck, "1. Klantreis")
    continued = [
        row for _, table in found for row in rows_of(table) if plain(row[0]) == "1.3 (vervolg)"
    ]
    assert continued, [plain(row[0]) for _, t in found for row in rows_of(t)]
    for row in continued:
        assert plain(row[2]) == "1 okt"
        assert plain(row[-1]).startswith(SCT["zorgen"].label)
