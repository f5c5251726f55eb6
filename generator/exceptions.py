"""The exceptions statusgen raises; the CLI turns each into a message without a traceback."""

from __future__ import annotations

import click

from generator.quoting import printable


class StatusgenError(click.ClickException):
    """Base class: raised when a command cannot do what was asked. Its message may quote what a
    user typed (an option, a git ref, a file name): it is printed with every character that could
    act on a terminal escaped."""

    exit_code = 1

    def format_message(self) -> str:
        return printable(self.message)


class DataError(StatusgenError):
    """Raised when the data folder has errors; the diagnostics have been reported already."""

    def __init__(self, count: int) -> None:
        noun = "error" if count == 1 else "errors"
        super().__init__(f"{count} {noun} in the data; nothing was written")


class UsageError(StatusgenError):
    """Raised when options or arguments cannot be used, e.g. a data folder that does not exist."""

    exit_code = 2


class OutputError(StatusgenError):
    """Raised when an output cannot be written where it was asked to be written."""


class LayoutError(StatusgenError):
    """Raised when content cannot be put on a slide at all: a single line, or the parts every
    slide of a section repeats, taller than the slide."""


class UnsupportedMarkdown(StatusgenError):
    """Raised when a writer meets a Markdown element it has no rendering for: failing loudly is
    better than leaving text out of a document. ``excerpt``: the text, shortened by the
    caller (text.shorten)."""

    def __init__(self, element: str, excerpt: str) -> None:
        super().__init__(
            f"cannot render the Markdown element '{element}' in the text "
            f"'{printable(excerpt)}': nothing was written"
        )


class AuditUnavailable(UsageError):
    """Raised when the Woo audit is asked for but deduce, its optional dependency, is missing."""

    def __init__(self, install: str) -> None:
        super().__init__(f"the Woo audit needs deduce, an optional dependency: {install}")


class AuditRefused(StatusgenError):
    """Raised when a public version is asked for with --strict while the Woo audit finds
    possible names that no list in organisatie.yaml accounts for."""

    def __init__(self, count: int) -> None:
        super().__init__(
            f"{count} possible personal name(s) not in the registry (--strict): the public "
            "version was not written. Add each person to personen or publiek in "
            "organisatie.yaml, or the phrase to geen_namen if it is not a name"
        )
