"""The SVG slides in Chromium (issue #26): set in the shipped Liberation Sans that the SVG loads
itself, every run as wide as the writer measured it, so that Chromium shows the lines where
the writer placed them (resvg is given the same font files)."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from lxml import etree

from generator.cli import main
from generator.render.deck.svg import true_width
from tests.browser import chromium, need_browser

DEMO = Path(__file__).resolve().parent.parent / "status"
SVG = "{http://www.w3.org/2000/svg}"

_WIDTHS = """
const spans = [...document.querySelectorAll('tspan')];
return spans.map(span => span.getComputedTextLength());
"""


def test_chromium_sets_the_slides_in_the_shipped_font_at_the_measured_widths(
    tmp_path: Path,
) -> None:
    need_browser()
    result = CliRunner().invoke(
        main, ["deck", "--data", str(DEMO), "--output", str(tmp_path), "--svg"]
    )
    assert result.exit_code == 0, result.output
    folder = next(tmp_path.glob("*-dias"))
    with chromium() as session:
        for number in (2, 10, 13):
            picture = folder / f"dia-{number:02d}.svg"
            session.get(picture.as_uri())
            session.execute_script("return document.fonts.ready")
            faces = session.execute_script(
                "return [...document.fonts].filter(f => f.status === 'loaded')"
                ".map(f => f.family + ' ' + f.weight)"
            )
            assert "Liberation Sans normal" in faces and "Liberation Sans bold" in faces
            measured = session.execute_script(_WIDTHS)
            spans = list(etree.parse(str(picture)).iter(f"{SVG}tspan"))
            assert len(measured) == len(spans) > 5
            for span, shown in zip(spans, measured, strict=True):
                text = span.text or ""
                expected = true_width(
                    text,
                    float(span.get("font-size")),
                    bold=span.get("font-weight") == "bold",
                    italic=span.get("font-style") == "italic",
                )
                # a hundredth, and a little for rounding: a line of 800 points is off by 8 at most
                assert abs(shown - expected) <= 0.01 * expected + 0.3, (number, text)
