"""Read one YAML file into plain Python data plus the source position of every key and value.

PyYAML is used through its event stream rather than ``safe_load`` because the safe loader hides
what editors need to know about: it keeps the last of two equal keys without a word, expands
aliases into shared objects that explode when walked, and reports values without their line.
Building the data from events ourselves lets us refuse those cases with a position, bound the
nesting depth (the C composer recurses and can crash the interpreter on deep input) and still use
libyaml's fast C parser.

It is one module because the event loop, the positions it records and the refusals it makes are
one state machine over one stream of events; split, each half would need the other's state.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from generator.load.datafiles import MAX_BYTES, DataFolder, FileRefused
from generator.load.diagnostics import DocPath, Position
from generator.load.textlimits import FORBIDDEN, character_message, character_problems, suspect
from generator.model.dates import impossible

try:
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_DEPTH = 32
#: characters that are not allowed, listed per file; the rest are counted
MAX_CHARACTER_PROBLEMS = 20

_TAG = "tag:yaml.org,2002:"
_SCALAR_TAGS = {_TAG + t for t in ("str", "int", "float", "bool", "null", "timestamp")}
_COLLECTION_TAGS = {_TAG + "map", _TAG + "seq", "!"}


class YamlInt(int):
    """An integer as YAML read it, with the text the editor typed (``010`` is 8 in YAML 1.1)."""

    raw: str

    def __new__(cls, value: int, raw: str) -> YamlInt:
        obj = super().__new__(cls, value)
        obj.raw = raw
        return obj


class YamlFloat(float):
    """A float as YAML read it, remembering how it was typed (``1.10`` reads as 1.1)."""

    raw: str

    def __new__(cls, value: float, raw: str) -> YamlFloat:
        obj = super().__new__(cls, value)
        obj.raw = raw
        return obj


class SourceError(Exception):
    """Raised when a file cannot be read as a YAML mapping; carries the position of the problem."""

    def __init__(self, position: Position, message: str) -> None:
        super().__init__(message)
        self.position = position
        self.message = message


@dataclass
class SourceDocument:
    """The data of one file and where each part of it stands in the file."""

    file: Path
    data: dict[Any, Any]
    #: position of each value, by its path; () is the document itself
    values: dict[DocPath, Position] = field(default_factory=dict)
    #: position of each mapping key, by the path of its value
    keys: dict[DocPath, Position] = field(default_factory=dict)
    #: non-fatal problems found while reading (duplicate keys, characters that are not allowed)
    problems: list[tuple[Position, str, DocPath]] = field(default_factory=list)
    #: values that could not be read (an impossible date): a problem already says why
    unreadable: set[DocPath] = field(default_factory=set)
    #: what reads as the editor did not mean it, though it is valid (a warning each)
    warnings: list[tuple[Position, str, DocPath]] = field(default_factory=list)
    #: string values that may break a limit of what the outputs can carry (a long word, deep
    #: nesting, a table): judged once the model says which of them are Markdown
    suspects: list[tuple[DocPath, str]] = field(default_factory=list)
    #: the style of each suspect value that is quoted or a literal block ('"', "'", "|")
    styles: dict[DocPath, str] = field(default_factory=dict)
    text: str = ""
    _lines: list[str] | None = field(default=None, repr=False)

    def position(self, path: DocPath, *, key: bool = False) -> Position:
        """The position of ``path``, or of its nearest ancestor that has one."""
        table = self.keys if key else self.values
        for end in range(len(path), -1, -1):
            prefix = path[:end]
            if prefix in table:
                return table[prefix]
            if key and prefix in self.values:
                return self.values[prefix]
        return (1, 1)

    def locate(self, path: DocPath, value: str, line: int, column: int) -> Position:
        """The position in the file of ``value[line][column]`` (0-based, by lines of the value)
        where it can be told: in a literal block scalar (``|``) and in a scalar on one line;
        otherwise the position of the value."""
        start = self.values.get(path)
        if start is None:
            return self.position(path)
        style = self.styles.get(path, "")
        if self._lines is None:
            self._lines = self.text.split("\n")
        lines = self._lines
        parts = value.split("\n")
        if style == "|" and line < len(parts):
            number = start[0] + 1 + line
            raw = lines[number - 1] if number <= len(lines) else ""
            if raw.endswith(parts[line]):
                return (number, len(raw) - len(parts[line]) + column + 1)
        elif line == 0 and len(parts) == 1 and start[0] <= len(lines):
            offset = start[1] - 1 + (1 if style in ("'", '"') else 0)
            if lines[start[0] - 1][offset : offset + len(value)] == value:
                return (start[0], offset + column + 1)
        return start


def strings(value: Any, path: DocPath = ()) -> Iterator[tuple[DocPath, str]]:
    """Every string in a file's data (``SourceDocument.data``), with its path."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from strings(item, (*path, key if isinstance(key, str | int) else str(key)))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from strings(item, (*path, index))


def _pos(mark: Any) -> Position:
    return (mark.line + 1, mark.column + 1)


def decode(file: Path, raw: bytes) -> str:
    """The text of a file that must be UTF-8, or a SourceError at the first bad byte."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise SourceError(
            (line, column),
            f"the file is not UTF-8 (byte 0x{raw[exc.start]:02x}); save it as UTF-8",
        ) from None


def read(file: Path, folder: DataFolder) -> SourceDocument:
    """Read ``file``, a regular file inside the data folder, as one YAML mapping. Raises
    SourceError for anything that is not."""
    try:
        raw = folder.read(file, limit=MAX_BYTES)
    except FileRefused as exc:
        raise SourceError((1, 1), exc.message) from None
    return parse(file, decode(file, raw))


def parse(file: Path, text: str) -> SourceDocument:
    """Build a SourceDocument from YAML text (``file`` only names it)."""
    found, count = character_problems(text, limit=1)
    if found:
        more = f" ({count - 1} more in this file)" if count > 1 else ""
        raise SourceError((found[0].line + 1, found[0].column + 1), found[0].message + more)
    loader = _Loader(text)
    builder = _Builder(file, loader, text)
    try:
        data = builder.run()
    except yaml.MarkedYAMLError as exc:
        from generator.load import yamlerrors  # only a file with a syntax error needs it

        raise SourceError(*yamlerrors.describe(exc, text, max_depth=MAX_DEPTH)) from None
    except yaml.YAMLError as exc:  # reader errors, such as a control character
        index = getattr(exc, "position", 0)
        line = text.count("\n", 0, index) + 1
        column = index - (text.rfind("\n", 0, index) + 1) + 1
        reason = getattr(exc, "reason", "unreadable character")
        raise SourceError((line, column), f"YAML cannot read this file: {reason}") from None
    finally:
        loader.dispose()
    if data is None:
        raise SourceError((1, 1), "the file is empty: it must hold a YAML mapping (key: value)")
    if not isinstance(data, dict):
        kind = "a list" if isinstance(data, list) else "a single value"
        raise SourceError(
            builder.doc.values.get((), (1, 1)),
            f"the file holds {kind}; it must hold a YAML mapping (key: value)",
        )
    builder.doc.data = data
    builder.doc.text = text
    return builder.doc


class _Frame:
    __slots__ = ("container", "key", "key_pos", "path", "seen")

    def __init__(self, container: dict[Any, Any] | list[Any], path: DocPath) -> None:
        self.container = container
        self.path = path
        self.key: Any = _NO_KEY
        self.key_pos: Position = (1, 1)
        self.seen: dict[Any, Position] = {}


_NO_KEY = object()


class _Builder:
    """Turns the event stream into data, recording positions; refuses what editors cannot mean."""

    def __init__(self, file: Path, loader: Any, text: str) -> None:
        self.doc = SourceDocument(file, {})
        self.loader = loader
        self.text = text
        self.characters = 0

    def run(self) -> Any:
        loader = self.loader
        result: Any = None
        documents = 0
        stack: list[_Frame] = []
        while True:
            event = loader.get_event()
            if isinstance(event, yaml.StreamEndEvent):
                if self.characters > MAX_CHARACTER_PROBLEMS:
                    self.doc.problems.append(
                        (
                            (1, 1),
                            f"{self.characters - MAX_CHARACTER_PROBLEMS} more characters that "
                            "are not allowed in this file (not listed)",
                            (),
                        )
                    )
                return result
            if isinstance(event, yaml.DocumentStartEvent):
                documents += 1
                if documents > 1:
                    raise SourceError(
                        _pos(event.start_mark),
                        "a second YAML document (---) in the file: keep one document per file",
                    )
                continue
            if isinstance(event, yaml.StreamStartEvent | yaml.DocumentEndEvent):
                continue
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                raise SourceError(
                    _pos(event.start_mark),
                    "anchors (&) and aliases (*) are not supported: write the value out in full",
                )
            if isinstance(event, yaml.CollectionEndEvent):
                frame = stack.pop()
                if not stack:
                    result = frame.container
                continue

            if stack and isinstance(stack[-1].container, dict) and stack[-1].key is _NO_KEY:
                self._take_key(stack[-1], event)
                continue

            path = self._child_path(stack)
            position = _pos(event.start_mark)
            self.doc.values[path] = position
            if stack and isinstance(stack[-1].container, dict):
                self.doc.keys[path] = stack[-1].key_pos
            if isinstance(event, yaml.ScalarEvent):
                value = self._scalar(event, path)
                if event.style == '"':
                    self._characters(event, path)
                if not event.style:
                    self._comment_after(event, path)
                if type(value) is str and suspect(value):
                    self.doc.suspects.append((path, value))
                    if event.style:
                        self.doc.styles[path] = event.style
                if not stack:
                    result = value
                else:
                    self._attach(stack[-1], value)
                continue
            # a collection starts
            if len(stack) >= MAX_DEPTH:
                from generator.load.yamlerrors import too_deep  # rare: only deep data

                raise SourceError(position, too_deep(MAX_DEPTH))
            tag = event.tag
            if tag is not None and tag not in _COLLECTION_TAGS:
                raise SourceError(position, _tag_message(tag))
            container: dict[Any, Any] | list[Any] = (
                {} if isinstance(event, yaml.MappingStartEvent) else []
            )
            if stack:
                self._attach(stack[-1], container)
            stack.append(_Frame(container, path))

    @staticmethod
    def _child_path(stack: list[_Frame]) -> DocPath:
        if not stack:
            return ()
        top = stack[-1]
        if isinstance(top.container, list):
            return (*top.path, len(top.container))
        key = top.key if isinstance(top.key, str | int) else str(top.key)
        return (*top.path, key)

    @staticmethod
    def _attach(frame: _Frame, value: Any) -> None:
        if isinstance(frame.container, list):
            frame.container.append(value)
        else:
            frame.container[frame.key] = value
            frame.key = _NO_KEY

    def _take_key(self, frame: _Frame, event: Any) -> None:
        position = _pos(event.start_mark)
        if not isinstance(event, yaml.ScalarEvent):
            raise SourceError(position, "a key must be plain text, not a list or mapping")
        key = self._scalar(event)
        if event.style == '"':
            self._characters(event, (*frame.path, str(key)))
        if isinstance(key, YamlInt | YamlFloat):
            key = type(key).__mro__[1](key)  # plain int/float: keys are compared by value
        if key in frame.seen:
            first = frame.seen[key]
            self.doc.problems.append(
                (
                    position,
                    f"duplicate key '{event.value}' (first on line {first[0]}): YAML keeps only "
                    "the last one, so the text of the first would be lost",
                    (*frame.path, str(key)),
                )
            )
        else:
            frame.seen[key] = position
        frame.key = key
        frame.key_pos = position

    def _comment_after(self, event: Any, path: DocPath) -> None:
        """Warn when a plain value is cut short by what reads as a comment: ``Sprint #3`` is
        "Sprint". A comment written as one (``#`` and a space, or two spaces before) is not."""
        end = event.end_mark.index
        line_end = self.text.find("\n", end)
        rest = self.text[end : len(self.text) if line_end < 0 else line_end]
        if not _CUT_COMMENT.match(rest):
            return
        hash_at = end + rest.index("#")
        line = self.text.count("\n", 0, hash_at) + 1
        column = hash_at - (self.text.rfind("\n", 0, hash_at) + 1) + 1
        whole = (event.value + " " + rest.strip()).strip().replace('"', '\\"')
        self.doc.warnings.append(
            (
                (line, column),
                f"the text from '{rest.strip()[:20]}' on is read as a YAML comment and left out "
                f'of the value: put the whole value in quotes to keep it, e.g. "{whole}"',
                path,
            )
        )

    def _characters(self, event: Any, path: DocPath) -> None:
        """Refuse characters the outputs cannot hold; in a file they are refused before parsing,
        so here they can only come from an escape in a double-quoted scalar ("\\e")."""
        match = FORBIDDEN.search(event.value)
        if match is None:
            return
        self.characters += 1
        if self.characters > MAX_CHARACTER_PROBLEMS:
            return
        start, end = event.start_mark.index, event.end_mark.index
        position = _pos(event.start_mark)
        for escape in _ESCAPE.finditer(self.text, start, end):
            if FORBIDDEN.match(_unescape(escape[1])):
                line = self.text.count("\n", 0, escape.start())
                column = escape.start() - (self.text.rfind("\n", 0, escape.start()) + 1)
                position = (line + 1, column + 1)
                break
        self.doc.problems.append((position, character_message(match[0]), path))

    def _scalar(self, event: Any, path: DocPath | None = None) -> Any:
        """The value of a scalar. An impossible date as a value is a problem of its own that
        does not stop the reading (the rest of the file is still checked); as a key it does."""
        tag = event.tag
        if tag is None or tag == "!":
            tag = self.loader.resolve(yaml.ScalarNode, event.value, event.implicit)
        if tag not in _SCALAR_TAGS:
            raise SourceError(_pos(event.start_mark), _tag_message(tag))
        node = yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark, event.style)
        try:
            value = self.loader.construct_object(node)
        except (ValueError, OverflowError, yaml.YAMLError) as exc:
            if tag == _TAG + "timestamp":
                message = _bad_date(event.value, exc)
                if path is not None:
                    self.doc.problems.append((_pos(event.start_mark), message, path))
                    self.doc.unreadable.add(path)
                    return event.value
            else:
                message = f"'{event.value[:40]}' cannot be read as {tag.rsplit(':', 1)[-1]}"
            raise SourceError(_pos(event.start_mark), message) from None
        if not event.style:  # plain: None from the Python parser, '' from libyaml
            if type(value) is int:
                return YamlInt(value, event.value)
            if type(value) is float:
                return YamlFloat(value, event.value)
        return value


def _bad_date(text: str, exc: Exception) -> str:
    """Why a date YAML read does not exist, without suggesting one that does not either."""
    match = re.match(r"^(\d{4})-(\d{1,2})-(\d{1,2})$", text)
    if match:
        year, month, day = (int(part) for part in match.groups())
        return impossible(day, month, year, typed=text)
    return f"'{text}' is not a valid date ({exc})"


#: " #3 afronden" after a plain value: a comment, though it reads as part of the text
_CUT_COMMENT = re.compile(r"^ #[^\s#!]")
_ESCAPE = re.compile(r"\\(x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)", re.DOTALL)
_ESCAPES = {
    "0": "\x00",
    "a": "\x07",
    "b": "\x08",
    "v": "\x0b",
    "f": "\x0c",
    "e": "\x1b",
    "N": "\x85",
}


def _unescape(escape: str) -> str:
    """The character a double-quoted YAML escape stands for (only those that can be refused)."""
    if len(escape) > 1:
        code = int(escape[1:], 16)
        return chr(code) if code <= 0x10FFFF else ""
    return _ESCAPES.get(escape, "")


def _tag_message(tag: str) -> str:
    shown = tag.replace(_TAG, "!!")
    return f"the YAML tag {shown} is not allowed: statusgen reads plain data only"
