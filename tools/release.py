"""Release statusgen: bump the version, date the changelog, move the documented pins, commit, tag.

    python tools/release.py 0.3.0      # from a clean checkout of main: release 0.3.0 as v0.3.0
    python tools/release.py --tag      # tag the version the checkout already declares
    python tools/release.py --check    # only check that version, changelog and pins agree

The version is declared once, in ``generator/__init__.py`` (pyproject.toml reads it). The
changelog's ``## [Unreleased]`` section becomes the new version's section, dated today. Every pin
the documentation shows (``rev: vX.Y.Z`` for pre-commit, ``@vX.Y.Z`` in an install line) moves to
the new version, so the docs never name a tag that is not made in the same step. See
docs/release.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
VERSION_FILE = Path("generator/__init__.py")
CHANGELOG = Path("CHANGELOG.md")
SEMVER = re.compile(r"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$")
#: a pin in the docs: pre-commit's ``rev: v1.2.3``, an install from git ``...@v1.2.3``, a
#: ``statusgen==1.2.3`` (group 1 is the version in each)
PIN = re.compile(r"""(?:\brev:\s*["']?v|@v|\bstatusgen==v?)(\d+\.\d+\.\d+)""")
VERSION_LINE = re.compile(r'^__version__ = "([^"]+)"$', re.MULTILINE)


class ReleaseError(Exception):
    """Raised when the checkout is not in a state to release from."""


def documented_files(root: Path) -> list[Path]:
    """Every file that shows users a pin: the docs, the examples, the README and the hook file."""
    files = [root / "README.md", root / ".pre-commit-hooks.yaml"]
    for folder in ("docs", "examples"):
        files += sorted(p for p in (root / folder).rglob("*") if p.is_file())
    return [f for f in files if f.is_file() and f.suffix in {".md", ".yml", ".yaml", ""}]


def pins(root: Path) -> Iterator[tuple[Path, int, str]]:
    """(file, line number, version) for every pin the documentation shows."""
    for file in documented_files(root):
        for number, line in enumerate(file.read_text(encoding="utf-8").splitlines(), 1):
            for match in PIN.finditer(line):
                yield file, number, match[1]


def version(root: Path) -> str:
    match = VERSION_LINE.search((root / VERSION_FILE).read_text(encoding="utf-8"))
    if match is None:
        raise ReleaseError(f"{VERSION_FILE} declares no __version__")
    return match[1]


def changelog_versions(root: Path) -> list[str]:
    text = (root / CHANGELOG).read_text(encoding="utf-8")
    return re.findall(r"^## \[(\d+\.\d+\.\d+)\] - \d{4}-\d{2}-\d{2}$", text, re.MULTILINE)


def problems(root: Path) -> list[str]:
    """What disagrees with the declared version: the changelog, or a pin in the docs."""
    current = version(root)
    found = []
    if not SEMVER.match(current):
        found.append(f"{VERSION_FILE}: {current!r} is not a version X.Y.Z")
    if current not in changelog_versions(root):
        found.append(f"{CHANGELOG} has no dated section '## [{current}] - YYYY-MM-DD'")
    for file, number, pinned in pins(root):
        if pinned != current:
            where = file.relative_to(root)
            found.append(f"{where}:{number}: pins {pinned}, but the version is {current}")
    return found


def _key(text: str) -> tuple[int, ...]:
    return tuple(int(part) for part in text.split("."))


def bump(root: Path, new: str, today: dt.date) -> None:
    """Write the new version, its changelog section and the moved pins into the checkout."""
    old = version(root)
    if not SEMVER.match(new):
        raise ReleaseError(f"{new!r} is not a version X.Y.Z (semantic versioning)")
    if _key(new) <= _key(old):
        raise ReleaseError(f"{new} is not after the current version {old}")
    changelog = (root / CHANGELOG).read_text(encoding="utf-8")
    unreleased = re.search(r"^## \[Unreleased\]\n(.*?)(?=^## \[)", changelog, re.M | re.S)
    if unreleased is None or not unreleased[1].strip():
        raise ReleaseError(f"{CHANGELOG}: say under '## [Unreleased]' what this release changes")
    changelog = changelog.replace(
        "## [Unreleased]\n", f"## [Unreleased]\n\n## [{new}] - {today.isoformat()}\n", 1
    )
    changelog = re.sub(
        r"^\[Unreleased\]: (.*)/compare/v[\d.]+\.\.\.HEAD$",
        lambda m: (
            f"[Unreleased]: {m[1]}/compare/v{new}...HEAD\n[{new}]: {m[1]}/releases/tag/v{new}"
        ),
        changelog,
        count=1,
        flags=re.MULTILINE,
    )
    (root / CHANGELOG).write_text(changelog, encoding="utf-8")
    init = (root / VERSION_FILE).read_text(encoding="utf-8")
    (root / VERSION_FILE).write_text(
        VERSION_LINE.sub(f'__version__ = "{new}"', init, count=1), encoding="utf-8"
    )
    for file in documented_files(root):
        text = file.read_text(encoding="utf-8")
        moved = PIN.sub(lambda m: m[0][: m.start(1) - m.start(0)] + new, text)
        if moved != text:
            file.write_text(moved, encoding="utf-8")


def git(root: Path, *args: str) -> str:
    return subprocess.run(
        ["git", *args], cwd=root, check=True, capture_output=True, text=True
    ).stdout.strip()


def tag(root: Path) -> str:
    """Tag HEAD with ``v<version>`` (annotated), after checking that everything agrees."""
    found = problems(root)
    if found:
        raise ReleaseError("not released:\n  " + "\n  ".join(found))
    if git(root, "status", "--porcelain", "--untracked-files=no"):
        raise ReleaseError("the checkout has uncommitted changes; commit them first")
    name = f"v{version(root)}"
    if git(root, "tag", "--list", name):
        raise ReleaseError(f"the tag {name} exists already")
    git(root, "tag", "-a", name, "-m", f"statusgen {version(root)}")
    return name


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("version", nargs="?", help="the new version X.Y.Z")
    group.add_argument("--tag", action="store_true", help="tag the declared version")
    group.add_argument("--check", action="store_true", help="only check; change nothing")
    args = parser.parse_args(argv)
    try:
        if args.check:
            found = problems(ROOT)
            for problem in found:
                print(problem, file=sys.stderr)
            print(f"statusgen {version(ROOT)}: " + ("not consistent" if found else "consistent"))
            return 1 if found else 0
        if args.version:
            if git(ROOT, "status", "--porcelain", "--untracked-files=no"):
                raise ReleaseError("the checkout has uncommitted changes; commit them first")
            bump(ROOT, args.version, dt.date.today())
            git(ROOT, "commit", "-qam", f"Release {args.version}")
        name = tag(ROOT)
    except (ReleaseError, subprocess.CalledProcessError) as error:
        detail = getattr(error, "stderr", "") or ""
        print(f"release: {error}\n{detail}".rstrip(), file=sys.stderr)
        return 1
    print(f"tagged {name}; publish it with: git push origin main {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
