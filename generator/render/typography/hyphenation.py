"""Dutch hyphenation for measured text: a word wider than its column broken at the Dutch
hyphenation points with a visible hyphen, each piece fitting the column (the deck's tables and
the action table hyphenate alike). The print documents' own hyphenation rules, for Typst and
Word, are ``generator.text.typesetting``'s.
"""

from __future__ import annotations

from array import array
from bisect import bisect_right
from functools import cache, lru_cache
from itertools import accumulate

import pyphen

from generator.render.typography.metrics import SAFETY, UNKNOWN, advances

#: words longer than this are not looked up (no Dutch word is; a pasted code or address is)
_HYPHENATE_UP_TO = 64
HYPHEN = "-"


@cache
def _dictionary() -> pyphen.Pyphen:
    return pyphen.Pyphen(lang="nl_NL")


@lru_cache(maxsize=4096)
def _points(word: str) -> tuple[int, ...]:
    """Where ``word`` may be broken: the Dutch hyphenation points, and after a hyphen it has."""
    found: set[int] = set()
    if len(word) <= _HYPHENATE_UP_TO:
        found.update(p for p in _dictionary().positions(word) if word[p] != "-")
    found.update(i + 1 for i, char in enumerate(word[:-1]) if char == "-")
    return tuple(sorted(p for p in found if 0 < p < len(word)))


def hyphenate(
    word: str, limit: float, *, bold: bool = False, italic: bool = False
) -> tuple[list[str], int]:
    """``word`` in pieces no wider than ``limit`` ems, each but the last ending in a visible
    hyphen, broken at Dutch hyphenation points (pyphen's ``nl_NL``, LibreOffice's patterns).

    Where no hyphenation point leaves a piece that fits, the word is broken between characters
    (with a hyphen too); the second value counts those breaks, so that they can be reported.
    """
    get = advances(bold, italic).get
    # ends[i]: the width of word[:i]; every piece is measured from it, so a long word costs
    # its length, not its length times its pieces
    ends = array("d", accumulate((get(c, UNKNOWN) * SAFETY for c in word), initial=0.0))
    hyphen = get(HYPHEN, UNKNOWN) * SAFETY
    points = _points(word)
    pieces: list[str] = []
    forced = 0
    start = 0
    while ends[-1] - ends[start] > limit:
        # the last hyphenation point after start where the piece and its hyphen fit
        end = bisect_right(ends, ends[start] + limit - hyphen, lo=start) - 1
        at = bisect_right(points, end) - 1
        best = points[at] if at >= 0 and points[at] > start else 0
        if not best and word[end] == "-" and end > start:  # ends in a hyphen of its own
            best = end + 1 if ends[end + 1] - ends[start] <= limit else 0
        if not best:
            best = max(end, start + 1)
            forced += 1
        piece = word[start:best]
        pieces.append(piece if piece.endswith("-") else piece + HYPHEN)
        start = best
    pieces.append(word[start:])
    return pieces, forced
