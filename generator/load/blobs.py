"""A folder as one git commit holds it, read from git's object store into a temporary folder.

The tree is listed with ``git ls-tree`` and its blobs are read with one ``git cat-file
--batch``: the bytes as they were committed. ``git archive`` applies ``.gitattributes`` first
(``export-ignore`` leaves files out, ``export-subst`` rewrites them), so a diff reported changes
nobody made; and it died of SIGPIPE now and then when its reader stopped at the tar's end.
A file larger than ``LARGE`` keeps its size but not its content (a hole): the loader refuses it
for its size all the same. A symbolic link that pointed out of the repository's folder points
to the same place under ``OUTSIDE``, which does not exist.
"""

from __future__ import annotations

import os
import posixpath
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

from generator.exceptions import UsageError

#: where links that pointed outside the data folder point in an extracted version: a folder
#: inside the temporary folder that is never created
OUTSIDE = "outside-the-data-folder"
#: files larger than this are unpacked with their size but not their content: far above what
#: the loader reads (1 MiB), so that it refuses them as it would in the working tree
LARGE = 16 * 2**20
#: what makes the error for a version that cannot be read (history._unreadable)
Unreadable = Callable[[Path, str, Path, "subprocess.CompletedProcess[bytes]"], Exception]


def _git(root: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    git = shutil.which("git") or "git"
    return subprocess.run([git, "-C", str(root), *args], capture_output=True, check=False)


def unpack(root: Path, commit: str, relative: Path, target: Path, unreadable: Unreadable) -> None:
    """The data folder's files in ``commit``, read as git stores them, into ``target``.

    The tree is listed with ``git ls-tree`` and the blobs are read with one ``git cat-file
    --batch``: the bytes as committed. ``git archive`` would apply ``.gitattributes`` first
    (``export-ignore`` leaves files out, ``export-subst`` rewrites them), so that a diff
    reported changes nobody made, and it was killed by SIGPIPE now and then when the reader
    stopped at the tar's end marker."""
    listing = _git(root, "ls-tree", "-r", "-z", "--full-tree", commit, "--", relative.as_posix())
    if listing.returncode != 0:
        raise unreadable(root, commit, relative, listing)
    entries = []
    for record in listing.stdout.split(b"\0"):
        if not record:
            continue
        meta, _, raw_path = record.partition(b"\t")
        mode, kind, sha = meta.decode("ascii").split()
        if kind != "blob":  # a submodule's commit: nothing to read
            continue
        entries.append((mode, sha, _safe_path(os.fsdecode(raw_path), commit)))
    sizes = _sizes(root, commit, relative, [sha for _, sha, _ in entries], unreadable)
    small = [sha for _, sha, _ in entries if sizes[sha] <= LARGE]
    contents = _blobs(root, commit, relative, small, unreadable)
    for mode, sha, path in entries:
        destination = target / path
        destination.parent.mkdir(parents=True, exist_ok=True)
        if mode == "120000":
            link = contents[sha].decode("utf-8", "surrogateescape")
            destination.symlink_to(_confined_link(path, link))
        elif sha in contents:
            destination.write_bytes(contents[sha])
        else:  # too large to read: its size, as a hole, so the loader refuses it as large
            with destination.open("wb") as out:
                out.truncate(sizes[sha])


def _safe_path(path: str, commit: str) -> str:
    """A path from a git tree, refused when it could lead out of the temporary folder (git
    itself refuses such trees; a crafted repository could still hold one)."""
    parts = path.split("/")
    if path.startswith("/") or any(part in ("", ".", "..") for part in parts):
        raise UsageError(
            f"the version {commit[:10]} holds a path that cannot be unpacked safely: {path!r}"
        )
    return path


def _confined_link(path: str, link: str) -> str:
    """Where the symbolic link ``path`` points: as committed when that stays inside the
    repository's folder, else to the same place under ``OUTSIDE``, which does not exist."""
    here = posixpath.dirname(path)
    pointed = posixpath.normpath(posixpath.join(here, link))
    if not link.startswith("/") and pointed != ".." and not pointed.startswith("../"):
        return link
    parts = [part for part in pointed.split("/") if part not in ("", ".", "..")]
    elsewhere = posixpath.join(OUTSIDE, *parts)
    return os.path.relpath(elsewhere, here or ".")


def _batch(root: Path, option: str, shas: list[str]) -> subprocess.CompletedProcess[bytes]:
    git = shutil.which("git") or "git"
    return subprocess.run(
        [git, "-C", str(root), "cat-file", option],
        input="".join(f"{sha}\n" for sha in shas).encode("ascii"),
        capture_output=True,
        check=False,
    )


def _sizes(
    root: Path, commit: str, relative: Path, shas: list[str], unreadable: Unreadable
) -> dict[str, int]:
    """Each blob's size, read without its content; a HistoryError for a missing object."""
    if not shas:
        return {}
    result = _batch(root, "--batch-check", shas)
    sizes: dict[str, int] = {}
    for line in result.stdout.decode("ascii", "replace").splitlines():
        fields = line.split()
        if len(fields) != 3 or fields[1] != "blob":
            result.returncode = result.returncode or 1
            break
        sizes[fields[0]] = int(fields[2])
    if result.returncode != 0 or len(sizes) < len(set(shas)):
        raise unreadable(root, commit, relative, result)
    return sizes


def _blobs(
    root: Path, commit: str, relative: Path, shas: list[str], unreadable: Unreadable
) -> dict[str, bytes]:
    """The content of each blob, read with one ``git cat-file --batch``."""
    if not shas:
        return {}
    result = _batch(root, "--batch", shas)
    out, at, found = result.stdout, 0, {}
    while at < len(out) and result.returncode == 0:
        end = out.index(b"\n", at)
        fields = out[at:end].split()
        if len(fields) != 3:  # "<sha> missing"
            result.returncode = 1
            break
        size = int(fields[2])
        found[fields[0].decode("ascii")] = out[end + 1 : end + 1 + size]
        at = end + 1 + size + 1  # the content, then a newline
    if result.returncode != 0 or len(found) < len(set(shas)):
        raise unreadable(root, commit, relative, result)
    return found
