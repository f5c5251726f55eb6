"""Files shipped with statusgen: the repository's ``templates/`` folder.

In a checkout (and an editable install) it is read where it is; a wheel installs it as the
package ``generator.templates``.
"""

from __future__ import annotations

from importlib.resources import as_file, files
from pathlib import Path

_CHECKOUT = Path(__file__).resolve().parents[1] / "templates"


def template(name: str) -> Path:
    """The path of a shipped template file."""
    if (_CHECKOUT / name).is_file():
        return _CHECKOUT / name
    with as_file(files("generator.templates").joinpath(name)) as path:
        return Path(path)


def templates_folder() -> Path:
    """The folder of shipped templates, for the Jinja loader."""
    if _CHECKOUT.is_dir():
        return _CHECKOUT
    with as_file(files("generator.templates")) as path:
        return Path(path)
