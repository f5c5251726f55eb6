"""The domain stage: one work row for every output, one comparison of two versions, and the
data as of the previous SCT read before the deck is rendered, never while."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
import yaml
from pydantic import Field, create_model

from generator.commands import load_for_publication, meeting_on
from generator.domain.compare import _werkstroom, matched
from generator.domain.work import ACTIEPUNT, HOOFDACTIE, OPDRACHT, actiepunt_work, work
from generator.load.kinds.werkstroom import Werkstroom
from generator.model.people import People
from tests.conftest import FIXTURES
from tests.test_voor_het_sct import MEETING, repo, voor_het_sct  # noqa: F401 (a fixture)
from tests.test_werkstroom_forms import RESULTS, model

PACKAGE = Path(__file__).resolve().parents[1] / "generator"


def test_a_row_without_a_status_of_its_own_has_its_opdrachts_and_its_trekker() -> None:
    rows = list(work([model(RESULTS)]))
    opdracht = next(r for r in rows if r.soort == OPDRACHT)
    assert opdracht.status == opdracht.eigen == "gestart"
    for row in rows:
        assert row.trekker == "p-abma"  # the workstream's: the opdracht names none
        if row.eigen is None:
            assert row.status == opdracht.status
    assert any(r.soort == HOOFDACTIE for r in rows)


def test_actiepunten_are_work_under_their_actiehouder(tmp_path: Path) -> None:
    from generator.domain.opvolging import opvolging

    dataset, _ = load_for_publication(FIXTURES / "valid", tmp_path, openbaar=False)
    followed = opvolging(dataset.vergaderingen)
    rows = list(actiepunt_work(followed))
    assert len(rows) == len(followed)
    for row, o in zip(rows, followed, strict=True):
        assert (row.soort, row.nummer, row.trekker) == (ACTIEPUNT, o.id, o.actiepunt.actiehouder)
        assert row.status == o.status and row.rol == "Actiehouder"


def test_one_matching_rule_by_title_then_by_place() -> None:
    class R:
        def __init__(self, titel: str) -> None:
            self.titel = titel

    a, b, c = R("Plan"), R("Uitvoering"), R("Evaluatie")
    b2, d = R("Uitvoering"), R("Nieuwe titel")
    pairs = matched([a, b, c], [b2, d])
    assert (b, b2) in pairs  # by title
    assert (a, d) in pairs  # renamed: what is left over, by place
    assert (c, None) in pairs  # removed


def test_a_new_workstream_field_is_in_the_diff_without_a_change_to_the_comparison() -> None:
    """The comparison reads the model's fields: a field added to Werkstroom is compared."""
    extended = create_model(
        "Extended", __base__=Werkstroom, dossier=(str | None, Field(None, description="A test."))
    )
    before = extended.model_validate({**yaml.safe_load(RESULTS), "dossier": "Oud"})
    after = extended.model_validate({**yaml.safe_load(RESULTS), "dossier": "Nieuw"})
    changes = list(_werkstroom(before, after, People({})))
    assert [(c.what, c.old, c.new) for c in changes] == [("dossier", "Oud", "Nieuw")]


def test_a_deck_laid_out_without_the_previous_data_runs_no_git(
    monkeypatch: pytest.MonkeyPatch,
    repo: Path,  # noqa: F811
    tmp_path: Path,
) -> None:
    """Rendering does no git and no loading: the command reads the previous SCT's data first."""
    import datetime as dt

    from generator.load import history
    from generator.render.deck import lay_out
    from generator.resources import template

    dataset, _ = load_for_publication(repo, tmp_path, openbaar=False)
    meeting = meeting_on(dataset.vergaderingen, dt.date.fromisoformat(MEETING[1]))
    before = history.vorige(dataset, meeting)
    assert before.werkstromen is not None and before.warning is None

    def no_git(*args: object) -> None:
        raise AssertionError("git while rendering")

    monkeypatch.setattr(history, "_git", no_git)
    laid = lay_out(dataset, meeting, template=template("default.pptx"), vorige=before)
    titles = [slide.content.title for slide in laid.slides]
    assert "Voor het SCT" in titles


def test_the_deck_shows_changes_read_by_the_command(run: object, repo: Path) -> None:  # noqa: F811
    """The deck command reads the previous SCT's data and the slide counts its changes."""
    from tests.test_deck import build

    text = voor_het_sct(build(run, repo, repo.parent / "out", *MEETING))  # type: ignore[arg-type]
    assert "Gewijzigd" in text


def test_render_imports_neither_git_nor_the_loader() -> None:
    """The render stage gets everything loaded: no module of it imports the git history or the
    dataset loader (LibreOffice and Typst, which make its bytes, it runs itself)."""
    for file in (PACKAGE / "render").rglob("*.py"):
        for node in ast.walk(ast.parse(file.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module:
                names = {f"{node.module}.{a.name}" for a in node.names} | {node.module}
            elif isinstance(node, ast.Import):
                names = {a.name for a in node.names}
            else:
                continue
            bad = {"generator.load.history", "generator.load.dataset.load"}
            assert not names & bad, f"{file.relative_to(PACKAGE)} imports {names & bad}"


def test_what_the_comparison_compares_apart_are_fields_of_the_models() -> None:
    """A field renamed in a model is not silently dropped from the diff: the names compared in
    their own way are all fields the models still have."""
    from generator.domain import compare
    from generator.load.kinds.actie import Actie
    from generator.load.kinds.werkstroom import Eindresultaat, Hoofdactie, Opdracht

    assert set(Werkstroom.model_fields) >= compare._WERKSTROOM_APART
    assert set(Opdracht.model_fields) >= compare._OPDRACHT_DONE
    assert set(Hoofdactie.model_fields) | set(Eindresultaat.model_fields) >= compare._ROW_DONE
    assert set(Actie.model_fields) >= compare._ACTIE_DONE
