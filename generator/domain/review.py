"""What a review of two versions of the data holds: the changes a reviewer should look at,
grouped by what they are about. The comparison (``domain.compare``) makes it; the diff's
writers (Markdown, JSON, the visual diff) read it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Change:
    """One thing a reviewer should look at."""

    kind: str  # status | deadline | added | removed | text | field
    subject: str  # "opdracht 4.2", "hoofdactie 'Missie vastleggen' (opdracht 1.1)", "actie 12"
    old: str | None = None
    new: str | None = None
    #: deadline moves: days later (positive: a slip) or earlier
    days: int | None = None
    #: text changes: the words, each ("same" | "deleted" | "inserted", text)
    words: tuple[tuple[str, str], ...] = ()
    what: str = ""  # the field, for text and field changes

    @property
    def slip(self) -> bool:
        return self.days is not None and self.days > 0

    def as_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"kind": self.kind, "subject": self.subject}
        for key in ("old", "new", "days", "what"):
            value = getattr(self, key)
            if value not in (None, ""):
                data[key] = value
        if self.kind == "deadline":
            data["slip"] = self.slip
        if self.words:
            data["words"] = [{"op": op, "text": text} for op, text in self.words]
        return data


@dataclass
class Onderwerp:
    title: str
    changes: list[Change] = field(default_factory=list)


@dataclass
class Review:
    base: str
    head: str
    groups: list[Onderwerp]
    #: files that did not validate, per side: "file:line: message"
    invalid: list[tuple[str, str]]

    def counts(self) -> dict[str, int]:
        changes = [c for g in self.groups for c in g.changes]
        return {
            "status": sum(c.kind == "status" for c in changes),
            "deadline": sum(c.kind == "deadline" for c in changes),
            "slips": sum(c.slip for c in changes),
            "added": sum(c.kind == "added" for c in changes),
            "removed": sum(c.kind == "removed" for c in changes),
            "text": sum(c.kind == "text" for c in changes),
            "other": sum(c.kind == "field" for c in changes),
            "invalid": len(self.invalid),
        }

    @property
    def summary(self) -> str:
        n = self.counts()
        if not any(n.values()):
            return "Geen inhoudelijke wijzigingen."
        parts = []
        if n["status"]:
            parts.append(plural(n["status"], "statuswijziging", "statuswijzigingen"))
        if n["deadline"]:
            text = plural(n["deadline"], "verschoven deadline", "verschoven deadlines")
            if n["slips"]:
                text += f" ({n['slips']} later)"
            parts.append(text)
        if n["added"]:
            parts.append(f"{n['added']} toegevoegd")
        if n["removed"]:
            parts.append(f"{n['removed']} verwijderd")
        if n["text"]:
            parts.append(plural(n["text"], "tekst gewijzigd", "teksten gewijzigd"))
        if n["other"]:
            parts.append(plural(n["other"], "andere wijziging", "andere wijzigingen"))
        if n["invalid"]:
            parts.append(plural(n["invalid"], "ongeldig bestand", "ongeldige bestanden"))
        return ", ".join(parts) + "."


def plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"
