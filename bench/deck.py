"""Time `statusgen deck` as a user runs it, next to pandoc's pptx writer on the same content.

    python bench/deck.py [--runs 3]

The content for pandoc is the deck's own content (every slide's title, text and table rows, with
the bullet lists and bold text inside cells) written as HTML, which pandoc reads with block
content in table cells. pandoc does not continue tables over slides, so its decks lose rows
when rendered; it is timed here for speed only.

Targets (issue #3): the demo deck under 1.5 s wall including interpreter start; ten times the
seed (130 workstreams) under 8 s; not slower than pandoc on the same content.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from html import escape
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from dataset import DEMO, make
from timing import wall

from generator.commands import load_valid
from generator.render.deck.build import slides
from generator.render.deck.content import Cell, Divider, Para, Section, Table, Text, TitleSlide
from generator.render.deck.context import Deck

STATUSGEN = [sys.executable, "-m", "generator"]


def _paras(paras: tuple[Para, ...]) -> str:
    """Paragraphs as HTML: bullets as lists, bold and italic runs kept."""
    out: list[str] = []
    in_list = False
    for para in paras:
        runs = "".join(
            f"<strong>{escape(r.text)}</strong>" if r.bold
            else f"<em>{escape(r.text)}</em>" if r.italic
            else escape(r.text)
            for r in para.runs
        )  # fmt: skip
        if para.bullet and not in_list:
            out.append("<ul>")
        elif not para.bullet and in_list:
            out.append("</ul>")
        in_list = bool(para.bullet)
        out.append(f"<li>{runs}</li>" if para.bullet else f"<p>{runs}</p>")
    if in_list:
        out.append("</ul>")
    return "".join(out)


def html(data: Path) -> str:
    """The deck's content as HTML for pandoc: a slide per heading, tables with lists in cells."""
    dataset = load_valid(data)
    meeting = max(dataset.items("vergadering"), key=lambda m: m.datum)
    out: list[str] = ["<html><body>"]
    for slide in slides(Deck(dataset, meeting, meeting.datum)):
        if isinstance(slide, TitleSlide | Divider):
            out.append(f"<h1>{escape(slide.title)}</h1><p>{escape(slide.subtitle)}</p>")
            continue
        assert isinstance(slide, Section)
        out.append(f"<h2>{escape(slide.title)}</h2>")
        for block in (*slide.head, *slide.body, *slide.foot):
            if isinstance(block, Text):
                out.append(_paras(block.paras))
                continue
            assert isinstance(block, Table)
            out.append("<table><thead><tr>")
            out += [f"<th>{_paras(c.paras)}</th>" for c in block.header]
            out.append("</tr></thead><tbody>")
            for group in block.groups:
                for index, row in enumerate(group.rows):
                    out.append("<tr>")
                    for c, cell in enumerate(row):
                        if c in group.spanning:
                            cell = group.spanning[c] if index == 0 else Cell()
                        out.append(f"<td>{_paras(cell.paras)}</td>")
                    out.append("</tr>")
            out.append("</tbody></table>")
    out.append("</body></html>")
    return "\n".join(out)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    pandoc = shutil.which("pandoc")
    scratch = Path(__file__).resolve().parent / "data"
    big = make(scratch / "10x", werkstromen=130, acties=860)
    print(f"{'what':34} {'statusgen':>10} {'pandoc':>8} {'ratio':>6} {'target':>7}")
    with tempfile.TemporaryDirectory() as tmp:
        for label, data, target in (("deck, demo data", DEMO, 1.5), ("deck, 10x", big, 8.0)):
            ours = wall([*STATUSGEN, "deck", "--data", str(data), "--output", tmp], args.runs)
            theirs = float("nan")
            if pandoc:
                source = Path(tmp) / "deck.html"
                source.write_text(html(data), encoding="utf-8")
                command = [pandoc, "-f", "html", str(source), "-o", str(Path(tmp) / "p.pptx")]
                theirs = wall(command, args.runs)
            print(f"{label:34} {ours:10.2f} {theirs:8.2f} {ours / theirs:6.2f} {target:7.1f}")
    if not pandoc:
        print("pandoc is not installed (apt-get install pandoc): no comparison")
    shutil.rmtree(scratch / "10x")


if __name__ == "__main__":
    main()
