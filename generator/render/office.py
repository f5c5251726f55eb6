"""What the Office formats (PPTX, DOCX) share: the properties we write.

A template's ``docProps/app.xml`` names the program that made it and may name its author's
company and manager; statusgen writes its own, with the organisation as the company.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from generator.text.shorten import shorten


def app_properties(company: str, *, slides: int | None = None) -> bytes:
    extra = ""
    if slides is not None:
        extra = f"<PresentationFormat>Breedbeeld</PresentationFormat><Slides>{slides}</Slides>"
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
        f'extended-properties"><Application>statusgen</Application>{extra}'
        f"<Company>{escape(company)}</Company></Properties>"
    ).encode()


#: the longest text a core property (title, subject, keywords) may hold in the OPC package
#: libraries: python-docx and python-pptx refuse a longer one
PROPERTY_LIMIT = 255


def core_property(text: str) -> str:
    """``text`` as a core property can hold it: one line, shortened with "…" past the limit
    (a title of 300 characters is valid data; its document must still be written)."""
    return shorten(text, PROPERTY_LIMIT)
