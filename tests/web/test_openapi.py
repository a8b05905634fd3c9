"""web.models: every JSON twin has a typed response in /openapi.json, and responses keep their queries' keys."""

from __future__ import annotations

from typing import Any

import pytest

from factiongraph.store import Store
from factiongraph.web import corrections as fix
from factiongraph.web import models as m
from factiongraph.web import queries as q

from .conftest import doc_hash, sample_documents

H = {c["document"]["id"]: doc_hash(c) for c in sample_documents()}


@pytest.fixture(scope="module")
def openapi(client: Any) -> dict[str, Any]:
    return client.get("/openapi.json").json()


def _response_schema(openapi: dict[str, Any], path: str, method: str) -> dict[str, Any]:
    op = openapi["paths"][path][method]
    code = "201" if method == "post" else "200"
    return op["responses"][code]["content"]["application/json"]["schema"]


def test_every_api_route_has_a_named_response_type(openapi: dict[str, Any]) -> None:
    found = {}
    for path, ops in openapi["paths"].items():
        for method in ops:
            schema = _response_schema(openapi, path, method)
            found[(method, path)] = (schema.get("$ref") or schema["items"]["$ref"]).rsplit("/", 1)[-1]
    assert found == {
        ("get", "/api/overview"): "Overview", ("get", "/api/graph"): "Graph",
        ("get", "/api/changes"): "LatestChange", ("get", "/api/map"): "Map",
        ("get", "/api/actors"): "ActorListItem", ("get", "/api/actors/{actor_id}"): "ActorDetail",
        ("get", "/api/events/{doc_hash}/{event_id}"): "EventDetail",
        ("get", "/api/relations/{doc_hash}/{idx}"): "RelationDetail",
        ("get", "/api/documents/{doc_hash}"): "DocumentDetail", ("post", "/api/documents"): "IngestResult",
        ("get", "/api/corrections"): "Correction", ("post", "/api/corrections"): "CorrectionsMade",
        ("get", "/api/contradictions"): "Contradiction",
    }  # fmt: skip


def test_schemas_carry_the_vocabularies_and_store_columns(openapi: dict[str, Any]) -> None:
    schemas = openapi["components"]["schemas"]
    edge = schemas["GraphEdge"]["properties"]
    assert edge["type"]["enum"] == ["alliance", "hostility", "support", "affiliation"]
    assert edge["sign"]["enum"] == [-1, 0, 1]
    assert schemas["LatestChange"]["properties"]["certainty"]["enum"][0] == "asserted"
    report = schemas["EventReport"]["properties"]
    wanted = {"plover", "acled_event_type", "evidence_start", "evidence_text", "lat", "context", "document"}
    assert wanted <= set(report)
    assert report["lat"]["anyOf"] == [{"type": "number"}, {"type": "null"}]


@pytest.mark.parametrize(("url", "query", "args"), [
    ("/api/overview", q.overview, ()),
    ("/api/graph", q.graph, ()),
    ("/api/map", q.map_events, ()),
    ("/api/actors", q.actor_list, ()),
    ("/api/documents/{h}", q.document_detail, ("aleppo-1",)),
    ("/api/relations/{h}/0", lambda s, h, i: fix.annotate_relation(s, h, i, q.relation_detail(s, h, i)),
     ("aleppo-1", 0)),
    ("/api/events/{h}/e1", lambda s, h, e: fix.annotate_event(s, h, e, q.event_detail(s, h, e)), ("aleppo-1", "e1")),
])  # fmt: skip
def test_typed_responses_keep_exactly_the_keys_of_their_query(
    client: Any, web_db: Any, url: str, query: Any, args: tuple[Any, ...]
) -> None:
    got = client.get(url.format(h=H["aleppo-1"])).json()
    with Store.open(web_db, read_only=True) as s:
        call = (H[args[0]], *args[1:]) if args else ()
        want = query(s, *call)

    def keys(x: Any) -> Any:
        if isinstance(x, dict):
            return {k: keys(v) for k, v in x.items()}
        if isinstance(x, list):
            return [keys(v) for v in x]
        return None

    assert keys(got) == keys(want)


def test_actor_detail_validates_against_its_model(client: Any) -> None:
    d = client.get("/api/actors/jabhat-al-nusra").json()
    parsed = m.ActorDetail.model_validate(d)
    assert parsed.actor.id == "jabhat-al-nusra" and parsed.event_count == 2
    assert {e.type for e in parsed.edges} <= {"alliance", "hostility", "support", "affiliation"}


def test_ingest_request_body_is_described(openapi: dict[str, Any]) -> None:
    body = openapi["paths"]["/api/documents"]["post"]["requestBody"]["content"]["application/json"]["schema"]
    assert body["required"] == ["id", "text"] and set(body["properties"]) == {"id", "text", "title", "url", "published"}
