"""``statusgen nota ID``: a nota to the bewindspersoon in the formats of its table
(``FORMATS``: DOCX and tagged PDF)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from generator.commands import load_valid
from generator.exceptions import UsageError
from generator.load.dataset import Dataset
from generator.load.kinds.nota import Nota
from generator.model.withheld import Withheld
from generator.options import (
    data_option,
    described,
    formats_option,
    openbaar_option,
    output_option,
    quiet_option,
)
from generator.publish import Publication, public_versions
from generator.publish.document import add_document
from generator.publish.withheld import count
from generator.quoting import did_you_mean
from generator.render.nota import FORMATS
from generator.render.nota.build import NotaDocument, build, notas


def find_nota(dataset: Dataset, nota_id: str) -> Nota:
    """The nota ``nota_id``; UsageError naming the notas there are."""
    found = notas(dataset)
    if nota_id not in found:
        known = sorted(found)
        raise UsageError(
            f"there is no nota '{nota_id}'{did_you_mean(nota_id, known)} "
            f"(notas/: {', '.join(known) or 'none'})"
        )
    return found[nota_id]


def nota_sources(dataset: Dataset, nota: Nota) -> list[Any]:
    """What the nota and its statusgen bijlagen are built from: the texts whose redaction the
    public nota accounts for."""
    sources: list[Any] = [nota]
    for bijlage in nota.bijlagen:
        day = bijlage.deck or bijlage.verslag
        if day:
            sources += [m for m in dataset.vergaderingen if m.datum == day]
        elif bijlage.rapportage:
            found = dataset.rapportages.get(bijlage.rapportage)
            sources += [found] if found else []
        elif bijlage.actietabel:
            sources += dataset.acties
    return sources


class NotaRun:
    """One nota read from the data: in its public version with ``openbaar``, with what that
    withholds counted."""

    def __init__(self, data_dir: Path, output_dir: Path, nota_id: str, *, openbaar: bool,
                 strict: bool) -> None:  # fmt: skip
        full = load_valid(data_dir)
        nota = find_nota(full, nota_id)
        self.withheld: Withheld | None = None
        if openbaar:
            (self.dataset,), self.publication = public_versions(
                output_dir, [(full, None)], strict=strict
            )
            assert self.publication.withheld is not None
            self.withheld = count(nota_sources(full, nota), self.publication.withheld)
        else:
            self.dataset, self.publication = full, Publication(output_dir)
        self.id = nota_id
        self.nota: Nota = find_nota(self.dataset, nota_id)

    def document(self, bestanden: dict[int, str] | None = None) -> NotaDocument:
        return build(self.dataset, self.id, self.nota, withheld=self.withheld, bestanden=bestanden)


def add_nota(publication: Publication, nota: NotaDocument, formats: list[str]) -> dict[str, str]:
    """Add the nota in ``formats`` to ``publication``; the names written, by format."""
    return add_document(
        publication, FORMATS, nota, formats, stem=f"nota-{nota.id}", what=f"the nota {nota.id}"
    )


@click.command(name="nota")
@click.argument("nota_id", metavar="ID")
@data_option
@output_option
@formats_option(FORMATS, stem="nota-ID")
@openbaar_option
@quiet_option
@described(files=FORMATS.pattern("nota-ID"))
def command(
    nota_id: str,
    data_dir: Path,
    output_dir: Path,
    formats: list[str],
    openbaar: bool,
    strict: bool,
) -> None:
    """Write the nota notas/ID.yaml: {files}.

    The Rijkshuisstijl's nota: the header block (type, Aan, the directorate, Datum,
    Notanummer, the bijlagen by number) at the left, the sections Aanleiding, Geadviseerd
    besluit, Kern, Toelichting and "Informatie die niet openbaar gemaakt kan worden" at the
    right. With --openbaar that last section says what the public version withholds and on
    which ground (Woo 5.1.2e), counted from what was replaced; statusgen pakket adds the
    bijlagen.
    """
    run = NotaRun(data_dir, output_dir, nota_id, openbaar=openbaar, strict=strict)
    document = run.document()
    add_nota(run.publication, document, formats)
    run.publication.echo(document.samenvatting)
    run.publication.publish()
