"""``statusgen schema``: JSON Schema files, one per kind of data file, from the same models."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from generator.exceptions import UsageError
from generator.load.kinds import SCHEMA_FOLDER, Kind, all_kinds
from generator.publish import Publication


def schema_for(kind: Kind[Any]) -> dict[str, Any]:
    schema = kind.model.model_json_schema()
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": f"statusgen {kind.name} ({kind.pattern})",
        **{k: v for k, v in schema.items() if k != "title"},
        "description": kind.description,
    }


def schema_text(kind: Kind[Any]) -> bytes:
    return (json.dumps(schema_for(kind), ensure_ascii=False, indent=2) + "\n").encode("utf-8")


@click.command(name="schema")
@click.option(
    "--data",
    "data_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default="status",
    show_default=True,
    envvar="STATUSGEN_DATA",
    show_envvar=True,
    help="The data folder whose schemas/ to write.",
)
@click.option(
    "--output",
    "output_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help=f"The folder to write into (created if missing)  [default: DATA/{SCHEMA_FOLDER}]",
)
def command(data_dir: Path, output_dir: Path | None) -> None:
    """Write JSON Schema files for editors (yaml-language-server) and pre-commit.

    One <kind>.schema.json per kind of data file, into the data folder's schemas/ (keep them in
    git with the data; run this again after upgrading statusgen). The files `init` and `new`
    write start with a line that points the editor to them from where the file lies, such as
    `# yaml-language-server: $schema=../schemas/werkstroom.schema.json`.
    """
    if output_dir is None and not data_dir.is_dir():
        raise UsageError(f"there is no data folder {data_dir}: name it with --data, or --output")
    publication = Publication(output_dir or data_dir / SCHEMA_FOLDER)
    for kind in all_kinds():
        publication.add(kind.schema_name, schema_text(kind))
    publication.publish()
