"""Load a whole data folder: every file read, validated and cross-checked, all errors collected.

The first phase of every command. Nothing here writes; nothing here prints. It is one module
because the checks across files (references, texts, deadlines) run on the Dataset that reading
the files builds, in the order the loader reads them.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any, Generic, cast

from pydantic import ValidationError

from generator import progress
from generator.load.datafiles import MAX_BYTES, DataFolder, FileRefused, yaml_files
from generator.load.deadlinenotes import deadline_notes, reference_date
from generator.load.diagnostics import Diagnostics, DocPath, display_path
from generator.load.fields import PERSON_ID, is_markdown
from generator.load.filecache import FileCache
from generator.load.indentation import misplaced_keys
from generator.load.kinds import CheckContext, Kind, M, Ref, all_kinds
from generator.load.kinds.actie import Actie
from generator.load.kinds.actietabel import Actietabel
from generator.load.kinds.communicatie import Communicatie
from generator.load.kinds.dashboard import Dashboard
from generator.load.kinds.nota import Nota
from generator.load.kinds.organisatie import Organisatie
from generator.load.kinds.rapportage import Rapportage
from generator.load.kinds.risico import Risicolog
from generator.load.kinds.vergadering import Vergadering
from generator.load.kinds.werkstroom import Werkstroom
from generator.load.messages import describe_validation_error
from generator.load.senders import warn_missing_senders
from generator.load.textlimits import character_problems, markdown_problems, plain_problems
from generator.load.textproblem import TextProblem
from generator.load.yamlsource import SourceDocument, SourceError, decode, read, strings
from generator.model.people import People
from generator.quoting import did_you_mean
from generator.text.shorten import shorten

log = logging.getLogger(__name__)


@dataclass
class Loaded(Generic[M]):
    """One valid file: its model and where everything in it stands."""

    kind: Kind[M]
    source: SourceDocument
    item: M

    @property
    def file(self) -> Path:
        return self.source.file


@dataclass
class Dataset:
    """Everything in a data folder that validated, by kind."""

    root: Path
    loaded: dict[str, list[Loaded[Any]]] = field(default_factory=dict)
    #: kinds of which at least one file did not validate: references into them are not judged
    incomplete: set[str] = field(default_factory=set)
    #: the text of each Markdown file the data points to (inhoud_bestand), as it was checked
    markdown_files: dict[str, str] = field(default_factory=dict)
    #: the public version (Woo), made by generator.publish.redact: no registered name left
    openbaar: bool = False

    def items(self, kind: str) -> list[Any]:
        return [entry.item for entry in self.loaded.get(kind, [])]

    @property
    def organisatie(self) -> Organisatie | None:
        items = self.items("organisatie")
        return items[0] if items else None

    @property
    def werkstromen(self) -> list[Werkstroom]:
        return sorted(self.items("werkstroom"), key=lambda w: w.nummer)

    @property
    def acties(self) -> list[Actie]:
        return sorted(self.items("actie"), key=lambda a: a.nummer)

    @property
    def vergaderingen(self) -> list[Vergadering]:
        """Every meeting, oldest first."""
        return sorted(self.items("vergadering"), key=lambda m: m.datum)

    @property
    def risicolog(self) -> Risicolog | None:
        return self._single("risico", Risicolog)

    @property
    def dashboard(self) -> Dashboard | None:
        return self._single("dashboard", Dashboard)

    @property
    def communicatie(self) -> Communicatie | None:
        return self._single("communicatie", Communicatie)

    @property
    def actietabel(self) -> Actietabel | None:
        return self._single("actietabel", Actietabel)

    @property
    def rapportages(self) -> dict[str, Rapportage]:
        """File stem (the id commands name) -> rapportage."""
        return self._by_stem("rapportage")

    @property
    def notas(self) -> dict[str, Nota]:
        """File stem (the id commands name) -> nota."""
        return self._by_stem("nota")

    def _single(self, kind: str, model: type[M]) -> M | None:
        items = self.items(kind)
        found = items[0] if items else None
        assert found is None or isinstance(found, model)
        return found

    def _by_stem(self, kind: str) -> dict[str, Any]:
        return {entry.file.stem: entry.item for entry in self.loaded.get(kind, [])}

    @property
    def personen(self) -> dict[str, str]:
        """Person id -> name ("Persoonsgegevens" in the public version)."""
        org = self.organisatie
        return {p.id: p.naam for p in org.personen} if org else {}

    @property
    def people(self) -> People:
        org = self.organisatie
        units = {p.id: p.onderdeel for p in org.personen} if org else {}
        return People(self.personen, units)

    def markdown_file(self, relative: str) -> str:
        """The text of a Markdown file the data points to, as ``check`` read and judged it (it
        is not read again, so what is rendered is what was checked)."""
        return self.markdown_files[relative]


def load(
    root: Path,
    diagnostics: Diagnostics,
    *,
    peildatum: dt.date | None = None,
    cache: FileCache | None = None,
) -> Dataset:
    """Read every file under ``root`` into a Dataset, adding each problem to ``diagnostics``; with
    ``cache``, a file whose bytes did not change since the last load is not read again."""
    dataset = Dataset(root)
    folder = DataFolder(root)
    peildatum = peildatum or dt.date.today()
    known: set[Path] = set()
    for kind in all_kinds():
        files = sorted(root.glob(kind.pattern))
        known.update(files)
        if not files and kind.required:
            diagnostics.error(
                root / kind.pattern, (1, 1), f"{kind.pattern} is missing: {kind.description}"
            )
        if kind.singleton and len(files) > 1:
            diagnostics.error(files[1], (1, 1), f"only one {kind.pattern} is allowed")
        for file in files:
            progress.step(f"reading {file.parent.name}/{file.name}")
            read = partial(_load_file, kind, file, folder, peildatum=peildatum)
            entry = read(diagnostics) if cache is None else cache.load(file, read, diagnostics)
            if entry is None:
                dataset.incomplete.add(kind.name)
            else:
                dataset.loaded.setdefault(kind.name, []).append(entry)
    _warn_unknown_files(root, known, diagnostics)
    _cross_check(dataset, diagnostics)
    _warn_texts(dataset, diagnostics)
    unsent = [
        (kind, entry.file)
        for kind in ("rapportage", "actietabel")
        for entry in dataset.loaded.get(kind, [])
        if getattr(entry.item, "afzender", None) is None
    ]
    warn_missing_senders(dataset.organisatie, unsent, diagnostics)
    context = CheckContext(
        peildatum=peildatum,
        root=root,
        present=frozenset(dataset.loaded) | frozenset(dataset.incomplete),
    )
    for entries in dataset.loaded.values():
        for entry in entries:
            for path, relative in entry.kind.markdown_files(entry.item):
                _load_markdown_file(folder, dataset, entry, path, relative, diagnostics)
            for path, message in entry.kind.errors(entry.item, context):
                diagnostics.error(entry.file, entry.source.position(path), message, path)
            for path, message in entry.kind.warnings(entry.item, context):
                diagnostics.warning(entry.file, entry.source.position(path), message, path)
            for path, severity, message in deadline_notes(entry.item):
                diagnostics.add(
                    entry.file, entry.source.position(path), message, path=path, severity=severity
                )
    return dataset


def _load_file(
    kind: Kind[M], file: Path, folder: DataFolder, diagnostics: Diagnostics, peildatum: dt.date
) -> Loaded[M] | None:
    try:
        source = read(file, folder)
    except SourceError as exc:
        diagnostics.error(file, exc.position, exc.message)
        return None
    except OSError as exc:
        diagnostics.error(file, (1, 1), f"cannot read the file: {exc.strerror}")
        return None
    for position, message, path in source.problems:
        diagnostics.error(file, position, message, path)
    for position, message, path in source.warnings:
        diagnostics.warning(file, position, message, path)
    for path, position, message in misplaced_keys(source, kind.model):
        diagnostics.warning(file, position, message, path)
    refused = _check_texts(kind, source, diagnostics)
    try:
        context = {"reference": reference_date(source.data, peildatum)}
        item = cast(M, kind.model.model_validate(source.data, context=context))
    except ValidationError as exc:
        # a value the reading already refused (an impossible date) is not reported twice
        for path, message, at_key in describe_validation_error(exc, kind.model):
            if tuple(path) not in source.unreadable:
                diagnostics.error(file, source.position(path, key=at_key), message, path)
        return None
    if source.problems or refused:
        return None
    entry = Loaded(kind, source, item)
    _check_file_number(entry, diagnostics)
    return entry


def _check_texts(kind: Kind[Any], source: SourceDocument, diagnostics: Diagnostics) -> bool:
    """Reports every text the outputs cannot carry (too deep, a word too long); True if any."""
    found = False
    for path, text in source.suspects:
        markdown = is_markdown(kind.model, path)
        problems = markdown_problems(text) if markdown else plain_problems(text)
        for problem in problems:
            position = source.locate(path, text, problem.line, problem.column)
            diagnostics.error(source.file, position, problem.message, path)
            found = True
    return found


def _load_markdown_file(
    folder: DataFolder,
    dataset: Dataset,
    entry: Loaded[Any],
    path: DocPath,
    relative: str,
    diagnostics: Diagnostics,
) -> None:
    """Read and judge a Markdown file the data points to; its problems are reported in it."""
    file = dataset.root / relative
    try:
        text = decode(file, _read_markdown_file(folder, relative))
    except FileRefused as exc:
        diagnostics.error(entry.file, entry.source.position(path), exc.message, path)
        return
    except SourceError as exc:
        diagnostics.error(file, exc.position, exc.message)
        return
    problems, count = character_problems(text)
    if count > len(problems):
        problems.append(
            TextProblem(0, 0, f"{count - len(problems)} more characters that are not allowed")
        )
    problems += markdown_problems(text)
    for problem in problems:
        diagnostics.error(file, (problem.line + 1, problem.column + 1), problem.message)
    if not problems:
        dataset.markdown_files[relative] = text


def _read_markdown_file(folder: DataFolder, relative: str) -> bytes:
    """The bytes of inhoud_bestand ``relative``; FileRefused says why it cannot be used."""
    name = f"inhoud_bestand '{relative}'"
    file = folder.root / relative
    try:
        if not (folder.base / relative).resolve().is_relative_to(folder.base):
            raise FileRefused(f"{name} points outside the data folder")
        if not file.exists() and not file.is_symlink():
            raise FileRefused(f"{name} does not exist (paths are relative to the data folder)")
        return folder.read(file, limit=MAX_BYTES)
    except FileRefused as exc:
        if exc.message.startswith(name):
            raise
        raise FileRefused(f"{name}: {exc.message}") from None
    except (OSError, RuntimeError, ValueError) as exc:
        raise FileRefused(f"{name} cannot be read: {exc}") from None


def _check_file_number(entry: Loaded[Any], diagnostics: Diagnostics) -> None:
    problem = entry.kind.file_name_problem(entry.item, entry.file.name)
    if problem is not None:
        path, message = problem
        diagnostics.warning(entry.file, entry.source.position(path), message, path)


def _walk_refs(dataset: Dataset, method: str) -> Iterator[tuple[Loaded[Any], Ref]]:
    for entries in dataset.loaded.values():
        for entry in entries:
            for ref in getattr(entry.kind, method)(entry.item):
                yield entry, ref


def _cross_check(dataset: Dataset, diagnostics: Diagnostics) -> None:
    defined: dict[tuple[str, str | int], tuple[Loaded[Any], DocPath]] = {}
    for entry, ref in _walk_refs(dataset, "identities"):
        first = defined.get((ref.namespace, ref.key))
        if first is None:
            defined[(ref.namespace, ref.key)] = (entry, ref.path)
            continue
        other, other_path = first
        line = other.source.position(other_path)[0]
        diagnostics.error(
            entry.file,
            entry.source.position(ref.path),
            f"{ref.namespace} {ref.key} is defined twice: also in "
            f"{display_path(other.file)}:{line}",
            ref.path,
        )

    providers = {ns: kind for kind in all_kinds() for ns in kind.provides}
    for entry, ref in _walk_refs(dataset, "references"):
        provider = providers.get(ref.namespace)
        if provider is None or provider.name in dataset.incomplete:
            continue  # that kind of file does not exist yet, or did not load: no cascade
        if (ref.namespace, ref.key) in defined:
            continue
        if provider.name not in dataset.loaded and not provider.required:
            continue
        choices = [str(key) for (ns, key) in defined if ns == ref.namespace]
        diagnostics.error(
            entry.file,
            entry.source.position(ref.path),
            f"unknown {ref.namespace} '{ref.key}'{did_you_mean(str(ref.key), choices)}: "
            f"it must be defined in {provider.pattern}",
            ref.path,
        )


def _warn_texts(dataset: Dataset, diagnostics: Diagnostics) -> None:
    """Warnings for what a text holds that the documents print as typed, though the editor
    meant something else by it: a registered person id ("Actiehouder: p-schouten", which spells
    the surname too), HTML ("<b>"), Markdown in a field that is plain text (a title) and a link
    Markdown refuses (javascript:).
    Fields that hold an id (trekker, eigenaar) are not text and are not judged here."""
    ids = sorted(dataset.personen, key=len, reverse=True)
    person = (
        re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, ids)) + r")(?![\w-])")
        if ids
        else None
    )
    for entries in dataset.loaded.values():
        for entry in entries:
            model = entry.kind.model
            for path, text in strings(entry.source.data):
                found = _printed_as_typed(text, partial(is_markdown, model, path), person)
                seen: dict[str, int] = {}
                for needle, message in found:
                    nth = seen.get(needle, 0)
                    seen[needle] = nth + 1
                    position = _where(entry.source, path, needle, nth)
                    diagnostics.warning(entry.file, position, message, path)


def _printed_as_typed(
    text: str, markdown: Callable[[], bool], person: re.Pattern[str] | None
) -> Iterator[tuple[str, str]]:
    """What in ``text`` the documents print as typed, and why: (the text found, message).
    ``markdown`` says whether the field is Markdown (asked only when it matters)."""
    if person is not None and "p-" in text and not PERSON_ID.match(text):
        for match in person.finditer(text):
            yield (
                match[0],
                f"'{match[0]}' is a person id in a text: it is printed as typed; write the "
                "person's name (the public version replaces it)",
            )
    if "<" in text and (tag := _HTML_TAG.search(text)):
        if tag[0] == "<!--":
            hint = " (a comment is not hidden)"
        else:
            hint = "; use **bold**, *italic* or a list" if markdown() else ""
        yield tag[0], f"'{shorten(tag[0], 40)}' is not read as HTML: it is printed as typed{hint}"
    if "**" in text or "](" in text or "[^" in text:
        if not markdown():
            if markup := _MARKUP.search(text):
                yield (
                    markup[0],
                    f"'{shorten(markup[0], 40)}' is printed as typed: this field is plain text, "
                    "not Markdown",
                )
        elif link := _UNSAFE_LINK.search(text):
            yield (
                link[0],
                f"'{shorten(link[0], 40)}' is printed as typed: the documents hold links to http, "
                "https and mailto addresses only",
            )


#: an HTML tag or comment, as editors paste them from e-mail or Word ("<b>", "</div>", "<!--")
_HTML_TAG = re.compile(r"<(?:/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>|!--)")
#: bold, a link or a footnote reference written in Markdown
_MARKUP = re.compile(r"\*\*[^*\s][^*]*\*\*|\[[^\]\n]+\]\([^)\s]+\)|\[\^[^\]\s]+\]")
#: a link Markdown itself refuses to read, so its brackets are printed
_UNSAFE_LINK = re.compile(
    r"\[[^\]\n]*\]\(\s*<?(?:javascript|vbscript|file|data):[^()\n]*(?:\([^()\n]*\)[^()\n]*)*\)",
    re.IGNORECASE,
)


def _where(source: SourceDocument, path: DocPath, needle: str, nth: int) -> tuple[int, int]:
    """The position of the ``nth`` ``needle`` in the value at ``path``, found in the file's text
    from where the value starts (a block scalar's lines are not the value's); else the value's."""
    start = source.position(path)
    offset = sum(len(line) + 1 for line in source.text.split("\n", start[0])[: start[0] - 1])
    offset += start[1] - 1
    for _ in range(nth + 1):
        offset = source.text.find(needle, offset)
        if offset < 0:
            return start
        offset += 1
    offset -= 1
    line = source.text.count("\n", 0, offset) + 1
    return line, offset - (source.text.rfind("\n", 0, offset) + 1) + 1


def _warn_unknown_files(root: Path, known: set[Path], diagnostics: Diagnostics) -> None:
    for file in sorted(yaml_files(root, diagnostics)):
        if file in known or any(part.startswith(".") for part in file.relative_to(root).parts):
            continue
        if file.suffix == ".yml":
            hint = "statusgen reads .yaml files: rename it to .yaml"
        else:
            hint = (
                "it is not in a folder statusgen reads ("
                + ", ".join(k.pattern for k in all_kinds())
                + ")"
            )
        diagnostics.warning(file, (1, 1), f"ignored: {hint}")
