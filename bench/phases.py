"""Where a deck's time goes, in one process: imports, load (read and check the data), layout
(decide the slides and paginate them) and write (the PPTX), for a first build (cold) and a
second build in the same process (warm: what ``statusgen serve`` gets on every change).

    python bench/phases.py DATA [--runs N]

Run it with the Python of an installed statusgen (bench/wheel.py does): it prints one JSON
object, seconds of wall time per phase, the warm figures the median of ``--runs`` builds.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path
from typing import Any


def build(data: Path, output: Path, cache: Any = None) -> dict[str, float]:
    """One deck of ``data``'s latest meeting, as ``statusgen deck`` builds it, timed by phase;
    with ``cache`` (a ``FileCache``) the files are loaded as ``statusgen serve`` loads them."""
    from generator.commands import meeting_on
    from generator.load.dataset import load
    from generator.load.diagnostics import Diagnostics
    from generator.render.deck.build import slides
    from generator.render.deck.content import Divider, Section, TitleSlide
    from generator.render.deck.context import Deck
    from generator.render.deck.paginate import paginate
    from generator.render.deck.template import Meta, Template
    from generator.render.deck.writer import DeckWriter
    from generator.resources import template

    start = time.perf_counter()
    dataset = load(data, Diagnostics(), cache=cache)
    meeting = meeting_on(dataset.items("vergadering"), None)
    loaded = time.perf_counter()
    opened = Template(template("default.pptx"))
    made = []
    for slide in slides(Deck(dataset, meeting, meeting.datum)):
        if isinstance(slide, Section):
            made.append((slide, paginate(slide, opened.geometry)))
        else:
            made.append((slide, []))
    laid = time.perf_counter()
    title = meeting.titel
    writer = DeckWriter(opened, Meta(title=title, subject="", author="", footer=title))
    for slide, pages in made:
        if isinstance(slide, TitleSlide):
            writer.title_slide(slide)
        elif isinstance(slide, Divider):
            writer.divider(slide)
        elif isinstance(slide, Section):
            writer.anchor(slide.anchors)
            for page in pages:
                writer.page(page)
    (output / "deck.pptx").write_bytes(writer.save())
    written = time.perf_counter()
    return {
        "load": loaded - start,
        "layout": laid - loaded,
        "write": written - laid,
        "total": written - start,
        "slides": writer.count,
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("data", type=Path)
    parser.add_argument("--output", type=Path, default=Path("."))
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    start = time.perf_counter()
    import generator.cli
    import generator.commands.deck
    import generator.render.deck.build
    import generator.render.deck.writer  # noqa: F401

    imports = time.perf_counter() - start
    from generator.load.filecache import FileCache

    cache = FileCache()  # what serve keeps between builds
    cold = build(args.data, args.output, cache)
    warm = [build(args.data, args.output, cache) for _ in range(args.runs)]
    result: dict[str, Any] = {
        "imports": imports,
        "cold": cold,
        "warm": {key: statistics.median(run[key] for run in warm) for key in cold},
    }
    json.dump(result, sys.stdout)


if __name__ == "__main__":
    main()
