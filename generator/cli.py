"""The ``statusgen`` command line. Each command lives in its own module, imported only when run,
so that ``statusgen check`` never pays for python-pptx or Typst."""

from __future__ import annotations

import importlib
from typing import Any

import click

from generator import __version__
from generator.render.actietabel import FORMATS as ACTIETABEL
from generator.render.besluitenlijst import FORMATS as BESLUITENLIJST
from generator.render.nota import FORMATS as NOTA
from generator.render.rapportage import FORMATS as RAPPORTAGE
from generator.render.verslag import FORMATS as VERSLAG

#: command name -> module under generator.commands that defines ``command``
COMMANDS = {
    "actions": f"Build the POK action table ({ACTIETABEL.listed()}).",
    "besluitenlijst": f"Write a meeting's actie- en besluitenlijst ({BESLUITENLIJST.listed()}).",
    "check": "Validate the data folder; errors name file, line and column.",
    "diff": "Summarise what changed in the data between two git versions (for pull requests).",
    "deadlines": "Print overdue and upcoming deadlines per trekker, or a calendar (ics).",
    "deck": "Build the SCT deck (PPTX) for a meeting.",
    "planning": "Write the integral planning (XLSX, CSV): every opdracht and hoofdactie.",
    "init": "Write a new data folder that passes check --strict, to start from.",
    "report": f"Build a progress report to the Tweede Kamer ({RAPPORTAGE.listed()}).",
    "nota": f"Write a nota to the bewindspersoon ({NOTA.listed()}).",
    "pakket": "Write a nota with its bijlagen: one folder with an index and one combined PDF.",
    "new": "Write a new, valid file of any kind (werkstroom, actie, vergadering, ...).",
    "schema": "Write JSON Schema files for editors (yaml-language-server) and pre-commit.",
    "serve": "Preview the deck, documents and diagnostics live in a browser while editing.",
    "verslag": f"Write the verslag of a meeting ({VERSLAG.listed()}).",
    "vergadering": "Build everything for one SCT meeting: deck, besluitenlijst, calendar, ...",
}


class LazyGroup(click.Group):
    """A group that imports a command's module only when that command is invoked."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in COMMANDS:
            return None
        module = importlib.import_module(f"generator.commands.{cmd_name}")
        command: click.Command = module.command
        return command

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            # the shell's convention (128 + SIGINT); click would say 1, the code for bad data
            click.echo("\ninterrupted: nothing was written", err=True)
            ctx.exit(130)

    def format_commands(self, ctx: click.Context, formatter: Any) -> None:
        # short help from the table above, so `statusgen --help` imports no command module
        rows = [(name, COMMANDS[name]) for name in self.list_commands(ctx)]
        with formatter.section("Commands"):
            formatter.write_dl(rows)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="statusgen")
def main() -> None:
    """Build the crisis organisation's reporting documents from the YAML status data.

    Editors keep one file per werkstroom and per POK actie; statusgen checks them and renders the
    SCT deck, the Kamer progress report and the POK action table.
    """
