"""A template's package read with limits, before python-pptx opens it.

python-pptx reads every part of a package into memory and parses every XML part, trusting
the sizes and the nesting it finds. A template comes from outside (``deck --template``), so
it is looked at first, from the zip's directory: how many parts, how large each is unpacked
and all together, whether it is an Office package and a presentation at all; then each XML
part is parsed on its own, with the nesting depth counted, no document type declaration and no
entities. What fails names the template and the part. The zip module stops unpacking a part at
the size its directory declares, so the declared sizes bound what is read.
"""

from __future__ import annotations

import zipfile
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import IO

from lxml import etree

from generator.exceptions import UsageError

MiB = 2**20
#: the largest part unpacked (a template's largest parts are pictures and fonts)
MAX_PART = 50 * MiB
#: all parts together, unpacked
MAX_TOTAL = 200 * MiB
#: parts in the package (a template with a hundred layouts has a few hundred)
MAX_PARTS = 2_000
#: elements nested in one XML part (PowerPoint writes fewer than 30)
MAX_DEPTH = 100

_END = b"PK\x05\x06"  # end of central directory record
_END64_LOCATOR = b"PK\x06\x07"


class TemplateError(UsageError):
    """Raised when a template cannot be used: not a presentation, too large, malformed."""

    def __init__(self, path: Path | Traversable, problem: str) -> None:
        super().__init__(f"the template {path} cannot be used: {problem}")


def check(path: Path | Traversable) -> None:
    """Raise a TemplateError when ``path`` is not a .pptx that is safe to open."""
    try:
        with path.open("rb") as file:
            count = _entries(file)
            if count is None:
                raise TemplateError(path, "it is not a PowerPoint file (.pptx is a zip package)")
            if count > MAX_PARTS:
                raise TemplateError(path, f"it has {count:,} parts; the limit is {MAX_PARTS:,}")
            with zipfile.ZipFile(file) as package:
                _check_package(path, package)
    except zipfile.BadZipFile as exc:
        raise TemplateError(path, f"it is not a readable zip package ({exc})") from None
    except (NotImplementedError, RuntimeError) as exc:  # a compression method, a password
        raise TemplateError(path, f"its parts cannot be unpacked ({exc})") from None
    except (OSError, EOFError) as exc:
        raise TemplateError(path, f"it cannot be read ({exc})") from None


def _entries(file: IO[bytes]) -> int | None:
    """How many entries the zip's directory holds, read from its end record before the
    directory itself is read (a small file can declare millions); None: no zip."""
    file.seek(0, 2)
    size = file.tell()
    tail_size = min(size, 22 + 0xFFFF)  # the record, and a comment of at most 64 KiB
    file.seek(size - tail_size)
    tail = file.read(tail_size)
    at = tail.rfind(_END)
    if at < 0 or len(tail) - at < 22:
        return None
    count = int.from_bytes(tail[at + 10 : at + 12], "little")
    if count != 0xFFFF or at < 20 or tail[at - 20 : at - 16] != _END64_LOCATOR:
        return count
    # zip64: the locator says where the zip64 end record is, which holds the real count
    offset = int.from_bytes(tail[at - 12 : at - 4], "little")
    if offset + 56 > size:
        return None
    file.seek(offset)
    record = file.read(56)
    if record[:4] != b"PK\x06\x06":
        return None
    return int.from_bytes(record[32:40], "little")


def _check_package(path: Path | Traversable, package: zipfile.ZipFile) -> None:
    infos = package.infolist()
    if len(infos) > MAX_PARTS:
        raise TemplateError(path, f"it has {len(infos):,} parts; the limit is {MAX_PARTS:,}")
    total = 0
    for info in infos:
        if info.file_size > MAX_PART:
            raise TemplateError(
                path,
                f"its part {info.filename} is {_mib(info.file_size)} unpacked; "
                f"the limit is {_mib(MAX_PART)} per part",
            )
        total += info.file_size
    if total > MAX_TOTAL:
        raise TemplateError(path, f"it is {_mib(total)} unpacked; the limit is {_mib(MAX_TOTAL)}")
    names = {info.filename for info in infos}
    if "[Content_Types].xml" not in names:
        raise TemplateError(path, "it is a zip package but not an Office file (.pptx)")
    if "ppt/presentation.xml" not in names:
        kind = (
            "a Word document" if "word/document.xml" in names
            else "an Excel workbook" if "xl/workbook.xml" in names
            else "an Office file"
        )  # fmt: skip
        raise TemplateError(path, f"it is {kind}, not a PowerPoint presentation (.pptx)")
    for info in infos:
        if info.filename.endswith((".xml", ".rels", ".vml")):
            _check_xml(path, package, info)


def _check_xml(path: Path | Traversable, package: zipfile.ZipFile, info: zipfile.ZipInfo) -> None:
    """Parse one XML part as a stream: well-formed, without a DTD, at most MAX_DEPTH deep."""
    depth = 0
    try:
        with package.open(info) as stream:
            events = etree.iterparse(
                stream,
                events=("start", "end"),
                resolve_entities=False,
                load_dtd=False,
                no_network=True,
                huge_tree=False,
            )
            for event, element in events:
                if event == "end":
                    depth -= 1
                    element.clear()
                    continue
                if depth == 0 and element.getroottree().docinfo.doctype:
                    raise TemplateError(
                        path, f"its part {info.filename} has a document type declaration"
                    )
                depth += 1
                if depth > MAX_DEPTH:
                    raise TemplateError(
                        path,
                        f"its part {info.filename} nests elements deeper than {MAX_DEPTH} levels",
                    )
    except etree.XMLSyntaxError as exc:
        raise TemplateError(
            path, f"its part {info.filename} is not well-formed XML: {exc}"
        ) from None


def _mib(size: int) -> str:
    return f"{size / MiB:,.1f} MiB"
