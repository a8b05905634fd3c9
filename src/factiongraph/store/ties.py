"""Per-tie state kept at ingest for the default filters (migration 7): the graph at a date as an
indexed range read, all changes as a table read.

`store.graph_sql` computes the graph at a date with one aggregation over every evidence row; on
millions of relations that is seconds to minutes per query. For the filters `graph`, `changes`,
`timeline` and the web use by default (the confidence threshold, certainty hedged or firmer,
reader comments not counted; `tie_meta` records them) this module keeps, in the store:

- `tie_spells`: one row per tie (type, a, b) and day the tie has a dated statement: the tie as
  `graph_sql.edge_rows` returns it at any date from `start_day` up to (not including) `end_day`
  (NULL: still open) - statement, article/comment and certainty counts, documents, strength
  (articles and comments apart), first and last seen, and the latest and the state-bearing
  statement. So the graph at a date is `start_day <= at < end_day`, one row per tie.
- `tie_changes`: every row of `graph_sql.change_rows` (first reports included, `prio` 4) and of
  `undated_change_rows` (`day` NULL).
- `tie_undated`: each tie's count of undated statements.
- `tie_irregular`: ties whose rows of one sentence carry different days (mention-level rows
  dated by different events of an undated document): their state at a date depends on which of
  those rows are dated by then, so they get no spells and `edge_rows` computes them from the
  evidence table at each query (few: usually none).

Every write that changes the evidence table (`Store.write_rows`, `load.load_unit`, a correction)
calls `mark` with the documents it touches before and `refresh` after; `refresh` recomputes the
ties of the actor pairs those documents name - all types of a pair at once, as changes compare a
pair's alliance and hostility - with the same queries `graph_sql` runs on the whole store, so the
kept rows are those queries' rows by construction. When the default filters change (a new
confidence threshold), the next write recomputes everything. The same pairs' contradictions
(`store.contra_state`, migration 9) are recomputed with them; `mark` notes the pairs the
documents' events name too, for those.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from factiongraph.document import CERTAINTIES
from factiongraph.store import actor_state, contra_state
from factiongraph.store.graph_sql import (
    ALL,
    CHANGE_COLUMNS,
    EVIDENCE_FIELDS,
    Scope,
    _analytic,
    _fields,
    _statements,
    actor_event_sql,
    change_sql,
    edge_sql,
    evidence_sql,
    undated_change_sql,
)  # fmt: skip
from factiongraph.store.rows import as_date
from factiongraph.store.schema import create_tables, lock_kept_state, read_kept

_TYPES = {"doc_id": "TEXT", "doc_hash": "TEXT", "idx": "INTEGER", "day": "DATE", "dated_by": "TEXT",
          "status": "TEXT", "certainty": "TEXT", "source_kind": "TEXT", "change": "TEXT", "evidence_text": "TEXT",
          "evidence_start": "INTEGER", "evidence_end": "INTEGER", "type": "TEXT"}  # fmt: skip
_TIE_COLS = (("type", "TEXT"), ("a", "TEXT"), ("b", "TEXT"), ("lo", "TEXT"), ("hi", "TEXT"))
EDGE_COLUMNS = (
    "type", "a", "b", "n_statements", "n_counted", "n_article", "n_comment", "n_documents",
    *(f"c_{c}" for c in CERTAINTIES), "first_seen", "last_seen", "art", "com", "state_ends",
    *(f"state_{f}" for f in EVIDENCE_FIELDS), *(f"latest_{f}" for f in EVIDENCE_FIELDS),
)  # fmt: skip


def _spell_columns() -> tuple[tuple[str, str], ...]:
    counts = ("n_statements", "n_counted", "n_article", "n_comment", "n_documents", *(f"c_{c}" for c in CERTAINTIES))
    return (
        *_TIE_COLS, ("start_day", "DATE"), ("end_day", "DATE"), *((c, "INTEGER") for c in counts),
        ("first_seen", "DATE"), ("last_seen", "DATE"), ("art", "DOUBLE PRECISION"), ("com", "DOUBLE PRECISION"),
        ("state_ends", "INTEGER"), *((f"state_{f}", _TYPES[f]) for f in EVIDENCE_FIELDS),
        *((f"latest_{f}", _TYPES[f]) for f in EVIDENCE_FIELDS),
    )  # fmt: skip


def _change_columns() -> tuple[tuple[str, str], ...]:
    def typ(c: str) -> str:
        if c in ("prio",):
            return "INTEGER"
        return _TYPES.get(c[2:] if c.startswith("p_") else c, "TEXT")

    return (*((c, typ(c)) for c in CHANGE_COLUMNS), ("lo", "TEXT"), ("hi", "TEXT"))


SPELL_COLUMNS = _spell_columns()
TIE_CHANGE_COLUMNS = _change_columns()
KEPT_TABLES = ("tie_meta", "tie_spells", "tie_changes", "tie_undated", "tie_irregular")


def _ddl(name: str, cols: tuple[tuple[str, str], ...]) -> str:
    return f"CREATE TABLE IF NOT EXISTS {name} (" + ", ".join(f"{c} {t}" for c, t in cols) + ")"


TABLES = (
    "CREATE TABLE IF NOT EXISTS tie_meta (min_confidence DOUBLE PRECISION NOT NULL, certainties TEXT NOT NULL,"
    " include_comments INTEGER NOT NULL)",
    _ddl("tie_spells", SPELL_COLUMNS),
    _ddl("tie_changes", TIE_CHANGE_COLUMNS),
    _ddl("tie_undated", (*_TIE_COLS, ("n", "INTEGER"))),
    _ddl("tie_irregular", _TIE_COLS),
)
# PostgreSQL: the range read, the per-actor reads and the per-pair recomputation use indexes
# (DuckDB scans these columns faster than it maintains indexes on them).
POSTGRES_INDEXES = (
    "CREATE INDEX IF NOT EXISTS tie_spells_open ON tie_spells (start_day, end_day)",
    "CREATE INDEX IF NOT EXISTS tie_spells_pair ON tie_spells (lo, hi)",
    "CREATE INDEX IF NOT EXISTS tie_spells_a ON tie_spells (a, start_day)",
    "CREATE INDEX IF NOT EXISTS tie_spells_b ON tie_spells (b, start_day)",
    "CREATE INDEX IF NOT EXISTS tie_changes_pair ON tie_changes (lo, hi)",
    "CREATE INDEX IF NOT EXISTS tie_changes_day ON tie_changes (day)",
    "CREATE INDEX IF NOT EXISTS tie_changes_a ON tie_changes (a)",
    "CREATE INDEX IF NOT EXISTS tie_changes_b ON tie_changes (b)",
    "CREATE INDEX IF NOT EXISTS tie_undated_pair ON tie_undated (lo, hi)",
    "CREATE INDEX IF NOT EXISTS tie_irregular_pair ON tie_irregular (lo, hi)",
)
_TOUCHED = "fg_touched_pairs"
_IN_TOUCHED = f"EXISTS (SELECT 1 FROM {_TOUCHED} tp WHERE tp.lo = LEAST(ev.a, ev.b) AND tp.hi = GREATEST(ev.a, ev.b))"
_IRREGULAR = "EXISTS (SELECT 1 FROM tie_irregular ti WHERE ti.type = ev.type AND ti.a = ev.a AND ti.b = ev.b)"


def default_filters() -> dict[str, Any]:
    """The filters `graph`, `changes`, `timeline` and the web use unless told otherwise."""
    from factiongraph import graph as fg

    return {"min_confidence": float(fg.MIN_CONFIDENCE), "certainties": tuple(fg.certainties_from(
        fg.DEFAULT_MIN_CERTAINTY)), "include_comments": bool(fg.DEFAULT_INCLUDE_COMMENTS)}  # fmt: skip


def _meta(store: Any) -> dict[str, Any] | None:
    if hasattr(store, "_tie_meta"):
        cached: dict[str, Any] | None = store._tie_meta
        return cached
    rows = read_kept(store, "SELECT min_confidence, certainties, include_comments FROM tie_meta") or []
    meta = None
    if rows:
        r = rows[0]
        meta = {"min_confidence": float(r["min_confidence"]),
                "certainties": tuple(c for c in str(r["certainties"]).split(",") if c),
                "include_comments": bool(r["include_comments"])}  # fmt: skip
    store._tie_meta = meta
    return meta


def covers(store: Any, filters: dict[str, Any]) -> bool:
    """True when the kept state answers queries with these filters (those it was computed for)."""
    meta = _meta(store)
    if meta is None:
        return False
    return (
        abs(float(filters.get("min_confidence", 0.0)) - meta["min_confidence"]) < 1e-12
        and tuple(filters.get("certainties", CERTAINTIES)) == meta["certainties"]
        and bool(filters.get("include_comments", True)) == meta["include_comments"]
    )


# -- writing ---------------------------------------------------------------------------------------


def mark(store: Any, docs: str) -> None:
    """Notes the actor pairs the evidence rows of the documents `docs` (a subquery of hashes) name,
    for the next `refresh` (call it before and after changing those rows)."""
    store.execute(f"CREATE TEMPORARY TABLE IF NOT EXISTS {_TOUCHED} (lo TEXT, hi TEXT)")
    store.execute(
        f"INSERT INTO {_TOUCHED} (lo, hi) SELECT DISTINCT LEAST(a, b), GREATEST(a, b) FROM evidence"
        f" WHERE doc_hash IN ({docs})"
    )
    contra_state.mark_events(store, _TOUCHED, docs=docs)  # the pairs' contradictions (`store.contra_state`)
    actor_state.mark(store, docs)  # and the actors they name, for the per-actor state


def mark_pairs(store: Any, condition: str) -> None:
    """Notes the actor pairs of the evidence rows that meet `condition` (SQL on `evidence`) for the
    next `refresh` (to recompute a store's state a part at a time)."""
    store.execute(f"CREATE TEMPORARY TABLE IF NOT EXISTS {_TOUCHED} (lo TEXT, hi TEXT)")
    store.execute(f"INSERT INTO {_TOUCHED} (lo, hi) SELECT DISTINCT LEAST(a, b), GREATEST(a, b) FROM evidence"
                  f" WHERE {condition}")  # fmt: skip
    contra_state.mark_events(store, _TOUCHED, condition=condition)


def rebuild_tables(store: Any) -> None:
    """Empties the kept state and records the default filters, for a recomputation by parts
    (`mark_pairs` and `refresh` for each part, until every pair has been refreshed)."""
    for table in KEPT_TABLES:
        store.execute(f"DELETE FROM {table}")
    if actor_state.exists(store):  # rebuilt by parts after the ties (`actor_state.rebuild_part`)
        actor_state.clear(store)
    filters = default_filters()
    _record_filters(store, filters)
    store._tie_meta = filters
    contra_state.clear(store)


def _record_filters(store: Any, filters: dict[str, Any]) -> None:
    """Records in `tie_meta` the filters the kept state is computed for."""
    store.execute(
        "INSERT INTO tie_meta (min_confidence, certainties, include_comments) VALUES (?, ?, ?)",
        (filters["min_confidence"], ",".join(filters["certainties"]), int(filters["include_comments"])),
    )


def refresh(store: Any) -> None:
    """Recomputes the kept state of the pairs `mark` noted (everything, when the default filters
    changed since it was computed), in the caller's transaction. On PostgreSQL concurrent writers
    refresh one at a time (`schema.lock_kept_state`), so a pair both touch is recomputed last from
    the evidence of both, not from each writer's own rows only."""
    lock_kept_state(store)
    store.execute(f"CREATE TEMPORARY TABLE IF NOT EXISTS {_TOUCHED} (lo TEXT, hi TEXT)")
    try:
        everything = _meta(store) != default_filters()
        if everything:
            _compute(store, None)
        elif store.scalar(f"SELECT COUNT(*) FROM {_TOUCHED}"):
            store.execute(f"CREATE TEMPORARY TABLE {_TOUCHED}_u AS SELECT DISTINCT lo, hi FROM {_TOUCHED}")
            store.execute(f"DELETE FROM {_TOUCHED}")
            store.execute(f"INSERT INTO {_TOUCHED} SELECT lo, hi FROM {_TOUCHED}_u")
            store.execute(f"DROP TABLE {_TOUCHED}_u")
            _compute(store, _IN_TOUCHED)
        actor_state.refresh(store, pairs=_TOUCHED, everything=everything)
    finally:
        store.execute(f"DROP TABLE {_TOUCHED}")


def rebuild(store: Any) -> None:
    """Recomputes the kept state of every tie (migration 7; after writing evidence by hand), and of
    every actor (`store.actor_state`) where the store keeps it."""
    _compute(store, None)
    if actor_state.exists(store):
        actor_state.rebuild(store)


def migrate(store: Any) -> None:
    """Migration 7: creates the tables (and PostgreSQL's indexes) and fills them from the evidence."""
    create_tables(store, TABLES, postgres=POSTGRES_INDEXES)
    _compute(store, None)


def _compute(store: Any, restrict: str | None) -> None:
    """Deletes and recomputes the kept rows of the pairs `restrict` (a condition on evidence `ev`)
    selects, or of all pairs."""
    filters = default_filters()
    for table in KEPT_TABLES[1:]:
        mine = f" WHERE EXISTS (SELECT 1 FROM {_TOUCHED} tp WHERE tp.lo = {table}.lo AND tp.hi = {table}.hi)"
        store.execute(f"DELETE FROM {table}" + (mine if restrict else ""))
    if not restrict:
        store.execute("DELETE FROM tie_meta")
        _record_filters(store, filters)
    tie = "type, a, b, LEAST(a, b), GREATEST(a, b)"
    # ties whose sentences' rows carry different days: computed at each query
    ev_sql, ev_params = evidence_sql(store, ALL, restrict=restrict, **filters)
    _run(store,
         f"INSERT INTO tie_irregular (type, a, b, lo, hi) SELECT {tie} FROM (SELECT DISTINCT type, a, b FROM"
         f" ({ev_sql}) e WHERE e.solo = 0 GROUP BY type, a, b, doc_hash, evidence_start, evidence_end, source_kind"
         " HAVING COUNT(DISTINCT day) > 1) g", ev_params)  # fmt: skip
    regular = f"{restrict} AND NOT {_IRREGULAR}" if restrict else f"NOT {_IRREGULAR}"
    st, params = _statements(evidence_sql(store, ALL, restrict=regular, **filters), "e.day IS NOT NULL")
    cols = ", ".join(c for c, _ in SPELL_COLUMNS)
    _run(store, f"INSERT INTO tie_spells ({cols}) {_spell_select(st)}", params)
    st, params = _statements(evidence_sql(store, ALL, restrict=restrict, **filters), "e.day IS NULL AND e.counted = 1")
    _run(store, f"INSERT INTO tie_undated (type, a, b, lo, hi, n) SELECT {tie}, COUNT(*) FROM ({st}) u"
         " GROUP BY type, a, b", params)  # fmt: skip
    ccols = ", ".join(c for c, _ in TIE_CHANGE_COLUMNS)
    sel = ", ".join(CHANGE_COLUMNS[:-4])
    q, p = change_sql(store, ALL, first_reported=True, restrict=restrict, **filters)
    _run(store, f"INSERT INTO tie_changes ({ccols}) SELECT {sel}, prio, what, origin, note, LEAST(a, b),"
         f" GREATEST(a, b) FROM ({q}) c", p)  # fmt: skip
    q, p = undated_change_sql(store, ALL, restrict=restrict, **filters)
    base = ", ".join(c for c in CHANGE_COLUMNS if not c.startswith("p_") and c not in ("prio", "note"))
    _run(store, f"INSERT INTO tie_changes ({base}, prio, note, lo, hi) SELECT {base}, 0, 'undated report',"
         f" LEAST(a, b), GREATEST(a, b) FROM ({q}) u", p)  # fmt: skip
    if store.backend == "postgres" and not restrict:
        for table in KEPT_TABLES:
            store.execute(f"ANALYZE {table}")
    store._tie_meta = filters
    contra_state.compute(store, _TOUCHED if restrict else None)  # the same pairs' contradictions


def _run(store: Any, sql: str, params: list[Any]) -> None:
    """Runs a write over many evidence rows (PostgreSQL: without nested loops, see `graph_sql._analytic`)."""
    if store.backend == "postgres" and store.in_transaction:
        store.execute("SET LOCAL enable_nestloop = off")
    store.execute(sql, params)


def _spell_select(st: str) -> str:
    """The SELECT of `tie_spells` rows over the statements `st` (dated, of regular ties): per tie and
    day, the counts and weights of that day, summed over the days up to it; a document's weight
    counts by its strongest statement so far, so documents naming a tie more than once add the
    growth of their running maximum."""
    mix = ", ".join(f"SUM(CASE WHEN crank = {i} THEN 1 ELSE 0 END) AS c_{c}" for i, c in enumerate(CERTAINTIES))
    cum = ", ".join(f"SUM(c_{c}) OVER wc AS c_{c}" for c in CERTAINTIES)
    tie = "td.type, td.a, td.b"
    run = "ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW"
    pick = "ROW_NUMBER() OVER (PARTITION BY s.type, s.a, s.b, s.day ORDER BY"
    return (
        f"WITH st AS ({st}),"
        " td AS (SELECT type, a, b, day, COUNT(*) AS n_st, SUM(counted) AS n_cnt,"
        " SUM(CASE WHEN source_kind = 'comment' THEN 0 ELSE 1 END) AS n_art,"
        f" SUM(CASE WHEN source_kind = 'comment' THEN 1 ELSE 0 END) AS n_com, {mix},"
        " SUM(CASE WHEN dsolo = 1 AND source_kind <> 'comment' THEN weight ELSE 0 END) AS art1,"
        " SUM(CASE WHEN dsolo = 1 AND source_kind = 'comment' THEN weight ELSE 0 END) AS com1,"
        " SUM(CASE WHEN dsolo = 1 THEN counted ELSE 0 END) AS nd1, MAX(counted) AS has_c,"
        " MAX(counted * sb) AS has_s FROM st GROUP BY type, a, b, day),"
        " dw AS (SELECT type, a, b, doc_hash, day, MAX(CASE WHEN source_kind <> 'comment' THEN weight END) AS aw,"
        " MAX(CASE WHEN source_kind = 'comment' THEN weight END) AS cw, MAX(counted) AS c"
        " FROM st WHERE dsolo = 0 GROUP BY type, a, b, doc_hash, day),"
        " dr AS (SELECT type, a, b, doc_hash, day, COALESCE(MAX(aw) OVER w, 0) AS ra,"
        " COALESCE(MAX(cw) OVER w, 0) AS rc, MAX(c) OVER w AS rn"
        f" FROM dw WINDOW w AS (PARTITION BY type, a, b, doc_hash ORDER BY day {run})),"
        " dm AS (SELECT type, a, b, day, SUM(ra - COALESCE(pa, 0)) AS art2, SUM(rc - COALESCE(pc, 0)) AS com2,"
        " SUM(rn - COALESCE(pn, 0)) AS nd2 FROM (SELECT dr.*, LAG(ra) OVER w AS pa, LAG(rc) OVER w AS pc,"
        " LAG(rn) OVER w AS pn FROM dr WINDOW w AS (PARTITION BY type, a, b, doc_hash ORDER BY day)) d0"
        " GROUP BY type, a, b, day),"
        f" cu AS (SELECT {tie}, td.day AS start_day, LEAD(td.day) OVER wt AS end_day,"
        " SUM(n_st) OVER wc AS n_statements, SUM(n_cnt) OVER wc AS n_counted, SUM(n_art) OVER wc AS n_article,"
        " SUM(n_com) OVER wc AS n_comment, SUM(nd1 + COALESCE(dm.nd2, 0)) OVER wc AS n_documents,"
        f" {cum}, MIN(td.day) OVER (PARTITION BY {tie}) AS first_seen, td.day AS last_seen,"
        " SUM(art1 + COALESCE(dm.art2, 0)) OVER wc AS art, SUM(com1 + COALESCE(dm.com2, 0)) OVER wc AS com,"
        " MAX(CASE WHEN has_c = 1 THEN td.day END) OVER wc AS lday,"
        " MAX(CASE WHEN has_s = 1 THEN td.day END) OVER wc AS sday"
        " FROM td LEFT JOIN dm ON dm.type = td.type AND dm.a = td.a AND dm.b = td.b AND dm.day = td.day"
        f" WINDOW wt AS (PARTITION BY {tie} ORDER BY td.day), wc AS (PARTITION BY {tie} ORDER BY td.day {run})),"
        f" lp AS (SELECT * FROM (SELECT s.type, s.a, s.b, s.day AS pday, {_fields('latest_', 's')},"
        f" {pick} s.crank, s.doc_hash DESC, s.idx DESC) AS rn FROM st s WHERE s.counted = 1) l0 WHERE rn = 1),"
        f" sp AS (SELECT * FROM (SELECT s.type, s.a, s.b, s.day AS pday, s.ends AS state_ends,"
        f" {_fields('state_', 's')}, {pick} s.ends DESC, s.crank, s.doc_hash DESC, s.idx DESC) AS rn"
        " FROM st s WHERE s.counted = 1 AND s.sb = 1) s0 WHERE rn = 1)"
        " SELECT cu.type, cu.a, cu.b, LEAST(cu.a, cu.b), GREATEST(cu.a, cu.b), cu.start_day, cu.end_day,"
        " cu.n_statements, cu.n_counted, cu.n_article, cu.n_comment, cu.n_documents,"
        + "".join(f" cu.c_{c}," for c in CERTAINTIES)
        + " cu.first_seen, cu.last_seen, cu.art, cu.com, sp.state_ends,"
        + ", ".join(f"sp.state_{f}" for f in EVIDENCE_FIELDS)
        + ", "
        + ", ".join(f"lp.latest_{f}" for f in EVIDENCE_FIELDS)
        + " FROM cu LEFT JOIN lp ON lp.type = cu.type AND lp.a = cu.a AND lp.b = cu.b AND lp.pday = cu.lday"
        " LEFT JOIN sp ON sp.type = cu.type AND sp.a = cu.a AND sp.b = cu.b AND sp.pday = cu.sday"
        " ORDER BY cu.start_day"
    )


# -- reading ---------------------------------------------------------------------------------------


def _scoped(store: Any, table: str, scope: Scope) -> tuple[str, str, list[Any]]:
    """FROM and WHERE of a kept table within the scope (one actor: its rows as either endpoint)."""
    join = ""
    if scope.country is not None:
        join = " LEFT JOIN actors sa ON sa.id = k.a LEFT JOIN actors ta ON ta.id = k.b"
    cond, params = scope.where("k.a", "k.b", "sa.country", "ta.country")
    if scope.actor is not None:
        src = f"(SELECT * FROM {table} WHERE a = ? UNION ALL SELECT * FROM {table} WHERE b = ? AND a <> b)"
        return f"{src} k{join}", cond, [scope.actor, scope.actor, *params]
    return f"{table} k{join}", cond, params


def latest_day(store: Any, scope: Scope = ALL) -> dt.date | None:
    """The latest counted evidence date within the scope."""
    src, cond, params = _scoped(store, "tie_spells", scope)
    day = as_date(store.scalar(f"SELECT MAX(k.latest_day) FROM {src} WHERE k.end_day IS NULL AND {cond}", params))
    if has_irregular(store, scope):
        ev, p = evidence_sql(store, scope, restrict=_IRREGULAR, **default_filters())
        other = as_date(store.scalar(f"SELECT MAX(day) FROM ({ev}) e WHERE e.counted = 1", p))
        day = max((d for d in (day, other) if d is not None), default=None)
    return day


def day_range(store: Any, scope: Scope = ALL) -> tuple[dt.date | None, dt.date | None]:
    """The first and latest day of a dated statement within the scope, counted or not
    (`graph_sql.day_range` counting every source kind): the spells' start days and the
    irregular ties' evidence."""
    src, cond, params = _scoped(store, "tie_spells", scope)
    rows = store.query(f"SELECT MIN(k.start_day) AS lo, MAX(k.start_day) AS hi FROM {src} WHERE {cond}", params)
    if has_irregular(store, scope):
        ev, p = evidence_sql(store, scope, restrict=_IRREGULAR, **default_filters())
        rows += store.query(f"SELECT MIN(day) AS lo, MAX(day) AS hi FROM ({ev}) e", p)
    lows = [d for r in rows if (d := as_date(r["lo"])) is not None]
    highs = [d for r in rows if (d := as_date(r["hi"])) is not None]
    return min(lows, default=None), max(highs, default=None)


def undated_count(store: Any, scope: Scope = ALL) -> int:
    """How many undated statements the scope holds."""
    src, cond, params = _scoped(store, "tie_undated", scope)
    return int(store.scalar(f"SELECT COALESCE(SUM(k.n), 0) FROM {src} WHERE {cond}", params))


def _order(store: Any, col: str) -> str:
    return f'{col} COLLATE "C"' if store.backend == "postgres" else col


def edge_filter(include_ended: bool) -> str:
    """`graph.graph_at`'s choice of edges, on a spells row `k`: counted, with strength unless ended."""
    status = (
        "CASE WHEN k.state_ends IS NULL THEN k.latest_status WHEN k.state_ends = 1 THEN 'former' ELSE 'current' END"
    )
    keep = "1 = 1" if include_ended else f"{status} <> 'former'"
    return f"k.n_counted > 0 AND {keep} AND (k.art > 0 OR {status} = 'former')"


def edge_rows(
    store: Any,
    scope: Scope = ALL,
    *,
    at: dt.date,
    include_ended: bool | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> list[dict[str, Any]]:
    """`graph_sql.edge_rows` at `at` from the kept state. With `include_ended` given, only the edges
    `graph.graph_at` shows (see `edge_filter`), strongest first, `limit` of them from `offset`."""
    src, cond, params = _scoped(store, "tie_spells", scope)
    cols = ", ".join(f"k.{c}" for c in EDGE_COLUMNS)
    where = f"{cond} AND k.start_day <= ? AND (k.end_day IS NULL OR k.end_day > ?)"
    args: list[Any] = [*params, at, at]
    tail = ""
    if include_ended is not None:
        where += f" AND {edge_filter(include_ended)}"
        tail = (f" ORDER BY CAST(k.art AS DECIMAL(18, 6)) DESC, {_order(store, 'k.type')}, {_order(store, 'k.a')},"
                f" {_order(store, 'k.b')}")  # fmt: skip
        if limit is not None:
            tail += f" LIMIT {int(limit)} OFFSET {int(offset)}"
    if limit is not None and store.backend == "duckdb" and scope.actor is None:
        # the page's row ids first (a sort of narrow rows), then the page's rows: DuckDB would carry
        # every wide row (evidence texts) of the graph through the sort
        ids = [int(i) for i in store.column(f"SELECT k.rowid FROM {src} WHERE {where}{tail}", args)]
        rows = store.query(f"SELECT k.rowid AS fg_rowid, {cols} FROM tie_spells k WHERE k.rowid IN"
                           f" ({', '.join(map(str, ids)) or 'NULL'})") if ids else []  # fmt: skip
        at_pos = {i: n for n, i in enumerate(ids)}
        rows.sort(key=lambda r: at_pos[int(r.pop("fg_rowid"))])
    else:
        rows = store.query(f"SELECT {cols} FROM {src} WHERE {where}{tail}", args)
    if include_ended is None and has_irregular(store, scope):
        q, p = edge_sql(store, scope, at=at, restrict=_IRREGULAR, **default_filters())
        rows += _analytic(store, q, p)
    for r in rows:
        for k in ("first_seen", "last_seen", "state_day", "latest_day"):
            r[k] = as_date(r[k])
        for k in (
            "n_statements",
            "n_counted",
            "n_article",
            "n_comment",
            "n_documents",
            *(f"c_{c}" for c in CERTAINTIES),
        ):
            r[k] = int(r[k] or 0)
    return rows


def count_edges(store: Any, scope: Scope, *, at: dt.date, include_ended: bool) -> tuple[int, int]:
    """How many edges `graph.graph_at` shows at `at`, and how many are seen only in reader comments."""
    src, cond, params = _scoped(store, "tie_spells", scope)
    row = store.query(
        f"SELECT SUM(CASE WHEN {edge_filter(include_ended)} THEN 1 ELSE 0 END) AS n,"
        " SUM(CASE WHEN k.n_counted = 0 AND k.com > 0 THEN 1 ELSE 0 END) AS hidden"
        f" FROM {src} WHERE {cond} AND k.start_day <= ? AND (k.end_day IS NULL OR k.end_day > ?)", [*params, at, at],
    )[0]  # fmt: skip
    return int(row["n"] or 0), int(row["hidden"] or 0)


def has_irregular(store: Any, scope: Scope = ALL) -> bool:
    src, cond, params = _scoped(store, "tie_irregular", scope)
    return bool(store.scalar(f"SELECT COUNT(*) FROM {src} WHERE {cond}", params))


def _change_where(since: dt.date | None, first_reported: bool, dated: bool) -> tuple[str, list[Any]]:
    conds = ["k.day IS NOT NULL" if dated else "k.day IS NULL"]
    params: list[Any] = []
    if dated and since is not None:
        conds.append("k.day >= ?")
        params.append(since)
    if not first_reported:
        conds.append("k.prio <> 4")
    return " AND ".join(conds), params


def change_rows(
    store: Any,
    scope: Scope = ALL,
    *,
    since: dt.date | None = None,
    first_reported: bool = False,
    limit: int | None = None,
    offset: int = 0,
    newest_first: bool = False,
) -> list[dict[str, Any]]:
    """`graph_sql.change_rows` from the kept changes; with `limit`, that many in the order
    `graph.changes_from_store` lists them (`newest_first`: the reverse order), from `offset`."""
    src, cond, params = _scoped(store, "tie_changes", scope)
    where, wparams = _change_where(since, first_reported, True)
    cols = ", ".join(f"k.{c}" for c in CHANGE_COLUMNS)
    tail = ""
    if limit is not None:
        keys = ("k.day", _order(store, "k.doc_id"), "k.idx", _order(store, "k.type"), "k.what")
        way = " DESC" if newest_first else ""
        tail = f" ORDER BY {', '.join(k + way for k in keys)} LIMIT {int(limit)} OFFSET {int(offset)}"
    rows = store.query(f"SELECT {cols} FROM {src} WHERE {cond} AND {where}{tail}", [*params, *wparams])
    for r in rows:
        r["day"], r["p_day"] = as_date(r["day"]), as_date(r["p_day"])
    return rows


def count_changes(store: Any, scope: Scope = ALL, *, since: dt.date | None = None, first_reported: bool = False,
                  undated: bool = False) -> int:  # fmt: skip
    """How many dated (or, with `undated`, undated) changes `change_rows` holds."""
    src, cond, params = _scoped(store, "tie_changes", scope)
    where, wparams = _change_where(since, first_reported, not undated)
    return int(store.scalar(f"SELECT COUNT(*) FROM {src} WHERE {cond} AND {where}", [*params, *wparams]))


def undated_change_rows(store: Any, scope: Scope = ALL) -> list[dict[str, Any]]:
    """`graph_sql.undated_change_rows` from the kept changes."""
    src, cond, params = _scoped(store, "tie_changes", scope)
    cols = ", ".join(f"k.{c}" for c in CHANGE_COLUMNS if not c.startswith("p_") and c not in ("prio", "note"))
    return store.query(f"SELECT {cols} FROM {src} WHERE k.day IS NULL AND {cond}", params)


# -- timelines -------------------------------------------------------------------------------------


def _rank_sql(column: str) -> str:
    whens = " ".join(f"WHEN '{c}' THEN {i}" for i, c in enumerate(CERTAINTIES))
    return f"CASE {column} {whens} ELSE {len(CERTAINTIES)} END"


def _event_groups(store: Any, actor: str, scope: Scope) -> tuple[str, list[Any]]:
    """An actor's event rows with `gid`, the merged event they report (as `graph.timeline` groups them)."""
    sql, params = actor_event_sql(store, actor, scope)
    return f"SELECT x.*, COALESCE(x.merged_event_id, x.doc_hash || ':' || x.event_id) AS gid FROM ({sql}) x", params


def timeline_refs(
    store: Any, actor: str, scope: Scope, mine: Scope, *, max_rank: int, include_comments: bool, limit: int,
    offset: int,
) -> tuple[list[dict[str, Any]], int]:
    """One page of an actor's timeline in `graph.timeline`'s order, as references (`kind_ord` 0: a
    merged event `ref`; 1: the kept change of relation (`ref`, `idx`)), and the number of items.

    Events: one per merged event whose best report (`graph._source_order`) is at least as certain
    as `max_rank` and, without `include_comments`, that not only comments report; dated by its
    earliest report. Changes: those of the ties of `mine` (first reports and undated ones included).
    Within a day, events (in the order of their first report) come before changes."""
    groups, gparams = _event_groups(store, actor, scope)
    doc = _order(store, "doc_id")
    best = (f"{_rank_sql('certainty')}, CASE WHEN source_kind <> 'article' THEN 1 ELSE 0 END,"
            " CASE WHEN lat IS NULL THEN 1 ELSE 0 END, CASE WHEN date_start IS NULL THEN 1 ELSE 0 END,"
            f" {doc}, event_id")  # fmt: skip
    first = "PARTITION BY gid ORDER BY doc_id, event_id ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING"
    events = (
        "SELECT 0 AS kind_ord, gday AS day, fdoc AS k1, fev AS k2, 0 AS k3, '' AS k4, '' AS k5, gid AS ref, 0 AS idx"
        f" FROM (SELECT gid, {_rank_sql('certainty')} AS crank, ROW_NUMBER() OVER (PARTITION BY gid ORDER BY {best})"
        " AS rn, MIN(COALESCE(date_start, doc_published)) OVER (PARTITION BY gid) AS gday,"
        " MAX(CASE WHEN source_kind <> 'comment' THEN 1 ELSE 0 END) OVER (PARTITION BY gid) AS has_article,"
        f" FIRST_VALUE(doc_id) OVER ({first}) AS fdoc, FIRST_VALUE(event_id) OVER ({first}) AS fev"
        f" FROM ({groups}) g) y WHERE rn = 1 AND crank <= ?"
        + ("" if include_comments else " AND has_article = 1")
    )
    src, cond, cparams = _scoped(store, "tie_changes", mine)
    changes = (
        "SELECT 1 AS kind_ord, k.day, k.doc_id AS k1, '' AS k2, k.idx AS k3, k.type AS k4, k.what AS k5,"
        f" k.doc_hash AS ref, k.idx FROM {src} WHERE {cond}"
    )
    items = f"{events} UNION ALL {changes}"
    params = [*gparams, max_rank, *cparams]
    order = (f"CASE WHEN day IS NULL THEN 1 ELSE 0 END, day, kind_ord, {_order(store, 'k1')}, {_order(store, 'k2')},"
             f" k3, {_order(store, 'k4')}, k5")  # fmt: skip
    rows = store.query(f"SELECT t.*, COUNT(*) OVER () AS n_items FROM ({items}) t ORDER BY {order}"
                       f" LIMIT {int(limit)} OFFSET {int(offset)}", params)  # fmt: skip
    if rows:
        return rows, int(rows[0]["n_items"])
    return rows, int(store.scalar(f"SELECT COUNT(*) FROM ({items}) t", params))


def timeline_events(store: Any, actor: str, scope: Scope, gids: list[str]) -> list[dict[str, Any]]:
    """The actor's event rows of these merged events, in `graph_sql.actor_event_rows`' order."""
    if not gids:
        return []
    groups, params = _event_groups(store, actor, scope)
    marks = ", ".join("?" * len(gids))
    return store.query(f"SELECT * FROM ({groups}) g WHERE gid IN ({marks}) ORDER BY doc_id, event_id",
                       [*params, *gids])  # fmt: skip


def timeline_changes(store: Any, mine: Scope, refs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The kept change rows of these references (relation `ref`, `idx`)."""
    if not refs:
        return []
    src, cond, params = _scoped(store, "tie_changes", mine)
    docs = sorted({r["ref"] for r in refs})
    cols = ", ".join(f"k.{c}" for c in CHANGE_COLUMNS)
    rows = store.query(f"SELECT {cols} FROM {src} WHERE {cond} AND k.doc_hash IN ({', '.join('?' * len(docs))})",
                       [*params, *docs])  # fmt: skip
    for r in rows:
        r["day"], r["p_day"] = as_date(r["day"]), as_date(r["p_day"])
    return rows
