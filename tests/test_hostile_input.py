"""Hostile and broken input through the command line: special files, characters the outputs
cannot hold, Markdown the outputs cannot show, dates out of range. Each must end in a clean
error that names the file (and line) or the option; never a traceback, never a hang."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from click.testing import Result

from tests.conftest import Run
from tests.readback import deck_text, xlsx_text
from tests.test_check_rejects import assert_error, errors, line_of
from tests.yamledit import edit

ACTIE = "acties/002-schulden.yaml"
MEETING = "vergaderingen/2030-09-05.yaml"
MD_FILE = "besluiten/terugkoppeling.md"


def clean(result: Result) -> str:
    """The whole output, asserted free of tracebacks and of raw terminal controls."""
    text = result.output
    assert "Traceback" not in text
    assert "\x1b" not in text and "\x07" not in text and "\x9b" not in text
    return text


def usage_error(result: Result, *fragments: str) -> None:
    text = clean(result)
    assert result.exit_code == 2, text
    for fragment in fragments:
        assert fragment in text, text


# --- files that are not regular files inside the data folder -------------------------------------


def test_symlink_to_dev_zero_is_refused_fast(run: Run, data: Path) -> None:
    if not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero here")
    (data / "acties/099-x.yaml").symlink_to("/dev/zero")
    start = time.perf_counter()
    lines = errors(run, data)
    assert time.perf_counter() - start < 5
    assert_error(lines, "acties/099-x.yaml", 1, "symbolic link to /dev/zero", "outside the data")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_named_pipe_is_refused_without_waiting(run: Run, data: Path) -> None:
    os.mkfifo(data / "acties/098-pijp.yaml")
    start = time.perf_counter()
    assert_error(errors(run, data), "acties/098-pijp.yaml", 1, "named pipe (FIFO)")
    assert time.perf_counter() - start < 5


def test_folder_named_like_a_data_file_is_refused(run: Run, data: Path) -> None:
    (data / "acties/097-map.yaml").mkdir()
    assert_error(errors(run, data), "acties/097-map.yaml", 1, "the file is a folder")


def test_symlink_outside_the_data_folder_is_refused(run: Run, data: Path, tmp_path: Path) -> None:
    outside = tmp_path / "elders.yaml"
    outside.write_text((data / ACTIE).read_text(encoding="utf-8").replace("nummer: 2", "nummer: 5"))
    (data / "acties/005-elders.yaml").symlink_to(outside)
    assert_error(errors(run, data), "acties/005-elders.yaml", 1, "outside the data folder")


def test_symlinked_folder_outside_the_data_folder_is_refused(
    run: Run, data: Path, tmp_path: Path
) -> None:
    elsewhere = tmp_path / "elders"
    (data / "acties").rename(elsewhere)
    (data / "acties").symlink_to(elsewhere, target_is_directory=True)
    assert_error(errors(run, data), "acties/002-schulden.yaml", 1, "outside the data folder")


def test_broken_and_looping_symlinks_are_refused(run: Run, data: Path) -> None:
    (data / "acties/096-weg.yaml").symlink_to("bestaat-niet.yaml")
    (data / "acties/095-rond.yaml").symlink_to("095-rond.yaml")
    lines = errors(run, data)
    assert_error(lines, "acties/096-weg.yaml", 1, "which does not exist")
    assert_error(lines, "acties/095-rond.yaml", 1, "cannot be resolved")


def test_symlink_inside_the_data_folder_is_read(run: Run, data: Path) -> None:
    (data / "bron").mkdir()
    target = data / "bron" / "actie-11.txt"
    target.write_text((data / ACTIE).read_text(encoding="utf-8").replace("nummer: 2", "nummer: 11"))
    (data / "acties/011-gedeeld.yaml").symlink_to(Path("..") / "bron" / "actie-11.txt")
    result = run("check", "--data", data)
    assert result.exit_code == 0, clean(result)
    assert "011-gedeeld" not in result.output  # no error, no warning about it


def test_inhoud_bestand_symlink_to_a_device_is_refused(run: Run, data: Path) -> None:
    if not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero here")
    (data / "besluiten/nul.md").symlink_to("/dev/zero")
    edit(data / MEETING, MD_FILE, "besluiten/nul.md")
    line = line_of(data, MEETING, "inhoud_bestand")
    assert_error(errors(run, data), MEETING, line, "besluiten/nul.md", "outside the data folder")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_inhoud_bestand_pipe_is_refused(run: Run, data: Path) -> None:
    os.mkfifo(data / "besluiten/pijp.md")
    edit(data / MEETING, MD_FILE, "besluiten/pijp.md")
    line = line_of(data, MEETING, "inhoud_bestand")
    assert_error(errors(run, data), MEETING, line, "besluiten/pijp.md", "named pipe")


def test_inhoud_bestand_over_the_limit_is_refused(run: Run, data: Path) -> None:
    (data / MD_FILE).write_text("woord " * 200_000, encoding="utf-8")
    line = line_of(data, MEETING, "inhoud_bestand")
    assert_error(errors(run, data), MEETING, line, MD_FILE, "limit is 1 MiB")


def test_deck_renders_inhoud_bestand_as_checked(run: Run, data: Path, tmp_path: Path) -> None:
    (data / MD_FILE).write_text("## Terugkoppeling\n\n- Gecontroleerde tekst\n", encoding="utf-8")
    result = run("deck", "--data", data, "--output", tmp_path / "out")
    assert result.exit_code == 0, clean(result)
    assert "Gecontroleerde tekst" in deck_text(tmp_path / "out" / "sct-2030-09-05.pptx")


# --- characters ------------------------------------------------------------------------------

FORBIDDEN = [
    "\x00", "\x01", "\x08", "\x0b", "\x0c", "\x0e", "\x1b", "\x1f", "\x7f", "\x80", "\x85",
    "\x9b", "\x9f", "\ufffe", "\uffff",
]  # fmt: skip


@pytest.mark.parametrize("char", FORBIDDEN, ids=[f"U+{ord(c):04X}" for c in FORBIDDEN])
def test_forbidden_character_as_yaml_escape(run: Run, data: Path, char: str) -> None:
    escape = f"\\u{ord(char):04x}"
    edit(data / ACTIE, "omschrijving: Schulden overnemen", f'omschrijving: "Schulden{escape}x"')
    line = line_of(data, ACTIE, "omschrijving")
    text = assert_error(errors(run, data), ACTIE, line, f"U+{ord(char):04X}", "not allowed")
    # the column points at the escape itself: after 'omschrijving: "Schulden'
    assert text.startswith(f"{data / ACTIE}:{line}:24:") or f"{ACTIE}:{line}:24:" in text
    assert "[omschrijving]" in text


@pytest.mark.parametrize("char", FORBIDDEN, ids=[f"U+{ord(c):04X}" for c in FORBIDDEN])
def test_forbidden_character_typed_in_the_file(run: Run, data: Path, char: str) -> None:
    edit(data / ACTIE, "Schulden overnemen", f"Schulden{char}overnemen")
    line = line_of(data, ACTIE, "omschrijving")
    text = assert_error(errors(run, data), ACTIE, line, f"U+{ord(char):04X}", "not allowed")
    assert f"{ACTIE}:{line}:23:" in text


def test_forbidden_character_in_a_key(run: Run, data: Path) -> None:
    edit(data / ACTIE, "eigenaar: FIN", '"eigen\\eaar": FIN')
    line = line_of(data, ACTIE, "eigen")
    assert_error(errors(run, data), ACTIE, line, "U+001B (ESC)")


def test_lone_surrogate_escape_is_a_clean_error(run: Run, data: Path) -> None:
    edit(data / ACTIE, "omschrijving: Schulden overnemen", 'omschrijving: "a\\ud800b"')
    line = line_of(data, ACTIE, "omschrijving")
    assert_error(errors(run, data), ACTIE, line, "YAML syntax error", "escape")


def test_escape_sequences_never_reach_the_terminal(run: Run, data: Path) -> None:
    edit(data / ACTIE, "status: afgerond", 'status: "afgerond\\e]0;gekaapt\\a\\e[2J"')
    for fmt in ("human", "github", "json"):
        result = run("check", "--data", data, "--format", fmt)
        text = clean(result)
        assert result.exit_code == 1
        assert "U+001B (ESC)" in text
        assert "\\x1b]0;gekaapt" in text.replace("\\\\", "\\")  # quoted, escaped
    result = run("actions", "--data", data, "--output", data.parent / "out")
    assert result.exit_code == 1 and "\\x1b" in clean(result)


def test_forbidden_character_in_inhoud_bestand(run: Run, data: Path) -> None:
    (data / MD_FILE).write_text("## Kop\n\nTekst met \x1b[31m rood\n", encoding="utf-8")
    result = run("check", "--data", data)
    assert result.exit_code == 1
    assert f"{MD_FILE}:3:11: error: U+001B (ESC)" in clean(result)


def test_inhoud_bestand_not_utf8_names_the_line(run: Run, data: Path) -> None:
    (data / MD_FILE).write_bytes(b"## Kop\n\nsurrogaat \xed\xa0\x80\n")
    result = run("check", "--data", data)
    assert result.exit_code == 1
    assert f"{MD_FILE}:3:11: error: the file is not UTF-8" in clean(result)


def test_tabs_and_newlines_in_values_stay_allowed(run: Run, data: Path) -> None:
    edit(data / ACTIE, "omschrijving: Schulden overnemen", 'omschrijving: "a\\tb\\nc\\r"')
    result = run("check", "--data", data)
    assert result.exit_code == 0, clean(result)


# --- Markdown the outputs cannot show ---------------------------------------------------------


def deep_list(levels: int) -> str:
    return "".join(f"  {'  ' * i}- niveau {i + 1}\n" for i in range(levels))


def test_list_nested_too_deep(run: Run, data: Path) -> None:
    edit(
        data / ACTIE,
        "stand_van_zaken: Afgerond in het voorjaar.",
        "stand_van_zaken: |\n" + deep_list(7),
    )
    line = line_of(data, ACTIE, "- niveau 6")
    text = assert_error(errors(run, data), ACTIE, line, "a list nested 6 deep", "at most 5")
    assert f":{line}:13:" in text and "[stand_van_zaken]" in text


def test_list_at_the_limit_is_accepted(run: Run, data: Path) -> None:
    edit(
        data / ACTIE,
        "stand_van_zaken: Afgerond in het voorjaar.",
        "stand_van_zaken: |\n" + deep_list(5),
    )
    assert run("check", "--data", data).exit_code == 0


def test_one_line_list_nested_too_deep(run: Run, data: Path) -> None:
    edit(
        data / ACTIE,
        "stand_van_zaken: Afgerond in het voorjaar.",
        'stand_van_zaken: "- - - - - - - x"',
    )
    line = line_of(data, ACTIE, "stand_van_zaken")
    assert_error(errors(run, data), ACTIE, line, "a list nested 6 deep")


def test_quote_nested_too_deep(run: Run, data: Path) -> None:
    quotes = "".join(f"  {'> ' * (i + 1)}citaat {i + 1}\n" for i in range(25))
    edit(
        data / ACTIE, "stand_van_zaken: Afgerond in het voorjaar.", "stand_van_zaken: |\n" + quotes
    )
    line = line_of(data, ACTIE, "citaat 4")
    assert_error(errors(run, data), ACTIE, line, "a block quote nested 4 deep", "at most 3")


def test_deep_nesting_in_inhoud_bestand(run: Run, data: Path) -> None:
    (data / MD_FILE).write_text("Inleiding\n\n" + deep_list(10), encoding="utf-8")
    result = run("check", "--data", data)
    assert result.exit_code == 1
    assert f"{MD_FILE}:8:13: error: a list nested 6 deep" in clean(result)


def test_word_over_200_characters(run: Run, data: Path) -> None:
    word = "Herstel" + "x" * 194  # 201
    edit(data / ACTIE, "Schulden overnemen", f"Schulden {word} overnemen")
    line = line_of(data, ACTIE, "omschrijving")
    text = assert_error(errors(run, data), ACTIE, line, "a word of 201 characters", "200")
    assert f":{line}:24:" in text


def test_word_over_200_characters_in_plain_text(run: Run, data: Path) -> None:
    edit(data / ACTIE, "sectie: Hersteloperatie", "sectie: " + "S" * 300)
    assert_error(errors(run, data), ACTIE, 2, "a word of 300 characters")


def test_long_link_target_is_not_a_long_word(run: Run, data: Path) -> None:
    url = "https://example.org/" + "a" * 300
    edit(data / ACTIE, "Schulden overnemen", f"Schulden [overnemen]({url})")
    assert run("check", "--data", data).exit_code == 0


def test_table_row_with_more_cells_than_its_header(run: Run, data: Path) -> None:
    table = "  | a | b |\n  |---|---|\n  | 1 | 2 | verloren |\n"
    edit(data / ACTIE, "stand_van_zaken: Afgerond in het voorjaar.", "stand_van_zaken: |\n" + table)
    line = line_of(data, ACTIE, "verloren")
    assert_error(errors(run, data), ACTIE, line, "a table row with 3 cells under a header of 2")


def test_text_longer_than_a_spreadsheet_cell(run: Run, data: Path, tmp_path: Path) -> None:
    long = " ".join(f"woord{i:05d}" for i in range(3_000))  # 32,999 characters
    edit(data / ACTIE, "stand_van_zaken: Afgerond in het voorjaar.", f"stand_van_zaken: {long}")
    edit(data / "werkstromen/01-klantreis.yaml", "Loopt volgens plan.", long)
    # the action table continues a long action in the next rows, each far below the limit
    result = run("actions", "--data", data, "--output", tmp_path / "x", "--format", "xlsx")
    assert result.exit_code == 0, clean(result)
    assert "woord02999" in xlsx_text(tmp_path / "x/actietabel.xlsx")
    result = run("planning", "--data", data, "--output", tmp_path / "p")
    assert result.exit_code == 1
    assert "opdracht 1.1, Toelichting: 32,999 characters" in clean(result)
    # the formats without that limit carry the whole text
    result = run("actions", "--data", data, "--output", tmp_path / "a", "--format", "md")
    assert result.exit_code == 0, clean(result)
    assert "woord02999" in (tmp_path / "a/actietabel.md").read_text(encoding="utf-8")
    result = run("planning", "--data", data, "--output", tmp_path / "p", "--format", "csv")
    assert result.exit_code == 0, clean(result)
    assert "woord02999" in (tmp_path / "p/planning.csv").read_text(encoding="utf-8-sig")


# --- dates -------------------------------------------------------------------------------------


def test_meeting_in_year_9999(run: Run, data: Path, tmp_path: Path) -> None:
    edit(data / MEETING, "datum: 2030-09-05", "datum: 9999-12-31")
    (data / MEETING).rename(data / "vergaderingen/9999-12-31.yaml")
    assert_error(
        errors(run, data), "vergaderingen/9999-12-31.yaml", 1, "9999-12-31 is outside", "1900-2200"
    )
    result = run("deck", "--data", data, "--output", tmp_path / "out")
    assert result.exit_code == 1
    assert "9999-12-31 is outside" in clean(result)
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("deadline: 2030-09-01", "deadline: 9999-12-31"),
        ("deadline: 2030-10", "deadline: 1850-10"),
        ("deadline: 2030-09-01", "deadline: 2030-09-01/2230-01-01"),
        ("deadline: 2030-09-01", "deadline: {datum: 0999-01-01, tekst: x}"),
    ],
)
def test_deadline_out_of_range(run: Run, data: Path, old: str, new: str) -> None:
    name = "werkstromen/01-klantreis.yaml"
    edit(data / name, old, new)
    line = line_of(data, name, new.split(": ", 1)[1][:7])
    assert_error(errors(run, data), name, line, "outside the years statusgen accepts")


def test_dates_out_of_range_in_other_kinds(run: Run, data: Path) -> None:
    edit(data / "acties/001-compensatie.yaml", "bijgewerkt: 2021-06-15", "bijgewerkt: 2221-06-15")
    edit(data / "dashboard.yaml", "2030-09-03: 746", "3030-09-03: 746")
    edit(
        data / "communicatie.yaml",
        "datum: ",
        "datum: 1066-10-14  #",
    )
    lines = errors(run, data)
    assert_error(
        lines,
        "acties/001-compensatie.yaml",
        line_of(data, "acties/001-compensatie.yaml", "2221"),
        "outside",
    )
    assert_error(lines, "dashboard.yaml", line_of(data, "dashboard.yaml", "3030"), "outside")
    assert_error(lines, "communicatie.yaml", line_of(data, "communicatie.yaml", "1066"), "outside")


@pytest.mark.parametrize("command", ["check", "deadlines", "planning"])
def test_peildatum_out_of_range_is_a_usage_error(run: Run, data: Path, command: str) -> None:
    usage_error(
        run(command, "--data", data, "--peildatum", "9999-12-31"), "--peildatum", "1900-2200"
    )


def test_deck_date_options_out_of_range(run: Run, data: Path) -> None:
    usage_error(run("deck", "--data", data, "--vergadering", "9999-12-31"), "--vergadering")
    usage_error(run("deck", "--data", data, "--peildatum", "0001-01-01"), "--peildatum")


@pytest.mark.parametrize("period", ["99999999d", "522w", "3654", "9" * 5000])
def test_deadlines_period_is_bounded(run: Run, data: Path, period: str) -> None:
    usage_error(run("deadlines", "--data", data, "--binnen", period), "--binnen")


def test_deadlines_longest_period_is_fast(run: Run, data: Path) -> None:
    start = time.perf_counter()
    result = run("deadlines", "--data", data, "--binnen", "520w", "--format", "ics")
    assert result.exit_code == 0, clean(result)
    assert time.perf_counter() - start < 30


@pytest.mark.parametrize("since", ["2021-02-30", "2021-13-01", "9999-01-01"])
def test_gewijzigd_sinds_impossible_date_is_a_usage_error(run: Run, data: Path, since: str) -> None:
    result = run(
        "actions", "--data", data, "--output", data.parent / "out", "--gewijzigd-sinds", since
    )
    usage_error(result, since)
    assert not (data.parent / "out").exists()


def test_diff_impossible_date_is_a_usage_error(run: Run, data: Path) -> None:
    usage_error(run("diff", "2021-02-30", "--data", data), "2021-02-30", "no such day")


def test_usage_errors_never_print_control_characters(run: Run, data: Path) -> None:
    result = run("report", "vgr\x1b]0;pwned\x07", "--data", data)
    assert result.exit_code == 2
    assert "\x1b" not in result.output and "\\x1b" in result.output
    result = run("actions", "--data", data, "--sectie", "Herstel\x1b[31m", "--format", "md",
                 "--output", data.parent / "out")  # fmt: skip
    assert result.exit_code == 2 and "\x1b" not in result.output
