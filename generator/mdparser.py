"""The one markdown-it configuration every reader and writer of Markdown from the data uses.

CommonMark plus GitHub tables; raw HTML is not interpreted (it stays text). ``check`` parses with
this same parser, so that what it accepts is exactly what the writers are given.
"""

from __future__ import annotations

from functools import cache

from markdown_it import MarkdownIt


@cache
def parser() -> MarkdownIt:
    return MarkdownIt("commonmark", {"html": False}).enable("table")
