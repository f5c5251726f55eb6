"""A status line on stderr while a command works: what it is doing and for how long.

It appears only on a terminal, only once a run has taken longer than ``DELAY`` (a quick command
prints nothing at all), and never with ``--quiet``; piped or redirected, stderr holds
diagnostics only. A command declares what it is doing with ``step``; that costs a string
assignment, so the loader can say which file it reads.

Hand-written rather than rich's ``Status``: importing rich costs 35-46 ms (measured with
``-X importtime``), which ``check`` (about 0.3 s) would pay on every run, and four packages
for one line of text. Click's ``progressbar`` needs a known length, which a deck's layout does
not have.
"""

from __future__ import annotations

import os
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TextIO

#: seconds of work before the line appears (STATUSGEN_PROGRESS_DELAY sets another)
DELAY = 1.0
#: seconds between redraws
TICK = 0.1
_FRAMES = "|/-\\"


class _StatusLine:
    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.text = "starting"
        self.start = time.monotonic()
        self.lock = threading.Lock()
        self.done = threading.Event()
        self.visible = False
        self.thread = threading.Thread(target=self._run, name="statusgen-progress", daemon=True)

    def _run(self) -> None:
        if self.done.wait(_delay()):
            return
        frame = 0
        while True:
            with self.lock:
                self._draw(_FRAMES[frame % len(_FRAMES)])
            frame += 1
            if self.done.wait(TICK):
                return

    def _draw(self, frame: str) -> None:
        seconds = time.monotonic() - self.start
        line = f"{frame} {self.text} ({seconds:.0f} s)"
        try:
            columns = os.get_terminal_size(self.stream.fileno()).columns
        except (OSError, ValueError, AttributeError):
            columns = 80
        width = max(int(os.environ.get("COLUMNS", columns) or columns) - 1, 10)
        if len(line) > width:
            line = line[: width - 1] + "…"
        self.stream.write("\r" + line + "\x1b[K")
        self.stream.flush()
        self.visible = True

    def clear(self) -> None:
        """Remove the line (the lock is held), so that other text starts at the line's start."""
        if self.visible:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self.visible = False

    def close(self) -> None:
        self.done.set()
        self.thread.join()
        with self.lock:
            self.clear()


_current: _StatusLine | None = None


def _delay() -> float:
    try:
        return max(float(os.environ.get("STATUSGEN_PROGRESS_DELAY", DELAY)), 0.0)
    except ValueError:
        return DELAY


def wanted(stream: TextIO, *, quiet: bool) -> bool:
    """Whether a status line belongs on ``stream``: a terminal that can move its cursor."""
    if quiet or os.environ.get("TERM") == "dumb":
        return False
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


#: whether the running command was asked for --quiet: ``note`` then says nothing
_quiet = False


@contextmanager
def shown(*, quiet: bool = False) -> Iterator[None]:
    """Show the status line on stderr for the work inside, when ``wanted``."""
    global _current, _quiet
    stream = sys.stderr
    before, _quiet = _quiet, quiet
    try:
        if _current is not None or not wanted(stream, quiet=quiet):
            yield
            return
        status = _current = _StatusLine(stream)
        status.thread.start()
        try:
            yield
        finally:
            _current = None
            status.close()
    finally:
        _quiet = before


def step(text: str) -> None:
    """Say what the command is doing now (shown from the next redraw on)."""
    status = _current
    if status is not None:
        status.text = text


@contextmanager
def paused() -> Iterator[None]:
    """Write other text to stderr inside: the status line steps aside and comes back after."""
    status = _current
    if status is None:
        yield
        return
    with status.lock:
        status.clear()
        yield


#: what shows a line to the person running a command: ``say`` below, or a test's list.append
Say = Callable[[str], None]


def say(text: str) -> None:
    """A line on stderr (a diagnostic, a note) that the status line does not run into."""
    import click

    with paused():
        click.echo(text, err=True)


def note(text: str) -> None:
    """A note or warning about the run (not about the data) on stderr, unless --quiet: what a
    writer deep in a command has to say without knowing the command's options."""
    if not _quiet:
        say(text)
