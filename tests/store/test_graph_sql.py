"""store/graph_sql.py: the graph, changes and spells come out the same on DuckDB and PostgreSQL."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Any

from factiongraph import graph as fg
from factiongraph.export.graphml import GraphOptions, spells
from factiongraph.store import Store

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from test_graph import changed, doc, event, relation  # noqa: E402

D = dt.date


def corpus() -> list[tuple[str, dict[str, Any]]]:
    """Ties that form, end, re-form and turn hostile, with comments, undated and dateline-dated reports."""
    return [
        doc("a", "2016-03-01", relations=[relation("alliance", "al-b", "al-a"), relation("support", "Pat", "al-a"),
                                          relation("affiliation", "m", "p1")]),
        doc("b", "2016-06-01", relations=[relation("hostility", "al-a", "al-b", certainty="reported"),
                                          relation("support", "Pat", "al-a", source_kind="comment")]),
        doc("c", "2016-09-01", relations=[changed("affiliation", "m", "p1", "left", status="former"),
                                          changed("affiliation", "m", "p2", "joined"),
                                          relation("alliance", "al-a", "al-b", status="former", certainty="hedged")]),
        doc("d", None, [event("al-a", "z", date="2016-10-05")], [relation("hostility", "al-a", "z")]),
        doc("e", None, relations=[changed("alliance", "u", "v", "formed")]),
        doc("f", "2017-01-01", relations=[changed("alliance", "al-b", "al-a", "formed"),
                                          relation("support", "Pat", "al-a", certainty="negated")]),
    ]  # fmt: skip


def snapshot(s: Store) -> dict[str, Any]:
    views = {
        "default": fg.graph_at(s),
        "ended": fg.graph_at(s, include_ended=True, include_comments=True, min_certainty=None),
        "mid": fg.graph_at(s, at=D(2016, 7, 1), window_days=200),
        "scoped": fg.graph_at(s, scope=fg.Scope(actor="al-a"), include_ended=True),
    }
    return {
        **{k: v.to_dict() for k, v in views.items()},
        "changes": [c.to_dict() for c in fg.changes_from_store(s, first_reported=True, min_certainty=None)],
        "since": [c.to_dict() for c in fg.changes_from_store(s, since=D(2016, 8, 1))],
        "timeline": [i.to_dict() for i in fg.timeline(s, "al-a")],
        "spells": sorted(spells(s, GraphOptions(), D(2017, 1, 1)).items()),
    }


def test_duckdb_results(tmp_path: Path) -> None:
    with Store.open(tmp_path / "fg.duckdb") as s:
        s.write_batch(corpus())
        got = snapshot(s)
    assert got["default"]["at"] == "2017-01-01" and got["default"]["undated_statements"] == 1
    ended = [(e["type"], e["source"], e["target"], e["status"], e["strength"], e["documents"])
             for e in got["ended"]["edges"]]  # fmt: skip
    assert ended == [
        ("alliance", "al-a", "al-b", "current", 2.5, 3),  # asserted 1.0 + hedged 0.5 + asserted 1.0
        ("affiliation", "m", "p1", "former", 2.0, 2),
        ("support", "Pat", "al-a", "current", 1.3, 3),  # article 1.0 + comment 0.3 + negated 0.0
        ("affiliation", "m", "p2", "current", 1.0, 1),
        ("hostility", "al-a", "z", "current", 1.0, 1),  # dated by its document's dateline
        ("hostility", "al-a", "al-b", "current", 0.8, 1),
    ]  # fmt: skip
    assert [(c["date"], c["kind"], c["source"], c["target"], c["origin"]) for c in got["changes"]] == [
        ("2016-03-01", "alliance first reported", "al-a", "al-b", "store"),
        ("2016-03-01", "support first reported", "Pat", "al-a", "store"),
        ("2016-03-01", "affiliation first reported", "m", "p1", "store"),
        ("2016-06-01", "allies turned hostile", "al-a", "al-b", "store"),
        ("2016-09-01", "left", "m", "p1", "statement"),
        ("2016-09-01", "joined", "m", "p2", "statement"),
        ("2016-09-01", "alliance broken", "al-a", "al-b", "store"),
        ("2016-10-05", "hostility first reported", "al-a", "z", "store"),
        ("2017-01-01", "alliance formed", "al-a", "al-b", "statement"),
        (None, "alliance formed", "u", "v", "statement"),
    ]  # fmt: skip
    assert dict(got["spells"])[("alliance", "al-a", "al-b")] == [(D(2016, 3, 1), D(2016, 9, 1)), (D(2017, 1, 1), None)]


def test_postgres_gives_the_same_graph_changes_timeline_and_spells(tmp_path: Path, pg_url: str) -> None:
    with Store.open(tmp_path / "fg.duckdb") as s:
        s.write_batch(corpus())
        fg.merge_events(s)
        want = snapshot(s)
    with Store.open(pg_url) as s:
        s.write_batch(corpus())
        fg.merge_events(s)
        got = snapshot(s)
    for key in want:
        assert got[key] == want[key], key
