#!/usr/bin/env python3
"""`factiongraph batch --engine ray` over 20,000 documents, checked against `extract` on a sample.

    .venv/bin/python bench/batch_check.py [--docs 20000] [--sample 300] [--workers 2] [--stores]

Builds DOCS short documents (the dev-set texts and the bundled examples' paragraphs, repeated
under new ids), runs the batch on a local Ray cluster, then extracts a random sample of the same
documents in this process and compares each document's events and relations (type, actors,
trigger/evidence spans) with the batch's Parquet rows. Prints a Markdown summary.

`--stores` also loads the batch output into a DuckDB store with `ingest` (bulk, no extraction)
and ingests the same documents directly (`ingest --workers`) into another, and compares what a
user sees of the two: counts, every edge of the graph, every change (issue 15's "a Ray batch
loaded with ingest gives the same graph and changes as ingesting directly"). The direct ingest
extracts every document again, so this takes about as long as the batch itself.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def texts() -> list[str]:
    out: list[str] = []
    for gold in sorted((SHARED / "data" / "dev").glob("*.gold.jsonl")):
        for line in gold.read_text(encoding="utf-8").splitlines():
            if line.strip():
                out.extend(p for p in json.loads(line)["text"].split("\n") if len(p.split()) > 8)
    for f in sorted((ROOT / "examples").glob("*.txt")):
        out.extend(p for p in f.read_text(encoding="utf-8").split("\n") if len(p.split()) > 8)
    return out


def _key(row: tuple) -> tuple:
    """A row comparable with any other: one-sided events have None for an actor."""
    return tuple(("", "") if x is None else (type(x).__name__, x) for x in row)


def picture(db: Path) -> dict[str, Any]:
    """What a user sees of a store: counts, every edge (all certainties, ended too), every change."""
    from factiongraph import graph as fg
    from factiongraph.store import Store

    with Store.open(db, read_only=True) as s:
        edges = sorted((e.type, e.source, e.target, e.evidence_count, e.documents, e.status, e.first_seen, e.last_seen)
                       for e in fg.all_edges(s))  # fmt: skip
        changes = [(c.date, c.kind, c.source, c.target, c.evidence.doc_id, c.evidence.index)
                   for c in fg.changes_from_store(s, first_reported=True)]  # fmt: skip
        return {"counts": s.counts(), "edges": edges, "changes": changes}


def compare_stores(src: Path, out: Path, tmp: Path, workers: int) -> dict[str, tuple[dict[str, Any], float]]:
    """The batch output loaded with `ingest`, and the same documents ingested directly: (picture, seconds)."""
    from factiongraph.parallel import PipelineSpec
    from factiongraph.store import Store, ingest_paths

    found = {}
    for name, path in (("loaded", out), ("direct", src)):
        db = tmp / f"{name}.duckdb"
        t0 = time.perf_counter()
        with Store.open(db, hold=False) as s:
            ingest_paths(s, [str(path)], PipelineSpec(), workers=workers)
        found[name] = (picture(db), time.perf_counter() - t0)
    return found


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=20_000)
    ap.add_argument("--sample", type=int, default=300)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--stores", action="store_true", help="Also compare the loaded store with a direct ingest.")
    a = ap.parse_args()

    import duckdb

    from factiongraph.batch import run_batch
    from factiongraph.contract import to_contract
    from factiongraph.document import Document
    from factiongraph.pipeline import Pipeline

    base = texts()
    # a URL each: the texts repeat, and a document's identity is its URL, else its content
    docs = [{"id": f"d{i:05d}", "text": base[i % len(base)], "url": f"https://example.org/d{i:05d}"}
            for i in range(a.docs)]
    words = sum(len(d["text"].split()) for d in docs)
    with tempfile.TemporaryDirectory() as tmp:
        src, out = Path(tmp) / "in.jsonl", Path(tmp) / "out"
        src.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
        t0 = time.perf_counter()
        summary = run_batch(src, out, engine="ray", workers=a.workers, shard_size=1000)
        wall = time.perf_counter() - t0

        con = duckdb.connect()
        ev = con.execute(
            f"SELECT d.id, plover, actor1, actor2, trigger_start, evidence_start FROM '{out}/events/*.parquet' e"
            f" JOIN '{out}/documents/*.parquet' d ON d.hash = e.doc_hash"
        ).fetchall()
        rel = con.execute(
            f"SELECT d.id, type, source, target, status, evidence_start FROM '{out}/relations/*.parquet' r"
            f" JOIN '{out}/documents/*.parquet' d ON d.hash = r.doc_hash"
        ).fetchall()
        n_docs = con.execute(f"SELECT COUNT(*) FROM '{out}/documents/*.parquet'").fetchone()
        stores = compare_stores(src, out, Path(tmp), a.workers) if a.stores else None
        batch_ev: dict[str, list] = {}
        batch_rel: dict[str, list] = {}
        for row in ev:
            batch_ev.setdefault(row[0], []).append(tuple(row[1:]))
        for row in rel:
            batch_rel.setdefault(row[0], []).append(tuple(row[1:]))

    sample = random.Random(7).sample(docs, min(a.sample, len(docs)))
    pipe = Pipeline.load()
    same = 0
    diffs = []
    for d, doc in zip(sample, pipe.run(Document(id=d["id"], text=d["text"]) for d in sample), strict=True):
        c = to_contract(doc)
        want_ev = sorted(
            _key((e["plover"], e["actor1"], e["actor2"], e["trigger"]["start"], e["evidence"]["start"]))
            for e in c["events"]
        )
        want_rel = sorted(
            _key((r["type"], r["source"], r["target"], r["status"], r["evidence"]["start"])) for r in c["relations"]
        )
        got_ev = sorted(_key(t) for t in batch_ev.get(d["id"], []))
        got_rel = sorted(_key(t) for t in batch_rel.get(d["id"], []))
        if (want_ev, want_rel) == (got_ev, got_rel):
            same += 1
        else:
            diffs.append(d["id"])
    print("| documents | words | Ray actors | wall s | words/s | docs/s | stored docs | events | relations |"
          " sample checked | identical to extract |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    print(f"| {a.docs} | {words} | {a.workers} | {wall:.0f} | {words / wall:,.0f} | {a.docs / wall:.0f} |"
          f" {n_docs[0] if n_docs else 0} | {len(ev)} | {len(rel)} | {len(sample)} | {same} |")
    print(f"\nbatch summary: {summary}")
    if stores is not None:
        print("\n| store | documents | seconds | edges | changes |\n|---|---|---|---|---|")
        for name in ("loaded", "direct"):
            p, secs = stores[name]
            print(f"| {name} | {p['counts']['documents']} | {secs:.0f} | {len(p['edges'])} | {len(p['changes'])} |")
        same_store = stores["loaded"][0] == stores["direct"][0]
        print(f"\nloaded batch output and direct ingest give the same counts, graph and changes: {same_store}")
    if diffs:
        print(f"differing documents: {diffs[:20]}")
    return 0 if same == len(sample) and (stores is None or same_store) else 1


if __name__ == "__main__":
    sys.exit(main())
