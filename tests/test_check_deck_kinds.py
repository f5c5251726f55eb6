"""`check` on the files that feed the SCT deck: meetings, dashboard, calendar, risk log."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import Run
from tests.test_check_rejects import assert_error, errors, line_of
from tests.yamledit import edit

MEETING = "vergaderingen/2030-09-05.yaml"


def test_unknown_doelgroep_suggests(run: Run, data: Path) -> None:
    edit(data / "communicatie.yaml", "doelgroep: Ouders\n", "doelgroep: ouders\n")
    assert_error(
        errors(run, data),
        "communicatie.yaml",
        4,
        "unknown doelgroep 'ouders'",
        "did you mean 'Ouders'",
    )


def test_unknown_soort(run: Run, data: Path) -> None:
    edit(data / "communicatie.yaml", "soort: brief", "soort: briefje")
    lines = errors(run, data)
    assert len(lines) == 1
    assert_error(lines, "communicatie.yaml", 5, "unknown soort 'briefje'", "'brief'")


def test_inhoud_bestand_must_exist(run: Run, data: Path) -> None:
    (data / "besluiten/terugkoppeling.md").unlink()
    line = line_of(data, MEETING, "inhoud_bestand")
    assert_error(errors(run, data), MEETING, line, "'besluiten/terugkoppeling.md' does not exist")


def test_inhoud_bestand_must_stay_inside_the_data_folder(run: Run, data: Path) -> None:
    (data.parent / "geheim.md").write_text("# x\n", encoding="utf-8")
    edit(data / MEETING, "besluiten/terugkoppeling.md", "../geheim.md")
    line = line_of(data, MEETING, "inhoud_bestand")
    assert_error(errors(run, data), MEETING, line, "points outside the data folder")


def test_onderdeel_needs_its_file(run: Run, data: Path) -> None:
    (data / "dashboard.yaml").unlink()
    line = line_of(data, MEETING, "onderdeel: dashboard")
    assert_error(errors(run, data), MEETING, line, "onderdeel dashboard needs dashboard.yaml")


def test_unknown_onderdeel(run: Run, data: Path) -> None:
    edit(data / MEETING, "onderdeel: risicolog", "onderdeel: risicos")
    line = line_of(data, MEETING, "onderdeel: risicos")
    assert_error(errors(run, data), MEETING, line, "unknown onderdeel 'risicos'", "'risicolog'")


def test_item_with_two_sources(run: Run, data: Path) -> None:
    edit(
        data / MEETING,
        "        onderdeel: werkstromen",
        "        onderdeel: werkstromen\n        inhoud: x",
    )
    line = line_of(data, MEETING, "titel: Werkstromen")
    assert_error(errors(run, data), MEETING, line, "not inhoud and onderdeel")


def test_meeting_file_named_after_its_date(run: Run, data: Path) -> None:
    (data / MEETING).rename(data / "vergaderingen/sct.yaml")
    result = run("check", "--data", data)
    assert result.exit_code == 0
    assert (
        "sct.yaml:1:8: warning: the file of the meeting of 2030-09-05 should be named"
        in result.output
    )


def test_unknown_risico_reference(run: Run, data: Path) -> None:
    edit(data / "werkstromen/01-klantreis.yaml", "risicos: [R1]", "risicos: [R9]")
    line = line_of(data, "werkstromen/01-klantreis.yaml", "R9")
    assert_error(
        errors(run, data),
        "werkstromen/01-klantreis.yaml",
        line,
        "unknown risico 'R9'",
        "risicos.yaml",
    )


def test_dashboard_measurement_must_be_a_number(run: Run, data: Path) -> None:
    edit(data / "dashboard.yaml", "2030-09-03: 746", "2030-09-03: veel")
    line = line_of(data, "dashboard.yaml", "2030-09-03: veel")
    assert_error(errors(run, data), "dashboard.yaml", line, "expected a number")


def test_risk_level_typo(run: Run, data: Path) -> None:
    edit(data / "risicos.yaml", "kans: hoog", "kans: hooog")
    assert_error(errors(run, data), "risicos.yaml", 6, "unknown level 'hooog'", "'hoog'")
