"""Property: Markdown that `check` accepts reaches every writer whole. Documents are generated
with lists and quotes nested up to the limits, tables, headings, code, emphasis, words up to 200
letters from every script; every word must be in the PPTX slides, the HTML, the DOCX, the XLSX,
the Markdown table and the planning (XLSX and CSV), each written in-process and read back."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from lxml import etree
from markdown_it import MarkdownIt

from generator.exceptions import UnsupportedMarkdown
from generator.load.dataset import Dataset, Loaded
from generator.load.kinds.werkstroom import KIND as WERKSTROOM
from generator.load.textlimits import MAX_LIST_DEPTH, MAX_QUOTE_DEPTH, MAX_WORD, markdown_problems
from generator.load.yamlsource import SourceDocument
from generator.render import planning
from generator.render.actietabel import docx as actietabel_docx
from generator.render.actietabel import markdown as actietabel_markdown
from generator.render.actietabel import xlsx as actietabel_xlsx
from generator.render.actietabel.build import Row, Sectie, Subsectie, Tabel
from generator.render.deck.content import Cell, Column, Para, Run, Section, Table, Text
from generator.render.deck.content import Group as Rows
from generator.render.deck.markdown import paragraphs, slides
from generator.render.deck.paginate import paginate
from generator.render.deck.template import Meta, Template
from generator.render.deck.writer import DeckWriter
from generator.render.html import markdown
from generator.resources import template
from tests.readback import docx_text, html_text, xlsx_text
from tests.test_worst_allowed import MARKDOWN, WORDS

#: never in a generated word: marks the text the test itself puts around the content
MARK = "§"

LETTERS = st.characters(categories=("Lu", "Ll", "Lo"))
SHORT = st.text(LETTERS, min_size=3, max_size=10)


@st.composite
def long_words(draw: st.DrawFn) -> str:
    base = draw(st.text(LETTERS, min_size=3, max_size=7))
    return (base * MAX_WORD)[: draw(st.integers(120, MAX_WORD))]


WORD = st.one_of(SHORT, SHORT, SHORT, SHORT, long_words())


@st.composite
def inline(draw: st.DrawFn, words: list[str]) -> str:
    parts = []
    for word in draw(st.lists(WORD, min_size=1, max_size=5)):
        words.append(word)
        mark = draw(st.sampled_from(["", "", "", "*", "**", "`", "image", "link"]))
        if mark == "image":
            parts.append(f"![{word}](https://example.org/plaatje.png)")
        elif mark == "link":
            parts.append(f"[{word}](https://example.org/{'pad/' * 60})")
        else:
            parts.append(f"{mark}{word}{mark}")
    return " ".join(parts)


def _indent(lines: list[str], first: str, rest: str) -> list[str]:
    return [first + lines[0]] + [rest + line if line else "" for line in lines[1:]]


@st.composite
def blocks(draw: st.DrawFn, words: list[str], lists: int, quotes: int, size: int) -> list[str]:
    """Markdown lines of one to ``size`` blocks, within ``lists`` and ``quotes`` more levels."""
    lines: list[str] = []
    kinds = ["p", "p", "h", "code", "table"]
    kinds += ["ul", "ol"] * (lists > 0) + ["quote"] * (quotes > 0)
    for _ in range(draw(st.integers(1, size))):
        if lines:
            lines.append("")
        kind = draw(st.sampled_from(kinds))
        if kind == "p":
            lines.append(draw(inline(words)))
        elif kind == "h":
            lines.append(draw(st.sampled_from(["## ", "### "])) + draw(inline(words)))
        elif kind == "code":
            lines += ["```", " ".join(draw(st.lists(SHORT, min_size=1, max_size=4))), "```"]
            words += lines[-2].split()
        elif kind == "table":
            columns = draw(st.integers(1, 3))
            rows = [
                [draw(inline(words)) for _ in range(columns)]
                for _ in range(draw(st.integers(2, 3)))
            ]
            lines.append("| " + " | ".join(rows[0]) + " |")
            lines.append("|" + "---|" * columns)
            lines += ["| " + " | ".join(row) + " |" for row in rows[1:]]
        elif kind in ("ul", "ol"):
            first, rest = ("- ", "  ") if kind == "ul" else ("1. ", "   ")
            for _ in range(draw(st.integers(1, 2))):
                item = draw(blocks(words, lists - 1, quotes, 2))
                lines += _indent(item, first, rest)
        else:
            inner = draw(blocks(words, lists, quotes - 1, 2))
            lines += [f"> {line}" if line else ">" for line in inner]
    return lines


@st.composite
def documents(draw: st.DrawFn) -> tuple[str, list[str]]:
    words: list[str] = []
    lines = draw(blocks(words, MAX_LIST_DEPTH, MAX_QUOTE_DEPTH, 4))
    return "\n".join(lines) + "\n", words


def missing(words: list[str], text: str) -> list[str]:
    return [word for word in words if word not in text]


# --- the writers, in-process ---------------------------------------------------------------------


def _text(element: etree._Element) -> str:
    return "".join(node.text or "" for node in element.iter("{*}t"))


class _DeckText:
    """The text of a deck as streams that a split cannot break: the text boxes in slide order,
    and per table column its cells below the header row (a cell taller than a slide continues in
    the same column on the next slide, under a repeated header); titles and every cell as shown."""

    def __init__(self) -> None:
        self.flow: list[str] = []
        self.columns: dict[int, list[str]] = {}
        self.shown: list[str] = []

    def add_slide(self, xml: bytes) -> None:
        tree = etree.fromstring(xml)
        for shape in tree.iter("{*}sp"):
            placeholder = shape.find(".//{*}nvPr/{*}ph") is not None
            (self.shown if placeholder else self.flow).append(_text(shape))
        for table in tree.iter("{*}tbl"):
            for number, row in enumerate(table.iter("{*}tr")):
                for column, cell in enumerate(row.iter("{*}tc")):
                    self.shown.append(_text(cell))
                    if number:
                        self.columns.setdefault(column, []).append(_text(cell))

    def missing(self, words: list[str]) -> list[str]:
        def squeeze(text: str) -> str:
            return re.sub(r"\s", "", text).replace(MARK, "")

        streams = [squeeze("".join(self.flow))]
        streams += [squeeze("".join(cells)) for cells in self.columns.values()]
        shown = "\n".join(self.shown)
        # a word wider than its column is hyphenated: a visible hyphen is added
        bare = [stream.replace("-", "") for stream in streams]
        return [
            word
            for word in words
            if word not in shown
            and not any(squeeze(word) in stream for stream in streams)
            and not any(squeeze(word).replace("-", "") in stream for stream in bare)
        ]


def deck_words_missing(source: str, words: list[str]) -> list[str]:
    shipped = Template(template("default.pptx"))
    writer = DeckWriter(shipped, Meta(title="t", subject="s", author="a", footer=MARK))
    sections = [Section(s.title or MARK, tuple(s.blocks)) for s in slides(source)]
    cell = Cell(tuple(paragraphs(source)))
    header = (Cell((Para((Run(MARK),)),)),)
    table = Table((Column(1.0),), header, (Rows(((cell,),)),))
    sections.append(Section(MARK, (Text((Para((Run(MARK),)),)), table)))
    for section in sections:
        for page in paginate(section, shipped.geometry):
            writer.page(page)
    deck = _DeckText()
    with zipfile.ZipFile(io.BytesIO(writer.save())) as package:
        names = [n for n in package.namelist() if re.fullmatch(r"ppt/slides/slide\d+\.xml", n)]
        for name in sorted(names, key=lambda n: int(re.findall(r"\d+", n)[0])):
            deck.add_slide(package.read(name))
    return deck.missing(words)


def tabel(source: str) -> Tabel:
    row = Row(1, source, ("motie",), None, "loopt", source, None, False)
    sectie = Sectie("Sectie", [Subsectie(None, [row])])
    return Tabel("Titel", None, None, "Organisatie", [sectie], None, [], False)


def planning_text(source: str) -> str:
    werkstroom = WERKSTROOM.model.model_validate(
        {
            "nummer": 1,
            "titel": "Werkstroom",
            "opdrachten": [
                {"nummer": "1.1", "titel": "Opdracht", "status": "gestart", "toelichting": source}
            ],
        }
    )
    loaded = Loaded(WERKSTROOM, SourceDocument(Path("w.yaml"), {}), werkstroom)
    dataset = Dataset(Path("."), loaded={"werkstroom": [loaded]})
    table = planning.rows(dataset, peildatum=dt.date(2030, 1, 1))
    csv = planning.to_csv(table).decode("utf-8-sig")
    path = io.BytesIO(planning.to_xlsx(table, title="t", author="a"))
    return csv + "\n" + xlsx_text(path)


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(document=documents())
@example(document=(MARKDOWN, WORDS))
def test_every_word_reaches_every_writer(document: tuple[str, list[str]]) -> None:
    source, words = document
    assert markdown_problems(source) == [], source  # check accepts it
    assert missing(words, html_text(str(markdown(source)))) == [], "html"
    assert deck_words_missing(source, words) == [], "pptx"
    assert missing(words, actietabel_markdown.text(tabel(source))) == [], "md"
    assert missing(words, docx_text(io.BytesIO(actietabel_docx.render(tabel(source))))) == [], (
        "docx"
    )
    assert missing(words, xlsx_text(io.BytesIO(actietabel_xlsx.render(tabel(source))))) == [], (
        "xlsx"
    )
    assert missing(words, planning_text(source)) == [], "planning"


def test_an_element_no_writer_knows_fails_loudly(monkeypatch: pytest.MonkeyPatch) -> None:
    """A parser that makes more than the text model knows (here: definition lists) must not
    lose the text silently."""
    from mdit_py_plugins.deflist import deflist_plugin

    import generator.render.deck.markdown as deck_markdown
    from generator.text import markdown as text_markdown

    extended = MarkdownIt("commonmark", {"html": False}).enable("table").use(deflist_plugin)
    monkeypatch.setattr(text_markdown, "parser", lambda: extended)
    text_markdown.parse.cache_clear()
    with pytest.raises(UnsupportedMarkdown, match="'dl_open'"):
        deck_markdown.slides("Term\n: uitleg\n")
    text_markdown.parse.cache_clear()


def test_a_word_broken_over_lines_of_a_continued_docx_row_stays_one_word() -> None:
    """A row taller than a page continues in a row of its own; where a word wider than the
    column was broken between those rows' lines, its pieces join without a space (found by the
    property test above: 78 of these words came out in pieces)."""
    words = [letter * 190 for letter in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"] * 3
    source = "| a | b |\n|---|---|\n| " + " ".join(words) + " | x |\n"
    text = docx_text(io.BytesIO(actietabel_docx.render(tabel(source))))
    assert missing(words, text) == []
