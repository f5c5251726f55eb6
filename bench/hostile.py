"""Time pathological text through the deck: a megabyte where a paragraph or a word should be.

    python bench/hostile.py [--runs 3]

Runs `statusgen deck` as a user runs it (a new process) on the demo data, and on the demo data
with one meeting item whose `inhoud` is a single paragraph of 1 MB; and lays out a 1 MB word
without spaces (in a werkstroom's toelichting: the status cell of a table) directly with the
paginator, since `check` refuses words that long in real data. Reports wall time and the
process's peak memory (median wall time of the runs, largest peak).

Target (issue #11): seconds, not minutes; every case well under 90 s and 2 GiB.
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from dataset import DEMO
from timing import peak

STATUSGEN = [sys.executable, "-m", "generator"]
MEGABYTE = 1_000_000
WORDS = ("de", "het", "een", "herstel", "ouders", "toeslag", "kinderopvang", "werkstroom",
         "planning", "uitvoering", "besluit", "gemeenten", "schulden", "compensatie")  # fmt: skip


def paragraph(size: int) -> str:
    """Dutch-looking words, ``size`` characters, no line break."""
    chosen = random.Random(11)
    words: list[str] = []
    length = 0
    while length < size:
        word = chosen.choice(WORDS)
        words.append(word)
        length += len(word) + 1
    return " ".join(words)[:size].rstrip()


def with_paragraph(target: Path, size: int) -> Path:
    """The demo data plus a rubriek whose one item is a paragraph of ``size`` characters."""
    shutil.copytree(DEMO, target)
    meeting = max((target / "vergaderingen").glob("*.yaml"))
    document = yaml.safe_load(meeting.read_text(encoding="utf-8"))
    item = {"titel": "Lange tekst", "inhoud": paragraph(size)}
    document["agenda"].append({"rubriek": "Bijlage", "items": [item]})
    meeting.write_text(
        yaml.safe_dump(document, allow_unicode=True, width=float("inf")), encoding="utf-8"
    )
    return target


def layout_word(size: int) -> None:
    """Paginate a werkstroom table whose toelichting is one word of ``size`` characters."""
    from generator.commands import load_valid
    from generator.render.deck.context import Deck
    from generator.render.deck.paginate import paginate
    from generator.render.deck.parts.werkstromen import werkstroom as werkstroom_section
    from generator.render.deck.template import Template
    from generator.resources import template

    dataset = load_valid(DEMO)
    werkstroom = dataset.werkstromen[0]
    first, *others = werkstroom.opdrachten
    opdrachten = [first.model_copy(update={"toelichting": "x" * size}), *others]
    werkstroom = werkstroom.model_copy(update={"opdrachten": opdrachten})
    meeting = max(dataset.items("vergadering"), key=lambda m: m.datum)
    section = werkstroom_section(Deck(dataset, meeting, meeting.datum), werkstroom)
    geometry = Template(template("default.pptx")).geometry
    start = time.perf_counter()
    pages = paginate(section, geometry)
    print(f"{len(pages)} slides in {time.perf_counter() - start:.2f} s")


def measure(command: list[str], runs: int) -> tuple[float, int]:
    """The median wall time and the largest peak memory of ``runs`` runs, after a warm-up."""
    peak(command)
    found = [peak(command) for _ in range(runs)]
    return statistics.median(wall for wall, _ in found), max(memory for _, memory in found)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--layout-word", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.layout_word:
        layout_word(args.layout_word)
        return
    print(f"{'what':52} {'wall':>8} {'peak':>9} {'target':>14}")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        out = ["--output", str(folder / "out")]
        paragraph_data = with_paragraph(folder / "p", MEGABYTE)
        rows = [
            ("deck, demo data", [*STATUSGEN, "deck", "--data", str(DEMO), *out]),
            (
                "deck, demo data + a 1 MB paragraph in inhoud",
                [*STATUSGEN, "deck", "--data", str(paragraph_data), *out],
            ),
            (
                "paginate a werkstroom, a 1 MB word in toelichting",
                [sys.executable, __file__, "--layout-word", str(MEGABYTE)],
            ),
        ]
        for label, command in rows:
            wall, memory = measure(command, args.runs)
            print(f"{label:52} {wall:7.2f}s {memory / 2**20:6.0f} MiB {'< 90 s, 2 GiB':>14}")


if __name__ == "__main__":
    main()
