"""HTML documents: one Jinja2 environment, Markdown from the data made safe, shared filters.

Templates come from ``templates/`` only; the data is passed in as values and never evaluated as
a template, so a ``{{ ... }}`` typed in a YAML file is printed as typed. Markdown from the data
is parsed into the text model and written as HTML by ``generator.text.html``, which escapes
every text and writes only its own tags: no script, no style, no event handlers, no
``javascript:`` links.
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from typing import Any

import jinja2
from markupsafe import Markup

from generator import resources
from generator.text import dutch
from generator.text import html as text_html
from generator.text.markdown import parse, parse_inline


def markdown(
    source: str | None, *, shift: int | None = 2, notes: text_html.Notes | None = None
) -> Markup:
    """Markdown from the data as safe HTML, its headings below outline level ``shift`` (a "# "
    must not compete with the document's own h1); ``shift=none`` in a table cell, whose
    headings cannot take part in the outline: they are bold paragraphs there. With ``notes``,
    its footnotes join the document's, numbered through the whole document; without, they
    follow the text."""
    if not source:
        return Markup("")
    return text_html.html(parse(source), below=shift, notes=notes)


def footnote(source: str, notes: text_html.Notes) -> Markup:
    """A note the document itself adds (the reason for an overruled verdict): its text, Markdown
    from the data, joins ``notes``; the reference to it is returned."""
    return text_html.note(parse(source), notes)


def markdown_inline(source: str | None) -> Markup:
    """One line of Markdown (no paragraph around it)."""
    if not source:
        return Markup("")
    return text_html.inline_html(parse_inline(source))


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
    env.filters["voetnoot"] = footnote
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
