"""The deck's layout: a section's content distributed over slides, every paragraph and table
row measured.

Tables are set as a typesetter would. Column widths follow CSS 2.1's automatic table layout
(§17.5.2.2): each column's minimum is its widest word, its maximum its text unbroken; the room
left over the minima goes to the columns in proportion to what they would still take. A word is
broken only when it alone is wider than its column, at a Dutch hyphenation point with a visible
hyphen. Each table is set at the largest size between 12 pt and a floor (9 pt unless the caller
says otherwise) that needs no more slides than the floor does, and its groups are then spread
evenly over those slides: no slide holds a sliver that balancing can avoid.

A table continues on the next slide with its header repeated; a group of rows (an opdracht with
its hoofdacties) moves to the next slide whole when it fits there, and is split between its rows
only when it is taller than a slide; a row is split only when it is taller than a slide, between
paragraphs, else between sentences, else between lines, and its continued cells say "(vervolg)".
Nothing is clipped.

Every paragraph is wrapped once per width. Text that continues over slides is taken from a
cursor over the measured lines, so a paragraph of a megabyte costs its wrapping and its slides,
not its length times its slides.

The modules, in the manner of Typst's layout (small modules sharing state through small
structs), each importing only those above it:

- ``pages``: what the layout makes (``Page``, ``Placed``, ``TableSlice``) and the box it fills
  (``Geometry``, the margins the writers write): all the writers and the preview import;
- ``measure``: the height and width of paragraphs, cells and texts at a width;
- ``text``: a cursor over measured paragraphs (``Paras``) that hands out what fits in some room;
- ``rows``: a table's groups of rows measured (``Chunk``) and split over slides;
- ``tables``: a table's column widths and sizes (``TableLayout``), its groups packed on slides;
- ``flow``: a section's blocks flowed over slides (``Flow``), and the pages numbered.

``generator.render.deck.paginate`` is the entry: it keeps the sections laid out before. The
parts that need no state (line breaking, font metrics, hyphenation) are shared typography in
``generator.render.typography``.
"""
