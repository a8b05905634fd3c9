"""Corrections: a rejected, edited, confirmed, merged or split target as every reader sees it, kept
across re-ingest, with the original rows kept and the labelled examples they make."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path
from typing import Any

import pytest

from factiongraph import graph as fg
from factiongraph.export import export, write_parquet
from factiongraph.store import Store, load_tables
from factiongraph.store.corrections import (
    CorrectionError,
    correct,
    corrections_of,
    event_key,
    labelled_examples,
    list_corrections,
    rejected_row,
    relation_key,
)

ACTORS = {"qadr": ("Qadr Brigade", "rebel"), "sahil": ("Sahil Front", "rebel"), "army": ("National Army", "state"),
          "nahr": ("Nahr Brigade", "rebel")}  # fmt: skip


def _span(text: str, part: str) -> dict[str, Any]:
    i = text.index(part)
    return {"start": i, "end": i + len(part), "text": part}


def doc(doc_id: str, published: str, text: str, events: list[dict[str, Any]] = (),  # type: ignore[assignment]
        relations: list[dict[str, Any]] = ()) -> dict[str, Any]:  # type: ignore[assignment]  # fmt: skip
    """An output-contract document; events and relations name their evidence by a part of `text`."""
    evs = []
    for i, e in enumerate(events):
        ev = _span(text, e.pop("evidence"))
        evs.append({"id": f"e{i + 1}", "plover": "ASSAULT", "plover_mode": None, "acled_event_type": "Battles",
                    "acled_sub_event_type": "Armed clash", "actor1_mention": None, "actor2_mention": None,
                    "location": {"name": "Tal Sahil", "start": 0, "end": 1, "geonameid": 7, "lat": 35.1,
                                 "lon": 36.7, "country": "SY", "admin1": "Hama", "precision": 1},
                    "date": {"start": published, "end": published, "precision": "day", "text": None},
                    "fatalities": None, "certainty": "asserted", "source_kind": "article", "attributed_to": None,
                    "trigger": ev, "evidence": ev, "confidence": 0.8, **e})  # fmt: skip
    rels = []
    for r in relations:
        ev = _span(text, r.pop("evidence"))
        rels.append({"source_mention": None, "target_mention": None, "status": "current",
                     "certainty": "asserted", "source_kind": "article", "evidence": ev, "derived_from": None,
                     "confidence": 0.9, **r})  # fmt: skip
    return {
        "schema": "factiongraph.document/1",
        "document": {"id": doc_id, "title": doc_id, "url": None, "published": published, "language": "en",
                     "text": text, "sections": [{"kind": "article", "start": 0, "end": len(text), "author": None}]},
        "actors": [{"id": k, "name": n, "kind": kind, "acled_inter": 2, "country": "SYR", "registry_id": k,
                    "known": True, "mentions": [{"start": 0, "end": 4, "text": text[:4], "how": "name"}]}
                   for k, (n, kind) in ACTORS.items()],
        "events": evs, "relations": rels, "places": [],
    }  # fmt: skip


ALLY_TEXT = "The Qadr Brigade and the Sahil Front announced a joint operations room on Monday."
CLASH_TEXT = "Fighters of the Qadr Brigade stormed army posts near Tal Sahil, and the army shelled them back."
SPLIT_TEXT = "The Qadr Brigade said it had left the operations room it shared with the Sahil Front."


def rel(typ: str, source: str, target: str, evidence: str, **kw: Any) -> dict[str, Any]:
    return {"type": typ, "source": source, "target": target, "evidence": evidence, **kw}


def documents() -> list[tuple[str, dict[str, Any]]]:
    clash_events = [{"actor1": "qadr", "actor2": "army", "evidence": "stormed army posts"}]
    clash = [rel("hostility", "qadr", "army", "stormed army posts", derived_from="e1"),
             rel("support", "army", "nahr", "the army shelled them back")]  # fmt: skip
    split = [rel("alliance", "qadr", "sahil", "left the operations room", status="former", change="broken")]
    return [
        ("h-ally", doc("ally.txt", "2021-03-01", ALLY_TEXT, relations=[rel("alliance", "qadr", "sahil",
                                                                           "joint operations room")])),
        ("h-clash", doc("clash.txt", "2021-03-05", CLASH_TEXT, events=clash_events, relations=clash)),
        ("h-split", doc("split.txt", "2021-04-02", SPLIT_TEXT, relations=split)),
    ]  # fmt: skip


@pytest.fixture
def store() -> Store:
    s = Store.open(":memory:")
    s.write_batch(documents())
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


def test_rejection_survives_reingest_of_the_same_documents(store: Store, tmp_path: Path) -> None:
    correct(store, "relation", "h-ally/0", "reject", who="analyst-1")
    correct(store, "event", "h-clash/e1", "reject", who="analyst-1")
    assert store.write_batch(documents()) == 0  # stored already: skipped, still corrected
    assert ("alliance", "qadr", "sahil") not in fg.graph_at(store).edges
    # the documents' rows removed and the same documents written again: the corrections apply anew
    for t in ("relations", "events", "mentions", "places", "documents"):
        store.execute(f"DELETE FROM {t}")
    assert store.write_batch(documents()) == 3
    assert store.scalar("SELECT COUNT(*) FROM relations WHERE doc_hash = 'h-ally'") == 0
    assert store.scalar("SELECT COUNT(*) FROM events") == 0
    assert rejected_row(store, "relation", "h-ally", "0") is not None
    # and so does a load of the same documents from Parquet tables
    other = Store.open(":memory:")
    other.write_batch(documents())
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


def test_confirmed_statement_passes_the_confidence_threshold(store: Store) -> None:
    store.execute("UPDATE relations SET confidence = 0.01 WHERE doc_hash = 'h-ally'")
    march = dt.date(2021, 3, 2)
    assert fg.graph_at(store, at=march).edges == []  # below the confidence threshold
    correct(store, "relation", "h-ally/0", "confirm", who="analyst-1", why="seen on video")
    assert store.scalar("SELECT confidence FROM relations WHERE doc_hash = 'h-ally'") == 1.0
    assert [(e.type, e.source, e.target) for e in fg.graph_at(store, at=march).edges] == [
        ("alliance", "qadr", "sahil")]  # fmt: skip


def test_merge_moves_every_row_and_split_takes_documents_apart(store: Store) -> None:
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
    store.write_batch(documents())
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


def test_migration_5_adds_the_corrections_table_on_postgres(pg_url: str) -> None:
    with Store.open(pg_url) as s:
        s.write_batch(documents())
        correct(s, "relation", "h-ally/0", "reject", who="a", merge=False)
        assert s.scalar("SELECT COUNT(*) FROM relations WHERE doc_hash = 'h-ally'") == 0
        correct(s, "relation", "h-clash/1", "edit", payload={"swap": True}, who="a", merge=False)
        assert s.query("SELECT source, target FROM relations WHERE doc_hash = 'h-clash' AND idx = 1") == [
            {"source": "nahr", "target": "army"}]  # fmt: skip
