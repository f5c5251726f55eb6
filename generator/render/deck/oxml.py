"""The DrawingML that python-pptx has no API for, in one place: text boxes and tables written
as XML text (paragraphs with bullets and spacing, runs with language and font, cell fills,
borders, margins and vertical merges), parsed once per shape.

Everything is written explicitly (font, size, margins) so that what the paginator measured is
what PowerPoint and LibreOffice show. Writing the XML as text is about five times faster than
building it element by element through python-pptx, which matters for decks of 500 slides.
"""

from __future__ import annotations

from functools import cache
from xml.sax.saxutils import escape, quoteattr

from lxml import etree

from generator.render.deck.content import Cell, Para, Run, bullet_room, indent
from generator.render.deck.layout.pages import TableSlice
from generator.render.typography.metrics import FONT

EMU_PER_PT = 12700
LANG = "nl-NL"
BORDER = "A6A6A6"
_NS = (
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
)
#: a jump to another slide (ECMA-376 21.1.2.3.5); the writer replaces the relationship id,
#: which is the link's anchor until then
SLIDE_JUMP = "ppaction://hlinksldjump"
LINK_PREFIX = "anchor:"
#: a link to an address outside the deck: the writer gives it an external relationship
HREF_PREFIX = "href:"
#: a hyperlink in the colour of its text, not the theme's link blue (unreadable on a status
#: cell's fill): PowerPoint's extension for it, which LibreOffice reads too
_TEXT_COLOURED = (
    '<a:extLst><a:ext uri="{A12FA001-AC4F-418D-AE19-62706E023703}">'
    '<ahyp:hlinkClr xmlns:ahyp="http://schemas.microsoft.com/office/drawing/2018/hyperlinkcolor"'
    ' val="tx"/></a:ext></a:extLst>'
)
_TABLE_URI = "http://schemas.openxmlformats.org/drawingml/2006/table"


def emu(points: float) -> int:
    return round(points * EMU_PER_PT)


def _fill(colour: str) -> str:
    return f'<a:solidFill><a:srgbClr val="{colour}"/></a:solidFill>'


#: a superscript run's baseline, in thousandths of a percent of the size (PowerPoint's own)
SUPERSCRIPT_BASELINE = 30000


@cache
def _run_properties(
    tag: str, size: int, bold: bool, italic: bool, colour: str | None, raised: bool = False
) -> str:
    fill = _fill(colour) if colour else ""
    baseline = f' baseline="{SUPERSCRIPT_BASELINE}"' if raised else ""
    return (
        f'<{tag} lang="{LANG}" sz="{size}" b="{int(bold)}" i="{int(italic)}"{baseline}>{fill}'
        f'<a:latin typeface="{FONT}"/><a:cs typeface="{FONT}"/></{tag}>'
    )


def _linked(props: str, anchor: str) -> str:
    """Run properties with a slide jump to ``anchor`` (``a:hlinkClick`` comes after the fonts)."""
    link = f'<a:hlinkClick r:id={quoteattr(LINK_PREFIX + anchor)} action="{SLIDE_JUMP}"/>'
    return props.replace("</a:rPr>", f"{link}</a:rPr>")


def _hyperlinked(props: str, href: str) -> str:
    """Run properties with a link to ``href``, an address outside the deck."""
    link = f"<a:hlinkClick r:id={quoteattr(HREF_PREFIX + href)}>{_TEXT_COLOURED}</a:hlinkClick>"
    return props.replace("</a:rPr>", f"{link}</a:rPr>")


def paragraphs_xml(paras: tuple[Para, ...] | list[Para], colour: str | None = None) -> str:
    """``a:p`` elements for ``paras`` (an empty paragraph if there are none)."""
    if not paras:
        return f'<a:p><a:endParaRPr lang="{LANG}"/></a:p>'
    return "".join(_paragraph(para, colour) for para in paras)


def _paragraph(para: Para, colour: str | None) -> str:
    room = bullet_room(para)
    bullet = para.bullet if para.marked else None
    # a list item's later paragraph, or the part of one that goes on on the next slide, has no
    # bullet: all its lines stand where the text of the item stands
    margin, hanging = (emu(indent(para) + room), -emu(room) if bullet else 0) if room else (0, 0)
    runs = list(para.runs)
    if bullet and len(bullet) > 1:
        # "A." and "12.": written as text before a tab, since renderers differ in how they
        # continue automatic numbering; the hanging indent makes the tab stop
        marker = "<a:buNone/>"
        runs.insert(0, Run(f"{bullet}\t", bold=bool(runs) and runs[0].bold))
    elif bullet:
        marker = f'<a:buFont typeface="{FONT}"/><a:buChar char={quoteattr(bullet)}/>'
    else:
        marker = "<a:buNone/>"
    size = round(para.size * 100)
    parts = [
        f'<a:p><a:pPr marL="{margin}" indent="{hanging}" algn="{para.align}">'
        '<a:lnSpc><a:spcPct val="100000"/></a:lnSpc>'
        f'<a:spcBef><a:spcPts val="{round(para.space_before * 100)}"/></a:spcBef>'
        f'<a:spcAft><a:spcPts val="0"/></a:spcAft>{marker}</a:pPr>'
    ]
    for run in runs:
        for number, line in enumerate(run.text.split("\n")):
            if number:
                parts.append(
                    f"<a:br>{_run_properties('a:rPr', size, run.bold, run.italic, None)}</a:br>"
                )
            if line:
                props = _run_properties(
                    "a:rPr", size, run.bold, run.italic, run.colour or colour, run.superscript
                )
                if run.link:
                    props = _linked(props, run.link)
                elif run.href:
                    props = _hyperlinked(props, run.href)
                parts.append(f"<a:r>{props}<a:t>{escape(line)}</a:t></a:r>")
    parts.append(f'<a:endParaRPr lang="{LANG}" sz="{size}"/></a:p>')
    return "".join(parts)


def text_box(
    shape_id: int, left: float, top: float, width: float, height: float, inset: float, body: str
) -> etree._Element:
    """A text box that wraps, neither grows nor shrinks, with the insets the paginator assumes."""
    xml = (
        f'<p:sp {_NS}><p:nvSpPr><p:cNvPr id="{shape_id}" name="Tekst {shape_id}"/>'
        '<p:cNvSpPr txBox="1"/><p:nvPr/></p:nvSpPr>'
        f'<p:spPr><a:xfrm><a:off x="{emu(left)}" y="{emu(top)}"/>'
        f'<a:ext cx="{emu(width)}" cy="{emu(height)}"/></a:xfrm>'
        '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/></p:spPr>'
        f'<p:txBody><a:bodyPr wrap="square" lIns="0" rIns="0" tIns="{emu(inset)}" '
        f'bIns="{emu(inset)}" anchor="t"><a:noAutofit/></a:bodyPr><a:lstStyle/>'
        f"{body}</p:txBody></p:sp>"
    )
    return etree.fromstring(xml)


_BORDERS = "".join(
    f'<a:{side} w="9525" cap="flat" cmpd="sng" algn="ctr">{_fill(BORDER)}</a:{side}>'
    for side in ("lnL", "lnR", "lnT", "lnB")
)


def _cell(cell: Cell | None, margin_x: int, margin_y: int, span: str, size: float) -> str:
    content = cell or _EMPTY
    borders = _BORDERS
    # an empty cell's paragraph at the table's size: without one, LibreOffice sets it at
    # 18 pt and grows a row of 12 pt text by 6 pt, past what the paginator measured
    body = (
        paragraphs_xml(content.paras, content.colour)
        if content.paras
        else f'<a:p><a:endParaRPr lang="{LANG}" sz="{round(size * 100)}"/></a:p>'
    )
    return (
        f"<a:tc{span}><a:txBody><a:bodyPr/><a:lstStyle/>"
        f"{body}</a:txBody>"
        f'<a:tcPr marL="{margin_x}" marR="{margin_x}" marT="{margin_y}" marB="{margin_y}" '
        f'anchor="t">{borders}{_fill(content.fill or "FFFFFF")}</a:tcPr></a:tc>'
    )


_EMPTY = Cell()


def _spans(slice_: TableSlice) -> dict[tuple[int, int], str]:
    """The merge attributes of the body's cells, by (row, column), as PowerPoint writes a
    merged rectangle: the cells of its left column carry ``gridSpan``, those of its top row
    ``rowSpan``, the others ``hMerge`` (right of the left column) and ``vMerge`` (below the
    top row)."""
    spans: dict[tuple[int, int], str] = {}
    for r, row in enumerate(slice_.rows):
        for c, attrs in _row_spans(row).items():
            spans[(r, c)] = attrs
    for first, last, column in slice_.merges:
        origin = slice_.rows[first][column]
        width = origin.span if origin is not None else 1
        for r in range(first, last + 1):
            for c in range(column, column + width):
                attrs = f' rowSpan="{last - first + 1}"' if r == first else ' vMerge="1"'
                if width > 1:
                    attrs += f' gridSpan="{width}"' if c == column else ' hMerge="1"'
                spans[(r, c)] = attrs
    return spans


def _row_spans(row: tuple[Cell, ...] | list[Cell | None]) -> dict[int, str]:
    """``gridSpan`` on the cells of one row that span columns, ``hMerge`` on those they cover."""
    spans: dict[int, str] = {}
    covered = 0
    for c, cell in enumerate(row):
        if c < covered or cell is None or cell.span == 1:
            continue
        covered = c + cell.span
        spans[c] = f' gridSpan="{cell.span}"'
        for k in range(c + 1, min(covered, len(row))):
            spans[k] = ' hMerge="1"'
    return spans


def table(
    shape_id: int,
    left: float,
    top: float,
    description: str,
    slice_: TableSlice,
    margin_x: float,
    margin_y: float,
) -> etree._Element:
    """A native table (``p:graphicFrame``) with the slice's widths, heights, cells and merges."""
    mx, my = emu(margin_x), emu(margin_y)
    size = next((p.size for cell in slice_.header for p in cell.paras), 11.0)
    spans = _spans(slice_)
    header = _row_spans(slice_.header)
    grid = "".join(f'<a:gridCol w="{emu(w)}"/>' for w in slice_.widths)
    rows = [
        f'<a:tr h="{emu(slice_.header_height)}">'
        + "".join(_cell(c, mx, my, header.get(i, ""), size) for i, c in enumerate(slice_.header))
        + "</a:tr>"
    ]
    for r, (cells, height) in enumerate(zip(slice_.rows, slice_.heights, strict=True)):
        rows.append(
            f'<a:tr h="{emu(height)}">'
            + "".join(_cell(c, mx, my, spans.get((r, i), ""), size) for i, c in enumerate(cells))
            + "</a:tr>"
        )
    xml = (
        f"<p:graphicFrame {_NS}><p:nvGraphicFramePr>"
        f'<p:cNvPr id="{shape_id}" name="Tabel {shape_id}" descr={quoteattr(description)}/>'
        '<p:cNvGraphicFramePr><a:graphicFrameLocks noGrp="1"/></p:cNvGraphicFramePr><p:nvPr/>'
        f'</p:nvGraphicFramePr><p:xfrm><a:off x="{emu(left)}" y="{emu(top)}"/>'
        f'<a:ext cx="{emu(sum(slice_.widths))}" cy="{emu(slice_.height)}"/></p:xfrm>'
        f'<a:graphic><a:graphicData uri="{_TABLE_URI}"><a:tbl>'
        f'<a:tblPr firstRow="1"/><a:tblGrid>{grid}</a:tblGrid>{"".join(rows)}'
        "</a:tbl></a:graphicData></a:graphic></p:graphicFrame>"
    )
    return etree.fromstring(xml)
