"""``statusgen new``: start a new werkstroom or actie file that already validates."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import click
import yaml

from generator.dataset import load
from generator.diagnostics import Report
from generator.exceptions import UsageError
from generator.kinds import kind_named
from generator.options import data_option
from generator.publish import Publication

_WIDTH = {"werkstroom": 2, "actie": 3}


def slugify(text: str, limit: int = 40) -> str:
    """'Inrichten en opstarten Commissies' -> 'inrichten-en-opstarten-commissies'."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())
    slug = ""
    for word in words:
        candidate = f"{slug}-{word}" if slug else word
        if len(candidate) > limit:
            break
        slug = candidate
    return slug or (words[0][:limit] if words else "nieuw")


def next_number(data_dir: Path, kind_name: str) -> int:
    """One more than the highest number in use, by file name or by nummer inside a file."""
    kind = kind_named(kind_name)
    used = {
        int(match[1])
        for file in data_dir.glob(kind.pattern)
        if (match := re.match(r"^(\d+)", file.name))
    }
    dataset = load(data_dir, Report())
    used.update(item.nummer for item in dataset.items(kind_name))
    return max(used, default=0) + 1


@click.command(name="new")
@click.argument("kind_name", metavar="werkstroom|actie", type=click.Choice(sorted(_WIDTH)))
@click.option("--titel", required=True, help="The title; also gives the file name's slug.")
@data_option
def command(kind_name: str, titel: str, data_dir: Path) -> None:
    """Write a new, valid werkstroom or actie file with the next free number."""
    kind = kind_named(kind_name)
    number = next_number(data_dir, kind_name)
    folder = kind.pattern.split("/", 1)[0]
    name = f"{folder}/{number:0{_WIDTH[kind_name]}d}-{slugify(titel)}.yaml"
    if (data_dir / name).exists():
        raise UsageError(f"{data_dir / name} exists already")
    document = kind.example(number=number, titel=titel.strip())
    if document is None:
        raise UsageError(f"statusgen cannot start a {kind_name} file")
    text = yaml.safe_dump(document, sort_keys=False, allow_unicode=True, width=100)
    publication = Publication(data_dir)
    publication.add(name, text.encode("utf-8"))
    publication.publish()
