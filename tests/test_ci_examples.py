"""The CI examples work as written: their shell steps run in an editors' repository against a
wheel built from this checkout, with the forge's API (``gh``, ``curl``), the install from the
tag (``pip``) and ``apt-get`` replaced by stubs that record what they were asked
(tests/forge_stub.py). The diff is posted once, found again by its marker and updated."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import sysconfig
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.checkout import ROOT, build_wheel, copy_checkout, git, source_url, version
from tests.conftest import FIXTURES
from tests.office import need
from tests.yamledit import read_yaml

MARKER = "<!-- statusgen-diff -->"
STUB = Path(__file__).parent / "forge_stub.py"
#: the values GitHub would put in the workflow's ${{ }} expressions
GITHUB = {"github.token": "gh-token", "github.event.pull_request.number": "7",
          "github.base_ref": "main"}  # fmt: skip


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    source = copy_checkout(tmp_path_factory.mktemp("statusgen"))
    return build_wheel(source, tmp_path_factory.mktemp("dist"))


class Forge:
    """A pull request in an editors' repository, a runner's tools, and the stubbed forge."""

    def __init__(self, tmp_path: Path, wheel: Path) -> None:
        need("jq")  # the comment steps filter the forge's answers with it, as runners have it
        self.tmp = tmp_path
        origin = tmp_path / "origin.git"
        seed = tmp_path / "seed"
        shutil.copytree(FIXTURES / "valid", seed / "status")
        git(tmp_path, "init", "-q", "--bare", "-b", "main", str(origin))
        git(seed, "init", "-q", "-b", "main")
        git(seed, "add", "-A")
        git(seed, "commit", "-qm", "basis")
        git(seed, "push", "-q", str(origin), "main")
        # actions/checkout with fetch-depth 0 (or GIT_DEPTH 0): the branch and origin/main
        self.work = tmp_path / "work"
        git(tmp_path, "clone", "-q", str(origin), str(self.work))
        git(self.work, "checkout", "-q", "-b", "wijziging")
        self.venv = tmp_path / "runner"
        subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(self.venv)], check=True)
        # the wheel's dependencies come from the test environment, so the runner installs only
        # statusgen itself; the test environment's own statusgen is not on that path
        where = "import sysconfig; print(sysconfig.get_paths()['purelib'])"
        site = subprocess.run(
            [str(self.venv / "bin/python"), "-c", where], check=True, capture_output=True, text=True
        ).stdout.strip()
        paths = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
        (Path(site) / "test_dependencies.pth").write_text("\n".join(sorted(paths)) + "\n")
        self.stubs = tmp_path / "stubs"
        self.stubs.mkdir()
        for program in ("gh", "curl", "pip", "apt-get", "sudo"):
            wrapper = self.stubs / program
            wrapper.write_text(f'#!/bin/sh\nexec "{sys.executable}" "{STUB}" {program} "$@"\n')
            wrapper.chmod(0o755)
        self.log = tmp_path / "forge.log"
        self.state = tmp_path / "forge.json"
        self.env = {
            "PATH": f"{self.stubs}:{self.venv / 'bin'}:{os.environ['PATH']}",
            "HOME": os.environ.get("HOME", str(tmp_path)),
            "LANG": "C.UTF-8",
            "FORGE_LOG": str(self.log),
            "FORGE_STATE": str(self.state),
            "FORGE_PYTHON": str(self.venv / "bin/python"),
            "FORGE_WHEEL": str(wheel),
            "FORGE_REQUIREMENT": f"statusgen @ git+{source_url()}@v{version()}",
        }

    def comments(self) -> list[dict[str, Any]]:
        state: list[dict[str, Any]] = json.loads(self.state.read_text())["comments"]
        return state

    def seed(self, *comments: dict[str, Any]) -> None:
        self.state.write_text(json.dumps({"comments": list(comments)}))

    def calls(self, program: str) -> list[dict[str, Any]]:
        lines = self.log.read_text().splitlines() if self.log.exists() else []
        return [c for c in map(json.loads, lines) if c["program"] == program]

    def push(self, old: str, new: str) -> None:
        """A commit on the pull request's branch that changes one status."""
        file = self.work / "status/werkstromen/01-klantreis.yaml"
        text = file.read_text(encoding="utf-8")
        assert old in text
        file.write_text(text.replace(old, new, 1), encoding="utf-8")
        git(self.work, "commit", "-qam", f"{old} -> {new}")
        self.log.unlink(missing_ok=True)

    def shell(self, script: str, env: dict[str, str]) -> None:
        # GitHub's `bash -e {0}` with pipefail, as for `shell: bash`; GitLab's scripts alike
        result = subprocess.run(
            ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script],
            cwd=self.work, env={**self.env, **env}, capture_output=True, text=True, timeout=600,
        )  # fmt: skip
        assert result.returncode == 0, f"{script}\n{result.stdout}\n{result.stderr}"


def _expand(text: str) -> str:
    def value(match: re.Match[str]) -> str:
        assert match[1] in GITHUB, f"an expression the test does not know: {match[0]}"
        return GITHUB[match[1]]

    return re.sub(r"\$\{\{\s*([\w.]+)\s*\}\}", value, text)


def run_github(forge: Forge) -> None:
    workflow = read_yaml(ROOT / "examples/statusgen-pull-request.yml")
    assert workflow[True]["pull_request"]["paths"] == ["status/**"]  # 'on' is YAML 1.1's True
    env = {
        "GITHUB_REPOSITORY": "bureau/status",
        "GITHUB_SERVER_URL": "https://github.com",
        "GITHUB_RUN_ID": "4242",
        "GITHUB_STEP_SUMMARY": str(forge.work.parent / "step-summary.md"),
        **workflow.get("env", {}),
    }
    for step in workflow["jobs"]["statusgen"]["steps"]:
        if "uses" in step:
            action = step["uses"].split("@")[0]
            assert action in {"actions/checkout", "actions/setup-python", "actions/upload-artifact"}
            if action == "actions/upload-artifact":
                assert list(forge.work.glob(step["with"]["path"])), step["with"]["path"]
            continue
        step_env = {k: _expand(str(v)) for k, v in step.get("env", {}).items()}
        forge.shell(_expand(step["run"]), {**env, **step_env})


def run_gitlab(forge: Forge) -> None:
    job = read_yaml(ROOT / "examples/gitlab-ci.yml")["statusgen"]
    assert job["rules"][0]["if"] == '$CI_PIPELINE_SOURCE == "merge_request_event"'
    env = {
        **{k: str(v) for k, v in job["variables"].items()},
        "CI_PIPELINE_SOURCE": "merge_request_event",
        "CI_API_V4_URL": "https://gitlab.example.org/api/v4",
        "CI_PROJECT_ID": "42",
        "CI_MERGE_REQUEST_IID": "7",
        "CI_MERGE_REQUEST_TARGET_BRANCH_NAME": "main",
        "CI_JOB_URL": "https://gitlab.example.org/bureau/status/-/jobs/99",
        "STATUSGEN_TOKEN": "glpat-test",
    }
    forge.shell("\n".join([*job["before_script"], *job["script"]]), env)
    for pattern in job["artifacts"]["paths"]:
        assert list(forge.work.glob(pattern)), pattern


def _assert_marker_logic(
    forge: Forge, run: Callable[[Forge], None], others: list[dict[str, Any]], writes: str
) -> None:
    forge.seed(*others)
    forge.push("status: gestart", "status: zorgen")
    run(forge)
    ours = [c for c in forge.comments() if c not in others]
    assert len(ours) == 1 and ours[0]["body"].startswith(MARKER), forge.comments()
    assert "zorgen" in ours[0]["body"].lower()
    assert [c for c in forge.comments() if c["id"] != ours[0]["id"]] == others  # untouched
    created = ours[0]["id"]

    forge.push("status: zorgen", "status: escalatie")
    run(forge)
    ours = [c for c in forge.comments() if c not in others]
    assert [c["id"] for c in ours] == [created], "the second run updates, it posts no other"
    assert "escalatie" in ours[0]["body"].lower() and "→ *zorgen" not in ours[0]["body"].lower()
    assert [c for c in forge.comments() if c["id"] != created] == others
    assert writes in json.dumps(forge.calls("gh") + forge.calls("curl"))


def test_github_workflow_creates_then_updates_its_comment(tmp_path: Path, wheel: Path) -> None:
    forge = Forge(tmp_path, wheel)
    others = [
        # the last comment the token wrote (what --edit-last would have overwritten)
        {"id": 1, "issue": 7, "user": {"login": "github-actions[bot]"}, "body": "Preview ready"},
        # a reviewer quoting the marker is not the workflow's comment
        {"id": 2, "issue": 7, "user": {"login": "reviewer"}, "body": f"{MARKER} quoted"},
    ]
    _assert_marker_logic(forge, run_github, others, '"method": "PATCH"')
    (ours,) = [c for c in forge.comments() if c not in others]
    assert "https://github.com/bureau/status/actions/runs/4242" in ours["body"]
    assert (forge.work / "visual-diff/index.html").is_file()
    assert "Opdracht 1.1" in (forge.work.parent / "step-summary.md").read_text(encoding="utf-8")
    methods = [c["method"] for c in forge.calls("gh")]
    assert methods == ["GET", "PATCH"]
    (install,) = forge.calls("pip")
    assert install["args"] == ["install", forge.env["FORGE_REQUIREMENT"]]
    imported = subprocess.run(
        [str(forge.venv / "bin/python"), "-c", "import generator; print(generator.__file__)"],
        check=True, capture_output=True, text=True, cwd=forge.work, env=forge.env,
    ).stdout  # fmt: skip
    assert imported.startswith(str(forge.venv)), "the steps ran the wheel, not the checkout"


def test_gitlab_job_creates_then_updates_its_note(tmp_path: Path, wheel: Path) -> None:
    forge = Forge(tmp_path, wheel)
    others = [{"id": 1, "issue": 7, "author": {"username": "bot"}, "body": "Pipeline passed"}]
    _assert_marker_logic(forge, run_gitlab, others, '"method": "PUT"')
    (ours,) = [c for c in forge.comments() if c not in others]
    assert "/-/jobs/99/artifacts/file/visual-diff/index.html" in ours["body"]
    assert (forge.work / "visual-diff/index.html").is_file()
    assert [c["method"] for c in forge.calls("curl")] == ["GET", "PUT"]
    apt = [c["args"][0] for c in forge.calls("apt-get")]
    assert apt == ["update", "install"], "apt-get update comes before apt-get install"
    (install,) = forge.calls("pip")
    assert forge.env["FORGE_REQUIREMENT"] in install["args"]
