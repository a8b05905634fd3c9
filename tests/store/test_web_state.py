"""store/web_state.py: the overview's counts and the events per day and per actor kept at ingest
equal a recomputation from the data tables after every kind of write, on DuckDB and PostgreSQL."""

from __future__ import annotations

import datetime as dt
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from factiongraph import graph as fg
from factiongraph.export.parquet import write_parquet
from factiongraph.store import Store, load_tables, web_state
from factiongraph.store.corrections import correct, undo

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from test_graph import doc, event, relation  # noqa: E402

D = dt.date
IDLIB = ("Idlib", 35.93, 36.63)


def first_part() -> list[tuple[str, dict[str, Any]]]:
    return [
        doc("a", "2019-03-02", [event("hawk", "owl", place=IDLIB, date="2019-03-01")],
            [relation("alliance", "hawk", "owl")]),
        doc("b", "2019-04-10", [event("hawk", "crow", place=IDLIB, date="2019-04-09", certainty="reported",
                                      source_kind="comment"),
                                event("crow", "hawk", date="2019-04-10")]),
        doc("c", None, [event("owl", "crow", place=IDLIB)]),  # undated, located
    ]  # fmt: skip


def second_part() -> list[tuple[str, dict[str, Any]]]:
    # e2 is a second report of a's event (same actors, day and place): the merge makes them one
    return [doc("d", "2019-05-01", [event("hawk", "owl", place=IDLIB, date="2019-05-01"),
                                    event("hawk", "owl", place=IDLIB, date="2019-03-01")],
                [relation("hostility", "hawk", "owl", derived_from="e1")])]  # fmt: skip


def kept_rows(s: Store) -> dict[str, list[tuple[Any, ...]]]:
    return {t: sorted((tuple(r.values()) for r in s.query(f"SELECT * FROM {t}")), key=repr)
            for t in web_state.KEPT_TABLES}  # fmt: skip


def assert_kept_equals_recomputation(s: Store) -> dict[str, list[tuple[Any, ...]]]:
    kept = kept_rows(s)
    with s.transaction():
        web_state.rebuild(s)
    assert kept == kept_rows(s)
    return kept


def add_actor(s: Store, actor: str) -> None:
    """An actor no document names, written by hand (the summaries computed again after)."""
    with s.transaction():
        s.insert_rows("actors", ("id", "name"), [(actor, actor.upper())])
        web_state.rebuild(s)


def writes(s: Store) -> list[tuple[str, Callable[[], Any]]]:
    """Every kind of write, in order: ingest, a second ingest, re-ingest, merge, corrections, undo."""
    return [
        ("first ingest", lambda: s.write_batch(first_part())),
        ("second ingest", lambda: s.write_batch(second_part())),
        ("re-ingest", lambda: s.write_batch(first_part() + second_part())),
        ("merge", lambda: fg.merge_events(s)),
        ("event edited", lambda: correct(s, "event", "hash-a/e1", "edit", payload={"actor2": "crow"}, who="t")),
        ("event rejected", lambda: correct(s, "event", "hash-d/e1", "reject", who="t")),
        ("undone", lambda: undo(s, 2, who="t")),
        ("relation rejected", lambda: correct(s, "relation", "hash-a/0", "reject", who="t")),
        ("actors merged", lambda: correct(s, "actor", "crow", "merge", payload={"into": "owl"}, who="t")),
        ("actor of no document", lambda: add_actor(s, "kite")),
        ("merged too", lambda: correct(s, "actor", "kite", "merge", payload={"into": "owl"}, who="t")),
    ]


def test_kept_summaries_hold_the_counts_days_and_actors_of_the_stored_events(tmp_path: Path) -> None:
    with Store.open(tmp_path / "fg.duckdb") as s:
        s.write_batch(first_part() + second_part())
        assert s.counts() == {"documents": 4, "actors": 3, "mentions": 0, "events": 6, "relations": 2, "places": 0,
                              "failed_documents": 0, "merged_events": 6}  # fmt: skip
        assert web_state.event_dates(s) == (D(2019, 3, 1), D(2019, 5, 1))
        assert [(r["actor"], r["events"], r["article_events"], r["last_event"]) for r in web_state.most_active(s, 5)] \
            == [("hawk", 5, 4, D(2019, 5, 1)), ("owl", 4, 4, D(2019, 5, 1)), ("crow", 3, 2, D(2019, 4, 10))]
        assert [(r["id"], r["events"]) for r in web_state.map_actors(s, 5)] == [("hawk", 4), ("owl", 4), ("crow", 2)]
        every = ("asserted", "reported")
        assert web_state.map_count(s, every, ("article",), None, None, True) == 4  # a, c (undated), d twice
        assert web_state.map_count(s, every, ("article", "comment"), None, None, False) == 4  # a, b's first, d
        assert web_state.map_count(s, every, ("article",), D(2019, 4, 1), None, True) == 2  # d's first, c undated
        assert web_state.map_first_day(s, every, ("article", "comment"), None, None, 2) == D(2019, 4, 9)
        assert web_state.map_first_day(s, every, ("article",), None, None, 3) == D(2019, 3, 1)
        assert web_state.map_first_day(s, every, ("article",), None, None, 4) is None  # three dated only


def test_every_write_leaves_the_kept_summaries_as_a_recomputation_gives(tmp_path: Path) -> None:
    seen = {}
    with Store.open(tmp_path / "fg.duckdb") as s:
        for label, write in writes(s):
            write()
            seen[label] = assert_kept_equals_recomputation(s)
        active = {r["actor"]: (r["events"], r["last_event"]) for r in web_state.most_active(s, 5)}
    assert seen["re-ingest"] == seen["second ingest"]
    assert dict(seen["merge"]["web_counts"])["merged_events"] == 5  # d's second event reports a's
    edited = {r[0]: r[1:] for r in seen["event edited"]["web_actor_events"]}
    assert (edited["owl"][0], edited["crow"][0]) == (3, 4)  # a's event moved from owl to crow
    assert dict(seen["event edited"]["web_counts"])["merged_events"] == 6  # and no longer reports d's second
    assert dict(seen["event rejected"]["web_counts"])["events"] == 4  # both of d's: one sentence, one key
    assert seen["undone"] == seen["event edited"]
    assert active == {"hawk": (5, D(2019, 5, 1)), "owl": (6, D(2019, 5, 1))}  # crow merged into owl
    assert [dict(seen[k]["web_counts"])["actors"] for k in ("actors merged", "actor of no document", "merged too")] \
        == [2, 3, 2]


def test_a_parquet_load_keeps_the_summaries_an_ingest_keeps(tmp_path: Path) -> None:
    with Store.open(tmp_path / "direct.duckdb") as s:
        s.write_batch(first_part() + second_part())
        want = kept_rows(s)
        write_parquet(s, tmp_path / "export")
    with Store.open(tmp_path / "loaded.duckdb") as s:
        load_tables(s, [tmp_path / "export"], merge=False)
        assert kept_rows(s) == want
        assert assert_kept_equals_recomputation(s) == want


def test_postgres_keeps_the_same_summaries_as_duckdb(tmp_path: Path, pg_url: str) -> None:
    got: dict[str, Any] = {}
    for name, target in (("duckdb", str(tmp_path / "fg.duckdb")), ("postgres", pg_url)):
        with Store.open(target) as s:
            got[name] = [(label, write(), assert_kept_equals_recomputation(s))[2] for label, write in writes(s)]
    assert got["postgres"] == got["duckdb"]


def test_concurrent_postgres_ingests_add_to_each_others_summaries(pg_url: str) -> None:
    pairs = {"x": ("hawk", "owl"), "y": ("kite", "crow")}  # no tie in common: neither waits for the other's

    def day_docs(tag: str) -> list[tuple[str, dict[str, Any]]]:
        return [doc(f"{tag}{i}", "2019-06-01", [event(*pairs[tag], place=IDLIB, date=f"2019-06-0{1 + i % 3}")])
                for i in range(12)]  # fmt: skip

    with Store.open(pg_url):
        pass  # migrated once, before the writers start

    def ingest(tag: str) -> None:
        with Store.open(pg_url) as s:
            for i in range(0, 12, 2):
                s.write_batch(day_docs(tag)[i : i + 2])

    writers = [threading.Thread(target=ingest, args=(tag,)) for tag in ("x", "y")]
    for w in writers:
        w.start()
    for w in writers:
        w.join()
    with Store.open(pg_url) as s:
        kept = assert_kept_equals_recomputation(s)
    assert dict(kept["web_counts"])["events"] == 24
    assert [r[1:] for r in kept["web_actor_events"]] == [(12, 12, 12, D(2019, 6, 3))] * 4
    assert sorted((r[0], r[4]) for r in kept["web_event_days"]) == [
        (D(2019, 6, 1), 8), (D(2019, 6, 2), 8), (D(2019, 6, 3), 8)]  # fmt: skip


def test_a_store_without_the_summaries_is_counted_from_its_tables(tmp_path: Path) -> None:
    with Store.open(tmp_path / "fg.duckdb") as s:
        s.write_batch(first_part())
        kept = s.counts()
        s.execute("DROP TABLE web_counts")
        s._web_kept = None
        assert not web_state.kept(s)
        assert s.counts() == kept == {"documents": 3, "actors": 3, "mentions": 0, "events": 4, "relations": 1,
                                      "places": 0, "failed_documents": 0, "merged_events": 4}  # fmt: skip
