"""The report's reading guide (Leeswijzer), written from what this report holds: which chapter
treats which paragraphs, which chapters end with an activity table, where the stars lead, where
the risks and the KPI annex are. It claims nothing the report does not contain.

Sentences are plain text (titles from the data are not Markdown here); the documents escape them.
"""

from __future__ import annotations

from generator.render.rapportage.rapport import Leeswijzer, Rapport, RapportHoofdstuk


def leeswijzer(rapport: Rapport) -> Leeswijzer:
    inhoud = [_chapter(chapter) for chapter in rapport.hoofdstukken]
    if rapport.risico_nummer:
        inhoud.append(
            f"De belangrijkste risico's en hun beheersmaatregelen staan in paragraaf "
            f"{rapport.risico_nummer}."
        )
    elif rapport.risicos:
        inhoud.append(
            "Na de hoofdstukken volgt de risicoparagraaf: de belangrijkste risico's en hun "
            "beheersmaatregelen."
        )
    tables = sum(bool(chapter.groepen) for chapter in rapport.hoofdstukken)
    legenda = None
    if tables:
        where = "de activiteitentabellen" if tables > 1 else "de activiteitentabel"
        legenda = (
            f"In {where} staat de status van elke activiteit uit het jaarplan in woorden en met "
            "een teken:"
        )
    uitgelicht = any(chapter.uitgelicht for chapter in rapport.hoofdstukken)
    aandacht = any(chapter.aandacht for chapter in rapport.hoofdstukken)
    sterren = None
    if uitgelicht or aandacht:
        parts = []
        if uitgelicht:
            parts.append("onder Uitgelicht staat wat goed gaat")
        if aandacht:
            parts.append("onder Aandacht wat niet volgens plan verloopt en bijsturing vraagt")
        sterren = (
            "Een sterretje (*) bij een activiteit verwijst naar een toelichting: "
            + _joined(parts)
            + "."
        )
    bijlage: list[str] = []
    if rapport.kpis:
        sentence = "De bijlage geeft de realisatie van de prestatie-indicatoren, elk met zijn norm"
        if rapport.gemist:
            sentence += "; wat een indicator die zijn norm niet haalt verklaart, volgt erna"
        bijlage.append(sentence + ".")
        if any(k.bijgesteld for _, rows in rapport.kpis for k in rows):
            bijlage.append(
                "Waar het oordeel afwijkt van wat norm en realisatie zeggen, staat dat met de "
                "reden in een voetnoot bij het oordeel."
            )
    return Leeswijzer(tuple(inhoud), legenda, sterren, tuple(bijlage))


def _chapter(chapter: RapportHoofdstuk) -> str:
    start = f"Hoofdstuk {chapter.nummer}, ‘{chapter.titel}’,"
    numbered = [f"{in_sentence(p.titel)} ({p.nummer})" for p in chapter.paragrafen]
    if len(numbered) > 1:
        sentence = f"{start} behandelt achtereenvolgens {_joined(numbered)}."
    elif numbered:
        sentence = f"{start} behandelt {numbered[0]}."
    elif chapter.groepen:
        sentence = f"{start} geeft de stand van de activiteiten."
    else:
        sentence = f"{start} heeft geen paragrafen."
    if chapter.groepen:
        at = chapter.tabel_na
        if at == len(chapter.paragrafen):
            sentence += " Het sluit af met een tabel van de activiteiten uit het jaarplan"
        elif at == 0:
            sentence += " Het begint met een tabel van de activiteiten uit het jaarplan"
        else:  # before the risk paragraph, after the work it is about
            sentence += (
                f" Na {in_sentence(chapter.paragrafen[at - 1].titel)} "
                f"({chapter.paragrafen[at - 1].nummer}) volgt een tabel van de activiteiten uit "
                "het jaarplan"
            )
        gathered = [
            f"{in_sentence(p.titel)} ({p.nummer})"
            for p in (chapter.uitgelicht, chapter.aandacht)
            if p
        ]
        if gathered:
            sentence += ", met de toelichtingen onder " + _joined(gathered)
        sentence += "."
    return sentence


def in_sentence(title: str) -> str:
    """A section's title as it reads inside a sentence: "Werken aan vertrouwen" becomes
    "werken aan vertrouwen". A title that holds a name keeps its capital ("Herstel Toeslagen",
    "ICT", "Belastingdienst en UHT": a later word with a capital, or an abbreviation)."""
    words = title.split()
    if not words:
        return title
    first = words[0]
    if not (first[:1].isupper() and first[1:] == first[1:].lower() and len(first) > 1):
        return title  # "ICT", "eHerkenning", "1e"
    if any(word[:1].isupper() for word in words[1:]):
        return title  # a name in it: "Herstel Toeslagen"
    return first[:1].lower() + title[1:]


def _joined(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " en " + parts[-1]
