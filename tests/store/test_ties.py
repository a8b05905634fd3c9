"""store/ties.py: the per-tie state kept at ingest gives the graph, changes and timelines the
evidence-table queries give, after every kind of write, on DuckDB and PostgreSQL."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Any

import pytest

from factiongraph import graph as fg
from factiongraph.store import Store, ties
from factiongraph.store.corrections import correct

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from test_graph import changed, doc, event, relation  # noqa: E402

D = dt.date


def first_part() -> list[tuple[str, dict[str, Any]]]:
    return [
        doc("a", "2016-03-01", relations=[relation("alliance", "al-b", "al-a"), relation("support", "Pat", "al-a"),
                                          relation("affiliation", "m", "p1")]),
        doc("b", "2016-06-01", relations=[relation("hostility", "al-a", "al-b", certainty="reported"),
                                          relation("support", "Pat", "al-a", source_kind="comment"),
                                          relation("hostility", "cm", "cn", source_kind="comment")]),
        doc("e", None, relations=[changed("alliance", "u", "v", "formed")]),
    ]  # fmt: skip


def second_part() -> list[tuple[str, dict[str, Any]]]:
    return [
        doc("c", "2016-09-01", relations=[changed("affiliation", "m", "p1", "left", status="former"),
                                          changed("affiliation", "m", "p2", "joined"),
                                          relation("alliance", "al-a", "al-b", status="former", certainty="hedged")]),
        # undated document: its two rows of one sentence are dated by two events of different days
        doc("d", None, [event("al-a", "z", date="2016-10-05"), event("al-a", "z", date="2016-12-20")],
            [{**relation("hostility", "al-a", "z"), "derived_from": "e1"},
             {**relation("hostility", "al-a", "z", certainty="hedged"), "derived_from": "e2"}]),
        doc("f", "2017-01-01", relations=[changed("alliance", "al-b", "al-a", "formed"),
                                          relation("support", "Pat", "al-a", certainty="negated"),
                                          relation("support", "Pat", "al-a", certainty="reported")]),
    ]  # fmt: skip


DAYS = [D(2016, 2, 1), D(2016, 3, 1), D(2016, 4, 1), D(2016, 6, 1), D(2016, 9, 1), D(2016, 10, 5), D(2016, 11, 1),
        D(2016, 12, 20), D(2017, 1, 1), D(2018, 1, 1)]  # fmt: skip


def views(s: Store) -> dict[str, Any]:
    """Everything the kept state answers, as JSON-ready values."""
    out: dict[str, Any] = {"latest": fg.graph_at(s).to_dict()}
    for day in DAYS:
        out[f"graph {day}"] = fg.graph_at(s, at=day).to_dict()
        out[f"ended {day}"] = fg.graph_at(s, at=day, include_ended=True, scope=fg.Scope(actor="al-a")).to_dict()
    out["changes"] = [c.to_dict() for c in fg.changes_from_store(s)]
    out["first"] = [c.to_dict() for c in fg.changes_from_store(s, first_reported=True)]
    out["since"] = [c.to_dict() for c in fg.changes_from_store(s, since=D(2016, 8, 1))]
    out["timeline"] = [i.to_dict() for i in fg.timeline(s, "al-a")]
    return out


def live(s: Store, monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """`views` computed from the evidence table (the kept state ignored)."""
    with monkeypatch.context() as m:
        m.setattr(ties, "covers", lambda store, filters: False)
        return views(s)


def kept_rows(s: Store) -> dict[str, list[tuple[Any, ...]]]:
    out = {}
    for table in ties.KEPT_TABLES:
        rows = s.query(f"SELECT * FROM {table}")
        out[table] = sorted(tuple(round(v, 9) if isinstance(v, float) else v for v in r.values()) for r in rows)
    return out


def rebuilt_rows(s: Store) -> dict[str, list[tuple[Any, ...]]]:
    """The kept tables as a recomputation from scratch leaves them."""
    with s.transaction():
        ties.rebuild(s)
    return kept_rows(s)


def test_kept_state_answers_as_the_evidence_queries_at_every_date(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Store.open(tmp_path / "fg.duckdb") as s:
        s.write_batch(first_part() + second_part())
        assert ties.covers(s, ties.default_filters())
        assert s.query("SELECT type, a, b FROM tie_irregular") == [{"type": "hostility", "a": "al-a", "b": "z"}]
        got, want = views(s), live(s, monkeypatch)
    assert got == want
    june = got["graph 2016-06-01"]["edges"]
    assert [(e["type"], e["source"], e["target"], e["status"], e["strength"]) for e in june] == [
        ("affiliation", "m", "p1", "current", 1.0), ("alliance", "al-a", "al-b", "current", 1.0),
        ("support", "Pat", "al-a", "current", 1.0), ("hostility", "al-a", "al-b", "current", 0.8),
    ]  # fmt: skip
    assert got["graph 2016-06-01"]["comment_only_edges_hidden"] == 1  # cm - cn, seen only in a comment
    assert got["latest"]["undated_statements"] == 1


def test_second_ingest_updates_only_to_what_a_full_recomputation_gives(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Store.open(tmp_path / "fg.duckdb") as s:
        s.write_batch(first_part())
        before = {t: len(r) for t, r in kept_rows(s).items()}
        s.write_batch(second_part())
        after = kept_rows(s)
        assert after == rebuilt_rows(s)
        assert views(s) == live(s, monkeypatch)
    assert before == {"tie_meta": 1, "tie_spells": 6, "tie_changes": 5, "tie_undated": 1, "tie_irregular": 0}
    assert {t: len(r) for t, r in after.items()} == {
        "tie_meta": 1, "tie_spells": 11, "tie_changes": 10, "tie_undated": 1, "tie_irregular": 1}  # fmt: skip


def test_reingest_of_the_same_documents_leaves_the_kept_state_as_it_was(tmp_path: Path) -> None:
    with Store.open(tmp_path / "fg.duckdb") as s:
        s.write_batch(first_part() + second_part())
        before = kept_rows(s)
        assert s.write_batch(second_part()) == 0
        assert kept_rows(s) == before


def test_correction_recomputes_the_ties_it_touches(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with Store.open(tmp_path / "fg.duckdb") as s:
        s.write_batch(first_part() + second_part())
        correct(s, "relation", "hash-c/2", "reject", who="analyst-1", why="the alliance never ended")
        assert kept_rows(s) == rebuilt_rows(s)
        got = views(s)
        assert got == live(s, monkeypatch)
    edges = {(e["type"], e["source"], e["target"]): e for e in got["graph 2016-11-01"]["edges"]}
    assert edges[("alliance", "al-a", "al-b")]["status"] == "current"  # its end was rejected
    assert "alliance broken" not in {c["kind"] for c in got["changes"]}


def test_graph_page_reads_one_page_and_counts_the_rest(tmp_path: Path) -> None:
    with Store.open(tmp_path / "fg.duckdb") as s:
        s.write_batch(first_part() + second_part())
        whole = fg.graph_at(s, at=D(2016, 6, 1))
        page = fg.graph_at(s, at=D(2016, 6, 1), limit=2, offset=1)
        assert (page.total, whole.total) == (4, 4)
        assert [e.to_dict() for e in page.edges] == [e.to_dict() for e in whole.edges[1:3]]
        mine = fg.graph_at(s, at=D(2016, 6, 1), scope=fg.Scope(actor="al-a"), limit=1, offset=1)
        country = fg.graph_at(s, at=D(2016, 6, 1), scope=fg.Scope(country="SYR"), limit=2)
    assert [(e.type, e.source, e.target) for e in mine.edges] == [("support", "Pat", "al-a")] and mine.total == 3
    assert [e.to_dict() for e in country.edges] == [e.to_dict() for e in whole.edges[:2]] and country.total == 4


def test_other_filters_compute_from_the_evidence_table(tmp_path: Path) -> None:
    with Store.open(tmp_path / "fg.duckdb") as s:
        s.write_batch(first_part())
        assert ties.covers(s, ties.default_filters())
        assert not ties.covers(s, {**ties.default_filters(), "include_comments": True})
        view = fg.graph_at(s, at=D(2016, 6, 1), include_comments=True)
    assert {(e.type, e.source, e.target): round(e.strength, 4) for e in view.edges}[("support", "Pat", "al-a")] == 1.3


def test_postgres_keeps_the_same_state_as_duckdb(tmp_path: Path, pg_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    with Store.open(tmp_path / "fg.duckdb") as s:
        s.write_batch(first_part())
        s.write_batch(second_part())
        correct(s, "relation", "hash-c/2", "reject", who="analyst-1")
        want = views(s), kept_rows(s)
    with Store.open(pg_url) as s:
        s.write_batch(first_part())
        s.write_batch(second_part())
        s.write_batch(second_part())
        correct(s, "relation", "hash-c/2", "reject", who="analyst-1")
        got = views(s), kept_rows(s)
        assert got[0] == live(s, monkeypatch)
    assert got == want


def test_concurrent_postgres_writers_to_one_pair_leave_the_state_a_recomputation_gives(
    pg_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    def docs(tag: str) -> list[tuple[str, dict[str, Any]]]:  # both writers' documents name the pair al-a, al-b
        kinds = ("alliance", "hostility") if tag == "x" else ("hostility", "alliance")
        return [doc(f"{tag}{i}", f"2018-0{1 + i}-0{1 + i}", relations=[relation(kinds[i % 2], "al-a", "al-b")])
                for i in range(6)]  # fmt: skip

    with Store.open(pg_url):
        pass  # migrated once, before the writers start

    def write(tag: str) -> None:
        with Store.open(pg_url) as s:
            for one in docs(tag):
                s.write_batch([one])

    writers = [threading.Thread(target=write, args=(tag,)) for tag in ("x", "y")]
    for w in writers:
        w.start()
    for w in writers:
        w.join()
    with Store.open(pg_url) as s:
        got = views(s), kept_rows(s)
        assert got[0] == live(s, monkeypatch)
        with s.transaction():
            ties.rebuild(s)
        assert kept_rows(s) == got[1]
    assert got[0]["latest"]["edges"] and len(got[1]["tie_spells"]) > 1


def test_a_postgres_refresh_holds_the_kept_state_lock_to_the_end_of_its_transaction(pg_url: str) -> None:
    import psycopg

    from factiongraph.store.schema import KEPT_STATE_LOCK

    def free() -> bool:
        with psycopg.connect(pg_url, autocommit=True) as other:
            row = other.execute("SELECT pg_try_advisory_lock(%s)", (KEPT_STATE_LOCK,)).fetchone()
            got = bool(row and row[0])
            if got:
                other.execute("SELECT pg_advisory_unlock(%s)", (KEPT_STATE_LOCK,))
            return got

    with Store.open(pg_url) as s:
        s.write_batch(first_part())
        with s.transaction():
            ties.mark(s, "SELECT hash FROM documents")
            ties.refresh(s)
            held = not free()
        assert held and free()


def test_changes_page_is_the_slice_of_all_changes_with_their_count(tmp_path: Path) -> None:
    with Store.open(tmp_path / "fg.duckdb") as s:
        s.write_batch(first_part() + second_part())
        whole = [c.to_dict() for c in fg.changes_from_store(s, first_reported=True)]
        pages = [fg.changes_page(s, first_reported=True, limit=3, offset=o) for o in (0, 3, 6, 9)]
    assert [total for _, total in pages] == [len(whole)] * 4 and len(whole) == 10
    assert [c.to_dict() for page, _ in pages for c in page] == whole
    assert whole[-1]["date"] is None  # the undated report's change comes last


def test_timeline_page_is_the_slice_of_the_whole_timeline_with_its_count(tmp_path: Path) -> None:
    with Store.open(tmp_path / "fg.duckdb") as s:
        s.write_batch(first_part() + second_part())
        s.write_batch([doc("g", "2016-10-05", [event("z", "al-a", date="2016-10-05", certainty="reported"),
                                               event("al-a", "q", date="2016-10-06", source_kind="comment")])])
        fg.merge_events(s)
        whole = [i.to_dict() for i in fg.timeline(s, "al-a")]
        pages = [fg.timeline_page(s, "al-a", limit=3, offset=o) for o in range(0, 9, 3)]
    assert {total for _, total in pages} == {len(whole)} and len(whole) == 8
    assert [i.to_dict() for page, _ in pages for i in page] == whole
    assert [i["kind"] for i in whole[:3]] == ["change", "change", "change"]  # 2016-03-01: first reports


def test_cli_graph_changes_and_timeline_show_one_page_with_the_total(tmp_path: Path) -> None:
    import json

    from typer.testing import CliRunner

    from factiongraph import cli

    db = str(tmp_path / "fg.duckdb")
    with Store.open(db) as s:
        s.write_batch(first_part() + second_part())
    run = CliRunner()
    g = run.invoke(cli.app, ["graph", "--db", db, "--at", "2016-06-01", "--limit", "2", "--offset", "1", "-f", "json"])
    assert g.exit_code == 0, g.output
    page = json.loads(g.output)
    assert (page["total_edges"], page["offset"]) == (4, 1)
    assert [(e["type"], e["source"], e["target"]) for e in page["edges"]] == [
        ("alliance", "al-a", "al-b"), ("support", "Pat", "al-a")]  # fmt: skip
    c = run.invoke(cli.app, ["changes", "--db", db, "--limit", "3", "--offset", "3"])
    assert c.exit_code == 0 and "changes 4-6 of 6 shown (--limit, --offset)" in c.output, c.output
    t = run.invoke(cli.app, ["timeline", "al-a", "--db", db, "--limit", "2"])
    assert t.exit_code == 0 and "items 1-2 of 8 shown (--limit, --offset)" in t.output, t.output


def test_first_and_latest_day_of_every_statement_come_from_the_kept_state(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    filters = {"min_confidence": fg.MIN_CONFIDENCE, "certainties": fg.certainties_from(fg.DEFAULT_MIN_CERTAINTY)}
    scopes = [fg.Scope(), fg.Scope(actor="al-a"), fg.Scope(actor="cm"), fg.Scope(actor="z"), fg.Scope(actor="nobody")]
    with Store.open(tmp_path / "fg.duckdb") as s:
        s.write_batch(first_part() + second_part())
        assert ties.covers(s, {**filters, "include_comments": False})
        got = [fg.graph_sql.day_range(s, scope, **filters) for scope in scopes]
        with monkeypatch.context() as m:
            m.setattr(ties, "covers", lambda store, filters: False)
            want = [fg.graph_sql.day_range(s, scope, **filters) for scope in scopes]
    # the comment-only tie (cm - cn) and the irregular tie (al-a - z, its rows on two days) count
    assert got == want == [(D(2016, 3, 1), D(2017, 1, 1)), (D(2016, 3, 1), D(2017, 1, 1)),
                           (D(2016, 6, 1), D(2016, 6, 1)), (D(2016, 10, 5), D(2016, 12, 20)), (None, None)]  # fmt: skip
