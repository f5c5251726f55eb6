"""The README is part of the product: its reference and examples must match the code."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.load.kinds import all_kinds
from generator.load.yamlsource import parse
from generator.reference import END, START, render

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


def test_command_reference_is_generated_from_the_commands() -> None:
    from generator.reference import CLI_END, CLI_START, cli

    text = README.read_text(encoding="utf-8")
    block = text.split(CLI_START, 1)[1].split(CLI_END, 1)[0]
    assert block.strip() == cli().strip(), "run: python -m generator.reference README.md"


def test_every_command_has_help_and_every_option_a_meaning() -> None:
    import click

    from generator.cli import COMMANDS, main

    context = click.Context(main)
    for name in COMMANDS:
        command = main.get_command(context, name)
        assert command is not None and command.help, name
        for param in command.params:
            if isinstance(param, click.Option):
                assert param.help, f"{name} {param.opts}"


def test_the_schema_list_names_every_kind() -> None:
    text = README.read_text(encoding="utf-8")
    paragraph = text[text.index("`statusgen schema` writes one") :][:400]
    for kind in all_kinds():
        assert f"`{kind.name}`" in paragraph, kind.name
