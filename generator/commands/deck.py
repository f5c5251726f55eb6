"""``statusgen deck``: the SCT meeting deck as PPTX."""

from __future__ import annotations

import datetime as dt
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import TYPE_CHECKING

import click

from generator import progress
from generator.commands import load_for_publication, meeting_on
from generator.load.dataset import Dataset
from generator.load.kinds.vergadering import Vergadering
from generator.load.onderdelen import listed
from generator.options import (
    DateType,
    FiniteRange,
    data_option,
    openbaar_option,
    output_option,
    quiet_option,
    template_option,
    vergadering_option,
)
from generator.publish import Publication
from generator.resources import template as shipped

if TYPE_CHECKING:
    from generator.render.deck import LaidOut


def add_deck(
    publication: Publication,
    dataset: Dataset,
    meeting: Vergadering,
    *,
    template: Path | None,
    peildatum: dt.date | None,
    min_font_size: float = 9.0,
    svg: bool = False,
) -> str:
    """Lay out the meeting's deck and add it to ``publication`` (with ``svg``, every slide as
    SVG too, from the same layout); the name it is published as."""
    from generator.load.history import vorige
    from generator.render.deck import lay_out, write_pptx

    before = vorige(dataset, meeting)  # git: read before rendering, not while
    progress.step(f"laying out the deck of {meeting.datum.isoformat()}")
    used: Path | Traversable = template or shipped("default.pptx")
    if publication.openbaar:
        from generator.publish.template import public_template

        # rebuilt from what a deck needs, not searched for names (generator.publish.template)
        used = public_template(used)
    laid = lay_out(
        dataset,
        meeting,
        template=used,
        peildatum=peildatum,
        min_font_size=min_font_size,
        vorige=before,
    )
    # the SCT's deck keeps its name; any other overleg's is overleg-DATE.pptx
    name = f"{'sct' if meeting.sct else 'overleg'}-{meeting.datum.isoformat()}"
    if svg:
        _add_svg(publication, laid, f"{name}-dias")
    deck = write_pptx(laid)
    return publication.add(f"{name}.pptx", deck.data, f"{deck.slides} slides")


def _add_svg(publication: Publication, laid: LaidOut, folder: str) -> None:
    """Every slide as ``folder/dia-NN.svg``, its fonts in ``folder/fonts/``."""
    from generator.render.deck.svg import draw_all
    from generator.render.typography.fontfiles import FONT_FILES, font_folder

    def font(name: str) -> str:
        return publication.name(f"fonts/{name}")

    drawn = draw_all(laid, fonts_url=font)
    width = max(2, len(str(len(drawn))))
    for number, slide in enumerate(drawn, start=1):
        publication.add(f"{folder}/dia-{number:0{width}d}.svg", slide.svg.encode("utf-8"))
    for name in FONT_FILES.values():
        publication.add(f"{folder}/fonts/{name}", font_folder().joinpath(name).read_bytes())


#: the command's help; the onderdelen come from their table (generator.load.onderdelen), so a new
#: part is listed here, in ``--help`` and in docs/reference/cli.md without an edit
HELP = f"""Build the SCT deck for a meeting: output/sct-DATE.pptx (sct-DATE-openbaar.pptx with
    --openbaar).

    The slides follow the meeting's agenda: title, agenda, a divider per rubriek, the items'
    Markdown, and the generated parts an item names as its onderdeel ({listed()}).
    Tables that do not fit continue on the next slide, titled (I/II), (II/II).
    """


@click.command(name="deck", help=HELP)
@data_option
@output_option
@vergadering_option
@template_option
@openbaar_option
@click.option(
    "--peildatum",
    type=DateType(),
    default=None,
    help="Reference date for overdue deadlines  [default: the meeting date]",
)
@click.option(
    "--min-font-size",
    type=FiniteRange(8, 12),
    default=9.0,
    show_default=True,
    help="The smallest size, in points, a table is set in to need fewer slides; each table "
    "takes the largest size from 12 pt down to this that needs no more slides than this does.",
)
@click.option(
    "--svg",
    is_flag=True,
    help="Also draw every slide as SVG, from the same layout, into sct-DATE-dias/ (with the "
    "fonts it is set in): to look at the deck without PowerPoint or LibreOffice.",
)
@quiet_option
def command(
    data_dir: Path,
    output_dir: Path,
    vergadering: dt.date | None,
    template_file: Path | None,
    openbaar: bool,
    strict: bool,
    peildatum: dt.date | None,
    min_font_size: float,
    svg: bool,
) -> None:
    """``statusgen deck``; its help is HELP, which lists the onderdelen from their table."""
    dataset, publication = load_for_publication(
        data_dir, output_dir, openbaar=openbaar, strict=strict, peildatum=peildatum
    )
    meeting = meeting_on(dataset.vergaderingen, vergadering)
    add_deck(
        publication,
        dataset,
        meeting,
        template=template_file,
        peildatum=peildatum,
        min_font_size=min_font_size,
        svg=svg,
    )
    publication.publish()
