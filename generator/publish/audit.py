"""The Woo audit: probable personal names in free text that no list of the data accounts for.

The public version replaces the people of the registry; a name nobody registered would be
published as written. The audit reads every text of every file (every string value of every
kind, whatever its key, and the Markdown files meetings point to), as a reader sees it:
Markdown markup, soft hyphens and zero-width characters taken out. It lets deduce
(``generator.publish.detector``) find probable names, and reports each one that is in none of
the lists in ``organisatie.yaml``:

- ``personen``, the registry (matched as the public version matches them, ``names.Names``);
- ``publiek``, public officials acting in their office, whose names stay (matched the same way,
  so "staatssecretaris Van Dam" is E. van Dam's);
- ``geen_namen``, phrases that look like a name but are not one, everywhere or in one file.

Only those lists are not read as text (a registered person's ``functie`` is); neither are
person ids.

A finding is accounted for when one of those lists covers its last word, the surname in Dutch
word order: "Kamerlid Verburgh" by P. Verburgh, "de heer Visser" by a registered J. Visser, the
"Stella" of "Stella-team" by a geen_namen entry "Stella". deduce sometimes takes an affiliation
for part of a name ("Mevrouw Koning van de Landsadvocaat"); the audit reports and judges the
name without it.

Each finding names its file, line and column: those of the name itself, computed for a literal
block (``|``) and found in the scalar's own text for the other styles (plain over several lines,
folded, quoted); where the value starts when its first word is not there as written (written
with an escape in a double-quoted value).

It is one module because the walk over the data, the filtering by the editors' lists and the
positions in the source are one pass; deduce itself is behind ``detector``.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from generator.load.dataset import Dataset
from generator.load.diagnostics import Diagnostic, DocPath, Severity, display_path
from generator.load.fields import PERSON_ID
from generator.load.kinds.organisatie import GeenNaam, Organisatie
from generator.load.yamlsource import SourceDocument, strings
from generator.model.names import Names, fold
from generator.progress import Say
from generator.publish.redact import PERSON_FIELDS

INSTALL = "pip install 'statusgen[woo]'"
PREFIX = "possible personal name not in the registry: "
MESSAGE = PREFIX + "'{}'"

#: organisatie.yaml's lists of names and phrases: the audit's answers, not text to audit (a
#: person's functie is text like any other)
_LISTS = frozenset({"publiek", "geen_namen"})
#: characters a reader does not see: Markdown markup, soft hyphens, zero-width characters
_INVISIBLE = frozenset("\u00ad\u200b\u200c\u200d\u2060\ufeff*_`[")
#: block markers at the start of a Markdown line: headings, bullets, numbers, quotes
_LINE_MARKS = re.compile(r"^[ \t]*(?:(?:#{1,6}|[-*+]|\d{1,9}[.)]|>)[ \t]+)+", re.MULTILINE)
#: the target of a Markdown link: [text](target "title")
_LINK_TARGET = re.compile(r"\]\([^)\s]*(?:\s+\"[^\"]*\")?\)")
#: an affiliation deduce may take for part of the name before it
_AFFILIATION = re.compile(r"\s+van\s+(het|de|den|der)\s+", re.IGNORECASE)
_TRAILING = ".,;:!?)'\"-"


def available() -> bool:
    """Whether the audit can run (deduce is installed and imports)."""
    from generator.publish import detector

    return detector.available()


@dataclass(frozen=True)
class Finding:
    """A probable personal name that no list accounts for."""

    file: Path
    #: the file relative to the data folder
    relative: str
    line: int
    column: int
    name: str
    path: DocPath = ()
    #: the version of the data it is in, when that is not the data folder itself (diff's base)
    version: str | None = None

    @property
    def message(self) -> str:
        return MESSAGE.format(self.name)

    def diagnostic(self) -> Diagnostic:
        version = (self.version, self.relative) if self.version is not None else None
        return Diagnostic(
            self.file, self.line, self.column, Severity.WARNING, self.message, self.path, version
        )


AMBIGUOUS = (
    "registered surname '{}' where an ordinary word can stand: published as written; if it "
    "is the person, write the initial or a title before it (dhr., mevrouw), or put it in a "
    "person field"
)


@dataclass
class Result:
    findings: list[Finding] = field(default_factory=list)
    #: registered surnames that are ordinary words, not where a name stands: (file, line,
    #: column, word, path)
    ambiguous: list[tuple[Path, int, int, str, DocPath]] = field(default_factory=list)
    #: indexes of the geen_namen entries that accounted for a finding
    used: set[int] = field(default_factory=set)


def check(dataset: Dataset, say: Say) -> list[Diagnostic]:
    """``check --openbaar``: the findings, and the geen_namen entries that match nothing."""
    from generator.publish import detector

    result = audit(dataset, detector.load(say))
    diagnostics = [finding.diagnostic() for finding in result.findings]
    diagnostics += [
        Diagnostic(file, line, column, Severity.WARNING, AMBIGUOUS.format(word), path)
        for file, line, column, word, path in result.ambiguous
    ]
    organisations = dataset.loaded.get("organisatie", [])
    if organisations:
        entry = organisations[0]
        for index, geen_naam in enumerate(entry.item.geen_namen):
            if index not in result.used:
                path: DocPath = ("geen_namen", index, "tekst")
                diagnostics.append(
                    Diagnostic(
                        entry.file,
                        *entry.source.position(path),
                        Severity.WARNING,
                        f"geen_namen '{geen_naam.tekst}' matches none of the possible names the "
                        "audit finds: remove it, or correct it",
                        path,
                    )
                )
    return diagnostics


def findings(versions: Sequence[tuple[Dataset, str | None]], say: Say) -> list[Finding]:
    """The findings in every version of the data, named by ``version`` (None: the data folder
    itself). A diff has two versions, mostly alike: a name is said for the data folder, else
    for the newest version (the last) that has it in that file."""
    from generator.publish import detector

    found = detector.load(say)
    # what the lists say in any version holds in all of them: a name the newest version puts
    # in publiek is not reported in the base version's text either
    lists = _Lists([d.organisatie for d, _ in versions if d.organisatie is not None])
    order = sorted(range(len(versions)), key=lambda i: (versions[i][1] is not None, -i))
    result: list[Finding] = []
    seen: set[tuple[str, str]] = set()
    for index in order:
        dataset, version = versions[index]
        new = [
            finding
            for finding in audit(dataset, found, version=version, lists=lists).findings
            if (finding.relative, fold(finding.name)) not in seen
        ]
        seen.update((finding.relative, fold(finding.name)) for finding in new)
        result += new
    return result


class Finder(Protocol):
    """What finds probable names: ``generator.publish.detector.Detector``."""

    def spans(self, text: str) -> list[tuple[int, int]]: ...


def audit(
    dataset: Dataset, detector: Finder, *, version: str | None = None, lists: _Lists | None = None
) -> Result:
    """Every probable name in ``dataset``'s texts that no list (``lists``, else those of
    ``dataset``'s organisatie.yaml) accounts for."""
    if lists is None:
        lists = _Lists([dataset.organisatie] if dataset.organisatie is not None else [])
    result = Result()
    sources: dict[Path, _SourceText] = {}
    for text in _texts(dataset):
        person = any(part in PERSON_FIELDS for part in text.path[-2:])
        registered = lists.persons.found(text.value, person=person)
        for start, end in registered.ambiguous:
            word = text.value[start:end]
            result.ambiguous.append(
                (text.file, *_place(text, start, word, sources), word, text.path)
            )
        shown, origins = visible(text.value)
        spans = detector.spans(shown)
        if not spans:
            continue
        # a registered surname that stands as an ordinary word is not an unregistered name
        found = lists.persons.found(shown, person=person)
        persons = found.withheld + found.ambiguous + lists.officials.spans(shown)
        phrases = lists.phrases(shown, text.relative)
        for start, end in spans:
            name_end = _own_end(shown, start, end)
            if _covered(_last_word(shown, start, name_end), persons):
                continue
            if name_end != end and _covered(_last_word(shown, start, end), persons):
                continue
            last = _last_word(shown, start, name_end)
            matched = [index for s, e, index in phrases if _overlaps(last, (s, e))]
            if matched:
                result.used.update(matched)
                continue
            offset = origins[start]
            original = text.value[offset : origins[name_end - 1] + 1]
            line, column = _place(text, offset, original, sources)
            result.findings.append(
                Finding(
                    text.file,
                    text.relative,
                    line,
                    column,
                    " ".join(shown[start:name_end].split()),
                    text.path,
                    version,
                )
            )
    result.findings.sort(key=lambda f: (f.relative, f.line, f.column))
    result.ambiguous.sort(key=lambda a: (str(a[0]), a[1], a[2]))
    return result


def visible(text: str) -> tuple[str, list[int]]:
    """``text`` as a reader sees it, and for each of its characters the index in ``text`` it
    comes from: Markdown block marks, emphasis, code marks, link targets, escapes, soft hyphens
    and zero-width characters taken out; table bars become spaces."""
    dropped = bytearray(len(text))
    for pattern in (_LINE_MARKS, _LINK_TARGET):
        for match in pattern.finditer(text):
            dropped[match.start() : match.end()] = b"\1" * (match.end() - match.start())
    chars: list[str] = []
    origins: list[int] = []
    escaped = False
    for index, char in enumerate(text):
        if dropped[index]:
            continue
        if escaped:
            escaped = False
        elif char == "\\" and index + 1 < len(text) and not text[index + 1].isalnum():
            escaped = True
            continue
        elif char in _INVISIBLE:
            continue
        chars.append(" " if char == "|" else char)
        origins.append(index)
    return "".join(chars), origins


@dataclass(frozen=True)
class _Text:
    file: Path
    relative: str
    path: DocPath
    value: str
    #: where the values of a YAML file stand; None for a Markdown file
    source: SourceDocument | None


def _texts(dataset: Dataset) -> Iterator[_Text]:
    """Every string value of every file, and the Markdown files meetings point to."""
    root = dataset.root
    markdown: list[str] = []
    for kind, entries in sorted(dataset.loaded.items()):
        for entry in entries:
            relative = _relative(entry.file, root)
            for path, value in strings(entry.source.data):
                if (
                    kind == "organisatie"
                    and path
                    and (path[0] in _LISTS or (path[0] == "personen" and path[-1] == "naam"))
                ):
                    continue
                if path and path[-1] == "inhoud_bestand":
                    markdown.append(value)
                    continue
                if PERSON_ID.match(value):
                    continue
                yield _Text(entry.file, relative, path, value, entry.source)
    for relative in dict.fromkeys(markdown):
        if relative in dataset.markdown_files:  # read and checked when the data was loaded
            file = root / relative
            yield _Text(file, _relative(file, root), (), dataset.markdown_file(relative), None)


def _relative(file: Path, root: Path) -> str:
    try:
        return file.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return display_path(file)


class _Lists:
    """organisatie.yaml's answers: registered people, public officials, phrases that are not
    names (numbered in the order of ``organisaties``' geen_namen)."""

    def __init__(self, organisaties: Sequence[Organisatie]) -> None:
        self.persons = Names(p.naam for o in organisaties for p in o.personen)
        self.officials = Names(f.naam for o in organisaties for f in o.publiek)
        self._phrases: list[tuple[int, GeenNaam, re.Pattern[str]]] = []
        for index, entry in enumerate(e for o in organisaties for e in o.geen_namen):
            words = fold(entry.tekst).split()
            if words:
                pattern = r"\s+".join(re.escape(word) for word in words)
                self._phrases.append((index, entry, re.compile(rf"(?<!\w){pattern}(?!\w)")))

    def phrases(self, text: str, relative: str) -> list[tuple[int, int, int]]:
        """Where the geen_namen phrases for file ``relative`` stand in ``text``: (start, end,
        index of the entry)."""
        applicable = [(i, p) for i, entry, p in self._phrases if entry.applies_to(relative)]
        if not applicable:
            return []
        folded, origins = _folded(text)
        return [
            (origins[m.start()], origins[m.end() - 1] + 1, index)
            for index, pattern in applicable
            for m in pattern.finditer(folded)
        ]


def _folded(text: str) -> tuple[str, list[int]]:
    pieces: list[str] = []
    origins: list[int] = []
    for index, char in enumerate(text):
        folded = fold(char)
        pieces.append(folded)
        origins.extend([index] * len(folded))
    return "".join(pieces), origins


def _own_end(text: str, start: int, end: int) -> int:
    """Where the name in ``text[start:end]`` ends without an affiliation after it: "van het
    Crisisbureau" always goes; "van de(n/r) X" goes when two words stand before it ("Mevrouw
    Koning van de Landsadvocaat"), and stays after a first name ("Erik van der Meulen")."""
    span = text[start:end]
    for match in _AFFILIATION.finditer(span):
        before = span[: match.start()]
        if match[1].lower() == "het" or len(before.split()) >= 2:
            span = before
            break
    own = len(span.rstrip(_TRAILING + " \n\t"))
    return start + own if own else end


def _last_word(text: str, start: int, end: int) -> tuple[int, int]:
    span = text[start:end].rstrip(_TRAILING + " ")
    words = span.split()
    if not words:
        return start, end
    return start + len(span) - len(words[-1]), start + len(span)


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _covered(word: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(_overlaps(word, span) for span in spans)


class _SourceText:
    """The text of a YAML file, to find where a part of a value stands in it."""

    def __init__(self, file: Path, source: SourceDocument) -> None:
        try:
            raw = file.read_text(encoding="utf-8-sig")
        except OSError:
            raw = ""
        self.text = raw.replace("\r\n", "\n")
        self.lines = self.text.split("\n")
        self._starts = [0]
        for row in self.lines:
            self._starts.append(self._starts[-1] + len(row) + 1)
        #: where every key and value starts: a scalar ends before the next of them
        self.tokens = sorted(
            {self.index(p) for p in (*source.values.values(), *source.keys.values())}
        )

    def index(self, position: tuple[int, int]) -> int:
        line, column = position
        return self._starts[min(max(line, 1), len(self.lines)) - 1] + column - 1

    def position(self, index: int) -> tuple[int, int]:
        line = bisect.bisect_right(self._starts, index)
        return line, index - self._starts[line - 1] + 1


def _place(
    text: _Text, offset: int, original: str, sources: dict[Path, _SourceText]
) -> tuple[int, int]:
    """The line and column of ``text.value[offset:]`` (``original``) in its file: computed for
    a literal block, found in the scalar's own text for the other styles (a plain scalar over
    several lines, a quoted one), else where the value starts."""
    if text.source is None:
        line = text.value.count("\n", 0, offset) + 1
        return line, offset - (text.value.rfind("\n", 0, offset) + 1) + 1
    start = text.source.values.get(text.path)
    if start is None:
        return text.source.position(text.path)
    source = sources.get(text.file)
    if source is None:
        source = sources[text.file] = _SourceText(text.file, text.source)
    lines = source.lines
    line, column = start
    if not 0 < line <= len(lines):
        return start
    first = original.split("\n", 1)[0]
    if lines[line - 1][column - 1 : column] == "|":
        before = text.value.count("\n", 0, offset)
        within = offset - (text.value.rfind("\n", 0, offset) + 1)
        row, col = line + 1 + before, _indent(lines, line) + within + 1
        if 0 < row <= len(lines) and lines[row - 1][col - 1 : col - 1 + len(first)] == first:
            return row, col
        return start
    # the name's first word, as often as it came before it in the value, in the scalar's text
    word = original.split(maxsplit=1)[0] if original.split() else ""
    if len(word) < 2:
        return start
    begin = source.index(start)
    after = bisect.bisect_right(source.tokens, begin)
    end = source.tokens[after] if after < len(source.tokens) else len(source.text)
    found = begin - 1
    for _ in range(text.value.count(word, 0, offset) + 1):
        found = source.text.find(word, found + 1, end)
        if found < 0:
            return start
    return source.position(found)


def _indent(lines: list[str], header: int) -> int:
    """The indentation of a literal block whose header (``|``) is on line ``header``."""
    for row in lines[header:]:
        if row.strip():
            return len(row) - len(row.lstrip(" "))
    return 0
