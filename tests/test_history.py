"""History that is right or refuses: ``diff`` and ``actions --gewijzigd-sinds`` in shallow and
partial clones, with missing objects, and with symbolic links committed in the data."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from generator.load import history
from tests.conftest import DEMO, Run
from tests.yamledit import edit


def git(repo: Path, *args: str, date: str = "2021-05-01") -> str:
    when = f"{date}T12:00:00"
    env = {**os.environ, "GIT_AUTHOR_NAME": "Redactie", "GIT_AUTHOR_EMAIL": "r@example.org",
           "GIT_COMMITTER_NAME": "Redactie", "GIT_COMMITTER_EMAIL": "r@example.org",
           "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when}  # fmt: skip
    done = subprocess.run(
        ["git", "-C", str(repo), *args], check=True, capture_output=True, text=True, env=env
    )
    return done.stdout.strip()


@pytest.fixture
def origin(tmp_path: Path) -> Path:
    """The demo data in three commits: 1 April, 1 May (tag v1) and 1 June 2021; the last
    changes one status. It serves partial clones (uploadpack.allowFilter)."""
    repo = tmp_path / "origin"
    data = repo / "status"
    shutil.copytree(DEMO, data)
    git(repo, "init", "-q", "-b", "main")
    git(repo, "config", "uploadpack.allowFilter", "true")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "eerste editie", date="2021-04-01")
    edit(data / "acties" / "002-overleg-schuldeisers.yaml", "2021-06-15", "2021-05-01")
    git(repo, "commit", "-qam", "tweede editie", date="2021-05-01")
    git(repo, "tag", "v1")
    edit(data / "acties" / "005-hulp-gemeenten.yaml", "status: loopt", "status: afgerond")
    git(repo, "commit", "-qam", "derde editie", date="2021-06-01")
    return repo


def clone(origin: Path, target: Path, *options: str) -> Path:
    subprocess.run(
        ["git", "clone", "-q", *options, f"file://{origin}", str(target)],
        check=True,
        capture_output=True,
    )
    return target / "status"


def marked(run: Run, data: Path, out: Path, since: str) -> tuple[int, str]:
    result = run("actions", "--data", data, "--output", out, "--format", "md",
                 "--gewijzigd-sinds", since)  # fmt: skip
    return result.exit_code, result.output


# --- shallow clones ----------------------------------------------------------------------------


def test_a_depth_1_clone_refuses_dates_and_refs_before_its_history(
    run: Run, origin: Path, tmp_path: Path
) -> None:
    full = origin / "status"
    code, output = marked(run, full, tmp_path / "full", "2021-03-01")
    assert code == 0, output  # before the first commit: every action is new
    assert "30 gewijzigd sinds 1 maart 2021" in (tmp_path / "full" / "actietabel.md").read_text()

    shallow = clone(origin, tmp_path / "shallow", "--depth", "1")
    for since in ("2021-03-01", "2021-05-15", "v1", "HEAD~1"):
        code, output = marked(run, shallow, tmp_path / "out", since)
        assert code == 2, (since, output)
        assert "shallow clone" in output and "`git fetch --unshallow`" in output, output
        assert "Traceback" not in output
    assert not (tmp_path / "out").exists()
    result = run("diff", "HEAD~1", "--data", shallow)
    assert result.exit_code == 2 and "`git fetch --unshallow`" in result.output

    # after the head commit: the head commit is the answer, and it is in the clone
    code, output = marked(run, shallow, tmp_path / "later", "2021-07-01")
    assert code == 0, output
    assert "0 gewijzigd sinds 1 juli 2021" in (tmp_path / "later" / "actietabel.md").read_text()

    # the command in the message fetches what was missing; then the answer is the full one
    subprocess.run(["git", "-C", str(shallow.parent), "fetch", "-q", "--unshallow"], check=True)
    code, output = marked(run, shallow, tmp_path / "fetched", "2021-05-15")
    assert code == 0, output
    assert "1 gewijzigd sinds 15 mei 2021" in (tmp_path / "fetched" / "actietabel.md").read_text()


def test_a_deeper_shallow_clone_answers_what_it_has(run: Run, origin: Path, tmp_path: Path) -> None:
    shallow = clone(origin, tmp_path / "two", "--depth", "2")
    code, output = marked(run, shallow, tmp_path / "ok", "2021-05-15")  # the 1 May commit
    assert code == 0, output
    assert "1 gewijzigd sinds 15 mei 2021" in (tmp_path / "ok" / "actietabel.md").read_text()
    code, output = marked(run, shallow, tmp_path / "cut", "2021-04-15")  # 1 April: cut off
    assert code == 2 and "it stops at a commit of 2021-05-01" in output, output


def test_diff_in_a_shallow_clone_of_a_branch(run: Run, origin: Path, tmp_path: Path) -> None:
    git(origin, "checkout", "-q", "-b", "wijzigingen")
    edit(origin / "status" / "acties" / "006-kindpanel.yaml", "status: loopt", "status: afgerond")
    git(origin, "commit", "-qam", "wijziging", date="2021-06-15")
    data = clone(origin, tmp_path / "pr", "--depth", "1", "--branch", "wijzigingen")
    result = run("diff", "--data", data)
    assert result.exit_code == 2
    assert "no main branch" in result.output and "`git fetch origin main`" in result.output
    subprocess.run(
        ["git", "-C", str(data.parent), "fetch", "-q", "--depth", "1", "origin", "main:main"],
        check=True,
    )
    result = run("diff", "--data", data)
    assert result.exit_code == 2, result.output
    assert "where HEAD left main is not in this shallow clone" in result.output
    assert "`git fetch --unshallow`" in result.output


# --- partial clones and missing objects ------------------------------------------------------


def test_a_partial_clone_without_its_remote_refuses_instead_of_an_empty_side(
    run: Run, origin: Path, tmp_path: Path
) -> None:
    data = clone(origin, tmp_path / "partial", "--filter=blob:none")
    away = origin.with_name("weg")
    origin.rename(away)  # the blobs of older versions can no longer be fetched
    result = run("diff", "HEAD~1", "HEAD", "--data", data)
    assert result.exit_code == 2, result.output
    assert "partial clone" in result.output
    assert "`git fetch --refetch --no-filter origin`" in result.output
    assert "toegevoegd" not in result.output
    code, output = marked(run, data, tmp_path / "out", "v1")
    assert code == 2 and "partial clone" in output

    away.rename(origin)  # reachable again: git fetches what it needs, the answer is right
    result = run("diff", "HEAD~1", "HEAD", "--data", data)
    assert result.exit_code == 0, result.output
    assert "**1 statuswijziging.**" in result.output


def test_a_missing_object_is_reported_not_read_as_nothing(
    run: Run, origin: Path, tmp_path: Path
) -> None:
    blob = git(origin, "rev-parse", "HEAD~1:status/acties/005-hulp-gemeenten.yaml")
    (origin / ".git" / "objects" / blob[:2] / blob[2:]).unlink()
    result = run("diff", "HEAD~1", "HEAD", "--data", origin / "status")
    assert result.exit_code == 2, result.output
    assert "1 of its objects is missing" in result.output
    assert "`git fetch --refetch origin`" in result.output


def test_impossible_dates_are_usage_errors(run: Run, origin: Path, tmp_path: Path) -> None:
    code, output = marked(run, origin / "status", tmp_path / "out", "2021-02-30")
    assert code == 2 and "'2021-02-30' is not a date" in output
    result = run("diff", "2021-13-01", "--data", origin / "status")
    assert result.exit_code == 2 and "'2021-13-01' is not a date" in result.output


def test_a_folder_added_later_is_empty_in_older_versions(origin: Path) -> None:
    first = git(origin, "rev-list", "--max-parents=0", "HEAD")
    (origin / "later").mkdir()
    (origin / "later" / "x.yaml").write_text("a: 1\n", encoding="utf-8")
    git(origin, "add", "-A")
    git(origin, "commit", "-qm", "later", date="2021-07-01")
    with history.folder_at(origin / "later", first) as snapshot:
        assert list(snapshot.iterdir()) == []


# --- symbolic links ----------------------------------------------------------------------------


def test_committed_symlinks_are_extracted_safely(run: Run, origin: Path, tmp_path: Path) -> None:
    data = origin / "status"
    (data / "extra").mkdir()
    (data / "extra" / "actie-99.yaml").write_text(
        "nummer: 99\nsectie: Toekomst toeslagen\nomschrijving: Via een link\nstatus: loopt\n"
        "stand_van_zaken: Net begonnen.\n",
        encoding="utf-8",
    )
    (data / "acties" / "099-link.yaml").symlink_to("../extra/actie-99.yaml")
    (data / "acties" / "098-geheim.yaml").symlink_to("/etc/passwd")
    (data / "acties" / "097-omhoog.yaml").symlink_to("../../../../../../../../etc/passwd")
    (data / "buiten").symlink_to("/etc")
    git(origin, "add", "-A")
    git(origin, "commit", "-qm", "links", date="2021-07-01")
    head = git(origin, "rev-parse", "HEAD")

    with history.folder_at(data, head) as snapshot:
        top = snapshot.parent.resolve()
        for link in (snapshot / "acties").glob("09*.yaml"):
            assert link.is_symlink()
            assert link.resolve().is_relative_to(top)  # nothing points out of the temporary folder
        assert "Via een link" in (snapshot / "acties" / "099-link.yaml").read_text()
        for name in ("acties/098-geheim.yaml", "acties/097-omhoog.yaml", "buiten"):
            target = (snapshot / name).resolve()
            assert not target.exists() and not target.is_relative_to(snapshot.resolve())

    result = run("diff", "HEAD~1", "HEAD", "--data", data, "--format", "json")
    assert result.exit_code == 0, result.output
    assert "root:" not in result.output
    assert "**Actie 99** toegevoegd" in run("diff", "HEAD~1", "HEAD", "--data", data).output
    invalid = {problem["message"].split(":", 1)[0] for problem in _json(result.output)["invalid"]}
    assert invalid == {"acties/098-geheim.yaml", "acties/097-omhoog.yaml"}


def _json(text: str) -> dict[str, list[dict[str, str]]]:
    import json

    document: dict[str, list[dict[str, str]]] = json.loads(text)
    return document


def test_a_huge_file_in_history_is_refused_without_being_unpacked(
    run: Run, origin: Path, tmp_path: Path
) -> None:
    data = origin / "status"
    huge = data / "acties" / "099-groot.yaml"
    huge.write_bytes(b"nummer: 99\n" + b"#" * (history.LARGE + 2**20))
    git(origin, "add", "-A")
    git(origin, "commit", "-qm", "groot", date="2021-07-01")
    with history.folder_at(data, git(origin, "rev-parse", "HEAD")) as snapshot:
        copy = (snapshot / "acties" / "099-groot.yaml").stat()
        assert copy.st_size == huge.stat().st_size
        assert copy.st_blocks * 512 <= history.LARGE + 2**20  # the rest is a hole
    result = run("diff", "HEAD~1", "HEAD", "--data", data, "--format", "json")
    assert result.exit_code == 0, result.output
    invalid = {problem["message"].split(":", 1)[0] for problem in _json(result.output)["invalid"]}
    assert invalid == {"acties/099-groot.yaml"}
