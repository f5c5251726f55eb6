"""HTML documents: one Jinja2 environment, Markdown from the data made safe, shared filters.

Templates come from ``templates/`` only; the data is passed in as values and never evaluated as
a template, so a ``{{ ... }}`` typed in a YAML file is printed as typed. Markdown from the data
goes through markdown-it-py with raw HTML disabled and then through nh3 (the maintained Rust
sanitiser), which keeps only the tags below: no script, no style, no event handlers, no
``javascript:`` links. An image is shown as its description: nh3 would drop an ``<img>`` and
its alt text with it, and a document must not fetch pictures from addresses in the data.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import MutableMapping, Sequence
from functools import cache
from typing import Any

import jinja2
import nh3
from markdown_it.common.utils import escapeHtml
from markdown_it.renderer import RendererHTML
from markdown_it.token import Token
from markdown_it.utils import OptionsDict
from markupsafe import Markup

from generator import dutch
from generator.mdparser import parser
from generator.resources import templates_folder

ALLOWED_TAGS = {
    "p", "br", "strong", "em", "b", "i", "ul", "ol", "li", "a", "code", "blockquote",
    "table", "thead", "tbody", "tr", "th", "td", "h3", "h4", "h5", "h6", "sup", "sub",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "th": {"style"}, "td": {"style"}, "ol": {"start"}}


class _Renderer(RendererHTML):
    def image(
        self,
        tokens: Sequence[Token],
        idx: int,
        options: OptionsDict,
        env: MutableMapping[str, Any],
    ) -> str:
        alt = self.renderInlineAsText(tokens[idx].children or [], options, env)
        return f"<em>{escapeHtml(alt)}</em>"


@cache
def _renderer() -> _Renderer:
    return _Renderer()


def markdown(source: str | None, *, shift: int = 2) -> Markup:
    """Markdown from the data as safe HTML. Headings are moved down by ``shift`` levels (a
    "# " in a cell must not compete with the document's own h1)."""
    if not source:
        return Markup("")
    html = _renderer().render(parser().parse(source), parser().options, {})
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
        loader=jinja2.FileSystemLoader(templates_folder()),
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


def _long_date(value: dt.date | None) -> str:
    return dutch.long_date(value) if value else ""


def render(template: str, context: dict[str, Any]) -> str:
    return environment().get_template(template).render(context)
