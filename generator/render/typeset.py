"""PDFs typeset by Typst from a print template in ``templates/`` and the document's data.

The data reaches the template as data only: one JSON text in ``sys.inputs.data``, which the
template reads with ``json(bytes(sys.inputs.data))``. Markdown arrives as the text model's tree
(``generator.text.model.to_data``) and is laid out by the template's own functions. No text from
the data ever becomes Typst source, so ``#read("/etc/passwd")``, ``$x$``, ``]`` or ``<label>`` in
a YAML file are printed as typed.

Typst compiles in a temporary folder that holds only the shipped ``.typ`` templates; that folder
is its root, so not even a template can read a file outside it. The fonts are the ones shipped
in ``generator/render/fonts`` (Liberation Sans, SIL Open Font License), with Typst's own fonts as
fallback for symbols and no system fonts: a PDF looks the same on every machine, and no font
package is needed. The output is tagged PDF/UA-1.

A character neither font holds (Chinese, an emoji) would make Typst refuse the PDF, which PDF/UA
forbids to show a missing glyph: it is printed as "�" instead, and a warning names it; the other
formats keep it. ``fonts/coverage.json`` (made by ``tools/make_coverage.py``) says which
characters the fonts hold.

Typst is imported here only, when a PDF is made; commands that make none never load it.
"""

from __future__ import annotations

import bisect
import json
import logging
import shutil
import tempfile
import unicodedata
from collections.abc import Callable, Mapping
from functools import cache
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any, Final

from generator.exceptions import OutputError
from generator.resources import PACKAGE
from generator.text.typesetting import hyphenated

logger = logging.getLogger(__name__)

FONTS = ("generator.render", "fonts")
#: the PDF standard every print document meets
STANDARD: Final = "ua-1"
#: what a character the fonts cannot show is printed as
REPLACEMENT = "\ufffd"
#: format characters that are shown, not ignored, so a font must hold them: the prepended
#: concatenation marks and the Egyptian hieroglyph format controls (ranges, inclusive)
_SHOWN_FORMAT = (
    (0x0600, 0x0605), (0x06DD, 0x06DD), (0x070F, 0x070F), (0x0890, 0x0891), (0x08E2, 0x08E2),
    (0x110BD, 0x110BD), (0x110CD, 0x110CD), (0x13430, 0x1343F),
)  # fmt: skip
#: PDF/UA forbids it; it is invisible (a zero-width no-break space), so it is left out
_BYTE_ORDER_MARK = "\ufeff"


#: asks the template, typeset with this data, for the values of the metadata with this label
Ask = Callable[[Mapping[str, Any], str], list[Any]]
#: chooses the data to typeset, asking the template how candidates come out (a layout that
#: leaves no page almost empty)
Settle = Callable[[Ask, Mapping[str, Any]], Mapping[str, Any]]


def typeset(template: str, data: Mapping[str, Any], *, settle: Settle | None = None) -> bytes:
    """The PDF of ``templates/<template>`` with ``data`` as its ``sys.inputs.data``; with
    ``settle``, with the data it chooses."""
    pdf = _compile(template, data, settle, pdf_standards=STANDARD)
    assert isinstance(pdf, bytes)
    return pdf


def pages(
    template: str, data: Mapping[str, Any], fmt: str = "svg", *, settle: Settle | None = None
) -> list[bytes]:
    """The pages of ``templates/<template>`` as Typst draws them itself, one SVG (or PNG, with
    ``fmt="png"``) a page: to show the document as it will print, without a PDF viewer."""
    drawn = _compile(template, data, settle, format=fmt)
    return drawn if isinstance(drawn, list) else [drawn]


def _compile(
    template: str, data: Mapping[str, Any], settle: Settle | None, **options: Any
) -> bytes | list[bytes]:
    import typst

    with tempfile.TemporaryDirectory(prefix="statusgen-typst-") as folder:
        root = Path(folder)
        for entry in files(PACKAGE).iterdir():
            if entry.name.endswith(".typ"):
                (root / entry.name).write_bytes(entry.read_bytes())
        main = root / template
        if not main.is_file():
            raise OutputError(f"there is no print template '{template}' in templates/")
        fonts = _font_folder(root)
        if settle is not None:

            def ask(candidate: Mapping[str, Any], label: str) -> list[Any]:
                text, _ = printable(json.dumps(hyphenated(candidate), ensure_ascii=False))
                try:
                    found = typst.query(
                        str(main), f"<{label}>", field="value", root=folder,
                        font_paths=[str(fonts)], ignore_system_fonts=True,
                        sys_inputs={"data": text},
                    )  # fmt: skip
                except typst.TypstError as exc:
                    raise OutputError(
                        f"Typst could not typeset {template}: {exc.message}"
                    ) from None
                values: list[Any] = json.loads(found)
                return values

            data = settle(ask, data)
        # the Dutch rules: soft hyphens at the allowed points of long words, en dashes in ranges
        shown = hyphenated(data)
        text, missing = printable(json.dumps(shown, ensure_ascii=False))
        if missing:
            logger.warning(
                "%s: %d kind(s) of character no font of the PDF holds are printed as %s (%s); "
                "the other formats show them",
                Path(template).stem + ".pdf",
                len(missing),
                REPLACEMENT,
                " ".join(f"U+{ord(c):04X}" for c in missing[:12]) + (" ..." * (len(missing) > 12)),
            )
        try:
            output, warnings = typst.compile_with_warnings(
                str(main),
                root=folder,
                font_paths=[str(fonts)],
                ignore_system_fonts=True,
                sys_inputs={"data": text},
                **options,
            )
        except typst.TypstError as exc:
            raise OutputError(f"Typst could not typeset {template}: {exc.message}") from None
    for warning in warnings:
        logger.warning("Typst, %s: %s", template, warning.message)
    result: bytes | list[bytes] = output
    return result


def printable(text: str) -> tuple[str, list[str]]:
    """``text`` with every character the PDF's fonts cannot show replaced by ``REPLACEMENT``
    (a byte order mark left out), and the characters replaced, in code point order."""
    missing = sorted(c for c in set(text) if not _shown(c))
    if not missing:
        return text, []
    table = {ord(c): "" if c == _BYTE_ORDER_MARK else REPLACEMENT for c in missing}
    return text.translate(table), [c for c in missing if c != _BYTE_ORDER_MARK]


def _shown(char: str) -> bool:
    code = ord(char)
    if code < 0x7F:
        return True
    if char == _BYTE_ORDER_MARK:
        return False
    if unicodedata.category(char) == "Cf":  # invisible, unless it is one of the shown ones
        return not any(start <= code <= end for start, end in _SHOWN_FORMAT)
    starts, ends = _coverage()
    index = bisect.bisect_right(starts, code) - 1
    return index >= 0 and code <= ends[index]


@cache
def _coverage() -> tuple[list[int], list[int]]:
    """The code point ranges the fonts hold: their starts and their ends."""
    data = json.loads(files(FONTS[0]).joinpath(FONTS[1], "coverage.json").read_text("utf-8"))
    ranges: list[list[int]] = data["ranges"]
    return [start for start, _ in ranges], [end for _, end in ranges]


def _font_folder(scratch: Path) -> Path:
    """The shipped fonts as a folder Typst can read: the package's own where it is one (a
    checkout, an installed wheel), else a copy in ``scratch`` (a zip)."""
    folder: Traversable = files(FONTS[0]).joinpath(FONTS[1])
    if isinstance(folder, Path):
        return folder
    copy = scratch / "_fonts"
    copy.mkdir()
    for entry in folder.iterdir():
        if entry.name.endswith(".ttf"):
            with entry.open("rb") as source, (copy / entry.name).open("wb") as target:
                shutil.copyfileobj(source, target)
    return copy
