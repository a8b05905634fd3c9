"""Worker processes: same output as one process, in input order, errors per document."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factiongraph.cli import app
from factiongraph.confidence import above, default_threshold
from factiongraph.contract import to_contract
from factiongraph.document import DocError, Document
from factiongraph.parallel import PipelineSpec, PoolStats, run_parallel
from factiongraph.pipeline import extract_paths

# the stand-in pipeline lives in a module that imports nothing heavy: each spawned worker loads it
FAKE = PipelineSpec(factory=f"{Path(__file__).with_name('fake_pipeline.py')}:make_fake")
SEED = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "seed" / "aleppo-infighting.txt"
FALLBACK = Path(__file__).resolve().parents[1] / "examples" / "mosul-2017.txt"


def lines() -> list[str]:
    text = (SEED if SEED.exists() else FALLBACK).read_text(encoding="utf-8")
    return [ln for ln in text.split("\n") if len(ln.split()) > 8]


@pytest.mark.slow
def test_extract_workers_matches_one_process(tmp_path: Path, pipeline) -> None:
    """`extract --workers 2` gives the objects one process gives, in input order, error lines included."""
    src = tmp_path / "docs.jsonl"
    rows = [json.dumps({"id": f"d{i}", "text": t, "published": "2016-11-22"}) for i, t in enumerate(lines()[:7])]
    rows.insert(3, "{not json")
    rows.insert(5, json.dumps({"id": "empty", "text": "   "}))
    src.write_text("\n".join(rows) + "\n", encoding="utf-8")
    threshold = default_threshold()  # the CLI shows what passes the confidence threshold
    expected = [to_contract(above(d, threshold)) for d in extract_paths([str(src)], pipeline)]
    res = CliRunner().invoke(app, ["extract", str(src), "--workers", "2", "--format", "jsonl"])
    got = [json.loads(ln) for ln in res.stdout.splitlines() if ln.startswith("{")]
    assert res.exit_code == 1  # the error lines, as with one process
    assert [g["document"]["id"] for g in got] == [e["document"]["id"] for e in expected]
    assert got == expected
    assert sum("error" in g for g in got) == 2
    assert sum(len(g.get("events", [])) for g in got) > 0


def test_order_kept_over_many_small_chunks() -> None:
    docs = [Document(id=f"d{i}", text=f"text {i}") for i in range(50)]
    docs[7] = Document(id="d7", text="", error=DocError("empty", "no text"))
    stats = PoolStats()
    out = list(run_parallel(iter(docs), FAKE, workers=2, chunk_size=3, window=2, stats=stats))
    assert [d.id for d in out] == [d.id for d in docs]
    assert out[7].error == DocError("empty", "no text")  # passed through untouched
    assert all(d.title == f"done:{d.text}" for i, d in enumerate(out) if i != 7)
    assert stats.chunks == 17 and 1 <= len(stats.worker_rss_mb) <= 2


def test_failing_and_crashing_documents_are_not_fatal() -> None:
    texts = ["a", "b BOOM", "c", "d", "e CRASH", "f", "g", "h"]
    docs = [Document(id=t[0], text=t) for t in texts]
    stats = PoolStats()
    out = list(run_parallel(docs, FAKE, workers=2, chunk_size=2, stats=stats))
    assert [d.id for d in out] == [d.id for d in docs]
    codes = {d.id: d.error.code if d.error else None for d in out}
    assert codes == {"a": None, "b": "extraction_failed", "c": None, "d": None, "e": "worker_crashed",
                     "f": None, "g": None, "h": None}
    assert "boom" in out[1].error.message  # type: ignore[union-attr]
    assert stats.restarts >= 1


def test_one_worker_runs_in_process_with_the_same_error_handling() -> None:
    docs = [Document(id=t, text=t) for t in ["a", "BOOM", "c"]]
    out = list(run_parallel(docs, FAKE, workers=1))
    assert [d.error.code if d.error else d.title for d in out] == ["done:a", "extraction_failed", "done:c"]
