"""store/evidence.py: the evidence table is written with each new document and equals a rebuild."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Any

import pytest

from factiongraph import graph as fg
from factiongraph.store import Store
from factiongraph.store.evidence import rebuild

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from test_graph import changed, doc, event, relation  # noqa: E402

D = dt.date
COLS = "doc_hash, idx, doc_id, type, a, b, status, day, dated_by, weight, crank, sb, ends, solo, dsolo"


def table(s: Store) -> list[tuple[Any, ...]]:
    return [tuple(r.values()) for r in s.query(f"SELECT {COLS} FROM evidence ORDER BY doc_hash, idx")]


def first_batch() -> list[tuple[str, dict[str, Any]]]:
    return [
        doc("p", "2019-02-01", relations=[relation("alliance", "zeta", "alpha"), relation("support", "zeta", "alpha")]),
        doc("q", None, [event("alpha", "beta", date="2019-03-04")],
            [relation("hostility", "alpha", "beta", derived_from="e1")]),
    ]  # fmt: skip


def second_batch() -> list[tuple[str, dict[str, Any]]]:
    return [
        doc("r", "2019-06-01", relations=[changed("alliance", "alpha", "zeta", "broken", status="former")]),
        doc("s", None, relations=[relation("alliance", "alpha", "zeta", certainty="hedged")]),
    ]


def picture(s: Store) -> dict[str, Any]:
    return {
        "graph": fg.graph_at(s, include_ended=True, min_certainty=None).to_dict(),
        "changes": [c.to_dict() for c in fg.changes_from_store(s, first_reported=True, min_certainty=None)],
    }


def test_each_relation_between_parties_becomes_one_row_with_its_day_weight_and_state(tmp_path: Path) -> None:
    with Store.open(tmp_path / "fg.duckdb") as s:
        s.write_batch([
            *first_batch(),
            doc("t", None, [event("alpha", "beta", date="2019-04-01"), event("beta", "alpha", date="2019-04-09")],
                [relation("alliance", "beta", "alpha", certainty="reported", source_kind="comment"),
                 relation("hostility", "civ", "alpha"), relation("support", "beta", "beta")]),
            doc("u", None, relations=[relation("affiliation", "gamma", "alpha", status="former")]),
        ])  # fmt: skip
        got = table(s)
    assert got == [
        # a symmetric pair is sorted; a directed one keeps its direction
        ("hash-p", 0, "p", "alliance", "alpha", "zeta", "current", D(2019, 2, 1), "published", 1.0, 0, 1, 0, 1, 1),
        ("hash-p", 1, "p", "support", "zeta", "alpha", "current", D(2019, 2, 1), "published", 1.0, 0, 1, 0, 1, 1),
        # dated by the event it derives from
        ("hash-q", 0, "q", "hostility", "alpha", "beta", "current", D(2019, 3, 4), "event", 1.0, 0, 1, 0, 1, 1),
        # dated by the latest event of its document; a reported comment weighs 0.8 x 0.3; civilians
        # and a tie of an actor with itself are no evidence
        ("hash-t", 0, "t", "alliance", "alpha", "beta", "current", D(2019, 4, 9), "dateline", 0.24, 1, 1, 0, 1, 1),
        ("hash-u", 0, "u", "affiliation", "gamma", "alpha", "former", None, "undated", 1.0, 0, 1, 1, 1, 1),
    ]  # fmt: skip


def test_rows_of_one_sentence_or_one_document_are_marked_as_not_alone(tmp_path: Path) -> None:
    said = "Alpha and Zeta, long allies, split over the truce."
    with Store.open(tmp_path / "fg.duckdb") as s:
        s.write_batch([
            doc("v", "2020-01-01", relations=[
                changed("alliance", "alpha", "zeta", "broken", status="former", text=said),
                relation("alliance", "zeta", "alpha", status="former", certainty="reported") | {"evidence": {
                    "start": 0, "end": len(said), "text": said}},
                relation("alliance", "alpha", "zeta", certainty="hedged"),
                relation("hostility", "alpha", "zeta")]),
        ])  # fmt: skip
        flags = s.query("SELECT idx, solo, dsolo FROM evidence ORDER BY idx")
        edge = fg.graph_at(s, include_ended=True).edges
    assert [(r["idx"], r["solo"], r["dsolo"]) for r in flags] == [(0, 0, 0), (1, 0, 0), (2, 1, 0), (3, 1, 1)]
    al = next(e for e in edge if e.type == "alliance")
    # the sentence counts once (by its strongest row), the document once (by its strongest statement)
    assert (al.evidence_count, al.documents, al.strength, al.status) == (2, 1, 1.0, "former")


def test_a_second_ingest_adds_its_rows_and_equals_a_rebuild_and_a_single_ingest(tmp_path: Path) -> None:
    with Store.open(tmp_path / "twice.duckdb") as s:
        assert s.write_batch(first_batch()) == 2
        assert len(table(s)) == 3
        assert s.write_batch(second_batch()) == 2
        incremental = table(s)
        two_steps = picture(s)
        rebuild(s)
        assert table(s) == incremental
    with Store.open(tmp_path / "once.duckdb") as s:
        s.write_batch(first_batch() + second_batch())
        assert table(s) == incremental
        assert picture(s) == two_steps
    assert [(c["date"], c["kind"], c["source"], c["target"]) for c in two_steps["changes"]] == [
        ("2019-02-01", "alliance first reported", "alpha", "zeta"),
        ("2019-02-01", "support first reported", "zeta", "alpha"),
        ("2019-03-04", "hostility first reported", "alpha", "beta"),
        ("2019-06-01", "alliance broken", "alpha", "zeta"),
    ]


def test_ingesting_a_stored_document_again_adds_no_evidence(tmp_path: Path) -> None:
    with Store.open(tmp_path / "fg.duckdb") as s:
        s.write_batch(first_batch())
        before = table(s)
        assert s.write_batch(first_batch()[:1]) == 0  # the same document, already stored
        assert s.write_batch([first_batch()[1], *second_batch()[:1]]) == 1  # one old, one new
        after = table(s)
    assert after[: len(before)] == before and len(after) == len(before) + 1
    assert after[-1][:4] == ("hash-r", 0, "r", "alliance")


def test_migration_6_fills_the_table_from_relations_stored_before_it(tmp_path: Path) -> None:
    db = tmp_path / "old.duckdb"
    with Store.open(db) as s:
        s.write_batch(first_batch() + second_batch())
        want = table(s)
        s.execute("DELETE FROM evidence")  # a store written before migration 6
        s.execute("DELETE FROM schema_version WHERE version >= 6")
    with Store.open(db, read_only=True) as s:  # a reader migrates an older store first
        assert table(s) == want


@pytest.mark.parametrize("backend", ["duckdb", "postgres"])
def test_a_ties_rows_come_a_page_at_a_time_in_date_then_document_order(
    tmp_path: Path, backend: str, request: pytest.FixtureRequest
) -> None:
    from factiongraph.store.evidence import tie_reports

    # written out of order: three on one day (the page edges fall inside it), two undated, one other tie
    days = {"m": "2020-05-01", "c": "2020-05-01", "x": "2020-05-01", "b": "2019-01-01", "z": "2021-07-01",
            "u": None, "k": None, "a": "2018-03-01"}  # fmt: skip
    docs = [doc(name, day, relations=[relation("hostility", "beta" if i % 2 else "alpha", "alpha" if i % 2 else "beta"),
                                      relation("support", "zeta", "alpha")])
            for i, (name, day) in enumerate(days.items())]  # fmt: skip
    want = ["a", "b", "c", "m", "x", "z", "k", "u"]
    target = str(tmp_path / "fg.duckdb") if backend == "duckdb" else request.getfixturevalue("pg_url")
    with Store.open(target) as s:
        s.write_batch(docs)
        for size in (1, 2, 3, 5, 8):
            got = []
            for offset in range(0, 8, size):
                keys, total = tie_reports(s, "hostility", "alpha", "beta", limit=size, offset=offset)
                assert total == 8 and len(keys) == min(size, 8 - offset)
                got += [h.removeprefix("hash-") for h, _ in keys]
            assert got == want, size
        assert tie_reports(s, "hostility", "alpha", "beta", limit=3, offset=8) == ([], 8)
        assert tie_reports(s, "support", "zeta", "alpha", limit=1, offset=0)[1] == 8
