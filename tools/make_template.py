"""Write templates/default.pptx: the deck's built-in look, made from python-pptx's own template.

16:9, Arial (Liberation Sans in LibreOffice), titles in Rijkshuisstijl lintblauw, a thin blue
band on the left of every slide, and only the layouts the deck uses, with the names it looks up:
"Title Slide", "Section Header" and "Title Only". Run it after changing the look:

    .venv/bin/python tools/make_template.py
"""

from __future__ import annotations

from pathlib import Path

from lxml import etree
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.shapes import MSO_SHAPE
from pptx.oxml.ns import qn
from pptx.util import Emu, Inches

OUT = Path(__file__).resolve().parents[1] / "templates" / "default.pptx"
KEEP = ("Title Slide", "Section Header", "Title Only")
LINTBLAUW = RGBColor(0x15, 0x42, 0x73)
WIDTH, HEIGHT = Emu(12192000), Emu(6858000)  # 16:9, as PowerPoint makes it
TITLE_SIZE = 28


def main() -> None:
    prs = Presentation()
    scale = WIDTH / prs.slide_width
    prs.slide_width, prs.slide_height = Emu(int(WIDTH)), Emu(int(HEIGHT))
    master = prs.slide_master
    for layout in list(prs.slide_layouts):
        if layout.name not in KEEP:
            prs.slide_layouts.remove(layout)
    shapes = [*master.placeholders, *(p for lay in prs.slide_layouts for p in lay.placeholders)]
    for shape in shapes:
        if shape._element.spPr.find(qn("a:xfrm")) is None:
            continue  # inherits its position from the master
        shape.left = Emu(int(shape.left * scale))
        shape.width = Emu(int(shape.width * scale))

    layouts = {layout.name: layout for layout in prs.slide_layouts}
    title_only = layouts["Title Only"].placeholders[0]
    title_only.left, title_only.top = Inches(0.6), Inches(0.3)
    title_only.width, title_only.height = Inches(12.2), Inches(0.95)
    section = layouts["Section Header"]
    for placeholder in section.placeholders:
        kind = placeholder.placeholder_format.idx
        if kind > 1:
            continue
        placeholder.left, placeholder.width = Inches(0.9), Inches(11.5)
        if kind == 0:
            placeholder.top, placeholder.height = Inches(1.6), Inches(1.4)
        elif kind == 1:
            placeholder.top, placeholder.height = Inches(3.2), Inches(3.3)

    # a master has no add_shape: draw the band on a scratch slide and move it
    scratch = Presentation().slides.add_slide(Presentation().slide_layouts[6])
    band = scratch.shapes.add_shape(MSO_SHAPE.RECTANGLE, 0, 0, Inches(0.18), HEIGHT)
    band.fill.solid()
    band.fill.fore_color.rgb = LINTBLAUW
    band.line.fill.background()
    band.name = "Lint"
    band.shadow.inherit = False
    element = band._element
    element.find(f"{qn('p:nvSpPr')}/{qn('p:cNvPr')}").set("id", "1000")
    master.shapes._spTree.insert(2, element)  # behind everything else

    title_slide = layouts["Title Slide"]
    for placeholder in title_slide.placeholders:
        kind = placeholder.placeholder_format.idx
        if kind == 0:
            placeholder.left, placeholder.top = Inches(0.9), Inches(2.2)
            placeholder.width, placeholder.height = Inches(11.5), Inches(1.5)
            _level_style(placeholder, size=40, colour="154273", bold=True, anchor="b")
        elif kind == 1:
            placeholder.left, placeholder.top = Inches(0.9), Inches(3.9)
            placeholder.width, placeholder.height = Inches(11.5), Inches(1.6)
            _level_style(placeholder, size=22, colour="535353", bold=False, anchor="t")
    for shape in section.placeholders:  # no capitals: "1. Ter besluitvorming", as typed
        for props in shape._element.iter(qn("a:defRPr")):
            props.attrib.pop("cap", None)
    _fonts(prs)
    _title_style(master)
    prs.save(OUT)
    print(f"wrote {OUT}")


def _fonts(prs: Presentation) -> None:
    theme_part = next(
        rel.target_part
        for rel in prs.slide_master.part.rels.values()
        if rel.reltype.endswith("/theme")
    )
    theme = etree.fromstring(theme_part.blob)
    for tag in ("a:majorFont", "a:minorFont"):
        latin = theme.find(f".//{qn(tag)}/{qn('a:latin')}")
        assert latin is not None
        latin.set("typeface", "Arial")
    theme_part._blob = etree.tostring(
        theme, xml_declaration=True, encoding="UTF-8", standalone=True
    )


def _level_style(placeholder: object, *, size: int, colour: str, bold: bool, anchor: str) -> None:
    """Left-aligned first-level text of ``size`` points in ``colour`` for a layout placeholder."""
    tx_body = placeholder._element.find(qn("p:txBody"))  # type: ignore[attr-defined]
    tx_body.find(qn("a:bodyPr")).set("anchor", anchor)
    lst_style = tx_body.find(qn("a:lstStyle"))
    for child in list(lst_style):
        lst_style.remove(child)
    level = etree.SubElement(lst_style, qn("a:lvl1pPr"), marL="0", indent="0", algn="l")
    etree.SubElement(level, qn("a:buNone"))
    props = etree.SubElement(level, qn("a:defRPr"), sz=str(size * 100), b="1" if bold else "0")
    fill = etree.SubElement(props, qn("a:solidFill"))
    etree.SubElement(fill, qn("a:srgbClr"), val=colour)


def _title_style(master: object) -> None:
    element = master._element  # type: ignore[attr-defined]
    level = element.find(f".//{qn('p:titleStyle')}/{qn('a:lvl1pPr')}")
    level.set("algn", "l")
    props = level.find(qn("a:defRPr"))
    props.set("sz", str(TITLE_SIZE * 100))
    props.set("b", "1")
    fill = props.find(qn("a:solidFill"))
    if fill is not None:
        props.remove(fill)
    new_fill = etree.Element(qn("a:solidFill"))
    etree.SubElement(new_fill, qn("a:srgbClr"), val="154273")
    props.insert(0, new_fill)


if __name__ == "__main__":
    main()
