"""The editor setup as docs/editors.md describes it, proven with the real yaml-language-server
(the language server of VS Code's YAML extension, from npm) driven over LSP: a data file's
modeline finds its schema in the data folder's schemas/, the editor completes keys and statuses
and marks a bad status on its line.

Without the server (npm install, as .ci/run does) these tests skip; on CI they fail."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from generator.commands.schema import schema_for
from generator.load.kinds import SCHEMA_FOLDER, kind_named
from generator.model.legend import SCT
from tests.conftest import DEMO, Run
from tests.lsp import Client
from tests.office import need

ROOT = Path(__file__).resolve().parents[1]
SERVER = ROOT / ".cache/yaml-language-server/node_modules/.bin/yaml-language-server"
ERROR = 1  # LSP DiagnosticSeverity.Error


@pytest.fixture
def editor(tmp_path: Path) -> Iterator[tuple[Client, Path]]:
    need("node")
    if not SERVER.exists():
        message = f"yaml-language-server is not installed in {SERVER.parent} (see .ci/run)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    data = tmp_path / "status"
    shutil.copytree(DEMO, data)
    client = Client([str(SERVER), "--stdio"], tmp_path)
    try:
        yield client, data
    finally:
        client.close()


def _position(text: str, needle: str) -> tuple[int, int]:
    """(line, character) just after the first ``needle``, counted from 0 as LSP counts."""
    offset = text.index(needle) + len(needle)
    line = text.count("\n", 0, offset)
    return line, offset - (text.rfind("\n", 0, offset) + 1)


def test_a_bad_status_is_marked_on_its_line(editor: tuple[Client, Path]) -> None:
    client, data = editor
    file = data / "werkstromen/01-klantreis.yaml"
    text = file.read_text(encoding="utf-8")
    assert text.startswith(kind_named("werkstroom").modeline + "\n")
    assert client.open(file, text) == [], "the demo file is valid against its schema"
    typo = text.replace("status: gestart", "status: bezig", 1)
    line, _ = _position(typo, "status: bezig")
    other = data / "werkstromen/02-typo.yaml"  # a second document, as typed and not yet saved
    found = client.open(other, typo, until=lambda d: any(x["severity"] == ERROR for x in d))
    errors = [d for d in found if d["severity"] == ERROR]
    assert [d["range"]["start"]["line"] for d in errors] == [line], found


def test_statuses_and_keys_are_completed_from_the_schema(editor: tuple[Client, Path]) -> None:
    client, data = editor
    file = data / "werkstromen/01-klantreis.yaml"
    text = file.read_text(encoding="utf-8").replace("status: gestart", "status: ", 1)
    client.open(file, text)
    line, character = _position(text, "status: ")
    statuses = {item["label"] for item in client.complete(file, line, character)}
    assert set(SCT.values) <= statuses, statuses
    # a new key at the top level: the werkstroom's keys the file does not have yet
    original = file.read_text(encoding="utf-8")
    lacking = set(schema_for(kind_named("werkstroom"))["properties"]) - set(
        yaml.safe_load(original)
    )
    assert lacking
    typed = original + "\n"
    client.open(file.with_name("03-nieuw.yaml"), typed + "v")
    offered = client.complete(file.with_name("03-nieuw.yaml"), typed.count("\n"), 1)
    assert {item["label"] for item in offered} == lacking


def test_a_file_from_init_and_new_finds_its_schema(
    editor: tuple[Client, Path], run: Run, tmp_path: Path
) -> None:
    client, _ = editor
    folder = tmp_path / "nieuw"
    assert run("init", folder).exit_code == 0
    assert run("new", "actie", "--titel", "Tweede actie", "--data", folder).exit_code == 0
    (file,) = folder.glob("acties/002-*.yaml")
    text = file.read_text(encoding="utf-8")
    assert client.open(file, text) == []
    assert (folder / SCHEMA_FOLDER / "actie.schema.json").is_file()
    bad = text.replace("status: ", "status: x", 1)
    line, _ = _position(bad, "status: x")
    found = client.open(file.with_name("003-bad.yaml"), bad,
                        until=lambda d: any(x["severity"] == ERROR for x in d))  # fmt: skip
    assert [d["range"]["start"]["line"] for d in found if d["severity"] == ERROR] == [line]
