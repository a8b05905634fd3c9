"""Exports: ACLED CSV columns and rows, PLOVER JSONL, GraphML/GEXF in networkx, GeoJSON, Parquet."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from factiongraph import graph as fg
from factiongraph.cli import app
from factiongraph.export import ACLED_COLUMNS, export, write_parquet
from factiongraph.store import Store


def _span(text: str) -> dict[str, Any]:
    return {"start": 0, "end": len(text), "text": text}


def _event(a: str, b: str, date: str, place: tuple[str, float, float] | None, **kw: Any) -> dict[str, Any]:
    loc = None if place is None else {"name": place[0], "start": 0, "end": 1, "geonameid": 1, "lat": place[1],
                                      "lon": place[2], "country": "SY", "admin1": "Idlib", "precision": 1}  # fmt: skip
    e = {"plover": "ASSAULT", "plover_mode": "firearms", "acled_event_type": "Battles",
         "acled_sub_event_type": "Armed clash", "actor1": a, "actor2": b, "actor1_mention": _span(a),
         "actor2_mention": _span(b), "location": loc,
         "date": {"start": date, "end": date, "precision": "day", "text": date}, "fatalities": None,
         "certainty": "asserted", "source_kind": "article", "attributed_to": None, "trigger": _span("attacked"),
         "evidence": _span(f"{a} attacked {b}."), "confidence": 0.8}  # fmt: skip
    e.update(kw)
    return e


def _rel(t: str, a: str, b: str, **kw: Any) -> dict[str, Any]:
    r = {"type": t, "source": a, "target": b, "source_mention": None, "target_mention": None, "status": "current",
         "certainty": "asserted", "source_kind": "article", "evidence": _span(f"{a} {t} {b}"), "derived_from": None,
         "confidence": 0.9}  # fmt: skip
    r.update(kw)
    return r


ACTORS = {"nusra": ("Jabhat al-Nusra", "rebel", 2), "ahrar": ("Ahrar al-Sham", "rebel", 2),
          "army": ("Syrian Army", "state", 1), "civ": ("Civilians (Syria)", "civilians", 7),
          "turkey": ("Turkey", "foreign_state", 8)}  # fmt: skip


def _doc(doc_id: str, published: str, events: list[dict[str, Any]], relations: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "schema": "factiongraph.document/1",
        "document": {"id": doc_id, "title": doc_id, "url": f"https://example.org/{doc_id}", "published": published,
                     "language": "en", "text": doc_id, "sections": []},
        "actors": [{"id": k, "name": v[0], "kind": v[1], "acled_inter": v[2], "country": "SYR", "registry_id": k,
                    "known": True, "mentions": []} for k, v in ACTORS.items()],
        "events": [{**e, "id": f"e{i + 1}"} for i, e in enumerate(events)],
        "relations": relations, "places": [],
    }  # fmt: skip


@pytest.fixture
def store(tmp_path: Path):
    with Store.open(tmp_path / "fg.duckdb") as s:
        s.write_batch([
            ("h1", _doc("r1", "2017-01-25", [
                _event("nusra", "ahrar", "2017-01-24", ("Idlib", 35.93, 36.63), fatalities=5),
                _event("army", "civ", "2017-01-24", ("Douma", 33.57, 36.40),
                       acled_event_type="Violence against civilians", acled_sub_event_type="Attack"),
                _event("nusra", "army", "2017-01-24", None, plover="THREATEN", acled_event_type=None,
                       acled_sub_event_type=None, certainty="hypothetical"),
            ], [_rel("hostility", "nusra", "ahrar", derived_from="e1"), _rel("alliance", "ahrar", "nusra",
                                                                             status="former"),
                _rel("support", "turkey", "ahrar"), _rel("support", "turkey", "ahrar", source_kind="comment")])),
            ("h2", _doc("r2", "2017-01-26", [
                _event("ahrar", "nusra", "2017-01-25", ("Saraqib", 35.86, 36.80), fatalities=7, certainty="reported"),
            ], [_rel("hostility", "ahrar", "nusra"), _rel("affiliation", "nusra", "turkey", source_kind="comment")])),
        ])  # fmt: skip
        fg.merge_events(s)
        yield s


def _run(store: Store, fmt: str) -> str:
    buf = io.StringIO()
    export(store, fmt, buf)
    return buf.getvalue()


def _store_edge_count(store: Store) -> int:
    keys = set()
    for r in store.query("SELECT type, source, target FROM relations"):
        a, b = r["source"], r["target"]
        if r["type"] in fg.SYMMETRIC:
            a, b = sorted((a, b))
        keys.add((r["type"], a, b))
    return len(keys)


def test_acled_csv(store: Store) -> None:
    rows = list(csv.DictReader(io.StringIO(_run(store, "acled-csv"))))
    assert tuple(rows[0].keys()) == ACLED_COLUMNS
    assert len(rows) == 2  # the two Idlib reports are one event; the hypothetical threat is not an ACLED event
    battle = next(r for r in rows if r["event_type"] == "Battles")
    assert battle["event_id_cnty"].startswith("SYR") and battle["iso"] == "760" and battle["country"] == "Syria"
    assert (battle["event_date"], battle["year"], battle["time_precision"]) == ("2017-01-24", "2017", "1")
    assert (battle["actor1"], battle["inter1"], battle["interaction"]) == ("Jabhat al-Nusra", "2", "22")
    assert battle["fatalities"] == "7"  # the largest reported
    assert battle["source"] == "example.org: r1 (https://example.org/r1); example.org: r2 (https://example.org/r2)"
    assert "reports=2" in battle["tags"] and battle["region"] == "Middle East"
    assert battle["disorder_type"] == "Political violence" and battle["latitude"] == "35.93"
    civ = next(r for r in rows if r["event_type"] == "Violence against civilians")
    assert civ["civilian_targeting"] == "Civilian targeting" and civ["interaction"] == "17"
    assert civ["assoc_actor_1"] == "" and civ["admin2"] == "" and civ["fatalities"] == "0"
    assert "fatalities=not reported" in civ["tags"]


def test_plover_jsonl(store: Store) -> None:
    recs = [json.loads(line) for line in _run(store, "plover-jsonl").splitlines()]
    assert len(recs) == 4
    first = recs[0]
    assert first["event"] == ["ASSAULT"] and first["mode"] == ["firearms"] and first["date"] == "2017-01-24"
    assert first["actor"][0]["identifier_id"] == "nusra" and first["recipient"][0]["identifier_id"] == "ahrar"
    assert first["event_loc"]["resolved_place"] == "Idlib" and first["event_loc"]["country_code"] == "SYR"
    assert first["cite_info"]["citation"] == "r1" and first["actor"][0]["code"] == "SYR"
    same = [r for r in recs if r["link"] == first["link"]]
    assert {r["cite_info"]["citation"] for r in same} == {"r1", "r2"}  # two reports of one merged event
    assert len({r["id"] for r in same}) == 2


def test_graphml_and_gexf_load_in_networkx(store: Store, tmp_path: Path) -> None:
    nx = pytest.importorskip("networkx")
    assert _store_edge_count(store) == 4  # one of them (nusra part of turkey) is said only in a reader comment
    (tmp_path / "g.graphml").write_text(_run(store, "graphml"), encoding="utf-8")
    g = nx.read_graphml(tmp_path / "g.graphml")
    assert not g.is_directed() and g.number_of_edges() == 3
    assert g.nodes["nusra"]["name"] == "Jabhat al-Nusra"
    kinds = {(d["relation"], d["status"], d["sign"], d["weight"]) for _, _, d in g.edges(data=True)}
    assert kinds == {("alliance", "former", 0, 1.0), ("hostility", "current", -1, 2.0), ("support", "current", 1, 1.0)}
    support = next(d for _, _, d in g.edges(data=True) if d["relation"] == "support")
    assert (support["directed"], support["from"], support["to"]) == (True, "turkey", "ahrar")
    assert support["spells"] == "2017-01-25/"  # in force since its first report
    (tmp_path / "g.gexf").write_text(_run(store, "gexf"), encoding="utf-8")
    h = nx.read_gexf(tmp_path / "g.gexf")
    assert h.number_of_edges() == 3 and h.graph["mode"] == "dynamic"
    support = next(d for _, _, d in h.edges(data=True) if d["relation"] == "support")
    assert support["article_evidence"] == 1 and support["comment_evidence"] == 1 and support["weight"] == 1.0


def _spells(edge: dict[str, Any]) -> list[tuple[str | None, str | None]]:
    """An edge's spells as networkx reads them; an open spell (no end: the tie still holds) reads as 'None'."""
    return [(a, None if b == "None" else b) for a, b in edge["spells"]]


def test_gexf_spells_follow_the_tie_state_and_take_the_graph_options(tmp_path: Path) -> None:
    nx = pytest.importorskip("networkx")
    from factiongraph.export.graphml import GraphOptions, write_gexf

    docs = [
        _doc("a", "2017-01-10", [], [_rel("alliance", "nusra", "ahrar"), _rel("support", "turkey", "ahrar")]),
        _doc("b", "2017-06-01", [], [_rel("alliance", "ahrar", "nusra", status="former", change="broken"),
                                     _rel("hostility", "nusra", "ahrar", certainty="reported")]),
        _doc("c", "2018-03-01", [], [_rel("alliance", "nusra", "ahrar", change="formed")]),
    ]  # fmt: skip
    with Store.open(tmp_path / "fg.duckdb") as s:
        s.write_batch([(f"h-{d['document']['id']}", d) for d in docs])

        def read(opts: GraphOptions) -> Any:
            buf = io.StringIO()
            write_gexf(s, buf, opts)
            (tmp_path / "g.gexf").write_text(buf.getvalue(), encoding="utf-8")
            return nx.read_gexf(tmp_path / "g.gexf")

        h = read(GraphOptions())
        edges = {d["relation"]: {**d, "spells": _spells(d)} for _, _, d in h.edges(data=True)}
        assert edges["alliance"]["spells"] == [("2017-01-10", "2017-06-01"), ("2018-03-01", None)]
        assert (edges["alliance"]["status"], edges["alliance"]["weight"]) == ("current", 3.0)
        assert edges["hostility"]["spells"] == [("2017-06-01", None)] and edges["hostility"]["weight"] == 0.8
        assert edges["support"]["directed"] and not edges["alliance"]["directed"]
        then = read(GraphOptions(at=dt.date(2017, 7, 1)))
        al = next(d for _, _, d in then.edges(data=True) if d["relation"] == "alliance")
        assert (al["status"], al["ended_on"], al["spells"]) == ("former", "2017-06-01", [("2017-01-10", "2017-06-01")])
        recent = read(GraphOptions(window_days=30))  # the last 30 days before the latest report: one report
        assert [(d["relation"], _spells(d)) for _, _, d in recent.edges(data=True)] == [
            ("alliance", [("2018-03-01", None)])
        ]
    run = CliRunner()
    out = tmp_path / "at.gexf"
    res = run.invoke(app, ["export", "-f", "gexf", "--db", str(tmp_path / "fg.duckdb"), "-o", str(out),
                           "--at", "2017-03-01", "--actor", "turkey"])  # fmt: skip
    assert res.exit_code == 0, res.output
    assert [d["relation"] for _, _, d in nx.read_gexf(out).edges(data=True)] == ["support"]


def test_geojson(store: Store) -> None:
    doc = json.loads(_run(store, "geojson"))
    assert doc["type"] == "FeatureCollection" and len(doc["features"]) == 3  # the threat has no place
    f = doc["features"][0]
    assert f["geometry"] == {"type": "Point", "coordinates": [36.63, 35.93]}
    assert f["properties"]["plover"] == "ASSAULT" and f["properties"]["document"] == "r1"


def test_parquet(store: Store, tmp_path: Path) -> None:
    import duckdb

    paths = write_parquet(store, tmp_path / "pq")
    tables = ("documents", "actors", "mentions", "events", "relations", "places")
    assert {p.name for p in paths} == {f"{t}.parquet" for t in tables}
    with duckdb.connect() as con:
        n = con.execute(f"SELECT COUNT(*) FROM '{tmp_path / 'pq' / 'events.parquet'}'").fetchall()
    assert n[0][0] == store.counts()["events"]


def test_export_cli(store: Store, tmp_path: Path) -> None:
    db = store.target
    store.close()
    run = CliRunner()
    out = run.invoke(app, ["export", "--format", "acled-csv", "--db", db])
    assert out.exit_code == 0, out.output
    assert out.stdout.splitlines()[0] == ",".join(ACLED_COLUMNS)
    target = tmp_path / "out.graphml"
    assert run.invoke(app, ["export", "-f", "graphml", "--db", db, "-o", str(target)]).exit_code == 0
    assert target.read_text().startswith("<?xml")
    assert run.invoke(app, ["export", "-f", "parquet", "--db", db, "-o", str(tmp_path / "pq")]).exit_code == 0
    assert (tmp_path / "pq" / "relations.parquet").exists()
    assert run.invoke(app, ["export", "-f", "nope", "--db", db]).exit_code == 2


def test_graph_export_weights_count_evidence_and_do_not_decay_with_age(tmp_path: Path) -> None:
    nx = pytest.importorskip("networkx")
    from factiongraph.export.graphml import GraphOptions, write_graphml

    docs = [
        _doc("old", "2015-02-01", [], [_rel("alliance", "nusra", "ahrar")]),
        _doc("again", "2015-03-01", [], [_rel("alliance", "ahrar", "nusra", certainty="reported")]),
        _doc("other", "2019-09-01", [], [_rel("hostility", "army", "ahrar")]),
    ]  # fmt: skip
    with Store.open(tmp_path / "fg.duckdb") as s:
        s.write_batch([(f"h-{d['document']['id']}", d) for d in docs])
        buf = io.StringIO()
        write_graphml(s, buf, GraphOptions(at=dt.date(2019, 9, 1)))
    (tmp_path / "g.graphml").write_text(buf.getvalue(), encoding="utf-8")
    g = nx.read_graphml(tmp_path / "g.graphml")
    edges = {d["relation"]: d for _, _, d in g.edges(data=True)}
    # stated in both directions, four years before the export date: one undirected edge, full weight
    assert not g.is_directed() and len(edges) == 2
    assert (edges["alliance"]["weight"], edges["alliance"]["documents"], edges["alliance"]["spells"]) == (
        1.8, 2, "2015-02-01/")
    assert edges["hostility"]["weight"] == 1.0
