"""The action table as a PDF: the table's model as data for ``templates/actietabel.typ``, which
Typst typesets (A4 landscape, tagged PDF/UA-1). Rows that continue on the next page repeat their
number and status there ("30 (vervolg)"); the template does that."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from generator.render.actietabel.build import COLUMNS, Row, Tabel
from generator.text import dutch
from generator.text.tree import Trees

TEMPLATE = "actietabel.typ"


#: the least a last page holds, of the room a page has for rows
LEAST = 0.25
#: the least the page before it keeps, when rows move from it to the last page
KEEPS = 0.3
#: a row's top lies this far above where its text starts (the cell's padding), a band's too
_ABOVE_TEXT = 5.0
_ABOVE_BAND = 4.0


def settle(
    ask: Callable[[Mapping[str, Any], str], list[Any]], shown: Mapping[str, Any]
) -> Mapping[str, Any]:
    """The table with its last page at least a quarter full: when it would hold a few lines,
    the last rows of the page before start the last page instead (room is left empty at that
    page's foot, before the first of them)."""
    found = ask(shown, "plekken")
    if not found:
        return shown
    places = found[0]
    top, bottom = float(places["boven"]), float(places["onder"])
    room = bottom - top
    last_page, end = places["eind"]
    if last_page < 3 or (float(end) - top) >= LEAST * room:
        return shown  # the cover and one page of rows, or a last page that is used
    need = LEAST * room - (float(end) - top)
    starts = [(page, float(y)) for page, y in places["rijen"]]
    # a row under a section's or group's band moves with its bands: the room goes above them
    tops = dict(starts_with_bands(shown, [(int(p), float(y)) for p, y in places["banden"]]))
    for i in reversed(range(len(starts))):
        page, y = starts[i]
        if page != last_page - 1:
            continue
        if i in tops and tops[i][0] != page:
            continue  # its band is on an earlier page
        top_of_row = tops[i][1] - _ABOVE_BAND if i in tops else y - _ABOVE_TEXT
        moved = bottom - top_of_row
        if moved < need:
            continue
        if top_of_row - top < KEEPS * room or moved + (float(end) - top) > 0.95 * room:
            return shown  # the page before would be left almost empty, or it would not fit
        return _with_room(shown, i, moved - 2.0)
    return shown


def starts_with_bands(
    shown: Mapping[str, Any], bands: list[tuple[int, float]]
) -> list[tuple[int, tuple[int, float]]]:
    """For each row right under bands (a section's, a group's): the place of the first band."""
    found: dict[int, tuple[int, float]] = {}
    counter = 0
    places = iter(bands)
    for sectie in shown["secties"]:
        first = next(places, None)
        if first is not None:
            found.setdefault(counter, first)
        for groep in sectie["groepen"]:
            if groep["titel"] is not None:
                place = next(places, None)
                if place is not None:
                    found.setdefault(counter, place)
            counter += len(groep["rijen"])
    return list(found.items())


def _with_room(shown: Mapping[str, Any], index: int, room: float) -> dict[str, Any]:
    """``shown`` with ``room`` points left empty before its ``index``-th row."""
    counter = 0
    secties = []
    for sectie in shown["secties"]:
        groepen = []
        for groep in sectie["groepen"]:
            rijen = []
            for rij in groep["rijen"]:
                rijen.append({**rij, "ruimte": room} if counter == index else rij)
                counter += 1
            groepen.append({**groep, "rijen": rijen})
        secties.append({**sectie, "groepen": groepen})
    return {**shown, "secties": secties}


def data(tabel: Tabel) -> dict[str, Any]:
    """Everything the template shows, as JSON-ready data."""
    trees = Trees()
    org = tabel.organisatie
    return {
        "titel": tabel.titel,
        "auteur": org,
        "organisatie": org,
        "onderdeel": tabel.onderdeel,
        "stand_per": tabel.stand_per_text,
        "inleiding": trees(tabel.inleiding),
        "samenvatting": tabel.samenvatting,
        "openbaar": tabel.openbaar,
        "kolommen": list(COLUMNS),
        "secties": [
            {
                "titel": sectie.titel,
                "groepen": [
                    {"titel": group.titel, "rijen": [_row(row, trees) for row in group.rows]}
                    for group in sectie.groups
                ],
            }
            for sectie in tabel.secties
        ],
    }


def _row(row: Row, trees: Trees) -> dict[str, Any]:
    return {
        "nummer": row.nummer,
        "status": row.status,
        "status_label": row.status_label,
        "omschrijving": trees(row.omschrijving),
        "moties": row.moties_text,
        "eigenaar": row.eigenaar,
        "stand_van_zaken": trees(row.stand_van_zaken),
        "bijgewerkt": (
            f"Bijgewerkt op {dutch.long_date(row.bijgewerkt)}" if row.bijgewerkt else None
        ),
        "gewijzigd": row.gewijzigd,
        "kort": _lines(row) <= SHORT_ROW_LINES and not _noted(row),
    }


#: a row of at most this many lines (about a third of a page) is never split over two pages:
#: a part of a few lines under "N (vervolg)" helps no reader. A row with footnotes may still
#: break: the template keeps its notes on the page of their references only in a row that
#: may (Typst sets a note where it first lays its row out, typst/typst#5314)
SHORT_ROW_LINES = 14
#: characters on a line of the Omschrijving and Stand van zaken columns (84 mm and about
#: 143 mm at 9 pt), a little less than fit, so that the estimate errs towards long
_LINE_CHARACTERS = (46, 80)


def _lines(row: Row) -> int:
    """About how many lines the row's taller column takes."""
    omschrijving = _text_lines(row.omschrijving, _LINE_CHARACTERS[0])
    omschrijving += _text_lines(row.moties_text, _LINE_CHARACTERS[0]) + bool(row.eigenaar)
    stand = _text_lines(row.stand_van_zaken, _LINE_CHARACTERS[1]) + bool(row.bijgewerkt)
    return max(omschrijving, stand)


def _noted(row: Row) -> bool:
    return any("[^" in text for text in (row.omschrijving, row.stand_van_zaken) if text)


def _text_lines(text: str | None, width: int) -> int:
    """Lines of ``text`` in a column ``width`` characters wide: every line of the source
    wrapped, a blank line between paragraphs counted as half a line."""
    if not text:
        return 0
    lines = [line for line in text.split("\n") if line.strip()]
    gaps = text.count("\n\n")
    return sum(-(-len(line) // width) for line in lines) + (gaps + 1) // 2
