"""`statusgen schema` and `statusgen new`."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from generator.kinds import all_kinds
from tests.conftest import DEMO, Run


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
    result = run("schema", "--output", out)
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
            jsonschema.validate(_jsonable(yaml.safe_load(file.read_text())), schema)


def test_schema_rejects_what_check_rejects(schemas: Path) -> None:
    schema = json.loads((schemas / "werkstroom.schema.json").read_text())
    document = _jsonable(yaml.safe_load((DEMO / "werkstromen/01-klantreis.yaml").read_text()))
    document["opdrachten"][0]["status"] = "bezig"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(document, schema)
    document["opdrachten"][0]["status"] = "gestart"
    document["kernwoordd"] = "x"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(document, schema)


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
    document = yaml.safe_load(created.read_text(encoding="utf-8"))
    assert document["nummer"] == 3
    assert document["titel"] == "Coördineren externe onderzoeken"
    assert document["opdrachten"][0]["nummer"] == "3.1"
    assert run("check", "--data", data).exit_code == 0


def test_new_actie_numbers_after_the_highest(run: Run, data: Path) -> None:
    result = run("new", "actie", "--titel", "Nazorg: ouders & kinderen", "--data", data)
    assert result.exit_code == 0, result.output
    created = data / "acties/011-nazorg-ouders-kinderen.yaml"
    assert yaml.safe_load(created.read_text())["omschrijving"] == "Nazorg: ouders & kinderen"
    check = run("check", "--data", data, "--strict")
    assert check.exit_code == 0, check.output


def test_new_rejects_unknown_kind(run: Run, data: Path) -> None:
    assert run("new", "risico", "--titel", "x", "--data", data).exit_code == 2
