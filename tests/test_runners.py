"""Every runner isolates documents: one that breaks the pipeline is an error with its id, the rest are kept.

The runners are `extract` (the command), `ingest` (into a store), `batch` (Parquet shards) and the
web's POST /api/documents. The pipeline is the session one with a stage that raises on 'BOOM'.
"""

from __future__ import annotations

import dataclasses
import json
import os
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from factiongraph import cli
from factiongraph.document import Document
from factiongraph.pipeline import Pipeline

GOOD = "Insurgents attacked an army outpost near Kunduz on Tuesday, the governor said."
BAD_ID = "[/red][bold]boom"  # Rich markup in an id: printed as it is, never interpreted
BAD = "BOOM. Gunmen stormed a hotel in Mogadishu on Sunday."
LAST = "Police fired tear gas at protesters in Khartoum on Thursday."


@pytest.fixture
def faulty(pipeline: Pipeline) -> Pipeline:
    pipe = dataclasses.replace(pipeline)
    real = pipe.process

    def process(doc: Document, *, whole: bool = True) -> Document:
        if "BOOM" in doc.text:
            raise RuntimeError("stage failed")
        return real(doc, whole=whole)

    pipe.process = process  # type: ignore[method-assign]
    return pipe


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    p = tmp_path / "in.jsonl"
    p.write_text("".join(json.dumps(r) + "\n" for r in [
        {"id": "good", "text": GOOD}, {"id": BAD_ID, "text": BAD}, {"id": "last", "text": LAST}]))
    return p


def test_extract_command_prints_the_failed_id_verbatim_and_writes_the_others(
        monkeypatch: pytest.MonkeyPatch, faulty: Pipeline, corpus: Path, tmp_path: Path) -> None:
    monkeypatch.setattr(cli.Pipeline, "load", staticmethod(lambda model=None, registry_files=(): faulty))
    out = tmp_path / "out.jsonl"
    res = CliRunner().invoke(cli.app, ["extract", str(corpus), "--format", "jsonl", "--output", str(out)])
    assert res.exit_code == 1
    assert res.exception is None or isinstance(res.exception, SystemExit)
    assert f"error {BAD_ID}: extraction_failed: RuntimeError: stage failed" in res.stderr
    rows = [json.loads(x) for x in out.read_text().splitlines()]
    assert [(r["document"]["id"], (r.get("error") or {}).get("code")) for r in rows] == [
        ("good", None), (BAD_ID, "extraction_failed"), ("last", None)]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_extract_command_over_a_folder_with_a_fifo_keeps_the_good_documents(
        monkeypatch: pytest.MonkeyPatch, pipeline: Pipeline, tmp_path: Path) -> None:
    monkeypatch.setattr(cli.Pipeline, "load", staticmethod(lambda model=None, registry_files=(): pipeline))
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "a.txt").write_text(GOOD)
    os.mkfifo(folder / "b.txt")
    (folder / "c.txt").write_text(LAST)
    res = CliRunner().invoke(cli.app, ["extract", str(folder), "--format", "jsonl"])
    assert res.exit_code == 1
    rows = [json.loads(x) for x in res.stdout.splitlines()]
    assert [(Path(r["document"]["id"]).name, (r.get("error") or {}).get("code")) for r in rows] == [
        ("a.txt", None), ("b.txt", "not_a_file"), ("c.txt", None)]
    assert rows[0]["events"] and rows[2]["events"]


def test_extract_command_reads_declared_jsonl_from_stdin(
        monkeypatch: pytest.MonkeyPatch, pipeline: Pipeline) -> None:
    monkeypatch.setattr(cli.Pipeline, "load", staticmethod(lambda model=None, registry_files=(): pipeline))
    data = "garbage first line\n" + json.dumps({"id": "s1", "text": GOOD}) + "\n"
    res = CliRunner().invoke(cli.app, ["extract", "-", "--stdin-format", "jsonl", "--format", "jsonl"], input=data)
    assert res.exit_code == 1
    rows = [json.loads(x) for x in res.stdout.splitlines()]
    assert [(r["document"]["id"], (r.get("error") or {}).get("code")) for r in rows] == [
        ("<stdin>:1", "bad_jsonl"), ("s1", None)]


def test_ingest_stores_the_failed_document_as_an_error_row(faulty: Pipeline, corpus: Path, tmp_path: Path) -> None:
    from factiongraph.store.core import Store
    from factiongraph.store.ingest import ingest_paths

    with Store.open(tmp_path / "s.duckdb", migrate=True) as store:
        summary = ingest_paths(store, [str(corpus)], faulty)
        docs = {d["id"]: d["error_code"] for d in store.documents()}
    assert (summary.ingested, summary.failed) == (2, 1)
    assert summary.failures == [(BAD_ID, "extraction_failed", "RuntimeError: stage failed")]
    assert docs == {"good": None, BAD_ID: "extraction_failed", "last": None}


def test_batch_writes_the_failed_document_as_an_error_row(faulty: Pipeline, corpus: Path, tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    from factiongraph.batch import run_batch

    summary = run_batch(corpus, tmp_path / "out", engine="local", workers=1, pipeline=faulty)
    assert (summary.documents, summary.failed) == (3, 1)
    [table] = [pq.read_table(p) for p in (tmp_path / "out" / "documents").glob("*.parquet")]
    rows = table.select(["id", "error_code"]).to_pylist()
    assert rows == [{"id": "good", "error_code": None}, {"id": BAD_ID, "error_code": "extraction_failed"},
                    {"id": "last", "error_code": None}]


def test_web_post_returns_the_error_of_a_document_the_pipeline_fails_on(
        faulty: Pipeline, registry: Any, tmp_path: Path) -> None:
    pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient

    from factiongraph.web.app import create_app

    app = create_app(str(tmp_path / "w.duckdb"), token="t0ken", registry=registry, pipeline=faulty)
    auth = {"Authorization": "Bearer t0ken"}
    with TestClient(app, base_url="http://localhost", raise_server_exceptions=False) as client:
        r = client.post("/api/documents", json={"id": BAD_ID, "text": BAD}, headers=auth)
        ok = client.post("/api/documents", json={"id": "fine", "text": GOOD}, headers=auth)
    app.state.fg.store.close()
    assert r.status_code == 201, r.text
    assert (r.json()["failed"], r.json()["errors"]) == (1, [
        {"id": BAD_ID, "code": "extraction_failed", "message": "RuntimeError: stage failed"}])
    assert ok.status_code == 201 and ok.json()["ingested"] == 1


@pytest.fixture(scope="module")
def registry() -> Any:
    from factiongraph.actors.registry import Registry

    return Registry.load()
