"""The public version (Woo): every command, every output, every free-text field of every kind
holding registered names in the forms editors write them. Zero names out; every command writes.

The outputs are read back here by independent means (unzipped parts with the markup removed,
poppler's pdftotext and pdfinfo for PDFs) and searched for the surnames themselves, folded: no
accents, no case, no invisible characters. That is stricter than the publishing step's own scan.
"""

from __future__ import annotations

import html
import io
import re
import shutil
import subprocess
import unicodedata
import zipfile
from pathlib import Path

import pytest

from generator.render.actietabel import FORMATS as ACTIETABEL
from generator.render.besluitenlijst import FORMATS as BESLUITENLIJST
from generator.render.deadlines import FORMATS as DEADLINES
from generator.render.nota import FORMATS as NOTA
from generator.render.planning import FORMATS as PLANNING
from generator.render.rapportage import FORMATS as RAPPORTAGE
from generator.render.verslag import FORMATS as VERSLAG
from tests.conftest import DEMO, Run
from tests.office import need
from tests.test_review import git
from tests.yamledit import read_yaml, write_yaml

#: the surnames of the two people the test plants, folded
SURNAMES = ("brinkhuis", "celik")
FORMS = (
    "A. *Brinkhuis*",  # emphasis inside the name
    unicodedata.normalize("NFD", "É. Çelik"),  # decomposed Unicode
    "Brink\u00adhuis",  # a soft hyphen
    "E. Celik",  # without its accents
    "mevrouw Brinkhuis",  # the surname alone
    "A. Brink\u200bhuis",  # a zero-width space
    "p-celik",  # a person id typed in the text: it spells the surname
    "[het verslag](https://example.org/stukken/brinkhuis-2020.pdf)",  # in a link's address
    "[mail](mailto:e.celik@example.org)",  # an e-mail address
)
PLANTED = " Afgestemd met " + ", ".join(FORMS) + "."
#: keys whose values are not free text: identities, legends, dates, references, parsed values
STRUCTURED = {
    "id", "nummer", "status", "deadline", "datum", "onderdeel", "inhoud_bestand", "soort", "kans",
    "impact", "doelgroep", "doelgroepen", "trekker", "teamleden", "norm", "realisatie",
    "beoordeling", "bijgewerkt", "stand_per", "van", "tot", "risicos", "afhankelijkheden", "top",
    "risico", "metingen", "functie", "eigenaar", "uitkomst", "beslispunt", "nr", "actiehouder",
    "afgerond", "vorm", "voetnoot", "voetnoot_waarde", "populaties", "stand", "cellen", "kleur",
    "type", "rapportage", "bestand",
}  # fmt: skip


def _plant(value: object, key: str | None = None) -> object:
    if isinstance(value, dict):
        return {k: v if k in STRUCTURED else _plant(v, k) for k, v in value.items()}
    if isinstance(value, list):
        return [_plant(v, key) for v in value]
    if isinstance(value, str) and not value.startswith("p-"):
        if key == "inhoud" or "\n" in value:
            return value.rstrip("\n") + "\n\n" + PLANTED.strip() + "\n"
        return value + PLANTED
    return value


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo data with names planted in every free-text field of every kind of file."""
    root = tmp_path_factory.mktemp("woo") / "status"
    shutil.copytree(DEMO, root)
    for path in sorted(root.rglob("*.yaml")):
        document = read_yaml(path)
        if path.name == "organisatie.yaml":
            personen = document.pop("personen")
            document = _plant(document)
            personen.append({"id": "p-celik", "naam": "É. Çelik", "functie": "Jurist"})
            document["personen"] = personen
        else:
            document = _plant(document)
        write_yaml(path, document)
    for path in sorted(root.rglob("*.md")):
        path.write_text(path.read_text(encoding="utf-8") + "\n" + PLANTED + "\n", "utf-8")
    return root


def folded(text: str) -> str:
    text = unicodedata.normalize("NFKD", html.unescape(text))
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = re.sub(r"-\s*\n\s*", "", text)
    return re.sub(r"[\u00ad\u200b\u200c\u200d\u2060\ufeff*_\\]", "", text)


def readable(path: Path) -> str:
    """Everything a reader could get out of the file, by independent means."""
    data = path.read_bytes()
    if data[:2] == b"PK":
        parts = []
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            for name in archive.namelist():
                raw = archive.read(name)
                for text in (raw.decode("utf-8", "ignore"), raw.decode("utf-16-le", "ignore")):
                    parts += [text, re.sub(r"<[^>]*>", "", text)]
        return "\n".join(parts)
    if data[:5] == b"%PDF-":
        text = subprocess.run(
            [need("pdftotext"), str(path), "-"], check=True, capture_output=True, text=True
        ).stdout
        meta = subprocess.run(
            [need("pdfinfo"), "-meta", str(path)], check=True, capture_output=True, text=True
        ).stdout
        return text + "\n" + meta
    text = data.decode("utf-8")
    return text + "\n" + re.sub(r"<[^>]*>", "", text).replace("\r\n ", "")


def assert_no_names(label: str, text: str) -> None:
    flat = folded(text)
    for surname in SURNAMES:
        assert surname not in flat, f"{surname} in {label}: …{_around(flat, surname)}…"


def _around(text: str, needle: str) -> str:
    at = text.index(needle)
    return text[max(0, at - 60) : at + 60]


def test_the_hostile_data_is_valid_and_full_of_names(
    run: Run, hostile: Path, tmp_path: Path
) -> None:
    result = run("check", "--data", hostile, "--peildatum", "2020-08-17")
    assert result.exit_code == 0, result.output
    result = run("actions", "--data", hostile, "--output", tmp_path, "--format", "md")
    assert "Brinkhuis" in (tmp_path / "actietabel.md").read_text(encoding="utf-8")


def test_every_command_writes_a_public_version_without_a_name(
    run: Run, hostile: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    commands = [
        ("deck",),
        ("besluitenlijst",),
        ("actions",),
        ("report", "vgr-2021-1"),
        *[("planning", "--format", fmt) for fmt in PLANNING],
        ("nota", "terugkoppeling-bo-vng"),
        ("verslag", "2020-08-12"),
        ("deck", "--vergadering", "2020-08-12"),
    ]
    for command in commands:
        result = run(*command, "--data", hostile, "--output", out, "--openbaar")
        assert result.exit_code == 0, f"{command}: {result.output}"
        assert_no_names(f"{command} standard output", result.output)
    written = sorted(p.name for p in out.iterdir())
    assert written == sorted([
        *ACTIETABEL.files("actietabel-openbaar"),
        *BESLUITENLIJST.files("besluitenlijst-2020-08-20-openbaar"),
        *NOTA.files("nota-terugkoppeling-bo-vng-openbaar"),
        "overleg-2020-08-12-openbaar.pptx",
        *PLANNING.files("planning-openbaar"),
        "sct-2020-08-20-openbaar.pptx",
        *VERSLAG.files("verslag-2020-08-12-openbaar"),
        *RAPPORTAGE.files("vgr-2021-1-openbaar"),
    ])  # fmt: skip
    for path in out.iterdir():
        text = readable(path)
        assert "Persoonsgegevens" in text or path.suffix == ".pdf", path.name
        assert_no_names(path.name, text)
    for fmt in DEADLINES:
        result = run(
            "deadlines", "--data", hostile, "--peildatum", "2020-08-01", "--binnen", "60d",
            "--format", fmt, "--openbaar",
        )  # fmt: skip
        assert result.exit_code == 0, result.output
        assert "Persoonsgegevens" in result.output, fmt
        assert_no_names(f"deadlines --format {fmt}", result.output)


def test_the_public_pack_holds_no_name_in_any_of_its_files(
    run: Run, hostile: Path, tmp_path: Path
) -> None:
    need("soffice")  # the deck goes into the pack's PDF through LibreOffice
    result = run("pakket", "terugkoppeling-bo-vng", "--data", hostile, "--output", tmp_path,
                 "--openbaar")  # fmt: skip
    assert result.exit_code == 0, result.output
    assert_no_names("pakket standard output", result.output)
    files = sorted((tmp_path / "pakket-terugkoppeling-bo-vng-openbaar").iterdir())
    assert len(files) == 10
    for path in files:
        assert_no_names(path.name, readable(path))


def test_diff_between_versions_that_both_hold_names(run: Run, hostile: Path) -> None:
    repo = hostile.parent
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "basis")
    for path in sorted((hostile / "werkstromen").glob("*.yaml")) + sorted(
        (hostile / "acties").glob("*.yaml")
    ):
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("Afgestemd met", "Besproken met de heer Çelik en"), "utf-8")
    for fmt in ("md", "json"):
        result = run("diff", "main", "--data", hostile, "--format", fmt, "--openbaar")
        assert result.exit_code == 0, result.output
        assert "Persoonsgegevens" in result.output
        assert_no_names(f"diff --format {fmt}", result.output)


def hostile_template(tmp_path: Path) -> Path:
    """The default template with names where templates carry them: a custom document property,
    layout text split over runs, alternative text, printer settings and a thumbnail."""
    source = Path(__file__).resolve().parents[1] / "templates" / "default.pptx"
    target = tmp_path / "huisstijl.pptx"
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(target, "w") as out:
        for item in original.infolist():
            data = original.read(item)
            if item.filename == "[Content_Types].xml":
                data = data.replace(
                    b"</Types>",
                    b'<Override PartName="/docProps/custom.xml" ContentType="application/'
                    b'vnd.openxmlformats-officedocument.custom-properties+xml"/></Types>',
                )
            if item.filename == "_rels/.rels":
                data = data.replace(
                    b"</Relationships>",
                    b'<Relationship Id="rIdC" Type="http://schemas.openxmlformats.org/'
                    b'officeDocument/2006/relationships/custom-properties" '
                    b'Target="docProps/custom.xml"/></Relationships>',
                )
            if item.filename == "ppt/slideLayouts/slideLayout1.xml":
                data = re.sub(
                    rb"(<p:cNvPr id=\"\d+\" name=\"[^\"]*\")",
                    rb'\1 descr="Foto van A. Brinkhuis"',
                    data,
                    count=1,
                )
                data = data.replace(
                    b"</p:spTree>",
                    b'<p:sp><p:nvSpPr><p:cNvPr id="99" name="Colofon"/><p:cNvSpPr txBox="1"/>'
                    b"<p:nvPr/></p:nvSpPr><p:spPr/><p:txBody><a:bodyPr/><a:p>"
                    b"<a:r><a:t>Opgesteld door A. </a:t></a:r><a:r><a:t>Brink</a:t></a:r>"
                    b"<a:r><a:t>huis</a:t></a:r></a:p></p:txBody></p:sp></p:spTree>",
                )
            if item.filename.endswith("printerSettings1.bin"):
                data += "Printer van A. Brinkhuis".encode("utf-16-le")
            if item.filename.endswith("thumbnail.jpeg"):
                data = data[:-2] + b"A. Brinkhuis" + data[-2:]
            out.writestr(item, data)
        out.writestr(
            "docProps/custom.xml",
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns='
            '"http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" '
            'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
            '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="Behandelaar">'
            "<vt:lpwstr>É. Çelik</vt:lpwstr></property></Properties>",
        )
    return target


def test_a_template_brings_no_name_into_the_public_deck(
    run: Run, hostile: Path, tmp_path: Path
) -> None:
    template = hostile_template(tmp_path)
    internal = run(
        "deck", "--data", hostile, "--output", tmp_path / "intern", "--template", template
    )
    assert internal.exit_code == 0, internal.output
    assert "brinkhuis" in folded(readable(tmp_path / "intern" / "sct-2020-08-20.pptx"))
    out = tmp_path / "openbaar"
    result = run("deck", "--data", hostile, "--output", out, "--template", template, "--openbaar")
    assert result.exit_code == 0, result.output
    deck = out / "sct-2020-08-20-openbaar.pptx"
    assert_no_names(deck.name, readable(deck))
    with zipfile.ZipFile(deck) as archive:
        names = archive.namelist()
        assert not [n for n in names if "thumbnail" in n or "printerSettings" in n]
        layout = archive.read("ppt/slideLayouts/slideLayout1.xml").decode("utf-8")
    assert "Opgesteld door Persoonsgegevens" in re.sub(r"<[^>]*>", "", layout)
    # the package stays whole: LibreOffice opens it
    from tests.office import to_pdf

    assert to_pdf(deck, tmp_path).stat().st_size > 0


def test_a_name_the_redaction_misses_stops_the_publication(tmp_path: Path) -> None:
    """The last line of defence: if a name reaches a finished file anyway, nothing is written
    and the place is named."""
    from generator.exceptions import OutputError
    from generator.model.names import Names
    from generator.publish import Publication

    publication = Publication(tmp_path, withheld=Names(["A. Brinkhuis"]))
    publication.add("lijst.md", b"# Lijst\n\nGoed.\n")
    publication.add("bijlage.html", b"<p>Met <em>A.</em> <b>Brink</b>huis</p>")
    with pytest.raises(OutputError, match=r"bijlage-openbaar\.html"):
        publication.publish()
    assert list(tmp_path.iterdir()) == []
