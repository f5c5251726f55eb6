"""Footnotes in Markdown from the data, checked as the writers read them.

A reference without its note (``[^2]`` and no ``[^2]: ...`` line) would be printed as the
characters "[^2]", and a note that nothing refers to would be left out of every output: both
are errors, at the line and column of the reference or the note.
"""

from __future__ import annotations

import re
from typing import Any

from generator.load.textproblem import TextProblem

_REFERENCE = re.compile(r"\[\^([^\]\s]+)\]")


def footnote_problems(text: str) -> list[TextProblem]:
    """A reference without a note, a note without a reference; [] for text without "[^"."""
    if "[^" not in text:
        return []
    from generator.text.markdown import parser

    env: dict[str, Any] = {}
    tokens = parser(join_text=False).parse(text, env)  # an escaped \[^1] is no reference
    problems: list[TextProblem] = []
    missing: list[str] = []
    for token in tokens:
        for child in token.children or []:
            if child.type == "text":
                missing.extend(_REFERENCE.findall(child.content))
    for label in dict.fromkeys(missing):
        line, column = _find(text, rf"\[\^{re.escape(label)}\](?!:)")
        problems.append(
            TextProblem(
                line,
                column,
                f"footnote reference [^{label}] has no note: add a line '[^{label}]: ...' "
                f"below the text (or write \\[^{label}] to show the characters)",
            )
        )
    refs: dict[str, int] = env.get("footnotes", {}).get("refs", {})
    for key, used in refs.items():
        if used == -1:
            label = key[1:]
            line, column = _find(text, rf"^[ \t]*\[\^{re.escape(label)}\]:")
            problems.append(
                TextProblem(
                    line,
                    column,
                    f"footnote [^{label}] is never referred to, so no output would show it: "
                    f"put [^{label}] in the text where it belongs, or remove the note",
                )
            )
    return problems


def _find(text: str, pattern: str) -> tuple[int, int]:
    """The 0-based line and column of ``pattern`` in ``text`` (0, 0 when it is not found)."""
    match = re.search(pattern, text, re.MULTILINE)
    if match is None:
        return 0, 0
    start = match.start() + (len(match[0]) - len(match[0].lstrip()))
    line = text.count("\n", 0, start)
    return line, start - (text.rfind("\n", 0, start) + 1)
