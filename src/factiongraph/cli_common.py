"""What every `factiongraph` command shares: `--version` and `-h`, the options that name the same
thing everywhere (`--db`, `--registry`, `--model`, `--min-certainty`, `--include-comments`,
`-o/--output`), their environment variables and config-file defaults (`factiongraph.config`),
and the checks of filter values (an unknown value is a usage error listing the valid ones).
"""

from __future__ import annotations

import functools
import inspect
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import IO, Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape

from factiongraph import graph as fg
from factiongraph.config import DB_ENV, MODEL_ENV, REGISTRY_ENV, ConfigError, load_config

err = Console(stderr=True, soft_wrap=True)
CONTEXT_SETTINGS: dict[str, Any] = {"help_option_names": ["-h", "--help"]}


def _print_version(value: bool) -> None:
    if value:
        from factiongraph import __version__

        typer.echo(f"factiongraph {__version__}")
        raise typer.Exit()


VersionOpt = Annotated[
    bool, typer.Option("--version", callback=_print_version, is_eager=True, help="Show the version and exit.")
]


def with_version(command: Callable[..., Any]) -> Callable[..., Any]:
    """`command` with an eager `--version` flag added to its signature (Typer reads the signature)."""
    sig = inspect.signature(command, eval_str=True)
    if "show_version" in sig.parameters:
        return command

    @functools.wraps(command)
    def wrapper(*args: Any, show_version: bool = False, **kwargs: Any) -> Any:
        return command(*args, **kwargs)

    flag = inspect.Parameter("show_version", inspect.Parameter.KEYWORD_ONLY, default=False, annotation=VersionOpt)
    params = list(sig.parameters.values())
    kinds = (inspect.Parameter.VAR_KEYWORD,)
    where = next((i for i, p in enumerate(params) if p.kind in kinds), len(params))
    wrapper.__signature__ = sig.replace(parameters=[*params[:where], flag, *params[where:]])  # type: ignore[attr-defined]
    wrapper.__annotations__ = {**{n: p.annotation for n, p in sig.parameters.items()}, "show_version": VersionOpt}
    return wrapper


def root_callback(
    ctx: typer.Context,
    show_version: VersionOpt = False,
) -> None:
    """Reads the config file into the defaults of every command below the root (Click's `default_map`)."""
    try:
        defaults = load_config().defaults()
    except ConfigError as e:
        err.print(f"[red]error:[/red] {escape(str(e))}")
        raise typer.Exit(2) from None
    if defaults:
        ctx.default_map = {**_default_map(ctx.command, ctx, defaults), **(ctx.default_map or {})}


def group_callback(show_version: VersionOpt = False) -> None:
    """A command group (see its commands)."""


def _default_map(group: Any, ctx: Any, defaults: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name in group.list_commands(ctx):
        cmd = group.get_command(ctx, name)
        if hasattr(cmd, "list_commands"):
            out[name] = _default_map(cmd, ctx, defaults)
        elif cmd is not None:
            names = {p.name for p in cmd.params}
            out[name] = {k: v for k, v in defaults.items() if k in names}
    return out


def use_common_options(*apps: typer.Typer) -> None:
    """Gives every command of `apps` `--version` and `-h` (call once all commands are registered)."""
    for a in apps:
        for info in a.registered_commands:
            if info.callback is not None:
                info.callback = with_version(info.callback)
            info.context_settings = {**CONTEXT_SETTINGS, **(info.context_settings or {})}


# -- options shared by several commands ----------------------------------------------------------


class CertaintyLevel(str, Enum):
    """The certainty levels of the output contract, strongest first (`document.CERTAINTIES`)."""

    asserted = "asserted"
    reported = "reported"
    hedged = "hedged"
    disputed = "disputed"
    speculative = "speculative"
    hypothetical = "hypothetical"
    negated = "negated"


class ActorKindChoice(str, Enum):
    """The actor kinds of the output contract (`document.ActorKind`)."""

    state = "state"
    foreign_state = "foreign_state"
    foreign_agency = "foreign_agency"
    rebel = "rebel"
    militia = "militia"
    civilians = "civilians"
    protesters = "protesters"
    international_org = "international_org"
    other = "other"


DEFAULT_CERTAINTY = CertaintyLevel(fg.DEFAULT_MIN_CERTAINTY)
DbOpt = Annotated[str, typer.Option("--db", help="The store: a DuckDB file or a postgresql:// URL.", envvar=DB_ENV)]
RegistryOpt = Annotated[
    list[Path] | None,
    typer.Option("--registry", help="Extra actor registry YAML file (repeatable).", envvar=REGISTRY_ENV),
]
ModelOpt = Annotated[
    str | None, typer.Option("--model", help="spaCy model: sm (default), md, lg, trf, a package or a path.",
                             envvar=MODEL_ENV),
]  # fmt: skip
MinCertaintyOpt = Annotated[
    CertaintyLevel,
    typer.Option("--min-certainty", help="Leave out evidence less certain than this (levels strongest first)."),
]
IncludeCommentsOpt = Annotated[
    bool,
    typer.Option("--include-comments/--no-include-comments",
                 help="Count reader-comment evidence (it is kept and shown apart either way)."),
]  # fmt: skip
OutputOpt = Annotated[Path | None, typer.Option("--output", "-o", help="Write here instead of standard output.")]
CountryOpt = Annotated[
    str | None, typer.Option(help="Only ties with an actor of this country (ISO 3166-1 code: SY or SYR).")
]


def country(value: str | None, param: str = "--country") -> str | None:
    """An ISO 3166-1 alpha-3 code from an alpha-2 or alpha-3 code; anything else is a usage error."""
    if value is None:
        return None
    try:
        return fg.country_code(value)
    except fg.ScopeError as e:
        raise typer.BadParameter(str(e), param_hint=param) from None


@contextmanager
def output_stream(output: Path | None) -> Iterator[IO[str]]:
    """Standard output, or the file `output` (created; closed at the end)."""
    if output is None:
        yield sys.stdout
        return
    with open(output, "w", encoding="utf-8") as f:
        yield f


def console_for(sink: IO[str]) -> Console:
    """A Rich console writing tables to `sink` (160 columns unless it is a terminal or COLUMNS is set)."""
    tty = sink is sys.stdout and sys.stdout.isatty()
    return Console(file=sink, width=None if tty or "COLUMNS" in os.environ else 160)
