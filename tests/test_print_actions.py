"""The action table's PDF as Typst typesets it, opened with poppler's tools."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest

from tests.conftest import DEMO, Run
from tests.office import page_texts
from tests.printed import (
    HOSTILE,
    HOSTILE_MD,
    assert_is_pdf_ua,
    fonts,
    heading_tags,
    number_sizes,
    page_image,
    plain_text,
    squeezed,
    word_boxes,
)
from tests.yamledit import edit, read_yaml, write_yaml


def build(run: Run, data: Path, out: Path) -> Path:
    result = run("actions", "--data", data, "--output", out, "--format", "pdf")
    assert result.exit_code == 0, result.output
    return out / "actietabel.pdf"


def test_demo_table_is_pdf_ua_with_its_metadata_and_fonts(run: Run, tmp_path: Path) -> None:
    pdf = build(run, DEMO, tmp_path)
    assert_is_pdf_ua(
        pdf,
        title="Stand van zaken vervolgacties Parlementaire Onderzoekscommissie Kinderopvangtoeslag",
        author="Ministerie van Financiën",
    )
    pages = page_texts(pdf)
    cover = pages[0]
    assert "Ministerie van Financiën" in cover and "Stand per 15 juni 2021" in cover
    assert "30 acties: 3 nog niet gestart, 21 lopend, 6 afgerond." in plain_text(pdf)
    for number, page in enumerate(pages[1:], start=2):
        assert "Actie" in page and "Stand van zaken" in page  # the header row, on every page
        assert f"Pagina {number} van {len(pages)}" in page


def paragraphs(action: int, count: int) -> str:
    """A state of affairs of ``count`` paragraphs, each tagged A<action>x<nn> to find it by."""
    sentence = "De uitvoering loopt door en de Kamer wordt geïnformeerd over de voortgang"
    return "\n\n".join(f"A{action}x{n:02d} {sentence} {sentence}." for n in range(count))


def test_a_row_that_continues_repeats_its_number_and_status(
    run: Run, data: Path, tmp_path: Path
) -> None:
    for name, action, count in (("001-compensatie", 1, 70), ("002-schulden", 2, 25)):
        path = data / "acties" / f"{name}.yaml"
        document = read_yaml(path)
        document["stand_van_zaken"] = paragraphs(action, count)
        write_yaml(path, document)
    pages = page_texts(build(run, data, tmp_path))
    statuses = {1: "Loopt", 2: "Afgerond"}
    continued = 0
    for page in pages[1:]:
        for action in sorted({int(a) for a in re.findall(r"\bA(\d+)x\d\d\b", page)}):
            # every page that shows part of an action names it: where it starts, or continued
            starts = re.search(rf"^\s*{action}\.\s", page, re.M)
            again = re.search(rf"^\s*{action} \(vervolg\)\s+{statuses[action]}\b", page, re.M)
            assert starts or again, f"a page shows action {action} without its number:\n{page}"
            continued += bool(again)
    assert continued >= 3  # action 1 takes more than two pages
    # nothing is lost on the way: every paragraph is there, once
    found = re.findall(r"\bA(\d+)x(\d\d)\b", "\n".join(pages))
    assert len(found) == 70 + 25 == len(set(found))


def test_typst_syntax_in_the_data_is_printed_as_text(run: Run, data: Path, tmp_path: Path) -> None:
    def put(path: Path, **fields: object) -> None:
        document = read_yaml(path) if path.exists() else {}
        document.update(fields)
        write_yaml(path, document)

    put(data / "organisatie.yaml", naam=f"Org {HOSTILE}", onderdeel=f"Deel {HOSTILE}")
    put(
        data / "actietabel.yaml",
        titel=f"Titel {HOSTILE}",
        inleiding=f"Inleiding {HOSTILE_MD}",
        stand_per="2021-06-15",
    )
    put(
        data / "acties" / "001-compensatie.yaml",
        sectie=f"Sectie {HOSTILE}",
        subsectie=f"Subsectie {HOSTILE}",
        omschrijving=f"Omschrijving {HOSTILE_MD}",
        moties=[f"Motie {HOSTILE}"],
        eigenaar=f"Eenheid {HOSTILE}",
        stand_van_zaken=f"Stand {HOSTILE_MD}\n\n- punt {HOSTILE_MD}\n\n> citaat {HOSTILE_MD}",
    )
    pdf = build(run, data, tmp_path)
    text = squeezed(plain_text(pdf))
    for label in (
        "org", "deel", "titel", "inleiding", "sectie", "subsectie", "omschrijving", "motie",
        "eenheid", "stand", "punt", "citaat",
    ):  # fmt: skip
        assert squeezed(f"{label} {HOSTILE}") in text, label
    assert "root:" not in text


def test_characters_the_fonts_lack_are_replaced_visibly_and_named(
    run: Run, data: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    from generator.render.typeset import printable

    text, missing = printable("één Straße Ωμέγα Япония עברית 中文 😀 zw\u200bsp \ufeffbom \ufdd0")
    assert text == "één Straße Ωμέγα Япония עברית �� � zw\u200bsp bom �"
    assert missing == ["中", "文", "\ufdd0", "😀"]
    path = data / "acties" / "002-schulden.yaml"
    edit(path, "Schulden overnemen", "Schulden Япония 中文", every=True)
    with caplog.at_level("WARNING", logger="generator.render.typeset"):
        pdf = build(run, data, tmp_path)
    assert "Schulden Япония ��" in plain_text(pdf)
    assert "actietabel.pdf: 2 kind(s) of character" in caplog.text
    assert "U+4E2D U+6587" in caplog.text


def test_every_markdown_construct_in_a_cell_is_typeset(
    run: Run, data: Path, tmp_path: Path
) -> None:
    path = data / "acties" / "002-schulden.yaml"
    document = read_yaml(path)
    document["stand_van_zaken"] = (
        "## Kop in een cel\n\nZie [de site](https://example.org), `code` en ~~weg~~.\n\n"
        "```\nblok code\n```\n\n---\n\n> citaat\n\n| a | b |\n|---|--:|\n| 1 | 2 |\n\n"
        "#### Diepe kop\n\n1. een\n   - twee\n"
    )
    write_yaml(path, document)
    pdf = build(run, data, tmp_path)
    text = plain_text(pdf)
    for shown in ("Kop in een cel", "de site", "code", "weg", "blok code", "citaat", "Diepe kop"):
        assert shown in text
    # the title is the one heading: a heading in a cell is a bold paragraph, outside the outline
    assert heading_tags(pdf) == [1]


SENTENCE = "De uitvoering loopt volgens plan en de betrokken partijen zijn geïnformeerd."


def action(folder: Path, number: int, stand_van_zaken: str) -> None:
    write_yaml(
        (folder / f"{number:03d}-actie.yaml"),
        {
            "nummer": number,
            "sectie": "Overig",
            "omschrijving": f"Actie {number}",
            "status": "loopt",
            "stand_van_zaken": stand_van_zaken,
        },
    )


def pages_of(pages: list[str], word: str) -> list[int]:
    # a note's text follows its number: "3Noot3" is found as Noot3 too
    return [n for n, page in enumerate(pages, start=1) if re.search(rf"{word}(?!\d)", page)]


@pytest.mark.parametrize(
    ("lengths", "notes"),
    [
        # as the QA tester found it: action 3's row moved whole to the next page, its note
        # stayed at the foot of the page before
        ([37, 8, 5], {3: 0}),
        # 60 rows, each with a note at its start: rows start at many heights on their page
        ([1 + (n * 7) % 13 for n in range(1, 61)], {n: n % 5 for n in range(1, 61)}),
    ],
    ids=["qa-repro", "sixty-rows"],
)
def test_every_note_is_on_the_page_of_its_reference(
    run: Run, tmp_path: Path, lengths: list[int], notes: dict[int, int]
) -> None:
    data = tmp_path / "data"
    (data / "acties").mkdir(parents=True)
    (data / "organisatie.yaml").write_text("naam: Directoraat-generaal Toeslagen\n", "utf-8")
    for number, length in enumerate(lengths, start=1):
        text = " ".join([SENTENCE] * length)
        if number in notes:
            extra = " ".join(["Met een toelichting."] * notes[number])
            text = (
                f"Verwijzing{number}.[^1] {text}\n\n"
                f"[^1]: Noot{number} Kamerstukken II 2020/21, 30 950, nr. {number}. {extra}"
            )
        action(data / "acties", number, text)
    pages = page_texts(build(run, data, tmp_path / "out"))
    for number in notes:
        where = pages_of(pages, f"Verwijzing{number}")
        assert len(where) == 1 and pages_of(pages, f"Noot{number}") == where, number


def test_column_rules_run_from_the_top_of_each_row(run: Run, tmp_path: Path) -> None:
    data = tmp_path / "data"
    (data / "acties").mkdir(parents=True)
    (data / "organisatie.yaml").write_text("naam: Directoraat-generaal Toeslagen\n", "utf-8")
    for number, status in ((1, "loopt"), (2, "afgerond")):
        write_yaml(
            (data / "acties" / f"{number:03d}-actie.yaml"),
            {
                "nummer": number,
                "sectie": "Overig",
                "omschrijving": "Een omschrijving die over twee regels loopt in de kolom",
                "status": status,
                "stand_van_zaken": "Eerste zin. " + SENTENCE * 2,
            },
        )
    dpi = 144
    image = page_image(build(run, data, tmp_path / "out"), 2, dpi=dpi)

    def x(mm: float) -> int:
        return round(mm / 25.4 * dpi)

    def ruled(at: int, y: int) -> bool:  # a grey rule within a pixel of `at`
        return any(sum(image.getpixel((at + d, y))) / 3 < 230 for d in (-1, 0, 1))

    # the rows' rules, seen in the first column beside its text: below the section's band
    margin, first, second = 14, 30, 84
    inside = x(margin + first - 3)
    band = max(y for y in range(image.height) if image.getpixel((inside, y)) == (220, 232, 244))
    rules = [y for y in range(band + 1, image.height) if ruled(inside, y)]
    edges = [y for n, y in enumerate(rules) if n == 0 or y - rules[n - 1] > 2]
    assert len(edges) == 3, edges  # the rows' top rule, the one between them, the bottom rule
    for top, bottom in itertools.pairwise(edges):
        for boundary in (margin + first, margin + first + second):
            unruled = [y for y in range(top + 2, bottom - 1) if not ruled(x(boundary), y)]
            assert not unruled, (boundary, top, unruled)
    # the done action's green left rule, from its row's top too
    left = x(margin)
    for y in range(edges[1] + 2, edges[2] - 1):
        red, green, _blue = image.getpixel((left, y))
        assert green > red + 40, (y, image.getpixel((left, y)))


def test_footnote_numbers_from_4_look_like_1_to_3(run: Run, tmp_path: Path) -> None:
    # Liberation Sans's superscript digits 4 and up are smaller and lower than its 1 to 3
    data = tmp_path / "data"
    (data / "acties").mkdir(parents=True)
    (data / "organisatie.yaml").write_text("naam: Directoraat-generaal Toeslagen\n", "utf-8")
    words = ("Een", "twee", "drie", "vier", "vijf", "zes")
    text = " ".join(f"{word}[^{n}]" for n, word in enumerate(words, start=1)) + ".\n\n"
    text += "\n".join(f"[^{n}]: Noot {word}." for n, word in enumerate(words, start=1))
    action(data / "acties", 1, text)
    pdf = build(run, data, tmp_path / "out")
    assert "Noot zes." in plain_text(pdf)
    used = [name for name, _ in fonts(pdf)]
    assert used and all(name.split("+")[-1].startswith("LiberationSans") for name in used), used
    # in the text and at the page's foot, note 4 and up look like note 1
    sizes = number_sizes(pdf)
    assert len(sizes["1"]) == 2 and all(sizes[str(n)] == sizes["1"] for n in range(2, 7)), sizes


WERKGROEP = (
    "de werkgroep inventariseert welke invorderingsmaatregelen onredelijk uitpakken voor "
    "ouders en bespreekt de uitkomsten met gemeenten uitvoerders en de Kamer"
)


def sentences(count: int) -> str:
    """``count`` sentences of 12 words, numbered Zin1: to Zin<count>: to find them by."""
    words = WERKGROEP.split()
    return " ".join(
        f"Zin{n}: " + " ".join(words[(n + k) % len(words)] for k in range(10)) + "."
        for n in range(1, count + 1)
    )


def dated(data: Path, number: int, stand_van_zaken: str, **fields: object) -> None:
    document = {
        "nummer": number,
        "sectie": "Overig",
        "omschrijving": f"Actie {number}",
        "status": "loopt",
        "bijgewerkt": "2021-06-01",
        "stand_van_zaken": stand_van_zaken,
        **fields,
    }
    write_yaml(data / "acties" / f"{number:03d}-actie.yaml", document)


def test_a_dated_last_paragraph_longer_than_pages_is_all_there(run: Run, tmp_path: Path) -> None:
    # the QA tester's repro: the date stuck to a last paragraph of pages, which Typst could not
    # place: pages of empty "(vervolg)" rows, then text under the strip and off the page
    data = tmp_path / "data"
    (data / "acties").mkdir(parents=True)
    (data / "organisatie.yaml").write_text("naam: Directoraat-generaal Toeslagen\n", "utf-8")
    count = 420  # 5,040 words
    action(data / "acties", 1, "Kort.")
    dated(
        data, 2, sentences(count) + " EINDE.", moties=["Motie Klaver c.s. (nr. 16)"], eigenaar="BZK"
    )
    action(data / "acties", 3, "Klaar.")
    pdf = build(run, data, tmp_path / "out")
    text = plain_text(pdf)
    assert [int(n) for n in re.findall(r"Zin(\d+):", text)] == list(range(1, count + 1))
    assert re.search(r"EINDE\. Bijgewerkt op 1 juni 2021 3\. ", text)
    pages = page_texts(pdf)
    assert 10 < len(pages) < 14  # about 450 words a page; none left empty
    height = 595.3  # A4 on its side, in points
    foot = height - 16 / 25.4 * 72  # the bottom margin
    strip = (17 + 8) / 25.4 * 72  # the top margin and the header row; the strip is 17pt
    for number, (page, boxes) in enumerate(zip(pages[1:], word_boxes(pdf)[1:], strict=True), 2):
        lines = [" ".join(line.split()) for line in page.splitlines() if line.strip()]
        below = lines[lines.index("Actie Omschrijving Stand van zaken") + 1]
        # every page opens with a section, a row, or the row it continues
        assert re.match(r"(OVERIG|\d+\.|2 \(vervolg\) Loopt)", below), (number, below)
        # nothing below the text area but the page number
        assert [w for w, _, bottom in boxes if bottom > foot] == [
            "Pagina",
            str(number),
            "van",
            str(len(pages)),
        ]
        if below.startswith("2 (vervolg)"):
            # nothing under the strip that names the row
            under = [w for w, top, bottom in boxes if bottom > strip and top < strip + 17]
            assert under == ["2", "(vervolg)", "Loopt"], (number, under)


@pytest.mark.parametrize("count", [40, 41, 42, 43])
def test_the_date_never_stands_alone_at_the_top_of_a_page(
    run: Run, tmp_path: Path, count: int
) -> None:
    # one long paragraph ending near a page's foot: the date goes with its last line(s)
    data = tmp_path / "data"
    (data / "acties").mkdir(parents=True)
    (data / "organisatie.yaml").write_text("naam: Directoraat-generaal Toeslagen\n", "utf-8")
    dated(data, 1, sentences(count))
    pages = page_texts(build(run, data, tmp_path / "out"))
    [page] = [page for page in pages if "Bijgewerkt op" in page]
    above = page.split("Bijgewerkt op")[0].split("Stand van zaken\n")[-1]
    assert re.search(r"\b(de|en|werkgroep|Kamer)\b", above.replace("(vervolg)", "")), page


def test_a_short_row_goes_to_the_next_page_whole(run: Run, tmp_path: Path) -> None:
    """Rows of a few lines never leave a part of a line or two under "N (vervolg)"; a row
    longer than a page still breaks and says so."""
    data = tmp_path / "data"
    (data / "acties").mkdir(parents=True)
    (data / "organisatie.yaml").write_text("naam: Directoraat-generaal Toeslagen\n", "utf-8")
    lengths = [1 + (n * 5) % 9 for n in range(1, 41)] + [120]
    for number, length in enumerate(lengths, start=1):
        action(data / "acties", number, " ".join([SENTENCE] * length))
    pages = page_texts(build(run, data, tmp_path / "out"))
    continued = {int(n) for page in pages for n in re.findall(r"(\d+) \(vervolg\)", page)}
    assert continued == {len(lengths)}, continued
