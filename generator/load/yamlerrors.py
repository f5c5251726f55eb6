"""PyYAML's syntax errors, told as the remedy an editor can act on.

PyYAML says what its parser met ("mapping values are not allowed in this context"); an editor
needs to know what they typed and what to type instead ("a colon followed by a space inside a
value: put the value in quotes"). The situation is read from where the parser stopped (its
problem mark), where the construct it was reading began (its context mark) and the source lines
around them, not from PyYAML's wording, which changes between releases. What is not recognised
keeps PyYAML's own description.

It is one module because its rules are one ordered list over one view of the source lines
(``_Source``, ``_Line``): which rule speaks depends on the rules before it having declined, so
split over files the order that makes each message right would be spread with them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from generator.load.diagnostics import Position

#: ``key:`` at the start of a line (after any ``- `` item marks), as editors write keys
_KEY = re.compile(r"^(?P<indent> *)(?P<dashes>(?:- +)*)(?P<key>[^\s#'\"\[\]{}:,-][^:#]*?):(?:\s|$)")
#: the characters that cannot start a plain value (YAML indicators); their names for messages
_INDICATORS = {
    "@": "@",
    "`": "a backtick (`)",
    "%": "%",
    "*": "an asterisk (*)",
    "&": "an ampersand (&)",
    "!": "an exclamation mark (!)",
    "|": "a vertical bar (|)",
    ">": "a greater-than sign (>)",
    "?": "a question mark (?)",
    "-": "a dash and a space (- )",
    ",": "a comma (,)",
}


@dataclass(frozen=True)
class _Line:
    number: int  # 1-based
    text: str

    @property
    def indent(self) -> int:
        return len(self.text) - len(self.text.lstrip(" "))

    @property
    def blank(self) -> bool:
        stripped = self.text.strip()
        return not stripped or stripped.startswith("#")

    @property
    def item(self) -> bool:
        """Whether the line starts a list item (``- ...``)."""
        stripped = self.text.lstrip(" ")
        return stripped == "-" or stripped.startswith("- ")

    def key(self) -> tuple[str, int] | None:
        """The key the line starts with and its 1-based column, if it starts with one."""
        match = _KEY.match(self.text)
        if match is None:
            return None
        return match["key"].strip(), match.start("key") + 1


class _Source:
    def __init__(self, text: str) -> None:
        self.text = text
        self.lines = [_Line(i + 1, t) for i, t in enumerate(text.split("\n"))]

    def line(self, number: int) -> _Line:
        if 1 <= number <= len(self.lines):
            return self.lines[number - 1]
        return _Line(number, "")

    def char(self, mark: Any) -> str:
        index = mark.index if mark is not None else -1
        return self.text[index] if 0 <= index < len(self.text) else ""

    def above(self, number: int) -> list[_Line]:
        """The lines above ``number`` that hold something, nearest first."""
        return [line for line in reversed(self.lines[: number - 1]) if not line.blank]


def describe(exc: Any, text: str, *, max_depth: int) -> tuple[Position, str]:
    """The position and message for ``exc``, a ``yaml.MarkedYAMLError`` raised on ``text``."""
    source = _Source(text)
    problem, context = exc.problem_mark, exc.context_mark
    mark = problem or context
    position = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    for rule in (_tab, _too_deep, _unclosed, _indicator, _after_closing, _mapping_value,
                 _no_colon, _misplaced):  # fmt: skip
        found = rule(source, problem, context, position, max_depth)
        if found is not None:
            return found
    parts = [p for p in (exc.context, exc.problem) if p]
    return position, "YAML syntax error: " + ", ".join(parts)


_Found = tuple[Position, str] | None


def _tab(source: _Source, problem: Any, context: Any, position: Position, depth: int) -> _Found:
    line = source.line(position[0])
    indent = line.text[: len(line.text) - len(line.text.lstrip(" \t"))]
    if "\t" in indent:
        return (position[0], indent.find("\t") + 1), (
            "tab character in the indentation: YAML indents with spaces only"
        )
    if source.char(problem) == "\t":
        return position, "tab character in the indentation: YAML indents with spaces only"
    return None


def too_deep(depth: int) -> str:
    """The message for data nested deeper than statusgen reads, whoever noticed it first: the
    parser (a flow collection) or the loader's own depth limit (yamlsource.py)."""
    return (
        f"the data is nested more than {depth} levels deep (lists or mappings inside one "
        "another): statusgen reads at most that many; write the data flatter"
    )


def _too_deep(
    source: _Source, problem: Any, context: Any, position: Position, depth: int
) -> _Found:
    if problem is None:
        return None
    before = source.text[: problem.index + 1]
    opened = before.count("[") + before.count("{") - before.count("]") - before.count("}")
    if opened <= depth:
        return None
    return position, too_deep(depth)


def _unclosed(
    source: _Source, problem: Any, context: Any, position: Position, depth: int
) -> _Found:
    """A quote or bracket opened at the context mark and never closed."""
    opener = source.char(context)
    if opener in ("'", '"'):
        at = (context.line + 1, context.column + 1)
        name = "double" if opener == '"' else "single"
        return at, (
            f"YAML syntax error: the {name} quote ({opener}) that opens this value is never "
            f"closed: end the value with {opener} on the line it ends (a {opener} inside the "
            + ('value is written \\")' if opener == '"' else "value is written '')")
        )
    if opener in ("[", "{") and problem is not None:
        closer = "]" if opener == "[" else "}"
        if problem.line == context.line and source.char(problem) not in ("\n", ""):
            return None  # a bracket closed on its line, something after it: see _after_closing
        at = (context.line + 1, context.column + 1)
        return at, (
            f"YAML syntax error: the {opener} that opens this list is not closed with "
            f"{closer}: close it at the end of the value, or put the whole value in quotes if "
            f"the {opener} is part of the text"
            if opener == "["
            else f"YAML syntax error: the {opener} that opens this mapping is not closed with "
            f"{closer}: close it, or put the whole value in quotes if the {opener} is part of "
            "the text"
        )
    return None


def _indicator(
    source: _Source, problem: Any, context: Any, position: Position, depth: int
) -> _Found:
    """A value that starts with a character YAML reads as syntax (@, `, *, |, ...)."""
    for mark in (context, problem):
        char = source.char(mark)
        if char not in _INDICATORS or mark is None:
            continue
        line = source.line(mark.line + 1)
        found = line.key()
        before = line.text[: mark.column].rstrip()
        if found is None or not before.endswith(":"):
            continue
        if char in "|>":
            return (mark.line + 1, mark.column + 1), (
                f"YAML syntax error: a value that starts with {_INDICATORS[char]} is a block: "
                f"start its text on the next line, indented further than '{found[0]}', or put "
                "the value in quotes"
            )
        if char == "-" and source.char(problem) != "-":
            continue
        return (mark.line + 1, mark.column + 1), (
            f"YAML syntax error: a value cannot start with {_INDICATORS[char]}: put the value in "
            f"quotes, e.g. {found[0]}: {_quoted(line.text[mark.column :].strip())}"
        )
    return None


def _after_closing(
    source: _Source, problem: Any, context: Any, position: Position, depth: int
) -> _Found:
    """Text after a quoted value or a [list] on the same line: ``titel: "Het" plan``."""
    if problem is None:
        return None
    line = source.line(problem.line + 1)
    before = line.text[: problem.column].rstrip()
    if not before or before[-1] not in "\"']}" or line.key() is None:
        return None
    key = line.key()
    assert key is not None
    opened = _opening_quote(source.text, problem.index - (problem.column - len(before)) - 1)
    if opened is not None and source.text.count("\n", 0, opened) < problem.line:
        # the quote that ends here opened on an earlier line: that one was never closed
        number = source.text.count("\n", 0, opened) + 1
        column = opened - (source.text.rfind("\n", 0, opened) + 1) + 1
        return (number, column), (
            f"YAML syntax error: the quote ({source.text[opened]}) that opens this value is "
            f"not closed on its line, so the value runs on to the quote on line {line.number}: "
            f"end the value with {source.text[opened]} where it ends"
        )
    if before[-1] in "\"'":
        return position, (
            "YAML syntax error: text after the closing quote: put the whole value in quotes, and "
            'write a " inside double quotes as \\" (or quote the value with \' instead), e.g. '
            f"{key[0]}: {_quoted(line.text[key[1] + len(key[0]) :].strip())}"
        )
    return position, (
        f"YAML syntax error: text after the closing {before[-1]}: a value that starts with "
        f"[ or {{ is read as a list or mapping; put the whole value in quotes, e.g. "
        f"{key[0]}: {_quoted(line.text[key[1] + len(key[0]) :].strip())}"
    )


def _mapping_value(
    source: _Source, problem: Any, context: Any, position: Position, depth: int
) -> _Found:
    """A ``: `` where YAML cannot start a mapping: in a value, or on a line indented too far."""
    if problem is None or context is not None or source.char(problem) != ":":
        return None
    line = source.line(problem.line + 1)
    key = line.key()
    if key is not None and key[1] - 1 + len(key[0]) < problem.column:
        # the line's own key comes before: the colon is inside its value
        value = line.text[key[1] + len(key[0]) :].strip()
        curly = (
            " (“ ” and ‘ ’ are not quotes to YAML: type straight ones)" if value[:1] in "“‘" else ""
        )
        return position, (
            "YAML syntax error: a colon followed by a space inside a value: put the value in "
            f"quotes, e.g. {key[0]}: {_quoted(value.strip('“”‘’'))}{curly}"
        )
    lines_above = source.above(line.number)
    above = next(iter(lines_above), None)
    own = key[0] if key else line.text.strip()
    dedented = _dedented_key(line, lines_above)
    if dedented is not None:
        return dedented
    if above is not None and above.key() is not None and line.indent > above.indent:
        parent, column = above.key()  # type: ignore[misc]
        return (line.number, line.indent + 1), (
            f"YAML syntax error: '{own}' is indented further than '{parent}' on line "
            f"{above.number}, so YAML reads this line as the rest of {parent}'s value: if it is "
            f"a key, indent it as far as '{parent}' (column {column}); if it is text, put the "
            f"whole value of '{parent}' in quotes"
        )
    return position, (
        "YAML syntax error: a colon followed by a space inside a value: put the value in quotes"
    )


def _no_colon(
    source: _Source, problem: Any, context: Any, position: Position, depth: int
) -> _Found:
    """A line in a mapping that is not ``key: value``: the space after the colon or the colon
    itself is missing, or it is text of a block (``|``) indented no further than its key."""
    if problem is None or context is None or problem.line < context.line:
        return None
    line = source.line(context.line + 1)
    if line.key() is not None or line.item or context.column != line.indent:
        return None
    text = line.text.strip()
    if not text or text[0] in "\"'[]{}#&*!|>%@`":
        return None
    at = (line.number, line.indent + 1)
    colon = text.find(":")
    if colon > 0:
        return at, (
            "YAML syntax error: a colon after a key needs a space after it: write "
            f"{text[:colon]}: {text[colon + 1 :].strip()}"
        )
    block = _block_text(source, line)
    if block is not None:
        return block
    first, _, rest = text.partition(" ")
    example = f"{first}: {rest}" if rest else f"{first}: ..."
    return at, (
        "YAML syntax error: a line without a colon where a key was expected: write it as "
        f"key: value (e.g. {example}), or, if it is text that goes on from the value above, "
        "put that whole value in quotes"
    )


def _block_text(source: _Source, line: _Line) -> _Found:
    """``line`` as text of a block (``key: |``) above it, indented no further than its key."""
    above = next(iter(source.above(line.number)), None)
    if above is None or not re.search(r":\s*[|>][-+0-9]*\s*$", above.text):
        return None
    found = above.key()
    if found is None or line.indent > found[1] - 1:
        return None
    key, column = found
    return (line.number, line.indent + 1), (
        f"YAML syntax error: the text of '{key}: {above.text.rstrip()[-1]}' on line "
        f"{above.number} must be indented further than '{key}' (column {column}): indent "
        f"this line and the lines after it by {_spaces(column)} or more"
    )


def _misplaced(
    source: _Source, problem: Any, context: Any, position: Position, depth: int
) -> _Found:
    """A line whose indentation or ``- `` does not fit the block it stands in: a list item
    among keys, a key among list items, a key indented as far as no key above it."""
    if problem is None or context is None or problem.line == context.line:
        return None
    line = source.line(problem.line + 1)
    if line.blank:
        return None
    block = _block_text(source, line) if line.key() is None and not line.item else None
    if block is not None:
        return block
    start = source.line(context.line + 1)
    in_list = source.char(context) == "-"
    own = line.key()
    what = "list item ('- ')" if line.item else f"key '{own[0]}'" if own else "line"
    at = (line.number, line.indent + 1)
    peers = _peers(source, line)
    if in_list and line.indent == context.column and not line.item:
        item_key = start.key()
        column = (
            f" (column {item_key[1]}, as '{item_key[0]}' on line {start.number})"
            if item_key
            else ""
        )
        return at, (
            f"YAML syntax error: a {what} among the items of the list on line {start.number}: "
            "start it with '- ' if it is an item of its own, or indent it as far as the text "
            f"of the item it belongs to{column}"
        )
    if not in_list and line.item and line.indent in peers.get("key", {}):
        key_line = peers["key"][line.indent]
        lists = [col for col in peers["item"] if col < line.indent]
        hint = ""
        if lists:
            col = max(lists)
            hint = (
                f"; if it is an item of the list on line {peers['item'][col]}, indent it as far "
                f"({_spaces(col)})"
            )
        return at, (
            f"YAML syntax error: a list item ('- ') where a key was expected (as on line "
            f"{key_line}): put the list under a key of its own, indented further than that "
            f"key, or write this line as key: value{hint}"
        )
    kind = "item" if line.item else "key"
    known = peers.get(kind, {})
    if line.indent in known:
        return None
    below = [col for col in known if col < line.indent]
    beyond = [col for col in known if col > line.indent]
    choices = sorted(
        ([max(below)] if below else []) + ([min(beyond)] if beyond else []),
        key=lambda col: abs(col - line.indent),
    )
    if not choices:
        return None
    said = " or ".join(f"{_spaces(col)} (as on line {known[col]})" for col in choices)
    plural = "the items of its list" if line.item else "the keys of the mapping it belongs to"
    return at, (
        f"YAML syntax error: the {what} is indented {_spaces(line.indent)}, but no {kind} above "
        f"it is: indent it as far as {plural}, {said}"
    )


def _peers(source: _Source, line: _Line) -> dict[str, dict[int, int]]:
    """For the lines above ``line``: the indentations of keys and of items (``- ``), each with
    the nearest line that has it. A key after ``- `` counts at its own column."""
    found: dict[str, dict[int, int]] = {"key": {}, "item": {}}
    for above in source.above(line.number):
        if above.item:
            found["item"].setdefault(above.indent, above.number)
        key = above.key()
        if key is not None:
            found["key"].setdefault(key[1] - 1, above.number)
    return found


def _spaces(number: int) -> str:
    return "1 space" if number == 1 else f"{number} spaces"


def _dedented_key(line: _Line, above: list[_Line]) -> _Found:
    """A list item read as the value of the key above it, because that key is indented less
    than the lines before and after it: ``deadline:`` of an item pulled out of its list."""
    if len(above) < 2:
        return None
    key_line, before = above[0], above[1]
    found, neighbour = key_line.key(), before.key()
    if found is None or neighbour is None or key_line.item:
        return None
    if not (key_line.indent < line.indent and key_line.indent < neighbour[1] - 1):
        return None
    return (key_line.number, key_line.indent + 1), (
        f"YAML syntax error: '{found[0]}' is indented less than the lines before and after it, "
        f"so YAML reads line {line.number} as part of its value: if it "
        f"belongs with '{neighbour[0]}' on line {before.number}, indent it as far "
        f"(column {neighbour[1]})"
    )


def _opening_quote(text: str, closing: int) -> int | None:
    """The index of the quote that the quote at ``closing`` ends, if that is a quote."""
    quote = text[closing] if 0 <= closing < len(text) else ""
    if quote not in ("'", '"'):
        return None
    index = closing - 1
    while index >= 0:
        if text[index] == quote:
            if quote == '"' and text[index - 1 : index] == "\\":
                index -= 2
                continue
            if quote == "'" and text[index - 1 : index] == "'":
                index -= 2  # '' is a quote inside single quotes
                continue
            return index
        index -= 1
    return None


def _quoted(value: str) -> str:
    """``value`` as a YAML quoted scalar, as an editor would type it."""
    if '"' not in value:
        return f'"{value}"'
    if "'" not in value:
        return f"'{value}'"
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
