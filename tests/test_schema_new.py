"""`statusgen schema` and `statusgen new`."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from generator.commands.schema import schema_text
from generator.load.kinds import SCHEMA_FOLDER, all_kinds
from tests.conftest import DEMO, Run
from tests.yamledit import read_yaml


def _jsonable(value: Any) -> Any:
    """YAML dates as the strings yaml-language-server sees."""
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


@pytest.fixture
def schemas(run: Run, tmp_path: Path) -> Path:
    out = tmp_path / "schemas"
    result = run("schema", "--data", DEMO, "--output", out)
    assert result.exit_code == 0, result.output
    return out


def test_one_schema_per_kind(schemas: Path) -> None:
    assert sorted(p.name for p in schemas.iterdir()) == sorted(k.schema_name for k in all_kinds())


def test_demo_data_validates_against_the_schemas(schemas: Path) -> None:
    for kind in all_kinds():
        schema = json.loads((schemas / kind.schema_name).read_text())
        jsonschema.Draft202012Validator.check_schema(schema)
        files = sorted(DEMO.glob(kind.pattern))
        assert files, kind.pattern
        for file in files:
            jsonschema.validate(_jsonable(read_yaml(file)), schema)


def test_schema_rejects_what_check_rejects(schemas: Path) -> None:
    schema = json.loads((schemas / "werkstroom.schema.json").read_text())
    document = _jsonable(read_yaml(DEMO / "werkstromen/01-klantreis.yaml"))
    document["opdrachten"][0]["status"] = "bezig"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(document, schema)
    document["opdrachten"][0]["status"] = "gestart"
    document["kernwoordd"] = "x"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(document, schema)


def test_schema_writes_into_the_data_folder_by_default(run: Run, data: Path) -> None:
    result = run("schema", "--data", data)
    assert result.exit_code == 0, result.output
    written = sorted(p.name for p in (data / SCHEMA_FOLDER).iterdir())
    assert written == sorted(k.schema_name for k in all_kinds())
    check = run("check", "--data", data)
    assert check.exit_code == 0 and "ignored" not in check.output, check.output


def _modeline_target(file: Path) -> Path | None:
    """Where the file's first line points yaml-language-server, from the file's own folder."""
    first = file.read_text(encoding="utf-8").splitlines()[0]
    match = re.fullmatch(r"# yaml-language-server: \$schema=(\S+)", first)
    return (file.parent / match[1]).resolve() if match else None


def test_init_and_new_write_modelines_that_resolve_from_where_each_file_lies(
    run: Run, tmp_path: Path
) -> None:
    folder = tmp_path / "status"
    assert run("init", folder).exit_code == 0
    for kind in ("werkstroom", "actie", "rapportage", "risico"):
        result = run("new", kind, "--titel", f"Nieuwe {kind}", "--data", folder)
        assert result.exit_code == 0, result.output
    assert run("new", "vergadering", "--datum", "2031-03-04", "--data", folder).exit_code == 0
    seen = set()
    for kind in all_kinds():
        for file in folder.glob(kind.pattern):
            target = _modeline_target(file)
            assert target == (folder / SCHEMA_FOLDER / kind.schema_name).resolve(), file
            assert target.is_file()
            seen.add(kind.name)
    assert {"organisatie", "werkstroom", "actie", "vergadering", "rapportage", "risico"} <= seen


def test_new_writes_the_schema_its_modeline_needs(run: Run, data: Path) -> None:
    result = run("new", "actie", "--titel", "Nazorg", "--data", data)
    assert result.exit_code == 0, result.output
    (created,) = data.glob("acties/011-*.yaml")
    target = _modeline_target(created)
    assert target is not None and target.is_file()
    assert json.loads(target.read_text())["title"].startswith("statusgen actie")


def test_the_demo_data_has_its_schemas_and_modelines_up_to_date() -> None:
    """The documented setup, as the demo data shows it; after a model change, refresh with
    `statusgen schema --data status`."""
    for kind in all_kinds():
        committed = DEMO / SCHEMA_FOLDER / kind.schema_name
        assert committed.read_bytes() == schema_text(kind), f"{committed} is out of date"
        for file in sorted(DEMO.glob(kind.pattern)):
            assert _modeline_target(file) == committed.resolve(), file


def test_schema_refuses_to_write_outside_output(tmp_path: Path) -> None:
    from generator.exceptions import OutputError
    from generator.publish.write import write_all

    with pytest.raises(OutputError):
        write_all(tmp_path / "out", {"../escape.json": b"{}"})
    assert not (tmp_path / "escape.json").exists()


def test_new_werkstroom_gets_next_number_and_validates(run: Run, data: Path) -> None:
    result = run("new", "werkstroom", "--titel", "Coördineren externe onderzoeken", "--data", data)
    assert result.exit_code == 0, result.output
    created = data / "werkstromen/03-coordineren-externe-onderzoeken.yaml"
    document = read_yaml(created)
    assert document["nummer"] == 3
    assert document["titel"] == "Coördineren externe onderzoeken"
    assert document["opdrachten"][0]["nummer"] == "3.1"
    assert run("check", "--data", data).exit_code == 0


def test_new_actie_numbers_after_the_highest(run: Run, data: Path) -> None:
    result = run("new", "actie", "--titel", "Nazorg: ouders & kinderen", "--data", data)
    assert result.exit_code == 0, result.output
    created = data / "acties/011-nazorg-ouders-kinderen.yaml"
    assert read_yaml(created)["omschrijving"] == "Nazorg: ouders & kinderen"
    check = run("check", "--data", data, "--strict")
    assert check.exit_code == 0, check.output


def test_new_rejects_unknown_kind(run: Run, data: Path) -> None:
    assert run("new", "dashboard", "--titel", "x", "--data", data).exit_code == 2


def test_new_starts_every_kind_and_check_strict_passes(run: Run, tmp_path: Path) -> None:
    folder = tmp_path / "status"
    assert run("init", folder).exit_code == 0
    for kind in ("werkstroom", "actie", "rapportage", "risico", "risico"):
        result = run("new", kind, "--titel", f"Nieuwe {kind}: één", "--data", folder)
        assert result.exit_code == 0, result.output
    result = run("new", "vergadering", "--datum", "2031-03-04", "--data", folder)
    assert result.exit_code == 0, result.output
    check = run("check", "--data", folder, "--strict")
    assert check.exit_code == 0, check.output
    assert "0 warnings" in check.output
    risicos = read_yaml(folder / "risicos.yaml")["risicos"]
    assert [r["id"] for r in risicos] == ["R1", "R2"]
    meeting = (folder / "vergaderingen/2031-03-04.yaml").read_text(encoding="utf-8")
    # Markdown as editors write it, a literal block; and where the beslispunten go
    assert "    inhoud: |\n      ## Voorstel\n" in meeting
    assert "    beslispunten:\n" in meeting
    assert (folder / "rapportages/nieuwe-rapportage-een.yaml").is_file()
    again = run("new", "vergadering", "--datum", "2031-03-04", "--data", folder)
    assert again.exit_code == 2 and "exists already" in again.output
    assert run("new", "actie", "--data", folder).exit_code == 2


def test_new_risico_keeps_the_editors_comments(run: Run, tmp_path: Path) -> None:
    folder = tmp_path / "status"
    shutil.copytree(DEMO, folder)
    before = (folder / "risicos.yaml").read_text(encoding="utf-8")
    result = run("new", "risico", "--titel", "Uitval systemen", "--data", folder)
    assert result.exit_code == 0, result.output
    after = (folder / "risicos.yaml").read_text(encoding="utf-8")
    assert after.startswith(before.rstrip("\n")) and "id: R8" in after
    assert run("check", "--data", folder, "--peildatum", "2020-08-17").exit_code == 0


def test_init_writes_a_folder_that_passes_strict_and_builds(run: Run, tmp_path: Path) -> None:
    folder = tmp_path / "nieuw"
    result = run("init", folder)
    assert result.exit_code == 0, result.output
    check = run("check", "--data", folder, "--strict")
    assert check.exit_code == 0 and "0 warnings" in check.output, check.output
    deck = run("deck", "--data", folder, "--output", tmp_path / "out")
    assert deck.exit_code == 0, deck.output
    again = run("init", folder)
    assert again.exit_code == 2 and "holds data already" in again.output


def test_schema_without_a_data_folder_says_which(run: Run, tmp_path: Path) -> None:
    result = run("schema", "--data", tmp_path / "elders")
    assert result.exit_code == 2 and "no data folder" in result.output
    assert not (tmp_path / "elders").exists()
