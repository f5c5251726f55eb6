"""The public version of an Office file (PPTX, DOCX, XLSX): what the data did not put there.

The data reaches a public file already redacted (generator.publish.redact); what is left comes
from the template: its layouts and masters, its document properties (core, app and custom),
a thumbnail picture of its first slide, the printer settings of whoever saved it last. Here the
parts a public file does not need are dropped, and the names in every XML part are replaced,
also where a name is split over runs ("Opgesteld door A. " + "Brinkhuis").
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile

from lxml import etree

from generator.model.names import Names
from generator.publish.scan import markup

#: parts a public file does not need; they can hold a picture of a slide or a printer's owner
_DROPPED = re.compile(r"(^|/)(thumbnail\.[a-z]+|printerSettings/[^/]+)$", re.IGNORECASE)
#: elements whose text runs make one line of text: DrawingML and Word paragraphs, Excel strings
_PARAGRAPHS = frozenset({"p", "si", "is"})
_XML_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, remove_blank_text=False)


def public_package(data: bytes, names: Names) -> bytes:
    """``data`` (a zipped Office file) without thumbnails and printer settings, and with every
    registered name in its XML parts replaced."""
    source = zipfile.ZipFile(io.BytesIO(data))
    dropped = {m.filename for m in source.infolist() if _DROPPED.search(m.filename)}
    out = io.BytesIO()
    with source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for member in source.infolist():
            if member.filename in dropped:
                continue
            content = source.read(member)
            if member.filename.endswith((".xml", ".rels", ".vml")):
                content = _public_xml(member.filename, content, names, dropped)
            target.writestr(member.filename, content, compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


def _public_xml(part: str, content: bytes, names: Names, dropped: set[str]) -> bytes:
    texts = markup(part, content.decode("utf-8", errors="replace"))
    may_hold = any(names.may_hold(text) for _, text in texts)
    if not may_hold and (not dropped or not part.endswith((".rels", "[Content_Types].xml"))):
        return content  # most parts: nothing to change, no need to parse them
    root = etree.fromstring(content, _XML_PARSER)
    changed = False
    if dropped:
        changed |= _forget(part, root, dropped)
    if not may_hold:
        return _serialised(root) if changed else content
    in_paragraphs: set[etree._Element] = set()
    for paragraph in root.iter():
        if (
            not isinstance(paragraph.tag, str)
            or etree.QName(paragraph).localname not in _PARAGRAPHS
        ):
            continue
        runs = [e for e in paragraph.iter() if isinstance(e.tag, str) and _local(e) == "t"]
        in_paragraphs.update(runs)
        joined = "".join(run.text or "" for run in runs)
        redacted = names.redact(joined)
        if redacted != joined:
            runs[0].text = redacted
            for run in runs[1:]:
                run.text = ""
            changed = True
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        if element.text and element not in in_paragraphs:
            text = names.redact(element.text)
            changed |= text != element.text
            element.text = text
        if element.tail and element.tail.strip():
            tail = names.redact(element.tail)
            changed |= tail != element.tail
            element.tail = tail
        for attribute, value in element.attrib.items():
            redacted = names.redact(value)
            if redacted != value:
                element.set(attribute, redacted)
                changed = True
    return _serialised(root) if changed else content


def _serialised(root: etree._Element) -> bytes:
    standalone = root.getroottree().docinfo.standalone
    result: bytes = etree.tostring(
        root, xml_declaration=True, encoding="UTF-8", standalone=standalone
    )
    return result


def _local(element: etree._Element) -> str:
    name: str = etree.QName(element).localname
    return name


def _forget(part: str, root: etree._Element, dropped: set[str]) -> bool:
    """Remove the relationships and content types of the dropped parts."""
    changed = False
    if part.endswith(".rels"):
        # _rels/x.xml.rels holds the relationships of x.xml: targets are relative to x's folder
        base = posixpath.dirname(posixpath.dirname(part))
        for rel in list(root):
            target = rel.get("Target", "")
            resolved = (
                target.lstrip("/")
                if target.startswith("/")
                else posixpath.normpath(posixpath.join(base, target))
            )
            if rel.get("TargetMode") != "External" and resolved in dropped:
                root.remove(rel)
                changed = True
    elif part == "[Content_Types].xml":
        for override in list(root):
            if override.get("PartName", "").lstrip("/") in dropped:
                root.remove(override)
                changed = True
    return changed
