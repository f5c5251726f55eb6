"""The measures of issue #13 on the seed-scale dataset (bench/seed/: all 13 workstreams of the SCT
deck of 17 August 2020 in their own table forms).

    python bench/seed_deck.py [--data bench/seed] [--compat] [--json out.json] [--runs 3]
                              [--no-libreoffice] [--no-timing] [--keep DIR]

It builds the deck as a user does (``statusgen deck``, a new process) and prints:

- slides: the deck's slides, and how many are title slides, dividers and content slides (by the
  slide layout's name). The original deck has about 40.
- near-empty slides: content slides whose body is less than a quarter filled. Measured on the
  paginator's own pages (``generator.render.deck.paginate.paginate``, recorded while ``render``
  runs in this process): the heights of the placed blocks other than the ones repeated on every
  slide of a section (its ``head`` and ``foot``: the trekker line, a legend), divided by the
  body height the section leaves for them (``Geometry.height`` minus head and foot). These are
  the heights the writer gives the PPTX shapes; the pages are matched to the built deck's
  content slides in order, and a difference in count is reported.
- words broken without a hyphen: LibreOffice renders the PPTX (``soffice --convert-to pdf``),
  ``pdftotext -layout`` gives each page's text with its columns, and every word of a slide's
  text is looked for split over consecutive lines of the same table cell or text box: a
  fragment that ends its line in the cell ("Afhankelij") and the rest that starts the next
  line at the same place ("kheid"). A fragment ending in a hyphen is a hyphenated break and is
  counted apart. Words of a slide not on its page at all are listed as lost.
- timings (bench/timing.py, median wall time with interpreter start): the seed deck against
  pandoc on the same content (bench/deck.py's ``html``), and the 10x deck (bench/dataset.py
  ``make``) against its 8 s target.

``--compat`` measures a temporary copy with the fields of issue #13 folded into the older model
(``vorm`` dropped, eindresultaten as strings, per-row themes, dependencies, risks, deadlines
and status texts gathered on the opdracht, unit names dropped from afhankelijkheden, hoofdactie
toelichting moved to the opdracht's) and without the agenda items whose data file is missing:
the numbers of code that does not know the new fields yet.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))

from tests.readback import frame_text  # noqa: E402  (the checkout's root is on the path now)

SEED = HERE / "seed"
MEETING = "2020-08-17"
#: the hand-made deck of 17 August 2020 has about this many slides
ORIGINAL_SLIDES = 40
#: a content slide whose body is filled less than this is near-empty
NEAR_EMPTY = 0.25
TEN_X_TARGET = 8.0
#: the data file each generated part of the deck needs (generator/load/kinds/vergadering.py)
PART_FILES = {"dashboard": "dashboard.yaml", "communicatiekalender": "communicatie.yaml"}


def statusgen() -> list[str]:
    """The installed ``statusgen`` command: the one next to this interpreter, else on PATH,
    else ``python -m generator``."""
    beside = Path(sys.executable).with_name("statusgen")
    if beside.is_file():
        return [str(beside)]
    found = shutil.which("statusgen")
    return [found] if found else [sys.executable, "-m", "generator"]


def deck_command(data: Path, output: Path) -> list[str]:
    return [*statusgen(), "deck", "--data", str(data), "--output", str(output),
            "--vergadering", MEETING]  # fmt: skip


def build(data: Path, output: Path) -> Path:
    """Build the deck of ``data`` with ``statusgen deck``; the PPTX's path."""
    output.mkdir(parents=True, exist_ok=True)
    proc = subprocess.run(deck_command(data, output), capture_output=True, text=True)
    if proc.returncode != 0:
        raise SystemExit(f"statusgen deck failed on {data}:\n{proc.stdout}{proc.stderr}")
    return output / f"sct-{MEETING}.pptx"


# --- the older model -----------------------------------------------------------------------


def compat_copy(source: Path, target: Path) -> list[str]:
    """Copy ``source`` to ``target`` with the fields of issue #13 folded into the older model;
    what was changed, one line each."""
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(source, target)
    notes: list[str] = []
    for path in sorted((target / "werkstromen").glob("*.yaml")):
        document = _load(path)
        changed = _fold_werkstroom(document)
        if changed:
            _dump(path, document)
            notes.append(f"{path.name}: {', '.join(dict.fromkeys(changed))}")
    for path in sorted((target / "vergaderingen").glob("*.yaml")):
        document = _load(path)
        for rubriek in document.get("agenda") or []:
            kept = []
            for item in rubriek.get("items") or []:
                needed = PART_FILES.get(item.get("onderdeel", ""))
                if needed and not (target / needed).is_file():
                    notes.append(f"{path.name}: item '{item['titel']}' left out ({needed} missing)")
                    continue
                kept.append(item)
            rubriek["items"] = kept
        _dump(path, document)
    return notes


def _fold_werkstroom(document: dict[str, Any]) -> list[str]:
    changed: list[str] = []
    if document.pop("vorm", None) is not None:
        changed.append("vorm dropped")
    for opdracht in document.get("opdrachten") or []:
        texts: list[str] = []
        rows = opdracht.get("eindresultaten") or []
        if any(isinstance(row, dict) for row in rows):
            rows = [row if isinstance(row, dict) else {"titel": row} for row in rows]
            opdracht["eindresultaten"] = [row["titel"] for row in rows]
            for key in ("themas", "afhankelijkheden", "risicos"):
                merged = list(opdracht.get(key) or [])
                for row in rows:
                    merged += [v for v in row.get(key) or [] if v not in merged]
                if merged:
                    opdracht[key] = merged
            deadlines = [row["deadline"] for row in rows if "deadline" in row]
            if deadlines and "deadline" not in opdracht:
                dated = [d for d in deadlines if isinstance(d, dt.date)]
                opdracht["deadline"] = max(dated) if dated else deadlines[0]
            texts += [row["toelichting"] for row in rows if row.get("toelichting")]
            changed.append(f"{opdracht['nummer']}: eindresultaten folded")
        for actie in opdracht.get("hoofdacties") or []:
            for key in ("themas", "afhankelijkheden", "risicos"):
                if actie.pop(key, None) is not None:
                    changed.append(f"{opdracht['nummer']}: hoofdactie {key} dropped")
            if actie.get("toelichting"):
                texts.append(actie.pop("toelichting"))
                changed.append(f"{opdracht['nummer']}: hoofdactie toelichting moved")
        afhankelijk = opdracht.get("afhankelijkheden") or []
        numbers = sorted({v for v in afhankelijk if isinstance(v, int)})
        if len(numbers) != len(afhankelijk):
            changed.append(f"{opdracht['nummer']}: unit names dropped from afhankelijkheden")
            if numbers:
                opdracht["afhankelijkheden"] = numbers
            else:
                opdracht.pop("afhankelijkheden")
        unique = list(dict.fromkeys(texts))
        if unique:
            own = [opdracht["toelichting"].strip()] if opdracht.get("toelichting") else []
            opdracht["toelichting"] = "\n\n".join([*own, "\n".join(f"- {t}" for t in unique)])
    return changed


def _load(path: Path) -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return loaded


def _dump(path: Path, document: dict[str, Any]) -> None:
    path.write_text(yaml.safe_dump(document, sort_keys=False, allow_unicode=True), encoding="utf-8")


# --- slides and how full they are ----------------------------------------------------------


@dataclass
class SlideFill:
    slide: int  # number in the deck, from 1
    title: str
    fill: float  # the body's filled part, 0..1


@contextmanager
def _recording() -> Iterator[list[tuple[Any, list[Any], Any]]]:
    """Record (section, pages, geometry) of every ``paginate`` call made while inside."""
    from generator.render.deck import paginate as module

    original = module.paginate
    calls: list[tuple[Any, list[Any], Any]] = []

    def paginate(section: Any, geometry: Any, *args: Any, **kwargs: Any) -> Any:
        pages = original(section, geometry, *args, **kwargs)
        calls.append((section, list(pages), geometry))
        return pages

    module.paginate = paginate  # type: ignore[assignment]
    try:
        yield calls
    finally:
        module.paginate = original  # type: ignore[assignment]


def fills(data: Path) -> tuple[list[SlideFill], int]:
    """How full each content slide's body is, from the paginator's pages; and how many slides
    the deck rendered in this process has (to compare with the built one)."""
    from generator.commands import load_valid
    from generator.render.deck import render
    from generator.resources import template

    dataset = load_valid(data)
    meeting = next(m for m in dataset.items("vergadering") if m.datum.isoformat() == MEETING)
    with _recording() as calls:
        rendered = render(dataset, meeting, template=template("default.pptx"))
    if not calls:
        raise SystemExit("render() did not call paginate(): update bench/seed_deck.py's hook")
    from pptx import Presentation

    prs = Presentation(io.BytesIO(rendered.data))
    numbers = [n for n, s in enumerate(prs.slides, start=1) if _role(s) == "content"]
    result: list[SlideFill] = []
    for section, pages, geometry in calls:
        repeated = [*section.head, *section.foot]
        for page in pages:
            body = sum(p.height for p in page.blocks if not any(p.block is r for r in repeated))
            fixed = sum(
                p.height + getattr(p.block, "space_after", 0.0)
                for p in page.blocks
                if any(p.block is r for r in repeated)
            )
            room = max(geometry.height - fixed, 1.0)
            number = numbers[len(result)] if len(result) < len(numbers) else 0
            result.append(SlideFill(number, page.title, min(body / room, 1.0)))
    return result, rendered.slides


def _role(slide: Any) -> str:
    name = slide.slide_layout.name.lower()
    if "title slide" in name:
        return "title"
    if "section" in name:
        return "divider"
    return "content"


def slide_roles(deck: Path) -> list[str]:
    from pptx import Presentation

    return [_role(s) for s in Presentation(str(deck)).slides]


# --- words in LibreOffice ------------------------------------------------------------------


def to_pdf(deck: Path, folder: Path) -> Path:
    """Convert with LibreOffice, with its own profile (parallel runs do not collide)."""
    soffice = shutil.which("soffice")
    if soffice is None:
        raise SystemExit("soffice is not installed (LibreOffice): use --no-libreoffice")
    profile = folder / "lo-profile"
    subprocess.run(
        [soffice, f"-env:UserInstallation=file://{profile}", "--headless",
         "--convert-to", "pdf", "--outdir", str(folder), str(deck)],
        check=True, capture_output=True, timeout=240,
    )  # fmt: skip
    pdf = folder / (deck.stem + ".pdf")
    if not pdf.is_file():
        raise SystemExit(f"LibreOffice did not convert {deck}")
    return pdf


def page_texts(pdf: Path) -> list[str]:
    """Every page's text, laid out in columns (``pdftotext -layout``)."""
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True)
    match = re.search(r"^Pages:\s+(\d+)", info.stdout, re.MULTILINE)
    count = int(match[1]) if match else 0
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    return text.split("\f")[:count]


def slide_texts(deck: Path) -> list[str]:
    """Every slide's text: text frames and table cells."""
    from pptx import Presentation

    result = []
    for slide in Presentation(str(deck)).slides:
        parts = []
        for shape in slide.shapes:
            if shape.has_text_frame:
                parts.append(frame_text(shape.text_frame))
            if shape.has_table:
                parts.extend(
                    frame_text(c.text_frame) for row in shape.table.rows for c in row.cells
                )
        result.append("\n".join(parts))
    return result


def _norm(text: str) -> str:
    return unicodedata.normalize("NFKC", text).replace("\u00a0", " ").lower()


def slide_words(text: str) -> set[str]:
    """The words of a slide's text; soft hyphens are break points, not word ends."""
    return {w for w in re.findall(r"\w+", _norm(text.replace("\u00ad", ""))) if len(w) > 1}


@dataclass(frozen=True)
class _Token:
    line: int
    start: int
    end: int
    text: str
    hyphen: bool  # ends in a hyphen: a hyphenated break if the word goes on
    first: bool  # starts its cell's line (line start, or two spaces before it)
    last: bool  # ends its cell's line (line end, or two spaces after it)


_TOKEN = re.compile(r"(\w+)([-\u00ad\u2010\u2011]?)")


def _tokens(page: str) -> list[list[_Token]]:
    lines = []
    for number, line in enumerate(_norm(page).splitlines()):
        found = []
        for match in _TOKEN.finditer(line):
            before = line[: match.start()]
            after = line[match.end() :]
            found.append(
                _Token(
                    number, match.start(), match.end(), match[1], bool(match[2]),
                    first=not before.strip() or before.endswith("  "),
                    last=not after.strip() or after.startswith("  "),
                )
            )  # fmt: skip
        lines.append(found)
    return lines


def with_markers_apart(words: set[str]) -> set[str]:
    """``words`` and, for each ending in digits, the word without a footnote marker (one or
    two digits) joined to it: pdftotext sets a superscript run now apart from the word before
    it, now joined to it ("populaties1", "3045" for 304 with marker 5)."""
    found = set(words)
    for word in words:
        if word.isdigit():
            found.update(word[:-n] for n in (1, 2) if len(word) - n > 1)
        elif word[-1].isdigit():
            found.add(word.rstrip("0123456789"))
    return found


@dataclass
class Words:
    broken: list[tuple[int, str]] = field(default_factory=list)  # (slide, "afhankelij|kheid")
    hyphenated: list[tuple[int, str]] = field(default_factory=list)
    lost: list[tuple[int, str]] = field(default_factory=list)


def _continuations(lines: list[list[_Token]], token: _Token, rest: str) -> Iterator[list[_Token]]:
    """The tokens that carry on ``rest`` below ``token`` in its cell, line by line."""
    below = token.line + 1
    while below < len(lines) and not lines[below] and below <= token.line + 2:
        below += 1
    if below >= len(lines):
        return
    # the line below in the same cell starts at the cell's left edge: the nearest token that
    # starts a cell's line at or left of where the fragment ends
    starts = [t for t in lines[below] if t.first and token.start - 60 <= t.start <= token.end]
    if not starts:
        return
    nxt = max(starts, key=lambda t: t.start)
    if nxt.text == rest:
        yield [nxt]
    elif rest.startswith(nxt.text) and nxt.last:
        for more in _continuations(lines, nxt, rest[len(nxt.text) :]):
            yield [nxt, *more]


def check_words(slides: list[str], pages: list[str]) -> Words:
    """Words split over lines, with and without a hyphen, and words not on their page."""
    result = Words()
    for number, (text, page) in enumerate(zip(slides, pages, strict=False), start=1):
        lines = _tokens(page)
        on_page = with_markers_apart({t.text for line in lines for t in line})
        explained: set[str] = set()
        for word in sorted(slide_words(text)):
            if word.isdigit():  # "1" above "2" in a column of numbers is not "12" broken
                continue
            for line in lines:
                for token in line:
                    if not token.last or len(token.text) >= len(word):
                        continue
                    if not word.startswith(token.text):
                        continue
                    for pieces in _continuations(lines, token, word[len(token.text) :]):
                        shown = "|".join(p.text for p in (token, *pieces))
                        hyphenated = all(p.hyphen for p in (token, *pieces[:-1]))
                        (result.hyphenated if hyphenated else result.broken).append((number, shown))
                        explained.add(word)
        for word in sorted(slide_words(text) - on_page - explained):
            result.lost.append((number, word))
    return result


# --- timings -------------------------------------------------------------------------------


def timings(data: Path, runs: int) -> dict[str, float]:
    from dataset import make
    from deck import html
    from timing import stack, wall

    result: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        result["seed deck"] = wall(deck_command(data, folder / "out"), runs)
        # what every deck does before its first slide: read and validate the data folder
        result["seed check"] = wall([*statusgen(), "check", "--data", str(data)], runs)
        result["stack"] = stack(sys.executable, runs)
        pandoc = shutil.which("pandoc")
        if pandoc:
            source = folder / "deck.html"
            source.write_text(html(data), encoding="utf-8")
            command = [pandoc, "-f", "html", str(source), "-o", str(folder / "p.pptx")]
            result["seed pandoc"] = wall(command, runs)
        big = make(folder / "10x", werkstromen=130, acties=860)
        command = [*statusgen(), "deck", "--data", str(big), "--output", str(folder / "out10")]
        result["10x deck"] = wall(command, runs)
    return result


# --- the report ----------------------------------------------------------------------------


def measure(
    data: Path, *, libreoffice: bool = True, runs: int = 0, keep: Path | None = None
) -> dict[str, Any]:
    """Every measure of ``data`` as one JSON-able document."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = keep or Path(tmp)
        deck = build(data, folder)
        roles = slide_roles(deck)
        slide_fills, in_process = fills(data)
        report: dict[str, Any] = {
            "data": str(data),
            "slides": len(roles),
            "original_slides": ORIGINAL_SLIDES,
            "title_slides": roles.count("title"),
            "dividers": roles.count("divider"),
            "content_slides": roles.count("content"),
            "near_empty": [asdict(f) for f in slide_fills if f.fill < NEAR_EMPTY],
            "fills": [asdict(f) for f in slide_fills],
        }
        if in_process != len(roles):
            report["warning"] = (
                f"the deck rendered in this process has {in_process} slides, the built one "
                f"{len(roles)}: the fill figures may not be this deck's"
            )
        if libreoffice:
            pdf = to_pdf(deck, folder)
            words = check_words(slide_texts(deck), page_texts(pdf))
            report["broken_words"] = words.broken
            report["hyphenated_words"] = words.hyphenated
            report["lost_words"] = words.lost
        if runs:
            report["timings"] = timings(data, runs)
    return report


def show(report: dict[str, Any]) -> None:
    print(f"data: {report['data']}")
    for note in report.get("compat", []):
        print(f"  compat: {note}")
    print(
        f"slides: {report['slides']} (original about {report['original_slides']}): "
        f"{report['title_slides']} title, {report['dividers']} dividers, "
        f"{report['content_slides']} content"
    )
    near = report["near_empty"]
    print(f"near-empty slides (body < {NEAR_EMPTY:.0%} filled): {len(near)}")
    for item in near:
        print(f"  slide {item['slide']:3}: {item['fill']:5.0%}  {item['title']}")
    if report["fills"]:
        median = statistics.median(f["fill"] for f in report["fills"])
        print(f"median fill of content slides: {median:.0%}")
    if "broken_words" in report:
        print(f"words broken without a hyphen: {len(report['broken_words'])}")
        for slide, word in report["broken_words"]:
            print(f"  slide {slide:3}: {word}")
        print(f"words broken with a hyphen: {len(report['hyphenated_words'])}")
        print(f"words not on their page: {len(report['lost_words'])}")
        for slide, word in report["lost_words"][:20]:
            print(f"  slide {slide:3}: {word}")
    if "timings" in report:
        t = report["timings"]
        if "seed pandoc" in t:
            print(
                f"seed deck: {t['seed deck']:.2f} s; pandoc on the same content: "
                f"{t['seed pandoc']:.2f} s; ratio {t['seed deck'] / t['seed pandoc']:.2f}"
            )
        else:
            print(f"seed deck: {t['seed deck']:.2f} s; pandoc is not installed: no comparison")
        if "seed check" in t:
            print(
                f"  floor: `statusgen check` on the same data {t['seed check']:.2f} s; "
                f"Python importing Click and pydantic, nothing else, {t['stack']:.2f} s"
            )
        print(f"10x deck: {t['10x deck']:.2f} s (target < {TEN_X_TARGET:.0f} s)")
    if "warning" in report:
        print(f"warning: {report['warning']}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=SEED, help="the dataset (default bench/seed)")
    parser.add_argument(
        "--compat",
        action="store_true",
        help="measure a copy folded into the model without the issue #13 fields",
    )
    parser.add_argument("--json", type=Path, help="also write the measures to this file")
    parser.add_argument("--runs", type=int, default=3, help="timed runs per command")
    parser.add_argument("--no-timing", action="store_true", help="skip the timings")
    parser.add_argument("--no-libreoffice", action="store_true", help="skip the word checks")
    parser.add_argument("--keep", type=Path, help="keep the deck and the PDF in this folder")
    args = parser.parse_args()
    os.environ.setdefault("STATUSGEN_CACHE", str(ROOT / ".cache" / "statusgen"))
    with tempfile.TemporaryDirectory() as tmp:
        data = args.data.resolve()
        notes: list[str] = []
        if args.compat:
            notes = compat_copy(data, Path(tmp) / "compat")
            data = Path(tmp) / "compat"
        report = measure(
            data,
            libreoffice=not args.no_libreoffice,
            runs=0 if args.no_timing else args.runs,
            keep=args.keep.resolve() if args.keep else None,
        )
        report["data"] = str(args.data) + (" (compat copy)" if args.compat else "")
        report["compat"] = notes
    show(report)
    if args.json:
        args.json.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
