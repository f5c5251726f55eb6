"""The dashboard: matrix tables (populations as columns), merged notes, footnotes, the legend."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from pptx import Presentation
from pptx.util import Emu, Pt

from generator.load.kinds.dashboard import DashboardTabel
from generator.model.huisstijl import text_colour
from generator.model.legend import DASHBOARD
from generator.render.deck.cells import legend_table
from tests.conftest import DEMO, Run
from tests.test_check_rejects import assert_error, errors, line_of
from tests.test_deck import AUGUST_17, build, slide_text, titles
from tests.yamledit import edit

MATRIX = """
  - titel: Herstel per populatie
    kop: Populaties
    voetnoot: overlap
    populaties:
      - id: caf11
        naam: CAF-11
      - id: vergelijkbaar
        naam: CAF vergelijkbaar
        voetnoot: brief
      - {id: O/GS, naam: O/GS}
    rijen:
      - naam: "# geregistreerd"
        vet: true
        status: volgens_planning
        metingen:
          2030-08-27: {caf11: 309, vergelijkbaar: 1290, O/GS: 8370}
          2030-09-03: {caf11: 309, vergelijkbaar: 1365, O/GS: 8514}
      - naam: "# herbeoordeeld"
        status: volgens_planning
        metingen:
          2030-09-03: {caf11: 309}
      - naam: "# beschikking verstuurd"
        status: vraagt_monitoring
        voetnoot_waarde: {caf11: adres}
        metingen:
          2030-08-27: {caf11: 301}
          2030-09-03: {caf11: 304}
    notities:
      - tekst: Proces nog niet uitgewerkt
        van_rij: "# herbeoordeeld"
        tot_en_met_rij: "# beschikking verstuurd"
        populaties: [vergelijkbaar, O/GS]
    voetnoten:
      adres: Van 5 ouders is het adres onbekend.
      overlap: Een ouder kan in meer populaties vallen.
      brief: Gemeld na de brief van eind mei.
"""

DASHBOARD_FILE = "dashboard.yaml"


def with_matrix(data: Path) -> None:
    path = data / DASHBOARD_FILE
    path.write_text(path.read_text(encoding="utf-8") + MATRIX, encoding="utf-8")


# --- the model -------------------------------------------------------------------------------


def test_matrix_and_single_value_tables_are_both_valid(run: Run, data: Path) -> None:
    with_matrix(data)
    result = run("check", "--data", data, "--strict")
    assert result.exit_code == 0, result.output


def test_footnotes_are_numbered_in_the_order_the_table_shows_them() -> None:
    tabel = DashboardTabel.model_validate(
        {
            "titel": "T",
            "voetnoot": "c",
            "populaties": [{"id": "a", "naam": "A", "voetnoot": "b"}, {"id": "z", "naam": "Z"}],
            "rijen": [
                {
                    "naam": "r",
                    "status": "afgerond",
                    "metingen": {"2030-09-03": {"a": 1, "z": 2}},
                    "voetnoot_waarde": {"z": "a", "a": "d"},
                }
            ],
            "voetnoten": {"a": "x", "b": "x", "c": "x", "d": "x"},
        }
    )
    # header first, then the populations' headers, then the row's values left to right
    assert tabel.footnote_numbers() == {"c": 1, "b": 2, "d": 3, "a": 4}


def test_unknown_population_suggests_the_closest(run: Run, data: Path) -> None:
    with_matrix(data)
    edit(data / DASHBOARD_FILE, "2030-09-03: {caf11: 309}", "2030-09-03: {caf1: 309}")
    line = line_of(data, DASHBOARD_FILE, "caf1: 309")
    assert_error(
        errors(run, data),
        DASHBOARD_FILE,
        line,
        "unknown population 'caf1'",
        "did you mean 'caf11'",
    )


def test_value_population_must_be_declared(run: Run, data: Path) -> None:
    with_matrix(data)
    edit(data / DASHBOARD_FILE, "voetnoot_waarde: {caf11: adres}", "voetnoot_waarde: {ogs: adres}")
    line = line_of(data, DASHBOARD_FILE, "voetnoot_waarde")
    assert_error(errors(run, data), DASHBOARD_FILE, line, "unknown population 'ogs'", "O/GS")


def test_a_bare_number_in_a_matrix_table(run: Run, data: Path) -> None:
    with_matrix(data)
    edit(data / DASHBOARD_FILE, "2030-09-03: {caf11: 309}", "2030-09-03: 309")
    line = line_of(data, DASHBOARD_FILE, "2030-09-03: 309")
    assert_error(errors(run, data), DASHBOARD_FILE, line, "give the values by population id")


def test_note_over_a_row_that_does_not_exist(run: Run, data: Path) -> None:
    with_matrix(data)
    edit(data / DASHBOARD_FILE, 'tot_en_met_rij: "# beschikking verstuurd"', "tot_en_met_rij: x")
    line = line_of(data, DASHBOARD_FILE, "tot_en_met_rij")
    assert_error(errors(run, data), DASHBOARD_FILE, line, "no row named 'x'")


def test_note_over_a_value(run: Run, data: Path) -> None:
    with_matrix(data)
    edit(data / DASHBOARD_FILE, "2030-09-03: {caf11: 309}", "2030-09-03: {caf11: 309, O/GS: 5}")
    line = line_of(data, DASHBOARD_FILE, "O/GS: 5")
    assert_error(
        errors(run, data),
        DASHBOARD_FILE,
        line,
        "has a value for 'O/GS' where note 1",
        "remove one of them",
    )


def test_overlapping_notes(run: Run, data: Path) -> None:
    with_matrix(data)
    second = """
      - tekst: Tweede notitie
        van_rij: "# beschikking verstuurd"
        populaties: [O/GS]
    voetnoten:"""
    edit(data / DASHBOARD_FILE, "\n    voetnoten:\n      adres", second + "\n      adres")
    line = line_of(data, DASHBOARD_FILE, "van_rij", 2)
    assert_error(errors(run, data), DASHBOARD_FILE, line, "overlaps note 1")


def test_note_over_populations_that_are_not_neighbours(run: Run, data: Path) -> None:
    with_matrix(data)
    edit(data / DASHBOARD_FILE, "populaties: [vergelijkbaar, O/GS]", "populaties: [caf11, O/GS]")
    line = line_of(data, DASHBOARD_FILE, "populaties: [caf11, O/GS]")
    assert_error(errors(run, data), DASHBOARD_FILE, line, "neighbouring populations")


def test_footnote_reference_without_footnote(run: Run, data: Path) -> None:
    with_matrix(data)
    edit(data / DASHBOARD_FILE, "voetnoot: brief", "voetnoot: brif")
    line = line_of(data, DASHBOARD_FILE, "voetnoot: brif")
    assert_error(
        errors(run, data), DASHBOARD_FILE, line, "no footnote named 'brif'", "did you mean 'brief'"
    )


def test_reference_into_a_list_of_footnotes(run: Run, data: Path) -> None:
    # the notes as a list, without names
    edit(data / DASHBOARD_FILE, "        voetnoot: dubbel\n", "")
    edit(
        data / DASHBOARD_FILE,
        "voetnoten:\n      dubbel: Dubbele verzoeken zijn niet meegeteld.",
        'voetnoten: ["Dubbele verzoeken zijn niet meegeteld."]',
    )
    edit(data / DASHBOARD_FILE, "risico: true", "risico: true\n        voetnoot: dubbel")
    line = line_of(data, DASHBOARD_FILE, "voetnoot: dubbel")
    assert_error(errors(run, data), DASHBOARD_FILE, line, "give the table's footnotes names")


def test_footnote_nothing_refers_to_is_a_warning(run: Run, data: Path) -> None:
    with_matrix(data)
    edit(data / DASHBOARD_FILE, "        voetnoot: brief\n", "")
    result = run("check", "--data", data)
    assert result.exit_code == 0, result.output
    line = line_of(data, DASHBOARD_FILE, "brief: Gemeld")
    assert f"dashboard.yaml:{line}:" in result.output
    assert "nothing in the table refers to footnote 'brief'" in result.output


def test_a_footnote_in_a_list_nothing_can_refer_to_is_a_warning(run: Run, data: Path) -> None:
    """A list of voetnoten has no names, so no row carries a mark: the deck showed "1) ..."
    under a table with no 1 in it."""
    # the notes as a list, without names
    edit(data / DASHBOARD_FILE, "        voetnoot: dubbel\n", "")
    edit(
        data / DASHBOARD_FILE,
        "voetnoten:\n      dubbel: Dubbele verzoeken zijn niet meegeteld.",
        'voetnoten: ["Dubbele verzoeken zijn niet meegeteld."]',
    )
    result = run("check", "--data", data)
    assert result.exit_code == 0, result.output
    line = line_of(data, DASHBOARD_FILE, "Dubbele verzoeken zijn niet meegeteld.")
    warned = [x for x in result.output.splitlines() if "can refer to footnote 1" in x]
    assert len(warned) == 1 and f"dashboard.yaml:{line}:" in warned[0], result.output


def test_every_footnote_of_the_demo_deck_has_its_mark(demo_deck: Presentation) -> None:
    """Each note under a table is numbered, and its number stands in the table as a
    superscript (slide "Uitvoering herstel CAF-11" had "1) ..." and "2) ..." and no mark)."""
    for slide in demo_deck.slides:
        notes = []
        marks = []
        for shape in slide.shapes:
            if shape.has_table:
                marks += [shown(c) for row in shape.table.rows for c in row.cells]
            elif shape.has_text_frame and shape != slide.shapes.title:
                notes += shown(shape).splitlines()
        assert not [n for n in notes if re.match(r"\d\) ", n)], notes
        for note in notes:
            if match := re.match(r"([¹²³⁴⁵⁶⁷⁸⁹])\s", note):
                assert any(match[1] in m for m in marks), (slide.shapes.title.text, note)
    caf = _slides(demo_deck, "Uitvoering herstel CAF-11")
    assert caf and "¹" in "".join(shown_on(s) for s in caf)


# --- the slides -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def demo_deck(tmp_path_factory: pytest.TempPathFactory) -> Presentation:
    from click.testing import CliRunner

    from generator.cli import main

    out = tmp_path_factory.mktemp("deck")
    result = CliRunner().invoke(
        main, ["deck", "--data", str(DEMO), "--output", str(out), *AUGUST_17]
    )
    assert result.exit_code == 0, result.output
    return Presentation(str(next(out.glob("*.pptx"))))


def _slides(prs: Presentation, title: str) -> list[object]:
    return [
        s
        for s in prs.slides
        if s.shapes.title is not None and s.shapes.title.text.startswith(title)
    ]


def _tables(slide: object) -> list[object]:
    return [sh.table for sh in slide.shapes if sh.has_table]  # type: ignore[attr-defined]


_RAISED = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def shown(frame: Any) -> str:
    """The text of a cell or text box as it is shown: the digits of a superscript run (a
    ``baseline`` above 0) as superscript characters, no-break spaces as spaces."""
    paragraphs = []
    for para in frame.text_frame.paragraphs:
        parts = []
        for run in para.runs:
            props = run._r.rPr
            raised = props is not None and int(props.get("baseline", "0")) > 0
            parts.append(run.text.translate(_RAISED) if raised else run.text)
        paragraphs.append("".join(parts))
    return "\n".join(paragraphs).replace("\u00a0", " ")


def shown_on(slide: Any) -> str:
    parts = []
    for shape in slide.shapes:
        if shape.has_text_frame:
            parts.append(shown(shape))
        if shape.has_table:
            parts.extend(shown(cell) for row in shape.table.rows for cell in row.cells)
    return "\n".join(parts)


def test_matrix_headers_are_the_populations(demo_deck: Presentation) -> None:
    slide = _slides(demo_deck, "Uitvoering hersteloperatie")[0]
    table = _tables(slide)[0]
    header = [shown(cell) for cell in table.rows[0].cells]
    assert header[0].startswith("Populaties¹")
    assert header[1:5] == [
        "CAF-11",
        "CAF vergelijkbaar²",
        "Zelfmelders incl. CAF niet vergelijkbaar³",
        "O/GS⁴",
    ]
    assert header[5] == "Status"
    # the change is against the previous measurement, whose date the header says
    assert "Per 13 aug (t.o.v. 6 aug)" in header[0]
    first = [cell.text.replace("\u00a0", " ") for cell in table.rows[1].cells]
    assert first[:5] == [
        "# geregistreerd",
        "309 (0)",
        "1.365 (+75)",
        "6.995 (+285)",
        "8.514 (+144)",
    ]
    assert table.cell(1, 0).text_frame.paragraphs[0].runs[0].font.bold  # a bold row
    assert "304⁵ (+3)" in [shown(cell) for row in table.rows for cell in row.cells]


def test_single_value_table_says_the_previous_date(demo_deck: Presentation) -> None:
    slide = _slides(demo_deck, "Afhandeling verzoeken persoonlijk dossiers")[0]
    table = _tables(slide)[0]
    assert table.cell(0, 1).text == "Per 13\u00a0aug (t.o.v. 6\u00a0aug)"
    assert "746 (+15)" in slide_text(slide)


def test_note_is_one_merged_cell(demo_deck: Presentation) -> None:
    slide = _slides(demo_deck, "Uitvoering hersteloperatie")[0]
    table = _tables(slide)[0]
    origins = [
        cell
        for row in table.rows
        for cell in row.cells
        if cell.is_merge_origin and "Proces nog niet uitgewerkt" in cell.text
    ]
    assert len(origins) == 1
    assert origins[0].span_width == 2 and origins[0].span_height > 1
    # only the origin carries the text
    texts = [cell.text.replace("\u00a0", " ") for row in table.rows for cell in row.cells]
    assert sum("Proces nog niet uitgewerkt" in t for t in texts) == 1


def test_footnotes_stand_with_the_last_rows_of_their_table(demo_deck: Presentation) -> None:
    slides = _slides(demo_deck, "Uitvoering hersteloperatie")
    last = slides[-1]
    text = shown_on(last)
    assert "In beroep" in text  # the table's last row
    assert "¹ Eén ouder kan in meer dan één populatie vallen." in text
    assert "⁸ Een zaak is afgerond" in text
    for slide in slides:  # repeated at the foot of every slide of the table
        assert "¹ Eén ouder" in shown_on(slide)


def test_legend_cells_are_filled_with_status_colours(demo_deck: Presentation) -> None:
    slide = _slides(demo_deck, "Afhandeling verzoeken persoonlijk dossiers")[0]
    legend = _tables(slide)[-1]
    assert legend.cell(0, 0).text == "Legenda"  # one row: the title, then the swatches
    assert len(legend.rows) == 1
    cells = {cell.text.replace("\u00a0", " "): cell for cell in legend.rows[0].cells}
    for status in DASHBOARD.statuses:
        cell = cells[status.label]  # the label is in the cell: red and orange told apart
        assert str(cell.fill.fore_color.rgb) == status.colour
        colour = cell.text_frame.paragraphs[0].runs[0].font.color.rgb
        assert str(colour) == text_colour(status.colour)
    assert "⊗ Risico in risico-log" in cells
    assert Emu(legend.rows[0].height).pt >= 12


def test_legend_table_swatches() -> None:
    table = legend_table(DASHBOARD, {"afgerond": "✓"})
    title, *cells = table.header
    assert title.paras[0].text == "Legenda" and not table.groups
    assert [c.fill for c in cells] == [s.colour for s in DASHBOARD.statuses]
    assert cells[0].paras[0].text == "✓\u00a0Afgerond"
    assert all(p.size >= 11 for c in cells for p in c.paras)
    assert Pt(11 * 1.2).pt >= 12  # one line of an 11 pt label is taller than 12 pt


def test_matrix_deck_from_the_fixture(run: Run, data: Path, tmp_path: Path) -> None:
    with_matrix(data)
    deck = build(run, data, tmp_path)
    prs = Presentation(str(deck))
    slide = _slides(prs, "Herstel per populatie")[0]
    table = _tables(slide)[0]
    assert [shown(c) for c in table.rows[0].cells][1:] == [
        "CAF-11",
        "CAF vergelijkbaar²",
        "O/GS",
        "Status",
    ]
    assert "304³ (+3)" in shown_on(slide)
    assert "¹ Een ouder kan in meer populaties vallen." in shown_on(slide)


def test_a_cell_spanning_columns_is_measured_at_their_width() -> None:
    from generator.render.deck.content import TABLE, Cell, Column, Group, Para, Run, Section, Table
    from generator.render.deck.layout.pages import Geometry, TableSlice
    from generator.render.deck.paginate import paginate

    words = " ".join(["woord"] * 30)
    wide = Cell((Para((Run(words),), size=TABLE),), span=3)
    narrow = Cell((Para((Run(words),), size=TABLE),))
    columns = (Column(1.0), Column(1.0), Column(1.0))
    header = tuple(Cell((Para((Run("h"),), size=TABLE),)) for _ in columns)

    def height(first: Cell) -> float:
        # the narrow row fills every column alike, so that the columns share the width evenly
        rest = (Cell(), Cell()) if first.span > 1 else (narrow, narrow)
        table = Table(columns, header, (Group(((first, *rest),)),))
        pages = paginate(Section("T", (table,)), Geometry(width=600.0, height=400.0))
        block = pages[0].blocks[0].block
        assert isinstance(block, TableSlice)
        return block.heights[0]

    assert height(wide) < height(narrow) / 2


def test_footnote_markers_are_superscript_digits_in_libreoffice(run: Run, tmp_path: Path) -> None:
    """Markers ¹ to ⁸ are digits in a superscript run, not superscript characters (which Arial
    lacks from ⁴ on, so that a fallback font set them smaller and lower than ¹²³): LibreOffice
    shows every one in the deck's font, at one size, raised above the text's baseline."""
    from tests.office import page_texts, to_pdf
    from tests.printed import text_pieces

    deck = build(run, DEMO, tmp_path / "out", *AUGUST_17)
    page = titles(deck).index("Uitvoering hersteloperatie")
    pdf = to_pdf(deck, tmp_path)
    assert not set("⁰¹²³⁴⁵⁶⁷⁸⁹") & set(page_texts(pdf)[page])
    pieces = text_pieces(pdf, page)
    markers = [
        (index, int(text), font, size, base)
        for index, (text, font, size, base) in enumerate(pieces)
        if text.isdigit() and size < 7  # the text is set at 9 pt or more
    ]
    assert {number for _, number, _, _, _ in markers} == set(range(1, 9))
    assert all(font.startswith("LiberationSans") for _, _, font, _, _ in markers)
    # in the header row (Populaties¹ ... O/GS⁴): one size, one height
    first = markers[0][4]
    header = [(n, size, base) for _, n, _, size, base in markers if base == first]
    assert [n for n, _, _ in header] == [1, 2, 3, 4]
    assert len({(size, base) for _, size, base in header}) == 1
    # in the footnotes (¹ to ⁸ before their text): one size, raised alike above their line
    notes = [
        (n, size, round(base - pieces[index + 1][3], 1))
        for index, n, _, size, base in markers
        if index + 1 < len(pieces) and pieces[index + 1][2] >= 8 and base != first
        and pieces[index + 1][0].startswith(" ")
    ]  # fmt: skip
    assert sorted(n for n, _, _ in notes) == list(range(1, 9))
    assert len({(size, raised) for _, size, raised in notes}) == 1
    assert notes[0][2] > 0
