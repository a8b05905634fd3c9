"""Batch output and Parquet exports into the store: one schema, bulk load, idempotent and resumable."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")

from factiongraph import graph as fg  # noqa: E402
from factiongraph.batch import run_batch  # noqa: E402
from factiongraph.export import write_parquet  # noqa: E402
from factiongraph.store import Store, ingest_paths  # noqa: E402
from factiongraph.store.core import StoreError  # noqa: E402
from factiongraph.store.load import load_tables, load_unit, plan_units  # noqa: E402
from factiongraph.store.schema import TABLES, arrow_schema, column_names  # noqa: E402

# Short reports written for these tests: ties formed, fought over and broken between a few groups.
REPORTS = [
    ("2016-03-02", "Jaysh al-Islam and Faylaq al-Rahman announced an alliance against the government in Ghouta."),
    ("2016-04-11", "Faylaq al-Rahman fighters clashed with Jaysh al-Islam in Zamalka on Sunday, a monitor said."),
    ("2016-05-20", "Turkey backs the Free Syrian Army, which attacked Islamic State positions near al-Bab."),
    ("2016-06-08", "Ahrar al-Sham, once allied with Jabhat al-Nusra, fought it in Saraqib this week."),
    ("2016-07-14", "The Islamic State shelled Kurdish YPG positions outside Manbij on Thursday."),
    ("2016-08-25", "Jabhat al-Nusra attacked Nour al-Din al-Zenki checkpoints west of Aleppo on Wednesday."),
    ("2016-09-30", "Hayat Tahrir al-Sham and Ahrar al-Sham exchanged fire near Idlib after talks collapsed."),
    ("2016-10-03", "Iran supports Hezbollah, whose fighters attacked rebels south of Aleppo on Monday."),
    ("2016-11-12", "The Syrian army, backed by Russia, bombed rebel districts of eastern Aleppo."),
    ("2016-12-01", "Jaysh al-Islam accused Faylaq al-Rahman of attacking its men in Misraba on Friday."),
    ("2016-12-19", "Kurdish YPG fighters joined the Syrian Democratic Forces in the push on Raqqa."),
]


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("in") / "reports.jsonl"
    lines = [json.dumps({"id": f"r{i:02d}", "text": text, "published": day}) for i, (day, text) in enumerate(REPORTS)]
    lines.insert(4, "{this line is not json")  # an error document travels too
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def batch_out(sample: Path, pipeline: Any, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("batch") / "out"
    run_batch(sample, out, shard_size=5, pipeline=pipeline)
    return out


@pytest.fixture(scope="module")
def direct(sample: Path, pipeline: Any, tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("direct") / "direct.duckdb"
    with Store.open(db) as s:
        ingest_paths(s, [str(sample)], pipeline)
    return db


def picture(db: str | Path) -> dict[str, Any]:
    """What a user sees of a store: counts, every edge, every change."""
    with Store.open(db, read_only=True) as s:
        counts = s.counts()
        evidence = fg.load_evidence(s)
        edges = sorted((e.type, e.source, e.target, e.evidence_count, e.status, e.first_seen, e.last_seen)
                       for e in fg.edges(evidence, min_certainty=None, include_comments=True))  # fmt: skip
        changes = [(c.date, c.kind, c.source, c.target, c.evidence.doc_id) for c in fg.changes(evidence)]
        docs = sorted((d["hash"], d["id"], d["error_code"]) for d in s.documents())
    return {"counts": counts, "edges": edges, "changes": changes, "documents": docs}


def test_store_tables_have_the_one_schema(tmp_path: Path) -> None:
    with Store.open(tmp_path / "fg.duckdb") as s:
        for table in TABLES:
            got = [r["column_name"] for r in s.query(
                "SELECT column_name FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position",
                (table,))]  # fmt: skip
            assert tuple(got) == column_names(table), table


def test_batch_output_and_parquet_export_have_the_same_columns_and_types(
    batch_out: Path, direct: Path, tmp_path: Path
) -> None:
    with Store.open(direct, read_only=True) as s:
        write_parquet(s, tmp_path / "export")
    for table in TABLES:
        exported = pq.read_schema(tmp_path / "export" / f"{table}.parquet")
        batched = pq.read_schema(sorted((batch_out / table).glob("*.parquet"))[0])
        want = arrow_schema(table)
        assert [(f.name, f.type) for f in batched] == [(f.name, f.type) for f in want], table
        assert [(f.name, f.type) for f in exported] == [(f.name, f.type) for f in want], table


def test_batch_output_loaded_with_ingest_gives_the_same_graph_and_changes_as_direct_ingest(
    batch_out: Path, direct: Path, tmp_path: Path, pipeline: Any
) -> None:
    db = tmp_path / "loaded.duckdb"
    with Store.open(db, hold=False) as s:
        summary = ingest_paths(s, [str(batch_out)], pipeline)
    assert (summary.loaded, summary.units, summary.ingested, summary.skipped) == (12, 3, 0, 0)
    got, want = picture(db), picture(direct)
    assert got["counts"]["documents"] == 12 and got["counts"]["failed_documents"] == 1
    assert got["counts"]["relations"] > 0 and got["edges"] and got["changes"]
    assert got == want


def test_a_load_rerun_after_a_partial_one_stores_each_document_once(batch_out: Path, tmp_path: Path) -> None:
    db = tmp_path / "fg.duckdb"
    units = plan_units(batch_out)
    assert [len(u.files) for u in units] == [6, 6, 6]
    with Store.open(db, hold=False) as s:
        assert load_unit(s, units[0]) == (5, 0)  # as if killed after the first shard's commit
        again = load_tables(s, [batch_out])
        assert (again.documents, again.skipped) == (7, 5)
        counts = s.counts()
        third = load_tables(s, [batch_out])
        assert (third.documents, third.skipped) == (0, 12)
        assert s.counts() == counts
    with Store.open(tmp_path / "ref.duckdb") as ref:
        load_tables(ref, [batch_out])
        assert ref.counts() == counts


def test_a_parquet_export_loads_into_another_store(direct: Path, tmp_path: Path, pipeline: Any) -> None:
    with Store.open(direct, read_only=True) as s:
        write_parquet(s, tmp_path / "export")
    db = tmp_path / "copy.duckdb"
    with Store.open(db) as s:
        summary = ingest_paths(s, [str(tmp_path / "export")], pipeline)
    assert (summary.loaded, summary.units) == (12, 1)
    assert picture(db) == picture(direct)


def test_tables_of_another_layout_are_refused_with_a_clear_error(tmp_path: Path) -> None:
    old = tmp_path / "old"
    (old / "documents").mkdir(parents=True)
    pq.write_table(pa.table({"doc_id": ["a"], "shard": ["s"], "text": ["x"]}), old / "documents" / "s.parquet")
    with Store.open(tmp_path / "fg.duckdb") as s, pytest.raises(StoreError, match=r"not a factiongraph documents"):
        load_tables(s, [old])
    with Store.open(tmp_path / "fg.duckdb") as s, pytest.raises(StoreError, match="holds no factiongraph tables"):
        load_tables(s, [tmp_path / "nothing"])


def test_batch_output_loads_into_postgres_once_and_exports_back(
    batch_out: Path, direct: Path, pg_url: str, tmp_path: Path
) -> None:
    with Store.open(pg_url) as s:
        first = load_tables(s, [batch_out])
        second = load_tables(s, [batch_out])
        counts = s.counts()
        evidence = fg.load_evidence(s)
        changes = [(c.date, c.kind, c.source, c.target, c.evidence.doc_id) for c in fg.changes(evidence)]
        write_parquet(s, tmp_path / "from-pg")
    assert (first.documents, second.documents, second.skipped) == (12, 0, 12)
    want = picture(direct)
    assert counts == want["counts"]
    assert changes == want["changes"]
    assert all(isinstance(c[0], dt.date) for c in changes)
    for table in TABLES:  # PostgreSQL's export has the one schema too
        got = pq.read_schema(tmp_path / "from-pg" / f"{table}.parquet")
        assert [(f.name, f.type) for f in got] == [(f.name, f.type) for f in arrow_schema(table)], table
    db = tmp_path / "back.duckdb"
    with Store.open(db) as s:
        load_tables(s, [tmp_path / "from-pg"])
    assert picture(db) == want
