"""The package's shape: stages that import one way, and registries that agree with the data
contract."""

from __future__ import annotations

import ast
import importlib
import sys
from graphlib import CycleError, TopologicalSorter
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


#: render-level modules that are outputs (every other module directly in render/ is machinery
#: the outputs share, such as word.py); every package in render/ is an output but these
OUTPUT_MODULES = {"planning", "deadlines", "pakket"}
SHARED_PACKAGES = {"fonts", "typography"}

#: cycles and sibling imports that another branch of issue 23 removes, with that branch. The
#: lead empties this when merging them; an entry that no longer occurs fails the test, so the
#: list can only shrink.
KNOWN: dict[str, str] = {}


def _module_files() -> dict[str, Path]:
    """Every module by its dotted name below generator ("load.dataset", "render.deck")."""
    found = {}
    for file in PACKAGE.rglob("*.py"):
        parts = file.relative_to(PACKAGE).with_suffix("").parts
        parts = parts[:-1] if parts[-1] == "__init__" else parts
        found[".".join(parts)] = file
    return found


def _imported(module: str, file: Path, node: ast.AST, modules: dict[str, Path]) -> set[str]:
    """The package's modules one import statement names: ``from x import y`` names the module
    x.y when there is one, and x for every name that is not a module; relative imports are
    resolved against ``module``."""
    if isinstance(node, ast.Import):
        names = {alias.name.removeprefix("generator.") for alias in node.names}
    elif isinstance(node, ast.ImportFrom):
        base = node.module or ""
        if node.level:
            package = module.split(".") if file.name == "__init__.py" else module.split(".")[:-1]
            package = package[: len(package) - node.level + 1]
            base = ".".join(["generator", *package, *([base] if base else [])])
        base = base.removeprefix("generator.")
        names = {
            f"{base}.{alias.name}" if f"{base}.{alias.name}" in modules else base
            for alias in node.names
        }
    else:
        return set()
    return {name for name in names if name in modules and name != module}


def _graph() -> dict[str, set[str]]:
    """Which modules each module imports, at module level or inside a function: both run."""
    modules = _module_files()
    graph: dict[str, set[str]] = {}
    for module, file in modules.items():
        tree = ast.parse(file.read_text(encoding="utf-8"))
        graph[module] = {
            name for node in ast.walk(tree) for name in _imported(module, file, node, modules)
        }
    return graph


def _cycles(graph: dict[str, set[str]]) -> set[str]:
    """Each import cycle, named by the modules caught in it: graphlib finds one cycle; the
    modules that reach each other through it are gathered and taken out, until none is left."""
    graph = {module: set(imported) for module, imported in graph.items()}
    found = set()
    while True:
        try:
            TopologicalSorter(graph).prepare()
            return found
        except CycleError as error:
            cycle = set(error.args[1])
        members = {m for m in graph if _reaches(graph, m, cycle) and _reaches_from(graph, cycle, m)}
        found.add("cycle " + ", ".join(sorted(members)))
        for module in members:
            graph[module] -= members


def _reaches(graph: dict[str, set[str]], start: str, targets: set[str]) -> bool:
    seen, todo = set(), [start]
    while todo:
        module = todo.pop()
        if module in targets:
            return True
        if module not in seen:
            seen.add(module)
            todo.extend(graph.get(module, ()))
    return False


def _reaches_from(graph: dict[str, set[str]], sources: set[str], target: str) -> bool:
    return any(_reaches(graph, source, {target}) for source in sources)


def _output(module: str) -> str | None:
    """The output a module belongs to (render/<x>/... or an output module render/<x>.py), or
    None for the machinery outputs share and for everything outside render/."""
    parts = module.split(".")
    if parts[0] != "render" or len(parts) < 2:
        return None
    if (PACKAGE / "render" / parts[1]).is_dir():
        return None if parts[1] in SHARED_PACKAGES else parts[1]
    return parts[1] if parts[1] in OUTPUT_MODULES else None


def _sibling_imports(graph: dict[str, set[str]]) -> set[str]:
    return {
        f"{module} -> {imported}"
        for module, imports in graph.items()
        for imported in imports
        if _output(module) and _output(imported) and _output(module) != _output(imported)
    }


def test_no_import_cycles() -> None:
    """No two modules import each other, directly or around a circle: such modules cannot be
    read, tested or changed one at a time."""
    cycles = _cycles(_graph())
    assert cycles <= set(KNOWN), sorted(cycles - set(KNOWN))


def test_no_output_imports_another_output() -> None:
    """An output (render/deck/, render/besluitenlijst/, render/pakket.py) imports no other
    output: what two outputs share lives at the render level (word.py, typeset.py) or below."""
    siblings = _sibling_imports(_graph())
    assert siblings <= set(KNOWN), sorted(siblings - set(KNOWN))


def test_every_known_exception_still_occurs() -> None:
    """KNOWN only shrinks: an entry whose cycle or import is gone must leave the list."""
    graph = _graph()
    gone = set(KNOWN) - _cycles(graph) - _sibling_imports(graph)
    assert not gone, sorted(gone)


def test_the_structure_checks_see_what_they_forbid() -> None:
    """The checks themselves: a made-up cycle and a made-up sibling import are found."""
    graph = {"load.a": {"load.b"}, "load.b": {"load.c"}, "load.c": {"load.a"}, "load.d": set()}
    assert _cycles(graph) == {"cycle load.a, load.b, load.c"}
    graph = {"render.deck.x": {"render.word", "render.actietabel.build"}, "render.pakket": set()}
    assert _sibling_imports(graph) == {"render.deck.x -> render.actietabel.build"}


#: class names still declared twice, with the branch of issue 23 that gives one of them its own
#: word; like KNOWN, the lead empties this when merging, and it can only shrink
KNOWN_NAMES = {
    "Para": "formats",  # the deck's paragraph and the action table's
}


def _class_names() -> dict[str, list[str]]:
    """Every public class name, with the modules that declare it."""
    found: dict[str, list[str]] = {}
    for module, file in _module_files().items():
        for node in ast.parse(file.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.ClassDef) and not node.name.startswith("_"):
                found.setdefault(node.name, []).append(module)
    return found


def test_every_class_name_means_one_thing() -> None:
    """One word per thing (docs/design/index.md): no two classes share a name, so a name read
    in a traceback, a review or the vocabulary points at one thing."""
    twice = {name: modules for name, modules in _class_names().items() if len(modules) > 1}
    assert set(twice) <= set(KNOWN_NAMES), {n: twice[n] for n in set(twice) - set(KNOWN_NAMES)}
    gone = set(KNOWN_NAMES) - set(twice)
    assert not gone, f"declared once now, remove from KNOWN_NAMES: {sorted(gone)}"


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
