"""The graph's state, its changes and the evidence behind them, computed in SQL.

One set of queries for DuckDB and PostgreSQL (window functions and GROUP BY over the
`relations` table): the rows that come back are one per edge or one per change, so memory
does not grow with the corpus. `factiongraph.graph` turns the rows into `Edge` and `Change`.

**Evidence** (`evidence_sql`) is a relation between two parties (civilians and protesters are
no parties), at least `min_confidence`, of an allowed certainty. Symmetric types (alliance,
hostility) have their pair sorted (`a` < `b`). Its day is the document's publication date,
else the date of the event it derives from, else the latest event date of its document (the
text's dateline); otherwise it is undated - never the ingest time. Undated evidence is kept
but left out of the graph at a date and of the changes' time order.

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
from factiongraph.store.rows import as_date

CERTAINTY_WEIGHT: dict[str, float] = {
    "asserted": 1.0,
    "reported": 0.8,
    "hedged": 0.5,
    "disputed": 0.3,
    "speculative": 0.3,
    "hypothetical": 0.2,
    "negated": 0.0,
}
SOURCE_KIND_WEIGHT: dict[str, float] = {"article": 1.0, "comment": 0.3}
SYMMETRIC = ("alliance", "hostility")
ENDING_CHANGES = ("broken", "left")
NON_PARTIES = ("civilians", "protesters")


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


def _case(column: str, mapping: dict[str, float], default: float = 0.0) -> str:
    whens = " ".join(f"WHEN '{k}' THEN {v!r}" for k, v in mapping.items())
    return f"CAST(CASE {column} {whens} ELSE {default!r} END AS DOUBLE PRECISION)"


def evidence_sql(
    store: Store,
    scope: Scope = ALL,
    *,
    min_confidence: float = 0.0,
    certainties: Sequence[str] = CERTAINTIES,
    include_comments: bool = True,
) -> tuple[str, list[Any]]:
    """The evidence rows (see the module doc) as a SELECT, with its parameters.

    Columns: doc_hash, idx, doc_id, type, a, b, status, certainty, source_kind, change,
    evidence_start, evidence_end, evidence_text, day, dated_by, weight, crank, counted (1 when it
    counts toward strength and state: an article, or a comment with `include_comments`), sb
    (state-bearing) and ends.
    """
    lt = 'r.target < r.source COLLATE "C"' if store.backend == "postgres" else "r.target < r.source"
    swap = f"r.type IN {_marks(SYMMETRIC)} AND {lt}"
    ranks: dict[str, float] = {str(c): float(i) for i, c in enumerate(CERTAINTIES)}
    scope_sql, scope_params = scope.where("r.source", "r.target", "sa.country", "ta.country")
    sql = (
        "SELECT r.doc_hash, r.idx, d.id AS doc_id, r.type,"
        f" CASE WHEN {swap} THEN r.target ELSE r.source END AS a,"
        f" CASE WHEN {swap} THEN r.source ELSE r.target END AS b,"
        " r.status, r.certainty, r.source_kind, r.change, r.evidence_start, r.evidence_end, r.evidence_text,"
        " COALESCE(d.published, e.date_start, dl.day) AS day,"
        " CASE WHEN d.published IS NOT NULL THEN 'published' WHEN e.date_start IS NOT NULL THEN 'event'"
        " WHEN dl.day IS NOT NULL THEN 'dateline' ELSE 'undated' END AS dated_by,"
        f" {_case('r.certainty', CERTAINTY_WEIGHT)} * {_case('r.source_kind', SOURCE_KIND_WEIGHT)} AS weight,"
        f" {_case('r.certainty', ranks, float(len(CERTAINTIES)))} AS crank,"
        f" CASE WHEN r.source_kind <> 'comment' OR {'1 = 1' if include_comments else '1 = 0'} THEN 1 ELSE 0 END"
        " AS counted,"
        " CASE WHEN r.certainty <> 'negated' AND (r.status IN ('current', 'former') OR r.change IS NOT NULL)"
        " THEN 1 ELSE 0 END AS sb,"
        f" CASE WHEN r.status = 'former' OR r.change IN {_marks(ENDING_CHANGES)} THEN 1 ELSE 0 END AS ends"
        " FROM relations r JOIN documents d ON d.hash = r.doc_hash"
        " LEFT JOIN events e ON e.doc_hash = r.doc_hash AND e.event_id = r.derived_from"
        " LEFT JOIN (SELECT doc_hash, MAX(date_end) AS day FROM events GROUP BY doc_hash) dl"
        " ON dl.doc_hash = r.doc_hash"
        " LEFT JOIN actors sa ON sa.id = r.source LEFT JOIN actors ta ON ta.id = r.target"
        f" WHERE r.source <> r.target AND COALESCE(sa.kind, '') NOT IN {_marks(NON_PARTIES)}"
        f" AND COALESCE(ta.kind, '') NOT IN {_marks(NON_PARTIES)}"
        " AND (r.confidence IS NULL OR r.confidence >= ?)"
        f" AND r.certainty IN {_marks(certainties)} AND {scope_sql}"
    )
    params: list[Any] = [*ENDING_CHANGES, *NON_PARTIES, *NON_PARTIES, min_confidence, *certainties, *scope_params]
    # the symmetric-type list appears twice (a and b) before the rest
    return sql, [*SYMMETRIC, *SYMMETRIC, *params]


# one row per statement: the strongest of a sentence's rows naming one tie (a row with a change first)
_STATEMENTS = (
    "SELECT * FROM (SELECT ev.*, ROW_NUMBER() OVER (PARTITION BY type, a, b, doc_hash, evidence_start,"
    " evidence_end, source_kind ORDER BY weight DESC, CASE WHEN change IS NULL THEN 1 ELSE 0 END, idx) AS sn"
    " FROM ev WHERE {where}) st0 WHERE sn = 1"
)
_TIE = "type, a, b"
EVIDENCE_FIELDS = (
    "doc_id", "doc_hash", "idx", "day", "dated_by", "status", "certainty", "source_kind", "change", "evidence_text",
)  # fmt: skip


def latest_day(store: Store, scope: Scope = ALL, **filters: Any) -> dt.date | None:
    """The latest evidence date within the scope (None when nothing dated is in it)."""
    sql, params = evidence_sql(store, scope, **filters)
    return as_date(store.scalar(f"WITH ev AS ({sql}) SELECT MAX(day) FROM ev WHERE counted = 1", params))


def day_range(store: Store, scope: Scope = ALL, **filters: Any) -> tuple[dt.date | None, dt.date | None]:
    """The first and latest evidence dates within the scope."""
    sql, params = evidence_sql(store, scope, **filters)
    row = store.query(f"WITH ev AS ({sql}) SELECT MIN(day) AS lo, MAX(day) AS hi FROM ev WHERE counted = 1", params)
    return as_date(row[0]["lo"]), as_date(row[0]["hi"])


def undated_count(store: Store, scope: Scope = ALL, **filters: Any) -> int:
    """How many undated statements the scope holds (kept, but out of date-driven views)."""
    sql, params = evidence_sql(store, scope, **filters)
    q = f"WITH ev AS ({sql}) SELECT COUNT(*) FROM ({_STATEMENTS.format(where='day IS NULL AND counted = 1')}) u"
    return int(store.scalar(q, params))


def edge_rows(
    store: Store, scope: Scope = ALL, *, at: dt.date, since: dt.date | None = None, **filters: Any
) -> list[dict[str, Any]]:
    """One row per tie with evidence dated from `since` (default: all) to `at`.

    Columns: type, a, b; n_statements, n_counted (0: seen only in comments that do not count),
    n_article, n_comment, n_documents, c_<certainty> (statements per certainty), first_seen,
    last_seen; art and com (the sum over documents of the document's strongest weight, articles
    and comments apart); state_* (the latest state-bearing counted statement: its `ends` says the
    tie ended; all None when there is none) and latest_* (the latest counted statement).
    """
    sql, params = evidence_sql(store, scope, **filters)
    mix = ", ".join(f"SUM(CASE WHEN certainty = '{c}' THEN 1 ELSE 0 END) AS c_{c}" for c in CERTAINTIES)
    # one pass: number the statements of each tie (latest counted first; latest state-bearing
    # counted first; each document's strongest first), then one GROUP BY picks what it needs
    pick = ", ".join(
        f"MAX(CASE WHEN {cond} THEN {f} END) AS {name}_{f}"
        for name, cond in (("state", "rs = 1 AND counted = 1 AND sb = 1"), ("latest", "rl = 1 AND counted = 1"))
        for f in ("ends", *EVIDENCE_FIELDS)
        if not (name == "latest" and f == "ends")
    )
    q = (
        f"WITH ev AS ({sql}),"
        f" st AS ({_STATEMENTS.format(where='day IS NOT NULL AND day <= ? AND day >= ?')}),"
        " w AS (SELECT st.*,"
        f" ROW_NUMBER() OVER (PARTITION BY {_TIE} ORDER BY counted DESC, day DESC, crank, doc_hash DESC, idx DESC)"
        " AS rl,"
        f" ROW_NUMBER() OVER (PARTITION BY {_TIE} ORDER BY counted * sb DESC, day DESC, ends DESC, crank,"
        " doc_hash DESC, idx DESC) AS rs,"
        f" ROW_NUMBER() OVER (PARTITION BY {_TIE}, doc_hash, source_kind ORDER BY weight DESC, idx) AS rd"
        " FROM st)"
        f" SELECT {_TIE}, COUNT(*) AS n_statements, SUM(counted) AS n_counted,"
        " SUM(CASE WHEN source_kind = 'comment' THEN 0 ELSE 1 END) AS n_article,"
        " SUM(CASE WHEN source_kind = 'comment' THEN 1 ELSE 0 END) AS n_comment,"
        " COUNT(DISTINCT CASE WHEN counted = 1 THEN doc_hash END) AS n_documents,"
        f" {mix}, MIN(day) AS first_seen, MAX(day) AS last_seen,"
        " SUM(CASE WHEN rd = 1 AND source_kind <> 'comment' THEN weight ELSE 0 END) AS art,"
        " SUM(CASE WHEN rd = 1 AND source_kind = 'comment' THEN weight ELSE 0 END) AS com,"
        f" {pick} FROM w GROUP BY {_TIE}"
    )
    lo = since or dt.date.min
    rows = store.query(q, [*params, at, lo])
    for r in rows:
        for k in ("first_seen", "last_seen", "state_day", "latest_day"):
            r[k] = as_date(r[k])
    return rows


_CHANGE_COLS = (
    "type", "a", "b", "day", "doc_id", "doc_hash", "idx", "status", "certainty", "source_kind", "evidence_text",
    "evidence_start", "evidence_end", "change", "dated_by",
)  # fmt: skip
_PREV_COLS = ("doc_id", "doc_hash", "idx", "day", "status", "certainty", "source_kind", "evidence_text", "change")


def change_rows(
    store: Store,
    scope: Scope = ALL,
    *,
    since: dt.date | None = None,
    first_reported: bool = False,
    **filters: Any,
) -> list[dict[str, Any]]:
    """Changes dated `since` or later, measured against the whole dated history of each tie.

    A row per change, with the columns of its statement, `what` (formed, broken, joined, left,
    merged, turned hostile, first reported), `origin` (`statement`: the text reports the change;
    `store`: a transition the store sees), `note`, and `p_*`, the earlier statement it is
    measured against. Kinds of rows:

    1. a statement with a `change`, unless it repeats the tie's previous change statement with
       no statement of the other state between (a second report of the same change);
    2. a statement that ends a tie with no change (status `former`) when the tie was current
       before, or on its first report ("first reported as ended");
    3. allies turned hostile: the first hostility of a pair after it was reported allied (once
       per alliance episode, on a later day);
    4. with `first_reported`, each tie's first report.

    One statement gives one change row: of the rows of one sentence and actor pair, only the
    first kind above is kept.
    """
    sql, params = evidence_sql(store, scope, **filters)
    order = "ORDER BY day, ends, doc_hash, idx"
    cols = ", ".join(_CHANGE_COLS)
    lag = ", ".join(f"LAG({c}) OVER w AS p_{c}" for c in _PREV_COLS)
    cum = f"PARTITION BY {_TIE} {order} ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW"

    def pick(prev: str, prio: int, what: str, origin: str, note: str, src: str) -> str:
        return (
            f"SELECT {', '.join(f'{src}.{c}' for c in _CHANGE_COLS)}, {prev}, {prio} AS prio, {what} AS what,"
            f" '{origin}' AS origin, {note} AS note"
        )

    prev_sq = ", ".join(f"sq.p_{c}" for c in _PREV_COLS) + ", sq.type AS p_type"
    prev_ea = ", ".join(f"eh.al_{c} AS p_{c}" for c in _PREV_COLS) + ", 'alliance' AS p_type"
    parts = [
        "SELECT " + ", ".join(f"ch.{c}" for c in _CHANGE_COLS) + ", "
        + ", ".join(f"ch.p_{c}" for c in _PREV_COLS) + ", ch.type AS p_type,"
        " 1 AS prio, ch.change AS what, 'statement' AS origin, '' AS note FROM ch"
        " WHERE NOT (ch.pc_change IS NOT NULL AND ch.pc_change = ch.change"
        " AND ((ch.ends = 1 AND ch.cum_cur = ch.pc_cum_cur) OR (ch.ends = 0 AND ch.cum_ends = ch.pc_cum_ends)))",
        pick(prev_sq, 2, "CASE WHEN sq.type = 'affiliation' THEN 'left' ELSE 'broken' END", "store",
             "CASE WHEN sq.p_ends IS NULL THEN 'first reported as ended' ELSE '' END", "sq")
        + " FROM sq WHERE sq.change IS NULL AND sq.ends = 1 AND (sq.p_ends IS NULL OR sq.p_ends = 0)",
        pick(prev_ea, 3, "'turned hostile'", "store", "'fighting between allies'", "eh") + " FROM eh WHERE eh.hn = 1",
    ]  # fmt: skip
    if first_reported:
        parts.append(
            pick(prev_sq, 4, "'first reported'", "store", "''", "sq")
            + " FROM sq WHERE sq.seq = 1 AND sq.ends = 0 AND sq.change IS NULL"
        )
    al_cols = ", ".join(f"ea.{c} AS al_{c}" for c in _PREV_COLS)
    q = (
        f"WITH ev AS ({sql}),"
        f" st AS ({_STATEMENTS.format(where='day IS NOT NULL AND counted = 1 AND sb = 1')}),"
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
    rows = store.query(q, [*params, since or dt.date.min])
    for r in rows:
        r["day"], r["p_day"] = as_date(r["day"]), as_date(r["p_day"])
    return rows


def flip_rows(
    store: Store, scope: Scope = ALL, *, at: dt.date, since: dt.date | None = None, **filters: Any
) -> list[dict[str, Any]]:
    """The state changes of each tie up to `at` (type, a, b, day, ends), in time order: the first
    state-bearing statement and each one that turns the tie from current to ended or back."""
    sql, params = evidence_sql(store, scope, **filters)
    where = "day IS NOT NULL AND counted = 1 AND sb = 1 AND day <= ? AND day >= ?"
    q = (
        f"WITH ev AS ({sql}), st AS ({_STATEMENTS.format(where=where)}),"
        f" sq AS (SELECT {_TIE}, day, ends, doc_hash, idx, LAG(ends) OVER (PARTITION BY {_TIE}"
        " ORDER BY day, ends, doc_hash, idx) AS p_ends FROM st)"
        f" SELECT {_TIE}, day, ends, doc_hash, idx FROM sq WHERE p_ends IS NULL OR p_ends <> ends"
    )
    rows = store.query(q, [*params, at, since or dt.date.min])
    for r in rows:
        r["day"] = as_date(r["day"])
    rows.sort(key=lambda r: (r["type"], r["a"], r["b"], r["day"], r["ends"], r["doc_hash"], r["idx"]))
    return rows


def undated_change_rows(store: Store, scope: Scope = ALL, **filters: Any) -> list[dict[str, Any]]:
    """Statements of undated documents that report a change or an ended tie, one per sentence and pair."""
    sql, params = evidence_sql(store, scope, **filters)
    cols = ", ".join(_CHANGE_COLS)
    q = (
        f"WITH ev AS ({sql}),"
        f" st AS ({_STATEMENTS.format(where='day IS NULL AND counted = 1 AND sb = 1')})"
        f" SELECT * FROM (SELECT {cols}, COALESCE(change, CASE WHEN type = 'affiliation' THEN 'left'"
        " ELSE 'broken' END) AS what, CASE WHEN change IS NULL THEN 'store' ELSE 'statement' END AS origin,"
        " ROW_NUMBER() OVER (PARTITION BY doc_hash, evidence_start, evidence_end, LEAST(a, b), GREATEST(a, b)"
        " ORDER BY CASE WHEN change IS NULL THEN 1 ELSE 0 END, type, idx) AS dn"
        " FROM st WHERE change IS NOT NULL OR ends = 1) u WHERE dn = 1"
    )
    return store.query(q, params)


def evidence_rows(store: Store, scope: Scope = ALL, **filters: Any) -> list[dict[str, Any]]:
    """Every evidence row of the scope (dated and undated), in date order (undated last)."""
    sql, params = evidence_sql(store, scope, **filters)
    rows = store.query(f"WITH ev AS ({sql}) SELECT * FROM ev", params)
    for r in rows:
        r["day"] = as_date(r["day"])
    rows.sort(key=lambda r: (r["day"] is None, r["day"] or dt.date.min, r["doc_id"], r["idx"]))
    return rows


def actor_event_rows(store: Store, actor: str, scope: Scope = ALL) -> list[dict[str, Any]]:
    """The events of one actor (either side), with their documents' ids and dates, for a timeline."""
    scope_sql, scope_params = scope.where("e.actor1", "COALESCE(e.actor2, e.actor1)", "a1.country", "a2.country")
    return store.query(
        "SELECT e.*, d.id AS doc_id, d.url AS doc_url, d.title AS doc_title, d.published AS doc_published"
        " FROM events e JOIN documents d ON d.hash = e.doc_hash"
        " LEFT JOIN actors a1 ON a1.id = e.actor1 LEFT JOIN actors a2 ON a2.id = e.actor2"
        f" WHERE (e.actor1 = ? OR e.actor2 = ?) AND {scope_sql} ORDER BY d.id, e.event_id",
        [actor, actor, *scope_params],
    )


