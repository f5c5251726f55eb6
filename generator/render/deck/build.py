"""What the SCT deck says: the slides of one meeting, in the agenda's order, from the data.

Nothing here knows python-pptx. People are named through the dataset's registry; the public
version's dataset arrives with every name already replaced (generator.publish).
"""

from __future__ import annotations

import datetime as dt
import string
from collections.abc import Callable
from dataclasses import dataclass

from generator.load.dataset import Dataset
from generator.load.kinds.communicatie import Communicatie
from generator.load.kinds.dashboard import Dashboard, Rij
from generator.load.kinds.risico import Risicolog
from generator.load.kinds.vergadering import AgendaItem, Vergadering
from generator.load.kinds.werkstroom import Hoofdactie, Opdracht, Werkstroom
from generator.model.deadline import Deadline
from generator.model.legend import DASHBOARD, NIVEAU, SCT, SOORT, Legend
from generator.render.deck.content import (
    BODY,
    DONKERBLAUW,
    GRIJS,
    LINTBLAUW,
    SMALL,
    TABLE,
    Block,
    Cell,
    Column,
    Divider,
    Group,
    Para,
    Run,
    Section,
    Slide,
    Table,
    Text,
    TitleSlide,
)
from generator.render.deck.markdown import inline_runs, paragraphs, slides
from generator.text import dutch

#: red that stays readable as text on white (contrast 5:1)
ROOD = "D52B1E"
#: a shape per soort in the communication calendar, so that the marker is not colour alone
SOORT_MARKERS = {
    "brief": "■",
    "politiek_overleg": "▲",
    "telefonisch": "●",
    "website": "◊",
    "media": "►",
    "overleg": "○",
    "intern": "□",
}
OVERDUE = "▲ verlopen"


def text_colour(fill: str) -> str:
    """Black or white, whichever contrasts more with ``fill`` (WCAG relative luminance)."""

    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(int(fill[i : i + 2], 16)) for i in (0, 2, 4))
    luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b
    return "000000" if (luminance + 0.05) / 0.05 > 1.05 / (luminance + 0.05) else "FFFFFF"


@dataclass(frozen=True)
class DeckOptions:
    peildatum: dt.date


def letter(index: int) -> str:
    """A, B, ..., Z, AA, AB, ...: agenda items."""
    letters = string.ascii_uppercase
    return letters[index] if index < 26 else letters[index // 26 - 1] + letters[index % 26]


class DeckBuilder:
    def __init__(self, dataset: Dataset, vergadering: Vergadering, options: DeckOptions) -> None:
        self.data = dataset
        self.meeting = vergadering
        self.options = options
        self.people = dataset.people
        self.year = vergadering.datum.year

    # --- the deck ------------------------------------------------------------------------------

    def slides(self) -> list[Slide]:
        org = self.data.organisatie
        organisation = org.naam if org else ""
        result: list[Slide] = [TitleSlide(self.meeting.titel, f"{organisation}\n{self.date}")]
        result.append(self.agenda())
        for number, rubriek in enumerate(self.meeting.agenda, start=1):
            lines = [f"{letter(i)}. {item.titel}" for i, item in enumerate(rubriek.items)]
            result.append(Divider(f"{number}. {rubriek.rubriek}", "\n".join(lines)))
            for index, item in enumerate(rubriek.items):
                kicker = f"{rubriek.rubriek} | {letter(index)}. {item.titel}"
                result.extend(self.item(item, kicker))
        return result

    @property
    def date(self) -> str:
        return dutch.long_date(self.meeting.datum)

    def agenda(self) -> Section:
        paras: list[Para] = []
        for number, rubriek in enumerate(self.meeting.agenda, start=1):
            paras.append(
                Para(
                    (Run(f"{number}. {rubriek.rubriek}", bold=True, colour=LINTBLAUW),),
                    size=BODY + 4,
                    space_before=14.0 if paras else 0.0,
                )
            )
            for index, item in enumerate(rubriek.items):
                paras.append(
                    Para(
                        (Run(item.titel),),
                        size=BODY + 2,
                        level=1,
                        bullet=f"{letter(index)}.",
                        space_before=4.0,
                    )
                )
        return Section(f"Agenda {self.date}", (Text(tuple(paras)),))

    def item(self, item: AgendaItem, kicker: str) -> list[Slide]:
        head = (Text((Para((Run(kicker, colour=GRIJS),), size=SMALL),), space_after=4.0),)
        if item.onderdeel == "werkstromen":
            return [self.overview(item), *(self.werkstroom(w) for w in self.data.werkstromen)]
        if item.onderdeel == "dashboard":
            return [self.dashboard(item, head)]
        if item.onderdeel == "communicatiekalender":
            return [self.kalender(item, head)]
        if item.onderdeel == "risicolog":
            return [self.risicolog(item, head)]
        source = item.inhoud
        if item.inhoud_bestand:
            source = self.data.markdown_file(item.inhoud_bestand)
        result: list[Slide] = []
        for md_slide in slides(source or ""):
            title = md_slide.title or item.titel
            result.append(Section(title, tuple(md_slide.blocks), head=head))
        if not result:
            result.append(Section(item.titel, (), head=head))
        return result

    # --- werkstromen ---------------------------------------------------------------------------

    def overview(self, item: AgendaItem) -> Section:
        header = _header("Nr.", "Werkstroom", "Werkstroomtrekker", "Status")
        groups = []
        for werkstroom in self.data.werkstromen:
            status = werkstroom.effective_status
            groups.append(
                Group(
                    (
                        (
                            _cell(str(werkstroom.nummer), bold=True),
                            Cell((Para(tuple(self.kernwoord(werkstroom)), size=TABLE + 1),)),
                            _cell(
                                self.people.name(werkstroom.trekker) if werkstroom.trekker else ""
                            ),
                            self.status_cell(SCT, status) if status else Cell(),
                        ),
                    )
                )
            )
        columns = (Column(0.6, "r"), Column(6.0), Column(2.4), Column(2.6))
        table = Table(columns, header, tuple(groups))
        return Section(item.titel, (table,), foot=(legend_text(SCT),))

    def kernwoord(self, werkstroom: Werkstroom) -> list[Run]:
        title = werkstroom.titel
        word = werkstroom.kernwoord
        if not word:
            return [Run(title)]
        at = title.lower().find(word.lower())
        if at < 0:
            return [Run(word, bold=True), Run(f": {title}")]
        end = at + len(word)
        runs = [Run(title[:at]), Run(title[at:end], bold=True), Run(title[end:])]
        return [run for run in runs if run.text]

    def werkstroom(self, werkstroom: Werkstroom) -> Section:
        opdrachten = werkstroom.opdrachten
        extras: list[tuple[str, Callable[[Opdracht], list[Para]], float]] = []
        if any(o.eindresultaten for o in opdrachten):
            extras.append(("Eindresultaten", lambda o: self.bullets(o.eindresultaten), 2.2))
        if any(o.themas for o in opdrachten):
            extras.append(("Thema's", lambda o: self.bullets(o.themas), 1.8))
        if any(o.afhankelijkheden for o in opdrachten):
            extras.append(("Afhankelijkheid", self.afhankelijkheden, 1.5))
        if any(o.risicos for o in opdrachten):
            extras.append(("Risico's", self.risicos, 2.0))
        names = ["Opdracht", "Hoofdacties", "Deadline", "Status en toelichting"]
        names[3:3] = [name for name, _, _ in extras]
        columns = [Column(2.3), Column(4.6), Column(1.3)]
        columns += [Column(width) for _, _, width in extras]
        columns.append(Column(3.4))
        groups = []
        status_column = len(columns) - 1
        for opdracht in opdrachten:
            rows = [self.hoofdactie_row(opdracht, h) for h in opdracht.hoofdacties] or [
                (Cell(), Cell(), self.deadline_cell(opdracht.deadline, opdracht.status))
            ]
            spanning = {0: self.opdracht_cell(opdracht)}
            continued = {0: _cell(f"{opdracht.nummer} (vervolg)", bold=True)}
            for offset, (_, cell_of, _) in enumerate(extras, start=3):
                spanning[offset] = Cell(tuple(cell_of(opdracht)))
                continued[offset] = Cell()
            spanning[status_column] = self.status_cell(SCT, opdracht.status, opdracht.toelichting)
            continued[status_column] = self.status_cell(SCT, opdracht.status, suffix=" (vervolg)")
            width = len(columns)
            full_rows = tuple((*row, *(Cell() for _ in range(width - len(row)))) for row in rows)
            groups.append(Group(full_rows, spanning, continued))
        table = Table(tuple(columns), _header(*names), tuple(groups))
        return Section(
            f"{werkstroom.nummer}. {werkstroom.titel}",
            (table,),
            head=(self.team(werkstroom),),
        )

    def team(self, werkstroom: Werkstroom) -> Text:
        trekker = self.people.name(werkstroom.trekker) if werkstroom.trekker else "–"
        leden = ", ".join(self.people.names_of(werkstroom.teamleden)) or "–"
        runs = (
            Run("Werkstroomtrekker: ", bold=True),
            Run(trekker),
            Run("     Overige teamleden: ", bold=True),
            Run(leden),
        )
        return Text((Para(runs, size=TABLE + 1),), space_after=4.0)

    def opdracht_cell(self, opdracht: Opdracht) -> Cell:
        paras = [Para((Run(f"{opdracht.nummer} ", bold=True), Run(opdracht.titel)), size=TABLE)]
        if opdracht.trekker:
            paras.append(
                Para(
                    (Run("Opdrachttrekker: ", bold=True), Run(self.people.name(opdracht.trekker))),
                    size=TABLE,
                    space_before=4.0,
                )
            )
        return Cell(tuple(paras))

    def hoofdactie_row(self, opdracht: Opdracht, actie: Hoofdactie) -> tuple[Cell, ...]:
        paras = [Para(inline_runs(actie.titel, bold=True), size=TABLE)]
        paras += [
            Para(inline_runs(sub), size=TABLE, level=1, bullet="•") for sub in actie.subacties
        ]
        status = actie.status or opdracht.status
        if actie.status and actie.status != opdracht.status:
            paras.append(
                Para((Run(f"Status: {SCT[actie.status].label}", italic=True),), size=TABLE)
            )
        return (Cell(), Cell(tuple(paras)), self.deadline_cell(actie.deadline, status))

    def deadline_cell(self, deadline: Deadline | None, status: str) -> Cell:
        if deadline is None:
            return Cell()
        paras = [Para((Run(dutch.deadline(deadline, year=self.year)),), size=TABLE)]
        if status != "afgerond" and deadline.overdue(self.options.peildatum):
            paras.append(Para((Run(OVERDUE, bold=True, colour=ROOD),), size=TABLE))
        return Cell(tuple(paras))

    def bullets(self, items: list[str]) -> list[Para]:
        return [Para(inline_runs(text), size=TABLE, level=1, bullet="•") for text in items]

    def afhankelijkheden(self, opdracht: Opdracht) -> list[Para]:
        titles = {w.nummer: w.kernwoord or w.titel for w in self.data.werkstromen}
        return [
            Para((Run(f"WS {n}", bold=True), Run(f" {titles.get(n, '')}")), size=TABLE)
            for n in opdracht.afhankelijkheden
        ]

    def risicos(self, opdracht: Opdracht) -> list[Para]:
        log = self.data.items("risico")
        titles = {r.id: r.titel for r in log[0].risicos} if log else {}
        return [
            Para((Run(f"{rid} ", bold=True), Run(titles.get(rid, ""))), size=TABLE)
            for rid in opdracht.risicos
        ]

    def status_cell(
        self, legend: Legend, value: str, toelichting: str | None = None, *, suffix: str = ""
    ) -> Cell:
        status = legend[value]
        paras = [Para((Run(status.label + suffix, bold=True),), size=TABLE)]
        if toelichting:
            paras += paragraphs(toelichting)
        return Cell(tuple(paras), fill=status.colour, colour=text_colour(status.colour))

    # --- dashboard -----------------------------------------------------------------------------

    def dashboard(self, item: AgendaItem, head: tuple[Block, ...]) -> Section:
        dashboard: Dashboard = self.data.items("dashboard")[0]
        body: list[Block] = []
        for tabel in dashboard.tabellen:
            latest = max(max(rij.metingen) for rij in tabel.rijen) if tabel.rijen else None
            stand = f"Stand {dutch.short_date(latest, year=self.year)}" if latest else "Stand"
            header = _header("Indicator", stand, "Status", "Risico", right=(1,))
            groups = tuple(Group((self.kpi_row(rij, latest),)) for rij in tabel.rijen)
            columns = (Column(6.0), Column(2.0, "r"), Column(2.6), Column(2.0))
            body.append(_heading(tabel.titel))
            body.append(Table(columns, header, groups, space_after=2.0))
            if tabel.voetnoten:
                notes = tuple(
                    Para((Run(f"{i}) {n}", italic=True, colour=GRIJS),), size=SMALL)
                    for i, n in enumerate(tabel.voetnoten, start=1)
                )
                body.append(Text(notes, space_after=10.0))
        return Section(item.titel, tuple(body), head=head, foot=(legend_text(DASHBOARD),))

    def kpi_row(self, rij: Rij, latest: dt.date | None) -> tuple[Cell, ...]:
        dates = sorted(rij.metingen)
        value = rij.metingen[dates[-1]]
        text = dutch.number(value)
        if len(dates) > 1:
            text += f" ({dutch.change(value - rij.metingen[dates[-2]])})"
        paras = [Para((Run(text, bold=True),), size=TABLE, align="r")]
        if dates[-1] != latest:
            when = f"per {dutch.short_date(dates[-1], year=self.year)}"
            paras.append(Para((Run(when, italic=True, colour=GRIJS),), size=TABLE, align="r"))
        status = DASHBOARD[rij.status]
        marker = (Run("■ ", colour=status.colour), Run(status.label))
        return (
            _cell(rij.naam),
            Cell(tuple(paras)),
            Cell((Para(marker, size=TABLE),)),
            _cell("Risico in risico-log" if rij.risico else ""),
        )

    # --- communicatiekalender ------------------------------------------------------------------

    def kalender(self, item: AgendaItem, head: tuple[Block, ...]) -> Section:
        kalender: Communicatie = self.data.items("communicatie")[0]
        monday = self.meeting.datum - dt.timedelta(days=self.meeting.datum.weekday())
        weeks = [monday + dt.timedelta(weeks=n) for n in range(-1, 4)]
        end = weeks[-1] + dt.timedelta(days=6)
        header = [_cell("Doelgroep", bold=True)]
        for start in weeks:
            label = f"Week {start.isocalendar().week}"
            span = f"{dutch.short_date(start, year=self.year)} – "
            span += dutch.short_date(start + dt.timedelta(days=6), year=self.year)
            header.append(
                Cell(
                    (Para((Run(label, bold=True),), size=TABLE), Para((Run(span),), size=TABLE)),
                )
            )
        header_cells = tuple(Cell(c.paras, fill=LINTBLAUW, colour="FFFFFF") for c in header)
        groups = []
        for doelgroep in kalender.doelgroepen:
            row = [_cell(doelgroep, bold=True)]
            for start in weeks:
                entries = sorted(
                    (e for e in kalender.items if e.doelgroep == doelgroep
                     and start <= e.datum < start + dt.timedelta(days=7)),
                    key=lambda e: e.datum,
                )  # fmt: skip
                row.append(
                    Cell(tuple(self.kalender_entry(e.datum, e.soort, e.tekst) for e in entries))
                )
            groups.append(Group((tuple(row),)))
        columns = (Column(2.0), *(Column(2.6) for _ in weeks))
        body: list[Block] = [Table(columns, header_cells, tuple(groups))]
        outside = [e for e in kalender.items if not weeks[0] <= e.datum <= end]
        if outside:
            body.append(
                Text(
                    (
                        Para(
                            (Run(f"Buiten deze weken gepland: {len(outside)} items "
                                 "(zie communicatie.yaml).", italic=True, colour=GRIJS),),
                            size=SMALL,
                        ),
                    )
                )
            )  # fmt: skip
        return Section(item.titel, tuple(body), head=head, foot=(soort_legend(),))

    def kalender_entry(self, datum: dt.date, soort: str, tekst: str) -> Para:
        return Para(
            (
                Run(f"{SOORT_MARKERS[soort]} ", colour=SOORT[soort].colour),
                Run(f"{dutch.weekday(datum)} {datum.day}: ", bold=True),
                Run(tekst),
            ),
            size=TABLE,
            space_before=2.0,
        )

    # --- risicolog -----------------------------------------------------------------------------

    def risicolog(self, item: AgendaItem, head: tuple[Block, ...]) -> Section:
        log: Risicolog = self.data.items("risico")[0]
        header = _header("Nr.", "Risico", "Kans", "Impact", "Eigenaar", "Beheersmaatregelen")
        groups = []
        for risico in log.risicos:
            nummer = [Para((Run(risico.id, bold=True),), size=TABLE)]
            if risico.top:
                nummer.append(Para((Run("Top", italic=True),), size=TABLE))
            beschrijving = [Para((Run(risico.titel, bold=True),), size=TABLE)]
            if risico.omschrijving:
                beschrijving += paragraphs(risico.omschrijving)
            maatregelen = paragraphs(risico.beheersmaatregelen) if risico.beheersmaatregelen else []
            groups.append(
                Group(
                    (
                        (
                            Cell(tuple(nummer)),
                            Cell(tuple(beschrijving)),
                            self.status_cell(NIVEAU, risico.kans),
                            self.status_cell(NIVEAU, risico.impact),
                            _cell(self.people.name(risico.eigenaar) if risico.eigenaar else ""),
                            Cell(tuple(maatregelen)),
                        ),
                    )
                )
            )
        columns = (Column(0.8), Column(5.0), Column(1.1), Column(1.1), Column(1.8), Column(4.4))
        return Section(item.titel, (Table(columns, header, tuple(groups)),), head=head)


def _cell(text: str, *, bold: bool = False) -> Cell:
    return Cell((Para((Run(text, bold=bold),), size=TABLE),))


def _header(*names: str, right: tuple[int, ...] = ()) -> tuple[Cell, ...]:
    """Header cells; the columns in ``right`` are right-aligned, as their figures are."""
    return tuple(
        Cell(
            (Para((Run(name, bold=True),), size=TABLE, align="r" if i in right else "l"),),
            fill=LINTBLAUW,
            colour="FFFFFF",
        )
        for i, name in enumerate(names)
    )


def _heading(text: str) -> Text:
    return Text((Para((Run(text, bold=True, colour=DONKERBLAUW),), size=BODY),), space_after=2.0)


def _unbroken(text: str) -> str:
    """Non-breaking spaces: a legend entry wraps as a whole, never inside its label."""
    return text.replace(" ", "\u00a0")


def legend_text(legend: Legend) -> Text:
    runs: list[Run] = []
    for status in legend.statuses:
        if runs:
            runs.append(Run("    "))
        runs += [Run("■\u00a0", colour=status.colour), Run(_unbroken(status.label))]
    title = Para((Run("Legenda", bold=True, colour=GRIJS),), size=SMALL)
    return Text((title, Para(tuple(runs), size=SMALL)), space_after=0.0)


def soort_legend() -> Text:
    runs: list[Run] = []
    for status in SOORT.statuses:
        if runs:
            runs.append(Run("    "))
        marker = SOORT_MARKERS[status.value]
        runs += [Run(f"{marker}\u00a0", colour=status.colour), Run(_unbroken(status.label))]
    title = Para((Run("Legenda", bold=True, colour=GRIJS),), size=SMALL)
    return Text((title, Para(tuple(runs), size=SMALL)), space_after=0.0)
