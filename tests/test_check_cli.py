"""`statusgen check`: warnings, --strict, output formats, exit codes, the demo data."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.conftest import DEMO, Run
from tests.yamledit import edit

WS1 = "werkstromen/01-klantreis.yaml"


def test_valid_fixture_is_clean(run: Run, data: Path) -> None:
    result = run("check", "--data", data, "--strict")
    assert result.exit_code == 0, result.output
    assert "0 errors, 0 warnings" in result.output


def test_demo_data_is_valid(run: Run) -> None:
    result = run("check", "--data", DEMO)
    assert result.exit_code == 0, result.output
    assert " 0 errors" in result.output


def test_overdue_hoofdactie_is_a_warning(run: Run, data: Path) -> None:
    result = run("check", "--data", data, "--peildatum", "2030-09-02")
    assert result.exit_code == 0
    assert (
        f"{WS1}:15:19: warning: hoofdactie 'Missie vastleggen' of opdracht 1.1 is overdue"
        in result.output
    )
    # afgeronde hoofdacties and doorlopend deadlines are never overdue
    assert "Taakopdracht opleveren" not in result.output
    assert "1.2 is overdue" not in result.output
    assert run("check", "--data", data, "--peildatum", "2030-09-02", "--strict").exit_code == 1


def test_peildatum_defaults_to_today(run: Run, data: Path) -> None:
    edit(data / WS1, "deadline: 2030-09-01", "deadline: 2001-01-01")
    assert "is overdue: due 2001-01-01" in run("check", "--data", data).output


def test_ntb_deadline_is_a_warning(run: Run, data: Path) -> None:
    edit(data / WS1, "deadline: 2030-10\n", "deadline: ntb\n")
    result = run("check", "--data", data)
    assert result.exit_code == 0
    assert (
        f"{WS1}:20:19: warning: the deadline of hoofdactie 'Training ontwikkelen'" in result.output
    )


def test_afgeronde_opdracht_with_open_hoofdactie_is_a_warning(run: Run, data: Path) -> None:
    name = "werkstromen/02-commissies.yaml"
    edit(
        data / name,
        "        status: afgerond\n      - titel: Werkproces",
        "        status: gestart\n      - titel: Werkproces",
    )
    result = run("check", "--data", data)
    assert result.exit_code == 0
    assert (
        f"{name}:10:17: warning: opdracht 2.1 is afgerond, but its hoofdactie "
        "'Taakopdracht opleveren' is gestart" in result.output
    )


def test_ignored_files_are_reported(run: Run, data: Path) -> None:
    (data / "werkstromen/03-nieuw.yml").write_text("nummer: 3\n", encoding="utf-8")
    result = run("check", "--data", data)
    assert "03-nieuw.yml:1:1: warning: ignored: statusgen reads .yaml files" in result.output


def test_github_format(run: Run, data: Path) -> None:
    edit(data / WS1, "status: gestart", "status: bezig")
    result = run("check", "--data", data, "--format", "github")
    assert result.exit_code == 1
    line = next(x for x in result.output.splitlines() if x.startswith("::error "))
    assert (
        "01-klantreis.yaml,line=10,col=13,title=statusgen::status: unknown status 'bezig'" in line
    )


def test_json_format(run: Run, data: Path) -> None:
    edit(data / WS1, "status: gestart", "status: bezig")
    result = run("check", "--data", data, "--format", "json")
    assert result.exit_code == 1
    document = json.loads(result.stdout)
    assert document["ok"] is False and document["errors"] == 1
    (diagnostic,) = document["diagnostics"]
    assert diagnostic["line"] == 10 and diagnostic["column"] == 13
    assert diagnostic["path"] == "opdrachten[0].status"
    assert diagnostic["file"].endswith(WS1)


def test_usage_error_exits_2(run: Run, tmp_path: Path) -> None:
    assert run("check", "--data", tmp_path / "missing").exit_code == 2
    assert run("check", "--format", "xml").exit_code == 2
    assert run("check", "--peildatum", "gisteren").exit_code == 2


def test_data_folder_from_environment(data: Path) -> None:
    from click.testing import CliRunner

    from generator.cli import main

    result = CliRunner(env={"STATUSGEN_DATA": str(data)}).invoke(main, ["check"])
    assert result.exit_code == 0 and str(data) in result.output


def test_missing_organisatie(run: Run, data: Path) -> None:
    (data / "organisatie.yaml").unlink()
    result = run("check", "--data", data)
    assert result.exit_code == 1
    assert "organisatie.yaml:1:1: error: organisatie.yaml is missing" in result.output


def test_python_m_generator_without_traceback(data: Path) -> None:
    (data / WS1).write_text("nummer: [\n", encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "generator", "check", "--data", str(data)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert proc.returncode == 1
    assert "Traceback" not in proc.stdout + proc.stderr
    assert f"{WS1}:2:1: error: YAML syntax error" in proc.stderr and proc.stdout == ""


def test_check_does_not_import_renderers() -> None:
    """``check`` loads what reading and judging the data needs, no writer's library (each
    costs tens of milliseconds at every start; docs/performance-start.md)."""
    heavy = ("pptx", "typst", "docx", "openpyxl", "jinja2", "babel", "PIL", "lxml", "xlsxwriter")
    heavy += ("deduce", "docdeid", "pyphen", "icalendar", "nh3", "markdown_it", "pypdf")
    code = "\n".join(
        [
            "import sys",
            "from generator.cli import main",
            "try:",
            f"    main(['check', '--data', {str(DEMO)!r}])",
            "except SystemExit:",
            "    pass",
            f"print([m for m in {heavy!r} if m in sys.modules])",
        ]
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert proc.stdout.strip().endswith("[]")


def test_the_command_line_starts_without_the_models() -> None:
    """``statusgen --help`` and the command list read the format tables for their help, but
    import neither a command, the models (pydantic) nor a writer: a format table names its
    writers, it does not import them."""
    code = "import sys, generator.cli; print(sorted(m for m in sys.modules if m in HEAVY))"
    heavy = ("pydantic", "yaml", "pptx", "typst", "docx", "openpyxl", "jinja2", "babel", "lxml")
    proc = subprocess.run(
        [sys.executable, "-c", code.replace("HEAVY", repr(heavy))],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert proc.stdout.strip() == "[]"


def test_every_command_and_option_has_help(run: Run) -> None:
    from generator.cli import COMMANDS, main

    for name in COMMANDS:
        command = main.get_command(None, name)  # type: ignore[arg-type]
        assert command is not None and command.help, name
        for param in command.params:
            if param.param_type_name == "option":
                assert param.help, f"{name} {param.name}"  # type: ignore[attr-defined]
        assert run(name, "--help").exit_code == 0


def test_errors_come_first_then_warnings_counted_apart(run: Run, data: Path) -> None:
    """An editor's two errors must not drown among the warnings: they come first, and the
    summary counts the two apart."""
    edit(data / "werkstromen/02-commissies.yaml", "status: afgerond", "status: klaar")
    (data / "werkstromen/03-nieuw.yml").write_text("nummer: 3\n", encoding="utf-8")
    result = run("check", "--data", data, "--peildatum", "2030-12-31")
    assert result.exit_code == 1
    lines = [x for x in result.stderr.splitlines() if ": error: " in x or ": warning: " in x]
    kinds = ["error" if ": error: " in x else "warning" for x in lines]
    assert kinds.count("error") == 1 and kinds.count("warning") >= 2, lines
    assert kinds == sorted(kinds), lines  # every error before the first warning
    assert f"FAILED: 1 error, {kinds.count('warning')} warnings in " in result.stderr


def test_quiet_shows_errors_only(run: Run, data: Path) -> None:
    edit(data / "werkstromen/02-commissies.yaml", "status: afgerond", "status: klaar")
    result = run("check", "--data", data, "--peildatum", "2030-12-31", "--quiet")
    assert result.exit_code == 1
    assert ": error: " in result.stderr and ": warning: " not in result.stderr
    assert "FAILED: 1 error, " in result.stderr  # the summary still counts the warnings


def test_diagnostics_go_to_stderr_in_every_command(run: Run, data: Path, tmp_path: Path) -> None:
    """check and the commands that build documents say what is wrong on the same stream."""
    edit(data / WS1, "status: gestart", "status: bezig")
    for args in (("check",), ("deck", "--output", tmp_path), ("deadlines",)):
        result = run(*args, "--data", data)
        assert result.exit_code == 1, args
        assert f"{WS1}:10:13: error: status: unknown status 'bezig'" in result.stderr, args
        assert "error" not in result.stdout, args
