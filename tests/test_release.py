"""Releases users can pin: one version, a changelog that has it, docs that pin only it, the
release procedure (tools/release.py), lower bounds that are tested, and pre-commit used exactly as
docs/ci.md shows, from a clone of a tagged copy of this repository."""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
import yaml
from packaging.requirements import Requirement

from generator import __version__
from tests.checkout import ROOT, copy_checkout, git, source_url
from tests.conftest import FIXTURES
from tests.yamledit import edit, write_yaml
from tools import release


def test_docs_pin_only_the_declared_version_and_the_changelog_has_it() -> None:
    assert release.problems(ROOT) == []
    pinned = {(file.name, version) for file, _, version in release.pins(ROOT)}
    # the hook's own comment, the pre-commit and CI docs and both CI examples pin it
    for name in (".pre-commit-hooks.yaml", "ci.md", "statusgen-pull-request.yml", "gitlab-ci.yml"):
        assert (name, __version__) in pinned, name
    assert release.SEMVER.match(__version__)
    assert __version__ in release.changelog_versions(ROOT)


def test_docs_name_the_repository_by_its_one_address() -> None:
    url = source_url()
    assert url.startswith("https://") and "example" not in url
    for file in release.documented_files(ROOT):
        text = file.read_text(encoding="utf-8")
        assert "<where statusgen is hosted>" not in text and "example.org/statusgen" not in text
        for found in re.findall(r"https://[\w.-]+/[\w.-]+/statusgen\b", text):
            assert found == url, f"{file.relative_to(ROOT)} names {found}, not {url}"


def _requirements() -> list[Requirement]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    extras = project["optional-dependencies"]
    listed = [*project["dependencies"], *extras["woo"], *extras["test"]]
    return [r for r in map(Requirement, listed) if r.name != "statusgen"]


def test_lower_constraints_pin_every_requirement_at_its_bound() -> None:
    text = (ROOT / "constraints/lower.txt").read_text(encoding="utf-8")
    pinned = dict(re.findall(r"^([\w.-]+)==(\S+)$", text, re.MULTILINE))
    pinned = {name.lower(): version for name, version in pinned.items()}
    for requirement in _requirements():
        (lower,) = [s.version for s in requirement.specifier if s.operator == ">="]
        assert requirement.name.lower() in pinned, f"{requirement.name} is not in lower.txt"
        assert pinned[requirement.name.lower()].startswith(lower), requirement
        assert requirement.specifier.contains(pinned[requirement.name.lower()]), requirement


def test_release_bumps_dates_moves_the_pins_and_tags(tmp_path: Path) -> None:
    repo = copy_checkout(tmp_path / "statusgen")
    changelog = repo / "CHANGELOG.md"
    text = changelog.read_text(encoding="utf-8")
    changelog.write_text(
        text.replace("## [Unreleased]\n", "## [Unreleased]\n\n### Fixed\n- Iets.\n", 1)
    )
    git(repo, "commit", "-qam", "changelog")
    script = [sys.executable, str(repo / "tools/release.py")]
    run = {"cwd": repo, "capture_output": True, "text": True,
           "env": {**os.environ, "GIT_AUTHOR_NAME": "T", "GIT_AUTHOR_EMAIL": "t@example.org",
                   "GIT_COMMITTER_NAME": "T", "GIT_COMMITTER_EMAIL": "t@example.org"}}  # fmt: skip
    refused = subprocess.run([*script, __version__], **run)  # type: ignore[call-overload]
    assert refused.returncode == 1 and "not after" in refused.stderr
    semver = release.SEMVER.match(__version__)
    assert semver is not None
    new = f"{semver[1]}.{semver[2]}.{int(semver[3]) + 1}"
    done = subprocess.run([*script, new], **run)  # type: ignore[call-overload]
    assert done.returncode == 0, done.stderr
    assert release.version(repo) == new and release.problems(repo) == []
    released = changelog.read_text(encoding="utf-8")
    assert f"## [Unreleased]\n\n## [{new}] - {dt.date.today().isoformat()}\n\n### Fixed" in released
    assert f"[{new}]: {source_url()}/releases/tag/v{new}" in released
    assert {version for _, _, version in release.pins(repo)} == {new}
    assert git(repo, "rev-parse", f"v{new}^{{commit}}") == git(repo, "rev-parse", "HEAD")
    assert git(repo, "status", "--porcelain", "--untracked-files=no") == ""
    again = subprocess.run([*script, "--tag"], **run)  # type: ignore[call-overload]
    assert again.returncode == 1 and "exists already" in again.stderr


def _documented_pre_commit_config() -> dict[str, object]:
    """The .pre-commit-config.yaml that docs/ci.md tells editors to write."""
    text = (ROOT / "docs/ci.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```yaml\n(.*?)```", text, re.DOTALL)
    (config,) = [yaml.safe_load(b) for b in blocks if "statusgen-check" in b]
    assert isinstance(config, dict)
    return config


def test_pre_commit_as_documented_from_a_tagged_clone(tmp_path: Path) -> None:
    pre_commit = shutil.which("pre-commit") or str(Path(sys.executable).parent / "pre-commit")
    if not Path(pre_commit).exists():
        pytest.fail("pre-commit is not installed (it is in the test extras)")
    upstream = copy_checkout(tmp_path / "upstream")
    tagged = subprocess.run(
        [sys.executable, "tools/release.py", "--tag"], cwd=upstream, capture_output=True,
        text=True, env={**os.environ, "GIT_COMMITTER_NAME": "T", "GIT_COMMITTER_EMAIL": "t@x.org"},
    )  # fmt: skip
    assert tagged.returncode == 0, tagged.stderr
    config = _documented_pre_commit_config()
    repos = config["repos"]
    assert isinstance(repos, list) and repos[0]["repo"] == source_url()
    assert repos[0]["rev"] == f"v{__version__}"
    # the one change: the address, since this machine reaches no forge
    repos[0]["repo"] = str(upstream)
    editors = tmp_path / "editors"
    shutil.copytree(FIXTURES / "valid", editors / "status")
    write_yaml(editors / ".pre-commit-config.yaml", config)
    git(editors, "init", "-q", "-b", "main")
    git(editors, "add", "-A")
    git(editors, "commit", "-qm", "basis")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home")}
    command = [pre_commit, "run", "--all-files"]
    ok = subprocess.run(command, cwd=editors, env=env,
                        capture_output=True, text=True, timeout=900)  # fmt: skip
    assert ok.returncode == 0, ok.stdout + ok.stderr
    assert "statusgen check" in ok.stdout and "Passed" in ok.stdout
    typo = editors / "status/acties/002-schulden.yaml"
    edit(typo, "status: afgerond", "status: afgrond", every=True)
    failed = subprocess.run(command, cwd=editors, env=env,
                            capture_output=True, text=True, timeout=900)  # fmt: skip
    assert failed.returncode == 1
    assert "acties/002-schulden.yaml:5:9: error: status: unknown status 'afgrond'" in failed.stdout
