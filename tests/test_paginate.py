"""The paginator on its own: what goes on which slide, measured, without python-pptx."""

from __future__ import annotations

import time

import pytest

from generator.exceptions import LayoutError
from generator.render.deck.content import Cell, Column, Group, Para, Run, Section, Table, Text
from generator.render.deck.metrics import em_width, fits, wrap
from generator.render.deck.paginate import Geometry, Page, TableSlice, paginate, roman

GEOMETRY = Geometry(width=800, height=400)


def cell(text: str) -> Cell:
    return Cell((Para((Run(text),), size=11),))


def group(name: str, rows: int, *, spanning: str | None = None) -> Group:
    body = tuple((Cell(), cell(f"{name} rij {r}")) for r in range(rows))
    if spanning is None:
        return Group(tuple((cell(name), c) for _, c in body))
    return Group(body, {0: cell(spanning)}, {0: cell(f"{name} (vervolg)")})


def texts(page_blocks: object) -> list[str]:
    found = []
    for placed in page_blocks:  # type: ignore[attr-defined]
        block = placed.block
        if isinstance(block, TableSlice):
            for row in block.rows:
                found += [p.text for c in row if c is not None for p in c.paras]
        else:
            found += [p.text for p in block.paras]
    return found


def test_a_group_that_fits_on_the_next_slide_moves_whole() -> None:
    header = (cell("A"), cell("B"))
    groups = (group("een", 16, spanning="een"), group("twee", 10, spanning="twee"))
    table = Table((Column(1), Column(3)), header, groups)
    pages = paginate(Section("Werkstroom", (table,)), GEOMETRY)
    assert [p.title for p in pages] == ["Werkstroom (I/II)", "Werkstroom (II/II)"]
    first, second = texts(pages[0].blocks), texts(pages[1].blocks)
    assert all("twee" not in t for t in first)
    assert second[0] == "twee" and len([t for t in second if "rij" in t]) == 10


def test_a_group_taller_than_a_slide_is_split_and_says_so() -> None:
    table = Table(
        (Column(1), Column(3)), (cell("A"), cell("B")), (group("lang", 60, spanning="lang"),)
    )
    pages = paginate(Section("Lang", (table,)), GEOMETRY)
    assert len(pages) >= 3
    rows = [t for p in pages for t in texts(p.blocks) if "rij" in t]
    assert rows == [f"lang rij {r}" for r in range(60)]  # each row once, in order
    for page in pages[1:]:
        assert texts(page.blocks)[0] == "lang (vervolg)"
    for page in pages:
        table_slice = next(p.block for p in page.blocks if isinstance(p.block, TableSlice))
        assert table_slice.header[0].paras[0].text == "A"  # header repeated
        assert table_slice.height <= GEOMETRY.height
        assert table_slice.merges  # the opdracht cell spans its rows on every slide


def test_text_continues_between_paragraphs_and_lines() -> None:
    long = " ".join(["woord"] * 2000)
    paras = (Para((Run("Kort"),)), Para((Run(long),)), Para((Run("Slot"),)))
    head = (Text((Para((Run("Kop"),)),)),)
    pages = paginate(Section("Tekst", (Text(paras),), head=head), GEOMETRY)
    assert len(pages) > 2
    words = " ".join(t for p in pages for t in texts(p.blocks)).split()
    assert words.count("woord") == 2000
    assert words.count("Kop") == len(pages)
    assert words[1] == "Kort" and words[-1] == "Slot"
    for page in pages:
        assert max(p.top + p.height for p in page.blocks) <= GEOMETRY.height


def test_roman_numerals() -> None:
    assert [roman(n) for n in (1, 4, 9, 14, 40, 90, 400, 1994)] == [
        "I", "IV", "IX", "XIV", "XL", "XC", "CD", "MCMXCIV",
    ]  # fmt: skip


# --- pathological text: linear in its length ----------------------------------------------------


def all_text(pages: list[Page]) -> str:
    return " ".join(" ".join(texts(page.blocks)) for page in pages)


def test_a_word_wider_than_a_line_is_broken_by_character_and_nothing_is_lost() -> None:
    word = "abcdéfghij" * 100_000  # a megabyte without a space
    start = time.perf_counter()
    lines = wrap([("Voor ", False, False), (word, True, False), (" na", False, False)], 120, 11)
    assert time.perf_counter() - start < 10  # 0.3 s here; re-measuring prefixes took minutes
    assert lines[0] == [("Voor", False, False)]  # the long word starts on a line of its own
    assert "".join(t for line in lines[1:] for t, _, _ in line).replace(" ", "") == word + "na"
    for line in lines:
        assert sum(em_width(t, bold=b, italic=i) for t, b, i in line) * 11 <= 120 + 1e-6


def test_a_line_holds_at_least_one_character_however_narrow() -> None:
    assert wrap([("WWW", False, False)], 1, 11) == [[("W", False, False)]] * 3


def test_fits_stops_measuring_after_enough_lines() -> None:
    text = [(" ".join(["woord"] * 200_000), False, False)]
    start = time.perf_counter()
    assert not fits(text, 300, 28, 2)
    assert time.perf_counter() - start < 0.5
    assert fits([("Kort", False, False)], 300, 28, 2)


def test_a_megabyte_paragraph_is_laid_out_in_seconds_with_every_word_in_order() -> None:
    words = [f"w{n}" for n in range(200_000)]  # 1.3 MB
    paras = (Para((Run("Begin"),)), Para((Run(" ".join(words)),)), Para((Run("Einde"),)))
    start = time.perf_counter()
    pages = paginate(Section("Lang", (Text(paras),)), GEOMETRY)
    assert time.perf_counter() - start < 30  # about 2 s here; it used to be quadratic
    assert all_text(pages).split() == ["Begin", *words, "Einde"]
    assert len(pages) > 100
    for page in pages:
        assert max(p.top + p.height for p in page.blocks) <= GEOMETRY.height


def test_a_megabyte_word_in_a_spanning_cell_and_in_a_row_continues_over_slides() -> None:
    word = "x" * 1_000_000
    other = "y" * 300_000
    group = Group(
        ((Cell(), cell("eerste rij")), (Cell(), cell(other))),
        {0: cell(word)},
        {0: cell("vervolg")},
    )
    table = Table((Column(1), Column(3)), (cell("A"), cell("B")), (group,))
    start = time.perf_counter()
    pages = paginate(Section("Woord", (table,)), GEOMETRY)
    assert time.perf_counter() - start < 30  # about 3 s here
    found = all_text(pages)
    assert found.count("x") == len(word) and found.count("y") == len(other)
    assert found.index("eerste rij") < found.index("y")
    for page in pages:
        (placed,) = page.blocks
        assert isinstance(placed.block, TableSlice)
        assert placed.block.height <= GEOMETRY.height + 1e-6


def test_a_line_break_in_the_text_survives_a_split() -> None:
    lines = "\n".join(f"regel {n}" for n in range(100))
    pages = paginate(Section("Regels", (Text((Para((Run(lines),)),)),)), GEOMETRY)
    assert len(pages) > 1
    assert "\n".join(t for p in pages for t in texts(p.blocks)).split("\n") == lines.split("\n")


def test_content_that_cannot_go_on_any_slide_is_an_error_naming_the_slide() -> None:
    header = (Cell((Para((Run(" ".join(["kop"] * 3000)),), size=11),)), cell("B"))
    table = Table((Column(1), Column(3)), header, (group("een", 2),))
    with pytest.raises(LayoutError, match="'Te hoge kop' cannot be made: a table's header row"):
        paginate(Section("Te hoge kop", (table,)), GEOMETRY)
    head = (Text((Para((Run(" ".join(["kop"] * 3000)),)),)),)
    with pytest.raises(LayoutError, match="repeated on every slide"):
        paginate(Section("Kop", (Text((Para((Run("tekst"),)),)),), head=head), GEOMETRY)
    tall = Text((Para((Run("Reus"),), size=500),))
    with pytest.raises(LayoutError, match="a line of text is taller than a slide"):
        paginate(Section("Reus", (tall,)), GEOMETRY)
