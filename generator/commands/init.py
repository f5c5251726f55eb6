"""``statusgen init``: a new data folder that passes ``check --strict``, to start from."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from generator.commands.new import new_file
from generator.commands.schema import schema_text
from generator.exceptions import UsageError
from generator.load.kinds import SCHEMA_FOLDER, all_kinds, kind_named
from generator.publish import Publication

ORGANISATIE = """\
# De organisatie en het register van personen: de enige plek waar namen staan.
# Elders verwijst u naar een persoon met zijn id (p-...). In de openbare versie (--openbaar)
# wordt elke naam uit dit register vervangen door "Persoonsgegevens".
naam: Crisisorganisatie
onderdeel: Crisisbureau
personen:
  - id: p-voorbeeld
    naam: V. Voorbeeld
    functie: Werkstroomtrekker
"""


@click.command(name="init")
@click.argument(
    "folder", default="status", type=click.Path(file_okay=False, path_type=Path), metavar="[DIR]"
)
def command(folder: Path) -> None:
    """Write a new data folder DIR (default: status) with organisatie.yaml, one werkstroom,
    one actie, one meeting and one nota; it passes `statusgen check --strict`. Each file's
    first line points editors to its JSON Schema, which init writes into DIR/schemas/.

    Files that exist already are never overwritten: init refuses instead.
    """
    today = dt.date.today()
    files = {"organisatie.yaml": kind_named("organisatie").modeline + "\n" + ORGANISATIE}
    for kind_name, titel in (
        ("werkstroom", "Eerste werkstroom"),
        ("actie", "Eerste actie"),
        ("vergadering", ""),
        ("nota", "Eerste nota"),
    ):
        kind = kind_named(kind_name)
        assert kind.new_name is not None
        name = kind.new_name.format(number=1, slug="eerste", datum=today.isoformat())
        document = kind.example(number=1, titel=titel, datum=today)
        assert document is not None
        if kind_name == "werkstroom":
            document["trekker"] = "p-voorbeeld"
        if kind_name == "nota":
            document["contactpersoon"] = "p-voorbeeld"
        files[name] = new_file(kind, document)
    existing = [name for name in files if (folder / name).exists()]
    if existing:
        raise UsageError(
            f"{folder} holds data already ({', '.join(existing)}); nothing was written"
        )
    publication = Publication(folder)
    for name, text in files.items():
        publication.add(name, text.encode("utf-8"))
    for kind in all_kinds():
        publication.add(f"{SCHEMA_FOLDER}/{kind.schema_name}", schema_text(kind))
    publication.publish()
    click.echo(f"next: statusgen check --data {folder} --strict")
