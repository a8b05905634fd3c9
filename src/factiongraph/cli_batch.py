"""`factiongraph batch INPUT OUTPUT`: JSONL/Parquet shards in, Parquet tables out (see `factiongraph.batch`)."""

from __future__ import annotations

import os
from enum import Enum
from pathlib import Path
from typing import Annotated

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
    TimeRemainingColumn,
)

from factiongraph.cli_common import ModelOpt, RegistryOpt
from factiongraph.parallel import PipelineSpec

err = Console(stderr=True, soft_wrap=True)


class Engine(str, Enum):
    local = "local"
    ray = "ray"


def batch(
    input: Annotated[str, typer.Argument(help="A .jsonl or .parquet file, a folder of them, or a glob (quote it).")],
    output: Annotated[Path, typer.Argument(help="Output folder: documents/, actors/, events/, relations/, places/.")],
    engine: Annotated[Engine, typer.Option(help="local (worker processes) or ray (a Ray actor pool).")] = Engine.local,
    workers: Annotated[
        int | None,
        typer.Option(min=1, help="Workers, each loading the pipeline once (default: local: CPUs; ray: cluster CPUs)."),
    ] = None,
    shard_size: Annotated[int, typer.Option(min=1, help="Documents per output shard (the unit of resuming).")] = 1000,
    model: ModelOpt = None,
    registry: RegistryOpt = None,
    max_bytes: Annotated[int, typer.Option(help="Documents larger than this many bytes are refused.")] = 5_000_000,
) -> None:
    """Extract JSONL/Parquet shards into Parquet tables DuckDB reads directly; finished shards are skipped."""
    from factiongraph.actors.registry import RegistryError
    from factiongraph.batch import BatchError, count_inputs, run_batch
    from factiongraph.nlp import ModelNotFound

    try:
        spec = PipelineSpec.checked(model=model, registry_files=registry or ())
        total = count_inputs(input)
    except (ModelNotFound, RegistryError, BatchError) as e:
        err.print(f"[red]error:[/red] {escape(str(e))}")
        raise typer.Exit(2) from None
    n = workers if workers is not None else (None if engine is Engine.ray else os.cpu_count() or 1)
    with Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
        console=err,
    ) as progress:
        task = progress.add_task(f"batch ({engine.value})", total=total)
        try:
            summary = run_batch(
                input, output, engine=engine.value, workers=n, shard_size=shard_size, spec=spec,
                max_bytes=max_bytes, progress=lambda k: progress.advance(task, k),
            )
        except BatchError as e:
            err.print(f"[red]error:[/red] {escape(str(e))}")
            raise typer.Exit(2) from None
    err.print(escape(
        f"{summary.documents} documents extracted in {summary.shards - summary.shards_skipped} shards "
        f"({summary.shards_skipped} already done, skipped): {summary.events} events, {summary.relations} relations"
        f" -> {output}"
    ), highlight=False)
    if summary.failed:
        err.print(escape(f"{summary.failed} document(s) could not be processed: see error_code in {output}/documents/"),
                  highlight=False)


def register(app: typer.Typer) -> None:
    """Adds the `batch` command to the `factiongraph` app."""
    app.command("batch")(batch)
