"""The store's schema, in one place: numbered migrations in portable SQL.

Every statement here runs unchanged on DuckDB and PostgreSQL (standard types, no
vendor functions). `schema_version` records each applied migration; `migrate` applies
the missing ones in order, each in its own transaction. Add a migration by appending
to `MIGRATIONS` - never edit one that has shipped. A data migration may be a Python step
(`store.rekey`); its SQL is portable too.

Tables (one row per ...):

- `documents`   stored document, keyed by `hash`: its identity (see `store.ingest.document_key`:
                the URL when it has one, else a SHA-256 of its content). `id` is the input id.
- `actors`      actor id seen in any document (registry id, name, kind, ACLED inter...).
- `mentions`    actor mention in a document (offsets into `documents.text`).
- `events`      event of the output contract, flattened, with `doc_hash` and the
                `merged_event_id` of the cross-document merge (see graph.merge_events).
- `relations`   relation of the output contract, flattened, with `doc_hash`; `change` is
                what the evidence reports happening to the tie (migration 4).
- `places`      toponym in a document.
- `corrections` an analyst's correction (migration 5): confirm, reject or edit an event or relation,
                merge or split actors; keyed by the target's content-derived key (`store.corrections`),
                with who, when, why and the rows it replaced. Not a data table: exports carry its
                effect, not the table.
- `evidence`    relation between two parties as graph evidence (endpoints in order, day, weight,
                state), derived from the tables above and written with them (`store.evidence`,
                migration 6); what `store.graph_sql` reads. Not part of `TABLES`: never exported.
- `tie_*`       per-tie state for the default filters, derived from `evidence` and kept with it
                (`store.ties`, migration 7): spells of each tie's state, its changes, undated counts.
- `actor_*`     per-actor state kept with the ties (`store.actor_state`, migration 8): each actor's
                timeline items, its counts, the actors each document names.
- `contra_*`    per-pair contradiction groups for the default window and threshold, kept with the
                tie state (`store.contra_state`, migration 9).
- `web_*`       the overview's counts and the events per day and per actor, kept with the data
                tables (`store.web_state`, migration 10) for the overview and the map.

`COLUMNS` lists every table's columns in order, with their SQL types, as the migrations leave
them: the one definition the store, `factiongraph batch` and `export --format parquet` share
(`arrow_schema` turns it into a Parquet schema). A test checks it against a migrated store.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any


def create_tables(
    store: Any, tables: Sequence[str], *, postgres: Sequence[str] = (), duckdb: Sequence[str] = ()
) -> None:
    """Creates a kept state's tables and the indexes of the store's backend: the first step of the
    migrations that add derived state (`ties`, `actor_state`, `contra_state`, `web_state`)."""
    for stmt in (*tables, *(postgres if store.backend == "postgres" else duckdb)):
        store.execute(stmt)


def read_kept(store: Any, sql: str) -> list[dict[str, Any]] | None:
    """The rows of a query on a kept state's table; None on a store older than the table's migration
    read without migrating (on PostgreSQL the failed statement's transaction is rolled back, unless
    the caller's transaction is open)."""
    try:
        rows: list[dict[str, Any]] = store.query(sql)
    except Exception:  # noqa: BLE001 - no such table
        if store.backend == "postgres" and not store.in_transaction:
            store.conn.rollback()
        return None
    return rows


KEPT_STATE_LOCK = 0x66677765  # PostgreSQL advisory lock key ("fgwe") a transaction holds while it updates kept state


def lock_kept_state(store: Any) -> None:
    """On PostgreSQL, waits until no other transaction is updating the kept state and holds the lock
    to the end of this one: concurrent writers then update it one at a time, each reading (at READ
    COMMITTED) the rows the other committed, so neither's recomputation of a shared pair or sum
    overwrites the other's. Locks of one session nest, so every kept state may call it."""
    if store.backend == "postgres":
        store.execute("SELECT pg_advisory_xact_lock(?)", (KEPT_STATE_LOCK,))


def _rekey(store: Any) -> None:
    from factiongraph.store.rekey import rekey_documents

    rekey_documents(store)


def _evidence(store: Any) -> None:
    from factiongraph.store.evidence import migrate

    migrate(store)


def _ties(store: Any) -> None:
    from factiongraph.store.ties import migrate

    migrate(store)


def _actor_state(store: Any) -> None:
    from factiongraph.store.actor_state import migrate

    migrate(store)


def _contra(store: Any) -> None:
    from factiongraph.store.contra_state import migrate

    migrate(store)


def _web_state(store: Any) -> None:
    from factiongraph.store.web_state import migrate

    migrate(store)


# A step is an SQL statement or, for a data migration, a function of the store (run in the
# migration's transaction).
MIGRATIONS: list[tuple[int, str, list[str | Callable[[Any], None]]]] = [
    (
        1,
        "documents, actors, mentions, events, relations, places",
        [
            """CREATE TABLE documents (
                hash TEXT PRIMARY KEY,
                id TEXT NOT NULL,
                title TEXT,
                url TEXT,
                published DATE,
                language TEXT,
                text TEXT NOT NULL,
                sections TEXT NOT NULL,
                warnings TEXT,
                error_code TEXT,
                error_message TEXT,
                n_events INTEGER NOT NULL,
                n_relations INTEGER NOT NULL,
                ingested_at TIMESTAMP NOT NULL
            )""",
            "CREATE INDEX documents_id ON documents (id)",
            """CREATE TABLE actors (
                id TEXT PRIMARY KEY,
                name TEXT NOT NULL,
                kind TEXT,
                acled_inter INTEGER,
                country TEXT,
                registry_id TEXT,
                known BOOLEAN
            )""",
            """CREATE TABLE mentions (
                doc_hash TEXT NOT NULL,
                actor_id TEXT NOT NULL,
                start_offset INTEGER NOT NULL,
                end_offset INTEGER NOT NULL,
                text TEXT NOT NULL,
                how TEXT,
                PRIMARY KEY (doc_hash, actor_id, start_offset, end_offset)
            )""",
            """CREATE TABLE events (
                doc_hash TEXT NOT NULL,
                event_id TEXT NOT NULL,
                merged_event_id TEXT,
                plover TEXT NOT NULL,
                plover_mode TEXT,
                acled_event_type TEXT,
                acled_sub_event_type TEXT,
                actor1 TEXT,
                actor2 TEXT,
                actor1_start INTEGER, actor1_end INTEGER, actor1_text TEXT,
                actor2_start INTEGER, actor2_end INTEGER, actor2_text TEXT,
                location_name TEXT,
                location_start INTEGER, location_end INTEGER,
                geonameid BIGINT,
                lat DOUBLE PRECISION,
                lon DOUBLE PRECISION,
                country TEXT,
                admin1 TEXT,
                geo_precision INTEGER,
                date_start DATE,
                date_end DATE,
                date_precision TEXT,
                date_text TEXT,
                fatalities INTEGER,
                certainty TEXT NOT NULL,
                source_kind TEXT NOT NULL,
                attributed_to TEXT,
                trigger_start INTEGER, trigger_end INTEGER, trigger_text TEXT,
                evidence_start INTEGER NOT NULL, evidence_end INTEGER NOT NULL, evidence_text TEXT NOT NULL,
                confidence DOUBLE PRECISION,
                PRIMARY KEY (doc_hash, event_id)
            )""",
            "CREATE INDEX events_merged ON events (merged_event_id)",
            """CREATE TABLE relations (
                doc_hash TEXT NOT NULL,
                idx INTEGER NOT NULL,
                type TEXT NOT NULL,
                source TEXT NOT NULL,
                target TEXT NOT NULL,
                source_start INTEGER, source_end INTEGER, source_text TEXT,
                target_start INTEGER, target_end INTEGER, target_text TEXT,
                status TEXT NOT NULL,
                certainty TEXT NOT NULL,
                source_kind TEXT NOT NULL,
                evidence_start INTEGER NOT NULL, evidence_end INTEGER NOT NULL, evidence_text TEXT NOT NULL,
                derived_from TEXT,
                confidence DOUBLE PRECISION,
                PRIMARY KEY (doc_hash, idx)
            )""",
            """CREATE TABLE places (
                doc_hash TEXT NOT NULL,
                idx INTEGER NOT NULL,
                start_offset INTEGER NOT NULL,
                end_offset INTEGER NOT NULL,
                text TEXT NOT NULL,
                name TEXT,
                geonameid BIGINT,
                lat DOUBLE PRECISION,
                lon DOUBLE PRECISION,
                country TEXT,
                admin1 TEXT,
                feature TEXT,
                PRIMARY KEY (doc_hash, idx)
            )""",
        ],
    ),
    (
        2,
        "storescale: places.geo_precision, so batch output, Parquet export and the store share one schema",
        ["ALTER TABLE places ADD COLUMN geo_precision INTEGER"],
    ),
    (
        3,
        "storescale: documents keyed by their identity (URL, else content), not by the path as typed",
        [_rekey],
    ),
    (
        4,
        "graphstate: relations.change (formed, broken, joined, left, merged) and an index for per-tie graph queries",
        [
            "ALTER TABLE relations ADD COLUMN IF NOT EXISTS change TEXT",
            "CREATE INDEX IF NOT EXISTS relations_tie ON relations (type, source, target)",
        ],
    ),
    (
        5,
        "corrections: an analyst's confirm, reject, edit, merge and split, with who, when, why and what it replaced",
        [
            """CREATE TABLE IF NOT EXISTS corrections (
                id INTEGER PRIMARY KEY,
                target_kind TEXT NOT NULL,
                target_key TEXT NOT NULL,
                doc_hash TEXT,
                action TEXT NOT NULL,
                payload TEXT,
                who TEXT NOT NULL,
                created_at TIMESTAMP NOT NULL,
                why TEXT,
                replaced TEXT
            )""",
            "CREATE INDEX IF NOT EXISTS corrections_target ON corrections (target_kind, target_key)",
            "CREATE INDEX IF NOT EXISTS corrections_doc ON corrections (doc_hash)",
        ],
    ),
    (
        6,
        "scale: the evidence table (each relation as graph evidence, kept at ingest), PostgreSQL lookup indexes",
        [_evidence],
    ),
    (
        7,
        "scale: per-tie state for the default filters (tie_spells, tie_changes, tie_undated, tie_irregular), kept at"
        " ingest",
        [_ties],
    ),
    (
        8,
        "scale: per-actor timeline and counts for the default filters (actor_timeline, actor_counts, actor_docs),"
        " kept at ingest",
        [_actor_state],
    ),
    (
        9,
        "contradictions: per-pair contradiction state for the default window and threshold (contra_groups), kept"
        " at ingest",
        [_contra],
    ),
    (
        10,
        "web: counts, events per day and per actor kept at ingest (web_counts, web_event_days, web_actor_events)"
        " for the overview and the map; a document's rows by index (DuckDB), the newest documents and events by"
        " index (PostgreSQL)",
        [_web_state],
    ),
]

SCHEMA_VERSION_TABLE = """CREATE TABLE IF NOT EXISTS schema_version (
    version INTEGER PRIMARY KEY,
    description TEXT NOT NULL,
    applied_at TIMESTAMP NOT NULL
)"""

LATEST = MIGRATIONS[-1][0]

# Tables holding data, in the order exports and counts list them.
TABLES = ("documents", "actors", "mentions", "events", "relations", "places")

_SPAN = ("INTEGER", "INTEGER", "TEXT")


def _span(prefix: str) -> tuple[tuple[str, str], ...]:
    return tuple((f"{prefix}_{part}", t) for part, t in zip(("start", "end", "text"), _SPAN, strict=True))


# Every table's columns, in order, with their SQL types, after all migrations.
COLUMNS: dict[str, tuple[tuple[str, str], ...]] = {
    "documents": (
        ("hash", "TEXT"), ("id", "TEXT"), ("title", "TEXT"), ("url", "TEXT"), ("published", "DATE"),
        ("language", "TEXT"), ("text", "TEXT"), ("sections", "TEXT"), ("warnings", "TEXT"), ("error_code", "TEXT"),
        ("error_message", "TEXT"), ("n_events", "INTEGER"), ("n_relations", "INTEGER"), ("ingested_at", "TIMESTAMP"),
    ),
    "actors": (
        ("id", "TEXT"), ("name", "TEXT"), ("kind", "TEXT"), ("acled_inter", "INTEGER"), ("country", "TEXT"),
        ("registry_id", "TEXT"), ("known", "BOOLEAN"),
    ),
    "mentions": (
        ("doc_hash", "TEXT"), ("actor_id", "TEXT"), ("start_offset", "INTEGER"), ("end_offset", "INTEGER"),
        ("text", "TEXT"), ("how", "TEXT"),
    ),
    "events": (
        ("doc_hash", "TEXT"), ("event_id", "TEXT"), ("merged_event_id", "TEXT"), ("plover", "TEXT"),
        ("plover_mode", "TEXT"), ("acled_event_type", "TEXT"), ("acled_sub_event_type", "TEXT"), ("actor1", "TEXT"),
        ("actor2", "TEXT"), *_span("actor1"), *_span("actor2"), ("location_name", "TEXT"),
        ("location_start", "INTEGER"), ("location_end", "INTEGER"), ("geonameid", "BIGINT"),
        ("lat", "DOUBLE PRECISION"), ("lon", "DOUBLE PRECISION"), ("country", "TEXT"), ("admin1", "TEXT"),
        ("geo_precision", "INTEGER"), ("date_start", "DATE"), ("date_end", "DATE"), ("date_precision", "TEXT"),
        ("date_text", "TEXT"), ("fatalities", "INTEGER"), ("certainty", "TEXT"), ("source_kind", "TEXT"),
        ("attributed_to", "TEXT"), *_span("trigger"), *_span("evidence"), ("confidence", "DOUBLE PRECISION"),
    ),
    "relations": (
        ("doc_hash", "TEXT"), ("idx", "INTEGER"), ("type", "TEXT"), ("source", "TEXT"), ("target", "TEXT"),
        *_span("source"), *_span("target"), ("status", "TEXT"), ("certainty", "TEXT"), ("source_kind", "TEXT"),
        *_span("evidence"), ("derived_from", "TEXT"), ("confidence", "DOUBLE PRECISION"), ("change", "TEXT"),
    ),
    "places": (
        ("doc_hash", "TEXT"), ("idx", "INTEGER"), ("start_offset", "INTEGER"), ("end_offset", "INTEGER"),
        ("text", "TEXT"), ("name", "TEXT"), ("geonameid", "BIGINT"), ("lat", "DOUBLE PRECISION"),
        ("lon", "DOUBLE PRECISION"), ("country", "TEXT"), ("admin1", "TEXT"), ("feature", "TEXT"),
        ("geo_precision", "INTEGER"),
    ),
}  # fmt: skip

# The key of each table: a row whose key is stored already is not inserted again.
KEYS: dict[str, tuple[str, ...]] = {
    "documents": ("hash",), "actors": ("id",), "mentions": ("doc_hash", "actor_id", "start_offset", "end_offset"),
    "events": ("doc_hash", "event_id"), "relations": ("doc_hash", "idx"), "places": ("doc_hash", "idx"),
}  # fmt: skip


def column_names(table: str) -> tuple[str, ...]:
    return tuple(name for name, _ in COLUMNS[table])


def arrow_schema(table: str) -> object:
    """The Parquet (pyarrow) schema of a table: the same names and types as the store's."""
    import pyarrow as pa

    types = {"TEXT": pa.string(), "INTEGER": pa.int32(), "BIGINT": pa.int64(), "DOUBLE PRECISION": pa.float64(),
             "DATE": pa.date32(), "TIMESTAMP": pa.timestamp("us"), "BOOLEAN": pa.bool_()}  # fmt: skip
    return pa.schema([(name, types[t]) for name, t in COLUMNS[table]])
