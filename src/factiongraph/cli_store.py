"""Store commands of the `factiongraph` CLI: ingest, graph, changes, timeline, export.

Each command opens the store, calls one library function (`factiongraph.store`,
`factiongraph.graph`, `factiongraph.export`) and formats the result. `register(app)` adds them.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
from enum import Enum
from pathlib import Path
from typing import IO, Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from factiongraph import graph as fg
from factiongraph.document import CERTAINTIES
from factiongraph.store.core import DEFAULT_DB, Store, StoreError, is_postgres, redact

err = Console(stderr=True, soft_wrap=True)

DbOpt = Annotated[
    str, typer.Option("--db", help="DuckDB file or postgresql:// URL.", envvar="FACTIONGRAPH_DB")
]
CERTAINTY_HELP = "Leave out evidence less certain than this: " + " > ".join(CERTAINTIES) + "."


class GraphFormat(str, Enum):
    table = "table"
    json = "json"
    svg = "svg"
    png = "png"


class ListFormat(str, Enum):
    table = "table"
    json = "json"


class ExportFormat(str, Enum):
    acled_csv = "acled-csv"
    plover_jsonl = "plover-jsonl"
    graphml = "graphml"
    gexf = "gexf"
    geojson = "geojson"
    parquet = "parquet"


def _date(value: str | None, name: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"'{value}' is not a date (YYYY-MM-DD)", param_hint=name) from None


def _certainty(value: str | None) -> str | None:
    if value is not None and value not in CERTAINTIES:
        raise typer.BadParameter(f"'{value}' is not one of {', '.join(CERTAINTIES)}", param_hint="--min-certainty")
    return value


def _open(db: str, *, write: bool = False) -> Store:
    """The store for a command: read-only for readers; for `ingest`, opened per transaction
    (`hold=False`) so that readers can open a DuckDB file between its commits."""
    if not write and not is_postgres(db) and db != ":memory:" and not Path(db).exists():
        hint = f"run `factiongraph ingest PATH... --db {db}` first"
        err.print(f"[red]error:[/red] {escape(f'no store at {db} ({hint})')}")
        raise typer.Exit(2)
    try:
        return Store.open(db, read_only=not write, hold=not write)
    except StoreError as e:
        err.print(f"[red]error:[/red] {escape(str(e))}")
        raise typer.Exit(2) from None


def _console(output: Path | None) -> tuple[Console, IO[str] | None]:
    if output is None:
        return Console(width=None if sys.stdout.isatty() or "COLUMNS" in os.environ else 160), None
    sink = open(output, "w", encoding="utf-8")  # noqa: SIM115 - closed by the caller
    return Console(file=sink, width=160), sink


def _actor_id(store: Store, actor: str) -> str:
    """An actor id of the store from an id or a name (case-insensitive)."""
    actors = store.actors()
    if actor in actors:
        return actor
    low = actor.lower()
    hits = [a for a in actors.values() if a["name"].lower() == low] or [
        a for a in actors.values() if low in a["name"].lower() or low in a["id"]
    ]
    if len(hits) == 1:
        return str(hits[0]["id"])
    hint = f" (did you mean: {', '.join(sorted(h['id'] for h in hits)[:8])})" if hits else ""
    err.print(f"[red]error:[/red] {escape(f'no actor {actor!r} in the store{hint}')}")
    raise typer.Exit(1)


def _short(text: str, n: int = 160) -> str:
    t = " ".join(text.split())
    return t if len(t) <= n else t[: n - 3] + "..."


# -- ingest --------------------------------------------------------------------------------------


def ingest(
    paths: Annotated[list[str], typer.Argument(
        help="Files (.txt, .html, .htm, .jsonl), folders, or - for stdin; a `batch` output folder"
             " (or a Parquet export) is loaded in bulk, without extraction.")],
    db: DbOpt = DEFAULT_DB,
    published: Annotated[str | None, typer.Option(help="Publication date (YYYY-MM-DD) for undated inputs.")] = None,
    model: Annotated[str | None, typer.Option(help="spaCy model: sm (default), md, lg, trf, package, path.")] = None,
    registry: Annotated[list[Path] | None, typer.Option(help="Extra actor registry YAML file (repeatable).")] = None,
    max_bytes: Annotated[int | None, typer.Option(help="Documents larger than this many bytes are refused.")] = None,
    batch_size: Annotated[int, typer.Option(help="Documents per transaction.", min=1)] = 50,
    workers: Annotated[int, typer.Option(help="Extract in this many processes (one writer).", min=1)] = 1,
) -> None:
    """Extract documents and store them (idempotent by document identity: its URL, else its content;
    rerun after a crash to resume). Readers (graph, export, serve...) can run meanwhile."""
    from factiongraph.actors.registry import RegistryError
    from factiongraph.nlp import ModelNotFound
    from factiongraph.parallel import PipelineSpec
    from factiongraph.pipeline import DEFAULT_MAX_BYTES
    from factiongraph.read.count import count_documents
    from factiongraph.store.ingest import ingest_paths
    from factiongraph.store.load import is_table_folder

    pub = _date(published, "--published")
    texts = [p for p in paths if p == "-" or not is_table_folder(p)]
    try:  # the model is checked here, loaded only where there is text to extract
        spec = PipelineSpec.checked(model=model, registry_files=registry or ()) if texts else PipelineSpec()
    except (ModelNotFound, RegistryError) as e:
        err.print(f"[red]error:[/red] {escape(str(e))}")
        raise typer.Exit(2) from None
    store = _open(db, write=True)
    total = count_documents(texts) if texts else 0
    log_commits = not err.is_terminal
    with store, Progress(
        SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        console=err, transient=True, disable=total is not None and total < 2,
    ) as progress:  # fmt: skip
        task = progress.add_task("ingesting", total=total)

        def on_document(doc_id: str, outcome: str) -> None:
            progress.advance(task)

        def on_commit(written: int, stored: int) -> None:
            if log_commits:
                err.print(f"committed {written} document(s); {stored} in the store", highlight=False)

        try:
            summary = ingest_paths(
                store, paths, spec, published=pub, max_bytes=max_bytes or DEFAULT_MAX_BYTES, batch_size=batch_size,
                workers=workers, on_document=on_document, on_commit=on_commit,
            )  # fmt: skip
        except StoreError as e:
            err.print(f"[red]error:[/red] {escape(str(e))}")
            raise typer.Exit(2) from None
        counts = store.counts()
    for doc_id, code, message in summary.failures:
        err.print(f"[red]error[/red] {escape(f'{doc_id}: {code}: {message}')}", highlight=False)
    if summary.units:
        err.print(f"loaded {summary.loaded} document(s) from {summary.units} Parquet shard(s)", highlight=False)
    err.print(
        f"ingested {summary.ingested}, skipped {summary.skipped} (already stored), failed {summary.failed}"
        f" in {summary.seconds:.1f} s ({summary.docs_per_second:.1f} docs/s);"
        f" {redact(db)}: {counts['documents']} documents,"
        f" {counts['events']} events ({counts['merged_events']} merged), {counts['relations']} relations",
        highlight=False,
    )
    db_opt = "" if str(db) == DEFAULT_DB else f" --db {redact(db)}"
    err.print(
        "where to look next:\n"
        f"  factiongraph graph{db_opt}                 who is allied with or fighting whom, with evidence\n"
        f"  factiongraph changes --since 2010-01-01{db_opt}   alliances formed or broken, defections\n"
        f"  factiongraph timeline ACTOR{db_opt}        one actor's events and ties over time\n"
        f"  factiongraph serve{db_opt}                 the map, graph and evidence in the browser",
        highlight=False,
    )
    if summary.failed:
        raise typer.Exit(1)


# -- graph ---------------------------------------------------------------------------------------


def graph(
    db: DbOpt = DEFAULT_DB,
    at: Annotated[str | None, typer.Option(help="Graph at this date (default: the latest evidence).")] = None,
    actor: Annotated[str | None, typer.Option(help="Only edges of this actor (id or name).")] = None,
    window: Annotated[int | None, typer.Option(help="Only evidence of the last DAYS days before --at.")] = None,
    min_certainty: Annotated[str | None, typer.Option(help=CERTAINTY_HELP)] = "hypothetical",
    min_confidence: Annotated[float, typer.Option(
        help="Leave out relations below this confidence (cue-word and weak mention-level rows).")] = fg.MIN_CONFIDENCE,
    include_comments: Annotated[bool, typer.Option(help="Count reader-comment evidence in the strength.")] = False,
    half_life: Annotated[float, typer.Option(help="Half-life of evidence, in days.")] = fg.DEFAULT_HALF_LIFE_DAYS,
    fmt: Annotated[GraphFormat, typer.Option("--format", "-f", help="table, json, svg or png.")] = GraphFormat.table,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write here (required for png).")] = None,
) -> None:
    """The signed graph at a date: allies, enemies, patrons, parents - with strength and evidence counts."""
    day = _date(at, "--at")
    with _open(db) as store:
        who = _actor_id(store, actor) if actor else None
        evidence = fg.load_evidence(store, min_confidence)
        es = fg.edges(evidence, at=day, window_days=window, min_certainty=_certainty(min_certainty),
                      include_comments=include_comments, actor=who, half_life_days=half_life)  # fmt: skip
        names = {k: v["name"] for k, v in store.actors().items()}
    at_day = day or max((e.date for e in evidence), default=dt.date.today())
    hidden = 0
    if not include_comments:
        only_comments = fg.edges(evidence, at=day, window_days=window, min_certainty=_certainty(min_certainty),
                                 include_comments=True, actor=who, half_life_days=half_life)  # fmt: skip
        hidden = len(only_comments) - len(es)
    title = f"factiongraph at {at_day.isoformat()}" + (f" - {names.get(who, who)}" if who else "")
    if fmt is GraphFormat.png:
        from factiongraph.export.draw import DrawingUnavailable, png

        if output is None:
            raise typer.BadParameter("--format png needs --output FILE.png", param_hint="--output")
        try:
            png(es, output, names, title)
        except DrawingUnavailable as exc:
            err.print(f"[red]error:[/red] {escape(str(exc))}")
            raise typer.Exit(2) from None
        err.print(f"wrote {output} ({len(es)} edges)")
        return
    if fmt is GraphFormat.svg:
        from factiongraph.export.draw import svg

        _write_text(svg(es, names, title), output)
        return
    if fmt is GraphFormat.json:
        doc = {"at": at_day.isoformat(), "edges": [e.to_dict() for e in es], "comment_only_edges_hidden": hidden}
        _write_text(json.dumps(doc, ensure_ascii=False, indent=1) + "\n", output)
        return
    console, sink = _console(output)
    try:
        groups = (("Allies and backers", 1), ("Enemies", -1), ("Ended ties (former)", 0))
        for label, sign in groups:
            rows = [e for e in es if e.sign == sign]
            if not rows:
                continue
            t = Table(title=f"{label} at {at_day.isoformat()}", title_justify="left")
            for col in ("relation", "source", "target", "strength", "evidence (article/comment)", "certainty",
                        "first - last seen", "latest evidence"):  # fmt: skip
                t.add_column(col, overflow="fold")
            for e in rows:
                latest = max(e.evidence, key=lambda x: (x.date, x.source_kind == "article"))
                t.add_row(
                    e.label, names.get(e.source, e.source), names.get(e.target, e.target),
                    f"{e.strength:.2f}" + (f" (+{e.comment_strength:.2f} comments)"
                                           if e.comment_strength and not include_comments else ""),
                    f"{e.evidence_count} ({e.source_kind_mix.get('article', 0)}/{e.source_kind_mix.get('comment', 0)})",
                    ", ".join(f"{k} {v}" for k, v in sorted(e.certainty_mix.items(),
                                                              key=lambda kv: fg.certainty_rank(kv[0]))),
                    f"{e.first_seen} - {e.last_seen}",
                    f"{latest.doc_id}: {_short(latest.text)}",
                )  # fmt: skip
            console.print(t)
        if not es:
            console.print("no edges (check --at, --window, --min-certainty)")
        if hidden > 0:
            console.print(f"{hidden} edge(s) seen only in reader comments are not shown (--include-comments).")
    finally:
        if sink:
            sink.close()


def _write_text(text: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(text)
    else:
        output.write_text(text, encoding="utf-8")


# -- changes and timeline ------------------------------------------------------------------------


def changes(
    since: Annotated[str, typer.Option(help="Changes on or after this date (YYYY-MM-DD).")],
    db: DbOpt = DEFAULT_DB,
    actor: Annotated[str | None, typer.Option(help="Only changes of this actor (id or name).")] = None,
    min_certainty: Annotated[str | None, typer.Option(help=CERTAINTY_HELP)] = "hedged",
    min_confidence: Annotated[float, typer.Option(
        help="Leave out relations below this confidence (cue-word and weak mention-level rows).")] = fg.MIN_CONFIDENCE,
    include_comments: Annotated[bool, typer.Option(help="Use reader-comment evidence too.")] = False,
    fmt: Annotated[ListFormat, typer.Option("--format", "-f", help="table or json.")] = ListFormat.table,
) -> None:
    """Alliances formed or broken, defections and new hostilities since a date, each with its evidence."""
    day = _date(since, "--since")
    with _open(db) as store:
        who = _actor_id(store, actor) if actor else None
        found = fg.changes_from_store(
            store, min_confidence, since=day, actor=who, min_certainty=_certainty(min_certainty),
            include_comments=include_comments, same_lineage=fg.registry_lineage(),
        )  # fmt: skip
        names = {k: v["name"] for k, v in store.actors().items()}
    if fmt is ListFormat.json:
        sys.stdout.write(json.dumps([c.to_dict() for c in found], ensure_ascii=False, indent=1) + "\n")
        return
    console, _ = _console(None)
    t = Table(title=f"Changes since {since}", title_justify="left")
    for col in ("date", "change", "between", "evidence", "certainty"):
        t.add_column(col, overflow="fold")
    for c in found:
        sep = " <-> " if c.evidence.type in fg.SYMMETRIC else " -> "
        t.add_row(
            c.date.isoformat(), c.kind + (f"\n({c.note})" if c.note else ""),
            names.get(c.source, c.source) + sep + names.get(c.target, c.target),
            f"{c.evidence.doc_id}: {_short(c.evidence.text, 240)}",
            f"{c.evidence.certainty}\n{c.evidence.source_kind}",
        )  # fmt: skip
    console.print(t if found else "no changes")


def timeline(
    actor: Annotated[str, typer.Argument(help="Actor id or name.")],
    db: DbOpt = DEFAULT_DB,
    include_comments: Annotated[bool, typer.Option(help="Show events and changes seen only in comments.")] = True,
    fmt: Annotated[ListFormat, typer.Option("--format", "-f", help="table or json.")] = ListFormat.table,
) -> None:
    """An actor's events and relation changes in date order, with evidence."""
    with _open(db) as store:
        who = _actor_id(store, actor)
        items = fg.timeline(store, who, include_comments=include_comments, same_lineage=fg.registry_lineage())
        name = store.actors().get(who, {}).get("name", who)
    if fmt is ListFormat.json:
        sys.stdout.write(json.dumps([i.to_dict() for i in items], ensure_ascii=False, indent=1) + "\n")
        return
    console, _ = _console(None)
    t = Table(title=f"Timeline of {name} ({who})", title_justify="left")
    for col in ("date", "what", "evidence", "certainty"):
        t.add_column(col, overflow="fold")
    for i in items:
        t.add_row(
            i.date.isoformat() if i.date else "undated",
            i.summary + (f"\n{i.sources} reports" if i.sources > 1 else ""),
            f"{i.document}: {_short(i.evidence, 240)}", f"{i.certainty}\n{i.source_kind}",
        )  # fmt: skip
    console.print(t if items else f"nothing stored about {who}")


# -- export --------------------------------------------------------------------------------------


def export(
    fmt: Annotated[ExportFormat, typer.Option("--format", "-f", help="Export format.")],
    db: DbOpt = DEFAULT_DB,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="File (stdout if omitted); a folder for parquet.")
    ] = None,
) -> None:
    """Export the store: ACLED CSV, PLOVER JSONL, GraphML, GEXF, GeoJSON or Parquet (one file per table)."""
    from factiongraph.export import export as do_export
    from factiongraph.export import write_parquet

    with _open(db) as store:
        if fmt is ExportFormat.parquet:
            folder = output or Path("factiongraph-parquet")
            try:
                paths = write_parquet(store, folder)
            except StoreError as e:
                err.print(f"[red]error:[/red] {escape(str(e))}")
                raise typer.Exit(2) from None
            err.print(f"wrote {len(paths)} parquet files to {folder}")
            return
        if output is None:
            n = do_export(store, fmt.value, sys.stdout)
        else:
            with open(output, "w", encoding="utf-8", newline="") as sink:
                n = do_export(store, fmt.value, sink)
    err.print(f"{fmt.value}: {n} records" + (f" written to {output}" if output else ""))


def register(app: Any) -> None:
    """Adds the store commands to the main Typer app."""
    app.command()(ingest)
    app.command()(graph)
    app.command()(changes)
    app.command()(timeline)
    app.command()(export)
