"""Ingest: read documents, extract them with the pipeline, and store each with its rows.

Idempotent and resumable:

- each document is keyed by its identity (`document_key`: its URL when it has one, else a hash
  of its content - never the path as typed); documents whose key is already stored are
  skipped *before* extraction (a rerun after a crash costs only the missing ones);
- a batch of documents is written in one transaction together with all their rows, so a
  process killed at any point (even `kill -9`) leaves whole documents or nothing;
- error documents (binary, empty, oversized, non-English, bad JSONL line) are stored with
  their error, never dropped.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import time
import urllib.parse
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from factiongraph.contract import to_contract
from factiongraph.document import Document
from factiongraph.read import read_paths
from factiongraph.read.core import DEFAULT_MAX_BYTES
from factiongraph.store.core import Store

if TYPE_CHECKING:  # pragma: no cover
    from factiongraph.parallel import PipelineSpec
    from factiongraph.pipeline import Pipeline

DEFAULT_BATCH = 50


def normal_url(url: str) -> str:
    """A URL as identity: trimmed, scheme and host in lower case, without its #fragment."""
    parts = urllib.parse.urlsplit(url.strip())
    return urllib.parse.urlunsplit((parts.scheme.lower(), parts.netloc.lower(), parts.path, parts.query, ""))


def _source(doc_id: str) -> str:
    """An error document's id with its file path made absolute (`a.txt` and `./a.txt` are one file)."""
    path, sep, line = doc_id.rpartition(":")
    if sep and line.isdigit() and os.path.exists(path):
        return f"{os.path.realpath(path)}:{line}"
    return os.path.realpath(doc_id) if os.path.exists(doc_id) else doc_id


def document_key(doc: Document) -> str:
    """The document's identity in the store: a SHA-256 of its URL when it has one, else of its content.

    Content is the text, title and publication date - not the id, which for a file is the path as
    typed: one file ingested as `a.txt` and as `/abs/path/a.txt` is one document, and the same
    text under two ids is stored once. A document that could not be read has no content: its key
    is over its source (the file's real path) and the error.
    """
    if doc.url and doc.url.strip():
        payload: list[Any] = ["url", normal_url(doc.url)]
    elif doc.error is not None:
        payload = ["error", _source(doc.id), doc.error.code, doc.text]
    else:
        published = doc.published.isoformat() if doc.published else None
        payload = ["doc", doc.text, doc.title, published]
    return hashlib.sha256(json.dumps(payload, ensure_ascii=False).encode("utf-8")).hexdigest()


content_hash = document_key  # the earlier name


@dataclass
class IngestSummary:
    ingested: int = 0
    skipped: int = 0
    failed: int = 0
    events: int = 0
    relations: int = 0
    seconds: float = 0.0
    failures: list[tuple[str, str, str]] = field(default_factory=list)  # (document id, code, message)
    loaded: int = 0  # documents loaded from Parquet tables (`batch` output, exports), no extraction
    units: int = 0  # Parquet units (shards) loaded

    @property
    def docs_per_second(self) -> float:
        return (self.ingested + self.failed + self.loaded) / self.seconds if self.seconds else 0.0


# on_document(document id, outcome) with outcome "ingested" | "skipped" | "failed"
DocumentCallback = Callable[[str, str], None]
# on_commit(documents written in this batch, documents in the store after it)
CommitCallback = Callable[[int, int], None]


def ingest_documents(
    store: Store,
    docs: Iterable[Document],
    pipeline: Pipeline | PipelineSpec,
    *,
    batch_size: int = DEFAULT_BATCH,
    workers: int = 1,
    on_document: DocumentCallback | None = None,
    on_commit: CommitCallback | None = None,
) -> IngestSummary:
    """Extracts and stores read documents; already stored ones (same `document_key`) are skipped.

    `workers > 1` extracts in that many processes (`factiongraph.parallel`, documents in input
    order) while this process alone writes, one transaction per `batch_size` documents.
    """
    t0 = time.perf_counter()
    summary = IngestSummary()
    seen = store.known_hashes()
    stored = len(seen)
    hashes: deque[str] = deque()

    def note(doc_id: str, outcome: str) -> None:
        if on_document is not None:
            on_document(doc_id, outcome)

    def pending() -> Iterator[Document]:
        for d in docs:
            h = document_key(d)
            if h in seen:
                summary.skipped += 1
                note(d.id, "skipped")
                continue
            seen.add(h)
            hashes.append(h)
            yield d

    batch: list[tuple[str, dict[str, Any]]] = []
    outcomes: list[tuple[str, str]] = []

    def flush() -> None:
        nonlocal stored
        if not batch:
            return
        written = store.write_batch(batch)
        stored += written
        for doc_id, outcome in outcomes:
            note(doc_id, outcome)
        batch.clear()
        outcomes.clear()
        if on_commit is not None:
            on_commit(written, stored)

    # the extraction stack (spaCy) is imported when a document is extracted, not by every store reader
    from factiongraph.pipeline import Pipeline

    extracted: Iterable[Document]
    if workers > 1 or not isinstance(pipeline, Pipeline):
        from factiongraph.parallel import run_parallel

        extracted = run_parallel(pending(), pipeline, workers=workers)
    else:
        extracted = pipeline.run(pending())
    for doc in extracted:
        h = hashes.popleft()
        contract = to_contract(doc)
        batch.append((h, contract))
        if doc.error is not None:
            summary.failed += 1
            summary.failures.append((doc.id, doc.error.code, doc.error.message))
            outcomes.append((doc.id, "failed"))
        else:
            summary.ingested += 1
            summary.events += len(contract["events"])
            summary.relations += len(contract["relations"])
            outcomes.append((doc.id, "ingested"))
        if len(batch) >= batch_size:
            flush()
    flush()
    summary.seconds = time.perf_counter() - t0
    return summary


def ingest_paths(
    store: Store,
    paths: Sequence[str],
    pipeline: Pipeline | PipelineSpec,
    *,
    published: Any = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    batch_size: int = DEFAULT_BATCH,
    workers: int = 1,
    merge: bool = True,
    on_document: DocumentCallback | None = None,
    on_commit: CommitCallback | None = None,
    stdin: Any = None,
) -> IngestSummary:
    """Reads files, folders, JSONL or stdin like `extract_paths`, stores them, then re-merges events.

    A folder of Parquet tables (`factiongraph batch` output, `export --format parquet`) is loaded
    in bulk, without extraction (`store.load`); `pipeline` may be an unloaded `PipelineSpec`, which
    is loaded only if there is text to extract.
    """
    from factiongraph.store.load import is_table_folder, load_tables

    t0 = time.perf_counter()
    tables = [p for p in paths if p != "-" and is_table_folder(p)]
    texts = [p for p in paths if p not in tables]
    summary = IngestSummary()
    if texts:
        docs: Iterable[Document] = read_paths(texts, max_bytes=max_bytes, stdin=stdin)
        if published is not None:
            docs = (d if d.published is not None else dataclasses.replace(d, published=published) for d in docs)
        summary = ingest_documents(
            store, docs, pipeline, batch_size=batch_size, workers=workers, on_document=on_document,
            on_commit=on_commit,
        )  # fmt: skip
    if tables:
        stored = [int(store.scalar("SELECT COUNT(*) FROM documents"))]

        def on_unit(unit: Any, new: int, skipped: int) -> None:
            stored[0] += new
            if on_commit is not None:
                on_commit(new, stored[0])

        loaded = load_tables(store, tables, merge=False, on_unit=on_unit)
        summary.loaded += loaded.documents
        summary.skipped += loaded.skipped
        summary.units += loaded.units
    summary.seconds = time.perf_counter() - t0
    if merge and summary.ingested + summary.failed + summary.loaded:  # nothing new: the merge stands
        from factiongraph.graph import merge_events

        merge_events(store)
    return summary
