"""An action's row of the Word table or the spreadsheet, cut into parts that each fit.

Word and LibreOffice lay the table out themselves, and neither can repeat a cell's text on the
next page. So the DOCX keeps every row on one page (``cantSplit``) and cuts an action where a
page will end into several rows beforehand (``Pages``); the later rows are headed "30
(vervolg)" with the status, so a row that continues on the next page names itself there, as it
does in the PDF, and no page is left half empty before an action that does not fit on it.
A spreadsheet row is at most 409 points tall, whatever it holds: the XLSX continues a longer
action in the next rows the same way (``columns``), cutting a paragraph between its sentences
(``Setting.sentences``), since its rows are read one by one, sorted and filtered, not as a page.

Heights are estimated with Arial's widths (Liberation Sans has the same; the deck measures
with them too, ``generator.render.typography``) and each format's line spacing (``Setting``).
For the Word table the estimate is what LibreOffice does, line for line: measured on the 86
actions of 2021, a row was never shorter than estimated and rarely a line taller, so a page of
estimates ends where LibreOffice's does (``tests/test_actions_office.py`` checks it).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from generator.render.typography.breaking import first_lines
from generator.text.lines import Line
from generator.text.model import Span

#: points per millimetre
MM = 72 / 25.4
#: of the room a page has for rows, what is kept free at its foot for the estimate's errors
MARGIN = 0.05
#: what a row's borders add to its height
ROW = 0.5


@dataclass(frozen=True)
class Setting:
    """How a format sets a cell's text, in points."""

    size: float
    #: from one line to the next
    leading: float
    #: the cell's left and right margins together
    margins: float
    #: the indent of each list level
    indent: float
    #: text is measured in a line this much wider than it is (``metrics`` errs wide by 4%,
    #: for PowerPoint's sake; Word and LibreOffice set Arial about as measured)
    fit: float = 1.0
    #: a paragraph too tall for what is left of a part is cut between its sentences, never
    #: inside one (a sentence taller than a whole part is cut between its lines)
    sentences: bool = False
    #: space after each paragraph (Word's cells: between a cell's paragraphs)
    after: float = 0.0


#: the Word table: Arial 10 at single spacing (1.15 of its size), Table Grid's margins (0.075
#: inch each side), Word's list styles (a quarter inch a level), the line as wide as it is
#: (LibreOffice breaks lines as measured so; measured 5% wider, rows come out a line short),
#: 3 points between a cell's paragraphs (they ran together)
WORD = Setting(size=10.0, leading=11.5, margins=10.8, indent=18.0, fit=1.04, after=3.0)
#: lines of a cut row kept together on either side of the cut
KEEP = 3 * WORD.leading
#: a paragraph cut between parts leaves at least this many lines in the first, and takes at
#: least this many to the next
ORPHANS, WIDOWS = 2, 2
#: where a sentence ends: after a full stop, question or exclamation mark (and a closing quote
#: or bracket), at the spaces before a capital; "o.a. een" and "nr. 16" go on
SENTENCE_END = re.compile(r"(?:(?<=[.!?…])|(?<=[.!?…][\"'’”)\]]))[ \t]+(?=[\"'‘“(]?[A-ZÀ-ÖØ-Þ])")


@dataclass(frozen=True)
class CellParagraph:
    """A paragraph of a cell: a line of Markdown (``kind`` "tekst") or one of the action's own
    lines ("motie", "eigenaar", "bijgewerkt"), which the writer styles by their kind."""

    kind: str
    line: Line


@dataclass(frozen=True)
class ActionPart:
    """One table row's worth of an action: what its two text cells hold on one page."""

    omschrijving: tuple[CellParagraph, ...]
    stand: tuple[CellParagraph, ...]
    vervolg: bool


def height(
    para: CellParagraph, width: float, setting: Setting = WORD, cap: float | None = None
) -> float:
    """How tall ``para`` is, in points, in a column ``width`` points wide; with ``cap``, a line
    more than ``cap`` at most (measuring stops there: a paragraph of a megabyte is measured as
    far as a part needs, not to its end for every part)."""
    most = None if cap is None else max(int(cap // setting.leading) + 1, 1)
    return _lines(para, width, setting, most) * setting.leading + setting.after


def _room(para: CellParagraph, width: float, setting: Setting) -> float:
    room = (width - setting.margins - setting.indent * para.line.level) * setting.fit
    return max(room, setting.size)


def _lines(para: CellParagraph, width: float, setting: Setting, most: int | None = None) -> int:
    """How many lines ``para`` takes; with ``most``, at most that many are counted."""
    return max(1, len(_wrapped(para, width, setting, most)))


def _wrapped(
    para: CellParagraph,
    width: float,
    setting: Setting,
    most: int | None = None,
    *,
    bullet: bool = True,
) -> list[list[tuple[str, bool, bool]]]:
    """The lines of ``para`` (the first ``most`` of them, if given), its bullet first."""
    pieces = [(run.text, run.bold, run.italic) for run in para.line.runs]
    if para.line.bullet and bullet:
        pieces.insert(0, (para.line.bullet + " ", False, False))
    count = len(para.line.text) + 2 if most is None else most
    return first_lines(pieces, _room(para, width, setting), setting.size, count)


class Pages:
    """Where the Word table's rows will fall on its pages (estimated), to cut a long action
    where a page ends rather than leave the page before it half empty.

    A row that fits in what is left of the page goes there. One that does not is cut at the
    page's foot when ``KEEP`` of it fits there and ``MARGIN`` and ``KEEP`` of it are left for
    the next page; a shorter one goes to the next page whole. ``MARGIN`` of a page is kept free
    at its foot for the estimate's errors: Word and LibreOffice never break a row, so a part
    that turned out taller than estimated would go to the next page whole, and one that turned
    out shorter must not leave room for the next part on the same page.
    A section band stays on the page where the next row starts (it is kept with it).
    """

    def __init__(self, room: float, *, first: float, row: float = ROW) -> None:
        self.room = room
        #: what a row adds to its text's height: its borders, its cells' padding
        self.row = row
        self.left = first
        #: the bands waiting for the next row, and how tall they are together
        self.bands = 0.0

    def keep(self, tall: float) -> None:
        """A row that is never cut and is kept with the next (a section band)."""
        self.bands += tall + self.row

    def parts(
        self,
        omschrijving: list[CellParagraph],
        stand: list[CellParagraph],
        widths: tuple[float, float],
        *,
        label: float,
        vervolg: float,
    ) -> list[ActionPart]:
        """The action's rows: one, or where it runs over a page's foot, one per page. ``label``
        is how tall the Actie cell is in the first row (number, status), ``vervolg`` in the
        later ones."""
        columns = [_Column(omschrijving, widths[0], WORD), _Column(stand, widths[1], WORD)]
        result: list[ActionPart] = []
        # past this, how tall the rest is changes nothing here (it does not fit, and is cut
        # where the page ends): measured no further, so a long action costs linear time
        cap = 3 * self.room
        while True:
            head = vervolg if result else label
            tall = max(head, *(column.height(cap) for column in columns))
            left = self.left - self.bands
            if tall + self.row <= left:
                held = [tuple(column.rest) for column in columns]
                result.append(ActionPart(held[0], held[1], vervolg=bool(result)))
                self.left, self.bands = left - tall - self.row, 0.0
                return result
            fresh = self.left >= self.room
            limit = min(left - self.room * MARGIN - self.row, tall - self.room * MARGIN - KEEP)
            if fresh or limit >= max(head, KEEP):
                if fresh:  # taller than a page: as much as a page holds
                    limit = left - self.room * MARGIN - self.row
                held = [column.take(limit) for column in columns]
                result.append(ActionPart(held[0], held[1], vervolg=bool(result)))
                self.bands = 0.0
            self.left = self.room


def columns(
    cells: Sequence[Sequence[CellParagraph]],
    widths: Sequence[float],
    limit: float,
    setting: Setting,
) -> list[tuple[tuple[CellParagraph, ...], ...]]:
    """Cells side by side, cut into parts of at most ``limit`` points each (per part, what
    each cell holds), at paragraph ends where a paragraph fits, else between its lines."""
    found = [_Column(paras, width, setting) for paras, width in zip(cells, widths, strict=True)]
    result: list[tuple[tuple[CellParagraph, ...], ...]] = []
    while not result or any(column.rest for column in found):
        result.append(tuple(column.take(limit) for column in found))
    return result


class _Column:
    def __init__(self, paras: Sequence[CellParagraph], width: float, setting: Setting) -> None:
        self.rest = list(paras)
        self.width = width
        self.setting = setting

    def height(self, cap: float) -> float:
        """How tall the rest is, or more than ``cap`` when it is (measured no further)."""
        total = 0.0
        for para in self.rest:
            total += height(para, self.width, self.setting, cap - total)
            if total > cap:
                break
        return total

    def take(self, limit: float) -> tuple[CellParagraph, ...]:
        """As many paragraphs from the start as fit in ``limit`` points, and of the next as
        many lines as fit when that is ``ORPHANS`` lines or more and leaves ``WIDOWS`` for the
        next part; at least some lines of the first, which is split when it alone is taller."""
        taken: list[CellParagraph] = []
        used = 0.0
        leading = self.setting.leading
        while self.rest:
            para = self.rest[0]
            # measured as far as the decision needs: what fits, and the widows after it
            cap = limit - used + (WIDOWS + 2) * leading
            tall = height(para, self.width, self.setting, cap)
            if used + tall <= limit:
                taken.append(self.rest.pop(0))
                used += tall
                continue
            if self.setting.sentences:
                head, tail = _sentences(para, self.width, limit - used, self.setting)
                if head is not None:
                    taken.append(head)
                    self.rest[0] = tail
                    break
                if taken:  # not even its first sentence fits: it goes to the next part
                    break
            fits = int((limit - used) // leading)
            count = min(fits, round(tall / leading) - WIDOWS)
            if not taken or count >= ORPHANS:  # split it between its lines
                head, tail = _split(
                    para, self.width, max(count, 1), self.setting, between_words=bool(taken)
                )
                if head.line.runs:
                    taken.append(head)
                if tail.line.runs:
                    self.rest[0] = tail
                else:
                    self.rest.pop(0)
            break
        return tuple(taken)


def _split(
    para: CellParagraph, width: float, count: int, setting: Setting, *, between_words: bool = False
) -> tuple[CellParagraph, CellParagraph]:
    """The first ``count`` lines of ``para`` (fewer, to cut between words) and the rest, each
    a paragraph of its own; the rest keeps the list level but not the bullet. A word wider than
    a line may be cut inside, unless ``between_words``: then the head is empty. Only the lines
    up to the cut are measured: the rest is the text after them, as it is."""
    lines = _wrapped(para, width, setting, count + 1, bullet=False)
    if len(lines) < 2:
        return para, replace(para, line=Line((), para.line.level, None))
    count = max(1, min(count, len(lines) - 1))

    source = "".join(run.text for run in para.line.runs)
    at = 0  # how far into ``source`` the lines so far reach
    spaced: list[bool] = []  # per line: whether a space stood where it broke
    ends: list[int] = []  # per line: where its text ends in ``source``
    starts: list[int] = []  # per line: where the next line's text starts
    for line in lines[:count]:
        for text, _, _ in line:
            found = source.find(text, at)
            at = (found if found >= 0 else at) + len(text)
        ends.append(at)
        newline = line[-1][0].endswith("\n") if line else False
        spaced.append(not newline and (at >= len(source) or source[at] in " \t"))
        while at < len(source) and source[at] in " \t":
            at += 1
        starts.append(at)

    # a word wider than a line is cut between lines only if no line before the cut ends
    # between words: a word broken across two rows is not found by a search
    ended = [
        space or (bool(line) and line[-1][0].endswith("\n"))
        for space, line in zip(spaced, lines, strict=False)
    ]
    cut = next((c for c in range(count, 0, -1) if ended[c - 1]), None)
    if cut is None and between_words:
        return replace(para, line=Line((), para.line.level, None)), para
    count = cut or count
    head = replace(para, line=replace(para.line, runs=_cut(para.line.runs, 0, ends[count - 1])))
    rest = _cut(para.line.runs, starts[count - 1], len(source))
    tail = replace(para, line=Line(rest, para.line.level, None))
    return head, tail


def _sentences(
    para: CellParagraph, width: float, room: float, setting: Setting
) -> tuple[CellParagraph | None, CellParagraph]:
    """The most whole sentences from the start of ``para`` that fit in ``room`` points, and the
    rest (a paragraph of its own, at the same list level); ``None`` and ``para`` if not even
    the first does, or if ``para`` is one sentence.

    Lines are broken greedily, so a head of the text has the text's own first lines: the
    sentence ends that can fit lie within the text's first lines that fit, and only those are
    measured (a long paragraph costs the length of a part, not of its rest, per part)."""
    text = para.line.text
    most = max(int(room // setting.leading), 0)
    if most == 0:
        return None, para
    head_part, rest = _split(para, width, most + 1, setting)
    reach = len(head_part.line.text) + 1 if rest.line.runs else len(text)
    ends = [match.span() for match in SENTENCE_END.finditer(text, 0, min(reach + 2, len(text)))]
    for start, end in reversed(ends):
        head = replace(para, line=replace(para.line, runs=_cut(para.line.runs, 0, start)))
        if height(head, width, setting, room) <= room:
            tail = Line(_cut(para.line.runs, end, len(text)), para.line.level, None)
            return head, replace(para, line=tail)
    return None, para


def _cut(runs: Sequence[Span], start: int, end: int) -> tuple[Span, ...]:
    """The runs' text from ``start`` to ``end`` (offsets in their joined text), styles kept."""
    found: list[Span] = []
    at = 0
    for run in runs:
        first, last = max(start - at, 0), min(end - at, len(run.text))
        if first < last:
            found.append(replace(run, text=run.text[first:last]))
        at += len(run.text)
    return tuple(found)
