"""``statusgen pakket ID``: a nota with its bijlagen as one folder with an index and one PDF."""

from __future__ import annotations

from pathlib import Path

import click

from generator import progress
from generator.commands.nota import NotaRun
from generator.commands.report import reports
from generator.load.dataset import Dataset
from generator.load.kinds.nota import Bijlage
from generator.options import data_option, openbaar_option, output_option, quiet_option
from generator.publish import Publication
from generator.render import pakket
from generator.render.nota.build import product_file


def bijlage_files(dataset: Dataset, bijlage: Bijlage) -> dict[str, bytes]:
    """The bijlage's product by extension, PDF first; empty when it is not a statusgen product."""
    product = bijlage.product
    if bijlage.deck or bijlage.verslag:
        day = bijlage.deck or bijlage.verslag
        meeting = next(m for m in dataset.vergaderingen if m.datum == day)
        if bijlage.deck:
            from generator.load.history import vorige
            from generator.render.deck import render as deck
            from generator.render.officepdf import to_pdf
            from generator.resources import template

            progress.step(f"laying out the deck of {meeting.datum.isoformat()}")
            before = vorige(dataset, meeting)
            pptx = deck(dataset, meeting, template=template("default.pptx"), vorige=before).data
            progress.step("making a PDF of the deck (LibreOffice)")
            return {"pdf": to_pdf("deck.pptx", pptx), "pptx": pptx}
        from generator.render.verslag import FORMATS as VERSLAG
        from generator.render.verslag.build import build as build_verslag

        progress.step(f"writing the verslag of {meeting.datum.isoformat()}")
        return VERSLAG.render(build_verslag(dataset, meeting), ["pdf", "docx"])
    if product == "rapportage":
        from generator.render.rapportage import FORMATS as RAPPORTAGE
        from generator.render.rapportage.build import build as build_report

        assert bijlage.rapportage is not None
        progress.step(f"typesetting the report {bijlage.rapportage}")
        rapport = build_report(dataset, bijlage.rapportage, reports(dataset)[bijlage.rapportage])
        return RAPPORTAGE.render(rapport, ["pdf"])
    if product == "actietabel":
        from generator.render.actietabel import FORMATS as ACTIETABEL
        from generator.render.actietabel.build import build as build_tabel

        progress.step("building the action table")
        return ACTIETABEL.render(build_tabel(dataset, secties=[], statussen=[]), ["pdf", "docx"])
    if bijlage.bestand:
        from generator.load.attachments import read_pdf

        return {"pdf": read_pdf(dataset.root, bijlage.bestand)}
    return {}


@click.command(name="pakket")
@click.argument("nota_id", metavar="ID")
@data_option
@output_option
@openbaar_option
@quiet_option
def command(nota_id: str, data_dir: Path, output_dir: Path, openbaar: bool, strict: bool) -> None:
    """Write the pack of the nota notas/ID.yaml: the folder output/pakket-ID/ (pakket-ID-
    openbaar/ with --openbaar) with the nota, each bijlage that is a statusgen product (the
    deck, the verslag, a report, the action table) in its own formats and as PDF, index.md,
    and pakket-ID.pdf: the nota and its bijlagen in one PDF, in the bijlagen's order, a
    bookmark for each.

    A bijlage that is a PDF in the data folder (bestand) is included as it is; any other is
    listed in the index as not included. The deck becomes PDF through LibreOffice (soffice).
    """
    run = NotaRun(data_dir, output_dir, nota_id, openbaar=openbaar, strict=strict)
    publication = run.publication
    publication.folder = output_dir / publication.name(f"pakket-{nota_id}")
    delen: list[pakket.Deel] = []
    names: dict[int, str] = {}
    for number, bijlage in enumerate(run.nota.bijlagen, start=1):
        files = bijlage_files(run.dataset, bijlage)
        stem = _stem(bijlage, run.dataset)
        written = tuple(
            _add(publication, f"bijlage-{number}-{stem}.{ext}", data) for ext, data in files.items()
        )
        if written:
            names[number] = written[0]
        delen.append(pakket.Deel(number, bijlage.titel, written, files.get("pdf")))
    document = run.document(names)
    progress.step(f"typesetting the nota {nota_id}")
    from generator.render.nota import FORMATS as NOTA

    made = NOTA.render(document, ["pdf", "docx"])
    nota_files = tuple(
        _add(publication, f"nota-{nota_id}.{ext}", data) for ext, data in made.items()
    )
    delen.insert(0, pakket.Deel(0, document.onderwerp, nota_files, made["pdf"]))
    progress.step("combining the PDFs")
    combined = publication.name(f"pakket-{nota_id}.pdf")
    publication.add(
        f"pakket-{nota_id}.pdf",
        pakket.combined(delen, f"Pakket {document.onderwerp}"),
        f"{sum(d.pdf is not None for d in delen)} documents",
    )
    publication.add("index.md", pakket.index(document, delen, combined).encode("utf-8"))
    missing = [d.nummer for d in delen if not d.bestanden]
    publication.echo(
        f"pakket {nota_id}: the nota and {len(delen) - 1 - len(missing)} of "
        f"{len(delen) - 1} bijlagen"
        + (f"; not included: bijlage {', '.join(map(str, missing))}" if missing else "")
    )
    publication.publish()


def _stem(bijlage: Bijlage, dataset: Dataset) -> str:
    """The bijlage's file name in the pack, after "bijlage-N-", without extension."""
    if bijlage.bestand:
        return Path(bijlage.bestand).stem
    return (product_file(bijlage, dataset) or "").rpartition(".")[0]


def _add(publication: Publication, name: str, data: bytes) -> str:
    return publication.add(name, data)
