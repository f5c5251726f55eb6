"""``statusgen serve``: a live preview of the data folder for editors.

``state`` keeps what the preview shows (the deck's slides as SVG, the documents' pages, check's
diagnostics) and makes it again after a save, reading only the files that changed; ``page``
makes the HTML; ``app`` serves it with Starlette, watches the folder with watchfiles and tells
the open pages what changed over Server-Sent Events. Nothing here writes a file.
"""
