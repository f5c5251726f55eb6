"""The JSON Schema and `check` agree: every value check accepts, the schema accepts (an editor
never sees a squiggle on valid data), and the type errors check refuses, the schema refuses too.

The values go through both as each reads them: check through statusgen's own YAML loader and the
kind's model; the schema as yaml-language-server sees the same YAML (YAML 1.2: a date is a
string, 2.10 a number). What only check can judge (the Dutch deadline forms, rules across fields
and files) is check's alone; the schema is the first line of defence."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pydantic
import pytest

from generator.commands.schema import schema_for
from generator.load.kinds import Kind, all_kinds, kind_named
from generator.load.yamlsource import YamlFloat, YamlInt, parse
from tests.conftest import DEMO

#: forms editors type, put in place of every value of every field in the demo data
CANDIDATES = ("2.10", "3", "0", "010", "'3'", "x", "''", "true", "~", "2020-08-17",
              "'2020-08-17'", "17-08-2020", "'20200817'", "'2020-W34-1'", "[]", "gestart",
              "zorgen")  # fmt: skip

Path_ = tuple[str | int, ...]


def loaded(snippet: str) -> Any:
    """A value as statusgen's loader reads ``key: SNIPPET``."""
    return parse(Path("v.yaml"), f"v: {snippet}\n").data["v"]


def as_editor_sees(value: Any) -> Any:
    """The same YAML as yaml-language-server reads it (YAML 1.2, JSON types)."""
    if isinstance(value, dict):
        return {str(k): as_editor_sees(v) for k, v in value.items()}
    if isinstance(value, list):
        return [as_editor_sees(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, YamlInt):  # 010 is ten in YAML 1.2, eight in PyYAML's 1.1
        return int(value.raw, 10) if re.fullmatch(r"[-+]?\d+", value.raw) else int(value)
    if isinstance(value, YamlFloat):
        return float(value)
    return value


def _copy(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _copy(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_copy(v) for v in value]
    return value


def _leaves(document: Any, path: Path_ = ()) -> Iterator[Path_]:
    if isinstance(document, dict):
        for key, value in document.items():
            yield from _leaves(value, (*path, key))
    elif isinstance(document, list):
        for index, value in enumerate(document):
            yield from _leaves(value, (*path, index))
    else:
        yield path


def replaced(document: Any, path: Path_, value: Any) -> Any:
    changed = _copy(document)
    target = changed
    for part in path[:-1]:
        target = target[part]
    target[path[-1]] = value  # a field the file leaves out is added
    return changed


def verdicts(kind: Kind[Any], document: Any) -> tuple[bool, bool]:
    """(check accepts it, the schema accepts it)."""
    try:
        kind.model.model_validate(document)
        checked = True
    except (pydantic.ValidationError, ValueError):
        checked = False
    schema = jsonschema.Draft202012Validator(schema_for(kind))
    return checked, schema.is_valid(as_editor_sees(document))


def demo(kind: Kind[Any]) -> Iterator[tuple[str, Any]]:
    for file in sorted(DEMO.glob(kind.pattern)):
        yield file.name, parse(file, file.read_text(encoding="utf-8")).data


@pytest.mark.parametrize("kind", all_kinds(), ids=lambda k: k.name)
def test_the_schema_accepts_every_form_check_accepts(kind: Kind[Any]) -> None:
    schema = jsonschema.Draft202012Validator(schema_for(kind))
    refused, tried = [], 0
    for name, document in demo(kind):
        assert verdicts(kind, document) == (True, True), name
        seen = set()
        for path in _leaves(document):
            shape = tuple(p if isinstance(p, str) else 0 for p in path)
            if shape in seen:
                continue
            seen.add(shape)
            for snippet in CANDIDATES:
                candidate = replaced(document, path, loaded(snippet))
                try:
                    kind.model.model_validate(candidate)
                except (pydantic.ValidationError, ValueError):
                    continue
                tried += 1
                if not schema.is_valid(as_editor_sees(candidate)):
                    refused.append(f"{name}: {'.'.join(map(str, path))}: {snippet}")
    assert tried > 0
    assert refused == [], "check accepts, the schema refuses:\n" + "\n".join(refused)


WERKSTROOM = DEMO / "werkstromen/01-klantreis.yaml"


@pytest.mark.parametrize(
    ("kind", "file", "path", "snippet", "accepted"),
    [
        # what editors type that check reads as they meant it
        ("werkstroom", WERKSTROOM, ("opdrachten", 0, "nummer"), "2.10", True),
        ("werkstroom", WERKSTROOM, ("opdrachten", 0, "titel"), "2020", True),
        ("werkstroom", WERKSTROOM, ("nummer",), "'1'", True),
        ("werkstroom", WERKSTROOM, ("nummer",), "010", True),
        ("werkstroom", WERKSTROOM, ("opdrachten", 0, "status"), "zorgen", True),
        # what both refuse
        ("werkstroom", WERKSTROOM, ("opdrachten", 0, "nummer"), "2", False),
        ("werkstroom", WERKSTROOM, ("opdrachten", 0, "nummer"), "'twee'", False),
        ("werkstroom", WERKSTROOM, ("opdrachten", 0, "status"), "bezig", False),
        ("werkstroom", WERKSTROOM, ("opdrachten", 0, "titel"), "true", False),
        ("werkstroom", WERKSTROOM, ("opdrachten", 0, "titel"), "''", False),
        ("werkstroom", WERKSTROOM, ("opdrachten", 0, "titel"), "[a, b]", False),
        ("werkstroom", WERKSTROOM, ("nummer",), "0", False),
        ("werkstroom", WERKSTROOM, ("nummer",), "'0'", False),
        ("werkstroom", WERKSTROOM, ("trekker",), "Jan de Vries", False),
        ("actie", DEMO / "acties/001-compensatie-opschalen.yaml", ("bijgewerkt",), "17-08-2020",
         False),
        ("risico", DEMO / "risicos.yaml", ("risicos", 0, "top"), "1", False),
        ("dashboard", DEMO / "dashboard.yaml", ("tabellen", 0, "rijen", 0, "vet"), "0", False),
    ],
)  # fmt: skip
def test_check_and_the_schema_agree(
    kind: str, file: Path, path: Path_, snippet: str, accepted: bool
) -> None:
    document = parse(file, file.read_text(encoding="utf-8")).data
    assert verdicts(kind_named(kind), replaced(document, path, loaded(snippet))) == (
        accepted,
        accepted,
    )


def test_an_unknown_key_is_refused_by_both() -> None:
    document = parse(WERKSTROOM, WERKSTROOM.read_text(encoding="utf-8")).data
    document["kernwoordd"] = "x"
    assert verdicts(kind_named("werkstroom"), document) == (False, False)
