"""The paginator on its own: what goes on which slide, measured, without python-pptx."""

from __future__ import annotations

import time
from dataclasses import replace
from itertools import accumulate

import pyphen
import pytest

from generator.exceptions import LayoutError
from generator.render.deck.content import Cell, Column, Group, Para, Run, Section, Table, Text
from generator.render.deck.layout.flow import WHOLE_GIVE, roman
from generator.render.deck.layout.pages import Geometry, Page, TableSlice
from generator.render.deck.paginate import paginate
from generator.render.typography.breaking import fits, wrap
from generator.render.typography.metrics import em_width

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


def test_a_cell_over_some_rows_is_merged_and_said_again_where_they_continue() -> None:
    """A cell that covers rows of a group taller than a slide (``Cell.rows``): merged over its
    rows on each slide, said again (as ``continued``) at the top of the next."""
    rows = tuple(
        (Cell(), cell(f"lang rij {r}"), replace(cell("gedeeld"), rows=50) if r == 5 else Cell())
        for r in range(60)
    )
    group = Group(rows, {0: cell("lang")}, {0: cell("lang (vervolg)"), 2: cell("weer")})
    table = Table((Column(1), Column(3), Column(1)), (cell("A"), cell("B"), cell("C")), (group,))
    pages = paginate(Section("Lang", (table,)), GEOMETRY)
    assert len(pages) >= 3
    found = [t for p in pages for t in texts(p.blocks) if "rij" in t]
    assert found == [f"lang rij {r}" for r in range(60)]  # each row once, in order
    seen = 0
    for page in pages:
        (placed,) = page.blocks
        block = placed.block
        assert isinstance(block, TableSlice)
        merges = [(first, last) for first, last, column in block.merges if column == 2]
        numbers = [int(row[1].paras[0].text.split()[-1]) for row in block.rows if row[1]]
        inside = [i for i, n in enumerate(numbers) if 5 <= n <= 54]
        if len(inside) > 1:
            assert merges == [(inside[0], inside[-1])]  # over its rows on this slide
            said = block.rows[inside[0]][2]
            assert said is not None
            assert said.paras[0].text == ("gedeeld" if seen == 0 else "weer")
            seen += 1
    assert seen >= 2


def test_a_superscript_run_is_measured_as_smaller_digits_and_survives_a_split() -> None:
    from generator.render.deck.layout.measure import widest_word
    from generator.render.typography.metrics import SUPERSCRIPT

    marked = Para((Run("304"), Run("5", superscript=True), Run("\u00a0(+3)")), size=10)
    plain = em_width("304\u00a0(+3)") * 10
    assert widest_word([marked]) == pytest.approx(plain + em_width("5") * SUPERSCRIPT * 10)
    # a paragraph split over slides keeps its markers as digits in superscript runs
    sentence = "Een zin over de stand van zaken"
    runs: list[Run] = []
    for n in range(1, 200):
        runs += [Run(f"{sentence} {n}"), Run(str(n % 10), superscript=True), Run(". ")]
    pages = paginate(Section("Lang", (Text((Para(tuple(runs), size=11),)),)), GEOMETRY)
    assert len(pages) > 1
    shown = [
        run for page in pages for placed in page.blocks
        for para in placed.block.paras for run in para.runs  # type: ignore[union-attr]
    ]  # fmt: skip
    raised = [run.text for run in shown if run.superscript]
    assert "".join(raised) == "".join(str(n % 10) for n in range(1, 200))
    assert all(text.isdigit() for text in raised)
    assert not any("\ue000" <= char <= "\ue009" for run in shown for char in run.text)


def test_a_link_is_measured_as_the_field_libreoffice_shows() -> None:
    """LibreOffice never breaks a linked run at a space: the words of a link's first line go
    to a line of their own when they do not fit after the text before them, and are measured
    so; the rest of a long link breaks as text (the writer links only the first line)."""
    from generator.render.deck.layout.measure import link_head, para_lines

    words = "het uitgebreide verslag van de werkgroep over de bestuurlijke afstemming"
    link = Run(f"{words} met de gemeenten en de VNG", href="https://example.org/lang")
    para = Para((Run("Ook dit: zie "), link, Run(".")), size=11)
    width = em_width(f"{words} met") * 11 * 1.06  # the link's first line, and a little
    head = link_head(link, width, 11)
    assert head.startswith(words) and head != link.text
    lines = ["".join(text for text, _, _ in line) for line in para_lines(para, width)]
    assert lines[0] == "Ook dit: zie"  # the field did not fit after it
    assert lines[1] == head.replace(" ", "\ue00a")  # held together
    # the same paragraph split over slides comes back with plain spaces
    long = Text(tuple(para for _ in range(60)))
    pages = paginate(Section("Lang", (long,)), Geometry(width=width, height=400))
    shown = [t for page in pages for t in texts(page.blocks)]
    assert all("\ue00a" not in t for t in shown) and len(pages) > 1


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


# --- typesetting: column widths, hyphenation, sizes, splits, balance ----------------------------


def table_slices(pages: list[Page]) -> list[TableSlice]:
    return [p.block for page in pages for p in page.blocks if isinstance(p.block, TableSlice)]


def sizes_of(pages: list[Page]) -> set[float]:
    return {
        para.size
        for table_slice in table_slices(pages)
        for row in (table_slice.header, *table_slice.rows)
        for c in row
        if c is not None
        for para in c.paras
    }


def test_columns_are_never_narrower_than_their_widest_word_when_the_table_can_afford_it() -> None:
    long = " ".join(["toelichting"] * 80)
    header = (cell("Nr."), cell("Afhankelijkheid"), cell("Toelichting"))
    rows = tuple((cell(str(n)), cell("WS 1"), cell(long)) for n in range(2))
    table = Table((Column(), Column(), Column()), header, tuple(Group((r,)) for r in rows))
    (page,) = paginate(Section("Breed", (table,)), GEOMETRY)
    (table_slice,) = table_slices([page])
    size = table_slice.header[1].paras[0].size
    word = em_width("Afhankelijkheid") * size + 10
    assert table_slice.widths[1] >= word
    assert abs(sum(table_slice.widths) - GEOMETRY.width) < 0.01  # the table fills the width
    assert table_slice.widths[2] > 4 * table_slice.widths[1]  # the prose takes the rest
    assert table_slice.header[1].paras[0].text == "Afhankelijkheid"  # not broken


def test_a_word_wider_than_any_column_is_hyphenated_at_a_dutch_point_visibly() -> None:
    words = ["Afhankelijkheid", "gegevensverwerking", "vastleggingsprocessen", "beleidskeuzes"]
    header = tuple(cell(word) for word in words * 2)  # eight columns
    rows = (tuple(cell(f"{word} kort") for word in words * 2),)
    table = Table(tuple(Column() for _ in range(8)), header, (Group(rows),))
    narrow = Geometry(width=420, height=400)
    (page,) = paginate(Section("Smal", (table,)), narrow)
    (table_slice,) = table_slices([page])
    texts = [c.paras[0].text for c in table_slice.header]
    broken = [t for t in texts if "\n" in t]
    assert broken, texts
    dictionary = pyphen.Pyphen(lang="nl_NL")
    for text in broken:
        pieces = text.split("\n")
        assert all(piece.endswith("-") for piece in pieces[:-1])  # a visible hyphen
        word = "".join(piece.removesuffix("-") for piece in pieces)
        assert word in words
        ends = list(accumulate(len(piece) - 1 for piece in pieces[:-1]))
        assert set(ends) <= set(dictionary.positions(word)), text
    for text, width in zip(texts, table_slice.widths, strict=True):  # every piece fits
        size = table_slice.header[0].paras[0].size
        assert all(em_width(piece) * size <= width - 10 for piece in text.split("\n"))


def test_a_word_with_no_hyphenation_point_that_fits_is_broken_and_counted(caplog) -> None:  # type: ignore[no-untyped-def]
    header = (cell("Nr."), cell("B"))
    rows = ((cell("1"), cell("x" * 200)),)
    table = Table((Column(), Column()), header, (Group(rows),))
    pages = paginate(Section("Code", (table,)), Geometry(width=300, height=400))
    text = all_text(pages)
    assert text.replace("-\n", "").count("x") == 200
    assert "broken between characters" in caplog.text
    # laid out again in the same process (statusgen serve): the same slides from the cache of
    # sections laid out before, and the same warning
    caplog.clear()
    again = paginate(Section("Code", (table,)), Geometry(width=300, height=400))
    assert again == pages
    assert "broken between characters" in caplog.text


def test_a_small_table_is_set_at_12_pt_and_a_long_one_goes_down_to_the_floor_only() -> None:
    small = Table((Column(), Column()), (cell("A"), cell("B")), (group("klein", 3),))
    assert sizes_of(paginate(Section("Klein", (small,)), GEOMETRY)) == {12.0}
    # 22 rows: at 12 pt two slides, at 9 pt one
    tall = Table((Column(), Column()), (cell("A"), cell("B")), (group("lang", 22),))
    pages = paginate(Section("Lang", (tall,)), GEOMETRY)
    assert len(pages) == 1
    (size,) = sizes_of(pages)
    assert 9.0 <= size < 12.0
    pages = paginate(Section("Lang", (tall,)), GEOMETRY, min_size=10.0)
    # the floor gives way by WHOLE_GIVE at most, and only to keep the one group whole
    assert min(sizes_of(pages)) >= 10.0 - WHOLE_GIVE
    # much too long for one slide at any size: the largest size that needs as few slides as
    # the floor does
    longer = Table((Column(), Column()), (cell("A"), cell("B")), (group("x", 200),))
    pages = paginate(Section("Lang", (longer,)), GEOMETRY)
    (size,) = sizes_of(pages)
    assert len(pages) == len(paginate(Section("Lang", (longer,)), GEOMETRY, min_size=9.0))
    assert len(paginate(Section("Lang", (longer,)), GEOMETRY, min_size=size + 0.5)) > len(pages)


def test_the_groups_of_a_two_slide_table_are_balanced() -> None:
    groups = tuple(group(f"g{n}", 2) for n in range(14))  # greedy: 12 groups, then 2
    table = Table((Column(), Column()), (cell("A"), cell("B")), groups)
    pages = paginate(Section("Balans", (table,)), GEOMETRY, min_size=12.0)
    slices = table_slices(pages)
    assert len(slices) == 2
    for table_slice in slices:
        assert table_slice.height > GEOMETRY.height / 4
    assert abs(len(slices[0].rows) - len(slices[1].rows)) <= 2


SENTENCES = " ".join(f"Zin {n} van deze alinea loopt door tot de punt." for n in range(12))


def test_a_row_taller_than_a_slide_splits_between_paragraphs_or_sentences_and_says_so() -> None:
    paras = tuple(Para((Run(f"Alinea {n}. {SENTENCES}"),), size=11) for n in range(30))
    rows = ((cell("1.1"), Cell(paras), cell("kort")),)
    table = Table((Column(), Column(), Column()), (cell("A"), cell("B"), cell("C")), (Group(rows),))
    pages = paginate(Section("Lang", (table,)), GEOMETRY)
    assert len(pages) > 1
    slices = table_slices(pages)
    for number, table_slice in enumerate(slices):
        body = table_slice.rows[0][1]
        assert body is not None
        if number:
            first = body.paras[0]
            assert first.text == "(vervolg)" and first.runs[0].italic
        # every slide's part of the cell ends where a paragraph or a sentence ends
        assert body.paras[-1].text.endswith("."), body.paras[-1].text
    found = " ".join(
        p.text
        for s in slices
        for p in s.rows[0][1].paras
        if p.text != "(vervolg)"  # type: ignore[union-attr]
    )
    assert found.split() == " ".join(p.text for p in paras).split()  # nothing lost, in order


def test_a_text_section_ends_in_no_sliver_when_balancing_can_avoid_it() -> None:
    paras = tuple(
        Para((Run(f"Punt {n}: {SENTENCES[:90]}"),), bullet="•", level=1) for n in range(22)
    )
    pages = paginate(Section("Lijst", (Text(paras),)), GEOMETRY)
    assert len(pages) == 2
    for page in pages:
        (placed,) = page.blocks
        assert placed.height > GEOMETRY.height / 4
    assert " ".join(t for p in pages for t in texts(p.blocks)).count("Punt") == 22


def test_a_row_split_between_sentences_is_as_tall_as_its_text() -> None:
    """The height a split row is given is the height of the text it holds: a row cut at a
    sentence end once counted none of its lines, so what followed it could run off the slide."""
    from generator.render.deck.layout.measure import cell_height
    from generator.render.deck.layout.rows import split_group

    sentence = "Een zin die doorloopt en doorloopt."
    text = " ".join([sentence] * 400)
    # a column exactly one sentence wide: every line ends a sentence, the next starts one
    width = em_width(sentence) * 9.0 + 1.0 + 10.0
    opdracht = Cell((Para((Run("1.1 Opdracht"),), size=9.0),))
    group = Group(
        ((Cell(), Cell((Para((Run(text),), size=9.0),))),),
        spanning={0: opdracht},
        continued={0: opdracht},
    )
    chunks = split_group(group, [200.0, width], (368.8, 368.8), 9.0)
    assert len(chunks) > 3
    for chunk in chunks:
        for cells, height in zip(chunk.rows, chunk.heights, strict=True):
            status = cells[1]
            assert status is not None and status.paras
            assert height >= cell_height(status, width) - 0.01


@pytest.mark.parametrize("filler", [10, 19, 21])
def test_a_heading_goes_on_with_the_start_of_what_follows_it(filler: int) -> None:
    """Never alone at a slide's foot; with a long paragraph after it, it stays where a few
    lines of that paragraph fit, and the paragraph goes on on the next slide."""
    lines = Text(tuple(Para((Run(f"Regel {n}"),)) for n in range(filler)))
    heading = Text((Para((Run("Gevraagd van het SCT"),)),), keep_with_next=True)
    after = Text((Para((Run(" ".join(["woord"] * 400)),)),))
    pages = paginate(Section("Tekst", (lines, heading, after)), GEOMETRY)
    for page in pages:
        found = texts(page.blocks)
        assert found[-1] != "Gevraagd van het SCT"
        if "Gevraagd van het SCT" in found:
            assert found[found.index("Gevraagd van het SCT") + 1].startswith("woord")
    assert ("Gevraagd van het SCT" in texts(pages[0].blocks)) == (filler == 10)


def test_a_heading_moves_with_text_that_moves_whole() -> None:
    """Text that fits on a slide is not split; the heading over it goes along with it."""
    lines = Text(tuple(Para((Run(f"Regel {n}"),)) for n in range(10)))
    heading = Text((Para((Run("Tweede kop"),)),), keep_with_next=True)
    after = Text((Para((Run(" ".join(["woord"] * 150)),)),))
    pages = paginate(Section("Tekst", (lines, heading, after)), GEOMETRY)
    assert len(pages) == 2
    assert "Tweede kop" not in texts(pages[0].blocks)
    assert texts(pages[1].blocks)[:1] == ["Tweede kop"]


def test_a_paragraph_without_its_bullet_stands_where_the_items_text_stands() -> None:
    """A list item's later paragraph, or its part continued on the next slide: no hanging
    first line left of the rest."""
    from generator.render.deck.oxml import paragraphs_xml

    item = Para((Run("Punt"),), level=1, bullet="1.")
    rest = replace(item, marked=False)
    first, second = (paragraphs_xml([p]) for p in (item, rest))
    margin = first.split('marL="')[1].split('"')[0]
    assert 'indent="-' in first and f'marL="{margin}" indent="0"' in second


def _groups_on(pages: list[Page]) -> list[set[str]]:
    """Per slide, the groups (by their first cell's text) whose rows stand on it."""
    found = []
    for page in pages:
        names = set()
        for text in texts(page.blocks):
            if " rij " in text:
                names.add(text.split(" rij ")[0])
        found.append(names)
    return found


def _rows_fitting(size: float, *, height: float = GEOMETRY.height) -> int:
    """How many one-line rows of ``cell`` text fit a slide under a header at ``size``."""
    step = size * 1.2 + 6.0  # LINE * size + the cell margins
    return int((height - step) // step)


def test_an_opdracht_that_fits_a_slide_is_never_split_to_set_a_larger_size() -> None:
    """Greedy packing at a larger size would cut the big group over two slides with the same
    slide count; it stays whole, at a size at which it fits, and the small ones go elsewhere."""
    big = _rows_fitting(9.0) - 2  # fits at 9 pt, not at 12 pt
    groups = (group("klein", 3), group("groot", big), group("ook", 3))
    table = Table((Column(), Column()), (cell("A"), cell("B")), groups)
    pages = paginate(Section("Heel", (table,)), GEOMETRY)
    on = _groups_on(pages)
    assert sum("groot" in names for names in on) == 1, on
    assert all(not t.startswith("(vervolg)") for p in pages for t in texts(p.blocks))


def test_the_floor_gives_way_a_little_only_to_keep_an_opdracht_whole() -> None:
    just_over = _rows_fitting(9.0) + 1  # too tall at 9 pt, fits at 8.5 or 8
    table = Table((Column(), Column()), (cell("A"), cell("B")), (group("net", just_over),))
    pages = paginate(Section("Net", (table,)), GEOMETRY)
    assert len(pages) == 1 and 8.0 <= min(sizes_of(pages)) < 9.0
    # a group taller than a slide even then is split, at the floor or above
    huge = Table((Column(), Column()), (cell("A"), cell("B")), (group("x", 80),))
    pages = paginate(Section("Lang", (huge,)), GEOMETRY)
    assert len(pages) > 1 and min(sizes_of(pages)) >= 9.0
