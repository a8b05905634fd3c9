"""web/queries.py at scale: the one-scan rewrites give what the per-actor and all-changes queries gave."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Any

import pytest

from factiongraph import graph as fg
from factiongraph.store import Store, web_state
from factiongraph.web import queries as q

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from test_graph import changed, doc, event, relation  # noqa: E402


def history() -> list[tuple[str, dict[str, Any]]]:
    """Two pairs whose alliance forms and breaks every few months over six years, plus undated reports."""
    docs = []
    day = dt.date(2015, 1, 10)
    for i in range(24):
        what, status = ("formed", "current") if i % 2 == 0 else ("broken", "former")
        pair = ("red", "blue") if i % 3 else ("green", "blue")
        docs.append(doc(f"h{i:02d}", day.isoformat(), relations=[changed("alliance", *pair, what, status=status)]))
        day += dt.timedelta(days=91)
    docs.append(doc("u1", None, relations=[changed("alliance", "red", "green", "formed")]))
    return docs


@pytest.fixture
def store(tmp_path: Path) -> Any:
    with Store.open(tmp_path / "fg.duckdb") as s:
        s.write_batch(history())
        s.write_batch([
            doc("e1", "2016-05-05", [event("red", "blue"), event("blue", "blue"), event("red", "green")],
                [relation("hostility", "red", "blue"), relation("hostility", "blue", "red")]),
        ])  # fmt: skip
        yield s


def test_latest_changes_read_lately_reported_ties_and_equal_the_tail_of_all_changes(store: Store) -> None:
    everything = fg.changes_from_store(store, include_undated=True)
    dated = [c for c in everything if c.date is not None]
    # green-blue alternate (8 changes); red-blue repeat every other one (9 of 16 are changes)
    assert len(dated) == 17
    for limit in (1, 3, 10, 30):
        got = q.latest_changes(store, limit=limit)
        want = (list(reversed(dated[-limit:])) + [c for c in everything if c.date is None])[:limit]
        assert [(r["date"], r["kind"], r["source"], r["target"]) for r in got] == [
            (c.date, c.kind, c.source, c.target) for c in want
        ], limit
    # red-blue formed again on 2020-07-04, a repeat: the one before is green-blue's break
    assert [(r["date"], r["kind"], r["source"], r["target"]) for r in q.latest_changes(store, limit=2)] == [
        (dt.date(2020, 10, 3), "alliance broken", "blue", "red"),
        (dt.date(2020, 4, 4), "alliance broken", "blue", "green"),
    ]


def test_actor_list_counts_each_event_and_statement_once_per_actor(store: Store) -> None:
    rows = {r["id"]: (r["events"], r["relations"]) for r in q.actor_list(store)}
    # blue: two events (the one against itself counts once); red: two; the two hostility rows
    # of doc e1 are two statements (opposite directions)
    assert rows == {"blue": (2, 26), "red": (2, 19), "green": (1, 9)}
    assert [r["id"] for r in q.actor_list(store, q="re")] == ["red", "green"]


def test_map_actors_count_each_located_event_once(store: Store) -> None:
    assert q.map_events(store)["actors"] == []  # no event has coordinates
    store.execute("UPDATE events SET lat = 36.2, lon = 37.1")
    with store.transaction():  # rows written by hand: the kept summaries computed again
        web_state.rebuild(store)
    assert [(a["id"], a["events"]) for a in q.map_events(store)["actors"]] == [("blue", 2), ("red", 2), ("green", 1)]


def test_overview_changes_and_their_count_come_from_the_kept_changes_as_from_all_changes(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    from factiongraph.store import ties

    kept = {limit: q._latest_changes(store, limit=limit) for limit in (1, 3, 17, 18, 30)}
    latest = {limit: q.latest_changes(store, limit=limit) for limit in kept}
    monkeypatch.setattr(ties, "covers", lambda s, filters: False)
    assert {limit: q._latest_changes(store, limit=limit) for limit in kept} == kept
    assert {limit: q.latest_changes(store, limit=limit) for limit in kept} == latest
    assert kept[30][1] == 18 and len(kept[30][0]) == 18 and kept[30][0][-1]["date"] is None  # 17 dated, 1 undated


def _reference_reports(store: Store, actor: str) -> list[dict[str, Any]]:
    """An actor's reports as the actor page listed them when it loaded them all: date order, undated last."""
    return [{"date": e.date, "counterpart": e.target if e.source == actor else e.source,
             "relation": {"doc_hash": e.doc_hash, "idx": e.index}}
            for e in fg.load_evidence(store, scope=fg.Scope(actor=actor))]  # fmt: skip


def _short(rows: list[dict[str, Any]]) -> list[tuple[Any, ...]]:
    return [(r["date"], r["counterpart"], r["relation"]["doc_hash"], r["relation"]["idx"]) for r in rows]


def test_actor_page_reads_its_reports_a_page_at_a_time_as_from_the_whole_list(store: Store) -> None:
    everything = _reference_reports(store, "red")
    assert len(everything) == 19 and everything[-1]["date"] is None  # 16 alliance, 2 hostility, 1 undated
    for page, shown in ((1, 1), (2, 2), (7, 7), (8, 7)):  # a page past the end shows the last one
        d = q.actor_detail(store, "red", limit=3, relations_page=page)
        assert d is not None
        upto = 19 - 3 * (shown - 1)
        assert _short(d["relations_over_time"]) == _short(everything[max(0, upto - 3) : upto]), page
        assert d["pages"]["relations"]["total"] == 19 and d["pages"]["relations"]["pages"] == 7
    d = q.actor_detail(store, "red", limit=3)
    assert d is not None
    assert _short(d["timeline"]) == _short(everything) and d["timeline_step"] == 1
    assert d["partners"] == [{"id": "blue", "name": "BLUE", "reports": 18},
                            {"id": "green", "name": "GREEN", "reports": 1}]
    assert d["partner_count"] == 2


def test_a_busy_actors_timeline_draws_every_nth_report_the_first_and_last_included(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(q, "MAX_TIMELINE_MARKS", 5)
    everything = _reference_reports(store, "blue")
    d = q.actor_detail(store, "blue", limit=3)
    assert d is not None
    assert len(everything) == 26
    assert d["timeline_step"] == 7  # 26 reports in at most 4 steps
    assert _short(d["timeline"]) == _short([everything[i] for i in (0, 7, 14, 21, 25)])
    assert d["pages"]["relations"]["total"] == 26  # the counts still cover every report


def test_a_later_page_of_the_actor_list_counts_statements_as_the_whole_list(store: Store) -> None:
    whole = [(r["id"], r["events"], r["relations"]) for r in q.actor_list(store)]
    assert [(r["id"], r["events"], r["relations"]) for r in q.actor_list(store, limit=1, offset=1)] == whole[1:2]
    assert [(r["id"], r["events"], r["relations"]) for r in q.actor_list(store, limit=2, offset=1)] == whole[1:]


def test_overview_and_map_read_from_the_kept_summaries_equal_those_counted_from_the_tables(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    at = ("Idlib", 35.93, 36.63)
    with Store.open(tmp_path / "fg.duckdb") as s:
        s.write_batch([
            doc("m1", "2019-03-02", [event("hawk", "owl", place=at, date="2019-03-01"),
                                     event("owl", "crow", place=at, date="2019-05-01", certainty="reported")],
                [relation("alliance", "hawk", "owl")]),
            doc("m2", "2019-05-02", [event("hawk", "crow", place=at, date="2019-05-01"),
                                     event("crow", "hawk", place=at, date="2019-05-01", source_kind="comment"),
                                     event("hawk", "owl", date="2019-05-01")]),
            doc("m3", None, [event("owl", "hawk", place=at)]),
        ])  # fmt: skip
        asks: list[dict[str, Any]] = [
            {}, {"limit": 2}, {"limit": 1, "undated": False}, {"start": dt.date(2019, 4, 1)},
            {"end": dt.date(2019, 4, 1), "undated": False}, {"certainty": ("reported",)},
            {"source_kind": ("article", "comment"), "limit": 3}, {"actor": "crow"},
        ]  # fmt: skip
        kept = q.overview(s), [q.map_events(s, **a) for a in asks]
        monkeypatch.setattr(web_state, "kept", lambda store: False)
        live = q.overview(s), [q.map_events(s, **a) for a in asks]
    assert kept == live
    overview, maps = kept
    active = overview["most_active_actors"]
    assert [(a["actor"], a["events"], a["article_events"], a["last_event"]) for a in active] == [
        ("hawk", 5, 4, dt.date(2019, 5, 1)), ("owl", 4, 4, dt.date(2019, 5, 1)), ("crow", 3, 2, dt.date(2019, 5, 1))]
    assert (overview["counts"]["events"], overview["event_dates"]) == (
        6, {"first": dt.date(2019, 3, 1), "last": dt.date(2019, 5, 1)})  # fmt: skip
    assert [(m["total"], len(m["events"]), m["truncated"]) for m in maps] == [
        (4, 4, False), (4, 2, True), (3, 1, True), (3, 3, False), (1, 1, False), (1, 1, False), (5, 3, True),
        (2, 2, False),
    ]  # fmt: skip
    assert [(e["doc_hash"], e["event_id"]) for e in maps[1]["events"]] == [("hash-m1", "e2"), ("hash-m2", "e1")]
    assert maps[0]["range"] == {"first": dt.date(2019, 3, 1), "last": dt.date(2019, 5, 1)}
    assert [(a["id"], a["events"]) for a in maps[0]["actors"]] == [("hawk", 4), ("crow", 3), ("owl", 3)]
