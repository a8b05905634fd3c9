"""Corrections: a rejected, edited, confirmed, merged or split target as every reader sees it, kept
across re-ingest, with the original rows kept and the labelled examples they make."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from factiongraph import graph as fg
from factiongraph.export import export, write_parquet
from factiongraph.store import Store, load_tables
from factiongraph.store.corrections import (
    CorrectionError,
    correct,
    correct_tie,
    corrections_of,
    event_key,
    labelled_examples,
    list_corrections,
    rejected_row,
    relation_key,
    undo,
)


@pytest.fixture
def store(kit: SimpleNamespace) -> Store:
    s = Store.open(":memory:")
    s.write_batch(kit.documents())
    fg.merge_events(s)
    return s


def ties(s: Store) -> set[tuple[str, str, str]]:
    return {(e.type, e.source, e.target) for e in fg.graph_at(s, include_ended=True).edges}


def change_kinds(s: Store) -> list[tuple[str, str, str]]:
    return [(c.kind, c.source, c.target) for c in fg.changes_from_store(s)]


def exported(s: Store, fmt: str) -> str:
    out = io.StringIO()
    export(s, fmt, out)
    return out.getvalue()


def test_rejected_tie_is_absent_from_graph_changes_and_every_export(store: Store, tmp_path: Path) -> None:
    assert ("alliance", "qadr", "sahil") in ties(store)
    assert change_kinds(store) == [("alliance broken", "qadr", "sahil")]
    correct(store, "relation", "h-split/0", "reject", who="analyst-1", why="the room was never left")
    correct(store, "relation", "h-ally/0", "reject", who="analyst-1", why="a rumour")
    assert ties(store) == {("hostility", "army", "qadr"), ("support", "army", "nahr")}
    assert change_kinds(store) == []
    for fmt in ("graphml", "gexf"):
        assert "sahil" not in exported(store, fmt)
    write_parquet(store, tmp_path / "pq")
    copy = Store.open(":memory:")
    load_tables(copy, [tmp_path / "pq"])
    assert copy.query("SELECT doc_hash, type FROM relations ORDER BY doc_hash, idx") == [
        {"doc_hash": "h-clash", "type": "hostility"}, {"doc_hash": "h-clash", "type": "support"}]  # fmt: skip


def test_rejected_event_and_its_derived_tie_leave_the_event_exports(store: Store) -> None:
    assert len(list(csv.DictReader(io.StringIO(exported(store, "acled-csv"))))) == 1
    correct(store, "event", "h-clash/e1", "reject", who="analyst-1", why="the posts were empty")
    assert list(csv.DictReader(io.StringIO(exported(store, "acled-csv")))) == []
    assert exported(store, "plover-jsonl") == ""
    assert json.loads(exported(store, "geojson"))["features"] == []
    assert ("hostility", "army", "qadr") not in ties(store)  # derived from the rejected event
    c, row = rejected_row(store, "event", "h-clash", "e1") or (None, None)
    assert c is not None and row is not None
    assert (c.action, c.who, c.why, row["evidence_text"]) == ("reject", "analyst-1", "the posts were empty",
                                                              "stormed army posts")  # fmt: skip
    assert [r["type"] for r in c.replaced["relations"]] == ["hostility"]


def test_rejection_survives_reingest_of_the_same_documents(store: Store, tmp_path: Path, kit: SimpleNamespace) -> None:
    correct(store, "relation", "h-ally/0", "reject", who="analyst-1")
    correct(store, "event", "h-clash/e1", "reject", who="analyst-1")
    assert store.write_batch(kit.documents()) == 0  # stored already: skipped, still corrected
    assert ("alliance", "qadr", "sahil") not in fg.graph_at(store).edges
    # the documents' rows removed and the same documents written again: the corrections apply anew
    for t in ("relations", "events", "mentions", "places", "documents"):
        store.execute(f"DELETE FROM {t}")
    assert store.write_batch(kit.documents()) == 3
    assert store.scalar("SELECT COUNT(*) FROM relations WHERE doc_hash = 'h-ally'") == 0
    assert store.scalar("SELECT COUNT(*) FROM events") == 0
    assert rejected_row(store, "relation", "h-ally", "0") is not None
    # and so does a load of the same documents from Parquet tables
    other = Store.open(":memory:")
    other.write_batch(kit.documents())
    write_parquet(other, tmp_path / "pq")
    for t in ("relations", "events", "mentions", "places", "documents"):
        store.execute(f"DELETE FROM {t}")
    load_tables(store, [tmp_path / "pq"])
    assert store.scalar("SELECT COUNT(*) FROM relations WHERE doc_hash = 'h-ally'") == 0
    assert store.scalar("SELECT COUNT(*) FROM relations") == 2


def test_edit_rewrites_type_direction_status_and_keeps_the_original(store: Store) -> None:
    before = store.query("SELECT * FROM relations WHERE doc_hash = 'h-clash' AND idx = 1")[0]
    c = correct(store, "relation", "h-clash/1", "edit", payload={"type": "hostility", "certainty": "reported"},
                who="analyst-2", why="shelling is no support")  # fmt: skip
    row = store.query("SELECT type, source, target, certainty, confidence FROM relations"
                      " WHERE doc_hash = 'h-clash' AND idx = 1")[0]  # fmt: skip
    assert row == {"type": "hostility", "source": "army", "target": "nahr", "certainty": "reported",
                   "confidence": 1.0}  # fmt: skip
    assert c.replaced["relations"][0]["type"] == "support" and c.target_key == relation_key(before)
    correct(store, "relation", "h-clash/1", "edit", payload={"swap": True}, who="analyst-2")
    assert store.query("SELECT source, target FROM relations WHERE doc_hash = 'h-clash' AND idx = 1") == [
        {"source": "nahr", "target": "army"}]  # fmt: skip
    correct(store, "relation", "h-clash/1", "edit", payload={"target": "sahil", "status": "former"}, who="a")
    assert store.query("SELECT source, target, status FROM relations WHERE doc_hash = 'h-clash' AND idx = 1") == [
        {"source": "nahr", "target": "sahil", "status": "former"}]  # fmt: skip
    assert [c.action for c in corrections_of(store, "relation", "h-clash", "1")] == ["edit", "edit", "edit"]


def test_edited_event_takes_the_new_type_and_actors(store: Store) -> None:
    before = store.query("SELECT * FROM events")[0]
    correct(store, "event", "h-clash/e1", "edit", payload={"plover": "THREATEN", "actor2": "nahr"}, who="a")
    after = store.query("SELECT plover, actor1, actor2, actor2_start, confidence FROM events")
    assert after == [{"plover": "THREATEN", "actor1": "qadr", "actor2": "nahr", "actor2_start": None,
                      "confidence": 1.0}]  # fmt: skip
    assert list_corrections(store)[0].target_key == event_key(before)


def test_confirmed_statement_passes_the_confidence_threshold(kit: SimpleNamespace) -> None:
    store = Store.open(":memory:")
    weak = kit.doc("ally.txt", "2021-03-01", kit.documents()[0][1]["document"]["text"], relations=[
        kit.rel("alliance", "qadr", "sahil", "joint operations room", confidence=0.01)])  # fmt: skip
    store.write_batch([("h-ally", weak)])
    march = dt.date(2021, 3, 2)
    assert fg.graph_at(store, at=march).edges == []  # below the confidence threshold
    correct(store, "relation", "h-ally/0", "confirm", who="analyst-1", why="seen on video")
    assert store.scalar("SELECT confidence FROM relations WHERE doc_hash = 'h-ally'") == 1.0
    assert [(e.type, e.source, e.target) for e in fg.graph_at(store, at=march).edges] == [
        ("alliance", "qadr", "sahil")]  # fmt: skip


def test_merge_moves_every_row_and_split_takes_documents_apart(store: Store, kit: SimpleNamespace) -> None:
    correct(store, "actor", "sahil", "merge", payload={"into": "nahr"}, who="a", why="one group, two names")
    assert "sahil" not in store.actors()
    assert store.scalar("SELECT COUNT(*) FROM relations WHERE source = 'sahil' OR target = 'sahil'") == 0
    assert ("alliance", "nahr", "qadr") in ties(store)
    correct(store, "actor", "qadr", "split", payload={"new_id": "qadr-north", "name": "Qadr Brigade (north)",
                                                      "documents": ["clash.txt"]}, who="a")  # fmt: skip
    assert store.actors()["qadr-north"]["name"] == "Qadr Brigade (north)"
    assert store.query("SELECT actor1 FROM events") == [{"actor1": "qadr-north"}]
    assert store.query("SELECT DISTINCT source FROM relations WHERE doc_hash = 'h-ally'") == [{"source": "qadr"}]
    # both hold when the documents are stored again
    for t in ("relations", "events", "mentions", "places", "documents"):
        store.execute(f"DELETE FROM {t}")
    store.write_batch(kit.documents())
    assert "sahil" not in store.actors()
    assert store.query("SELECT actor1 FROM events") == [{"actor1": "qadr-north"}]


@pytest.mark.parametrize(
    ("kind", "ref", "action", "payload", "message"),
    [
        ("relation", "h-ally/9", "reject", None, "no relation h-ally/9"),
        ("relation", "h-ally", "reject", None, "names no relation"),
        ("relation", "h-ally/0", "merge", None, "confirm, reject, edit"),
        ("relation", "h-ally/0", "edit", {}, "at least one field"),
        ("relation", "h-ally/0", "edit", {"type": "friendship"}, "not one of alliance"),
        ("relation", "h-ally/0", "edit", {"source": "nobody"}, "no actor 'nobody'"),
        ("relation", "h-ally/0", "edit", {"swap": True, "source": "army"}, "give it without source"),
        ("event", "h-clash/e1", "edit", {"status": "current"}, "cannot set 'status'"),
        ("actor", "qadr", "merge", {"into": "qadr"}, "another actor"),
        ("actor", "qadr", "split", {"new_id": "army", "documents": ["clash.txt"]}, "exists already"),
        ("actor", "qadr", "split", {"new_id": "q2", "documents": ["nowhere.txt"]}, "no document"),
        ("actor", "ghost", "merge", {"into": "qadr"}, "no actor 'ghost'"),
        ("tie", "x", "reject", None, "unknown target kind"),
    ],
)
def test_impossible_corrections_are_refused_with_a_reason(
    store: Store, kind: str, ref: str, action: str, payload: dict[str, Any] | None, message: str
) -> None:
    with pytest.raises(CorrectionError, match=message):
        correct(store, kind, ref, action, payload=payload, who="a")
    assert list_corrections(store) == []


def test_a_rejected_relation_cannot_be_corrected_again(store: Store) -> None:
    correct(store, "relation", "h-ally/0", "reject", who="a")
    with pytest.raises(CorrectionError, match="rejected by correction 1"):
        correct(store, "relation", "h-ally/0", "confirm", who="a")


def test_labelled_examples_name_the_tie_its_source_and_the_label(store: Store) -> None:
    correct(store, "relation", "h-ally/0", "confirm", who="a")
    correct(store, "relation", "h-clash/0", "reject", who="b", why="no attack")
    correct(store, "relation", "h-clash/1", "edit", payload={"type": "hostility"}, who="c")
    got = [(e["tie"], e["label"], e["action"], e["features"]["doc_id"], e["features"]["evidence"]["text"],
            e["corrected"]) for e in labelled_examples(store)]  # fmt: skip
    assert got == [
        (["alliance", "qadr", "sahil"], 1, "confirm", "ally.txt", "joint operations room", None),
        (["hostility", "army", "qadr"], 0, "reject", "clash.txt", "stormed army posts", None),
        (["support", "army", "nahr"], 0, "edit", "clash.txt", "the army shelled them back", {"type": "hostility"}),
    ]


def test_migration_5_adds_the_corrections_table_on_postgres(pg_url: str, kit: SimpleNamespace) -> None:
    with Store.open(pg_url) as s:
        s.write_batch(kit.documents())
        correct(s, "relation", "h-ally/0", "reject", who="a", merge=False)
        assert s.scalar("SELECT COUNT(*) FROM relations WHERE doc_hash = 'h-ally'") == 0
        correct(s, "relation", "h-clash/1", "edit", payload={"swap": True}, who="a", merge=False)
        assert s.query("SELECT source, target FROM relations WHERE doc_hash = 'h-clash' AND idx = 1") == [
            {"source": "nahr", "target": "army"}]  # fmt: skip
        before = s.query("SELECT * FROM events")
        correct(s, "event", "h-clash/e1", "reject", who="a", merge=False)
        undo(s, 3, who="a")
        assert s.query("SELECT * FROM events") == before


# -- the command line ----------------------------------------------------------------------------


def _cli_store(tmp_path: Path, kit: SimpleNamespace) -> str:
    db = str(tmp_path / "fg.duckdb")
    with Store.open(db) as s:
        s.write_batch(kit.documents())
    return db


def test_correct_command_rejects_lists_and_exports_examples(tmp_path: Path, kit: SimpleNamespace) -> None:
    from typer.testing import CliRunner

    from factiongraph.cli import app

    db = _cli_store(tmp_path, kit)
    run = CliRunner()
    done = run.invoke(app, ["correct", "reject", "relation", "h-ally/0", "--why", "a rumour", "--who", "kim",
                            "--db", db])  # fmt: skip
    assert done.exit_code == 0, done.output
    assert "correction 1: reject relation h-ally/0 by kim (1 row(s) replaced; key r-" in done.output
    graph = run.invoke(app, ["graph", "--format", "json", "--db", db])
    assert "sahil" not in graph.stdout
    listed = run.invoke(app, ["correct", "list", "--format", "json", "--db", db])
    rows = [json.loads(line) for line in listed.stdout.splitlines()]
    assert [(r["id"], r["action"], r["who"], r["why"], r["target_kind"]) for r in rows] == [
        (1, "reject", "kim", "a rumour", "relation")]  # fmt: skip
    out = tmp_path / "examples.jsonl"
    exported_ = run.invoke(app, ["correct", "export", "-o", str(out), "--db", db])
    assert exported_.exit_code == 0 and "1 labelled example(s)" in exported_.output
    ex = json.loads(out.read_text())
    assert (ex["tie"], ex["label"], ex["features"]["doc_id"]) == (["alliance", "qadr", "sahil"], 0, "ally.txt")


def test_correct_command_edits_merges_and_explains_refusals(tmp_path: Path, kit: SimpleNamespace) -> None:
    from typer.testing import CliRunner

    from factiongraph.cli import app

    db = _cli_store(tmp_path, kit)
    run = CliRunner()
    done = run.invoke(app, ["correct", "edit", "relation", "h-clash/1", "--type", "hostility", "--swap", "--db", db])
    assert done.exit_code == 0, done.output
    merged = run.invoke(app, ["correct", "merge", "nahr", "--into", "sahil", "--db", db])
    assert merged.exit_code == 0, merged.output
    with Store.open(db, read_only=True) as s:
        assert s.query("SELECT type, source, target FROM relations WHERE doc_hash = 'h-clash' AND idx = 1") == [
            {"type": "hostility", "source": "sahil", "target": "army"}]  # fmt: skip
    wrong = run.invoke(app, ["correct", "edit", "event", "h-clash/e1", "--source", "army", "--db", db])
    assert wrong.exit_code == 2 and "has no --source" in wrong.output
    missing = run.invoke(app, ["correct", "reject", "relation", "h-ally/7", "--db", db])
    assert missing.exit_code == 1 and "no relation h-ally/7 in the store" in missing.output
    assert run.invoke(app, ["correct", "undo", "2", "--db", db]).exit_code == 1  # a merge
    undone = run.invoke(app, ["correct", "undo", "1", "--why", "wrong row", "--db", db])
    assert undone.exit_code == 0 and "correction 3: undo of correction 1 by" in undone.output
    with Store.open(db, read_only=True) as s:  # the edit undone, the later merge still in force
        assert s.query("SELECT type, source, target FROM relations WHERE doc_hash = 'h-clash' AND idx = 1") == [
            {"type": "support", "source": "army", "target": "sahil"}]  # fmt: skip
    nostore = run.invoke(app, ["correct", "list", "--db", str(tmp_path / "none.duckdb")])
    assert nostore.exit_code == 2 and "no store at" in nostore.output


def test_whole_tie_rejection_covers_every_statement_of_the_tie(store: Store, kit: SimpleNamespace) -> None:
    later = "Witnesses saw the Sahil Front and the Qadr Brigade man the same checkpoints."
    store.write_batch([("h-later", kit.doc("later.txt", "2021-03-20", later, relations=[
        kit.rel("alliance", "sahil", "qadr", "man the same checkpoints")]))])  # fmt: skip
    done = correct_tie(store, "h-ally/0", "reject", who="a", why="one rumour, repeated")
    assert [(c.doc_hash, c.replaced["relations"][0]["idx"]) for c in done] == [
        ("h-ally", 0), ("h-later", 0), ("h-split", 0)]  # fmt: skip
    assert store.scalar("SELECT COUNT(*) FROM relations WHERE type = 'alliance'") == 0
    assert ("alliance", "qadr", "sahil") not in ties(store)


def test_correct_command_whole_tie_names_each_statement(tmp_path: Path, kit: SimpleNamespace) -> None:
    from typer.testing import CliRunner

    from factiongraph.cli import app

    db = _cli_store(tmp_path, kit)
    done = CliRunner().invoke(app, ["correct", "reject", "relation", "h-ally/0", "--whole-tie", "--db", db])
    assert done.exit_code == 0, done.output
    assert "correction 1: reject relation h-ally/0 by" in done.output
    assert "correction 2: reject relation h-split/0 by" in done.output
    wrong = CliRunner().invoke(app, ["correct", "reject", "event", "h-clash/e1", "--whole-tie", "--db", db])
    assert wrong.exit_code == 2 and "--whole-tie applies to a relation" in wrong.output


def test_undo_puts_the_rows_back_and_holds_across_reingest(store: Store, kit: SimpleNamespace) -> None:
    original = store.query("SELECT * FROM events")
    correct(store, "event", "h-clash/e1", "reject", who="a")
    assert store.scalar("SELECT COUNT(*) FROM events") == 0
    back = undo(store, 1, who="b", why="the attack was real")
    assert (back.id, back.action, back.payload, back.who) == (2, "undo", {"correction": 1}, "b")
    assert store.query("SELECT * FROM events") == original
    assert store.query("SELECT type, derived_from FROM relations WHERE doc_hash = 'h-clash' ORDER BY idx") == [
        {"type": "hostility", "derived_from": "e1"}, {"type": "support", "derived_from": None}]  # fmt: skip
    assert rejected_row(store, "event", "h-clash", "e1") is None
    for t in ("relations", "events", "mentions", "places", "documents"):
        store.execute(f"DELETE FROM {t}")
    store.write_batch(kit.documents())
    assert store.scalar("SELECT COUNT(*) FROM events") == 1  # the undone rejection is not replayed
    with pytest.raises(CorrectionError, match="undone already"):
        undo(store, 1, who="b")


def test_undo_of_an_edit_restores_it_and_refuses_out_of_order(store: Store) -> None:
    correct(store, "relation", "h-clash/1", "edit", payload={"type": "hostility"}, who="a")
    correct(store, "relation", "h-clash/1", "edit", payload={"certainty": "hedged"}, who="a")
    with pytest.raises(CorrectionError, match="correction 2 changed the same rows later: undo it first"):
        undo(store, 1, who="b")
    undo(store, 2, who="b")
    undo(store, 1, who="b")
    assert store.query("SELECT type, certainty, confidence FROM relations WHERE doc_hash = 'h-clash' AND idx = 1") == [
        {"type": "support", "certainty": "asserted", "confidence": 0.9}]  # fmt: skip
    assert list(labelled_examples(store)) == []
    correct(store, "actor", "sahil", "merge", payload={"into": "nahr"}, who="a")
    with pytest.raises(CorrectionError, match="a merge cannot be undone: split"):
        undo(store, 5, who="b")
    with pytest.raises(CorrectionError, match="no correction 99"):
        undo(store, 99, who="b")
