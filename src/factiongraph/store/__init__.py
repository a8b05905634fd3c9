"""The store: documents and their extractions in DuckDB or PostgreSQL (see `schema.py`)."""

from factiongraph.store.core import DEFAULT_DB, Store, StoreError
from factiongraph.store.ingest import IngestSummary, content_hash, document_key, ingest_documents, ingest_paths
from factiongraph.store.load import LoadSummary, load_tables

__all__ = [
    "DEFAULT_DB", "IngestSummary", "LoadSummary", "Store", "StoreError", "content_hash", "document_key",
    "ingest_documents", "ingest_paths", "load_tables",
]  # fmt: skip
