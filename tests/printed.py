"""Reading a typeset PDF back as its readers' tools do: poppler's pdfinfo (metadata, XMP),
pdffonts (embedding), pdftotext (the words, page by page) and pdftoppm (a page as pixels)."""

from __future__ import annotations

import io
import re
import subprocess
from pathlib import Path
from typing import Any

from PIL import Image
from pypdf import PdfReader

from tests.office import need

#: text that is Typst syntax, put in data fields: it must come out as typed, and do nothing
HOSTILE = '#read("/etc/passwd") #import "x.typ" ] $x$ *b* <label> @ref'
#: the same in a Markdown field, where a literal *b* is written \*b\*
HOSTILE_MD = HOSTILE.replace("*b*", r"\*b\*")


def xmp(pdf: Path) -> str:
    return subprocess.run(
        [need("pdfinfo"), "-meta", str(pdf)], check=True, capture_output=True, text=True
    ).stdout


def fonts(pdf: Path) -> list[tuple[str, str]]:
    """(name, embedded) for every font pdffonts lists."""
    output = subprocess.run(
        [need("pdffonts"), str(pdf)], check=True, capture_output=True, text=True
    ).stdout
    rows = []
    for line in output.splitlines()[2:]:
        parts = line.split()
        # name, type (one or two words), encoding, emb, sub, uni, object, id
        rows.append((parts[0], parts[-5]))
    return rows


def page_image(pdf: Path, page: int, *, dpi: int = 144) -> Image.Image:
    """Page ``page`` (from 1) as poppler renders it, in RGB."""
    png = subprocess.run(
        [need("pdftoppm"), "-r", str(dpi), "-png", "-f", str(page), "-l", str(page), str(pdf)],
        check=True,
        capture_output=True,
    ).stdout
    return Image.open(io.BytesIO(png)).convert("RGB")


def text_pieces(pdf: Path, page: int) -> list[tuple[str, str, float, float]]:
    """Every piece of text a page shows (``page`` counts from 0) as pypdf reads its content
    stream: (text, font, size in points, height of its baseline)."""
    pieces: list[tuple[str, str, float, float]] = []

    def visit(text: str, cm: Any, tm: Any, font: Any, size: float) -> None:
        if text.strip():
            name = str((font or {}).get("/BaseFont", "")).split("+")[-1]
            pieces.append((text, name, round(size * tm[3], 2), round(tm[5], 1)))

    PdfReader(pdf).pages[page].extract_text(visitor_text=visit)
    return pieces


def word_boxes(pdf: Path) -> list[list[tuple[str, float, float]]]:
    """Every word of every page as pdftotext places it: (word, top, bottom), in points from
    the page's top edge."""
    html = subprocess.run(
        [need("pdftotext"), "-bbox", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    return [
        [
            (word, float(top), float(bottom))
            for top, bottom, word in re.findall(
                r'<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)</word>',
                page,
            )
        ]
        for page in html.split("<page ")[1:]
    ]


def plain_text(pdf: Path) -> str:
    """The PDF's text in reading order, words hyphenated at a line's end joined again and all
    white space as single spaces."""
    text = subprocess.run(
        [need("pdftotext"), str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    text = re.sub("\u00ad\\s*", "", text)
    return re.sub(r"\s+", " ", text)


def heading_tags(pdf: Path) -> list[int]:
    """The levels of the H1-H6 elements of the PDF's structure tree, in reading order."""
    levels: list[int] = []

    def walk(node: Any) -> None:
        node = node.get_object() if hasattr(node, "get_object") else node
        if isinstance(node, list):
            for child in node:
                walk(child)
        elif isinstance(node, dict):
            kind = str(node.get("/S", ""))
            if re.fullmatch(r"/H[1-6]", kind):
                levels.append(int(kind[2]))
            if "/K" in node:
                walk(node["/K"])

    walk(PdfReader(pdf).trailer["/Root"]["/StructTreeRoot"]["/K"])
    return levels


def number_sizes(pdf: Path) -> dict[str, list[float]]:
    """The sizes (pt) at which each number that stands alone is set in regular Liberation Sans,
    such as a footnote's number, in reading order; as pypdf reads the text operations."""
    sizes: dict[str, list[float]] = {}

    def visit(text: str, cm: Any, tm: Any, font: Any, size: float) -> None:
        name = str(font.get("/BaseFont", "")) if font is not None else ""
        if text.strip().isdigit() and name.endswith("+LiberationSans"):
            sizes.setdefault(text.strip(), []).append(round(abs(size * tm[3]), 2))

    for page in PdfReader(pdf).pages:
        page.extract_text(visitor_text=visit)
    return sizes


def squeezed(text: str) -> str:
    """``text`` without any white space, lower case: to find a text wherever lines broke it."""
    return re.sub(r"\s+", "", text).lower()


def assert_is_pdf_ua(pdf: Path, *, title: str, author: str) -> None:
    """Tagged, PDF/UA-1 in its XMP, Dutch, titled and authored, every font embedded."""
    from tests.office import pdf_info

    info = pdf_info(pdf)
    assert info["Tagged"] == "yes"
    assert info["Title"] == title
    assert info["Author"] == author
    meta = xmp(pdf)
    assert "<pdfuaid:part>1</pdfuaid:part>" in meta
    assert re.search(r"<dc:language><rdf:Bag><rdf:li>nl</rdf:li>", meta)
    found = fonts(pdf)
    assert found and all(embedded == "yes" for _, embedded in found), found
    assert any(name.endswith("+LiberationSans") for name, _ in found), found
