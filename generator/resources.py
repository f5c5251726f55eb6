"""Files shipped with statusgen: the repository's ``templates/`` folder.

``templates/`` sits at the top of the repository, where designers find it, and is installed as
the package ``generator.templates`` (see setup.py). Everything in it is reached through
``importlib.resources``, never through a file-system path, so that the same code works from a
checkout, an editable install, a wheel and a zip.
"""

from __future__ import annotations

from importlib.resources import files
from importlib.resources.abc import Traversable

PACKAGE = "generator.templates"


def template(name: str) -> Traversable:
    """A shipped template file (read it with ``read_bytes`` or ``read_text``)."""
    return files(PACKAGE).joinpath(name)


def read_text(name: str) -> str:
    return template(name).read_text(encoding="utf-8")
