"""What changed between two versions of the data (``statusgen diff``): ``compare`` finds the
changes; the writers in ``FORMATS`` (``markdown``, ``json``) write them."""

from __future__ import annotations

from generator.render.formats import Format, Formats

#: the review's formats (``statusgen diff --format``), printed on standard output
FORMATS = Formats(
    __name__,
    Format(
        "md", "markdown", label="Markdown", help="to paste into (or post as) a pull-request comment"
    ),
    Format("json", "json", label="JSON", help="for tools"),
    default=["md"],
)
