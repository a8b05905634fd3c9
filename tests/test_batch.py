"""`factiongraph batch`: Parquet tables equal to `extract`, resumable per shard, local and Ray engines."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")

from factiongraph.batch import TABLES, BatchError, Shard, run_batch  # noqa: E402
from factiongraph.contract import to_contract  # noqa: E402
from factiongraph.pipeline import extract_paths  # noqa: E402

SEED = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "seed" / "aleppo-infighting.txt"
FALLBACK = Path(__file__).resolve().parents[1] / "examples" / "mosul-2017.txt"


def short_docs(n: int) -> list[dict]:
    text = (SEED if SEED.exists() else FALLBACK).read_text(encoding="utf-8")
    lines = [ln for ln in text.split("\n") if len(ln.split()) > 8]
    return [{"id": f"d{i:03d}", "text": lines[i % len(lines)], "published": "2016-11-22",
             "url": f"https://example.org/news/{i}"} for i in range(n)]  # a URL each: n reports, some texts repeat


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """30 short documents (three shards of 10), the 10th a bad JSON line."""
    path = tmp_path_factory.mktemp("in") / "news.jsonl"
    rows = [json.dumps(d) for d in short_docs(30)]
    rows[9] = "{not json"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def expected(corpus: Path, pipeline) -> list[dict]:
    return [to_contract(d) for d in extract_paths([str(corpus)], pipeline)]


def read_table(out: Path, table: str) -> list[dict]:
    files = sorted((out / table).glob("*.parquet"))
    return [r for f in files for r in pq.read_table(f).to_pylist()]


def event_keys(contracts: list[dict]) -> list[tuple]:
    return [(c["document"]["id"], e["id"], e["plover"], e["actor1"], e["actor2"], e["certainty"],
             e["trigger"]["start"], e["evidence"]["text"], (e["location"] or {}).get("name"))
            for c in contracts for e in c.get("events", [])]


def relation_keys(contracts: list[dict]) -> list[tuple]:
    return [(c["document"]["id"], r["type"], r["source"], r["target"], r["status"], r["evidence"]["start"])
            for c in contracts for r in c.get("relations", [])]


def doc_ids(out: Path) -> dict[str, str]:
    """documents.hash -> documents.id: the other tables carry the document's key (doc_hash)."""
    return {d["hash"]: d["id"] for d in read_table(out, "documents")}


def check_tables(out: Path, expected: list[dict]) -> None:
    docs = read_table(out, "documents")
    assert [d["id"] for d in docs] == [c["document"]["id"] for c in expected]
    assert [d["error_code"] for d in docs] == [c.get("error", {}).get("code") for c in expected]
    ids = doc_ids(out)
    events = read_table(out, "events")
    got = [(ids[e["doc_hash"]], e["event_id"], e["plover"], e["actor1"], e["actor2"], e["certainty"],
            e["trigger_start"], e["evidence_text"], e["location_name"]) for e in events]
    assert got == event_keys(expected) and got
    rels = read_table(out, "relations")
    assert [(ids[r["doc_hash"]], r["type"], r["source"], r["target"], r["status"], r["evidence_start"])
            for r in rels] == relation_keys(expected)
    assert len(read_table(out, "places")) == sum(len(c.get("places", [])) for c in expected)
    assert len(read_table(out, "mentions")) == sum(len(a["mentions"]) for c in expected for a in c.get("actors", []))


def test_local_batch_equals_extract_and_duckdb_reads_it(corpus, expected, pipeline, tmp_path) -> None:
    out = tmp_path / "out"
    summary = run_batch(corpus, out, shard_size=10, pipeline=pipeline)
    assert (summary.shards, summary.documents, summary.failed) == (3, 30, 1)
    for table in TABLES:
        assert len(list((out / table).glob("*.parquet"))) == 3
    check_tables(out, expected)
    duckdb = pytest.importorskip("duckdb")
    n = duckdb.sql(f"SELECT count(*) FROM '{out}/events/*.parquet'").fetchall()[0][0]
    assert n == len(event_keys(expected))
    err = duckdb.sql(f"SELECT id, error_code FROM '{out}/documents/*.parquet' WHERE error_code IS NOT NULL")
    assert err.fetchall() == [(expected[9]["document"]["id"], "bad_jsonl")]


def test_parquet_input(corpus, expected, pipeline, tmp_path) -> None:
    rows = [json.loads(ln) if ln.startswith('{"') else {"id": "bad", "text": None, "html": None}
            for ln in corpus.read_text().splitlines()]
    src = tmp_path / "in" / "part-0.parquet"
    src.parent.mkdir()
    pq.write_table(pa.Table.from_pylist(rows), src)
    out = tmp_path / "out"
    run_batch(str(tmp_path / "in" / "*.parquet"), out, shard_size=25, pipeline=pipeline)
    docs = read_table(out, "documents")
    assert len(docs) == 30 and docs[9]["error_code"] == "bad_jsonl"
    good = [c for i, c in enumerate(expected) if i != 9]
    ids = doc_ids(out)
    assert event_keys(good) == [
        k for k in (
            (ids[e["doc_hash"]], e["event_id"], e["plover"], e["actor1"], e["actor2"], e["certainty"],
             e["trigger_start"], e["evidence_text"], e["location_name"]) for e in read_table(out, "events")
        )
    ]


def test_interrupted_batch_resumes_without_redoing_shards(corpus, expected, pipeline, tmp_path) -> None:
    out = tmp_path / "out"

    def stop(shard: Shard) -> None:
        raise KeyboardInterrupt  # as if killed right after the first shard

    with pytest.raises(KeyboardInterrupt):
        run_batch(corpus, out, shard_size=10, pipeline=pipeline, on_shard=stop)
    first = sorted((out / "documents").glob("*.parquet"))
    assert len(first) == 1
    mtimes = {p: p.stat().st_mtime_ns for t in TABLES for p in (out / t).glob("*.parquet")}
    assert len(mtimes) == len(TABLES)
    # a half-written later shard (no documents file) is redone, not skipped
    (out / "events" / first[0].name.replace("00000", "00001")).write_bytes(b"partial")
    written: list[str] = []
    summary = run_batch(corpus, out, shard_size=10, pipeline=pipeline, on_shard=lambda s: written.append(s.name))
    assert (summary.shards, summary.shards_skipped, summary.documents) == (3, 1, 20)
    assert len(written) == 2 and first[0].stem not in written
    assert {p: p.stat().st_mtime_ns for p in mtimes} == mtimes
    assert not list(out.rglob("*.tmp"))
    check_tables(out, expected)
    again = run_batch(corpus, out, shard_size=10, pipeline=pipeline)
    assert (again.shards_skipped, again.documents) == (3, 0)


def test_ray_engine_missing_gives_install_hint(corpus, tmp_path, monkeypatch) -> None:
    monkeypatch.setitem(sys.modules, "ray", None)
    with pytest.raises(BatchError, match=r"pip install 'factiongraph\[ray\]'"):
        run_batch(corpus, tmp_path / "out", engine="ray", workers=2)


@pytest.mark.slow
def test_ray_engine(corpus, expected, tmp_path) -> None:
    ray = pytest.importorskip("ray")
    ray.init(num_cpus=2, include_dashboard=False, ignore_reinit_error=True, log_to_driver=False)
    try:
        out = tmp_path / "out"
        summary = run_batch(corpus, out, engine="ray", workers=2, shard_size=10)
        assert (summary.documents, summary.failed) == (30, 1)
        check_tables(out, expected)
    finally:
        ray.shutdown()
