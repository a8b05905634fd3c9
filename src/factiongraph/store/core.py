"""`Store`: the documents and their extractions in DuckDB (default) or PostgreSQL.

All SQL is portable: standard types, `?` parameters (turned into `%s` for psycopg),
`INSERT ... ON CONFLICT DO NOTHING`, and explicit `BEGIN TRANSACTION` / `COMMIT`.
The constructor does no I/O; `Store.open(target)` connects and migrates.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from factiongraph.store.schema import LATEST, MIGRATIONS, SCHEMA_VERSION_TABLE, TABLES

DEFAULT_DB = "factiongraph.duckdb"
POSTGRES_PREFIXES = ("postgresql://", "postgres://")
INSERT_CHUNK = 200  # rows per multi-row INSERT


class StoreError(RuntimeError):
    """The store could not be opened or used (missing driver, unreachable server, newer schema...)."""


def is_postgres(target: str | Path) -> bool:
    return str(target).startswith(POSTGRES_PREFIXES)


class Store:
    """A connection to a factiongraph database. Use `Store.open(path_or_url)`."""

    def __init__(self, conn: Any, backend: str, target: str) -> None:
        self.conn = conn
        self.backend = backend  # "duckdb" | "postgres"
        self.target = target

    # -- opening -----------------------------------------------------------------------------

    @classmethod
    def open(cls, target: str | Path = DEFAULT_DB, *, migrate: bool = True, read_only: bool = False) -> Store:
        """Opens (creating it if needed) a DuckDB file, `:memory:`, or a `postgresql://` URL."""
        target = str(target)
        if is_postgres(target):
            try:
                import psycopg
            except ImportError:  # pragma: no cover - depends on the install
                raise StoreError(
                    "a PostgreSQL URL needs psycopg: pip install 'factiongraph[postgres]'"
                ) from None
            try:
                pg: Any = psycopg.connect(target, autocommit=True)
            except psycopg.Error as e:
                raise StoreError(f"cannot connect to {redact(target)}: {e}") from None
            store = cls(pg, "postgres", target)
        else:
            import duckdb

            if target != ":memory:":
                Path(target).parent.mkdir(parents=True, exist_ok=True)
            try:
                conn = duckdb.connect(target, read_only=read_only)
            except duckdb.Error as e:
                raise StoreError(f"cannot open {target}: {e}") from None
            store = cls(conn, "duckdb", target)
        if migrate and not read_only:
            store.migrate()
        return store

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- SQL ---------------------------------------------------------------------------------

    def _sql(self, sql: str) -> str:
        return sql.replace("?", "%s") if self.backend == "postgres" else sql

    def execute(self, sql: str, params: Sequence[Any] = ()) -> None:
        self.conn.execute(self._sql(sql), list(params))

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        if not rows:
            return
        if self.backend == "postgres":
            with self.conn.cursor() as cur:
                cur.executemany(self._sql(sql), rows)
        else:
            self.conn.executemany(sql, [list(r) for r in rows])

    def insert_rows(
        self, table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]], *, ignore_conflicts: bool = False
    ) -> None:
        """Inserts rows with multi-row `VALUES` statements (much faster than one statement a row)."""
        one = "(" + ", ".join("?" * len(columns)) + ")"
        tail = " ON CONFLICT DO NOTHING" if ignore_conflicts else ""
        for i in range(0, len(rows), INSERT_CHUNK):
            chunk = rows[i : i + INSERT_CHUNK]
            sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES " + ", ".join([one] * len(chunk)) + tail
            self.execute(sql, [v for row in chunk for v in row])

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        cur = self.conn.execute(self._sql(sql), list(params))
        names = [d[0] for d in cur.description]
        return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]

    def scalar(self, sql: str, params: Sequence[Any] = ()) -> Any:
        row = self.conn.execute(self._sql(sql), list(params)).fetchone()
        return None if row is None else row[0]

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One transaction: committed when the block ends, rolled back if it raises."""
        self.execute("BEGIN TRANSACTION")
        try:
            yield
        except BaseException:
            self.execute("ROLLBACK")
            raise
        self.execute("COMMIT")

    # -- schema ------------------------------------------------------------------------------

    def schema_version(self) -> int:
        self.execute(SCHEMA_VERSION_TABLE)
        v = self.scalar("SELECT MAX(version) FROM schema_version")
        return int(v or 0)

    def migrate(self) -> int:
        """Applies the missing migrations in order; returns the schema version."""
        current = self.schema_version()
        if current > LATEST:
            raise StoreError(f"{self.target} has schema version {current}; this factiongraph knows up to {LATEST}")
        for version, description, statements in MIGRATIONS:
            if version <= current:
                continue
            with self.transaction():
                for stmt in statements:
                    self.execute(stmt)
                self.execute(
                    "INSERT INTO schema_version (version, description, applied_at) VALUES (?, ?, ?)",
                    (version, description, _now()),
                )
        return LATEST

    # -- writing -----------------------------------------------------------------------------

    def known_hashes(self) -> set[str]:
        return {r[0] for r in self.conn.execute("SELECT hash FROM documents").fetchall()}

    def has_document(self, content_hash: str) -> bool:
        return self.scalar("SELECT COUNT(*) FROM documents WHERE hash = ?", (content_hash,)) > 0

    def write_batch(self, items: Iterable[tuple[str, dict[str, Any]]], ingested_at: dt.datetime | None = None) -> int:
        """Writes documents (content hash, output-contract dict) with all their rows in ONE transaction.

        Documents whose hash is already stored are skipped; returns how many were written.
        """
        when = ingested_at or _now()
        written = 0
        with self.transaction():
            for content_hash, contract in items:
                if self.has_document(content_hash):
                    continue
                self._write_document(content_hash, contract, when)
                written += 1
        return written

    def _write_document(self, h: str, c: dict[str, Any], when: dt.datetime) -> None:
        d = c["document"]
        err = c.get("error") or {}
        events = c.get("events") or []
        relations = c.get("relations") or []
        self.execute(
            "INSERT INTO documents (hash, id, title, url, published, language, text, sections, warnings,"
            " error_code, error_message, n_events, n_relations, ingested_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                h, d["id"], d.get("title"), d.get("url"), _date(d.get("published")), d.get("language"),
                d.get("text") or "", json.dumps(d.get("sections") or []),
                json.dumps(c["warnings"]) if c.get("warnings") else None,
                err.get("code"), err.get("message"), len(events), len(relations), when,
            ),
        )
        actors = c.get("actors") or []
        self.insert_rows(
            "actors", ("id", "name", "kind", "acled_inter", "country", "registry_id", "known"),
            list({a["id"]: (a["id"], a["name"], a.get("kind"), a.get("acled_inter"), a.get("country"),
                            a.get("registry_id"), a.get("known")) for a in actors}.values()),
            ignore_conflicts=True,
        )  # fmt: skip
        mentions = {(a["id"], m["start"], m["end"]): (h, a["id"], m["start"], m["end"], m["text"], m.get("how"))
                    for a in actors for m in a["mentions"]}  # fmt: skip
        self.insert_rows(
            "mentions", ("doc_hash", "actor_id", "start_offset", "end_offset", "text", "how"), list(mentions.values())
        )
        self.insert_rows("events", EVENT_COLUMNS, [event_row(h, e) for e in events])
        self.insert_rows("relations", RELATION_COLUMNS, [relation_row(h, i, r) for i, r in enumerate(relations)])
        self.insert_rows(
            "places",
            ("doc_hash", "idx", "start_offset", "end_offset", "text", "name", "geonameid", "lat", "lon", "country",
             "admin1", "feature"),
            [(h, i, p["start"], p["end"], p["text"], p.get("name"), p.get("geonameid"), p.get("lat"), p.get("lon"),
              p.get("country"), p.get("admin1"), p.get("feature")) for i, p in enumerate(c.get("places") or [])],
        )  # fmt: skip

    def set_merged_ids(self, assignments: Sequence[tuple[str, str, str]]) -> None:
        """Sets `events.merged_event_id` from (doc_hash, event_id, merged_event_id) triples, in one transaction."""
        with self.transaction():
            self.execute("CREATE TEMPORARY TABLE merge_map (doc_hash TEXT, event_id TEXT, merged_event_id TEXT)")
            self.insert_rows("merge_map", ("doc_hash", "event_id", "merged_event_id"), list(assignments))
            self.execute("UPDATE events SET merged_event_id = NULL")
            self.execute(
                "UPDATE events SET merged_event_id = m.merged_event_id FROM merge_map m"
                " WHERE events.doc_hash = m.doc_hash AND events.event_id = m.event_id"
            )
            self.execute("DROP TABLE merge_map")

    # -- reading -----------------------------------------------------------------------------

    def counts(self) -> dict[str, int]:
        out = {t: int(self.scalar(f"SELECT COUNT(*) FROM {t}")) for t in TABLES}
        out["failed_documents"] = int(self.scalar("SELECT COUNT(*) FROM documents WHERE error_code IS NOT NULL"))
        out["merged_events"] = int(self.scalar("SELECT COUNT(DISTINCT merged_event_id) FROM events"))
        return out

    def documents(self) -> list[dict[str, Any]]:
        return self.query(
            "SELECT hash, id, title, url, published, error_code, error_message, n_events, n_relations, ingested_at"
            " FROM documents ORDER BY ingested_at, id"
        )

    def actors(self) -> dict[str, dict[str, Any]]:
        return {r["id"]: r for r in self.query("SELECT * FROM actors")}

    def events(self) -> list[dict[str, Any]]:
        """Every event with its document's id, url, published date and ingest time."""
        return self.query(
            "SELECT e.*, d.id AS doc_id, d.url AS doc_url, d.title AS doc_title, d.published AS doc_published,"
            " d.ingested_at AS doc_ingested_at FROM events e JOIN documents d ON d.hash = e.doc_hash"
            " ORDER BY d.ingested_at, d.id, e.event_id"
        )

    def relations(self) -> list[dict[str, Any]]:
        """Every relation with its document's id and dates, and the date of the event it derives from."""
        return self.query(
            "SELECT r.*, d.id AS doc_id, d.url AS doc_url, d.published AS doc_published,"
            " d.ingested_at AS doc_ingested_at, e.date_start AS event_date"
            " FROM relations r JOIN documents d ON d.hash = r.doc_hash"
            " LEFT JOIN events e ON e.doc_hash = r.doc_hash AND e.event_id = r.derived_from"
            " ORDER BY d.ingested_at, d.id, r.idx"
        )


EVENT_COLUMNS = (
    "doc_hash", "event_id", "plover", "plover_mode", "acled_event_type", "acled_sub_event_type",
    "actor1", "actor2", "actor1_start", "actor1_end", "actor1_text", "actor2_start", "actor2_end", "actor2_text",
    "location_name", "location_start", "location_end", "geonameid", "lat", "lon", "country", "admin1",
    "geo_precision", "date_start", "date_end", "date_precision", "date_text", "fatalities", "certainty",
    "source_kind", "attributed_to", "trigger_start", "trigger_end", "trigger_text",
    "evidence_start", "evidence_end", "evidence_text", "confidence",
)  # fmt: skip

RELATION_COLUMNS = (
    "doc_hash", "idx", "type", "source", "target", "source_start", "source_end", "source_text",
    "target_start", "target_end", "target_text", "status", "certainty", "source_kind",
    "evidence_start", "evidence_end", "evidence_text", "derived_from", "confidence", "change",
)  # fmt: skip


def _span(s: dict[str, Any] | None) -> tuple[Any, Any, Any]:
    return (None, None, None) if not s else (s["start"], s["end"], s["text"])


def event_row(h: str, e: dict[str, Any]) -> tuple[Any, ...]:
    loc = e.get("location") or {}
    date = e.get("date") or {}
    ev = e["evidence"]
    return (
        h, e["id"], e["plover"], e.get("plover_mode"), e.get("acled_event_type"), e.get("acled_sub_event_type"),
        e.get("actor1"), e.get("actor2"), *_span(e.get("actor1_mention")), *_span(e.get("actor2_mention")),
        loc.get("name"), loc.get("start"), loc.get("end"), loc.get("geonameid"), loc.get("lat"), loc.get("lon"),
        loc.get("country"), loc.get("admin1"), loc.get("precision"),
        _date(date.get("start")), _date(date.get("end")), date.get("precision"), date.get("text"),
        e.get("fatalities"), e["certainty"], e["source_kind"], e.get("attributed_to"), *_span(e.get("trigger")),
        ev["start"], ev["end"], ev["text"], e.get("confidence"),
    )  # fmt: skip


def relation_row(h: str, i: int, r: dict[str, Any]) -> tuple[Any, ...]:
    ev = r["evidence"]
    return (
        h, i, r["type"], r["source"], r["target"], *_span(r.get("source_mention")), *_span(r.get("target_mention")),
        r["status"], r["certainty"], r["source_kind"], ev["start"], ev["end"], ev["text"], r.get("derived_from"),
        r.get("confidence"), r.get("change"),
    )  # fmt: skip


def _date(value: Any) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None, microsecond=0)


def redact(url: str) -> str:
    """A URL without its password, for messages."""
    if "@" not in url:
        return url
    head, tail = url.split("@", 1)
    scheme, _, cred = head.partition("://")
    return f"{scheme}://{cred.split(':', 1)[0]}:***@{tail}"
