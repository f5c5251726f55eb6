"""The Dutch typesetting rules of the print documents, in one place for every writer.

Hyphenation, as a Dutch typesetter sets ragged-right text:

- a word is hyphenated only when it has at least ``MIN_WORD`` (8) letters, with at least
  ``MIN_SIDE`` (3) letters on each side of the break, and only at the points of the Dutch
  patterns (pyphen's ``nl_NL``, LibreOffice's);
- in ragged-right text no hyphen is better than a hyphen: a line breaks at a hyphenation point
  only when the line would otherwise be far too short (Typst's optimized line breaking with a
  high ``HYPHENATION_COST``);
- never the last line of a page or a column, and at most ``MAX_RUN`` (2) hyphenated lines in a
  row: the PDF's writer checks its pages after typesetting and sets again without the breaks
  that broke these rules (``generator.render.typeset``);
- widows and orphans: a paragraph leaves no single line alone at a page's top or foot.

How each writer applies them:

- PDF (Typst): its own hyphenation is off (``hyphenate: false``). The runs of the data's texts
  carry soft hyphens (U+00AD) at the allowed points of long words (``soft_hyphens``); the
  template (``huisstijl.typ``, ``zacht``) takes them out and turns hyphenation on for the letter
  after each, so Typst breaks a word there and nowhere else, at its hyphenation cost (a soft
  hyphen itself would cost nothing, and would stay in the PDF's text inside the word, where a
  search or a screen reader meets it). Titles, labels and names break between words only.
- DOCX: automatic hyphenation is off in the document's settings, and no soft hyphen is written:
  Word and LibreOffice break at a soft hyphen whenever a word does not fit (first fit), which in
  ragged-right text gives a hyphen on every other line.
- XLSX: a spreadsheet's cells are never hyphenated; a line breaks between words only.

Ranges are written with an en dash: unspaced between numbers ("82,9%–85,7%", "2020–2021"),
spaced between words ("januari – maart"): ``en_dashes``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache
from typing import Any, Final

import pyphen

LOCALE: Final = "nl_NL"
#: the shortest word that may be hyphenated, in letters
MIN_WORD: Final = 8
#: the fewest letters on either side of a break
MIN_SIDE: Final = 3
#: the most hyphenated lines in a row
MAX_RUN: Final = 2
#: Typst's cost of a hyphenated line (its default is 100%): a hyphen only where the line would
#: otherwise be far too short
HYPHENATION_COST: Final = "600%"
SOFT_HYPHEN: Final = "\u00ad"

#: a word: letters only (a digit, an underscore, a hyphen or a slash ends it)
_WORD = re.compile(r"[^\W\d_]+")
#: characters that make a string or a word part of something that is no running text: an
#: address, a file name, an identifier
_NOT_TEXT = re.compile(r"[/@_:.\\=]")


@cache
def _dictionary() -> pyphen.Pyphen:
    return pyphen.Pyphen(lang=LOCALE, left=MIN_SIDE, right=MIN_SIDE)


def break_points(word: str) -> list[int]:
    """Where ``word`` may be hyphenated: offsets into it, none for a word under ``MIN_WORD``
    letters or one that is not all letters."""
    if len(word) < MIN_WORD or not word.isalpha():
        return []
    return [p for p in _dictionary().positions(word) if MIN_SIDE <= p <= len(word) - MIN_SIDE]


@cache
def hyphenated_word(word: str) -> str:
    """``word`` with a soft hyphen at each of its ``break_points``."""
    points = break_points(word)
    if not points:
        return word
    parts = [word[a:b] for a, b in zip([0, *points], [*points, len(word)], strict=True)]
    return SOFT_HYPHEN.join(parts)


def soft_hyphens(text: str, *, keep: frozenset[str] = frozenset()) -> str:
    """``text`` with soft hyphens at the allowed points of its long words; words in ``keep``
    (lower case) stay whole. A word that is part of an address, a number or an identifier
    (next to a slash, an @, a dot inside a word, an underscore) stays whole too."""

    def one(match: re.Match[str]) -> str:
        word = match.group(0)
        start, end = match.span()
        before = text[start - 1] if start else " "
        after = text[end] if end < len(text) else " "
        if SOFT_HYPHEN in (before, after):  # the author hyphenated this word: that is final
            return word
        if (
            word.lower() in keep
            or _NOT_TEXT.match(before)
            or (_NOT_TEXT.match(after) and end + 1 < len(text) and text[end + 1].isalnum())
        ):
            return word
        return hyphenated_word(word)

    return _WORD.sub(one, text)


def hyphenated(data: Any, *, keep: frozenset[str] = frozenset()) -> Any:
    """Print data (JSON-ready: dicts, lists, strings) with en dashes in its ranges and soft
    hyphens in the runs of its texts (the text model's ``run`` nodes, not code). Other strings
    (labels, names, titles, ids) break between words only, and keep their ranges' dashes as
    the other formats show them."""
    if isinstance(data, list):
        return [hyphenated(item, keep=keep) for item in data]
    if isinstance(data, Mapping):
        if data.get("type") == "run" and isinstance(data.get("text"), str):
            if data.get("code"):
                return dict(data)
            return {**data, "text": soft_hyphens(en_dashes(data["text"]), keep=keep)}
        return {key: hyphenated(value, keep=keep) for key, value in data.items()}
    return data


def unhyphenated(text: str) -> str:
    """``text`` without its soft hyphens."""
    return text.replace(SOFT_HYPHEN, "")


#: a range between numbers written with a spaced hyphen or dash: "82,9% - 85,7%" (an unspaced
#: hyphen between digits is left alone: "31066-123" is a Kamerstuk, "2021-06-11" a date)
_NUMBER_RANGE = re.compile(r"(?<![\w-])(\d[\d.,]*\s?%?) (?:-|–|—) (?=[€]?\s?\d)")


def en_dashes(text: str) -> str:
    """Ranges between numbers written with an unspaced en dash, as Dutch style has them
    ("82,9% - 85,7%" -> "82,9%–85,7%"); a spaced hyphen between words becomes a spaced en dash
    ("januari - maart" -> "januari – maart")."""
    text = _NUMBER_RANGE.sub(lambda m: m.group(1).rstrip() + "–", text)
    return re.sub(r"(?<=\w) - (?=\w)", " – ", text)


#: spaces a line never breaks at: after a currency sign before its amount ("€ 30.000"), between
#: an amount and its unit ("30 mln", "12 %"), after initials before the name they go with
#: ("S. Lindenhovius", "A.B. de Vries"), and after "nr."/"art." before their number
_KEEP_TOGETHER = re.compile(
    r"(?<=[€$£]) (?=\d)"
    r"|(?<=\d) (?=(?:%|mln\b|mld\b|miljoen\b|miljard\b|euro\b))"
    r"|(?<=\b[A-Z]\.) (?=[A-Z][a-zà-ÿ]|(?:van|de|den|der|het|ter|ten|te)\b)"
    r"|(?<=\bnr\.) (?=\d)|(?<=\bart\.) (?=\d)"
)
NBSP = "\u00a0"


def keep_together(text: str) -> str:
    """``text`` with no-break spaces where a line break would split a unit: an amount from its
    currency or unit, an initial from its surname. Every writer that sets lines itself or lets
    a viewer set them (the deck) takes its text through here, so what is measured and what is
    shown break alike."""
    if " " not in text:
        return text
    return _KEEP_TOGETHER.sub(NBSP, text)
