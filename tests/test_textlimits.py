"""The text limits `check` applies: the quick look that decides whether Markdown must be parsed
never misses a problem the parser would find."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.load.textlimits import _may_exceed, _Scan, markdown_problems
from generator.text.markdown import parser

#: the characters that make Markdown containers, and a little text
PIECES = st.sampled_from(
    [
        " ", "  ", "    ", "\t", "\n", "> ", ">", "- ", "* ", "+ ", "1. ", "2) ", "12", "a",
        "b c", "|", " | ", "---", ":-:", "\\|", "`",
    ]
)  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(text=st.lists(PIECES, max_size=60).map("".join))
def test_quick_look_never_misses_a_problem(text: str) -> None:
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    found = _Scan(lines).run(parser().parse(text))
    assert not found or _may_exceed(text), (text, found)


def test_nested_lists_with_tabs_are_seen() -> None:
    text = "- a\n\t- b\n\t\t- c\n\t\t\t- d\n\t\t\t\t- e\n\t\t\t\t\t- f\n"
    assert [p.message[:20] for p in markdown_problems(text)] == ["a list nested 6 deep"]


def test_ordinary_text_is_not_parsed() -> None:
    assert not _may_exceed("Een zin.\n\n- punt\n  - subpunt\n    - detail\n")


@st.composite
def tables(draw: st.DrawFn) -> str:
    prefix = draw(st.sampled_from(["", "> ", "   ", "> > ", " > "]))
    outer = draw(st.booleans())

    def row(cells: int) -> str:
        inner = " | ".join(draw(st.sampled_from(["a", "b\\|c", "`d`", ""])) for _ in range(cells))
        return prefix + (f"| {inner} |" if outer else inner)

    columns = draw(st.integers(1, 4))
    lines = [row(columns), prefix + ("|" if outer else "") + "|".join(["---"] * columns)]
    lines += [row(draw(st.integers(0, 6))) for _ in range(draw(st.integers(0, 4)))]
    return "\n".join(lines) + "\n"


@settings(max_examples=300, deadline=None)
@given(text=tables())
def test_quick_look_never_misses_a_dropped_table_cell(text: str) -> None:
    found = _Scan(text.split("\n")).run(parser().parse(text))
    assert not found or _may_exceed(text), (text, found)
