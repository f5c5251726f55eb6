"""The "Voor het SCT" slide and the deck's slide links, read back from the saved PPTX."""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from pptx import Presentation
from pptx.oxml.ns import qn
from pptx.presentation import Presentation as PresentationType
from pptx.slide import Slide

from tests.conftest import FIXTURES, Run
from tests.readback import deck_text
from tests.test_deck import build, slide_text
from tests.test_history import git
from tests.yamledit import edit

MEETING = ("--vergadering", "2030-09-05")
PREVIOUS = """datum: 2030-08-29
agenda:
  - rubriek: Ter informatie
    items:
      - titel: Werkstromen
        onderdeel: werkstromen
"""


DETAILS = "      - titel: Voor het SCT, de lijsten\n        onderdeel: voor_het_sct_details\n"


def with_details(data: Path) -> Path:
    """The meeting of 5 September asks for the lists behind the counts, in an appendix."""
    meeting = data / "vergaderingen" / "2030-09-05.yaml"
    meeting.write_text(meeting.read_text(encoding="utf-8") + DETAILS, encoding="utf-8")
    return data


def two_meetings(target: Path) -> Path:
    """The small dataset with a meeting on 29 August before the one of 5 September."""
    shutil.copytree(FIXTURES / "valid", target)
    (target / "vergaderingen" / "2030-08-29.yaml").write_text(PREVIOUS, encoding="utf-8")
    return with_details(target)


def report_after_the_meeting(data: Path) -> None:
    """What the workstreams report after the meeting of 29 August."""
    ws1 = data / "werkstromen" / "01-klantreis.yaml"
    edit(ws1, "status: nog_niet_gestart", "status: escalatie")  # 1.2
    edit(ws1, "deadline: 2030-10\n", "deadline: 2030-10\n        status: zorgen\n")  # Training
    ws2 = data / "werkstromen" / "02-commissies.yaml"
    # 2.1 stays afgerond while one of its hoofdacties is open again
    edit(ws2, "2030-11-15\n        status: afgerond", "2030-11-15\n        status: gestart")


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A data folder in git: committed on the day of the previous meeting, changed since."""
    root = tmp_path / "repo"
    data = two_meetings(root / "status")
    git(root, "init", "-q", "-b", "main", date="2030-08-29")
    git(root, "add", "-A", date="2030-08-29")
    git(root, "commit", "-qm", "stand voor het SCT van 29 augustus", date="2030-08-29")
    report_after_the_meeting(data)
    git(root, "commit", "-qam", "rapportage voor 5 september", date="2030-09-03")
    return data


def voor_het_sct(deck: Path) -> str:
    prs = Presentation(str(deck))
    slides = [s for s in prs.slides if (s.shapes.title is not None and
              s.shapes.title.text.startswith("Voor het SCT"))]  # fmt: skip
    assert slides, "no Voor het SCT slide"
    return "\n".join(slide_text(s) for s in slides)


def test_status_changes_since_the_previous_meeting_come_from_git(
    run: Run, repo: Path, tmp_path: Path
) -> None:
    deck = build(run, repo, tmp_path / "out", *MEETING)
    names = [s.shapes.title.text for s in Presentation(str(deck)).slides]
    assert names[2].startswith("Voor het SCT")  # right after the agenda
    text = voor_het_sct(deck)
    assert "Status gewijzigd sinds het SCT van 29 augustus 2030: 3" in text
    assert "1.2 Integrale behandeling inrichten: nog niet gestart → escalatie" in text
    assert (
        "1.1 Klantreis doorontwikkelen: hoofdactie ‘Training ontwikkelen’, op schema → zorgen"
        in text
    )
    assert (
        "2.1 Taakopdrachten formuleren: hoofdactie ‘Werkproces beschrijven’, afgerond → op schema"
        in text
    )
    # escalations and concerns, each once, under their own heading
    assert "Escalatie naar het SCT: 1\n1.2 Integrale behandeling inrichten\n" in text
    assert (
        "Zorgen over de voortgang: 1\n"
        "1.1 Klantreis doorontwikkelen: hoofdactie ‘Training ontwikkelen’" in text
    )
    # the overdue hoofdactie with its deadline and how long ago it passed
    assert "Deadline verstreken op 5 september 2030: 1" in text
    assert "1.1 Klantreis doorontwikkelen: hoofdactie ‘Missie vastleggen’ (1 sept, 4 dagen)" in text
    assert "(1\u00a0sept, 4 dagen)" in deck_text(deck)  # "(1" / "sept" never part
    # a contradiction the chair would ask about
    assert (
        "2.1 Taakopdrachten formuleren: afgerond, maar hoofdactie ‘Werkproces beschrijven’ "
        "staat nog open" in text
    )
    assert "niet te bepalen" not in text


def test_the_previous_meeting_saw_the_data_of_the_end_of_its_day(run: Run, tmp_path: Path) -> None:
    root = tmp_path / "repo"
    data = two_meetings(root / "status")
    ws1 = data / "werkstromen" / "01-klantreis.yaml"
    git(root, "init", "-q", "-b", "main", date="2030-08-28")
    git(root, "add", "-A", date="2030-08-28")
    git(root, "commit", "-qm", "de dag ervoor", date="2030-08-28")
    edit(ws1, "status: nog_niet_gestart", "status: gestart")
    git(root, "commit", "-qam", "op de dag van het overleg", date="2030-08-29")
    edit(
        ws1,
        "status: gestart\n    deadline: doorlopend",
        "status: escalatie\n    deadline: doorlopend",
    )
    git(root, "commit", "-qam", "erna", date="2030-09-03")
    text = voor_het_sct(build(run, data, tmp_path / "out", *MEETING))
    assert "1.2 Integrale behandeling inrichten: op schema → escalatie" in text


def test_working_changes_count_and_unchanged_data_says_so(run: Run, tmp_path: Path) -> None:
    root = tmp_path / "repo"
    data = two_meetings(root / "status")
    git(root, "init", "-q", "-b", "main", date="2030-08-29")
    git(root, "add", "-A", date="2030-08-29")
    git(root, "commit", "-qm", "stand", date="2030-08-29")
    text = voor_het_sct(build(run, data, tmp_path / "out1", *MEETING))
    assert "Status gewijzigd" not in text  # an empty list is left out
    assert "niet te bepalen" not in text
    # not committed yet: the working data is what the deck shows, and what is compared
    edit(data / "werkstromen" / "02-commissies.yaml", "status: afgerond", "status: zorgen")
    text = voor_het_sct(build(run, data, tmp_path / "out2", *MEETING))
    assert "2.1 Taakopdrachten formuleren: afgerond → zorgen" in text


def test_without_git_the_build_warns_and_the_slide_leaves_changes_out(
    run: Run, tmp_path: Path
) -> None:
    """A chair does not read about git: the Gewijzigd column is left out (not a column of
    dashes) and whoever builds the deck reads why on stderr."""
    data = two_meetings(tmp_path / "status")
    report_after_the_meeting(data)
    out = tmp_path / "out"
    result = run("deck", "--data", data, "--output", out, *MEETING)
    assert result.exit_code == 0, result.output
    assert "warning:" in result.stderr and "not in git" in result.stderr
    (deck,) = out.glob("*.pptx")
    text = voor_het_sct(deck)
    assert "git" not in text and "niet te bepalen" not in text
    assert "Escalatie naar het SCT: 1" in text  # the rest of the slide is there
    prs = Presentation(str(deck))
    (slide,) = [s for s in prs.slides if s.shapes.title.text == "Voor het SCT"]
    (table,) = [shape.table for shape in slide.shapes if shape.has_table]
    header = [cell.text for cell in table.rows[0].cells]
    assert "Gewijzigd" not in header and "Escalatie" in header and "Vragen" in header
    assert all(cell.text != "–" for row in table.rows for cell in row.cells)


def test_a_shallow_clone_warns_that_its_history_is_incomplete(
    run: Run, repo: Path, tmp_path: Path
) -> None:
    shallow = tmp_path / "shallow"
    subprocess.run(
        ["git", "clone", "-q", "--depth", "1", f"file://{repo.parent}", str(shallow)],
        check=True, capture_output=True,
    )  # fmt: skip
    out = tmp_path / "out"
    result = run("deck", "--data", shallow / "status", "--output", out, *MEETING)
    assert result.exit_code == 0, result.output
    assert "git history here is incomplete" in result.stderr
    (deck,) = out.glob("*.pptx")
    text = voor_het_sct(deck)
    assert "git" not in text
    assert "Escalatie naar het SCT: 1" in text


def test_the_first_meeting_and_a_quiet_one(run: Run, data: Path, tmp_path: Path) -> None:
    text = voor_het_sct(build(run, data, tmp_path / "out1", *MEETING))
    assert "Er is geen eerder SCT in de gegevens" in text
    # nothing wrong: one sentence says so
    ws1 = data / "werkstromen" / "01-klantreis.yaml"
    edit(ws1, "deadline: 2030-09-01", "deadline: 2030-09-30")
    text = voor_het_sct(build(run, data, tmp_path / "out2", *MEETING))
    assert "Niets vraagt de aandacht van het SCT" in text


def test_contradictions_in_what_was_reported(run: Run, data: Path, tmp_path: Path) -> None:
    with_details(data)
    ws1 = data / "werkstromen" / "01-klantreis.yaml"
    # reported on schedule as a whole while an opdracht escalates
    edit(ws1, "kernwoord: klantreis\n", "kernwoord: klantreis\nstatus: gestart\n")
    edit(ws1, "status: nog_niet_gestart", "status: escalatie")
    ws2 = data / "werkstromen" / "02-commissies.yaml"
    edit(ws2, "status: afgerond\n    hoofdacties", "status: gestart\n    hoofdacties")
    edit(ws2, "status: afgerond\n      - titel: Werk", "status: gestart\n      - titel: Werk")
    edit(ws2, "deadline: 2030-10-01/2030-11-15", "deadline: 2030-08-01/2030-08-15")
    edit(ws2, "status: afgerond\n", "status: nog_niet_gestart\n")  # the second hoofdactie
    text = voor_het_sct(build(run, data, tmp_path / "out", *MEETING))
    assert "Vragen bij de rapportage" in text
    assert (
        "WS 1 Klantreis ontwerpen: gerapporteerd als op schema, maar opdracht 1.2 staat op "
        "escalatie" in text
    )
    # everything open in workstream 2 is past its deadline, yet it is on schedule
    assert (
        "WS 2 Commissies opstarten: op schema, maar alle deadlines van het openstaande werk "
        "zijn verstreken" in text
    )


# --- links ---------------------------------------------------------------------------------


def _target(prs: PresentationType, slide: Slide, rid: str) -> int:
    part = slide.part.related_part(rid)
    return next(i for i, s in enumerate(prs.slides) if s.part is part)


def links(prs: PresentationType, slide: Slide) -> list[tuple[str, int]]:
    """(linked text, index of the slide it jumps to) for every slide link on ``slide``."""
    found = []
    for element in slide.shapes._spTree.iter(qn("a:r")):
        link = element.find(f"{qn('a:rPr')}/{qn('a:hlinkClick')}")
        if link is None:
            continue
        assert link.get("action") == "ppaction://hlinksldjump"
        text = element.findtext(qn("a:t"))
        found.append((text, _target(prs, slide, link.get(qn("r:id")))))
    return found


def title(prs: PresentationType, index: int) -> str:
    shape = prs.slides[index].shapes.title
    return shape.text if shape is not None else ""


def test_agenda_overview_and_voor_het_sct_link_to_their_slides(
    run: Run, repo: Path, tmp_path: Path
) -> None:
    prs = Presentation(str(build(run, repo, tmp_path / "out", *MEETING)))
    agenda = dict(links(prs, prs.slides[1]))
    assert title(prs, agenda["Nieuwe overlegstructuur"]) == "Voorstel"
    assert title(prs, agenda["Terugkoppeling woensdag"]).startswith("Terugkoppeling")
    assert title(prs, agenda["Werkstromen"]) == "Werkstromen"
    # the dashboard's slides are titled by its tables: the item jumps to the first one
    assert title(prs, agenda["Dashboard"]).startswith("Verzoeken om een dossier")
    assert title(prs, agenda["Risicolog"]).startswith("Risicolog")
    # every item jumps forward, in the agenda's order
    targets = [agenda[t] for t in ("Nieuwe overlegstructuur", "Terugkoppeling woensdag",
               "Werkstromen", "Dashboard", "Communicatiekalender", "Risicolog")]  # fmt: skip
    assert targets == sorted(targets) and targets[0] > 2
    overview = prs.slides[agenda["Werkstromen"]]
    jumps = links(prs, overview)
    assert ("1", title_index(prs, "1. Klantreis ontwerpen")) in jumps
    assert ("2", title_index(prs, "2. Commissies opstarten")) in jumps
    sct = links(prs, prs.slides[2])
    assert ("1", title_index(prs, "1. Klantreis ontwerpen")) in sct  # a row per workstream
    assert ("2", title_index(prs, "2. Commissies opstarten")) in sct
    assert ("1.2", title_index(prs, "1. Klantreis ontwerpen")) in sct  # the escalation named
    details = links(prs, prs.slides[title_index(prs, "Voor het SCT: details")])
    assert ("2.1", title_index(prs, "2. Commissies opstarten")) in details


def title_index(prs: PresentationType, name: str) -> int:
    return next(i for i in range(len(prs.slides)) if title(prs, i).startswith(name))


def test_a_link_to_a_slide_the_deck_does_not_have_is_plain_text(
    run: Run, repo: Path, tmp_path: Path
) -> None:
    meeting = repo / "vergaderingen" / "2030-09-05.yaml"
    edit(meeting, "      - titel: Werkstromen\n        onderdeel: werkstromen\n", "")
    prs = Presentation(str(build(run, repo, tmp_path / "out", *MEETING)))
    assert links(prs, prs.slides[2]) == []  # no workstream slides to jump to
    assert "1.2 Integrale behandeling inrichten" in slide_text(prs.slides[2])


def test_openbaar_leaves_no_registered_name_on_the_slide(
    run: Run, repo: Path, tmp_path: Path
) -> None:
    root = repo.parent
    ws1 = repo / "werkstromen" / "01-klantreis.yaml"
    edit(
        ws1,
        "titel: Integrale behandeling inrichten",
        "titel: Inrichten met F. Abma",
    )
    edit(ws1, "titel: Training ontwikkelen", "titel: Training door G. Zijlstra")
    git(root, "commit", "-qam", "namen", date="2030-09-04")
    deck = build(run, repo, tmp_path / "openbaar", *MEETING, "--openbaar")
    text = voor_het_sct(deck)
    assert "1.2 Inrichten met Persoonsgegevens" in text
    assert "‘Training door Persoonsgegevens’" in text
    with zipfile.ZipFile(deck) as archive:
        for name in archive.namelist():
            content = archive.read(name)
            for person in (b"Abma", b"Zijlstra"):
                assert person not in content, f"{person!r} in {name}"


# --- the one slide ---------------------------------------------------------------------------


def summary_rows(deck: Path) -> dict[str, list[str]]:
    """The rows of the Voor het SCT table by workstream number: its cells' texts."""
    prs = Presentation(str(deck))
    (slide,) = [s for s in prs.slides if s.shapes.title is not None
                and s.shapes.title.text == "Voor het SCT"]  # fmt: skip
    (table,) = [shape.table for shape in slide.shapes if shape.has_table]
    header = [cell.text for cell in table.rows[0].cells]
    assert header[:6] == ["Werkstroom", "Escalatie", "Zorgen", "Deadline verstreken",
                          "Gewijzigd", "Vragen"]  # fmt: skip
    return {
        row.cells[0].text.split(" ")[0]: [cell.text.replace("\u00a0", " ") for cell in row.cells]
        for row in list(table.rows)[1:]
    }


def test_one_slide_a_row_per_workstream_with_counts_and_escalations_in_full(
    run: Run, repo: Path, tmp_path: Path
) -> None:
    ws1 = repo / "werkstromen" / "01-klantreis.yaml"
    long_title = (
        "Integrale behandeling inrichten voor alle regelingen, met de gemeenten en "
        "de commissies, zo dat geen ouder tussen wal en schip valt"
    )
    edit(ws1, "titel: Integrale behandeling inrichten", f"titel: {long_title}")
    deck = build(run, repo, tmp_path / "out", *MEETING)
    names = [s.shapes.title.text for s in Presentation(str(deck)).slides]
    assert names.count("Voor het SCT") == 1 and not any("Voor het SCT (" in n for n in names)
    rows = summary_rows(deck)
    assert set(rows) == {"1", "2"}
    one = rows["1"]
    assert one[1:6] == ["1", "1", "1", "2", ""]  # escalation, concern, passed, changed, questions
    assert long_title in " ".join(one[6].split())  # named in full, never cut
    assert rows["2"][4] == "1" and rows["2"][5] == "1"  # a change, and a question


def test_vague_deadlines_get_no_day_count_and_quotes_do_not_collide(
    run: Run, data: Path, tmp_path: Path
) -> None:
    with_details(data)
    ws1 = data / "werkstromen" / "01-klantreis.yaml"
    edit(ws1, "deadline: 2030-09-01", 'deadline: "Begin aug"')
    edit(ws1, "titel: Missie vastleggen", "titel: Missie voor de 'nieuwe fase' vastleggen")
    text = voor_het_sct(build(run, data, tmp_path / "out", *MEETING))
    assert "(Begin aug)" in text and "Begin aug," not in text  # no "10 dagen"
    assert "“Missie voor de 'nieuwe fase' vastleggen”" in text
    assert "'nieuwe fase''" not in text


def test_a_title_is_never_cut_inside_a_quotation() -> None:
    from generator.text.shorten import shorten

    cut = shorten(
        "Voorbereiden van een discussiestuk voor het SCT 'nieuwe fase van de hersteloperatie'",
        60,
        at_word=True,
    )
    assert cut == "Voorbereiden van een discussiestuk voor het SCT…"
    assert shorten("Kort genoeg", 60, at_word=True) == "Kort genoeg"


def _workstream(number: int, escalations: int) -> str:
    opdrachten = "".join(
        f"""  - nummer: "{number}.{n}"
    titel: Opdracht {number}.{n} met een titel zo lang als de echte, over wat er moet gebeuren
      voordat de hersteloperatie verder kan
    status: {"escalatie" if n <= escalations else "zorgen"}
"""
        for n in range(1, 4)
    )
    return f"nummer: {number}\ntitel: Werkstroom {number}\nopdrachten:\n{opdrachten}"


@pytest.mark.parametrize(
    ("escalating", "escalations", "more"), [(0, 0, False), (3, 1, False), (11, 3, True)]
)
def test_voor_het_sct_continues_only_when_the_escalations_do_not_fit(
    run: Run, data: Path, tmp_path: Path, escalating: int, escalations: int, more: bool
) -> None:
    """Thirteen workstreams with concerns fit as rows, with a few escalations named in full;
    three long escalations in each of eleven do not, and continue on a next slide."""
    for number in range(3, 14):
        path = data / "werkstromen" / f"{number:02d}-extra.yaml"
        own = escalations if number - 3 < escalating else 0
        path.write_text(_workstream(number, own), encoding="utf-8")
    deck = build(run, data, tmp_path / "out", *MEETING)
    names = [s.shapes.title.text for s in Presentation(str(deck)).slides]
    count = len([n for n in names if n.startswith("Voor het SCT")])
    assert (count > 1) == more, names
    text = " ".join(voor_het_sct(deck).split())
    for number in range(3, 3 + escalating):
        for n in range(1, escalations + 1):  # every escalation named in full
            assert f"Opdracht {number}.{n} met een titel zo lang als de echte" in text
