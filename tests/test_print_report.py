"""The progress report as the ministry publishes it: the PDF typeset by Typst and the HTML,
opened with poppler's tools, pypdf and the W3C checker; and what check refuses about footnotes."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from pypdf import PdfReader

from tests.conftest import DEMO, Run
from tests.office import html_errors, page_texts
from tests.printed import (
    HOSTILE,
    HOSTILE_MD,
    assert_is_pdf_ua,
    fonts,
    heading_tags,
    number_sizes,
    plain_text,
    squeezed,
)
from tests.readback import html_text
from tests.yamledit import read_yaml, write_yaml

REPORT = "vgr-2021-1"


def build(run: Run, data: Path, out: Path, formats: str = "pdf", report: str = REPORT) -> Path:
    result = run("report", report, "--data", data, "--output", out, "--format", formats)
    assert result.exit_code == 0, result.output
    return out


def outline(pdf: Path) -> list[tuple[int, str]]:
    """The PDF's bookmarks as (depth, title), in order."""
    found: list[tuple[int, str]] = []

    def walk(items: list[Any], depth: int) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item, depth + 1)
            else:
                found.append((depth, item.title))

    walk(PdfReader(pdf).outline, 0)
    return found


def test_report_pdf_is_pdf_ua_with_metadata_and_fonts(run: Run, tmp_path: Path) -> None:
    pdf = build(run, DEMO, tmp_path) / f"{REPORT}.pdf"
    assert_is_pdf_ua(
        pdf, title="1e Voortgangsrapportage Toeslagen 2021", author="Ministerie van Financiën"
    )
    pages = page_texts(pdf)
    cover = pages[0]
    for line in ("Ministerie van Financiën", "Directoraat-generaal Toeslagen", "Den Haag, 15"):
        assert line in cover
    for number, page in enumerate(pages[1:], start=2):
        assert f"Pagina {number} van {len(pages)}" in page
    colofon = pages[-1]
    assert "Colofon" in colofon and "Dit is een uitgave van" in colofon


def test_headings_nest_in_the_outline_and_the_tags_without_skipping(
    run: Run, tmp_path: Path
) -> None:
    pdf = build(run, DEMO, tmp_path) / f"{REPORT}.pdf"
    marks = outline(pdf)
    top = [title for depth, title in marks if depth == 0]
    assert top == [
        "Inleiding",
        "1 Dienstverlening: werken aan vertrouwen",
        "2 Reguliere uitvoering en toezicht",
        "3 Wat hebben we ervoor nodig?",
        "Bijlage: realisatie prestatie-indicatoren",
        "Colofon",
    ]
    # the colofon: a heading beside the chapters, as in the HTML (h2 below the title's h1), and
    # as there not in the contents
    contents = next(page for page in page_texts(pdf) if "Inhoud" in page)
    assert "Bijlage: realisatie" in contents and "Colofon" not in contents
    assert heading_tags(pdf)[-1] == 1
    # paragraphs under their chapter, Markdown headings under their paragraph, the risk
    # paragraph numbered where the report places it, with its risks under it
    at = {title: (index, depth) for index, (depth, title) in enumerate(marks)}
    assert at["1.2 Dienstverlening op maat"][1] == 1
    assert at["Zekerheid bij toekenning"] == (at["1.2 Dienstverlening op maat"][0] + 1, 2)
    assert at["3.3 Risicoparagraaf"][1] == 1
    risk = next(t for t in at if t.startswith("1. Beleidstoezeggingen"))
    assert at[risk] == (at["3.3 Risicoparagraaf"][0] + 1, 2)
    assert at["Toelichting op de bijlage"][1] == 1
    # the tagged structure: H1 to H6 in reading order, never a level skipped
    levels = heading_tags(pdf)
    assert len(levels) >= len(marks)
    assert all(b <= a + 1 for a, b in zip([0, *levels], levels, strict=False)), levels
    # and every heading is on a page, as text
    text = squeezed(plain_text(pdf))
    for _, title in marks:
        assert squeezed(title) in text, title


def test_footnotes_are_at_the_foot_of_the_page_that_refers_to_them(
    run: Run, tmp_path: Path
) -> None:
    pdf = build(run, DEMO, tmp_path) / f"{REPORT}.pdf"
    pages = page_texts(pdf)
    notes = {
        "Kamerstuk II 2020-21, 31322 nr. 424.": "Kindvoorzieningen",
        "Kamerstuk II 2020-21, 31066 nr. 760.": "toeslagenstelsel",
        "Burgertevredenheidsonderzoek Toeslagen, eerste en tweede meting 2021.": "neutraal",
        "De norm geldt voor het hele jaar": "Definitief vastgestelde toeslagen",
    }
    for note, referrer in notes.items():
        found = [i for i, page in enumerate(pages) if note in page]
        assert len(found) == 1, f"{note!r} is on pages {found}"
        page = pages[found[0]]
        assert referrer in page, f"{note!r} is not on the page that refers to it"
        lines = [line.strip() for line in page.splitlines() if line.strip()]
        at = next(i for i, line in enumerate(lines) if note[:30] in line)
        assert lines.index(next(x for x in lines if referrer in x)) < at
        # below a note only other notes (or their continued lines) and the page number
        rest = lines[at + 1 :]
        assert rest and rest[-1].startswith("Pagina")
        assert not any(x.startswith(("1 ", "2 ", "3 ", "Bijlage")) for x in rest[:-1])
    assert "[^" not in "\n".join(pages)


def test_kpi_annex_is_one_table_with_overruled_verdicts_marked(run: Run, tmp_path: Path) -> None:
    out = build(run, DEMO, tmp_path, "html,pdf")
    html = (out / f"{REPORT}.html").read_text(encoding="utf-8")
    annex = html[html.index('id="bijlage"') : html.index('id="toelichting-bijlage"')]
    assert annex.count("<table") == 1 and annex.count('scope="rowgroup"') == 2
    row = annex[annex.index("Definitief vastgestelde toeslagen") :]
    row = row[: row.index("</tr>")]
    # the row shows one verdict, the one the summary counts; its footnote says it was adjusted,
    # what norm and realisatie alone say, and why
    assert "voldaan" in row and "niet voldaan" not in row and 'href="#noot-' in row
    notes = html[html.index('id="noten"') :]
    assert "Oordeel bijgesteld; naar norm en realisatie alleen: niet voldaan." in notes
    assert "De norm geldt voor het hele jaar" in notes
    summary = re.search(r'<meta name="description" content="([^"]*)"', html)
    assert summary and "7 van 8 prestatie-indicatoren voldaan (1 na bijstelling" in summary[1]
    pages = page_texts(out / f"{REPORT}.pdf")
    page = next(p for p in pages if "Bijlage: realisatie prestatie" in p and "Norm" in p)
    annex_pdf = page[page.index("Definitief vastgestelde") : page.index("Bezwaren")]
    assert "voldaan" in annex_pdf and "niet voldaan" not in annex_pdf
    assert "Oordeel bijgesteld; naar norm en realisatie alleen: niet voldaan." in page
    # symbol and word on one line, in every row
    for line in page.splitlines():
        if "voldaan" in line and ("✓" in line or "✗" in line):
            assert re.search(r"[✓✗]\s+(niet )?voldaan", line), line


def test_html_has_numbered_notes_with_links_back(run: Run, tmp_path: Path) -> None:
    out = build(run, DEMO, tmp_path, "html")
    html = (out / f"{REPORT}.html").read_text(encoding="utf-8")
    refs = re.findall(r'<a id="noot-ref-(\d+)" href="#noot-(\d+)"', html)
    assert [int(a) for a, _ in refs] == list(range(1, len(refs) + 1)) and len(refs) == 4
    for number, _ in refs:
        assert f'<li id="noot-{number}">' in html
        assert f'href="#noot-ref-{number}" aria-label="Terug naar verwijzing {number}"' in html
    assert "[^" not in html
    assert html_errors(out / f"{REPORT}.html") == []


def write_report(data: Path, document: dict[str, Any], name: str = "r") -> None:
    folder = data / "rapportages"
    folder.mkdir(exist_ok=True)
    write_yaml(folder / f"{name}.yaml", document)


def test_leeswijzer_says_what_this_report_contains(run: Run, data: Path, tmp_path: Path) -> None:
    write_report(
        data,
        {
            "titel": "R",
            "periode": {"van": "2030-01-01", "tot": "2030-06-30"},
            "hoofdstukken": [
                {"titel": "Zonder tabel", "paragrafen": [{"titel": "Eerste"}, {"titel": "Twee"}]},
                {
                    "titel": "Met tabel",
                    "activiteiten": [{"groep": "G", "naam": "A", "status": "in_proces"}],
                },
            ],
        },
    )
    out = build(run, data, tmp_path, "html", report="r")
    html = (out / "r.html").read_text(encoding="utf-8")
    guide = html[html.index('id="leeswijzer"') : html.index("</section>", html.index("leeswijzer"))]
    assert "Elk hoofdstuk" not in guide and "sterretje" not in guide and "bijlage" not in guide
    first = re.search(r"Hoofdstuk 1, ‘Zonder tabel’, [^<]*", guide)
    assert first and "tabel van de activiteiten" not in first[0]
    assert "eerste (1.1) en twee (1.2)" in first[0]  # titles in sentence case mid-sentence
    second = re.search(r"Hoofdstuk 2, ‘Met tabel’, [^<]*", guide)
    assert second and "sluit af met een tabel van de activiteiten" in second[0]
    assert "In de activiteitentabel staat" in guide


def test_check_refuses_a_footnote_without_its_note_and_a_note_without_reference(
    run: Run, data: Path
) -> None:
    (data / "rapportages").mkdir()
    (data / "rapportages" / "r.yaml").write_text(
        "titel: R\n"
        "periode: {van: 2030-01-01, tot: 2030-06-30}\n"
        "inleiding: |\n"
        "  Zie de brief[^1] en het rapport[^2].\n"
        "\n"
        "  [^1]: Kamerstuk.\n"
        "  [^3]: Los.\n",
        encoding="utf-8",
    )
    result = run("check", "--data", data)
    assert result.exit_code == 1
    assert "r.yaml:4:34: error: footnote reference [^2] has no note" in result.output
    assert "r.yaml:7:3: error: footnote [^3] is never referred to" in result.output


def test_an_escaped_reference_is_shown_as_typed_as_the_message_advises(
    run: Run, data: Path, tmp_path: Path
) -> None:
    (data / "rapportages").mkdir()
    (data / "rapportages" / "r.yaml").write_text(
        "titel: R\n"
        "periode: {van: 2030-01-01, tot: 2030-06-30}\n"
        "inleiding: |\n"
        "  Een voetnoot schrijf je als \\[^1] in de tekst.\n",
        encoding="utf-8",
    )
    result = run("check", "--data", data)
    assert result.exit_code == 0, result.output
    out = build(run, data, tmp_path, "html", report="r")
    assert "als [^1] in de tekst" in (out / "r.html").read_text(encoding="utf-8")


def test_check_wants_the_reason_for_an_overruled_verdict_and_one_risk_paragraph(
    run: Run, data: Path
) -> None:
    write_report(
        data,
        {
            "titel": "R",
            "periode": {"van": "2030-01-01", "tot": "2030-06-30"},
            "hoofdstukken": [
                {"titel": "H", "paragrafen": [{"titel": "Risico's", "risicoparagraaf": True}]}
            ],
            "kpis": [
                {
                    "groep": "G",
                    "rijen": [
                        {"naam": "Een", "norm": "85%", "realisatie": "64%",
                         "beoordeling": "voldaan", "toelichting": "Loopt nog."},
                    ],
                }
            ],
            "risicoparagraaf": True,
        },
    )  # fmt: skip
    result = run("check", "--data", data)
    assert result.exit_code == 1
    assert "KPI 'Een': beoordeling voldaan overrules what norm and realisatie say" in result.output
    assert "the report has one risk paragraph" in result.output


def test_check_warns_about_a_toelichting_that_a_met_norm_never_prints(run: Run, data: Path) -> None:
    """A toelichting explains a missed norm; on a KPI judged voldaan (here by an explicit
    beoordeling) it contradicts the verdict and is printed nowhere: check says so, with the
    line."""
    write_report(
        data,
        {
            "titel": "R",
            "periode": {"van": "2030-01-01", "tot": "2030-06-30"},
            "kpis": [
                {
                    "groep": "G",
                    "rijen": [
                        {"naam": "Een", "norm": "85%", "realisatie": "64%",
                         "beoordeling": "voldaan", "beoordeling_reden": "Op schema.",
                         "toelichting": "Loopt nog."},
                        {"naam": "Twee", "norm": "85%", "realisatie": "90%"},
                    ],
                }
            ],
        },
    )  # fmt: skip
    result = run("check", "--data", data)
    warned = [line for line in result.output.splitlines() if "toelichting" in line]
    assert len(warned) == 1 and "KPI 'Een' is judged voldaan" in warned[0], result.output
    assert re.search(r"rapportages/[^:]+\.yaml:\d+:", warned[0]), warned[0]


def test_typst_syntax_in_every_report_field_is_printed_as_text(
    run: Run, data: Path, tmp_path: Path
) -> None:
    h, m = HOSTILE, HOSTILE_MD
    write_report(
        data,
        {
            "titel": f"Titel {h}",
            "periode": {"van": "2030-01-01", "tot": "2030-06-30"},
            "afzender": {"ministerie": f"Ministerie {h}", "onderdeel": f"Onderdeel {h}"},
            "plaats": f"Plaats {h}",
            "colofon": f"Colofon {m}",
            "inleiding": f"Inleiding {m}[^1]\n\n[^1]: Noot {m}\n",
            "hoofdstukken": [
                {
                    "titel": f"Hoofdstuk {h}",
                    "tekst": f"Hoofdtekst {m}\n\n## Kop {m}\n\n| Kolom {m} |\n|---|\n| Cel {m} |\n",
                    "paragrafen": [
                        {
                            "titel": f"Paragraaf {h}",
                            "resultaten": [f"Resultaat {m}"],
                            "tekst": f"Paragraaftekst {m}\n\n- Punt {m}\n\n> Citaat {m}\n",
                        },
                        {"titel": "Risico's", "risicoparagraaf": True},
                    ],
                    "activiteiten": [
                        {"groep": f"Groep {h}", "naam": f"Activiteit {h}", "status": "in_proces",
                         "uitgelicht": f"Uitgelicht {m}"},
                        {"groep": f"Groep {h}", "naam": "Twee", "status": "continu_minder_goed",
                         "aandacht": f"Aandacht {m}"},
                    ],
                }
            ],
            "kpis": [
                {
                    "groep": f"KPI-groep {h}",
                    "rijen": [
                        {"naam": f"Indicator {h}", "norm": "90%", "realisatie": "80%",
                         "toelichting": f"Toelichting {m}"},
                        {"naam": "Twee", "norm": "-", "realisatie": f"Realisatie {h}",
                         "beoordeling": "voldaan", "beoordeling_reden": f"Reden {m}"},
                    ],
                }
            ],
        },
    )  # fmt: skip
    risks = read_yaml(data / "risicos.yaml")
    risk = risks["risicos"][0]
    risk.update(
        titel=f"Risico {h}",
        omschrijving=f"Omschrijving {m}",
        beheersmaatregelen=f"Maatregel {m}",
        eigenaar=f"Eenheid {h}",
        top=True,
    )
    write_yaml(data / "risicos.yaml", risks)
    out = build(run, data, tmp_path, "html,pdf", report="r")
    text = squeezed(plain_text(out / "r.pdf"))
    labels = (
        "titel", "ministerie", "onderdeel", "plaats", "colofon", "inleiding", "noot",
        "hoofdstuk", "hoofdtekst", "kop", "kolom", "cel", "paragraaf", "resultaat",
        "paragraaftekst", "punt", "citaat", "groep", "activiteit", "uitgelicht", "aandacht",
        "kpi-groep", "indicator", "toelichting", "realisatie", "reden", "risico",
        "omschrijving", "maatregel", "eenheid",
    )  # fmt: skip
    for label in labels:
        assert squeezed(f"{label} {h}") in text, label
    assert "root:" not in text
    assert PdfReader(out / "r.pdf").metadata.title == f"Titel {h}"


def test_a_risk_paragraph_of_its_own_after_the_chapters(
    run: Run, data: Path, tmp_path: Path
) -> None:
    write_report(
        data,
        {
            "titel": "R",
            "periode": {"van": "2030-01-01", "tot": "2030-06-30"},
            "hoofdstukken": [{"titel": "Een", "paragrafen": [{"titel": "Alleen"}]}],
            "risicoparagraaf": True,
        },
    )
    out = build(run, data, tmp_path, "html,pdf", report="r")
    marks = outline(out / "r.pdf")
    top = [title for depth, title in marks if depth == 0]
    assert top == ["Leeswijzer", "1 Een", "Risicoparagraaf", "Colofon"]
    titles = [t for _, t in marks]
    after = marks[titles.index("Risicoparagraaf") + 1 : titles.index("Colofon")]
    assert after and all(depth >= 1 for depth, _ in after)
    html = (out / "r.html").read_text(encoding="utf-8")
    assert "Na de hoofdstukken volgt de risicoparagraaf" in html
    assert html.index('id="h1"') < html.index('id="risicoparagraaf"')


def test_footnote_numbers_from_4_look_like_1_to_3(run: Run, data: Path, tmp_path: Path) -> None:
    # Liberation Sans's superscript digits 4 and up are smaller and lower than its 1 to 3
    words = ("Een", "twee", "drie", "vier", "vijf", "zes")
    text = " ".join(f"{word}[^{n}]" for n, word in enumerate(words, start=1)) + ".\n\n"
    text += "\n".join(f"[^{n}]: Noot {word}." for n, word in enumerate(words, start=1))
    write_report(
        data,
        {
            "titel": "Voetnoten",
            "periode": {"van": "2030-01-01", "tot": "2030-06-30"},
            "hoofdstukken": [{"titel": "Een", "tekst": text}],
        },
    )
    pdf = build(run, data, tmp_path, report="r") / "r.pdf"
    assert "Noot zes." in plain_text(pdf)
    used = [name for name, _ in fonts(pdf)]
    assert used and all(name.split("+")[-1].startswith("LiberationSans") for name in used), used
    # in the text and at the page's foot, note 4 and up look like note 1
    # (a page number in the contents, at the text's size, is no note's number)
    sizes = {n: [size for size in found if size < 8] for n, found in number_sizes(pdf).items()}
    assert len(sizes["1"]) == 2 and all(sizes[str(n)] == sizes["1"] for n in range(2, 7)), sizes


def test_a_heading_in_the_colofon_text_goes_below_colofon(
    run: Run, data: Path, tmp_path: Path
) -> None:
    write_report(
        data,
        {
            "titel": "R",
            "periode": {"van": "2030-01-01", "tot": "2030-06-30"},
            "hoofdstukken": [{"titel": "Een"}],
            "colofon": "## Contact\n\nBel ons.",
        },
    )
    pdf = build(run, data, tmp_path, report="r") / "r.pdf"
    assert outline(pdf)[-2:] == [(0, "Colofon"), (1, "Contact")]
    assert heading_tags(pdf)[-2:] == [1, 2]


def test_a_note_referred_to_twice_links_back_to_both(run: Run, data: Path, tmp_path: Path) -> None:
    write_report(
        data,
        {
            "titel": "R",
            "periode": {"van": "2030-01-01", "tot": "2030-06-30"},
            "hoofdstukken": [
                {
                    "titel": "H",
                    "paragrafen": [
                        {
                            "titel": "P",
                            "tekst": "Eerst[^a] en nog eens[^a], dan[^b].\n\n"
                            "[^a]: Gedeelde noot, zie ook[^c].\n[^b]: Eigen noot.\n"
                            "[^c]: Noot in een noot.\n",
                        }
                    ],
                }
            ],
        },
    )
    out = build(run, data, tmp_path, "html,pdf", report="r")
    html = (out / "r.html").read_text(encoding="utf-8")
    # numbered as the PDF numbers them: a note's own note right after it; each reference has an
    # anchor of its own
    refs = re.findall(r'<a id="(noot-ref-[\d-]+)" href="#noot-(\d+)"', html)
    assert refs == [
        ("noot-ref-1", "1"), ("noot-ref-1-2", "1"), ("noot-ref-3", "3"), ("noot-ref-2", "2")
    ]  # fmt: skip
    assert (
        html_notes(html)
        == pdf_notes(out / "r.pdf")
        == {
            "Gedeelde noot, zie ook2.": 1,
            "Noot in een noot.": 2,
            "Eigen noot.": 3,
        }
    )
    notes = html[html.index('<ol class="voetnoten">') :]
    shared = notes[notes.index('<li id="noot-1">') : notes.index("</li>")]
    assert "Gedeelde noot" in shared
    back = r'↩ <a href="#noot-ref-1"[^>]*>a</a> <a href="#noot-ref-1-2"[^>]*>b</a>'
    assert re.search(back, shared)
    own = notes[notes.index('<li id="noot-3">') :]
    assert re.search(r'<a href="#noot-ref-3" aria-label="Terug naar verwijzing 3"[^>]*>↩</a>', own)
    for anchor, _ in refs:  # every link back has its place, and ids stay unique
        assert html.count(f'id="{anchor}"') == 1 and f'href="#{anchor}"' in notes


def html_notes(html: str) -> dict[str, int]:
    """The number of each note (by its text, the numbers of its references in it) in the
    HTML's list of notes."""
    notes = re.findall(r'<li id="noot-(\d+)">(.*?) (?:↩|<a href="#noot-ref)', html)
    return {html_text(text): int(number) for number, text in notes}


def pdf_notes(pdf: Path) -> dict[str, int]:
    """The number of each note (by its text's first line) at the pages' feet of the PDF."""
    notes = re.findall(r"^ *(\d+)\n +(\S.*)$", "\n".join(page_texts(pdf)), re.M)
    return {text.strip(): int(number) for number, text in notes}


def test_notes_are_numbered_alike_in_the_html_and_the_pdf(
    run: Run, data: Path, tmp_path: Path
) -> None:
    # the QA tester's repros: a note only a note refers to, a note in a table cell, one note
    # referred to three times, and an escaped reference
    write_report(
        data,
        {
            "titel": "Noten",
            "periode": {"van": "2021-01-01", "tot": "2021-08-31"},
            "hoofdstukken": [
                {
                    "titel": "Een",
                    "tekst": "Eerste[^a] en tweede[^c].\n\n"
                    "[^a]: Noot A, zie ook[^b].\n[^b]: Noot B, alleen vanuit noot A.\n"
                    "[^c]: Noot C.\n",
                },
                {
                    "titel": "Twee",
                    "tekst": "Eerste verwijzing[^drie] en een ontsnapte \\[^1] als tekst.\n\n"
                    "| Indicator | Toelichting |\n|---|---|\n"
                    "| Instroom | Zie de brief[^cel] en nog eens[^drie]. |\n\n"
                    "Derde verwijzing naar dezelfde noot[^drie].\n\n"
                    "[^drie]: Kamerstuk (zie ook[^binnen]).\n[^cel]: Noot uit een tabelcel.\n"
                    "[^binnen]: Noot die alleen in een andere noot staat.\n",
                },
            ],
        },
    )
    out = build(run, data, tmp_path, "html,pdf", report="r")
    html = (out / "r.html").read_text(encoding="utf-8")
    expected = {
        "Noot A, zie ook2.": 1,
        "Noot B, alleen vanuit noot A.": 2,
        "Noot C.": 3,
        "Kamerstuk (zie ook5).": 4,
        "Noot die alleen in een andere noot staat.": 5,
        "Noot uit een tabelcel.": 6,
    }
    assert html_notes(html) == pdf_notes(out / "r.pdf") == expected
    text = html_text(html)
    for shown in ("Eerste1 en tweede3.", "Zie de brief6 en nog eens4.", "dezelfde noot4."):
        assert shown in text and shown in plain_text(out / "r.pdf")
