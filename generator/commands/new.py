"""``statusgen new``: start a new file of any kind that already validates."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import click
import yaml

from generator.exceptions import UsageError
from generator.load.dataset import Dataset, load
from generator.load.diagnostics import Diagnostics
from generator.load.kinds import SCHEMA_FOLDER, Kind, all_kinds, kind_named
from generator.load.onefile import file_errors
from generator.load.yamlsource import SourceError, parse
from generator.options import DateType, data_option
from generator.publish import Publication

NEW_KINDS = tuple(k.name for k in all_kinds() if k.new_name)
HEADER = "# Nieuw bestand van statusgen new: vul titels, deadlines en statussen aan.\n"


def new_file(kind: Kind[Any], document: dict[str, Any]) -> str:
    """A new data file's text: the modeline that finds its schema, a note, the document."""
    return kind.modeline + "\n" + HEADER + dump(document)


def add_schema(publication: Publication, data_dir: Path, kind: Kind[Any]) -> None:
    """The kind's schema in the data folder, where the new file's modeline points, unless one
    is there already (`statusgen schema` refreshes them all)."""
    from generator.commands.schema import schema_text

    name = f"{SCHEMA_FOLDER}/{kind.schema_name}"
    if not (data_dir / name).exists():
        publication.add(name, schema_text(kind))


#: words of a name that are ordinary words too: kept in a file name
_TUSSENVOEGSELS = frozenset(
    {"van", "de", "der", "den", "het", "ter", "ten", "te", "in", "op"}
    | {"la", "le", "du", "da", "di", "del", "el", "al", "von", "zu"}
)


def _slug_words(text: str) -> list[str]:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.findall(r"[a-z0-9]+", ascii_text.lower())


def name_words(names: Iterable[str]) -> frozenset[str]:
    """The words of registered names and person ids as they would stand in a file name
    (initials and tussenvoegsels left out)."""
    return frozenset(
        word
        for name in names
        for word in _slug_words(name)
        if len(word) > 1 and word not in _TUSSENVOEGSELS
    )


def slugify(text: str, limit: int = 40, *, leave_out: frozenset[str] = frozenset()) -> str:
    """'Inrichten en opstarten Commissies' -> 'inrichten-en-opstarten-commissies'. Words in
    ``leave_out`` (the registered names) are left out: a file name is published in the
    repository and in every diff, and is never redacted."""
    words = [word for word in _slug_words(text) if word not in leave_out]
    slug = ""
    for word in words:
        candidate = f"{slug}-{word}" if slug else word
        if len(candidate) > limit:
            break
        slug = candidate
    return slug or (words[0][:limit] if words else "nieuw")


def next_number(data_dir: Path, kind: Kind[Any], dataset: Dataset | None = None) -> int:
    """One more than the highest number in use, by file name or inside a file."""
    used = set()
    if not kind.singleton:
        used = {
            int(match[1])
            for file in data_dir.glob(kind.pattern)
            if (match := re.match(r"^(\d+)", file.name))
        }
    dataset = dataset or load(data_dir, Diagnostics())
    for item in dataset.items(kind.name):
        used.update(kind.numbers(item))
    return max(used, default=0) + 1


class _Dumper(yaml.SafeDumper):
    """Writes text of several lines as a literal block (``|``), as editors write Markdown."""


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _text)


def dump(document: dict[str, Any]) -> str:
    return yaml.dump(document, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100)


@click.command(name="new")
@click.argument("kind_name", metavar="|".join(NEW_KINDS), type=click.Choice(NEW_KINDS))
@click.option("--titel", default=None, help="The title; also gives the file name's slug.")
@click.option(
    "--datum",
    type=DateType(),
    default=None,
    help="The meeting date (vergadering), or the end of the period (rapportage)  [default: today]",
)
@data_option
def command(kind_name: str, titel: str | None, datum: dt.date | None, data_dir: Path) -> None:
    """Write a new, valid file of a kind: werkstroom and actie get the next free number,
    a vergadering is named after its date, a risico is added to risicos.yaml.

    What it writes passes `statusgen check --strict`; fill in the rest. A new file's first line
    points editors to its kind's JSON Schema in DATA/schemas/ (written there if missing). A
    title that check would refuse is refused here, and the file name leaves out the words of
    registered names.
    """
    kind = kind_named(kind_name)
    if titel is None and kind_name != "vergadering":
        raise UsageError(f"statusgen new {kind_name} needs --titel")
    if titel is not None and not titel.strip():
        raise UsageError("--titel is empty: give the title the new file starts with")
    titel = (titel or "").strip()
    datum = datum or dt.date.today()
    dataset = load(data_dir, Diagnostics())
    number = next_number(data_dir, kind, dataset)
    assert kind.new_name is not None
    registered = name_words(text for pair in dataset.personen.items() for text in pair)
    slug = slugify(titel, leave_out=registered)
    name = kind.new_name.format(number=number, slug=slug, datum=datum.isoformat())
    document = kind.example(number=number, titel=titel, datum=datum)
    assert document is not None
    path = data_dir / name
    if kind.singleton and path.exists():
        text = _add_entries(path, kind, document)
    elif path.exists():
        raise UsageError(f"{path} exists already")
    else:
        text = new_file(kind, document)
    refused = file_errors(kind, name, text)
    if refused:
        shown = "; ".join(refused[:3]) + (f"; and {len(refused) - 3} more" if refused[3:] else "")
        raise UsageError(
            f"statusgen new would write {path}, which check refuses ({shown}); nothing was "
            "written: change --titel"
        )
    publication = Publication(data_dir)
    publication.add(name, text.encode("utf-8"))
    add_schema(publication, data_dir, kind)
    publication.publish()


def _add_entries(path: Path, kind: Kind[Any], document: dict[str, Any]) -> str:
    """The text of ``path`` with the entries of ``document``'s one list added at its end, the
    editors' comments and layout kept; refused when the result would not be the same file with
    those entries added."""
    (key, entries), *_ = document.items()
    text = path.read_text(encoding="utf-8")
    indent = re.search(rf"^{re.escape(key)}:\s*\n([ ]*)- ", text, re.MULTILINE)
    if indent is None:
        raise UsageError(f"cannot add to {path}: its '{key}:' list was not found")
    block = yaml.safe_dump(entries, sort_keys=False, allow_unicode=True, width=100)
    added = "".join(indent[1] + line + "\n" for line in block.splitlines())
    new = text.rstrip("\n") + "\n" + added
    refusal = f"cannot add to {path} automatically; add this at the end of '{key}':\n{added}"
    try:
        before = getattr(kind.model.model_validate(parse(path, text).data), key)
        after = getattr(kind.model.model_validate(parse(path, new).data), key)
        wanted = getattr(kind.model.model_validate(document), key)
    except (SourceError, ValueError):
        raise UsageError(refusal) from None
    if after != [*before, *wanted]:
        raise UsageError(refusal)
    return new
