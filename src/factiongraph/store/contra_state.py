"""Per-pair contradiction state kept at ingest (migration 9): a page's contradictions as a read of
a small table.

`store.contradictions` finds the sources that disagree about a pair with a self-join of the
pair's statements; on millions of relations that takes seconds to minutes, and the graph page
and an actor page need it on every request. For the default window (`DEFAULT_WINDOW_DAYS`) and
confidence threshold (`graph.MIN_CONFIDENCE`; `contra_meta` records both) this module keeps:

- `contra_groups`: one row per kind of disagreement and actor pair (`lo` < `hi`, as SQL sorts
  them), the row `contradictions`' grouping query returns: the closest pair of disagreeing
  statements (`x_`/`y_` columns, those of relations and events side by side, the other kind's
  NULL), the sources on each side (`nx`, `ny`) and the later of the two days (`last_day`).

Its rows are recomputed with the per-tie state (`store.ties`): every write that changes the
evidence marks the actor pairs the touched documents name (their relations and events, before
and after the change) and `ties.refresh` recomputes those pairs' ties and groups with the same
queries `contradictions` runs on the whole store, so the kept rows are those queries' rows. A
kind of disagreement compares only statements of one pair, so a pair's groups depend on that
pair's statements alone.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from factiongraph.store.contradictions import KINDS
from factiongraph.store.graph_sql import ALL, Scope
from factiongraph.store.schema import create_tables, read_kept

_SIDE_COLS = (("doc_hash", "TEXT"), ("idx", "INTEGER"), ("event_id", "TEXT"), ("doc_id", "TEXT"), ("type", "TEXT"),
              ("a", "TEXT"), ("b", "TEXT"), ("plover", "TEXT"), ("actor1", "TEXT"), ("actor2", "TEXT"),
              ("status", "TEXT"), ("certainty", "TEXT"), ("source_kind", "TEXT"), ("evidence_text", "TEXT"),
              ("day", "DATE"))  # fmt: skip
GROUP_COLUMNS = (
    ("kind", "TEXT"), ("lo", "TEXT"), ("hi", "TEXT"), ("last_day", "DATE"), ("nx", "INTEGER"), ("ny", "INTEGER"),
    *((f"{x}_{c}", t) for x in ("x", "y") for c, t in _SIDE_COLS),
)  # fmt: skip
_REL_SIDE = frozenset(("doc_hash", "idx", "doc_id", "type", "a", "b", "status", "certainty", "source_kind",
                       "evidence_text", "day"))  # fmt: skip
_EVENT_SIDE = frozenset(("doc_hash", "event_id", "doc_id", "plover", "actor1", "actor2", "certainty", "source_kind",
                         "evidence_text", "day"))  # fmt: skip
KEPT_TABLES = ("contra_meta", "contra_groups")
TABLES = (
    "CREATE TABLE IF NOT EXISTS contra_meta (min_confidence DOUBLE PRECISION NOT NULL, window_days INTEGER NOT NULL)",
    "CREATE TABLE IF NOT EXISTS contra_groups (" + ", ".join(f"{c} {t}" for c, t in GROUP_COLUMNS) + ")",
)
# PostgreSQL: a page's pairs and an actor's groups are index reads (DuckDB scans the small table)
POSTGRES_INDEXES = (
    "CREATE INDEX IF NOT EXISTS contra_groups_pair ON contra_groups (lo, hi)",
    "CREATE INDEX IF NOT EXISTS contra_groups_hi ON contra_groups (hi)",
)


def default_settings() -> dict[str, Any]:
    """The window and confidence threshold the web, the CLI and the API use unless told otherwise."""
    from factiongraph.graph import MIN_CONFIDENCE
    from factiongraph.store.contradictions import DEFAULT_WINDOW_DAYS

    return {"min_confidence": float(MIN_CONFIDENCE), "window_days": int(DEFAULT_WINDOW_DAYS)}


def _meta(store: Any) -> dict[str, Any] | None:
    """The settings the kept groups were computed for; None before migration 9 or before a fill."""
    if getattr(store, "_contra_meta", None) is not None:
        cached: dict[str, Any] = store._contra_meta
        return cached
    rows = read_kept(store, "SELECT min_confidence, window_days FROM contra_meta")
    if rows is None:  # an older store (before migration 9) read without migrating
        return None
    meta = {"min_confidence": float(rows[0]["min_confidence"]), "window_days": int(rows[0]["window_days"])} if rows \
        else None  # fmt: skip
    store._contra_meta = meta
    return meta


def covers(store: Any, *, min_confidence: float, window_days: int) -> bool:
    """True when the kept groups answer `contradictions` with these settings."""
    meta = _meta(store)
    return (
        meta is not None
        and abs(min_confidence - meta["min_confidence"]) < 1e-12
        and int(window_days) == meta["window_days"]
    )


def _present(store: Any) -> bool:
    """True when the store has the kept tables (migration 9 applied: migration 7 runs `ties` without them)."""
    if getattr(store, "_contra_tables", False):
        return True
    found = bool(store.scalar("SELECT COUNT(*) FROM information_schema.tables WHERE table_name = 'contra_groups'"))
    store._contra_tables = found
    return found


# -- writing ---------------------------------------------------------------------------------------


def mark_events(store: Any, touched: str, docs: str | None = None, condition: str | None = None) -> None:
    """Adds to the table `touched` (lo, hi) the actor pairs the events of the documents `docs` (a
    subquery of hashes) name, or those meeting `condition` (SQL on `a`, `b`: the pair in order)."""
    pairs = (
        "SELECT LEAST(actor1, actor2) AS a, GREATEST(actor1, actor2) AS b FROM events"
        " WHERE actor1 IS NOT NULL AND actor2 IS NOT NULL AND actor1 <> actor2"
        + (f" AND doc_hash IN ({docs})" if docs else "")
    )
    store.execute(f"INSERT INTO {touched} (lo, hi) SELECT DISTINCT a, b FROM ({pairs}) evidence"
                  + (f" WHERE {condition}" if condition else ""))  # fmt: skip


def clear(store: Any) -> None:
    """Empties the kept groups and records the default settings (for a recomputation by parts)."""
    if not _present(store):
        return
    for table in KEPT_TABLES:
        store.execute(f"DELETE FROM {table}")
    _record(store, default_settings())


def _record(store: Any, settings: dict[str, Any]) -> None:
    store.execute("INSERT INTO contra_meta (min_confidence, window_days) VALUES (?, ?)",
                  (settings["min_confidence"], settings["window_days"]))  # fmt: skip
    store._contra_meta = settings


def compute(store: Any, touched: str | None) -> None:
    """Deletes and recomputes the kept groups of the pairs listed in the table `touched` (lo, hi),
    or of every pair (None, or when the default settings changed since they were computed); in the
    caller's transaction (`ties.refresh` and `ties.rebuild` call it)."""
    if not _present(store):
        return
    settings = default_settings()
    if _meta(store) != settings:
        touched = None
    if touched:
        store.execute(f"DELETE FROM contra_groups WHERE EXISTS (SELECT 1 FROM {touched} tp"
                      " WHERE tp.lo = contra_groups.lo AND tp.hi = contra_groups.hi)")  # fmt: skip
    else:
        for table in KEPT_TABLES:
            store.execute(f"DELETE FROM {table}")
        _record(store, settings)
    from factiongraph.store.contradictions import event_groups_sql, relation_groups_sql

    def among(a: str, b: str) -> str | None:
        """The endpoints `a`, `b` are a touched pair; each first one of their actors, a filter on the
        column itself that a scan applies cheaply (few pairs at ingest: few actors)."""
        if not touched:
            return None
        ends = f"(SELECT lo FROM {touched} UNION SELECT hi FROM {touched})"
        return (f"{a} IN {ends} AND {b} IN {ends} AND EXISTS (SELECT 1 FROM {touched} tp"
                f" WHERE tp.lo = LEAST({a}, {b}) AND tp.hi = GREATEST({a}, {b}))")  # fmt: skip

    cols = ", ".join(c for c, _ in GROUP_COLUMNS)
    window, conf = settings["window_days"], settings["min_confidence"]
    for (q, p), mine in (
        (relation_groups_sql(store, ALL, conf, window, restrict=among("ev.a", "ev.b")), _REL_SIDE),
        (event_groups_sql(store, ALL, window, restrict=among("e.actor1", "e.actor2")), _EVENT_SIDE),
    ):
        picks = ", ".join(f"g.{x}_{c}" if c in mine else f"CAST(NULL AS {t})" for x in "xy" for c, t in _SIDE_COLS)
        if store.backend == "postgres" and store.in_transaction:
            store.execute("SET LOCAL enable_nestloop = off")  # see `graph_sql._analytic`
        store.execute(f"INSERT INTO contra_groups ({cols}) SELECT g.kind, g.pp, g.qq, GREATEST(g.x_day, g.y_day),"
                      f" g.nx, g.ny, {picks} FROM ({q}) g", p)  # fmt: skip
    if store.backend == "postgres" and not touched:
        store.execute("ANALYZE contra_groups")


def migrate(store: Any) -> None:
    """Migration 9: creates the tables (and PostgreSQL's indexes) and fills them."""
    create_tables(store, TABLES, postgres=POSTGRES_INDEXES)
    store._contra_tables = True
    store._contra_meta = None
    compute(store, None)


# -- reading ---------------------------------------------------------------------------------------


def _order(store: Any) -> str:
    """`contradictions.contradictions`' order (newest first, by kind, by pair), made total by the
    two statements' keys (`contradictions._order`), so that pages neither repeat nor skip a group."""
    kinds = " ".join(f"WHEN '{k}' THEN {i}" for i, k in enumerate(KINDS))
    c = ' COLLATE "C"' if store.backend == "postgres" else ""  # text in code-point order, as Python sorts
    keys = []
    for x, y in (("k.lo", "k.hi"), ("k.x_doc_hash", "k.y_doc_hash"), ("COALESCE(k.x_idx, -1)", "COALESCE(k.y_idx, -1)"),
                 ("COALESCE(k.x_event_id, '')", "COALESCE(k.y_event_id, '')")):  # fmt: skip
        t = "" if "idx" in x else c
        keys += [f"LEAST({x}{t}, {y}{t})", f"GREATEST({x}{t}, {y}{t})"]
    return f"GREATEST(k.x_day, k.y_day) DESC, CASE k.kind {kinds} END, {', '.join(keys)}"


def group_rows(
    store: Any, scope: Scope, pairs: Sequence[tuple[str, str]] | None, *, min_confidence: float, window_days: int,
    page: tuple[int, int] | None = None, count: bool = False,
) -> list[dict[str, Any]] | None:
    """The kept groups (as `contradictions.group_rows` computes them) of the pairs in `scope`, of
    `pairs` only when given; None when the kept state does not cover these settings. `page`
    (limit, offset): that slice of them in `contradictions`' order; `count`: one row, `n`, their number."""
    if not covers(store, min_confidence=min_confidence, window_days=window_days):
        return None
    if pairs is not None and not pairs:
        return [{"n": 0}] if count else []
    join = ""
    if scope.country is not None:
        join = " LEFT JOIN actors sa ON sa.id = k.lo LEFT JOIN actors ta ON ta.id = k.hi"
    cond, params = scope.where("k.lo", "k.hi", "sa.country", "ta.country")
    src, head = "contra_groups", []
    if pairs is not None:
        # both orders of each pair: the kept `lo` is the lesser id as the database sorts them
        keys = sorted({(p, q) for a, b in pairs for p, q in ((a, b), (b, a))})
        values = ", ".join("(?, ?)" for _ in keys)
        src = (f"(SELECT c.* FROM contra_groups c JOIN (VALUES {values}) AS v (lo, hi)"
               " ON c.lo = v.lo AND c.hi = v.hi)")  # fmt: skip
        head = [v for k in keys for v in k]
    elif scope.actor is not None:
        # one actor: its groups as either endpoint, each found by an equality (an index on PostgreSQL)
        src = "(SELECT * FROM contra_groups WHERE lo = ? UNION ALL SELECT * FROM contra_groups WHERE hi = ?)"
        head = [scope.actor] * 2
    if count:
        return store.query(f"SELECT COUNT(*) AS n FROM {src} k{join} WHERE {cond}", [*head, *params])
    tail = f" ORDER BY {_order(store)} LIMIT {int(page[0])} OFFSET {int(page[1])}" if page is not None else ""
    rows = store.query(f"SELECT k.* FROM {src} k{join} WHERE {cond}{tail}", [*head, *params])
    for r in rows:
        r["pp"], r["qq"] = r.pop("lo"), r.pop("hi")
    return rows


def kept_rows(store: Any) -> list[tuple[Any, ...]]:
    """Every kept group, sorted (to compare the kept state with a recomputation)."""
    return [tuple(r.values()) for r in store.query("SELECT * FROM contra_groups ORDER BY kind, lo, hi")]


__all__ = ["GROUP_COLUMNS", "KEPT_TABLES", "clear", "compute", "covers", "group_rows", "mark_events", "migrate"]
