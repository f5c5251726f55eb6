"""Words that are also Dutch surnames, and the words that stand before a name.

The matcher (``generator.model.names``) withholds a registered surname wherever it stands, unless
it is also an ordinary word: "Groot deel", "Winter en voorjaar", "Post voor ouders" are not about
anybody. Such a surname is withheld only where a name stands (after a title, an initial or a
first name, or in a field that names a person); elsewhere, written with a capital, it is left as
written and reported by ``check --openbaar``. A surname of fewer than four letters counts as an
ordinary word too ("Bos", "Kok", "Dam").

The list is ours: Dutch nouns, adjectives and verbs that are common surnames as well.
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


ORDINARY = _words(
    """
    aarts adelaar akker appel baak baan baas bakker bank beek beer berg bergen beuk beukers bijl
    blaauw blauw blok bloem blom boer boekhout boer boog boom boon bosch boter bouwer braam brand
    brink broek broer brood brouwer bruin brug buijs buis burg dam das dekker dijk does dolfijn
    doorn draaier drost duif duin eek eend eik engel erf ezel fluit gans geel goede goud graaf gras
    groen groot haan haas hagen hamer hand hart haver heer heide hek hemel hert heuvel hoek
    hof hoed hoeve hofman holland hooi hoorn horst hout huis hulst jager jong jonge kaas kalf kamer
    kamp kanter kapitein kat keizer kerk kerkhof klaver klein klok knecht koe koek koning konings
    koopman kooi kool koster kort kos kramer krans kroon kruis kuiper lam lamp lang lange laan lamme
    leeuw lelie lente linde los maan maas man meer meester meijer mens mes molen mol moor muis
    noord nieuw oost os otter paap paard pad palm pauw peer pen post pot prins raaf raven
    recht regen riet rijk rijn roest rood roos ros rover ruiter schaap schat schild schilder schip
    schipper schoen schol schotel schouw schutter smid smit snoek spaan specht speelman spier staal
    stam steen ster sterk stok stoker storm stroo stuiver tak teen timmer toren tuin uil valk veen
    veld vink visser vlaming vlieger vogel vos wagenaar wal water weg wever wiel wijn wind
    winter wit wolf worst zand zee zeeman zilver zomer zon zout zwaan zwart zuid
    """
)

#: titles and forms of address after which a word is a surname ("dhr. Groot", "mevrouw Winter")
TITLES = _words(
    """
    dhr dhr. mevr mevr. mw mw. mr mr. drs drs. dr dr. ir ir. ing ing. prof prof. ds ds. heer
    mevrouw meneer juffrouw collega minister staatssecretaris kamerlid burgemeester wethouder
    """
)

#: words that begin a sentence or a clause: never a first name before a surname ("Met Groot")
FUNCTION_WORDS = _words(
    """
    aan al als bij dan dat de deze die dit door dus een en er ge geen had heeft het hier hij hoe
    in is je ja kan maar met mij na naar niet nog nu of om onder ook op over per sinds te tegen
    toe tot u uit van vanaf volgens voor want was wat we wel werd wie wij wordt zal ze zij zo zonder
    zoals
    """
)
