"""Keys that YAML reads at one level while the editor probably meant the level below.

A hoofdactie's ``deadline:`` indented too little is valid YAML: it becomes the opdracht's
deadline, and nothing else complains. What gives it away is where it stands and what the rest
of the file does:

- it stands right after the lines of the opdracht's last hoofdactie;
- it is a field a hoofdactie has, and that hoofdactie lacks it;
- other hoofdacties in the file have it (the file's habit for that kind);
- no other opdracht in the file has it of its own beside hoofdacties.

The last two keep the warning from firing where the key is where it was meant: ``new`` writes
a werkstroom's ``trekker`` after its ``opdrachten``, in a file where no opdracht has one. The
models say which keys belong to which kind, so the same holds for an eindresultaat's fields, an
opdracht's under a werkstroom, or any list of mappings a model declares.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import pairwise
from typing import Any

from pydantic import BaseModel

from generator.load.diagnostics import DocPath, Position
from generator.load.fields import model_word
from generator.load.messages import model_at, model_of
from generator.load.yamlsource import SourceDocument
from generator.text.shorten import shorten


def misplaced_keys(
    source: SourceDocument, root: type[BaseModel]
) -> Iterator[tuple[DocPath, Position, str]]:
    """(path, position, message) for each key that probably belongs in the list item above."""
    kinds = _mappings_by_model(source.data, root)
    siblings: dict[DocPath, list[tuple[Position, str | int]]] = {}
    for path, position in source.keys.items():
        if path:
            siblings.setdefault(path[:-1], []).append((position, path[-1]))
    for parent, keys in siblings.items():
        keys.sort()
        for (_, before), (position, key) in pairwise(keys):
            found = _belongs_above(source, root, kinds, parent, before, key)
            if found is not None:
                yield (*parent, key), position, found


def _belongs_above(
    source: SourceDocument,
    root: type[BaseModel],
    kinds: dict[type[BaseModel], list[tuple[DocPath, dict[Any, Any]]]],
    parent: DocPath,
    before: Any,
    key: Any,
) -> str | None:
    """The message when ``key`` follows the list ``before`` and fits its last item better."""
    model = model_at(root, parent)
    if model is None or not isinstance(key, str) or before not in model.model_fields:
        return None
    child = model_of(model.model_fields[before].annotation)
    items = _value(source.data, (*parent, before))
    if child is None or not isinstance(items, list) or not items:
        return None
    last = items[-1]
    if not isinstance(last, dict) or key not in child.model_fields or key in last:
        return None
    item_path: DocPath = (*parent, before, len(items) - 1)
    if not any(key in other for path, other in kinds.get(child, []) if path != item_path):
        return None  # no item of that kind in the file has it: nothing says it is missing
    for path, other in kinds.get(model, []):
        if path != parent and key in other and other.get(before):
            return None  # it is the file's habit to write it at this level, beside the list
    first_key = next(iter(last), None)
    if first_key is None:
        return None
    item_line, item_column = source.keys[(*item_path, first_key)]
    own, kind = _name(model), _name(child)
    titel = last.get("titel")
    which = f" '{shorten(titel, 40)}'" if isinstance(titel, str) else ""
    return (
        f"'{key}' is read as the {own}'s (it is indented as far as '{before}'), but it follows "
        f"the lines of its last {kind}{which} (line {item_line}), which has no {key}: if it "
        f"is that {kind}'s, indent it as far as '{first_key}' (column {item_column}); if it "
        f"is the {own}'s, put it above '{before}:'"
    )


def _value(data: Any, path: DocPath) -> Any:
    for part in path:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def _name(model: type[BaseModel]) -> str:
    return model_word(model)


def _mappings_by_model(
    data: Any, root: type[BaseModel]
) -> dict[type[BaseModel], list[tuple[DocPath, dict[Any, Any]]]]:
    """Every mapping in a file's data with the model that reads it, by model."""
    found: dict[type[BaseModel], list[tuple[DocPath, dict[Any, Any]]]] = {}

    def walk(value: Any, model: type[BaseModel] | None, path: DocPath) -> None:
        if isinstance(value, list):
            for index, item in enumerate(value):
                walk(item, model, (*path, index))
        elif isinstance(value, dict) and model is not None:
            found.setdefault(model, []).append((path, value))
            for key, item in value.items():
                info = model.model_fields.get(key) if isinstance(key, str) else None
                if info is not None:
                    walk(item, model_of(info.annotation), (*path, key))

    walk(data, root, ())
    return found
