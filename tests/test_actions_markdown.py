"""actietabel.md as GitHub shows it: read back with markdown-it-py (CommonMark with GitHub's
tables and strikethrough, raw HTML passed as GitHub passes it), every cell holds the data's text,
hostile text included, and no link, HTML or emphasis comes from the data itself."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.token import Token

from generator.text import gfm
from generator.text.lines import Line
from generator.text.model import Span
from tests.conftest import Run
from tests.yamledit import read_yaml, write_yaml

#: text that means something in Markdown, GitHub's dialect or a template engine
HOSTILE = (
    "3*4 en 5*6 _klein_ __vet__ [deel 1](x) [x](javascript:alert(1)) <script>alert(1)</script>"
    " a | b `code` ``` {{ 7*7 }} ~~weg~~ $x$ @iemand www.example.nl https://example.nl"
    " &amp; &#65; \\* \\ ![beeld](y) <!-- x --> #kop #"
)
#: the same as Markdown source whose text is HOSTILE: every character escaped
HOSTILE_MD = "".join(f"\\{c}" if c in "\\`*_[]<>&~|$#!" else c for c in HOSTILE)
#: what may come out as HTML: the writer's own tags, never the data's
OWN_TAGS = {"<br>", "<strong>", "</strong>", "<em>", "</em>", "<del>", "</del>", "<code>"}
OWN_TAGS |= {"</code>", "</a>", "&nbsp;"}
SCHEMES = ("https://", "http://", "mailto:")
OWN_LINK = re.compile(r'<a href="(https?://|mailto:)[^"<>]*">')


def github() -> MarkdownIt:
    return MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])


def cells(markdown: str) -> list[list[list[Token]]]:
    """The table's body rows, each a list of its cells' inline tokens."""
    rows: list[list[list[Token]]] = []
    for token in github().parse(markdown):
        if token.type == "tr_open":
            rows.append([])
        elif token.type == "inline" and rows:
            rows[-1].append(token.children or [])
    return rows[1:]


def shown(tokens: list[Token]) -> str:
    """The text a reader sees: ``<br>`` as a newline. HTML other than the writer's own tags
    fails, and so does a link to anything but the web or e-mail."""
    text = []
    for token in tokens:
        if token.type in ("text", "code_inline"):
            text.append(token.content)
        elif token.type == "softbreak":
            text.append(" ")
        elif token.type == "html_inline":
            assert token.content in OWN_TAGS or OWN_LINK.fullmatch(token.content), token.content
            text.append("\n" if token.content == "<br>" else "")
        elif token.type == "link_open":
            assert str(token.attrGet("href")).startswith(SCHEMES), token.attrGet("href")
        elif token.type == "image":
            raise AssertionError(f"an image from the data: {token.attrGet('src')}")
        else:
            assert token.type.endswith(("_open", "_close")), token.type
    return "".join(text).replace("\xa0", " ")


def styled(tokens: list[Token], kind: str) -> list[str]:
    """The texts inside ``kind`` ("strong", "em", "s")."""
    found, depth = [], 0
    for token in tokens:
        if token.type == f"{kind}_open":
            depth += 1
            found.append("")
        elif token.type == f"{kind}_close":
            depth -= 1
        elif depth and token.type == "text":
            found[-1] += token.content
    return found


def test_hostile_text_comes_out_as_text(run: Run, data: Path, tmp_path: Path) -> None:
    path = data / "acties" / "002-schulden.yaml"
    action = read_yaml(path)
    action.update(
        sectie=f"- {HOSTILE}",
        subsectie=f"1. {HOSTILE}",
        omschrijving=f"Kosten 3\\*4 en **vet** *schuin*; {HOSTILE_MD}",
        moties=[f"Motie Klaver_c.s. (nr. 16) [deel 1](x) {HOSTILE}", "# kop | {{ 7*7 }} [^1]"],
        eigenaar=HOSTILE,
        stand_van_zaken=(
            f"Letterlijk: 2\\*3 = 6; [zie](javascript:alert(1)); *{{{{ 7\\*7 }}}}* na.\n\n"
            f"- punt **{HOSTILE_MD}**\n"
            f"  - dieper `a|b` en ``x ` y``\n\n"
            "[naar](https://example.nl/a?b=1&c=<2>) en <script>alert(1)</script>\n"
        ),
    )
    write_yaml(path, action)
    result = run("actions", "--data", data, "--output", tmp_path, "--format", "md")
    assert result.exit_code == 0, result.output
    markdown = (tmp_path / "actietabel.md").read_text(encoding="utf-8")

    rows = cells(markdown)
    texts = [[shown(cell) for cell in row] for row in rows]
    sectie = texts.index([f"- {HOSTILE}".upper(), "", ""])
    assert texts[sectie + 1] == [f"1. {HOSTILE}", "", ""]
    assert styled(rows[sectie + 1][0], "em") == [f"1. {HOSTILE}"]
    actie = next(row for row in texts if row[0].startswith("2.\n"))
    cells_ = rows[texts.index(actie)]
    omschrijving = actie[1].split("\n")
    assert omschrijving == [
        f"Kosten 3*4 en vet schuin; {HOSTILE}",
        f"Motie of toezegging: Motie Klaver_c.s. (nr. 16) [deel 1](x) {HOSTILE}; "
        "# kop | {{ 7*7 }} [^1]",
        f"Eigenaar: {HOSTILE}",
    ]
    assert styled(cells_[1], "strong") == ["vet"]
    assert "schuin" in styled(cells_[1], "em")
    stand = actie[2].split("\n")
    assert stand[:4] == [
        "Letterlijk: 2*3 = 6; [zie](javascript:alert(1)); {{ 7*7 }} na.",
        f"• punt {HOSTILE}",
        "  • dieper a|b en x ` y",
        "naar en <script>alert(1)</script>",
    ]
    assert styled(cells_[2], "em")[0] == "{{ 7*7 }}"
    assert styled(cells_[2], "strong") == [HOSTILE]
    # the one link is the data's own
    links = [t.attrGet("href") for row in rows for c in row for t in c if t.type == "link_open"]
    links += [t.content for row in rows for c in row for t in c if OWN_LINK.match(t.content)]
    assert links == ["https://example.nl/a?b=1&c=%3C2%3E"]


def test_the_title_and_introduction_come_out_as_text(run: Run, data: Path, tmp_path: Path) -> None:
    write_yaml(
        (data / "actietabel.yaml"),
        {
            "titel": f"Acties {HOSTILE}",
            "inleiding": (
                f"Inleiding {HOSTILE_MD}\n\n1. een\n2. twee\n   - dieper\n\n"
                "Na de lijst <b>geen html</b>.\n"
            ),
        },
    )
    result = run("actions", "--data", data, "--output", tmp_path, "--format", "md")
    assert result.exit_code == 0, result.output
    tokens = github().parse((tmp_path / "actietabel.md").read_text(encoding="utf-8"))
    heading = tokens[tokens.index(next(t for t in tokens if t.type == "heading_open")) + 1]
    assert shown(heading.children or []) == f"Acties {HOSTILE}"
    inlines = [t for t in tokens if t.type == "inline"]
    assert shown(inlines[1].children or []) == f"Inleiding {HOSTILE}"
    kinds = [t.type for t in tokens if t.type.endswith("list_open")]
    assert kinds == ["ordered_list_open", "bullet_list_open"]
    assert [shown(t.children or []) for t in inlines[2:6]] == [
        "een",
        "twee",
        "dieper",
        "Na de lijst <b>geen html</b>.",
    ]


ASCII = st.text(st.characters(codec="ascii", exclude_categories=("Cc",)), min_size=1, max_size=12)
WORDS = st.one_of(ASCII, st.sampled_from(["“a”", "x…", " ", "\xa0", "é", "*", "**", "![", "`"]))
RUNS = st.lists(
    st.builds(
        Span,
        WORDS,
        bold=st.booleans(),
        italic=st.booleans(),
        strike=st.booleans(),
        code=st.booleans(),
        link=st.sampled_from([None, None, "https://example.nl/a", "mailto:a@b.nl"]),
    ),
    min_size=1,
    max_size=6,
)


@settings(max_examples=300, deadline=None)
@given(runs=RUNS)
def test_any_runs_read_back_as_themselves(runs: list[Span]) -> None:
    """Whatever the styles and the text, markdown-it reads the written line back as its
    runs: emphasis opens and closes where it should, and no text turns into markup."""
    written = gfm.inline(runs)
    expected = gfm._normal(runs)  # the same runs, white space moved out of emphasis
    assert gfm.read(written) == expected, written
    tokens = github().parseInline(written)[0].children or []
    text = "".join(t.content for t in tokens if t.type in ("text", "code_inline"))
    assert text == "".join(run.text for run in expected), written


def test_a_line_start_opens_no_block() -> None:
    for text in ("- a", "+ a", "1. a", "12) a", "# a", "> a", "=", "---", "```", "    code"):
        written = gfm.document([Line((Span(text),))])
        tokens = github().parse(written)
        assert [t.type for t in tokens] == ["paragraph_open", "inline", "paragraph_close"], text
        assert shown(tokens[1].children or []) == text.strip(), text
