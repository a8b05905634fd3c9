"""The web API and pages over a small hand-written store (FastAPI's TestClient; no browser)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from .conftest import LOCAL, XSS_NAME, XSS_SCRIPT, XSS_TITLE, build_store, contract, doc_hash, sample_documents

DOCS = sample_documents()
H = {c["document"]["id"]: doc_hash(c) for c in DOCS}


def test_overview_counts_changes_and_active_actors(client: Any) -> None:
    d = client.get("/api/overview").json()
    assert d["counts"]["documents"] == 4
    assert d["counts"]["events"] == 5
    assert d["counts"]["relations"] == 7
    kinds = {(c["kind"], c["source"], c["target"]) for c in d["latest_changes"]}
    assert ("alliance broken", "fastaqim-kama-umirt", "jabhat-al-nusra") in kinds
    assert not any(k == "alliance formed" for k, _, _ in kinds)  # a first report is no formation
    assert d["latest_changes"][0]["date"] >= d["latest_changes"][-1]["date"]  # newest first
    assert d["most_active_actors"][0]["actor"] == "jabhat-al-nusra"
    page = client.get("/")
    assert page.status_code == 200 and "Latest changes" in page.text and "Jabhat al-Nusra" in page.text


def test_graph_at_a_date_is_signed_and_filtered(client: Any) -> None:
    early = client.get("/api/graph", params={"date": "2016-10-10"}).json()
    pairs = {(e["type"], e["source"], e["target"]): e for e in early["edges"]}
    ally = pairs[("alliance", "fastaqim-kama-umirt", "jabhat-al-nusra")]
    assert ally["sign"] == 1 and ally["width"] > 0
    assert ("hostility", "fastaqim-kama-umirt", "jabhat-al-nusra") not in pairs  # not yet
    late = client.get("/api/graph", params={"date": "2016-11-25"}).json()
    pairs = {(e["type"], e["source"], e["target"]): e for e in late["edges"]}
    assert pairs[("hostility", "fastaqim-kama-umirt", "jabhat-al-nusra")]["sign"] == -1
    assert ("alliance", "fastaqim-kama-umirt", "jabhat-al-nusra") not in pairs  # ended: hidden by default
    ended = client.get("/api/graph", params={"date": "2016-11-25", "show_ended": "true"}).json()
    assert any(e["type"] == "alliance" and e["sign"] == 0 for e in ended["edges"])
    assert late["range"] == {"first": "2016-10-02", "last": "2017-01-29"}
    assert "SYR" in late["choices"]["country"]


def test_graph_leaves_out_reader_comments_unless_asked(client: Any) -> None:
    default = client.get("/api/graph").json()
    assert not any(e["type"] == "support" for e in default["edges"])  # said in a comment only
    assert default["filters"]["source_kind"] == ["article"]
    both = client.get("/api/graph", params=[("source_kind", "article"), ("source_kind", "comment")]).json()
    assert any(e["type"] == "support" and e["source"] == "turkey" for e in both["edges"])


def test_graph_certainty_and_country_filters(client: Any) -> None:
    only_reported = client.get("/api/graph", params={"certainty": "reported"}).json()
    assert only_reported["edges"] == []
    tur = client.get("/api/graph", params=[("country", "TUR"), ("source_kind", "comment")]).json()
    assert {e["source"] for e in tur["edges"]} == {"turkey"}
    assert client.get("/api/graph", params={"date": "20-1-1"}).status_code == 422


def test_graph_and_changes_take_actor_and_conflict_scopes(client: Any) -> None:
    syria = client.get("/api/graph", params={"conflict": "syria", "show_ended": "true"}).json()
    assert syria["filters"]["conflict"] == "syria" and syria["at"] == "2017-01-29"
    ahrar = client.get("/api/graph", params={"actor": "ahrar-al-sham"}).json()
    assert [(e["type"], e["source"], e["target"]) for e in ahrar["edges"]] == [
        ("hostility", "ahrar-al-sham", "jaysh-al-islam")
    ]
    assert ahrar["at"] == "2017-01-29" and ahrar["edges"][0]["documents"] == 1
    assert client.get("/api/graph", params={"conflict": "atlantis"}).status_code == 422
    nusra = client.get("/api/changes", params={"actor": "fastaqim-kama-umirt"}).json()
    assert [(c["date"], c["kind"], c["origin"]) for c in nusra] == [("2016-11-20", "alliance broken", "store")]
    assert client.get("/api/changes", params={"country": "TUR"}).json() == []


def test_undated_reports_stay_out_of_the_graph_and_are_listed_last_as_undated(tmp_path: Path, registry: Any) -> None:
    from fastapi.testclient import TestClient

    from factiongraph.web.app import create_app

    text = "Ahrar al-Sham and Jaysh al-Islam, once partners, have parted ways."
    undated = contract("no-date", None, text, title="Undated note", relations=[
        {"type": "alliance", "source": "ahrar-al-sham", "target": "jaysh-al-islam", "ms": "Ahrar al-Sham",
         "mt": "Jaysh al-Islam", "status": "former", "evidence": text}])  # fmt: skip
    db = build_store(tmp_path / "u.duckdb", [*sample_documents(), undated])
    app = create_app(db, registry=registry)
    with TestClient(app, base_url=LOCAL) as c:
        g = c.get("/api/graph", params={"show_ended": "true"}).json()
        assert g["at"] == "2017-01-29" and g["undated_statements"] == 1  # the default date ignores it
        assert not any(e["type"] == "alliance" and e["source"] == "ahrar-al-sham" for e in g["edges"])
        changes = c.get("/api/changes").json()
        assert [(x["date"], x["kind"], x["document"]) for x in changes] == [
            ("2016-11-20", "alliance broken", "aleppo-2"), (None, "alliance broken", "no-date")
        ]  # dated first, then undated; never dated by the ingest
        assert "undated" in c.get("/").text
    app.state.fg.store.close()


def test_map_events_by_date_and_actor(client: Any) -> None:
    d = client.get("/api/map").json()
    assert d["total"] == 4  # the evil brigade's event is in a reader comment
    assert all(e["lat"] is not None for e in d["events"])
    assert d["events"][0]["date_start"] == "2017-01-29"  # newest first
    assert "Battles" in d["types"]
    assert client.get("/api/map", params={"end": "2016-10-31"}).json()["total"] == 1
    assert client.get("/api/map", params={"start": "2016-11-01", "end": "2016-12-31"}).json()["total"] == 2
    by = client.get("/api/map", params={"actor": "ahrar-al-sham"}).json()
    assert [e["actor1"] for e in by["events"]] == ["ahrar-al-sham"]
    assert client.get("/map").status_code == 200


def test_actor_profile_relations_events_reports(client: Any) -> None:
    d = client.get("/api/actors/jabhat-al-nusra").json()
    assert d["actor"]["name"] == "Jabhat al-Nusra"
    assert d["registry"]["id"] == "jabhat-al-nusra"  # the registry profile
    assert [x["id"] for x in d["lineage"]][:1] == ["jabhat-al-nusra"]
    dates = [t["date"] for t in d["relations_over_time"]]
    assert dates == sorted(dates) and len(dates) == 4
    assert {e["event_id"] for e in d["events"]} == {"e1"} and d["event_count"] == 2
    assert {r["id"] for r in d["reports"]} == {"aleppo-1", "aleppo-2"}
    page = client.get("/actors/jabhat-al-nusra")
    assert page.status_code == 200 and "Registry profile" in page.text and "Nusra turns on Fastaqim" in page.text
    assert client.get("/api/actors/no-such-actor").status_code == 404
    assert client.get("/actors/no-such-actor").status_code == 404
    assert "no such actor" in client.get("/actors/no-such-actor").text


def test_event_page_highlights_the_evidence_span(client: Any) -> None:
    h = H["aleppo-2"]
    d = client.get(f"/api/events/{h}/e1").json()
    assert d["event"]["plover"] == "ASSAULT" and d["event"]["fatalities"] == 5
    ctx = d["reports"][0]["context"]
    assert ctx["span_ok"]
    marked = "".join(s["text"] for s in ctx["segments"] if s["mark"])
    assert marked == "Nusra attacked Fastaqim positions in Aleppo on Sunday, killing five."
    assert {"text": "attacked", "mark": "trigger"} in ctx["segments"]
    page = client.get(f"/events/{h}/e1").text
    assert '<mark class="evidence trigger">attacked</mark>' in page
    assert client.get(f"/api/events/{h}/e99").status_code == 404


def test_event_merges_reports_of_the_same_event(tmp_path: Path, registry: Any) -> None:
    from fastapi.testclient import TestClient

    from factiongraph.web.app import create_app

    docs = sample_documents()
    again = json.loads(json.dumps(docs[1]))
    again["document"]["id"] = "aleppo-2-copy"
    again["document"]["title"] = "Second report of the Aleppo attack"
    db = build_store(tmp_path / "m.duckdb", [*docs, again])
    app = create_app(db, registry=registry)
    with TestClient(app, base_url=LOCAL) as c:
        d = c.get(f"/api/events/{H['aleppo-2']}/e1").json()
        assert d["merged_event_id"] and len(d["reports"]) == 2
        assert {r["document"]["id"] for r in d["reports"]} == {"aleppo-2", "aleppo-2-copy"}
        rel = c.get(f"/api/relations/{H['aleppo-2']}/0").json()
        assert len(rel["reports"]) == 2
    app.state.fg.store.close()


def test_relation_page_lists_every_report_of_the_tie(client: Any) -> None:
    h = H["aleppo-2"]
    d = client.get(f"/api/relations/{h}/1").json()  # the former alliance
    assert d["relation"]["status"] == "former"
    assert {r["document"]["id"] for r in d["reports"]} == {"aleppo-1", "aleppo-2"}
    for r in d["reports"]:
        marked = "".join(s["text"] for s in r["context"]["segments"] if s["mark"])
        assert marked == r["evidence_text"]
    assert client.get(f"/relations/{h}/1").status_code == 200
    assert client.get(f"/api/relations/{h}/notanumber").status_code == 422


def test_document_text_is_escaped_everywhere(client: Any) -> None:
    h = H["idlib-3"]
    pages = ["/", f"/documents/{h}", f"/events/{h}/e1", f"/events/{h}/e2", f"/relations/{h}/0", f"/relations/{h}/1",
             "/actors/evil-brigade", "/actors", "/actors/turkey"]  # fmt: skip
    for url in pages:
        text = client.get(url).text
        assert "<script>window.__xss" not in text, url
        assert "<img src=x" not in text, url
    doc = client.get(f"/documents/{h}").text
    assert "&lt;script&gt;window.__xss=3" in doc
    assert "&lt;img src=x onerror=&#34;window.__xss=1" in doc or "&lt;img src=x onerror=&quot;window.__xss=1" in doc
    assert "Evil &lt;img src=x onerror=window.__xss=2&gt; Brigade" in client.get("/actors/evil-brigade").text
    # the JSON keeps the text as it is: it is data, shown with textContent
    assert client.get(f"/api/documents/{h}").json()["document"]["title"] == XSS_TITLE
    assert XSS_SCRIPT in client.get(f"/api/events/{h}/e1").json()["event"]["evidence_text"]
    assert client.get("/api/actors/evil-brigade").json()["actor"]["name"] == XSS_NAME


def test_security_headers_and_no_cdn(client: Any) -> None:
    r = client.get("/")
    csp = r.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "default-src 'none'" in csp and "unsafe-inline" not in csp
    assert r.headers["x-content-type-options"] == "nosniff"
    assert client.get("/api/overview").headers["content-security-policy"] == csp
    for url in ["/", "/graph", "/map"]:
        assert "http://" not in client.get(url).text.replace("http://www.w3.org/2000/svg", "")
        assert "https://" not in client.get(url).text
    assert client.get("/docs").status_code == 404  # Swagger UI would load from a CDN
    assert client.get("/static/vendor/cytoscape.min.js").status_code == 200
    assert client.get("/static/vendor/countries-110m.json").status_code == 200


def test_openapi_schema_lists_the_api(client: Any) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    for p in ["/api/overview", "/api/graph", "/api/map", "/api/actors/{actor_id}", "/api/events/{doc_hash}/{event_id}",
              "/api/relations/{doc_hash}/{idx}", "/api/documents/{doc_hash}", "/api/changes"]:  # fmt: skip
        assert p in paths
    assert "post" in paths["/api/documents"]


def test_writes_are_off_without_a_token(client: Any) -> None:
    r = client.post("/api/documents", json={"id": "x", "text": "Rebels attacked the army."})
    assert r.status_code == 403
    assert client.get("/api/overview").json()["counts"]["documents"] == 4


def test_errors_never_show_a_stack_trace(web_db: Path, registry: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from fastapi.testclient import TestClient

    from factiongraph.web import queries
    from factiongraph.web.app import create_app

    def boom(*a: object, **k: object) -> None:
        raise RuntimeError("secret internals /etc/passwd")

    monkeypatch.setattr(queries, "overview", boom)
    app = create_app(web_db, registry=registry)
    with TestClient(app, base_url=LOCAL, raise_server_exceptions=False) as c:
        for url in ["/", "/api/overview"]:
            r = c.get(url)
            assert r.status_code == 500
            assert "secret" not in r.text and "Traceback" not in r.text
            assert "content-security-policy" in r.headers
    app.state.fg.store.close()


class TestTokenWrites:
    TOKEN = "s3cret-token"

    @pytest.fixture()
    def writable(self, tmp_path: Path, registry: Any, pipeline: Any) -> Any:
        from fastapi.testclient import TestClient

        from factiongraph.web.app import create_app

        db = build_store(tmp_path / "w.duckdb", sample_documents()[:1])
        app = create_app(db, token=self.TOKEN, registry=registry, pipeline=pipeline, max_body=20_000)
        with TestClient(app, base_url=LOCAL, raise_server_exceptions=False) as c:
            yield c
        app.state.fg.store.close()

    def test_needs_the_bearer_token(self, writable: Any) -> None:
        doc = {"id": "t1", "text": "Ahrar al-Sham fighters attacked Jaysh al-Islam positions in Douma."}
        assert writable.post("/api/documents", json=doc).status_code == 401
        r = writable.post("/api/documents", json=doc, headers={"Authorization": "Bearer wrong"})
        assert r.status_code == 401 and r.headers["www-authenticate"] == "Bearer"
        assert writable.post("/api/documents", json=doc, headers={"Authorization": self.TOKEN}).status_code == 401

    def test_ingests_one_document(self, writable: Any) -> None:
        auth = {"Authorization": f"Bearer {self.TOKEN}"}
        doc = {"id": "t2", "title": "Douma", "published": "2017-01-29",
               "text": "Ahrar al-Sham fighters attacked Jaysh al-Islam positions in Douma on Sunday."}  # fmt: skip
        r = writable.post("/api/documents", json=doc, headers=auth)
        assert r.status_code == 201, r.text
        body = r.json()
        assert body["ingested"] == 1 and body["events"] >= 1
        d = writable.get(f"/api/documents/{body['hash']}").json()
        assert d["document"]["id"] == "t2" and d["events"]
        again = writable.post("/api/documents", json=doc, headers=auth).json()
        assert again["skipped"] == 1 and again["ingested"] == 0
        assert writable.get("/api/overview").json()["counts"]["documents"] == 2

    def test_rejects_bad_and_oversized_bodies(self, writable: Any) -> None:
        auth = {"Authorization": f"Bearer {self.TOKEN}"}
        assert writable.post("/api/documents", content=b"not json", headers=auth).status_code == 400
        assert writable.post("/api/documents", json={"id": "x"}, headers=auth).status_code == 422
        assert writable.post("/api/documents", json=["x"], headers=auth).status_code == 422
        big = {"id": "big", "text": "word " * 10_000}
        r = writable.post("/api/documents", json=big, headers=auth)
        assert r.status_code == 413

        def chunks() -> Any:  # no Content-Length: counted as it streams
            for _ in range(30):
                yield b"x" * 1000

        assert writable.post("/api/documents", content=chunks(), headers=auth).status_code == 413


def test_actor_list_counts_a_sentences_mention_rows_of_one_tie_once(tmp_path: Path) -> None:
    from factiongraph.store import Store
    from factiongraph.web import queries

    text = ("Jaysh al-Islam fighters shelled Syria's army posts and Syria's depots near Douma. "
            "Later Jaysh al-Islam attacked Syria again.")
    first, second = text.split(". ")[0], "Later Jaysh al-Islam attacked Syria again."
    rels = [
        {"type": "hostility", "source": "jaysh-al-islam", "target": "syria", "evidence": first,
         "ms": "Jaysh al-Islam fighters", "mt": "Syria's army posts"},
        {"type": "hostility", "source": "jaysh-al-islam", "target": "syria", "evidence": first,
         "ms": "Jaysh al-Islam fighters", "mt": "Syria's depots"},
        {"type": "hostility", "source": "jaysh-al-islam", "target": "syria", "evidence": second,
         "ms": "Jaysh al-Islam", "mt": "Syria"},
    ]
    db = build_store(tmp_path / "c.duckdb", [contract("douma-x", "2016-05-01", text, relations=rels)])
    with Store.open(db) as store:
        rows = {r["id"]: r for r in queries.actor_list(store)}
    assert rows["jaysh-al-islam"]["relations"] == 2 and rows["syria"]["relations"] == 2


def test_graph_takes_a_tie_type_filter(client: Any) -> None:
    hostile = client.get("/api/graph", params=[("type", "hostility")]).json()
    assert {e["type"] for e in hostile["edges"]} == {"hostility"} and hostile["filters"]["type"] == ["hostility"]
    assert hostile["total_edges"] == len(hostile["edges"]) == 3
    none = client.get("/api/graph", params=[("type", "")]).json()
    assert none["edges"] == [] and none["nodes"] == []
    every = client.get("/api/graph").json()
    assert every["filters"]["type"] == ["alliance", "hostility", "support", "affiliation"]
    assert every["choices"]["type"] == ["alliance", "hostility", "support", "affiliation"]
