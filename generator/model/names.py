"""Finding registered names in text as editors and documents write them, and replacing them.

A name from the registry is found whatever form it takes on its way into a text:

- composed or decomposed Unicode, with or without its accents ("É. Çelik", "E. Celik");
- in any case, and with soft hyphens and zero-width characters inside it ("Brink\\u00adhuis");
- with Markdown emphasis or escapes inside it ("A. *Brinkhuis*") and line breaks between its words;
- as the surname alone ("mevrouw Brinkhuis", "de heer De Vries"), when it is written with a
  capital and its last word has at least four letters (shorter surnames are ordinary words too
  often: "Bos", "Kok").

Matching runs on a *folded* copy of the text (accents, case, invisible characters and emphasis
marks removed) that remembers where each folded character came from, so a match is replaced in
the original text and everything around it stays as the editor wrote it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import cached_property

PERSOONSGEGEVENS = "Persoonsgegevens"

#: characters that are invisible in the finished text or are Markdown markup inside a name
_IGNORED = frozenset("\u00ad\u200b\u200c\u200d\u2060\ufeff*_\\`")
#: words that stand before a Dutch surname and belong to it
_TUSSENVOEGSELS = frozenset(
    {"d", "da", "de", "del", "den", "der", "des", "di", "du", "het", "in", "la", "le", "op", "'s",
     "t", "'t", "te", "ten", "ter", "van", "von", "vd", "zu"}
)  # fmt: skip
_MIN_SURNAME = 4


class _Fold(dict[int, str]):
    """str.translate table: a code point -> its folded form, computed on first sight."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        if char in _IGNORED:
            folded = ""
        elif char.isspace():
            folded = " "
        else:
            decomposed = unicodedata.normalize("NFKD", char)
            folded = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
        self[code] = folded
        return folded


_FOLD = _Fold()


def fold(text: str) -> str:
    """Text as it is matched: no accents, no case, no invisible characters or emphasis marks."""
    return text.translate(_FOLD)


def _folded_with_origins(text: str) -> tuple[str, list[int]]:
    """The folded text, and for each of its characters the index in ``text`` it came from."""
    pieces: list[str] = []
    origins: list[int] = []
    for index, char in enumerate(text):
        folded = _FOLD[ord(char)]
        if folded:
            pieces.append(folded)
            origins.extend([index] * len(folded))
    return "".join(pieces), origins


def _words(name: str) -> list[str]:
    return fold(name).split()


def _phrase(words: list[str]) -> str:
    """A regular expression for words in sequence: any whitespace between them, none needed
    after an initial ("A.Brinkhuis")."""
    parts = []
    for i, word in enumerate(words):
        parts.append(re.escape(word))
        if i < len(words) - 1:
            parts.append(r"\s*" if word.endswith(".") else r"\s+")
    return "".join(parts)


class Names:
    """The registered names, to be found and replaced in any text."""

    def __init__(self, names: Iterable[str]) -> None:
        self.names = sorted({n.strip() for n in names if n and n.strip()}, key=str.casefold)

    @cached_property
    def _full(self) -> re.Pattern[str] | None:
        phrases = sorted(
            {_phrase(words) for name in self.names if (words := _words(name))},
            key=len,
            reverse=True,
        )
        if not phrases:
            return None
        return re.compile(r"(?<!\w)(?:" + "|".join(phrases) + r")(?!\w)")

    @cached_property
    def _surname_words(self) -> dict[str, list[str]]:
        """Surname (the last word of a name, long enough) -> the tussenvoegsels before it."""
        found: dict[str, list[str]] = {}
        for name in self.names:
            words = _words(name)
            if words and sum(c.isalpha() for c in words[-1]) >= _MIN_SURNAME:
                found[words[-1]] = [w for w in words[:-1] if w in _TUSSENVOEGSELS]
        return found

    @cached_property
    def _surnames(self) -> list[re.Pattern[str]]:
        patterns = []
        for last, before in self._surname_words.items():
            prefix = "".join(rf"(?:{re.escape(w)}\s+)?" for w in before)
            patterns.append(re.compile(rf"(?<!\w){prefix}(?P<surname>{re.escape(last)})(?!\w)"))
        return patterns

    @cached_property
    def _any(self) -> re.Pattern[str] | None:
        """One expression that matches wherever a name or a surname might stand: a quick test
        that lets the many texts without a name through at the speed of the regex engine."""
        words = {_phrase(_words(n)) for n in self.names if _words(n)}
        words |= {re.escape(last) for last in self._surname_words}
        if not words:
            return None
        return re.compile("|".join(sorted(words, key=len, reverse=True)))

    def may_hold(self, text: str) -> bool:
        """False when ``text`` certainly holds no registered name (a quick test)."""
        return self._any is not None and self._any.search(fold(text)) is not None

    def spans(self, text: str) -> list[tuple[int, int]]:
        """Where registered names stand in ``text``: (start, end) indices, merged, in order."""
        if not self.may_hold(text):
            return []
        folded, origins = _folded_with_origins(text)
        found: list[tuple[int, int]] = []
        if self._full is not None:
            found += [(m.start(), m.end()) for m in self._full.finditer(folded)]
        for pattern in self._surnames:
            for match in pattern.finditer(folded):
                if text[origins[match.start("surname")]].isupper():
                    found.append((match.start(), match.end()))
        spans: list[tuple[int, int]] = []
        for start, end in sorted(found):
            first, last = origins[start], origins[end - 1] + 1
            if spans and first <= spans[-1][1]:
                spans[-1] = (spans[-1][0], max(spans[-1][1], last))
            else:
                spans.append((first, last))
        return spans

    def in_address(self, address: str) -> bool:
        """Whether a link's address (a URL, an e-mail address) holds a registered surname, in
        any case: addresses are written in lower case ("schouten-2020.pdf")."""
        folded = fold(address)
        return any(surname in folded for surname in self._surname_words)

    def find(self, text: str) -> list[str]:
        """The names found in ``text``, as they are written there."""
        return [text[start:end] for start, end in self.spans(text)]

    def redact(self, text: str) -> str:
        """``text`` with every registered name replaced by "Persoonsgegevens"."""
        spans = self.spans(text)
        if not spans:
            return text
        out: list[str] = []
        done = 0
        for start, end in spans:
            start, end = _balance(text, start, end)
            out += [text[done:start], PERSOONSGEGEVENS]
            done = end
        out.append(text[done:])
        return "".join(out)


def _balance(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen a span so that it does not leave half of an emphasis pair behind: "A. *Brinkhuis*"
    is replaced whole, not as "Persoonsgegevens*"."""
    for mark in "*_`":
        while text.count(mark, start, end) % 2:
            if end < len(text) and text[end] == mark:
                end += 1
            elif start > 0 and text[start - 1] == mark:
                start -= 1
            else:
                break
    return start, end
