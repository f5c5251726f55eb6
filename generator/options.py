"""Options shared by the commands, declared once."""

from __future__ import annotations

import datetime as dt
import functools
import inspect
import math
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar, cast

import click

from generator import progress
from generator.model.dates import out_of_range
from generator.quoting import printable
from generator.render.formats import Formats

F = TypeVar("F", bound=Callable[..., Any])


def data_option(func: F) -> F:
    return click.option(
        "--data",
        "data_dir",
        type=click.Path(exists=True, file_okay=False, path_type=Path),
        default="status",
        show_default=True,
        envvar="STATUSGEN_DATA",
        show_envvar=True,
        help="The data folder to read.",
    )(func)


def output_option(func: F) -> F:
    return click.option(
        "--output",
        "output_dir",
        type=click.Path(file_okay=False, path_type=Path),
        default="output",
        show_default=True,
        help="The folder to write into (created if missing).",
    )(func)


class FiniteRange(click.FloatRange):
    """A number in a closed range: click's FloatRange lets "nan" through (every comparison with
    NaN is false), and a slide set at NaN points never ends; NaN and infinity are refused."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        number = super().convert(value, param, ctx)
        if not math.isfinite(number):
            self.fail(f"{printable(str(value))!r} is not a number", param, ctx)
        return number


class DateType(click.ParamType):  # type: ignore[type-arg]
    name = "YYYY-MM-DD"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if not isinstance(value, dt.date):
            try:
                value = dt.date.fromisoformat(str(value))
            except ValueError:
                shown = printable(str(value))
                self.fail(f"'{shown}' is not a date in the form YYYY-MM-DD", param, ctx)
        problem = out_of_range(value)
        if problem:
            self.fail(problem, param, ctx)
        return value


def template_option(func: F) -> F:
    return click.option(
        "--template",
        "template_file",
        type=click.Path(exists=True, dir_okay=False, path_type=Path),
        default=None,
        help="A .pptx with the organisation's masters; layouts are found by name "
        "(Title Slide, Section Header, Title Only).",
    )(func)


def quiet_option(func: F) -> F:
    """``--quiet``, and the status line on stderr (``progress``) for the command's whole run,
    unless it is given. The command receives ``quiet`` only when it has a parameter for it."""
    takes_quiet = "quiet" in inspect.signature(func).parameters

    @functools.wraps(func)
    def run(*args: Any, quiet: bool, **kwargs: Any) -> Any:
        if takes_quiet:
            kwargs["quiet"] = quiet
        with progress.shown(quiet=quiet):
            return func(*args, **kwargs)

    return click.option(
        "--quiet",
        "-q",
        is_flag=True,
        help="Less on stderr: no status line while working; check lists errors only (its "
        "summary still counts the warnings), vergadering leaves out its notes.",
    )(cast(F, run))


def peildatum_option(func: F) -> F:
    return click.option(
        "--peildatum",
        type=DateType(),
        default=None,
        help="Reference date for overdue deadlines  [default: today]",
    )(func)


def openbaar_option(func: F) -> F:
    """``--openbaar`` and the ``--strict`` that goes with it, on every command that publishes."""
    func = click.option(
        "--strict",
        is_flag=True,
        help="With --openbaar: refuse (exit 1, nothing written) while the Woo audit finds a "
        "possible personal name that organisatie.yaml does not account for.",
    )(func)
    return click.option(
        "--openbaar",
        is_flag=True,
        help="The version for publication under the Woo: every name from the registry becomes "
        '"Persoonsgegevens", metadata included; names found in no list are reported '
        "(the Woo audit, with pip install 'statusgen[woo]').",
    )(func)


def vergadering_option(func: F) -> F:
    return click.option(
        "--vergadering",
        type=DateType(),
        default=None,
        help="The date of the meeting (vergaderingen/DATE.yaml)  [default: the latest]",
    )(func)


def described(**fields: str) -> Callable[[F], F]:
    """The command's docstring with ``{name}`` filled in from ``fields``: help texts that list
    files or formats say what the format tables hold ("output/verslag-DATE.{docx,pdf}")."""

    def fill(func: F) -> F:
        doc = func.__doc__ or ""
        for name, value in fields.items():
            doc = doc.replace("{" + name + "}", value)
        func.__doc__ = doc
        return func

    return fill


class FormatsOption(click.Option):
    """``--format``, carrying the format table it offers and the stem of the files it writes
    ("" for a command that prints), so the command reference lists every command's formats
    from the commands themselves."""

    def __init__(self, *args: Any, registry: Formats, stem: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.registry = registry
        self.stem = stem


def formats_option(registry: Formats, *, stem: str = "", one: bool = False) -> Callable[[F], F]:
    """``--format`` from an output's format table: ``a,b`` (one or more, default: the table's
    default, written in the order given) or, with ``one``, a single format (for a command that
    prints its output). The help names each format's purpose where the table gives one;
    ``stem`` names the files written ("verslag-DATE"; "" when the command prints)."""
    known = list(registry)
    purposes = "; ".join(f"{n} {registry[n].help}" for n in known if registry[n].help)
    if one:
        return click.option(
            "--format",
            "fmt",
            cls=FormatsOption,
            registry=registry,
            stem=stem,
            type=click.Choice(known),
            default=registry.default[0],
            show_default=True,
            help=f"{purposes}." if purposes else "Which format to write.",
        )

    def chosen(ctx: click.Context, param: click.Parameter, value: str) -> list[str]:
        picked = [part.strip().lower() for part in value.split(",") if part.strip()]
        unknown = [f for f in picked if f not in known]
        if unknown or not picked:
            raise click.BadParameter(
                f"{', '.join(unknown) or 'nothing'}: choose from {', '.join(known)}, "
                "comma-separated"
            )
        return list(dict.fromkeys(picked))

    return click.option(
        "--format",
        "formats",
        cls=FormatsOption,
        registry=registry,
        stem=stem,
        default=",".join(registry.default),
        show_default=True,
        callback=chosen,
        help="Which files to write, comma-separated" + (f": {purposes}." if purposes else "."),
    )
