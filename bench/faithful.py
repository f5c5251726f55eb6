"""How faithfully the SVG slides show what LibreOffice shows of the PPTX: the text lines the
SVG writer drew against the words ``pdftotext -bbox-layout`` finds in LibreOffice's PDF of the
same deck, slide by slide.

A drawn line is found in the PDF by its first word: the nearest word of the same text on the
same slide, within ``REACH`` points (poppler joins the words of neighbouring cells into one
line and splits others at wide gaps, so lines are no unit to match). Its deviation is the
larger of the distances between the two left edges and between the two tops (the PDF's top
is the font's ascent above the baseline, as poppler reports it; the SVG's is computed alike).
A line that LibreOffice broke elsewhere moves the lines after it; one whose first word is not
within reach counts as not found.
"""

from __future__ import annotations

import statistics
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from generator.render.deck.svg import ASCENT

_XHTML = "{http://www.w3.org/1999/xhtml}"
#: how far, in points, a drawn line's first word may be from the PDF's to be found at all
REACH = 40.0
#: a line this close (in points) stands where LibreOffice puts it: two pixels on a screen at
#: 96 dpi, an eighth of a 12 pt line
CLOSE = 1.5


@dataclass(frozen=True)
class PdfWord:
    text: str
    left: float
    top: float


@dataclass(frozen=True)
class SlideFaith:
    number: int
    drawn: int
    found: int
    mean: float
    worst: float
    #: lines found within ``CLOSE`` points
    close: int


def _first_word(text: str) -> str:
    words = text.replace("\u00a0", " ").split()
    return words[0] if words else ""


def pdf_words(pdf: Path, pdftotext: str = "pdftotext") -> list[list[PdfWord]]:
    """Every page's words, as poppler finds them."""
    xml = subprocess.run(
        [pdftotext, "-bbox-layout", str(pdf), "-"], check=True, capture_output=True
    ).stdout
    root = etree.fromstring(xml, etree.XMLParser(recover=True, huge_tree=True))
    return [
        [
            PdfWord(
                (word.text or "").replace("\u00a0", " ").replace("\u00ad", ""),
                float(word.get("xMin")),
                float(word.get("yMin")),
            )
            for word in page.iter(f"{_XHTML}word")
        ]
        for page in root.iter(f"{_XHTML}page")
    ]


def compare(
    drawn: Sequence[Sequence[tuple[str, float, float, float]]], pages: Sequence[Sequence[PdfWord]]
) -> list[SlideFaith]:
    """Per slide: how many drawn lines were found in the PDF, and how far they stand from it
    (the mean and the largest deviation, in points)."""
    result = []
    for number, (lines, page) in enumerate(zip(drawn, pages, strict=True), start=1):
        by_text: dict[str, list[PdfWord]] = {}
        for word in page:
            by_text.setdefault(word.text.split(" ")[0], []).append(word)
        deviations = []
        for text, left, baseline, size in lines:
            top = baseline - ASCENT * size
            distances = [
                max(abs(word.left - left), abs(word.top - top))
                for word in by_text.get(_first_word(text), [])
            ]
            nearest = min(distances, default=REACH + 1)
            if nearest <= REACH:
                deviations.append(nearest)
        result.append(
            SlideFaith(
                number,
                len(lines),
                len(deviations),
                statistics.fmean(deviations) if deviations else 0.0,
                max(deviations, default=0.0),
                sum(1 for deviation in deviations if deviation <= CLOSE),
            )
        )
    return result


def main() -> None:
    """``python bench/faithful.py``: the figures for the demo and the seed deck."""
    import shutil
    import sys
    import tempfile

    root = Path(__file__).resolve().parents[1]
    sys.path.insert(0, str(root))
    from generator.load.dataset import load
    from generator.load.diagnostics import Diagnostics
    from generator.render.deck import lay_out, write_pptx
    from generator.render.deck.svg import draw_all
    from generator.resources import template

    soffice = shutil.which("soffice")
    if soffice is None:
        raise SystemExit("LibreOffice (soffice) is not installed")
    decks = (("demo", root / "status", "2020-08-20"), ("seed", root / "bench/seed", "2020-08-17"))
    with tempfile.TemporaryDirectory(prefix="statusgen-faithful-") as scratch:
        for name, data, date in decks:
            dataset = load(data, Diagnostics())
            meeting = next(m for m in dataset.items("vergadering") if m.datum.isoformat() == date)
            laid = lay_out(dataset, meeting, template=template("default.pptx"))
            drawn = draw_all(laid)
            deck = Path(scratch) / f"{name}.pptx"
            deck.write_bytes(write_pptx(laid).data)
            subprocess.run(
                [soffice, f"-env:UserInstallation=file://{scratch}/lo", "--headless",
                 "--convert-to", "pdf", "--outdir", scratch, str(deck)],
                check=True, capture_output=True,
            )  # fmt: skip
            faith = compare([d.lines for d in drawn], pdf_words(deck.with_suffix(".pdf")))
            lines = sum(s.drawn for s in faith)
            found = sum(s.found for s in faith)
            close = sum(s.close for s in faith)
            mean = sum(s.mean * s.found for s in faith) / found
            worst = max(faith, key=lambda s: s.mean)
            print(
                f"{name}: {len(faith)} slides, {lines} lines; found {found / lines:.1%}, "
                f"within {CLOSE} pt {close / lines:.1%}; mean deviation {mean:.2f} pt; "
                f"worst slide mean {worst.mean:.2f} pt (slide {worst.number}); "
                f"largest {max(s.worst for s in faith):.1f} pt"
            )


if __name__ == "__main__":
    main()
