"""Count what a typesetter would send back in the print documents, page by page.

    python bench/typography.py [--root CHECKOUT --python CHECKOUT/.venv/bin/python] [--office]

Builds, with the statusgen of ``--root`` (this checkout by default, so the previous release can
be measured from its own checkout), the progress report of the demo data, the action table of
the demo data and of 86 actions (bench/dataset.py), and the besluitenlijst of each demo meeting.
With ``--office`` the DOCX and XLSX are measured too, as LibreOffice prints them. Per PDF it
counts, with ``pdftotext -bbox-layout`` (poppler):

- hyphenated line ends, in all and per page;
- words hyphenated across a page or column end (the rule: 0);
- hyphenated words shorter than 8 letters, or with fewer than 3 letters on a side (the rule: 0);
- runs of more than two hyphenated lines in a row (the rule: 0);
- pages less than a quarter filled, the cover and the colofon aside;
- the smallest font size on a page (pypdf), in the body and in the running header and footer.

The measuring functions are also used by the tests (``tests/test_typography.py``).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

ROOT = Path(__file__).resolve().parents[1]
NS = "{http://www.w3.org/1999/xhtml}"
#: the body lies between these fractions of the page's height; above and below are the running
#: header and footer (the house style's margins: 24/22 mm of 297 upright, 17/16 mm of 210 on
#: its side; LibreOffice's pages are alike)
TOP, BOTTOM = 0.075, 0.93
HYPHENS = "-\u2010\u00ad"


@dataclass
class Line:
    page: int
    x0: float
    y0: float
    x1: float
    y1: float
    words: list[str]


@dataclass
class Measures:
    name: str
    pages: int = 0
    hyphenated: int = 0
    per_page: list[int] = field(default_factory=list)
    across: list[str] = field(default_factory=list)
    short: list[str] = field(default_factory=list)
    runs: int = 0
    sparse: list[int] = field(default_factory=list)
    fill: list[float] = field(default_factory=list)
    body_pt: float = 0.0
    margin_pt: float = 0.0

    def row(self) -> str:
        most = max(self.per_page, default=0)
        return (
            f"{self.name:34} {self.pages:>5} {self.hyphenated:>6} {most:>5} "
            f"{len(self.across):>6} {len(self.short):>6} {self.runs:>5} "
            f"{','.join(map(str, self.sparse)) or '-':>8} "
            f"{self.body_pt:>6.1f} {self.margin_pt:>6.1f}"
        )


HEADER = (
    f"{'document':34} {'pages':>5} {'hyph':>6} {'/page':>5} {'across':>6} {'short':>6} "
    f"{'runs':>5} {'sparse':>8} {'bodypt':>6} {'headpt':>6}"
)


def lines(pdf: Path) -> tuple[list[list[Line]], list[tuple[float, float]]]:
    """The text lines of every page, in pdftotext's reading order, and each page's size."""
    out = subprocess.run(
        ["pdftotext", "-bbox-layout", str(pdf), "-"], capture_output=True, check=True
    ).stdout
    tree = ET.fromstring(out)
    pages: list[list[Line]] = []
    sizes: list[tuple[float, float]] = []
    for number, page in enumerate(tree.iter(f"{NS}page"), start=1):
        sizes.append((float(page.get("width", 0)), float(page.get("height", 0))))
        found = []
        for line in page.iter(f"{NS}line"):
            words = [w.text or "" for w in line.iter(f"{NS}word")]
            box = [float(line.get(k, 0)) for k in ("xMin", "yMin", "xMax", "yMax")]
            if words:
                found.append(Line(number, *box, words))
        pages.append(found)
    return pages, sizes


def _letters(word: str) -> str:
    return "".join(c for c in word if c.isalpha())


def _hyphen_prefix(line: Line) -> str | None:
    """The part before the hyphen when the line ends in a hyphenated word, else None."""
    raw = line.words[-1]
    # a soft hyphen that did not break is in the text too (Typst keeps it): only a last one is
    # the line's break, which Typst's text has as a soft hyphen and LibreOffice's as "-"
    shy = raw.endswith("\u00ad")
    last = raw.rstrip("\u00ad").replace("\u00ad", "") + ("\u00ad" if shy else "")
    if len(last) < 2 or last[-1] not in HYPHENS or not last[-2].isalpha():
        return None
    prefix = re.split(r"[^\w-]", last[:-1])[-1]
    if "-" in prefix:  # a compound's own hyphen before: the break is after its last part
        prefix = prefix.rsplit("-", 1)[-1]
    if not shy:
        # a visible hyphen is the text's own ("ex-partners", "herstel- en"): Typst and
        # LibreOffice both write the hyphen of a break they made as a soft hyphen in the text
        return None
    return prefix


#: the line after each line, as ``measure`` found it (for the visible-hyphen check)
line_after: dict[int, Line] = {}


def _is_point(prefix: str, following: Line) -> bool:
    import pyphen

    rest = re.match(r"[^\W\d_]+", following.words[0].replace("\u00ad", ""))
    if not rest:
        return False
    word = prefix + rest.group(0)
    return len(prefix) in pyphen.Pyphen(lang="nl_NL", left=1, right=1).positions(word)


def _continues(prefix: str, line: Line) -> str | None:
    """The rest of the word on ``line`` when it goes on from ``prefix``, else None."""
    first = line.words[0].replace("\u00ad", "")
    rest = re.match(r"[^\W\d_]+", first)
    if not rest or not first[0].islower():
        return None
    return rest.group(0)


def _below(line: Line, others: list[Line]) -> Line | None:
    """The nearest line under ``line`` in the same column."""
    under = [
        o
        for o in others
        if o is not line and o.y0 > line.y0 + 1 and o.x0 < line.x1 - 2 and o.x1 > line.x0 + 2
    ]
    return min(under, key=lambda o: (o.y0, abs(o.x0 - line.x0)), default=None)


def measure(pdf: Path, name: str, allowed: set[int] | None = None) -> Measures:
    """The measures of one PDF; ``allowed`` pages may be less than a quarter filled."""
    pages, sizes = lines(pdf)
    result = Measures(name, pages=len(pages))
    allowed = allowed if allowed is not None else {1}
    for index, page in enumerate(pages):
        height = sizes[index][1]
        body = [ln for ln in page if ln.y0 >= TOP * height and ln.y1 <= BOTTOM * height]
        for line in body:
            nxt = _below(line, body)
            if nxt is not None:
                line_after[id(line)] = nxt
        count = 0
        hyphenated_rows: list[float] = []
        for line in body:
            prefix = _hyphen_prefix(line)
            if prefix is None:
                continue
            nxt = _below(line, body)
            rest = _continues(prefix, nxt) if nxt else None
            if nxt is None or nxt.y0 - line.y1 > 2.2 * (line.y1 - line.y0):
                # the last line of its column on this page: does the word go on over the page?
                following = pages[index + 1] if index + 1 < len(pages) else []
                h2 = sizes[index + 1][1] if index + 1 < len(pages) else height
                top = [
                    ln
                    for ln in following
                    if ln.y0 >= TOP * h2 and ln.x0 < line.x1 and ln.x1 > line.x0
                ]
                for candidate in sorted(top, key=lambda ln: ln.y0):
                    rest = _continues(prefix, candidate)
                    if rest is not None:
                        break
                if rest is None:
                    continue
                result.across.append(f"p{index + 1}: {prefix}-/{rest}")
            elif rest is None:
                continue
            count += 1
            hyphenated_rows.append(line.y0)
            word = _letters(prefix + rest)
            if len(word) < 8 or len(_letters(prefix)) < 3 or len(rest) < 3:
                result.short.append(f"p{index + 1}: {prefix}-{rest}")
        result.hyphenated += count
        result.per_page.append(count)
        result.runs += _runs(body)
        if body:
            top_y = TOP * height
            extent = (max(ln.y1 for ln in body) - top_y) / ((BOTTOM - TOP) * height)
        else:
            extent = 0.0
        result.fill.append(round(extent, 2))
        if extent < 0.25 and index + 1 not in allowed:
            result.sparse.append(index + 1)
    result.body_pt, result.margin_pt = font_sizes(pdf)
    return result


def _runs(body: list[Line]) -> int:
    """How many runs of more than two hyphenated lines in a row a page has."""
    runs = 0
    for line in body:
        n = 0
        current: Line | None = line
        while current is not None and _hyphen_prefix(current) is not None:
            n += 1
            current = _below(current, body)
            if current is not None and _continues("", current) is None:
                break
        if n == 3:
            runs += 1
    return runs


def font_sizes(pdf: Path) -> tuple[float, float]:
    """The smallest font size in the body and in the running header and footer, in points."""
    from pypdf import PdfReader

    reader = PdfReader(pdf)
    body, margin = 99.0, 99.0
    for page in reader.pages:
        height = float(page.mediabox.height)

        def visit(
            text: str,
            cm: list[float],
            tm: list[float],
            font: object,
            size: float,
            height: float = height,
        ) -> None:
            nonlocal body, margin
            # a note's number and an ordinal's ending are superscripts: small by design
            if not text.strip() or not size or re.fullmatch(r"\s*(\d+|e|de|ste)\s*", text):
                return
            scale = abs(tm[3] * cm[3]) or abs(tm[0] * cm[0]) or 1.0
            points = round(size * scale, 1)
            y = tm[5] * cm[3] + cm[5]
            if points < 3:  # a strut or an invisible mark
                return
            if y > (1 - TOP) * height or y < (1 - BOTTOM) * height:
                margin = min(margin, points)
            else:
                body = min(body, points)

        page.extract_text(visitor_text=visit)
    return (body if body < 99 else 0.0), (margin if margin < 99 else 0.0)


def office_pdf(document: Path, folder: Path) -> Path:
    """A DOCX or XLSX as LibreOffice prints it."""
    subprocess.run(
        ["soffice", "--headless", "--norestore", f"-env:UserInstallation=file://{folder}/lo",
         "--convert-to", "pdf", "--outdir", str(folder), str(document)],
        capture_output=True, timeout=600, check=False,
    )  # fmt: skip
    return folder / (document.stem + ".pdf")


def build(
    root: Path, work: Path, office: bool, python: str = sys.executable
) -> list[tuple[str, Path, set[int] | None]]:
    """Make the documents with the statusgen of ``root``; (name, pdf, allowed sparse pages)."""
    import dataset

    env = {**os.environ, "PYTHONPATH": str(root)}
    run = [python, "-m", "generator"]
    demo = root / "status"
    dataset.DEMO = demo  # the 86 actions from the measured checkout's own demo data
    big = dataset.make(work / "data-86", werkstromen=13, acties=86)
    made: list[tuple[str, Path, set[int] | None]] = []

    def cli(*args: str) -> None:
        subprocess.run([*run, *args], cwd=root, env=env, check=True, capture_output=True)

    out = work / "report"
    cli("report", "vgr-2021-1", "--data", str(demo), "--output", str(out), "--format", "pdf")
    pages = _pages(out / "vgr-2021-1.pdf")
    made.append(("report (demo)", out / "vgr-2021-1.pdf", {1, pages}))
    for label, data in (("demo", demo), ("86", big)):
        out = work / f"actions-{label}"
        formats = "pdf,docx,xlsx" if office else "pdf"
        cli("actions", "--data", str(data), "--output", str(out), "--format", formats)
        made.append((f"actions PDF ({label})", out / "actietabel.pdf", None))
        if office:
            for suffix in ("docx", "xlsx"):
                pdf = office_pdf(out / f"actietabel.{suffix}", out / suffix)
                made.append((f"actions {suffix.upper()} ({label})", pdf, None))
    for meeting in sorted(p.stem for p in (demo / "vergaderingen").glob("*.yaml")):
        out = work / f"besluiten-{meeting}"
        formats = "pdf,docx" if office else "pdf"
        cli("besluitenlijst", "--data", str(demo), "--output", str(out),
            "--vergadering", meeting, "--format", formats)  # fmt: skip
        made.append((f"besluitenlijst PDF {meeting}", out / f"besluitenlijst-{meeting}.pdf", set()))
        if office:
            pdf = office_pdf(out / f"besluitenlijst-{meeting}.docx", out / "docx")
            made.append((f"besluitenlijst DOCX {meeting}", pdf, set()))
    return made


def _pages(pdf: Path) -> int:
    from pypdf import PdfReader

    return len(PdfReader(pdf).pages)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--root", type=Path, default=ROOT, help="the checkout to measure")
    parser.add_argument(
        "--python",
        default=sys.executable,
        help="the Python whose statusgen to run (another checkout's venv: an editable install "
        "finds its templates in its own checkout)",
    )
    parser.add_argument("--office", action="store_true", help="DOCX and XLSX too (LibreOffice)")
    parser.add_argument("--keep", type=Path, help="keep the documents in this folder")
    parser.add_argument("--verbose", action="store_true", help="list each finding")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        print(HEADER)
        for name, pdf, allowed in build(args.root.resolve(), work, args.office, args.python):
            measures = measure(pdf, name, allowed)
            print(measures.row())
            if args.verbose:
                for finding in measures.across + measures.short:
                    print("   ", finding)
                print("    fill:", measures.fill)
        if args.keep:
            if args.keep.exists():
                shutil.rmtree(args.keep)
            shutil.copytree(work, args.keep)


if __name__ == "__main__":
    main()
