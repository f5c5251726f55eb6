"""The text model as the data a print template reads (Typst, through ``generator.render.typeset``).

``to_data`` gives the tree as written; a template also needs what only the whole document knows,
so each text is annotated here, in the order the template lays it out:

- a heading's ``rank``: its place among the heading levels the text uses (0 for the highest), so
  that the template nests it directly below its chapter or paragraph without skipping a level;
- a footnote reference's ``label`` (unique in the PDF) and ``first``: the first reference to a
  note carries the note, a later one refers to it and gets the same number.
"""

from __future__ import annotations

from typing import Any

from generator.text.markdown import parse
from generator.text.model import to_data

Data = dict[str, Any]


class Trees:
    """Markdown texts of one print document as annotated trees, each with its own label."""

    def __init__(self, prefix: str = "t") -> None:
        self.prefix = prefix
        self.count = 0

    def __call__(self, source: str | None) -> Data | None:
        if not source:
            return None
        self.count += 1
        return tree(source, f"{self.prefix}{self.count}")


def tree(source: str, key: str) -> Data:
    """``source`` parsed, as data, annotated; its footnote labels start with ``key``."""
    document = parse(source)
    data = to_data(document)
    data["id"] = key
    ranks = {level: rank - 1 for level, rank in document.heading_levels(0).items()}
    _Annotator(data, key, ranks).blocks(data["blocks"])
    return data


class _Annotator:
    def __init__(self, data: Data, key: str, ranks: dict[int, int]) -> None:
        self.notes: list[list[Data]] = data["footnotes"]
        self.key = key
        self.ranks = ranks
        self.seen: set[int] = set()

    def blocks(self, blocks: list[Data]) -> None:
        for block in blocks:
            kind = block["type"]
            if kind == "paragraph":
                self.inlines(block["inlines"])
            elif kind == "heading":
                block["rank"] = self.ranks[block["level"]]
                self.inlines(block["inlines"])
            elif kind == "list":
                for item in block["items"]:
                    self.blocks(item)
            elif kind == "quote":
                self.blocks(block["blocks"])
            elif kind == "table":
                for cell in block["header"]:
                    self.inlines(cell)
                for row in block["rows"]:
                    for cell in row:
                        self.inlines(cell)

    def inlines(self, inlines: list[Data]) -> None:
        for inline in inlines:
            if inline["type"] != "footnote":
                continue
            number = inline["number"]
            inline["label"] = f"{self.key}-{number}"
            inline["first"] = number not in self.seen
            if inline["first"]:
                self.seen.add(number)
                self.blocks(self.notes[number - 1])  # laid out here, inside the footnote
