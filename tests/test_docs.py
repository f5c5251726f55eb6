"""The documentation is part of the product: the README and the site in docs/ must match the code.

Their references are generated, their YAML examples validate, the commands they tell users to
type run on the demo data, and the site builds with every link and anchor resolved.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.load.kinds import all_kinds
from generator.load.yamlsource import parse
from generator.reference import CLI_END, CLI_PAGE, CLI_START, DATA_PAGE, END, START, cli, render

ROOT = Path(__file__).parent.parent
README = ROOT / "README.md"
DOCS = ROOT / "docs"
DEMO = ROOT / "status"
PAGES = [README, *sorted(DOCS.rglob("*.md"))]


def _name(page: Path) -> str:
    return str(page.relative_to(ROOT))


def _block(page: Path, start: str, end: str) -> str:
    text = page.read_text(encoding="utf-8")
    assert start in text and end in text, f"{_name(page)} lacks its markers"
    return text.split(start, 1)[1].split(end, 1)[0]


def test_data_reference_is_generated_from_the_models() -> None:
    assert _block(DATA_PAGE, START, END).strip() == render().strip(), (
        "run: python -m generator.reference"
    )


def test_command_reference_is_generated_from_the_commands() -> None:
    assert _block(CLI_PAGE, CLI_START, CLI_END).strip() == cli().strip(), (
        "run: python -m generator.reference"
    )


def test_the_readme_holds_no_generated_reference() -> None:
    """The references live in docs/reference/; a copy in the README would drift."""
    text = README.read_text(encoding="utf-8")
    assert "reference:start" not in text and "cli:start" not in text


def _examples() -> list[tuple[str, str, str]]:
    found = []
    for page in PAGES:
        text = page.read_text(encoding="utf-8")
        for name, body in re.findall(r"```yaml\n# (\S+)\n(.*?)```", text, re.S):
            found.append((_name(page), name, body))
    return found


EXAMPLES = _examples()


@pytest.mark.parametrize(
    ("page", "name", "text"), EXAMPLES, ids=[f"{p}:{n}" for p, n, _ in EXAMPLES]
)
def test_yaml_examples_validate(page: str, name: str, text: str) -> None:
    kinds = [k for k in all_kinds() if Path(name).match(k.pattern)]
    assert kinds, f"{page}: an example names {name}, which is no kind of data file"
    kinds[0].model.model_validate(parse(Path(name), text).data)


def test_examples_cover_every_kind() -> None:
    covered = {
        k.name for _, name, _ in EXAMPLES for k in all_kinds() if Path(name).match(k.pattern)
    }
    assert covered == {k.name for k in all_kinds()}


def test_every_command_is_in_the_readme_table() -> None:
    from generator.cli import COMMANDS

    text = README.read_text(encoding="utf-8")
    for name in COMMANDS:
        assert re.search(rf"^\| `statusgen {name}\b", text, re.M), name


def test_every_command_has_help_and_every_option_a_meaning() -> None:
    import click

    from generator.cli import COMMANDS

    context = click.Context(main)
    for name in COMMANDS:
        command = main.get_command(context, name)
        assert command is not None and command.help, name
        for param in command.params:
            if isinstance(param, click.Option):
                assert param.help, f"{name} {param.opts}"


def test_the_schema_list_names_every_kind() -> None:
    """The editor setup says which schema files `statusgen schema` writes: one per kind."""
    text = (DOCS / "editors" / "editor-setup.md").read_text(encoding="utf-8")
    paragraphs = [p for p in text.split("\n\n") if "`statusgen schema" in p and "schema.json" in p]
    assert paragraphs, "the editor setup does not say what statusgen schema writes"
    for kind in all_kinds():
        assert f"`{kind.name}`" in paragraphs[0], kind.name


# --- the commands the documentation tells users to type ----------------------------------------


def _commands(page: Path) -> list[list[str]]:
    """The commands of the page's sh blocks that consist of statusgen commands only."""
    commands = []
    text = page.read_text(encoding="utf-8")
    for block in re.findall(r"^```sh\n(.*?)^```", text, re.S | re.M):
        lines = [line for line in block.replace("\\\n", " ").splitlines() if line.strip()]
        if lines and all(line.startswith("statusgen ") for line in lines):
            commands += [shlex.split(line, comments=True)[1:] for line in lines]
    return commands


RUNNABLE = [page for page in PAGES if _commands(page)]


def _git(folder: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=docs", "-c", "user.email=docs@example.org", *args],
        cwd=folder,
        check=True,
        capture_output=True,
    )


@pytest.fixture
def editors_repository(tmp_path: Path) -> Path:
    """A copy of the demo data in a git repository, on a branch that changed a status."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    shutil.copytree(DEMO, tmp_path / "status")
    _git(tmp_path, "init", "-q", "-b", "main")
    _git(tmp_path, "add", "-A")
    _git(tmp_path, "commit", "-qm", "demo")
    _git(tmp_path, "checkout", "-q", "-b", "wijziging")
    werkstroom = tmp_path / "status" / "werkstromen" / "01-klantreis.yaml"
    text = werkstroom.read_text(encoding="utf-8")
    werkstroom.write_text(text.replace("status: gestart", "status: zorgen", 1), encoding="utf-8")
    _git(tmp_path, "commit", "-qam", "zorgen")
    return tmp_path


def test_the_quick_starts_have_commands() -> None:
    assert README in RUNNABLE and DOCS / "install.md" in RUNNABLE


@pytest.mark.parametrize("page", RUNNABLE, ids=[_name(p) for p in RUNNABLE])
def test_documented_commands_run_on_the_demo_data(
    page: Path, editors_repository: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(editors_repository)
    for args in _commands(page):
        args, target = (args[:-2], args[-1]) if args[-2:-1] == [">"] else (args, None)
        result = CliRunner().invoke(main, args, catch_exceptions=False)
        shown = f"{_name(page)}: statusgen {shlex.join(args)}"
        assert result.exit_code == 0, f"{shown}\n{result.output}"
        if target is not None:
            assert result.stdout, shown
            Path(target).write_text(result.stdout, encoding="utf-8")


NAMING = [README, DOCS / "install.md", DOCS / "editors" / "editor-setup.md"]


@pytest.mark.parametrize("page", NAMING, ids=[_name(p) for p in NAMING])
def test_new_werkstroom_writes_the_file_the_docs_name(
    page: Path, data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = page.read_text(encoding="utf-8")
    named = re.search(r"`(werkstromen/\d+-coordineren-externe-onderzoeken\.yaml)`", text)
    assert named, f"{_name(page)} does not say what new werkstroom writes"
    demo = data.parent / "demo"
    shutil.copytree(DEMO, demo)
    titel = "Coördineren externe onderzoeken"
    result = CliRunner().invoke(main, ["new", "werkstroom", "--titel", titel, "--data", str(demo)])
    assert result.exit_code == 0, result.output
    assert (demo / named[1]).is_file(), sorted(p.name for p in (demo / "werkstromen").iterdir())


# --- links and the site --------------------------------------------------------------------------


def _slug(heading: str) -> str:
    """An anchor as GitHub and MkDocs write it for a heading."""
    text = re.sub(r"[`*_]", "", heading).strip().lower()
    return re.sub(r"[\s]+", "-", re.sub(r"[^\w\s-]", "", text))


def test_the_readme_links_to_what_exists() -> None:
    """MkDocs checks the site's links; the README is outside it, so it is checked here."""
    text = README.read_text(encoding="utf-8")
    links = re.findall(r"\]\(([^)\s]+)\)", text)
    assert links
    for link in links:
        if re.match(r"[a-z]+:", link):
            continue  # external: not checked offline
        path, _, anchor = link.partition("#")
        target = (README.parent / path) if path else README
        assert target.exists(), f"README.md links to {link}, which does not exist"
        if anchor:
            headings = re.findall(r"^#+ (.*)$", target.read_text(encoding="utf-8"), re.M)
            assert anchor in {_slug(h) for h in headings}, f"README.md links to {link}"


def _mkdocs_build(root: Path, site: Path) -> subprocess.CompletedProcess[str]:
    try:
        import mkdocs  # noqa: F401
    except ImportError:
        if os.environ.get("CI") == "true":
            pytest.fail("mkdocs is not installed, and CI must build the site")
        pytest.skip("mkdocs is not installed (pip install -e '.[docs]')")
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_the_site_builds_strictly(tmp_path: Path) -> None:
    """mkdocs build --strict: every page in the nav, every link and anchor resolved."""
    result = _mkdocs_build(ROOT, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "site" / "reference" / "cli" / "index.html").is_file()


@pytest.mark.parametrize(
    ("page", "text"),
    [
        ("index.md", "[the deck](bureau/deck.md#no-such-heading)"),
        ("index.md", "[a page](bureau/no-such-page.md)"),
        ("bureau/deck.md", "[here](#no-such-heading)"),
        ("orphan.md", "# A page nobody can reach from the navigation"),
    ],
    ids=["anchor on another page", "missing page", "anchor on the page", "page not in nav"],
)
def test_the_strict_build_refuses_a_broken_link(tmp_path: Path, page: str, text: str) -> None:
    """The link check is mkdocs.yml's validation settings: a build with a broken link fails."""
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    shutil.copytree(DOCS, tmp_path / "docs")
    target = tmp_path / "docs" / page
    before = target.read_text(encoding="utf-8") if target.exists() else ""
    target.write_text(f"{before}\n\n{text}\n", encoding="utf-8")
    result = _mkdocs_build(tmp_path, tmp_path / "site")
    assert result.returncode != 0, f"{text} in {page} passed the strict build"
