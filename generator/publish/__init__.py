"""Publishing: the one way out for everything a command makes, files and standard output alike.

A command gathers its outputs in a ``Publication`` and publishes them once. For the public
version under the Woo (``--openbaar``) the data was already redacted before anything was built
(``redact.public``); here each file gets its ``-openbaar`` name, Office files lose what a public
file does not need and the names their template brought along (``office``), and then every
finished byte is read back as a reader would (``scan``) and searched for each registered name in
every form an editor might write it. One name found, and nothing is written: the command stops
with exit 1 and says where the name is. Otherwise all files are moved into place together
(``write``) and the standard output is printed.

Before any of that, ``public_versions`` runs the Woo audit (``audit``) on the data: a probable
personal name that no list in organisatie.yaml accounts for is reported, one line each, and with
``--strict`` the public version is refused. Without deduce, the audit's optional dependency,
it says so once and goes on (``--strict`` then refuses: it asks for what cannot be checked).

Commands that write data rather than documents (``new``, ``init``, ``schema``) use ``write``
directly: their output holds no names from the data.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import click

from generator import progress
from generator.exceptions import AuditRefused, AuditUnavailable, OutputError
from generator.load.dataset import Dataset
from generator.model.names import Names
from generator.publish import redact, scan
from generator.publish.write import Lock, write_all

OPENBAAR_SUFFIX = "-openbaar"
_OFFICE = (".pptx", ".docx", ".xlsx")


def names(*datasets: Dataset) -> Names:
    """Every name the registries of ``datasets`` hold (a diff has two versions of it), and
    every person id: an id typed in a text ("p-schouten") spells a surname too."""
    return Names(text for dataset in datasets for pair in dataset.personen.items() for text in pair)


def public(dataset: Dataset, withheld: Names | None = None) -> Dataset:
    """The public version of ``dataset``: its registered names (or ``withheld``) replaced."""
    return redact.public(dataset, withheld or names(dataset))


def public_versions(
    folder: Path | None, versions: Sequence[tuple[Dataset, str | None]], *, strict: bool
) -> tuple[list[Dataset], Publication]:
    """The public versions of the datasets (a diff has two) and the publication their outputs
    go out through, after the Woo audit has reported the probable names that no list in
    organisatie.yaml accounts for; with ``strict`` it refuses while there are any.

    ``versions`` pairs each dataset with the name of its version, None for the data folder
    itself (a diff's base is a temporary copy: its files are named after the git version)."""
    publication = public_publication(folder, versions, strict=strict)
    withheld = publication.withheld
    return [public(d, withheld) for d, _ in versions], publication


def public_publication(
    folder: Path | None, versions: Sequence[tuple[Dataset, str | None]], *, strict: bool
) -> Publication:
    """The publication for the public version of outputs made from ``versions`` as they are
    (a diff compares the versions before it redacts), after the Woo audit."""
    _woo_audit(versions, strict=strict)
    return Publication(folder, withheld=names(*(dataset for dataset, _ in versions)))


def _woo_audit(versions: Sequence[tuple[Dataset, str | None]], *, strict: bool) -> None:
    from generator.publish import audit

    say = progress.say
    progress.step("looking for names nobody registered (the Woo audit)")
    if not audit.available():
        if strict:
            raise AuditUnavailable(audit.INSTALL)
        say(
            "note: the Woo audit (names that are not in the registry) was skipped: deduce is "
            f"not installed ({audit.INSTALL})"
        )
        return
    found = audit.findings(versions, say)
    for finding in found:
        say(finding.diagnostic().human())
    if found and strict:
        raise AuditRefused(len(found))
    if found:
        say(
            f"warning: {len(found)} possible personal name(s) not in the registry are published "
            "as written; add each person to personen or publiek in organisatie.yaml, or the "
            "phrase to geen_namen (--strict refuses to publish)"
        )


class Publication:
    """The files and the standard output of one command run, published together."""

    def __init__(self, folder: Path | None, *, withheld: Names | None = None) -> None:
        #: where files go (None for a command that only prints)
        self.folder = folder
        #: the names to keep out: set for the public version, None otherwise
        self.withheld = withheld
        self.files: dict[str, bytes] = {}
        self.notes: dict[str, str] = {}
        self.lines: list[str] = []
        self._hold(folder)

    def _hold(self, folder: Path | None) -> None:
        """Take the output folder's lock for the rest of the command (one run at a time)."""
        context = click.get_current_context(silent=True)
        if folder is None or context is None:
            return  # outside a command: write_all takes the lock while it writes
        context.call_on_close(Lock(folder).release)

    @property
    def openbaar(self) -> bool:
        return self.withheld is not None

    def name(self, name: str) -> str:
        """The name a file is published under: ``x-openbaar.pdf`` for the public ``x.pdf``."""
        if not self.openbaar:
            return name
        stem, dot, suffix = name.rpartition(".")
        return f"{stem}{OPENBAAR_SUFFIX}{dot}{suffix}" if dot else f"{name}{OPENBAAR_SUFFIX}"

    def add(self, name: str, data: bytes, note: str = "") -> str:
        """Add a file (``note`` is said after its name when it is written); returns the name
        it will have."""
        published = self.name(name)
        if self.withheld is not None and published.endswith(_OFFICE):
            from generator.publish.office import public_package

            data = public_package(data, self.withheld)
        self.files[published] = data
        if note:
            self.notes[published] = note
        return published

    def echo(self, text: str, *, nl: bool = True) -> None:
        """Text for standard output, printed after the files are in place."""
        self.lines.append(text + ("\n" if nl else ""))

    def publish(self) -> list[Path]:
        """Check the public version, write every file, print the standard output."""
        if self.withheld is not None:
            progress.step("reading the public version back for registered names")
            outputs = {**self.files, "standard output": "".join(self.lines).encode("utf-8")}
            for file_name, data in outputs.items():
                _refuse_names(self.withheld, file_name, data)
        paths: list[Path] = []
        if self.files:
            if self.folder is None:
                raise OutputError("this command has no output folder to write files into")
            progress.step(f"writing {len(self.files)} file(s)")
            paths = write_all(self.folder, self.files)
        for name, path in zip(self.files, paths, strict=True):
            note = f" ({self.notes[name]})" if name in self.notes else ""
            click.echo(f"wrote {_shown(path)}{note}")
        for text in self.lines:
            click.echo(text, nl=False)
        return paths


def _shown(path: Path) -> Path:
    """A written file as the user would type it: relative to where they are, if it is there."""
    try:
        return path.relative_to(Path.cwd())
    except ValueError:
        return path


def _refuse_names(withheld: Names, file_name: str, data: bytes) -> None:
    for place, text in scan.texts(file_name, data):
        found = withheld.find(text)
        if found:
            raise OutputError(
                f"the public version would still hold a registered name in {place} "
                f"({len(found)} time(s)); nothing was written. Please report this as a bug."
            )
