"""``check``'s warning for a document that has no sender (``afzender``): a report or the action
table then names organisatie.yaml's organisation on its cover, in its colofon and as its files'
author, which is seldom who sends a document to the Kamer. The warning names that fallback, so
it is never printed unnoticed."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

    from generator.load.diagnostics import Diagnostics
    from generator.load.kinds.organisatie import Organisatie


def warn_missing_senders(
    org: Organisatie | None, unsent: list[tuple[str, Path]], diagnostics: Diagnostics
) -> None:
    """A warning for each report and action table without an afzender: its cover, colofon and
    the PDF's author then name organisatie.yaml's organisation, which is seldom who sends a
    document to the Kamer. ``unsent`` holds (kind, file) of each document without one; the
    dataset gathers them, so this check reads no dataset and the dataset can call it."""
    fallback = ", ".join(x for x in (org.naam, org.onderdeel) if x) if org else ""
    named = f"'{fallback}' (organisatie.yaml)" if fallback else "no one (no organisatie.yaml)"
    for kind, file in unsent:
        what = (
            "the report is issued by {} on its cover, in its colofon"
            if kind == "rapportage"
            else "the action table is issued by {} on its cover"
        ).format(named)
        diagnostics.warning(
            file,
            (1, 1),
            f"no afzender: {what} and as its files' author; "
            "add afzender: {ministerie: ..., onderdeel: ...}",
            ("afzender",),
        )
