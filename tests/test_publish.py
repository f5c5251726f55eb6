"""The publishing step's parts: finding names in every form, and writing all files or none."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import unicodedata
from pathlib import Path

import pytest

from generator.exceptions import OutputError
from generator.model.names import Names
from generator.publish import write
from generator.publish.write import write_all

NAMES = Names(["A. Brinkhuis", "É. Çelik", "J. de Vries", "J. Bos"])


@pytest.mark.parametrize(
    ("text", "public"),
    [
        ("Overleg met A. *Brinkhuis* (DJZ).", "Overleg met Persoonsgegevens (DJZ)."),
        ("**A. Brinkhuis** belt", "**Persoonsgegevens** belt"),
        (unicodedata.normalize("NFD", "met É. Çelik"), "met Persoonsgegevens"),
        ("met E. Celik en e. celik", "met Persoonsgegevens en Persoonsgegevens"),
        ("Brink\u00adhuis en Brink\u200bhuis", "Persoonsgegevens en Persoonsgegevens"),
        ("mevrouw Brinkhuis", "mevrouw Persoonsgegevens"),
        (
            "de heer De Vries en mevrouw de Vries",
            "de heer Persoonsgegevens en mevrouw Persoonsgegevens",
        ),
        ("A.\nBrinkhuis, A.Brinkhuis", "Persoonsgegevens, Persoonsgegevens"),
        # a surname in lower case is a name (identifiers, addresses); a longer word is not
        ("de brinkhuisweg en brinkhuis", "de brinkhuisweg en Persoonsgegevens"),
        # a surname under four letters is a name only where a name stands
        ("Bos en bos; J. Bos", "Bos en bos; Persoonsgegevens"),
        (
            "De Belastingdienst werkt samen met gemeenten.",
            "De Belastingdienst werkt samen met gemeenten.",
        ),
    ],
)
def test_names_are_found_in_every_form(text: str, public: str) -> None:
    assert NAMES.redact(text) == public


def test_an_empty_registry_changes_nothing() -> None:
    assert Names([]).redact("A. Brinkhuis") == "A. Brinkhuis"


def test_files_are_written_together(tmp_path: Path) -> None:
    paths = write_all(tmp_path / "out", {"a.md": b"a", "sub/b.md": b"b"})
    assert [p.read_bytes() for p in paths] == [b"a", b"b"]
    assert sorted(p.name for p in (tmp_path / "out").rglob("*")) == ["a.md", "b.md", "sub"]


def test_a_failure_leaves_the_old_files_and_nothing_new(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    write_all(out, {"a.html": b"old html", "a.pdf": b"old pdf"})
    real = write._write_temporary

    def disk_full(path: Path, data: bytes) -> str:
        if path.suffix == ".pdf":
            raise OSError(28, "No space left on device", str(path))
        return real(path, data)

    monkeypatch.setattr(write, "_write_temporary", disk_full)
    with pytest.raises(OutputError, match="No space left on device; nothing was written"):
        write_all(out, {"a.html": b"new html", "a.pdf": b"new pdf", "b.md": b"new"})
    assert sorted(p.name for p in out.iterdir()) == ["a.html", "a.pdf"]
    assert (out / "a.html").read_bytes() == b"old html"


def test_a_failed_rename_undoes_the_others(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out"
    write_all(out, {"a.html": b"old html"})
    real = os.replace

    def fail_on_pdf(source: str, target: str | Path) -> None:
        if str(target).endswith(".pdf"):
            raise OSError(5, "Input/output error", str(target))
        real(source, target)

    monkeypatch.setattr(write.os, "replace", fail_on_pdf)
    with pytest.raises(OutputError):
        write_all(out, {"a.html": b"new html", "a.pdf": b"new pdf"})
    monkeypatch.undo()
    assert sorted(p.name for p in out.iterdir()) == ["a.html"]
    assert (out / "a.html").read_bytes() == b"old html"


def test_a_directory_in_the_way(tmp_path: Path) -> None:
    (tmp_path / "out" / "a.pdf").mkdir(parents=True)
    with pytest.raises(OutputError, match="a directory is in the way"):
        write_all(tmp_path / "out", {"a.html": b"x", "a.pdf": b"y"})
    assert not (tmp_path / "out" / "a.html").exists()


def test_leftovers_of_a_killed_run_are_removed(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True).stdout.strip()  # fmt: skip
    leftover = out / f".a.pdf.statusgen-{dead}-x1y2.tmp"
    leftover.write_bytes(b"half")
    (out / f".a.pdf.statusgen-{dead}-x1y2.tmp.old").write_bytes(b"old")
    write_all(out, {"b.md": b"b"})
    assert sorted(p.name for p in out.iterdir()) == ["b.md"]


def test_ctrl_c_exits_130_and_writes_nothing(tmp_path: Path) -> None:
    """A real interrupt, sent to a real process while it builds every format of an action table
    of 860 actions (several seconds of work), once it has started."""
    from bench.dataset import make

    data = make(tmp_path / "groot", werkstromen=13, acties=860)
    process = subprocess.Popen(
        [sys.executable, "-m", "generator", "actions", "--data", str(data),
         "--output", str(tmp_path / "out")],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    time.sleep(1.5)
    assert process.poll() is None, "the table was finished before the interrupt"
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=60)
    assert process.returncode == 130, err
    assert "Traceback" not in err
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").iterdir())
