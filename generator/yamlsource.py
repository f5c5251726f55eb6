"""Read one YAML file into plain Python data plus the source position of every key and value.

PyYAML is used through its event stream rather than ``safe_load`` because the safe loader hides
what editors need to know about: it keeps the last of two equal keys without a word, expands
aliases into shared objects that explode when walked, and reports values without their line.
Building the data from events ourselves lets us refuse those cases with a position, bound the
nesting depth (the C composer recurses and can crash the interpreter on deep input) and still use
libyaml's fast C parser.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from generator.diagnostics import DocPath

try:
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_BYTES = 1 << 20
MAX_DEPTH = 32

Position = tuple[int, int]

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
    #: non-fatal problems found while reading (duplicate keys)
    problems: list[tuple[Position, str, DocPath]] = field(default_factory=list)

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


def _pos(mark: Any) -> Position:
    return (mark.line + 1, mark.column + 1)


def _describe_yaml_error(exc: yaml.MarkedYAMLError, text: str) -> tuple[Position, str]:
    mark = exc.problem_mark or exc.context_mark
    position = _pos(mark) if mark is not None else (1, 1)
    lines = text.splitlines()
    line = lines[position[0] - 1] if 0 < position[0] <= len(lines) else ""
    indent = line[: len(line) - len(line.lstrip(" \t"))]
    if "\t" in indent or "'\\t'" in str(exc.problem):
        return (position[0], indent.find("\t") + 1 if "\t" in indent else position[1]), (
            "tab character in the indentation: YAML indents with spaces only"
        )
    parts = [p for p in (exc.context, exc.problem) if p]
    return position, "YAML syntax error: " + ", ".join(parts)


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


def read(file: Path) -> SourceDocument:
    """Read ``file`` as one YAML mapping. Raises SourceError for anything that is not."""
    size = file.stat().st_size
    if size > MAX_BYTES:
        raise SourceError((1, 1), f"the file is {size:,} bytes; the limit is 1 MiB: split it")
    text = decode(file, file.read_bytes())
    return parse(file, text)


def parse(file: Path, text: str) -> SourceDocument:
    """Build a SourceDocument from YAML text (``file`` only names it)."""
    loader = _Loader(text)
    builder = _Builder(file, loader)
    try:
        data = builder.run()
    except yaml.MarkedYAMLError as exc:
        raise SourceError(*_describe_yaml_error(exc, text)) from None
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

    def __init__(self, file: Path, loader: Any) -> None:
        self.doc = SourceDocument(file, {})
        self.loader = loader

    def run(self) -> Any:
        loader = self.loader
        result: Any = None
        documents = 0
        stack: list[_Frame] = []
        while True:
            event = loader.get_event()
            if isinstance(event, yaml.StreamEndEvent):
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
                value = self._scalar(event)
                if not stack:
                    result = value
                else:
                    self._attach(stack[-1], value)
                continue
            # a collection starts
            if len(stack) >= MAX_DEPTH:
                raise SourceError(position, f"the data is nested more than {MAX_DEPTH} levels deep")
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

    def _scalar(self, event: Any) -> Any:
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
                message = f"'{event.value}' is not a valid date ({exc})"
            else:
                message = f"'{event.value[:40]}' cannot be read as {tag.rsplit(':', 1)[-1]}"
            raise SourceError(_pos(event.start_mark), message) from None
        if event.style is None:
            if type(value) is int:
                return YamlInt(value, event.value)
            if type(value) is float:
                return YamlFloat(value, event.value)
        return value


def _tag_message(tag: str) -> str:
    shown = tag.replace(_TAG, "!!")
    return f"the YAML tag {shown} is not allowed: statusgen reads plain data only"
