"""The preview's HTML: the slide sorter, one slide, a document's pages, a data file with its
lines numbered, and the diagnostics beside each. The slides are inline SVG, set in the shipped
fonts that the page's own ``@font-face`` rules load; a small script follows the server's events
and swaps in the slides that changed."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from pathlib import Path
from urllib.parse import quote

from generator.load.diagnostics import Diagnostic, display_path
from generator.preview.state import Snapshot
from generator.render.typography.fontfiles import fonts_css

_STYLE = """
body{margin:0;font-family:'Liberation Sans',Arial,sans-serif;background:#eef0f3;color:#1a1a1a}
header{background:#154273;color:#fff;padding:.5rem 1rem;display:flex;gap:1.5rem;align-items:center}
header a{color:#fff}
main{display:flex;gap:1rem;padding:1rem;align-items:flex-start}
#view{flex:1;min-width:0}
aside{width:24rem;flex:none;background:#fff;padding:.75rem;border:1px solid #ccd}
.sorter{display:grid;grid-template-columns:repeat(auto-fill,minmax(300px,1fr));gap:1rem}
.slide{background:#fff;box-shadow:0 1px 3px #0003}
.slide svg{display:block;width:100%;height:auto}
.slide a.number{display:block;font-size:.8rem;padding:.2rem .4rem;color:#333}
.single .slide{max-width:1200px}
.stale{background:#fde2e1;border:1px solid #d52b1e;padding:.5rem;margin-bottom:.5rem}
.diagnostic{font-size:.85rem;margin:.3rem 0}
.diagnostic.error{color:#a00}
.page{background:#fff;margin-bottom:1rem;box-shadow:0 1px 3px #0003}
.page svg{display:block;width:100%;height:auto}
pre.source{background:#fff;padding:.5rem;font-size:.85rem;counter-reset:line}
pre.source span{display:block}
pre.source span:target{background:#fff3b0}
pre.source span::before{counter-increment:line;content:counter(line);display:inline-block;
width:3em;color:#888}
"""

_SCRIPT = """
const source = new EventSource('/events');
source.onmessage = async (event) => {
  const news = JSON.parse(event.data);
  document.getElementById('diagnostics').innerHTML = news.diagnostics;
  document.body.dataset.version = news.version;
  const sorter = document.getElementById('sorter');
  if (sorter && news.count !== sorter.children.length) {
    sorter.outerHTML = await (await fetch('/fragment/sorter')).text();
  } else {
    for (const number of news.changed) {
      const place = document.getElementById('dia-' + number);
      if (place) {
        place.innerHTML = await (await fetch('/dia/' + number + '.svg')).text();
      }
    }
  }
  const pages = document.getElementById('pages');
  if (pages) {
    pages.innerHTML = await (await fetch('/fragment' + pages.dataset.document)).text();
  }
  document.body.dataset.shown = news.version;
};
"""


def _document(title: str, snapshot: Snapshot, body: str, reports: Sequence[str], root: Path) -> str:
    links = ['<a href="/">Deck</a>', '<a href="/actietabel">Actietabel</a>']
    links += [f'<a href="/rapportage/{quote(r)}">Rapportage {escape(r)}</a>' for r in reports]
    return (
        '<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8">'
        f"<title>{escape(title)} · statusgen</title>"
        f"<style>{fonts_css('/fonts/')}{_STYLE}</style></head>"
        f'<body data-version="{snapshot.version}" data-shown="{snapshot.version}">'
        f"<header><strong>statusgen serve</strong>{''.join(links)}"
        f"<span>{escape(snapshot.meeting)}</span></header>"
        f'<main><div id="view">{body}</div>'
        f'<aside><h2>Check</h2><div id="diagnostics">{diagnostics(snapshot, root)}</div></aside>'
        f"</main><script>{_SCRIPT}</script></body></html>"
    )


def diagnostics(snapshot: Snapshot, root: Path) -> str:
    """The diagnostics, each linking to its file and line; a notice when the preview is the
    last good one."""
    parts = []
    if snapshot.stale:
        parts.append(
            '<div class="stale" role="alert">The data does not validate: the preview shows '
            "the last version that did.</div>"
        )
    if snapshot.problem:
        parts.append(f'<p class="diagnostic error">{escape(snapshot.problem)}</p>')
    for item in snapshot.diagnostics:
        parts.append(_diagnostic(item, root))
    if not parts:
        parts.append("<p>No errors, no warnings.</p>")
    return "".join(parts)


def _diagnostic(item: Diagnostic, root: Path) -> str:
    shown = display_path(item.file)
    where = escape(f"{shown}:{item.line}:{item.column}")
    relative = source_name(item.file, root)
    if relative is not None:
        where = f'<a href="{escape(f"/bron/{quote(relative)}#L{item.line}")}">{where}</a>'
    return (
        f'<p class="diagnostic {item.severity.value}" data-file="{escape(str(shown))}" '
        f'data-line="{item.line}">{where} '
        f"{escape(item.severity.value)}: {escape(item.message)}</p>"
    )


def source_name(file: Path, root: Path) -> str | None:
    """``file`` relative to the data folder, as the preview's source pages name it (None for
    a file outside it)."""
    try:
        return file.resolve().relative_to(root.resolve()).as_posix()
    except (ValueError, OSError):
        return None


def sorter(snapshot: Snapshot) -> str:
    cells = "".join(
        f'<figure class="slide"><div id="dia-{s.number}">{s.svg}</div>'
        f'<a class="number" href="/dia/{s.number}">{s.number}. {escape(s.title)}</a></figure>'
        for s in snapshot.slides
    )
    return f'<div class="sorter" id="sorter">{cells}</div>'


def deck_page(snapshot: Snapshot, reports: Sequence[str], root: Path) -> str:
    return _document("Deck", snapshot, sorter(snapshot), reports, root)


def slide_page(snapshot: Snapshot, number: int, reports: Sequence[str], root: Path) -> str:
    slide = snapshot.slides[number - 1]
    previous = f'<a href="/dia/{number - 1}">vorige</a>' if number > 1 else ""
    following = f'<a href="/dia/{number + 1}">volgende</a>' if number < len(snapshot.slides) else ""
    body = (
        f'<p><a href="/">alle dia\'s</a> {previous} {following}</p>'
        f'<div class="single"><figure class="slide"><div id="dia-{number}">{slide.svg}</div>'
        f"<figcaption>{number}. {escape(slide.title)}</figcaption></figure></div>"
    )
    return _document(slide.title, snapshot, body, reports, root)


def pages_fragment(pages: Sequence[bytes]) -> str:
    if not pages:
        return "<p>Nothing to show.</p>"
    return "".join(f'<div class="page">{page.decode("utf-8")}</div>' for page in pages)


def pages_page(
    snapshot: Snapshot,
    title: str,
    document: str,
    pages: Sequence[bytes],
    reports: Sequence[str],
    root: Path,
) -> str:
    body = f'<div id="pages" data-document="/{escape(document)}">{pages_fragment(pages)}</div>'
    return _document(title, snapshot, body, reports, root)


def source_page(
    snapshot: Snapshot, name: str, text: str, reports: Sequence[str], root: Path
) -> str:
    lines = "".join(
        f'<span id="L{n}">{escape(line)}</span>' for n, line in enumerate(text.splitlines(), 1)
    )
    body = f'<h2>{escape(name)}</h2><pre class="source">{lines}</pre>'
    return _document(name, snapshot, body, reports, root)
