"""The store: documents and their extractions in DuckDB or PostgreSQL (see `schema.py`)."""

from factiongraph.store.core import DEFAULT_DB, Store, StoreError
from factiongraph.store.ingest import IngestSummary, content_hash, ingest_documents, ingest_paths

__all__ = ["DEFAULT_DB", "IngestSummary", "Store", "StoreError", "content_hash", "ingest_documents", "ingest_paths"]
