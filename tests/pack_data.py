"""A bestuurlijk overleg and a nota about it, added to the small valid dataset, for the tests of
the nota, the verslag, the overleg's deck and the pack."""

from __future__ import annotations

from pathlib import Path

OVERLEG = """\
datum: 2030-09-01
soort: bestuurlijk_overleg
titel: Bestuurlijk overleg VNG – Rijk
tijd: 10.00 – 11.00 uur
plaats: Den Haag
deelnemers:
  - partij: Rijk
    leden: [Staatssecretaris van Financiën (vz), p-abma]
  - partij: VNG
    leden: [Lid van het VNG-bestuur, p-zijlstra]
opening: De **staatssecretaris** opent het overleg.
inleiding: |
  ## Context van dit document

  Dit document is niet ter besluitvorming.
agenda:
  - rubriek: Kennismaking
    verslag: De aanwezigen stellen zich voor.
  - rubriek: Waar we nu staan
    verslag: |
      De **VNG** geeft aan dat gemeenten een grotere rol willen. G. Zijlstra vult aan dat
      kleine gemeenten steun krijgen.
    inhoud: |
      ## Rijk en gemeenten werken in vier stappen

      - Knelpunten ophalen
      - Oplossingen bundelen
    items:
      - titel: Bundeling van oplossingen
        inhoud: |
          ## De oplossingen zijn gebundeld naar de stappen van het herstel

          | Bundel | Oplossingen |
          |---|---|
          | 1 Aanmelding | Gesprek bij aanmelding |
          | 2 Aanspreekpunt | Vast aanspreekpunt |
  - rubriek: Aanpak
    verslag_titel: Aanpak en vervolg
    items:
      - titel: Planning
        inhoud: |
          ## De toetsen lopen van september tot en met november

          | Activiteit | September | Oktober | November |
          |---|---|---|---|
          | Toetsingskader | ● | | |
          | Uitvoeringstoetsen | | ● | ● |
      - titel: Toetsingskader
        beslispunten:
          - Instemmen met één toetsingskader.
          - Instemmen met een maand uitloop.
        besluiten:
          - beslispunt: 1
            uitkomst: aangenomen
            tekst: Rijk en VNG stellen samen één toetsingskader op.
          - beslispunt: 2
            uitkomst: aangehouden
            tekst: De uitloop komt terug in het volgende overleg.
        acties:
          - nr: 1
            wat: Toetsingskader opstellen.
            actiehouder: p-abma
            deadline: 2030-09-20
        verslag: F. Abma licht het toetsingskader toe.
  - rubriek: Bijlage
    items:
      - titel: Werkstromen
        onderdeel: werkstromen
rondvraag: De **VNG** vraagt om afspraken over de financiering.
sluiting: De **staatssecretaris** sluit het overleg.
"""

NOTA = """\
onderwerp: Terugkoppeling bestuurlijk overleg
type: ter_informatie
aan: de staatssecretaris van Financiën
directie: Directie Strategie
contactpersoon: p-abma
datum: 2030-09-03
notanummer: 2030-0000000042
bijlagen:
  - {titel: Verslag van het overleg, verslag: 2030-09-01}
  - {titel: Actietabel POK, actietabel: true}
  - titel: Kamerbrief
aanleiding: |
  Op 1 september sprak u met de VNG.
kern: |
  - Rijk en VNG stellen samen één toetsingskader op.
  - G. Zijlstra houdt contact met het steunpunt.
toelichting: |
  De afspraken staan in de actietabel.
"""

NAMES = ("Abma", "Zijlstra")


def add_pack(data: Path, *, nota: str = NOTA) -> None:
    (data / "vergaderingen" / "2030-09-01.yaml").write_text(OVERLEG, encoding="utf-8")
    (data / "notas").mkdir(exist_ok=True)
    (data / "notas" / "bo.yaml").write_text(nota, encoding="utf-8")
