"""``diff`` as a pull-request comment: data can open nothing in GitHub's Markdown, and the
comment stays under GitHub's limit, the most important changes first."""

from __future__ import annotations

import html
import os
import re
import subprocess
from pathlib import Path

from markdown_it import MarkdownIt
from markdown_it.token import Token

from generator.domain.review import Change, Onderwerp, Review
from generator.model.legend import SCT
from generator.render.diff.markdown import COMMENT_LIMIT, markdown
from tests.conftest import Run
from tests.yamledit import edit

#: as GitHub reads a comment: CommonMark with tables and strikethrough, raw HTML allowed
GFM = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])

HOSTILE = [
    "Klantreis\n<!--",
    "<!-- verborgen -->",
    "```\ncode",
    "~~~",
    "| a | b |\n|---|---|\n| c | d |",
    "[klik](javascript:alert(1))",
    "![beeld](https://example.org/x.png)",
    "<https://example.org>",
    "https://example.org/pad en www.example.org",
    "# kop",
    "## kop",
    "- punt",
    "+ punt",
    "* punt",
    "1. punt",
    "2) punt",
    "> citaat",
    "    ingesprongen code",
    "<script>alert(1)</script>",
    "<b>vet</b> &amp; &lt;",
    "Titel\n===",
    "Titel\n---",
    "[ref]: https://example.org",
    "**vet** _schuin_ `code` $x$ \\",
    "a\\",
]

FORBIDDEN = {
    "html_block", "html_inline", "fence", "code_block", "link_open", "image", "table_open",
    "blockquote_open", "ordered_list_open", "hr", "math_inline", "math_block",
}  # fmt: skip


def tokens(text: str) -> list[Token]:
    found = []
    for token in GFM.parse(text):
        found.append(token)
        found += token.children or []
    return found


def shown(text: str) -> str:
    """The text a reader sees, whitespace collapsed (every tag is ours: data opens none)."""
    return " ".join(html.unescape(re.sub(r"<[^>]*>", "", GFM.render(text))).split())


def assert_inert(text: str, headings: int) -> None:
    found = tokens(text)
    assert not [t.type for t in found if t.type in FORBIDDEN], text
    assert sum(t.type == "heading_open" for t in found) == headings, text
    lists = [t for t in found if t.type == "bullet_list_open"]
    assert all(t.level == 0 for t in lists), "a list inside a list item"
    assert not [t for t in found if t.type == "s_open" and "~~" not in t.markup]


def hostile_review() -> Review:
    groups = []
    for number, text in enumerate(HOSTILE, start=1):
        groups.append(
            Onderwerp(
                f"Werkstroom {number} – {text}",
                [
                    Change("added", f"opdracht {number}.1", new=text),
                    Change("field", f"opdracht {number}.2", text, text + " nieuw", what="titel"),
                    Change("status", f"hoofdactie '{text}' (opdracht {number}.3)", "A", text),
                    Change(
                        "text", f"opdracht {number}.4",
                        words=(("same", "Begin"), ("deleted", text), ("inserted", text)),
                        what="toelichting",
                    ),
                ],
            )
        )  # fmt: skip
    groups.append(
        Onderwerp(
            "Werkstroom 99 – Laatste",
            [
                Change("status", "opdracht 99.1", "Gestart en op schema", SCT["escalatie"].label),
                Change("deadline", "opdracht 99.2", "1 jan 2030", "26 jun 2031", days=541),
            ],
        )
    )
    invalid = [(text, f"werkstromen/{n}.yaml:1: {text}") for n, text in enumerate(HOSTILE)]
    return Review("main\n<!--", "<b>head</b>", groups, invalid)


def test_no_data_opens_html_code_tables_headings_lists_links_or_images() -> None:
    review = hostile_review()
    text = markdown(review)
    assert_inert(text, headings=2 + len(review.groups))
    seen = shown(text)
    for hostile in HOSTILE:
        assert " ".join(hostile.split()) in seen, hostile  # shown as the text it is
    # what follows the hostile texts is all there
    assert f"*{SCT['escalatie'].label}*" in text
    assert "(+541 dagen, **verschoven naar later**)" in text
    assert "Werkstroom 99 – Laatste" in seen
    # GitHub links bare addresses when it parses: an escape inside them prevents that
    assert "https\\://example.org" in text and "www\\.example.org" in text


def test_a_title_on_two_lines_cannot_hide_what_follows(run: Run, data: Path) -> None:
    """The case from the issue: a title whose second line starts an HTML comment, and after
    it another workstream's escalation and a deadline that slips 541 days."""
    root = data.parent
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "basis")
    edit(data / "werkstromen" / "01-klantreis.yaml", "titel: Klantreis ontwerpen",
         'titel: "Klantreis ontwerpen\\n<!--"')  # fmt: skip
    ws2 = data / "werkstromen" / "02-commissies.yaml"
    edit(ws2, "    status: afgerond\n    hoofdacties:", "    status: escalatie\n    hoofdacties:")
    edit(ws2, "deadline: {datum: 2030-07-31", "deadline: {datum: 2032-01-23")
    result = run("diff", "main", "--data", data)
    assert result.exit_code == 0, result.output
    text = result.output
    assert_inert(text, headings=3)
    seen = shown(text)
    assert "Klantreis ontwerpen <!--" in seen
    assert "Opdracht 2.1: status Afgerond → Grote zorgen voor voortgang" in seen
    assert "+541 dagen, verschoven naar later" in seen


def test_thousands_of_changes_stay_under_the_comment_limit_escalations_first() -> None:
    groups = []
    for number in range(1, 3001):
        changes = [
            Change("text", f"opdracht {number}.1", what="toelichting",
                   words=(("same", "Loopt"), ("deleted", "volgens plan " * 20),
                          ("inserted", "<!-- vertraagd " * 20))),
            Change("deadline", f"opdracht {number}.1", "1 jan 2030", "1 feb 2030", days=31),
        ]  # fmt: skip
        if number % 1000 == 0:
            changes.append(
                Change("status", f"opdracht {number}.2", "Gestart", SCT["escalatie"].label)
            )
        groups.append(Onderwerp(f"Werkstroom {number} – Titel {number}", changes))
    review = Review("main", "HEAD", groups, [])
    full = sum(len(g.changes) for g in groups)
    text = markdown(review)
    assert len(text) < COMMENT_LIMIT
    assert_inert(text, headings=len(re.findall(r"^#{2,3} ", text, re.M)))
    seen = shown(text)
    assert review.summary in seen  # the counts of everything
    for number in (1000, 2000, 3000):  # the escalations, although they come last
        assert f"Werkstroom {number} – Titel {number}: Opdracht {number}.2: status" in seen
    assert seen.index("Opdracht 3000.2") < seen.index("Opdracht 1.1")
    last = text.rstrip().splitlines()[-1]
    assert last.startswith("*Niet getoond: ") and "`statusgen diff --format json`" in last
    shown_changes = len(re.findall(r"^- Werkstroom \d+ – Titel \d+: \*\*", text, re.M))
    assert f"{full - shown_changes} van de {full} wijzigingen" in last
    assert "### Aantallen per werkstroom en actie" in text
    assert "- Werkstroom 1 – Titel 1: 1 verschoven deadline, 1 tekst gewijzigd" in text


def git(repo: Path, *args: str) -> None:
    env = {**os.environ, "GIT_AUTHOR_NAME": "Redactie", "GIT_AUTHOR_EMAIL": "r@example.org",
           "GIT_COMMITTER_NAME": "Redactie", "GIT_COMMITTER_EMAIL": "r@example.org"}  # fmt: skip
    subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, env=env)
