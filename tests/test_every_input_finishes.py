"""Every accepted input finishes, and what a writer cannot format is refused before it gets
there: numbers a slide cannot show, options that are not numbers, paths the system cannot
resolve. Each ends in a clear message and a non-zero exit, never a traceback."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import Run
from tests.readback import docx_text, xlsx_text
from tests.test_check_rejects import errors
from tests.test_hostile_input import clean
from tests.yamledit import edit

DASHBOARD = "dashboard.yaml"


@pytest.mark.parametrize(
    ("value", "fragment"),
    [("1.0e+28", "too large"), ("1.0e+15", "too large"), ("-2.0e+20", "too large"),
     (".nan", "not a number"), (".inf", "not a number"), ("-.inf", "not a number")],
)  # fmt: skip
def test_dashboard_values_a_slide_cannot_show_are_errors(
    run: Run, data: Path, tmp_path: Path, value: str, fragment: str
) -> None:
    edit(data / DASHBOARD, "2030-09-03: 746}", f"2030-09-03: {value}}}")
    found = errors(run, data)
    assert any(DASHBOARD in line and fragment in line for line in found), found
    result = run("deck", "--data", data, "--output", tmp_path / "out")
    assert result.exit_code == 1, clean(result)
    assert not (tmp_path / "out").exists()


def test_largest_dashboard_value_is_shown(run: Run, data: Path, tmp_path: Path) -> None:
    edit(data / DASHBOARD, "2030-09-03: 746}", "2030-09-03: 999999999999999}")
    result = run("deck", "--data", data, "--output", tmp_path)
    assert result.exit_code == 0, clean(result)


@pytest.mark.parametrize("value", ["nan", "NaN", "inf", "-inf", "7", "13"])
def test_min_font_size_must_be_a_number_in_range(run: Run, data: Path, value: str) -> None:
    result = run("deck", "--data", data, "--min-font-size", value)
    assert result.exit_code == 2, clean(result)
    assert "--min-font-size" in result.output


def test_output_folder_that_is_a_symlink_loop(run: Run, data: Path, tmp_path: Path) -> None:
    (tmp_path / "a").symlink_to(tmp_path / "b")
    (tmp_path / "b").symlink_to(tmp_path / "a")
    for output in (tmp_path / "a", tmp_path / "a" / "sub"):
        result = run("actions", "--data", data, "--output", output, "--format", "md")
        assert result.exit_code == 1, clean(result)
        assert str(tmp_path / "a") in result.output and "nothing was written" in result.output


def test_a_path_longer_than_the_system_allows_is_skipped_with_a_warning(
    run: Run, data: Path
) -> None:
    folder = data / "werkstromen"
    here = os.getcwd()
    try:
        os.chdir(folder)
        for _ in range(20):  # 20 x 251 bytes: past PATH_MAX (4 KiB)
            os.mkdir("d" * 250)
            os.chdir("d" * 250)
        Path("03-x.yaml").write_text("nummer: 3\n", encoding="utf-8")
    finally:
        os.chdir(here)
    result = run("check", "--data", data)
    text = clean(result)
    assert result.exit_code == 0, text
    assert "werkstromen" in text and "cannot be read" in text


# --- one run at a time per output folder ---------------------------------------------------------


def test_a_second_run_into_a_locked_folder_stops_with_a_message(
    run: Run, data: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    holder = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        (out / ".statusgen.lock").write_text(f"{holder.pid}\n", encoding="ascii")
        result = run("actions", "--data", data, "--output", out, "--format", "md")
        text = clean(result)
        assert result.exit_code == 1, text
        assert f"process {holder.pid}" in text and "nothing was written" in text
        assert sorted(p.name for p in out.iterdir()) == [".statusgen.lock"]
    finally:
        holder.kill()
        holder.wait()
    # the run that held it is gone: its lock is stale and taken over
    result = run("actions", "--data", data, "--output", out, "--format", "md")
    assert result.exit_code == 0, clean(result)
    assert sorted(p.name for p in out.iterdir()) == ["actietabel.md"]


def test_a_failed_build_leaves_no_folder_and_no_lock(run: Run, data: Path, tmp_path: Path) -> None:
    edit(data / "acties/002-schulden.yaml", "stand_van_zaken: Afgerond in het voorjaar.",
            "stand_van_zaken: " + "woord " * 6_000)  # fmt: skip
    result = run("planning", "--data", data, "--output", tmp_path / "out")
    assert result.exit_code == 0, clean(result)
    long = " ".join(f"w{i:05d}" for i in range(6_000))
    edit(data / "werkstromen/01-klantreis.yaml", "Loopt volgens plan.", long)
    result = run("planning", "--data", data, "--output", tmp_path / "new")
    assert result.exit_code == 1, clean(result)
    assert not (tmp_path / "new").exists()
    assert not (tmp_path / "out" / ".statusgen.lock").exists()


def test_two_runs_at_once_never_leave_a_mix(data: Path, tmp_path: Path) -> None:
    """Two builds of different data into one folder at the same time: each either wrote all
    its files or was refused for the other, and the folder holds one build's files."""
    other = tmp_path / "other"
    shutil.copytree(data, other)
    edit(other / "acties/002-schulden.yaml", "Schulden overnemen", "Schulden kwijtschelden")
    out = tmp_path / "out"
    command = [sys.executable, "-m", "generator", "actions", "--output", str(out),
               "--format", "md,html"]  # fmt: skip
    runs = [
        subprocess.Popen(
            [*command, "--data", str(folder)],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        for folder in (data, other)
    ]
    results = [(r.wait(timeout=120), r.communicate()[0]) for r in runs]
    assert any(code == 0 for code, _ in results), results
    for code, output in results:
        assert "Traceback" not in output
        assert code == 0 or "another statusgen run" in output, output
    markdown = (out / "actietabel.md").read_text(encoding="utf-8")
    html = (out / "actietabel.html").read_text(encoding="utf-8")
    assert ("kwijtschelden" in markdown) == ("kwijtschelden" in html)
    assert not (out / ".statusgen.lock").exists()


# --- long texts: linear in their length ----------------------------------------------------------


def _one_line_of(size: int) -> str:
    words = [
        "de",
        "het",
        "een",
        "overleg",
        "ouders",
        "compensatie",
        "betaling",
        "afgerond",
        "gemeente",
        "planning",
    ]
    sentences, length, index = [], 0, 0
    while length < size:
        sentence = " ".join(words[(index + k * 3) % len(words)] for k in range(12))
        sentences.append(sentence.capitalize() + ".")
        length += len(sentences[-1]) + 1
        index += 1
    return " ".join(sentences)


def test_a_900_kb_single_line_stand_van_zaken_finishes(
    run: Run, data: Path, tmp_path: Path
) -> None:
    text = _one_line_of(900_000)
    edit(data / "acties/002-schulden.yaml", "stand_van_zaken: Afgerond in het voorjaar.",
            f"stand_van_zaken: {text}")  # fmt: skip
    started = time.perf_counter()
    result = run("actions", "--data", data, "--output", tmp_path, "--format", "docx,xlsx")
    elapsed = time.perf_counter() - started
    assert result.exit_code == 0, clean(result)
    # was past 120 s; a generous bound for a shared machine, far below quadratic time
    assert elapsed < 60, elapsed
    last = text.rsplit(" ", 3)[-3:]
    assert " ".join(last) in " ".join(docx_text(tmp_path / "actietabel.docx").split())
    assert " ".join(last) in " ".join(xlsx_text(tmp_path / "actietabel.xlsx").split())


def test_parts_of_a_long_paragraph_hold_all_of_it_once() -> None:
    """Cut with measuring only as far as each part needs, the parts hold the text whole: each
    word once, in order, each part within its limit."""
    from generator.render.actietabel import parts
    from generator.render.actietabel.xlsx import SETTING, _para

    text = _one_line_of(60_000) + " " + "x" * 300 + " slot."
    cells = [[_para(text)]]
    found = parts.columns(cells, [300.0], 400.0, SETTING)
    assert len(found) > 10
    joined = " ".join(p.line.text for (held,) in found for p in held)
    assert joined.split() == text.split()
    for (held,) in found:
        assert sum(parts.height(p, 300.0, SETTING) for p in held) <= 400.0


# --- long meeting titles ----------------------------------------------------------------------

MEETING = "vergaderingen/2030-09-05.yaml"


def test_a_meeting_title_over_400_characters_is_refused_by_check(run: Run, data: Path) -> None:
    title = " ".join(["Overleg"] + ["over het herstel van de uitvoering"] * 12)
    assert len(title) > 400
    edit(data / MEETING, "datum: 2030-09-05", f"datum: 2030-09-05\ntitel: {title}")
    found = errors(run, data)
    assert any(MEETING in line and ":2:" in line and "title" in line for line in found), found


def test_the_longest_meeting_title_fits_the_title_slide(
    run: Run, data: Path, tmp_path: Path
) -> None:
    """LibreOffice sets the title above the organisation and date, not over them."""
    from tests.office import need, to_pdf

    words = "Overleg van het crisisteam over het herstel en de gevolgen voor ouders en kinderen"
    title = " ".join([words, "in alle gemeenten", words, "met de uitvoering en de", words] * 2)
    title = title[:400].rsplit(" ", 1)[0]
    assert len(title.split()) >= 50
    edit(data / MEETING, "datum: 2030-09-05", f"datum: 2030-09-05\ntitel: {title}")
    result = run("deck", "--data", data, "--output", tmp_path)
    assert result.exit_code == 0, clean(result)
    pdf = to_pdf(tmp_path / "sct-2030-09-05.pptx", tmp_path)
    layout = subprocess.run(
        [need("pdftotext"), "-f", "1", "-l", "1", "-bbox", str(pdf), "-"],
        check=True, capture_output=True, text=True,
    ).stdout  # fmt: skip
    words = re.findall(r'<word xMin="[\d.]+" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">'
                       r"([^<]*)</word>", layout)  # fmt: skip
    page_width = float(re.search(r'<page width="([\d.]+)"', layout)[1])  # type: ignore[index]
    shown = [w for *_, w in words]
    assert " ".join(shown).startswith(title), shown
    title_bottom = max(float(y_max) for _, _, y_max, _ in words[: len(title.split())])
    organisation_top = float(words[len(title.split())][0])
    assert title_bottom <= organisation_top, (title_bottom, organisation_top)
    # and inside the box the layout gives the title: it grew out of its top (anchored at the
    # bottom) when it was set too large
    from pptx import Presentation

    box = Presentation(str(tmp_path / "sct-2030-09-05.pptx")).slides[0].shapes.title
    assert box is not None and box.top is not None
    title_top = min(float(y_min) for y_min, _, _, _ in words[: len(title.split())])
    assert title_top >= box.top / 12700, (title_top, box.top / 12700)
    footer = subprocess.run(
        [need("pdftotext"), "-f", "2", "-l", "2", "-layout", str(pdf), "-"],
        check=True, capture_output=True, text=True,
    ).stdout.strip().splitlines()[-1]  # fmt: skip
    assert "…" in footer and "5 september 2030" in footer, footer
    assert all(float(x_max) <= page_width for _, x_max, _, _ in words)
