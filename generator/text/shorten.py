"""Text from the data shortened to quote it in a message, a title or a document property: one
rule everywhere, so a quoted value reads the same in every message and output."""

from __future__ import annotations


def shorten(text: str, limit: int) -> str:
    """``text`` on one line (every run of whitespace one space) and at most ``limit``
    characters, cut with "…" (which counts) where it was longer; no space before the "…"."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
