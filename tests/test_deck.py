"""``statusgen deck``: the SCT deck, reopened with python-pptx and opened in LibreOffice."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

from pptx import Presentation
from pptx.util import Emu

from bench.seed_deck import with_markers_apart
from generator.model.legend import SCT
from tests.conftest import DEMO, Run
from tests.office import broken_dates, page_texts, to_pdf, words
from tests.readback import frame_text
from tests.yamledit import edit

LONG = (
    "Afstemmen met de uitvoering, de gemeenten en de ketenpartners over de volgorde van "
    "behandeling, de benodigde capaciteit en de momenten waarop ouders worden geïnformeerd"
)


def slide_text(slide: object) -> str:
    parts = []
    for shape in slide.shapes:  # type: ignore[attr-defined]
        if shape.has_text_frame:
            parts.append(frame_text(shape.text_frame))
        if shape.has_table:
            parts.extend(
                frame_text(cell.text_frame) for row in shape.table.rows for cell in row.cells
            )
    return "\n".join(parts).replace("\u00a0", " ")  # legends keep their labels unbroken


def titles(deck: Path) -> list[str]:
    prs = Presentation(str(deck))
    return [s.shapes.title.text if s.shapes.title is not None else "" for s in prs.slides]


#: the demo meeting these tests describe (the demo data has a later one, which follows up its
#: actions)
AUGUST_17 = ("--vergadering", "2020-08-17")


def build(run: Run, data: Path, out: Path, *args: str) -> Path:
    result = run("deck", "--data", data, "--output", out, *args)
    assert result.exit_code == 0, result.output
    decks = sorted(out.glob("*.pptx"))
    assert len(decks) == 1, decks
    return decks[0]


def add_stress(data: Path) -> None:
    """A workstream with an opdracht taller than two slides and a toelichting taller than one,
    and a meeting item with a long table and a long list."""
    hoofdacties = "".join(
        f"""
      - titel: Hoofdactie {n} {LONG}
        deadline: 2030-0{1 + n % 9}-01
        subacties:
          - {LONG} (eerste)
          - {LONG} (tweede)
          - Onbreekbaarwoordzonderspatiesdatlangerisdaneenkolombreedtebijnazeker
"""
        for n in range(1, 13)
    )
    toelichting = "\n".join(f"      Alinea {n}. {LONG}.\n" for n in range(1, 25))
    (data / "werkstromen" / "03-stress.yaml").write_text(
        f"""nummer: 3
titel: Zeer uitgebreide werkstroom om de vervolgdia's te beproeven
kernwoord: uitgebreide
trekker: p-abma
teamleden: [p-zijlstra, UHT]
opdrachten:
  - nummer: "3.1"
    titel: Een opdracht met heel veel hoofdacties
    status: escalatie
    trekker: p-zijlstra
    themas: [Burgergericht, Uitvoerbaarheid]
    toelichting: |
{toelichting}
    hoofdacties:{hoofdacties}
  - nummer: "3.2"
    titel: Een korte opdracht
    status: afgerond
    deadline: 2030-01-01
""",
        encoding="utf-8",
    )
    rows = "\n".join(f"          | Regel {n} | {n * 1000} | {LONG} |" for n in range(1, 41))
    bullets = "\n".join(f"          - Punt {n}: {LONG}" for n in range(1, 31))
    meeting = data / "vergaderingen" / "2030-09-05.yaml"
    many = "".join(
        f"      - titel: Mededeling {n} over de voortgang van een van de werkstromen\n"
        f"        inhoud: Kort.\n"
        for n in range(1, 15)
    )
    meeting.write_text(
        meeting.read_text(encoding="utf-8") + f"  - rubriek: Ter kennisname\n    items:\n{many}",
        encoding="utf-8",
    )
    edit(
        meeting,
        "      - titel: Terugkoppeling woensdag",
        f"""      - titel: Lange bijlage
        inhoud: |
          ## Tabel
          | Onderdeel | Bedrag | Toelichting |
          |---|---:|---|
{rows}

          ## Lijst
{bullets}
      - titel: Terugkoppeling woensdag""",
        every=True,
    )


# --- the deck's content --------------------------------------------------------------------


def test_demo_deck_follows_the_agenda(run: Run, tmp_path: Path) -> None:
    deck = build(run, DEMO, tmp_path, *AUGUST_17)
    assert deck.name == "sct-2020-08-17.pptx"
    prs = Presentation(str(deck))
    assert (prs.slide_width, prs.slide_height) == (Emu(12192000), Emu(6858000))
    slides = list(prs.slides)
    first = slide_text(slides[0])
    assert "SCT overleg" in first and "17 augustus 2020" in first
    assert "Crisisorganisatie Kinderopvangtoeslag" in first
    agenda = slide_text(slides[1])
    assert titles(deck)[1] == "Agenda 17\u00a0augustus\u00a02020"  # the date never breaks
    for line in ("1. Ter besluitvorming", "2. Ter informatie", "Ritmewijziging ramingen"):
        assert line in agenda
    names = titles(deck)
    # what the chair should ask about comes right after the agenda, then the first rubriek
    assert names[2].startswith("Voor het SCT")
    assert names[[n.startswith("Voor het SCT") for n in names].index(False, 2)] == (
        "1. Ter besluitvorming"
    )
    assert "2. Ter informatie" in names
    # "## " headings start slides, Markdown tables become native tables
    assert "Programmamiddelen" in names
    tables = [s for s in slides if any(sh.has_table for sh in s.shapes)]
    assert len(tables) > 10
    assert not any(sh.shape_type == 13 for s in slides for sh in s.shapes)  # no pictures
    program = slides[names.index("Programmamiddelen")]
    cells = [
        c.text for sh in program.shapes if sh.has_table for r in sh.table.rows for c in r.cells
    ]
    assert "Augustusbrief 2020" in cells and "-120" in cells


def test_workstream_tables_continue_with_roman_numbering(run: Run, tmp_path: Path) -> None:
    deck = build(run, DEMO, tmp_path, *AUGUST_17)
    names = titles(deck)
    first = [n for n in names if n.startswith("1. Integrale klantreis")]
    assert len(first) > 1
    total = len(first)
    roman = ["I", "II", "III", "IV", "V", "VI"][:total]
    assert first == [f"{first[0].rsplit(' (', 1)[0]} ({r}/{roman[-1]})" for r in roman]
    prs = Presentation(str(deck))
    slide = prs.slides[names.index(first[0])]
    text = slide_text(slide)
    assert "Werkstroomtrekker: M. Oosterwijk" in text
    table = next(sh.table for sh in slide.shapes if sh.has_table)
    header = [c.text for c in table.rows[0].cells]
    assert header == ["Opdracht", "Hoofdacties", "Deadline", "Status en toelichting"]
    # every continuation slide repeats the header and the trekker line
    for title in first[1:]:
        other = prs.slides[names.index(title)]
        assert "Werkstroomtrekker:" in slide_text(other)
        table = next(sh.table for sh in other.shapes if sh.has_table)
        assert table.rows[0].cells[0].text == "Opdracht"


STATUS_HEADERS = ("Status en toelichting", "Status/subresultaat, incl. toelichting")


def test_status_cells_carry_colour_and_label(run: Run, tmp_path: Path) -> None:
    deck = build(run, DEMO, tmp_path, *AUGUST_17)
    prs = Presentation(str(deck))
    seen = {}
    for slide in prs.slides:
        for shape in slide.shapes:
            if not shape.has_table:
                continue
            last = len(shape.table.columns) - 1
            if shape.table.cell(0, last).text not in STATUS_HEADERS:
                continue
            for row in list(shape.table.rows)[1:]:
                cell = row.cells[last]
                if cell.is_spanned or not cell.text:
                    continue
                label = cell.text_frame.paragraphs[0].text.removesuffix(" (vervolg)")
                seen[label] = str(cell.fill.fore_color.rgb)
    # one kind of label in every workstream table, both forms: the legend's, since no legend
    # stands under them to spell out a short one (only the overview has short labels)
    labels = {s.label: s.colour for s in SCT.statuses}
    assert seen, "no status cells found"
    assert "Gestart en op schema" in seen and "Op schema" not in seen
    for label, colour in seen.items():
        assert labels[label] == colour


def test_overdue_deadlines_are_marked_in_words(run: Run, tmp_path: Path) -> None:
    deck = build(run, DEMO, tmp_path, *AUGUST_17)
    text = "\n".join(slide_text(s) for s in Presentation(str(deck)).slides)
    assert "▲ verlopen" in text
    # with a peildatum before every deadline nothing is overdue
    later = build(run, DEMO, tmp_path / "early", "--peildatum", "2020-01-01", *AUGUST_17)
    text = "\n".join(slide_text(s) for s in Presentation(str(later)).slides)
    assert "verlopen" not in text


def test_dashboard_calendar_and_risk_log(run: Run, tmp_path: Path) -> None:
    deck = build(run, DEMO, tmp_path, *AUGUST_17)
    text = "\n".join(slide_text(s) for s in Presentation(str(deck)).slides)
    assert "746 (+15)" in text  # latest value and change since the previous measurement
    assert "488 (+17)" in text
    assert "Risico in risico-log" in text
    assert "Geen planning beschikbaar" in text  # the legend
    assert "Week 34" in text and "17 – 23 aug" in text
    assert "Politiek overleg" in text
    assert "Beheersmaatregelen" in text and "R1" in text


def test_overview_puts_the_kernwoord_in_bold(run: Run, tmp_path: Path) -> None:
    deck = build(run, DEMO, tmp_path, *AUGUST_17)
    prs = Presentation(str(deck))
    names = titles(deck)
    overview = prs.slides[
        names.index("Herstelorganisatie – werkstromen voor de komende 2-3 maanden")
    ]
    table = next(sh.table for sh in overview.shapes if sh.has_table)
    runs = table.cell(1, 1).text_frame.paragraphs[0].runs
    assert [r.text for r in runs if r.font.bold] == ["klantreis"]
    assert "Gestart en op schema" in slide_text(overview)  # the legend


# --- properties, Woo -----------------------------------------------------------------------


def test_properties_name_the_organisation_not_the_software(run: Run, tmp_path: Path) -> None:
    deck = build(run, DEMO, tmp_path, *AUGUST_17)
    props = Presentation(str(deck)).core_properties
    assert props.author == "Crisisorganisatie Kinderopvangtoeslag"
    assert props.last_modified_by == props.author
    assert props.title == "SCT overleg 17 augustus 2020"
    with zipfile.ZipFile(deck) as archive:
        blob = b"".join(archive.read(n) for n in archive.namelist())
    for unwanted in (b"python-pptx", b"Steve Canny", b"Microsoft Macintosh"):
        assert unwanted not in blob


def test_openbaar_leaves_no_registered_name_anywhere(run: Run, data: Path, tmp_path: Path) -> None:
    # an editor typed a name into free text too
    path = data / "werkstromen" / "01-klantreis.yaml"
    edit(path, "Loopt volgens plan.", "Loopt volgens plan; afgestemd met G. Zijlstra.", every=True)
    internal = build(run, data, tmp_path / "intern")
    with zipfile.ZipFile(internal) as archive:
        blob = b"".join(archive.read(n) for n in archive.namelist())
    # an initial and its surname are joined by a no-break space (never split over two lines)
    assert b"F.\xc2\xa0Abma" in blob and b"G.\xc2\xa0Zijlstra" in blob

    public = build(run, data, tmp_path / "openbaar", "--openbaar")
    assert public.name == "sct-2030-09-05-openbaar.pptx"
    with zipfile.ZipFile(public) as archive:
        for name in archive.namelist():
            content = archive.read(name)
            for person in (b"Abma", b"Zijlstra"):
                assert person not in content, f"{person!r} in {name}"
    text = "\n".join(slide_text(s) for s in Presentation(str(public)).slides)
    assert "Werkstroomtrekker: Persoonsgegevens" in text
    assert "afgestemd met Persoonsgegevens" in text


# --- options and bad input -----------------------------------------------------------------


def test_choosing_a_meeting(run: Run, data: Path, tmp_path: Path) -> None:
    shutil.copy(
        data / "vergaderingen" / "2030-09-05.yaml", data / "vergaderingen" / "2030-09-08.yaml"
    )
    later = data / "vergaderingen" / "2030-09-08.yaml"
    edit(later, "2030-09-05", "2030-09-08", every=True)
    assert build(run, data, tmp_path / "a").name == "sct-2030-09-08.pptx"
    chosen = build(run, data, tmp_path / "b", "--vergadering", "2030-09-05")
    assert chosen.name == "sct-2030-09-05.pptx"
    result = run("deck", "--data", data, "--output", tmp_path / "c", "--vergadering", "2030-10-01")
    assert result.exit_code == 2
    assert "there is no meeting on 2030-10-01 (meetings: 2030-09-05, 2030-09-08)" in result.output
    assert not (tmp_path / "c").exists()


def test_invalid_data_writes_nothing(run: Run, data: Path, tmp_path: Path) -> None:
    path = data / "werkstromen" / "01-klantreis.yaml"
    edit(path, "status: gestart", "status: gestrat")
    out = tmp_path / "out"
    result = run("deck", "--data", data, "--output", out)
    assert result.exit_code == 1
    assert "01-klantreis.yaml:" in result.stderr and "gestrat" in result.stderr
    assert "nothing was written" in result.stderr
    assert not out.exists()


def test_an_organisation_template_is_used_by_layout_name(
    run: Run, data: Path, tmp_path: Path
) -> None:
    from generator.resources import template

    prs = Presentation(str(template("default.pptx")))
    dutch = {"Title Slide": "Titeldia", "Section Header": "Sectiekop", "Title Only": "Alleen titel"}
    for layout in prs.slide_layouts:
        layout.name = dutch[layout.name]
    prs.slides.add_slide(prs.slide_layouts[0]).shapes.title.text = "Voorbeelddia van de huisstijl"
    own = tmp_path / "huisstijl.pptx"
    prs.save(str(own))
    deck = build(run, data, tmp_path / "out", "--template", own)
    made = Presentation(str(deck))
    assert made.slides[0].slide_layout.name == "Titeldia"
    assert "Voorbeelddia" not in "\n".join(slide_text(s) for s in made.slides)

    for layout in prs.slide_layouts:
        layout.name = "Iets anders " + layout.name
    prs.save(str(own))
    result = run("deck", "--data", data, "--output", tmp_path / "bad", "--template", own)
    assert result.exit_code == 2
    assert "has no layout named 'Title Slide' or 'Titeldia'" in result.output
    broken = tmp_path / "kapot.pptx"
    broken.write_text("geen pptx", encoding="utf-8")
    result = run("deck", "--data", data, "--output", tmp_path / "bad", "--template", broken)
    assert result.exit_code == 2
    assert "is not a PowerPoint file" in result.output


def test_no_meeting_is_a_usage_error(run: Run, data: Path, tmp_path: Path) -> None:
    shutil.rmtree(data / "vergaderingen")
    result = run("deck", "--data", data, "--output", tmp_path)
    assert result.exit_code == 2
    assert "add vergaderingen/YYYY-MM-DD.yaml" in result.output


# --- in a real client ----------------------------------------------------------------------


def assert_every_word_on_its_page(deck: Path, folder: Path, *, unbroken: bool = False) -> None:
    """LibreOffice renders the deck; each slide's words must be on its PDF page. Text that runs
    off a slide is cut from the page, so this catches tables that were not continued. With
    ``unbroken``, the page must not have words the slide lacks either: a word the renderer broke
    itself shows up as two pieces."""
    pdf = to_pdf(deck, folder)
    pages = page_texts(pdf)
    slides = list(Presentation(str(deck)).slides)
    assert len(pages) == len(slides)
    for number, (slide, page) in enumerate(zip(slides, pages, strict=True), start=1):
        missing = words(slide_text(slide)) - with_markers_apart(words(page))
        assert not missing, f"slide {number}: {sorted(missing)[:12]} not on the page"
        if unbroken:
            shown = words(slide_text(slide))
            # a footnote marker pdftotext joined to its word ("aangevraagd1") is no piece
            pieces = {p for p in words(page) - shown if p.rstrip("0123456789") not in shown}
            assert not pieces, f"slide {number}: {sorted(pieces)[:12]} broken by the renderer"


def test_demo_deck_in_libreoffice(run: Run, tmp_path: Path) -> None:
    deck = build(run, DEMO, tmp_path / "out", *AUGUST_17)
    assert_every_word_on_its_page(deck, tmp_path)


def test_dates_are_never_broken_in_libreoffice(run: Run, data: Path, tmp_path: Path) -> None:
    """A date's day and month stay on one line and a range breaks only after its dash: in a
    deadline column squeezed by a long hoofdactie, and in the empty, narrow week columns of
    the communication calendar (LibreOffice broke "1 okt – 15" / "nov", "Week" / "32")."""
    werkstroom = data / "werkstromen" / "01-klantreis.yaml"
    edit(
        werkstroom,
        "      - titel: Training ontwikkelen\n",
        "      - titel: Contactgegevens verzamelen bij alle gemeenten, met een contactpersoon "
        "op beleidsniveau en een contactpunt voor de warme overdracht\n"
        "        deadline: 2030-10-01/2030-11-15\n"
        "      - titel: Werkbezoek\n"
        "        deadline: 2030-09-01/2030-09-15\n"
        "      - titel: Training ontwikkelen\n",
        every=True,
    )
    (data / "communicatie.yaml").write_text(
        "doelgroepen: [Ouders, Politiek & media, Intern]\nitems:\n"
        "  - datum: 2030-09-02/2030-09-06\n    doelgroep: Ouders\n    soort: brief\n"
        f"    tekst: Brief aan ouders uit de pilot, {LONG}\n",
        encoding="utf-8",
    )
    deck = build(run, data, tmp_path / "out")
    assert broken_dates(to_pdf(deck, tmp_path)) == []
    text = "\n".join(slide_text(s) for s in Presentation(str(deck)).slides)
    assert "1 okt – 15 nov" in text and "1 – 15 sept" in text  # one month named once


#: links in Markdown: two the text model keeps, two it keeps as text only, one that wraps
LINKS = (
    "Zie [het verslag](https://example.org/verslag) of [mail het bureau](mailto:bureau@example.org)"
    "; niet [dit](ftp://example.org/x) en niet [dat](javascript:alert(1)). Ook "
    "[het uitgebreide verslag van de werkgroep over de bestuurlijke afstemming met de gemeenten"
    " en de VNG](https://example.org/lang?a=1&b=2)."
)


def test_links_in_markdown_are_clickable_in_libreoffice(
    run: Run, data: Path, tmp_path: Path
) -> None:
    """A Markdown link (http, https, mailto) is a hyperlink on the slide, in a table cell and
    in a text slide: an external relationship, clickable in the PDF LibreOffice makes of it;
    other addresses stay plain text; every word is on its page, a wrapping link too."""
    from pypdf import PdfReader

    werkstroom = data / "werkstromen" / "01-klantreis.yaml"
    edit(werkstroom, "Loopt volgens plan.", LINKS, every=True)
    meeting = data / "vergaderingen" / "2030-09-05.yaml"
    edit(meeting, "- **Besluit** gevraagd", f"- {LINKS}", every=True)
    deck = build(run, data, tmp_path / "out")

    wanted = {"https://example.org/verslag", "mailto:bureau@example.org"}
    wanted.add("https://example.org/lang?a=1&b=2")
    slides = list(Presentation(str(deck)).slides)
    linked: dict[str, set[str]] = {}
    for number, slide in enumerate(slides):
        for rel in slide.part.rels.values():
            if rel.reltype.endswith("/hyperlink"):
                assert rel.is_external
                linked.setdefault(rel.target_ref, set()).add(titles(deck)[number])
    assert set(linked) == wanted
    assert linked["https://example.org/verslag"] == {"1. Klantreis ontwerpen", "Voorstel"}
    with zipfile.ZipFile(deck) as package:
        rels = "".join(
            package.read(name).decode("utf-8")
            for name in package.namelist()
            if name.startswith("ppt/slides/_rels/")
        )
    assert 'TargetMode="External"' in rels
    assert "javascript" not in rels and "ftp:" not in rels
    texts = "\n".join(slide_text(slide) for slide in slides)
    assert "niet dit en niet [dat](javascript:alert(1))." in texts  # kept as text

    pdf = to_pdf(deck, tmp_path)
    uris = {
        str(annotation.get_object()["/A"]["/URI"])
        for page in PdfReader(pdf).pages
        for annotation in page.get("/Annots") or []
        if "/URI" in annotation.get_object().get("/A", {})
    }
    assert wanted <= uris and not any(u.startswith(("javascript", "ftp")) for u in uris)
    assert_every_word_on_its_page(deck, tmp_path)


def test_oversized_content_continues_in_libreoffice(run: Run, data: Path, tmp_path: Path) -> None:
    add_stress(data)
    deck = build(run, data, tmp_path / "out")
    names = titles(deck)
    stress = [n for n in names if n.startswith("3. Zeer uitgebreide")]
    assert len(stress) >= 4, names
    assert sum(n.startswith("Tabel") for n in names) >= 2  # continued (at 9 pt: two slides)
    text = "\n".join(slide_text(s) for s in Presentation(str(deck)).slides)
    assert "3.1 (vervolg)" in text
    assert "14 agendapunten: zie de agenda" in text  # too many to list on the divider
    for n in (1, 24):
        assert f"Alinea {n}." in text
    assert_every_word_on_its_page(deck, tmp_path)


COMPOUND = "Kinderopvangtoeslagherstelafhandelingsprocedure"


def add_wide(data: Path, count: int = 12) -> None:
    """A workstream in eight columns, long enough to be set small, with a Dutch compound
    wider than any column the table can give it."""
    opdrachten = "".join(
        f"""
  - nummer: "4.{n}"
    titel: {COMPOUND} voor groep {n}
    status: {("gestart", "zorgen", "afgerond")[n % 3]}
    themas: [{COMPOUND}, Uitvoerbaarheid]
    afhankelijkheden: [1, 2]
    risicos: [R1]
    eindresultaten:
      - Afhankelijkheid van de gegevensverwerking is vastgelegd
      - Vastleggingsprocessen zijn beschreven
    toelichting: |
      De {COMPOUND} loopt. De beleidskeuzes zijn gemaakt. Commissies zijn ingericht.
    hoofdacties:
      - titel: Hoofdactie {n} {LONG}
        deadline: 2030-1{n % 3}-01
"""
        for n in range(1, count + 1)
    )
    (data / "werkstromen" / "04-breed.yaml").write_text(
        f"nummer: 4\ntitel: Brede tabel\ntrekker: p-abma\nopdrachten:{opdrachten}",
        encoding="utf-8",
    )


def table_sizes(deck: Path) -> list[set[float]]:
    """The text sizes of every table in the deck, per table."""
    found = []
    for slide in Presentation(str(deck)).slides:
        for shape in slide.shapes:
            if shape.has_table and shape.table.cell(0, 0).text != "Legenda":
                sizes = {
                    float(node.get("sz")) / 100
                    for node in shape._element.iter()
                    if node.tag.endswith("}rPr") and node.get("sz")
                }
                found.append(sizes)
    return found


def test_min_font_size_is_the_floor_and_is_checked(run: Run, data: Path, tmp_path: Path) -> None:
    add_wide(data)
    default = table_sizes(build(run, data, tmp_path / "default"))
    assert all(len(sizes) == 1 for sizes in default)  # one size per table
    every = set().union(*default)
    assert 12.0 in every and 9.0 <= min(every) < 12.0  # short tables stay large, long ones shrink
    tens = table_sizes(build(run, data, tmp_path / "ten", "--min-font-size", "10"))
    assert min(set().union(*tens)) >= 10.0
    twelve = table_sizes(build(run, data, tmp_path / "twelve", "--min-font-size", "12"))
    assert set().union(*twelve) == {12.0}
    for wrong in ("7", "12.5", "klein"):
        result = run("deck", "--data", data, "--output", tmp_path / "x", "--min-font-size", wrong)
        assert result.exit_code == 2
        assert "--min-font-size" in result.output
    assert not (tmp_path / "x").exists()


def test_tables_at_several_sizes_in_libreoffice(run: Run, data: Path, tmp_path: Path) -> None:
    """Every word on its page at every size the layout chose, and no word broken by the
    renderer: the page holds no word (or piece of one) the slide does not have."""
    add_wide(data)
    deck = build(run, data, tmp_path / "out")
    every = set().union(*table_sizes(deck))
    assert 12.0 in every and 9.0 <= min(every) < 12.0
    text = "\n".join(slide_text(s) for s in Presentation(str(deck)).slides)
    assert "Kinderopvangtoeslag" in text and "-\v" in text  # hyphenated, a visible hyphen
    assert "Afhankelijkheid" in text and "gegevensverwerking" in text  # not broken
    assert_every_word_on_its_page(deck, tmp_path, unbroken=True)


def test_beslispunten_close_the_items_first_slide(run: Run, tmp_path: Path) -> None:
    """What the SCT is asked to decide stands once in the data (``beslispunten``, which the
    besluitenlijst numbers too) and on the item's first slide as "Gevraagd van het SCT"."""
    deck = build(run, DEMO, tmp_path, "--vergadering", "2020-08-17")
    slides = [slide_text(s) for s in Presentation(str(deck)).slides]
    asked = [i for i, text in enumerate(slides) if "Gevraagd van het SCT" in text]
    first = next(i for i, text in enumerate(slides) if text.startswith("Context en voorstel"))
    assert asked[0] == first
    text = slides[first]
    after = text[text.index("Gevraagd van het SCT") :]
    assert after.index("Programmamiddelen:") < after.index("Uitvoeringsmiddelen:")
    assert "instemmen met de voorgestelde ritmewijziging (scenario 2)" in after
    assert len(asked) == 2  # the second decision item has its own


def test_beslispunten_typed_in_inhoud_too_are_a_warning(run: Run, tmp_path: Path) -> None:
    data = tmp_path / "status"
    shutil.copytree(DEMO, data)
    meeting = data / "vergaderingen" / "2020-08-17.yaml"
    text = meeting.read_text(encoding="utf-8")
    text = text.replace("          ### Waarom nu\n", "          ### Gevraagd van het SCT\n", 1)
    meeting.write_text(text, encoding="utf-8")
    result = run("check", "--data", data, "--peildatum", "2020-08-17")
    assert result.exit_code == 0, result.output
    assert (
        "'### Gevraagd van het SCT' in inhoud: the deck shows the item's beslispunten under "
        "'Gevraagd van het SCT' itself" in result.output
    )
