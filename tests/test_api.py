"""api: factiongraph.open(db) - events, relations, actors and changes as DataFrames, the graph as networkx,
events as a GeoDataFrame; the command line's filters and defaults."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import factiongraph
from factiongraph import graph as fg
from factiongraph.cli import app
from factiongraph.store import Store
from factiongraph.store.core import StoreError

pd = pytest.importorskip("pandas")

ACTORS = {  # id: (kind, ACLED inter, ISO-3 country)
    "alpha": ("rebel", 2, "SYR"), "beta": ("militia", 3, "SYR"), "gamma": ("state", 1, "IRQ"),
    "civ": ("civilians", 7, None),
}  # fmt: skip


def _span(text: str) -> dict[str, Any]:
    return {"start": 0, "end": len(text), "text": text}


def _event(eid: str, plover: str, a: str, b: str | None, *, day: str | None, certainty: str = "asserted",
           kind: str = "article", place: tuple[str, float, float, str] | None = None) -> dict[str, Any]:
    loc = None if place is None else {"name": place[0], "start": 0, "end": 5, "geonameid": None, "lat": place[1],
                                      "lon": place[2], "country": place[3], "admin1": None, "precision": 1}
    return {"id": eid, "plover": plover, "plover_mode": None, "acled_event_type": None, "acled_sub_event_type": None,
            "actor1": a, "actor2": b, "actor1_mention": None, "actor2_mention": None, "location": loc,
            "date": {"start": day, "end": day, "precision": "day", "text": day} if day else None, "fatalities": 3,
            "certainty": certainty, "source_kind": kind, "attributed_to": None, "trigger": _span("hit"),
            "evidence": _span(f"{a} hit {b}"), "confidence": 0.9}  # fmt: skip


def _rel(typ: str, a: str, b: str, *, certainty: str = "asserted", status: str = "current", change: str | None = None,
         confidence: float = 0.9, derived_from: str | None = None) -> dict[str, Any]:
    return {"type": typ, "source": a, "target": b, "source_mention": None, "target_mention": None, "status": status,
            "change": change, "certainty": certainty, "source_kind": "article", "evidence": _span(f"{a} {typ} {b}"),
            "derived_from": derived_from, "confidence": confidence}  # fmt: skip


def _doc(doc_id: str, published: str, events: list[dict[str, Any]], relations: list[dict[str, Any]]) -> Any:
    used = {x for e in events for x in (e["actor1"], e["actor2"]) if x} | {
        x for r in relations for x in (r["source"], r["target"])}
    actors = [{"id": a, "name": a.title(), "kind": ACTORS[a][0], "acled_inter": ACTORS[a][1],
               "country": ACTORS[a][2], "registry_id": None, "known": False, "mentions": []} for a in sorted(used)]
    return (f"hash-{doc_id}", {
        "schema": "factiongraph.document/1",
        "document": {"id": doc_id, "title": f"Report {doc_id}", "url": f"https://example.org/{doc_id}",
                     "published": published, "language": "en", "text": doc_id, "sections": []},
        "actors": actors, "events": events, "relations": relations, "places": []})  # fmt: skip


def _documents() -> list[Any]:
    return [
        _doc("d1", "2019-03-02",
             [_event("e1", "ASSAULT", "alpha", "gamma", day="2019-03-01", place=("Mosul", 36.34, 43.13, "IQ")),
              _event("e2", "ASSAULT", "beta", "civ", day="2019-03-02", certainty="hedged", kind="comment",
                     place=("Raqqa", 35.95, 39.01, "SY"))],
             [_rel("alliance", "alpha", "beta"),
              _rel("hostility", "alpha", "gamma", confidence=0.85, derived_from="e1"),
              _rel("support", "gamma", "beta", certainty="speculative", confidence=0.8),
              _rel("affiliation", "beta", "alpha", confidence=0.3)]),
        _doc("d2", "2019-06-10", [_event("e1", "COERCE", "gamma", "alpha", day=None)],
             [_rel("alliance", "alpha", "beta", status="former", change="broken")]),
    ]  # fmt: skip


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("api") / "fg.duckdb"
    with Store.open(path) as s:
        s.write_batch(_documents())
    return path


@pytest.fixture
def fgs(db: Path):
    with factiongraph.open(db) as a:
        yield a


def test_open_is_exported_and_the_store_is_read_only(db: Path) -> None:
    with factiongraph.open(str(db)) as a:
        assert isinstance(a, factiongraph.Analysis) and a.store.read_only
        with pytest.raises(Exception, match="read-only"):
            a.store.execute("DELETE FROM relations")
    with factiongraph.open(db) as a:
        assert len(a.relations(min_confidence=0, min_certainty=None)) == 5


def test_open_without_a_store_is_a_store_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no store at"):
        factiongraph.open(tmp_path / "none.duckdb")
    assert not (tmp_path / "none.duckdb").exists()


def test_open_without_argument_reads_factiongraph_db(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FACTIONGRAPH_DB", str(db))
    with factiongraph.open() as a:
        assert a.store.target == str(db)


def test_events_are_rows_with_their_evidence_and_document(fgs: Any) -> None:
    ev = fgs.events()
    assert list(ev[["doc_id", "event_id", "plover", "actor1", "actor2"]].itertuples(index=False, name=None)) == [
        ("d1", "e1", "ASSAULT", "alpha", "gamma"), ("d2", "e1", "COERCE", "gamma", "alpha")]
    first = ev.iloc[0]
    assert (first["evidence_text"], first["doc_url"], first["location_name"]) == (
        "alpha hit gamma", "https://example.org/d1", "Mosul")
    assert first["date_start"] == pd.Timestamp("2019-03-01") and pd.isna(ev.iloc[1]["date_start"])
    assert str(ev["date_start"].dtype).startswith("datetime64") and str(ev["fatalities"].dtype) == "Int64"


def test_events_leave_out_comments_and_weak_certainty_by_default(fgs: Any) -> None:
    assert list(fgs.events()["event_id"]) == ["e1", "e1"]
    every = fgs.events(include_comments=True, min_certainty="hedged")
    assert list(every["actor1"]) == ["alpha", "beta", "gamma"]
    assert list(fgs.events(include_comments=True, min_certainty="asserted")["actor1"]) == ["alpha", "gamma"]


def test_events_by_date_actor_and_country(fgs: Any) -> None:
    assert list(fgs.events(since="2019-03-01", until="2019-03-01")["plover"]) == ["ASSAULT"]
    assert fgs.events(since="2019-04-01").empty and "evidence_text" in fgs.events(since="2019-04-01").columns
    assert list(fgs.events(actor="Gamma")["doc_id"]) == ["d1", "d2"]  # a name, any case
    iq, irq = fgs.events(country="IQ"), fgs.events(country="irq")
    assert list(iq["doc_id"]) == list(irq["doc_id"]) == ["d1", "d2"]
    assert list(fgs.events(country="SY", include_comments=True)["actor1"]) == ["alpha", "beta", "gamma"]


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"country": "XQ"}, "'XQ' is no ISO 3166-1 country code"),
    ({"min_certainty": "sure"}, "min_certainty: 'sure' is not one of asserted, reported, hedged"),
    ({"actor": "omega"}, "actor: no actor 'omega' in the store"),
    ({"since": "March"}, "since: 'March' is not a date (YYYY-MM-DD)"),
    ({"conflict": "atlantis"}, "no conflict 'atlantis' in the actor registry"),
])  # fmt: skip
def test_unknown_filter_values_raise_value_errors_naming_them(fgs: Any, kwargs: dict[str, str], message: str) -> None:
    with pytest.raises(ValueError, match=message.replace("(", r"\(").replace(")", r"\)")):
        fgs.events(**kwargs)


def test_relations_keep_the_confidence_threshold_and_certainty_default(fgs: Any) -> None:
    rel = fgs.relations()
    assert list(rel[["type", "source", "target", "status"]].itertuples(index=False, name=None)) == [
        ("alliance", "alpha", "beta", "current"), ("hostility", "alpha", "gamma", "current"),
        ("alliance", "alpha", "beta", "former")]
    assert rel["change"].isna().tolist() == [True, True, False] and rel["change"].iloc[2] == "broken"
    assert list(rel["day"]) == [pd.Timestamp("2019-03-02")] * 2 + [pd.Timestamp("2019-06-10")]
    every = fgs.relations(min_confidence=0, min_certainty=None)
    assert sorted(every["type"]) == ["affiliation", "alliance", "alliance", "hostility", "support"]
    assert list(fgs.relations(country="IQ")["type"]) == ["hostility"]


def test_actors_by_country_and_kind_with_counts(fgs: Any) -> None:
    a = fgs.actors()
    assert list(a["id"]) == ["alpha", "beta", "civ", "gamma"]
    assert a.set_index("id").loc["gamma", ["events", "relations"]].tolist() == [2, 2]
    assert list(fgs.actors(country="SY")["id"]) == list(fgs.actors(country="SYR")["id"]) == ["alpha", "beta"]
    assert list(fgs.actors(kind="state")["id"]) == ["gamma"]
    with pytest.raises(ValueError, match="kind: 'rebels' is not one of state, foreign_state"):
        fgs.actors(kind="rebels")


def test_changes_are_the_cli_changes(fgs: Any, db: Path) -> None:
    ch = fgs.changes()
    assert list(ch[["date", "kind", "source", "target", "doc_id", "previous_doc_id"]].itertuples(
        index=False, name=None)) == [(pd.Timestamp("2019-06-10"), "alliance broken", "alpha", "beta", "d2", "d1")]
    cli = json.loads(CliRunner().invoke(app, ["changes", "--db", str(db), "-f", "json"]).stdout)
    assert [(c["kind"], c["source"], c["target"]) for c in cli] == [("alliance broken", "alpha", "beta")]
    assert fgs.changes(since="2019-07-01").empty and list(fgs.changes(since="2019-07-01").columns)[:2] == [
        "date", "kind"]


def test_graph_is_a_networkx_multigraph_of_the_ties_in_force(fgs: Any) -> None:
    nx = pytest.importorskip("networkx")
    g = fgs.graph(at="2019-03-31")
    assert isinstance(g, nx.MultiGraph) and g.graph["at"].isoformat() == "2019-03-31"
    assert sorted(g.nodes) == ["alpha", "beta", "gamma"]
    assert g.nodes["gamma"] == {"name": "Gamma", "kind": "state", "country": "IRQ", "acled_inter": 1}
    ties = {(d["type"], d["source"], d["target"]): d for _, _, d in g.edges(data=True)}
    assert set(ties) == {("alliance", "alpha", "beta"), ("hostility", "alpha", "gamma")}
    hostile = ties[("hostility", "alpha", "gamma")]
    assert (hostile["sign"], hostile["directed"], hostile["status"], hostile["documents"]) == (-1, False, "current", 1)
    assert hostile["evidence"][0]["text"] == "alpha hostility gamma"
    later = fgs.graph(at="2019-07-01", include_ended=True)
    (alliance,) = [d for _, _, d in later.edges(data=True) if d["type"] == "alliance"]
    assert (alliance["status"], alliance["sign"], alliance["ended_on"].isoformat()) == ("former", 0, "2019-06-10")
    assert fgs.graph(at="2019-03-31", min_certainty="speculative").number_of_edges() == 3


def test_graph_has_the_edges_of_the_graph_command(fgs: Any, db: Path) -> None:
    cli = json.loads(CliRunner().invoke(app, ["graph", "--db", str(db), "-f", "json", "--include-ended"]).stdout)
    g = fgs.graph(include_ended=True)
    assert g.graph["at"].isoformat() == cli["at"]
    assert sorted((d["type"], d["source"], d["target"], round(d["strength"], 4)) for _, _, d in g.edges(data=True)) == \
        sorted((e["type"], e["source"], e["target"], e["strength"]) for e in cli["edges"])


def test_geo_gives_located_events_as_points(fgs: Any) -> None:
    pytest.importorskip("geopandas")
    gdf = fgs.geo(include_comments=True)
    assert gdf.crs.to_epsg() == 4326 and list(gdf["location_name"]) == ["Mosul", "Raqqa"]
    assert [(p.x, p.y) for p in gdf.geometry] == [(43.13, 36.34), (39.01, 35.95)]


def test_shared_defaults_are_the_apis(fgs: Any) -> None:
    import inspect

    for method in ("events", "relations", "changes", "graph"):
        params = inspect.signature(getattr(fgs, method)).parameters
        assert params["min_certainty"].default == fg.DEFAULT_MIN_CERTAINTY
        assert params["include_comments"].default is fg.DEFAULT_INCLUDE_COMMENTS


def test_postgres_store_gives_the_same_frames_and_graph_read_only(fgs: Any, pg_url: str) -> None:
    with Store.open(pg_url) as s:
        s.write_batch(_documents())
    with factiongraph.open(pg_url) as pg:
        for method in ("events", "relations", "actors", "changes"):
            want, got = getattr(fgs, method)(), getattr(pg, method)()
            assert list(got.columns) == list(want.columns), method
            assert got.astype(str).values.tolist() == want.astype(str).values.tolist(), method
        g = pg.graph(at="2019-03-31")
        assert sorted((d["type"], d["source"], d["target"]) for _, _, d in g.edges(data=True)) == [
            ("alliance", "alpha", "beta"), ("hostility", "alpha", "gamma")]
        with pytest.raises(Exception, match="read-only"):
            pg.store.execute("DELETE FROM relations")
