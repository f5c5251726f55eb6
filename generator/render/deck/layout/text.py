"""Splitting text over slides: a cursor over measured paragraphs that hands out what fits in
some room, between paragraphs where it can, else between sentences, else between lines."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from itertools import accumulate, groupby

from generator.render.deck.content import Para, Run
from generator.render.deck.layout.measure import para_height, para_lines
from generator.render.typography.breaking import WrappedLine
from generator.render.typography.metrics import HELD_SPACE, LINE, LOWER, RAISED_DIGITS

#: what a continued cell starts with, in italics
VERVOLG = "(vervolg)"

#: where a sentence ends: a full stop (question mark, ...) before a space and a capital or figure
_SENTENCE = re.compile(r"[.!?][\"')\u201d]?(?= [A-Z0-9\u00c0-\u00dd\u201c\"'(])")
_SENTENCE_END = re.compile(r"[.!?][\"')\u201d]?$")
_STARTS = re.compile(r"[A-Z0-9\u00c0-\u00dd\u201c\"'(]")
#: a paragraph split between sentences mid-line is wrapped again from there: not when more
#: than this many lines follow (a paragraph of a megabyte is split between lines instead)
_REWRAP = 400


def _line_text(line: WrappedLine) -> str:
    return "".join(text for text, _, _ in line)


def _cut(line: WrappedLine, at: int) -> tuple[WrappedLine, WrappedLine]:
    """A line's pieces before character ``at``, and after it (the space there dropped)."""
    head: WrappedLine = []
    tail: WrappedLine = []
    seen = 0
    for text, bold, italic in line:
        if seen + len(text) <= at:
            head.append((text, bold, italic))
        elif seen >= at:
            tail.append((text, bold, italic))
        else:
            head.append((text[: at - seen], bold, italic))
            tail.append((text[at - seen :], bold, italic))
        seen += len(text)
    if tail:
        tail[0] = (tail[0][0].lstrip(" "), *tail[0][1:])
    return head, [piece for piece in tail if piece[0]]


class Paras:
    """Paragraphs still to be placed, each measured once; the first may be partly placed.

    ``take`` hands out what fits in some room and moves on, so text that runs over many slides
    is never measured again, and never copied but for the part that goes on a slide. It breaks
    between paragraphs where it can, else between sentences, else between lines.
    """

    def __init__(self, paras: Sequence[Para], width: float) -> None:
        self.paras = list(paras)
        self.width = width
        self._heights = [para_height(para, width) for para in self.paras]
        #: the height of paras[i:], for every i
        self._after = list(accumulate(reversed(self._heights), initial=0.0))[::-1]
        self.index = 0
        self.line = 0  # lines of paras[index] placed already
        self._split: tuple[list[WrappedLine], dict[tuple[bool, bool], str | None]] | None = None

    @property
    def done(self) -> bool:
        return self.index >= len(self.paras)

    @property
    def started(self) -> bool:
        """Whether some of the text has been handed out, and some is left."""
        return not self.done and (self.index > 0 or self.line > 0)

    def height(self) -> float:
        """The height of what is left."""
        if self.done:
            return 0.0
        return self._after[self.index + 1] + self._left()

    def _left(self) -> float:
        """The height of the current paragraph's part not placed yet."""
        if not self.line:
            return self._heights[self.index]
        lines, _ = self._current()
        return (len(lines) - self.line) * _step(self.paras[self.index])

    def _current(self) -> tuple[list[WrappedLine], dict[tuple[bool, bool], str | None]]:
        if self._split is None:
            para = self.paras[self.index]
            colours = {(run.bold, run.italic): run.colour for run in para.runs}
            self._split = para_lines(para, self.width), colours
        return self._split

    def take(self, room: float) -> tuple[list[Para], float]:
        """The paragraphs (the last perhaps in part) that fit in ``room`` points, and their
        height. Nothing when not even a line fits."""
        head: list[Para] = []
        used = 0.0
        while not self.done:
            para = self.paras[self.index]
            height = self._left()
            if used + height <= room:
                head.append(self._part(None) if self.line else para)
                used += height
                self._next()
                continue
            space = 0.0 if self.line else para.space_before
            fit = int((room - used - space) // _step(para))
            if fit <= 0:
                break
            # between paragraphs, unless that leaves more than a third of the room empty
            if head and room - used <= room / 3:
                break
            sentence = self._sentences(fit)
            if sentence is not None:
                part, lines = sentence
                head.append(part)
                used += lines * _step(para) + space
                break
            if head:
                break
            head.append(self._part(self.line + fit))
            used += fit * _step(para) + space
            break
        return head, used

    def _sentences(self, fit: int) -> tuple[Para, int] | None:
        """The current paragraph up to the last sentence end within its next ``fit`` lines,
        and how many lines that takes; None when no sentence ends there."""
        lines, colours = self._current()
        last = min(self.line + fit, len(lines)) - 1
        rewrap = len(lines) - last <= _REWRAP
        for number in range(last, self.line - 1, -1):
            text = _line_text(lines[number])
            if (
                number + 1 < len(lines)
                and _SENTENCE_END.search(text)
                and _STARTS.match(_line_text(lines[number + 1]))
            ):
                taken = number + 1 - self.line  # before _part moves the cursor on
                return self._part(number + 1), taken
            if not rewrap:
                continue
            ends = [match.end() for match in _SENTENCE.finditer(text)]
            if ends:
                head_line, tail_line = _cut(lines[number], ends[-1])
                para = self.paras[self.index]
                continued = self.line > 0
                part = _from_lines(
                    para, [*lines[self.line : number], head_line], colours, continued
                )
                rest = _from_lines(para, [tail_line, *lines[number + 1 :]], colours, True)
                taken = number + 1 - self.line
                self.paras[self.index] = rest
                self._heights[self.index] = para_height(rest, self.width)
                self.line = 0
                self._split = None
                return part, taken
        return None

    def _part(self, end: int | None) -> Para:
        """The current paragraph's lines from ``self.line`` to ``end``, as a paragraph."""
        lines, colours = self._current()
        part = _from_lines(self.paras[self.index], lines[self.line : end], colours, self.line > 0)
        self.line = len(lines) if end is None else min(end, len(lines))
        if self.line >= len(lines):
            self._next()
        return part

    def _next(self) -> None:
        self.index += 1
        self.line = 0
        self._split = None

    def rest(self) -> list[Para]:
        """Everything left, as paragraphs; the cursor is done after this."""
        rest: list[Para] = []
        if self.line and not self.done:
            rest.append(self._part(None))
        rest += self.paras[self.index :]
        self.index = len(self.paras)
        return rest


def _step(para: Para) -> float:
    return para.size * LINE


def _from_lines(
    para: Para,
    lines: Sequence[WrappedLine],
    colours: dict[tuple[bool, bool], str | None],
    continued: bool,
) -> Para:
    """A paragraph of some of ``para``'s lines, in as few runs as their styles allow."""
    pieces: list[tuple[str, bool, bool]] = []
    for line in lines:
        if pieces and not pieces[-1][0].endswith("\n"):
            # where the line broke there was a space: it goes with the text before it
            pieces.append((" ", pieces[-1][1], pieces[-1][2]))
        pieces.extend(line)
    if pieces and pieces[-1][0].endswith("\n"):  # the break is where the slide ends
        pieces[-1] = (pieces[-1][0][:-1], *pieces[-1][1:])
    runs = tuple(
        lowered
        for (bold, italic), group in groupby(pieces, key=lambda piece: piece[1:])
        for lowered in _lowered(
            Run("".join(text for text, _, _ in group), bold, italic, colours.get((bold, italic)))
        )
    )
    space = 0.0 if continued else para.space_before
    # a continued bullet paragraph keeps its indent, without a second bullet
    marked = para.marked and not continued
    return replace(para, runs=runs, marked=marked, space_before=space)


_RAISED = re.compile(f"([{RAISED_DIGITS}]+)")


def _lowered(run: Run) -> list[Run]:
    """A run rebuilt from measured lines as it was: its held spaces as spaces, its raised
    digits as superscript runs again."""
    if HELD_SPACE in run.text:
        run = replace(run, text=run.text.replace(HELD_SPACE, " "))
    if not _RAISED.search(run.text):
        return [run]
    parts = _RAISED.split(run.text)
    return [
        replace(run, text=part.translate(LOWER), superscript=True) if number % 2 else
        replace(run, text=part)
        for number, part in enumerate(parts)
        if part
    ]  # fmt: skip


def continued_marker(size: float) -> Para:
    return Para((Run(VERVOLG, italic=True),), size=size)
