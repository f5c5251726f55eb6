"""Page furniture: what every slide carries around its content (its title's size, a divider's
agenda text, the footer with the meeting and the slide number), decided once, so the PPTX
writer and the SVG writer draw the same slide and the footer's text is made to fit its box."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from generator.render.deck.content import GRIJS, Para, Run
from generator.render.typography.breaking import fits

#: the band at a slide's foot that holds the footer, in points (the body ends above it)
FOOTER = 34.0
#: the sizes a content slide's title is set in, largest first (the largest that takes two lines)
TITLE_SIZES = (28.0, 24.0, 20.0)
#: the share of the content width the footer's text has (the slide number has the rest), the
#: insets of its box, its size and the height of its boxes, in points
FOOTER_SHARE, FOOTER_INSETS, FOOTER_SIZE, FOOTER_HEIGHT = 0.8, 14.4, 9.0, 16.0
#: the slide number's share: the rest, written out (1 - 0.8 is not 0.2 in floating point)
_NUMBER_SHARE = 0.2


def title_size(title: str, width: float) -> float:
    """The size of a content slide's ``title`` in a title box ``width`` points wide: the
    largest of ``TITLE_SIZES`` at which it takes at most two lines."""
    return next(
        (size for size in TITLE_SIZES if fits([(title, True, False)], width, size, 2)),
        TITLE_SIZES[-1],
    )


def divider_text(subtitle: str, fitting: Callable[[str], bool]) -> str:
    """A divider's text (its agenda items, a line each), or a pointer to the agenda when the
    items do not fit the layout's placeholder (``fitting``)."""
    if subtitle and not fitting(subtitle):
        return f"{len(subtitle.splitlines())} agendapunten: zie de agenda"
    return subtitle


@dataclass(frozen=True)
class FooterBox:
    """A footer paragraph in its text box at the slide's foot: left, top and width in points."""

    para: Para
    left: float
    top: float
    width: float


def footer_boxes(
    footer: str, number: int, *, left: float, slide_width: float, slide_height: float
) -> tuple[FooterBox, FooterBox]:
    """The footer's text (grey, left) and the slide number (grey, right) at the slide's foot."""
    top = slide_height - FOOTER + 8
    width = slide_width - 2 * left
    text = Para((Run(footer, colour=GRIJS),), size=FOOTER_SIZE)
    count = Para((Run(str(number), colour=GRIJS),), size=FOOTER_SIZE, align="r")
    return (
        FooterBox(text, left, top, width * FOOTER_SHARE),
        FooterBox(count, left + width * FOOTER_SHARE, top, width * _NUMBER_SHARE),
    )
