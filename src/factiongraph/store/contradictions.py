"""Contradictions: ties and events on which the sources disagree, with the evidence of each side.

Three kinds, each between two different sources (two documents, or an article and the reader
comments under it), dated within `window_days` of each other (undated statements are left out:
without a date there is no telling whether they speak of the same time):

- `allied and hostile`: one source reports the pair allied, backing or affiliated (status
  current, not negated), the other reports them fighting (hostility, current, not negated), and
  no statement between them says the friendly tie ended - that would be a change, not a
  disagreement (see `graph.changes_from_store`);
- `tie denied`: one source states a tie (type and pair), another negates the same tie;
- `event denied`: one source reports an event (PLOVER type, the same two actors in either
  order) as asserted or reported, another denies it (certainty negated).

`store.contra_state` keeps these groups per actor pair, computed at ingest, for the default window
and confidence threshold; `contradictions` reads them from there.

Relations are read as the graph reads them (`graph_sql.evidence_sql`: parties only, the
confidence threshold, the analyst's corrections applied), so a rejected statement contradicts
nothing. Each source counts once per side (its first statement stands for it); the pairs of sources
are grouped into one `Contradiction` per kind and actor pair, with the closest pair in time as its
evidence and the number of sources on each side.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from factiongraph.store import graph_sql
from factiongraph.store.graph_sql import Scope
from factiongraph.store.rows import as_date

DEFAULT_WINDOW_DAYS = 30
FRIENDLY = ("alliance", "support", "affiliation")
_FRIENDLY_SQL = "(" + ", ".join(f"'{t}'" for t in FRIENDLY) + ")"
KINDS = ("allied and hostile", "tie denied", "event denied")
_REL_COLS = ("doc_hash", "idx", "doc_id", "type", "a", "b", "status", "certainty", "source_kind", "evidence_text",
             "day")  # fmt: skip
_EVENT_COLS = ("doc_hash", "event_id", "doc_id", "plover", "actor1", "actor2", "certainty", "source_kind",
               "evidence_text", "day")  # fmt: skip


@dataclass
class Contradiction:
    """Two sources that disagree about one pair of actors (`a` < `b`): one side's statement and
    the other's (`first` the earlier), and how many sources each side has."""

    kind: str
    a: str
    b: str
    first: dict[str, Any]
    second: dict[str, Any]
    first_count: int = 1
    second_count: int = 1

    @property
    def pair(self) -> tuple[str, str]:
        return (self.a, self.b)

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "a": self.a, "b": self.b, "evidence": [_jsonable(self.first),
                _jsonable(self.second)], "counts": [self.first_count, self.second_count]}  # fmt: skip


def _jsonable(side: dict[str, Any]) -> dict[str, Any]:
    return {k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in side.items()}


def _side(r: dict[str, Any], p: str, cols: tuple[str, ...]) -> dict[str, Any]:
    out = {c: r[p + c] for c in cols}
    out["day"] = as_date(out["day"])
    if "idx" in out:
        out["idx"] = int(out["idx"])
        out["link"] = f"/relations/{out['doc_hash']}/{out['idx']}"
    else:
        out["link"] = f"/events/{out['doc_hash']}/{out['event_id']}"
    return out


def _narrow(tie: str) -> str:
    """The columns the pairs of disagreeing sources carry (`x`, `y`: the two statements), enough to
    count and rank them; the chosen pair's other columns are read back from `s` by its key."""
    return ", ".join(f"{x}.{c} AS {x}_{c}" for x in ("x", "y") for c in ("doc_hash", tie, "doc_id", "source_kind",
                     "day")) + ", x.p AS pp, x.q AS qq"  # fmt: skip


def _grouped_sql(ctes: str, pairs: str, tie: str, cols: tuple[str, ...]) -> str:
    """One row per kind and actor pair from the pairs of disagreeing sources `pairs` selects (kind,
    pp, qq and the `_narrow` columns): the pair closest in time, with the sources on each side (nx,
    ny) and the `cols` of its two statements, read back from `s` (keyed by doc_hash and `tie`)."""
    wide = ", ".join(f"{x}.{c} AS {x}_{c}" for x in ("x", "y") for c in cols)
    return (
        f"WITH {ctes}, j AS ({pairs}),"
        " c AS (SELECT kind, pp, qq, COUNT(DISTINCT x_doc_hash || ':' || x_source_kind) AS nx,"
        " COUNT(DISTINCT y_doc_hash || ':' || y_source_kind) AS ny FROM j GROUP BY kind, pp, qq),"
        " g AS (SELECT * FROM (SELECT j.*, ROW_NUMBER() OVER (PARTITION BY kind, pp, qq ORDER BY ABS(x_day - y_day),"
        f" x_doc_id, y_doc_id, x_{tie}, y_{tie}) AS gn FROM j) g0 WHERE gn = 1)"
        f" SELECT g.kind, g.pp, g.qq, {wide}, c.nx, c.ny FROM g JOIN c ON c.kind = g.kind AND c.pp = g.pp"
        f" AND c.qq = g.qq JOIN s x ON x.doc_hash = g.x_doc_hash AND x.{tie} = g.x_{tie}"
        f" JOIN s y ON y.doc_hash = g.y_doc_hash AND y.{tie} = g.y_{tie}"
    )


def _among(a: str, b: str, pairs: Sequence[tuple[str, str]] | None) -> tuple[str, list[Any]]:
    """A condition: the endpoints `a`, `b` are one of `pairs` (in either order; always true when None)."""
    if pairs is None:
        return "1 = 1", []
    keys = sorted({f"{min(p)}\x1f{max(p)}" for p in pairs})
    marks = "(" + ", ".join("?" * len(keys)) + ")" if keys else "(NULL)"
    return f"LEAST({a}, {b}) || CHR(31) || GREATEST({a}, {b}) IN {marks}", keys


def relation_groups_sql(
    store: Any, scope: Scope, min_confidence: float, window_days: int, *,
    only: Sequence[tuple[str, str]] | None = None, restrict: str | None = None,
) -> tuple[str, list[Any]]:
    """The SELECT of the relation kinds' groups (see `_grouped_sql`) of the pairs in `scope`, of
    `only` these pairs (when given) and whose evidence rows (`ev`) meet `restrict` (when given)."""
    among, among_params = _among("ev.a", "ev.b", only)
    cond = " AND ".join(c for c in (among if only is not None else None, restrict) if c) or None
    sql, params = graph_sql.evidence_sql(store, scope, min_confidence=min_confidence, restrict=cond)
    params = [*params, *among_params]
    sel = _narrow("idx")
    same_source = "x.doc_hash = y.doc_hash AND x.source_kind = y.source_kind"
    near = "ABS(x.day - y.day) <= ?"
    # a statement that the friendly tie ended, dated between the two (inclusive): a change, not a
    # disagreement. With `pe`/`ne` the latest/earliest end of x's tie on or before/after x's day
    # (`fe`), one ended between them when y is later and ne <= y's day, or earlier and pe >= it
    ended = ("((y.day >= x.day AND fe.ne IS NOT NULL AND fe.ne <= y.day)"
             " OR (y.day < x.day AND fe.pe IS NOT NULL AND fe.pe >= y.day))")  # fmt: skip
    holds = "status = 'current' AND change IS NULL AND certainty <> 'negated'"
    # each source (document and source kind) counts once per side: its first statement stands for it,
    # so a report repeating a tie in every paragraph does not multiply the pairs to compare
    ctes = (
        f"ev AS ({sql}), s AS (SELECT ev.*, LEAST(a, b) AS p, GREATEST(a, b) AS q FROM ev WHERE day IS NOT NULL),"
        f" sd AS (SELECT s.*, CASE WHEN type IN {_FRIENDLY_SQL} AND {holds} THEN 'F'"
        f" WHEN type = 'hostility' AND {holds} THEN 'H' END AS side1,"
        " CASE WHEN certainty = 'negated' THEN 'N' ELSE 'A' END AS side2 FROM s),"
        " r1 AS (SELECT * FROM (SELECT sd.*, ROW_NUMBER() OVER (PARTITION BY p, q, side1, doc_hash, source_kind"
        " ORDER BY day, idx) AS rn FROM sd WHERE side1 IS NOT NULL) t1 WHERE rn = 1),"
        " fz AS (SELECT p, q, type, day, doc_hash, idx, 0 AS z FROM r1 WHERE side1 = 'F'"
        " UNION ALL SELECT p, q, type, day, NULL, NULL, 1 FROM s WHERE ends = 1),"
        " fe AS (SELECT doc_hash, idx, pe, ne FROM (SELECT fz.*, MAX(CASE WHEN z = 1 THEN day END) OVER"
        " (PARTITION BY p, q, type ORDER BY day RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS pe,"
        " MIN(CASE WHEN z = 1 THEN day END) OVER (PARTITION BY p, q, type ORDER BY day"
        " RANGE BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING) AS ne FROM fz) t0 WHERE z = 0),"
        " r2 AS (SELECT * FROM (SELECT sd.*, ROW_NUMBER() OVER (PARTITION BY type, a, b, side2, doc_hash,"
        " source_kind ORDER BY day, idx) AS rn FROM sd) t2 WHERE rn = 1)"
    )
    pairs = (
        f"SELECT 'allied and hostile' AS kind, {sel} FROM r1 x JOIN fe ON fe.doc_hash = x.doc_hash AND fe.idx = x.idx"
        " JOIN r1 y ON x.p = y.p AND x.q = y.q"
        f" AND x.side1 = 'F' AND y.side1 = 'H' WHERE NOT ({same_source}) AND {near} AND NOT {ended}"
        f" UNION ALL SELECT 'tie denied' AS kind, {sel} FROM r2 x JOIN r2 y ON x.type = y.type AND x.a = y.a"
        f" AND x.b = y.b AND x.side2 = 'A' AND y.side2 = 'N' WHERE NOT ({same_source}) AND {near}"
    )
    return _grouped_sql(ctes, pairs, "idx", _REL_COLS), [*params, window_days, window_days]


def event_groups_sql(
    store: Any, scope: Scope, window_days: int, *, only: Sequence[tuple[str, str]] | None = None,
    restrict: str | None = None,
) -> tuple[str, list[Any]]:
    """The SELECT of the `event denied` groups (see `_grouped_sql`) of the pairs in `scope`, of
    `only` these pairs (when given) and whose event rows (`e`) meet `restrict` (when given)."""
    del store  # one SQL for both backends
    scope_sql, scope_params = scope.where("e.actor1", "e.actor2", "a1.country", "a2.country")
    among, among_params = _among("e.actor1", "e.actor2", only)
    scope_sql, scope_params = f"{scope_sql} AND {among}", [*scope_params, *among_params]
    if restrict:
        scope_sql += f" AND {restrict}"
    base = (
        "SELECT e.doc_hash, e.event_id, d.id AS doc_id, e.plover, e.actor1, e.actor2, e.certainty, e.source_kind,"
        " e.evidence_text, COALESCE(e.date_start, d.published) AS day, LEAST(e.actor1, e.actor2) AS p,"
        " GREATEST(e.actor1, e.actor2) AS q FROM events e JOIN documents d ON d.hash = e.doc_hash"
        " LEFT JOIN actors a1 ON a1.id = e.actor1 LEFT JOIN actors a2 ON a2.id = e.actor2"
        f" WHERE e.actor1 IS NOT NULL AND e.actor2 IS NOT NULL AND e.actor1 <> e.actor2 AND {scope_sql}"
    )
    sel = _narrow("event_id")
    pairs = (
        f"SELECT 'event denied' AS kind, {sel} FROM s x JOIN s y ON x.plover = y.plover"
        " AND x.p = y.p AND x.q = y.q WHERE x.certainty IN ('asserted', 'reported') AND y.certainty = 'negated'"
        " AND NOT (x.doc_hash = y.doc_hash AND x.source_kind = y.source_kind)"
        " AND x.day IS NOT NULL AND y.day IS NOT NULL AND ABS(x.day - y.day) <= ?"
    )
    return _grouped_sql(f"s AS ({base})", pairs, "event_id", _EVENT_COLS), [*scope_params, window_days]


def group_rows(
    store: Any, scope: Scope, min_confidence: float, window_days: int, pairs: Sequence[tuple[str, str]] | None
) -> list[dict[str, Any]]:
    """The groups of every kind (`_grouped_sql`'s rows) computed from the evidence and events tables."""
    q, p = relation_groups_sql(store, scope, min_confidence, window_days, only=pairs)
    rows = store.query(q, p)
    q, p = event_groups_sql(store, scope, window_days, only=pairs)
    return rows + store.query(q, p)


def contradictions(
    store: Any,
    *,
    scope: Scope = graph_sql.ALL,
    window_days: int = DEFAULT_WINDOW_DAYS,
    min_confidence: float | None = None,
    pairs: Sequence[tuple[str, str]] | None = None,
) -> list[Contradiction]:
    """The disagreements in the store (see the module docstring), newest first; with `pairs`, only
    those about these actor pairs (what a page showing some ties needs: the same rows, less work).

    Read from the per-pair state kept at ingest (`store.contra_state`) when it was computed for
    this window and confidence threshold (the defaults), else computed from the evidence."""
    from factiongraph.store import contra_state

    if min_confidence is None:
        from factiongraph.graph import MIN_CONFIDENCE

        min_confidence = MIN_CONFIDENCE
    rows = contra_state.group_rows(store, scope, pairs, min_confidence=min_confidence, window_days=window_days)
    if rows is None:
        rows = group_rows(store, scope, min_confidence, window_days, pairs)
    return _contradictions(rows)


def contradictions_page(
    store: Any, *, limit: int, offset: int = 0, scope: Scope = graph_sql.ALL, window_days: int = DEFAULT_WINDOW_DAYS,
) -> tuple[list[Contradiction], int]:
    """`limit` disagreements of `contradictions` from `offset`, and how many there are in all: with
    the kept state (default window and threshold) only that page is read, else all are computed."""
    from factiongraph.graph import MIN_CONFIDENCE
    from factiongraph.store import contra_state

    settings: dict[str, Any] = {"min_confidence": MIN_CONFIDENCE, "window_days": window_days}
    counted = contra_state.group_rows(store, scope, None, count=True, **settings)
    if counted is None:
        found = contradictions(store, scope=scope, window_days=window_days)
        return found[offset : offset + limit], len(found)
    rows = contra_state.group_rows(store, scope, None, page=(limit, offset), **settings) or []
    return _contradictions(rows), int(counted[0]["n"])


def _contradictions(rows: list[dict[str, Any]]) -> list[Contradiction]:
    out = []
    for r in rows:
        cols = _EVENT_COLS if r["kind"] == "event denied" else _REL_COLS
        x, y = _side(r, "x_", cols), _side(r, "y_", cols)
        lo, hi = sorted((r["pp"], r["qq"]))
        if (x["day"], x["doc_id"]) <= (y["day"], y["doc_id"]):
            out.append(Contradiction(r["kind"], lo, hi, x, y, int(r["nx"]), int(r["ny"])))
        else:
            out.append(Contradiction(r["kind"], lo, hi, y, x, int(r["ny"]), int(r["nx"])))
    out.sort(key=_order)
    return out


def _order(c: Contradiction) -> tuple[Any, ...]:
    """Newest first, then by kind and pair; the statements' keys, each the lesser and the greater
    of the two sides' (as `contra_state` pages them), make the order total."""
    keys: list[Any] = []
    for get in (lambda s: str(s["doc_hash"]), lambda s: -1 if s.get("idx") is None else int(s["idx"]),
                lambda s: str(s.get("event_id") or "")):  # fmt: skip
        pair = sorted((get(c.first), get(c.second)))
        keys += pair
    return (-max(c.first["day"], c.second["day"]).toordinal(), KINDS.index(c.kind), c.a, c.b, *keys)


def contradicted_pairs(contras: list[Contradiction]) -> dict[tuple[str, str], list[str]]:
    """Each unordered pair (sorted) with the kinds of disagreement about it."""
    out: dict[tuple[str, str], list[str]] = defaultdict(list)
    for c in contras:
        if c.kind not in out[c.pair]:
            out[c.pair].append(c.kind)
    return dict(out)


__all__ = ["KINDS", "Contradiction", "contradicted_pairs", "contradictions", "contradictions_page"]
