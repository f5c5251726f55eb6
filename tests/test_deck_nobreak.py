"""No line of the deck splits a unit: an amount from its currency ("€" / "30.000"), an initial
from its surname ("S." / "Lindenhovius"), a week's first day from its last ("10 –" / "16 aug").
The deck's text carries no-break spaces there, so PowerPoint and the paginator's measuring
break it alike."""

from __future__ import annotations

import re
from pathlib import Path

from pptx import Presentation

from tests.conftest import DEMO, Run
from tests.test_deck import AUGUST_17, build

SEED = Path(__file__).parent.parent / "bench" / "seed"


def _texts(deck: Path) -> list[str]:
    found = []
    for slide in Presentation(str(deck)).slides:
        for shape in slide.shapes:
            frames = [shape.text_frame] if shape.has_text_frame else []
            if shape.has_table:
                frames += [c.text_frame for row in shape.table.rows for c in row.cells]
            found += [p.text for frame in frames for p in frame.paragraphs]
    return found


def _split_units(texts: list[str]) -> list[str]:
    # an initial within the text: "A. Ritmewijziging" at its start is an agenda letter
    units = re.compile(r"€ \d|(?<=\S )[A-Z]\. [A-Z][a-z]|\d (?:mln|mld)\b")
    return [t for t in texts if units.search(t)]


def test_the_demo_deck_keeps_amounts_and_names_together(run: Run, tmp_path: Path) -> None:
    texts = _texts(build(run, DEMO, tmp_path, *AUGUST_17))
    assert any("S.\u00a0Lindenhovius" in t for t in texts)
    assert any("€\u00a0" in t for t in texts)
    assert _split_units(texts) == []


def test_the_seed_deck_keeps_amounts_and_week_days_together(run: Run, tmp_path: Path) -> None:
    texts = _texts(build(run, SEED, tmp_path))
    assert any("€\u00a030.000" in t for t in texts)
    assert _split_units(texts) == []
    weeks = [t for t in texts if re.fullmatch(r"\d+\s–\s\d+\s\w+", t)]
    assert weeks and all(" " not in t for t in weeks), weeks
