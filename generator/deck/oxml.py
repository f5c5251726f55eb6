"""The DrawingML that python-pptx has no API for, in one place: paragraphs with bullets and
spacing, runs with language and font, cell fills, borders and margins.

Everything is written explicitly (font, size, margins) so that what the paginator measured is
what PowerPoint and LibreOffice show.
"""

from __future__ import annotations

from lxml import etree
from pptx.oxml.ns import qn

from generator.deck.content import Cell, Para, Run, bullet_room, indent
from generator.deck.metrics import FONT

EMU_PER_PT = 12700
LANG = "nl-NL"
BORDER = "A6A6A6"


def emu(points: float) -> int:
    return round(points * EMU_PER_PT)


def _sub(parent: etree._Element, tag: str, **attrs: str) -> etree._Element:
    return etree.SubElement(parent, qn(tag), attrs)


def _fill(parent: etree._Element, colour: str) -> None:
    _sub(_sub(parent, "a:solidFill"), "a:srgbClr", val=colour)


def write_paragraphs(
    tx_body: etree._Element, paras: tuple[Para, ...] | list[Para], colour: str | None = None
) -> None:
    """Replace the paragraphs of a ``p:txBody``/``a:txBody`` with ``paras``."""
    for old in tx_body.findall(qn("a:p")):
        tx_body.remove(old)
    if not paras:
        _sub(_sub(tx_body, "a:p"), "a:endParaRPr", lang=LANG)
        return
    for para in paras:
        _paragraph(tx_body, para, colour)


def _paragraph(tx_body: etree._Element, para: Para, colour: str | None) -> None:
    p = _sub(tx_body, "a:p")
    room = bullet_room(para)
    attrs: dict[str, str] = {"algn": para.align}
    if room:
        attrs["marL"] = str(emu(indent(para) + room))
        attrs["indent"] = str(-emu(room))
    else:
        attrs["marL"] = "0"
        attrs["indent"] = "0"
    ppr = _sub(p, "a:pPr", **attrs)
    _sub(_sub(ppr, "a:lnSpc"), "a:spcPct", val="100000")
    _sub(_sub(ppr, "a:spcBef"), "a:spcPts", val=str(round(para.space_before * 100)))
    _sub(_sub(ppr, "a:spcAft"), "a:spcPts", val="0")
    bullet = para.bullet
    label = None
    if bullet and len(bullet) > 1:
        # "A." and "12.": written as text before a tab, since renderers differ in how they
        # continue automatic numbering; the hanging indent makes the tab stop
        _sub(ppr, "a:buNone")
        label = bullet
    elif bullet:
        _sub(ppr, "a:buFont", typeface=FONT)
        _sub(ppr, "a:buChar", char=bullet)
    else:
        _sub(ppr, "a:buNone")
    size = str(round(para.size * 100))
    runs = para.runs
    if label:
        runs = (Run(f"{label}\t", bold=runs[0].bold if runs else False), *runs)
    for run in runs:
        lines = run.text.split("\n")
        for number, line in enumerate(lines):
            if number:
                _run_properties(_sub(p, "a:br"), size, run.bold, run.italic, None)
            if not line:
                continue
            r = _sub(p, "a:r")
            _run_properties(r, size, run.bold, run.italic, run.colour or colour)
            _sub(r, "a:t").text = line
    _sub(p, "a:endParaRPr", lang=LANG, sz=size)


def _run_properties(
    parent: etree._Element, size: str, bold: bool, italic: bool, colour: str | None
) -> None:
    rpr = _sub(
        parent, "a:rPr", lang=LANG, sz=size, b="1" if bold else "0", i="1" if italic else "0"
    )
    if colour:
        _fill(rpr, colour)
    _sub(rpr, "a:latin", typeface=FONT)
    _sub(rpr, "a:cs", typeface=FONT)


def text_box_body(tx_body: etree._Element, inset: float) -> None:
    """A text box that wraps, does not grow or shrink, with the insets the paginator assumes."""
    body_pr = tx_body.find(qn("a:bodyPr"))
    assert body_pr is not None
    for child in list(body_pr):
        body_pr.remove(child)
    body_pr.attrib.clear()
    body_pr.attrib.update(
        {
            "wrap": "square",
            "lIns": "0",
            "rIns": "0",
            "tIns": str(emu(inset)),
            "bIns": str(emu(inset)),
            "anchor": "t",
        }
    )
    _sub(body_pr, "a:noAutofit")


def style_cell(tc: etree._Element, cell: Cell, margin_x: float, margin_y: float) -> None:
    """Text, margins, fill and thin borders of one ``a:tc``."""
    tx_body = tc.find(qn("a:txBody"))
    assert tx_body is not None
    write_paragraphs(tx_body, cell.paras, cell.colour)
    old = tc.find(qn("a:tcPr"))
    if old is not None:
        tc.remove(old)
    tc_pr = _sub(
        tc,
        "a:tcPr",
        marL=str(emu(margin_x)),
        marR=str(emu(margin_x)),
        marT=str(emu(margin_y)),
        marB=str(emu(margin_y)),
        anchor="t",
    )
    for side in ("a:lnL", "a:lnR", "a:lnT", "a:lnB"):
        line = _sub(tc_pr, side, w=str(emu(0.75)), cap="flat", cmpd="sng", algn="ctr")
        _fill(line, BORDER)
    _fill(tc_pr, cell.fill or "FFFFFF")
