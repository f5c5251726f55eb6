"""``statusgen serve``'s state and routes without a browser: a save re-reads only the changed
file, a broken file keeps the last good slides, the public preview holds no registered name,
and the source pages show data files only."""

from __future__ import annotations

import json
import re
import shutil
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from generator.load.dataset import load
from generator.load.diagnostics import Diagnostics
from generator.preview.state import Preview
from tests.browser import serving
from tests.yamledit import edit

DEMO = Path(__file__).resolve().parent.parent / "status"
WORKSTREAM = Path("werkstromen/01-klantreis.yaml")
OLD = "Integrale klantreis ontwerpen en doorvertalen naar kaders voor de uitvoering"


def _text(svg: str) -> str:
    return re.sub(r"<[^>]+>", "", svg)


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    target = tmp_path / "status"
    shutil.copytree(DEMO, target)
    return target


def test_a_save_reads_only_the_changed_file_and_redraws_its_slides(copy: Path) -> None:
    preview = Preview(copy)
    first = preview.rebuild()
    assert first.parsed > 30 and len(first.slides) > 20
    file = copy / WORKSTREAM
    edit(file, OLD, "Klantreis herontwerpen", every=True)
    second = preview.rebuild()
    assert second.parsed == 1
    assert second.version == first.version + 1
    changed = [s for s in second.slides if s.number in second.changed]
    # the workstream's own slides and the overview of the workstreams: its new title is there
    assert len(changed) == 4 and all("Klantreis herontwerpen" in _text(s.svg) for s in changed)
    untouched = [s for s in second.slides if s.number not in second.changed]
    assert untouched and all(s.svg == first.slides[s.number - 1].svg for s in untouched)
    # the same diagnostics as a load from scratch
    diagnostics = Diagnostics()
    load(copy, diagnostics)
    expected = sorted(d.human() for d in diagnostics.items)
    assert sorted(d.human() for d in second.diagnostics) == expected


def test_a_broken_file_keeps_the_last_good_slides(copy: Path) -> None:
    preview = Preview(copy)
    good = preview.rebuild()
    file = copy / WORKSTREAM
    original = file.read_text("utf-8")
    file.write_text(original.replace(f"titel: {OLD}", "titel: [open", 1), "utf-8")
    broken = preview.rebuild()
    assert broken.stale and broken.slides == good.slides and broken.changed == ()
    assert any(d.file.name == WORKSTREAM.name for d in broken.diagnostics)
    file.write_text(original, "utf-8")
    fixed = preview.rebuild()
    assert not fixed.stale and [s.svg for s in fixed.slides] == [s.svg for s in good.slides]


def test_the_public_preview_holds_no_registered_name(copy: Path) -> None:
    from generator.publish import names

    diagnostics = Diagnostics()
    withheld = names(load(copy, diagnostics))
    snapshot = Preview(copy, openbaar=True).rebuild()
    for slide in snapshot.slides:
        assert not withheld.find(slide.svg), slide.title


def _get(url: str) -> tuple[int, str, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=60) as answer:
            return answer.status, answer.headers["content-type"], answer.read()
    except urllib.error.HTTPError as error:
        return error.code, "", b""


def test_routes_show_slides_pages_and_data_files_only(copy: Path) -> None:
    with serving(copy) as address:
        status, _, body = _get(f"{address}/")
        slides = json.loads(_get(f"{address}/status")[2])["slides"]
        assert status == 200 and body.decode().count('class="slide"') == slides > 20
        assert _get(f"{address}/dia/3.svg")[1].startswith("image/svg+xml")
        assert _get(f"{address}/dia/999")[0] == 404
        assert _get(f"{address}/bron/werkstromen/01-klantreis.yaml")[0] == 200
        assert _get(f"{address}/bron/..%2F..%2Fetc%2Fpasswd")[0] == 404
        assert _get(f"{address}/bron/%2Fetc%2Fpasswd")[0] == 404
        assert _get(f"{address}/fonts/LiberationSans-Regular.ttf")[2][:4] == b"\x00\x01\x00\x00"
        status, _, table = _get(f"{address}/actietabel")
        assert status == 200 and table.decode().count('class="page"') >= 2
