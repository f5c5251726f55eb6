"""A second build in the same process (``statusgen serve`` after an edit) reuses what did not
change, and only that: the files it parsed, the sections it laid out."""

from __future__ import annotations

import shutil
from pathlib import Path

from generator.load.dataset import load
from generator.load.diagnostics import Diagnostics
from generator.load.yamlsource import _READ

DEMO = Path(__file__).resolve().parent.parent / "status"
WS1 = "werkstromen/01-klantreis.yaml"


def _load(root: Path) -> tuple[str | None, list[str]]:
    report = Diagnostics()
    dataset = load(root, report)
    titles = [e.item.titel for e in dataset.loaded["werkstroom"] if e.file.name in WS1]
    return (titles[0] if titles else None), [d.human() for d in report.ordered]


def test_an_edit_is_read_again_and_the_rest_says_the_same(tmp_path: Path) -> None:
    data = tmp_path / "status"
    shutil.copytree(DEMO, data)
    _READ.clear()
    title, said = _load(data)
    assert title is not None
    assert _READ, "the files read are kept for the next build"
    assert _load(data) == (title, said)  # the same, from what was kept
    file = data / WS1
    file.write_text(file.read_text("utf-8").replace(title, "Een nieuwe titel", 1), "utf-8")
    assert _load(data) == ("Een nieuwe titel", said)
    # a file that no longer reads says so, though its earlier text was kept
    file.write_text("titel: [\n", "utf-8")
    _, broken = _load(data)
    assert any(WS1 in line and "error" in line for line in broken)
