"""The graph's state, its changes and the evidence behind them, computed in SQL.

One set of queries for DuckDB and PostgreSQL over the `evidence` table (`store.evidence`: each
relation between two parties, with its endpoints in order, its day, weight and state, written at
ingest), so no query joins the corpus's tables or loads it into Python: the rows that come back
are one per edge or one per change, and only their fields are joined back from `relations` and
`documents`. `factiongraph.graph` turns the rows into `Edge` and `Change`.

**Evidence** is a relation between two parties (civilians and protesters are no parties), at
least `min_confidence`, of an allowed certainty. Symmetric types (alliance, hostility) have
their pair sorted (`a` < `b`). Its day is the document's publication date, else the date of the
event it derives from, else the latest event date of its document (the text's dateline);
otherwise it is undated - never the ingest time. Undated evidence is kept but left out of the
graph at a date and of the changes' time order.

**Statements**: the rows of one sentence naming one tie (mention-level rows) count once, by
the strongest. A statement is *state-bearing* when it says the tie holds or ended (status
`current`/`former`, or a `change`), and is not negated; it *ends* the tie when its status is
`former` or its change is `broken`/`left`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from factiongraph.document import CERTAINTIES
from factiongraph.store.core import Store
from factiongraph.store.evidence import CERTAINTY_WEIGHT, ENDING_CHANGES, NON_PARTIES, SOURCE_KIND_WEIGHT, SYMMETRIC
from factiongraph.store.rows import as_date

__all__ = [
    "ALL", "CERTAINTY_WEIGHT", "CHANGE_COLUMNS", "ENDING_CHANGES", "EVIDENCE_FIELDS", "NON_PARTIES",
    "SOURCE_KIND_WEIGHT", "SYMMETRIC", "Scope", "actor_event_rows", "actor_event_sql", "change_rows", "change_sql",
    "day_range", "edge_rows", "edge_sql", "evidence_rows", "evidence_sql", "flip_rows", "latest_day",
    "undated_change_rows", "undated_change_sql", "undated_count",
]  # fmt: skip


@dataclass(frozen=True)
class Scope:
    """Which ties a query sees: those of one actor, of a country, of a conflict (all when empty).

    `country` matches when either endpoint has it (ISO 3166-1 alpha-3). A conflict is given as
    the actor ids the registry places in it (`conflict_in`) and those it places only in other
    conflicts (`conflict_out`): a tie is in when one endpoint is in and none is out (an actor the
    registry does not know is neither).
    """

    actor: str | None = None
    country: str | None = None
    conflict: str | None = None
    conflict_in: frozenset[str] = frozenset()
    conflict_out: frozenset[str] = frozenset()

    def where(self, a: str, b: str, ca: str, cb: str) -> tuple[str, list[Any]]:
        """A SQL condition on the endpoint columns `a`, `b` and their countries `ca`, `cb`."""
        conds: list[str] = []
        params: list[Any] = []
        if self.actor is not None:
            conds.append(f"({a} = ? OR {b} = ?)")
            params += [self.actor, self.actor]
        if self.country is not None:
            conds.append(f"({ca} = ? OR {cb} = ?)")
            params += [self.country, self.country]
        if self.conflict is not None:
            ins = sorted(self.conflict_in)
            conds.append(f"({a} IN {_marks(ins)} OR {b} IN {_marks(ins)})")
            params += ins + ins
            if self.conflict_out:
                outs = sorted(self.conflict_out)
                conds.append(f"{a} NOT IN {_marks(outs)} AND {b} NOT IN {_marks(outs)}")
                params += outs + outs
        return " AND ".join(conds) or "1 = 1", params


ALL = Scope()


def _marks(values: Sequence[Any]) -> str:
    return "(" + ", ".join("?" * len(values)) + ")" if values else "(NULL)"


# The columns of the evidence table the queries carry.
_EV_COLS = (
    "doc_hash", "idx", "doc_id", "type", "a", "b", "status", "certainty", "source_kind", "change", "evidence_start",
    "evidence_end", "evidence_text", "day", "dated_by", "weight", "crank", "sb", "ends", "solo", "dsolo",
)  # fmt: skip
_ST_COLS = ", ".join(c for c in _EV_COLS if c != "solo") + ", counted"
_TIE = "type, a, b"
EVIDENCE_FIELDS = (
    "doc_id", "doc_hash", "idx", "day", "dated_by", "status", "certainty", "source_kind", "change", "evidence_text",
)  # fmt: skip


def evidence_sql(
    store: Store,
    scope: Scope = ALL,
    *,
    min_confidence: float = 0.0,
    certainties: Sequence[str] = CERTAINTIES,
    include_comments: bool = True,
    restrict: str | None = None,
) -> tuple[str, list[Any]]:
    """The evidence rows (see the module doc) that pass the filters, as a SELECT with its parameters.

    Columns: those of `_EV_COLS` and `counted` (1 when it counts toward strength and state: an
    article, or a comment with `include_comments`). `restrict` is a further SQL condition on the
    row (alias `ev`), e.g. the ties `store.ties` recomputes.
    """
    del store  # one SQL for both backends
    scope_sql, scope_params = scope.where("ev.a", "ev.b", "sa.country", "ta.country")
    join = ""
    if scope.country is not None:
        join = " LEFT JOIN actors sa ON sa.id = ev.a LEFT JOIN actors ta ON ta.id = ev.b"
    cols = ", ".join(f"ev.{c}" for c in _EV_COLS)
    inc = "1 = 1" if include_comments else "1 = 0"
    # one actor: its rows as either endpoint, each found by an equality the scan filters on (a
    # condition `a = ? OR b = ?` is checked only after reading every row); never both, no self-ties
    source, head = "evidence", []
    if scope.actor is not None:
        source, head = "(SELECT * FROM evidence WHERE a = ? UNION ALL SELECT * FROM evidence WHERE b = ?)", [
            scope.actor, scope.actor]  # fmt: skip
    sql = (
        f"SELECT {cols}, CASE WHEN ev.source_kind <> 'comment' OR {inc} THEN 1 ELSE 0 END AS counted"
        f" FROM {source} ev{join} WHERE (ev.confidence IS NULL OR ev.confidence >= ?)"
        f" AND ev.certainty IN {_marks(certainties)} AND {scope_sql}"
        + (f" AND {restrict}" if restrict else "")
    )
    return sql, [*head, min_confidence, *certainties, *scope_params]


def _statements(ev: tuple[str, list[Any]], where: str, params: Sequence[Any] = ()) -> tuple[str, list[Any]]:
    """One row per statement: the strongest of a sentence's rows naming one tie (a row with a change
    first). `where` filters the evidence rows (alias `e`). Rows alone in their sentence (`solo`) need
    no ranking; the few others are ranked with a window."""
    sql, ev_params = ev
    q = (
        f"SELECT {_ST_COLS} FROM ({sql}) e WHERE e.solo = 1 AND {where}"
        f" UNION ALL SELECT {_ST_COLS} FROM (SELECT e.*, ROW_NUMBER() OVER (PARTITION BY type, a, b, doc_hash,"
        " evidence_start, evidence_end, source_kind ORDER BY weight DESC, CASE WHEN change IS NULL THEN 1 ELSE 0 END,"
        f" idx) AS sn FROM ({sql}) e WHERE e.solo = 0 AND {where}) s0 WHERE sn = 1"
    )
    return q, [*ev_params, *params, *ev_params, *params]


def _counted(alias: str, filters: dict[str, Any]) -> str:
    """`{alias}.counted = 1` as a condition on a stored column, which a planner can estimate."""
    return "1 = 1" if filters.get("include_comments", True) else f"{alias}.source_kind <> 'comment'"


def _analytic(store: Store, sql: str, params: Sequence[Any]) -> list[dict[str, Any]]:
    """Runs a query over many evidence rows. PostgreSQL misjudges how many rows its CTEs hold and
    would join them by nested loops (quadratic): they are turned off for this one transaction."""
    if store.backend != "postgres":
        return store.query(sql, params)
    if store.in_transaction:  # SET LOCAL lasts until the caller's transaction ends
        store.execute("SET LOCAL enable_nestloop = off")
        return store.query(sql, params)
    with store.transaction():
        store.execute("SET LOCAL enable_nestloop = off")
        return store.query(sql, params)


def _kept(store: Store, filters: dict[str, Any]) -> Any:
    """`store.ties` when the store keeps the per-tie state for exactly these filters, else None."""
    from factiongraph.store import ties

    return ties if ties.covers(store, filters) else None


def _fields(prefix: str, alias: str) -> str:
    """The evidence fields (`EVIDENCE_FIELDS`) of the row `alias`, as `{prefix}<field>` columns."""
    return ", ".join(f"{alias}.{f} AS {prefix}{f}" for f in EVIDENCE_FIELDS)


def latest_day(store: Store, scope: Scope = ALL, **filters: Any) -> dt.date | None:
    """The latest evidence date within the scope (None when nothing dated is in it)."""
    if (kept := _kept(store, filters)) is not None:
        return kept.latest_day(store, scope)
    sql, params = evidence_sql(store, scope, **filters)
    return as_date(store.scalar(f"SELECT MAX(day) FROM ({sql}) ev WHERE {_counted('ev', filters)}", params))


def day_range(store: Store, scope: Scope = ALL, **filters: Any) -> tuple[dt.date | None, dt.date | None]:
    """The first and latest evidence dates within the scope (counting every source kind, read
    from the per-tie state kept at ingest when it holds these filters: its days are those of
    every statement, counted or not)."""
    if filters.get("include_comments", True):
        from factiongraph.store import ties

        kept_filters = {**filters, "include_comments": ties.default_filters()["include_comments"]}
        if (kept := _kept(store, kept_filters)) is not None:
            found: tuple[dt.date | None, dt.date | None] = kept.day_range(store, scope)
            return found
    sql, params = evidence_sql(store, scope, **filters)
    row = store.query(f"SELECT MIN(day) AS lo, MAX(day) AS hi FROM ({sql}) ev WHERE {_counted('ev', filters)}", params)
    return as_date(row[0]["lo"]), as_date(row[0]["hi"])


def undated_count(store: Store, scope: Scope = ALL, **filters: Any) -> int:
    """How many undated statements the scope holds (kept, but out of date-driven views)."""
    if (kept := _kept(store, filters)) is not None:
        return kept.undated_count(store, scope)
    st, params = _statements(evidence_sql(store, scope, **filters), f"e.day IS NULL AND {_counted('e', filters)}")
    return int(store.scalar(f"SELECT COUNT(*) FROM ({st}) u", params))


def edge_rows(
    store: Store, scope: Scope = ALL, *, at: dt.date, since: dt.date | None = None, **filters: Any
) -> list[dict[str, Any]]:
    """One row per tie with evidence dated from `since` (default: all) to `at`.

    Columns: type, a, b; n_statements, n_counted (0: seen only in comments that do not count),
    n_article, n_comment, n_documents, c_<certainty> (statements per certainty), first_seen,
    last_seen; art and com (the sum over documents of the document's strongest weight, articles
    and comments apart); state_* (the latest state-bearing counted statement: its `ends` says the
    tie ended; all None when there is none) and latest_* (the latest counted statement).

    One GROUP BY over the statements gives the counts and the latest days; a document naming a
    tie once (`dsolo`, nearly all) adds its weight directly, the others are grouped per document
    first; the latest and the state-bearing statement are picked among the statements of their
    tie's latest day only. With the default filters and no `since`, the per-tie state kept at
    ingest is read instead (`store.ties`; same rows).
    """
    if since is None and (kept := _kept(store, filters)) is not None:
        return kept.edge_rows(store, scope, at=at)
    q, params = edge_sql(store, scope, at=at, since=since, **filters)
    rows = _analytic(store, q, params)
    for r in rows:
        for k in ("first_seen", "last_seen", "state_day", "latest_day"):
            r[k] = as_date(r[k])
    return rows


def edge_sql(
    store: Store, scope: Scope = ALL, *, at: dt.date, since: dt.date | None = None, restrict: str | None = None,
    **filters: Any,
) -> tuple[str, list[Any]]:
    """The query of `edge_rows`, computed from the evidence table, with its parameters."""
    st, params = _statements(evidence_sql(store, scope, restrict=restrict, **filters),
                             "e.day IS NOT NULL AND e.day <= ? AND e.day >= ?", [at, since or dt.date.min])  # fmt: skip
    mix = ", ".join(f"SUM(CASE WHEN crank = {i} THEN 1 ELSE 0 END) AS c_{c}" for i, c in enumerate(CERTAINTIES))
    on = "t.type = s.type AND t.a = s.a AND t.b = s.b"
    q = (
        f"WITH st AS ({st}),"
        f" t AS (SELECT {_TIE}, COUNT(*) AS n_statements, SUM(counted) AS n_counted,"
        " SUM(CASE WHEN source_kind = 'comment' THEN 0 ELSE 1 END) AS n_article,"
        " SUM(CASE WHEN source_kind = 'comment' THEN 1 ELSE 0 END) AS n_comment,"
        f" {mix}, MIN(day) AS first_seen, MAX(day) AS last_seen,"
        " MAX(CASE WHEN counted = 1 THEN day END) AS lday, MAX(CASE WHEN counted = 1 AND sb = 1 THEN day END) AS sday,"
        " SUM(CASE WHEN dsolo = 1 AND source_kind <> 'comment' THEN weight ELSE 0 END) AS art1,"
        " SUM(CASE WHEN dsolo = 1 AND source_kind = 'comment' THEN weight ELSE 0 END) AS com1,"
        f" SUM(CASE WHEN dsolo = 1 THEN counted ELSE 0 END) AS nd1 FROM st GROUP BY {_TIE}),"
        f" dm AS (SELECT {_TIE}, SUM(aw) AS art2, SUM(cw) AS com2, SUM(c) AS nd2 FROM (SELECT {_TIE}, doc_hash,"
        " MAX(CASE WHEN source_kind <> 'comment' THEN weight END) AS aw,"
        " MAX(CASE WHEN source_kind = 'comment' THEN weight END) AS cw, MAX(counted) AS c"
        f" FROM st WHERE dsolo = 0 GROUP BY {_TIE}, doc_hash) d0 GROUP BY {_TIE}),"
        f" lp AS (SELECT * FROM (SELECT s.type, s.a, s.b, {_fields('', 's')},"
        " ROW_NUMBER() OVER (PARTITION BY s.type, s.a, s.b ORDER BY s.crank, s.doc_hash DESC, s.idx DESC) AS rn"
        f" FROM st s JOIN t ON {on} AND s.day = t.lday WHERE s.counted = 1) l0 WHERE rn = 1),"
        f" sp AS (SELECT * FROM (SELECT s.type, s.a, s.b, {_fields('', 's')}, s.ends,"
        " ROW_NUMBER() OVER (PARTITION BY s.type, s.a, s.b ORDER BY s.ends DESC, s.crank, s.doc_hash DESC,"
        f" s.idx DESC) AS rn FROM st s JOIN t ON {on} AND s.day = t.sday WHERE s.counted = 1 AND s.sb = 1) s0"
        " WHERE rn = 1)"
        " SELECT t.type, t.a, t.b, t.n_statements, t.n_counted, t.n_article, t.n_comment,"
        " t.nd1 + COALESCE(dm.nd2, 0) AS n_documents,"
        + "".join(f" t.c_{c}," for c in CERTAINTIES)
        + " t.first_seen, t.last_seen, t.art1 + COALESCE(dm.art2, 0) AS art, t.com1 + COALESCE(dm.com2, 0) AS com,"
        f" sp.ends AS state_ends, {_fields('state_', 'sp')}, {_fields('latest_', 'lp')}"
        " FROM t LEFT JOIN dm ON dm.type = t.type AND dm.a = t.a AND dm.b = t.b"
        " LEFT JOIN lp ON lp.type = t.type AND lp.a = t.a AND lp.b = t.b"
        " LEFT JOIN sp ON sp.type = t.type AND sp.a = t.a AND sp.b = t.b"
    )
    return q, params


_CHANGE_COLS = ("type", "a", "b", *EVIDENCE_FIELDS, "evidence_start", "evidence_end")
_PREV_COLS = ("doc_id", "doc_hash", "idx", "day", "status", "certainty", "source_kind", "evidence_text", "change")
# the columns of a change row (`change_rows`)
CHANGE_COLUMNS = (*_CHANGE_COLS, *(f"p_{c}" for c in _PREV_COLS), "p_type", "prio", "what", "origin", "note")


def change_rows(
    store: Store,
    scope: Scope = ALL,
    *,
    since: dt.date | None = None,
    first_reported: bool = False,
    **filters: Any,
) -> list[dict[str, Any]]:
    """Changes dated `since` or later, measured against the whole dated history of each tie.

    A row per change, with the fields of its statement (`EVIDENCE_FIELDS`, type, a, b), `what`
    (formed, broken, joined, left, merged, turned hostile, first reported), `origin`
    (`statement`: the text reports the change; `store`: a transition the store sees), `note`, and
    `p_*`, the earlier statement it is measured against (`p_type` its tie type). Kinds of rows:

    1. a statement with a `change`, unless it repeats the tie's previous change statement with
       no statement of the other state between (a second report of the same change);
    2. a statement that ends a tie with no change (status `former`) when the tie was current
       before, or on its first report ("first reported as ended");
    3. allies turned hostile: the first hostility of a pair after it was reported allied (once
       per alliance episode, on a later day);
    4. with `first_reported`, each tie's first report.

    One statement gives one change row: of the rows of one sentence and actor pair, only the
    first kind above is kept. With `since`, only the pairs with a statement on or after it are
    read (with their whole history: the result is the same, the work much less). With the default
    filters, the changes kept at ingest are read instead (`store.ties`; same rows).
    """
    if (kept := _kept(store, filters)) is not None:
        return kept.change_rows(store, scope, since=since, first_reported=first_reported)
    q, params = change_sql(store, scope, since=since, first_reported=first_reported, **filters)
    rows = _analytic(store, q, params)
    for r in rows:
        r["day"], r["p_day"] = as_date(r["day"]), as_date(r["p_day"])
    return rows


def change_sql(
    store: Store,
    scope: Scope = ALL,
    *,
    since: dt.date | None = None,
    first_reported: bool = False,
    restrict: str | None = None,
    **filters: Any,
) -> tuple[str, list[Any]]:
    """The query of `change_rows` (its columns: `CHANGE_COLUMNS`, `dn`), with its parameters."""
    ev = evidence_sql(store, scope, restrict=restrict, **filters)
    where, head, hparams = f"e.day IS NOT NULL AND {_counted('e', filters)} AND e.sb = 1", "", []
    if since is not None:
        head = f"rp AS (SELECT DISTINCT a, b FROM ({ev[0]}) r WHERE day >= ? AND {_counted('r', filters)} AND sb = 1),"
        hparams = [*ev[1], since]
        where += " AND EXISTS (SELECT 1 FROM rp WHERE rp.a = e.a AND rp.b = e.b)"
    st, params = _statements(ev, where)
    order = "ORDER BY day, ends, doc_hash, idx"
    cols = ", ".join(_CHANGE_COLS)
    lag = ", ".join(f"LAG({c}) OVER w AS p_{c}" for c in _PREV_COLS)
    cum = f"PARTITION BY {_TIE} {order} ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW"

    def pick(src: str, prev: str, prio: int, what: str, origin: str, note: str) -> str:
        return (
            f"SELECT {', '.join(f'{src}.{c}' for c in _CHANGE_COLS)}, {prev}, {prio} AS prio, {what} AS what,"
            f" '{origin}' AS origin, {note} AS note"
        )

    prev_sq = ", ".join(f"sq.p_{c}" for c in _PREV_COLS) + ", sq.type AS p_type"
    prev_ch = ", ".join(f"ch.p_{c}" for c in _PREV_COLS) + ", ch.type AS p_type"
    prev_eh = ", ".join(f"eh.al_{c} AS p_{c}" for c in _PREV_COLS) + ", 'alliance' AS p_type"
    parts = [
        pick("ch", prev_ch, 1, "ch.change", "statement", "''")
        + " FROM ch WHERE NOT (ch.pc_change IS NOT NULL AND ch.pc_change = ch.change"
        " AND ((ch.ends = 1 AND ch.cum_cur = ch.pc_cum_cur) OR (ch.ends = 0 AND ch.cum_ends = ch.pc_cum_ends)))",
        pick("sq", prev_sq, 2, "CASE WHEN sq.type = 'affiliation' THEN 'left' ELSE 'broken' END", "store",
             "CASE WHEN sq.p_ends IS NULL THEN 'first reported as ended' ELSE '' END")
        + " FROM sq WHERE sq.change IS NULL AND sq.ends = 1 AND (sq.p_ends IS NULL OR sq.p_ends = 0)",
        pick("eh", prev_eh, 3, "'turned hostile'", "store", "'fighting between allies'") + " FROM eh WHERE eh.hn = 1",
    ]  # fmt: skip
    if first_reported:
        parts.append(
            pick("sq", prev_sq, 4, "'first reported'", "store", "''")
            + " FROM sq WHERE sq.seq = 1 AND sq.ends = 0 AND sq.change IS NULL"
        )
    al_cols = ", ".join(f"ea.{c} AS al_{c}" for c in _PREV_COLS)
    q = (
        f"WITH {head} st AS ({st}),"
        f" sq AS (SELECT {cols}, ends, ROW_NUMBER() OVER w AS seq, LAG(ends) OVER w AS p_ends, {lag},"
        f" SUM(ends) OVER ({cum}) AS cum_ends, SUM(1 - ends) OVER ({cum}) AS cum_cur"
        f" FROM st WINDOW w AS (PARTITION BY {_TIE} {order})),"
        f" ch AS (SELECT sq.*, LAG(change) OVER wc AS pc_change, LAG(cum_ends) OVER wc AS pc_cum_ends,"
        f" LAG(cum_cur) OVER wc AS pc_cum_cur FROM sq WHERE change IS NOT NULL"
        f" WINDOW wc AS (PARTITION BY {_TIE} {order})),"
        # allies turned hostile: alliance state flips and hostility statements of a pair, in time order
        " ep AS (SELECT sq.*, CASE WHEN type = 'alliance' THEN 0 ELSE 1 END AS tord,"
        " CASE WHEN type = 'alliance' AND (p_ends IS NULL OR p_ends <> ends) THEN 1 ELSE 0 END AS flip"
        " FROM sq WHERE type IN ('alliance', 'hostility')),"
        " eg AS (SELECT ep.*, SUM(flip) OVER (PARTITION BY a, b ORDER BY day, tord, ends, doc_hash, idx"
        " ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS grp FROM ep),"
        " ea AS (SELECT * FROM eg WHERE type = 'alliance' AND flip = 1),"
        f" eh AS (SELECT eg.*, {al_cols}, ROW_NUMBER() OVER (PARTITION BY eg.a, eg.b, eg.grp"
        " ORDER BY eg.day, eg.doc_hash, eg.idx) AS hn FROM eg JOIN ea ON ea.a = eg.a AND ea.b = eg.b"
        " AND ea.grp = eg.grp WHERE eg.type = 'hostility' AND eg.ends = 0 AND ea.ends = 0 AND eg.day > ea.day),"
        f" cand AS ({' UNION ALL '.join(parts)})"
        " SELECT * FROM (SELECT cand.*, ROW_NUMBER() OVER (PARTITION BY doc_hash, evidence_start, evidence_end,"
        " LEAST(a, b), GREATEST(a, b) ORDER BY prio, type, idx) AS dn FROM cand) c1"
        " WHERE dn = 1 AND day >= ?"
    )
    return q, [*hparams, *params, since or dt.date.min]


def flip_rows(
    store: Store, scope: Scope = ALL, *, at: dt.date, since: dt.date | None = None, **filters: Any
) -> list[dict[str, Any]]:
    """The state changes of each tie up to `at` (type, a, b, day, ends), in time order: the first
    state-bearing statement and each one that turns the tie from current to ended or back."""
    where = f"e.day IS NOT NULL AND {_counted('e', filters)} AND e.sb = 1 AND e.day <= ? AND e.day >= ?"
    st, params = _statements(evidence_sql(store, scope, **filters), where, [at, since or dt.date.min])
    q = (
        f"WITH st AS ({st}),"
        f" sq AS (SELECT {_TIE}, day, ends, doc_hash, idx, LAG(ends) OVER (PARTITION BY {_TIE}"
        " ORDER BY day, ends, doc_hash, idx) AS p_ends FROM st)"
        f" SELECT {_TIE}, day, ends, doc_hash, idx FROM sq WHERE p_ends IS NULL OR p_ends <> ends"
    )
    rows = _analytic(store, q, params)
    for r in rows:
        r["day"] = as_date(r["day"])
    rows.sort(key=lambda r: (r["type"], r["a"], r["b"], r["day"], r["ends"], r["doc_hash"], r["idx"]))
    return rows


def undated_change_rows(store: Store, scope: Scope = ALL, **filters: Any) -> list[dict[str, Any]]:
    """Statements of undated documents that report a change or an ended tie, one per sentence and pair."""
    if (kept := _kept(store, filters)) is not None:
        return kept.undated_change_rows(store, scope)
    return _analytic(store, *undated_change_sql(store, scope, **filters))


def undated_change_sql(
    store: Store, scope: Scope = ALL, restrict: str | None = None, **filters: Any
) -> tuple[str, list[Any]]:
    """The query of `undated_change_rows` (columns: `_CHANGE_COLS`, what, origin, dn), with its parameters."""
    where = f"e.day IS NULL AND {_counted('e', filters)} AND e.sb = 1"
    st, params = _statements(evidence_sql(store, scope, restrict=restrict, **filters), where)
    cols = ", ".join(_CHANGE_COLS)
    q = (
        f"WITH st AS ({st})"
        f" SELECT * FROM (SELECT {cols}, COALESCE(change, CASE WHEN type = 'affiliation' THEN 'left'"
        " ELSE 'broken' END) AS what, CASE WHEN change IS NULL THEN 'store' ELSE 'statement' END AS origin,"
        " ROW_NUMBER() OVER (PARTITION BY doc_hash, evidence_start, evidence_end, LEAST(a, b), GREATEST(a, b)"
        " ORDER BY CASE WHEN change IS NULL THEN 1 ELSE 0 END, type, idx) AS dn"
        " FROM st WHERE change IS NOT NULL OR ends = 1) u WHERE dn = 1"
    )
    return q, params


def evidence_rows(store: Store, scope: Scope = ALL, **filters: Any) -> list[dict[str, Any]]:
    """Every evidence row of the scope (dated and undated), in date order (undated last)."""
    sql, params = evidence_sql(store, scope, **filters)
    rows = store.query(f"SELECT * FROM ({sql}) ev", params)
    for r in rows:
        r["day"] = as_date(r["day"])
    rows.sort(key=lambda r: (r["day"] is None, r["day"] or dt.date.min, r["doc_id"], r["idx"]))
    return rows


def actor_event_sql(store: Store, actor: str, scope: Scope = ALL) -> tuple[str, list[Any]]:
    """The query of `actor_event_rows` (unordered), with its parameters."""
    del store  # one SQL for both backends
    scope_sql, scope_params = scope.where("e.actor1", "COALESCE(e.actor2, e.actor1)", "a1.country", "a2.country")
    mine = (
        "(SELECT * FROM events WHERE actor1 = ? UNION ALL"
        " SELECT * FROM events WHERE actor2 = ? AND (actor1 IS NULL OR actor1 <> ?))"
    )
    join = ""
    if scope.country is not None:  # the actors' countries, only when the scope asks for them
        join = " LEFT JOIN actors a1 ON a1.id = e.actor1 LEFT JOIN actors a2 ON a2.id = e.actor2"
    return (
        "SELECT e.*, d.id AS doc_id, d.url AS doc_url, d.title AS doc_title, d.published AS doc_published"
        f" FROM {mine} e JOIN documents d ON d.hash = e.doc_hash{join} WHERE {scope_sql}",
        [actor, actor, actor, *scope_params],
    )


def actor_event_rows(store: Store, actor: str, scope: Scope = ALL) -> list[dict[str, Any]]:
    """The events of one actor (either side), with their documents' ids and dates, for a timeline."""
    sql, params = actor_event_sql(store, actor, scope)
    return store.query(f"{sql} ORDER BY doc_id, event_id", params)
