"""Review and history: ``diff`` between git versions, the deadline radar and its calendar, the
integral planning. (The pre-commit hook is tested as users install it, in test_release.)"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import pytest
from openpyxl import load_workbook

from tests.conftest import DEMO, Run
from tests.yamledit import edit, read_yaml

ROOT = Path(__file__).resolve().parents[1]


def git(repo: Path, *args: str, date: str = "2030-09-01") -> None:
    when = f"{date}T12:00:00"
    env = {**os.environ, "GIT_AUTHOR_NAME": "Redactie", "GIT_AUTHOR_EMAIL": "r@example.org",
           "GIT_COMMITTER_NAME": "Redactie", "GIT_COMMITTER_EMAIL": "r@example.org",
           "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when}  # fmt: skip
    subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, env=env)


@pytest.fixture
def repo(data: Path) -> Path:
    """main: the fixture data. Branch 'wijzigingen', in three commits: an invalid intermediate
    state; then statuses, a deadline slip, a new opdracht and hoofdactie, a rewritten
    toelichting; a renamed action file, a deleted action and a new state of affairs."""
    root = data.parent
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "basis")
    git(root, "checkout", "-q", "-b", "wijzigingen")
    ws = data / "werkstromen" / "01-klantreis.yaml"
    edit(ws, "status: gestart", "status: gestrat")
    git(root, "commit", "-qam", "tikfout")
    edit(ws, "status: gestrat", "status: zorgen")
    edit(ws, "deadline: 2030-09-01", "deadline: 2030-09-22")
    edit(ws, "Loopt volgens plan.", "Loopt vertraagd door ziekte in het team.")
    edit(
        ws,
        '  - nummer: "1.2"',
        '  - nummer: "1.3"\n    titel: Nieuwe opdracht\n    status: nog_niet_gestart\n'
        '  - nummer: "1.2"',
    )
    acties = data / "acties"
    (acties / "001-compensatie.yaml").rename(acties / "001-compensatie-ouders.yaml")
    (acties / "010-toekomst.yaml").unlink()
    edit(acties / "002-schulden.yaml", "Afgerond in het voorjaar.", "Afgerond in mei, na overleg.")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "nieuwe stand")
    return data


def test_diff_tells_what_a_reviewer_must_judge(run: Run, repo: Path) -> None:
    result = run("diff", "main", "wijzigingen", "--data", repo)
    assert result.exit_code == 0, result.output
    out = result.output
    assert out.startswith("## Wijzigingen in de statusdata (main → wijzigingen)")
    assert "**Opdracht 1.1**: status *Gestart en op schema* → *Zorgen over voortgang" in out
    assert "deadline 1 sept 2030 → 22 sept 2030 (+21 dagen, **verschoven naar later**)" in out
    assert "**Opdracht 1.3** toegevoegd: Nieuwe opdracht" in out
    assert "toelichting: Loopt ~~volgens plan.~~ **vertraagd door ziekte in het team.**" in out
    assert "**Actie 10** verwijderd" in out
    assert "Actie 1 " not in out  # renamed, not removed and added
    assert "stand van zaken: Afgerond in ~~het voorjaar.~~ **mei, na overleg.**" in out
    summary = out.splitlines()[2]
    assert "statuswijziging" in summary and "1 verschoven deadline (1 later)" in summary


def test_diff_reports_an_invalid_version_without_a_traceback(run: Run, repo: Path) -> None:
    result = run("diff", "main", "wijzigingen~1", "--data", repo, "--format", "json")
    assert result.exit_code == 0, result.output
    document = json.loads(result.output)
    assert document["counts"]["invalid"] == 1
    [problem] = document["invalid"]
    assert problem["side"] == "wijzigingen~1"
    assert problem["message"].startswith("werkstromen/01-klantreis.yaml:")
    assert "gestrat" in problem["message"]
    # the invalid workstream is not reported as removed
    assert not any(g["title"].startswith("Werkstroom 1 ") for g in document["groups"])


def test_diff_defaults_to_the_branch_point_and_the_working_tree(run: Run, repo: Path) -> None:
    edit(repo / "acties" / "002-schulden.yaml", "status: afgerond", "status: loopt")
    result = run("diff", "--data", repo)
    assert result.exit_code == 0, result.output
    assert "(main (" in result.output.splitlines()[0] and "→ werkkopie)" in result.output
    assert "**Actie 2**: status *Afgerond* → *Loopt*" in result.output


def test_diff_errors(run: Run, repo: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    result = run("diff", "v9", "--data", repo)
    assert result.exit_code == 2 and "'v9' is neither a git ref nor a date" in result.output
    elsewhere = tmp_path_factory.mktemp("los") / "status"
    shutil.copytree(repo, elsewhere)
    result = run("diff", "--data", elsewhere)
    assert result.exit_code == 2 and "is not in a git repository" in result.output


def test_diff_openbaar(run: Run, repo: Path) -> None:
    edit(
        repo / "werkstromen" / "01-klantreis.yaml",
        "Loopt vertraagd",
        "Volgens F. Abma loopt het vertraagd",
    )
    result = run("diff", "main", "--data", repo, "--openbaar")
    assert "Abma" not in result.output and "Persoonsgegevens" in result.output


def test_deadlines_per_trekker(run: Run) -> None:
    result = run("deadlines", "--data", DEMO, "--peildatum", "2020-08-17", "--binnen", "2w")
    assert result.exit_code == 0, result.output
    out = result.output
    assert "peildatum 17 augustus 2020" in out and "tot en met 31 augustus 2020" in out
    block = out[out.index("M. Oosterwijk") :]
    assert "VERLOPEN" in block and "1.2" in block
    md = run("deadlines", "--data", DEMO, "--peildatum", "2020-08-17", "--format", "md").output
    assert "## M. Oosterwijk" in md and "| **verlopen** | 1 aug 2020 | 1.2 |" in md
    public = run("deadlines", "--data", DEMO, "--peildatum", "2020-08-17", "--openbaar").output
    assert "Oosterwijk" not in public and "Persoonsgegevens" in public
    bad = run("deadlines", "--data", DEMO, "--binnen", "twee weken")
    assert bad.exit_code == 2 and "is not a period" in bad.output


def test_calendar_uids_are_the_same_in_every_run(tmp_path: Path) -> None:
    """Re-importing next week's calendar updates events instead of doubling them."""

    def uids(seed: str) -> list[str]:
        env = {**os.environ, "PYTHONHASHSEED": seed}
        args = ["-m", "generator", "deadlines", "--data", str(DEMO), "--format", "ics"]
        out = subprocess.run(
            [sys.executable, *args, "--peildatum", "2020-08-13", "--binnen", "30d"],
            env=env,
            capture_output=True,
            check=True,
            text=True,
        ).stdout
        return [str(e["UID"]) for e in icalendar.Calendar.from_ical(out).walk("VEVENT")]

    first = uids("1")
    assert any(uid.startswith("deadline-") for uid in first)
    assert first == uids("2")


def test_deadline_calendar(run: Run) -> None:
    result = run(
        "deadlines",
        "--data",
        DEMO,
        "--peildatum",
        "2020-08-13",
        "--binnen",
        "7d",
        "--format",
        "ics",
    )
    assert result.exit_code == 0
    calendar = icalendar.Calendar.from_ical(result.output.encode())
    events = list(calendar.walk("VEVENT"))
    summaries = {str(e["SUMMARY"]): e for e in events}
    amsterdam = ZoneInfo("Europe/Amsterdam")
    # the meetings of 17 and 20 August 2020, all day
    meetings = [e.decoded("DTSTART") for e in events if str(e["SUMMARY"]) == "SCT overleg"]
    assert sorted(meetings) == [dt.date(2020, 8, 17), dt.date(2020, 8, 20)]
    # Tuesday 18 August: input for Thursday's agenda, due 13.00 Amsterdam time
    tuesday = summaries[
        "Voor 13.00: informatie aanleveren voor de agenda van het SCT van donderdag"
    ]
    end = tuesday.decoded("DTEND")
    assert end == dt.datetime(2020, 8, 18, 13, 0, tzinfo=amsterdam)
    assert end.utcoffset() == dt.timedelta(hours=2)
    thursday = [e for e in events if str(e["SUMMARY"]).startswith("Voor 20.00")]
    assert [e.decoded("DTEND").date() for e in thursday] == [
        dt.date(2020, 8, 13),
        dt.date(2020, 8, 20),
    ]
    deadline = next(
        e for e in events if "Meldformulier op de website plaatsen" in str(e["SUMMARY"])
    )
    assert deadline.decoded("DTSTART") == dt.date(2020, 8, 18)
    assert "Trekker: K. Ramdin" in str(deadline["DESCRIPTION"])
    assert calendar.walk("VTIMEZONE")[0]["TZID"] == "Europe/Amsterdam"


def test_planning_xlsx_and_csv(run: Run, tmp_path: Path) -> None:
    result = run("planning", "--data", DEMO, "--output", tmp_path, "--peildatum", "2020-08-17")
    assert result.exit_code == 0, result.output
    sheet = load_workbook(tmp_path / "planning.xlsx").active
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref.startswith("A1:K")
    header = [c.value for c in sheet[1]]
    assert header[:5] == ["Werkstroom", "Werkstroomtitel", "Opdracht", "Soort", "Titel"]
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    opdrachten = sum(len(read_yaml(p)["opdrachten"]) for p in (DEMO / "werkstromen").glob("*.yaml"))
    assert sum(r[3] == "Opdracht" for r in rows) == opdrachten
    late = next(r for r in rows if r[4] == "Begrip integrale behandeling eenduidig vastleggen")
    assert late[5] == "M. Oosterwijk" and late[7].date() == dt.date(2020, 8, 1) and late[9] == "ja"

    result = run("planning", "--data", DEMO, "--output", tmp_path, "--format", "csv", "--openbaar")
    raw = (tmp_path / "planning-openbaar.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"Oosterwijk" not in raw
    table = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert table[0][0] == "Werkstroom" and len(table) == len(rows) + 1
