"""``statusgen schema``: JSON Schema files, one per kind of data file, from the same models."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from generator.load.kinds import Kind, all_kinds
from generator.options import output_option
from generator.publish import Publication


def schema_for(kind: Kind[Any]) -> dict[str, Any]:
    schema = kind.model.model_json_schema()
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": f"statusgen {kind.name} ({kind.pattern})",
        **{k: v for k, v in schema.items() if k != "title"},
        "description": kind.description,
    }


@click.command(name="schema")
@output_option
def command(output_dir: Path) -> None:
    """Write JSON Schema files for editors (yaml-language-server) and pre-commit.

    One <kind>.schema.json per kind of data file. Point yaml-language-server at them with a first
    line such as  # yaml-language-server: $schema=../schemas/werkstroom.schema.json
    """
    publication = Publication(output_dir)
    for kind in all_kinds():
        text = json.dumps(schema_for(kind), ensure_ascii=False, indent=2) + "\n"
        publication.add(kind.schema_name, text.encode("utf-8"))
    publication.publish()
