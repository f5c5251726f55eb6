"""The package's shape: stages that import one way, and registries that agree with the data
contract."""

from __future__ import annotations

import ast
import importlib
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

PACKAGE = Path(__file__).resolve().parents[1] / "generator"
#: a stage may import only from stages of the same or a lower rank
RANK = {
    "quoting": 0, "exceptions": 0, "resources": 0, "progress": 0,
    "model": 1,  # the domain's rules and facts
    "text": 2,  # the text model and the language
    "load": 3,  # reading and checking data
    "domain": 4,  # facts derived from the data, for every output
    "render": 5,  # one package per output
    "publish": 6,  # the one way out
    "options": 7, "commands": 7, "preview": 7, "reference": 8, "cli": 8, "__main__": 9,
}  # fmt: skip


def _imports() -> list[tuple[str, str, str]]:
    found = []
    for file in PACKAGE.rglob("*.py"):
        parts = file.relative_to(PACKAGE).with_suffix("").parts
        stage = parts[0] if parts[0] != "__init__" else "quoting"
        for node in ast.walk(ast.parse(file.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            elif isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            for name in names:
                if name.startswith("generator.") and name != "generator":
                    found.append((str(file.relative_to(PACKAGE)), stage, name.split(".")[1]))
    return found


def test_every_module_belongs_to_a_stage() -> None:
    stages = {path.stem if path.is_file() else path.name for path in PACKAGE.iterdir()}
    stages -= {"__init__", "__pycache__", "templates"}
    assert stages <= set(RANK), stages - set(RANK)


@pytest.mark.parametrize(("module", "stage", "imported"), _imports())
def test_imports_point_down_the_stages(module: str, stage: str, imported: str) -> None:
    assert RANK[stage] >= RANK[imported], f"{module} ({stage}) imports from {imported}"


def test_the_deck_has_a_part_for_every_onderdeel_editors_can_write() -> None:
    """The onderdelen table (what check accepts) and the registered builders (what the deck
    makes) hold the same names: every row has a builder, every builder a row."""
    from generator.load.kinds import kind_named
    from generator.load.onderdelen import ONDERDELEN, TABLE
    from generator.render.deck.parts import builders

    assert sorted(builders()) == sorted(row.name for row in TABLE)
    assert ONDERDELEN.values == [row.name for row in TABLE]
    for row in TABLE:
        assert kind_named(row.needs), row.name  # a kind check can ask the data folder for


def test_no_module_is_a_grab_bag() -> None:
    """Modules over 400 lines say in their docstring why they are one module."""
    for file in PACKAGE.rglob("*.py"):
        lines = file.read_text(encoding="utf-8").count("\n")
        if lines > 400:
            doc = ast.get_docstring(ast.parse(file.read_text(encoding="utf-8"))) or ""
            assert "one module" in doc, f"{file.relative_to(PACKAGE)}: {lines} lines"


@pytest.mark.parametrize(
    "script", sorted(p.stem for p in (ROOT / "bench").glob("*.py")), ids=lambda s: s
)
def test_every_bench_script_still_imports(script: str) -> None:
    """The benches run by hand, not in the suite: a rename in the package must not leave one
    that no longer starts (bench/print.py imported a class that had been renamed)."""
    bench = str(ROOT / "bench")
    sys.path.insert(0, bench)
    try:
        importlib.import_module(script)
    finally:
        sys.path.remove(bench)
