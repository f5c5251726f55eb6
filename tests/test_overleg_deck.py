"""Decks for any overleg, not only the SCT: a lettered agenda with sub-items, a divider per
letter, content slides from Markdown in the SCT deck's engine, the SCT's generated parts when
the agenda asks for them, and nothing of the SCT's own unasked."""

from __future__ import annotations

from pathlib import Path

from pptx import Presentation

from tests.conftest import DEMO, Run
from tests.pack_data import add_pack
from tests.test_deck import build, slide_text, titles
from tests.yamledit import edit


def test_a_bestuurlijk_overleg_has_a_lettered_agenda_and_a_divider_per_letter(
    run: Run, data: Path, tmp_path: Path
) -> None:
    add_pack(data)
    deck = build(run, data, tmp_path, "--vergadering", "2030-09-01")
    assert deck.name == "overleg-2030-09-01.pptx"
    names = titles(deck)
    slides = list(Presentation(str(deck)).slides)
    # the context of the document, then the agenda
    assert names[1:3] == ["Context van dit document", "Agenda"]
    agenda = slide_text(slides[2])
    for line in ("Kennismaking", "Waar we nu staan", "Bundeling van oplossingen", "Aanpak",
                 "Planning", "Toetsingskader", "Bijlage"):  # fmt: skip
        assert line in agenda, line
    dividers = ["A. Kennismaking", "B. Waar we nu staan", "C. Aanpak", "D. Bijlage"]
    places = [names.index(d) for d in dividers]
    assert places == sorted(places)
    # B's own slide right after its divider, then its sub-item's
    after_b = names[places[1] + 1 : places[2]]
    assert after_b[:2] == [
        "Rijk en gemeenten werken in vier stappen",
        "De oplossingen zijn gebundeld naar de stappen van het herstel",
    ]
    # the planning over months is a native table
    planning = slides[names.index("De toetsen lopen van september tot en met november")]
    cells = [c.text for sh in planning.shapes if sh.has_table for r in sh.table.rows
             for c in r.cells]  # fmt: skip
    assert {"September", "Oktober", "November", "Toetsingskader"} <= set(cells)
    # the beslispunten are asked of the bestuurders, not the SCT
    # (the werkstromen part, asked for under D, has its own legend, which names the SCT)
    text = "\n".join(slide_text(s) for s in slides[: places[3]])
    assert "Gevraagd van de bestuurders" in text and "SCT" not in text
    assert not any(n.startswith("Voor het SCT") or n.startswith("Openstaande") for n in names)
    # a generated part of the SCT, asked for by the agenda (D. Bijlage: werkstromen)
    assert any(n.startswith("1. ") for n in names[places[3] + 1 :])


def test_the_sct_deck_keeps_its_numbered_rubrieken(run: Run, tmp_path: Path) -> None:
    deck = build(run, DEMO, tmp_path, "--vergadering", "2020-08-17")
    names = titles(deck)
    assert deck.name == "sct-2020-08-17.pptx"
    assert "1. Ter besluitvorming" in names and names[2].startswith("Voor het SCT")


def test_long_content_of_an_overleg_continues_as_the_sct_deck_does(
    run: Run, data: Path, tmp_path: Path
) -> None:
    add_pack(data)
    meeting = data / "vergaderingen" / "2030-09-01.yaml"
    rows = "\n".join(
        f"          | Bundel {n} | Een oplossing die uitgelegd wordt in een zin van enige lengte |"
        for n in range(1, 41)
    )
    edit(meeting, "          | 2 Aanspreekpunt | Vast aanspreekpunt |", rows, every=True)
    names = titles(build(run, data, tmp_path, "--vergadering", "2030-09-01"))
    title = "De oplossingen zijn gebundeld naar de stappen van het herstel"
    continued = [n for n in names if n.startswith(title)]
    assert len(continued) > 1
    assert continued[0].endswith("(I/II)") or "(I/" in continued[0]
