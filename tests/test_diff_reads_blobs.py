"""``diff`` and ``--gewijzigd-sinds`` read a version as git stores it: ``.gitattributes`` with
``export-ignore`` or ``export-subst`` changes nothing, an edited ``inhoud_bestand`` is a change,
and a diff of valid data never fails now and then."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, Run
from tests.test_history import git
from tests.yamledit import edit


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    data = root / "status"
    shutil.copytree(FIXTURES / "valid", data)
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "eerste editie")
    return data


def diff(run: Run, data: Path, *refs: str) -> dict[str, object]:
    result = run("diff", *refs, "--data", data, "--format", "json")
    assert result.exit_code == 0, result.output
    document: dict[str, object] = json.loads(result.output)
    return document


def test_gitattributes_change_nothing(run: Run, repo: Path) -> None:
    root = repo.parent
    (root / ".gitattributes").write_text(
        "status/acties/* export-ignore\nstatus/werkstromen/* export-subst\n", encoding="utf-8"
    )
    edit(repo / "werkstromen" / "01-klantreis.yaml", "Loopt volgens plan.", "Loopt $Format:%H$.")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "attributen")
    document = diff(run, repo, "HEAD")  # the working tree is the commit: nothing changed
    assert document["groups"] == [] and document["invalid"] == [], document
    document = diff(run, repo, "HEAD~1", "HEAD")
    groups = document["groups"]
    assert isinstance(groups, list)
    assert [g["title"] for g in groups] == ["Werkstroom 1 – Klantreis ontwerpen"], groups
    result = run("actions", "--data", repo, "--gewijzigd-sinds", "HEAD", "--format", "md",
                 "--output", repo.parent / "out")  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "0 gewijzigd sinds HEAD" in (repo.parent / "out" / "actietabel.md").read_text(
        encoding="utf-8"
    )


def test_an_edited_inhoud_bestand_is_a_change(run: Run, repo: Path) -> None:
    edit(repo / "besluiten" / "terugkoppeling.md", "", "Een nieuwe zin over de planning.\n\n")
    document = diff(run, repo, "HEAD")
    text = json.dumps(document, ensure_ascii=False)
    assert "besluiten/terugkoppeling.md" in text and "planning" in text, text
    result = run("diff", "HEAD", "--data", repo)
    assert "`besluiten/terugkoppeling.md`" not in result.output  # escaped as data
    assert "besluiten/terugkoppeling.md" in result.output.replace("\\", "")


def test_a_diff_of_valid_data_always_answers(run: Run, repo: Path) -> None:
    """git archive died of SIGPIPE about once in 46 runs; the blobs are read whole."""
    for number in range(30):
        edit(repo / "acties" / "002-schulden.yaml", "voorjaar", f"voorjaar {number}")
        git(repo.parent, "commit", "-qam", f"stand {number}")
    for _ in range(10):
        document = diff(run, repo, "HEAD~30", "HEAD")
        assert document["invalid"] == []
