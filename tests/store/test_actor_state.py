"""store/actor_state.py: the per-actor timeline and counts kept at ingest equal a recomputation
from scratch after every kind of write, and answer the timeline and the actor list as the
queries over all rows do, on DuckDB and PostgreSQL."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

from factiongraph import graph as fg
from factiongraph.store import Store, actor_state
from factiongraph.store.corrections import correct
from factiongraph.web import queries

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from test_ties import first_part, second_part  # noqa: E402

from test_graph import doc, event  # noqa: E402


def third_part() -> list[tuple[str, dict[str, Any]]]:
    """Events reported twice (merged by `merge_events`), one only in a reader comment, one hedged."""
    return [
        doc("g", "2016-10-05", [event("z", "al-a", date="2016-10-05", certainty="reported", place=("Tal Abyad", 36.7,
                                                                                                 38.9)),
                                event("al-a", "q", date="2016-10-06", source_kind="comment")]),
        doc("h", "2016-10-07", [event("z", "al-a", date="2016-10-05", place=("Tal Abyad", 36.7, 38.9)),
                                event("al-b", "al-a", plover="PROTEST", date="2016-10-07", certainty="hedged")]),
    ]  # fmt: skip


def kept(s: Store) -> dict[str, list[tuple[Any, ...]]]:
    return {t: sorted(tuple(r.values()) for r in s.query(f"SELECT * FROM {t}")) for t in actor_state.KEPT_TABLES}


def rebuilt(s: Store) -> dict[str, list[tuple[Any, ...]]]:
    with s.transaction():
        actor_state.rebuild(s)
    return kept(s)


def without_kept_state(s: Store, monkeypatch: pytest.MonkeyPatch, read: Any) -> Any:
    with monkeypatch.context() as m:
        m.setattr(s, "_actor_ready", False, raising=False)
        return read()


def test_kept_rows_after_incremental_ingest_reingest_merge_and_corrections_equal_a_rebuild(tmp_path: Path) -> None:
    with Store.open(tmp_path / "fg.duckdb") as s:
        s.write_batch(first_part())
        assert kept(s) == rebuilt(s)
        s.write_batch(second_part() + third_part())
        assert kept(s) == rebuilt(s)
        fg.merge_events(s)  # two reports of one event: one item, two sources
        assert kept(s) == rebuilt(s)
        before = kept(s)
        assert s.write_batch(third_part()) == 0
        assert kept(s) == before
        correct(s, "relation", "hash-c/2", "reject", who="analyst-1")
        assert kept(s) == rebuilt(s)
        correct(s, "event", "hash-h/e2", "reject", who="analyst-1", why="the protest was another group's")
        assert kept(s) == rebuilt(s)
        correct(s, "actor", "z", "merge", payload={"into": "q"}, who="analyst-1")
        assert kept(s) == rebuilt(s)
        counts = {r["actor"]: (r["events"], r["relations"], r["items"]) for r in s.query("SELECT * FROM actor_counts")}
    assert "z" not in counts  # merged into q: it names nothing any more
    # q's events: z's four and its own; the two rows of one sentence in "d" are one statement; items:
    # the two reports of one event merged into one, the comment-only event left out, one first report
    assert counts["q"] == (5, 1, 4)
    assert counts["al-b"][:2] == (0, 3)  # its one event and the end of its alliance rejected


def test_timeline_pages_from_the_kept_rows_equal_the_whole_timeline(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Store.open(tmp_path / "fg.duckdb") as s:
        s.write_batch(first_part() + second_part() + third_part())
        fg.merge_events(s)
        whole = [i.to_dict() for i in fg.timeline(s, "al-a")]
        pages = [fg.timeline_page(s, "al-a", limit=4, offset=o) for o in range(0, 12, 4)]
        live = without_kept_state(s, monkeypatch, lambda: fg.timeline_page(s, "al-a", limit=4, offset=4))
        nothing = fg.timeline_page(s, "nobody", limit=4)
    assert [total for _, total in pages] == [len(whole)] * 3 and len(whole) == 10
    assert [i.to_dict() for page, _ in pages for i in page] == whole
    assert [i.to_dict() for i in pages[1][0]] == [i.to_dict() for i in live[0]] and live[1] == 10
    merged = [i for i in whole if i["kind"] == "event" and i["date"] == "2016-10-05"]
    assert [(i["summary"], i["sources"], i["certainty"]) for i in merged] == [
        ("ASSAULT -> Z", 1, "asserted"), ("ASSAULT <- Z at Tal Abyad", 2, "asserted")]  # fmt: skip
    assert nothing == ([], 0)


def test_actor_list_from_the_kept_counts_equals_counting_all_rows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Store.open(tmp_path / "fg.duckdb") as s:
        s.write_batch(first_part() + second_part() + third_part())
        got = [queries.actor_list(s), queries.actor_list(s, q="al", limit=1, offset=1)]
        want = without_kept_state(s, monkeypatch, lambda: [queries.actor_list(s),
                                                           queries.actor_list(s, q="al", limit=1, offset=1)])
    assert got == want
    # al-a: six events; nine statements, less one: "f" names Pat - al-a twice in one sentence
    assert [(r["id"], r["events"], r["relations"]) for r in got[0][:3]] == [("al-a", 6, 8), ("z", 4, 1),
                                                                            ("al-b", 1, 4)]  # fmt: skip
    assert [r["id"] for r in got[1]] == ["al-b"]


def test_postgres_keeps_the_same_per_actor_state_as_duckdb(tmp_path: Path, pg_url: str) -> None:
    def build(s: Store) -> tuple[Any, ...]:
        s.write_batch(first_part())
        s.write_batch(second_part() + third_part())
        s.write_batch(third_part())
        fg.merge_events(s)
        correct(s, "relation", "hash-c/2", "reject", who="analyst-1")
        correct(s, "event", "hash-h/e2", "reject", who="analyst-1")
        correct(s, "actor", "z", "merge", payload={"into": "q"}, who="analyst-1")
        state = kept(s)
        return state, rebuilt(s), [i.to_dict() for i in fg.timeline_page(s, "al-a", limit=3, offset=2)[0]]

    with Store.open(tmp_path / "fg.duckdb") as s:
        want = build(s)
    with Store.open(pg_url) as s:
        got = build(s)
    assert got[0] == got[1]
    assert got == want


def test_actor_page_from_the_kept_reports_equals_reading_all_rows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(queries, "MAX_TIMELINE_MARKS", 4)
    with Store.open(tmp_path / "fg.duckdb") as s:
        s.write_batch(first_part() + second_part() + third_part())

        def pages() -> list[Any]:
            return [queries.actor_detail(s, "al-a"), queries.actor_detail(s, "al-a", limit=3, relations_page=2,
                                                                           events_page=2, reports_page=2)]  # fmt: skip

        got = pages()
        want = without_kept_state(s, monkeypatch, pages)
    assert got == want
    whole, paged = got
    # ten reports drawn every fourth (the first, fifth, ninth and the last); al-b's first report comes first
    assert (whole["pages"]["relations"]["total"], whole["timeline_step"], len(whole["timeline"])) == (10, 4, 4)
    assert [(p["id"], p["reports"]) for p in whole["partners"]] == [("al-b", 4), ("Pat", 4), ("z", 2)]
    assert [r["document"] for r in paged["relations_over_time"]] == ["c", "d", "d"]  # the 5th to 7th newest
    assert paged["event_count"] == 6
    assert [(e["doc_id"], e["event_id"]) for e in paged["events"]] == [("d", "e1"), ("g", "e1"), ("h", "e1")]


def test_documents_mentioning_an_actor_are_kept_through_an_actor_merge(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kit: Any
) -> None:
    with Store.open(tmp_path / "fg.duckdb") as s:
        s.write_batch(kit.documents())
        page = queries.actor_detail(s, "qadr", limit=2, reports_page=2)
        assert page == without_kept_state(s, monkeypatch, lambda: queries.actor_detail(s, "qadr", limit=2,
                                                                                        reports_page=2))  # fmt: skip
        correct(s, "actor", "sahil", "merge", payload={"into": "nahr"}, who="analyst-1")
        assert kept(s) == rebuilt(s)
        merged = queries.actor_detail(s, "nahr")
        assert merged == without_kept_state(s, monkeypatch, lambda: queries.actor_detail(s, "nahr"))
    assert (page["pages"]["reports"]["total"], [r["id"] for r in page["reports"]]) == (3, ["ally.txt"])
    assert [(r["id"], r["mentions"]) for r in merged["reports"]] == [("split.txt", 1), ("clash.txt", 1),
                                                                     ("ally.txt", 1)]  # fmt: skip


def test_a_bulk_load_keeps_the_per_actor_state_of_the_store_it_came_from(tmp_path: Path) -> None:
    from factiongraph.export import write_parquet
    from factiongraph.store.load import load_tables

    with Store.open(tmp_path / "first.duckdb") as s:
        s.write_batch(first_part() + second_part() + third_part())
        fg.merge_events(s)
        want = kept(s)
        write_parquet(s, tmp_path / "export")
    with Store.open(tmp_path / "loaded.duckdb") as s:
        assert load_tables(s, [tmp_path / "export"]).documents == 8
        got = kept(s)
        assert got == rebuilt(s)
    assert got == want
    assert sum(1 for r in got["actor_timeline"] if r[0] == "al-a") == 10  # al-a's whole timeline
