"""Migration 3: stored documents get their identity as storage key (`ingest.document_key`).

Stores written before kept a hash over the document's id - for a file, the path as typed - and
its content, so one file ingested under two spellings was stored twice. This recomputes each
document's key from its stored fields (URL, else text, title and date; error documents: their
source and error), moves its rows to the new key, and keeps the first-ingested copy of documents
that turn out to be one (the others are deleted with their rows).
"""

from __future__ import annotations

from typing import Any

from factiongraph.document import DocError, Document
from factiongraph.store.rows import as_date
from factiongraph.store.schema import TABLES

CHILD_TABLES = tuple(t for t in TABLES if t not in ("documents", "actors"))


def rekey_documents(store: Any) -> tuple[int, int]:
    """Re-keys every document inside the caller's transaction; returns (documents re-keyed, duplicates dropped)."""
    from factiongraph.store.ingest import document_key

    rows = store.query(
        "SELECT hash, id, url, text, title, published, error_code, error_message FROM documents"
        " ORDER BY ingested_at, id, hash"
    )
    taken: set[str] = set()
    moves: list[tuple[str, str]] = []
    drops: list[tuple[str]] = []
    for r in rows:
        code = r["error_code"]
        doc = Document(id=r["id"], text=r["text"] or "", title=r["title"], url=r["url"],
                       published=as_date(r["published"]),
                       error=DocError(code, r["error_message"] or "") if code else None)  # fmt: skip
        key = document_key(doc)
        if key in taken:
            drops.append((r["hash"],))
            continue
        taken.add(key)
        if key != r["hash"]:
            moves.append((r["hash"], key))
    if drops:
        store.execute("CREATE TEMPORARY TABLE fg_rekey_drop (hash TEXT PRIMARY KEY)")
        store.insert_rows("fg_rekey_drop", ("hash",), drops)
        for t in CHILD_TABLES:
            store.execute(f"DELETE FROM {t} WHERE doc_hash IN (SELECT hash FROM fg_rekey_drop)")
        store.execute("DELETE FROM documents WHERE hash IN (SELECT hash FROM fg_rekey_drop)")
        store.execute("DROP TABLE fg_rekey_drop")
    if moves:
        store.execute("CREATE TEMPORARY TABLE fg_rekey (old TEXT PRIMARY KEY, new TEXT NOT NULL)")
        store.insert_rows("fg_rekey", ("old", "new"), moves)
        store.execute("UPDATE documents SET hash = m.new FROM fg_rekey m WHERE documents.hash = m.old")
        for t in CHILD_TABLES:
            store.execute(f"UPDATE {t} SET doc_hash = m.new FROM fg_rekey m WHERE {t}.doc_hash = m.old")
        store.execute("DROP TABLE fg_rekey")
    return len(moves), len(drops)
