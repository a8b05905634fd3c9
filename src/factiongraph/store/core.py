"""`Store`: the documents and their extractions in DuckDB (default) or PostgreSQL.

All SQL is portable: standard types, `?` parameters (turned into `%s` for psycopg),
`INSERT ... ON CONFLICT DO NOTHING`, and explicit `BEGIN TRANSACTION` / `COMMIT`.
The constructor does no I/O; `Store.open(target)` connects and migrates.

**Readers and writers at the same time.** PostgreSQL takes any number of both. A DuckDB file
takes one process that writes *or* any number that only read, so factiongraph keeps the file
open no longer than it must:

- `ingest` opens the store with `hold=False`: the file is opened for each transaction (one batch
  of documents, or one Parquet shard) and closed after it, so between commits it is free;
- `graph`, `changes`, `timeline` and `export` open it read-only for the length of the command;
- `serve` opens it read-only for each request (`Store.session`), and never holds it in between;
- whoever finds the file locked by another process waits and tries again (backoff up to 0.5 s)
  for up to `FACTIONGRAPH_LOCK_TIMEOUT` seconds (default 300) before giving up with a clear error;
  waiters queue in turn (an OS file lock in the temporary folder), so a reader gets in between two
  of a busy ingest's commits, and a writer between two of a busy server's requests.

A read-only DuckDB connection keeps its memory bounded whatever the corpus size: at most
`FACTIONGRAPH_DUCKDB_MEMORY` (default 512MB) for DuckDB's buffers, spilling to a temporary folder
beyond it, and `FACTIONGRAPH_DUCKDB_THREADS` threads (default: DuckDB's, one per core).

So a reader sees the store as of the last committed batch, and a writer waits at most for the
reader's command (or request) to finish.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import random
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar

from factiongraph.store import actor_state
from factiongraph.store.rows import Rows, contract_rows, empty_rows
from factiongraph.store.schema import LATEST, MIGRATIONS, SCHEMA_VERSION_TABLE, TABLES, column_names

DEFAULT_DB = "factiongraph.duckdb"
POSTGRES_PREFIXES = ("postgresql://", "postgres://")
INSERT_CHUNK = 200  # rows per multi-row INSERT
LOCK_TIMEOUT_ENV = "FACTIONGRAPH_LOCK_TIMEOUT"
DEFAULT_LOCK_TIMEOUT_S = 300.0
QUEUE_COURTESY_S = 5.0  # how long one about to open a DuckDB file lets an earlier waiter go first
MEMORY_ENV = "FACTIONGRAPH_DUCKDB_MEMORY"
DEFAULT_READER_MEMORY = "512MB"
THREADS_ENV = "FACTIONGRAPH_DUCKDB_THREADS"
WRITE_ATTEMPTS = 5  # PostgreSQL: a batch that meets a deadlock with a concurrent ingest is retried

# events whose `merged_event_id` `set_merged_ids` changes (given the new ids in `merge_map`)
_MERGE_CHANGES = (
    "(events.merged_event_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM merge_map m WHERE m.doc_hash = events.doc_hash"
    " AND m.event_id = events.event_id)) OR EXISTS (SELECT 1 FROM merge_map m WHERE m.doc_hash = events.doc_hash"
    " AND m.event_id = events.event_id AND events.merged_event_id IS DISTINCT FROM m.merged_event_id)"
)


T = TypeVar("T")


class StoreError(RuntimeError):
    """The store could not be opened or used (missing driver, unreachable server, newer schema...)."""


def is_postgres(target: str | Path) -> bool:
    return str(target).startswith(POSTGRES_PREFIXES)


def lock_timeout() -> float:
    """Seconds to wait for a DuckDB file another process holds (`FACTIONGRAPH_LOCK_TIMEOUT`)."""
    try:
        return max(0.0, float(os.environ.get(LOCK_TIMEOUT_ENV, DEFAULT_LOCK_TIMEOUT_S)))
    except ValueError:
        return DEFAULT_LOCK_TIMEOUT_S


def _busy(e: Exception) -> bool:
    """True when DuckDB refused the file because another connection holds it (a retry may succeed)."""
    msg = str(e)
    return "Could not set lock" in msg or "different configuration" in msg


def connect_duckdb(target: str, *, read_only: bool, timeout: float | None = None) -> Any:
    """A DuckDB connection, waiting (with backoff) while another process holds the file.

    Whoever waits does so in the file's queue (`_Queue`), and whoever is about to open the file
    first lets a process already waiting go ahead, so an `ingest` committing batch after batch
    cannot keep a reader out until it ends (nor a stream of readers keep a writer out).
    """
    import duckdb

    wait = lock_timeout() if timeout is None else timeout
    deadline = time.monotonic() + wait
    queue = _Queue(target)
    queue.let_waiting_in(min(QUEUE_COURTESY_S, wait))
    delay = 0.02
    try:
        while True:
            try:
                conn = duckdb.connect(target, read_only=read_only)
                conn.execute("SET enable_progress_bar = false")  # no bars on the terminal from long statements
                if read_only:
                    _bound_reader(conn)
                return conn
            except duckdb.Error as e:
                if not _busy(e):
                    raise StoreError(f"cannot open {target}: {e}") from None
                if time.monotonic() >= deadline:
                    raise StoreError(
                        f"cannot open {target}: another process holds it (waited {wait:g} s;"
                        f" set {LOCK_TIMEOUT_ENV} to wait longer): {e}"
                    ) from None
            queue.join(deadline)
            time.sleep(delay * (0.5 + random.random()))
            delay = min(delay * 2, 0.5)
    finally:
        queue.leave()


class _Queue:
    """A DuckDB file's waiting line across processes: an OS file lock held by whoever waits.

    DuckDB lets one writing process or many reading ones open a file and says no to the rest,
    who retry; a writer that reopens the file right after each commit would win every race
    against a reader polling with backoff. So a process that finds the file busy holds this lock
    until it gets in (the next waiter queues behind it on the lock), and a process about to open
    the file first waits up to `QUEUE_COURTESY_S` for a holder to get in. The wait is bounded, so
    a process that holds the file itself and opens it again cannot deadlock with a waiter.
    The lock lives in the temporary folder (one per real path); where it cannot be made the
    queue does nothing and DuckDB's own lock alone decides, as before.
    """

    def __init__(self, target: str) -> None:
        self._lock: Any = None
        self._held = False
        path = _queue_path(target) if target != ":memory:" else None
        if path is not None:
            import filelock

            self._lock = filelock.FileLock(path)

    def _acquire(self, timeout: float) -> bool:
        import filelock

        try:
            self._lock.acquire(timeout=max(0.0, timeout))
            return True
        except filelock.Timeout:
            return False
        except OSError:  # pragma: no cover - an unwritable lock file: no queue
            self._lock = None
            return False

    def let_waiting_in(self, timeout: float) -> None:
        """Waits (at most `timeout` s) while another process is queued for the file."""
        if self._lock is not None and self._acquire(timeout):
            self._lock.release()

    def join(self, deadline: float) -> None:
        """Holds the queue's lock (waiting for it until `deadline`) while retrying the file."""
        if self._lock is not None and not self._held:
            self._held = self._acquire(deadline - time.monotonic())

    def leave(self) -> None:
        if self._held:
            self._lock.release()
            self._held = False


def _temp_folder() -> Path:
    """factiongraph's folder in the temporary folder: DuckDB readers spill there, queues lock there."""
    return Path(tempfile.gettempdir()) / "factiongraph-duckdb"


@lru_cache(maxsize=64)
def _queue_path(target: str) -> str | None:
    """The lock file of a DuckDB file's queue (one per real path), or None where it cannot be made;
    found once per process, not at every connection (`serve` opens the file for each request)."""
    try:
        folder = _temp_folder()
        folder.mkdir(exist_ok=True)
        key = hashlib.sha1(str(Path(target).resolve()).encode("utf-8")).hexdigest()[:20]
    except OSError:  # pragma: no cover - depends on the machine
        return None
    return str(folder / f"queue-{key}.lock")


def _bound_reader(conn: Any) -> None:
    """Bounds a reader's memory and threads (see the module doc); a bad setting is a clear error."""
    import duckdb

    memory = os.environ.get(MEMORY_ENV) or DEFAULT_READER_MEMORY
    threads = os.environ.get(THREADS_ENV)
    spill = _temp_folder()
    try:
        conn.execute(f"SET memory_limit = '{memory}'")
        conn.execute(f"SET temp_directory = '{spill.as_posix()}'")
        if threads:
            conn.execute(f"SET threads = {int(threads)}")
    except (duckdb.Error, ValueError) as e:
        conn.close()
        raise StoreError(f"bad {MEMORY_ENV}={memory!r} or {THREADS_ENV}={threads!r}: {e}") from None


class Store:
    """A connection to a factiongraph database. Use `Store.open(path_or_url)`.

    `hold=False` (DuckDB files only) opens the file for each transaction or statement and closes
    it after, so other processes can read between writes; see the module docstring.
    """

    def __init__(
        self, conn: Any, backend: str, target: str, *, read_only: bool = False, hold: bool = True
    ) -> None:
        self._conn = conn
        self.backend = backend  # "duckdb" | "postgres"
        self.target = target
        self.read_only = read_only
        self.hold = hold or backend != "duckdb" or target == ":memory:"
        self._depth = 0  # open transactions

    # -- opening -----------------------------------------------------------------------------

    @classmethod
    def open(
        cls, target: str | Path = DEFAULT_DB, *, migrate: bool = True, read_only: bool = False, hold: bool = True
    ) -> Store:
        """Opens (creating it if needed) a DuckDB file, `:memory:`, or a `postgresql://` URL.

        `read_only`: a DuckDB file is opened read-only (others may read it too); an older schema
        is migrated first, in a short read-write connection. `hold=False`: see the class docstring.
        """
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
            store = cls(pg, "postgres", target, read_only=read_only)
            if migrate:
                store.migrate()
            return store
        if target != ":memory:":
            if read_only and not Path(target).exists():
                raise StoreError(f"no store at {target}")
            Path(target).parent.mkdir(parents=True, exist_ok=True)
        if read_only:
            store = cls(None, "duckdb", target, read_only=True, hold=hold)
            if migrate and store._behind():
                store.close()  # DuckDB refuses a writer while this process holds a read-only connection
                with cls(None, "duckdb", target, hold=False) as writer:
                    writer.migrate()
            return store if not hold else store._open_now()
        store = cls(None, "duckdb", target, hold=hold)
        if migrate:
            store.migrate()
        return store if not hold else store._open_now()

    def _open_now(self) -> Store:
        _ = self.conn
        return self

    def _behind(self) -> bool:
        try:
            return self.schema_version() < LATEST
        except Exception:  # noqa: BLE001 - no schema_version table yet: a store to create
            return True

    @property
    def conn(self) -> Any:
        """The connection, opened on first use (and again after a `hold=False` store released it)."""
        if self._conn is None:
            self._conn = connect_duckdb(self.target, read_only=self.read_only)
        return self._conn

    def _release(self) -> None:
        """Closes the file between transactions when the store does not hold it."""
        if not self.hold and self._depth == 0 and self._conn is not None:
            self._conn.close()
            self._conn = None

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def session(self) -> Iterator[Store]:
        """A handle for one unit of work, safe to use on another thread.

        DuckDB: a cursor of this store's connection, or - when the store does not hold its file -
        a connection of its own, opened for the block (waiting for a writer) and closed after it.
        PostgreSQL: this store (callers serialise access to its one connection).
        """
        if self.backend != "duckdb":
            yield self
        elif not self.hold:
            own = Store(connect_duckdb(self.target, read_only=self.read_only), "duckdb", self.target,
                        read_only=self.read_only)  # fmt: skip
            try:
                yield own
            finally:
                own.close()
        else:
            cur = self.conn.cursor()
            try:
                yield Store(cur, "duckdb", self.target, read_only=self.read_only)
            finally:
                cur.close()

    # -- SQL ---------------------------------------------------------------------------------

    def _sql(self, sql: str) -> str:
        return sql.replace("?", "%s") if self.backend == "postgres" else sql

    def execute(self, sql: str, params: Sequence[Any] = ()) -> None:
        try:
            self.conn.execute(self._sql(sql), list(params))
        finally:
            self._release()

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        if not rows:
            return
        try:
            if self.backend == "postgres":
                with self.conn.cursor() as cur:
                    cur.executemany(self._sql(sql), rows)
            else:
                self.conn.executemany(sql, [list(r) for r in rows])
        finally:
            self._release()

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

    def bulk_insert(self, table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
        """Inserts many rows at once: DuckDB scans them as NumPy columns, PostgreSQL takes them by `COPY`."""
        if not rows:
            return
        cols = ", ".join(columns)
        if self.backend == "postgres":
            with self.conn.cursor() as cur, cur.copy(f"COPY {table} ({cols}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
            return
        import numpy as np

        arrays = {}
        for name, values in zip(columns, zip(*rows, strict=True), strict=True):
            arr = np.empty(len(rows), dtype=object)
            arr[:] = values
            arrays[name] = arr
        self.conn.register("fg_bulk_rows", arrays)
        try:
            self.execute(f"INSERT INTO {table} ({cols}) SELECT {cols} FROM fg_bulk_rows")
        finally:
            if self._conn is not None:
                self._conn.unregister("fg_bulk_rows")

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        try:
            cur = self.conn.execute(self._sql(sql), list(params))
            names = [d[0] for d in cur.description]
            return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]
        finally:
            self._release()

    def scalar(self, sql: str, params: Sequence[Any] = ()) -> Any:
        try:
            row = self.conn.execute(self._sql(sql), list(params)).fetchone()
            return None if row is None else row[0]
        finally:
            self._release()

    def column(self, sql: str, params: Sequence[Any] = ()) -> list[Any]:
        """The first column of every row."""
        try:
            return [r[0] for r in self.conn.execute(self._sql(sql), list(params)).fetchall()]
        finally:
            self._release()

    def rows_of_documents(
        self, table: str, hashes: Iterable[str], columns: str = "*", **equal: Any
    ) -> list[dict[str, Any]]:
        """The rows of `table` in these documents (`documents` itself: by `hash`, the other tables:
        by `doc_hash`) whose `equal` columns have the given values, in no particular order.

        Only the document is asked of the database; the other columns are compared here. DuckDB
        reads an ART index for a lone equality or IN list, so `doc_hash = ? AND idx = ?` scans the
        whole table (0.3 s at 10M relations, against 2 ms for `doc_hash = ?`)."""
        key = "hash" if table == "documents" else "doc_hash"
        wanted = sorted(set(hashes))
        out: list[dict[str, Any]] = []
        for i in range(0, len(wanted), 500):
            part = wanted[i : i + 500]
            marks = ", ".join("?" * len(part))
            out += self.query(f"SELECT {columns} FROM {table} WHERE {key} IN ({marks})", part)
        return [r for r in out if all(r[k] == v for k, v in equal.items())] if equal else out

    @property
    def in_transaction(self) -> bool:
        """True inside `transaction()`."""
        return self._depth > 0

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One transaction: committed when the block ends, rolled back if it raises.

        A store that does not hold its file opens it here and closes it after the commit.
        """
        self._depth += 1
        try:
            self.execute("BEGIN TRANSACTION")
            try:
                yield
            except BaseException:
                if self._conn is not None:
                    self.execute("ROLLBACK")
                raise
            self.execute("COMMIT")
        finally:
            self._depth -= 1
            self._release()

    # -- schema ------------------------------------------------------------------------------

    def schema_version(self) -> int:
        if not self.read_only:
            self.execute(SCHEMA_VERSION_TABLE)
        v = self.scalar("SELECT MAX(version) FROM schema_version")
        return int(v or 0)

    def migrate(self) -> int:
        """Applies the missing migrations in order; returns the schema version.

        On PostgreSQL an advisory lock makes concurrent first opens (two ingests) migrate once.
        """
        if self.backend == "postgres":
            self.execute("SELECT pg_advisory_lock(?)", (MIGRATION_LOCK,))
        try:
            current = self.schema_version()
            if current > LATEST:
                raise StoreError(
                    f"{self.target} has schema version {current}; this factiongraph knows up to {LATEST}"
                )
            for version, description, statements in MIGRATIONS:
                if version <= current:
                    continue
                with self.transaction():
                    for stmt in statements:
                        if callable(stmt):
                            stmt(self)
                        else:
                            self.execute(stmt)
                    self.execute(
                        "INSERT INTO schema_version (version, description, applied_at) VALUES (?, ?, ?)",
                        (version, description, _now()),
                    )
        finally:
            if self.backend == "postgres":
                self.execute("SELECT pg_advisory_unlock(?)", (MIGRATION_LOCK,))
        return LATEST

    # -- writing -----------------------------------------------------------------------------

    def known_hashes(self) -> set[str]:
        return set(self.column("SELECT hash FROM documents"))

    def has_document(self, key: str) -> bool:
        return bool(self.scalar("SELECT COUNT(*) FROM documents WHERE hash = ?", (key,)))

    def write_batch(self, items: Iterable[tuple[str, dict[str, Any]]], ingested_at: dt.datetime | None = None) -> int:
        """Writes documents (storage key, output-contract dict) with all their rows in ONE transaction.

        Documents whose key is already stored are skipped; returns how many were written.
        """
        when = ingested_at or _now()
        rows = empty_rows()
        for key, contract in items:
            contract_rows(key, contract, when, into=rows)
        return self.write_rows(rows)

    def write_rows(self, rows: Rows) -> int:
        """Writes the rows of some documents (`rows.contract_rows`) in one transaction; returns how
        many documents were new.

        A document whose key is stored already - by an earlier run, or by a concurrent ingest that
        committed first - is skipped with all its rows (`INSERT ... ON CONFLICT DO NOTHING RETURNING`).
        Actors, then documents, are inserted in key order, so two ingests writing the same documents
        lock rows in the same order; a PostgreSQL deadlock or serialisation failure retries the batch.
        The analyst's corrections of the new documents are replayed in the same transaction
        (`store.corrections.apply_corrections`), so a document stored again comes back corrected.
        """
        docs = sorted({r[0]: r for r in rows.get("documents", ())}.values(), key=lambda r: r[0])
        actors = sorted({r[0]: r for r in rows.get("actors", ())}.values(), key=lambda r: r[0])
        if not docs:
            return 0
        from factiongraph.store.corrections import apply_corrections

        def write() -> int:
            with self.transaction():
                self.insert_rows("actors", column_names("actors"), actors, ignore_conflicts=True)
                new = self._insert_documents(docs)
                for table in TABLES:
                    if table not in ("documents", "actors"):
                        mine = [r for r in rows.get(table, ()) if r[0] in new]
                        self.insert_rows(table, column_names(table), mine)
                apply_corrections(self, new)  # an analyst's corrections of these documents hold again
                self._add_evidence(sorted(new))
            return len(new)

        return retrying(write)

    def _add_evidence(self, hashes: Sequence[str]) -> None:
        """Adds the `evidence` rows of newly written documents (`store.evidence`), in the open transaction."""
        from factiongraph.store.evidence import add_documents

        if not hashes:
            return
        self.execute("CREATE TEMPORARY TABLE fg_new_evidence (hash TEXT PRIMARY KEY)")
        self.insert_rows("fg_new_evidence", ("hash",), [(h,) for h in hashes])
        add_documents(self, "SELECT hash FROM fg_new_evidence")
        self.execute("DROP TABLE fg_new_evidence")

    def _insert_documents(self, docs: Sequence[tuple[Any, ...]]) -> set[str]:
        cols = column_names("documents")
        one = "(" + ", ".join("?" * len(cols)) + ")"
        new: set[str] = set()
        for i in range(0, len(docs), INSERT_CHUNK):
            chunk = docs[i : i + INSERT_CHUNK]
            sql = (f"INSERT INTO documents ({', '.join(cols)}) VALUES " + ", ".join([one] * len(chunk))
                   + " ON CONFLICT DO NOTHING RETURNING hash")  # fmt: skip
            new.update(self.column(sql, [v for row in chunk for v in row]))
        return new

    def set_merged_ids(self, assignments: Sequence[tuple[str, str, str]]) -> None:
        """Sets `events.merged_event_id` from (doc_hash, event_id, merged_event_id) triples, in one transaction."""

        def write() -> None:
            with self.transaction():
                self.execute("CREATE TEMPORARY TABLE merge_map (doc_hash TEXT, event_id TEXT, merged_event_id TEXT)")
                self.bulk_insert("merge_map", ("doc_hash", "event_id", "merged_event_id"), assignments)
                # the actors of the events whose merged event changes: their kept timelines change
                actor_state.mark_events(self, _MERGE_CHANGES)
                # only rows whose id changes are written (an update of an indexed column is costly)
                self.execute(
                    "UPDATE events SET merged_event_id = NULL WHERE merged_event_id IS NOT NULL AND NOT EXISTS"
                    " (SELECT 1 FROM merge_map m WHERE m.doc_hash = events.doc_hash AND m.event_id = events.event_id)"
                )
                self.execute(
                    "UPDATE events SET merged_event_id = m.merged_event_id FROM merge_map m"
                    " WHERE events.doc_hash = m.doc_hash AND events.event_id = m.event_id"
                    " AND events.merged_event_id IS DISTINCT FROM m.merged_event_id"
                )
                actor_state.refresh(self)
                self.execute("DROP TABLE merge_map")
                web_state.recount_merged(self)

        from factiongraph.store import web_state

        retrying(write)

    # -- reading -----------------------------------------------------------------------------

    def counts(self) -> dict[str, int]:
        """Rows of each data table, failed documents and merged events: read from the counts kept at
        ingest (`store.web_state`), counted when the store keeps none."""
        from factiongraph.store import web_state

        if web_state.kept(self):
            return web_state.counts(self)
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


# Columns a script inserting rows directly fills (events without the merge's `merged_event_id`).
EVENT_COLUMNS = tuple(c for c in column_names("events") if c != "merged_event_id")
RELATION_COLUMNS = column_names("relations")
MIGRATION_LOCK = 0x66677374  # PostgreSQL advisory lock key held while migrating ("fgst")


def _retryable(e: Exception) -> bool:
    """A PostgreSQL deadlock or serialisation failure: the transaction can simply run again."""
    return getattr(e, "sqlstate", None) in ("40P01", "40001")


def retrying(write: Callable[[], T]) -> T:
    """Runs a write transaction, again (up to `WRITE_ATTEMPTS` times) when PostgreSQL aborted it
    for a deadlock or serialisation failure with a concurrent writer."""
    for attempt in range(1, WRITE_ATTEMPTS):
        try:
            return write()
        except Exception as e:
            if not _retryable(e):
                raise
            time.sleep(0.05 * attempt * (0.5 + random.random()))
    return write()


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None, microsecond=0)


def redact(url: str) -> str:
    """A URL without its password, for messages."""
    if "@" not in url:
        return url
    head, tail = url.split("@", 1)
    scheme, _, cred = head.partition("://")
    return f"{scheme}://{cred.split(':', 1)[0]}:***@{tail}"
