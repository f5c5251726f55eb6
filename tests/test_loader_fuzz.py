"""Property: whatever an editor does to a valid file, the loader returns clean diagnostics or a
valid model, never an exception."""

from __future__ import annotations

import shutil
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.load.dataset import load
from generator.load.diagnostics import Diagnostics
from tests.conftest import FIXTURES

SOURCES = sorted(p.relative_to(FIXTURES / "valid") for p in (FIXTURES / "valid").rglob("*.yaml"))
SNIPPETS = [
    "", " ", "\t", ":", "- ", "&a ", "*a", "!!python/object:os.system ", "{", "]", "'", '"',
    "\n", "  ", "nummer: 1\n", "status: zorgen", "2020-02-30", "1 sept", "ntb", "~", "null",
    "yes", "1.10", "0o17", "1e999", "p-onbekend", "é", "\x00", "\ufeff", "<<: {a: 1}", "? [a]\n",
    "---\n", "...", "%YAML 1.1\n", "|", ">-", "#", "[1, [2, [3]]]", "{datum: 2020-01-01}",
]  # fmt: skip


@st.composite
def mutated(draw: st.DrawFn) -> tuple[Path, bytes]:
    name = draw(st.sampled_from(SOURCES))
    text = (FIXTURES / "valid" / name).read_text(encoding="utf-8")
    for _ in range(draw(st.integers(1, 4))):
        lines = text.splitlines(keepends=True) or [""]
        index = draw(st.integers(0, len(lines) - 1))
        line = lines[index]
        operation = draw(st.sampled_from(["insert", "delete", "replace", "dup", "cut", "bytes"]))
        if operation == "insert":
            at = draw(st.integers(0, len(line)))
            line = line[:at] + draw(st.sampled_from(SNIPPETS)) + line[at:]
        elif operation == "delete":
            line = ""
        elif operation == "replace":
            at = draw(st.integers(0, len(line)))
            line = line[:at] + draw(st.text(max_size=8)) + line[at + 1 :]
        elif operation == "dup":
            line = line * 2
        elif operation == "cut":
            line = line[: draw(st.integers(0, len(line)))]
        lines[index] = line
        text = "".join(lines)
    data = text.encode("utf-8", "surrogatepass")
    if draw(st.booleans()) and data:
        at = draw(st.integers(0, len(data) - 1))
        data = data[:at] + draw(st.binary(max_size=3)) + data[at + 1 :]
    return name, data


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(case=mutated())
def test_mutated_files_give_clean_diagnostics(
    tmp_path_factory: object, case: tuple[Path, bytes]
) -> None:
    name, data = case
    root = Path(tmp_path_factory.mktemp("fuzz"))  # type: ignore[attr-defined]
    shutil.copytree(FIXTURES / "valid", root, dirs_exist_ok=True)
    (root / name).write_bytes(data)
    diagnostics = Diagnostics()
    dataset = load(root, diagnostics)
    for diagnostic in diagnostics.items:
        assert diagnostic.message and diagnostic.line >= 1 and diagnostic.column >= 1
        assert diagnostic.file.is_relative_to(root)
    if not diagnostics.errors:
        assert len(dataset.werkstromen) == 2 and len(dataset.acties) == 3
