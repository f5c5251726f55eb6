"""The title slide's title, set small enough to fit its placeholder: a meeting title of thirty
words at the layout's 44 pt grew off the slide's top."""

from __future__ import annotations

from typing import Any

from pptx.oxml.ns import qn
from pptx.slide import Slide, SlideLayout
from pptx.util import Emu

from generator.render.deck import oxml
from generator.render.typography.breaking import wrap
from generator.render.typography.metrics import LINE

#: the sizes a title slide's title may shrink to, largest first
FIT_SIZES = (40.0, 36.0, 32.0, 28.0, 24.0, 20.0, 18.0, 16.0, 14.0)
#: PowerPoint's default insets of a text frame: 0.1 inch left and right, 0.05 top and bottom
INSETS = (14.4, 7.2)
_TITLES = ("title", "ctrTitle")


def fit_title(slide: Slide, title: str, layout: SlideLayout) -> None:
    """Set ``slide``'s title at the largest size, from the layout's own down to 14 pt, at which
    it fits its placeholder."""
    shape = slide.shapes.title
    if shape is None or not title or shape.width is None or shape.height is None:
        return
    start = title_size(layout)
    width, height = shape.width / 12700 - INSETS[0], shape.height / 12700 - INSETS[1]
    size = start
    for size in [s for s in (start, *FIT_SIZES) if s <= start]:
        if len(wrap([(title, False, False)], width, size)) * size * LINE <= height:
            break
    if size != start:
        for paragraph in shape.text_frame.paragraphs:
            for run in paragraph.runs:
                run.font.size = Emu(oxml.emu(size))


def title_size(layout: SlideLayout) -> float:
    """The size a layout sets its title in: its title placeholder's, else its master's title
    style, else PowerPoint's default of 44 pt."""
    found: list[Any] = []
    for shape in layout._element.iter(qn("p:sp")):
        ph = shape.find(f".//{qn('p:ph')}")
        if ph is not None and ph.get("type") in _TITLES:
            found += shape.iter(qn("a:defRPr"), qn("a:rPr"), qn("a:endParaRPr"))
    style = layout.slide_master._element.find(f".//{qn('p:titleStyle')}/{qn('a:lvl1pPr')}")
    if style is not None:
        found += style.iter(qn("a:defRPr"))
    sizes = [int(props.get("sz")) / 100 for props in found if str(props.get("sz", "")).isdigit()]
    return sizes[0] if sizes else 44.0
