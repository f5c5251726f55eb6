"""Reading the outputs back as text, to see that every word of the data reached them."""

from __future__ import annotations

import re
import zipfile
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, BinaryIO

from lxml import etree
from openpyxl import load_workbook
from pptx.oxml.ns import qn


def _xml_texts(raw: bytes, tag: str) -> str:
    tree = etree.fromstring(raw)
    paragraphs = []
    for para in tree.iter(f"{{*}}{tag}"):
        paragraphs.append("".join(node.text or "" for node in para.iter("{*}t")))
    return "\n".join(paragraphs)


def frame_text(frame: Any) -> str:
    """A text frame's text as python-pptx gives it, but a superscript run (a footnote marker:
    raised, smaller) stands apart as a word, as pdftotext may set it apart."""
    paragraphs = []
    for para in frame.paragraphs:
        parts = []
        for child in para._p:
            name = etree.QName(child).localname
            if name == "br":
                parts.append("\v")
            elif name in ("r", "fld"):
                props = child.find(qn("a:rPr"))
                text = "".join(t.text or "" for t in child.iter(qn("a:t")))
                raised = props is not None and props.get("baseline", "0") != "0"
                parts.append(f" {text} " if raised else text)
        paragraphs.append("".join(parts))
    return "\n".join(paragraphs)


def deck_text(pptx: Path) -> str:
    with zipfile.ZipFile(pptx) as package:
        names = sorted(
            (n for n in package.namelist() if re.fullmatch(r"ppt/slides/slide\d+\.xml", n)),
            key=lambda n: int(re.findall(r"\d+", n)[0]),
        )
        return "\n".join(_xml_texts(package.read(n), "p") for n in names)


def docx_text(docx: Path | BinaryIO) -> str:
    with zipfile.ZipFile(docx) as package:
        return _xml_texts(package.read("word/document.xml"), "p")


def xlsx_text(xlsx: Path | BinaryIO) -> str:
    book = load_workbook(xlsx)
    return "\n".join(
        str(cell.value) for sheet in book for row in sheet.iter_rows() for cell in row if cell.value
    )


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def html_text(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    return "".join(parser.parts)
