"""``statusgen new`` never writes a file that ``check`` refuses, and never a file name that
carries a registered name: whatever title ``new`` accepts, ``check`` accepts what it wrote."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from tests.conftest import FIXTURES, Run
from tests.test_hostile_input import clean

#: the registered people of the small dataset, and their ids
REGISTERED = ("abma", "zijlstra")
PEOPLE = st.sampled_from(["G. Zijlstra", "F. Abma", "p-abma", "ZIJLSTRA", "Abma-overleg"])
TITLES = st.one_of(
    st.text(min_size=0, max_size=60),
    st.text(st.characters(codec="utf-8"), min_size=1, max_size=300),
    st.builds(lambda w, n: f"Overleg {w} {n}", st.text(min_size=1, max_size=20), PEOPLE),
    st.builds(lambda c, n: c * n, st.characters(), st.integers(150, 5_000)),
)


def new_and_check(run: Run, kind: str, title: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "status"
        shutil.copytree(FIXTURES / "valid", data)
        before = set(data.rglob("*"))
        result = run("new", kind, "--titel", title, "--data", data)
        text = clean(result)
        written = set(data.rglob("*")) - before
        if result.exit_code != 0:
            assert result.exit_code == 2, text
            assert written == set(), written
            return
        # the new file, and its kind's schema the first time
        assert [p for p in written if p.suffix == ".yaml"], written
        for path in written:
            name = path.name.casefold()
            assert not [surname for surname in REGISTERED if surname in name], name
        checked = run("check", "--data", data)
        assert checked.exit_code == 0, f"{title!r}: {checked.output}"


@pytest.mark.parametrize("kind", ["werkstroom", "actie"])
@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(title=TITLES)
@example(title="")
@example(title="   ")
@example(title="x" * 5_000)
@example(title="Kort \x1b[31m rood")
@example(title="Overleg met G. Zijlstra over F. Abma")
@example(title="Overleg\u202e omgekeerd")
@example(title="# Kop")
def test_whatever_new_accepts_check_accepts(run: Run, kind: str, title: str) -> None:
    new_and_check(run, kind, title)


@pytest.mark.parametrize("title", ["", "  ", "a" * 5_000, "Kort \x1b rood", "Titel\x00met nul"])
def test_new_refuses_what_check_would(run: Run, data: Path, title: str) -> None:
    before = sorted(data.rglob("*"))
    result = run("new", "werkstroom", "--titel", title, "--data", data)
    assert result.exit_code == 2, clean(result)
    assert sorted(data.rglob("*")) == before


def test_the_file_name_leaves_out_registered_names(run: Run, data: Path) -> None:
    result = run("new", "actie", "--titel", "Overleg met G. Zijlstra en p-abma", "--data", data)
    assert result.exit_code == 0, clean(result)
    [path] = [p for p in (data / "acties").iterdir() if p.name.startswith("011")]
    assert path.name == "011-overleg-met-g-en-p.yaml"
    assert "Overleg met G. Zijlstra en p-abma" in path.read_text(encoding="utf-8")
