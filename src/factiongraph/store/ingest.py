"""Ingest: read documents, extract them with the pipeline, and store each with its rows.

Idempotent and resumable:

- each document is keyed by a content hash; documents whose hash is already stored are
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
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from factiongraph.contract import to_contract
from factiongraph.document import Document
from factiongraph.pipeline import DEFAULT_MAX_BYTES, Pipeline
from factiongraph.read import read_paths
from factiongraph.store.core import Store

DEFAULT_BATCH = 50


def content_hash(doc: Document) -> str:
    """SHA-256 of the document's id and content (text, title, url, published).

    The id is part of it: the same text under two ids (a wire story republished by two
    outlets, a corpus repeated under new ids) is two documents, each with its own provenance;
    the same document ingested twice is one. A document that could not be read has no
    content: its hash is over its id and error.
    """
    if doc.error is not None:
        payload: list[Any] = ["error", doc.id, doc.error.code, doc.text]
    else:
        published = doc.published.isoformat() if doc.published else None
        payload = ["doc", doc.id, doc.text, doc.title, doc.url, published]
    return hashlib.sha256(json.dumps(payload, ensure_ascii=False).encode("utf-8")).hexdigest()


@dataclass
class IngestSummary:
    ingested: int = 0
    skipped: int = 0
    failed: int = 0
    events: int = 0
    relations: int = 0
    seconds: float = 0.0
    failures: list[tuple[str, str, str]] = field(default_factory=list)  # (document id, code, message)

    @property
    def docs_per_second(self) -> float:
        return (self.ingested + self.failed) / self.seconds if self.seconds else 0.0


# on_document(document id, outcome) with outcome "ingested" | "skipped" | "failed"
DocumentCallback = Callable[[str, str], None]
# on_commit(documents written in this batch, documents in the store after it)
CommitCallback = Callable[[int, int], None]


def ingest_documents(
    store: Store,
    docs: Iterable[Document],
    pipeline: Pipeline,
    *,
    batch_size: int = DEFAULT_BATCH,
    on_document: DocumentCallback | None = None,
    on_commit: CommitCallback | None = None,
) -> IngestSummary:
    """Extracts and stores read documents; already stored ones (same content hash) are skipped."""
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
            h = content_hash(d)
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

    for doc in pipeline.run(pending()):
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
    pipeline: Pipeline,
    *,
    published: Any = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    batch_size: int = DEFAULT_BATCH,
    merge: bool = True,
    on_document: DocumentCallback | None = None,
    on_commit: CommitCallback | None = None,
    stdin: Any = None,
) -> IngestSummary:
    """Reads files, folders, JSONL or stdin like `extract_paths`, stores them, then re-merges events."""
    docs: Iterable[Document] = read_paths(paths, max_bytes=max_bytes, stdin=stdin)
    if published is not None:
        docs = (d if d.published is not None else dataclasses.replace(d, published=published) for d in docs)
    summary = ingest_documents(
        store, docs, pipeline, batch_size=batch_size, on_document=on_document, on_commit=on_commit
    )
    if merge:
        from factiongraph.graph import merge_events

        merge_events(store)
    return summary
