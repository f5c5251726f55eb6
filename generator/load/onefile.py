"""One file judged on its own, as ``check`` judges it: for ``statusgen new``, which must never
write a file that ``check`` refuses."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path
from typing import Any

from generator.load.datafiles import DataFolder
from generator.load.dataset import _load_file
from generator.load.diagnostics import Diagnostics
from generator.load.kinds import CheckContext, Kind


def file_errors(kind: Kind[Any], name: str, text: str) -> list[str]:
    """What ``check`` would refuse in the file ``name`` (relative to a data folder) if it held
    ``text``, judged on its own: its syntax, characters, texts, fields and the kind's own
    rules; each as "line:column: message". For ``statusgen new``, which must never write a
    file that ``check`` refuses."""
    diagnostics = Diagnostics()
    with tempfile.TemporaryDirectory(prefix="statusgen-new-") as tmp:
        root = Path(tmp)
        file = root / name
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_text(text, encoding="utf-8")
        entry = _load_file(kind, file, DataFolder(root), diagnostics, dt.date.today())
        if entry is not None:
            context = CheckContext(peildatum=dt.date.today(), root=root, present=frozenset())
            for path, message in entry.kind.errors(entry.item, context):
                diagnostics.error(entry.file, entry.source.position(path), message, path)
    return [f"{d.line}:{d.column}: {d.message}" for d in diagnostics.errors]
