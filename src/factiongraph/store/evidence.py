"""The `evidence` table: each relation as graph evidence, kept up to date at ingest (migration 6).

The graph, its changes and timelines (`store.graph_sql`) read this table instead of joining
`relations` with `documents`, `events` and `actors` on every query. One row per relation
between two parties (civilians and protesters are no parties; a relation of an actor with
itself is none), with what the queries need:

- the relation's key (`doc_hash`, `idx`), its document's `doc_id`, type, status, certainty,
  source kind, change and evidence span and text, so that no query joins back;
- `a`, `b`: the endpoints, sorted for symmetric types (alliance, hostility), else source, target;
- `day`: the document's publication date, else the date of the event the relation derives from,
  else the latest event date of its document (the dateline); NULL when undated. `dated_by`
  says which;
- `weight` (certainty weight x source-kind weight), `crank` (certainty rank, 0 = asserted),
  `sb` (1: state-bearing, says the tie holds or ended, not negated), `ends` (1: says it ended);
- `solo` (1: the only row of its statement - the rows of one sentence naming one tie - in the
  store) and `dsolo` (1: the only row of its tie in its document). Queries skip the per-sentence
  and per-document ranking for these rows, which are nearly all of them.

Everything in a row comes from its own document (its relations, events, publication date) and
the kinds of the actors it names, all written in the same transaction; so `add_documents` runs
inside the transaction that writes new documents (`Store.write_rows`, `load.load_unit`) and a
document never changes after. `rebuild` recomputes the whole table (after writing relations
by hand, e.g. the scale benchmark's generated stores).
"""

from __future__ import annotations

from typing import Any

from factiongraph.document import CERTAINTIES

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

TABLE = """CREATE TABLE IF NOT EXISTS evidence (
    doc_hash TEXT NOT NULL,
    idx INTEGER NOT NULL,
    doc_id TEXT NOT NULL,
    type TEXT NOT NULL,
    a TEXT NOT NULL,
    b TEXT NOT NULL,
    status TEXT NOT NULL,
    certainty TEXT NOT NULL,
    source_kind TEXT NOT NULL,
    change TEXT,
    evidence_start INTEGER NOT NULL,
    evidence_end INTEGER NOT NULL,
    evidence_text TEXT NOT NULL,
    confidence DOUBLE PRECISION,
    day DATE,
    dated_by TEXT NOT NULL,
    weight DOUBLE PRECISION NOT NULL,
    crank INTEGER NOT NULL,
    sb INTEGER NOT NULL,
    ends INTEGER NOT NULL,
    solo INTEGER NOT NULL,
    dsolo INTEGER NOT NULL
)"""

COLUMNS = (
    "doc_hash", "idx", "doc_id", "type", "a", "b", "status", "certainty", "source_kind", "change", "evidence_start",
    "evidence_end", "evidence_text", "confidence", "day", "dated_by", "weight", "crank", "sb", "ends", "solo", "dsolo",
)  # fmt: skip

# PostgreSQL: the per-actor and per-tie lookups of the web and `timeline --actor` use indexes
# (DuckDB scans its columns faster than it maintains ART indexes on tens of millions of rows).
POSTGRES_INDEXES = (
    "CREATE INDEX IF NOT EXISTS evidence_key ON evidence (doc_hash, idx)",
    "CREATE INDEX IF NOT EXISTS evidence_pair ON evidence (a, b)",
    "CREATE INDEX IF NOT EXISTS evidence_b ON evidence (b)",
    "CREATE INDEX IF NOT EXISTS evidence_tie ON evidence (type, a, b, day)",
    "CREATE INDEX IF NOT EXISTS evidence_day ON evidence (day)",
    "CREATE INDEX IF NOT EXISTS events_actor1 ON events (actor1)",
    "CREATE INDEX IF NOT EXISTS events_actor2 ON events (actor2)",
    "CREATE INDEX IF NOT EXISTS relations_source ON relations (source)",
    "CREATE INDEX IF NOT EXISTS relations_target ON relations (target)",
    "CREATE INDEX IF NOT EXISTS mentions_actor ON mentions (actor_id)",
    "CREATE INDEX IF NOT EXISTS documents_ingested ON documents (ingested_at)",
)


def _case(column: str, mapping: dict[str, float] | dict[str, int], default: float | int, cast: str) -> str:
    whens = " ".join(f"WHEN '{k}' THEN {v!r}" for k, v in mapping.items())
    return f"CAST(CASE {column} {whens} ELSE {default!r} END AS {cast})"


def _quoted(values: tuple[str, ...]) -> str:
    return "(" + ", ".join(f"'{v}'" for v in values) + ")"


def fill_sql(backend: str, docs: str | None) -> str:
    """INSERT ... SELECT of the evidence rows of the documents whose hash `docs` (a subquery) lists,
    or of every document when None."""
    lt = 'r.target < r.source COLLATE "C"' if backend == "postgres" else "r.target < r.source"
    swap = f"r.type IN {_quoted(SYMMETRIC)} AND {lt}"
    ranks = {str(c): i for i, c in enumerate(CERTAINTIES)}
    mine = f" AND r.doc_hash IN ({docs})" if docs else ""
    mine_e = f" WHERE doc_hash IN ({docs})" if docs else ""
    rows = (
        "SELECT r.doc_hash, r.idx, d.id AS doc_id, r.type,"
        f" CASE WHEN {swap} THEN r.target ELSE r.source END AS a,"
        f" CASE WHEN {swap} THEN r.source ELSE r.target END AS b,"
        " r.status, r.certainty, r.source_kind, r.change, r.evidence_start, r.evidence_end, r.evidence_text,"
        " r.confidence,"
        " COALESCE(d.published, e.date_start, dl.day) AS day,"
        " CASE WHEN d.published IS NOT NULL THEN 'published' WHEN e.date_start IS NOT NULL THEN 'event'"
        " WHEN dl.day IS NOT NULL THEN 'dateline' ELSE 'undated' END AS dated_by,"
        f" {_case('r.certainty', CERTAINTY_WEIGHT, 0.0, 'DOUBLE PRECISION')}"
        f" * {_case('r.source_kind', SOURCE_KIND_WEIGHT, 0.0, 'DOUBLE PRECISION')} AS weight,"
        f" {_case('r.certainty', ranks, len(CERTAINTIES), 'INTEGER')} AS crank,"
        " CASE WHEN r.certainty <> 'negated' AND (r.status IN ('current', 'former') OR r.change IS NOT NULL)"
        " THEN 1 ELSE 0 END AS sb,"
        f" CASE WHEN r.status = 'former' OR r.change IN {_quoted(ENDING_CHANGES)} THEN 1 ELSE 0 END AS ends"
        " FROM relations r JOIN documents d ON d.hash = r.doc_hash"
        " LEFT JOIN events e ON e.doc_hash = r.doc_hash AND e.event_id = r.derived_from"
        f" LEFT JOIN (SELECT doc_hash, MAX(date_end) AS day FROM events{mine_e} GROUP BY doc_hash) dl"
        " ON dl.doc_hash = r.doc_hash"
        " LEFT JOIN actors sa ON sa.id = r.source LEFT JOIN actors ta ON ta.id = r.target"
        f" WHERE r.source <> r.target AND COALESCE(sa.kind, '') NOT IN {_quoted(NON_PARTIES)}"
        f" AND COALESCE(ta.kind, '') NOT IN {_quoted(NON_PARTIES)}{mine}"
    )
    cols = ", ".join(COLUMNS)
    return (
        f"INSERT INTO evidence ({cols}) SELECT {', '.join(COLUMNS[:-2])},"
        " CASE WHEN COUNT(*) OVER (PARTITION BY type, a, b, doc_hash, evidence_start, evidence_end, source_kind)"
        " = 1 THEN 1 ELSE 0 END,"
        " CASE WHEN COUNT(*) OVER (PARTITION BY type, a, b, doc_hash) = 1 THEN 1 ELSE 0 END"
        f" FROM ({rows}) x"
    )


def add_documents(store: Any, docs: str) -> None:
    """Adds the evidence rows of the documents `docs` (a subquery of their hashes), which have none yet,
    recomputes the per-tie state of the actor pairs they name (`store.ties`) and updates the web's
    summaries by what the documents hold (`store.web_state`)."""
    from factiongraph.store import ties, web_state

    store.execute(fill_sql(store.backend, docs))
    ties.mark(store, docs)
    ties.refresh(store)
    web_state.mark(store, docs, fresh=True)  # documents a correction marked before keep what it noted
    web_state.refresh(store)


def remove_documents(store: Any, docs: str) -> None:
    """Deletes the evidence rows of the documents `docs`; the next `add_documents` recomputes the
    per-tie state of the pairs they named. A caller that changed the documents' rows called
    `web_state.mark` on them before (as `store.corrections` does), so that the web's summaries lose
    what the documents held."""
    from factiongraph.store import ties

    ties.mark(store, docs)
    store.execute(f"DELETE FROM evidence WHERE doc_hash IN ({docs})")


def rebuild(store: Any) -> None:
    """Recomputes the whole table from `relations`, `documents`, `events` and `actors`, then the
    per-tie state (`store.ties`), in one transaction."""
    from factiongraph.store import ties

    with store.transaction():
        store.execute("DELETE FROM evidence")
        store.execute(fill_sql(store.backend, None))
        if store.backend == "postgres":
            store.execute("ANALYZE evidence")
        ties.rebuild(store)


def migrate(store: Any) -> None:
    """Migration 6: creates the table (and, on PostgreSQL, the lookup indexes) and fills it from the
    stored relations (again from scratch when an older migration is re-applied)."""
    store.execute(TABLE)
    store.execute("DELETE FROM evidence")
    if store.backend == "postgres":
        for stmt in POSTGRES_INDEXES:
            store.execute(stmt)
    store.execute(fill_sql(store.backend, None))


def tie_reports(
    store: Any, typ: str, a: str, b: str, *, limit: int, offset: int = 0
) -> tuple[list[tuple[str, int]], int]:
    """The keys (document hash, index) of `limit` rows of one tie (type and the ends as this table
    keeps them) from `offset`, in date order (undated last; a day's rows by document id and index),
    and how many rows the tie has.

    Sorting a busy tie's rows by their document ids reads those text columns for every row of the
    tie (0.4-1 s for the busiest tie of 10M relations on DuckDB): the days the page spans are found
    by the day column alone, and only the rows of those days are read whole and sorted here."""
    tie, params = "type = ? AND a = ? AND b = ?", [typ, a, b]
    total = int(store.scalar(f"SELECT COUNT(*) FROM evidence WHERE {tie}", params))
    if limit <= 0 or offset >= total:
        return [], total
    last = min(total, offset + limit) - 1

    def day_at(position: int) -> Any:
        return store.scalar(f"SELECT day FROM evidence WHERE {tie} ORDER BY day NULLS LAST LIMIT 1 OFFSET {position}",
                            params)  # fmt: skip

    lo, hi = day_at(offset), day_at(last)
    if lo is None:  # the page is all undated
        span, args, before = "day IS NULL", [], f"SELECT COUNT(*) FROM evidence WHERE {tie} AND day IS NOT NULL"
    else:
        span = "day >= ?" + (" AND day <= ?" if hi is not None else " OR day IS NULL")
        args = [lo, hi] if hi is not None else [lo]
        before = f"SELECT COUNT(*) FROM evidence WHERE {tie} AND day < ?"
    skipped = int(store.scalar(before, params + ([] if lo is None else [lo])))
    rows = store.query(f"SELECT doc_hash, idx, doc_id, day FROM evidence WHERE {tie} AND ({span})", params + args)
    rows.sort(key=lambda r: (r["day"] is None, str(r["day"] or ""), r["doc_id"], int(r["idx"])))
    page = rows[offset - skipped : offset - skipped + limit]
    return [(r["doc_hash"], int(r["idx"])) for r in page], total
