"""HTML documents: one Jinja2 environment, Markdown from the data made safe, shared filters.

Templates come from ``templates/`` only; the data is passed in as values and never evaluated as
a template, so a ``{{ ... }}`` typed in a YAML file is printed as typed. Markdown from the data
goes through markdown-it-py with raw HTML disabled and then through nh3 (the maintained Rust
sanitiser), which keeps only the tags below: no script, no style, no event handlers, no
``javascript:`` links.
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from typing import Any

import jinja2
import nh3
from markdown_it import MarkdownIt
from markupsafe import Markup

from generator import dutch, resources

ALLOWED_TAGS = {
    "p", "br", "strong", "em", "b", "i", "ul", "ol", "li", "a", "code", "blockquote",
    "table", "thead", "tbody", "tr", "th", "td", "h3", "h4", "h5", "h6", "sup", "sub",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "th": {"style"}, "td": {"style"}, "ol": {"start"}}


@cache
def _markdown() -> MarkdownIt:
    return MarkdownIt("commonmark", {"html": False}).enable("table")


def markdown(source: str | None, *, shift: int = 2) -> Markup:
    """Markdown from the data as safe HTML. Headings are moved down by ``shift`` levels (a
    "# " in a cell must not compete with the document's own h1)."""
    if not source:
        return Markup("")
    html = _markdown().render(source)
    if shift:
        for level in range(6, 0, -1):
            new = min(level + shift, 6)
            html = html.replace(f"<h{level}>", f"<h{new}>").replace(f"</h{level}>", f"</h{new}>")
    clean = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer",
        filter_style_properties={"text-align"},
    )
    return Markup(clean)  # sanitised by nh3 just above


def markdown_inline(source: str | None) -> Markup:
    """One line of Markdown (no paragraph around it)."""
    html = str(markdown(source, shift=0)).strip()
    if html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
        html = html[3:-4]
    return Markup(html)  # sanitised by markdown()


@cache
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FunctionLoader(_load),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["md"] = markdown
    env.filters["md_inline"] = markdown_inline
    env.filters["datum"] = _long_date
    env.filters["getal"] = dutch.number
    return env


def _load(name: str) -> str | None:
    """A template's source from the shipped templates (a wheel, a zip or a checkout alike)."""
    if "/" in name or "\\" in name or name.startswith("."):
        return None
    try:
        return resources.read_text(name)
    except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
        return None


def _long_date(value: dt.date | None) -> str:
    return dutch.long_date(value) if value else ""


def render(template: str, context: dict[str, Any]) -> str:
    return environment().get_template(template).render(context)
