"""Parquet: one file per table, written by DuckDB's `COPY ... (FORMAT PARQUET)`.

The files hold the store's tables column for column (`store.schema.COLUMNS`), as `factiongraph
batch` writes them, so `factiongraph ingest DIR` loads an export back into another store.
"""

from __future__ import annotations

from pathlib import Path

from factiongraph.store.core import Store, StoreError
from factiongraph.store.schema import TABLES, column_names


def write_parquet(store: Store, directory: str | Path) -> list[Path]:
    """Writes `<directory>/<table>.parquet` for every table; returns the paths written."""
    if store.backend != "duckdb":
        raise StoreError("the parquet export needs a DuckDB store (export from PostgreSQL with COPY instead)")
    out = Path(directory)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for t in TABLES:
        path = out / f"{t}.parquet"
        literal = str(path).replace("'", "''")
        store.execute(f"COPY (SELECT {', '.join(column_names(t))} FROM {t}) TO '{literal}' (FORMAT PARQUET)")
        written.append(path)
    return written
