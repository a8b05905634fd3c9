"""Summaries kept at ingest for the web's overview and map (migration 10): small tables read
instead of counting or grouping every document, event or relation at each request.

- `web_counts`: one row per count the overview shows (`Store.counts`: rows of each data table,
  failed documents, merged events).
- `web_event_days`: events per day (NULL: undated), certainty, source kind and `geo` (1: the event
  has coordinates): the date range of the events, and how many events a map with given dates,
  certainties and source kinds has, and from which day its newest `limit` events start.
- `web_actor_events`: per actor, its events (each event once per actor taking part), those
  reported in articles, those with coordinates, and its latest event date: the most active actors
  and the map's actor list.

Every write that changes the data tables goes through `store.evidence.add_documents` (ingest, bulk
load, the replay of corrections at ingest, an analyst's correction), which calls `mark` with the
documents it adds and `refresh` after, next to the per-tie state (`store.ties`). The summaries are
sums over documents, so `refresh` adds what the marked documents hold now and subtracts what they
held before: a correction calls `mark` before it changes any row (`store.corrections`), which notes
the documents' rows then; documents new to the store held nothing. A merged event counts for the
marked documents when none of the others reports it. Latest event dates cannot be lowered by a
subtraction, so the actors a change takes rows from are recomputed from `events`. Merged events
are counted again when `Store.set_merged_ids` writes the merge. On PostgreSQL, concurrent writers
update the summaries one at a time (an advisory lock held to the end of the transaction), so each
adds to the sums the other committed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from factiongraph.store.rows import as_date
from factiongraph.store.schema import create_tables, lock_kept_state, read_kept

COUNTED = ("documents", "actors", "mentions", "events", "relations", "places", "failed_documents", "merged_events")
KEPT_TABLES = ("web_counts", "web_event_days", "web_actor_events")
_DAY_KEY = ("day", "certainty", "source_kind", "geo")
_ACTOR_COLS = ("actor", "events", "article_events", "geo_events", "last_event")
TABLES = (
    "CREATE TABLE IF NOT EXISTS web_counts (name TEXT PRIMARY KEY, n BIGINT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS web_event_days (day DATE, certainty TEXT NOT NULL, source_kind TEXT NOT NULL,"
    " geo INTEGER NOT NULL, n BIGINT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS web_actor_events (actor TEXT PRIMARY KEY, events BIGINT NOT NULL,"
    " article_events BIGINT NOT NULL, geo_events BIGINT NOT NULL, last_event DATE)",
)
# A document's rows (its page, its events' and relations' pages) as index lookups: DuckDB does not
# look up a prefix of the composite primary keys (PostgreSQL does, so it needs none of these).
DUCKDB_INDEXES = tuple(f"CREATE INDEX IF NOT EXISTS {t}_doc ON {t} (doc_hash)"
                       for t in ("events", "relations", "mentions", "places"))  # fmt: skip
# PostgreSQL: the newest documents (the overview's list) and the map's newest events as index range
# reads (DuckDB reads these columns' row-group statistics instead).
POSTGRES_INDEXES = ("CREATE INDEX IF NOT EXISTS documents_ingested ON documents (ingested_at)",
                    "CREATE INDEX IF NOT EXISTS events_date ON events (date_start)")  # fmt: skip
GEO = "CASE WHEN lat IS NOT NULL AND lon IS NOT NULL THEN 1 ELSE 0 END"
_DOCS = "fg_web_docs"  # the documents marked in this transaction
_D_COUNTS, _D_DAYS, _D_ACTORS = "fg_web_d_counts", "fg_web_d_days", "fg_web_d_actors"
_TEMP = (
    f"CREATE TEMPORARY TABLE IF NOT EXISTS {_DOCS} (hash TEXT)",
    f"CREATE TEMPORARY TABLE IF NOT EXISTS {_D_COUNTS} (name TEXT, n BIGINT)",
    f"CREATE TEMPORARY TABLE IF NOT EXISTS {_D_DAYS} (day DATE, certainty TEXT, source_kind TEXT, geo INTEGER,"
    " n BIGINT)",
    f"CREATE TEMPORARY TABLE IF NOT EXISTS {_D_ACTORS} (actor TEXT, events BIGINT, article_events BIGINT,"
    " geo_events BIGINT, last_event DATE, minus INTEGER)",
)


def _event_actors(where: str, among: str | None = None) -> str:
    """Each event once per actor taking part, with its source kind, date and `geo`, for the events
    meeting `where` (and, with `among`, a subquery of ids, for those actors only): one GROUP BY then
    counts per actor."""
    cols = f"source_kind, date_start, {GEO} AS geo"
    one, two = (f" AND actor1 IN ({among})", f" AND actor2 IN ({among})") if among else ("", "")
    return (f"SELECT actor1 AS actor, {cols} FROM events WHERE actor1 IS NOT NULL AND {where}{one} UNION ALL"
            f" SELECT actor2 AS actor, {cols} FROM events WHERE actor2 IS NOT NULL"
            f" AND (actor1 IS NULL OR actor2 <> actor1) AND {where}{two}")  # fmt: skip


def _actor_sums(where: str, among: str | None = None) -> str:
    return (
        "SELECT actor, COUNT(*) AS events, SUM(CASE WHEN source_kind = 'article' THEN 1 ELSE 0 END) AS article_events,"
        f" SUM(geo) AS geo_events, MAX(date_start) AS last_event FROM ({_event_actors(where, among)}) t GROUP BY actor"
    )


def _count_sql(where_doc: str, where_row: str) -> str:
    parts = [f"SELECT 'documents' AS name, COUNT(*) AS n FROM documents WHERE {where_doc}",
             f"SELECT 'failed_documents', COUNT(*) FROM documents WHERE error_code IS NOT NULL AND {where_doc}"]
    parts += [f"SELECT '{t}', COUNT(*) FROM {t} WHERE {where_row}" for t in ("mentions", "events", "relations",
                                                                               "places")]  # fmt: skip
    return " UNION ALL ".join(parts)


def _day_sql(where: str) -> str:
    return (f"SELECT date_start AS day, certainty, source_kind, {GEO} AS geo, COUNT(*) AS n FROM events WHERE {where}"
            f" GROUP BY date_start, certainty, source_kind, {GEO}")  # fmt: skip


# -- writing ---------------------------------------------------------------------------------------


def migrate(store: Any) -> None:
    """Migration 10: creates the tables and the lookup indexes, and fills the tables from the stored rows."""
    create_tables(store, TABLES, postgres=POSTGRES_INDEXES, duckdb=DUCKDB_INDEXES)
    rebuild(store)


def rebuild(store: Any) -> None:
    """Recomputes every summary from the data tables (in the caller's transaction)."""
    for table in KEPT_TABLES:
        store.execute(f"DELETE FROM {table}")
    store.execute(f"INSERT INTO web_counts (name, n) {_count_sql('1 = 1', '1 = 1')}")
    store.execute("INSERT INTO web_counts (name, n) SELECT 'actors', COUNT(*) FROM actors")
    store.execute("INSERT INTO web_counts (name, n) SELECT 'merged_events', COUNT(DISTINCT merged_event_id)"
                  " FROM events")  # fmt: skip
    store.execute(f"INSERT INTO web_event_days ({', '.join(_DAY_KEY)}, n) {_day_sql('1 = 1')}")
    store.execute(f"INSERT INTO web_actor_events ({', '.join(_ACTOR_COLS)}) {_actor_sums('1 = 1')}")
    store._web_kept = True


def mark(store: Any, docs: str, *, fresh: bool = False) -> None:
    """Notes the documents `docs` (a subquery of hashes) for the next `refresh`, with what they hold
    now to subtract then - call it before changing their rows. `fresh`: documents the caller has just
    added (they held nothing before); documents marked already in this transaction are left as noted."""
    for stmt in _TEMP:
        store.execute(stmt)
    store.execute(f"CREATE TEMPORARY TABLE fg_web_new AS SELECT DISTINCT hash FROM ({docs}) d"
                  f" WHERE hash NOT IN (SELECT hash FROM {_DOCS})")  # fmt: skip
    try:
        if not fresh:
            _contributions(store, "SELECT hash FROM fg_web_new", -1,
                           f"SELECT hash FROM {_DOCS} UNION SELECT hash FROM fg_web_new")  # fmt: skip
        store.execute(f"INSERT INTO {_DOCS} (hash) SELECT hash FROM fg_web_new")
    finally:
        store.execute("DROP TABLE fg_web_new")


def mark_documents(store: Any, hashes: Sequence[str]) -> None:
    """`mark` for a list of document hashes (a correction's documents, before it changes them)."""
    hashes = sorted({h for h in hashes if h})
    if not hashes:
        return
    store.execute("CREATE TEMPORARY TABLE fg_web_mark (hash TEXT)")
    try:
        store.insert_rows("fg_web_mark", ("hash",), [(h,) for h in hashes])
        mark(store, "SELECT hash FROM fg_web_mark")
    finally:
        store.execute("DROP TABLE fg_web_mark")


def _contributions(store: Any, docs: str, sign: int, marked: str) -> None:
    """Adds what the documents `docs` hold now, times `sign`, to the pending changes; `marked` (a
    subquery of hashes, `docs` among them) are the documents whose change is pending: a merged event
    counts for them when no other document reports it."""
    row = f"doc_hash IN ({docs})"
    merged = (
        "SELECT 'merged_events', COUNT(DISTINCT e.merged_event_id) FROM events e WHERE e.merged_event_id IS NOT NULL"
        f" AND e.doc_hash IN ({docs}) AND NOT EXISTS (SELECT 1 FROM events o WHERE o.merged_event_id ="
        f" e.merged_event_id AND o.doc_hash NOT IN ({marked}))"
    )
    store.execute(f"INSERT INTO {_D_COUNTS} (name, n) SELECT name, {sign} * n FROM"
                  f" ({_count_sql(f'hash IN ({docs})', row)} UNION ALL {merged}) c")  # fmt: skip
    store.execute(f"INSERT INTO {_D_DAYS} ({', '.join(_DAY_KEY)}, n) SELECT day, certainty, source_kind, geo,"
                  f" {sign} * n FROM ({_day_sql(row)}) d")  # fmt: skip
    store.execute(
        f"INSERT INTO {_D_ACTORS} ({', '.join(_ACTOR_COLS)}, minus) SELECT actor, {sign} * events,"
        f" {sign} * article_events, {sign} * geo_events, last_event, {1 if sign < 0 else 0} FROM ({_actor_sums(row)}) a"
    )


def refresh(store: Any) -> None:
    """Applies to the summaries the changes of the documents `mark` noted, in the caller's transaction."""
    for stmt in _TEMP:
        store.execute(stmt)
    try:
        if store.scalar(f"SELECT COUNT(*) FROM {_DOCS}"):
            _contributions(store, f"SELECT hash FROM {_DOCS}", 1, f"SELECT hash FROM {_DOCS}")
            _apply(store)
    finally:
        for table in (_DOCS, _D_COUNTS, _D_DAYS, _D_ACTORS):
            store.execute(f"DROP TABLE {table}")


def _apply(store: Any) -> None:
    lock_kept_state(store)  # concurrent writers apply one at a time, each reading the other's sums
    store.execute(f"UPDATE web_counts SET n = n + (SELECT COALESCE(SUM(d.n), 0) FROM {_D_COUNTS} d"
                  " WHERE d.name = web_counts.name)")  # fmt: skip
    store.execute("UPDATE web_counts SET n = (SELECT COUNT(*) FROM actors) WHERE name = 'actors'")
    # days: the changed keys' new sums replace their rows; a key down to nothing is dropped
    same = " AND ".join(f"d.{c} IS NOT DISTINCT FROM k.{c}" for c in _DAY_KEY)
    key = ", ".join(_DAY_KEY)
    store.execute(
        f"CREATE TEMPORARY TABLE fg_web_m AS SELECT {key}, SUM(n) AS n FROM (SELECT {key}, n FROM web_event_days k"
        f" WHERE EXISTS (SELECT 1 FROM {_D_DAYS} d WHERE {same}) UNION ALL SELECT {key}, n FROM {_D_DAYS}) u"
        f" GROUP BY {key}"
    )
    mine = same.replace("k.", "web_event_days.")
    store.execute(f"DELETE FROM web_event_days WHERE EXISTS (SELECT 1 FROM {_D_DAYS} d WHERE {mine})")
    store.execute(f"INSERT INTO web_event_days ({key}, n) SELECT {key}, n FROM fg_web_m WHERE n <> 0")
    store.execute("DROP TABLE fg_web_m")
    # actors: sums grow by what was added; an actor some rows were taken from is counted again
    cols = ", ".join(_ACTOR_COLS)
    store.execute(f"CREATE TEMPORARY TABLE fg_web_minus AS SELECT DISTINCT actor FROM {_D_ACTORS} WHERE minus = 1")
    store.execute(
        f"CREATE TEMPORARY TABLE fg_web_a AS SELECT actor, SUM(events) AS events, SUM(article_events) AS"
        " article_events, SUM(geo_events) AS geo_events, MAX(last_event) AS last_event FROM ("
        f"SELECT {cols} FROM web_actor_events WHERE actor IN (SELECT actor FROM {_D_ACTORS})"
        " AND actor NOT IN (SELECT actor FROM fg_web_minus)"
        f" UNION ALL SELECT {cols} FROM {_D_ACTORS} WHERE actor NOT IN (SELECT actor FROM fg_web_minus)) u"
        " GROUP BY actor"
    )
    store.execute(f"INSERT INTO fg_web_a ({cols}) {_actor_sums('1 = 1', 'SELECT actor FROM fg_web_minus')}")
    store.execute(f"DELETE FROM web_actor_events WHERE actor IN (SELECT actor FROM {_D_ACTORS})")
    store.execute(f"INSERT INTO web_actor_events ({cols}) SELECT {cols} FROM fg_web_a WHERE events > 0")
    store.execute("DROP TABLE fg_web_a")
    store.execute("DROP TABLE fg_web_minus")


def recount_actors(store: Any) -> None:
    """Counts the actors again (after an actor correction, in its transaction)."""
    if kept(store):
        store.execute("UPDATE web_counts SET n = (SELECT COUNT(*) FROM actors) WHERE name = 'actors'")


def recount_merged(store: Any) -> None:
    """Counts the merged events again (after `Store.set_merged_ids`, in its transaction)."""
    if kept(store):
        store.execute("UPDATE web_counts SET n = (SELECT COUNT(DISTINCT merged_event_id) FROM events)"
                      " WHERE name = 'merged_events'")  # fmt: skip


# -- reading ---------------------------------------------------------------------------------------


def kept(store: Any) -> bool:
    """Whether the store keeps the summaries (a store older than migration 10 read without migrating
    does not)."""
    if getattr(store, "_web_kept", None) is None:
        rows = read_kept(store, "SELECT COUNT(*) AS n FROM web_counts")
        store._web_kept = bool(rows and rows[0]["n"])
    return bool(store._web_kept)


def counts(store: Any) -> dict[str, int]:
    """`Store.counts` from the kept counts."""
    found = {r["name"]: int(r["n"]) for r in store.query("SELECT name, n FROM web_counts")}
    return {name: found.get(name, 0) for name in COUNTED}


def event_dates(store: Any, *, geo: bool = False) -> tuple[dt.date | None, dt.date | None]:
    """The first and last event date (of the events with coordinates, with `geo`)."""
    row = store.query("SELECT MIN(day) AS first, MAX(day) AS last FROM web_event_days WHERE day IS NOT NULL"
                      + (" AND geo = 1" if geo else ""))[0]  # fmt: skip
    return as_date(row["first"]), as_date(row["last"])


def most_active(store: Any, limit: int) -> list[dict[str, Any]]:
    """The `limit` actors with the most events (ties: by id), with their article events and latest event."""
    return store.query("SELECT actor, events, article_events, last_event FROM web_actor_events"
                       " ORDER BY events DESC, actor LIMIT ?", (limit,))  # fmt: skip


def map_actors(store: Any, limit: int) -> list[dict[str, Any]]:
    """The `limit` actors with the most events with coordinates (ties: by name), with those counts."""
    return store.query("SELECT a.id, a.name, k.geo_events AS events FROM web_actor_events k JOIN actors a"
                       " ON a.id = k.actor WHERE k.geo_events > 0 ORDER BY k.geo_events DESC, a.name LIMIT ?",
                       (limit,))  # fmt: skip


def map_filters(
    certainty: Sequence[str], source_kind: Sequence[str], start: dt.date | None, end: dt.date | None, undated: bool,
    *, day: str = "day", alias: str = "",
) -> tuple[list[str], list[Any]]:
    """The map's filters on events (`alias` "e." on `events`, with `day` "e.date_start") or on
    `web_event_days` (the defaults): the certainties and source kinds, and the date range, which
    keeps undated rows when `undated` (the one definition `web.queries.map_events` shares)."""
    marks = lambda values: "(" + ", ".join("?" * len(values)) + ")" if values else "(NULL)"  # noqa: E731
    conds = [f"{alias}certainty IN {marks(certainty)}", f"{alias}source_kind IN {marks(source_kind)}"]
    params: list[Any] = [*certainty, *source_kind]
    within = []
    if start is not None:
        within.append(f"{day} >= ?")
        params.append(start)
    if end is not None:
        within.append(f"{day} <= ?")
        params.append(end)
    if within:
        conds.append("(" + " AND ".join(within) + (f" OR {day} IS NULL)" if undated else ")"))
    elif not undated:
        conds.append(f"{day} IS NOT NULL")
    return conds, params


def _day_where(
    certainty: Sequence[str], source_kind: Sequence[str], start: dt.date | None, end: dt.date | None, undated: bool
) -> tuple[str, list[Any]]:
    """The map's filters on `web_event_days` (as `web.queries.map_events` filters events)."""
    conds, params = map_filters(certainty, source_kind, start, end, undated)
    return " AND ".join(["geo = 1", *conds]), params


def map_count(
    store: Any, certainty: Sequence[str], source_kind: Sequence[str], start: dt.date | None, end: dt.date | None,
    undated: bool,
) -> int:  # fmt: skip
    """How many events with coordinates the map's filters (no actor) select."""
    where, params = _day_where(certainty, source_kind, start, end, undated)
    return int(store.scalar(f"SELECT COALESCE(SUM(n), 0) FROM web_event_days WHERE {where}", params))


def map_first_day(
    store: Any, certainty: Sequence[str], source_kind: Sequence[str], start: dt.date | None, end: dt.date | None,
    limit: int,
) -> dt.date | None:  # fmt: skip
    """The day from which the map's newest `limit` dated events start (None: fewer are dated), so
    that the events are read from that day on, not all of them."""
    where, params = _day_where(certainty, source_kind, start, end, False)
    rows = store.query(f"SELECT day, SUM(n) AS n FROM web_event_days WHERE {where} GROUP BY day ORDER BY day DESC",
                       params)  # fmt: skip
    seen = 0
    for r in rows:
        seen += int(r["n"])
        if seen >= limit:
            return as_date(r["day"])
    return None
