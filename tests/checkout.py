"""The project as a user gets it: a copy of the checkout as its own git repository, and a wheel
built from it; for the tests of the release procedure, the pre-commit hook and the CI examples."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
IDENTITY = ("-c", "user.name=Test", "-c", "user.email=test@example.org")


def git(folder: Path, *args: str) -> str:
    return subprocess.run(
        ["git", *IDENTITY, *args], cwd=folder, check=True, capture_output=True, text=True
    ).stdout.strip()


def project_files() -> list[str]:
    """What the repository holds as the working tree has it: tracked files and new ones git
    does not ignore (so uncommitted work is tested as it will be committed)."""
    if not (ROOT / ".git").exists():
        if os.environ.get("CI") == "true":
            pytest.fail("CI must run this test in a git checkout")
        pytest.skip("not a git checkout")
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT, check=True, capture_output=True,
    ).stdout.decode().split("\0")  # fmt: skip
    return [name for name in listed if name and (ROOT / name).is_file()]


def copy_checkout(target: Path) -> Path:
    """A copy of the checkout's files in ``target``, committed as one commit on main."""
    for name in project_files():
        (target / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, target / name)
    git(target, "init", "-q", "-b", "main")
    git(target, "add", "-A")
    git(target, "commit", "-qm", "statusgen")
    return target


def source_url() -> str:
    """The repository's one address, as pyproject.toml declares it."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    url: str = project["urls"]["Source"]
    return url


def version() -> str:
    from tools.release import version as declared

    return declared(ROOT)


def build_wheel(source: Path, out: Path) -> Path:
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(out), str(source)],
        check=True, capture_output=True, timeout=600,
    )  # fmt: skip
    (wheel,) = out.glob("statusgen-*.whl")
    return wheel
