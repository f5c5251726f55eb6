"""One test per class of input that `statusgen check` must reject, asserting file, line and text."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from tests.conftest import Run
from tests.readback import deck_text
from tests.yamledit import edit

WS1 = "werkstromen/01-klantreis.yaml"


def line_of(data: Path, name: str, needle: str, occurrence: int = 1) -> int:
    lines = (data / name).read_text(encoding="utf-8").splitlines()
    hits = [i + 1 for i, line in enumerate(lines) if needle in line]
    return hits[occurrence - 1]


def errors(run: Run, data: Path) -> list[str]:
    result = run("check", "--data", data)
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    return [line for line in result.output.splitlines() if ": error: " in line]


def assert_error(lines: list[str], name: str, line: int, *fragments: str) -> str:
    for text in lines:
        location = text.split(": error: ", 1)[0]
        if location.endswith(f"{name}:{line}:" + location.rsplit(":", 1)[-1]) and all(
            f in text for f in fragments
        ):
            return text
    raise AssertionError(f"no error at {name}:{line} with {fragments} in:\n" + "\n".join(lines))


def test_yaml_syntax_error(run: Run, data: Path) -> None:
    edit(data / WS1, "kernwoord: klantreis", "kernwoord: [klantreis")
    lines = errors(run, data)
    # the error is where the [ opens, not where PyYAML noticed it was never closed
    assert_error(lines, WS1, line_of(data, WS1, "kernwoord"), "YAML syntax error", "]")


def test_tab_in_indentation(run: Run, data: Path) -> None:
    edit(data / WS1, "    titel: Klantreis doorontwikkelen", "\ttitel: Klantreis doorontwikkelen")
    lines = errors(run, data)
    assert_error(lines, WS1, line_of(data, WS1, "\ttitel"), "tab character in the indentation")


def test_empty_file(run: Run, data: Path) -> None:
    (data / WS1).write_text("# nothing here yet\n", encoding="utf-8")
    assert_error(errors(run, data), WS1, 1, "the file is empty")


def test_not_a_mapping(run: Run, data: Path) -> None:
    (data / WS1).write_text("- nummer: 1\n- titel: x\n", encoding="utf-8")
    assert_error(errors(run, data), WS1, 1, "holds a list; it must hold a YAML mapping")


def test_not_utf8(run: Run, data: Path) -> None:
    path = data / WS1
    path.write_bytes(
        path.read_bytes().replace(b"Klantreis ontwerpen", "Klantreis ontwérpen".encode("latin-1"))
    )
    assert_error(errors(run, data), WS1, 2, "not UTF-8", "0xe9")


def test_file_over_one_mebibyte(run: Run, data: Path) -> None:
    path = data / WS1
    path.write_text(path.read_text() + "# " + "x" * (1 << 20) + "\n", encoding="utf-8")
    assert_error(errors(run, data), WS1, 1, "limit is 1 MiB")


def test_duplicate_key(run: Run, data: Path) -> None:
    edit(
        data / WS1,
        "    status: gestart\n    toelichting",
        "    status: gestart\n    status: zorgen\n    toelichting",
    )
    lines = errors(run, data)
    first = line_of(data, WS1, "    status: gestart")
    text = assert_error(lines, WS1, first + 1, "duplicate key 'status'")
    assert f"first on line {first}" in text


def test_unknown_key_with_suggestion(run: Run, data: Path) -> None:
    edit(data / WS1, "kernwoord:", "kernwoord_:")
    assert_error(errors(run, data), WS1, 3, "unknown key 'kernwoord_'", "did you mean 'kernwoord'")


def test_unknown_key_lists_allowed_keys(run: Run, data: Path) -> None:
    edit(data / "acties/002-schulden.yaml", "eigenaar: FIN", "zzz: FIN")
    text = assert_error(errors(run, data), "acties/002-schulden.yaml", 4, "unknown key 'zzz'")
    assert "stand_van_zaken" in text


def test_wrong_type(run: Run, data: Path) -> None:
    edit(data / WS1, "nummer: 1\n", "nummer: een\n")
    assert_error(errors(run, data), WS1, 1, "nummer: expected a whole number, got 'een'")


def test_missing_required_key(run: Run, data: Path) -> None:
    edit(data / "acties/010-toekomst.yaml", "stand_van_zaken: Nog niet begonnen.\n", "")
    assert_error(
        errors(run, data), "acties/010-toekomst.yaml", 1, "missing required key 'stand_van_zaken'"
    )
    # the checks that need a valid file come once it is: the editor is told so
    assert (
        "A file that does not validate is not checked further"
        in run("check", "--data", data).output
    )


def test_unknown_status_suggests_and_lists_legend(run: Run, data: Path) -> None:
    edit(data / WS1, "status: nog_niet_gestart", "status: nog_niet_gestar")
    text = assert_error(
        errors(run, data), WS1, line_of(data, WS1, "nog_niet_gestar"),
        "unknown status 'nog_niet_gestar'", "did you mean 'nog_niet_gestart'",
    )  # fmt: skip
    assert "afgerond, nog_niet_gestart, gestart, zorgen, escalatie" in text


def test_deadline_words_without_a_date_are_a_warning_not_an_error(run: Run, data: Path) -> None:
    edit(data / WS1, "deadline: 2030-10\n", "deadline: volgende week\n")
    result = run("check", "--data", data)
    assert result.exit_code == 0, result.output
    line = line_of(data, WS1, "volgende week")
    assert f"{WS1}:{line}:" in result.output
    assert "warning: deadline 'volgende week': statusgen reads no date from it" in result.output


def test_impossible_date(run: Run, data: Path) -> None:
    edit(data / WS1, "deadline: 2030-09-01", "deadline: 2021-02-30")
    text = assert_error(
        errors(run, data), WS1, line_of(data, WS1, "2021-02-30"), "'2021-02-30' does not exist"
    )
    assert "28 days" in text


def test_impossible_date_in_words_suggests_no_other_impossible_date(run: Run, data: Path) -> None:
    edit(data / WS1, "deadline: 2030-09-01", "deadline: 31 september 2026")
    text = assert_error(
        errors(run, data), WS1, line_of(data, WS1, "31 september"), "does not exist"
    )
    assert "2026-09-31" not in text and "30 days" in text


@pytest.mark.parametrize(
    ("typed", "fix"),
    [("30-09-2026", "2026-09-30"), ("2026-9-30", "2026-09-30"), ("1-10-2026", "2026-10-01")],
)
def test_numeric_dutch_date_says_exactly_what_to_write(
    run: Run, data: Path, typed: str, fix: str
) -> None:
    edit(data / WS1, "deadline: 2030-09-01", f"deadline: {typed}")
    assert_error(errors(run, data), WS1, line_of(data, WS1, typed), f"write it as {fix}")


def test_one_impossible_date_does_not_hide_the_files_other_errors(run: Run, data: Path) -> None:
    edit(data / WS1, "deadline: 2030-09-01", "deadline: 2026-09-31")
    edit(data / WS1, "status: gestart", "status: gestrat")
    lines = errors(run, data)
    assert_error(lines, WS1, line_of(data, WS1, "2026-09-31"), "september has 30 days")
    assert_error(lines, WS1, line_of(data, WS1, "gestrat"), "unknown status 'gestrat'")
    assert sum("2026-09-31" in line for line in lines) == 1


def test_duplicate_werkstroom_number_across_files(run: Run, data: Path) -> None:
    edit(data / "werkstromen/02-commissies.yaml", "nummer: 2\n", "nummer: 1\n")
    text = assert_error(
        errors(run, data), "werkstromen/02-commissies.yaml", 1, "werkstroom 1 is defined twice"
    )
    assert f"{WS1}:1" in text


def test_duplicate_opdracht_number_across_files(run: Run, data: Path) -> None:
    edit(data / "werkstromen/02-commissies.yaml", '"2.1"', '"1.2"')
    assert_error(
        errors(run, data), "werkstromen/02-commissies.yaml", 4, "opdracht 1.2 is defined twice"
    )


def test_duplicate_actie_number(run: Run, data: Path) -> None:
    edit(data / "acties/010-toekomst.yaml", "nummer: 10", "nummer: 2")
    assert_error(errors(run, data), "acties/010-toekomst.yaml", 1, "actie 2 is defined twice")


def test_file_name_number_disagrees_is_a_warning(run: Run, data: Path) -> None:
    (data / "acties/010-toekomst.yaml").rename(data / "acties/011-toekomst.yaml")
    result = run("check", "--data", data)
    assert result.exit_code == 0
    assert (
        "acties/011-toekomst.yaml:1:9: warning: the file name should start with its nummer 10"
        in result.output
    )
    assert run("check", "--data", data, "--strict").exit_code == 1


def test_unknown_person_id(run: Run, data: Path) -> None:
    edit(data / WS1, "trekker: p-zijlstra", "trekker: p-zylstra")
    assert_error(
        errors(run, data), WS1, line_of(data, WS1, "p-zylstra"),
        "unknown persoon 'p-zylstra'", "did you mean 'p-zijlstra'", "organisatie.yaml",
    )  # fmt: skip


def test_trekker_must_be_a_person_id(run: Run, data: Path) -> None:
    edit(data / WS1, "trekker: p-abma", "trekker: Jan de Vries")
    assert_error(errors(run, data), WS1, 4, "'Jan de Vries' is not a person id")


def test_python_tag_is_refused(run: Run, data: Path) -> None:
    edit(data / WS1, "kernwoord: klantreis", "kernwoord: !!python/object/apply:os.system [echo hi]")
    assert_error(errors(run, data), WS1, 3, "tag !!python/object/apply:os.system is not allowed")


def test_alias_bomb_is_refused_quickly(run: Run, data: Path) -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i, name in enumerate("bcdefghi"):
        prev = "abcdefghi"[i]
        lines.append(f"{name}: &{name} [{','.join(['*' + prev] * 9)}]")
    (data / WS1).write_text("\n".join(lines) + "\n", encoding="utf-8")
    start = time.perf_counter()
    assert_error(errors(run, data), WS1, 1, "anchors (&) and aliases (*) are not supported")
    assert time.perf_counter() - start < 2


def test_deep_nesting_is_refused_not_crashed(run: Run, data: Path) -> None:
    # Who refuses it first (PyYAML 6.0.4's own depth limit, or ours) is not the point: the file
    # is refused at its line, without a traceback and quickly.
    (data / WS1).write_text("a: " + "[" * 200_000 + "]" * 200_000 + "\n", encoding="utf-8")
    start = time.perf_counter()
    assert_error(errors(run, data), WS1, 1)
    assert time.perf_counter() - start < 5


def test_all_errors_of_all_files_in_one_run(run: Run, data: Path) -> None:
    edit(data / WS1, "status: gestart", "status: bezig")
    edit(data / "acties/002-schulden.yaml", "status: afgerond", "status: klaar")
    (data / "acties/010-toekomst.yaml").write_text("", encoding="utf-8")
    files = {line.split(": error: ")[0].rsplit(":", 2)[0] for line in errors(run, data)}
    assert files == {
        str(data / WS1),
        str(data / "acties/002-schulden.yaml"),
        str(data / "acties/010-toekomst.yaml"),
    }


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("a: [1\n", "YAML syntax error"),
        ("---\na: 1\n---\nb: 2\n", "a second YAML document"),
        ("just text\n", "holds a single value"),
        ("a: \x07\n", "control characters are not allowed"),
    ],
)
def test_other_unreadable_files(run: Run, data: Path, text: str, fragment: str) -> None:
    (data / WS1).write_text(text, encoding="utf-8")
    assert any(fragment in line and WS1 in line for line in errors(run, data))


def test_misspelt_required_key_is_one_error(run: Run, data: Path) -> None:
    edit(data / "acties/002-schulden.yaml", "omschrijving:", "omschrijvng:")
    lines = errors(run, data)
    assert len(lines) == 1
    assert_error(
        lines, "acties/002-schulden.yaml", 3, "unknown key 'omschrijvng'", "'omschrijving'"
    )


def test_numbers_typed_without_quotes_keep_their_text(run: Run, data: Path, tmp_path: Path) -> None:
    """YAML reads ``2.10`` as the number 2.1 and ``010`` as 8; libyaml marks such plain scalars
    with style '' where the Python parser gives None, and statusgen must hear both."""
    ws2 = "werkstromen/02-commissies.yaml"
    edit(data / ws2, '- nummer: "2.1"', "- nummer: 2.10")
    edit(data / ws2, "nummer: 2\n", "nummer: 010\n")
    result = run("check", "--data", data)
    assert result.exit_code == 0, result.output
    # 010 is ten, not eight, so the file name 02-... no longer agrees with it
    assert f"{ws2}:1:9: warning: the file name should start with its nummer 10" in result.output
    out = tmp_path / "out"
    assert run("deck", "--data", data, "--output", out).exit_code == 0
    (deck,) = out.glob("*.pptx")
    text = deck_text(deck)
    assert "2.10" in text
    assert "2.1 " not in text.replace("2.10", "")


def test_a_person_id_typed_in_a_text_is_a_warning(run: Run, data: Path) -> None:
    edit(data / WS1, "    toelichting: |\n", "    toelichting: |\n      Actiehouder: p-abma.\n")
    result = run("check", "--data", data)
    assert result.exit_code == 0, result.output
    line = line_of(data, WS1, "Actiehouder: p-abma.")
    assert (
        f"{WS1}:{line}:20: warning: 'p-abma' is a person id in a text: it is printed as typed"
        in result.output
    )


def test_html_and_markdown_that_print_as_typed_are_warnings(run: Run, data: Path) -> None:
    """An editor pasting HTML, or writing bold in a title, gets told it will print as typed."""
    edit(data / WS1, "titel: Klantreis doorontwikkelen", "titel: Klantreis **vóór** 1 sept")
    edit(data / WS1, "      Loopt volgens plan.\n", "      Loopt <b>volgens</b> plan.\n")
    result = run("check", "--data", data)
    assert result.exit_code == 0, result.output
    titel = line_of(data, WS1, "Klantreis **vóór**")
    toelichting = line_of(data, WS1, "Loopt <b>")
    assert (
        f"{WS1}:{titel}:22: warning: '**vóór**' is printed as typed: this field is plain text, "
        "not Markdown [opdrachten[0].titel]" in result.output
    )
    assert (
        f"{WS1}:{toelichting}:13: warning: '<b>' is not read as HTML: it is printed as typed; "
        "use **bold**, *italic* or a list [opdrachten[0].toelichting]" in result.output
    )
    assert run("check", "--data", data, "--strict").exit_code == 1


def test_a_link_markdown_refuses_and_a_footnote_in_plain_text_are_warnings(
    run: Run, data: Path
) -> None:
    edit(data / WS1, "      Loopt volgens plan.\n", "      Zie [x](javascript:alert(1)).\n")
    edit(data / WS1, "titel: Klantreis doorontwikkelen", "titel: Klantreis[^1]")
    result = run("check", "--data", data)
    assert result.exit_code == 0, result.output
    line = line_of(data, WS1, "Zie [x]")
    assert (
        f"{WS1}:{line}:11: warning: '[x](javascript:alert(1))' is printed as typed: the "
        "documents hold links to http, https and mailto addresses only" in result.output
    )
    line = line_of(data, WS1, "Klantreis[^1]")
    assert (
        f"{WS1}:{line}:21: warning: '[^1]' is printed as typed: this field is plain text"
        in result.output
    )


def test_a_table_in_a_workstream_toelichting_is_a_warning(run: Run, data: Path) -> None:
    table = "      | Stap | Klaar |\n      |---|---|\n      | 1 | ja |\n"
    edit(data / WS1, "      Loopt volgens plan.\n", "      Loopt volgens plan.\n\n" + table)
    result = run("check", "--data", data)
    assert result.exit_code == 0, result.output
    assert "warning: a Markdown table in a toelichting: the deck shows it inside a table cell" in (
        result.output
    )
