"""How messages quote what an editor typed: safely (``printable``) and helpfully
(``did_you_mean``). Every stage uses these, so they sit below all of them."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable

#: what must not reach a terminal or a one-line message as itself: control characters (ESC
#: starts the sequences that recolour, retitle or rewrite a terminal), line and paragraph
#: separators, direction overrides that reorder what is shown, surrogates and noncharacters
_UNPRINTABLE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069"
    "\ud800-\udfff\ufffe\uffff]"
)


def printable(text: str) -> str:
    """``text`` with every character that could act on a terminal escaped as Python writes it
    (``\\x1b``, ``\\n``, ``\\u202e``), so a message can quote the data safely."""
    return _UNPRINTABLE.sub(lambda match: repr(match[0])[1:-1], text)


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """`` (did you mean 'x'?)`` for the closest choice, or an empty string when none is close."""
    options = [c for c in choices if isinstance(c, str)]
    lowered = {c.lower(): c for c in options}
    if word.lower() in lowered:
        return f" (did you mean '{lowered[word.lower()]}'?)"
    close = difflib.get_close_matches(word, options, n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""
