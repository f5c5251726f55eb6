"""The communication planning: the week calendar, the coming months and the long term, from
``communicatie.yaml`` in its old and new forms to the slides."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pptx import Presentation

from generator.load.kinds.communicatie import Communicatie
from generator.render.deck.layout.flow import roman
from generator.render.deck.parts.communicatiekalender import Window, aantal, months_title
from tests.conftest import DEMO, Run
from tests.test_check_rejects import assert_error, errors, line_of
from tests.test_deck import (
    AUGUST_17,
    assert_every_word_on_its_page,
    build,
    slide_text,
    titles,
)

NAME = "communicatie.yaml"

#: every new form, for the fixture's meeting of 5 September 2030 (weeks 19 Aug – 15 Sept)
GROUPED = """\
doelgroepen:
  Ouders:
    - CAF-11
    - Alle groepen
  Politiek en intern: [Politiek & media, Intern]
items:
  - datum: 2030-09-02
    doelgroep: CAF-11
    soort: brief
    tekst: Brief aan ouders over de planning
  - datum: 2030-08-26/2030-09-06
    doelgroep: Alle groepen
    soort: overleg
    tekst: Gesprekken met ouders in twee weken
  - datum: {datum: 2030-09-11, tekst: "10 en 11 sept"}
    doelgroep: Alle groepen
    soort: website
    tekst: Uitnodiging voor het webinar
  - datum: 2030-09-08
    doelgroep: Politiek & media
    soort: kamerbrief
    tekst: Kamerbrief over de voortgang
  - datum: 2030-10
    doelgroep: CAF-11
    soort: brief
    tekst: Brieven aan de Anker-groep
  - datum: 2030-09-24
    doelgroep: Alle groepen
    soort: website
    tekst: Tweede ouderwebinar
  - datum: ntb
    doelgroep: Alle groepen
    soort: brief
    tekst: Voortgangsbrief aan zelfmelders
  - datum: 2030-07-01
    doelgroep: Intern
    soort: intern
    tekst: Al voorbij en niet meer getoond
planning:
  tot: 2030-12
  toelichting: Data deels nog niet bekend.
lange_termijn:
  - doelgroep: Politiek & media
    tekst: Kabinetsinzet voor het nieuwe stelsel
  - doelgroep: Intern
    tekst: Onderzoek naar de archivering
    datum: ntb
  - doelgroep: Politiek & media
    tekst: Voortgangsrapportage
    soort: kamerbrief
    datum: 2031-01
"""


def write(data: Path, text: str) -> None:
    (data / NAME).write_text(text, encoding="utf-8")


def check_ok(run: Run, data: Path) -> None:
    result = run("check", "--data", data)
    assert result.exit_code == 0, result.output
    assert "communicatie.yaml" not in result.output


# --- the model ----------------------------------------------------------------------------


def test_the_old_form_stays_valid(run: Run, data: Path) -> None:
    assert "doelgroepen: [Ouders" in (data / NAME).read_text(encoding="utf-8")
    check_ok(run, data)


def test_every_new_form_is_accepted(run: Run, data: Path) -> None:
    write(data, GROUPED)
    check_ok(run, data)


@pytest.mark.parametrize(
    ("old", "new", "needle", "fragments"),
    [
        # an unknown doelgroep, in the items and in the long-term list, with a suggestion
        ("doelgroep: CAF-11\n", "doelgroep: CAF11\n", "CAF11", ("unknown doelgroep 'CAF11'",
                                                              "did you mean 'CAF-11'")),
        ("doelgroep: Intern\n    tekst: Onderzoek", "doelgroep: intern\n    tekst: Onderzoek",
         "doelgroep: intern", ("unknown doelgroep 'intern'", "did you mean 'Intern'")),
        # a date as people say it: no year is guessed
        ("datum: 2030-10\n", "datum: 10-10-2030\n", "datum: 10-10", ("write it as 2030-10-10",)),
        ("datum: ntb\n    doelgroep: Alle", "datum: 31 nov\n    doelgroep: Alle",
         "31 nov", ("november has 30 days",)),
        ("tot: 2030-12", "tot: december", "tot:", ("expected a month such as 2020-12",)),
        ("tot: 2030-12", "tot: 3030-12", "tot:", ("outside the years",)),
        # a doelgroep in two audiences
        ("[Politiek & media, Intern]", "[Politiek & media, CAF-11]", "Politiek en intern",
         ("doelgroep 'CAF-11' is listed twice",)),
        # a yes in a list of doelgroepen, and an empty audience
        ("    - Alle groepen\n", "    - yes\n", "- yes", ("put it in quotes",)),
        ("[Politiek & media, Intern]", "[]", "Politiek en intern", ("at least 1 item",)),
        # a misspelt key in the long-term list
        ("    tekst: Kabinetsinzet", "    text: Kabinetsinzet", "text: Kabinetsinzet",
         ("unknown key 'text'", "did you mean 'tekst'")),
        ("planning:\n  tot", "planning:\n  tt", "  tt:", ("unknown key 'tt'", "'tot'")),
        ("  toelichting: Data", "  toelichting:\n    - Data", "- Data", ("expected text",)),
    ],
)  # fmt: skip
def test_errors_name_the_line(
    run: Run, data: Path, old: str, new: str, needle: str, fragments: tuple[str, ...]
) -> None:
    assert old in GROUPED
    write(data, GROUPED.replace(old, new, 1))
    assert_error(errors(run, data), NAME, line_of(data, NAME, needle), *fragments)


def test_doelgroepen_must_be_a_list_or_audiences(run: Run, data: Path) -> None:
    write(data, "doelgroepen: Ouders\nitems: []\n")
    assert_error(errors(run, data), NAME, 1, "expected a list of doelgroepen")


# --- the slides ---------------------------------------------------------------------------


def deck_texts(deck: Path) -> dict[str, str]:
    return {
        title: slide_text(slide)
        for title, slide in zip(titles(deck), Presentation(str(deck)).slides, strict=True)
    }


def test_three_parts_from_the_new_form(run: Run, data: Path, tmp_path: Path) -> None:
    write(data, GROUPED)
    texts = deck_texts(build(run, data, tmp_path))
    week = texts["Communicatiekalender – Ouders"]
    assert "Week 34" in week and "19 – 25 aug" in week and "9 – 15 sept" in week
    assert "ma 2: Brief aan ouders over de planning" in week
    # a range stands in every week it covers; a written date keeps its own text
    assert week.count("26 aug – 6 sept: Gesprekken met ouders") == 2
    assert "10 en 11 sept: Uitnodiging" in week
    assert "Al voorbij" not in "\n".join(texts.values())
    assert "Na deze weken gepland: 3 items (zie Planning september t/m december)." in week
    other = texts["Communicatiekalender – Politiek en intern"]
    assert "zo 8: Kamerbrief over de voortgang" in other
    assert "Na deze weken gepland" not in other
    planning = texts["Planning september t/m december"]
    assert "Data deels nog niet bekend." in planning
    assert "oktober: Brieven aan de Anker-groep" in planning
    assert "24 sept: Tweede ouderwebinar" in planning
    # not yet dated: no date, after the dated ones
    assert planning.index("Tweede ouderwebinar") < planning.index("Voortgangsbrief")
    assert "Politiek & media" not in planning  # a doelgroep with nothing planned is left out
    lang = texts["Planning lange termijn"]
    assert lang.index("Politiek & media") < lang.index("Intern")
    assert "Onderzoek naar de archivering (datum ntb)" in lang
    assert "Voortgangsrapportage (januari 2031)" in lang
    assert "Kabinetsinzet voor het nieuwe stelsel" in lang


def test_counts_are_good_dutch(run: Run, data: Path, tmp_path: Path) -> None:
    text = (data / NAME).read_text(encoding="utf-8")
    write(
        data,
        text + "  - datum: 2030-10-01\n    doelgroep: Ouders\n    soort: brief\n    tekst: Later\n",
    )
    deck_text = "\n".join(deck_texts(build(run, data, tmp_path)).values())
    assert "Na deze weken gepland: 1 item (zie Planning oktober)." in deck_text
    assert "1 items" not in deck_text
    assert (aantal(0, "item", "items"), aantal(3, "item", "items")) == ("geen items", "3 items")


def test_the_old_form_makes_one_calendar(run: Run, data: Path, tmp_path: Path) -> None:
    texts = deck_texts(build(run, data, tmp_path))
    assert "Communicatiekalender" in texts
    assert "Brief aan ouders over de planning" in texts["Communicatiekalender"]
    assert not any(title.startswith("Planning") for title in texts)


def test_the_demo_deck_has_the_three_parts(run: Run, tmp_path: Path) -> None:
    texts = deck_texts(build(run, DEMO, tmp_path, *AUGUST_17))
    assert "Communicatiekalender – Ouders" in texts
    assert "Communicatiekalender – Politiek, media, stakeholders en intern" in texts
    planning = texts["Planning september t/m december"]
    # per doelgroep, with its months
    for doelgroep in ("CAF-11", "Vergelijkbaar CAF-11", "O/GS", "Alle groepen"):
        assert doelgroep in planning
    assert "september: Brieven aan de ouders uit de Anker-groep" in planning
    assert "Half september: Aftrap van de publiekscampagne" in planning
    assert "Stakeholders" in texts["Planning lange termijn"]


@pytest.mark.parametrize("meeting", ["2020-08-17", "2020-08-20"])
def test_no_file_name_on_any_slide(run: Run, tmp_path: Path, meeting: str) -> None:
    deck = build(run, DEMO, tmp_path, "--vergadering", meeting)
    for title, text in deck_texts(deck).items():
        for name in (".yaml", ".yml", ".md", ".json"):
            assert name not in f"{title}\n{text}", (title, name)


# --- the months in the planning's title ---------------------------------------------------


def kalender(*datums: str, tot: str | None = None) -> Communicatie:
    items = [{"datum": d, "doelgroep": "Ouders", "soort": "brief", "tekst": "x"} for d in datums]
    planning = {"tot": tot} if tot else None
    return Communicatie(doelgroepen=["Ouders"], items=items, planning=planning)


@pytest.mark.parametrize(
    ("datums", "tot", "title"),
    [
        (("ntb",), None, "Planning vanaf september"),
        (("2020-09-08",), None, "Planning september"),
        (("2020-09-08", "2020-10"), None, "Planning september en oktober"),
        (("ntb",), "2020-12", "Planning september t/m december"),
        (("2021-02",), None, "Planning september\u00a02020 t/m februari\u00a02021"),
        (("2020-08-31", "2020-10"), None, "Planning augustus t/m oktober"),
    ],
)
def test_the_title_names_the_months(datums: tuple[str, ...], tot: str | None, title: str) -> None:
    data = kalender(*datums, tot=tot)
    window = Window.around(dt.date(2020, 8, 17))  # 3 - 30 August
    later = [item for item in data.items if window.later(item.datum)]
    assert months_title(data, window, later, year=2020) == title


def test_a_long_calendar_continues_over_slides(run: Run, data: Path, tmp_path: Path) -> None:
    many = "".join(
        f"  - datum: 2030-09-0{2 + n % 5}\n    doelgroep: Ouders\n    soort: brief\n"
        f"    tekst: Brief {n} aan ouders over de voortgang van hun dossier en de volgende stap\n"
        for n in range(1, 31)
    )
    (data / NAME).write_text((data / NAME).read_text(encoding="utf-8") + many, encoding="utf-8")
    deck = build(run, data, tmp_path / "out")
    names = [n for n in titles(deck) if n.startswith("Communicatiekalender")]
    assert len(names) >= 2 and names[0] == f"Communicatiekalender (I/{roman(len(names))})"
    text = "\n".join(deck_texts(deck).values())
    assert all(f"Brief {n} aan ouders" in text for n in range(1, 31))
    assert_every_word_on_its_page(deck, tmp_path)
