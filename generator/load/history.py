"""The data folder's git history: the folder as it was at a ref or on a date.

Used for what changed since an earlier edition (``actions --gewijzigd-sinds``), by the review
commands and by the deck's "Voor het SCT"; only through ``git``, never writing to the repository.

The answer is right or there is none: a shallow clone whose history is cut off before the
commit that is asked for, a partial clone that cannot fetch the objects it lacks, and any other
failure of ``git cat-file`` raise a HistoryError that names the git command that fetches what is
missing, instead of comparing with an empty folder. Files are read as git stores them (the
tree and its blobs), never through ``git archive``, which applies ``.gitattributes``. Symbolic
links in a version are written so that none can point out of the temporary folder: one that
pointed outside the data folder still does, to a place that does not exist, so that it is
refused like it is in the working tree.
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
import re
import shlex
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from generator.exceptions import UsageError
from generator.load.blobs import LARGE, OUTSIDE, unpack  # noqa: F401 (the tests' names)

if TYPE_CHECKING:
    from generator.load.dataset import Dataset
    from generator.load.diagnostics import Diagnostics
    from generator.load.kinds.vergadering import Vergadering
    from generator.load.kinds.werkstroom import Werkstroom
    from generator.load.vorige import Vorige

log = logging.getLogger(__name__)

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
#: what a branch or tag name looks like (HEAD~3 and abc123^ are not names to fetch)
_NAME = re.compile(r"^[\w][\w./-]*$")
_SHA = re.compile(r"^[0-9a-f]{7,40}$")


class HistoryError(UsageError):
    """Raised when the git history cannot be read, or not all of it that is needed: no
    repository, an unknown ref, a shallow or partial clone that lacks what is asked for."""


def _git(cwd: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    git = shutil.which("git")
    if git is None:
        raise HistoryError("git is not installed; it is needed to compare with an earlier version")
    return subprocess.run([git, "-C", str(cwd), *args], capture_output=True, check=False)


def _out(result: subprocess.CompletedProcess[bytes]) -> str:
    return result.stdout.decode("utf-8", "replace").strip()


def _err(result: subprocess.CompletedProcess[bytes]) -> str:
    """git's own reason, first line: 'fatal: could not fetch 3a5c… from promisor remote'."""
    lines = [line for line in result.stderr.decode("utf-8", "replace").splitlines() if line]
    fatal = [line for line in lines if line.startswith(("fatal:", "error:"))]
    return (fatal or lines or [f"exit status {result.returncode}"])[-1]


def _command(root: Path, *args: str) -> str:
    """A git command to paste into a shell in ``root``."""
    return f"`{shlex.join(['git', *args])}` (in {root})"


def repository(folder: Path) -> Path:
    """The root of the git work tree that holds ``folder``."""
    result = _git(folder.resolve(), "rev-parse", "--show-toplevel")
    if result.returncode != 0:
        raise HistoryError(f"{folder} is not in a git repository, so it has no history to compare")
    return Path(_out(result))


def _remote(root: Path) -> str:
    """The remote to fetch from: the current branch's, else the first, else 'origin'."""
    branch = _out(_git(root, "rev-parse", "--abbrev-ref", "HEAD"))
    configured = _out(_git(root, "config", "--get", f"branch.{branch}.remote"))
    if configured and configured != ".":
        return configured
    remotes = _out(_git(root, "remote")).splitlines()
    return remotes[0] if remotes else "origin"


def _shallow_cut(root: Path) -> list[tuple[str, int]]:
    """In a shallow clone, the commits reachable from HEAD whose parents were cut off, with
    their commit times; empty when the history is whole."""
    shallow = _out(_git(root, "rev-parse", "--is-shallow-repository"))
    if shallow != "true":
        return []
    path = Path(_out(_git(root, "rev-parse", "--git-path", "shallow")))
    path = path if path.is_absolute() else root / path
    try:
        grafted = set(path.read_text(encoding="ascii").split())
    except OSError:
        grafted = set()
    # a commit whose parents were cut off looks like a first commit
    firsts = _out(_git(root, "rev-list", "--max-parents=0", "HEAD")).split()
    cut = [sha for sha in firsts if sha in grafted] if grafted else firsts
    if not cut:
        return []
    times = _out(_git(root, "show", "-s", "--format=%H %ct", *cut)).splitlines()
    return [(sha, int(time)) for sha, time in (line.split() for line in times)]


def _time(root: Path, commit: str) -> int:
    return int(_out(_git(root, "show", "-s", "--format=%ct", commit)))


def _unshallow(root: Path, since: str, cut: list[tuple[str, int]]) -> HistoryError:
    stop = dt.datetime.fromtimestamp(max(time for _, time in cut), dt.UTC).date()
    return HistoryError(
        f"'{since}' needs history that this shallow clone of {root} does not have (it stops at "
        f"a commit of {stop.isoformat()}): fetch it with {_command(root, 'fetch', '--unshallow')}"
    )


def resolve(folder: Path, since: str) -> str | None:
    """The commit that ``since`` names: a ref (tag, branch, sha, HEAD~3), or a date YYYY-MM-DD
    for the last commit before that day began. None: the history starts after that date."""
    if _DATE.match(since):
        _check_date(since)
    root = repository(folder)
    if _DATE.match(since):
        try:
            dt.date.fromisoformat(since)
        except ValueError:
            raise HistoryError(f"'{since}' is not a date (YYYY-MM-DD)") from None
        result = _git(root, "rev-list", "-1", f"--before={since} 00:00:00", "HEAD")
        if result.returncode != 0:
            raise HistoryError(f"cannot read the history of {root}: {_err(result)}")
        sha = _out(result) or None
        cut = _shallow_cut(root)
        # a cut-off commit may be younger than the one found and still before the date
        if cut and (sha is None or _time(root, sha) < max(time for _, time in cut)):
            raise _unshallow(root, since, cut)
        return sha
    result = _git(root, "rev-parse", "--verify", "--quiet", f"{since}^{{commit}}")
    if result.returncode == 0:
        return _out(result)
    named = bool(_NAME.match(since)) and not _SHA.match(since)
    if _shallow_cut(root):
        hint = ""
        if named:
            hint = f", and a branch or tag that was not cloned with {_fetch_ref(root, since)}"
        raise HistoryError(
            f"'{since}' is not in this shallow clone of {root}: fetch the history with "
            f"{_command(root, 'fetch', '--unshallow')}{hint}"
        )
    hint = ""
    if named and _out(_git(root, "remote")):
        hint = f"; a branch or tag of the remote that was not fetched: {_fetch_ref(root, since)}"
    raise HistoryError(f"'{since}' is neither a git ref nor a date (YYYY-MM-DD) in {root}{hint}")


def _fetch_ref(root: Path, ref: str) -> str:
    return _command(root, "fetch", _remote(root), ref)


def _check_date(since: str) -> None:
    """A date that does not exist (2021-02-30) or is out of range is a usage error."""
    import datetime as dt

    from generator.model.dates import out_of_range

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
        from generator.text import dutch

        return dutch.long_date(dt.date.fromisoformat(since))
    return since


@contextmanager
def folder_at(folder: Path, commit: str | None) -> Iterator[Path]:
    """A temporary copy of ``folder`` as it was in ``commit`` (empty if it did not exist)."""
    root = repository(folder)
    relative = folder.resolve().relative_to(root)
    with tempfile.TemporaryDirectory(prefix="statusgen-history-") as tmp:
        target = Path(tmp)
        if commit is not None and _exists(root, commit, relative):
            unpack(root, commit, relative, target, _unreadable)
        snapshot = target / relative
        snapshot.mkdir(parents=True, exist_ok=True)
        yield snapshot


def _exists(root: Path, commit: str, relative: Path) -> bool:
    """Whether the data folder was in ``commit`` (a folder added later was not); a
    HistoryError when git cannot tell because objects are missing."""
    if relative == Path("."):
        result = _git(root, "cat-file", "-t", f"{commit}^{{tree}}")
        if result.returncode != 0:
            raise _unreadable(root, commit, relative, result)
        return True
    result = _git(root, "ls-tree", commit, "--", relative.as_posix())
    if result.returncode != 0:
        raise _unreadable(root, commit, relative, result)
    return bool(_out(result))


def _unreadable(
    root: Path, commit: str, relative: Path, result: subprocess.CompletedProcess[bytes]
) -> HistoryError:
    """Why the data of ``commit`` cannot be read, and the command that fetches what is missing."""
    short = commit[:10]
    listing = _git(
        root, "rev-list", "--objects", "--no-walk", "--missing=print", commit,
        "--", relative.as_posix(),
    )  # fmt: skip
    missing = [line for line in _out(listing).splitlines() if line.startswith("?")]
    remote = _remote(root)
    promisor = _out(_git(root, "config", "--get", f"remote.{remote}.promisor")) == "true"
    what = f"the data folder as it was in {short} cannot be read from {root}: {_err(result)}"
    if promisor:
        count = _objects(len(missing)) if missing else "objects it needs are"
        return HistoryError(
            f"{what}. This is a partial clone and {count} not here, nor could git fetch them "
            f"from '{remote}': fetch them with "
            f"{_command(root, 'fetch', '--refetch', '--no-filter', remote)}"
        )
    if missing:
        return HistoryError(
            f"{what}. {_objects(len(missing))} missing from the repository: fetch "
            f"them with {_command(root, 'fetch', '--refetch', remote)}"
        )
    return HistoryError(f"{what}. Fetch the commit with {_command(root, 'fetch', remote, commit)}")


def _objects(count: int) -> str:
    return "1 of its objects is" if count == 1 else f"{count} of its objects are"


MAIN_BRANCHES = ("main", "master", "origin/main", "origin/master")


def merge_base(folder: Path) -> tuple[str, str]:
    """The commit where the current branch left the main branch, and that branch's name."""
    root = repository(folder)
    found = []
    for branch in MAIN_BRANCHES:
        if _git(root, "rev-parse", "--verify", "--quiet", f"{branch}^{{commit}}").returncode:
            continue
        found.append(branch)
        result = _git(root, "merge-base", "HEAD", branch)
        if result.returncode == 0:
            return _out(result), branch
    if found and _shallow_cut(root):
        raise HistoryError(
            f"where HEAD left {found[0]} is not in this shallow clone of {root}: fetch the "
            f"history with {_command(root, 'fetch', '--unshallow')}, or give BASE"
        )
    if found:
        raise HistoryError(f"HEAD and {found[0]} have no commit in common in {root}: give BASE")
    hint = ""
    if _out(_git(root, "remote")):
        hint = f", or fetch the main branch: {_fetch_ref(root, 'main')}"
    raise HistoryError(
        f"no main branch ({', '.join(MAIN_BRANCHES)}) to compare with in {root}: give BASE{hint}"
    )


def short(folder: Path, commit: str) -> str:
    """An abbreviated commit name for messages."""
    result = _git(repository(folder), "rev-parse", "--short", commit)
    return _out(result) if result.returncode == 0 else commit[:10]


def dataset_at(folder: Path, since: str) -> Dataset:
    """The data folder as it was at a git ref or date, loaded; files that did not validate then
    are left out (their problems are not today's)."""
    from generator.load.dataset import load
    from generator.load.diagnostics import Diagnostics

    with folder_at(folder, resolve(folder, since)) as old_folder:
        return load(old_folder, Diagnostics())


def vorige(dataset: Dataset, meeting: Vergadering) -> Vorige:
    """The data as of the SCT before ``meeting``, for the deck's "Voor het SCT": the
    workstreams at the end of that day, or why they cannot be known. Read before the deck is
    rendered (the deck, vergadering, pakket, preview and diff --visual commands)."""
    from generator.load.vorige import Vorige, previous_sct

    day = previous_sct(dataset.vergaderingen, meeting)
    if day is None or not dataset.werkstromen:
        return Vorige(day)
    before, warning = _werkstromen_at(dataset.root, day)
    return Vorige(day, before, warning)


def _werkstromen_at(root: Path, day: dt.date) -> tuple[list[Werkstroom] | None, str | None]:
    """The workstreams as they were at the end of ``day`` (from git), or why they cannot be
    known: a warning for whoever builds the deck, not a line for the chair."""
    since = f"warning: 'Voor het SCT' shows no status changes since the SCT of {day}:"
    folder = root / "werkstromen"
    if shutil.which("git") is None:
        return None, f"{since} git is not installed on this computer"
    try:
        commit = resolve(folder, (day + dt.timedelta(days=1)).isoformat())
        if commit is None:
            return None, f"{since} the git history of the data starts later"
        before = _werkstromen_in(folder, commit)
        if before is None:
            return None, f"{since} werkstromen/ was not in git then"
        return list(before), None
    except (HistoryError, OSError) as exc:
        log.info("no status changes on the deck: %s", exc)
    try:
        repository(root)
    except HistoryError:
        return None, f"{since} the data folder is not in git"
    return None, f"{since} the git history here is incomplete (a shallow or partial clone)"


@functools.lru_cache(maxsize=8)  # a commit never changes: the preview reads it from git once
def _werkstromen_in(folder: Path, commit: str) -> list[Werkstroom] | None:
    with folder_at(folder, commit) as snapshot:
        return _load_werkstromen(snapshot.parent) if any(snapshot.iterdir()) else None


def _load_werkstromen(folder: Path) -> list[Werkstroom]:
    """The workstreams in ``folder``; files that did not validate then are left out, and so are
    the errors about what this copy lacks (it holds the workstreams only)."""
    from generator.load.dataset import load
    from generator.load.diagnostics import Diagnostics

    return load(folder, Diagnostics()).werkstromen


@dataclass(frozen=True)
class Version:
    """One side of a comparison: the data folder at a commit (or the working tree), loaded,
    with what did not validate in it."""

    label: str  # how messages and the review name it: "main (3a5c1f0)", "v2", "werkkopie"
    root: Path
    dataset: Dataset
    diagnostics: Diagnostics


def _base(data_dir: Path, base: str | None) -> tuple[str, str]:
    """The base commit and its label: where the current branch left the main branch, or
    ``base``."""
    if base is None:
        commit, branch = merge_base(data_dir)
        return commit, f"{branch} ({short(data_dir, commit)})"
    resolved = resolve(data_dir, base)
    if resolved is None:
        raise HistoryError(f"no commit before {base}")
    return resolved, base


@contextmanager
def versions(
    data_dir: Path, base: str | None, head: str | None
) -> Iterator[tuple[Version, Version]]:
    """The data at ``base`` and at ``head`` (None: the working tree), each read and checked,
    for ``statusgen diff``; their temporary folders live as long as the context."""
    from generator import progress
    from generator.load.dataset import load
    from generator.load.diagnostics import Diagnostics

    base_commit, base_label = _base(data_dir, base)
    with ExitStack() as stack:
        old_root = stack.enter_context(folder_at(data_dir, base_commit))
        if head is None:
            new_root, head_label = data_dir, "werkkopie"
        else:
            head_commit = resolve(data_dir, head)
            if head_commit is None:
                raise HistoryError(f"no commit before {head}")
            new_root = stack.enter_context(folder_at(data_dir, head_commit))
            head_label = head
        old_diagnostics, new_diagnostics = Diagnostics(), Diagnostics()
        progress.step(f"reading and checking {base_label} and {head_label}")
        old = Version(base_label, old_root, load(old_root, old_diagnostics), old_diagnostics)
        new = Version(head_label, new_root, load(new_root, new_diagnostics), new_diagnostics)
        yield old, new
