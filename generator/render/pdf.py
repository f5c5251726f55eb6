"""PDF from our own HTML through WeasyPrint: tagged (PDF/UA-1), with title and language.

WeasyPrint takes about a second to import; only commands that make a PDF import this module.
"""

from __future__ import annotations

import logging


def html_to_pdf(html: str, *, stylesheet: str) -> bytes:
    """A tagged PDF of a self-contained HTML document (``<html lang>`` and ``<title>`` set),
    with the paged-media rules of ``stylesheet`` from templates/ added."""
    import gc

    import weasyprint

    from generator.resources import read_text

    # WeasyPrint logs every unsupported CSS property; the documents are ours, so keep it quiet
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    # the loaded data and models stay alive until the end: keep the garbage collector from
    # scanning them again and again while WeasyPrint allocates its boxes
    gc.freeze()
    document = weasyprint.HTML(string=html, base_url=None)
    css = weasyprint.CSS(string=read_text(stylesheet))
    pdf: bytes = document.write_pdf(stylesheets=[css], pdf_variant="pdf/ua-1")
    return pdf
