"""The onderdelen table drives what lists the deck's generated parts: the builders registered
for it, the deck command's help, the data reference."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.load.onderdelen import TABLE
from generator.reference import render


def test_a_builder_for_a_name_the_table_lacks_is_refused() -> None:
    """A part registered under a word editors cannot write would never be shown: refused where
    it is registered, naming the table to add the row to."""
    from generator.render.deck.parts import builds

    with pytest.raises(ValueError, match="onderdelen table"):
        builds("tijdlijn")


def test_the_deck_command_lists_every_onderdeel() -> None:
    result = CliRunner().invoke(main, ["deck", "--help"], terminal_width=400)
    assert result.exit_code == 0, result.output
    help_text = " ".join(result.output.split())
    for row in TABLE:
        assert row.name in help_text, row.name


def test_the_data_reference_lists_every_onderdeel_with_the_file_it_needs() -> None:
    from generator.load.kinds import kind_named

    section = render().split("## Onderdelen", 1)[1].splitlines()
    for row in TABLE:
        line = next(line for line in section if line.startswith(f"| `{row.name}`"))
        assert row.label in line and kind_named(row.needs).pattern in line, line
