"""What text the outputs can carry, checked before anything is rendered.

- Characters: XML 1.0 forbids U+0000-U+0008, U+000B, U+000C, U+000E-U+001F, U+FFFE, U+FFFF and
  lone surrogates (lxml, python-docx and openpyxl raise on them), and a terminal acts on ESC, the
  C1 controls (U+0080-U+009F) and DEL. Tab, newline and carriage return stay allowed.
- Words: a slide cannot carry a word longer than ``MAX_WORD`` characters.
- Markdown: lists nested deeper than ``MAX_LIST_DEPTH`` and block quotes deeper than
  ``MAX_QUOTE_DEPTH`` (every writer shows that much; markdown-it itself drops everything after
  about ten levels), and table rows with more cells than their header (markdown-it drops the
  extra cells).

Markdown is parsed, with the writers' own parser, only when a cheap look at the raw text shows a
limit could be reached; ordinary data costs a few regular expressions.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from generator.load.footnotes import footnote_problems
from generator.load.textproblem import TextProblem

if TYPE_CHECKING:
    from markdown_it.token import Token

FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")

MAX_WORD = 200
MAX_LIST_DEPTH = 5
MAX_QUOTE_DEPTH = 3

#: a run of characters a line cannot be broken in: anything but whitespace, where the no-break
#: spaces (U+00A0, U+2007, U+202F) do not count as whitespace
_BREAKS = "\t-\r\x1c-\x20\x85\u1680\u2000-\u2006\u2008-\u200a\u2028\u2029\u205f\u3000"
#: (matched from the start of a word only, so that a long word is scanned once, not once per
#: character)
LONG_WORD = re.compile(f"(?<![^{_BREAKS}])[^{_BREAKS}]{{{MAX_WORD + 1}}}")
_REST_OF_WORD = re.compile(f"[^{_BREAKS}]*")


def long_word(text: str) -> tuple[int, str] | None:
    """Where the first word longer than MAX_WORD starts in ``text``, and the word."""
    match = LONG_WORD.search(text)
    if match is None:
        return None
    rest = _REST_OF_WORD.match(text, match.end())
    end = rest.end() if rest else match.end()
    return match.start(), text[match.start() : end]


#: the start of a line that may open or continue containers: markers and indentation
_PREFIX = re.compile(r"^[ \t>*+\-0-9.)]{3,}", re.MULTILINE)
#: what a line's prefix is made of: list markers (a number only with its . or )), quote
#: markers, indentation; anything else is the line's text, which opens no container
_PREFIX_TOKEN = re.compile(r"\d{1,9}[.)]|[-*+>]|[ \t]+")

_C0 = [
    "NUL", "SOH", "STX", "ETX", "EOT", "ENQ", "ACK", "BEL", "BS", "HT", "LF", "VT", "FF", "CR",
    "SO", "SI", "DLE", "DC1", "DC2", "DC3", "DC4", "NAK", "SYN", "ETB", "CAN", "EM", "SUB", "ESC",
    "FS", "GS", "RS", "US",
]  # fmt: skip
_C1 = {0x85: "NEL", 0x9B: "CSI", 0x9D: "OSC", 0x90: "DCS"}


def suspect(text: str) -> bool:
    """Whether ``text`` may break a limit and must be looked at closer: a long word, a line
    that starts with markers or indentation, a table. Ordinary text costs next to nothing."""
    if "|" in text or "[^" in text or (len(text) > MAX_WORD and LONG_WORD.search(text)):
        return True
    if "\n" in text:
        return _PREFIX.search(text) is not None
    return _PREFIX.match(text) is not None


def character_message(char: str) -> str:
    """Why ``char`` (one of FORBIDDEN) is refused, naming it by code point."""
    code = ord(char)
    if code < 0x20 or code == 0x7F:
        name = "DEL" if code == 0x7F else _C0[code]
        return (
            f"U+{code:04X} ({name}): control characters are not allowed in the data; documents "
            "cannot hold them and a terminal acts on them: remove it"
        )
    if code <= 0x9F:
        name = _C1.get(code, "C1 control")
        return (
            f"U+{code:04X} ({name}): control characters are not allowed in the data; a terminal "
            "acts on them: remove it"
        )
    kind = "lone surrogate" if 0xD800 <= code <= 0xDFFF else "noncharacter"
    return (
        f"U+{code:04X} ({kind}) is not allowed in the data: documents (XML) cannot hold it; "
        "remove it"
    )


def character_problems(text: str, *, limit: int = 20) -> tuple[list[TextProblem], int]:
    """The first ``limit`` forbidden characters in ``text``, and how many there are in all."""
    problems: list[TextProblem] = []
    count = 0
    for match in FORBIDDEN.finditer(text):
        count += 1
        if len(problems) < limit:
            line, column = _line_column(text, match.start())
            problems.append(TextProblem(line, column, character_message(match[0])))
    return problems, count


def word_message(word: str) -> str:
    return (
        f"a word of {len(word):,} characters ('{word[:30]}…'): a slide cannot carry a word "
        f"longer than {MAX_WORD} characters; break it with spaces"
    )


def plain_problems(text: str) -> list[TextProblem]:
    """Problems in text that is not Markdown: a word too long."""
    found = long_word(text)
    if found is None:
        return []
    line, column = _line_column(text, found[0])
    return [TextProblem(line, column, word_message(found[1]))]


def markdown_problems(text: str) -> list[TextProblem]:
    """Problems in Markdown: nesting the outputs cannot show, words too long (in the text as
    shown, so a long link target is fine), table cells that would be dropped, a footnote
    reference without its note or a note without a reference."""
    problems = []
    if "[^" in text and not _footnotes_certainly_fine(text):
        problems = footnote_problems(text)
    if not _may_exceed(text):
        return problems
    from generator.text.markdown import parser

    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return problems + _Scan(lines).run(parser().parse(text))


_FOOTNOTE_REFERENCE = re.compile(r"\[\^([^\]\s]+)\](?!:)")
_FOOTNOTE_NOTE = re.compile(r"^\[\^([^\]\s]+)\]:", re.MULTILINE)
_CODE = re.compile(r"`|~~~|^(?: {4}|\t)", re.MULTILINE)


def _footnotes_certainly_fine(text: str) -> bool:
    """True when every footnote reference has its note and every note a reference, seen
    without parsing: no code anywhere (where "[^1]" would be text) and the same labels referred
    to as noted. Anything less certain is left to the parser."""
    if _CODE.search(text):
        return False
    notes = set(_FOOTNOTE_NOTE.findall(text))
    return bool(notes) and notes == set(_FOOTNOTE_REFERENCE.findall(text))


def _line_column(text: str, index: int) -> tuple[int, int]:
    line = text.count("\n", 0, index)
    return line, index - (text.rfind("\n", 0, index) + 1)


def _may_exceed(text: str) -> bool:
    """False when no limit can be reached, without parsing. Sound: a list item at depth d is
    opened on a line whose prefix matches or opens each enclosing container, with a marker
    character or at least two columns of indentation each; a quote needs a '>' on that line."""
    if LONG_WORD.search(text) or ("|" in text and _table_may_drop(text)):
        return True
    for match in _PREFIX.finditer(text):
        markers = quotes = columns = position = 0
        while (token := _PREFIX_TOKEN.match(match[0], position)) is not None:
            if token[0][0] in " \t":
                columns += token[0].count(" ") + 4 * token[0].count("\t")
            else:
                markers += 1
                quotes += token[0] == ">"
            position = token.end()
        if quotes > MAX_QUOTE_DEPTH or markers + columns // 2 > MAX_LIST_DEPTH:
            return True
    return False


_CELL_SPLIT = re.compile(r"(?<!\\)\|")
_CONTAINER = re.compile(r"^(?:[ \t]*>)*[ \t]*")
_DELIMITER_ROW = re.compile(r"\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?")


def _cells(line: str) -> list[str]:
    """The cells of a table row as markdown-it splits them (container prefix removed)."""
    cells = _CELL_SPLIT.split(_CONTAINER.sub("", line, count=1).strip())
    if cells and cells[0] == "":
        cells.pop(0)
    if cells and cells[-1] == "":
        cells.pop()
    return cells


def _table_may_drop(text: str) -> bool:
    """Whether a line below a table's delimiter row (|---|---|) has more cells than it: only
    then can markdown-it drop cells. Rows are counted up to the next blank line."""
    columns = 0
    for line in text.splitlines():
        body = _CONTAINER.sub("", line, count=1).strip()
        if not body:
            columns = 0
        elif _DELIMITER_ROW.fullmatch(body):
            columns = len(_cells(line))
        elif columns and len(_cells(line)) > columns:
            return True
    return False


class _Scan:
    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self.problems: list[TextProblem] = []
        self.reported: set[str] = set()
        self.line = 0

    def flag(self, kind: str, line: int, message: str, column: int | None = None) -> None:
        if kind in self.reported:
            return
        self.reported.add(kind)
        text = self.lines[line] if line < len(self.lines) else ""
        if column is None:
            column = len(text) - len(text.lstrip())
        self.problems.append(TextProblem(line, column, message))

    def run(self, tokens: list[Token]) -> list[TextProblem]:
        lists = quotes = 0
        header = 0
        in_head = False
        for token in tokens:
            if token.map:
                self.line = token.map[0]
            kind = token.type
            if kind in ("bullet_list_open", "ordered_list_open"):
                lists += 1
                if lists > MAX_LIST_DEPTH:
                    self.flag(
                        "list",
                        self.line,
                        f"a list nested {lists} deep: the outputs show lists at most "
                        f"{MAX_LIST_DEPTH} deep; flatten it",
                    )
            elif kind in ("bullet_list_close", "ordered_list_close"):
                lists -= 1
            elif kind == "blockquote_open":
                quotes += 1
                if quotes > MAX_QUOTE_DEPTH:
                    self.flag(
                        "quote",
                        self.line,
                        f"a block quote nested {quotes} deep: the outputs show quotes at most "
                        f"{MAX_QUOTE_DEPTH} deep",
                    )
            elif kind == "blockquote_close":
                quotes -= 1
            elif kind == "thead_open":
                in_head, header = True, 0
            elif kind == "thead_close":
                in_head = False
            elif kind == "th_open" and in_head:
                header += 1
            elif kind == "tr_open" and not in_head and token.map:
                self.table_row(token.map[0], header)
            elif kind == "inline":
                self.words(_shown(token.children or []), token.map)
            elif kind in ("fence", "code_block"):
                self.words(token.content, token.map)
        return self.problems

    def table_row(self, line: int, header: int) -> None:
        cells = _cells(self.lines[line] if line < len(self.lines) else "")
        if len(cells) > header:
            self.flag(
                "table",
                line,
                f"a table row with {len(cells)} cells under a header of {header}: the cells "
                "after the header's last column would not be shown; add header cells or remove "
                "the extra cells",
            )

    def words(self, shown: str, where: list[int] | None) -> None:
        found = long_word(shown)
        if found is None:
            return
        message = word_message(found[1])
        first, end = (where[0], where[1]) if where else (self.line, self.line + 1)
        for line in range(first, min(end, len(self.lines))):
            raw = LONG_WORD.search(self.lines[line])
            if raw is not None:
                self.flag("word", line, message, raw.start())
                return
        self.flag("word", first, message)


def _shown(children: list[Token]) -> str:
    """The text of inline Markdown as the writers show it."""
    parts: list[str] = []
    for child in children:
        if child.type == "softbreak":
            parts.append(" ")
        elif child.type == "hardbreak":
            parts.append("\n")
        elif child.type == "image":
            parts.append(_shown(child.children or []))
        else:
            parts.append(child.content)
    return "".join(parts)


#: the line under a Markdown table's header ("|---|---|")
_TABLE_DELIMITER = re.compile(
    r"^[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)+\|?[ \t]*$", re.MULTILINE
)
TABLE_IN_CELL = (
    "a Markdown table in a toelichting: the deck shows it inside a table cell, as lines of text "
    "with '|' between the cells; a list reads better there"
)


def holds_table(text: str) -> bool:
    """Whether Markdown ``text`` holds a table (its header's delimiter line)."""
    return "-" in text and _TABLE_DELIMITER.search(text) is not None
