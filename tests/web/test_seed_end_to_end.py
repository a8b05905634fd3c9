"""The issue's acceptance path: ingest examples/ and the seed report with the real pipeline, then the
web app shows the seed's actors and the Nusra–Fastaqim break, and the evidence page highlights it."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest

from .conftest import LOCAL

ROOT = Path(__file__).resolve().parents[2]
NUSRA = {"jabhat-al-nusra", "jabhat-fateh-al-sham"}  # the seed has no date: either name of the lineage


@pytest.fixture(scope="module")
def seed_client(tmp_path_factory: pytest.TempPathFactory, shared_dir: Path, pipeline: Any, registry: Any):
    from fastapi.testclient import TestClient

    from factiongraph.store import Store, ingest_paths
    from factiongraph.web.app import create_app

    db = tmp_path_factory.mktemp("seed-web") / "fg.duckdb"
    with Store.open(db) as store:
        ingest_paths(store, [str(ROOT / "examples")], pipeline)
        # the seed report carries no date: undated, its ties would stay out of the graph at a date
        ingest_paths(store, [str(shared_dir / "data" / "seed")], pipeline, published=dt.date(2016, 11, 20))
    app = create_app(db, registry=registry)
    with TestClient(app, base_url=LOCAL, raise_server_exceptions=False) as c:
        yield c
    app.state.fg.store.close()


def test_graph_page_shows_the_seed_actors_and_the_nusra_fastaqim_break(seed_client: Any) -> None:
    graph = seed_client.get("/api/graph", params={"show_ended": "true"}).json()
    nodes = {n["id"] for n in graph["nodes"]}
    assert "fastaqim-kama-umirt" in nodes and nodes & NUSRA
    assert {"free-syrian-army", "al-qaeda", "syria"} <= nodes  # ties the article itself states
    ties = {(e["type"], e["sign"]) for e in graph["edges"] if {e["source"], e["target"]} & {"fastaqim-kama-umirt"}
            and {e["source"], e["target"]} & NUSRA}  # fmt: skip
    assert ("hostility", -1) in ties
    assert ("alliance", 0) in ties  # the ended alliance, drawn apart from current ties
    changes = seed_client.get("/api/changes").json()
    pair = [{c["source"], c["target"]} for c in changes if c["kind"] == "alliance broken"]
    assert any("fastaqim-kama-umirt" in p and p & NUSRA for p in pair), changes
    assert seed_client.get("/graph").status_code == 200


def test_evidence_page_highlights_the_sentence_of_the_break(seed_client: Any) -> None:
    changes = seed_client.get("/api/changes").json()
    broken = next(c for c in changes if c["kind"] == "alliance broken" and "fastaqim-kama-umirt" in
                  {c["source"], c["target"]})  # fmt: skip
    rel = broken["relation"]
    page = seed_client.get(f"/relations/{rel['doc_hash']}/{rel['idx']}")
    assert page.status_code == 200
    marked = "".join(re.findall(r'<mark class="evidence[^"]*">(.*?)</mark>', page.text, flags=re.S))
    assert all(part in marked for part in ("another faction", "used to be allied"))  # the break sentence
