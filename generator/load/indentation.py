"""Keys that YAML reads at one level while the editor probably meant the level below.

A hoofdactie's ``deadline:`` indented too little is valid YAML: it becomes the opdracht's
deadline, and nothing else complains. What gives it away is where it stands: right after the
lines of the opdracht's last hoofdactie, and it is a field a hoofdactie has and that hoofdactie
lacks. The models say which keys belong to which kind, so the same holds for an eindresultaat's
fields, an opdracht's under a werkstroom, or any list of mappings a model declares.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import pairwise
from typing import Any

from pydantic import BaseModel

from generator.load.diagnostics import DocPath
from generator.load.messages import model_at, model_of
from generator.load.yamlsource import Position, SourceDocument


def misplaced_keys(
    source: SourceDocument, root: type[BaseModel]
) -> Iterator[tuple[DocPath, Position, str]]:
    """(path, position, message) for each key that probably belongs in the list item above."""
    siblings: dict[DocPath, list[tuple[Position, str | int]]] = {}
    for path, position in source.keys.items():
        if path:
            siblings.setdefault(path[:-1], []).append((position, path[-1]))
    for parent, keys in siblings.items():
        keys.sort()
        for (_, before), (position, key) in pairwise(keys):
            found = _belongs_above(source, root, parent, before, key)
            if found is not None:
                yield (*parent, key), position, found


def _belongs_above(
    source: SourceDocument, root: type[BaseModel], parent: DocPath, before: Any, key: Any
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
    first_key = next(iter(last), None)
    if first_key is None:
        return None
    item_line, item_column = source.keys[(*item_path, first_key)]
    own, kind = _name(model), _name(child)
    titel = last.get("titel")
    which = f" '{_short(titel)}'" if isinstance(titel, str) else ""
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
    return model.__name__.lower()


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= 40 else text[:39] + "…"
