"""``statusgen diff --visual`` (issue #26): the slides and pages that look different, before and
after, matched by what they are; a slide that only moved is moved, not changed."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from tests.conftest import DEMO, Run
from tests.test_review import git
from tests.yamledit import edit

WORKSTREAM = "werkstromen/03-beleidskeuzes.yaml"
OVERVIEW = "Herstelorganisatie – werkstromen voor de komende 2-3 maanden"


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    data = tmp_path / "status"
    shutil.copytree(DEMO, data)
    git(tmp_path, "init", "-q", "-b", "main")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-q", "-m", "basis")
    git(tmp_path, "checkout", "-q", "-b", "wijziging")
    return data


def _changed(summary: str) -> list[str]:
    """The titles of the slides the summary lists as changed."""
    return re.findall(r"^- \*\*dia [^*]+\*\*, \*(.+)\*: gewijzigd$", summary, re.MULTILINE)


def test_one_workstreams_status_shows_on_its_slides_and_the_overview_only(
    run: Run, repo: Path, tmp_path: Path
) -> None:
    edit(repo / WORKSTREAM, "    status: zorgen", "    status: gestart")
    git(repo.parent, "commit", "-qam", "3.2 op schema")
    out = tmp_path / "visueel"
    result = run("diff", "main", "wijziging", "--data", repo, "--visual", out)
    assert result.exit_code == 0, result.output
    summary = (out / "samenvatting.md").read_text("utf-8")
    titles = _changed(summary)
    # the overview of the workstreams, and what the chair is to ask about (it lists the
    # opdrachten with worries): the deck's two overviews
    assert OVERVIEW in titles
    others = [t for t in titles if t != OVERVIEW and not t.startswith("Voor het SCT")]
    assert others and all(t.startswith("3\\. Aanvullende beleidskeuzes") for t in others), titles
    # why: the semantic change that made them change
    assert "**Opdracht 3.2**: status *Zorgen over voortgang" in summary
    # before and after of each, as SVG and PNG, shown side by side on the page
    pictures = sorted(p.name for p in (out / "deck").iterdir())
    assert len(pictures) == 4 * len(titles)
    for picture in (out / "deck").glob("*.png"):
        assert picture.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    page = (out / "index.html").read_text("utf-8")
    for name in pictures:
        if name.endswith(".png"):
            assert f'src="deck/{name}"' in page
    # nothing but the deck looks different: the documents are not drawn
    assert not (out / "actietabel").exists()


def test_slides_that_only_moved_count_as_moved(run: Run, repo: Path, tmp_path: Path) -> None:
    # workstream 1's toelichting grows by a slide: the slides after it move one place on
    sentence = "De regie over de klantreis ligt bij het programmateam van de uitvoering. "
    edit(
        repo / "werkstromen/01-klantreis.yaml",
        "      die ouders door die fouten hebben opgelopen.\n",
        "      die ouders door die fouten hebben opgelopen.\n\n      " + sentence * 60 + "\n",
    )
    git(repo.parent, "commit", "-qam", "langere toelichting")
    out = tmp_path / "visueel"
    result = run("diff", "main", "wijziging", "--data", repo, "--visual", out)
    assert result.exit_code == 0, result.output
    summary = (out / "samenvatting.md").read_text("utf-8")
    titles = _changed(summary)
    assert titles and all(t.startswith("1\\. Integrale klantreis") for t in titles), titles
    assert "(nieuw)" in summary  # the slide it grew by
    moved = re.search(r"^- Alleen verplaatst \((\d+)\): (.+)$", summary, re.MULTILINE)
    assert moved is not None and int(moved[1]) >= 10
    shifts = re.findall(r"dia (\d+) → (\d+)", moved[2])
    grown = summary.count("(nieuw)")
    assert grown and all(int(new) - int(old) == grown for old, new in shifts)
    # a moved slide is not drawn
    last = max(int(new) for _, new in shifts)
    assert not (out / "deck" / f"dia-{last:03d}-na.svg").exists()


def test_the_public_visual_diff_links_its_files_and_holds_no_name(
    run: Run, repo: Path, tmp_path: Path
) -> None:
    from generator.load.dataset import load
    from generator.load.diagnostics import Diagnostics
    from generator.publish import names

    edit(repo / WORKSTREAM, "    status: zorgen", "    status: gestart")
    git(repo.parent, "commit", "-qam", "3.2 op schema")
    out = tmp_path / "visueel"
    result = run("diff", "main", "wijziging", "--data", repo, "--visual", out, "--openbaar")
    assert result.exit_code == 0, result.output
    page = (out / "index-openbaar.html").read_text("utf-8")
    links = re.findall(r'(?:src|href)="([^"#]+)"', page)
    assert links and all((out / link).is_file() for link in links)
    withheld = names(load(repo, Diagnostics()))
    for svg in (out / "deck").glob("*.svg"):
        text = svg.read_text("utf-8")
        assert not withheld.find(re.sub(r"<[^>]+>", "", text)), svg.name
        for url in re.findall(r"url\('([^']+)'\)", text):
            assert (svg.parent / url).is_file()


def test_an_actions_new_stand_shows_on_the_action_tables_pages(
    run: Run, repo: Path, tmp_path: Path
) -> None:
    edit(
        repo / "acties/001-compensatie-opschalen.yaml",
        "Rond **18.000 ouders**",
        "Ruim **19.000 ouders**",
    )
    git(repo.parent, "commit", "-qam", "nieuwe stand")
    out = tmp_path / "visueel"
    result = run("diff", "main", "wijziging", "--data", repo, "--visual", out)
    assert result.exit_code == 0, result.output
    summary = (out / "samenvatting.md").read_text("utf-8")
    assert "### Actietabel" in summary and "Actie 1 –" in summary
    before = sorted((out / "actietabel").glob("pagina-*-voor.svg"))
    after = sorted((out / "actietabel").glob("pagina-*-na.svg"))
    assert before and len(before) == len(after)
    assert all((out / "actietabel" / p.name.replace(".svg", ".png")).is_file() for p in after)
    # the deck does not show the action's stand: no slide is drawn
    assert not (out / "deck").exists()
