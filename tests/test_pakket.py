"""statusgen pakket: the nota with its bijlagen as one folder with an index and one PDF in the
bijlagen's order, internal and public."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader

from tests.conftest import DEMO, Run
from tests.office import need
from tests.pack_data import NAMES, add_pack
from tests.printed import plain_text
from tests.readback import docx_text


def _outline(pdf: Path) -> list[tuple[str, int]]:
    reader = PdfReader(pdf)
    return [(item.title, reader.get_destination_page_number(item)) for item in reader.outline]


def test_the_pack_is_one_folder_with_an_index_and_one_pdf_in_bijlagen_order(
    run: Run, data: Path, tmp_path: Path
) -> None:
    add_pack(data)
    result = run("pakket", "bo", "--data", data, "--output", tmp_path)
    assert result.exit_code == 0, result.output
    folder = tmp_path / "pakket-bo"
    parts = ["nota-bo.pdf", "bijlage-1-verslag-2030-09-01.pdf", "bijlage-2-actietabel.pdf"]
    for name in [*parts, "nota-bo.docx", "bijlage-1-verslag-2030-09-01.docx", "index.md"]:
        assert (folder / name).is_file(), name
    combined = folder / "pakket-bo.pdf"
    pages = [len(PdfReader(folder / name).pages) for name in parts]
    assert len(PdfReader(combined).pages) == sum(pages)
    starts = [sum(pages[:i]) for i in range(len(pages))]
    assert _outline(combined) == [
        ("Nota – Terugkoppeling bestuurlijk overleg", starts[0]),
        ("Bijlage 1 – Verslag van het overleg", starts[1]),
        ("Bijlage 2 – Actietabel POK", starts[2]),
    ]
    # the combined PDF holds each part's pages in that order
    text = plain_text(combined)
    assert text.index("Aanleiding") < text.index("Deelnemers Rijk") < text.index("Toetsingskader")
    index = (folder / "index.md").read_text(encoding="utf-8")
    order = [index.index(name) for name in ("pakket-bo.pdf", *parts)]
    assert order == sorted(order)
    assert "| Bijlage 3 | Kamerbrief | niet bijgevoegd |" in index
    assert "bijlage 3" in result.output
    # the nota names each bijlage's file in the pack
    assert "bijlage-1-verslag-2030-09-01.pdf" in docx_text(folder / "nota-bo.docx")


def test_the_public_pack_holds_no_registered_name(run: Run, data: Path, tmp_path: Path) -> None:
    add_pack(data)
    result = run("pakket", "bo", "--data", data, "--output", tmp_path, "--openbaar")
    assert result.exit_code == 0, result.output
    folder = tmp_path / "pakket-bo-openbaar"
    combined = plain_text(folder / "pakket-bo-openbaar.pdf")
    assert "Persoonsgegevens" in combined and "5.1.2e" in combined
    assert not any(name in combined for name in NAMES)
    for path in folder.iterdir():
        assert path.name.endswith(("-openbaar.pdf", "-openbaar.docx", "-openbaar.md")), path
    assert not any(name in (folder / "index-openbaar.md").read_text() for name in NAMES)


def test_the_demo_pack_has_the_deck_as_pdf(run: Run, tmp_path: Path) -> None:
    need("soffice")  # the deck becomes PDF through LibreOffice
    result = run("pakket", "terugkoppeling-bo-vng", "--data", DEMO, "--output", tmp_path)
    assert result.exit_code == 0, result.output
    folder = tmp_path / "pakket-terugkoppeling-bo-vng"
    deck = PdfReader(folder / "bijlage-1-overleg-2020-08-12.pdf")
    combined = folder / "pakket-terugkoppeling-bo-vng.pdf"
    outline = _outline(combined)
    assert outline[1][0] == "Bijlage 1 – Presentatie bestuurlijk overleg"
    assert outline[2][1] - outline[1][1] == len(deck.pages)
    assert (folder / "bijlage-1-overleg-2020-08-12.pptx").is_file()
    text = plain_text(combined)
    assert text.index("Agenda") < text.index("A. Kennismaking") < text.index("Deelnemers Rijk")


def with_file(nota: str, path: str) -> str:
    """``nota`` with its third bijlage (the Kamerbrief) given as the PDF ``path``."""
    return nota.replace("  - titel: Kamerbrief\n", f"  - titel: Kamerbrief\n    bestand: {path}\n")


def _pdf(path: Path, pages: int, text: str | None = None) -> None:
    """A PDF of ``pages`` blank pages; with ``text``, its first page says it."""
    from pypdf import PdfWriter
    from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(595, 842)
    if text is not None:
        font = DictionaryObject(
            {
                NameObject("/Type"): NameObject("/Font"),
                NameObject("/Subtype"): NameObject("/Type1"),
                NameObject("/BaseFont"): NameObject("/Helvetica"),
            }
        )
        page = writer.pages[0]
        page[NameObject("/Resources")] = DictionaryObject(
            {NameObject("/Font"): DictionaryObject({NameObject("/F1"): font})}
        )
        stream = DecodedStreamObject()
        stream.set_data(f"BT /F1 12 Tf 72 700 Td ({text}) Tj ET".encode("latin-1"))
        page[NameObject("/Contents")] = writer._add_object(stream)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as out:
        writer.write(out)


def test_a_pdf_bijlage_from_the_data_folder_goes_in_as_it_is(
    run: Run, data: Path, tmp_path: Path
) -> None:
    from tests.pack_data import NOTA

    add_pack(data, nota=with_file(NOTA, "brieven/kamerbrief.pdf"))
    _pdf(data / "brieven" / "kamerbrief.pdf", 3, "Brief aan de Kamer")
    assert run("check", "--data", data).exit_code == 0
    result = run("pakket", "bo", "--data", data, "--output", tmp_path)
    assert result.exit_code == 0, result.output
    folder = tmp_path / "pakket-bo"
    outline = _outline(folder / "pakket-bo.pdf")
    assert outline[-1][0] == "Bijlage 3 – Kamerbrief"
    assert len(PdfReader(folder / "pakket-bo.pdf").pages) - outline[-1][1] == 3
    assert "Brief aan de Kamer" in plain_text(folder / "bijlage-3-kamerbrief.pdf")
    # a registered name in it: the public pack is refused, nothing written
    _pdf(data / "brieven" / "kamerbrief.pdf", 1, "Met dank aan F. Abma")
    result = run("pakket", "bo", "--data", data, "--output", tmp_path / "pub", "--openbaar")
    assert result.exit_code == 1 and not (tmp_path / "pub").exists()


def test_a_bijlage_file_that_is_no_pdf_or_outside_the_folder_is_an_error(
    run: Run, data: Path, tmp_path: Path
) -> None:
    from tests.pack_data import NOTA

    for path, content in (("brieven/brief.pdf", b"not a pdf"), ("../geheim.pdf", b"%PDF-1.4")):
        (data / path).parent.mkdir(parents=True, exist_ok=True)
        (data / path).write_bytes(content)
        add_pack(data, nota=with_file(NOTA, path))
        result = run("check", "--data", data)
        assert result.exit_code == 1
        assert "notas/bo.yaml:12:" in result.output and "bijlage 3" in result.output, path
