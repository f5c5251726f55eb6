"""The only place that writes outputs: inside the output folder, all of a run's files or none.

Every file is first written in full to a temporary file beside its target; only when all of them
are written are they moved into place. A failure on the way (a full disk, a directory in the way,
no permission, Ctrl-C) removes what this run wrote and restores what was there before. The
temporary files carry the writer's process id, so that those of a run that was killed are
removed by the next run.
"""

from __future__ import annotations

import errno
import os
import re
import shutil
import tempfile
from collections.abc import Mapping
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


def write_all(folder: Path, files: Mapping[str, bytes]) -> list[Path]:
    """Write ``files`` (name relative to ``folder`` -> content) together; their paths."""
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
