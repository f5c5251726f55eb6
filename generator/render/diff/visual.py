"""Pictures of what a change does to the documents: the deck's slides and the documents' pages
whose content differs between two versions, before and after, with a page and a summary that
say which slide of which product changed and why.

Slides are matched by what they are, not by where they stand: the section they belong to and
which of its slides they are (``LaidSlide.identity``); a section whose title changed is matched
by its number ("4.") when that is unambiguous. A slide whose content is the same at another
place only moved. Pages of the documents (typeset by Typst) are matched by their number. The
SVG is rasterised by resvg (no LibreOffice, no browser), in the shipped fonts.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from html import escape

from generator.domain.review import Onderwerp, Review
from generator.render.diff.markdown import _inline, _line

#: pixels per point of the PNGs (a slide 960 pixels wide: resvg takes a tenth of a second a
#: slide at 1.5, which a diff of many slides feels)
_NUMBER = re.compile(r"^(\d+(?:\.\d+)*)[.\s]")


@dataclass(frozen=True)
class Picture:
    """One slide or page of one version."""

    number: int
    title: str
    identity: tuple[str, str, int]
    svg: str
    #: what it shows, but its number
    content: str
    lines: tuple[str, ...] = ()


@dataclass
class Product:
    """The pictures of one document, in both versions."""

    name: str  # "SCT-deck 20 augustus 2020", "Actietabel"
    folder: str  # where its pictures go: "deck", "actietabel"
    kind: str  # "dia" or "pagina"
    before: Sequence[Picture]
    after: Sequence[Picture]
    #: pages are matched by number; slides by identity
    by_identity: bool = True


@dataclass(frozen=True)
class Pair:
    before: Picture | None
    after: Picture | None
    reasons: tuple[Onderwerp, ...] = ()

    @property
    def title(self) -> str:
        shown = self.after or self.before
        assert shown is not None
        return shown.title

    @property
    def state(self) -> str:
        if self.before is None:
            return "toegevoegd"
        if self.after is None:
            return "verwijderd"
        if self.before.content != self.after.content:
            return "gewijzigd"
        return "verplaatst" if self.before.number != self.after.number else "gelijk"


@dataclass
class Outcome:
    product: Product
    pairs: list[Pair] = field(default_factory=list)

    @property
    def shown(self) -> list[Pair]:
        return [
            pair for pair in self.pairs if pair.state in ("gewijzigd", "toegevoegd", "verwijderd")
        ]

    @property
    def moved(self) -> list[Pair]:
        return [pair for pair in self.pairs if pair.state == "verplaatst"]


def match(product: Product, review: Review) -> Outcome:
    """Pair the pictures of both versions and say which changed, and why."""
    outcome = Outcome(product)
    if not product.by_identity:
        for index in range(max(len(product.before), len(product.after))):
            before = product.before[index] if index < len(product.before) else None
            after = product.after[index] if index < len(product.after) else None
            outcome.pairs.append(Pair(before, after, _reasons(before, after, review)))
        return outcome
    olds = {p.identity: p for p in product.before}
    news = {p.identity: p for p in product.after}
    pairs: dict[tuple[str, str, int], Picture | None] = {}
    for identity in news:
        pairs[identity] = olds.get(identity)
    # a section whose title changed: matched by its number, where only one has it
    left = [p for identity, p in olds.items() if identity not in news]
    for identity, old in pairs.items():
        if old is not None:
            continue
        new_number = _number(identity[1])
        found = [
            p
            for p in left
            if new_number
            and _number(p.identity[1]) == new_number
            and p.identity[2] == identity[2]
            and p.identity[0] == identity[0]
        ]
        if len(found) == 1:
            pairs[identity] = found[0]
            left.remove(found[0])
    for identity, new in news.items():
        old = pairs[identity]
        outcome.pairs.append(Pair(old, new, _reasons(old, new, review)))
    for old in left:
        outcome.pairs.append(Pair(old, None, _reasons(old, None, review)))
    return outcome


def _number(title: str) -> str:
    found = _NUMBER.match(title)
    return found.group(1) if found else ""


def _reasons(
    before: Picture | None, after: Picture | None, review: Review
) -> tuple[Onderwerp, ...]:
    """The changes in the data that show on this slide or page: those of its workstream (a
    workstream's own slides), else those whose workstream or action number begins a line that
    differs, else, when the text differs without saying whose, all of them."""
    if before is not None and after is not None and before.content == after.content:
        return ()
    shown = after or before
    assert shown is not None
    number = _number(shown.title).split(".")[0]
    if number:
        own = [g for g in review.groups if g.title.startswith(f"Werkstroom {number} ")]
        if own:
            return tuple(own)
    differing = set(before.lines if before else ()) ^ set(after.lines if after else ())
    starts = {_first(line) for line in differing}
    found = [
        group
        for group in review.groups
        if (key := _group_number(group))
        and (key in starts or any(key == s.split(".")[0] for s in starts))
    ]
    return tuple(found or review.groups)


def _first(line: str) -> str:
    words = line.split()
    return words[0].rstrip(".:") if words else ""


def _group_number(group: Onderwerp) -> str:
    found = re.match(r"^(?:Werkstroom|Actie) (\S+) ", group.title)
    return found.group(1) if found else ""


def _name(outcome: Outcome, picture: Picture, side: str, suffix: str) -> str:
    product = outcome.product
    return f"{product.folder}/{product.kind}-{picture.number:03d}-{side}.{suffix}"


def _same(name: str) -> str:
    return name


def files(
    outcomes: Sequence[Outcome],
    review: Review,
    fonts: dict[str, bytes],
    rasterise: Callable[[str], bytes] | None = None,
    published: Callable[[str], str] = _same,
) -> dict[str, bytes]:
    """Every file of the visual diff: the pictures (SVG, and PNG made by ``rasterise``: the
    render level's ``pictures.rasterise``, handed in so no output imports the deck's drawing),
    ``index.html`` and ``samenvatting.md``; the page links to each file by the name
    ``published`` says it will have (the public version's names end in "-openbaar")."""
    written: dict[str, bytes] = {}
    png = rasterise is not None
    for outcome in outcomes:
        for pair in outcome.shown:
            for picture, side in ((pair.before, "voor"), (pair.after, "na")):
                if picture is None:
                    continue
                written[_name(outcome, picture, side, "svg")] = picture.svg.encode("utf-8")
                if rasterise is not None:
                    written[_name(outcome, picture, side, "png")] = rasterise(picture.svg)
    if any(outcome.shown for outcome in outcomes if outcome.product.kind == "dia"):
        written.update({f"fonts/{name}": data for name, data in fonts.items()})
    written["index.html"] = html(outcomes, review, png, published).encode("utf-8")
    written["samenvatting.md"] = summary(outcomes, review).encode("utf-8")
    return written


def _where(pair: Pair, kind: str) -> str:
    word = "dia" if kind == "dia" else "pagina"
    if pair.before is None and pair.after is not None:
        return f"{word} {pair.after.number} (nieuw)"
    if pair.after is None and pair.before is not None:
        return f"{word} {pair.before.number} (weg)"
    assert pair.before is not None and pair.after is not None
    if pair.before.number == pair.after.number:
        return f"{word} {pair.after.number}"
    return f"{word} {pair.before.number} → {pair.after.number}"


def summary(outcomes: Sequence[Outcome], review: Review) -> str:
    """The Markdown summary: per product, each slide or page that changed, and the changes in
    the data that made it change."""
    lines = [f"## Wat de wijziging laat zien ({_inline(review.base)} → {_inline(review.head)})", ""]
    if not any(outcome.shown or outcome.moved for outcome in outcomes):
        lines += ["Geen dia of pagina ziet er anders uit.", ""]
    for outcome in outcomes:
        product = outcome.product
        if not outcome.shown and not outcome.moved:
            continue
        lines += [f"### {_inline(product.name)}", ""]
        for pair in outcome.shown:
            lines.append(
                f"- **{_where(pair, product.kind)}**, *{_inline(pair.title)}*: {pair.state}"
            )
            for group in pair.reasons:
                lines.append(f"  - {_inline(group.title)}")
                for change in group.changes[:5]:
                    lines.append(f"    - {_line(change, brief=True)}")
                if len(group.changes) > 5:
                    lines.append(f"    - en {len(group.changes) - 5} andere")
        if outcome.moved:
            moved = ", ".join(_where(pair, product.kind) for pair in outcome.moved)
            lines.append(f"- Alleen verplaatst ({len(outcome.moved)}): {moved}")
        lines.append("")
    return "\n".join(lines)


_STYLE = (
    "body{font-family:'Liberation Sans',Arial,sans-serif;margin:1rem;color:#1a1a1a}"
    ".pair{display:grid;grid-template-columns:1fr 1fr;gap:1rem;margin-bottom:2rem}"
    "figure{margin:0}img{width:100%;border:1px solid #999}"
    "h3{margin-top:2rem}.why{font-size:.9rem}"
)


def html(
    outcomes: Sequence[Outcome],
    review: Review,
    png: bool = True,
    published: Callable[[str], str] = _same,
) -> str:
    parts = [
        '<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8">',
        f"<title>Visuele diff {escape(review.base)} → {escape(review.head)}</title>",
        f"<style>{_STYLE}</style></head><body>",
        f"<h1>Visuele diff: {escape(review.base)} → {escape(review.head)}</h1>",
        f"<p>{escape(review.summary)}</p>",
    ]
    suffix = "png" if png else "svg"
    for outcome in outcomes:
        product = outcome.product
        if not outcome.shown and not outcome.moved:
            continue
        parts.append(f"<h2>{escape(product.name)}</h2>")
        for pair in outcome.shown:
            parts.append(
                f"<h3>{escape(_where(pair, product.kind))}: {escape(pair.title)} "
                f"({escape(pair.state)})</h3>"
            )
            if pair.reasons:
                parts.append('<ul class="why">')
                parts += [f"<li>{escape(group.title)}</li>" for group in pair.reasons]
                parts.append("</ul>")
            parts.append('<div class="pair">')
            for picture, side, label in ((pair.before, "voor", "Voor"), (pair.after, "na", "Na")):
                if picture is None:
                    parts.append(
                        f"<figure><figcaption>{label}: niet aanwezig</figcaption></figure>"
                    )
                    continue
                name = published(_name(outcome, picture, side, suffix))
                svg = published(_name(outcome, picture, side, "svg"))
                parts.append(
                    f"<figure><figcaption>{label} ({escape(_where(pair, product.kind))}), "
                    f'<a href="{escape(svg)}">SVG</a></figcaption>'
                    f'<img src="{escape(name)}" alt="{label}: {escape(picture.title)}"></figure>'
                )
            parts.append("</div>")
        if outcome.moved:
            moved = ", ".join(_where(pair, product.kind) for pair in outcome.moved)
            parts.append(f"<p>Alleen verplaatst: {escape(moved)}</p>")
    parts.append("</body></html>")
    return "".join(parts)
