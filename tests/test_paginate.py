"""The paginator on its own: what goes on which slide, measured, without python-pptx."""

from __future__ import annotations

from generator.deck.content import Cell, Column, Group, Para, Run, Section, Table, Text
from generator.deck.paginate import Geometry, TableSlice, paginate, roman

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
    groups = (group("een", 12, spanning="een"), group("twee", 8, spanning="twee"))
    table = Table((Column(1), Column(3)), header, groups)
    pages = paginate(Section("Werkstroom", (table,)), GEOMETRY)
    assert [p.title for p in pages] == ["Werkstroom (I/II)", "Werkstroom (II/II)"]
    first, second = texts(pages[0].blocks), texts(pages[1].blocks)
    assert all("twee" not in t for t in first)
    assert second[0] == "twee" and len([t for t in second if "rij" in t]) == 8


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
