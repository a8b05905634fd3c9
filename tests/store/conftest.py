"""Fixtures of the store tests: hand-written documents (`pg_url` is in the tests' own conftest)."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest

# -- hand-written documents for the corrections and contradictions tests --------------------------

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
def kit() -> SimpleNamespace:
    """The document builders above: `kit.doc`, `kit.rel`, `kit.documents()`."""
    return SimpleNamespace(doc=doc, rel=rel, documents=documents)
