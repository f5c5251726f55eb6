"""Editing a copy of fixture or demo data in a test, one way: text replaced where the test names
it (and the test fails when the fixture no longer holds that text, instead of testing nothing),
or the YAML read, changed as data and written back."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml


def edit(path: Path, old: str, new: str, *, every: bool = False) -> None:
    """Replace ``old`` by ``new`` in the file, the first time (``every``: each time)."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture changed: {old!r} not in {path.name}"
    path.write_text(text.replace(old, new) if every else text.replace(old, new, 1), "utf-8")


def read_yaml(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def write_yaml(path: Path, document: Any) -> None:
    """The document as YAML, keys in their order, non-ASCII as written."""
    path.write_text(yaml.safe_dump(document, allow_unicode=True, sort_keys=False), "utf-8")
