"""statusgen nota: the nota to the bewindspersoon as DOCX and tagged PDF, in the nota layout,
and in its public version with the Woo section made from what was replaced."""

from __future__ import annotations

import re
from pathlib import Path

from tests.conftest import Run
from tests.pack_data import NAMES, NOTA, add_pack
from tests.printed import assert_is_pdf_ua, plain_text
from tests.readback import docx_text

SECTIONS = ("Aanleiding", "Kern", "Toelichting", "Informatie die niet openbaar gemaakt kan worden")


def _in_order(text: str, parts: tuple[str, ...]) -> None:
    places = [text.index(part) for part in parts]
    assert places == sorted(places), parts


def test_nota_writes_docx_and_tagged_pdf_with_every_section_in_order(
    run: Run, data: Path, tmp_path: Path
) -> None:
    add_pack(data)
    result = run("nota", "bo", "--data", data, "--output", tmp_path / "out")
    assert result.exit_code == 0, result.output
    pdf, docx = tmp_path / "out" / "nota-bo.pdf", tmp_path / "out" / "nota-bo.docx"
    assert_is_pdf_ua(
        pdf, title="Nota Terugkoppeling bestuurlijk overleg", author="Testorganisatie Herstel"
    )
    for text in (plain_text(pdf), docx_text(docx)):
        _in_order(text, SECTIONS)
        for field in ("TER INFORMATIE", "Aan", "Datum", "3 september 2030", "Notanummer",
                      "2030-0000000042", "Directie Strategie", "F. Abma"):  # fmt: skip
            assert field in text, field
        _in_order(text, ("1. Verslag van het overleg", "2. Actietabel POK", "3. Kamerbrief"))
        assert "Niet van toepassing." in text
    assert "Pagina 1 van 1" in plain_text(pdf)


def test_the_header_block_stands_left_of_the_text(run: Run, data: Path, tmp_path: Path) -> None:
    import subprocess

    from tests.office import need

    add_pack(data)
    run("nota", "bo", "--data", data, "--output", tmp_path, "--format", "pdf")
    html = subprocess.run(
        [need("pdftotext"), "-bbox", str(tmp_path / "nota-bo.pdf"), "-"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    import re

    x = {w: float(x0) for x0, w in re.findall(r'xMin="([\d.]+)"[^>]*>([^<]*)</word>', html)}
    # the fields at the left, the text at the right measure
    for field in ("Notanummer", "Datum", "Bijlagen"):
        assert x[field] + 100 < x["Aanleiding"], field
    assert x["Kern"] == x["Aanleiding"]


def test_ter_beslissing_has_its_advice_between_aanleiding_and_kern(
    run: Run, data: Path, tmp_path: Path
) -> None:
    nota = NOTA.replace("type: ter_informatie", "type: Ter beslissing").replace(
        "kern: |", "geadviseerd_besluit: Kennisnemen en instemmen.\nkern: |"
    )
    add_pack(data, nota=nota)
    assert run("nota", "bo", "--data", data, "--output", tmp_path).exit_code == 0
    text = docx_text(tmp_path / "nota-bo.docx")
    _in_order(text, ("TER BESLISSING", "Aanleiding", "Geadviseerd besluit", "Kern"))


def test_the_public_nota_says_what_it_withholds_counted_from_what_was_replaced(
    run: Run, data: Path, tmp_path: Path
) -> None:
    add_pack(data)
    result = run("nota", "bo", "--data", data, "--output", tmp_path, "--openbaar")
    assert result.exit_code == 0, result.output
    docx = docx_text(tmp_path / "nota-bo-openbaar.docx")
    pdf = plain_text(tmp_path / "nota-bo-openbaar.pdf")
    for text in (docx, pdf):
        assert not any(name in text for name in NAMES)
        assert "5.1.2e" in text
        assert "Niet van toepassing" not in text
    section = docx[docx.index("Informatie die niet openbaar") :]
    # in the nota itself: the contactpersoon and one name in the kern; its bijlagen (the
    # verslag's meeting and the action table) hold the rest
    replaced_here = docx[: docx.index("Informatie die niet openbaar")].count("Persoonsgegevens")
    assert replaced_here == 2
    said = {kind: int(n) for n, kind in re.findall(r"(\d+) (namen|vermeldingen)", section)}
    # what the nota and its bijlagen are built from: the nota, the verslag's meeting file and
    # the action table's actions; a name in their texts, a person id in their fields
    sources = [data / "notas" / "bo.yaml", data / "vergaderingen" / "2030-09-01.yaml"]
    sources += sorted((data / "acties").glob("*.yaml"))
    texts = [path.read_text(encoding="utf-8") for path in sources]
    assert said["namen"] == sum(len(re.findall(r"\b[FG]\. (?:Abma|Zijlstra)", t)) for t in texts)
    assert said["vermeldingen"] == sum(
        len(re.findall(r"\bp-(?:abma|zijlstra)\b", t)) for t in texts
    )


def test_a_nota_without_registered_names_says_nothing_is_withheld(
    run: Run, data: Path, tmp_path: Path
) -> None:
    nota = NOTA.replace("contactpersoon: p-abma\n", "").replace(
        "  - G. Zijlstra houdt contact met het steunpunt.\n", ""
    )
    nota = nota.split("bijlagen:")[0] + "aanleiding:" + nota.split("aanleiding:")[1]
    add_pack(data, nota=nota)
    assert run("nota", "bo", "--data", data, "--output", tmp_path, "--openbaar").exit_code == 0
    assert "geen informatie weg" in docx_text(tmp_path / "nota-bo-openbaar.docx")


def test_check_names_file_and_line_of_a_bad_nota(run: Run, data: Path, tmp_path: Path) -> None:
    nota = NOTA.replace("type: ter_informatie", "type: ter kennisname").replace(
        "verslag: 2030-09-01", "verslag: 2030-01-01"
    )
    add_pack(data, nota=nota)
    result = run("check", "--data", data)
    assert result.exit_code == 1
    assert "notas/bo.yaml:2:" in result.output and "ter kennisname" in result.output
    nota = NOTA.replace("verslag: 2030-09-01", "verslag: 2030-01-01")
    add_pack(data, nota=nota)
    result = run("check", "--data", data)
    assert result.exit_code == 1
    assert "notas/bo.yaml:9:" in result.output
    assert "vergaderingen/2030-01-01.yaml" in result.output
    result = run("nota", "bo", "--data", data, "--output", tmp_path / "out")
    assert result.exit_code == 1 and not (tmp_path / "out").exists()


def test_an_unknown_nota_is_named_with_the_ones_there_are(
    run: Run, data: Path, tmp_path: Path
) -> None:
    add_pack(data)
    result = run("nota", "ob", "--data", data, "--output", tmp_path / "out")
    assert result.exit_code != 0
    assert "'ob'" in result.output and "bo" in result.output
    assert not (tmp_path / "out").exists()


def test_a_long_nota_docx_runs_on_over_pages_in_libreoffice_with_every_word(
    run: Run, data: Path, tmp_path: Path
) -> None:
    from tests.office import page_count, page_texts, to_pdf, words

    paragraphs = [
        f"Alinea {n}: gemeenten en herstelorganisatie spreken af wie de ouder belt, wanneer "
        f"het dossier wordt gedeeld en hoe de voortgang wordt bewaakt (punt {n})."
        for n in range(1, 41)
    ]
    body = "".join(f"  {p}\n\n" for p in paragraphs)
    nota = NOTA.replace("toelichting: |\n  De afspraken staan in de actietabel.\n",
                        f"toelichting: |\n{body}")  # fmt: skip
    add_pack(data, nota=nota)
    assert run("nota", "bo", "--data", data, "--output", tmp_path).exit_code == 0
    pdf = to_pdf(tmp_path / "nota-bo.docx", tmp_path)
    assert page_count(pdf) >= 2
    printed = words("\n".join(page_texts(pdf)))
    for paragraph in paragraphs:
        assert words(paragraph) <= printed, paragraph
    for field in ("Notanummer", "2030-0000000042", "Informatie die niet openbaar"):
        assert words(field) <= printed
    # the typeset PDF as well: every paragraph, on more than one page
    typeset = tmp_path / "nota-bo.pdf"
    assert page_count(typeset) >= 2
    assert all(words(p) <= words(plain_text(typeset)) for p in paragraphs)


def test_the_verslag_docx_opens_in_libreoffice_with_every_word(
    run: Run, data: Path, tmp_path: Path
) -> None:
    from tests.office import page_texts, to_pdf, words

    add_pack(data)
    run("verslag", "2030-09-01", "--data", data, "--output", tmp_path, "--format", "docx")
    from docx import Document

    docx = tmp_path / "verslag-2030-09-01.docx"
    printed = words("\n".join(page_texts(to_pdf(docx, tmp_path))))
    document = Document(str(docx))
    texts = [p.text for p in document.paragraphs]
    texts += [c.text for t in document.tables for r in t.rows for c in r.cells]
    for text in texts:
        assert words(text) <= printed, text
