"""Per-actor state kept at ingest (migration 8): an actor's timeline as a range read of its own
rows, the actor list as a read of one small table.

`store.ties` keeps each tie's state; an actor's timeline still grouped all the actor's events
and changes at each page, and the actor list counted statements over every relation. This module
keeps, in the store, for the default filters (those `tie_meta` records):

- `actor_timeline`: one row per actor and item of `graph.timeline` - a merged event the actor
  takes part in (`kind_ord` 0), with what its best report says, or a kept change of one of the
  actor's ties (`kind_ord` 1) - with the sort keys of `ties.timeline_refs` (`day`, `k1`..`k5`).
- `actor_counts`: per actor, its events (each once per actor taking part), its relation
  statements (a sentence's mention-level rows naming one tie once, per side), its timeline
  items, reports, counterparts and the documents that mention it: what the actor list sorts by
  and the totals the timeline and the actor page page through.
- `actor_reports`, `actor_partners`: the actor's relation reports (the actor page's evidence:
  all certainties and source kinds) numbered in date order, and its counterparts with their
  numbers of reports: the actor page's table, chart and partners as range reads.
- `actor_docs`: which actors each document's events, relations or mentions name (with the
  number of mentions): the documents that mention an actor, and, for a write that changes or
  removes a document's rows, the actors it named before.

The same writes that keep the per-tie state keep these: `ties.mark` notes the actors of the
documents a write touches (before and after it), `ties.refresh` recomputes those actors' rows
after the ties'; `Store.set_merged_ids` recomputes the actors whose events changed merged event.
`rebuild` recomputes everything; `clear` and `rebuild_part` rebuild a large store in parts.
"""

from __future__ import annotations

from typing import Any

from factiongraph.document import CERTAINTIES
from factiongraph.store.schema import create_tables

_ACTORS = "fg_touched_actors"
_DOC_COLS = "actor, doc_hash, doc_id, published, mentions"
_DOCS = "fg_touched_docs"
TIMELINE_COLUMNS = (
    ("actor", "TEXT"), ("kind_ord", "INTEGER"), ("day", "DATE"), ("k1", "TEXT"), ("k2", "TEXT"), ("k3", "INTEGER"),
    ("k4", "TEXT"), ("k5", "TEXT"), ("other", "TEXT"), ("role", "INTEGER"), ("plover", "TEXT"), ("mode", "TEXT"),
    ("place", "TEXT"), ("note", "TEXT"), ("document", "TEXT"), ("evidence", "TEXT"), ("certainty", "TEXT"),
    ("source_kind", "TEXT"), ("sources", "INTEGER"),
)  # fmt: skip
# an actor's relation reports (`graph_sql.evidence_sql` of its scope at the default confidence, all
# certainties and source kinds) with their place `pos` in date order; the text stays in `evidence`
REPORT_FIELDS = ("type", "a", "b", "day", "dated_by", "doc_id", "doc_hash", "idx", "status", "certainty",
                 "source_kind", "change", "evidence_text")  # fmt: skip
REPORT_COLUMNS = (
    ("actor", "TEXT"), ("pos", "INTEGER"), ("partner", "TEXT"), ("type", "TEXT"), ("a", "TEXT"), ("b", "TEXT"),
    ("day", "DATE"), ("dated_by", "TEXT"), ("doc_id", "TEXT"), ("doc_hash", "TEXT"), ("idx", "INTEGER"),
    ("status", "TEXT"), ("certainty", "TEXT"), ("source_kind", "TEXT"), ("change", "TEXT"), ("evidence_text", "TEXT"),
)  # fmt: skip
# an actor's events (either side; all certainties and source kinds) with what the actor page lists
EVENT_FIELDS = ("doc_hash", "event_id", "plover", "plover_mode", "acled_event_type", "actor1", "actor2",
                "location_name", "date_start", "certainty", "source_kind")  # fmt: skip
EVENT_COLUMNS = (
    ("actor", "TEXT"), ("day", "DATE"), ("doc_id", "TEXT"), ("doc_published", "DATE"), ("doc_hash", "TEXT"),
    ("event_id", "TEXT"), ("plover", "TEXT"), ("plover_mode", "TEXT"), ("acled_event_type", "TEXT"),
    ("actor1", "TEXT"), ("actor2", "TEXT"), ("location_name", "TEXT"), ("date_start", "DATE"), ("certainty", "TEXT"),
    ("source_kind", "TEXT"),
)  # fmt: skip
KEPT_TABLES = ("actor_meta", "actor_timeline", "actor_counts", "actor_reports", "actor_partners", "actor_events",
               "actor_docs")  # fmt: skip
TABLES = (
    "CREATE TABLE IF NOT EXISTS actor_meta (ready INTEGER NOT NULL)",
    "CREATE TABLE IF NOT EXISTS actor_timeline (" + ", ".join(f"{c} {t}" for c, t in TIMELINE_COLUMNS) + ")",
    "CREATE TABLE IF NOT EXISTS actor_counts (actor TEXT NOT NULL, events INTEGER NOT NULL,"
    " relations INTEGER NOT NULL, items INTEGER NOT NULL, reports INTEGER NOT NULL, partners INTEGER NOT NULL,"
    " documents INTEGER NOT NULL)",
    "CREATE TABLE IF NOT EXISTS actor_reports (" + ", ".join(f"{c} {t}" for c, t in REPORT_COLUMNS) + ")",
    "CREATE TABLE IF NOT EXISTS actor_events (" + ", ".join(f"{c} {t}" for c, t in EVENT_COLUMNS) + ")",
    "CREATE TABLE IF NOT EXISTS actor_partners (actor TEXT NOT NULL, partner TEXT NOT NULL, n INTEGER NOT NULL,"
    " first_pos INTEGER NOT NULL)",
    "CREATE TABLE IF NOT EXISTS actor_docs (actor TEXT NOT NULL, doc_hash TEXT NOT NULL, doc_id TEXT NOT NULL,"
    " published DATE, mentions INTEGER NOT NULL)",
)
# PostgreSQL reads an actor's rows by index; DuckDB skips the row groups of other actors (the
# tables are written in actor order) faster than it maintains indexes.
POSTGRES_INDEXES = (
    "CREATE INDEX IF NOT EXISTS actor_timeline_actor ON actor_timeline (actor, day)",
    "CREATE INDEX IF NOT EXISTS actor_counts_actor ON actor_counts (actor)",
    "CREATE INDEX IF NOT EXISTS actor_reports_pos ON actor_reports (actor, pos)",
    "CREATE INDEX IF NOT EXISTS actor_partners_actor ON actor_partners (actor)",
    "CREATE INDEX IF NOT EXISTS actor_events_actor ON actor_events (actor, day)",
    "CREATE INDEX IF NOT EXISTS actor_docs_doc ON actor_docs (doc_hash)",
    "CREATE INDEX IF NOT EXISTS actor_docs_actor ON actor_docs (actor)",
)


def migrate(store: Any) -> None:
    """Migration 8: creates the tables (and PostgreSQL's indexes) and fills them."""
    create_tables(store, TABLES, postgres=POSTGRES_INDEXES)
    rebuild(store)


def ready(store: Any) -> bool:
    """True when the store keeps the per-actor state (migrated, and not in the middle of a rebuild)."""
    if hasattr(store, "_actor_ready"):
        return bool(store._actor_ready)
    found = exists(store) and bool(store.scalar("SELECT COUNT(*) FROM actor_meta"))
    store._actor_ready = found
    return found


def exists(store: Any) -> bool:
    """True when the store has the tables (this module's migration applied); a store read without
    migrating may not. (`schema_version`, not the catalog: DuckDB's catalog views are slow to read.)"""
    from factiongraph.store.schema import MIGRATIONS

    number = next(n for n, _, steps in MIGRATIONS if any(getattr(s, "__name__", "") == "_actor_state" for s in steps))
    return bool(store.scalar("SELECT COUNT(*) FROM schema_version WHERE version = ?", (number,)))


# -- writing ---------------------------------------------------------------------------------------


def _temp(store: Any) -> None:
    store.execute(f"CREATE TEMPORARY TABLE IF NOT EXISTS {_ACTORS} (actor TEXT)")
    store.execute(f"CREATE TEMPORARY TABLE IF NOT EXISTS {_DOCS} (doc_hash TEXT)")


def mark(store: Any, docs: str) -> None:
    """Notes the documents `docs` (a subquery of hashes) and the actors their rows name now or named
    at the last refresh, for the next `refresh` (call it before and after changing those rows)."""
    if not ready(store):
        return
    _temp(store)
    store.execute(f"INSERT INTO {_DOCS} (doc_hash) SELECT hash FROM documents WHERE hash IN ({docs})")
    store.execute(
        f"INSERT INTO {_ACTORS} (actor) SELECT actor FROM actor_docs WHERE doc_hash IN ({docs}) UNION"
        f" SELECT actor FROM ({_doc_actors(f'IN ({docs})')}) x"
    )


def mark_events(store: Any, condition: str, params: list[Any] | tuple[Any, ...] = ()) -> None:
    """Notes the actors of the events that meet `condition` (SQL on `events`), e.g. those whose merged
    event is about to change, for the next `refresh`."""
    if not ready(store):
        return
    _temp(store)
    store.execute(
        f"INSERT INTO {_ACTORS} (actor) SELECT actor1 FROM events WHERE actor1 IS NOT NULL AND ({condition})"
        f" UNION SELECT actor2 FROM events WHERE actor2 IS NOT NULL AND ({condition})",
        [*params, *params],
    )


def refresh(store: Any, *, pairs: str | None = None, everything: bool = False) -> None:
    """Recomputes the rows of the actors `mark`/`mark_events` noted, of the actors of `pairs` (a
    table of (lo, hi) actor pairs whose ties were recomputed) and the `actor_docs` of the noted
    documents - or, with `everything`, all rows - in the caller's transaction."""
    if not ready(store):
        store.execute(f"DROP TABLE IF EXISTS {_ACTORS}")
        store.execute(f"DROP TABLE IF EXISTS {_DOCS}")
        return
    _temp(store)
    try:
        if everything:
            rebuild(store)
            return
        if pairs is not None:
            store.execute(f"INSERT INTO {_ACTORS} (actor) SELECT lo FROM {pairs} UNION SELECT hi FROM {pairs}")
        store.execute(f"DELETE FROM actor_docs WHERE doc_hash IN (SELECT doc_hash FROM {_DOCS})")
        touched = _doc_actors(f"IN (SELECT doc_hash FROM {_DOCS})", _DOC_COLS)
        store.execute(f"INSERT INTO actor_docs ({_DOC_COLS}) {touched}")
        if store.scalar(f"SELECT COUNT(*) FROM {_ACTORS}"):
            store.execute(f"CREATE TEMPORARY TABLE {_ACTORS}_u AS SELECT DISTINCT actor FROM {_ACTORS}")
            try:
                _compute(store, f"IN (SELECT actor FROM {_ACTORS}_u)")
            finally:
                store.execute(f"DROP TABLE {_ACTORS}_u")
    finally:
        store.execute(f"DROP TABLE IF EXISTS {_ACTORS}")
        store.execute(f"DROP TABLE IF EXISTS {_DOCS}")


def clear(store: Any) -> None:
    """Empties the kept state (reads compute without it) for a rebuild by parts (`rebuild_part`
    for every part, then `finish`)."""
    for table in KEPT_TABLES:
        store.execute(f"DELETE FROM {table}")
    store._actor_ready = False


def rebuild_part(store: Any, condition: str) -> None:
    """Computes the rows of the actors whose id meets `condition` (SQL on the id, written `{actor}`)
    and the `actor_docs` of those actors, into tables `clear` emptied."""
    _compute(store, None, part=condition)


def finish(store: Any) -> None:
    """Marks a rebuild by parts done: reads use the kept state again."""
    store.execute("DELETE FROM actor_meta")
    store.execute("INSERT INTO actor_meta (ready) VALUES (1)")
    if store.backend == "postgres":
        for table in KEPT_TABLES:
            store.execute(f"ANALYZE {table}")
    store._actor_ready = True


def rebuild(store: Any) -> None:
    """Recomputes every actor's rows from the events, relations and the kept per-tie changes."""
    clear(store)
    _compute(store, None)
    finish(store)


def _doc_actors(docs: str, cols: str = "actor") -> str:
    """`actor_docs` rows (the selected `cols`) of the documents `doc_hash {docs}`: each actor their
    events, relations or mentions name, with its number of mentions there."""
    where = f"doc_hash {docs}"
    x = (
        f"SELECT actor1 AS actor, doc_hash, 0 AS m FROM events WHERE actor1 IS NOT NULL AND {where}"
        f" UNION ALL SELECT actor2, doc_hash, 0 FROM events WHERE actor2 IS NOT NULL AND {where}"
        f" UNION ALL SELECT source, doc_hash, 0 FROM relations WHERE {where}"
        f" UNION ALL SELECT target, doc_hash, 0 FROM relations WHERE {where}"
        f" UNION ALL SELECT actor_id, doc_hash, 1 FROM mentions WHERE {where}"
    )
    return (
        f"SELECT {cols} FROM (SELECT x.actor, x.doc_hash, d.id AS doc_id, d.published, SUM(x.m) AS mentions"
        f" FROM ({x}) x JOIN documents d ON d.hash = x.doc_hash GROUP BY x.actor, x.doc_hash, d.id, d.published) ad"
    )


def _rank_sql(column: str) -> str:
    whens = " ".join(f"WHEN '{c}' THEN {i}" for i, c in enumerate(CERTAINTIES))
    return f"CASE {column} {whens} ELSE {len(CERTAINTIES)} END"


def default_max_rank() -> int:
    """The weakest certainty rank an event's best report may have in the default timeline."""
    from factiongraph import graph as fg

    return fg.certainty_rank(fg.DEFAULT_MIN_CERTAINTY) if fg.DEFAULT_MIN_CERTAINTY else len(CERTAINTIES)


def _compute(store: Any, actors: str | None, *, part: str | None = None) -> None:
    """Deletes and recomputes the rows of the actors `actor {actors}` (all when None; with `part`,
    those meeting that condition on `{actor}`, `actor_docs` included)."""
    from factiongraph import graph as fg
    from factiongraph.store.ties import _order, _run

    def mine(col: str) -> str:
        if part is not None:
            return part.replace("{actor}", col)
        return f"{col} {actors}" if actors else "1 = 1"

    if actors:
        for table in KEPT_TABLES[1:6]:
            store.execute(f"DELETE FROM {table} WHERE actor {actors}")
    if actors is None:
        every = _doc_actors("IS NOT NULL", _DOC_COLS)
        _run(store, f"INSERT INTO actor_docs ({_DOC_COLS}) {every} WHERE {mine('actor')} ORDER BY actor", [])
    # the actor's events, each once (as `graph_sql.actor_event_sql`), grouped by merged event
    ae = (
        f"SELECT e.actor1 AS actor, e.* FROM events e WHERE e.actor1 IS NOT NULL AND {mine('e.actor1')} UNION ALL"
        " SELECT e.actor2 AS actor, e.* FROM events e WHERE e.actor2 IS NOT NULL AND (e.actor1 IS NULL OR"
        f" e.actor1 <> e.actor2) AND {mine('e.actor2')}"
    )
    doc = _order(store, "doc_id")
    best = (f"{_rank_sql('certainty')}, CASE WHEN source_kind <> 'article' THEN 1 ELSE 0 END,"
            " CASE WHEN lat IS NULL THEN 1 ELSE 0 END, CASE WHEN date_start IS NULL THEN 1 ELSE 0 END,"
            f" {doc}, event_id")  # fmt: skip
    grp = "PARTITION BY actor, gid"
    first = f"{grp} ORDER BY doc_id, event_id ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING"
    include_comments = fg.DEFAULT_INCLUDE_COMMENTS
    min_confidence = float(fg.MIN_CONFIDENCE)
    confident = "(ev.confidence IS NULL OR ev.confidence >= ?)"
    cols = ", ".join(c for c, _ in TIMELINE_COLUMNS)
    events = (
        "SELECT actor, 0, gday, fdoc, fev, 0, '', '', CASE WHEN actor1 = actor THEN actor2 ELSE actor1 END,"
        " CASE WHEN actor1 = actor THEN 1 ELSE 0 END, plover, plover_mode, location_name, NULL, doc_id,"
        " evidence_text, certainty, source_kind, n"
        f" FROM (SELECT g.*, {_rank_sql('certainty')} AS crank, ROW_NUMBER() OVER ({grp} ORDER BY {best}) AS rn,"
        f" MIN(COALESCE(date_start, doc_published)) OVER ({grp}) AS gday, COUNT(*) OVER ({grp}) AS n,"
        f" MAX(CASE WHEN source_kind <> 'comment' THEN 1 ELSE 0 END) OVER ({grp}) AS has_article,"
        f" FIRST_VALUE(doc_id) OVER ({first}) AS fdoc, FIRST_VALUE(event_id) OVER ({first}) AS fev"
        " FROM (SELECT x.*, d.id AS doc_id, d.published AS doc_published,"
        " COALESCE(x.merged_event_id, x.doc_hash || ':' || x.event_id) AS gid"
        f" FROM ({ae}) x JOIN documents d ON d.hash = x.doc_hash) g) y WHERE rn = 1 AND crank <= ?"
        + ("" if include_comments else " AND has_article = 1")
    )
    note = "CASE WHEN k.day IS NULL THEN 'undated report' ELSE COALESCE(k.note, '') END"
    change = (
        "k.day, k.doc_id, '', k.idx, k.type, k.what, {other}, NULL, NULL, NULL, NULL, " + note + ", k.doc_id,"
        " k.evidence_text, k.certainty, k.source_kind, 1"
    )
    changes = (
        f"SELECT k.a, 1, {change.format(other='k.b')} FROM tie_changes k WHERE {mine('k.a')} UNION ALL"
        f" SELECT k.b, 1, {change.format(other='k.a')} FROM tie_changes k WHERE k.a <> k.b AND {mine('k.b')}"
    )
    _run(store, f"INSERT INTO actor_timeline ({cols}) SELECT * FROM ({events} UNION ALL {changes}) t ORDER BY 1",
         [default_max_rank()])  # fmt: skip
    rep = ", ".join(f"ev.{c}" for c in REPORT_FIELDS)
    doc_order = _order(store, "doc_id")
    reports = (
        f"SELECT ev.a AS actor, ev.b AS partner, {rep} FROM evidence ev WHERE {mine('ev.a')} AND {confident}"
        f" UNION ALL SELECT ev.b, ev.a, {rep} FROM evidence ev WHERE {mine('ev.b')} AND {confident}"
    )
    _run(store,
         f"INSERT INTO actor_reports ({', '.join(c for c, _ in REPORT_COLUMNS)}) SELECT actor, ROW_NUMBER() OVER"
         f" (PARTITION BY actor ORDER BY CASE WHEN day IS NULL THEN 1 ELSE 0 END, day, {doc_order}, idx, doc_hash) - 1,"
         f" partner, {', '.join(REPORT_FIELDS)} FROM ({reports}) r ORDER BY 1, 2",
         [min_confidence, min_confidence])  # fmt: skip
    _run(store, "INSERT INTO actor_partners (actor, partner, n, first_pos) SELECT actor, partner, COUNT(*), MIN(pos)"
         f" FROM actor_reports WHERE {mine('actor')} GROUP BY actor, partner ORDER BY actor", [])  # fmt: skip
    evs = ", ".join(f"e.{c}" for c in EVENT_FIELDS)
    _run(store,
         f"INSERT INTO actor_events ({', '.join(c for c, _ in EVENT_COLUMNS)}) SELECT x.actor,"
         f" COALESCE(x.date_start, d.published), d.id, d.published, {', '.join(f'x.{c}' for c in EVENT_FIELDS)}"
         f" FROM (SELECT e.actor1 AS actor, {evs} FROM events e WHERE e.actor1 IS NOT NULL AND {mine('e.actor1')}"
         f" UNION ALL SELECT e.actor2, {evs} FROM events e WHERE e.actor2 IS NOT NULL AND (e.actor1 IS NULL OR"
         f" e.actor1 <> e.actor2) AND {mine('e.actor2')}) x JOIN documents d ON d.hash = x.doc_hash ORDER BY 1",
         [])  # fmt: skip
    stmt = "doc_hash, type, source, target, evidence_start, source_kind"
    counts = (
        f"SELECT actor, COUNT(*) AS ne, 0 AS nr, 0 AS ni, 0 AS nrep, 0 AS np, 0 AS nd FROM (SELECT actor1 AS actor"
        " FROM events"
        f" WHERE actor1 IS NOT NULL AND {mine('actor1')} UNION ALL SELECT actor2 FROM events WHERE actor2 IS NOT NULL"
        f" AND (actor1 IS NULL OR actor2 <> actor1) AND {mine('actor2')}) e GROUP BY actor"
        f" UNION ALL SELECT actor, 0, COUNT(*), 0, 0, 0, 0 FROM (SELECT source AS actor FROM relations WHERE"
        f" {mine('source')} GROUP BY {stmt} UNION ALL SELECT target FROM relations WHERE source <> target AND"
        f" {mine('target')} GROUP BY {stmt}) r GROUP BY actor"
        f" UNION ALL SELECT actor, 0, 0, COUNT(*), 0, 0, 0 FROM actor_timeline WHERE {mine('actor')} GROUP BY actor"
        f" UNION ALL SELECT actor, 0, 0, 0, SUM(n), COUNT(*), 0 FROM actor_partners WHERE {mine('actor')}"
        " GROUP BY actor UNION ALL SELECT actor, 0, 0, 0, 0, 0, COUNT(*) FROM actor_docs WHERE mentions > 0 AND"
        f" {mine('actor')} GROUP BY actor"
    )
    _run(store, "INSERT INTO actor_counts (actor, events, relations, items, reports, partners, documents) SELECT"
         f" actor, SUM(ne), SUM(nr), SUM(ni), SUM(nrep), SUM(np), SUM(nd) FROM ({counts}) c GROUP BY actor"
         " ORDER BY actor",
         [])  # fmt: skip


# -- reading ---------------------------------------------------------------------------------------


def timeline_rows(store: Any, actor: str, *, limit: int, offset: int) -> tuple[list[dict[str, Any]], int]:
    """One page of the actor's kept timeline rows in `ties.timeline_refs`' order, and their number."""
    from factiongraph.store.ties import _order

    total = store.scalar("SELECT items FROM actor_counts WHERE actor = ?", (actor,))
    if not total:
        return [], 0
    order = (f"CASE WHEN day IS NULL THEN 1 ELSE 0 END, day, kind_ord, {_order(store, 'k1')}, {_order(store, 'k2')},"
             f" k3, {_order(store, 'k4')}, k5")  # fmt: skip
    rows = store.query(f"SELECT * FROM actor_timeline WHERE actor = ? ORDER BY {order}"
                       f" LIMIT {int(limit)} OFFSET {int(offset)}", (actor,))  # fmt: skip
    return rows, int(total)


def current(store: Any) -> bool:
    """True when the kept per-actor state answers the default filters (the confidence threshold
    it was computed for is today's; a write recomputes it when not)."""
    from factiongraph.store import ties

    return ready(store) and ties.covers(store, ties.default_filters())


def report_count(store: Any, actor: str) -> tuple[int, int]:
    """How many relation reports the actor has, and with how many counterparts."""
    rows = store.query("SELECT reports, partners FROM actor_counts WHERE actor = ?", (actor,))
    return (int(rows[0]["reports"]), int(rows[0]["partners"])) if rows else (0, 0)


def report_rows(store: Any, actor: str, *, offset: int, limit: int) -> list[dict[str, Any]]:
    """The actor's reports at places `offset`.. in date order (0-based), as `graph_sql.evidence_sql` rows."""
    if limit <= 0:
        return []
    return store.query("SELECT * FROM actor_reports WHERE actor = ? AND pos >= ? AND pos < ? ORDER BY pos",
                       (actor, offset, offset + limit))  # fmt: skip


def report_marks(store: Any, actor: str, *, step: int, last: int) -> list[dict[str, Any]]:
    """Every `step`-th of the actor's reports in date order, and the one at `last` (no texts)."""
    cols = ", ".join(c for c, _ in REPORT_COLUMNS if c != "evidence_text")
    params: list[Any]
    if store.backend == "postgres":  # index lookups of the places (integers: inlined)
        places = ", ".join(str(p) for p in sorted({*range(0, last + 1, max(1, step)), last}))
        where, params = f"pos IN ({places})", [actor]
    else:  # DuckDB filters the actor's rows faster than it matches a long list
        where, params = "(MOD(pos, ?) = 0 OR pos = ?)", [actor, step, last]
    return store.query(f"SELECT {cols}, '' AS evidence_text FROM actor_reports WHERE actor = ? AND {where}"
                       " ORDER BY pos", params)  # fmt: skip


def event_rows(store: Any, actor: str, *, limit: int, offset: int) -> list[dict[str, Any]]:
    """The actor's events, newest first (undated last), as the actor page lists them."""
    cols = ", ".join(EVENT_FIELDS)
    return store.query(f"SELECT {cols}, doc_id, doc_published FROM actor_events WHERE actor = ?"
                       " ORDER BY day DESC NULLS LAST, doc_id, event_id LIMIT ? OFFSET ?",
                       (actor, limit, offset))  # fmt: skip


def top_partners(store: Any, actor: str, limit: int) -> list[tuple[str, int]]:
    """The `limit` counterparts with the most reports (ties: the one reported first, first)."""
    rows = store.query("SELECT partner, n FROM actor_partners WHERE actor = ? ORDER BY n DESC, first_pos LIMIT ?",
                       (actor, limit))  # fmt: skip
    return [(r["partner"], int(r["n"])) for r in rows]


def counts(store: Any, actor: str) -> dict[str, int]:
    """The actor's kept counts (all 0 for an actor nothing names)."""
    rows = store.query("SELECT * FROM actor_counts WHERE actor = ?", (actor,))
    names = ("events", "relations", "items", "reports", "partners", "documents")
    return {k: int(rows[0][k]) if rows else 0 for k in names}


def mentioning_documents(store: Any, actor: str, *, limit: int, offset: int) -> list[dict[str, Any]]:
    """The documents that mention the actor, newest first, with their numbers of mentions of it."""
    page = store.query(
        "SELECT doc_hash, mentions FROM actor_docs WHERE actor = ? AND mentions > 0"
        " ORDER BY published DESC NULLS LAST, doc_id LIMIT ? OFFSET ?",
        (actor, limit, offset),
    )
    if not page:
        return []
    docs = [r["doc_hash"] for r in page]
    found = {r["hash"]: r for r in store.query(
        f"SELECT hash, id, title, url, published FROM documents WHERE hash IN ({', '.join('?' * len(docs))})", docs)}
    return [{**found[r["doc_hash"]], "mentions": int(r["mentions"])} for r in page]  # fmt: skip

