"""The print templates' colours: every text colour on every background huisstijl.typ pairs it
with meets WCAG 2.1 AA (4.5:1), and the documents use no colour that is not declared there."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.test_contrast import contrast

TEMPLATES = Path(__file__).resolve().parents[1] / "templates"
HUISSTIJL = (TEMPLATES / "huisstijl.typ").read_text(encoding="utf-8")
COLOURS = dict(re.findall(r'^#let ([\w-]+) = rgb\("(#[0-9a-fA-F]{6})"\)', HUISSTIJL, re.M))
PAIRS_SOURCE = HUISSTIJL[HUISSTIJL.index("#let contrastparen = (") :].split("\n)\n", 1)[0]
PAIRS = re.findall(r"\(([\w-]+), ([\w-]+)\)", PAIRS_SOURCE)


def test_the_house_style_declares_colours_and_pairs() -> None:
    assert COLOURS["lintblauw"] == "#154273"
    assert len(PAIRS) >= 10 and all(a in COLOURS and b in COLOURS for a, b in PAIRS)


@pytest.mark.parametrize(("text", "background"), PAIRS)
def test_text_contrast_is_at_least_aa(text: str, background: str) -> None:
    ratio = contrast(COLOURS[text], COLOURS[background])
    assert ratio >= 4.5, f"{text} on {background}: {ratio:.2f}:1"


@pytest.mark.parametrize("template", ["huisstijl.typ", "actietabel.typ", "rapportage.typ"])
def test_templates_use_only_the_declared_colours(template: str) -> None:
    source = (TEMPLATES / template).read_text(encoding="utf-8")
    for line in source.splitlines():
        if line.startswith("#let ") and "rgb(" in line and template == "huisstijl.typ":
            continue  # the declarations themselves
        assert "rgb(" not in line, f"{template}: a colour outside huisstijl.typ: {line.strip()}"
    # a fill is a declared colour, or one from a table of them (status-kleur.at(...))
    tables = dict(re.findall(r"^#let ([\w-]+-kleur) = \((.*?)\n?\)", source, re.M | re.S))
    for name, body in tables.items():
        for colour in re.findall(r":\s*([\w-]+)", body):
            assert colour in COLOURS, f"{template}: {name} uses {colour}"
    for name in re.findall(r"fill: ([a-z][\w-]*)\b(?!\()", source):
        assert name in COLOURS or name in tables or name == "kleur", f"{template}: fill {name}"
