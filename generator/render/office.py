"""What the Office formats (PPTX, DOCX) share: the extended properties we write.

A template's ``docProps/app.xml`` names the program that made it and may name its author's
company and manager; statusgen writes its own, with the organisation as the company.
"""

from __future__ import annotations

from xml.sax.saxutils import escape


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
