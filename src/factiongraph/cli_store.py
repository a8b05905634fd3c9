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
from factiongraph.cli_common import (
    DEFAULT_CERTAINTY,
    CountryOpt,
    DbOpt,
    IncludeCommentsOpt,
    MinCertaintyOpt,
    ModelOpt,
    RegistryOpt,
)
from factiongraph.store.core import DEFAULT_DB, Store, StoreError, is_postgres, redact

err = Console(stderr=True, soft_wrap=True)



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
    try:
        return fg.actor_id(store.actors(), actor)
    except ValueError as e:
        err.print(f"[red]error:[/red] {escape(str(e))}")
        raise typer.Exit(2) from None


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
    model: ModelOpt = None,
    registry: RegistryOpt = None,
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
        f"  factiongraph changes{db_opt}               alliances formed or broken, members joining or leaving\n"
        f"  factiongraph timeline ACTOR{db_opt}        one actor's events and ties over time\n"
        f"  factiongraph serve{db_opt}                 the map, graph and evidence in the browser",
        highlight=False,
    )
    if summary.failed:
        raise typer.Exit(1)


# -- graph ---------------------------------------------------------------------------------------

ActorOpt = Annotated[str | None, typer.Option(help="Only ties of this actor (id or name).")]
LimitOpt = Annotated[
    int | None, typer.Option(help="Show at most N, read as one page from the store (default: all).", min=1)
]
OffsetOpt = Annotated[int, typer.Option(help="With --limit: skip the first N (the next page).", min=0)]


def page_note(shown: int, offset: int, total: int) -> str:
    return f"{offset + 1}-{offset + shown} of {total} shown (--limit, --offset)" if shown else f"none of {total} shown"
ConflictOpt = Annotated[
    str | None, typer.Option(help="Only ties of this conflict (from the actor registry, e.g. syria, yemen).")
]
ConfidenceOpt = Annotated[
    float,
    typer.Option(
        min=0.0, max=1.0,
        help="Leave out relations whose calibrated confidence is below this (default: the confidence model's "
        "threshold, as in extract; 0 uses every relation).",
    ),
]


def _scope(store: Store, actor: str | None, country: str | None, conflict: str | None) -> fg.Scope:
    who = _actor_id(store, actor) if actor else None
    try:
        return fg.make_scope(actor=who, country=country, conflict=conflict)
    except fg.ScopeError as e:
        err.print(f"[red]error:[/red] {escape(str(e))}")
        raise typer.Exit(2) from None


def _scope_title(store: Store, scope: fg.Scope) -> str:
    parts = []
    if scope.actor:
        parts.append(str(store.actors().get(scope.actor, {}).get("name", scope.actor)))
    if scope.country:
        parts.append(scope.country)
    if scope.conflict:
        parts.append(f"conflict {scope.conflict}")
    return (" - " + ", ".join(parts)) if parts else ""


def graph(
    db: DbOpt = DEFAULT_DB,
    at: Annotated[str | None, typer.Option(help="Graph at this date (default: the latest evidence in scope).")] = None,
    actor: ActorOpt = None,
    country: CountryOpt = None,
    conflict: ConflictOpt = None,
    window: Annotated[int | None, typer.Option(help="Only evidence of the last DAYS days before --at.")] = None,
    min_certainty: MinCertaintyOpt = DEFAULT_CERTAINTY,
    min_confidence: ConfidenceOpt = fg.MIN_CONFIDENCE,
    include_comments: IncludeCommentsOpt = fg.DEFAULT_INCLUDE_COMMENTS,
    include_ended: Annotated[bool, typer.Option(help="Also show ties that ended on or before --at.")] = False,
    stale_after: Annotated[
        int, typer.Option(help="Mark a tie stale after this many days without a report.", min=1)
    ] = fg.DEFAULT_STALE_DAYS,
    fmt: Annotated[GraphFormat, typer.Option("--format", "-f", help="table, json, svg or png.")] = GraphFormat.table,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write here (required for png).")] = None,
    limit: LimitOpt = None,
    offset: OffsetOpt = 0,
) -> None:
    """The signed graph at a date: the ties in force (allies, enemies, patrons, parents) with their evidence.

    A tie holds from its first report until a report ends it; strength is the evidence-weighted
    number of reports (it does not decay). Undated reports are counted apart, not placed in time.
    """
    day = _date(at, "--at")
    with _open(db) as store:
        scope = _scope(store, actor, country, conflict)
        view = fg.graph_at(
            store, at=day, window_days=window, min_certainty=min_certainty.value, min_confidence=min_confidence,
            include_comments=include_comments, include_ended=include_ended, scope=scope, stale_days=stale_after,
            limit=limit, offset=offset,
        )  # fmt: skip
        names = {k: v["name"] for k, v in store.actors().items()}
        scope_title = _scope_title(store, scope)
        title = f"factiongraph at {view.at.isoformat() if view.at else '(no dated evidence)'}{scope_title}"
    es = view.edges
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
        data = view.to_dict() | ({"total_edges": view.total, "offset": offset} if limit is not None else {})
        _write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", output)
        return
    console, sink = _console(output)
    at_text = view.at.isoformat() if view.at else "-"
    try:
        groups = (("Allies and backers", 1), ("Enemies", -1), ("Ended ties", 0))
        for label, sign in groups:
            rows = [e for e in es if e.sign == sign]
            if not rows:
                continue
            t = Table(title=f"{label} at {at_text}{scope_title}", title_justify="left")
            for col in ("relation", "source", "target", "strength", "reports (article/comment)", "certainty",
                        "first - last seen", "latest evidence"):  # fmt: skip
                t.add_column(col, overflow="fold")
            for e in rows:
                latest = e.evidence[-1] if e.status == "former" else e.latest
                t.add_row(
                    e.label, names.get(e.source, e.source), names.get(e.target, e.target),
                    f"{e.strength:.2f}" + (f" (+{e.comment_strength:.2f} comments)"
                                           if e.comment_strength and not include_comments else ""),
                    f"{e.documents} ({e.source_kind_mix.get('article', 0)}/{e.source_kind_mix.get('comment', 0)})",
                    ", ".join(f"{k} {v}" for k, v in sorted(e.certainty_mix.items(),
                                                              key=lambda kv: fg.certainty_rank(kv[0]))),
                    f"{e.first_seen} - {e.last_seen}" + (" (stale)" if e.stale else ""),
                    f"{latest.doc_id}: {_short(latest.text)}",
                )  # fmt: skip
            console.print(t)
        if not es:
            console.print("no edges (check --at, --window, --min-certainty and the scope options)")
        if limit is not None:
            console.print("edges " + page_note(len(es), offset, int(view.total or 0)))
        if view.comment_only > 0:
            hidden = view.comment_only
            console.print(f"{hidden} edge(s) seen only in reader comments are not shown (--include-comments).")
        if view.undated:
            console.print(f"{view.undated} statement(s) from undated reports are kept but not placed in time.")
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
    since: Annotated[
        str | None, typer.Option(help="Changes on or after this date (default: all, undated last).")
    ] = None,
    db: DbOpt = DEFAULT_DB,
    actor: ActorOpt = None,
    country: CountryOpt = None,
    conflict: ConflictOpt = None,
    min_certainty: MinCertaintyOpt = DEFAULT_CERTAINTY,
    min_confidence: ConfidenceOpt = fg.MIN_CONFIDENCE,
    include_comments: IncludeCommentsOpt = fg.DEFAULT_INCLUDE_COMMENTS,
    first_reported: Annotated[bool, typer.Option(help="Also list each tie's first report (not a change).")] = False,
    fmt: Annotated[ListFormat, typer.Option("--format", "-f", help="table or json.")] = ListFormat.table,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write here instead of stdout.")] = None,
    limit: LimitOpt = None,
    offset: OffsetOpt = 0,
) -> None:
    """Alliances formed or broken, members joining or leaving, allies turning hostile - each with its evidence.

    Changes the reports state, plus transitions seen across reports (a tie reported current, later
    ended). A tie's first report is no change ("first reported", with --first-reported).
    """
    day = _date(since, "--since")
    with _open(db) as store:
        scope = _scope(store, actor, country, conflict)
        kw: dict[str, Any] = {"since": day, "min_certainty": min_certainty.value, "include_comments": include_comments,
                              "first_reported": first_reported, "scope": scope}  # fmt: skip
        if limit is None:
            found, total = fg.changes_from_store(store, min_confidence, **kw), 0
        else:
            found, total = fg.changes_page(store, min_confidence, limit=limit, offset=offset, **kw)
        names = {k: v["name"] for k, v in store.actors().items()}
        title = (f"Changes since {since}" if since else "Changes") + _scope_title(store, scope)
    if fmt is ListFormat.json:
        _write_text(json.dumps([c.to_dict() for c in found], ensure_ascii=False, indent=1) + "\n", output)
        return
    console, sink = _console(output)
    try:
        t = Table(title=title, title_justify="left")
        for col in ("date", "change", "between", "evidence", "certainty"):
            t.add_column(col, overflow="fold")
        for c in found:
            sep = " <-> " if c.evidence.type in fg.SYMMETRIC else " -> "
            note = c.note or ("stated" if c.origin == "statement" else "seen across reports")
            t.add_row(
                c.date.isoformat() if c.date else "undated", c.kind + (f"\n({note})" if note else ""),
                names.get(c.source, c.source) + sep + names.get(c.target, c.target),
                f"{c.evidence.doc_id}: {_short(c.evidence.text, 240)}"
                + (f"\nbefore: {c.previous.doc_id} ({c.previous.date or 'undated'})" if c.previous else ""),
                f"{c.evidence.certainty}\n{c.evidence.source_kind}",
            )  # fmt: skip
        console.print(t if found else "no changes")
        if limit is not None:
            console.print("changes " + page_note(len(found), offset, total))
    finally:
        if sink:
            sink.close()


def timeline(
    actor: Annotated[str, typer.Argument(help="Actor id or name.")],
    db: DbOpt = DEFAULT_DB,
    country: CountryOpt = None,
    conflict: ConflictOpt = None,
    min_certainty: MinCertaintyOpt = DEFAULT_CERTAINTY,
    min_confidence: ConfidenceOpt = fg.MIN_CONFIDENCE,
    include_comments: IncludeCommentsOpt = fg.DEFAULT_INCLUDE_COMMENTS,
    fmt: Annotated[ListFormat, typer.Option("--format", "-f", help="table or json.")] = ListFormat.table,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write here instead of stdout.")] = None,
    limit: LimitOpt = None,
    offset: OffsetOpt = 0,
) -> None:
    """An actor's events, first reports of its ties and their changes in date order (undated last)."""
    with _open(db) as store:
        scope = _scope(store, actor, country, conflict)
        who = scope.actor or actor
        kw: dict[str, Any] = {"include_comments": include_comments, "min_confidence": min_confidence,
                              "min_certainty": min_certainty.value, "scope": scope}  # fmt: skip
        if limit is None:
            items, total = fg.timeline(store, who, **kw), 0
        else:
            items, total = fg.timeline_page(store, who, limit=limit, offset=offset, **kw)
        name = store.actors().get(who, {}).get("name", who)
    if fmt is ListFormat.json:
        _write_text(json.dumps([i.to_dict() for i in items], ensure_ascii=False, indent=1) + "\n", output)
        return
    console, sink = _console(output)
    try:
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
        if limit is not None:
            console.print("items " + page_note(len(items), offset, total))
    finally:
        if sink:
            sink.close()


# -- export --------------------------------------------------------------------------------------


def export(
    fmt: Annotated[ExportFormat, typer.Option("--format", "-f", help="Export format.")],
    db: DbOpt = DEFAULT_DB,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="File (stdout if omitted); a folder for parquet.")
    ] = None,
    at: Annotated[
        str | None, typer.Option(help="graphml/gexf: the graph at this date (default: the latest evidence in scope).")
    ] = None,
    window: Annotated[
        int | None, typer.Option(help="graphml/gexf: only evidence of the last DAYS days before --at.")
    ] = None,
    actor: ActorOpt = None,
    country: CountryOpt = None,
    conflict: ConflictOpt = None,
    min_certainty: MinCertaintyOpt = DEFAULT_CERTAINTY,
    min_confidence: ConfidenceOpt = fg.MIN_CONFIDENCE,
    include_comments: IncludeCommentsOpt = fg.DEFAULT_INCLUDE_COMMENTS,
    inter_labels: Annotated[
        bool, typer.Option(help="acled-csv: inter1, inter2 and interaction as ACLED's labels, not codes.")
    ] = False,
    rejects: Annotated[
        Path | None,
        typer.Option(help="acled-csv: write the rows ACLED would not accept (with the reason) to this CSV file."),
    ] = None,
) -> None:
    """Export the store: ACLED CSV, PLOVER JSONL, GraphML, GEXF (with time spells), GeoJSON or Parquet.

    The graph options (--at, --window, --actor, --country, --conflict, --min-certainty,
    --include-comments) apply to GraphML and GEXF, with the same defaults as `graph`. ACLED rows
    that lack what ACLED requires (a date, a country and place, an actor1) are not written: their
    count and reasons go to stderr, the rows to --rejects.
    """
    from factiongraph.export import ExportOptions, GraphOptions, write_parquet, write_rejects
    from factiongraph.export import export as do_export
    from factiongraph.extras import MissingExtra, absent

    day = _date(at, "--at")
    if fmt is not ExportFormat.acled_csv and (inter_labels or rejects is not None):
        raise typer.BadParameter("only the acled-csv export takes it", param_hint="--inter-labels/--rejects")
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
        graph_opts = GraphOptions(at=day, window_days=window, scope=_scope(store, actor, country, conflict),
                                  min_certainty=min_certainty.value, min_confidence=min_confidence,
                                  include_comments=include_comments)  # fmt: skip
        if fmt in (ExportFormat.graphml, ExportFormat.gexf) and absent("networkx"):  # before a file is opened
            err.print(f"[red]error:[/red] {escape(str(MissingExtra(f'{fmt.value} export', 'graph', ['networkx'])))}")
            raise typer.Exit(2)
        sink = sys.stdout if output is None else open(output, "w", encoding="utf-8", newline="")  # noqa: SIM115
        try:
            result = do_export(store, fmt.value, sink, ExportOptions(graph=graph_opts, inter_labels=inter_labels))
        finally:
            if output is not None:
                sink.close()
    err.print(f"{fmt.value}: {result.records} records" + (f" written to {output}" if output else ""), highlight=False)
    for reason, n in sorted(result.skipped.items()):
        err.print(f"  left out {n} events: {reason}", highlight=False)
    if result.rejects:
        by_reason: dict[str, int] = {}
        for r in result.rejects:
            by_reason[r.reason] = by_reason.get(r.reason, 0) + 1
        err.print(f"[yellow]rejected {len(result.rejects)} rows ACLED would not accept:[/yellow] "
                  + ", ".join(f"{k} {v}" for k, v in sorted(by_reason.items()))
                  + ("" if rejects else " (see them with --rejects FILE)"), highlight=False)  # fmt: skip
    if rejects is not None:
        with open(rejects, "w", encoding="utf-8", newline="") as f:
            write_rejects(result.rejects, f)
        err.print(f"wrote {len(result.rejects)} rejected rows to {rejects}", highlight=False)


def register(app: Any) -> None:
    """Adds the store commands to the main Typer app."""
    app.command()(ingest)
    app.command()(graph)
    app.command()(changes)
    app.command()(timeline)
    app.command()(export)
