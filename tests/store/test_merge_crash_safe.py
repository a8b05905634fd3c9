"""A crash between storing documents and merging their events leaves every event a merged id."""

from __future__ import annotations

from pathlib import Path

from factiongraph.graph import merge_events
from factiongraph.pipeline import Pipeline
from factiongraph.store.core import Store
from factiongraph.store.ingest import ingest_paths
from factiongraph.store.rows import merged_event_id


def test_events_stored_before_the_merge_are_their_own_merged_event(pipeline: Pipeline, tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text(
        '{"id": "x1", "published": "2019-04-06", "text": "Haftar forces attacked Tripoli airport on Saturday."}\n'
        '{"id": "x2", "published": "2019-04-06", "text": "Haftar forces attacked Tripoli airport on Saturday, '
        'residents said."}\n'
    )
    with Store.open(tmp_path / "s.duckdb") as store:
        ingest_paths(store, [str(src)], pipeline, merge=False)  # as if killed before the merge step
        before = {(e["doc_hash"], e["event_id"]): e["merged_event_id"] for e in store.events()}
        assert len(before) == 2
        assert before == {k: merged_event_id(*k) for k in before}
        assert merge_events(store) == 1  # the rerun's merge: one event reported twice
        after = {e["merged_event_id"] for e in store.events()}
    assert len(after) == 1 and after <= set(before.values())
