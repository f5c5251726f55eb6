"""The text a reader (or a search engine) can get out of a finished file, by format, for the last
check of a public version: every part of an Office zip, the text and metadata of a PDF, HTML
with and without its markup, iCalendar unfolded, plain text as it is.

Each text comes with the place it was found, so that a refusal can say where the name is.
"""

from __future__ import annotations

import html
import io
import re
import zipfile
from collections.abc import Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pypdf import PdfReader

_TAG = re.compile(r"<[^>]*>")
_ATTRIBUTE = re.compile(r"""=\s*(?:"([^"]*)"|'([^']*)')""")
_ICS_FOLD = re.compile(r"\r?\n[ \t]")
_ICS_ESCAPE = re.compile(r"\\([\\;,nN])")


def texts(name: str, data: bytes) -> Iterator[tuple[str, str]]:
    """(place, text) for everything readable in the file ``name`` holding ``data``."""
    if data[:4] == b"PK\x03\x04":
        yield from _zip(name, data)
    elif data[:5] == b"%PDF-":
        yield from _pdf(name, data)
    else:
        text = data.decode("utf-8", errors="replace")
        if name.endswith(".ics") or text.startswith("BEGIN:VCALENDAR"):  # standard output too
            text = _ICS_ESCAPE.sub(lambda m: " " if m[1] in "nN" else m[1], _ICS_FOLD.sub("", text))
        if "<" in text:
            yield from markup(name, text)
        else:
            yield name, text


def markup(place: str, text: str) -> Iterator[tuple[str, str]]:
    """XML or HTML: the text with tags removed (runs split by markup joined again), with tags
    as spaces (paragraphs kept apart), and the attribute values (alt texts, titles, metadata)."""
    yield place, html.unescape(_TAG.sub("", text))
    yield place, html.unescape(_TAG.sub(" ", text))
    values = (a or b for a, b in _ATTRIBUTE.findall(text))
    yield place, html.unescape("\n".join(values))


def _zip(name: str, data: bytes) -> Iterator[tuple[str, str]]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for member in archive.infolist():
            content = archive.read(member)
            place = f"{name}, part {member.filename}"
            if member.filename.endswith((".xml", ".rels", ".vml")):
                yield from markup(place, content.decode("utf-8", errors="replace"))
            else:  # pictures and other binary parts: names in their metadata
                yield place, content.decode("latin-1")
                yield place, content.decode("utf-16-le", errors="ignore")


def _pdf(name: str, data: bytes) -> Iterator[tuple[str, str]]:
    import logging

    from pypdf import PdfReader

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    reader = PdfReader(io.BytesIO(data))
    info = reader.metadata
    if info is not None:
        yield f"{name}, metadata", "\n".join(str(value) for value in info.values())
    xmp = reader.root_object.get("/Metadata")
    if xmp is not None:
        yield from markup(f"{name}, XMP metadata", xmp.get_object().get_data().decode("utf-8"))
    yield f"{name}, strings", "\n".join(_strings(reader))
    for number, page in enumerate(reader.pages, start=1):
        text = page.extract_text() or ""
        yield f"{name}, page {number}", text
        # words hyphenated at a line end, read as one
        yield f"{name}, page {number}", re.sub(r"-\s*\n\s*", "", text)


def _strings(reader: PdfReader) -> Iterator[str]:
    """Every text string in the PDF's objects outside the page contents: bookmarks, alternative
    texts and ActualText of the tags, link targets, annotations."""
    from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, TextStringObject

    seen: set[tuple[int, int]] = set()
    stack: list[object] = [reader.root_object]
    while stack:
        value = stack.pop()
        if isinstance(value, IndirectObject):
            key = (value.idnum, value.generation)
            if key in seen:
                continue
            seen.add(key)
            value = value.get_object()
        if isinstance(value, TextStringObject):
            yield str(value)
        elif isinstance(value, DictionaryObject):
            stack.extend(v for k, v in value.items() if k not in ("/Parent", "/P"))
        elif isinstance(value, ArrayObject):
            stack.extend(value)
