"""``statusgen diff``: what changed in the data between two versions, for a pull request."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import click

from generator import progress
from generator.domain.compare import review as compared
from generator.domain.review import Review
from generator.exceptions import DataError
from generator.load import history
from generator.load.dataset import Dataset
from generator.load.diagnostics import Diagnostics
from generator.load.vorige import Vorige
from generator.options import (
    data_option,
    formats_option,
    openbaar_option,
    quiet_option,
    vergadering_option,
)
from generator.publish import Publication, public, public_publication
from generator.publish.redact import redacted
from generator.render.diff import FORMATS


@click.command(name="diff")
@click.argument("base", required=False)
@click.argument("head", required=False)
@data_option
@formats_option(FORMATS, one=True)
@click.option(
    "--visual",
    "visual_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Also write pictures of what changed into this folder: the deck's slides and the "
    "documents' pages that differ, before and after (SVG and PNG), index.html and "
    "samenvatting.md (which slide of which product changed, and why).",
)
@vergadering_option
@openbaar_option
@quiet_option
def command(
    data_dir: Path,
    base: str | None,
    head: str | None,
    fmt: str,
    visual_dir: Path | None,
    vergadering: dt.date | None,
    openbaar: bool,
    strict: bool,
) -> None:
    """Summarise what changed in the data between BASE and HEAD (git refs).

    BASE defaults to where the current branch left the main branch, HEAD to the working tree.
    Changes are matched by number (a renamed file is not removed and added): status changes,
    deadline moves with the number of days, opdrachten, hoofdacties and acties added or removed,
    the SCT's actions added, closed and moved, and texts changed word by word. A file that does
    not validate is reported with its error.

    With --visual DIR, the slides of the meeting's deck (--vergadering, else the latest) and
    the pages of the action table and progress reports that look different are drawn before
    and after; slides are matched by what they are, so a slide that only moved is listed as
    moved, not as changed.
    """
    with history.versions(data_dir, base, head) as (old_version, new_version):
        old, new = old_version.dataset, new_version.dataset
        publication = Publication(None)
        if openbaar:
            # the base version is audited too: a name removed since then is in the diff
            publication = public_publication(
                None,
                [(old, old_version.label), (new, None if head is None else new_version.label)],
                strict=strict,
            )
        # compared as written, redacted after: rows matched by a title that differs only by
        # a name stay apart, and a name changed inside a text is a change
        review = compared(old_version, new_version)
    withheld = publication.withheld
    if withheld is not None:
        # before it is written: what the writers shorten ("Titel…") is shortened redacted
        review = redacted(review, withheld)
        # the pictures are of the public versions
        old, new = public(old, withheld), public(new, withheld)
    if visual_dir is not None:
        publication.folder = visual_dir
        _visual(
            publication,
            old,
            new,
            review,
            vergadering,
            old_version.diagnostics,
            new_version.diagnostics,
        )
    text = FORMATS.render(review, [fmt])[fmt].decode("utf-8")
    if withheld is not None:
        # the JSON redacted as data (a name inside an escaped string is still found)
        text = (
            json.dumps(redacted(json.loads(text), withheld), ensure_ascii=False, indent=2) + "\n"
            if fmt == "json"
            else withheld.redact(text)
        )
    publication.echo(text, nl=False)
    publication.publish()


def _visual(
    publication: Publication,
    old: Dataset,
    new: Dataset,
    review: Review,
    vergadering: dt.date | None,
    old_diagnostics: Diagnostics,
    new_diagnostics: Diagnostics,
) -> None:
    """The visual diff's files, added to ``publication``; a version that does not validate is
    not drawn (its files are reported in the summary)."""
    from generator.render import pictures
    from generator.render.deck.template import Template
    from generator.render.diff import visual
    from generator.render.typography.fontfiles import FONT_FILES, font_folder
    from generator.resources import template

    progress.step("drawing the slides and pages that look different")
    before = None if old_diagnostics.errors else old
    if new_diagnostics.errors:
        raise DataError(len(new_diagnostics.errors))
    opened = Template(template("default.pptx"))
    products = []
    date = pictures.deck_date(new, vergadering)
    # read before the decks are laid out, as the deck command does
    vorige = (_vorige(before, date), _vorige(new, date))
    deck = pictures.deck_product(
        before,
        new,
        vergadering=vergadering,
        template=opened,
        published=publication.name,
        vorige=vorige,
    )
    if deck is not None:
        products.append(deck)
    products += pictures.document_products(before, new)
    outcomes = [visual.match(product, review) for product in products]
    fonts = {name: font_folder().joinpath(name).read_bytes() for name in FONT_FILES.values()}
    drawn = visual.files(
        outcomes, review, fonts, rasterise=pictures.rasterise, published=publication.name
    )
    for name, data in drawn.items():
        publication.add(name, data)


def _vorige(dataset: Dataset | None, date: dt.date | None) -> Vorige | None:
    """The data as of the SCT before the deck's meeting in ``dataset``, from git."""
    from generator.render import pictures

    if dataset is None or date is None:
        return None
    meeting = pictures.deck_meeting(dataset, date)
    return None if meeting is None else history.vorige(dataset, meeting)
