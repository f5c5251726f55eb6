"""Names of people: looked up in the registry, or replaced for publication under the Woo.

Every renderer prints people through ``People``. With ``openbaar`` every name from the registry
becomes "Persoonsgegevens" (the convention of published Dutch documents, Woo art. 5.1.2e), also
where an editor typed a name into free text; ``leaks`` then proves a finished file clean.
"""

from __future__ import annotations

import html
import io
import re
import zipfile
from collections.abc import Iterable, Mapping

from generator.exceptions import OutputError

PERSOONSGEGEVENS = "Persoonsgegevens"


class People:
    def __init__(self, names: dict[str, str], *, openbaar: bool) -> None:
        self.names = names
        self.openbaar = openbaar
        ordered = sorted({n for n in names.values() if n.strip()}, key=len, reverse=True)
        self._pattern = (
            re.compile("|".join(_name_pattern(n) for n in ordered), re.IGNORECASE)
            if ordered
            else None
        )

    def name(self, value: str) -> str:
        """A person id as a name; a unit name ("UHT") as it is."""
        if value in self.names:
            return PERSOONSGEGEVENS if self.openbaar else self.names[value]
        return self.scrub(value)

    def names_of(self, values: Iterable[str]) -> list[str]:
        """Names for ids, with a repeated "Persoonsgegevens" said once."""
        result: list[str] = []
        for value in values:
            name = self.name(value)
            if name not in result or name != PERSOONSGEGEVENS:
                result.append(name)
        return result

    def scrub(self, text: str) -> str:
        """Free text with every registry name replaced, in the public version."""
        if not self.openbaar or self._pattern is None:
            return text
        return self._pattern.sub(PERSOONSGEGEVENS, text)

    def leaks(self, parts: Iterable[bytes]) -> list[str]:
        """The registry names found in ``parts`` (file contents), as text or XML-escaped."""
        found: set[str] = set()
        needles = {
            name: {
                form.lower().encode("utf-8")
                for form in (
                    name,
                    html.escape(name),
                    html.escape(name, quote=False),
                    html.escape(name).replace("&#x27;", "&apos;"),
                    html.escape(name).replace("&#x27;", "&#39;"),
                )
            }
            for name in self.names.values()
            if name.strip()
        }
        for data in parts:
            lowered = data.lower()
            for name, forms in needles.items():
                if any(form in lowered for form in forms):
                    found.add(name)
        return sorted(found)

    def check_public(self, outputs: Mapping[str, bytes]) -> None:
        """Raise OutputError if any output (a zipped Office file: any of its parts) still holds
        a registered name; called before anything is written."""
        for name, data in outputs.items():
            leaks = self.leaks(_parts(data))
            if leaks:
                raise OutputError(
                    f"the public {name} would still contain {len(leaks)} registered name(s); "
                    "nothing was written"
                )


def _name_pattern(name: str) -> str:
    words = [re.escape(word) for word in name.split()]
    return r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)"


def _parts(data: bytes) -> list[bytes]:
    """A file's bytes, and for zipped formats (PPTX, DOCX, XLSX) every part unzipped."""
    if data[:2] != b"PK":
        return [data]
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return [archive.read(name) for name in archive.namelist()]
