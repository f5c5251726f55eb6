"""The slides every deck has, whatever its agenda names: the title, the agenda, a divider per
rubriek, an agenda item's own Markdown or status matrix, and the lettered layout of any overleg
other than the SCT. ``generator.render.deck.build`` puts them in order; the parts an agenda
item names by ``onderdeel`` are registered in ``generator.render.deck.parts``.
"""
