"""PDFs typeset by Typst from a print template in ``templates/`` and the document's data.

The data reaches the template as data only: one JSON text in ``sys.inputs.data``, which the
template reads with ``json(bytes(sys.inputs.data))``. Markdown arrives as the text model's tree
(``generator.text.model.to_data``) and is laid out by the template's own functions. No text from
the data ever becomes Typst source, so ``#read("/etc/passwd")``, ``$x$``, ``]`` or ``<label>`` in
a YAML file are printed as typed.

Typst compiles in a temporary folder that holds only the shipped ``.typ`` templates; that folder
is its root, so not even a template can read a file outside it. The fonts are the ones shipped in
``generator/fonts`` (Liberation Sans, SIL Open Font License), with Typst's own fonts as fallback
for symbols and no system fonts: a PDF looks the same on every machine, and no font package is
needed. The output is tagged PDF/UA-1.

Typst is imported here only, when a PDF is made; commands that make none never load it.
"""

from __future__ import annotations

import json
import logging
import shutil
import tempfile
from collections.abc import Mapping
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any, Final

from generator.exceptions import OutputError
from generator.resources import PACKAGE

logger = logging.getLogger(__name__)

FONTS = ("generator", "fonts")
#: the PDF standard every print document meets
STANDARD: Final = "ua-1"


def typeset(template: str, data: Mapping[str, Any]) -> bytes:
    """The PDF of ``templates/<template>`` with ``data`` as its ``sys.inputs.data``."""
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
        try:
            pdf, warnings = typst.compile_with_warnings(
                str(main),
                root=folder,
                font_paths=[str(fonts)],
                ignore_system_fonts=True,
                sys_inputs={"data": json.dumps(data, ensure_ascii=False)},
                pdf_standards=STANDARD,
            )
        except typst.TypstError as exc:
            raise OutputError(f"Typst could not typeset {template}: {exc.message}") from None
    for warning in warnings:
        logger.warning("Typst, %s: %s", template, warning.message)
    return pdf


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
