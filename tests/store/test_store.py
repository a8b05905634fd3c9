"""The store: schema and migrations, idempotent and transactional writes, ingest, resumability."""

from __future__ import annotations

import datetime as dt
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from factiongraph.store import Store, content_hash, ingest_documents, ingest_paths
from factiongraph.store.core import StoreError
from factiongraph.store.schema import LATEST, MIGRATIONS

ROOT = Path(__file__).resolve().parents[2]


def contract(doc_id: str, text: str = "Text.", published: str | None = "2017-01-29", **parts: Any) -> dict[str, Any]:
    ev = {"start": 0, "end": len(text), "text": text}
    events = [
        {"id": f"e{i + 1}", "plover": "ASSAULT", "plover_mode": None, "acled_event_type": "Battles",
         "acled_sub_event_type": "Armed clash", "actor1": a, "actor2": b, "actor1_mention": None,
         "actor2_mention": None, "location": None, "date": None, "fatalities": None, "certainty": "asserted",
         "source_kind": "article", "attributed_to": None, "trigger": ev, "evidence": ev, "confidence": 0.8}
        for i, (a, b) in enumerate(parts.get("events", []))
    ]  # fmt: skip
    relations = [
        {"type": t, "source": a, "target": b, "source_mention": None, "target_mention": None, "status": s,
         "certainty": "asserted", "source_kind": "article", "evidence": ev, "derived_from": None, "confidence": 0.9}
        for t, a, b, s in parts.get("relations", [])
    ]  # fmt: skip
    actors = sorted({x for a, b in parts.get("events", []) for x in (a, b)}
                    | {x for _, a, b, _ in parts.get("relations", []) for x in (a, b)})  # fmt: skip
    return {
        "schema": "factiongraph.document/1",
        "document": {"id": doc_id, "title": None, "url": None, "published": published, "language": "en",
                     "text": text, "sections": [{"kind": "article", "start": 0, "end": len(text), "author": None}]},
        "actors": [{"id": a, "name": a.title(), "kind": "rebel", "acled_inter": 2, "country": "SYR",
                    "registry_id": a, "known": True, "mentions": [{"start": 0, "end": 1, "text": "T", "how": "name"}]}
                   for a in actors],
        "events": events, "relations": relations, "places": [],
    }  # fmt: skip


def test_open_creates_schema_once(tmp_path: Path) -> None:
    db = tmp_path / "fg.duckdb"
    store = Store(None, "duckdb", str(db))  # the constructor does no I/O
    assert not db.exists() and store.target == str(db)
    versions = [v for v, _, _ in MIGRATIONS]
    with Store.open(db) as s:
        assert s.schema_version() == LATEST
        assert s.column("SELECT version FROM schema_version ORDER BY version") == versions
    with Store.open(db) as s:  # reopening applies nothing twice
        assert s.column("SELECT version FROM schema_version ORDER BY version") == versions
        assert s.counts()["documents"] == 0


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "fg.duckdb"
    with Store.open(db) as s:
        s.execute("INSERT INTO schema_version VALUES (?, ?, ?)", (LATEST + 1, "future", dt.datetime(2030, 1, 1)))
    with pytest.raises(StoreError, match="schema version"):
        Store.open(db)


def test_migration_3_keys_old_documents_by_identity_and_keeps_one_copy(tmp_path: Path) -> None:
    db = tmp_path / "old.duckdb"
    same_a = contract("reports/a.txt", text="Rebels took the hill.", relations=[("hostility", "x", "y", "current")])
    same_b = contract("/home/u/reports/a.txt", text="Rebels took the hill.",
                      relations=[("hostility", "x", "y", "current")])  # fmt: skip
    linked = contract("r7", text="A short wire report.", events=[("x", "z")])
    linked["document"]["url"] = "https://wire.example.org/r7"
    with Store.open(db) as s:  # a store as an earlier version wrote it: keys over the path as typed
        s.write_batch([("old-1", same_a)], ingested_at=dt.datetime(2020, 1, 1))
        s.write_batch([("old-2", same_b), ("old-3", linked)], ingested_at=dt.datetime(2020, 1, 2))
        s.execute("DELETE FROM schema_version WHERE version >= 3")
    with Store.open(db) as s:
        assert s.schema_version() == LATEST
        docs = {d["id"]: d["hash"] for d in s.documents()}
        rel_keys = s.column("SELECT DISTINCT doc_hash FROM relations")
        ev_keys = s.column("SELECT DISTINCT doc_hash FROM events")
        counts = s.counts()
    from factiongraph.document import Document
    from factiongraph.store.ingest import document_key

    a_key = document_key(Document(id="a", text="Rebels took the hill.", published=dt.date(2017, 1, 29)))
    url_key = document_key(Document(id="r7", text="", url="https://wire.example.org/r7"))
    assert docs == {"reports/a.txt": a_key, "r7": url_key}  # the first-ingested copy is kept
    assert rel_keys == [a_key] and ev_keys == [url_key]
    assert (counts["documents"], counts["relations"], counts["events"], counts["mentions"]) == (2, 1, 1, 4)


def test_write_batch_is_idempotent_by_hash(tmp_path: Path) -> None:
    c = contract("a", relations=[("alliance", "x", "y", "current")], events=[("x", "z")])
    with Store.open(tmp_path / "fg.duckdb") as s:
        assert s.write_batch([("h1", c)]) == 1
        assert s.write_batch([("h1", c), ("h1", c)]) == 0
        counts = s.counts()
    assert (counts["documents"], counts["events"], counts["relations"], counts["actors"]) == (1, 1, 1, 3)


def test_batch_is_one_transaction(tmp_path: Path) -> None:
    good = contract("good", events=[("x", "y")])
    bad = contract("bad")
    bad["events"] = [{"id": "e1"}]  # missing fields: the insert fails
    with Store.open(tmp_path / "fg.duckdb") as s:
        with pytest.raises(KeyError):
            s.write_batch([("h-good", good), ("h-bad", bad)])
        assert s.counts()["documents"] == 0 and s.counts()["events"] == 0
        assert s.write_batch([("h-good", good)]) == 1


def test_error_documents_are_stored(tmp_path: Path) -> None:
    c = {"schema": "factiongraph.document/1", "error": {"code": "empty", "message": "no text"},
         "document": {"id": "empty.txt", "title": None, "url": None, "published": None, "language": None,
                      "text": "", "sections": []}}  # fmt: skip
    with Store.open(tmp_path / "fg.duckdb") as s:
        s.write_batch([("h", c)])
        docs = s.documents()
    assert docs[0]["id"] == "empty.txt" and docs[0]["error_code"] == "empty"


def test_document_key_is_the_url_else_the_content_not_the_id(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from factiongraph.document import DocError, Document
    from factiongraph.store.ingest import document_key

    a = Document(id="a.txt", text="Same text.", published=dt.date(2017, 1, 1))
    assert document_key(a) == content_hash(a)  # the earlier name still answers
    # the id (for a file: the path as typed) is not part of the identity; the content is
    assert document_key(a) == document_key(Document(id="/x/a.txt", text="Same text.", published=dt.date(2017, 1, 1)))
    assert document_key(a) != document_key(Document(id="a.txt", text="Same text.", published=dt.date(2017, 1, 2)))
    assert document_key(a) != document_key(Document(id="a.txt", text="Other text.", published=dt.date(2017, 1, 1)))
    # with a URL the URL is the identity (scheme and host in any case, no #fragment)
    u1 = Document(id="r1", text="First version.", url="https://news.example.org/2017/story")
    u2 = Document(id="r2", text="Edited version.", url="HTTPS://News.Example.org/2017/story#comments")
    u3 = Document(id="r1", text="First version.", url="https://news.example.org/2017/other-story")
    assert document_key(u1) == document_key(u2) != document_key(u3)
    # an unreadable file has no content: its real path and error are its identity
    monkeypatch.chdir(tmp_path)
    (tmp_path / "x.bin").write_bytes(b"\x00\x01")
    (tmp_path / "y.bin").write_bytes(b"\x00\x01")
    e1 = Document(id="x.bin", text="", error=DocError("binary", "binary file"))
    e1_abs = Document(id=str(tmp_path / "x.bin"), text="", error=DocError("binary", "binary file"))
    e2 = Document(id="y.bin", text="", error=DocError("binary", "binary file"))
    assert document_key(e1) == document_key(e1_abs) != document_key(e2)


def test_ingest_is_idempotent(tmp_path: Path, pipeline: Any) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Jabhat al-Nusra fighters attacked Ahrar al-Sham positions in Idlib on 24 January.\n")
    (folder / "b.txt").write_text("Ahrar al-Sham, which used to be allied with Jaysh al-Islam, attacked it in Douma.\n")
    (folder / "empty.txt").write_text("")
    with Store.open(tmp_path / "fg.duckdb") as s:
        first = ingest_paths(s, [str(folder)], pipeline, published=dt.date(2017, 1, 29))
        counts = s.counts()
        again = ingest_paths(s, [str(folder)], pipeline, published=dt.date(2017, 1, 29))
        assert s.counts() == counts
        docs = {d["id"]: d for d in s.documents()}
    assert (first.ingested, first.skipped, first.failed) == (2, 0, 1)
    assert (again.ingested, again.skipped, again.failed) == (0, 3, 0)
    assert counts["documents"] == 3 and counts["events"] >= 1 and counts["relations"] >= 2
    assert docs[str(folder / "empty.txt")]["error_code"] is not None  # stored with its error, not lost


def test_ingest_skips_duplicates_within_one_run(tmp_path: Path, pipeline: Any) -> None:
    from factiongraph.document import Document

    same = Document(id="d0", text="Turkey backs the Free Syrian Army.", published=dt.date(2016, 8, 25))
    other_id = Document(id="d1", text="Turkey backs the Free Syrian Army.", published=dt.date(2016, 8, 25))
    other_day = Document(id="d2", text="Turkey backs the Free Syrian Army.", published=dt.date(2016, 8, 26))
    docs = [same, same, other_id, same, other_day]
    with Store.open(tmp_path / "fg.duckdb") as s:
        summary = ingest_documents(s, docs, pipeline, batch_size=2)
        assert [d["id"] for d in s.documents()] == ["d0", "d2"]  # the same content under id d1 is d0 again
    assert (summary.ingested, summary.skipped) == (2, 3)


def test_one_file_ingested_under_two_path_spellings_is_stored_once(
    tmp_path: Path, pipeline: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "a.txt").write_text("Ahrar al-Sham fighters clashed with Jaysh al-Islam near Douma on Monday.\n")
    monkeypatch.chdir(tmp_path)
    with Store.open(tmp_path / "fg.duckdb") as s:
        first = ingest_paths(s, ["reports/a.txt"], pipeline, published=dt.date(2017, 1, 30))
        second = ingest_paths(s, [str(folder / "a.txt")], pipeline, published=dt.date(2017, 1, 30))
        third = ingest_paths(s, ["./reports/../reports/a.txt"], pipeline, published=dt.date(2017, 1, 30))
        docs = s.documents()
    assert (first.ingested, second.ingested, second.skipped, third.skipped) == (1, 0, 1, 1)
    assert [d["id"] for d in docs] == ["reports/a.txt"]


# -- resumability: kill -9 partway through an ingest, rerun, compare with an uninterrupted run ----------------

GROUPS = ["Jabhat al-Nusra", "Ahrar al-Sham", "Jaysh al-Islam", "Nour al-Din al-Zenki", "Faylaq al-Rahman",
          "the Islamic State", "the Syrian Democratic Forces", "Hayat Tahrir al-Sham"]  # fmt: skip
TOWNS = ["Idlib", "Douma", "Aleppo", "Manbij", "Raqqa", "Hama", "Homs", "Deir ez-Zor"]
VERBS = ["attacked", "shelled", "clashed with", "fought alongside"]


def corpus(n: int = 300) -> list[dict[str, Any]]:
    out = []
    for i in range(n):
        a, b = GROUPS[i % 8], GROUPS[(i * 3 + 1) % 8]
        if a == b:
            b = GROUPS[(i + 1) % 8]
        day = dt.date(2017, 1, 1) + dt.timedelta(days=i % 90)
        text = f"{a} {VERBS[i % 4]} {b} near {TOWNS[i % 8]} on {day.day} {day:%B} {day.year}. Report {i}."
        out.append({"id": f"doc-{i:03d}", "text": text, "published": (day + dt.timedelta(days=1)).isoformat()})
    return out


def _cli(*args: str) -> list[str]:
    return [sys.executable, "-c", "from factiongraph.cli import app; app(prog_name='factiongraph')", *args]


def _counts(db: Path) -> dict[str, int]:
    with Store.open(db) as s:
        return s.counts()


@pytest.mark.slow
def test_ingest_killed_midway_resumes_without_loss_or_duplicates(tmp_path: Path) -> None:
    src = tmp_path / "corpus.jsonl"
    src.write_text("".join(json.dumps(d) + "\n" for d in corpus()), encoding="utf-8")
    env = {**os.environ, "COLUMNS": "120"}
    ref, db = tmp_path / "ref.duckdb", tmp_path / "killed.duckdb"
    subprocess.run(_cli("ingest", str(src), "--db", str(ref)), check=True, env=env, capture_output=True)

    proc = subprocess.Popen(
        _cli("ingest", str(src), "--db", str(db), "--batch-size", "10"),
        stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, env=env, text=True,
    )  # fmt: skip
    assert proc.stderr is not None
    deadline = time.monotonic() + 120
    for line in proc.stderr:  # one "committed ..." line per committed batch
        if line.startswith("committed") or time.monotonic() > deadline:
            break
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    partial = _counts(db)["documents"]
    assert 0 < partial < 300, partial

    rerun = subprocess.run(_cli("ingest", str(src), "--db", str(db)), env=env, capture_output=True, text=True)
    assert rerun.returncode == 0, rerun.stderr
    assert f"skipped {partial}" in rerun.stderr
    got, want = _counts(db), _counts(ref)
    assert want["documents"] == 300
    for key in ("documents", "events", "relations", "places", "mentions", "actors", "merged_events"):
        assert got[key] == want[key], key


# -- PostgreSQL (only with a reachable server) ------------------------------------------------------------------


def test_postgres_store(pg_url: str) -> None:
    from factiongraph import graph

    c1 = contract("a", relations=[("alliance", "x", "y", "current")], events=[("x", "z")])
    c2 = contract("b", published="2017-02-05", relations=[("alliance", "y", "x", "former")])
    with Store.open(pg_url) as s:
        assert s.backend == "postgres" and s.schema_version() == LATEST
        assert s.write_batch([("h1", c1), ("h2", c2)]) == 2
        assert s.write_batch([("h1", c1)]) == 0
        assert graph.merge_events(s) == 1
        counts = s.counts()
        found = graph.changes_from_store(s, since=dt.date(2017, 2, 1))
    assert (counts["documents"], counts["events"], counts["relations"]) == (2, 1, 2)
    assert [(c.kind, c.source, c.target) for c in found] == [("alliance broken", "x", "y")]


@pytest.mark.slow
def test_ingest_of_2000_dev_documents_killed_midway_matches_uninterrupted_run(tmp_path: Path, shared_dir: Path) -> None:
    """The issue's acceptance run: the dev sets repeated under new ids to 2,000 documents."""
    golds = sorted((shared_dir / "data" / "dev").glob("*.gold.jsonl"))
    base = [json.loads(line) for g in golds for line in g.read_text(encoding="utf-8").splitlines() if line.strip()]
    docs = []
    for i in range(2000):
        d = base[i % len(base)]
        docs.append({"id": f"copy{i // len(base)}-{d['id']}", "text": d["text"], "published": d.get("published"),
                     "url": f"https://example.org/copy{i // len(base)}/{i % len(base)}"})  # a copy is another report
    src = tmp_path / "dev2000.jsonl"
    src.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
    env = {**os.environ, "COLUMNS": "120"}
    ref, db = tmp_path / "ref.duckdb", tmp_path / "killed.duckdb"
    subprocess.run(_cli("ingest", str(src), "--db", str(ref)), env=env, capture_output=True)

    proc = subprocess.Popen(
        _cli("ingest", str(src), "--db", str(db), "--batch-size", "50"),
        stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, env=env, text=True,
    )  # fmt: skip
    assert proc.stderr is not None
    committed = 0
    for line in proc.stderr:  # kill after a few batches are in, mid-run
        if line.startswith("committed"):
            committed += 1
            if committed == 5:
                break
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    partial = _counts(db)["documents"]
    assert 0 < partial < 2000, partial

    subprocess.run(_cli("ingest", str(src), "--db", str(db)), env=env, capture_output=True)
    got, want = _counts(db), _counts(ref)
    assert want["documents"] == got["documents"] == 2000
    assert (got["events"], got["relations"]) == (want["events"], want["relations"])


@pytest.mark.slow
def test_ingest_with_two_workers_stores_what_one_process_stores(tmp_path: Path, pipeline: Any) -> None:
    from factiongraph.parallel import PipelineSpec
    from factiongraph.read import read_paths

    src = tmp_path / "corpus.jsonl"
    src.write_text("".join(json.dumps(d) + "\n" for d in corpus(24)), encoding="utf-8")

    def rows(db: Path) -> list[tuple[Any, ...]]:
        with Store.open(db, read_only=True) as s:
            return [tuple(r.values()) for r in s.query(
                "SELECT d.id, r.idx, r.type, r.source, r.target, r.status FROM relations r"
                " JOIN documents d ON d.hash = r.doc_hash ORDER BY d.id, r.idx")]  # fmt: skip

    with Store.open(tmp_path / "one.duckdb") as s:
        one = ingest_documents(s, read_paths([str(src)]), pipeline, batch_size=5)
    with Store.open(tmp_path / "two.duckdb", hold=False) as s:
        two = ingest_documents(s, read_paths([str(src)]), PipelineSpec(), batch_size=5, workers=2)
    assert (one.ingested, one.relations) == (two.ingested, two.relations) and one.ingested == 24
    assert rows(tmp_path / "two.duckdb") == rows(tmp_path / "one.duckdb") != []
