"""What the CLI tells a user along the way is true and can be followed as written."""

from __future__ import annotations

import re
import shlex
import shutil
from pathlib import Path

from tests.conftest import DEMO, Run


def _demo(tmp_path: Path) -> Path:
    data = tmp_path / "status"
    shutil.copytree(DEMO, data)
    return data


def test_the_warnings_hint_names_a_check_that_finds_as_many(run: Run, tmp_path: Path) -> None:
    """vergadering measures against its date; the hinted check must too (it measured against
    today, and found three times as many)."""
    data = _demo(tmp_path)
    result = run("vergadering", "2020-08-20", "--data", data, "--output", tmp_path / "out")
    assert result.exit_code == 0, result.output
    hint = re.search(
        r"the data has (\d+) warnings?; statusgen (check [^\n]*) lists them", result.output
    )
    assert hint, result.output
    args = shlex.split(hint[2])
    assert "--peildatum" in args
    checked = run(*args)
    found = re.search(r"(\d+) warnings? in", checked.output)
    assert found and found[1] == hint[1], checked.output[-300:]


def test_check_quotes_the_dutch_word_of_a_part_of_the_month(run: Run, tmp_path: Path) -> None:
    data = _demo(tmp_path)
    result = run("check", "--data", data, "--peildatum", "2020-08-20")
    lines = [line for line in result.output.splitlines() if "of the month (days" in line]
    assert lines
    for line in lines:
        assert re.search(r"read as '(begin|half|eind|medio|midden)[^']*' of the month", line), line


def test_vergadering_says_why_there_is_no_besluitenlijst(run: Run, tmp_path: Path) -> None:
    data = _demo(tmp_path)
    out = tmp_path / "out"
    result = run("vergadering", "2020-08-17", "--data", data, "--output", out)
    assert result.exit_code == 0, result.output
    assert not list(out.glob("besluitenlijst-*"))
    assert re.search(r"no besluitenlijst.*2020-08-17", result.output)
