"""bench/seed: all 13 workstreams of the SCT deck of 17 August 2020 in their own table forms
(issue #13). The dataset builds a deck, and the deck meets the issue's measures, as
bench/seed_deck.py measures them."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from pptx import Presentation

from bench.seed_deck import (
    MEETING,
    NEAR_EMPTY,
    ORIGINAL_SLIDES,
    SEED,
    SlideFill,
    Words,
    check_words,
    compat_copy,
    fills,
    slide_texts,
)
from generator.cli import main
from tests.office import page_texts, to_pdf


def _deck(data: Path, out: Path) -> Path:
    result = CliRunner().invoke(
        main,
        ["deck", "--data", str(data), "--output", str(out), "--vergadering", MEETING],
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    return out / f"sct-{MEETING}.pptx"


def _titles(deck: Path) -> list[str]:
    prs = Presentation(str(deck))
    return [s.shapes.title.text if s.shapes.title is not None else "" for s in prs.slides]


# --- the bench's own instruments -----------------------------------------------------------


def test_words_split_over_lines_of_a_cell_are_found() -> None:
    """pdftotext -layout puts table cells side by side; a word split in a cell shows as a
    fragment ending its line in the cell and the rest starting the next line there."""
    page = (
        " Opdracht          Afhankelij     Status\n"
        " 11.1 Zorgdragen   kheid          Zorgen over de\n"
        " voor kwaliteit    WS 1 t/m 4     voortgang, toelich\n"
        "                                  ting volgt\n"
        " Commissies        Af-\n"
        " beleidskeuzes     hankelijkheid\n"
    )
    slide = (
        "Opdracht Afhankelijkheid Status 11.1 Zorgdragen voor kwaliteit WS 1 t/m 4 "
        "Zorgen over de voortgang, toelichting volgt Commissies beleidskeuzes Af\u00adhankelijkheid"
    )
    words = check_words([slide], [page])
    assert sorted(words.broken) == [(1, "afhankelij|kheid"), (1, "toelich|ting")]
    assert words.hyphenated == [(1, "af|hankelijkheid")]
    assert words.lost == []
    # two words on two lines are two words, and a word missing from the page is lost
    assert check_words(["Commissies beleidskeuzes weg"], [page]) == Words(lost=[(1, "weg")])
    # numbers in a column are not a number broken
    assert check_words(["Nr. 1 2 12"], [" Nr.\n 1\n 2\n 12\n"]) == Words()


def test_the_older_model_builds_the_seed_deck(tmp_path: Path) -> None:
    """The seed folded into the model without the issue #13 fields (bench/seed_deck.py
    --compat: the 'before' numbers) still makes a deck with every workstream and opdracht."""
    data = tmp_path / "compat"
    notes = compat_copy(SEED, data)
    assert any("11-inrichten-uht.yaml: vorm dropped" in note for note in notes), notes
    deck = _deck(data, tmp_path / "out")
    titles = _titles(deck)
    for number in range(1, 14):
        assert any(t.startswith(f"{number}. ") for t in titles), (number, titles)
    text = "\n".join(slide_texts(deck))
    for nummer in ("1.3", "2.8", "3.9", "4.3", "5.5", "6.5", "7.6", "8.4", "9.4", "10.4"):
        assert nummer in text
    for nummer in ("11.5", "12.3.1", "12.3.2", "12.5", "13.3"):
        assert nummer in text


# --- the seed dataset itself ---------------------------------------------------------------


def test_the_seed_dataset_is_valid() -> None:
    result = CliRunner().invoke(
        main, ["check", "--data", str(SEED), "--peildatum", MEETING], catch_exceptions=False
    )
    assert result.exit_code == 0, result.output
    assert "OK: 0 errors" in result.output


@pytest.fixture(scope="module")
def seed_deck(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _deck(SEED, tmp_path_factory.mktemp("seed"))


def test_the_seed_deck_has_every_part_of_the_agenda(seed_deck: Path) -> None:
    titles = _titles(seed_deck)
    for number in range(1, 14):
        assert any(t.startswith(f"{number}. ") for t in titles), (number, titles)
    text = "\n".join(slide_texts(seed_deck))
    for words in ("Ritmewijziging", "Communicatiekalender", "dashboard", "12.3.2", "13.3"):
        assert words in text


# --- the measures of issue #13 ---------------------------------------------------------------


@pytest.fixture(scope="module")
def rendered(seed_deck: Path, tmp_path_factory: pytest.TempPathFactory) -> Words:
    """The seed deck through LibreOffice: words split over lines, and words lost."""
    pdf = to_pdf(seed_deck, tmp_path_factory.mktemp("pdf"))
    return check_words(slide_texts(seed_deck), page_texts(pdf))


@pytest.fixture(scope="module")
def slide_fills() -> list[SlideFill]:
    return fills(SEED)[0]


def test_no_more_slides_than_the_original(seed_deck: Path) -> None:
    assert len(_titles(seed_deck)) <= ORIGINAL_SLIDES


def test_no_near_empty_slides(slide_fills: list[SlideFill]) -> None:
    near = [f for f in slide_fills if f.fill < NEAR_EMPTY]
    assert near == []


def test_no_word_broken_without_a_hyphen(rendered: Words) -> None:
    assert rendered.broken == []


def test_every_word_of_every_slide_on_its_page(rendered: Words) -> None:
    assert rendered.lost == []


def _opdrachten_per_slide(deck: Path) -> list[tuple[str, list[str]]]:
    """(title, the opdracht numbers in the first column) of every workstream table slide; a
    continued opdracht shows as "N (vervolg)"."""
    found = []
    for slide in Presentation(str(deck)).slides:
        title = slide.shapes.title.text if slide.shapes.title is not None else ""
        for shape in slide.shapes:
            if shape.has_table and shape.table.cell(0, 0).text == "Opdracht":
                table = shape.table
                firsts = [table.cell(r, 0).text.split("\n")[0] for r in range(1, len(table.rows))]
                numbers = [text.split(" ")[0] + (" (vervolg)" if "(vervolg)" in text else "")
                           for text in firsts if text.strip()]  # fmt: skip
                found.append((title, numbers))
    return found


def test_opdrachten_that_fit_a_slide_are_never_split(seed_deck: Path) -> None:
    """As the original: 1.1 with its five hoofdacties on a slide of its own, and 4.1 and 4.2
    each on one; no opdracht of the seed continues on a next slide."""
    slides = _opdrachten_per_slide(seed_deck)
    assert not [s for s in slides if any("(vervolg)" in n for n in s[1])], slides
    for number in ("1.1", "4.1", "4.2"):
        assert sum(number in numbers for _, numbers in slides) == 1
        assert [number] in [numbers for _, numbers in slides], slides


def test_the_two_meer_detail_matrices_follow_their_workstreams(seed_deck: Path) -> None:
    titles = _titles(seed_deck)
    first = titles.index("Meer detail | Opdracht 1.3 Beleid vertalen naar uitvoeringsinstructies")
    second = titles.index("Meer detail | Stand per commissie")
    assert titles[first - 1].startswith("1. ") and titles[first + 1].startswith("2. ")
    assert titles[second - 1].startswith("2. ") and titles[second + 1].startswith("3. ")


def test_every_workstream_table_says_its_stand(seed_deck: Path) -> None:
    prs = Presentation(str(seed_deck))
    for slide in prs.slides:
        title = slide.shapes.title.text if slide.shapes.title is not None else ""
        if title[:3].rstrip(".").strip().isdigit() and ". " in title[:4]:
            text = "\n".join(s.text_frame.text for s in slide.shapes if s.has_text_frame)
            assert "Stand per 13\u00a0aug" in text, title
