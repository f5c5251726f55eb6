"""What changed in the data between two versions, as a reviewer judges it: statuses, deadlines,
items added and removed, texts changed word by word, and the SCT's actions added, closed and
moved. Items are matched by their number, so a renamed file is not "removed and added"; rows
without a number (hoofdacties, eindresultaten) by ``matched``, the one rule the deck's "Voor het
SCT" pairs them by too. A workstream's own fields are compared as its model declares them, so a
field added to the model is in the diff without a change here.

It is one module because every kind's comparison (workstreams with their rows, actions, the SCT's
actiepunten) yields the same Change records through the same field helpers; split by kind, each
part would import the others' helpers."""

from __future__ import annotations

import difflib
import typing
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from pydantic import BaseModel

from generator.domain.opvolging import Opvolging, opvolging
from generator.domain.review import Change, Onderwerp, Review
from generator.load.dataset import Dataset
from generator.load.diagnostics import Diagnostics, display_path
from generator.load.fields import PERSON_ID
from generator.load.kinds.actie import Actie
from generator.load.kinds.werkstroom import (
    Eindresultaat,
    Hoofdactie,
    Opdracht,
    Werkstroom,
)
from generator.model.deadline import Deadline
from generator.model.legend import ACTIE, SCT, Legend, effective_status
from generator.model.people import People
from generator.text import dutch
from generator.text.lines import plain
from generator.text.shorten import shorten

if TYPE_CHECKING:
    from generator.load.history import Version

T = TypeVar("T")
Row = Hoofdactie | Eindresultaat


def invalid_files(diagnostics: Diagnostics, root: Path, side: str) -> list[tuple[str, str]]:
    """The first error of every file that did not validate, named relative to the data folder."""
    seen: dict[str, str] = {}
    for diagnostic in diagnostics.errors:
        try:
            name = _relative(diagnostic.file, root)
        except ValueError:
            name = display_path(diagnostic.file)
        seen.setdefault(name, f"{name}:{diagnostic.line}: {diagnostic.message}")
    return [(side, message) for message in seen.values()]


def review(old: Version, new: Version) -> Review:
    """The review of two versions of the data, each file that did not validate reported."""
    invalid = invalid_files(old.diagnostics, old.root, old.label)
    invalid += invalid_files(new.diagnostics, new.root, new.label)
    return compare(old.dataset, new.dataset, base=old.label, head=new.label, invalid=invalid)


def compare(
    old: Dataset,
    new: Dataset,
    *,
    base: str,
    head: str,
    invalid: list[tuple[str, str]],
) -> Review:
    people = People({**old.personen, **new.personen})
    skip = {message.split(":", 1)[0] for _, message in invalid}
    groups: list[Onderwerp] = []
    olds = {w.nummer: w for w in _valid(old, "werkstroom", skip)}
    news = {w.nummer: w for w in _valid(new, "werkstroom", skip)}
    for nummer in sorted(olds.keys() | news.keys()):
        group = Onderwerp(f"Werkstroom {nummer} – {(news.get(nummer) or olds[nummer]).titel}")
        group.changes = list(_werkstroom(olds.get(nummer), news.get(nummer), people))
        if group.changes:
            groups.append(group)
    old_acties = {a.nummer: a for a in _valid(old, "actie", skip)}
    new_acties = {a.nummer: a for a in _valid(new, "actie", skip)}
    for nummer in sorted(old_acties.keys() | new_acties.keys()):
        actie = new_acties.get(nummer) or old_acties[nummer]
        group = Onderwerp(f"Actie {nummer} – {shorten(actie.omschrijving, 70)}")
        group.changes = list(_actie(old_acties.get(nummer), new_acties.get(nummer), people))
        if group.changes:
            groups.append(group)
    sct = Onderwerp("Acties uit het SCT")
    befores = {o.id: o for o in opvolging(_valid(old, "vergadering", skip))}
    afters = {o.id: o for o in opvolging(_valid(new, "vergadering", skip))}
    for ident in sorted(befores.keys() | afters.keys()):
        sct.changes += _actiepunt(ident, befores.get(ident), afters.get(ident), people)
    if sct.changes:
        groups.append(sct)
    other = Onderwerp("Overige bestanden")
    for kind in sorted((old.loaded.keys() | new.loaded.keys()) - {"werkstroom", "actie"}):
        before = {_name(e, old.root): e.item for e in old.loaded.get(kind, [])}
        after = {_name(e, new.root): e.item for e in new.loaded.get(kind, [])}
        for name in sorted(before.keys() | after.keys()):
            if name in skip:
                continue
            subject = f"`{name}`"
            if name not in before:
                other.changes.append(Change("added", subject))
            elif name not in after:
                other.changes.append(Change("removed", subject))
            elif before[name] != after[name]:
                other.changes.append(Change("field", subject, "…", "gewijzigd", what="inhoud"))
    other.changes += _markdown_files(old, new)
    if other.changes:
        groups.append(other)
    return Review(base, head, groups, invalid)


def _markdown_files(old: Dataset, new: Dataset) -> Iterable[Change]:
    """The Markdown files agenda items point to (inhoud_bestand): an edit there changes the
    deck as much as one in the meeting's own file, which still says the same file name."""
    for name in sorted(old.markdown_files.keys() | new.markdown_files.keys()):
        subject = f"`{name}`"
        if name not in old.markdown_files:
            yield Change("added", subject)
        elif name not in new.markdown_files:
            yield Change("removed", subject)
        else:
            yield from _text(subject, "inhoud", old.markdown_files[name], new.markdown_files[name])


def _name(entry: Any, root: Path) -> str:
    return _relative(entry.file, root)


def _relative(file: Path, root: Path) -> str:
    """The file's name in the data folder: where it is, not where a symbolic link leads."""
    try:
        return file.relative_to(root).as_posix()
    except ValueError:
        return file.resolve().relative_to(root.resolve()).as_posix()


def _valid(dataset: Dataset, kind: str, skip: set[str]) -> Iterable[Any]:
    for entry in dataset.loaded.get(kind, []):
        if _name(entry, dataset.root) not in skip:
            yield entry.item


def _werkstroom(old: Werkstroom | None, new: Werkstroom | None, people: People) -> Iterable[Change]:
    if old is None and new is not None:
        yield Change("added", f"werkstroom {new.nummer}", new=new.titel)
        return
    if new is None and old is not None:
        yield Change("removed", f"werkstroom {old.nummer}", old=old.titel)
        return
    assert old is not None and new is not None
    subject = f"werkstroom {new.nummer}"
    yield from _model_fields(subject, old, new, people, _WERKSTROOM_APART)
    if old.effective_status != new.effective_status:
        yield _status(subject, SCT, old.effective_status, new.effective_status)
    before = {o.nummer: o for o in old.opdrachten}
    after = {o.nummer: o for o in new.opdrachten}
    for nummer in _ordered(before, after):
        yield from _opdracht(before.get(nummer), after.get(nummer), people)


#: a workstream's fields the diff does not compare one by one: its number (how versions are
#: matched), what has a comparison of its own (its status, its opdrachten) and what a reviewer
#: does not judge (the form of its table, the team, the date of its stand, the status
#: matrices). Every other field, a new one too, is compared as it is declared.
_WERKSTROOM_APART = frozenset(
    {"nummer", "status", "opdrachten", "vorm", "teamleden", "stand", "matrices"}
)


def _model_fields(
    subject: str, old: BaseModel, new: BaseModel, people: People, apart: frozenset[str]
) -> Iterable[Change]:
    """Every declared field of the model but those ``apart``, in the order of the model: a
    deadline by its move, a list as printed, a person by name, anything else as written."""
    for name, info in type(new).model_fields.items():
        if name in apart:
            continue
        a, b = getattr(old, name), getattr(new, name)
        if isinstance(a, Deadline) or isinstance(b, Deadline):
            yield from _deadline(subject, a, b)
        elif isinstance(a, list):
            yield from _lists(subject, old, new, (name,))
        elif _person(info):
            yield from _fields(subject, old, new, people, (), people_fields=(name,))
        else:
            yield from _fields(subject, old, new, people, (name,))


def _person(info: Any) -> bool:
    """Whether a field holds a person id (``PersonId``): its pattern is the registry's."""
    stack: list[Any] = [info.annotation, *info.metadata]
    while stack:
        item = stack.pop()
        if getattr(item, "pattern", None) == PERSON_ID.pattern:
            return True
        stack += [*getattr(item, "metadata", ()), *typing.get_args(item)]
    return False


def _ordered(before: dict[str, Any], after: dict[str, Any]) -> list[str]:
    """Keys in the new order, removed ones where they were."""
    keys = list(after)
    for key in before:
        if key not in after:
            keys.append(key)
    return keys


def _opdracht(old: Opdracht | None, new: Opdracht | None, people: People) -> Iterable[Change]:
    if old is None and new is not None:
        yield Change("added", f"opdracht {new.nummer}", new=new.titel)
        return
    if new is None and old is not None:
        yield Change("removed", f"opdracht {old.nummer}", old=old.titel)
        return
    assert old is not None and new is not None
    subject = f"opdracht {new.nummer}"
    if old.status != new.status:
        yield _status(subject, SCT, old.status, new.status)
    yield from _deadline(subject, old.deadline, new.deadline)
    yield from _fields(subject, old, new, people, ("titel",), people_fields=("trekker",))
    yield from _text(subject, "toelichting", old.toelichting, new.toelichting)
    yield from _lists(subject, old, new, ("eindresultaten", *_LISTS))
    yield from _model_fields(subject, old, new, people, _OPDRACHT_DONE)
    yield from _hoofdacties(new.nummer, old, new, people)
    for a, b in matched(old.eindresultaten, new.eindresultaten):  # a row's own fields
        if a is not None and b is not None:
            row = f"eindresultaat '{shorten(b.titel, 70)}' (opdracht {new.nummer})"
            yield from _row(row, a, b, old, new, people)


_LISTS = ("themas", "afhankelijkheden", "risicos")
#: what the comparisons above compare in their own way: any other field of the model, a new one
#: too, is compared as it is declared (``_model_fields``)
_OPDRACHT_DONE = frozenset(
    {"nummer", "status", "deadline", "titel", "trekker", "toelichting", "eindresultaten",
     "hoofdacties", *_LISTS}
)  # fmt: skip
_ROW_DONE = frozenset({"titel", "status", "deadline", "toelichting", "subacties", *_LISTS})
_ACTIE_DONE = frozenset(
    {"nummer", "status", "stand_van_zaken", "omschrijving", "sectie", "subsectie", "bijgewerkt",
     "eigenaar", "moties"}
)  # fmt: skip


def _lists(subject: str, a: Any, b: Any, names: tuple[str, ...]) -> Iterable[Change]:
    for what in names:  # as printed: an eindresultaat by its title
        old, new = _join(getattr(a, what)), _join(getattr(b, what))
        if old != new:
            yield Change("field", subject, old, new, what=what)


def _row(
    subject: str, a: Row, b: Row, old: Opdracht, new: Opdracht, people: People
) -> Iterable[Change]:
    """A hoofdactie's or eindresultaat's own fields; without a status of its own it follows its
    opdracht (``old``, ``new``), reported above."""
    then, now = effective_status(a, old), effective_status(b, new)
    if (a.status or b.status) and then != now:
        yield _status(subject, SCT, then, now)
    yield from _deadline(subject, a.deadline, b.deadline)
    yield from _lists(subject, a, b, _LISTS)
    yield from _text(subject, "toelichting", a.toelichting, b.toelichting)
    yield from _model_fields(subject, a, b, people, _ROW_DONE)


def _hoofdacties(nummer: str, old: Opdracht, new: Opdracht, people: People) -> Iterable[Change]:
    for a, b in matched(old.hoofdacties, new.hoofdacties):
        title = shorten((b or a).titel, 70)  # type: ignore[union-attr]
        subject = f"hoofdactie '{title}' (opdracht {nummer})"
        if a is None:
            yield Change("added", subject)
            continue
        if b is None:
            yield Change("removed", subject)
            continue
        if a.titel != b.titel:
            yield Change("field", subject, a.titel, b.titel, what="titel")
        yield from _row(subject, a, b, old, new, people)
        if a.subacties != b.subacties:
            yield _text_change(subject, "subacties", "\n".join(a.subacties), "\n".join(b.subacties))


def matched(before: Sequence[T], after: Sequence[T]) -> list[tuple[T | None, T | None]]:
    """Rows of two versions paired, the one matching rule for rows without a number
    (hoofdacties, eindresultaten): by title first, then what is left over by place (a renamed
    row); the rest removed (``(row, None)``) or added (``(None, row)``). The diff and the
    deck's "Voor het SCT" both pair rows with it."""
    pairs: list[tuple[T | None, T | None]] = []
    unmatched_after = []
    titles = {_title(row): row for row in before}
    for row in after:
        match = titles.pop(_title(row), None)
        if match is None:
            unmatched_after.append(row)
        else:
            pairs.append((match, row))
    unmatched_before = [row for row in before if _title(row) in titles]
    while unmatched_before and unmatched_after:
        pairs.append((unmatched_before.pop(0), unmatched_after.pop(0)))
    return (
        pairs + [(row, None) for row in unmatched_before] + [(None, row) for row in unmatched_after]
    )


def _title(row: Any) -> str:
    return str(row.titel)


def _actie(old: Actie | None, new: Actie | None, people: People) -> Iterable[Change]:
    if old is None and new is not None:
        yield Change("added", f"actie {new.nummer}", new=shorten(new.omschrijving, 70))
        return
    if new is None and old is not None:
        yield Change("removed", f"actie {old.nummer}", old=shorten(old.omschrijving, 70))
        return
    assert old is not None and new is not None
    subject = f"actie {new.nummer}"
    if old.status != new.status:
        yield _status(subject, ACTIE, old.status, new.status)
    yield from _text(subject, "stand van zaken", old.stand_van_zaken, new.stand_van_zaken)
    yield from _text(subject, "omschrijving", old.omschrijving, new.omschrijving)
    yield from _fields(subject, old, new, people, ("sectie", "subsectie", "bijgewerkt"),
                       people_fields=("eigenaar",))  # fmt: skip
    if old.moties != new.moties:
        yield Change("field", subject, _join(old.moties), _join(new.moties), what="moties")
    yield from _model_fields(subject, old, new, people, _ACTIE_DONE)


def _actiepunt(
    ident: str, old: Opvolging | None, new: Opvolging | None, people: People
) -> Iterable[Change]:
    subject = f"SCT-actie {ident}"
    if old is None or new is None:
        actie = new or old
        assert actie is not None
        wat = shorten(plain(actie.actiepunt.wat), 70)
        text = f"{wat} ({people.name(actie.actiepunt.actiehouder)})"
        yield Change("added", subject, new=text) if new else Change("removed", subject, old=text)
        return
    if old.status != new.status:
        yield _status(subject, ACTIE, old.status, new.status)
    yield from _deadline(subject, old.actiepunt.deadline, new.actiepunt.deadline)
    yield from _fields(
        subject, old.actiepunt, new.actiepunt, people, (), people_fields=("actiehouder",)
    )


def _status(subject: str, legend: Legend, old: str | None, new: str | None) -> Change:
    return Change(
        "status", subject, legend[old].label if old else "–", legend[new].label if new else "–"
    )


def _deadline(subject: str, old: Deadline | None, new: Deadline | None) -> Iterable[Change]:
    if old == new:
        return

    def show(deadline: Deadline | None) -> str:
        return dutch.deadline(deadline) if deadline else "geen"

    days = None
    if old is not None and new is not None and old.due and new.due:
        days = (new.due - old.due).days
        if days == 0 and show(old) == show(new):
            return
    yield Change("deadline", subject, show(old), show(new), days=days)


def _fields(
    subject: str,
    old: Any,
    new: Any,
    people: People,
    names: tuple[str, ...],
    *,
    people_fields: tuple[str, ...] = (),
) -> Iterable[Change]:
    for name in names:
        a, b = getattr(old, name), getattr(new, name)
        if a != b:
            yield Change("field", subject, _show(a), _show(b), what=name)
    for name in people_fields:
        a, b = getattr(old, name), getattr(new, name)
        if a != b:
            yield Change(
                "field", subject, people.name(a) if a else "–", people.name(b) if b else "–",
                what=name,
            )  # fmt: skip


def _show(value: Any) -> str:
    if value is None:
        return "–"
    if hasattr(value, "isoformat"):
        return dutch.long_date(value)
    return str(value)


def _join(values: list[Any]) -> str:
    return "; ".join(str(v) for v in values) or "–"


def _text(subject: str, what: str, old: str | None, new: str | None) -> Iterable[Change]:
    if (old or "").split() != (new or "").split():
        yield _text_change(subject, what, old or "", new or "")


def _text_change(subject: str, what: str, old: str, new: str) -> Change:
    a, b = old.split(), new.split()
    words: list[tuple[str, str]] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if op == "equal":
            words.append(("same", " ".join(a[i1:i2])))
            continue
        if i2 > i1:
            words.append(("deleted", " ".join(a[i1:i2])))
        if j2 > j1:
            words.append(("inserted", " ".join(b[j1:j2])))
    return Change("text", subject, words=tuple(words), what=what)
