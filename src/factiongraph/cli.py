"""The `factiongraph` command line: each command parses its arguments and calls the library."""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
from enum import Enum
from pathlib import Path
from typing import IO, Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table
from rich.text import Text

from factiongraph.actors.registry import Registry, RegistryError
from factiongraph.cli_common import (
    CONTEXT_SETTINGS,
    ActorKindChoice,
    ModelOpt,
    OutputOpt,
    RegistryOpt,
    console_for,
    country,
    group_callback,
    output_stream,
    root_callback,
    use_common_options,
)
from factiongraph.confidence import above, default_threshold
from factiongraph.contract import to_contract
from factiongraph.nlp import ModelNotFound
from factiongraph.parallel import PipelineSpec
from factiongraph.pipeline import DEFAULT_MAX_BYTES, Pipeline, extract_paths
from factiongraph.read.count import count_documents
from factiongraph.render import print_document

app = typer.Typer(
    help="factiongraph: who fought whom, who backs whom, where and when - from conflict reporting.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings=CONTEXT_SETTINGS,
    callback=root_callback,
    epilog="Settings: an option wins over its FACTIONGRAPH_* environment variable (FACTIONGRAPH_DB, "
    "FACTIONGRAPH_REGISTRY, FACTIONGRAPH_MODEL, FACTIONGRAPH_API_TOKEN), which wins over the config file "
    "(./factiongraph.toml, else ~/.config/factiongraph/config.toml: db, registry, model).",
)
actors_app = typer.Typer(help="Browse the actor registry (bundled plus your own YAML files).", no_args_is_help=True,
                         context_settings=CONTEXT_SETTINGS, callback=group_callback)
app.add_typer(actors_app, name="actors")
err = Console(stderr=True, soft_wrap=True)  # one message, one line, whatever the width


class Format(str, Enum):
    table = "table"
    jsonl = "jsonl"
    json = "json"


class StdinFormat(str, Enum):
    auto = "auto"
    txt = "txt"
    html = "html"
    jsonl = "jsonl"


class ListFormat(str, Enum):
    table = "table"
    jsonl = "jsonl"


def _date(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"'{value}' is not a date (YYYY-MM-DD)") from None


@app.command()
def extract(
    paths: Annotated[list[str], typer.Argument(help="Files (.txt, .html, .htm, .jsonl), folders, or - for stdin.")],
    fmt: Annotated[
        Format | None, typer.Option("--format", "-f", help="table (default on a terminal), jsonl or json.")
    ] = None,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write to this file instead of stdout.")] = None,
    published: Annotated[
        str | None,
        typer.Option(help="Publication date (YYYY-MM-DD) for inputs that lack one; relative dates resolve against it."),
    ] = None,
    model: ModelOpt = None,
    registry: RegistryOpt = None,
    max_bytes: Annotated[
        int, typer.Option(help="Documents larger than this many bytes are refused.")
    ] = DEFAULT_MAX_BYTES,
    workers: Annotated[
        int, typer.Option(min=1, help="Worker processes, each loading the pipeline once; output stays in input order.")
    ] = 1,
    min_confidence: Annotated[
        float | None,
        typer.Option(
            min=0.0, max=1.0,
            help="Leave out relations whose calibrated confidence is below this (default: the model's threshold, "
            "chosen for precision on annotated real reports; 0 shows every candidate).",
        ),
    ] = None,
    stdin_format: Annotated[
        StdinFormat, typer.Option(help="What - (standard input) holds: auto (sniffed), txt, html or jsonl.")
    ] = StdinFormat.auto,
) -> None:
    """Extract sections, actors, events, relations and places from documents (output contract v1)."""
    pub = _date(published)
    threshold = default_threshold() if min_confidence is None else min_confidence
    out_is_tty = output is None and sys.stdout.isatty()
    chosen = fmt or (Format.table if out_is_tty else Format.jsonl)
    try:
        pipe = (
            Pipeline.load(model=model, registry_files=registry or ())
            if workers == 1
            else PipelineSpec.checked(model=model, registry_files=registry or ())
        )
    except (ModelNotFound, RegistryError) as e:
        err.print(f"[red]error:[/red] {escape(str(e))}")
        raise typer.Exit(2) from None
    sink: IO[str] = open(output, "w", encoding="utf-8") if output else sys.stdout  # noqa: SIM115
    width = None if out_is_tty or "COLUMNS" in os.environ else 160
    console = Console(file=sink, force_terminal=out_is_tty, width=width)
    total = count_documents(paths)
    failed = 0
    first = True
    try:
        if chosen is Format.json:
            sink.write("[")
        with Progress(
            SpinnerColumn(),
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=err,
            transient=True,
            disable=total is not None and total < 2,
        ) as progress:
            task = progress.add_task("extracting", total=total)
            for doc in extract_paths(paths, pipe, published=pub, max_bytes=max_bytes, workers=workers,
                                     stdin_format=stdin_format.value):
                doc = above(doc, threshold)
                if doc.error is not None:
                    failed += 1
                    err.print(f"[red]error[/red] {escape(f'{doc.id}: {doc.error.code}: {doc.error.message}')}",
                              highlight=False)
                for w in doc.warnings:
                    err.print(f"[yellow]warning[/yellow] {escape(f'{doc.id}: {w}')}", highlight=False)
                if chosen is Format.table:
                    print_document(console, doc)
                elif chosen is Format.jsonl:
                    sink.write(json.dumps(to_contract(doc), ensure_ascii=False) + "\n")
                else:
                    sink.write(("" if first else ",\n") + json.dumps(to_contract(doc), ensure_ascii=False))
                first = False
                progress.advance(task)
        if chosen is Format.json:
            sink.write("]\n")
    finally:
        if output:
            sink.close()
    if failed:
        err.print(f"{failed} document(s) could not be processed (see the error lines).")
        raise typer.Exit(1)


@app.command()
def schema(output: OutputOpt = None) -> None:
    """Print the JSON Schema (draft 2020-12) of the output contract that `extract` writes."""
    from factiongraph.contract import schema_text

    with output_stream(output) as sink:
        sink.write(schema_text())


def _registry(files: list[Path] | None) -> Registry:
    try:
        return Registry.load(files or ())
    except RegistryError as e:
        err.print(f"[red]error:[/red] {escape(str(e))}")
        raise typer.Exit(2) from None


def _print_actors(entries: list, fmt: ListFormat, output: Path | None) -> None:
    with output_stream(output) as sink:
        if fmt is ListFormat.jsonl:
            for a in entries:
                sink.write(json.dumps(a.to_dict(), ensure_ascii=False) + "\n")
            return
        t = Table()
        for col in ("id", "name", "kind", "inter", "country", "aliases"):
            t.add_column(col, overflow="fold")
        for a in entries:
            t.add_row(*(Text(cell) for cell in (  # registry files are user input: never markup
                a.id,
                a.name,
                a.kind,
                str(a.acled_inter or "-"),
                a.country or "-",
                ", ".join(x.name for x in a.aliases[:6]) + (" ..." if len(a.aliases) > 6 else ""),
            )))
        console_for(sink).print(t)


FormatOpt = Annotated[ListFormat, typer.Option("--format", "-f", help="table or jsonl.")]


@actors_app.command("list")
def actors_list(
    registry: RegistryOpt = None,
    fmt: FormatOpt = ListFormat.table,
    country_code: Annotated[
        str | None, typer.Option("--country", help="Only actors of this country (ISO 3166-1 code: SY or SYR).")
    ] = None,
    kind: Annotated[ActorKindChoice | None, typer.Option(help="Only actors of this kind.")] = None,
    output: OutputOpt = None,
) -> None:
    """List registry actors, by country and kind."""
    iso3 = country(country_code)
    reg = _registry(registry)
    entries = [a for a in reg if (iso3 is None or a.country == iso3) and (kind is None or a.kind == kind.value)]
    _print_actors(sorted(entries, key=lambda a: a.id), fmt, output)


@actors_app.command("search")
def actors_search(
    query: Annotated[str, typer.Argument(help="An id, name or alias, or part of one.")],
    registry: RegistryOpt = None,
    fmt: FormatOpt = ListFormat.table,
    limit: Annotated[int, typer.Option(min=1, help="At most this many actors.")] = 20,
    output: OutputOpt = None,
) -> None:
    """Find actors by id, name or alias (case- and accent-insensitive)."""
    _print_actors(_registry(registry).search(query, limit=limit), fmt, output)


@actors_app.command("show")
def actors_show(
    actor_id: Annotated[str, typer.Argument(help="A registry id (see `actors search`).")],
    registry: RegistryOpt = None,
    output: OutputOpt = None,
) -> None:
    """Show one actor with its aliases, dates, ties and lineage (JSON)."""
    reg = _registry(registry)
    a = reg.get(actor_id)
    if a is None:
        hits = reg.search(actor_id, limit=5)
        hint = (f" (did you mean: {', '.join(h.id for h in hits)})" if hits
                else f" (try `factiongraph actors search {actor_id}`)")
        err.print(f"[red]error:[/red] {escape(f'no actor {actor_id!r}{hint}')}")
        raise typer.Exit(1)
    d = a.to_dict()
    d["lineage"] = [x.id for x in reg.lineage(a.id)]
    with output_stream(output) as sink:
        sink.write(json.dumps(d, ensure_ascii=False, indent=2) + "\n")


from factiongraph.cli_batch import register  # noqa: E402 - the batch command

register(app)


from factiongraph.cli_store import register as _register_store_commands  # noqa: E402

_register_store_commands(app)

from factiongraph.cli_web import register as _register_web  # noqa: E402 - the serve command

_register_web(app)
use_common_options(app, actors_app)  # --version and -h on every command

from factiongraph.cli_correct import register as _register_correct  # noqa: E402 - correct, contradictions

_register_correct(app)


def main() -> None:  # pragma: no cover - console entry point
    app()
