"""``check``'s warning for a document that has no sender (``afzender``): a report or the action
table then names organisatie.yaml's organisation on its cover, in its colofon and as its files'
author, which is seldom who sends a document to the Kamer. The warning names that fallback, so
it is never printed unnoticed."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from generator.load.dataset import Dataset
    from generator.load.diagnostics import Diagnostics


def warn_missing_senders(dataset: Dataset, report: Diagnostics) -> None:
    """A warning for each report and action table without an afzender: its cover, colofon and
    the PDF's author then name organisatie.yaml's organisation, which is seldom who sends a
    document to the Kamer."""
    org = dataset.organisatie
    fallback = ", ".join(x for x in (org.naam, org.onderdeel) if x) if org else ""
    named = f"'{fallback}' (organisatie.yaml)" if fallback else "no one (no organisatie.yaml)"
    for kind in ("rapportage", "actietabel"):
        for entry in dataset.loaded.get(kind, []):
            if getattr(entry.item, "afzender", None) is None:
                what = (
                    "the report is issued by {} on its cover, in its colofon"
                    if kind == "rapportage"
                    else "the action table is issued by {} on its cover"
                ).format(named)
                report.warning(
                    entry.file,
                    (1, 1),
                    f"no afzender: {what} and as its files' author; "
                    "add afzender: {ministerie: ..., onderdeel: ...}",
                    ("afzender",),
                )
