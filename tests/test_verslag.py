"""statusgen verslag: the verslag of a meeting, internal and public, and never in contradiction
with the besluitenlijst of the same meeting file."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.load.dataset import load
from generator.load.diagnostics import Diagnostics
from generator.publish import public
from generator.render.besluiten import build as besluitenlijst
from generator.render.verslag.build import build as verslag
from tests.conftest import Run
from tests.pack_data import NAMES, add_pack
from tests.printed import assert_is_pdf_ua, plain_text
from tests.readback import docx_text
from tests.test_besluitenlijst import MEETING


def test_verslag_has_participants_per_side_and_every_point_in_order(
    run: Run, data: Path, tmp_path: Path
) -> None:
    add_pack(data)
    result = run("verslag", "2030-09-01", "--data", data, "--output", tmp_path)
    assert result.exit_code == 0, result.output
    pdf = tmp_path / "verslag-2030-09-01.pdf"
    assert_is_pdf_ua(
        pdf, title="Verslag Bestuurlijk overleg VNG – Rijk", author="Testorganisatie Herstel"
    )
    for text in (plain_text(pdf), docx_text(tmp_path / "verslag-2030-09-01.docx")):
        points = ("1. Opening", "2. Kennismaking", "3. Waar we nu staan", "4. Aanpak en vervolg",
                  "5. Rondvraag", "6. Afsluiting")  # fmt: skip
        places = [text.index(p) for p in points]
        assert places == sorted(places)
        assert "1 september 2030, 10.00 – 11.00 uur" in text
        rijk, vng = text.index("Deelnemers Rijk"), text.index("Deelnemers VNG")
        assert rijk < text.index("F. Abma") < vng < text.index("G. Zijlstra") < places[0]
        assert "Werkstroomtrekker" in text  # a person's function, in the internal version
        assert "Besluit C2.1 (beslispunt 1): aangenomen" in text


def test_the_public_verslag_withholds_people_and_keeps_functions(
    run: Run, data: Path, tmp_path: Path
) -> None:
    add_pack(data)
    result = run("verslag", "2030-09-01", "--data", data, "--output", tmp_path, "--openbaar")
    assert result.exit_code == 0, result.output
    for text in (
        plain_text(tmp_path / "verslag-2030-09-01-openbaar.pdf"),
        docx_text(tmp_path / "verslag-2030-09-01-openbaar.docx"),
    ):
        assert not any(name in text for name in NAMES)
        assert "Werkstroomtrekker" not in text  # a civil servant's function says who it is
        for kept in ("Staatssecretaris van Financiën (vz)", "Lid van het VNG-bestuur", "VNG",
                     "staatssecretaris"):  # fmt: skip
            assert kept in text, kept
        assert text.count("Persoonsgegevens") >= 4


@pytest.mark.parametrize("openbaar", [False, True])
@pytest.mark.parametrize("date", ["2030-09-01", "2030-09-09"])
def test_verslag_and_besluitenlijst_never_contradict(data: Path, date: str, openbaar: bool) -> None:
    add_pack(data)
    (data / "vergaderingen" / "2030-09-09.yaml").write_text(MEETING, encoding="utf-8")
    dataset = load(data, Diagnostics())
    if openbaar:
        dataset = public(dataset)
    meeting = next(m for m in dataset.items("vergadering") if m.datum.isoformat() == date)
    lijst = besluitenlijst(dataset, meeting)
    report = verslag(dataset, meeting)
    assert report.besluiten == tuple(b for punt in lijst.punten for b in punt.besluiten)
    assert report.acties == lijst.acties
    assert report.besluiten and report.acties


def test_the_verslag_docx_says_what_the_besluitenlijst_says(
    run: Run, data: Path, tmp_path: Path
) -> None:
    add_pack(data)
    run("verslag", "2030-09-01", "--data", data, "--output", tmp_path, "--format", "docx")
    run("besluitenlijst", "--vergadering", "2030-09-01", "--data", data, "--output", tmp_path,
        "--format", "docx")  # fmt: skip
    lijst = docx_text(tmp_path / "besluitenlijst-2030-09-01.docx")
    text = docx_text(tmp_path / "verslag-2030-09-01.docx")
    for line in ("Besluit C2.1 (beslispunt 1): aangenomen",
                 "Rijk en VNG stellen samen één toetsingskader op.",
                 "Besluit C2.2 (beslispunt 2): aangehouden", "2030-09-01/1",
                 "Toetsingskader opstellen."):  # fmt: skip
        assert line in lijst and line in text, line


def test_a_verslag_of_a_meeting_that_is_not_there_is_refused(
    run: Run, data: Path, tmp_path: Path
) -> None:
    result = run("verslag", "2031-01-01", "--data", data, "--output", tmp_path / "out")
    assert result.exit_code != 0 and "2031-01-01" in result.output
    assert not (tmp_path / "out").exists()
