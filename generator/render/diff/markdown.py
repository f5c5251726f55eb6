"""A review as Markdown to post on a pull request: every piece of data escaped so that it stays
text in GitHub's renderer, and summarised, most important first, when it would be longer than a
comment may be."""

from __future__ import annotations

import re

from generator.domain.review import Change, Review, plural
from generator.model.legend import SCT
from generator.text.shorten import shorten

# --- output ------------------------------------------------------------------------------------

#: GitHub refuses a comment longer than this many characters
COMMENT_LIMIT = 65_536
#: what a summary keeps free of the limit (the workflow may add a line; astral characters count
#: double where UTF-16 is counted)
_MARGIN = 1_536
#: a value or subject shown in a summary line is cut to this many characters
_BRIEF = 200


def markdown(review: Review, *, limit: int = COMMENT_LIMIT) -> str:
    """The review as GitHub Markdown: every piece of data escaped (it can open no HTML, code,
    table, heading, list, link or image), and no longer than ``limit`` characters: when the
    full list is longer, a summary with the most important changes first."""
    lines = [_title(review), "", f"**{review.summary}**", ""]
    if review.invalid:
        lines += ["### Niet te vergelijken: bestanden met fouten", ""]
        lines += [f"- {_inline(side)}: {_inline(message)}" for side, message in review.invalid]
        lines.append("")
    for group in review.groups:
        lines += [f"### {_inline(group.title)}", ""]
        lines += [f"- {_line(change)}" for change in group.changes]
        lines.append("")
    full = "\n".join(lines).rstrip() + "\n"
    if _size(full) <= limit:
        return full
    return _summary(review, limit - _MARGIN)


def _size(text: str) -> int:
    """Characters as the most demanding counter counts them (UTF-16 code units)."""
    return len(text.encode("utf-16-le")) // 2


def _title(review: Review) -> str:
    return f"## Wijzigingen in de statusdata ({_inline(review.base)} → {_inline(review.head)})"


def _summary(review: Review, budget: int) -> str:
    """What fits in ``budget``: the counts, files with errors, then the changes by importance
    (escalations, other status changes, later deadlines, removals, ...), then the count per
    workstream and action; and a last line that says what was left out and where it is."""
    changes = sorted(
        ((index, group, change) for index, group in enumerate(review.groups)
         for change in group.changes),
        key=lambda found: (_importance(found[2]), found[0]),
    )  # fmt: skip
    head = [
        _title(review),
        "",
        f"**{review.summary}**",
        "",
        "*Te veel wijzigingen voor één reactie: hieronder de belangrijkste eerst (escalaties, "
        "statuswijzigingen, verschoven deadlines), daarna het aantal per werkstroom en actie.*",
        "",
    ]
    out = _Budget(budget - 400, head)  # room for the last line
    shown_invalid = 0
    if review.invalid and out.add("### Niet te vergelijken: bestanden met fouten", ""):
        for side, message in review.invalid:
            line = f"- {_inline(shorten(side, _BRIEF))}: {_inline(shorten(message, _BRIEF))}"
            if not out.add(line):
                break
            shown_invalid += 1
        out.add("")
    shown = 0
    # the changes take at most three quarters of what is left, the counts per group the rest
    counts_room = out.left // 4
    if changes and out.add("### Belangrijkste wijzigingen", ""):
        for _, group, change in changes:
            line = f"- {_inline(shorten(group.title, 80))}: {_line(change, brief=True)}"
            if out.left - _size(line) - 1 < counts_room or not out.add(line):
                break
            shown += 1
        out.add("")
    counted = 0
    if shown < len(changes) and out.add("### Aantallen per werkstroom en actie", ""):
        for group in review.groups:
            text = _counted(Review(review.base, review.head, [group], []).counts())
            if not out.add(f"- {_inline(shorten(group.title, 80))}: {text}"):
                break
            counted += 1
        out.add("")
    left = []
    if shown < len(changes):
        left.append(f"{len(changes) - shown} van de {len(changes)} wijzigingen")
        if counted < len(review.groups):
            left.append(f"de aantallen van {len(review.groups) - counted} werkstromen en acties")
    if shown_invalid < len(review.invalid):
        left.append(
            plural(len(review.invalid) - shown_invalid, "bestand", "bestanden") + " met fouten"
        )
    end = (
        f"*Niet getoond: {', '.join(left)}. Alles staat in de uitvoer van "
        "`statusgen diff --format json` met dezelfde BASE en HEAD.*"
    )
    return "\n".join([*out.lines, end]) + "\n"


class _Budget:
    """Lines that together stay within a number of characters."""

    def __init__(self, budget: int, lines: list[str]) -> None:
        self.lines = list(lines)
        self.left = budget - sum(_size(line) + 1 for line in lines)

    def add(self, *lines: str) -> bool:
        """Add ``lines`` when all fit; False (and nothing added) when not."""
        size = sum(_size(line) + 1 for line in lines)
        if size > self.left:
            return False
        self.lines += lines
        self.left -= size
        return True


_ESCALATIE = SCT["escalatie"].label


def _importance(change: Change) -> int:
    """0 first: escalations, then other status changes, deadlines moved later, removals,
    additions, other deadline moves, other fields, texts."""
    if change.kind == "status":
        return 0 if change.new == _ESCALATIE else 1
    if change.kind == "deadline":
        return 2 if change.slip else 5
    order = {"removed": 3, "added": 4, "field": 6, "text": 7}
    return order.get(change.kind, 8)


def _counted(counts: dict[str, int]) -> str:
    words = {
        "status": ("statuswijziging", "statuswijzigingen"),
        "deadline": ("verschoven deadline", "verschoven deadlines"),
        "added": ("toegevoegd", "toegevoegd"),
        "removed": ("verwijderd", "verwijderd"),
        "text": ("tekst gewijzigd", "teksten gewijzigd"),
        "other": ("andere wijziging", "andere wijzigingen"),
    }
    return ", ".join(plural(counts[key], *forms) for key, forms in words.items() if counts[key])


def _line(change: Change, *, brief: bool = False) -> str:
    """One change as a list item's text; ``brief``: values cut short, texts only counted."""

    def show(value: str | None) -> str:
        return _inline(shorten(value or "", _BRIEF) if brief else value or "")

    subject = change.subject[0].upper() + change.subject[1:]
    subject = show(subject)
    if change.kind == "added":
        return f"**{subject}** toegevoegd" + (f": {show(change.new)}" if change.new else "")
    if change.kind == "removed":
        return f"**{subject}** verwijderd" + (f": {show(change.old)}" if change.old else "")
    if change.kind == "status":
        return f"**{subject}**: status *{show(change.old)}* → *{show(change.new)}*"
    if change.kind == "deadline":
        text = f"**{subject}**: deadline {show(change.old)} → {show(change.new)}"
        if change.days:
            sign = "+" if change.days > 0 else "−"
            text += f" ({sign}{abs(change.days)} dagen"
            text += ", **verschoven naar later**)" if change.slip else ", eerder)"
        return text
    if change.kind == "text":
        if brief:
            deleted = sum(len(t.split()) for op, t in change.words if op == "deleted")
            inserted = sum(len(t.split()) for op, t in change.words if op == "inserted")
            return f"**{subject}**, {_inline(change.what)}: {deleted} woorden weg, {inserted} nieuw"
        return f"**{subject}**, {_inline(change.what)}: " + _words(change.words)
    return f"**{subject}**, {_inline(change.what)}: {show(change.old)} → {show(change.new)}"


def _words(words: tuple[tuple[str, str], ...], context: int = 8) -> str:
    parts = []
    for index, (op, text) in enumerate(words):
        if op == "deleted":
            parts.append(f"~~{_inline(text)}~~")
        elif op == "inserted":
            parts.append(f"**{_inline(text)}**")
        else:
            tokens = text.split()
            first, last = index == 0, index == len(words) - 1
            if len(tokens) > 2 * context:
                head = [] if first else tokens[:context]
                tail = [] if last else tokens[-context:]
                text = " ".join([*head, "…", *tail]) if head or tail else "…"
            parts.append(_inline(text))
    return " ".join(parts)


#: characters that mean something inline in GitHub Markdown: emphasis, strikethrough, code,
#: links and images ("![" needs the bracket), table cells, math, headings, the backslash itself
_PUNCTUATION = re.compile(r"([\\`*_~\[\]|$#])")
_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
#: a list marker, heading or quote at the start of a line, in case data starts a line
_START = re.compile(r"^(\d{1,9})([.)])|^([-+=])")


def _inline(text: str) -> str:
    """Data as inert inline Markdown: on one line (whitespace, line breaks included, collapsed
    to single spaces), every character with a meaning escaped or written as an entity, so
    that it shows as the text it is and opens nothing."""
    text = " ".join(text.split())
    text = _PUNCTUATION.sub(r"\\\1", text)
    text = re.sub(r"[&<>]", lambda match: _ENTITIES[match.group()], text)
    text = re.sub(r"(?i)\b(www)\.", r"\1\\.", text)
    text = re.sub(r"(?i)\b(https?|ftp|mailto):", r"\1\\:", text)
    return _START.sub(lambda m: f"{m[1]}\\{m[2]}" if m[1] else f"\\{m[3]}", text)


def render(review: Review) -> bytes:
    """The review as a pull-request comment."""
    return markdown(review).encode("utf-8")
