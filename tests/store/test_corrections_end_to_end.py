"""The correction flow end to end on the example reports, with the real pipeline and the command line:
a rejected tie leaves `graph`, `changes` and every export, stays rejected when the same documents are
ingested again (skipped, or re-extracted after their rows were removed), and its page shows it as
rejected by the analyst."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_rejected_tie_stays_out_of_every_view_across_reingest(tmp_path: Path, pipeline: Any) -> None:
    from typer.testing import CliRunner

    from factiongraph import graph as fg
    from factiongraph.cli import app
    from factiongraph.export import write_parquet
    from factiongraph.store import Store, ingest_paths
    from factiongraph.store.corrections import rejected_row

    db = str(tmp_path / "fg.duckdb")
    with Store.open(db) as s:
        ingest_paths(s, [str(ROOT / "examples")], pipeline)
        # a tie the changes report, so that its rejection shows in graph, changes and exports alike
        change = next(c for c in fg.changes_from_store(s) if c.origin == "statement")
        tie = (change.evidence.type, change.evidence.source, change.evidence.target)
        ref = f"{change.evidence.doc_hash}/{change.evidence.index}"
    run = CliRunner()

    def views() -> dict[str, Any]:
        graph = json.loads(run.invoke(app, ["graph", "--format", "json", "--include-ended", "--db", db]).stdout)
        changes = json.loads(run.invoke(app, ["changes", "--format", "json", "--db", db]).stdout)
        out: dict[str, Any] = {
            "graph": {(e["type"], *sorted((e["source"], e["target"]))) for e in graph["edges"]},
            "changes": {(c["type"], *sorted((c["source"], c["target"]))) for c in changes},
        }
        for fmt in ("graphml", "gexf"):
            out[fmt] = run.invoke(app, ["export", "--format", fmt, "--db", db]).stdout
        return out

    key = (tie[0], *sorted(tie[1:]))
    edge_ids = {f"{tie[0]}:{a}:{b}" for a, b in ((tie[1], tie[2]), (tie[2], tie[1]))}
    before = views()
    assert key in before["graph"] and key in before["changes"]
    assert any(i in before["graphml"] for i in edge_ids)

    done = run.invoke(app, ["correct", "reject", "relation", ref, "--whole-tie", "--why", "misattributed",
                            "--db", db])  # fmt: skip
    assert done.exit_code == 0, done.output

    def absent() -> None:
        after = views()
        assert key not in after["graph"] and key not in after["changes"]
        assert not any(i in after[fmt] for i in edge_ids for fmt in ("graphml", "gexf"))
        with Store.open(db, read_only=True) as s:
            pair = "((source = ? AND target = ?) OR (source = ? AND target = ?))"
            assert s.scalar(f"SELECT COUNT(*) FROM relations WHERE type = ? AND {pair}",
                            [tie[0], tie[1], tie[2], tie[2], tie[1]]) == 0  # fmt: skip
            write_parquet(s, tmp_path / "pq")  # the Parquet export holds the relations table as corrected

    absent()
    again = run.invoke(app, ["ingest", str(ROOT / "examples"), "--db", db])
    assert again.exit_code == 0, again.output
    absent()
    # the documents' rows removed and the same documents extracted and stored again
    with Store.open(db) as s:
        for t in ("relations", "events", "mentions", "places"):
            s.execute(f"DELETE FROM {t}")
        s.execute("DELETE FROM documents")
        ingest_paths(s, [str(ROOT / "examples")], pipeline)
        assert s.scalar("SELECT COUNT(*) FROM corrections") >= 1
        assert rejected_row(s, "relation", *ref.split("/")) is not None
    absent()

    TestClient = pytest.importorskip("fastapi.testclient").TestClient

    from factiongraph.web.app import create_app

    web = create_app(db)
    with TestClient(web, base_url="http://localhost") as c:
        page = c.get(f"/relations/{ref}")
        assert page.status_code == 200 and "Rejected by the analyst" in page.text and "misattributed" in page.text
    web.state.fg.store.close()
