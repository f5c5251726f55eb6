"""Probable personal names in Dutch text, found by deduce: the only module that imports it.

deduce (PyPI, rule-based de-identification of Dutch text) finds names with lookup lists of Dutch
first names and surnames, titles, initials and tussenvoegsels, and patterns around them ("mevrouw
Brinkhuis", "de heer J. de Vries", "Kamerlid Leijten"). It is an optional dependency
(``pip install 'statusgen[woo]'``), used only by the Woo audit, so nothing else pays for it.

On first use deduce builds lookup structures from its lists and pickles them next to the lists,
inside the installed package, where a system-wide install cannot write. Most of that time (110 of
115 s here) and nearly all of its memory (1.1 GB) go to the lists of streets, places and
healthcare institutions, which finding *people* does not use. So statusgen copies deduce's lists
into its own cache folder with those lists left empty, points deduce at the copy (deduce's
documented ``lookup_data_path``/``cache_path`` arguments) and runs only the name annotators: the
first build takes a few seconds, a later load under half a second, and the person annotations
are the same as with the full lists, because the emptied lists only feed the location and
institution annotators that the audit switches off.

The cache folder is ``$STATUSGEN_CACHE``, else ``$XDG_CACHE_HOME/statusgen``, else
``~/.cache/statusgen``; when it cannot be written, the structures are built in a temporary folder
for the run and not kept.
"""

from __future__ import annotations

import contextlib
import importlib.metadata
import importlib.resources
import logging
import os
import shutil
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from generator.progress import Say

#: the lookup lists only the location and institution annotators use
_UNUSED_LISTS = (
    "locations/lst_street",
    "locations/lst_placename",
    "institutions/lst_healthcare_institution",
    "institutions/lst_hospital",
    "institutions/lst_hospital_abbr",
)
#: deduce's processor groups that do not find people
_OTHER_GROUPS = frozenset(
    {"locations", "institutions", "dates", "ages", "identifiers", "phone_numbers",
     "email_addresses", "urls", "redactor"}
)  # fmt: skip
_PERSON_TAGS = frozenset({"persoon", "patient"})
_CACHE_FILE = Path("cache") / "lookup_structs.pickle"
_TICK = 5.0


def available() -> bool:
    """Whether deduce can be imported (it is, then: the audit is about to use it)."""
    try:
        _import_deduce()
    except ImportError:
        return False
    return True


def cache_home() -> Path:
    """Where statusgen keeps what it builds once: ``$STATUSGEN_CACHE``, else the user's cache."""
    explicit = os.environ.get("STATUSGEN_CACHE")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME")
    return (Path(base) if base else Path.home() / ".cache") / "statusgen"


class Detector:
    """deduce, set up to find people only."""

    def __init__(self, deduce: Any) -> None:
        self._deduce = deduce
        self._memo: dict[str, list[tuple[int, int]]] = {}

    def spans(self, text: str) -> list[tuple[int, int]]:
        """Where ``text`` holds a probable personal name: (start, end), in order."""
        found = self._memo.get(text)
        if found is None:
            document = self._deduce.deidentify(text, disabled=set(_OTHER_GROUPS))
            found = sorted(
                (a.start_char, a.end_char) for a in document.annotations if a.tag in _PERSON_TAGS
            )
            self._memo[text] = found
        return found


_loaded: Detector | None = None


def load(say: Say) -> Detector:
    """The detector, built on first use (with progress through ``say``), then kept."""
    global _loaded
    if _loaded is None:
        _loaded = _load(say)
    return _loaded


def _import_deduce() -> Any:
    """deduce, imported without the logging setup it makes on import (``logging.basicConfig``
    to standard output at DEBUG level), which would send every library's debug messages into
    statusgen's output."""
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    try:
        import deduce
    finally:
        for handler in root.handlers[:]:
            if handler not in handlers:
                root.removeHandler(handler)
        root.setLevel(level)
    return deduce


def _load(say: Say) -> Detector:
    deduce = _import_deduce()
    version = importlib.metadata.version("deduce")
    lists = cache_home() / f"deduce-{version}"
    if (lists / _CACHE_FILE).is_file():
        try:
            return Detector(deduce.Deduce(lookup_data_path=lists, cache_path=lists))
        except Exception as exc:  # a damaged cache: build it again
            say(f"statusgen: the cached lookup structures in {lists} cannot be read ({exc})")
            shutil.rmtree(lists, ignore_errors=True)
    return _build(deduce, lists, say)


def _build(deduce: Any, lists: Path, say: Say) -> Detector:
    """Copy deduce's lists without the unused ones and let deduce build (and pickle) its lookup
    structures from them; the finished folder is moved into place in one step, so that a
    concurrent run never reads half a cache."""
    source = Path(str(importlib.resources.files("deduce") / "data" / "lookup"))
    trimmed = all((source / "src" / name).is_dir() for name in _UNUSED_LISTS)
    keep = _writable(lists.parent)
    work = Path(tempfile.mkdtemp(prefix=".building-", dir=lists.parent if keep else None))
    try:
        shutil.copytree(source / "src", work / "src", ignore=shutil.ignore_patterns("__pycache__"))
        if trimmed:
            for name in _UNUSED_LISTS:
                shutil.rmtree(work / "src" / name)
                (work / "src" / name).mkdir()
                (work / "src" / name / "items.txt").write_text("", encoding="utf-8")
        how_long = "a few seconds" if trimmed else "about 2 minutes"
        where = f"kept in {lists}" if keep else f"not kept: {lists.parent} cannot be written"
        say(
            "statusgen: first use of the Woo audit: deduce is building its lookup structures "
            f"of Dutch first names and surnames ({how_long}, once per deduce version; {where})"
        )
        started = time.monotonic()
        with _ticking(say, started):
            detector = Detector(deduce.Deduce(lookup_data_path=work, cache_path=work))
        say(f"statusgen: lookup structures built in {time.monotonic() - started:.1f} s")
        if keep:
            # another run may have finished first: its copy is as good as ours
            with contextlib.suppress(OSError):
                work.rename(lists)
        return detector
    finally:
        shutil.rmtree(work, ignore_errors=True)


class _ticking:
    """Says every few seconds how long the build has been running."""

    def __init__(self, say: Say, started: float) -> None:
        self._say = say
        self._started = started
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._done.wait(_TICK):
            self._say(f"statusgen: still building ({time.monotonic() - self._started:.0f} s)")

    def __enter__(self) -> None:
        self._thread.start()

    def __exit__(self, *exc: object) -> None:
        self._done.set()
        self._thread.join()


def _writable(folder: Path) -> bool:
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=folder):
            pass
    except OSError:
        return False
    return True
