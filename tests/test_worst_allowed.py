"""The worst input `check` accepts, through every command that renders it: lists and quotes as
deep as allowed, a word of exactly 200 characters, characters from every corner of Unicode that
XML can hold. Each command must succeed with every word in its output."""

from __future__ import annotations

import re
import shutil
import textwrap
from pathlib import Path

from generator.load.textlimits import MAX_LIST_DEPTH, MAX_QUOTE_DEPTH, MAX_WORD
from generator.render.planning import FORMATS as PLANNING
from tests.conftest import DEMO, Run
from tests.readback import deck_text, docx_text, html_text, xlsx_text

WORD = "Uitvoeringsorganisatie" + "x" * (MAX_WORD - 22)
UNICODE = [
    "één", "Straße", "Ωμέγα", "Япония", "عربي", "עברית", "中文字", "한국어", "😀", "👩‍👩‍👧",
    "e\u0301", "a\u00a0b", "zw\u200bsp", "\u202erlo\u202c", "\ufeffbom", "\ue000", "\ufdd0",
    "\ufffd", "\U0010fffd", "\U0010ffff",
]  # fmt: skip


def _nested(marker: str, prefix: str, name: str, levels: int) -> str:
    return "".join(f"{prefix}{'  ' * i}{marker} {name}{i + 1}\n" for i in range(levels))


QUOTED = "> " * MAX_QUOTE_DEPTH
LONG_TITLE = "Stand van zaken " + " ".join(["van de opvolging"] * 20)
MARKDOWN = (
    f"Inleiding met {WORD} en {' '.join(UNICODE)}, met\ttab.\n\n"
    + _nested("-", "", "niveau", MAX_LIST_DEPTH)
    + f"\n{'  ' * (MAX_LIST_DEPTH - 1)}  {WORD}\n\n"
    + "".join(f"{'> ' * (i + 1)}citaat{i + 1}\n" for i in range(MAX_QUOTE_DEPTH))
    + _nested("-", QUOTED, "genest", MAX_LIST_DEPTH)
    + "\n| kop1 | kop2 |\n|---|---|\n"
    + f"| cel1 | **cel2** {WORD} |\n\n"
    + "1. nummer1\n   1. nummer2\n\n"
    + "Slot met *nadruk*, `code` en ![plaatje](https://example.org/p.png).\n"
)
WORDS = [
    "Inleiding", "Slot", "nadruk", "code", "plaatje", "kop1", "kop2", "cel1", "cel2",
    "nummer1", "nummer2", WORD, *UNICODE,
    *(f"niveau{i}" for i in range(1, MAX_LIST_DEPTH + 1)),
    *(f"genest{i}" for i in range(1, MAX_LIST_DEPTH + 1)),
    *(f"citaat{i}" for i in range(1, MAX_QUOTE_DEPTH + 1)),
]  # fmt: skip


def block(text: str, indent: int) -> str:
    """``text`` as a YAML literal block scalar at ``indent`` spaces."""
    return "|\n" + textwrap.indent(text, " " * indent, lambda line: True)


def set_value(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def worst(data: Path) -> Path:
    """Put the worst allowed text into every Markdown field the renderers show."""
    actie = data / "acties/002-schulden.yaml"
    set_value(
        actie,
        "stand_van_zaken: Afgerond in het voorjaar.",
        "stand_van_zaken: " + block(MARKDOWN, 2),
    )
    set_value(
        actie,
        "omschrijving: Schulden overnemen",
        f"omschrijving: Schulden {WORD} {' '.join(UNICODE)}",
    )
    ws = data / "werkstromen/01-klantreis.yaml"
    set_value(
        ws, "toelichting: |\n      Loopt volgens plan.\n", "toelichting: " + block(MARKDOWN, 6)
    )
    set_value(ws, "- titel: Missie vastleggen", f"- titel: Missie {WORD} {' '.join(UNICODE)}")
    meeting = data / "vergaderingen/2030-09-05.yaml"
    # titles longer than an Office core property may be (255 characters): shortened there
    set_value(meeting, "datum: 2030-09-05\n", f"datum: 2030-09-05\ntitel: {LONG_TITLE}\n")
    (data / "actietabel.yaml").write_text(f"titel: {LONG_TITLE}\n", encoding="utf-8")
    set_value(
        meeting,
        "          ## Voorstel\n",
        "          ## Voorstel\n" + textwrap.indent(MARKDOWN, " " * 10, lambda line: True) + "\n",
    )
    (data / "besluiten/terugkoppeling.md").write_text(MARKDOWN, encoding="utf-8")
    return data


def missing(words: list[str], text: str, *, squeeze: bool = False) -> list[str]:
    """The words not in ``text``. ``squeeze``: compare without whitespace (and hyphens), for
    the deck, which hyphenates a word wider than its column."""
    if squeeze:  # and a word wider than any column is hyphenated: a visible hyphen added
        text = re.sub(r"\s", "", text)
        bare = text.replace("-", "")
        return [
            w
            for w in words
            if re.sub(r"\s", "", w) not in text and re.sub(r"\s|-", "", w) not in bare
        ]
    return [w for w in words if w not in text]


# --- the commands ----------------------------------------------------------------------------


def test_check_accepts_the_worst_allowed_input(run: Run, data: Path) -> None:
    worst(data)
    result = run("check", "--data", data)
    assert result.exit_code == 0, result.output


def test_deck(run: Run, data: Path, tmp_path: Path) -> None:
    worst(data)
    result = run("deck", "--data", data, "--output", tmp_path)
    assert result.exit_code == 0, result.output
    text = deck_text(tmp_path / "sct-2030-09-05.pptx")
    assert missing(WORDS, text, squeeze=True) == []


def test_actions(run: Run, data: Path, tmp_path: Path) -> None:
    worst(data)
    result = run("actions", "--data", data, "--output", tmp_path)
    assert result.exit_code == 0, result.output
    assert (tmp_path / "actietabel.pdf").stat().st_size > 0
    html = html_text((tmp_path / "actietabel.html").read_text(encoding="utf-8"))
    assert missing(WORDS, html) == []
    assert missing(WORDS, docx_text(tmp_path / "actietabel.docx")) == []
    assert missing(WORDS, xlsx_text(tmp_path / "actietabel.xlsx")) == []
    assert missing(WORDS, (tmp_path / "actietabel.md").read_text(encoding="utf-8")) == []


def test_planning(run: Run, data: Path, tmp_path: Path) -> None:
    worst(data)
    for fmt in PLANNING:
        result = run("planning", "--data", data, "--output", tmp_path, "--format", fmt)
        assert result.exit_code == 0, result.output
    assert missing(WORDS, xlsx_text(tmp_path / "planning.xlsx")) == []
    assert missing(WORDS, (tmp_path / "planning.csv").read_text(encoding="utf-8-sig")) == []


def test_deadlines(run: Run, data: Path) -> None:
    worst(data)
    title = [WORD, *UNICODE]
    for fmt in ("text", "md"):
        result = run(
            "deadlines", "--data", data, "--peildatum", "2030-08-25", "--binnen", "4w",
            "--format", fmt,
        )  # fmt: skip
        assert result.exit_code == 0, result.output
        assert missing(title, result.output) == []
    result = run("deadlines", "--data", data, "--peildatum", "2030-08-25", "--format", "ics")
    assert result.exit_code == 0, result.output
    unfolded = re.sub(r"\r?\n ", "", result.output)
    assert WORD in unfolded


def test_report(run: Run, tmp_path: Path) -> None:
    data = tmp_path / "status"
    shutil.copytree(DEMO, data)
    report = data / "rapportages/vgr-2021-1.yaml"
    text = report.read_text(encoding="utf-8")
    start = text.index("inleiding: |\n")
    end = text.index("hoofdstukken:")
    report.write_text(
        text[:start] + "inleiding: " + block(MARKDOWN, 2) + text[end:], encoding="utf-8"
    )
    result = run("report", "vgr-2021-1", "--data", data, "--output", tmp_path / "out")
    assert result.exit_code == 0, result.output
    html = html_text((tmp_path / "out/vgr-2021-1.html").read_text(encoding="utf-8"))
    assert missing(WORDS, html) == []
