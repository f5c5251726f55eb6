"""``deck --openbaar --template``: the template is rebuilt from what a deck needs, and the public
deck holds no registered name in any part, part name, byte, encoding or compressed stream.

The hostile template is built here from the default one: names in XML comments, processing
instructions and CDATA, in a PNG's tEXt, zTXt and compressed iTXt chunks, in a JPEG's EXIF and
XMP, as UTF-16 text in a binary part, in custom XML, document properties, comment authors and a
VML drawing, and a picture named after the person."""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from pathlib import Path

import pytest
from PIL import Image, PngImagePlugin

from tests.conftest import Run
from tests.office import to_pdf
from tests.test_hostile_input import clean
from tests.test_openbaar import folded
from tests.test_template import rebuild

#: the registered people of the small dataset: F. Abma and G. Zijlstra
SURNAMES = ("abma", "zijlstra")
NAME = "G. Zijlstra"
OTHER = "F. Abma"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
MASTER = "ppt/slideMasters/slideMaster1.xml"
LAYOUT = "ppt/slideLayouts/slideLayout1.xml"


def png() -> bytes:
    info = PngImagePlugin.PngInfo()
    info.add_text("Author", NAME)
    info.add_text("Comment", f"Logo, getekend door {OTHER}", zip=True)  # zTXt
    info.add_itxt("Description", f"Ontwerp {NAME}", lang="nl", tkey="Beschrijving", zip=True)
    image = Image.new("RGB", (40, 20), (21, 66, 115))
    image.putpixel((3, 4), (250, 200, 10))
    out = io.BytesIO()
    image.save(out, "PNG", pnginfo=info)
    return out.getvalue()


def jpeg() -> bytes:
    exif = Image.Exif()
    exif[0x013B] = OTHER  # Artist
    exif[0x9C9D] = NAME.encode("utf-16-le") + b"\0\0"  # XPAuthor, UTF-16
    xmp = (
        '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/'
        '22-rdf-syntax-ns#"><rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/">'
        f"<dc:creator>{NAME}</dc:creator></rdf:Description></rdf:RDF></x:xmpmeta>"
    ).encode()
    out = io.BytesIO()
    Image.new("RGB", (30, 30), (200, 30, 30)).save(out, "JPEG", exif=exif.tobytes(), xmp=xmp)
    return out.getvalue()


def picture(shape_id: int, rel: str) -> bytes:
    return (
        f'<p:pic><p:nvPicPr><p:cNvPr id="{shape_id}" name="Logo"/><p:cNvPicPr/><p:nvPr/>'
        f'</p:nvPicPr><p:blipFill><a:blip r:embed="{rel}"/><a:stretch><a:fillRect/></a:stretch>'
        '</p:blipFill><p:spPr><a:xfrm><a:off x="11000000" y="6200000"/><a:ext cx="600000" '
        'cy="300000"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr></p:pic>'
    ).encode()


def relate(rels: bytes, rel_id: str, kind: str, target: str) -> bytes:
    rel = f'<Relationship Id="{rel_id}" Type="{R}/{kind}" Target="{target}"/>'
    return rels.replace(b"</Relationships>", rel.encode() + b"</Relationships>")


def hostile_template(tmp_path: Path) -> Path:
    def master(xml: bytes) -> bytes:
        xml = xml.replace(
            b"<p:cSld>", f"<!-- Opgesteld door {NAME} --><?auteur {OTHER}?><p:cSld>".encode(), 1
        )
        text = (
            '<p:sp><p:nvSpPr><p:cNvPr id="98" name="Colofon"/><p:cNvSpPr txBox="1"/><p:nvPr/>'
            '</p:nvSpPr><p:spPr/><p:txBody><a:bodyPr/><a:p><a:r><a:rPr lang="nl-NL"/>'
            f"<a:t><![CDATA[Huisstijl door {NAME}]]></a:t></a:r></a:p></p:txBody></p:sp>"
        ).encode()
        return xml.replace(b"</p:spTree>", text + picture(97, "rIdLogo") + b"</p:spTree>", 1)

    def master_rels(rels: bytes) -> bytes:
        rels = relate(rels, "rIdLogo", "image", "../media/Zijlstra.png")
        rels = relate(rels, "rIdOle", "oleObject", "../embeddings/oleObject1.bin")
        return relate(rels, "rIdVml", "vmlDrawing", "../drawings/vmlDrawing1.vml")

    def layout(xml: bytes) -> bytes:
        return xml.replace(b"</p:spTree>", picture(96, "rIdFoto") + b"</p:spTree>", 1)

    def presentation_rels(rels: bytes) -> bytes:
        rels = relate(rels, "rIdCx", "customXml", "../customXml/item1.xml")
        return relate(rels, "rIdCa", "commentAuthors", "commentAuthors.xml")

    def types(xml: bytes) -> bytes:
        return xml.replace(
            b"</Types>",
            b'<Default Extension="png" ContentType="image/png"/>'
            b'<Default Extension="vml" ContentType="application/vnd.openxmlformats-'
            b'officedocument.vmlDrawing"/><Override PartName="/ppt/commentAuthors.xml" '
            b'ContentType="application/vnd.openxmlformats-officedocument.presentationml.'
            b'commentAuthors+xml"/></Types>',
        )

    binary = b"\x00\x01OLE" + NAME.encode("utf-16-le") + b"\x00\x00" + OTHER.encode("utf-16-be")
    return rebuild(
        tmp_path / "huisstijl.pptx",
        change={
            MASTER: master,
            "ppt/slideMasters/_rels/slideMaster1.xml.rels": master_rels,
            LAYOUT: layout,
            "ppt/slideLayouts/_rels/slideLayout1.xml.rels": lambda r: relate(
                r, "rIdFoto", "image", "../media/foto-abma.jpeg"
            ),
            "ppt/_rels/presentation.xml.rels": presentation_rels,
            "[Content_Types].xml": types,
        },
        add={
            "ppt/media/Zijlstra.png": png(),
            "ppt/media/foto-abma.jpeg": jpeg(),
            "ppt/embeddings/oleObject1.bin": binary,
            "ppt/drawings/vmlDrawing1.vml": (
                f'<xml xmlns:v="urn:schemas-microsoft-com:vml"><v:shape><v:textbox>{NAME}'
                "</v:textbox></v:shape></xml>"
            ).encode(),
            "customXml/item1.xml": f"<auteur>{NAME}</auteur>".encode(),
            "ppt/commentAuthors.xml": (
                '<p:cmAuthorLst xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/'
                f'main"><p:cmAuthor id="1" name="{NAME}" initials="GZ" lastIdx="1" clrIdx="0"/>'
                "</p:cmAuthorLst>"
            ).encode(),
        },
    )


def every_reading(data: bytes) -> list[str]:
    """A zip's part names and each part read every way text can be in it: UTF-8, single
    bytes, UTF-16 both ways at both alignments, zlib streams inflated, and what Pillow reads
    from a picture (text chunks, EXIF, XMP)."""
    texts = []
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        texts.append(archive.comment.decode("latin-1"))
        for info in archive.infolist():
            raw = archive.read(info)
            texts.append(info.filename)
            texts += decodings(raw)
            for start in (m.start() for m in re.finditer(rb"\x78[\x01\x5e\x9c\xda]", raw)):
                try:
                    texts += decodings(zlib.decompressobj().decompress(raw[start:]))
                except zlib.error:  # not a stream after all
                    continue
            if info.filename.startswith("ppt/media/"):
                image = Image.open(io.BytesIO(raw))
                texts.append(repr(image.info))
                texts.append(repr(dict(image.getexif())))
    return texts


def decodings(raw: bytes) -> list[str]:
    found = [raw.decode("utf-8", "ignore"), raw.decode("latin-1")]
    for start in (0, 1):
        found += [raw[start:].decode(e, "ignore") for e in ("utf-16-le", "utf-16-be")]
    return found + [re.sub(r"<[^>]*>", "", text) for text in found[:2]]


def names_in(texts: list[str]) -> list[str]:
    flat = folded("\n".join(texts))
    return [surname for surname in SURNAMES if surname in flat]


def test_the_hostile_template_is_valid_and_full_of_names(
    run: Run, data: Path, tmp_path: Path
) -> None:
    template = hostile_template(tmp_path)
    assert names_in(every_reading(template.read_bytes())) == list(SURNAMES)
    result = run("deck", "--data", data, "--output", tmp_path / "intern", "--template", template)
    assert result.exit_code == 0, clean(result)


def test_a_public_deck_on_a_hostile_template_holds_no_name_anywhere(
    run: Run, data: Path, tmp_path: Path
) -> None:
    template = hostile_template(tmp_path)
    out = tmp_path / "openbaar"
    result = run("deck", "--data", data, "--output", out, "--template", template, "--openbaar")
    assert result.exit_code == 0, clean(result)
    deck = out / "sct-2030-09-05-openbaar.pptx"
    data_bytes = deck.read_bytes()
    assert names_in(every_reading(data_bytes)) == []
    with zipfile.ZipFile(deck) as archive:
        parts = set(archive.namelist())
        media = sorted(p for p in parts if p.startswith("ppt/media/"))
        # the two pictures, neutrally named; nothing of what a deck does not need
        neutral = sorted(re.sub(r"\d+", "N", p) for p in media)
        assert neutral == ["ppt/media/imageN.jpeg", "ppt/media/imageN.png"], media
        dropped = r"customXml|embeddings|drawings|comment|docProps/custom|thumbnail|printer"
        assert not [p for p in parts if re.search(dropped, p)]
        # every relationship leads to a part that is there
        for name in (p for p in parts if p.endswith(".rels")):
            folder = name.rsplit("_rels/", 1)[0]
            for target, mode in re.findall(
                r'Target="([^"]+)"(?: TargetMode="(\w+)")?', archive.read(name).decode()
            ):
                if mode != "External":
                    resolved = (
                        target.lstrip("/") if target.startswith("/") else _join(folder, target)
                    )
                    assert resolved in parts, (name, target)
        # the pictures keep their pixels
        png_part = next(p for p in media if p.endswith(".png"))
        rebuilt = Image.open(io.BytesIO(archive.read(png_part)))
        original = Image.open(io.BytesIO(png()))
        assert rebuilt.tobytes() == original.tobytes()
        master = archive.read(MASTER).decode("utf-8")
        assert "<!--" not in master and "<?auteur" not in master and "CDATA" not in master
    # the package is whole: python-pptx and LibreOffice open it
    from pptx import Presentation

    assert len(Presentation(str(deck)).slides) > 1
    assert to_pdf(deck, tmp_path).stat().st_size > 0


def _join(folder: str, target: str) -> str:
    import posixpath

    return posixpath.normpath(posixpath.join(folder, target))


@pytest.mark.parametrize("openbaar", [False, True])
@pytest.mark.parametrize(
    "vml",
    [b"<xml><v:shape>", b"<xml>" + b"<v:g xmlns:v='urn:v'>" * 150 + b"</v:g>" * 150 + b"</xml>"],
    ids=["malformed", "deep"],
)
def test_a_malformed_or_deep_vml_part_is_a_clear_error(
    run: Run, data: Path, tmp_path: Path, vml: bytes, openbaar: bool
) -> None:
    template = rebuild(
        tmp_path / "vml.pptx",
        change={
            "ppt/slideMasters/_rels/slideMaster1.xml.rels": lambda r: relate(
                r, "rIdVml", "vmlDrawing", "../drawings/vmlDrawing1.vml"
            )
        },
        add={"ppt/drawings/vmlDrawing1.vml": vml},
    )
    args = ["deck", "--data", data, "--output", tmp_path / "out", "--template", template]
    result = run(*args, *(["--openbaar"] if openbaar else []))
    text = clean(result)
    assert result.exit_code == 2, text
    assert "ppt/drawings/vmlDrawing1.vml" in text and str(template) in text
    assert not (tmp_path / "out").exists()
