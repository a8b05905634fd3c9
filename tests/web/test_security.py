"""The web app's guards (FastAPI's TestClient): the Host allow-list against DNS rebinding, and
text that is no valid Unicode refused with a 4xx instead of failing in the store."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from .conftest import LOCAL, build_store, sample_documents


@pytest.mark.parametrize("host", ["localhost", "localhost:8000", "127.0.0.1:8000", "[::1]:8000", "LOCALHOST"])
def test_loopback_host_names_are_served(client: Any, host: str) -> None:
    r = client.get("/api/overview", headers={"Host": host})
    assert r.status_code == 200 and r.json()["counts"]["documents"] == 4


@pytest.mark.parametrize("host", ["evil.example", "evil.example:8000", "localhost.evil.example", "127.0.0.1.nip.io"])
def test_a_foreign_host_header_gets_400_on_pages_api_and_static_files(client: Any, host: str) -> None:
    for path in ("/", "/api/overview", "/api/graph", "/static/app.css", "/no-such-page"):
        r = client.get(path, headers={"Host": host})
        assert r.status_code == 400, (path, r.status_code)
        assert "--allow-host" in r.json()["detail"]
        assert r.headers["x-frame-options"] == "DENY"  # the security headers stay on the refusal


def test_allowed_hosts_come_from_the_caller_with_wildcards(web_db: Path, registry: Any) -> None:
    from fastapi.testclient import TestClient

    from factiongraph.web.app import create_app

    app = create_app(web_db, registry=registry, hosts=["graph.lan:8000", "*.example.org"])
    with TestClient(app, base_url=LOCAL) as c:
        assert c.get("/api/overview", headers={"Host": "graph.lan"}).status_code == 200
        assert c.get("/api/overview", headers={"Host": "a.example.org:9000"}).status_code == 200
        assert c.get("/api/overview", headers={"Host": "example.org"}).status_code == 400
        assert c.get("/api/overview", headers={"Host": "evil.example"}).status_code == 400
        assert c.get("/api/overview").status_code == 200  # loopback names stay allowed
    app.state.fg.store.close()
    anyhost = create_app(web_db, registry=registry, hosts=["*"])
    with TestClient(anyhost, base_url="http://evil.example") as c:
        assert c.get("/api/overview").status_code == 200
    anyhost.state.fg.store.close()


def test_host_names_are_compared_without_port_brackets_or_case() -> None:
    from factiongraph.web.app import allowed_hosts, host_allowed, host_name

    assert [host_name(h) for h in ("[::1]:8000", "LocalHost:80", "example.org.", "::1", "10.0.0.5")] == [
        "::1", "localhost", "example.org", "::1", "10.0.0.5"]  # fmt: skip
    hosts = allowed_hosts(["Graph.LAN:8000"])
    assert hosts == frozenset({"localhost", "127.0.0.1", "::1", "graph.lan"})
    assert host_allowed("graph.lan:1", hosts) and not host_allowed(None, hosts) and not host_allowed("", hosts)


class TestUndecodableText:
    TOKEN = "surrogate-token"

    @pytest.fixture()
    def writable(self, tmp_path: Path, registry: Any, pipeline: Any) -> Any:
        from fastapi.testclient import TestClient

        from factiongraph.web.app import create_app

        db = build_store(tmp_path / "u.duckdb", sample_documents()[:1])
        app = create_app(db, token=self.TOKEN, registry=registry, pipeline=pipeline)
        with TestClient(app, base_url=LOCAL, raise_server_exceptions=False) as c:
            yield c
        app.state.fg.store.close()

    def test_a_lone_surrogate_gets_422_and_stores_nothing(self, writable: Any) -> None:
        auth = {"Authorization": f"Bearer {self.TOKEN}", "Content-Type": "application/json"}
        bodies = {  # JSON allows the escape of half a surrogate pair; UTF-8 has no such character
            "text": r'{"id": "s1", "text": "Rebels shelled the town \ud800 at dawn."}',
            "title": r'{"id": "s2", "text": "Rebels shelled the town at dawn.", "title": "Bad \udfff title"}',
            "id": r'{"id": "doc-\ud83d", "text": "Rebels shelled the town at dawn."}',
        }
        for field, body in bodies.items():
            r = writable.post("/api/documents", content=body.encode(), headers=auth)
            assert r.status_code == 422, (field, r.status_code, r.text)
            assert f"'{field}' is not valid Unicode text" in r.json()["detail"]
        assert writable.get("/api/overview").json()["counts"]["documents"] == 1

    def test_bytes_that_are_not_utf8_get_400(self, writable: Any) -> None:
        auth = {"Authorization": f"Bearer {self.TOKEN}", "Content-Type": "application/json"}
        r = writable.post("/api/documents", content=b'{"id": "x", "text": "caf\xe9 bombed"}', headers=auth)
        assert r.status_code == 400 and r.json() == {"detail": "the body is not JSON"}
