"""The shipped font files (Liberation Sans, which has Arial's widths): where they are, as
``@font-face`` rules for a page that links them, and as files for a renderer that reads them.
The SVG slides, the preview, the visual diff and the deck's ``--svg`` pictures use them; kept at
the render level so that none of those imports the SVG writer for its fonts.
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
from collections.abc import Callable
from functools import cache
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path

#: the family the files hold, as SVG and CSS name it
FAMILY = "Liberation Sans"
#: the shipped font files, by (bold, italic)
FONT_FILES = {
    (False, False): "LiberationSans-Regular.ttf",
    (True, False): "LiberationSans-Bold.ttf",
    (False, True): "LiberationSans-Italic.ttf",
    (True, True): "LiberationSans-BoldItalic.ttf",
}


def font_folder() -> Traversable:
    return files("generator.render").joinpath("fonts")


def fonts_css(url: str | Callable[[str], str]) -> str:
    """``@font-face`` rules for the shipped fonts, found at ``url`` + file name (or where
    ``url`` says a file name is found)."""
    where = url if callable(url) else (lambda name: f"{url}{name}")
    return "".join(
        f"@font-face{{font-family:'{FAMILY}';src:url('{where(name)}') format('truetype');"
        f"font-weight:{'bold' if bold else 'normal'};"
        f"font-style:{'italic' if italic else 'normal'}}}"
        for (bold, italic), name in FONT_FILES.items()
    )


@cache
def font_files() -> tuple[str, ...]:
    """The shipped fonts as files (for resvg): where the package lives in the file system, its
    own; from a zip, copies in a temporary folder kept for the process."""
    folder = font_folder()
    paths = []
    for name in FONT_FILES.values():
        entry = folder.joinpath(name)
        if isinstance(entry, Path) and entry.is_file():
            paths.append(str(entry))
            continue
        copy = _scratch() / name
        copy.write_bytes(entry.read_bytes())
        paths.append(str(copy))
    return tuple(paths)


@cache
def _scratch() -> Path:
    folder = Path(tempfile.mkdtemp(prefix="statusgen-fonts-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    return folder
