"""Parquet: one file per table, written by DuckDB's `COPY ... (FORMAT PARQUET)`, or from
PostgreSQL with pyarrow, a chunk of rows at a time (`pip install 'factiongraph[batch]'`).

The files hold the store's tables column for column (`store.schema.COLUMNS`, `arrow_schema`), as
`factiongraph batch` writes them, so `factiongraph ingest DIR` loads an export into another store.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from factiongraph.store.core import Store, StoreError
from factiongraph.store.schema import TABLES, arrow_schema, column_names

CHUNK = 10_000  # PostgreSQL rows per Parquet row group


def write_parquet(store: Store, directory: str | Path) -> list[Path]:
    """Writes `<directory>/<table>.parquet` for every table; returns the paths written."""
    out = Path(directory)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for t in TABLES:
        path = out / f"{t}.parquet"
        select = f"SELECT {', '.join(column_names(t))} FROM {t}"
        if store.backend == "duckdb":
            literal = str(path).replace("'", "''")
            store.execute(f"COPY ({select}) TO '{literal}' (FORMAT PARQUET)")
        else:
            _write_rows(store, select, t, path)
        written.append(path)
    return written


def _write_rows(store: Store, select: str, table: str, path: Path) -> None:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:  # pragma: no cover - depends on the install
        raise StoreError("the parquet export of a PostgreSQL store needs pyarrow: "
                         "pip install 'factiongraph[batch]'") from None  # fmt: skip
    schema: Any = arrow_schema(table)
    with store.conn.cursor() as cur, pq.ParquetWriter(path, schema) as writer:
        cur.execute(select)
        while rows := cur.fetchmany(CHUNK):
            columns = list(zip(*rows, strict=True))
            writer.write_table(pa.Table.from_arrays(
                [pa.array(list(c), type=f.type) for c, f in zip(columns, schema, strict=True)], schema=schema))
