"""The graph at corpus scale: stores of N relations built in SQL, then graph, changes, timeline and the web timed.

    .venv/bin/python bench/scale.py --relations 100000 [--relations 1000000 ...]
        [--backend duckdb] [--backend postgres --pg postgresql://...] [--keep DIR] [--timeout 600]

For each size and backend the store is generated inside the database (no extraction, no Python
loop over rows; `build`), its evidence table, per-tie tables and the web's summaries filled in a few
statements each (`store.evidence`, `store.ties`, `store.web_state`: what `ingest` keeps per document),
then every operation of `OPERATIONS` runs in a process of its own, so its peak memory (max RSS) is its
own, and a Markdown table is printed: wall seconds of the first call, peak RSS, and the issue's targets
for 10M relations on DuckDB.

The generated corpus (`setseed` first; DuckDB's parallel `random()` may still differ run to run):

- actors: relations / 200 (at least 500, at most 10,000); 10% are civilians (no graph edges);
- actor degrees follow a power law: each end of a relation or event is actor
  ``floor(20 * ((1 - u) ** (-1 / 1.1) - 1)) mod n`` for uniform u (a Pareto tail with exponent
  1.1): the busiest actor is in ~5% of relations and the ten busiest in ~36% at every size (as a
  state army or the Islamic State are in conflict reporting), most actors in a handful;
- documents: relations / 4, published on a uniform day of the 15 years 2010-2024 (10% undated),
  each with 4 relations, 2 events and the relations' 8 actor mentions;
- relations: hostility 55%, alliance 20%, support 15%, affiliation 10%; 10% "former"; certainty
  asserted 60%, reported 20%, hedged 10%, speculative/hypothetical/negated the rest; 15% from
  reader comments; confidence uniform in 0.30-0.95.

The operations call the library as the CLI and the web do (`graph.graph_at`, `graph.changes_from_store`,
`graph.timeline`, `web.app.create_app` through FastAPI's TestClient); `OPERATIONS` is the one place
to change when those functions change. `--pg URL` names a database the benchmark may take over: its
factiongraph tables are dropped and rebuilt. Do not point it at a store you keep.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

START = dt.date(2010, 1, 1)
DAYS = 5479  # 2010-01-01 .. 2024-12-31
REL_PER_DOC = 4
EVENTS_PER_DOC = 2
ALPHA = 1.1  # Pareto exponent of actor degrees
SCALE = 20  # Pareto scale: the busiest actor gets ~1.1 / SCALE of relation ends
SEED = 0.42
STORE_TABLES = ("actor_meta", "actor_timeline", "actor_counts", "actor_reports", "actor_partners", "actor_events",
                "actor_docs", "contra_meta", "contra_groups", "tie_meta", "tie_spells", "tie_changes", "tie_undated",
                "tie_irregular", "web_counts", "web_event_days", "web_actor_events", "corrections", "evidence",
                "places", "relations", "events", "mentions", "actors", "documents", "schema_version")
BUILD_MEMORY = "4GB"  # DuckDB's memory while generating (it spills beyond)
PAGE = 100  # edges, changes or timeline items a page shows (as the web and `--limit`)
# seconds, 10M relations on DuckDB (issue 15; contradictions: part of a web page, each ≤ 1 s)
TARGETS = {"graph": 2.0, "changes": 5.0, "timeline": 1.0, "contradictions": 1.0}


def sizes(relations: int) -> dict[str, int]:
    n_actors = min(10_000, max(500, relations // 200))
    return {"relations": relations, "documents": -(-relations // REL_PER_DOC), "actors": n_actors}


def _series(backend: str, n: int) -> str:
    return f"range({n}) AS t(i)" if backend == "duckdb" else f"generate_series(0, {n - 1}) AS t(i)"


def _pick(n: int) -> str:
    """SQL for a power-law distributed actor index in [0, n)."""
    return f"MOD(CAST(floor({SCALE} * (power(1 - random(), -1.0 / {ALPHA}) - 1)) AS BIGINT), {n})"


def _text(expr: str) -> str:
    return f"CAST({expr} AS TEXT)"


def generate_sql(backend: str, relations: int) -> list[str]:
    """The statements that fill an empty, migrated store with a corpus of `relations` relations."""
    z = sizes(relations)
    n, docs = z["actors"], z["documents"]
    doc_hash = "md5('doc' || " + _text("{d}") + ")"
    return [
        f"""INSERT INTO actors (id, name, kind, acled_inter, country, registry_id, known)
            SELECT 'actor-' || {_text('i')}, 'Actor ' || {_text('i')},
                   CASE WHEN MOD(i, 10) = 9 THEN 'civilians' WHEN MOD(i, 7) = 0 THEN 'state' ELSE 'rebel' END,
                   CASE WHEN MOD(i, 7) = 0 THEN 1 ELSE 2 END,
                   CASE MOD(i, 4) WHEN 0 THEN 'SYR' WHEN 1 THEN 'IRQ' WHEN 2 THEN 'YEM' ELSE 'LBY' END,
                   NULL, MOD(i, 3) = 0
            FROM {_series(backend, n)}""",
        f"""INSERT INTO documents (hash, id, title, url, published, language, text, sections, warnings, error_code,
                                   error_message, n_events, n_relations, ingested_at)
            SELECT {doc_hash.format(d='i')}, 'doc-' || {_text('i')}, 'Report ' || {_text('i')},
                   'https://example.org/r/' || {_text('i')},
                   CASE WHEN random() < 0.9 THEN DATE '2010-01-01' + CAST(floor(random() * {DAYS}) AS INTEGER) END,
                   'en', 'Synthetic report ' || {_text('i')} || '.', '[]', NULL, NULL, NULL,
                   {EVENTS_PER_DOC}, {REL_PER_DOC},
                   TIMESTAMP '2025-01-01 00:00:00' + CAST(i AS INTEGER) * INTERVAL '1 second'
            FROM {_series(backend, docs)}""",
        f"""INSERT INTO relations (doc_hash, idx, type, source, target, source_start, source_end, source_text,
                                   target_start, target_end, target_text, status, certainty, source_kind,
                                   evidence_start, evidence_end, evidence_text, derived_from, confidence)
            SELECT {doc_hash.format(d='d')}, k,
                   CASE WHEN r1 < 0.55 THEN 'hostility' WHEN r1 < 0.75 THEN 'alliance'
                        WHEN r1 < 0.90 THEN 'support' ELSE 'affiliation' END,
                   'actor-' || {_text('s')}, 'actor-' || {_text(f'CASE WHEN t = s THEN MOD(t + 1, {n}) ELSE t END')},
                   k * 100, k * 100 + 10, 'Source', k * 100 + 50, k * 100 + 60, 'Target',
                   CASE WHEN random() < 0.1 THEN 'former' ELSE 'current' END,
                   CASE WHEN r2 < 0.6 THEN 'asserted' WHEN r2 < 0.8 THEN 'reported' WHEN r2 < 0.9 THEN 'hedged'
                        WHEN r2 < 0.94 THEN 'speculative' WHEN r2 < 0.97 THEN 'hypothetical' ELSE 'negated' END,
                   CASE WHEN random() < 0.15 THEN 'comment' ELSE 'article' END,
                   k * 100, k * 100 + 90, 'Source and Target, a synthetic statement of their tie.',
                   CASE WHEN r1 < 0.55 AND k < {EVENTS_PER_DOC} THEN 'e' || {_text('k + 1')} END,
                   0.30 + 0.65 * random()
            FROM (SELECT CAST(floor(i / {REL_PER_DOC}.0) AS BIGINT) AS d, MOD(i, {REL_PER_DOC}) AS k,
                         random() AS r1, random() AS r2, {_pick(n)} AS s, {_pick(n)} AS t
                  FROM {_series(backend, relations)}) x""",
        f"""INSERT INTO events (doc_hash, event_id, plover, acled_event_type, acled_sub_event_type, actor1, actor2,
                                location_name, lat, lon, country, geo_precision, date_start, date_end,
                                date_precision, fatalities, certainty, source_kind, evidence_start, evidence_end,
                                evidence_text, confidence)
            SELECT {doc_hash.format(d='d')}, 'e' || {_text('k + 1')},
                   CASE WHEN r1 < 0.7 THEN 'ASSAULT' WHEN r1 < 0.85 THEN 'COERCE' ELSE 'PROTEST' END,
                   CASE WHEN r1 < 0.7 THEN 'Battles' WHEN r1 < 0.85 THEN 'Strategic developments' ELSE 'Protests' END,
                   CASE WHEN r1 < 0.7 THEN 'Armed clash' WHEN r1 < 0.85 THEN 'Arrests' ELSE 'Peaceful protest' END,
                   'actor-' || {_text('s')}, 'actor-' || {_text(f'CASE WHEN t = s THEN MOD(t + 1, {n}) ELSE t END')},
                   'Place ' || {_text('MOD(d, 500)')}, 33 + 4 * random(), 36 + 6 * random(), 'SY', 2,
                   day, day, 'day', CAST(floor(random() * 5) AS INTEGER),
                   CASE WHEN random() < 0.8 THEN 'asserted' ELSE 'reported' END,
                   CASE WHEN random() < 0.15 THEN 'comment' ELSE 'article' END,
                   0, 60, 'Synthetic event sentence.', 0.8
            FROM (SELECT CAST(floor(i / {EVENTS_PER_DOC}.0) AS BIGINT) AS d, MOD(i, {EVENTS_PER_DOC}) AS k,
                         random() AS r1, {_pick(n)} AS s, {_pick(n)} AS t,
                         DATE '2010-01-01' + CAST(floor(random() * {DAYS}) AS INTEGER) AS day
                  FROM {_series(backend, docs * EVENTS_PER_DOC)}) x""",
        """INSERT INTO mentions (doc_hash, actor_id, start_offset, end_offset, text, how)
            SELECT doc_hash, source, source_start, source_end, source_text, 'name' FROM relations
            UNION ALL SELECT doc_hash, target, target_start, target_end, target_text, 'name' FROM relations""",
    ]


def _fresh_postgres(url: str) -> None:
    """Creates the database if the server lacks it, and drops its factiongraph tables."""
    import psycopg
    from psycopg.conninfo import conninfo_to_dict, make_conninfo

    try:
        conn = psycopg.connect(url, autocommit=True)
    except psycopg.OperationalError as e:
        if "does not exist" not in str(e):
            raise
        name = conninfo_to_dict(url)["dbname"]
        with psycopg.connect(make_conninfo(url, dbname="postgres"), autocommit=True) as admin:
            admin.execute(f'CREATE DATABASE "{name}"')
        conn = psycopg.connect(url, autocommit=True)
    with conn:
        for t in STORE_TABLES:
            conn.execute(f"DROP TABLE IF EXISTS {t}")


def build(target: str, relations: int, *, reuse: bool = False, refill: bool = False) -> dict[str, Any]:
    """A fresh store at `target` with the generated corpus (with `reuse`, a DuckDB file built
    before is kept as it is; with `refill` too, its evidence, per-tie and per-actor tables, contradiction
    groups and web summaries are computed again); returns timings and the actors to look up."""
    from factiongraph.store import Store, actor_state, contra_state, ties, web_state
    from factiongraph.store.evidence import fill_sql

    backend = "postgres" if target.startswith("postgres") else "duckdb"
    kept = reuse and backend == "duckdb" and Path(target).exists()
    if backend == "postgres":
        _fresh_postgres(target)
    elif Path(target).exists() and not kept:
        Path(target).unlink()
    t0 = time.perf_counter()
    generated = built = evidence = 0.0
    with Store.open(target) as store:
        if backend == "duckdb":
            store.execute(f"SET memory_limit = '{BUILD_MEMORY}'")
            store.execute("SET preserve_insertion_order = false")  # less memory for INSERT ... SELECT
        if not kept:
            store.execute(f"SELECT setseed({SEED})")
            for stmt in generate_sql(backend, relations):
                with store.transaction():
                    store.execute(stmt)
            generated = time.perf_counter() - t0
        if not kept or refill:
            # the evidence table `ingest` keeps, filled a sixteenth of the documents at a time (its
            # per-statement and per-document counts partition by document, so the parts are exact)
            with store.transaction():
                store.execute("DELETE FROM evidence")
            for part in "0123456789abcdef":
                with store.transaction():
                    store.execute(fill_sql(backend, f"SELECT hash FROM documents WHERE SUBSTR(hash, 1, 1) = '{part}'"))
            if backend == "postgres":
                store.execute("ANALYZE")
            evidence = time.perf_counter() - t0
            # the per-tie state `ingest` keeps (and with it each pair's contradictions,
            # `store.contra_state`), from scratch (`ties.rebuild`), a tenth of the actor
            # pairs at a time (by the first digit of the lesser actor id), as an ingest touching them
            with store.transaction():
                ties.rebuild_tables(store)
            for digit in "0123456789":
                with store.transaction():
                    ties.mark_pairs(store, f"SUBSTR(LEAST(a, b), 1, 7) = 'actor-{digit}'")
                    ties.refresh(store)
            # the web's summaries `ingest` keeps (`web_state`), from scratch
            with store.transaction():
                web_state.rebuild(store)
            # the per-actor state `ingest` keeps (`actor_state`), a tenth of the actors at a time
            for digit in "0123456789":
                with store.transaction():
                    actor_state.rebuild_part(store, f"SUBSTR({{actor}}, 1, 7) = 'actor-{digit}'")
            with store.transaction():
                actor_state.rebuild_part(store, "SUBSTR({actor}, 1, 6) <> 'actor-'")
                actor_state.finish(store)
            if backend == "postgres":
                for table in (*ties.KEPT_TABLES, *actor_state.KEPT_TABLES, *contra_state.KEPT_TABLES,
                              *web_state.KEPT_TABLES):
                    store.execute(f"ANALYZE {table}")
            built = time.perf_counter() - t0
        counts = store.counts()
        degree = store.query(
            "SELECT a, COUNT(*) AS n FROM (SELECT source AS a FROM relations UNION ALL"
            " SELECT target AS a FROM relations) x GROUP BY a ORDER BY n DESC, a"
        )
    ends = sum(r["n"] for r in degree)
    return {
        "seconds": built, "generated": generated, "evidence": evidence, "kept": kept, "counts": counts,
        "top_actor": degree[0]["a"], "median_actor": degree[len(degree) // 2]["a"],
        "top_share": degree[0]["n"] / ends, "top10_share": sum(r["n"] for r in degree[:10]) / ends,
        "median_degree": degree[len(degree) // 2]["n"],
        "size_mb": (Path(target).stat().st_size / 2**20) if backend == "duckdb" else None,
    }  # fmt: skip


# -- operations: each runs in its own process (`--op NAME`) ------------------------------------------------

# every page of `factiongraph serve` and its JSON twin; {actor}: the busiest actor, {doc}: a document,
# {event}: one of its events, {relation}: a report of the tie with the most reports
WEB_URLS = ["/", "/api/overview", "/graph", "/api/graph", "/api/graph?date=2017-06-01", "/api/changes", "/map",
            "/api/map", "/actors", "/api/actors", "/actors/{actor}", "/api/actors/{actor}", "/documents/{doc}",
            "/api/documents/{doc}", "/events/{event}", "/api/events/{event}", "/relations/{relation}",
            "/api/relations/{relation}", "/contradictions", "/api/contradictions", "/corrections",
            "/api/corrections"]  # fmt: skip


def _graph(store: Any, a: argparse.Namespace) -> str:
    from factiongraph import graph as fg

    view = fg.graph_at(store, at=dt.date.fromisoformat(a.at), limit=PAGE)
    return f"{view.total:,} edges (a page of {len(view.edges)})"


def _changes(store: Any, a: argparse.Namespace) -> str:
    from factiongraph import graph as fg

    page, total = fg.changes_page(store, since=START, limit=PAGE)
    return f"{total:,} changes (a page of {len(page)})"


def _timeline(store: Any, a: argparse.Namespace) -> str:
    from factiongraph import graph as fg

    items, total = fg.timeline_page(store, a.actor, limit=PAGE)
    return f"{total:,} items (a page of {len(items)})"


def _contradictions(store: Any, a: argparse.Namespace) -> str:
    from factiongraph.graph import Scope
    from factiongraph.store.contradictions import contradictions

    return f"{len(contradictions(store, scope=Scope(actor=a.actor))):,} contradictions"


def _graph_contradictions(store: Any, a: argparse.Namespace) -> str:
    from factiongraph import graph as fg
    from factiongraph.store.contradictions import contradictions
    from factiongraph.web.queries import MAX_GRAPH_EDGES

    view = fg.graph_at(store, at=dt.date.fromisoformat(a.at), limit=MAX_GRAPH_EDGES)
    shown = sorted({(e.source, e.target) for e in view.edges})
    return f"{len(contradictions(store, pairs=shown)):,} contradictions of {len(shown)} pairs"


OPERATIONS: dict[str, tuple[str, Callable[[Any, argparse.Namespace], str]]] = {
    "graph": ("graph at a date, first page (graph.graph_at)", _graph),
    "changes": ("all changes since 2010, first page (graph.changes_page)", _changes),
    "timeline": ("timeline of the busiest actor, first page (graph.timeline_page)", _timeline),
    "timeline-median": ("timeline of a median actor, first page (graph.timeline_page)", _timeline),
    "contradictions": ("contradictions of the busiest actor, as its page reads them (store.contradictions)",
                       _contradictions),
    "contradictions-graph": ("graph at a date, its web page of edges and their contradictions",
                             _graph_contradictions),
}  # fmt: skip


def _peak_mb() -> float:
    """This process's peak RSS: `VmHWM` (the kernel keeps `ru_maxrss` across exec, so a child
    started by the builder would report the builder's peak), else `ru_maxrss`."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_op(a: argparse.Namespace) -> dict[str, Any]:
    """Runs one operation here; the caller runs this in a fresh process."""
    from factiongraph.store import Store

    if a.op == "web":
        from fastapi.testclient import TestClient

        from factiongraph.web.app import create_app

        base = _peak_mb()
        pages = []
        with TestClient(create_app(a.db), base_url="http://localhost") as c:  # a Host the app allows
            for url in a.pages.split(",") if a.pages else WEB_URLS:
                u = url.format(actor=a.actor, doc=a.doc, event=a.event, relation=a.relation)
                t = time.perf_counter()
                r = c.get(u)
                pages.append({"url": url, "seconds": time.perf_counter() - t, "status": r.status_code})
        return {"pages": pages, "peak_mb": _peak_mb(), "base_mb": base}
    base = _peak_mb()
    with Store.open(a.db, read_only=True) as store:
        t = time.perf_counter()
        what = OPERATIONS[a.op][1](store, a)
        seconds = time.perf_counter() - t
    return {"seconds": seconds, "result": what, "peak_mb": _peak_mb(), "base_mb": base}


def _spawn(db: str, op: str, info: dict[str, Any], timeout: float, pages: str | None = None) -> dict[str, Any]:
    actor = info["median_actor"] if op == "timeline-median" else info["top_actor"]
    cmd = [sys.executable, __file__, "--op", op, "--db", db, "--at", "2017-06-01", "--actor", actor,
           "--doc", info["doc"], "--event", info["event"], "--relation", info["relation"],
           *(["--pages", pages] if pages else [])]  # fmt: skip
    try:
        p = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return {"error": f"over {timeout:.0f} s"}
    if p.returncode != 0:
        return {"error": (p.stderr.strip().splitlines() or ["failed"])[-1][:200]}
    out: dict[str, Any] = json.loads(p.stdout.strip().splitlines()[-1])
    return out


def bench(
    target: str, label: str, relations: int, timeout: float, ops: list[str], reuse: bool = False, refill: bool = False,
    pages: str | None = None,
) -> list[str]:
    info = build(target, relations, reuse=reuse, refill=refill)
    from factiongraph.store import Store

    with Store.open(target, read_only=True) as s:
        info["doc"] = s.scalar("SELECT MIN(hash) FROM documents")
        event = s.query("SELECT doc_hash, event_id FROM events WHERE doc_hash = ?", (info["doc"],))
        info["event"] = f"{info['doc']}/{event[0]['event_id'] if event else 'e1'}"
        tie = s.query("SELECT type, a, b FROM tie_spells ORDER BY n_statements DESC, type, a, b LIMIT 1")
        row = s.query("SELECT doc_hash, idx FROM evidence WHERE type = ? AND a = ? AND b = ? LIMIT 1",
                      (tie[0]["type"], tie[0]["a"], tie[0]["b"])) if tie else []  # fmt: skip
        info["relation"] = f"{row[0]['doc_hash']}/{row[0]['idx']}" if row else f"{info['doc']}/0"
    c = info["counts"]
    how = "kept from an earlier run" if info["kept"] and not refill else (
        f"built in {info['seconds']:.1f} s (tables {info['generated']:.1f} s,"
        f" evidence table {info['evidence'] - info['generated']:.1f} s,"
        f" per-tie tables {info['seconds'] - info['evidence']:.1f} s)")  # fmt: skip
    size = f", {info['size_mb']:.0f} MB file" if info["size_mb"] is not None else ""
    lines = [
        f"\n**{label}, {relations:,} relations**: {c['documents']:,} documents, {c['events']:,} events,"
        f" {c['mentions']:,} mentions, {c['actors']:,} actors; {how}{size}."
        f" Busiest actor {info['top_share']:.1%} of relation ends (top 10: {info['top10_share']:.1%}),"
        f" median actor {info['median_degree']}.\n",
        "| operation | result | seconds | peak RSS (MB) | 10M DuckDB target |",
        "| --- | --- | ---: | ---: | --- |",
    ]  # fmt: skip
    for op in ops:
        if op == "web":
            r = _spawn(target, op, info, timeout, pages)
            if "error" in r:
                lines.append(f"| web pages | {r['error']} | | | each ≤ 1 s |")
                continue
            for p in r["pages"]:
                lines.append(f"| web `{p['url']}` | HTTP {p['status']} | {p['seconds']:.2f} | {r['peak_mb']:.0f} |"
                             " ≤ 1 s |")  # fmt: skip
            continue
        r = _spawn(target, op, info, timeout)
        target_s = TARGETS.get(op.split("-")[0])
        goal = f"≤ {target_s:g} s, ≤ 1 GB" if target_s else ""
        if "error" in r:
            lines.append(f"| {OPERATIONS[op][0]} | {r['error']} | | | {goal} |")
        else:
            lines.append(f"| {OPERATIONS[op][0]} | {r['result']} | {r['seconds']:.2f} | {r['peak_mb']:.0f} | {goal} |")
    return lines


def main() -> None:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    ap.add_argument("--relations", type=int, action="append", help="Store size (repeatable; default 100000).")
    ap.add_argument("--backend", action="append", choices=["duckdb", "postgres"], help="Default: duckdb.")
    ap.add_argument("--pg", help="PostgreSQL database the benchmark may take over (its factiongraph tables).")
    ap.add_argument("--keep", type=Path, help="Build the DuckDB stores in this folder and keep them.")
    ap.add_argument("--reuse", action="store_true", help="With --keep: time a store kept there before, unbuilt.")
    ap.add_argument("--refill", action="store_true",
                    help="With --reuse: compute the kept store's evidence, per-tie tables and web summaries"
                    " again, timed.")
    ap.add_argument("--timeout", type=float, default=600, help="Seconds an operation may take.")
    ap.add_argument("--ops", default=",".join([*OPERATIONS, "web"]), help="Comma-separated operations.")
    ap.add_argument("--pages", help="Comma-separated pages the web operation times, as in WEB_URLS (default: all),"
                    " e.g. '/,/api/overview,/api/map'.")
    ap.add_argument("--op", help=argparse.SUPPRESS)
    ap.add_argument("--db", help=argparse.SUPPRESS)
    ap.add_argument("--at", help=argparse.SUPPRESS)
    ap.add_argument("--actor", help=argparse.SUPPRESS)
    ap.add_argument("--doc", help=argparse.SUPPRESS)
    ap.add_argument("--event", help=argparse.SUPPRESS)
    ap.add_argument("--relation", help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.op:
        print(json.dumps(run_op(a)))
        return
    backends = a.backend or ["duckdb"]
    if "postgres" in backends and not a.pg:
        ap.error("--backend postgres needs --pg URL")
    ops = [o for o in a.ops.split(",") if o]
    print(f"factiongraph scale benchmark, {dt.datetime.now():%Y-%m-%d %H:%M}, {os.cpu_count()} CPUs,"
          f" Python {sys.version.split()[0]}; first call of each operation in a fresh process.")  # fmt: skip
    with tempfile.TemporaryDirectory() as tmp:
        folder = a.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        for n in a.relations or [100_000]:
            for backend in backends:
                target = a.pg if backend == "postgres" else str(folder / f"scale-{n}.duckdb")
                print("\n".join(bench(target, backend, n, a.timeout, ops, a.reuse, a.refill, a.pages)), flush=True)


if __name__ == "__main__":
    main()
