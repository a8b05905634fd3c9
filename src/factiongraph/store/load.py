"""Bulk load of Parquet tables - `factiongraph batch` output or `export --format parquet` - into the store.

Both write the store's own tables (`schema.COLUMNS`: same names, same types), so loading is
`INSERT ... SELECT` with no extraction and no per-row Python on DuckDB:

- a *unit* is one batch shard (`OUT/<table>/SHARD.parquet` for every table) or one export
  folder (`DIR/<table>.parquet`); each unit is loaded in ONE transaction, so a load killed at any
  point (even `kill -9`) leaves whole units or nothing;
- documents whose key (`documents.hash`) is stored already - from an earlier run, a direct
  `ingest`, or a concurrent load that committed first - are skipped with all their rows
  (`INSERT ... ON CONFLICT DO NOTHING RETURNING hash`), so a rerun resumes and a second load of the
  same tables changes nothing;
- DuckDB reads the Parquet files itself (`read_parquet`); for PostgreSQL the rows are read here
  (DuckDB in memory) and streamed with `COPY` into temporary tables, then inserted the same way.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from factiongraph.store.core import Store, StoreError, retrying
from factiongraph.store.evidence import add_documents
from factiongraph.store.schema import KEYS, TABLES, column_names

COPY_CHUNK = 10_000  # rows fetched from a Parquet file at a time for PostgreSQL's COPY


@dataclass(frozen=True)
class Unit:
    """A set of Parquet files, one per table, loaded in one transaction."""

    name: str
    files: dict[str, Path]  # table -> file; a missing table has no file


@dataclass
class LoadSummary:
    units: int = 0
    documents: int = 0  # newly stored
    skipped: int = 0  # already stored
    seconds: float = 0.0
    loaded: list[str] = field(default_factory=list)

    @property
    def docs_per_second(self) -> float:
        return self.documents / self.seconds if self.seconds else 0.0


def is_table_folder(path: str | Path) -> bool:
    """True for a `batch` output folder (`documents/*.parquet`) or a Parquet export (`documents.parquet`)."""
    p = Path(path)
    return p.is_dir() and (any((p / "documents").glob("*.parquet")) or (p / "documents.parquet").is_file())


def plan_units(folder: str | Path) -> list[Unit]:
    """The units of a table folder, in name order (shards of a batch, or the one export)."""
    p = Path(folder)
    if (p / "documents.parquet").is_file():
        return [Unit(p.name or str(p), {t: p / f"{t}.parquet" for t in TABLES if (p / f"{t}.parquet").is_file()})]
    units = []
    for doc_file in sorted((p / "documents").glob("*.parquet")):
        shard = doc_file.stem
        files = {t: p / t / f"{shard}.parquet" for t in TABLES}
        units.append(Unit(shard, {t: f for t, f in files.items() if f.is_file()}))
    return units


def _literal(path: Path) -> str:
    return "'" + str(path).replace("'", "''") + "'"


def _check_columns(unit: Unit) -> None:
    """Refuses files that are not the store's tables (an older batch output, another program's)."""
    import duckdb

    reader = duckdb.connect()
    try:
        for table, f in unit.files.items():
            _check_file(reader, table, f)
    finally:
        reader.close()


def _check_file(reader: Any, table: str, f: Path) -> None:
    import duckdb

    try:
        have = {r[0] for r in reader.execute(f"DESCRIBE SELECT * FROM read_parquet({_literal(f)})").fetchall()}
    except duckdb.Error as e:
        raise StoreError(f"cannot read {f}: {e}") from None
    missing = [c for c in column_names(table) if c not in have]
    if missing:
        raise StoreError(
            f"{f} is not a factiongraph {table} table (no column {', '.join(missing[:5])}): "
            "write it again with this version's `factiongraph batch` or `export --format parquet`"
        )


def _first_per_key(table: str, source: str) -> str:
    """SELECT of the table's columns from `source`, one row per key (the first)."""
    cols = ", ".join(column_names(table))
    key = ", ".join(KEYS[table])
    return (f"SELECT {cols} FROM (SELECT {cols}, ROW_NUMBER() OVER (PARTITION BY {key} ORDER BY {key}) AS fg_rn"
            f" FROM {source}) fg_src WHERE fg_rn = 1 ORDER BY {key}")  # fmt: skip


def _stage_postgres(store: Store, unit: Unit) -> dict[str, str]:
    """Copies the unit's files into temporary tables of the PostgreSQL session; returns their names."""
    import duckdb

    names = {}
    reader = duckdb.connect()
    try:
        for table, f in unit.files.items():
            stage = f"fg_stage_{table}"
            store.execute(f"CREATE TEMPORARY TABLE {stage} (LIKE {table}) ON COMMIT DROP")
            cols = ", ".join(column_names(table))
            cur = reader.execute(f"SELECT {cols} FROM read_parquet({_literal(f)})")
            with store.conn.cursor() as pg, pg.copy(f"COPY {stage} ({cols}) FROM STDIN") as copy:
                while rows := cur.fetchmany(COPY_CHUNK):
                    for row in rows:
                        copy.write_row(row)
            names[table] = stage
    finally:
        reader.close()
    return names


def load_unit(store: Store, unit: Unit) -> tuple[int, int]:
    """Loads one unit in one transaction; returns (documents stored, documents already there)."""
    if "documents" not in unit.files:
        return 0, 0
    _check_columns(unit)

    from factiongraph.store.corrections import apply_corrections

    def write() -> tuple[int, int]:
        with store.transaction():
            if store.backend == "postgres":
                sources = _stage_postgres(store, unit)
            else:
                sources = {t: f"read_parquet({_literal(f)})" for t, f in unit.files.items()}
            if "actors" in sources:
                store.execute(
                    f"INSERT INTO actors ({', '.join(column_names('actors'))}) "
                    + _first_per_key("actors", sources["actors"]) + " ON CONFLICT DO NOTHING"
                )  # fmt: skip
            offered = int(store.scalar(f"SELECT COUNT(DISTINCT hash) FROM {sources['documents']}"))
            new = store.column(
                f"INSERT INTO documents ({', '.join(column_names('documents'))}) "
                + _first_per_key("documents", sources["documents"]) + " ON CONFLICT DO NOTHING RETURNING hash"
            )  # fmt: skip
            if new:
                store.execute("CREATE TEMPORARY TABLE fg_new_documents (hash TEXT PRIMARY KEY)")
                store.insert_rows("fg_new_documents", ("hash",), [(h,) for h in new])
                for table in TABLES:
                    if table in ("documents", "actors") or table not in sources:
                        continue
                    cols = ", ".join(column_names(table))
                    store.execute(
                        f"INSERT INTO {table} ({cols}) SELECT {cols} FROM {sources[table]}"
                        " WHERE doc_hash IN (SELECT hash FROM fg_new_documents) ON CONFLICT DO NOTHING"
                    )
                apply_corrections(store, new)  # an analyst's corrections of these documents hold again
                add_documents(store, "SELECT hash FROM fg_new_documents")  # from the corrected rows
                store.execute("DROP TABLE fg_new_documents")
        return len(new), offered - len(new)

    return retrying(write)


def load_tables(
    store: Store,
    folders: Sequence[str | Path],
    *,
    merge: bool = True,
    on_unit: Callable[[Unit, int, int], None] | None = None,
) -> LoadSummary:
    """Loads every unit of the table folders; then re-merges events over the store (as `ingest` does).

    `on_unit(unit, stored, skipped)` is called after each unit's commit.
    """
    t0 = time.perf_counter()
    summary = LoadSummary()
    for folder in folders:
        if not is_table_folder(folder):
            raise StoreError(f"{folder} holds no factiongraph tables (documents/*.parquet or documents.parquet)")
        for unit in plan_units(folder):
            stored, skipped = load_unit(store, unit)
            summary.units += 1
            summary.documents += stored
            summary.skipped += skipped
            summary.loaded.append(unit.name)
            if on_unit is not None:
                on_unit(unit, stored, skipped)
    if merge and summary.documents:
        from factiongraph.graph import merge_events

        merge_events(store)
    summary.seconds = time.perf_counter() - t0
    return summary


__all__ = ["LoadSummary", "Unit", "is_table_folder", "load_tables", "load_unit", "plan_units"]
