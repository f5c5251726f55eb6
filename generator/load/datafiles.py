"""Reading a file of the data folder: a regular file inside the folder, never more than a limit.

``st_size`` is 0 for ``/dev/zero`` and for a named pipe, so the size is not trusted: a file is
read with a hard byte limit. A symbolic link is followed only when it resolves inside the data
folder, and devices, pipes and sockets are refused before they are opened (opening a device can
have effects of its own; opening a pipe waits for a writer).
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from generator.load.diagnostics import Diagnostics

MAX_BYTES = 1 << 20

_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0)
_FLAGS |= getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)


class FileRefused(Exception):
    """Raised when a data file is not a regular file inside the data folder, or is too large."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a special file"


class DataFolder:
    """A data folder to read files from; folders are resolved once, not once per file."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.base = root.resolve()
        self._folders: dict[Path, Path] = {}

    def _real(self, file: Path) -> tuple[Path, os.stat_result]:
        """Where ``file`` really is, and its status (of the target, for a link)."""
        status = os.lstat(file)
        if not stat.S_ISLNK(status.st_mode):
            folder = self._folders.get(file.parent)
            if folder is None:
                folder = self._folders[file.parent] = file.parent.resolve(strict=True)
            return folder / file.name, status
        try:
            real = file.resolve(strict=True)
        except FileNotFoundError:
            raise FileRefused(
                f"the file is a symbolic link to {os.readlink(file)}, which does not exist"
            ) from None
        except (OSError, RuntimeError):  # a loop of links: RuntimeError before Python 3.13
            raise FileRefused(
                "the file is a symbolic link that cannot be resolved (a loop)"
            ) from None
        return real, os.stat(real)

    def read(self, file: Path, *, limit: int = MAX_BYTES) -> bytes:
        """The bytes of ``file``, which must be a regular file that resolves inside the folder
        and holds at most ``limit`` bytes. Raises FileRefused (or OSError when reading fails)."""
        try:
            real, status = self._real(file)
        except FileNotFoundError:
            raise FileRefused("the file does not exist") from None
        if not real.is_relative_to(self.base):
            raise FileRefused(
                f"the file is a symbolic link to {real}, outside the data folder: statusgen reads "
                "only files inside it"
            )
        if not stat.S_ISREG(status.st_mode):
            kind = _kind(status.st_mode)
            raise FileRefused(f"the file is {kind}: statusgen reads regular files only")
        if status.st_size > limit:
            raise FileRefused(too_large(status.st_size, limit))
        descriptor = os.open(real, _FLAGS)
        with os.fdopen(descriptor, "rb") as handle:
            # the file may have been swapped since it was looked at
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                raise FileRefused(
                    "the file is not a regular file: statusgen reads regular files only"
                )
            # the size said is what is read, unless the file has grown; never more than the limit
            data = handle.read(status.st_size + 1)
            if len(data) > status.st_size:
                data += handle.read(limit + 1 - len(data))
        if len(data) > limit:
            raise FileRefused(too_large(None, limit))
        return data


def too_large(size: int | None, limit: int) -> str:
    shown = "1 MiB" if limit == MAX_BYTES else f"{limit:,} bytes"
    if size is None:
        return f"the file is larger than {shown}, the limit: split it"
    return f"the file is {size:,} bytes; the limit is {shown}: split it"


def yaml_files(root: Path, diagnostics: Diagnostics) -> list[Path]:
    """Every .yaml and .yml file below ``root``; a folder that cannot be listed (a path too
    long, no permission) is a warning, and skipped (``rglob`` stopped with a traceback)."""

    def unreadable(exc: OSError) -> None:
        where = Path(exc.filename or root)
        parts = where.relative_to(root).parts if where.is_relative_to(root) else ()
        problem = f"{exc.strerror or exc}; its path is {len(os.fsencode(where)):,} bytes long"
        diagnostics.warning(
            root / parts[0] if parts else root,
            (0, 0),
            f"a folder inside it cannot be read ({problem}): statusgen skips it; shorten it",
        )

    return [
        Path(folder, name)
        for folder, _, files in os.walk(root, onerror=unreadable)
        for name in files
        if name.endswith((".yaml", ".yml"))
    ]
