"""Typography shared by the outputs that measure their own text (the deck's layout, the action
table's writers): how wide text is in the house font (``metrics``), where lines break at a width
(``breaking``), and where a word too wide for its column is hyphenated (``hyphenation``); and
the shipped font files the pictures draw with (``fontfiles``). No output imports another output
for these.
"""
