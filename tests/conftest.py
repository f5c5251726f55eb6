from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from generator.cli import main

FIXTURES = Path(__file__).parent / "fixtures"
DEMO = Path(__file__).parent.parent / "status"

# deduce's lookup structures (the Woo audit) are built once and kept in the repository's
# .cache/ (ignored by git), not in the home folder of whoever runs the tests
os.environ.setdefault("STATUSGEN_CACHE", str(Path(__file__).parent.parent / ".cache" / "statusgen"))


@pytest.fixture
def data(tmp_path: Path) -> Path:
    """A writable copy of the small valid dataset."""
    target = tmp_path / "status"
    shutil.copytree(FIXTURES / "valid", target)
    return target


Run = Callable[..., Result]


@pytest.fixture
def run() -> Run:
    def invoke(*args: str) -> Result:
        return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)

    return invoke
