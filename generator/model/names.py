"""The one matcher for registered people: redaction, the final scan of every public output and
the Woo audit all find names with it, so that what one of them withholds the others recognise.

**What is compared.** Text and registry are both *folded* before they are compared:

- default-ignorable code points go (Unicode's ``Default_Ignorable_Code_Point``: soft hyphens,
  zero-width characters, the combining grapheme joiner, variation selectors, bidi controls);
- NFKC (compatibility forms: full-width letters, ligatures), then accents and other combining
  marks are taken off ("Çelik" is "celik");
- a letter of another script that looks like a Latin one becomes that letter: the prototypes of
  Unicode's confusables (UTS #39), as the ``confusable-homoglyphs`` package ships them, so the
  Cyrillic a (U+0430), the Greek omicron and the Turkish dotless i are "a", "o" and "i";
- case is folded; every apostrophe is "'", every hyphen (the non-breaking one too) is "-".

**What is read.** Each text is matched twice: as written (a link's address, a path, an
identifier) and as a reader sees it rendered (Markdown emphasis, link targets and HTML tags
taken out, character references such as ``&#90;`` and escapes such as ``\\n`` or ``\\u005a``
decoded), so that ``[Zwart](url)kruis`` and ``**Zwart**kruis`` are found as "Zwartkruis".

**What is a name.**

- The registered name in full, its words in order ("J. de Vries", "J.de Vries").
- Each part of a surname on its own ("Van den Berg-Schouten": "Berg", "Schouten"), with or
  without the tussenvoegsels before it, in any case, as a token: bounded by anything that is not
  a letter or by a change from a small letter to a capital, so that it is found inside
  identifiers, paths, URLs and e-mail addresses ("overleg_Zwartkruis_2020", "Zwartkruis2020",
  "C:\\Users\\zwartkruis", "j.zwartkruis@example.org") but not inside a longer word
  ("brinkhuisweg").
- An initial or a first name directly before a name found ("Jan Zwartkruis", "Jan J.
  Zwartkruis"): a capitalised word that begins with one of that person's initials, or is one of
  their registered first names, and is not a word that begins a sentence ("Met").

**Ordinary words.** A surname part that is also an ordinary Dutch word (``ordinary.ORDINARY``) or
has fewer than four letters is withheld only where a name stands: after a title ("dhr.",
"mevrouw"), an initial or a first name, or in a field that names a person. Elsewhere, written
with a capital ("Groot deel", "Winter en voorjaar"), it is *ambiguous*: left as written and
reported by ``check --openbaar`` (``ambiguous``), so that an editor decides.

It is one module because the folding, the two readings of a text and the rules above are one
matcher: its three users must agree on every character, and nothing else uses its parts.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache, cached_property

import regex

from generator.model.ordinary import FUNCTION_WORDS, ORDINARY, TITLES

PERSOONSGEGEVENS = "Persoonsgegevens"

_IGNORABLE = regex.compile(r"\p{Default_Ignorable_Code_Point}")
_APOSTROPHES = frozenset("'\u2018\u2019\u201b\u02bc\u02bb\u00b4\u2032\uff07")
_HYPHENS = frozenset("-\u2010\u2011\u2012\u2013\u2212\ufe63\uff0d\u2043")
#: Markdown marks that a reader does not see (the loose fold for the quick test drops them)
_MARKS = "*_`~[]"
#: words that stand before a Dutch surname and belong to it
_TUSSENVOEGSELS = frozenset(
    {"d", "d'", "da", "de", "del", "den", "der", "des", "di", "du", "het", "in", "la", "le", "op",
     "'s", "t", "'t", "te", "ten", "ter", "van", "von", "vd", "zu"}
)  # fmt: skip
_MIN_SURNAME = 4
_INITIALS = re.compile(r"(?:[^\W\d_]\.)+")
_PERSON_ID = re.compile(r"^p-[a-z0-9-]+$")


@cache
def _prototypes() -> dict[str, str]:
    """Character -> the Latin letter it looks like (UTS #39 confusables, via the
    confusable-homoglyphs package), for the characters that are confusable with one."""
    from confusable_homoglyphs.utils import load

    table: dict[str, str] = {}
    for char, entries in load("confusables.json").items():
        if len(char) != 1 or char.isascii() or len(entries) != 1:
            continue  # a prototype (it lists what looks like it), not a lookalike
        target = _strip(entries[0]["c"].replace("\u200e", ""))
        if target.isascii() and target.isalpha():
            table[char] = target
    return table


def _strip(text: str) -> str:
    """``text`` without accents and other combining marks."""
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


def _letter(char: str) -> str:
    """One character (after NFKC) folded: no accent, no case, another script's lookalike as the
    Latin letter it looks like."""
    if char.isascii():
        return char.lower()
    base = _strip(char)
    if base.isascii():
        return base.lower()
    prototype = _prototypes().get(base)
    if prototype is not None:
        # UTS 39 takes a capital I for an l (they are alike in sans serif); text is compared in
        # small letters, where the capital I is an i
        return "i" if prototype == "l" and base.isupper() else prototype.lower()
    small = _strip(base.casefold())
    return "".join(_prototypes().get(c, c) for c in small)


def _fold_char(char: str) -> str:
    if _IGNORABLE.match(char):
        return ""
    if char.isspace():
        return " "
    if char in _APOSTROPHES:
        return "'"
    if char in _HYPHENS:
        return "-"
    return "".join(_letter(c) for c in unicodedata.normalize("NFKC", char))


class _Fold(dict[int, str]):
    """str.translate table: a code point -> its folded form, computed on first sight."""

    def __init__(self, dropped: str = "") -> None:
        super().__init__()
        self._dropped = dropped

    def __missing__(self, code: int) -> str:
        char = chr(code)
        folded = "" if char in self._dropped else _fold_char(char)
        self[code] = folded
        return folded


_FOLD = _Fold()
_LOOSE = _Fold(_MARKS)


def fold(text: str) -> str:
    """Text as it is compared: no invisible characters, accents, case or lookalikes."""
    return text.translate(_FOLD)


@dataclass
class _Projection:
    """A folded text, and for each of its characters where it came from in the original
    (``starts``, ``ends``) and whether it was written as a capital there."""

    pieces: list[str] = field(default_factory=list)
    starts: list[int] = field(default_factory=list)
    ends: list[int] = field(default_factory=list)
    upper: list[bool] = field(default_factory=list)

    def add(self, chars: str, start: int, end: int, upper: bool) -> None:
        for char in chars:
            folded = _FOLD[ord(char)]
            self.pieces.append(folded)
            self.starts += [start] * len(folded)
            self.ends += [end] * len(folded)
            self.upper += [upper] * len(folded)

    def add_text(self, text: str, offset: int) -> None:
        """``text``, standing at ``offset`` in the original, character by character: at the
        speed of str.translate where each character folds to one."""
        folded = text.translate(_FOLD)
        if len(folded) == len(text) and all(len(_FOLD[ord(c)]) == 1 for c in set(text)):
            self.pieces.append(folded)
            self.starts += range(offset, offset + len(text))
            self.ends += range(offset + 1, offset + len(text) + 1)
            self.upper += [c.isupper() for c in text]
            return
        for index, char in enumerate(text, start=offset):
            self.add(char, index, index + 1, char.isupper())

    @cached_property
    def folded(self) -> str:
        return "".join(self.pieces)


def _as_written(text: str) -> _Projection:
    projection = _Projection()
    projection.add_text(text, 0)
    return projection


#: what a reader does not see, or sees as another character, in Markdown, HTML and messages
_MARKUP = re.compile(
    r"(?P<target>\]\((?:<[^<>\n]*>|[^\s()]*(?:\([^\s()]*\)[^\s()]*)*)"
    r"(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^()]*\)))?\s*\))"
    r"|(?P<tag></?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>|<!--.*?-->)"
    r"|(?P<entity>&(?:\#[0-9]{1,7}|\#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});)"
    r"|(?P<escape>\\(?:[ntr]|x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|N\{[^}]*\}"
    r"|[!-/:-@\[-`{-~]))"
    r"|(?P<mark>[*~`\[\]<>])"
    r"|(?P<under>_)",
    re.DOTALL,
)


def _decoded(escape: str) -> str:
    kind = escape[1]
    if kind in "ntr":
        return " "
    if kind in "xuU":
        code = int(escape[2:], 16)
        return chr(code) if code <= 0x10FFFF else ""
    if kind == "N":
        try:
            return unicodedata.lookup(escape[3:-1])
        except KeyError:
            return ""
    return kind


def _as_read(text: str) -> _Projection:
    """``text`` as a reader sees it rendered (Markdown, HTML) or printed (an escaped string)."""
    projection = _Projection()
    done = 0
    for match in _MARKUP.finditer(text):
        projection.add_text(text[done : match.start()], done)
        done = match.end()
        kind, start, end = match.lastgroup, match.start(), match.end()
        if kind == "entity":
            decoded = html.unescape(match[0])
            projection.add(decoded, start, end, decoded[:1].isupper())
        elif kind == "escape":
            decoded = _decoded(match[0])
            projection.add(decoded, start, end, decoded[:1].isupper())
        elif kind == "under":
            before, after = text[start - 1 : start], text[end : end + 1]
            if before.isalnum() and after.isalnum():  # intraword: literal in CommonMark
                projection.add("_", start, end, False)
    projection.add_text(text[done:], done)
    return projection


@dataclass
class _Person:
    words: list[str]
    initials: set[str]
    given: set[str]
    #: the parts of the surname, each alone a name ("berg", "schouten")
    parts: list[str]
    #: the tussenvoegsels before the surname ("van", "den")
    particles: set[str] = field(default_factory=set)


def _person(name: str) -> _Person:
    if _PERSON_ID.match(name):
        words = [w for w in name[2:].split("-") if w]
        parts = [w for w in words if w not in _TUSSENVOEGSELS and len(w) > 1]
        return _Person([fold(name)], set(), set(), parts)
    words = fold(name).split()
    if not words:
        return _Person([], set(), set(), [])
    surname = words[-1]
    initials: set[str] = set()
    given: set[str] = set()
    particles: set[str] = set()
    for word in words[:-1]:
        if word in _TUSSENVOEGSELS:
            particles.add(word)
            continue
        if _INITIALS.fullmatch(word) or len(word) == 1:
            initials.update(word.replace(".", ""))
        else:
            given.add(word)
            initials.add(word[0])
    parts = [p for p in re.split(r"[-.]", surname) if p and p not in _TUSSENVOEGSELS]
    return _Person(words, initials, given, parts, particles)


def _phrase(words: list[str]) -> str:
    """A regular expression for words in sequence: any whitespace between them, none needed
    after an initial ("A.Brinkhuis")."""
    parts = []
    for i, word in enumerate(words):
        parts.append(re.escape(word))
        if i < len(words) - 1:
            parts.append(r"\s*" if word.endswith(".") else r"\s+")
    return "".join(parts)


def _is_letter(text: str, index: int) -> bool:
    return 0 <= index < len(text) and text[index].isalpha()


def _ordinary(part: str) -> bool:
    return part in ORDINARY or sum(c.isalpha() for c in part) < _MIN_SURNAME


@dataclass
class Found:
    """What a text holds: the names to withhold, and the ambiguous words (a surname that is
    also an ordinary word, not where a name stands), as (start, end) in the text."""

    withheld: list[tuple[int, int]] = field(default_factory=list)
    ambiguous: list[tuple[int, int]] = field(default_factory=list)


class Names:
    """The registered names, to be found and replaced in any text."""

    def __init__(self, names: Iterable[str]) -> None:
        self.names = sorted({n.strip() for n in names if n and n.strip()}, key=str.casefold)
        self._people = [_person(name) for name in self.names]

    @cached_property
    def _full(self) -> re.Pattern[str] | None:
        phrases = sorted({_phrase(p.words) for p in self._people if p.words}, key=len, reverse=True)
        if not phrases:
            return None
        return re.compile(r"(?<![^\W\d_])(?:" + "|".join(phrases) + r")(?![^\W\d_])")

    @cached_property
    def _parts(self) -> dict[str, tuple[set[str], set[str]]]:
        """Surname part -> (initials, first names) of the people who have it."""
        parts: dict[str, tuple[set[str], set[str]]] = {}
        for person in self._people:
            for part in person.parts:
                initials, given = parts.setdefault(part, (set(), set()))
                initials.update(person.initials)
                given.update(person.given)
        return parts

    @cached_property
    def _particles(self) -> dict[str, set[str]]:
        """Surname part -> the tussenvoegsels that may stand before it ("berg": van, den)."""
        particles: dict[str, set[str]] = {}
        for person in self._people:
            for part in person.parts[:1]:
                particles.setdefault(part, set()).update(person.particles)
        return particles

    @cached_property
    def _part_pattern(self) -> re.Pattern[str] | None:
        if not self._parts:
            return None
        return re.compile(
            "|".join(re.escape(p) for p in sorted(self._parts, key=len, reverse=True))
        )

    @cached_property
    def _tussenvoegsels(self) -> re.Pattern[str]:
        words = "|".join(re.escape(w) for w in sorted(_TUSSENVOEGSELS, key=len, reverse=True))
        return re.compile(rf"(?:(?<![^\W\d_])(?:{words})\s+)+$")

    def may_hold(self, text: str) -> bool:
        """False when ``text`` certainly holds no registered name (a quick test)."""
        if self._part_pattern is None:
            return False
        if "&" in text or "\\" in text or "](" in text or "<" in text:
            return True
        return self._part_pattern.search(text.translate(_LOOSE)) is not None

    def found(self, text: str, *, person: bool = False) -> Found:
        """The names and ambiguous words in ``text``; ``person``: the text is a field that
        names a person (or a unit), where an ordinary word that is a surname is a name."""
        if not self.may_hold(text):
            return Found()
        projections = [_as_written(text)]
        if _MARKUP.search(text):
            projections.append(_as_read(text))
        withheld: list[tuple[int, int]] = []
        ambiguous: list[tuple[int, int]] = []
        for projection in projections:
            self._match(projection, person, withheld, ambiguous)
        spans = _merged(text, withheld)
        loose = [a for a in _merged(text, ambiguous) if not any(_overlap(a, s) for s in spans)]
        return Found(spans, loose)

    def _match(
        self,
        projection: _Projection,
        person: bool,
        withheld: list[tuple[int, int]],
        ambiguous: list[tuple[int, int]],
    ) -> None:
        folded = projection.folded

        def original(start: int, end: int) -> tuple[int, int]:
            return projection.starts[start], projection.ends[end - 1]

        if self._full is not None:
            for match in self._full.finditer(folded):
                start = self._extend(projection, match.start(), match[0])
                withheld.append(original(start, match.end()))
        assert self._part_pattern is not None
        for match in self._part_pattern.finditer(folded):
            start, end = match.start(), match.end()
            if not self._bounded(projection, start, end):
                continue
            first = self._particles_before(folded, start, match[0])
            if (
                not _ordinary(match[0])
                or person
                or self._in_context(projection, first, match[0])
                or self._double(folded, start, end)
            ):
                withheld.append(original(self._extend(projection, first, match[0]), end))
            elif projection.upper[start]:
                ambiguous.append(original(start, end))

    @staticmethod
    def _bounded(projection: _Projection, start: int, end: int) -> bool:
        """Whether folded[start:end] is a token: no letter on either side, or a change from a
        small letter to a capital there ("overlegZwartkruis", "ZwartkruisRapport")."""
        folded, upper = projection.folded, projection.upper
        left = not _is_letter(folded, start - 1) or (upper[start] and not upper[start - 1])
        right = not _is_letter(folded, end) or (upper[end] and not upper[end - 1])
        return left and right

    def _particles_before(self, folded: str, start: int, part: str) -> int:
        """Where the part at folded[start:] starts with its own tussenvoegsels before it ("de"
        of "de Vries"); another one stays ("Nota van Oosterkamp")."""
        before = self._tussenvoegsels.search(folded, max(0, start - 40), start)
        if not before:
            return start
        own = self._particles.get(part, set())
        first = start
        for word in reversed(list(re.finditer(r"\S+", folded[before.start() : start]))):
            if word[0] not in own:
                break
            first = before.start() + word.start()
        return first

    def _double(self, folded: str, start: int, end: int) -> bool:
        """Whether folded[start:end] is joined by a hyphen to another registered part: half of
        a double surname ("Berg-Schouten")."""
        after = re.match(r"-([^\W\d_]+)", folded[end : end + 40])
        before = re.search(r"([^\W\d_]+)-$", folded[max(0, start - 40) : start])
        return bool(after and after[1] in self._parts) or bool(before and before[1] in self._parts)

    def _word_before(self, projection: _Projection, at: int) -> tuple[int, str]:
        folded = projection.folded
        end = at
        while end > 0 and folded[end - 1] == " ":
            end -= 1
        start = end
        while start > 0 and (folded[start - 1].isalpha() or folded[start - 1] in ".'"):
            start -= 1
        return start, folded[start:end]

    def _first_name(self, projection: _Projection, start: int, word: str, found: str) -> bool:
        """Whether ``word`` (at ``start``) is a first name of someone with the surname part at
        the end of ``found``."""
        if len(word) < 2 or not word.isalpha() or not projection.upper[start]:
            return False
        if word in FUNCTION_WORDS or word in TITLES or word in _TUSSENVOEGSELS:
            return False
        initials, given = self._owners(found)
        return word in given or word[0] in initials

    def _owners(self, found: str) -> tuple[set[str], set[str]]:
        initials: set[str] = set()
        given: set[str] = set()
        for token in re.findall(r"[^\W\d_]+", found):
            owners = self._parts.get(token)
            if owners:
                initials |= owners[0]
                given |= owners[1]
        return initials, given

    def _in_context(self, projection: _Projection, at: int, found: str) -> bool:
        """Whether a name stands before folded[at:]: a title, an initial or a first name."""
        start, word = self._word_before(projection, at)
        if not word:
            return False
        if word in TITLES or _INITIALS.fullmatch(word):
            return True
        return self._first_name(projection, start, word, found)

    def _extend(self, projection: _Projection, at: int, found: str) -> int:
        """Where a name found at folded[at:] starts with the initials and first names before
        it ("Jan J. Zwartkruis")."""
        while True:
            start, word = self._word_before(projection, at)
            if not word:
                return at
            if _INITIALS.fullmatch(word) or self._first_name(projection, start, word, found):
                at = start
            else:
                return at

    def spans(self, text: str, *, person: bool = False) -> list[tuple[int, int]]:
        """Where registered names stand in ``text``: (start, end) indices, merged, in order."""
        return self.found(text, person=person).withheld

    def ambiguous(self, text: str) -> list[tuple[int, int]]:
        """Where a registered surname that is also an ordinary word stands in ``text``, not
        where a name stands: left as written, for an editor to decide."""
        return self.found(text).ambiguous

    def in_address(self, address: str) -> bool:
        """Whether a link's address (a URL, an e-mail address) holds a registered surname, in
        any case: addresses are written in lower case ("schouten-2020.pdf")."""
        folded = address.translate(_LOOSE)
        return any(part in folded for part in self._parts if not _ordinary(part))

    def find(self, text: str) -> list[str]:
        """The names found in ``text``, as they are written there."""
        return [text[start:end] for start, end in self.spans(text)]

    def redact(self, text: str, *, person: bool = False) -> str:
        """``text`` with every registered name replaced by "Persoonsgegevens"."""
        spans = self.spans(text, person=person)
        if not spans:
            return text
        out: list[str] = []
        done = 0
        for start, end in spans:
            start, end = _balance(text, max(start, done), end)
            out += [text[done:start], PERSOONSGEGEVENS]
            done = end
        out.append(text[done:])
        return "".join(out)


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _merged(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans in order, those that overlap or touch (or stand apart by a hyphen only, as the
    parts of a double surname) made one."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        gap = text[merged[-1][1] : start] if merged else " "
        if merged and (start <= merged[-1][1] or not gap.strip("-\u2010\u2011")):
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _balance(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen a span so that it does not leave half of a Markdown pair behind: "A. *Brinkhuis*"
    is replaced whole, not as "Persoonsgegevens*", and "[Zwart](url)kruis" without its "["."""
    for mark in "*_`~":
        if mark in text[start:end]:  # "**Zwart**kruis": the marks before it go with it
            while start > 0 and text[start - 1] == mark:
                start -= 1
        while text.count(mark, start, end) % 2:
            if end < len(text) and text[end] == mark:
                end += 1
            elif start > 0 and text[start - 1] == mark:
                start -= 1
            else:
                break
    for closing in re.finditer(r"</([A-Za-z][A-Za-z0-9-]*)>", text[start:end]):
        tag = re.search(rf"<{closing[1]}(?:\s[^<>]*)?>$", text[:start])
        if tag and f"<{closing[1]}" not in text[start : start + closing.start()]:
            start = tag.start()
    while text.count("]", start, end) > text.count("[", start, end):
        opening = text.rfind("[", 0, start)
        if opening < 0:
            break
        start = opening
    return start, end
