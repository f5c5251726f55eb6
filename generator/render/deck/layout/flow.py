"""A section's blocks flowed over slides: the parts repeated on every slide placed first, a
heading kept with what it heads, text split and tables continued where a slide is full; a
text-only section balanced over its slides; the pages numbered "(I/III)"."""

from __future__ import annotations

from dataclasses import replace

from generator.exceptions import LayoutError
from generator.render.deck.content import Block, Section, Table, Text
from generator.render.deck.layout.measure import fit_words, text_height
from generator.render.deck.layout.pages import TEXT_INSET, Geometry, Page, Placed, TableSlice
from generator.render.deck.layout.rows import add_chunk
from generator.render.deck.layout.tables import (
    MIN_ROOM,
    TABLE_MIN,
    TABLE_STEP,
    TableLayout,
    first_good,
    table_sizes,
)
from generator.render.deck.layout.text import Paras
from generator.text.shorten import shorten

#: how far below the floor a table may be set, in points, and only to keep its groups (an
#: opdracht with its hoofdacties) whole on a slide where at the floor one would be split
WHOLE_GIVE = 1.0


class Flow:
    def __init__(
        self, section: Section, geometry: Geometry, min_size: float, cap: float | None = None
    ) -> None:
        self.section = section
        self.width = geometry.width
        self.sizes = table_sizes(min_size)
        #: below the floor, only to keep an opdracht whole on one slide
        self.whole_sizes = [
            min_size - step * TABLE_STEP for step in range(1, int(WHOLE_GIVE / TABLE_STEP) + 1)
        ]
        self.forced = 0
        #: what the layout had to do that the user should hear of (logged by ``paginate``)
        self.warnings: list[str] = []
        self.head = [self._fixed(block) for block in section.head]
        self.foot = [self._fixed(block) for block in section.foot]
        fixed = sum(height + space for _, height, space in (*self.head, *self.foot))
        self.full = geometry.height - fixed
        if self.full < 2 * MIN_ROOM:
            raise LayoutError("the parts repeated on every slide leave no room on it")
        if cap is not None:
            self.full = min(self.full, max(cap, 2 * MIN_ROOM))
        self.pages: list[list[tuple[Text | TableSlice, float, float]]] = []
        self.used = 0.0
        self._new_page()

    def _fixed(self, block: Block) -> tuple[Text | TableSlice, float, float]:
        """A block repeated on every slide, placed whole: text, or a small table such as a
        legend (set at its own paragraphs' size, never continued)."""
        if isinstance(block, Text):
            return block, text_height(block, self.width), block.space_after
        sizes = [p.size for cell in block.header for p in cell.paras]
        sizes += [p.size for g in block.groups for row in g.rows for c in row for p in c.paras]
        laid = TableLayout(block, self.width).at(min(sizes, default=TABLE_MIN))
        table_slice = TableSlice(laid.widths, laid.header, laid.header_height)
        for chunk in laid.chunks:
            add_chunk(table_slice, chunk)
        return table_slice, table_slice.height, block.space_after

    @property
    def room(self) -> float:
        return self.full - self.used

    def _new_page(self) -> None:
        self.pages.append([])
        self.used = 0.0

    def _place(self, block: Text | TableSlice, height: float, space: float) -> None:
        self.pages[-1].append((block, height, space))
        self.used += height + space

    def start_of(self, heading: Text, following: Block) -> float:
        """The room ``heading`` needs with the start of ``following``: all of a text that fits
        on a slide (it moves whole), a few lines of a longer one (it goes on on the next slide),
        or a table's header and first group (at the smallest size a table may take)."""
        need = text_height(heading, self.width) + heading.space_after
        if isinstance(following, Text):
            # text that fits on a slide is not split (see ``text``): all of it, else a start
            whole = text_height(following, self.width)
            return need + (whole if whole <= self.full else MIN_ROOM)
        laid = TableLayout(following, self.width).at(self.sizes[-1])
        start = laid.chunks[0].height if laid.chunks else 0.0
        return need + laid.header_height + min(start, MIN_ROOM)

    def text(self, block: Text) -> None:
        paras, forced = fit_words(block.paras, self.width)
        self.forced += forced
        cursor = Paras(paras, self.width)
        while not cursor.done:
            height = cursor.height() + 2 * TEXT_INSET
            if height <= self.room:
                self._place(replace(block, paras=tuple(cursor.rest())), height, block.space_after)
                return
            if self.pages[-1] and height <= self.full:
                self._new_page()
                continue
            head, used = cursor.take(self.room - 2 * TEXT_INSET)
            if not head:
                if not self.pages[-1]:
                    raise LayoutError("a line of text is taller than a slide")
                self._new_page()
                continue
            self._place(replace(block, paras=tuple(head)), used + 2 * TEXT_INSET, 0.0)
            self._new_page()

    def table(self, table: Table) -> None:
        layout = TableLayout(table, self.width)
        first = self.room

        def split(size: float) -> int:
            """How many groups are taller than a slide at ``size``: they must be split."""
            laid = layout.at(size)
            fresh = self.full - laid.header_height
            return sum(chunk.height > fresh for chunk in laid.chunks)

        # a group (an opdracht) that fits on a slide is never split: only the sizes that split
        # no more groups than the smallest do (below the floor only when no size above it
        # does), then the fewest slides, then the largest size
        pool, whole = self.sizes, split(self.sizes[-1])
        if whole and self.whole_sizes:
            least_split = split(self.whole_sizes[-1])
            if least_split < whole:
                pool, whole = self.whole_sizes, least_split
        allowed = pool[first_good(pool, lambda size: split(size) <= whole) :]

        def slides(index: int) -> float:
            laid = layout.at(allowed[index])
            if laid.header_height + MIN_ROOM > self.full:
                return float("inf")
            return len(layout.pack(laid, first, self.full))

        # the fewest slides are those at the smallest allowed size; the largest that needs no
        # more
        least = slides(len(allowed) - 1)
        if least == float("inf"):
            raise LayoutError("a table's header row leaves no room for its rows on a slide")
        low, high = 0, len(allowed) - 1  # slides(high) == least; sizes fall as index rises
        if slides(low) <= least:
            high = low
        while high - low > 1:
            middle = (low + high) // 2
            if slides(middle) <= least:
                high = middle
            else:
                low = middle
        laid = layout.at(allowed[high])
        if laid.forced:
            self.warnings.append(
                f"{laid.forced} word(s) in a table on '{shorten(self.section.title, 80)}' broken "
                "between characters: no hyphenation point fits the column"
            )
        self.forced += laid.forced
        for number, chunks in enumerate(layout.balanced(laid, first, self.full)):
            if number:
                self._new_page()
            if not chunks:
                continue
            table_slice = TableSlice(laid.widths, laid.header, laid.header_height)
            for chunk in chunks:
                add_chunk(table_slice, chunk)
            self._place(table_slice, table_slice.height, table.space_after)


def _space(block: Block) -> float:
    return block.space_after


def paginated(
    section: Section, geometry: Geometry, min_size: float
) -> tuple[list[Page], list[str]]:
    try:
        flow = _flowed(section, geometry, min_size)
        if _balance_text(section, flow):
            flow = _balanced_text(section, geometry, min_size, flow)
    except LayoutError as exc:
        title = shorten(section.title, 80)
        raise LayoutError(f"the slide '{title}' cannot be made: {exc.message}") from None
    pages = [page for page in flow.pages if page] or [[]]
    result = []
    for number, content in enumerate(pages, start=1):
        title = section.title
        if len(pages) > 1:
            title = f"{title} ({roman(number)}/{roman(len(pages))})"
        placed: list[Placed] = []
        top = 0.0
        for head, height, space in flow.head:
            placed.append(Placed(top, height, head))
            top += height + space
        for part, height, space in content:
            placed.append(Placed(top, height, part))
            top += height + space
        bottom = geometry.height
        for foot, height, space in reversed(flow.foot):
            bottom -= height
            placed.append(Placed(bottom, height, foot))
            bottom -= space
        result.append(Page(title, tuple(placed)))
    return result, flow.warnings


def _flowed(
    section: Section, geometry: Geometry, min_size: float, cap: float | None = None
) -> Flow:
    flow = Flow(section, geometry, min_size, cap)
    body = section.body
    for index, block in enumerate(body):
        following = body[index + 1] if index + 1 < len(body) else None
        # a heading stands on the slide where what it heads begins
        if (
            isinstance(block, Text)
            and block.keep_with_next
            and following is not None
            and flow.pages[-1]
            and flow.room < flow.start_of(block, following)
        ):
            flow._new_page()
        if isinstance(block, Text):
            flow.text(block)
        else:
            flow.table(block)
    return flow


#: text sections up to this many paragraphs are balanced over their slides (it lays them out
#: a few times more)
_BALANCED_TEXT = 300


def _balance_text(section: Section, flow: Flow) -> bool:
    """Whether a text-only section ends in a slide less than a quarter full, and is short
    enough to lay out again."""
    pages = [page for page in flow.pages if page]
    if len(pages) < 2 or not all(isinstance(block, Text) for block in section.body):
        return False
    if sum(len(block.paras) for block in section.body if isinstance(block, Text)) > _BALANCED_TEXT:
        return False
    last = sum(height + space for _, height, space in pages[-1])
    return last < flow.full / 4


def _balanced_text(section: Section, geometry: Geometry, min_size: float, flow: Flow) -> Flow:
    """The same slides, each filled no further than needed (the smallest fill, by bisection)."""
    count = len([page for page in flow.pages if page])
    low, high, best = flow.full / 2, flow.full, flow
    while high - low > 4.0:
        middle = (low + high) / 2
        try:
            trial = _flowed(section, geometry, min_size, middle)
        except LayoutError:  # a line taller than the trial's room
            low = middle
            continue
        if len([page for page in trial.pages if page]) <= count:
            high, best = middle, trial
        else:
            low = middle
    return best


def roman(number: int) -> str:
    numerals = (
        (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
        (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
    )  # fmt: skip
    result = ""
    for value, numeral in numerals:
        while number >= value:
            result += numeral
            number -= value
    return result
