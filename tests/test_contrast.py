"""Every text colour in the HTML documents' stylesheets meets WCAG 2.1 AA (4.5:1) against the
background it is set on: the rule's own background, else white (the page)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.model.huisstijl import contrast

TEMPLATES = Path(__file__).resolve().parents[1] / "templates"


def css_sources() -> list[tuple[str, str]]:
    sources = [("style.css", (TEMPLATES / "style.css").read_text(encoding="utf-8"))]
    for template in sorted(TEMPLATES.glob("*.html.j2")):
        text = template.read_text(encoding="utf-8")
        for block in re.findall(r"{% block style %}(.*?){% endblock %}", text, re.S):
            sources.append((template.name, block))
    return sources


def variables() -> dict[str, str]:
    root = (TEMPLATES / "style.css").read_text(encoding="utf-8")
    return dict(re.findall(r"--([\w-]+):\s*(#[0-9a-fA-F]{3,6})", root))


def resolve(value: str, names: dict[str, str]) -> str | None:
    value = value.strip()
    if match := re.fullmatch(r"var\(--([\w-]+)\)", value):
        return names.get(match[1])
    if re.fullmatch(r"#[0-9a-fA-F]{6}|#[0-9a-fA-F]{3}", value):
        return value
    return None  # currentColor, inherit: judged where the colour is set


def rules() -> list[tuple[str, str, str, str]]:
    names = variables()
    found = []
    for source, css in css_sources():
        for selector, body in re.findall(r"([^{}]+)\{([^{}]*)\}", css):
            declarations = dict(
                (key.strip(), value.strip())
                for key, _, value in (d.partition(":") for d in body.split(";"))
                if value
            )
            colour = resolve(declarations.get("color", ""), names)
            if colour is None:
                continue
            background = resolve(declarations.get("background", "#ffffff"), names) or "#ffffff"
            found.append((source, selector.strip(), colour, background))
    return found


def test_the_stylesheets_set_colours() -> None:
    assert len(rules()) > 10


@pytest.mark.parametrize(("source", "selector", "colour", "background"), rules())
def test_text_contrast_is_at_least_aa(
    source: str, selector: str, colour: str, background: str
) -> None:
    ratio = contrast(colour, background)
    assert ratio >= 4.5, f"{source} {selector}: {colour} on {background} is {ratio:.2f}:1"
