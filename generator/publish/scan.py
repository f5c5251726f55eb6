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
import zlib
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
        if archive.comment:
            yield from _binary(f"{name}, zip comment", archive.comment)
        for member in archive.infolist():
            content = archive.read(member)
            place = f"{name}, part {member.filename}"
            # a part's own name: a picture named after someone is found too
            yield place, member.filename
            if member.comment or member.extra:
                yield from _binary(f"{place} (its zip entry)", member.comment + member.extra)
            if member.filename.endswith((".xml", ".rels", ".vml")):
                yield from markup(place, _xml_text(content))
            else:  # pictures, fonts and other binary parts: every encoding text can be in
                yield from _binary(place, content)


#: the most that is inflated of the compressed streams in one part
_INFLATED = 4 * 2**20
_PNG = b"\x89PNG\r\n\x1a\n"
#: a zlib stream's first byte (deflate, 32 KiB window), as PNG text chunks and PDFs write it
_ZLIB = re.compile(rb"\x78[\x01\x5e\x9c\xda]")


def _xml_text(content: bytes) -> str:
    """An XML part as text, in the encoding its byte-order mark says (UTF-8 without one)."""
    if content.startswith((b"\xff\xfe", b"\xfe\xff")):
        return content.decode("utf-16", errors="replace")
    return content.decode("utf-8", errors="replace")


def _binary(place: str, content: bytes, *, depth: int = 0) -> Iterator[tuple[str, str]]:
    """The text a binary part can hold: read as UTF-8, as single bytes, as UTF-16 in both byte
    orders and at both alignments, and each zlib stream in it inflated (a PNG's zTXt and
    compressed iTXt chunks, a font's or an embedded file's compressed tables) and read again."""
    yield place, content.decode("utf-8", errors="replace")
    yield place, content.decode("latin-1")
    for start in (0, 1):
        for encoding in ("utf-16-le", "utf-16-be"):
            yield place, content[start:].decode(encoding, errors="ignore")
    if depth > 1:
        return
    budget = _INFLATED
    for start in _streams(content):
        if budget <= 0:
            break
        try:
            inflated = zlib.decompressobj().decompress(content[start:], budget)
        except zlib.error:
            continue
        if inflated:
            budget -= len(inflated)
            yield from _binary(f"{place} (inflated)", inflated, depth=depth + 1)


def _streams(content: bytes) -> Iterator[int]:
    """Where zlib streams may start: in a PNG, the compressed text chunks (its pixels, IDAT,
    hold no text and are not inflated); in anything else, wherever a zlib header stands."""
    if not content.startswith(_PNG):
        yield from (match.start() for match in _ZLIB.finditer(content))
        return
    at = len(_PNG)
    while at + 8 <= len(content):
        length = int.from_bytes(content[at : at + 4], "big")
        kind, body = content[at + 4 : at + 8], at + 8
        chunk = content[body : body + length]
        if kind == b"zTXt":  # keyword, NUL, method, stream
            yield body + chunk.find(b"\0") + 2
        elif kind == b"iTXt":  # keyword, NUL, compressed?, method, language, NUL, key, NUL
            keyword = chunk.find(b"\0")
            language = chunk.find(b"\0", keyword + 3)
            translated = chunk.find(b"\0", language + 1)
            if chunk[keyword + 1 : keyword + 2] == b"\1" and translated > 0:
                yield body + translated + 1
        at = body + length + 4  # the chunk's CRC


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
