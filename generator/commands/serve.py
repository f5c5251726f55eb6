"""``statusgen serve``: a live preview of the deck, the documents and check's diagnostics."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from generator.exceptions import UsageError
from generator.options import data_option, peildatum_option, vergadering_option

INSTALL = "statusgen serve needs its extra: pip install 'statusgen[serve]'"


@click.command(name="serve")
@data_option
@vergadering_option
@peildatum_option
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="The address to listen on; keep it local unless you mean to share the preview.",
)
@click.option(
    "--port",
    type=click.IntRange(0, 65535),
    default=8000,
    show_default=True,
    help="The port to listen on.",
)
@click.option(
    "--template",
    "template_file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default=None,
    help="A .pptx with the organisation's masters (as for statusgen deck).",
)
@click.option(
    "--openbaar",
    is_flag=True,
    help="Preview the public version: every registered name replaced.",
)
def command(
    data_dir: Path,
    vergadering: dt.date | None,
    peildatum: dt.date | None,
    host: str,
    port: int,
    template_file: Path | None,
    openbaar: bool,
) -> None:
    """Preview the data folder in a browser while you edit it: the meeting's deck (slide
    sorter and single slides), the action table and the progress reports, with check's
    diagnostics beside them, each linking to its file and line.

    On every save the changed files are read again, the deck is laid out again and the open
    pages show the slides that changed. A file that does not validate shows its errors while
    the last good preview stays. Nothing is written, in the data folder or elsewhere.
    """
    try:
        import uvicorn

        from generator.preview.app import create_app
        from generator.preview.state import Preview
    except ImportError:
        raise UsageError(INSTALL) from None
    preview = Preview(data_dir, openbaar=openbaar, vergadering=vergadering, template=template_file)
    snapshot = preview.rebuild()
    click.echo(
        f"statusgen serve: {len(snapshot.slides)} slides of {snapshot.meeting or 'no meeting'}"
        f" on http://{host}:{port}/ (Ctrl-C stops)",
        err=True,
    )
    uvicorn.run(
        create_app(preview),
        host=host,
        port=port,
        log_level="warning",
        timeout_graceful_shutdown=1,
    )
