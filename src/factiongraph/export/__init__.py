"""Exports of the store: ACLED CSV, PLOVER JSONL, GraphML, GEXF, GeoJSON, Parquet; graph drawings."""

from __future__ import annotations

from typing import IO, Any

from factiongraph.export.acled_csv import ACLED_COLUMNS, acled_rows, write_acled_csv
from factiongraph.export.geojson import geojson, write_geojson
from factiongraph.export.graphml import write_gexf, write_graphml
from factiongraph.export.parquet import write_parquet
from factiongraph.export.plover_jsonl import plover_records, write_plover_jsonl
from factiongraph.store.core import Store

TEXT_FORMATS = ("acled-csv", "plover-jsonl", "graphml", "gexf", "geojson")
FORMATS = (*TEXT_FORMATS, "parquet")


def export(store: Store, fmt: str, out: IO[str]) -> int:
    """Writes a text export to `out`; returns the number of records (rows, events, edges, features)."""
    writers: dict[str, Any] = {
        "acled-csv": write_acled_csv,
        "plover-jsonl": write_plover_jsonl,
        "graphml": write_graphml,
        "gexf": write_gexf,
        "geojson": write_geojson,
    }
    if fmt not in writers:
        raise ValueError(f"unknown export format {fmt!r} (one of {', '.join(FORMATS)})")
    return int(writers[fmt](store, out))


__all__ = [
    "ACLED_COLUMNS", "FORMATS", "TEXT_FORMATS", "acled_rows", "export", "geojson", "plover_records",
    "write_acled_csv", "write_geojson", "write_gexf", "write_graphml", "write_parquet", "write_plover_jsonl",
]  # fmt: skip
