"""The deck's layout pinned: the laid-out pages of the demo and seed decks, digested.

The layout is tuned for speed (caches, bisection over the font sizes); none of that may change a
slide. When a change to the layout is meant to change slides, look at the decks and update the
digests below (the failure prints the new one)."""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from generator.commands import load_for_publication, meeting_on
from generator.render.deck import paginate as paginate_module
from generator.render.deck import render
from generator.resources import template as shipped

ROOT = Path(__file__).resolve().parent.parent

#: data folder -> (slides, digest of the laid-out pages)
PINNED = {
    "status": (27, "68925bdd90ae67ae20ff99f368fcc1796b720b876bb80ff350b49b69acbc2b0b"),
    "bench/seed": (37, "bfa51302b53c60fda5f966c3c31c39352645475092aa3d00c3f9b5eef284a8f5"),
}


def _plain(value: Any) -> Any:
    """A laid-out page as JSON: dataclasses as dicts with their class name, floats rounded
    (to a thousandth of a point: far below what a renderer shows, above float noise)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        fields = {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
        return {"type": type(value).__name__, **fields}
    if isinstance(value, float):
        return round(value, 3)
    if isinstance(value, dict):
        return [[_plain(k), _plain(v)] for k, v in value.items()]
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    return value


@contextmanager
def _recorded() -> Iterator[list[Any]]:
    pages: list[Any] = []
    original = paginate_module.paginate

    def recording(*args: Any, **kwargs: Any) -> Any:
        result = original(*args, **kwargs)
        pages.extend(result)
        return result

    paginate_module.paginate = recording
    try:
        yield pages
    finally:
        paginate_module.paginate = original


def laid_out(data: Path, out: Path, *, fresh: bool = True) -> tuple[int, str]:
    """The deck's slide count and a digest of every laid-out page of ``data``'s latest meeting;
    ``fresh``: every section laid out anew, none taken from the sections laid out before."""
    if fresh:
        paginate_module._LAID_OUT.clear()
    dataset, _ = load_for_publication(data, out, openbaar=False)
    meeting = meeting_on(dataset.items("vergadering"), None)
    with _recorded() as pages:
        deck = render(dataset, meeting, template=shipped("default.pptx"))
    text = json.dumps(_plain(pages), ensure_ascii=False, sort_keys=True)
    return deck.slides, hashlib.sha256(text.encode()).hexdigest()


@pytest.mark.parametrize("folder", sorted(PINNED))
def test_the_layout_of_the_deck_is_pinned(folder: str, tmp_path: Path) -> None:
    assert laid_out(ROOT / folder, tmp_path) == PINNED[folder]


def test_a_second_build_in_the_same_process_lays_out_the_same(tmp_path: Path) -> None:
    """What ``serve`` does: the caches of the first build must not change the second."""
    first = laid_out(ROOT / "bench/seed", tmp_path)
    assert laid_out(ROOT / "bench/seed", tmp_path, fresh=False) == first
