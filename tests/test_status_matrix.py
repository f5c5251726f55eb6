"""Status matrices: in a workstream file or a meeting item, checked with file and line, shown as
the deck's "Meer detail" colour matrix slide with its legend."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
from pptx import Presentation

from generator.model.legend import SCT
from tests.conftest import Run
from tests.test_check_rejects import WS1, assert_error, errors, line_of
from tests.test_deck import build, slide_text
from tests.yamledit import edit, read_yaml

MEETING = ("--vergadering", "2030-09-05")

MATRIX = """matrices:
  - titel: Stand per regeling
    toelichting: Elke regeling loopt op een eigen tempo.
    kolommen: [Regeling A, Regeling B, Regeling C]
    rijen:
      - naam: Beleid
        cellen: [afgerond, gestart, zorgen]
      - naam: Uitvoering
        cellen: [{status: escalatie, notitie: geen mensen}, nog_niet_gestart, ~]
"""


def add_matrix(data: Path, text: str = MATRIX) -> Path:
    path = data / WS1
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")
    return path


def _fill(cell: object) -> str | None:
    fill = cell.fill  # type: ignore[attr-defined]
    return str(fill.fore_color.rgb) if fill.type == 1 else None


def test_a_workstream_matrix_is_a_meer_detail_slide_after_its_workstream(
    run: Run, data: Path, tmp_path: Path
) -> None:
    add_matrix(data)
    deck = build(run, data, tmp_path / "out", *MEETING)
    prs = Presentation(str(deck))
    titles = [s.shapes.title.text if s.shapes.title is not None else "" for s in prs.slides]
    at = titles.index("Meer detail | Stand per regeling")
    assert titles[at - 1].startswith("1. ") and titles[at + 1].startswith("2. ")
    slide = prs.slides[at]
    text = slide_text(slide)
    assert "Elke regeling loopt op een eigen tempo." in text
    assert "Legenda" in text and "Grote zorgen voor voortgang" in text
    tables = [shape.table for shape in slide.shapes if shape.has_table]
    matrix = next(t for t in tables if t.cell(0, 1).text == "Regeling A")
    assert [matrix.cell(0, c).text for c in range(4)] == ["", "Regeling A", "Regeling B",
                                                          "Regeling C"]  # fmt: skip
    assert matrix.cell(1, 0).text == "Beleid"
    # each cell in its status's colour, with the label (never the colour alone)
    assert _fill(matrix.cell(1, 1)) == SCT["afgerond"].colour
    assert matrix.cell(1, 3).text == "Zorgen"
    assert _fill(matrix.cell(1, 3)) == SCT["zorgen"].colour
    assert matrix.cell(2, 1).text.splitlines() == ["Escalatie", "geen mensen"]
    assert matrix.cell(2, 3).text == "" and _fill(matrix.cell(2, 3)) in (None, "FFFFFF")


def test_a_meeting_item_matrix_stands_where_the_agenda_puts_it(
    run: Run, data: Path, tmp_path: Path
) -> None:
    meeting = data / "vergaderingen" / "2030-09-05.yaml"
    item = "      - titel: Commissies\n        matrix:\n" + "".join(
        f"          {line}\n"
        for line in MATRIX.replace("matrices:\n  - ", "").replace("\n    ", "\n").splitlines()
    )
    text = meeting.read_text(encoding="utf-8")
    meeting.write_text(
        text.replace("      - titel: Dashboard\n", item + "      - titel: Dashboard\n")
    )
    prs = Presentation(str(build(run, data, tmp_path / "out", *MEETING)))
    titles = [s.shapes.title.text if s.shapes.title is not None else "" for s in prs.slides]
    at = titles.index("Meer detail | Stand per regeling")
    assert titles[at + 1].startswith("Verzoeken om een dossier")  # the dashboard's first
    assert "Ter informatie | B. Commissies" in slide_text(prs.slides[at])


def test_a_matrix_taller_than_a_slide_continues_with_its_header_and_legend(
    run: Run, data: Path, tmp_path: Path
) -> None:
    rows = "".join(
        f"      - naam: Onderwerp {n}\n        cellen: [gestart, zorgen, afgerond]\n"
        for n in range(40)
    )
    add_matrix(data, MATRIX + rows)
    prs = Presentation(str(build(run, data, tmp_path / "out", *MEETING)))
    slides = [s for s in prs.slides if s.shapes.title is not None
              and s.shapes.title.text.startswith("Meer detail | Stand per regeling")]  # fmt: skip
    assert len(slides) >= 2
    assert slides[0].shapes.title.text.endswith("(I/II)") or "(I/" in slides[0].shapes.title.text
    text = "\n".join(slide_text(s) for s in slides)
    for n in range(40):
        assert f"Onderwerp {n}\n" in text
    for slide in slides:
        assert "Regeling A" in slide_text(slide) and "Legenda" in slide_text(slide)


def test_check_names_the_line_of_a_bad_status_and_a_short_row(run: Run, data: Path) -> None:
    add_matrix(data, MATRIX.replace("[afgerond, gestart, zorgen]", "[afgerond, gestrat, zorgen]")
               .replace("nog_niet_gestart, ~]", "nog_niet_gestart]"))  # fmt: skip
    lines = errors(run, data)
    text = assert_error(lines, WS1, line_of(data, WS1, "gestrat"), "unknown status 'gestrat'")
    assert "did you mean 'gestart'" in text
    assert_error(lines, WS1, line_of(data, WS1, "geen mensen"), "2 cell(s) for 3 kolommen")


def test_a_matrix_with_its_own_legend(run: Run, data: Path, tmp_path: Path) -> None:
    own = """matrices:
  - titel: Eigen legenda
    kolommen: [X, Y]
    legenda:
      - {status: klaar, label: Klaar, kleur: "#39870C"}
      - {status: bezig, label: Bezig, kleur: "#FFB612"}
    rijen:
      - naam: Taak
        cellen: [klaar, bezig]
"""
    add_matrix(data, own)
    prs = Presentation(str(build(run, data, tmp_path / "out", *MEETING)))
    (slide,) = [s for s in prs.slides if s.shapes.title is not None
                and s.shapes.title.text == "Meer detail | Eigen legenda"]  # fmt: skip
    text = slide_text(slide)
    assert "Klaar" in text and "Bezig" in text and "Afgerond" not in text
    path = data / WS1
    edit(path, "[klaar, bezig]", "[klaar, afgerond]", every=True)
    assert_error(errors(run, data), WS1, line_of(data, WS1, "[klaar, afgerond]"),
                 "unknown status 'afgerond'", "klaar, bezig")  # fmt: skip


def test_the_schema_knows_matrices(run: Run, data: Path, tmp_path: Path) -> None:
    add_matrix(data)
    out = tmp_path / "schemas"
    assert run("schema", "--output", out).exit_code == 0
    schema = json.loads((out / "werkstroom.schema.json").read_text())
    document = read_yaml(data / WS1)
    jsonschema.validate(json.loads(json.dumps(document, default=str)), schema)
    document["matrices"][0]["rijen"][0]["onbekend"] = 1
    try:
        jsonschema.validate(json.loads(json.dumps(document, default=str)), schema)
    except jsonschema.ValidationError:
        pass
    else:
        raise AssertionError("the schema accepted an unknown key in a matrix row")
