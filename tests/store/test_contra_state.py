"""store/contra_state.py: the per-pair contradiction groups kept at ingest answer `contradictions`
as a computation from the evidence does, after incremental ingest, a second ingest of the same
documents and every kind of correction, on DuckDB and PostgreSQL."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from factiongraph.store import Store, contra_state, ties
from factiongraph.store.contradictions import contradicted_pairs, contradictions
from factiongraph.store.corrections import correct, undo
from factiongraph.store.graph_sql import Scope

# hand-written reports about the made-up actors of the store tests' conftest
ROOM_TEXT = "Commanders of the Qadr Brigade and the army were seen planning raids together near the dam."
DENY_TEXT = "The army's press office called reports that it had raided Qadr Brigade camps a fabrication."
NEG_TIE_TEXT = "Sahil Front leaders rejected claims of any pact with the Qadr Brigade."
RAID_TEXT = "Sahil Front gunmen ambushed a Nahr Brigade convoy on the coastal road."
NO_RAID_TEXT = "A Nahr Brigade official insisted that no ambush by the Sahil Front had taken place."
SHELL_TEXT = "Artillery of the Nahr Brigade pounded villages held by the army for a second day."


def first_batch(kit: SimpleNamespace) -> list[tuple[str, dict[str, Any]]]:
    """The conftest's three reports (an alliance, a clash with its event, the alliance's end) and a
    report of the army and the Qadr Brigade planning together four days after the clash."""
    room = kit.doc("room.txt", "2021-03-09", ROOM_TEXT,
                   relations=[kit.rel("alliance", "qadr", "army", "planning raids together")])  # fmt: skip
    return [*kit.documents(), ("h-room", room)]


def second_batch(kit: SimpleNamespace) -> list[tuple[str, dict[str, Any]]]:
    """A denied raid (event denied), a denied pact (tie denied), and an ambush one report states and
    another denies with no relation between the two (a pair only events name)."""
    deny = kit.doc("deny.txt", "2021-03-07", DENY_TEXT, events=[
        {"actor1": "army", "actor2": "qadr", "evidence": "raided Qadr Brigade camps", "certainty": "negated"}])
    neg = kit.doc("neg.txt", "2021-03-03", NEG_TIE_TEXT, relations=[
        kit.rel("alliance", "sahil", "qadr", "rejected claims of any pact", certainty="negated")])
    raid = kit.doc("raid.txt", "2021-05-10", RAID_TEXT, events=[
        {"actor1": "sahil", "actor2": "nahr", "evidence": "ambushed a Nahr Brigade convoy"}])
    no_raid = kit.doc("noraid.txt", "2021-05-12", NO_RAID_TEXT, events=[
        {"actor1": "sahil", "actor2": "nahr", "evidence": "no ambush", "certainty": "negated"}])
    shell = kit.doc("shell.txt", "2021-03-06", SHELL_TEXT, relations=[
        kit.rel("hostility", "nahr", "army", "pounded villages held by the army")])
    return [("h-deny", deny), ("h-neg", neg), ("h-raid", raid), ("h-noraid", no_raid), ("h-shell", shell)]  # fmt: skip


def live(s: Store, monkeypatch: pytest.MonkeyPatch, **kw: Any) -> list[dict[str, Any]]:
    """`contradictions` computed from the evidence and events tables (the kept groups ignored)."""
    with monkeypatch.context() as m:
        m.setattr(contra_state, "covers", lambda store, **settings: False)
        return [c.to_dict() for c in contradictions(s, **kw)]


def kept(s: Store, **kw: Any) -> list[dict[str, Any]]:
    assert contra_state.covers(s, min_confidence=contra_state.default_settings()["min_confidence"], window_days=30)
    return [c.to_dict() for c in contradictions(s, **kw)]


def rebuilt(s: Store) -> list[tuple[Any, ...]]:
    """The kept groups as a recomputation from scratch leaves them."""
    with s.transaction():
        ties.rebuild(s)
    return contra_state.kept_rows(s)


QUERIES: list[dict[str, Any]] = [
    {}, {"scope": Scope(actor="qadr")}, {"scope": Scope(actor="nahr")}, {"scope": Scope(country="SYR")},
    {"pairs": [("qadr", "army")]}, {"pairs": [("nahr", "sahil"), ("sahil", "qadr")]}, {"pairs": []},
    {"scope": Scope(actor="army"), "pairs": [("army", "qadr"), ("army", "nahr")]},
]  # fmt: skip


def same_as_live(s: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    for kw in QUERIES:
        assert kept(s, **kw) == live(s, monkeypatch, **kw), kw
    assert contra_state.kept_rows(s) == rebuilt(s)


def summary(s: Store) -> list[tuple[str, str, str, int, int]]:
    return [(c.kind, c.a, c.b, c.first_count, c.second_count) for c in contradictions(s)]


def test_incremental_ingest_keeps_the_groups_a_full_computation_gives(
    kit: SimpleNamespace, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    with Store.open(tmp_path / "fg.duckdb") as s:
        s.write_batch(first_batch(kit))
        assert summary(s) == [("allied and hostile", "army", "qadr", 1, 1)]
        same_as_live(s, monkeypatch)
        s.write_batch(second_batch(kit))
        same_as_live(s, monkeypatch)
        # the alliance and its end both state the tie the denial negates: two sources on that side
        assert summary(s) == [
            ("event denied", "nahr", "sahil", 1, 1), ("allied and hostile", "army", "qadr", 1, 1),
            ("event denied", "army", "qadr", 1, 1), ("allied and hostile", "army", "nahr", 1, 1),
            ("tie denied", "qadr", "sahil", 2, 1),
        ]  # fmt: skip
        assert [len(contra_state.kept_rows(s)), s.scalar("SELECT COUNT(*) FROM contra_meta")] == [5, 1]


def test_second_ingest_of_the_same_documents_leaves_the_groups_as_they_were(kit: SimpleNamespace) -> None:
    with Store.open(":memory:") as s:
        s.write_batch(first_batch(kit) + second_batch(kit))
        before = contra_state.kept_rows(s)
        assert s.write_batch(second_batch(kit)) == 0
        assert contra_state.kept_rows(s) == before and len(before) == 5


def test_rejecting_or_editing_an_event_recomputes_the_pair_it_named(
    kit: SimpleNamespace, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Store.open(":memory:") as s:
        s.write_batch(first_batch(kit) + second_batch(kit))
        # the denial names a pair no relation names: only the event rows tell which pair to recompute
        moved = correct(s, "event", "h-noraid/e1", "edit", payload={"actor2": "army"}, who="analyst-1")
        same_as_live(s, monkeypatch)
        assert ("event denied", "nahr", "sahil") not in {(c.kind, c.a, c.b) for c in contradictions(s)}
        undo(s, moved.id, who="analyst-1")
        same_as_live(s, monkeypatch)
        assert ("event denied", "nahr", "sahil", 1, 1) in summary(s)
        correct(s, "event", "h-raid/e1", "reject", who="analyst-1", why="the ambush was elsewhere")
        same_as_live(s, monkeypatch)
        assert [(c.kind, c.pair) for c in contradictions(s, scope=Scope(actor="nahr"))] == [
            ("allied and hostile", ("army", "nahr"))]  # the ambush's denial stands alone


def test_rejecting_confirming_and_merging_recompute_the_pairs_they_touch(
    kit: SimpleNamespace, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Store.open(":memory:") as s:
        s.write_batch(first_batch(kit) + second_batch(kit))
        correct(s, "relation", "h-room/0", "reject", who="analyst-1", why="the planning was with another unit")
        same_as_live(s, monkeypatch)
        assert [c.pair for c in contradictions(s) if c.kind == "allied and hostile"] == [("army", "nahr")]
        correct(s, "relation", "h-neg/0", "confirm", who="analyst-1")
        same_as_live(s, monkeypatch)
        # the Nahr Brigade merged into the Qadr Brigade: the army's backing of the one and the
        # other's shelling of the army become one pair's disagreement, and so does the ambush
        correct(s, "actor", "nahr", "merge", payload={"into": "qadr"}, who="analyst-1")
        same_as_live(s, monkeypatch)
        assert summary(s) == [
            ("event denied", "qadr", "sahil", 1, 1), ("event denied", "army", "qadr", 1, 1),
            ("allied and hostile", "army", "qadr", 1, 1), ("tie denied", "qadr", "sahil", 2, 1),
        ]  # fmt: skip
        # the actor of the shelling and of the ambush's denial split off under a new id: the ambush
        # and its denial, the army's backing and the shelling are about two pairs again
        split = {"new_id": "nahr-2", "name": "Nahr Brigade", "documents": ["h-shell", "h-noraid"]}
        correct(s, "actor", "qadr", "split", payload=split, who="analyst-1")
        same_as_live(s, monkeypatch)
        assert summary(s) == [("event denied", "army", "qadr", 1, 1), ("tie denied", "qadr", "sahil", 2, 1)]


def test_a_window_or_threshold_other_than_the_default_is_computed_from_the_evidence(
    kit: SimpleNamespace, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Store.open(":memory:") as s:
        s.write_batch(first_batch(kit) + second_batch(kit))
        assert not contra_state.covers(s, min_confidence=0.4, window_days=3)
        assert [(c.kind, c.a, c.b) for c in contradictions(s, window_days=3)] == [
            ("event denied", "nahr", "sahil"), ("event denied", "army", "qadr"), ("allied and hostile", "army", "nahr"),
            ("tie denied", "qadr", "sahil")]  # fmt: skip
        assert contradictions(s, window_days=3) == live_objects(s, monkeypatch, window_days=3)
        # relations at 0.9 fall below a 0.95 threshold; the events (not thresholded) still disagree
        assert contradicted_pairs(contradictions(s, min_confidence=0.95)) == {
            ("army", "qadr"): ["event denied"], ("nahr", "sahil"): ["event denied"]}


def live_objects(s: Store, monkeypatch: pytest.MonkeyPatch, **kw: Any) -> list[Any]:
    with monkeypatch.context() as m:
        m.setattr(contra_state, "covers", lambda store, **settings: False)
        return contradictions(s, **kw)


def test_migration_9_fills_the_groups_of_a_store_written_before_it(kit: SimpleNamespace, tmp_path: Path) -> None:
    db = tmp_path / "old.duckdb"
    with Store.open(db) as s:
        s.write_batch(first_batch(kit) + second_batch(kit))
        want = contra_state.kept_rows(s)
        for table in contra_state.KEPT_TABLES:  # a store written before migration 9
            s.execute(f"DROP TABLE {table}")
        s.execute("DELETE FROM schema_version WHERE version >= 9")
    with Store.open(db, read_only=True) as s:  # a reader migrates an older store first
        assert contra_state.kept_rows(s) == want and len(want) == 5


def test_postgres_keeps_the_same_groups_as_duckdb(
    kit: SimpleNamespace, pg_url: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    def steps(s: Store) -> list[Any]:
        s.write_batch(first_batch(kit))
        s.write_batch(second_batch(kit))
        s.write_batch(second_batch(kit))
        got: list[Any] = [kept(s, **kw) for kw in QUERIES]
        correct(s, "event", "h-noraid/e1", "edit", payload={"actor2": "army"}, who="analyst-1")
        correct(s, "actor", "nahr", "merge", payload={"into": "qadr"}, who="analyst-1")
        same_as_live(s, monkeypatch)
        return [*got, *(kept(s, **kw) for kw in QUERIES), contra_state.kept_rows(s)]

    with Store.open(tmp_path / "fg.duckdb") as s:
        want = steps(s)
    with Store.open(pg_url) as s:
        assert steps(s) == want


def pages(s: Store, size: int, **kw: Any) -> tuple[list[list[dict[str, Any]]], int]:
    """Every page of `contradictions_page` of `size`, and the total it reports."""
    from factiongraph.store.contradictions import contradictions_page

    out, offset, total = [], 0, -1
    while offset == 0 or offset < total:
        found, total = contradictions_page(s, limit=size, offset=offset, **kw)
        out.append([c.to_dict() for c in found])
        offset += size
    return out, total


@pytest.mark.parametrize("backend", ["duckdb", "postgres"])
def test_pages_of_disagreements_are_the_full_list_cut_in_order_kept_or_computed(
    kit: SimpleNamespace, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, backend: str, request: pytest.FixtureRequest
) -> None:
    target = str(tmp_path / "fg.duckdb") if backend == "duckdb" else request.getfixturevalue("pg_url")
    with Store.open(target) as s:
        s.write_batch(first_batch(kit) + second_batch(kit))
        every = kept(s)
        for kw in ({}, {"scope": Scope(actor="army")}):
            want = kept(s, **kw)
            for size in (1, 2, 4):
                cut, total = pages(s, size, **kw)
                assert total == len(want) and [c for p in cut for c in p] == want and all(len(p) <= size for p in cut)
            with monkeypatch.context() as m:  # another window than the kept one: computed, then cut
                m.setattr(contra_state, "covers", lambda store, **settings: False)
                cut, total = pages(s, 2, **kw)
                assert [c for p in cut for c in p] == want and total == len(want)
    assert len(every) == 5
