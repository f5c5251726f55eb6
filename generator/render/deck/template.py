"""The deck's template opened with python-pptx: its layouts found by name (English or Dutch),
the body area of a content slide, and whether a divider's agenda fits its text box. The PPTX
writer writes on it; the SVG writer, the preview and the visual diff read its sizes, without
importing the PPTX writer. ``Meta`` is what the deck says about itself (document properties,
the footer's line), made with the layout and written by the PPTX writer.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from importlib.resources.abc import Traversable
from pathlib import Path

from lxml.etree import LxmlError
from pptx import Presentation
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.exc import PackageNotFoundError
from pptx.opc.constants import CONTENT_TYPE as CT
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.package import Part
from pptx.opc.packuri import PackURI
from pptx.oxml.ns import qn
from pptx.presentation import Presentation as PresentationType
from pptx.shapes.base import BaseShape
from pptx.slide import SlideLayout

from generator.render.deck import oxml, package
from generator.render.deck.furniture import (
    FOOTER,
)
from generator.render.deck.layout.pages import (
    Geometry,
)
from generator.render.deck.package import TemplateError
from generator.render.typography.breaking import wrap
from generator.render.typography.metrics import LINE

#: the layouts the deck uses, by the names PowerPoint gives them (English and Dutch)
LAYOUTS = {
    "title": ("Title Slide", "Titeldia"),
    "section": ("Section Header", "Sectiekop"),
    "content": ("Title Only", "Alleen titel"),
}
TITLE_TYPES = (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE)
TEXT_TYPES = (PP_PLACEHOLDER.SUBTITLE, PP_PLACEHOLDER.BODY, PP_PLACEHOLDER.OBJECT)
#: room kept free at the bottom of content slides for the footer, in points
GAP = 8.0
DIVIDER_SIZE = 20.0
#: the smallest content area (width, height in points) a template's content layout may leave
MIN_BODY = (200.0, 150.0)


@dataclass(frozen=True)
class Meta:
    title: str
    subject: str
    author: str
    footer: str
    keywords: str = ""


class Template:
    """An opened template: its layouts by role and the body area of a content slide."""

    def __init__(self, path: Path | Traversable) -> None:
        package.check(path)  # sizes, part count and XML first: python-pptx trusts them
        try:
            self._open(path)
        except TemplateError:
            raise
        except (PackageNotFoundError, zipfile.BadZipFile) as exc:
            raise TemplateError(path, f"it is not a PowerPoint file (.pptx): {exc}") from None
        except (KeyError, ValueError, AttributeError, IndexError, TypeError, LxmlError) as exc:
            # well-formed parts that do not make a presentation python-pptx can read
            problem = f"its parts do not make a presentation ({type(exc).__name__}: {exc})"
            raise TemplateError(path, problem) from None

    def _open(self, path: Path | Traversable) -> None:
        self.prs: PresentationType = Presentation(io.BytesIO(path.read_bytes()))
        _remove_slides(self.prs)
        _ensure_app_properties(self.prs)
        available = [layout.name for layout in self.prs.slide_layouts]
        self.layouts: dict[str, SlideLayout] = {}
        for role, names in LAYOUTS.items():
            layout = next((lay for lay in self.prs.slide_layouts if lay.name in names), None)
            if layout is None:
                raise TemplateError(
                    path,
                    f"it has no layout named {' or '.join(repr(n) for n in names)}"
                    f" (it has: {', '.join(repr(n) for n in available)})",
                )
            self.layouts[role] = layout
        self.cloneable = {
            role: list(layout.iter_cloneable_placeholders())
            for role, layout in self.layouts.items()
        }
        title = _placeholder(self.layouts["content"], TITLE_TYPES)
        if title is None:
            raise TemplateError(path, f"its layout '{self.layouts['content'].name}' has no title")
        self.slide_width = _pt(self.prs.slide_width)
        self.slide_height = _pt(self.prs.slide_height)
        self.left = _pt(title.left)
        self.top = _pt(title.top) + _pt(title.height) + GAP
        self.title_width = _pt(title.width)
        self._section_text = _placeholder(self.layouts["section"], TEXT_TYPES)
        self.geometry = Geometry(
            width=min(_pt(title.width), self.slide_width - 2 * self.left),
            height=self.slide_height - self.top - FOOTER,
        )
        width, height = self.geometry.width, self.geometry.height
        if width < MIN_BODY[0] or height < MIN_BODY[1]:
            raise TemplateError(
                path,
                f"its layout '{self.layouts['content'].name}' leaves {max(width, 0):.0f} by "
                f"{max(height, 0):.0f} points under its title for the content; at least "
                f"{MIN_BODY[0]:.0f} by {MIN_BODY[1]:.0f} are needed",
            )

    def fits_section_text(self, text: str) -> bool:
        """Whether ``text`` fits the divider layout's text placeholder, at the size its first
        level is set in (20 pt when the layout does not say). Without a placeholder nothing
        is shown, so anything fits."""
        shape = self._section_text
        if shape is None:
            return True
        size = DIVIDER_SIZE
        props = shape._element.find(f".//{qn('a:lvl1pPr')}/{qn('a:defRPr')}")
        if props is not None and props.get("sz"):
            size = int(props.get("sz")) / 100
        width = _pt(shape.width) - 14.4  # default insets: 0.1 inch left and right
        lines = sum(len(wrap([(line, False, False)], width, size)) for line in text.splitlines())
        return lines * size * LINE + 7.2 <= _pt(shape.height)


def _pt(value: int | None) -> float:
    return (value or 0) / oxml.EMU_PER_PT


def _placeholder(layout: SlideLayout, types: tuple[PP_PLACEHOLDER, ...]) -> BaseShape | None:
    for shape in iter(layout.placeholders):
        if shape.placeholder_format.type in types:
            return shape
    return None


def _ensure_app_properties(prs: PresentationType) -> None:
    """A template may lack the optional ``docProps/app.xml``; the deck always has one (its
    content is written when the deck is saved)."""
    opc = prs.part.package
    try:
        opc.part_related_by(RT.EXTENDED_PROPERTIES)
    except KeyError:
        part = Part(PackURI("/docProps/app.xml"), CT.OFC_EXTENDED_PROPERTIES, opc, b"")
        opc.relate_to(part, RT.EXTENDED_PROPERTIES)


def _remove_slides(prs: PresentationType) -> None:
    """An organisation's template may hold example slides; the deck starts empty."""
    id_list = prs.slides._sldIdLst
    for slide_id in list(id_list):
        prs.part.drop_rel(slide_id.get(qn("r:id")))
        id_list.remove(slide_id)
