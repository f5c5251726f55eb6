"""The Woo audit: probable personal names in free text that organisatie.yaml does not account
for, reported by `check --openbaar` with file, line and column, and by every public build,
which refuses with --strict until they are resolved.

Tests that run deduce skip when it is not installed, except on CI (CI=true), where the test
extra installs it and they must run. The tests of what happens without deduce simulate its
absence and run everywhere.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.publish import detector
from tests.conftest import DEMO, Run
from tests.test_review import git
from tests.yamledit import edit, read_yaml, write_yaml

ROOT = Path(__file__).parent.parent
MESSAGE = "warning: possible personal name not in the registry: '{}'"
INSTALL = "pip install 'statusgen[woo]'"

#: (file, text planted, the name the audit reports): one per kind of free text
PLANTED = [
    # a literal block (|) of Markdown in a werkstroom
    ("werkstromen/01-klantreis.yaml", "Overleg met mevrouw Dijkgraaf (DJZ) is gepland.",
     "mevrouw Dijkgraaf"),
    # a plain one-line scalar in an actie
    ("acties/002-schulden.yaml", "Karin Postma coördineert de schuldenaanpak", "Karin Postma"),
    # a meeting's Markdown, the name in emphasis
    ("vergaderingen/2030-09-05.yaml", "- Toelichting door de heer *J. Tromp*", "de heer J. Tromp"),
    # the Markdown file a meeting points to
    ("besluiten/terugkoppeling.md", "Voorzitter van het overleg: Gerrit Schokker.",
     "Gerrit Schokker"),
    # a risk's beheersmaatregelen
    ("risicos.yaml", "- Extra werving, met Sander Kuipers als aanspreekpunt", "Sander Kuipers"),
    # a communication item's text
    ("communicatie.yaml", "Brief aan ouders, ondertekend door Priya Ramautar", "Priya Ramautar"),
]  # fmt: skip


@pytest.fixture
def deduce() -> None:
    if not detector.available():
        if os.environ.get("CI") == "true":
            pytest.fail(f"deduce is not installed, and CI must run this test ({INSTALL})")
        pytest.skip(f"deduce is not installed ({INSTALL})")


@pytest.fixture
def names_data(data: Path) -> Path:
    """The small valid dataset with an unregistered name in six kinds of free text, a
    registered person and a public official named in the text, and a publiek list."""
    edit(
        data / "werkstromen" / "01-klantreis.yaml",
        "      Loopt volgens plan.\n",
        "      Loopt volgens plan.\n\n      Overleg met mevrouw Dijkgraaf (DJZ) is gepland.\n"
        "      Afgestemd met **F. Abma** en mevrouw Zijlstra.\n",
    )
    edit(
        data / "acties" / "002-schulden.yaml",
        "omschrijving: ",
        "omschrijving: Karin Postma coördineert de schuldenaanpak. ",
    )
    edit(
        data / "vergaderingen" / "2030-09-05.yaml",
        "          - **Besluit** gevraagd\n",
        "          - **Besluit** gevraagd\n          - Toelichting door de heer *J. Tromp*\n"
        "          - Staatssecretaris Van Ravensteijn informeert de Kamer\n",
    )
    with (data / "besluiten" / "terugkoppeling.md").open("a", encoding="utf-8") as md:
        md.write("\nVoorzitter van het overleg: Gerrit Schokker.\n")
    edit(
        data / "risicos.yaml",
        "      - Extra werving\n",
        "      - Extra werving\n      - Extra werving, met Sander Kuipers als aanspreekpunt\n",
    )
    edit(
        data / "communicatie.yaml",
        "tekst: Brief aan ouders over de planning",
        "tekst: Brief aan ouders, ondertekend door Priya Ramautar",
    )
    with (data / "organisatie.yaml").open("a", encoding="utf-8") as org:
        org.write("publiek:\n  - naam: E. van Ravensteijn\n    rol: staatssecretaris\n")
    return data


def where(file: Path, text: str) -> tuple[int, int]:
    """The line and column of ``text`` in ``file``, found independently of the audit."""
    for number, line in enumerate(file.read_text(encoding="utf-8").splitlines(), start=1):
        if text in line:
            return number, line.index(text) + 1
    raise AssertionError(f"{text!r} is not in {file}")


def reported(output: str) -> list[str]:
    """The audit's lines, with the data folder's path and the [path] suffix taken off."""
    found = []
    for line in output.splitlines():
        if ": warning: possible personal name not in the registry: " in line:
            line = re.sub(r"^.*?status/", "", line)
            found.append(re.sub(r" \[[\w\[\].]*\]$", "", line))
    return found


@pytest.mark.usefixtures("deduce")
def test_names_in_free_text_are_reported_with_file_line_and_column(
    run: Run, names_data: Path
) -> None:
    result = run("check", "--data", names_data, "--openbaar")
    assert result.exit_code == 0, result.output
    lines = reported(result.output)
    assert sorted(lines) == sorted(_exact(names_data)), result.output
    # the registry's people and the listed public official are not reported
    for name in ("Abma", "Zijlstra", "Ravensteijn"):
        assert name not in "\n".join(lines)
    assert "OK: 0 errors, 6 warnings" in result.output
    assert "6 possible personal name(s) not in the registry: add each person" in result.output


def _exact(data: Path) -> list[str]:
    """The expected lines: the column is the name's own, where the audit can compute it."""
    lines = []
    for relative, text, name in PLANTED:
        line, column = where(data / relative, text)
        first = name.split()[0]
        offset = text.index(first) if first in text else text.index(name.split()[-1])
        if relative.startswith("verg"):
            offset = text.index("de heer")
        lines.append(f"{relative}:{line}:{column + offset}: {MESSAGE.format(name)}")
    return lines


@pytest.mark.usefixtures("deduce")
def test_the_place_of_a_name_in_every_style_of_yaml_value(run: Run, data: Path) -> None:
    """yaml.safe_dump and editors wrap long values: plain over several lines, folded, quoted
    with escapes. The line and column are the name's own all the same."""
    actie = data / "acties" / "010-toekomst.yaml"
    actie.write_text(
        "nummer: 10\n"
        "sectie: Toekomst toeslagen\n"
        "omschrijving: De regeling wordt uitgewerkt\n"
        "  in overleg met de gemeenten en met\n"
        "  Karin Postma van de VNG.\n"
        "status: nog_niet_gestart\n"
        'stand_van_zaken: "Het concept is \\\n'
        '  \\ klaar.\\nDe heer J. Tromp\\ (SZW) leest mee."\n'
        "moties:\n"
        "  - >\n"
        "    Motie over de uitvoering,\n"
        "    toegelicht door Els Mulder\n",
        encoding="utf-8",
    )
    result = run("check", "--data", data, "--openbaar")
    assert result.exit_code == 0, result.output
    for name in ("Karin Postma", "De heer J. Tromp", "Els Mulder"):
        line, column = where(actie, name)
        assert f"acties/010-toekomst.yaml:{line}:{column}: {MESSAGE.format(name)}" in result.output


@pytest.mark.usefixtures("deduce")
def test_strict_fails_until_every_finding_is_resolved(run: Run, names_data: Path) -> None:
    result = run("check", "--data", names_data, "--openbaar", "--strict")
    assert result.exit_code == 1
    assert "FAILED: 0 errors, 6 warnings" in result.output
    _resolve(names_data)
    result = run("check", "--data", names_data, "--openbaar", "--strict")
    assert result.exit_code == 0, result.output
    assert reported(result.output) == []


def _resolve(data: Path) -> None:
    """Each finding resolved in one of the three ways: registry, publiek, geen_namen."""
    org = data / "organisatie.yaml"
    document = read_yaml(org)
    document["personen"] += [
        {"id": "p-dijkgraaf", "naam": "L. Dijkgraaf"},
        {"id": "p-postma", "naam": "Karin Postma"},
        {"id": "p-tromp", "naam": "J. Tromp"},
        {"id": "p-kuipers", "naam": "S. Kuipers"},
        {"id": "p-ramautar", "naam": "P. Ramautar"},
    ]
    document["publiek"].append({"naam": "G. Schokker", "rol": "voorzitter van de VNG"})
    write_yaml(org, document)


@pytest.mark.usefixtures("deduce")
def test_geen_namen_marks_a_phrase_in_one_file_or_everywhere(run: Run, data: Path) -> None:
    for relative in ("acties/001-compensatie.yaml", "acties/002-schulden.yaml"):
        edit(data / relative, "omschrijving: ", "omschrijving: Storm van aanvragen. ")
    result = run("check", "--data", data, "--openbaar")
    assert len(reported(result.output)) == 2, result.output
    with (data / "organisatie.yaml").open("a", encoding="utf-8") as org:
        org.write(
            "geen_namen:\n"
            "  - tekst: Storm\n"
            "    bestand: acties/001-*.yaml\n"
            "    reden: het woord, aan het begin van een zin\n"
            "  - tekst: Wolkenkrabber\n"
        )
    result = run("check", "--data", data, "--openbaar")
    lines = reported(result.output)
    assert len(lines) == 1 and lines[0].startswith("acties/002-schulden.yaml:"), result.output
    # an entry that matches nothing is said, so that the list does not collect stale entries
    assert "geen_namen 'Wolkenkrabber' matches none of the possible names" in result.output


@pytest.mark.usefixtures("deduce")
def test_a_public_build_warns_and_refuses_with_strict_until_resolved(
    names_data: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    runner = CliRunner()

    def run(*args: object) -> tuple[int, str, str]:
        result = runner.invoke(main, [str(a) for a in args], catch_exceptions=False)
        return result.exit_code, result.stdout, result.stderr

    code, stdout, stderr = run("actions", "--data", names_data, "--output", out, "--format",
                               "md", "--openbaar")  # fmt: skip
    assert code == 0, stderr
    assert sorted(reported(stderr)) == sorted(_exact(names_data))
    assert "6 possible personal name(s) not in the registry are published" in stderr
    assert "wrote" in stdout and (out / "actietabel-openbaar.md").is_file()
    (out / "actietabel-openbaar.md").unlink()

    for command in (("actions", "--output", out, "--format", "md"), ("deadlines",),
                    ("planning", "--output", out, "--format", "csv")):  # fmt: skip
        code, stdout, stderr = run(*command, "--data", names_data, "--openbaar", "--strict")
        assert code == 1, (command, stdout, stderr)
        assert "the public version was not written" in stderr
        assert stdout == ""
        assert len(reported(stderr)) == 6
    assert list(out.iterdir()) == []

    _resolve(names_data)
    code, stdout, stderr = run("deadlines", "--data", names_data, "--openbaar", "--strict",
                               "--peildatum", "2030-09-01")  # fmt: skip
    assert code == 0, stderr
    assert "Persoonsgegevens" in stdout
    # deduce's own logging set-up (to standard output) does not reach the output
    assert "INFO" not in stdout and "DEBUG" not in stdout
    code, stdout, stderr = run("actions", "--data", names_data, "--output", out, "--format",
                               "md", "--openbaar", "--strict")  # fmt: skip
    assert code == 0, stderr
    text = (out / "actietabel-openbaar.md").read_text(encoding="utf-8")
    assert "Postma" not in text and "Persoonsgegevens coördineert" in text


@pytest.mark.usefixtures("deduce")
def test_diff_audits_the_base_version_too(data: Path) -> None:
    """A name removed since the base is struck through in the diff: it is reported too, named
    after the version it is in."""
    root = data.parent
    edit(
        data / "acties" / "001-compensatie.yaml", "omschrijving: ", "omschrijving: Met Els Mulder, "
    )
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "basis")
    edit(data / "acties" / "001-compensatie.yaml", "Met Els Mulder, ", "")
    result = CliRunner().invoke(main, ["diff", "main", "--data", str(data), "--openbaar"])
    assert result.exit_code == 0, result.output
    assert re.search(
        r"^main:acties/001-compensatie\.yaml:4:\d+: warning: possible personal name not in "
        r"the registry: 'Els Mulder'",
        result.stderr,
        re.MULTILINE,
    ), result.stderr
    result = CliRunner().invoke(main, ["diff", "main", "--data", str(data), "--openbaar",
                                       "--strict"])  # fmt: skip
    assert result.exit_code == 1 and result.stdout == ""
    # resolved in the current version: that holds for the base version's text too
    with (data / "organisatie.yaml").open("a", encoding="utf-8") as org:
        org.write("publiek:\n  - naam: E. Mulder\n    rol: lid van de Tweede Kamer\n")
    result = CliRunner().invoke(main, ["diff", "main", "--data", str(data), "--openbaar",
                                       "--strict"])  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "Els Mulder" in result.stdout


@pytest.mark.usefixtures("deduce")
def test_the_demo_data_accounts_for_every_name(run: Run) -> None:
    result = run("check", "--data", DEMO, "--openbaar", "--strict", "--peildatum", "2020-08-17")
    assert reported(result.output) == [], result.output


@pytest.mark.usefixtures("deduce")
def test_the_first_build_says_why_it_is_slow_and_where_it_is_kept(
    run: Run, data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(detector, "_loaded", None)
    monkeypatch.setenv("STATUSGEN_CACHE", str(tmp_path / "cache"))
    result = run("check", "--data", data, "--openbaar")
    assert result.exit_code == 0
    assert "first use of the Woo audit: deduce is building its lookup structures" in result.stderr
    assert f"kept in {tmp_path / 'cache'}" in result.stderr
    assert re.search(r"lookup structures built in \d+\.\d s", result.stderr)
    assert list((tmp_path / "cache").glob("deduce-*/cache/lookup_structs.pickle"))

    # the next process loads them: nothing is built, nothing is said
    monkeypatch.setattr(detector, "_loaded", None)
    result = run("check", "--data", data, "--openbaar")
    assert result.exit_code == 0 and "building" not in result.stderr

    # a cache folder that cannot be written: built for this run only, and said so
    (tmp_path / "file").write_text("", encoding="utf-8")
    monkeypatch.setattr(detector, "_loaded", None)
    monkeypatch.setenv("STATUSGEN_CACHE", str(tmp_path / "file" / "cache"))
    result = run("check", "--data", data, "--openbaar")
    assert result.exit_code == 0
    assert "not kept" in result.stderr


@pytest.fixture
def without_deduce(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """deduce as if it were not installed: importing it fails, and it cannot be found."""
    monkeypatch.setitem(sys.modules, "deduce", None)
    monkeypatch.setattr(detector, "_loaded", None)
    yield


@pytest.mark.usefixtures("without_deduce")
def test_check_openbaar_without_deduce_says_how_to_install_it(run: Run, data: Path) -> None:
    assert detector.available() is False
    result = run("check", "--data", data, "--openbaar")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.strip().splitlines() == [
        f"Error: the Woo audit needs deduce, an optional dependency: {INSTALL}"
    ]
    # check without --openbaar does not need it
    assert run("check", "--data", data).exit_code == 0


@pytest.mark.usefixtures("without_deduce")
def test_public_builds_without_deduce_say_so_once_and_go_on(
    run: Run, data: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    result = run("actions", "--data", data, "--output", out, "--format", "md,html",
                 "--openbaar")  # fmt: skip
    assert result.exit_code == 0, result.output
    assert (
        result.stderr.count("the Woo audit (names that are not in the registry) was skipped") == 1
    )
    assert INSTALL in result.stderr
    assert sorted(p.name for p in out.iterdir()) == [
        "actietabel-openbaar.html", "actietabel-openbaar.md"
    ]  # fmt: skip
    # --strict asks for an audit that cannot run: refused, with the same hint
    result = run("deadlines", "--data", data, "--openbaar", "--strict")
    assert result.exit_code == 2 and INSTALL in result.stderr and result.stdout == ""


def test_only_the_detector_imports_deduce() -> None:
    importing = [
        path.relative_to(ROOT).as_posix()
        for path in sorted((ROOT / "generator").rglob("*.py"))
        if re.search(r"^\s*(import deduce|from deduce)", path.read_text(encoding="utf-8"), re.M)
    ]
    assert importing == ["generator/publish/detector.py"]


def test_commands_without_openbaar_do_not_import_deduce(tmp_path: Path) -> None:
    commands = [
        ["check", "--data", str(DEMO)],
        ["deck", "--data", str(DEMO), "--output", str(tmp_path)],
        ["actions", "--data", str(DEMO), "--output", str(tmp_path), "--format", "md"],
        ["planning", "--data", str(DEMO), "--output", str(tmp_path), "--format", "csv"],
        ["deadlines", "--data", str(DEMO)],
        ["report", "vgr-2021-1", "--data", str(DEMO), "--output", str(tmp_path), "--format",
         "html"],
        ["schema", "--output", str(tmp_path / "schemas")],
    ]  # fmt: skip
    code = "\n".join(
        [
            "import sys",
            "from generator.cli import main",
            f"for args in {commands!r}:",
            "    try:",
            "        main(args)",
            "    except SystemExit as exit:",
            "        assert not exit.code, (args, exit.code)",
            "print('deduce' in sys.modules, 'docdeid' in sys.modules)",
        ]
    )
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False, cwd=tmp_path
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip().splitlines()[-1] == "False False"


@pytest.mark.usefixtures("deduce")
def test_the_labelled_sentences(tmp_path: Path) -> None:
    """The measurement the documentation states (bench/woo_audit.py): every public official and
    registered person is left alone, and recall stays where it was measured."""
    proc = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "woo_audit.py"), "--no-timing"],
        capture_output=True, text=True, check=False, cwd=tmp_path,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    recall = re.search(r"recall: (\d+)/(\d+)", proc.stdout)
    assert recall is not None, proc.stdout
    assert int(recall[2]) >= 30 and int(recall[1]) >= int(recall[2]) - 2, proc.stdout
    assert "public officials reported: 0 of" in proc.stdout
    assert "registered people reported: 0 of" in proc.stdout
