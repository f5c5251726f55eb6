"""The status line on stderr: shown on a terminal during long work, never when piped or with
--quiet, and never in the way of a diagnostic."""

from __future__ import annotations

import io
import os
import pty
import select
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import DEMO

#: the evening job with every product: the longest build of the demo data (2-3 s)
LONG = ["vergadering", "2020-08-20", "--alles", "--data", str(DEMO)]


def _on_a_terminal(args: list[str], cwd: Path) -> tuple[int, str, str]:
    """Run statusgen with stderr on a pseudo-terminal; (exit code, stdout, what the terminal
    showed)."""
    primary, secondary = pty.openpty()
    # the build takes 1.5-3 s; half a second of delay keeps the test sure on a fast machine
    env = {**os.environ, "TERM": "xterm", "COLUMNS": "100", "STATUSGEN_PROGRESS_DELAY": "0.5"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "generator", *args],
        cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=secondary, stdin=subprocess.DEVNULL,
    )  # fmt: skip
    os.close(secondary)
    shown = b""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        ready, _, _ = select.select([primary], [], [], 0.2)
        if ready:
            try:
                chunk = os.read(primary, 65536)
            except OSError:  # the terminal closed: the process has ended
                break
            if not chunk:
                break
            shown += chunk
        elif proc.poll() is not None:
            break
    os.close(primary)
    stdout, _ = proc.communicate(timeout=60)
    return proc.returncode, stdout.decode(), shown.decode("utf-8", "replace")


def test_a_long_build_shows_what_it_does_on_a_terminal(tmp_path: Path) -> None:
    code, stdout, shown = _on_a_terminal(LONG, tmp_path)
    assert code == 0, shown
    assert "\r" in shown and "\x1b[K" in shown  # a line redrawn in place
    assert any(word in shown for word in ("deck", "action table", "report", "besluitenlijst"))
    assert " s)" in shown  # with the seconds it has taken
    # the line is cleared at the end: what stays on the terminal is not the status line
    assert shown.rstrip("\r\n").endswith("\x1b[K") or "\x1b[K" in shown.splitlines()[-1]
    assert "12 files" in stdout


def test_nothing_when_piped(tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "generator", *LONG],
        cwd=tmp_path, capture_output=True, text=True, check=False,
        env={**os.environ, "TERM": "xterm", "STATUSGEN_PROGRESS_DELAY": "0"},
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert "\r" not in proc.stderr and "\x1b" not in proc.stderr
    assert "action table" not in proc.stderr


def test_nothing_with_quiet_on_a_terminal(tmp_path: Path) -> None:
    code, _, shown = _on_a_terminal([*LONG, "--quiet"], tmp_path)
    assert code == 0, shown
    assert shown == ""


def test_a_diagnostic_is_not_run_into_the_status_line(monkeypatch: pytest.MonkeyPatch) -> None:
    from generator import progress

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    monkeypatch.setattr(progress, "DELAY", 0.0)
    monkeypatch.setenv("TERM", "xterm")
    with progress.shown():
        progress.step("laying out the SCT deck")
        time.sleep(0.3)
        progress.say("status/x.yaml:1:1: error: something")
        time.sleep(0.3)
    text = terminal.getvalue()
    assert "laying out the SCT deck" in text
    # the diagnostic starts on a cleared line and stands on a line of its own
    assert "\r\x1b[Kstatus/x.yaml:1:1: error: something\n" in text
    assert text.endswith("\r\x1b[K")
