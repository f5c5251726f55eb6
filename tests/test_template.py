"""``deck --template``: a template is read with limits, and a malformed one is a usage error
naming the template and what is wrong. Each template here is built from the default one."""

from __future__ import annotations

import struct
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from docx import Document

from generator.render.deck.package import MAX_DEPTH, MAX_PARTS, TemplateError
from generator.render.deck.template import Template
from generator.resources import template
from tests.conftest import Run

DEFAULT = template("default.pptx")


def rebuild(
    target: Path,
    *,
    drop: tuple[str, ...] = (),
    change: dict[str, Callable[[bytes], bytes]] | None = None,
    add: dict[str, bytes] | None = None,
) -> Path:
    """The default template with parts dropped, changed or added."""
    change = change or {}
    with zipfile.ZipFile(DEFAULT) as source, zipfile.ZipFile(target, "w") as copy:
        for info in source.infolist():
            if info.filename in drop:
                continue
            data = source.read(info)
            copy.writestr(info, change.get(info.filename, lambda d: d)(data))
        for name, data in (add or {}).items():
            copy.writestr(name, data, compress_type=zipfile.ZIP_DEFLATED)
    return target


def declare(path: Path, name: str, size: int) -> Path:
    """Make the zip's directory (and the part's local header) say that ``name`` unpacks to
    ``size`` bytes: what a zip bomb says, without writing gigabytes in a test."""
    data = bytearray(path.read_bytes())
    at = 0
    while (at := data.find(b"PK\x01\x02", at)) >= 0:
        length = struct.unpack_from("<H", data, at + 28)[0]
        if data[at + 46 : at + 46 + length] == name.encode():
            struct.pack_into("<I", data, at + 24, size)
            local = struct.unpack_from("<I", data, at + 42)[0]
            struct.pack_into("<I", data, local + 22, size)
        at += 4
    path.write_bytes(bytes(data))
    return path


def refused(run: Run, data: Path, tmp_path: Path, own: Path, *expected: str) -> None:
    result = run("deck", "--data", data, "--output", tmp_path / "out", "--template", own)
    assert result.exit_code == 2, result.output
    assert f"the template {own} cannot be used: " in result.output
    for text in expected:
        assert text in result.output
    assert "Traceback" not in result.output
    assert not (tmp_path / "out").exists()


def test_a_part_of_2_gb_is_refused_before_anything_is_unpacked(
    run: Run, data: Path, tmp_path: Path
) -> None:
    own = rebuild(tmp_path / "bom.pptx", add={"ppt/media/image1.png": bytes(4096)})
    declare(own, "ppt/media/image1.png", 2**31)
    start = time.perf_counter()
    with pytest.raises(TemplateError, match=r"image1\.png is 2,048\.0 MiB unpacked; the limit"):
        Template(own)
    assert time.perf_counter() - start < 0.5
    refused(run, data, tmp_path, own, "2,048.0 MiB unpacked")


def test_too_much_in_all_and_too_many_parts(run: Run, data: Path, tmp_path: Path) -> None:
    parts = {f"ppt/media/image{n}.png": bytes(1024) for n in range(1, 6)}
    own = rebuild(tmp_path / "groot.pptx", add=parts)
    for name in parts:
        declare(own, name, 45 * 2**20)
    refused(run, data, tmp_path, own, "MiB unpacked; the limit is 200.0 MiB")

    many = {f"customXml/item{n}.bin": b"" for n in range(MAX_PARTS)}
    own = rebuild(tmp_path / "veel.pptx", add=many)
    refused(run, data, tmp_path, own, f"parts; the limit is {MAX_PARTS:,}")


def test_malformed_xml_is_named_by_its_part(run: Run, data: Path, tmp_path: Path) -> None:
    layout = "ppt/slideLayouts/slideLayout3.xml"
    own = rebuild(tmp_path / "afgebroken.pptx", change={layout: lambda d: d[: len(d) // 2]})
    refused(run, data, tmp_path, own, f"its part {layout} is not well-formed XML")

    deep = b"<a>" * (MAX_DEPTH + 1) + b"</a>" * (MAX_DEPTH + 1)
    own = rebuild(tmp_path / "diep.pptx", change={"ppt/presProps.xml": lambda d: deep})
    refused(run, data, tmp_path, own, f"nests elements deeper than {MAX_DEPTH} levels")

    dtd = b'<?xml version="1.0"?><!DOCTYPE p [<!ENTITY x "xxxxxxxx">]><p>&x;</p>'
    own = rebuild(tmp_path / "dtd.pptx", change={"ppt/presProps.xml": lambda d: dtd})
    refused(run, data, tmp_path, own, "ppt/presProps.xml has a document type declaration")


def test_files_that_are_not_a_presentation(run: Run, data: Path, tmp_path: Path) -> None:
    word = tmp_path / "brief.pptx"
    Document().save(str(word))  # a .docx, renamed
    refused(run, data, tmp_path, word, "it is a Word document, not a PowerPoint presentation")

    other = tmp_path / "archief.pptx"
    with zipfile.ZipFile(other, "w") as package:
        package.writestr("notities.txt", "geen presentatie")
    refused(run, data, tmp_path, other, "it is a zip package but not an Office file")

    cut = tmp_path / "half.pptx"
    cut.write_bytes(DEFAULT.read_bytes()[: DEFAULT.stat().st_size // 2])
    refused(run, data, tmp_path, cut, "it is not a PowerPoint file")

    lying = rebuild(tmp_path / "liegt.pptx")
    declare(lying, "ppt/presProps.xml", 100)  # smaller than it is: the check sum fails
    refused(run, data, tmp_path, lying, "it is not a readable zip package")

    no_master = rebuild(
        tmp_path / "zonder-master.pptx", drop=("ppt/slideMasters/slideMaster1.xml",)
    )
    refused(run, data, tmp_path, no_master, "its parts do not make a presentation")


def test_a_content_layout_that_leaves_no_room_is_refused(
    run: Run, data: Path, tmp_path: Path
) -> None:
    layout = "ppt/slideLayouts/slideLayout6.xml"

    def low_title(xml: bytes) -> bytes:
        # the title placeholder moved to the bottom of the slide
        start = xml.index(b'<a:off x="', xml.index(b'name="Title 1"'))
        end = xml.index(b"/>", start)
        return xml[:start] + b'<a:off x="457200" y="6400000"' + xml[end:]

    own = rebuild(tmp_path / "laag.pptx", change={layout: low_title})
    refused(run, data, tmp_path, own, "points under its title for the content")


def test_a_template_without_app_properties_works(run: Run, data: Path, tmp_path: Path) -> None:
    own = rebuild(tmp_path / "zonder-app.pptx", drop=("docProps/app.xml",))
    result = run("deck", "--data", data, "--output", tmp_path / "out", "--template", own)
    assert result.exit_code == 0, result.output
    (deck,) = (tmp_path / "out").glob("*.pptx")
    with zipfile.ZipFile(deck) as made:
        assert b"<Slides>" in made.read("docProps/app.xml")
