"""``statusgen serve`` in a real browser (issue #26): the page follows edits to the data without
being reloaded, shows a broken file's error with its line while the last good slide stays, and
shows the slide again once the file is fixed."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from click.testing import CliRunner
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from generator.cli import main
from tests.browser import chromium, need_browser, serving

DEMO = Path(__file__).resolve().parent.parent / "status"
WORKSTREAM = Path("werkstromen/01-klantreis.yaml")
OLD = "Integrale klantreis ontwerpen en doorvertalen naar kaders voor de uitvoering"
NEW = "Klantreis voor ouders herontwerpen"
#: the title of the demo deck's overview of the workstreams
OVERVIEW_TITLE = "Herstelorganisatie"


def _checked_line(data: Path) -> int:
    """The line ``statusgen check`` gives for the broken workstream file."""
    result = CliRunner().invoke(main, ["check", "--data", str(data), "--format", "json"])
    found = json.loads(result.output)["diagnostics"]
    lines = [d["line"] for d in found if d["file"].endswith(WORKSTREAM.name)]
    assert lines, found
    return int(lines[0])


def _slide_text(session, place: str) -> str:  # type: ignore[no-untyped-def]
    return str(session.execute_script(f"return document.getElementById('{place}').textContent"))


def test_the_preview_follows_edits_errors_and_fixes(tmp_path: Path) -> None:
    need_browser()
    data = tmp_path / "status"
    shutil.copytree(DEMO, data)
    file = data / WORKSTREAM
    original = file.read_text("utf-8")
    before = sorted((p.relative_to(data), p.stat().st_mtime_ns) for p in data.rglob("*"))
    with serving(data) as address, chromium() as session:
        wait = WebDriverWait(session, 20)
        session.get(address + "/")
        overview = session.execute_script(
            "return [...document.querySelectorAll('figure.slide')]"
            f".find(f => f.querySelector('a.number').textContent.includes('{OVERVIEW_TITLE}'))"
            ".querySelector('div').id"
        )
        wait.until(lambda s: OLD in _slide_text(s, overview))
        # a mark that a reload would wipe out: the page must update itself
        session.execute_script("window.statusgenMark = 'still here'")

        file.write_text(original.replace(OLD, NEW), "utf-8")
        wait.until(lambda s: NEW in _slide_text(s, overview))
        assert session.execute_script("return window.statusgenMark") == "still here"

        broken = original.replace(f"titel: {OLD}", "titel: [niet afgesloten", 1)
        file.write_text(broken, "utf-8")
        line = _checked_line(data)
        alert = wait.until(lambda s: s.find_elements(By.CSS_SELECTOR, "#diagnostics .stale"))
        assert alert
        errors = session.find_elements(By.CSS_SELECTOR, "#diagnostics .diagnostic.error")
        assert any(
            e.get_attribute("data-file").endswith("01-klantreis.yaml")
            and e.get_attribute("data-line") == str(line)
            for e in errors
        ), [e.text for e in errors]
        # the link goes to the file's line
        link = errors[0].find_element(By.TAG_NAME, "a").get_attribute("href")
        assert link.endswith(f"/bron/werkstromen/01-klantreis.yaml#L{line}")
        # the last good slide stays
        assert NEW in _slide_text(session, overview)

        file.write_text(original, "utf-8")
        wait.until(lambda s: OLD in _slide_text(s, overview))
        wait.until(lambda s: not s.find_elements(By.CSS_SELECTOR, "#diagnostics .stale"))
        assert session.execute_script("return window.statusgenMark") == "still here"

        session.get(link)
        shown = session.find_element(By.ID, f"L{line}")
        assert shown.text == original.splitlines()[line - 1]
    after = sorted((p.relative_to(data), p.stat().st_mtime_ns) for p in data.rglob("*"))
    # the preview wrote nothing into the data folder (the test's own edits aside)
    assert [name for name, _ in after] == [name for name, _ in before]
