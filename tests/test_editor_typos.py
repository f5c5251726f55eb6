"""The typos editors make, each answered with the line it is on and what to type instead.

Every case changes one line of the valid fixture as an editor would (indentation, a colon, a
tab, a quote, a key or a value of the wrong kind) and asserts where `check` points and that the
message gives a remedy: a word from statusgen's own advice, never PyYAML's wording."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import Run
from tests.yamledit import edit

WS1 = "werkstromen/01-klantreis.yaml"
ACTIE = "acties/002-schulden.yaml"

#: (name, file, text in the fixture, what the editor typed, the line the message must name
#: (a text on it, after the change), a word of the remedy)
TYPOS = [
    ("colon in a title", WS1, "titel: Klantreis doorontwikkelen",
     "titel: Besluit: klantreis doorontwikkelen", "Besluit: klantreis", "quotes"),
    ("colon in a top-level title", WS1, "titel: Klantreis ontwerpen",
     "titel: Klantreis: ontwerpen", "Klantreis: ontwerpen", "quotes"),
    ("colon in a one-line action text", ACTIE, "omschrijving: Schulden overnemen",
     "omschrijving: Schulden overnemen: publiek en privaat", "publiek en privaat", "quotes"),
    ("unclosed double quote at the file's end", ACTIE, "stand_van_zaken: Afgerond in het voorjaar.",
     'stand_van_zaken: "Afgerond in het voorjaar.', "stand_van_zaken", "never closed"),
    ("unclosed double quote before another quote", WS1, "titel: Klantreis doorontwikkelen",
     'titel: "Klantreis doorontwikkelen', '"Klantreis doorontwikkelen', "quote"),
    ("unclosed single quote", ACTIE, "omschrijving: Schulden overnemen",
     "omschrijving: 'Schulden overnemen", "omschrijving", "quote"),
    ("unclosed bracket", WS1, "teamleden: [UHT, p-zijlstra]", "teamleden: [UHT, p-zijlstra",
     "teamleden", "]"),
    ("text after a closing quote", WS1, "titel: Klantreis doorontwikkelen",
     'titel: "Klantreis" doorontwikkelen', '"Klantreis" door', "quotes"),
    ("text after a closing bracket", WS1, "titel: Klantreis doorontwikkelen",
     "titel: [concept] Klantreis doorontwikkelen", "[concept]", "quotes"),
    ("value starting with @", WS1, "titel: Klantreis doorontwikkelen",
     "titel: @klantreis doorontwikkelen", "@klantreis", "quotes"),
    ("value starting with an asterisk", WS1, "titel: Klantreis doorontwikkelen",
     "titel: *Klantreis* doorontwikkelen", "*Klantreis*", "quotes"),
    ("value starting with a backtick", ACTIE, "omschrijving: Schulden overnemen",
     "omschrijving: `Schulden` overnemen", "`Schulden`", "quotes"),
    ("tab before a key", WS1, "    trekker: p-zijlstra", "\ttrekker: p-zijlstra",
     "\ttrekker", "spaces"),
    ("tab after spaces", WS1, "        status: gestart\n        subacties",
     "      \t  status: gestart\n        subacties", "\t  status", "spaces"),
    ("key indented one space too far", WS1, "    trekker: p-zijlstra", "     trekker: p-zijlstra",
     "     trekker", "indent"),
    ("key indented one space too little", WS1, "    trekker: p-zijlstra",
     "   trekker: p-zijlstra", "   trekker", "indent"),
    ("key indented as a list item's key, among the items", WS1, "        deadline: 2030-10",
     "      deadline: 2030-10", "      deadline: 2030-10", "indent"),
    ("hoofdactie key pulled out before the next item", WS1, "        deadline: 2030-09-01",
     "    deadline: 2030-09-01", "    deadline: 2030-09-01", "indent"),
    ("list item among keys", WS1, "    trekker: p-zijlstra", "    - trekker: p-zijlstra",
     "- trekker", "key"),
    ("key among list items", WS1, "      - titel: Training ontwikkelen",
     "      titel: Training ontwikkelen", "titel: Training", "'- '"),
    ("unknown key", WS1, "    trekker: p-zijlstra", "    trekkr: p-zijlstra", "trekkr",
     "did you mean"),
    ("unknown status", WS1, "    status: gestart", "    status: gestrat", "gestrat",
     "did you mean"),
    ("text where a number belongs", WS1, "nummer: 1\n", "nummer: een\n", "nummer: een",
     "whole number"),
    ("text where a list belongs", WS1, "subacties:\n          - Rollen beschrijven",
     "subacties: Rollen beschrijven", "subacties", "'- '"),
    ("yes read as true", WS1, "kernwoord: klantreis", "kernwoord: yes", "kernwoord", "quotes"),
    ("person name where an id belongs", WS1, "trekker: p-abma", "trekker: Anna Abma",
     "Anna Abma", "p-"),
    ("no space after a colon", WS1, "    status: gestart", "    status:gestart",
     "status:gestart", "status: gestart"),
    ("no colon after a key", WS1, "    trekker: p-zijlstra", "    trekker p-zijlstra",
     "trekker p-zijlstra", "trekker: p-zijlstra"),
    ("block text indented as far as its key", WS1, "      Loopt volgens plan.",
     "    Loopt volgens plan.", "Loopt volgens plan.", "indent"),
    ("block text indented less than its key", WS1, "      Loopt volgens plan.",
     "   Loopt volgens plan.", "Loopt volgens plan.", "indent"),
    ("list item indented as a key", WS1, "      - titel: Training ontwikkelen",
     "        - titel: Training ontwikkelen", "- titel: Training", "6 spaces"),
    ("key of an item pulled back to the list's dash", WS1, "    titel: Klantreis doorontwikkelen",
     "  titel: Klantreis doorontwikkelen", "  titel: Klantreis door", "column 5"),
    ("curly quotes around a value with a colon", WS1, "titel: Klantreis ontwerpen",
     "titel: “Klantreis: ontwerpen”", "Klantreis: ontwerpen", "straight"),
    ("duplicate key", ACTIE, "eigenaar: FIN", "eigenaar: FIN\neigenaar: UHT", "eigenaar: UHT",
     "first on line"),
]  # fmt: skip


def _line(data: Path, name: str, needle: str) -> int:
    lines = (data / name).read_text(encoding="utf-8").split("\n")
    return next(i + 1 for i, line in enumerate(lines) if needle in line)


@pytest.mark.parametrize(
    ("file", "old", "new", "on", "remedy"),
    [pytest.param(*case[1:], id=case[0]) for case in TYPOS],
)
def test_typo_gets_its_line_and_its_fix(
    run: Run, data: Path, file: str, old: str, new: str, on: str, remedy: str
) -> None:
    edit(data / file, old, new)
    result = run("check", "--data", data)
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    errors = [x for x in result.stderr.splitlines() if ": error: " in x]
    line = _line(data, file, on)
    at_line = [x for x in errors if x.split(": error: ")[0].rsplit(":", 2)[-2:][0] == str(line)]
    assert at_line, f"no error on line {line}:\n" + "\n".join(errors)
    assert any(file in x and remedy in x.split(": error: ")[1] for x in at_line), at_line


def test_a_key_indented_into_the_parent_is_a_warning(run: Run, data: Path) -> None:
    """A hoofdactie's deadline indented too little is valid YAML and becomes the opdracht's;
    `check` names the line, says whose it is now and where it probably belongs."""
    edit(data / WS1, "        deadline: 2030-10\n", "    deadline: 2030-10\n")
    result = run("check", "--data", data)
    assert result.exit_code == 0, result.output
    line = _line(data, WS1, "    deadline: 2030-10")
    warning = next(x for x in result.stderr.splitlines() if f"{WS1}:{line}:5: warning:" in x)
    assert "opdracht" in warning and "hoofdactie" in warning
    assert "column 9" in warning  # as far as the hoofdactie's own keys
    assert "[opdrachten[0].deadline]" in warning
    assert run("check", "--data", data, "--strict").exit_code == 1


def test_a_key_after_a_list_that_its_items_do_not_have_is_not_warned(run: Run, data: Path) -> None:
    """An opdracht's own key after its hoofdacties is fine when a hoofdactie has no such key."""
    edit(
        data / WS1,
        "        deadline: 2030-10\n",
        "        deadline: 2030-10\n    trekker: p-abma\n",
    )
    edit(data / WS1, "    trekker: p-zijlstra\n", "")
    result = run("check", "--data", data, "--strict")
    assert result.exit_code == 0, result.output


def test_the_same_in_the_style_new_writes(run: Run, data: Path) -> None:
    """``new`` and ``init`` write lists unindented under their key; there a hoofdactie's key
    two spaces too little stands exactly where the opdracht's own would."""
    (data / WS1).write_text(
        "nummer: 1\ntitel: Klantreis ontwerpen\ntrekker: p-abma\nopdrachten:\n"
        "- nummer: '1.1'\n  titel: Klantreis doorontwikkelen\n  status: gestart\n"
        "  hoofdacties:\n  - titel: Missie vastleggen\n    deadline: 2030-09-01\n"
        "  - titel: Training ontwikkelen\n  deadline: 2030-10\n"
        "- nummer: '1.2'\n  titel: Integrale behandeling\n  status: gestart\n",
        encoding="utf-8",
    )
    result = run("check", "--data", data)
    assert result.exit_code == 0, result.output
    assert f"{WS1}:12:3: warning: 'deadline' is read as the opdracht's" in result.stderr
    assert "column 5" in result.stderr


@pytest.mark.parametrize(
    ("typed", "column"),
    [("titel: Klantreis #2 doorontwikkelen", 22), ("titel: #2 klantreis doorontwikkelen", 12)],
)
def test_a_hash_that_cuts_a_value_short_is_told(
    run: Run, data: Path, typed: str, column: int
) -> None:
    """``Klantreis #2`` reads as "Klantreis" and a comment: valid YAML, but not what was meant."""
    edit(data / WS1, "titel: Klantreis doorontwikkelen", typed)
    result = run("check", "--data", data)
    line = _line(data, WS1, typed)
    told = [x for x in result.stderr.splitlines() if f"{WS1}:{line}:{column}: warning:" in x]
    assert told and "quotes" in told[0] and typed.split(": ", 1)[1] in told[0], result.stderr


def test_a_comment_written_as_one_is_not_warned(run: Run, data: Path) -> None:
    edit(data / WS1, "titel: Klantreis doorontwikkelen", "titel: Klantreis  # of: klantweg")
    result = run("check", "--data", data, "--strict")
    assert result.exit_code == 0, result.output
