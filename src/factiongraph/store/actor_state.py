"""Per-actor state kept at ingest (migration 8): an actor's timeline as a range read of its own
rows, the actor list as a read of one small table.

`store.ties` keeps each tie's state; an actor's timeline still grouped all the actor's events
and changes at each page, and the actor list counted statements over every relation. This module
keeps, in the store, for the default filters (those `tie_meta` records):

- `actor_timeline`: one row per actor and item of `graph.timeline` - a merged event the actor
  takes part in (`kind_ord` 0), with what its best report says, or a kept change of one of the
  actor's ties (`kind_ord` 1) - with the sort keys of `ties.timeline_refs` (`day`, `k1`..`k5`).
- `actor_counts`: per actor, its events (each once per actor taking part), its relation
  statements (a sentence's mention-level rows naming one tie once, per side) and its timeline
  items: what the actor list sorts by and the timeline's total.
- `actor_docs`: which actors each document's events and relations name, so that a write that
  changes or removes a document's rows finds the actors it named before.

The same writes that keep the per-tie state keep these: `ties.mark` notes the actors of the
documents a write touches (before and after it), `ties.refresh` recomputes those actors' rows
after the ties'; `Store.set_merged_ids` recomputes the actors whose events changed merged event.
`rebuild` recomputes everything; `clear` and `rebuild_part` rebuild a large store in parts.
"""

from __future__ import annotations

from typing import Any

from factiongraph.document import CERTAINTIES

_ACTORS = "fg_touched_actors"
_DOCS = "fg_touched_docs"
TIMELINE_COLUMNS = (
    ("actor", "TEXT"), ("kind_ord", "INTEGER"), ("day", "DATE"), ("k1", "TEXT"), ("k2", "TEXT"), ("k3", "INTEGER"),
    ("k4", "TEXT"), ("k5", "TEXT"), ("other", "TEXT"), ("role", "INTEGER"), ("plover", "TEXT"), ("mode", "TEXT"),
    ("place", "TEXT"), ("note", "TEXT"), ("document", "TEXT"), ("evidence", "TEXT"), ("certainty", "TEXT"),
    ("source_kind", "TEXT"), ("sources", "INTEGER"),
)  # fmt: skip
KEPT_TABLES = ("actor_meta", "actor_timeline", "actor_counts", "actor_docs")
TABLES = (
    "CREATE TABLE IF NOT EXISTS actor_meta (ready INTEGER NOT NULL)",
    "CREATE TABLE IF NOT EXISTS actor_timeline (" + ", ".join(f"{c} {t}" for c, t in TIMELINE_COLUMNS) + ")",
    "CREATE TABLE IF NOT EXISTS actor_counts (actor TEXT NOT NULL, events INTEGER NOT NULL,"
    " relations INTEGER NOT NULL, items INTEGER NOT NULL)",
    "CREATE TABLE IF NOT EXISTS actor_docs (actor TEXT NOT NULL, doc_hash TEXT NOT NULL)",
)
# PostgreSQL reads an actor's rows by index; DuckDB skips the row groups of other actors (the
# tables are written in actor order) faster than it maintains indexes.
POSTGRES_INDEXES = (
    "CREATE INDEX IF NOT EXISTS actor_timeline_actor ON actor_timeline (actor, day)",
    "CREATE INDEX IF NOT EXISTS actor_counts_actor ON actor_counts (actor)",
    "CREATE INDEX IF NOT EXISTS actor_docs_doc ON actor_docs (doc_hash)",
    "CREATE INDEX IF NOT EXISTS actor_docs_actor ON actor_docs (actor)",
)


def migrate(store: Any) -> None:
    """Migration 8: creates the tables (and PostgreSQL's indexes) and fills them."""
    for stmt in TABLES:
        store.execute(stmt)
    if store.backend == "postgres":
        for stmt in POSTGRES_INDEXES:
            store.execute(stmt)
    rebuild(store)


def ready(store: Any) -> bool:
    """True when the store keeps the per-actor state (migrated, and not in the middle of a rebuild)."""
    if hasattr(store, "_actor_ready"):
        return bool(store._actor_ready)
    found = exists(store) and bool(store.scalar("SELECT COUNT(*) FROM actor_meta"))
    store._actor_ready = found
    return found


def exists(store: Any) -> bool:
    """True when the store has the tables (migration 8 applied); a store read without migrating may not."""
    return bool(store.scalar("SELECT COUNT(*) FROM information_schema.tables WHERE table_name = 'actor_meta'"))


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
        store.execute(f"INSERT INTO actor_docs (actor, doc_hash) {_doc_actors(f'IN (SELECT doc_hash FROM {_DOCS})')}")
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


def _doc_actors(docs: str) -> str:
    """(actor, doc_hash), distinct, of the events and relations of the documents `doc_hash {docs}`."""
    where = f"doc_hash {docs}"
    return (
        f"SELECT actor1 AS actor, doc_hash FROM events WHERE actor1 IS NOT NULL AND {where}"
        f" UNION SELECT actor2, doc_hash FROM events WHERE actor2 IS NOT NULL AND {where}"
        f" UNION SELECT source, doc_hash FROM relations WHERE {where}"
        f" UNION SELECT target, doc_hash FROM relations WHERE {where}"
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
        for table in KEPT_TABLES[1:3]:
            store.execute(f"DELETE FROM {table} WHERE actor {actors}")
    if actors is None:
        every = _doc_actors("IS NOT NULL")
        _run(store, f"INSERT INTO actor_docs (actor, doc_hash) SELECT actor, doc_hash FROM ({every}) d"
             f" WHERE {mine('actor')} ORDER BY actor", [])  # fmt: skip
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
    stmt = "doc_hash, type, source, target, evidence_start, source_kind"
    counts = (
        f"SELECT actor, COUNT(*) AS ne, 0 AS nr, 0 AS ni FROM (SELECT actor1 AS actor FROM events WHERE"
        f" actor1 IS NOT NULL AND {mine('actor1')} UNION ALL SELECT actor2 FROM events WHERE actor2 IS NOT NULL AND"
        f" (actor1 IS NULL OR actor2 <> actor1) AND {mine('actor2')}) e GROUP BY actor"
        f" UNION ALL SELECT actor, 0, COUNT(*), 0 FROM (SELECT source AS actor FROM relations WHERE {mine('source')}"
        f" GROUP BY {stmt} UNION ALL SELECT target FROM relations WHERE source <> target AND {mine('target')}"
        f" GROUP BY {stmt}) r GROUP BY actor"
        f" UNION ALL SELECT actor, 0, 0, COUNT(*) FROM actor_timeline WHERE {mine('actor')} GROUP BY actor"
    )
    _run(store, "INSERT INTO actor_counts (actor, events, relations, items) SELECT actor, SUM(ne), SUM(nr), SUM(ni)"
         f" FROM ({counts}) c GROUP BY actor ORDER BY actor", [])  # fmt: skip


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
