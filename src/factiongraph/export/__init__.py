"""Exports of the store: ACLED CSV, PLOVER JSONL, GraphML, GEXF, GeoJSON, Parquet; graph drawings."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import IO

from factiongraph.export.acled_csv import (
    ACLED_COLUMNS,
    AcledExport,
    Reject,
    acled_export,
    acled_rows,
    write_acled_csv,
    write_rejects,
)
from factiongraph.export.geojson import geojson, write_geojson
from factiongraph.export.graphml import GraphOptions, write_gexf, write_graphml
from factiongraph.export.parquet import write_parquet
from factiongraph.export.plover_jsonl import plover_records, write_plover_jsonl
from factiongraph.store.core import Store

TEXT_FORMATS = ("acled-csv", "plover-jsonl", "graphml", "gexf", "geojson")
FORMATS = (*TEXT_FORMATS, "parquet")


@dataclass(frozen=True)
class ExportOptions:
    """What shapes an export: the graph's scope and date (GraphML, GEXF) and ACLED's inter labels."""

    graph: GraphOptions = field(default_factory=GraphOptions)
    inter_labels: bool = False


@dataclass
class ExportResult:
    """Records written, and for ACLED the rows rejected and the events left out (reason -> count)."""

    records: int
    rejects: list[Reject] = field(default_factory=list)
    skipped: Counter[str] = field(default_factory=Counter)


def export(store: Store, fmt: str, out: IO[str], options: ExportOptions | None = None) -> ExportResult:
    """Writes a text export to `out`; the result counts records (rows, events, edges, features)."""
    opts = options or ExportOptions()
    if fmt == "acled-csv":
        acled = write_acled_csv(store, out, inter_labels=opts.inter_labels)
        return ExportResult(len(acled.rows), acled.rejects, acled.skipped)
    if fmt == "plover-jsonl":
        return ExportResult(write_plover_jsonl(store, out))
    if fmt == "graphml":
        return ExportResult(write_graphml(store, out, opts.graph))
    if fmt == "gexf":
        return ExportResult(write_gexf(store, out, opts.graph))
    if fmt == "geojson":
        return ExportResult(write_geojson(store, out))
    raise ValueError(f"unknown export format {fmt!r} (one of {', '.join(FORMATS)})")


__all__ = [
    "ACLED_COLUMNS", "FORMATS", "TEXT_FORMATS", "AcledExport", "ExportOptions", "ExportResult", "GraphOptions",
    "Reject", "acled_export", "acled_rows", "export", "geojson", "plover_records", "write_acled_csv",
    "write_geojson", "write_gexf", "write_graphml", "write_parquet", "write_plover_jsonl", "write_rejects",
]  # fmt: skip
