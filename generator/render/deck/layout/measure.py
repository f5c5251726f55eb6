"""Measuring: the lines, height and widths of paragraphs, cells and texts at a width, each
counted once per (text, width, size) and cached, as the layout asks for them many times."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache

from generator.render.deck.content import Cell, Para, Run, Text, bullet_room, indent
from generator.render.deck.layout.pages import CELL_MARGIN_X, CELL_MARGIN_Y, TEXT_INSET
from generator.render.typography.breaking import (
    WrappedLine,
    count_lines,
    line_em,
    widest_word_em,
    wrap,
)
from generator.render.typography.hyphenation import hyphenate
from generator.render.typography.metrics import HELD_SPACE, LINE, RAISE, em_width


def text_width(para: Para, width: float) -> float:
    return max(width - indent(para) - bullet_room(para), para.size)


def link_head(run: Run, room: float, size: float) -> str:
    """What of a linked run LibreOffice shows as one field, which it never breaks at a space:
    the words of the link's first line when it wraps in ``room`` points (the writer links only
    those, the rest is plain text), else all of it."""
    lines = wrap([(run.text, run.bold, run.italic)], room, size)
    return "".join(piece for piece, _, _ in lines[0]) if len(lines) > 1 else run.text


def measured(run: Run, room: float | None = None, size: float = 0.0) -> str:
    """A run's text as it is measured: a superscript run's digits raised (``metrics.RAISE``);
    a link's field (``link_head``, in a box ``room`` points wide) held together."""
    if run.superscript:
        return run.text.translate(RAISE)
    if room is not None and (run.link or run.href):
        head = link_head(run, room, size)
        return head.replace(" ", HELD_SPACE) + run.text[len(head) :]
    return run.text


def para_lines(para: Para, width: float) -> list[WrappedLine]:
    """The lines ``para`` takes in a box ``width`` points wide (measured once, then cached)."""
    room = text_width(para, width)
    return wrapped(
        tuple((measured(run, room, para.size), run.bold, run.italic) for run in para.runs),
        room,
        para.size,
    )


@lru_cache(maxsize=16384)
def wrapped(
    pieces: tuple[tuple[str, bool, bool], ...], width: float, size: float
) -> list[WrappedLine]:
    return wrap(pieces, width, size)


def para_height(para: Para, width: float) -> float:
    room = text_width(para, width)
    return _line_count(para.runs, room, para.size) * para.size * LINE + para.space_before


@lru_cache(maxsize=65536)
def _line_count(runs: tuple[Run, ...], room: float, size: float) -> int:
    """How many lines ``runs`` take in ``room`` points at ``size``: what a height needs,
    counted once per (text, width, size) and never made into lines (``para_lines`` makes them
    for the paragraphs that are split)."""
    pieces = tuple((measured(run, room, size), run.bold, run.italic) for run in runs)
    return count_lines(pieces, room, size)


def paras_height(paras: Sequence[Para], width: float) -> float:
    return sum(para_height(p, width) for p in paras)


def cell_height(cell: Cell, width: float) -> float:
    inner = width - 2 * CELL_MARGIN_X
    return paras_height(cell.paras, inner) + 2 * CELL_MARGIN_Y


def spanned(widths: Sequence[float], column: int, cell: Cell) -> float:
    """The width of ``cell`` in ``column``, with the columns it spans."""
    return sum(widths[column : column + cell.span])


def text_height(text: Text, width: float) -> float:
    return paras_height(text.paras, width) + 2 * TEXT_INSET


@lru_cache(maxsize=65536)
def ems(runs: tuple[Run, ...]) -> tuple[float, float]:
    """A paragraph's widest word and its text unbroken, in ems."""
    pieces = [(measured(run), run.bold, run.italic) for run in runs]
    return widest_word_em(pieces), line_em(pieces)


def widest_word(paras: Sequence[Para]) -> float:
    """Width in points of the widest word with its paragraph's indent (to size columns)."""
    return max((indent(p) + bullet_room(p) + ems(p.runs)[0] * p.size for p in paras), default=0.0)


_GAPS = re.compile(r"([ \n\t]+)")


def fit_words(paras: Sequence[Para], width: float) -> tuple[list[Para], int]:
    """``paras`` with every word wider than a ``width`` points box hyphenated (a visible hyphen,
    then a line break, which PowerPoint and LibreOffice show alike); and how many breaks fell
    between characters because no hyphenation point fitted."""
    result: list[Para] = []
    forced = 0
    for para in paras:
        room = text_width(para, width)
        if ems(para.runs)[0] * para.size <= room:
            result.append(para)
            continue
        limit = room / para.size
        runs = []
        for run in para.runs:
            if run.superscript:  # a footnote marker: digits
                runs.append(run)
                continue
            tokens = _GAPS.split(run.text)
            for index in range(0, len(tokens), 2):
                token = tokens[index]
                if token and em_width(token, bold=run.bold, italic=run.italic) > limit:
                    pieces, broken = hyphenate(token, limit, bold=run.bold, italic=run.italic)
                    tokens[index] = "\n".join(pieces)
                    forced += broken
            runs.append(replace(run, text="".join(tokens)))
        result.append(replace(para, runs=tuple(runs)))
    return result, forced
