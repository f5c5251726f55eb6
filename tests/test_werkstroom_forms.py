"""The two table forms of a workstream in the data: ``vorm``, eindresultaten as rows (or plain
strings, the old form), the per-row fields of hoofdacties, afhankelijkheden with unit names, and
what ``check`` says about them, with file and line."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from generator.commands.schema import schema_for
from generator.domain.work import work
from generator.load.kinds.werkstroom import KIND, Eindresultaat, Werkstroom
from tests.conftest import DEMO, Run
from tests.test_check_rejects import assert_error, errors, line_of

WS2 = "werkstromen/02-commissies.yaml"

RESULTS = """nummer: 2
titel: Commissies inrichten
vorm: resultaten
trekker: p-abma
opdrachten:
  - nummer: "2.1"
    titel: Taakopdrachten formuleren
    status: gestart
    toelichting: De taakopdrachten zijn bijna klaar.
    themas: [PMO]
    eindresultaten:
      - Een taakopdracht per commissie
      - titel: Taken en bevoegdheden zijn belegd
        themas: [Wendbaar, PMO]
        deadline: ntb
        afhankelijkheden: [1, "1", SCT, "SSO O&P"]
        risicos: [R1]
        status: zorgen
        toelichting: Wacht op de beleidskaders.
      - titel: De werving is rond
        deadline: 2030-08-01
    hoofdacties:
      - titel: Concept opstellen
        themas: [Lerend]
        afhankelijkheden: [WS 1]
        risicos: [R1]
        toelichting: Eerste versie besproken.
"""


def write_results(data: Path, text: str = RESULTS) -> None:
    (data / WS2).write_text(text, encoding="utf-8")


def model(text: str) -> Werkstroom:
    import yaml

    return Werkstroom.model_validate(yaml.safe_load(text))


# --- the model -----------------------------------------------------------------------------


def test_results_form_reads_rows_with_their_own_fields() -> None:
    ws = model(RESULTS)
    assert ws.vorm == "resultaten"
    opdracht = ws.opdrachten[0]
    plain, full, _ = opdracht.eindresultaten
    assert plain == Eindresultaat(titel="Een taakopdracht per commissie")  # a plain string
    assert plain.status is None and plain.themas == []
    assert full.themas == ["Wendbaar", "PMO"] and full.status == "zorgen"
    assert full.afhankelijkheden == [1, 1, "SCT", "SSO O&P"]  # "1" is a number, names stay
    assert full.toelichting == "Wacht op de beleidskaders."
    actie = opdracht.hoofdacties[0]
    assert (actie.themas, actie.afhankelijkheden, actie.risicos) == (["Lerend"], [1], ["R1"])
    assert actie.toelichting == "Eerste versie besproken."


def test_standard_form_is_the_default_and_old_files_stay_valid() -> None:
    ws = model(RESULTS.replace("vorm: resultaten\n", ""))
    assert ws.vorm == "standaard"
    for path in sorted((DEMO / "werkstromen").glob("*.yaml")):
        model(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("value", "fragment"),
    [
        ("[1-4]", "'1-4' is neither a workstream number nor a unit name"),
        ("[0]", "not a workstream number: they start at 1"),
        ("[true]", "YAML reads this as true"),
        ('[" "]', "must not be empty"),
    ],
)
def test_bad_afhankelijkheden(value: str, fragment: str) -> None:
    text = RESULTS.replace('[1, "1", SCT, "SSO O&P"]', value)
    with pytest.raises(ValidationError, match=fragment):
        model(text)


def test_work_lists_eindresultaten_for_the_radar() -> None:
    rows = [(w.soort, w.titel, w.status) for w in work([model(RESULTS)])]
    assert ("Eindresultaat", "De werving is rond", "gestart") in rows  # the opdracht's status
    assert ("Eindresultaat", "Taken en bevoegdheden zijn belegd", "zorgen") in rows
    assert rows[0][0] == "Opdracht" and ("Hoofdactie", "Concept opstellen", "gestart") in rows


def test_the_json_schema_follows_the_model() -> None:
    schema = schema_for(KIND)
    assert schema["properties"]["vorm"]["enum"] == ["standaard", "resultaten"]
    opdracht = schema["$defs"]["Opdracht"]["properties"]
    items = opdracht["eindresultaten"]["items"]["anyOf"]
    plain = {"type": ["string", "number"], "format": "markdown", "description": "Just its titel."}
    assert plain in items  # a titel typed as a number is text, as check reads it
    assert {"$ref": "#/$defs/Eindresultaat"} in items
    kinds = [o["type"] for o in opdracht["afhankelijkheden"]["items"]["anyOf"]]
    assert kinds == ["integer", "string"]
    hoofdactie = schema["$defs"]["Hoofdactie"]["properties"]
    assert {"themas", "afhankelijkheden", "risicos", "toelichting"} <= set(hoofdactie)
    eindresultaat = schema["$defs"]["Eindresultaat"]
    assert eindresultaat["required"] == ["titel"]
    assert eindresultaat["additionalProperties"] is False


# --- check: file, line and text ------------------------------------------------------------


def test_check_accepts_both_forms(run: Run, data: Path) -> None:
    write_results(data)
    result = run("check", "--data", data, "--peildatum", "2030-09-05")
    assert result.exit_code == 0, result.output
    # deadline warnings for eindresultaten too
    ntb = line_of(data, WS2, "deadline: ntb")
    late = line_of(data, WS2, "deadline: 2030-08-01")
    assert f"{WS2}:{ntb}:19: warning: the deadline of eindresultaat 'Taken en bevoegdheden" in (
        result.output
    )
    assert f"{WS2}:{late}:19: warning: eindresultaat 'De werving is rond' of opdracht 2.1 is " in (
        result.output
    )


@pytest.mark.parametrize(
    ("old", "new", "needle", "fragments"),
    [
        ("vorm: resultaten", "vorm: resultaat", "vorm:",
         ("unknown vorm 'resultaat'", "'resultaten'")),
        ('[1, "1", SCT', '[1, "1-3", SCT', "1-3", ("'1-3' is neither a workstream number",)),
        ("status: zorgen", "status: zorgn", "zorgn", ("unknown status 'zorgn'", "'zorgen'")),
        ("        deadline: ntb", "        dealine: ntb", "dealine",
         ("unknown key 'dealine'", "'deadline'")),
        ("        themas: [Lerend]", "        thema: [Lerend]", "thema:", ("unknown key 'thema'",)),
        ("deadline: 2030-08-01", "deadline: 31 juni", "31 juni", ("juni has 30 days",)),
    ],
)  # fmt: skip
def test_check_rejects_typos_in_the_new_fields(
    run: Run, data: Path, old: str, new: str, needle: str, fragments: tuple[str, ...]
) -> None:
    write_results(data, RESULTS.replace(old, new, 1))
    assert_error(errors(run, data), WS2, line_of(data, WS2, needle), *fragments)


@pytest.mark.parametrize(
    ("old", "new", "needle", "fragment"),
    [
        ("        risicos: [R1]\n        status", "        risicos: [R9]\n        status", "R9",
         "unknown risico 'R9'"),
        ("afhankelijkheden: [WS 1]", "afhankelijkheden: [WS 7]", "WS 7", "unknown werkstroom '7'"),
        ('[1, "1", SCT', '[1, "8", SCT', '"8"', "unknown werkstroom '8'"),
        ("risicos: [R1]\n        toelichting: Eerste", "risicos: [R4]\n        toelichting: Eerste",
         "R4", "unknown risico 'R4'"),
    ],
)  # fmt: skip
def test_check_finds_unknown_references_in_rows(
    run: Run, data: Path, old: str, new: str, needle: str, fragment: str
) -> None:
    assert old in RESULTS
    write_results(data, RESULTS.replace(old, new, 1))
    assert_error(errors(run, data), WS2, line_of(data, WS2, needle), fragment)


def test_unit_names_are_free(run: Run, data: Path) -> None:
    write_results(data, RESULTS.replace('SCT, "SSO O&P"', "Crisisbureau, IV, DF&A"))
    result = run("check", "--data", data, "--peildatum", "2030-09-05")
    assert result.exit_code == 0, result.output


def test_standard_form_warns_that_row_fields_need_the_results_form(run: Run, data: Path) -> None:
    write_results(data, RESULTS.replace("vorm: resultaten\n", ""))
    result = run("check", "--data", data, "--peildatum", "2030-07-01")
    assert result.exit_code == 0, result.output
    line = line_of(data, WS2, "titel: Taken en bevoegdheden")
    assert f"{WS2}:{line}:" in result.output and "set vorm: resultaten" in result.output


def test_afgeronde_opdracht_with_an_open_eindresultaat(run: Run, data: Path) -> None:
    write_results(data, RESULTS.replace("    status: gestart\n", "    status: afgerond\n", 1))
    result = run("check", "--data", data, "--peildatum", "2030-07-01")
    line = line_of(data, WS2, "status: zorgen")
    assert (
        f"{WS2}:{line}:17: warning: opdracht 2.1 is afgerond, but its eindresultaat "
        "'Taken en bevoegdheden zijn belegd' is zorgen" in result.output
    )


def test_deadline_radar_finds_overdue_eindresultaten(run: Run, data: Path) -> None:
    write_results(data)
    result = run("deadlines", "--data", data, "--peildatum", "2030-09-05")
    assert result.exit_code == 0, result.output
    overdue = next(line for line in result.output.splitlines() if "De werving is rond" in line)
    assert "VERLOPEN" in overdue and "1 aug 2030" in overdue


def test_diff_reports_a_rows_own_changes() -> None:
    from generator.domain.compare import _werkstroom
    from generator.model.people import People

    before = model(RESULTS)
    after = model(
        RESULTS.replace("status: zorgen", "status: escalatie")
        .replace("deadline: 2030-08-01", "deadline: 2030-10-01")
        .replace("toelichting: Eerste versie besproken.", "toelichting: Tweede versie besproken.")
    )
    changes = list(_werkstroom(before, after, People({})))
    subjects = {(c.kind, c.subject) for c in changes}
    assert (
        "status",
        "eindresultaat 'Taken en bevoegdheden zijn belegd' (opdracht 2.1)",
    ) in subjects
    assert ("deadline", "eindresultaat 'De werving is rond' (opdracht 2.1)") in subjects
    assert ("text", "hoofdactie 'Concept opstellen' (opdracht 2.1)") in subjects
    assert not any(c.what == "eindresultaten" for c in changes)  # the titles did not change
