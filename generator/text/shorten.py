"""Text from the data shortened to quote it in a message, a title, a slide or a document
property: one rule everywhere, so a quoted value reads the same in every message and output."""

from __future__ import annotations

#: quotation marks a cut must not fall inside: (opening, closing)
_QUOTES = (("‘", "’"), ("“", "”"), ('"', '"'), ("'", "'"))


def shorten(text: str, limit: int, *, at_word: bool = False) -> str:
    """``text`` on one line (every run of whitespace one space) and at most ``limit``
    characters, cut with "…" (which counts) where it was longer; no space before the "…".

    ``at_word`` (for text a reader reads, not a quoted value): the cut falls after a whole word,
    never inside a quotation (a quote opened and not closed is cut before it opens), and
    without a dangling comma or dash before the "…".
    """
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if not at_word:
        return cut.rstrip() + "…"
    if " " in cut:
        cut = cut[: cut.rindex(" ")]
    for opening, closing in _QUOTES:
        if opening == closing:
            if cut.count(opening) % 2:
                cut = cut[: cut.rindex(opening)]
        elif cut.count(opening) > cut.count(closing):
            cut = cut[: cut.rindex(opening)]
    return cut.rstrip(" ,;:–-") + "…"
