"""The public version of a dataset: every text with the registered names replaced.

Redacting the data once, before any document is built, means that no builder has to remember
it: titles, free Markdown, table cells, meeting titles, calendar summaries and the texts a diff
compares all come from a dataset in which no registered name is left, and every person id
resolves to "Persoonsgegevens".
"""

from __future__ import annotations

import dataclasses
import enum
import re
from typing import Any

from pydantic import BaseModel

from generator.load.dataset import Dataset
from generator.load.fields import PERSON_ID
from generator.model.names import PERSOONSGEGEVENS, Names


def public(dataset: Dataset, names: Names) -> Dataset:
    """A copy of ``dataset`` in which ``names`` are replaced in every text, the registry's
    names included; ``dataset`` itself is left as it is."""
    redactor = _Redactor(names)
    loaded = {
        kind: [dataclasses.replace(entry, item=redactor.value(entry.item)) for entry in entries]
        for kind, entries in dataset.loaded.items()
    }
    for entry in loaded.get("organisatie", []):
        personen = [p.model_copy(update={"naam": PERSOONSGEGEVENS}) for p in entry.item.personen]
        entry.item = entry.item.model_copy(update={"personen": personen})
    files = {name: names.redact(text) for name, text in dataset.markdown_files.items()}
    return Dataset(dataset.root, loaded, set(dataset.incomplete), files, openbaar=True)


#: fields that name a person or a unit: an ordinary word that is a registered surname is a name
PERSON_FIELDS = frozenset({"eigenaar", "aanwezig", "teamleden", "trekker", "actiehouder"})
#: fields whose texts are identities as well as texts: a footnote's name and the references to
#: it, a doelgroep and the items under it, a dashboard row's name and the notes that span rows;
#: dict keys are identities too
_IDENTITY_FIELDS = frozenset(
    {"voetnoot", "voetnoot_waarde", "doelgroep", "doelgroepen", "naam", "van_rij",
     "tot_en_met_rij"}
)  # fmt: skip


#: a Markdown link: [text](address "title"), the address bare or in <>
_LINK = re.compile(
    r"\[(?P<text>(?:[^\[\]\\]|\\.)*)\]"
    r"\((?P<address><[^<>\n]*>|[^\s()]*(?:\([^\s()]*\)[^\s()]*)*)"
    r"(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^()]*\)))?\s*\)"
)
#: an autolink: <https://...> or <mailto:...>, or an e-mail address in <>
_AUTOLINK = re.compile(
    r"<(?P<address>(?:[A-Za-z][A-Za-z0-9+.-]{1,31}:[^<>\s]*|[^<>\s@]+@[^<>\s]+))>"
)


def _unlink(text: str, names: Names) -> str:
    """``text`` without the links whose address is personal data: an e-mail address, or an
    address that holds a registered surname; the link's text stays (and is redacted as any
    text). A name in an address is not replaced, since "mailto:Persoonsgegevens@..." would be a
    broken address that still says whose it was."""
    if "](" not in text and "<" not in text:
        return text

    def personal(address: str) -> bool:
        address = address.strip("<>")
        return address.lower().startswith("mailto:") or "@" in address or names.in_address(address)

    def link(match: re.Match[str]) -> str:
        return match["text"] if personal(match["address"]) else match[0]

    def autolink(match: re.Match[str]) -> str:
        return PERSOONSGEGEVENS if personal(match["address"]) else match[0]

    return _AUTOLINK.sub(autolink, _LINK.sub(link, text))


class _Redactor:
    """Redacts the values of one dataset. An identity (a footnote's name, a doelgroep, a dict
    key) keeps its own: two that differ only by a name stay two ("Brief Persoonsgegevens",
    "Brief Persoonsgegevens (2)"), and every reference to one reads as it does."""

    def __init__(self, names: Names) -> None:
        self.names = names
        self._identities: dict[str, str] = {}
        self._taken: set[str] = set()

    def text(self, value: str, *, person: bool = False, identity: bool = False) -> str:
        if PERSON_ID.match(value):
            return value
        if identity:
            return self.identity(value)
        return self.names.redact(_unlink(value, self.names), person=person)

    def identity(self, value: str) -> str:
        known = self._identities.get(value)
        if known is not None:
            return known
        public = self.names.redact(_unlink(value, self.names))
        if public != value:
            number = 1
            unique = public
            while unique in self._taken:
                number += 1
                unique = f"{public} ({number})"
            public = unique
        self._identities[value] = public
        self._taken.add(public)
        return public

    def value(self, value: Any, key: str | None = None) -> Any:
        """``value`` with every text in it redacted; the same object where nothing changed."""
        if isinstance(value, enum.Enum):
            return value
        if isinstance(value, str):
            return self.text(value, person=key in PERSON_FIELDS, identity=key in _IDENTITY_FIELDS)
        if isinstance(value, BaseModel):
            updates = {}
            for name in type(value).model_fields:
                old = getattr(value, name)
                new = self.value(old, name)
                if new is not old:
                    updates[name] = new
            return value.model_copy(update=updates) if updates else value
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            changes = {}
            for member in dataclasses.fields(value):
                old = getattr(value, member.name)
                new = self.value(old, member.name)
                if new is not old:
                    changes[member.name] = new
            return dataclasses.replace(value, **changes) if changes else value
        if isinstance(value, list | tuple):
            items = [self.value(v, key) for v in value]
            if all(a is b for a, b in zip(items, value, strict=True)):
                return value
            return type(value)(items)
        if isinstance(value, dict):
            pairs = [
                (self.identity(k) if isinstance(k, str) else k, self.value(v, key))
                for k, v in value.items()
            ]
            if all(a is k and b is v for (a, b), (k, v) in zip(pairs, value.items(), strict=True)):
                return value
            return dict(pairs)
        return value


def redacted(value: Any, names: Names) -> Any:
    """Any value (a diff's review, parsed JSON) with every text in it redacted."""
    return _Redactor(names).value(value)
