"""The data folder's git history: the folder as it was at a ref or on a date.

Used to mark what changed since an earlier edition (``actions --gewijzigd-sinds``) and by the
review commands. Everything goes through the ``git`` program; nothing here writes to the
repository.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import tarfile
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from generator.exceptions import UsageError

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class HistoryError(UsageError):
    """Raised when the git history cannot be read: no repository, an unknown ref."""


def _git(cwd: Path, *args: str, binary: bool = False) -> subprocess.CompletedProcess[bytes]:
    git = shutil.which("git")
    if git is None:
        raise HistoryError("git is not installed; it is needed to compare with an earlier version")
    return subprocess.run([git, "-C", str(cwd), *args], capture_output=True, check=False)


def repository(folder: Path) -> Path:
    """The root of the git work tree that holds ``folder``."""
    result = _git(folder.resolve(), "rev-parse", "--show-toplevel")
    if result.returncode != 0:
        raise HistoryError(f"{folder} is not in a git repository, so it has no history to compare")
    return Path(result.stdout.decode().strip())


def resolve(folder: Path, since: str) -> str | None:
    """The commit that ``since`` names: a ref (tag, branch, sha, HEAD~3), or a date YYYY-MM-DD
    for the last commit before that day began. None: the history starts after that date."""
    if _DATE.match(since):
        _check_date(since)
    root = repository(folder)
    if _DATE.match(since):
        result = _git(root, "rev-list", "-1", f"--before={since} 00:00:00", "HEAD")
        if result.returncode != 0:
            raise HistoryError(
                f"cannot read the history of {root}: {result.stderr.decode().strip()}"
            )
        sha = result.stdout.decode().strip()
        return sha or None
    result = _git(root, "rev-parse", "--verify", "--quiet", f"{since}^{{commit}}")
    if result.returncode != 0:
        raise HistoryError(f"'{since}' is neither a git ref nor a date (YYYY-MM-DD) in {root}")
    return result.stdout.decode().strip()


def _check_date(since: str) -> None:
    """A date that does not exist (2021-02-30) or is out of range is a usage error."""
    import datetime as dt

    from generator.daterange import out_of_range

    try:
        date = dt.date.fromisoformat(since)
    except ValueError:
        raise HistoryError(f"'{since}' is not a date (YYYY-MM-DD): no such day") from None
    problem = out_of_range(date)
    if problem:
        raise HistoryError(problem)


def describe(since: str) -> str:
    """``since`` as a reader sees it: a ref as given, a date in Dutch ("1 juni 2021")."""
    if _DATE.match(since):
        import datetime as dt

        from generator import dutch

        return dutch.long_date(dt.date.fromisoformat(since))
    return since


@contextmanager
def folder_at(folder: Path, commit: str | None) -> Iterator[Path]:
    """A temporary copy of ``folder`` as it was in ``commit`` (empty if it did not exist)."""
    root = repository(folder)
    relative = folder.resolve().relative_to(root)
    with tempfile.TemporaryDirectory(prefix="statusgen-history-") as tmp:
        target = Path(tmp)
        if commit is not None:
            result = _git(root, "archive", "--format=tar", commit, "--", str(relative) or ".")
            if result.returncode == 0:
                with tarfile.open(fileobj=io.BytesIO(result.stdout)) as archive:
                    archive.extractall(target, filter="data")
        snapshot = target / relative
        snapshot.mkdir(parents=True, exist_ok=True)
        yield snapshot


MAIN_BRANCHES = ("main", "master", "origin/main", "origin/master")


def merge_base(folder: Path) -> tuple[str, str]:
    """The commit where the current branch left the main branch, and that branch's name."""
    root = repository(folder)
    for branch in MAIN_BRANCHES:
        if _git(root, "rev-parse", "--verify", "--quiet", f"{branch}^{{commit}}").returncode:
            continue
        result = _git(root, "merge-base", "HEAD", branch)
        if result.returncode == 0:
            return result.stdout.decode().strip(), branch
    raise HistoryError(
        f"no main branch ({', '.join(MAIN_BRANCHES)}) to compare with in {root}: give BASE"
    )


def short(folder: Path, commit: str) -> str:
    """An abbreviated commit name for messages."""
    result = _git(repository(folder), "rev-parse", "--short", commit)
    return result.stdout.decode().strip() if result.returncode == 0 else commit[:10]
