"""`statusgen vergadering DATE`: the bureau's evening job in one process."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.render.actietabel import FORMATS as ACTIETABEL
from generator.render.besluitenlijst import FORMATS as BESLUITENLIJST
from generator.render.rapportage import FORMATS as RAPPORTAGE
from tests.conftest import DEMO, Run
from tests.yamledit import edit, read_yaml

WS1 = "werkstromen/01-klantreis.yaml"


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    target = tmp_path / "status"
    shutil.copytree(DEMO, target)
    return target


def test_the_meeting_products_in_one_run(run: Run, demo: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run("vergadering", "2020-08-20", "--data", demo, "--output", out)
    assert result.exit_code == 0, result.output
    expected = [
        *BESLUITENLIJST.files("besluitenlijst-2020-08-17"),  # of the meeting before
        "deadlines-2020-08-20.ics",
        "sct-2020-08-20.pptx",
    ]
    assert sorted(p.name for p in out.iterdir()) == sorted(expected)
    ics = (out / "deadlines-2020-08-20.ics").read_text(encoding="utf-8")
    assert ics.startswith("BEGIN:VCALENDAR") and "BEGIN:VEVENT" in ics
    # it ends with the list of files written
    lines = result.stdout.strip().splitlines()
    assert [x for x in lines if x.startswith("wrote ")] == lines[:-1]
    count = len(expected)
    assert len(lines) == count + 1
    assert lines[-1].startswith(f"{count} files for the SCT meeting of 2020-08-20")


def test_alles_adds_the_action_table_and_the_latest_report(
    run: Run, demo: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    result = run("vergadering", "2020-08-20", "--data", demo, "--output", out, "--alles")
    assert result.exit_code == 0, result.output
    names = {p.name for p in out.iterdir()}
    assert set(ACTIETABEL.files("actietabel")) <= names
    assert {*RAPPORTAGE.files("vgr-2021-1"), "sct-2020-08-20.pptx"} <= names
    count = len(BESLUITENLIJST) + 2 + len(ACTIETABEL) + len(RAPPORTAGE)
    assert f"{count} files for the SCT meeting" in result.stdout


def test_the_data_is_read_once(
    run: Run, demo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import generator.commands as shared

    calls: list[Path] = []
    real = shared.load

    def counting(root: Path, *args: object, **kwargs: object) -> object:
        calls.append(root)
        return real(root, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(shared, "load", counting)
    result = run("vergadering", "2020-08-20", "--data", demo, "--output", tmp_path / "o", "--alles")
    assert result.exit_code == 0, result.output
    assert calls == [demo]


def test_an_error_stops_it_before_anything_is_written(run: Run, demo: Path, tmp_path: Path) -> None:
    edit(demo / "werkstromen/01-klantreis.yaml", "status: gestart", "status: bezig")
    out = tmp_path / "out"
    result = run("vergadering", "2020-08-20", "--data", demo, "--output", out, "--alles")
    assert result.exit_code == 1
    assert "01-klantreis.yaml:" in result.stderr and "unknown status 'bezig'" in result.stderr
    assert not out.exists() or not any(out.iterdir())


def test_a_date_without_a_meeting_is_a_usage_error(run: Run, demo: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run("vergadering", "2020-08-21", "--data", demo, "--output", out)
    assert result.exit_code == 2
    assert "2020-08-17, 2020-08-20" in result.stderr  # the meetings there are
    assert not out.exists()


def test_the_first_meeting_has_no_besluitenlijst_before_it(
    run: Run, data: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    result = run("vergadering", "2030-09-05", "--data", data, "--output", out)
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == [
        "deadlines-2030-09-05.ics",
        "sct-2030-09-05.pptx",
    ]
    assert "no besluitenlijst" in result.stderr


def test_openbaar(run: Run, demo: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run("vergadering", "2020-08-20", "--data", demo, "--output", out, "--openbaar")
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in out.iterdir())
    assert names and all("-openbaar." in name for name in names), names

    registry = read_yaml(demo / "organisatie.yaml")
    text = (out / "besluitenlijst-2020-08-17-openbaar.md").read_text(encoding="utf-8")
    text += (out / "deadlines-2020-08-20-openbaar.ics").read_text(encoding="utf-8")
    for person in registry["personen"]:
        assert person["naam"] not in text
    assert "Persoonsgegevens" in text
