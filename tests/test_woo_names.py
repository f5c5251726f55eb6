"""The red team's cases of names in data texts, one registered person each, planted in every
free-text field of the demo data and run through every public command; an independent scanner
(tests/woo_scan.py) reads every byte of every output. And the public version has the structure
of the internal one: the same outputs, the same slides, rows, notes and pages, the same text once
registered names are masked on both sides.
"""

from __future__ import annotations

import csv
import html
import io
import re
import shutil
from pathlib import Path

import pytest

from generator.model.names import Names
from tests.conftest import DEMO, Run
from tests.test_openbaar import STRUCTURED
from tests.test_review import git
from tests.woo_scan import leaks, letters, normalised, readable
from tests.yamledit import edit, read_yaml, write_yaml

#: case -> (registered name, the text planted, the surnames the scanner looks for)
CASES = {
    "invisible format character": (
        "A. Hoogervorst",
        "Overleg met Hooger\u2060vorst en Hooger\u200dvorst.",
        ["hoogervorst"],
    ),
    "combining grapheme joiner": ("B. Lindeboom", "Gesprek met Linde\u034fboom.", ["lindeboom"]),
    "other-script lookalike": (
        "C. Oosterkamp",
        "Nota van \u041e\u043e\u0455terk\u0430mp (DJZ).",
        ["oosterkamp"],
    ),
    "identifiers": (
        "D. Wassenberg",
        "Stukken: overleg_Wassenberg_2020.docx, Wassenberg2020.pdf, "
        "C:\\Users\\wassenberg\\Documents, https://intranet.example/wassenberg/map en "
        "d.wassenberg@example.org.",
        ["wassenberg"],
    ),
    "ascii apostrophe": ("E. D’Ancona", "Toelichting door E. D'Ancona.", ["d'ancona"]),
    "half of a double surname": (
        "F. Kamphuis-Reitsma",
        "Reitsma belt terug; mevrouw Kamphuis ook.",
        ["kamphuis", "reitsma"],
    ),
    "non-breaking hyphen": (
        "G. Bakhuis-Lenferink",
        "Brief van G. Bakhuis\u2011Lenferink.",
        ["bakhuis", "lenferink"],
    ),
    "dotless i": ("H. Wiersinga", "Afgestemd met W\u0131ers\u0131nga.", ["wiersinga"]),
    "first name before an initial": (
        "J. Olthof",
        "Jan Olthof en Jan J. Olthof tekenen.",
        ["olthof", "jan persoonsgegevens"],
    ),
    "markdown that splits a name": (
        "K. Zwartkruis",
        "Zie [Zwart](https://example.org/a)kruis, &#90;wartkruis en **Zwart**kruis.",
        ["zwartkruis"],
    ),
}
#: a registered surname that is an ordinary word, written where a word stands: it stays
ORDINARY = ("T. Post", "Post voor ouders gaat donderdag uit.")
PLANTED = [text for _, text, _ in CASES.values()] + [ORDINARY[1]]


#: not planted: values that are not free text, and names other values refer to
_KEPT = STRUCTURED | {"naam", "van_rij", "tot_en_met_rij"}


class _Planter:
    """Appends the cases to free texts in turn, so that each case is in every kind of file
    and the texts stay of a readable length."""

    def __init__(self) -> None:
        self.turn = 0

    def __call__(self, value: object, key: str | None = None) -> object:
        if isinstance(value, dict):
            return {k: v if k in _KEPT else self(v, k) for k, v in value.items()}
        if isinstance(value, list):
            return [self(v, key) for v in value]
        if isinstance(value, str) and not value.startswith("p-"):
            planted = PLANTED[self.turn % len(PLANTED)]
            self.turn += 1
            if key == "inhoud" or "\n" in value:
                return value.rstrip("\n") + "\n\n" + planted + "\n"
            return f"{value} {planted}"
        return value


def _identities(root: Path) -> None:
    """Two footnotes and two doelgroepen named after different people."""
    path = root / "dashboard.yaml"
    dashboard = read_yaml(path)
    table = next(t for t in dashboard["tabellen"] if isinstance(t.get("voetnoten"), dict))
    table["voetnoten"]["brief-Olthof"] = "Kamerstuk 31066-700."
    table["voetnoten"]["brief-Wiersinga"] = "Kamerstuk 31066-701."
    table["rijen"][0]["voetnoot"] = "brief-Olthof"
    table["rijen"][1]["voetnoot"] = "brief-Wiersinga"
    write_yaml(path, dashboard)
    path = root / "communicatie.yaml"
    communicatie = read_yaml(path)
    first = next(iter(communicatie["doelgroepen"].values()))
    first += ["Team Olthof", "Team Wiersinga"]
    communicatie["items"][:0] = [
        {"datum": "2020-08-18", "doelgroep": "Team Olthof", "soort": "overleg",
         "tekst": "Eerste overleg"},
        {"datum": "2020-08-19", "doelgroep": "Team Wiersinga", "soort": "overleg",
         "tekst": "Tweede overleg"},
    ]  # fmt: skip
    write_yaml(path, communicatie)


def _registry(root: Path) -> None:
    path = root / "organisatie.yaml"
    document = read_yaml(path)
    for number, (name, _, _) in enumerate([*CASES.values(), (ORDINARY[0], "", [])]):
        document["personen"].append({"id": f"p-rood{number}", "naam": name, "functie": "Adviseur"})
    write_yaml(path, document)


@pytest.fixture(scope="module")
def planted(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo data in git (commit 'basis'), then the cases planted in every free text."""
    root = tmp_path_factory.mktemp("rood") / "status"
    shutil.copytree(DEMO, root)
    _registry(root)
    git(root.parent, "init", "-q", "-b", "main")
    git(root.parent, "add", "-A")
    git(root.parent, "commit", "-q", "-m", "basis")
    plant = _Planter()
    for path in sorted(root.rglob("*.yaml")):
        if path.name == "organisatie.yaml":
            continue
        document = plant(read_yaml(path))
        write_yaml(path, document)
    for path in sorted(root.rglob("*.md")):
        added = "\n\n".join(PLANTED)
        path.write_text(path.read_text(encoding="utf-8") + "\n" + added + "\n", "utf-8")
    _identities(root)
    return root


#: every public command, with what it writes to standard output or a folder
COMMANDS = [
    ("deck",),
    ("deck", "--vergadering", "2020-08-17"),  # the one with the communication calendar
    ("actions",),
    ("report", "vgr-2021-1"),
    ("besluitenlijst",),
    ("planning", "--format", "xlsx"),
    ("planning", "--format", "csv"),
    ("deadlines", "--peildatum", "2020-08-01", "--binnen", "60d", "--format", "text"),
    ("deadlines", "--peildatum", "2020-08-01", "--binnen", "60d", "--format", "md"),
    ("deadlines", "--peildatum", "2020-08-01", "--binnen", "60d", "--format", "ics"),
    ("diff", "main", "--format", "md"),
    ("diff", "main", "--format", "json"),
]
_PRINTS = ("deadlines", "diff")


def _outputs(run: Run, data: Path, out: Path, openbaar: bool) -> dict[str, bytes]:
    """Every file and standard output of every command, by name."""
    found: dict[str, bytes] = {}
    for command in COMMANDS:
        args = [*command, "--data", data]
        if command[0] not in _PRINTS:
            args += ["--output", out]
        if openbaar:
            args.append("--openbaar")
        result = run(*args)
        assert result.exit_code == 0, f"{command}: {result.output}"
        if command[0] in _PRINTS:
            found[" ".join(command)] = result.stdout.encode("utf-8")
    for path in sorted(out.iterdir()):
        found[path.name.replace("-openbaar", "")] = path.read_bytes()
    return found


@pytest.fixture(scope="module")
def outputs(planted: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, bytes]]:
    from click.testing import CliRunner

    from generator.cli import main

    def run(*args: object) -> object:
        return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)

    base = tmp_path_factory.mktemp("uit")
    return {
        "intern": _outputs(run, planted, base / "intern", openbaar=False),  # type: ignore[arg-type]
        "openbaar": _outputs(run, planted, base / "openbaar", openbaar=True),  # type: ignore[arg-type]
    }


def test_the_internal_version_holds_every_case(outputs: dict[str, dict[str, bytes]]) -> None:
    """The planted names do reach the internal outputs: the scanner would see them."""
    surnames = [s for _, _, found in CASES.values() for s in found if " " not in s]
    internal = outputs["intern"]
    for surname in surnames:
        assert leaks("actietabel.md", internal["actietabel.md"], [surname]), surname


@pytest.fixture(scope="module")
def public_texts(outputs: dict[str, dict[str, bytes]]) -> dict[str, list[tuple[str, str]]]:
    """Every public output as the scanner reads it, read once for all cases."""
    return {name: readable(name, data) for name, data in outputs["openbaar"].items()}


@pytest.mark.parametrize("case", list(CASES))
def test_no_public_output_holds_the_name(
    case: str, public_texts: dict[str, list[tuple[str, str]]]
) -> None:
    _, _, surnames = CASES[case]
    found = [leak for name, read in public_texts.items() for leak in leaks(name, read, surnames)]
    assert not found, "\n".join(found[:5])


def test_an_ordinary_word_that_is_a_surname_stays(outputs: dict[str, dict[str, bytes]]) -> None:
    text = outputs["openbaar"]["actietabel.md"].decode("utf-8")
    assert "Post voor ouders gaat donderdag uit." in text


def _slides(data: bytes, names: Names) -> list[str]:
    """The slides' titles, masked, a slide continued on the next said once: a text that a
    longer "Persoonsgegevens" makes run onto one more slide is the same structure."""
    import io

    from pptx import Presentation

    titles: list[str] = []
    for slide in Presentation(io.BytesIO(data)).slides:
        texts = [shape.text_frame.text for shape in slide.shapes if shape.has_text_frame]
        title = re.sub(r"\s*\([ivx]+/[ivx]+\)", "", _masked(texts[0] if texts else "", names))
        if not titles or titles[-1] != title:
            titles.append(title)
    return titles


def _pages(data: bytes) -> int:
    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(data)).pages)


def _outline(data: bytes, names: Names) -> list[str]:
    """The PDF's bookmarks (its headings), names masked: the document's structure."""
    from pypdf import PdfReader

    def walk(items: list[object]) -> list[str]:
        found: list[str] = []
        for item in items:
            if isinstance(item, list):
                found += walk(item)
            else:
                found.append(_masked(str(getattr(item, "title", "")), names))
        return found

    return walk(PdfReader(io.BytesIO(data)).outline)


def _rows(data: bytes) -> list[int]:
    import io

    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(data), read_only=True)
    return [sum(1 for _ in sheet.iter_rows()) for sheet in book.worksheets]


def _docx(data: bytes, names: Names) -> tuple[list[str], list[int]]:
    import io

    from docx import Document

    document = Document(io.BytesIO(data))
    paragraphs = _lines(_masked("\n".join(p.text for p in document.paragraphs), names))
    return paragraphs, [len(t.rows) for t in document.tables]


def _masked(text: str, names: Names) -> str:
    """Registered names masked, in small letters (titles are written in capitals), and the
    public version's numbering of identities that differ only by a name ("Team
    Persoonsgegevens (2)") and its label taken off."""
    text = re.sub(r"\r?\n[ \t]", "", text)  # iCalendar's folded lines
    text = html.unescape(re.sub(r"\\([^\w\s])", r"\1", text))  # as a reader sees it
    text = re.sub(r'="([^"<>]*)"', lambda m: f'="{names.redact(m[1])}"', text)  # attributes
    text = names.redact(text).casefold()
    text = re.sub(r"persoonsgegevens \(\d+\)", "persoonsgegevens", text)
    return re.sub(r'<p class="openbaar">openbare versie</p>|\bopenbaar\b', "", text)


def _fields(data: bytes, names: Names) -> list[list[str]]:
    text = data.decode("utf-8-sig")
    dialect = csv.Sniffer().sniff(text.splitlines()[0])
    return [[_masked(f, names) for f in row] for row in csv.reader(io.StringIO(text), dialect)]


def _lines(text: str) -> list[str]:
    """The lines of a text output, without the public version's own label line."""
    return [
        line
        for line in text.splitlines()
        if line.strip()
        and line.strip(" *_#") != "openbare versie"
        and "vervangen door 'persoonsgegevens'" not in line
        and not line.startswith(("dtstamp:", "uid:"))
    ]


def test_public_and_internal_outputs_have_the_same_structure(
    planted: Path, outputs: dict[str, dict[str, bytes]]
) -> None:
    document = read_yaml(planted / "organisatie.yaml")
    names = Names(
        [p["naam"] for p in document["personen"]] + [p["id"] for p in document["personen"]]
    )
    internal, public = outputs["intern"], outputs["openbaar"]
    assert sorted(internal) == sorted(public)
    for name in sorted(internal):
        mine, theirs = internal[name], public[name]
        if name.endswith(".pptx"):
            assert _slides(mine, names) == _slides(theirs, names), name
        elif name.endswith(".pdf"):
            # the longer "Persoonsgegevens" may set a paragraph a line longer and push the text
            # onto one more page: the headings must be the same, the pages about as many
            assert _outline(mine, names) == _outline(theirs, names), name
            assert abs(_pages(mine) - _pages(theirs)) <= max(1, _pages(mine) // 10), name
        elif name.endswith(".xlsx"):
            assert _rows(mine) == _rows(theirs), name
        elif name.endswith(".docx"):
            assert _docx(mine, names) == _docx(theirs, names), name
        elif name.endswith(".csv"):
            # a field is quoted when its text needs it, which a name can change: compare fields
            assert _fields(mine, names) == _fields(theirs, names), name
        else:
            a = _lines(_masked(mine.decode("utf-8"), names))
            b = _lines(_masked(theirs.decode("utf-8"), names))
            if name == "diff main --format md":
                # a pull-request comment has a length budget, which a longer
                # "Persoonsgegevens" spends sooner: the counts say the structure
                a, b = a[:2], b[:2]
            assert len(a) == len(b), name
            different = [(x, y) for x, y in zip(a, b, strict=True) if x != y]
            assert not different, f"{name}: {different[:3]}"


def test_identities_named_after_people_stay_apart(outputs: dict[str, dict[str, bytes]]) -> None:
    """Two doelgroepen and two footnotes named after different people are two in the public
    version: the calendar has each item once, the notes are as many."""
    import io
    import zipfile

    def texts(data: bytes) -> str:
        with zipfile.ZipFile(io.BytesIO(data)) as deck:
            parts = [n for n in deck.namelist() if re.fullmatch(r"ppt/slides/slide\d+\.xml", n)]
            xml = " ".join(deck.read(n).decode("utf-8") for n in parts)
        return " ".join(re.findall(r"<a:t>([^<]*)</a:t>", xml))

    deck = "sct-2020-08-17.pptx"
    internal = texts(outputs["intern"][deck])
    public = texts(outputs["openbaar"][deck])
    for item in ("Eerste overleg", "Tweede overleg", "Kamerstuk 31066-700", "Kamerstuk 31066-701"):
        assert internal.count(item) == public.count(item) >= 1, item
    assert "olthof" not in letters(normalised(public))


def test_a_public_diff_says_an_error_without_the_name(run: Run, data: Path) -> None:
    """A file that does not validate in the newer version is reported in the diff with its
    error; the value in the message, a name with a newline in it, is not printed."""
    text = (data / "organisatie.yaml").read_text(encoding="utf-8")
    (data / "organisatie.yaml").write_text(
        text.replace("personen:\n", "personen:\n  - id: p-olthof\n    naam: J. Olthof\n", 1),
        encoding="utf-8",
    )
    git(data.parent, "init", "-q", "-b", "main")
    git(data.parent, "add", "-A")
    git(data.parent, "commit", "-q", "-m", "basis")
    werkstroom = data / "werkstromen" / "01-klantreis.yaml"
    edit(werkstroom, "trekker: p-abma", 'trekker: "J.\\nOlthof"')
    internal = run("diff", "main", "--data", data)
    assert internal.exit_code == 0, internal.output
    assert "Olthof" in internal.stdout, internal.stdout
    for fmt in ("md", "json"):
        result = run("diff", "main", "--data", data, "--format", fmt, "--openbaar")
        assert result.exit_code == 0, result.output
        assert "01-klantreis.yaml" in result.stdout
        assert not leaks("diff", result.stdout.encode("utf-8"), ["olthof"]), result.stdout


def test_check_openbaar_reports_an_ordinary_word_that_is_a_registered_surname(
    run: Run, data: Path
) -> None:
    """'Post voor ouders' is not about T. Post: left as written, and said with file, line
    and column so that an editor decides; 'dhr. Post' is withheld and not said."""
    from tests.test_woo_audit import where

    text = (data / "organisatie.yaml").read_text(encoding="utf-8")
    (data / "organisatie.yaml").write_text(
        text.replace("personen:\n", "personen:\n  - id: p-post\n    naam: T. Post\n", 1), "utf-8"
    )
    actie = data / "acties" / "002-schulden.yaml"
    edit(actie, "omschrijving: ", "omschrijving: Post voor ouders, afgestemd met dhr. Post. ")
    from generator.publish import detector

    if not detector.available():
        pytest.skip("deduce is not installed")
    result = run("check", "--data", data, "--openbaar")
    line, column = where(actie, "Post voor ouders")
    said = [row for row in result.output.splitlines() if "registered surname 'Post'" in row]
    assert len(said) == 1, result.output
    assert f"acties/002-schulden.yaml:{line}:{column}: warning:" in said[0]
