"""What a template's layouts show around the deck's own shapes, read from their XML: the
placeholders' boxes and text styles (title, subtitle, body) and the filled rectangles of the
master and layout (a band, a bar), so that the SVG writer draws them as PowerPoint shows them.

Only what the shipped template and a plain organisation's template use is read: positions,
insets, anchors, the first level's size, weight and colour, and solid fills in RGB or in the
scheme's text colours. Everything else falls back to PowerPoint's defaults.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from lxml import etree

A = "http://schemas.openxmlformats.org/drawingml/2006/main"
P = "http://schemas.openxmlformats.org/presentationml/2006/main"
NS = {"a": A, "p": P}
EMU_PER_PT = 12700
#: the default insets of a text body, in points (0.1 inch left and right, 0.05 top and bottom)
INSETS = (7.2, 3.6, 7.2, 3.6)
#: scheme colours as the shipped theme and Office's default theme give them
_SCHEME = {"tx1": "000000", "dk1": "000000", "bg1": "FFFFFF", "lt1": "FFFFFF"}
TITLE_KINDS = ("title", "ctrTitle")


@dataclass(frozen=True)
class Style:
    size: float
    bold: bool
    colour: str
    align: str
    #: the space before each paragraph, as a part of its line (``a:spcBef/a:spcPct``)
    space_before: float = 0.0


@dataclass(frozen=True)
class Box:
    """A placeholder as a slide on its layout shows it, in points."""

    left: float
    top: float
    width: float
    height: float
    insets: tuple[float, float, float, float]  # left, top, right, bottom
    anchor: str  # t, ctr, b
    style: Style


@dataclass(frozen=True)
class Rect:
    left: float
    top: float
    width: float
    height: float
    fill: str


@dataclass(frozen=True)
class Look:
    """A layout's placeholders by kind (``title``, ``body``) and its filled shapes."""

    placeholders: dict[str, Box]
    rects: tuple[Rect, ...]


def _pt(value: str | None) -> float:
    return int(value or 0) / EMU_PER_PT


def _kind(shape: etree._Element) -> str | None:
    ph = shape.find("p:nvSpPr/p:nvPr/p:ph", NS)
    if ph is None:
        return None
    kind = ph.get("type", "body")
    if kind in TITLE_KINDS:
        return "title"
    if kind in ("body", "subTitle", "obj"):
        return "body"
    return str(kind)


def _colour(fill: etree._Element | None) -> str | None:
    """An ``a:solidFill``'s colour as hex RGB (a scheme colour's tint applied)."""
    if fill is None:
        return None
    rgb = fill.find("a:srgbClr", NS)
    if rgb is not None:
        return str(rgb.get("val", "000000")).upper()
    scheme = fill.find("a:schemeClr", NS)
    if scheme is None:
        return None
    base = _SCHEME.get(scheme.get("val", ""), "000000")
    tint = scheme.find("a:tint", NS)
    if tint is None:
        return base
    factor = int(tint.get("val", "100000")) / 100000
    channels = (int(base[i : i + 2], 16) for i in (0, 2, 4))
    return "".join(f"{round(c * factor + 255 * (1 - factor)):02X}" for c in channels)


def _first_level(shape: etree._Element | None, styles: etree._Element | None) -> dict[str, Any]:
    """The first level's size, weight, colour and alignment a shape's list style gives."""
    found: dict[str, Any] = {}
    for source in (
        shape.find("p:txBody/a:lstStyle/a:lvl1pPr", NS) if shape is not None else None,
        styles,
    ):
        if source is None:
            continue
        props = source.find("a:defRPr", NS)
        if "align" not in found and source.get("algn"):
            found["align"] = source.get("algn")
        spacing = source.find("a:spcBef/a:spcPct", NS)
        if "space_before" not in found and spacing is not None:
            found["space_before"] = int(spacing.get("val", "0")) / 100000
        if props is None:
            continue
        if "size" not in found and props.get("sz"):
            found["size"] = int(props.get("sz")) / 100
        if "bold" not in found and props.get("b") is not None:
            found["bold"] = props.get("b") in ("1", "true")
        colour = _colour(props.find("a:solidFill", NS))
        if "colour" not in found and colour:
            found["colour"] = colour
    return found


def _body(shape: etree._Element | None) -> dict[str, Any]:
    found: dict[str, Any] = {}
    if shape is None:
        return found
    body = shape.find("p:txBody/a:bodyPr", NS)
    if body is not None:
        if body.get("anchor"):
            found["anchor"] = body.get("anchor")
        names = ("lIns", "tIns", "rIns", "bIns")
        if any(body.get(name) for name in names):
            found["insets"] = tuple(
                _pt(body.get(name)) if body.get(name) else INSETS[i] for i, name in enumerate(names)
            )
    xfrm = shape.find("p:spPr/a:xfrm", NS)
    if xfrm is not None:
        off, ext = xfrm.find("a:off", NS), xfrm.find("a:ext", NS)
        if off is not None and ext is not None:
            found["box"] = (
                _pt(off.get("x")),
                _pt(off.get("y")),
                _pt(ext.get("cx")),
                _pt(ext.get("cy")),
            )
    return found


def _placeholders(tree: etree._Element) -> dict[str, etree._Element]:
    found: dict[str, etree._Element] = {}
    for shape in tree.iterfind("p:cSld/p:spTree/p:sp", NS):
        kind = _kind(shape)
        if kind is not None:
            found.setdefault(kind, shape)
    return found


def _rects(tree: etree._Element) -> list[Rect]:
    rects = []
    for shape in tree.iterfind("p:cSld/p:spTree/p:sp", NS):
        if _kind(shape) is not None:
            continue
        fill = _colour(shape.find("p:spPr/a:solidFill", NS))
        box = _body(shape).get("box")
        geometry = shape.find("p:spPr/a:prstGeom", NS)
        if fill and box and (geometry is None or geometry.get("prst") == "rect"):
            left, top, width, height = box
            rects.append(Rect(left, top, width, height, fill))
    return rects


def look(layout: etree._Element, master: etree._Element) -> Look:
    """The look of a slide on ``layout`` (its ``p:sldLayout``) under ``master``."""
    own, inherited = _placeholders(layout), _placeholders(master)
    styles = {
        "title": master.find("p:txStyles/p:titleStyle/a:lvl1pPr", NS),
        "body": master.find("p:txStyles/p:bodyStyle/a:lvl1pPr", NS),
    }
    boxes: dict[str, Box] = {}
    for kind, shape in own.items():
        if kind not in ("title", "body"):
            continue
        parent = inherited.get(kind)
        geometry = {**_body(parent), **_body(shape)}
        if "box" not in geometry:
            continue
        text = {**_first_level(parent, styles[kind]), **_first_level(shape, None)}
        left, top, width, height = geometry["box"]
        boxes[kind] = Box(
            left,
            top,
            width,
            height,
            insets=geometry.get("insets", INSETS),
            anchor=geometry.get("anchor", "t"),
            style=Style(
                size=text.get("size", 18.0),
                bold=text.get("bold", False),
                colour=text.get("colour", "000000"),
                align=text.get("align", "l"),
                space_before=text.get("space_before", 0.0),
            ),
        )
    show_master = layout.get("showMasterSp") not in ("0", "false")
    rects = (_rects(master) if show_master else []) + _rects(layout)
    return Look(boxes, tuple(rects))
