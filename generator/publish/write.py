"""The only place that writes outputs: inside the output folder, all of a run's files or none.

Every file is first written in full to a temporary file beside its target; only when all of them
are written are they moved into place. A failure on the way (a full disk, a directory in the way,
no permission, Ctrl-C) removes what this run wrote and restores what was there before. The
temporary files carry the writer's process id, so that those of a run that was killed are
removed by the next run.

One run at a time writes into a folder: a run holds the folder's lock file (``.statusgen.lock``,
holding its process id) from when it starts building until its files are in place, and a
second run into the same folder stops at once with a message that names the first. A lock
whose process is gone (a run that was killed) is taken over. Two runs can so never leave a mix
of their files.
"""

from __future__ import annotations

import errno
import os
import re
import shutil
import tempfile
from collections.abc import Iterator, Mapping
from contextlib import contextmanager, suppress
from pathlib import Path

from generator.exceptions import OutputError

_TEMPORARY = re.compile(r"^\..+\.statusgen-(\d+)-[^.]+\.tmp$")


def target(folder: Path, name: str) -> Path:
    """``folder / name``, refusing any name that would land outside ``folder``."""
    try:
        root = folder.resolve()
        path = (root / name).resolve()
    except (OSError, RuntimeError) as exc:  # a loop of links: RuntimeError before Python 3.13
        raise OutputError(
            f"cannot write into {folder}: the path cannot be resolved ({_reason(exc)}); "
            "nothing was written"
        ) from None
    if not path.is_relative_to(root) or path == root:
        raise OutputError(f"refusing to write '{name}': it is outside {folder}")
    return path


def _reason(exc: OSError | RuntimeError) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return "a symbolic link that leads back to itself" if "loop" in str(exc).lower() else str(exc)


LOCK = ".statusgen.lock"
#: the folders this process holds the lock of (resolved), and how many times
_HELD: dict[Path, int] = {}


class Lock:
    """The lock of an output folder, held by this process until ``release``."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.root = _resolved(folder)
        self.created = False
        if self.root in _HELD:
            _HELD[self.root] += 1
            return
        try:
            self.created = not self.root.exists()
            _make_folder(self.root)
            _take(self.root / LOCK, folder)
        except OSError as exc:
            self._remove_created()
            raise OutputError(
                f"cannot write into {folder}: {exc.strerror or exc}; nothing was written"
            ) from None
        except OutputError:
            self._remove_created()
            raise
        _HELD[self.root] = 1

    def release(self) -> None:
        count = _HELD.get(self.root, 0)
        if count > 1:
            _HELD[self.root] = count - 1
            return
        if count == 1:
            del _HELD[self.root]
            (self.root / LOCK).unlink(missing_ok=True)
            self._remove_created()

    def _remove_created(self) -> None:
        """The folder this run made, when nothing was written into it."""
        if self.created:
            with suppress(OSError):
                self.root.rmdir()


@contextmanager
def locked(folder: Path) -> Iterator[Lock]:
    lock = Lock(folder)
    try:
        yield lock
    finally:
        lock.release()


def _resolved(folder: Path) -> Path:
    try:
        return folder.resolve()
    except (OSError, RuntimeError) as exc:
        raise OutputError(
            f"cannot write into {folder}: the path cannot be resolved ({_reason(exc)}); "
            "nothing was written"
        ) from None


def _take(path: Path, folder: Path) -> None:
    """Create the lock file ``path``, or take over a stale one; OutputError when a live run
    holds it."""
    for _ in range(3):
        try:
            descriptor = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
        except FileExistsError:
            owner = _owner(path)
            if owner is not None and owner != os.getpid() and _alive(owner):
                raise OutputError(
                    f"another statusgen run (process {owner}) is writing into {folder}; "
                    "wait for it to finish and run again (nothing was written). If no run is "
                    f"going on, remove {path}"
                ) from None
            path.unlink(missing_ok=True)  # its run was killed
            continue
        with os.fdopen(descriptor, "w", encoding="ascii") as handle:
            handle.write(f"{os.getpid()}\n")
        return
    raise OutputError(
        f"cannot take the lock {path}: other runs keep taking it; nothing was written"
    )


def _owner(path: Path) -> int | None:
    """The process id in a lock file; None when it holds none (being written, or damaged)."""
    try:
        text = path.read_text(encoding="ascii", errors="replace").strip()
    except OSError:
        return None
    return int(text) if text.isdigit() and 0 < int(text) < 2**31 else None


def write_all(folder: Path, files: Mapping[str, bytes]) -> list[Path]:
    """Write ``files`` (name relative to ``folder`` -> content) together, holding the
    folder's lock; their paths."""
    with locked(folder):
        return _write_all(folder, files)


def _write_all(folder: Path, files: Mapping[str, bytes]) -> list[Path]:
    paths = {name: target(folder, name) for name in files}
    for path in paths.values():
        if path.is_dir():
            raise OutputError(
                f"cannot write {path}: a directory is in the way; nothing was written"
            )
    written: list[tuple[Path, str]] = []
    try:
        for parent in dict.fromkeys(path.parent for path in paths.values()):
            _make_folder(parent)
            _clean_leftovers(parent)
        for name, data in files.items():
            written.append((paths[name], _write_temporary(paths[name], data)))
        _move_into_place(written)
    except OSError as exc:
        what = exc.filename or folder
        raise OutputError(
            f"cannot write {what}: {exc.strerror or exc}; nothing was written"
        ) from None
    finally:
        for _, temporary in written:
            Path(temporary).unlink(missing_ok=True)
    return list(paths.values())


def _make_folder(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise OSError(errno.ENOTDIR, "it is a file, not a folder", str(folder)) from None


def _write_temporary(path: Path, data: bytes) -> str:
    fd, temporary = tempfile.mkstemp(
        prefix=f".{path.name}.statusgen-{os.getpid()}-", suffix=".tmp", dir=path.parent
    )
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(temporary, 0o644)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return temporary


def _move_into_place(written: list[tuple[Path, str]]) -> None:
    """Rename every temporary file onto its target; on a failure, undo the renames made."""
    backups: list[tuple[Path, str | None]] = []
    try:
        for path, temporary in written:
            backup = None
            if path.exists():
                backup = f"{temporary}.old"
                try:
                    os.link(path, backup)
                except OSError:  # a file system without hard links
                    shutil.copyfile(path, backup)
            backups.append((path, backup))
            os.replace(temporary, path)
    except BaseException:
        for path, backup in backups:
            if backup is None:
                path.unlink(missing_ok=True)
            else:
                os.replace(backup, path)
        raise
    finally:
        for _, backup in backups:
            if backup is not None:
                Path(backup).unlink(missing_ok=True)


def _clean_leftovers(folder: Path) -> None:
    """Remove temporary files of earlier runs that were killed before they could."""
    for entry in os.scandir(folder):
        match = _TEMPORARY.match(entry.name.removesuffix(".old"))
        if match and not _alive(int(match[1])):
            Path(entry.path).unlink(missing_ok=True)


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
