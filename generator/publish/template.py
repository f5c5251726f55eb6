"""A deck template rebuilt for the public version: only what a deck needs, written anew.

A template comes from outside, and a name can hide in it where no redaction of text looks: an
XML comment, a processing instruction, a CDATA section, a PNG's text chunks (compressed or not),
a JPEG's EXIF or XMP, a font's name table, a part or media file named after someone, custom XML,
comments, a VML drawing. Scanning for those is a race; so for ``--openbaar`` the template is not
scanned but rebuilt from a whitelist:

- kept: the presentation, its slide masters and their layouts, the themes, the presentation,
  view and table-style properties, embedded fonts, and the pictures that masters, layouts and
  themes show; reached by following the relationships from the package's root, by type;
- dropped: everything else (slides, notes and handout masters, document properties, custom
  XML, comments, tags, VML, OLE objects, thumbnails, printer settings, unknown parts), with the
  relationships to it and the XML elements that referred to those relationships;
- every kept XML part is parsed and written again from its tree, without comments, processing
  instructions and CDATA (lxml); every picture is decoded and encoded again without metadata
  (Pillow: no PNG text chunks, no EXIF, no XMP, no ICC profile; the pixels kept), and every
  media part gets a neutral name (``ppt/media/image1.png``), its relationships following it.

What cannot be rebuilt (a malformed part, a picture in a format that cannot be re-encoded) is an
error naming the template and the part. The deck made on the rebuilt template is then searched
in every part and encoding (``generator.publish.scan``) like any public file.
"""

from __future__ import annotations

import io
import os
import posixpath
import zipfile
from collections.abc import Iterator
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import IO, Any

from lxml import etree

from generator.render.deck import package
from generator.render.deck.package import TemplateError

_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PR = "http://schemas.openxmlformats.org/package/2006/relationships"
_CT = "http://schemas.openxmlformats.org/package/2006/content-types"
_REL = f"{_R}/"
#: per kind of part, the relationships it keeps (by the type's last segment) and what kind of
#: part each leads to
_KEEP: dict[str, dict[str, str]] = {
    "root": {"officeDocument": "presentation"},
    "presentation": {
        "slideMaster": "master", "theme": "theme", "presProps": "plain", "viewProps": "plain",
        "tableStyles": "plain", "font": "font",
    },
    "master": {"slideLayout": "layout", "theme": "theme", "image": "image"},
    "layout": {"slideMaster": "master", "image": "image"},
    "theme": {"image": "image"},
    "plain": {},
    "font": {},
    "image": {},
}  # fmt: skip
#: the XML kinds, and the content type each is written with
_OFFICE = "application/vnd.openxmlformats-officedocument"
_XML_KINDS = {
    "presentation": f"{_OFFICE}.presentationml.presentation.main+xml",
    "master": f"{_OFFICE}.presentationml.slideMaster+xml",
    "layout": f"{_OFFICE}.presentationml.slideLayout+xml",
    "theme": f"{_OFFICE}.theme+xml",
}
_PLAIN = {
    "presProps": f"{_OFFICE}.presentationml.presProps+xml",
    "viewProps": f"{_OFFICE}.presentationml.viewProps+xml",
    "tableStyles": f"{_OFFICE}.presentationml.tableStyles+xml",
}
_RELS_TYPE = "application/vnd.openxmlformats-package.relationships+xml"
#: picture formats that are decoded and encoded again, with their extension and content type
_PICTURES = {
    "PNG": ("png", "image/png"),
    "JPEG": ("jpeg", "image/jpeg"),
    "GIF": ("gif", "image/gif"),
    "BMP": ("bmp", "image/bmp"),
    "TIFF": ("tiff", "image/tiff"),
}
_FONT_TYPE = "application/x-fontdata"
#: containers that are removed with their last child (an element that referred to a dropped
#: relationship, or such an element's emptied container)
_CONTAINERS = frozenset({"ext", "extLst", "custDataLst", "notesMasterIdLst", "handoutMasterIdLst",
                         "embeddedFontLst", "controls", "oleObj", "graphicData"})  # fmt: skip
_PARSER = etree.XMLParser(
    resolve_entities=False, no_network=True, remove_comments=True, remove_pis=True,
    strip_cdata=True, huge_tree=False, load_dtd=False,
)  # fmt: skip


class PublicTemplate(Traversable):
    """A rebuilt template, in memory, that reads like the file it was made from (messages about
    it name that file)."""

    def __init__(self, source: Path | Traversable, data: bytes) -> None:
        self.source = source
        self.data = data

    def __str__(self) -> str:
        return f"{self.source} (rebuilt for the public version)"

    @property
    def name(self) -> str:
        return self.source.name

    def read_bytes(self) -> bytes:
        return self.data

    def read_text(self, encoding: str | None = None) -> str:
        return self.data.decode(encoding or "utf-8")

    def open(self, mode: str = "r", *args: Any, **kwargs: Any) -> IO[Any]:
        if mode != "rb":
            raise ValueError("a template is read as bytes")
        return io.BytesIO(self.data)

    def iterdir(self) -> Iterator[Traversable]:
        return iter(())

    def is_dir(self) -> bool:
        return False

    def is_file(self) -> bool:
        return True

    def joinpath(self, *descendants: str | os.PathLike[str]) -> Traversable:
        raise NotADirectoryError(str(self))

    def __truediv__(self, child: str | os.PathLike[str]) -> Traversable:
        return self.joinpath(child)


def public_template(path: Path | Traversable) -> PublicTemplate:
    """``path`` rebuilt from the whitelist; a TemplateError naming the part that cannot be."""
    package.check(path)  # sizes, part count, XML well-formed and not too deep
    with path.open("rb") as file, zipfile.ZipFile(file) as source:
        return PublicTemplate(path, _Rebuild(path, source).run())


class _Rebuild:
    def __init__(self, path: Path | Traversable, source: zipfile.ZipFile) -> None:
        self.path = path
        self.source = source
        self.names = set(source.namelist())
        #: kept part (old name) -> (new name, kind)
        self.kept: dict[str, tuple[str, str]] = {}
        self.counts: dict[str, int] = {}
        self.out: dict[str, bytes] = {}
        self.types: dict[str, str] = {}

    def run(self) -> bytes:
        self._walk()
        for old, (new, kind) in self.kept.items():
            self._write(old, new, kind)
        self._write_rels("", "root")
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
            target.writestr("[Content_Types].xml", self._content_types())
            for name, data in self.out.items():
                target.writestr(name, data)
        return buffer.getvalue()

    # --- which parts are kept ------------------------------------------------------------------

    def _walk(self) -> None:
        todo = [("", "root")]
        while todo:
            part, kind = todo.pop()
            for _, _, target, target_kind in self._relationships(part, kind):
                if target not in self.kept:
                    self.kept[target] = (self._new_name(target, target_kind), target_kind)
                    todo.append((target, target_kind))

    def _relationships(self, part: str, kind: str) -> list[tuple[str, str, str, str]]:
        """(id, type, target part, target kind) of the relationships ``part`` keeps."""
        rels = _rels_name(part)
        if rels not in self.names:
            return []
        root = self._parse(rels)
        found = []
        for rel in root:
            if not isinstance(rel.tag, str) or etree.QName(rel).localname != "Relationship":
                continue
            rel_type = rel.get("Type", "").rsplit("/", 1)[-1]
            target_kind = _KEEP[kind].get(rel_type)
            if target_kind is None or rel.get("TargetMode") == "External":
                continue
            target = _resolve(part, rel.get("Target", ""))
            if target not in self.names:
                continue  # a relationship to a part that is not there: dropped with it
            if target_kind == "plain":
                target_kind = f"plain:{rel_type}"
            found.append((rel.get("Id", ""), rel.get("Type", ""), target, target_kind))
        return found

    def _new_name(self, old: str, kind: str) -> str:
        if kind == "image":
            extension, _ = self._picture_type(old)
            return self._numbered("ppt/media/image", extension)
        if kind == "font":
            return self._numbered("ppt/fonts/font", "fntdata")
        folder = {
            "master": "ppt/slideMasters/slideMaster",
            "layout": "ppt/slideLayouts/slideLayout",
            "theme": "ppt/theme/theme",
        }
        if kind in folder:
            return self._numbered(folder[kind], "xml")
        if kind == "presentation":
            return "ppt/presentation.xml"
        return f"ppt/{kind.split(':', 1)[1]}.xml"  # presProps, viewProps, tableStyles

    def _numbered(self, stem: str, extension: str) -> str:
        self.counts[stem] = self.counts.get(stem, 0) + 1
        return f"{stem}{self.counts[stem]}.{extension}"

    # --- writing them anew ---------------------------------------------------------------------

    def _write(self, old: str, new: str, kind: str) -> None:
        if kind == "image":
            self.out[new] = self._picture(old)
            self.types[new] = self._picture_type(old)[1]
            return
        if kind == "font":
            self.out[new] = self.source.read(old)
            self.types[new] = _FONT_TYPE
            return
        root = self._parse(old)
        kept_ids = self._write_rels(old, kind)
        _forget_dropped(root, kept_ids)
        if kind == "presentation":
            _only_kept_lists(root, kept_ids)
        self.out[new] = _serialised(root)
        self.types[new] = _XML_KINDS.get(kind) or _PLAIN[kind.split(":", 1)[1]]

    def _write_rels(self, old: str, kind: str) -> set[str]:
        """The kept relationships of ``old``, pointing at the new names; their ids."""
        kept = self._relationships(old, kind)
        if not kept:
            return set()
        new_part = self.kept[old][0] if old else ""
        root = etree.Element(f"{{{_PR}}}Relationships", nsmap={None: _PR})
        for rel_id, rel_type, target, _ in kept:
            target_new = self.kept[target][0]
            etree.SubElement(root, f"{{{_PR}}}Relationship", Id=rel_id, Type=rel_type,
                             Target=_relative(new_part, target_new))  # fmt: skip
        self.out[_rels_name(new_part)] = _serialised(root)
        return {rel_id for rel_id, _, _, _ in kept}

    def _content_types(self) -> bytes:
        root = etree.Element(f"{{{_CT}}}Types", nsmap={None: _CT})
        etree.SubElement(root, f"{{{_CT}}}Default", Extension="rels", ContentType=_RELS_TYPE)
        etree.SubElement(root, f"{{{_CT}}}Default", Extension="xml", ContentType="application/xml")
        for name, content_type in self.types.items():
            etree.SubElement(root, f"{{{_CT}}}Override", PartName=f"/{name}",
                             ContentType=content_type)  # fmt: skip
        return _serialised(root)

    def _parse(self, part: str) -> etree._Element:
        try:
            return etree.fromstring(self.source.read(part), _PARSER)
        except etree.XMLSyntaxError as exc:
            raise TemplateError(
                self.path, f"its part {part} is not well-formed XML: {exc}"
            ) from None

    def _picture_type(self, part: str) -> tuple[str, str]:
        image = self._image(part)
        kind = _PICTURES.get(image.format or "")
        if kind is None:
            raise TemplateError(
                self.path,
                f"its picture {part} is in a format ({image.format or 'unknown'}) that cannot be "
                "re-encoded for the public version; use PNG or JPEG in the masters and layouts",
            )
        return kind

    def _image(self, part: str) -> Any:
        from PIL import Image, UnidentifiedImageError

        try:
            return Image.open(io.BytesIO(self.source.read(part)))
        except (UnidentifiedImageError, OSError, ValueError) as exc:
            raise TemplateError(self.path, f"its picture {part} cannot be read ({exc})") from None

    def _picture(self, part: str) -> bytes:
        """The picture's pixels, encoded again with nothing else: no text chunks, EXIF, XMP
        or ICC profile (only a palette picture's transparency, which is part of its pixels)."""
        from PIL import Image

        image = self._image(part)
        fmt = image.format or "PNG"
        try:
            image.load()
            clean = image.copy()
        except (OSError, ValueError, Image.DecompressionBombError) as exc:
            raise TemplateError(self.path, f"its picture {part} cannot be read ({exc})") from None
        transparency = image.info.get("transparency")
        clean.info = {}
        options: dict[str, Any] = {}
        if transparency is not None and fmt in ("PNG", "GIF"):
            options["transparency"] = transparency
        if fmt == "JPEG":
            options.update(quality=95, subsampling=0)
        out = io.BytesIO()
        clean.save(out, format=fmt, **options)
        return out.getvalue()


def _rels_name(part: str) -> str:
    folder, name = posixpath.split(part)
    return posixpath.join(folder, "_rels", f"{name}.rels")


def _resolve(part: str, target: str) -> str:
    if target.startswith("/"):
        return target.lstrip("/")
    return posixpath.normpath(posixpath.join(posixpath.dirname(part), target))


def _relative(part: str, target: str) -> str:
    return posixpath.relpath(target, posixpath.dirname(part) or ".")


def _forget_dropped(root: etree._Element, kept: set[str]) -> None:
    """Remove every element that refers (r:id, r:embed, r:link, ...) to a relationship that was
    not kept, and the containers that leaves empty."""
    doomed = [
        element
        for element in root.iter()
        if isinstance(element.tag, str)
        and any(
            key.startswith(f"{{{_R}}}") and value not in kept
            for key, value in element.attrib.items()
        )
    ]
    for element in doomed:
        parent = element.getparent()
        if parent is None:
            continue
        parent.remove(element)
        while (
            parent is not None and len(parent) == 0 and etree.QName(parent).localname in _CONTAINERS
        ):
            above = parent.getparent()
            if above is None:
                break
            above.remove(parent)
            parent = above


def _only_kept_lists(root: etree._Element, kept: set[str]) -> None:
    """The presentation: its slide list emptied (a deck starts without slides), and no list
    left that refers to what was dropped."""
    for element in root:
        if isinstance(element.tag, str) and etree.QName(element).localname == "sldIdLst":
            for child in list(element):
                element.remove(child)


def _serialised(root: etree._Element) -> bytes:
    result: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    return result
