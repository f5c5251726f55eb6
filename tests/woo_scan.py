"""An independent scanner for the public version: every text a reader, a search engine or a
curious colleague could get out of an output, normalised so that no spelling hides a name.

It shares no code with the matcher under test (generator.model.names): it reads every byte in
several encodings, every part of a zip (recursively, inflated), PNG text chunks, a PDF's text
(pypdf) and every one of its streams inflated, Markdown rendered; and it normalises on its own:
character references and tags out, Markdown marks and link targets out, escapes decoded,
default-ignorable code points out, NFKD without marks, case folded, lookalikes of other scripts
mapped to the Latin letter (Unicode's confusables, read from the data file directly), and a
variant with nothing but letters, so that a name split by any markup is one word again.
"""

from __future__ import annotations

import html
import io
import json
import re
import unicodedata
import zipfile
import zlib
from functools import cache
from pathlib import Path

import regex

_IGNORABLE = regex.compile(r"\p{Default_Ignorable_Code_Point}")
_APOSTROPHES = re.compile(r"[\u2018\u2019\u201b\u02bc\u02bb\u00b4\u2032\uff07`]")
_HYPHENS = re.compile(r"[\u2010\u2011\u2012\u2013\u2212\ufe63\uff0d]")


@cache
def _lookalikes() -> dict[str, str]:
    import confusable_homoglyphs

    data = json.loads(
        (Path(confusable_homoglyphs.__file__).parent / "confusables.json").read_text("utf-8")
    )
    table = {}
    for char, entries in data.items():
        if len(char) == 1 and not char.isascii() and len(entries) == 1:
            target = entries[0]["c"].strip("\u200e")
            plain = "".join(c for c in unicodedata.normalize("NFKD", target) if c.isascii())
            if plain.isalpha():
                table[char] = "i" if plain == "l" and char.isupper() else plain.lower()
    return table


def normalised(text: str) -> str:
    """``text`` as the scanner compares it."""
    text = html.unescape(html.unescape(text))
    text = re.sub(r"<[^>]*>", "", text)
    text = re.sub(r"\]\([^)]*\)", "", text)
    text = re.sub(r"\\[ntr]", " ", text)
    text = re.sub(r"\\u([0-9a-fA-F]{4})", lambda m: chr(int(m[1], 16)), text)
    text = _IGNORABLE.sub("", text)
    text = _HYPHENS.sub("-", _APOSTROPHES.sub("'", text))
    table = _lookalikes()
    text = "".join(table.get(c, c) for c in text)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = "".join(table.get(c, c) for c in text)
    text = re.sub(r"-\s*\n\s*", "", text)
    return re.sub(r"[*_~\[\]]", "", text)


def letters(text: str) -> str:
    """Only the letters of a normalised text: a name split by anything is whole again."""
    return "".join(c for c in text if c.isalpha() or c == "'")


def texts(name: str, data: bytes, depth: int = 0) -> list[str]:
    """Every text in the file ``name`` holding ``data``."""
    found = [data.decode(codec, "ignore") for codec in ("utf-8", "utf-16-le", "utf-16-be")]
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:  # binary: any byte may be a letter
        found.append(data.decode("latin-1"))
    if depth < 3 and data[:4] == b"PK\x03\x04":
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            for member in archive.namelist():
                found.append(member)
                found += texts(member, archive.read(member), depth + 1)
    if data[:5] == b"%PDF-":
        found += _pdf(data)
    if data[:8] == b"\x89PNG\r\n\x1a\n":
        found += _png(data)
    if name.endswith(".md"):
        from markdown_it import MarkdownIt

        found.append(MarkdownIt("commonmark").render(data.decode("utf-8", "ignore")))
    return found


def _pdf(data: bytes) -> list[str]:
    import logging

    from pypdf import PdfReader

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    found = []
    for stream in re.finditer(rb"stream\r?\n(.*?)endstream", data, re.DOTALL):
        try:
            found.append(zlib.decompressobj().decompress(stream[1]).decode("latin-1"))
        except zlib.error:
            continue
    reader = PdfReader(io.BytesIO(data))
    found += [page.extract_text() or "" for page in reader.pages]
    if reader.metadata:
        found += [str(value) for value in reader.metadata.values()]
    return found


def _png(data: bytes) -> list[str]:
    found = []
    at = 8
    while at + 8 <= len(data):
        length = int.from_bytes(data[at : at + 4], "big")
        kind, body = data[at + 4 : at + 8], data[at + 8 : at + 8 + length]
        if kind in (b"zTXt", b"iTXt"):
            for start in range(len(body)):
                try:
                    found.append(zlib.decompress(body[start:]).decode("utf-8", "ignore"))
                    break
                except zlib.error:
                    continue
        at += 12 + length
    return found


def readable(name: str, data: bytes) -> list[tuple[str, str]]:
    """Every text in the file, normalised, and its letters alone: read once, searched often."""
    found = []
    for text in texts(name, data):
        flat = normalised(text)
        found.append((flat, letters(flat)))
    return found


def leaks(name: str, data: bytes | list[tuple[str, str]], surnames: list[str]) -> list[str]:
    """The surnames (normalised, as given) found anywhere in the file (its bytes, or what
    ``readable`` read from them)."""
    found = []
    for flat, squeezed in readable(name, data) if isinstance(data, bytes) else data:
        for surname in surnames:
            if surname in flat or letters(surname) in squeezed:
                found.append(f"{surname} in {name}: …{_around(flat, squeezed, surname)}…")
    return sorted(set(found))


def _around(flat: str, squeezed: str, surname: str) -> str:
    at = flat.find(surname)
    if at >= 0:
        return flat[max(0, at - 50) : at + 50]
    at = squeezed.find(letters(surname))
    return squeezed[max(0, at - 50) : at + 50]
