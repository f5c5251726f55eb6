"""The README is part of the product: its reference and examples must match the code."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.kinds import all_kinds
from generator.reference import END, START, render
from generator.yamlsource import parse

README = Path(__file__).parent.parent / "README.md"


def test_reference_is_generated_from_the_models() -> None:
    text = README.read_text(encoding="utf-8")
    block = text.split(START, 1)[1].split(END, 1)[0]
    assert block.strip() == render().strip(), "run: python -m generator.reference README.md"


EXAMPLES = re.findall(r"```yaml\n# (\S+)\n(.*?)```", README.read_text(encoding="utf-8"), re.S)


@pytest.mark.parametrize(("name", "text"), EXAMPLES, ids=[n for n, _ in EXAMPLES])
def test_yaml_examples_validate(name: str, text: str) -> None:
    kind = next(k for k in all_kinds() if Path(name).match(k.pattern))
    kind.model.model_validate(parse(Path(name), text).data)


def test_examples_cover_every_kind() -> None:
    covered = {k.name for name, _ in EXAMPLES for k in all_kinds() if Path(name).match(k.pattern)}
    assert covered == {k.name for k in all_kinds()}
