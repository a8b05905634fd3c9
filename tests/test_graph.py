"""graph.py: cross-document event merge, edge aggregation and decay, changes, timeline; the CLI commands."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from factiongraph import graph as fg
from factiongraph.cli import app
from factiongraph.store import Store, ingest_paths

ROOT = Path(__file__).resolve().parents[1]
D = dt.date


def _span(text: str) -> dict[str, Any]:
    return {"start": 0, "end": len(text), "text": text}


def event(a: str, b: str, *, plover: str = "ASSAULT", place: tuple[str, float | None, float | None] | None = None,
          date: str | None = None, certainty: str = "asserted", source_kind: str = "article") -> dict[str, Any]:
    loc = None
    if place:
        loc = {"name": place[0], "start": 0, "end": 1, "geonameid": None, "lat": place[1], "lon": place[2],
               "country": "SY", "admin1": None, "precision": 1}  # fmt: skip
    return {
        "plover": plover, "plover_mode": None, "acled_event_type": "Battles", "acled_sub_event_type": "Armed clash",
        "actor1": a, "actor2": b, "actor1_mention": None, "actor2_mention": None, "location": loc,
        "date": {"start": date, "end": date, "precision": "day", "text": date} if date else None,
        "fatalities": None, "certainty": certainty, "source_kind": source_kind, "attributed_to": None,
        "trigger": _span("x"), "evidence": _span(f"{a} attacked {b}"), "confidence": 0.8,
    }  # fmt: skip


def relation(typ: str, a: str, b: str, status: str = "current", certainty: str = "asserted",
             source_kind: str = "article", derived_from: str | None = None) -> dict[str, Any]:
    return {"type": typ, "source": a, "target": b, "source_mention": None, "target_mention": None,
            "status": status, "certainty": certainty, "source_kind": source_kind,
            "evidence": _span(f"{a} {typ} {b} ({status})"), "derived_from": derived_from,
            "confidence": 0.7}  # fmt: skip


def doc(doc_id: str, published: str | None, events: list[dict[str, Any]] = (),  # type: ignore[assignment]
        relations: list[dict[str, Any]] = ()) -> tuple[str, dict[str, Any]]:  # type: ignore[assignment]
    evs = [{**e, "id": f"e{i + 1}"} for i, e in enumerate(events)]
    ids = sorted({x for e in evs for x in (e["actor1"], e["actor2"])} | {x for r in relations
                                                                      for x in (r["source"], r["target"])})
    c = {
        "schema": "factiongraph.document/1",
        "document": {"id": doc_id, "title": None, "url": f"https://example.org/{doc_id}", "published": published,
                     "language": "en", "text": doc_id, "sections": []},
        "actors": [{"id": a, "name": a.upper(), "kind": "civilians" if a == "civ" else "rebel",
                    "acled_inter": 7 if a == "civ" else 2, "country": "SYR", "registry_id": a, "known": True,
                    "mentions": []} for a in ids],
        "events": evs, "relations": list(relations), "places": [],
    }  # fmt: skip
    return (f"hash-{doc_id}", c)


@pytest.fixture
def store(tmp_path: Path):
    with Store.open(tmp_path / "fg.duckdb") as s:
        yield s


IDLIB = ("Idlib", 35.93, 36.63)
SARAQIB = ("Saraqib", 35.86, 36.80)  # ~17 km from Idlib
DOUMA = ("Douma", 33.57, 36.40)  # ~260 km away


# -- merge ---------------------------------------------------------------------------------------


def test_merge_same_event_across_reports(store: Store) -> None:
    store.write_batch([
        doc("r1", "2017-01-25", [event("nusra", "ahrar", place=IDLIB, date="2017-01-24")]),
        doc("r2", "2017-01-26", [event("ahrar", "nusra", place=SARAQIB, date="2017-01-25")]),  # reversed pair
        doc("r3", "2017-01-26", [event("nusra", "ahrar", place=DOUMA, date="2017-01-25")]),  # too far
        doc("r4", "2017-02-10", [event("nusra", "ahrar", place=IDLIB, date="2017-02-09")]),  # too late
        doc("r5", "2017-01-25", [event("nusra", "ahrar", plover="THREATEN", place=IDLIB, date="2017-01-24")]),
    ])  # fmt: skip
    assert fg.merge_events(store) == 4
    merged = fg.merged_events(store)
    sizes = sorted(len(m.sources) for m in merged)
    assert sizes == [1, 1, 1, 2]
    two = next(m for m in merged if len(m.sources) == 2)
    assert sorted(two.documents) == ["r1", "r2"] and two.date == D(2017, 1, 24)
    assert fg.merge_events(store, window_days=30) == 3  # r4 joins with a wider window


def test_merge_places_and_undated_events(store: Store) -> None:
    store.write_batch([
        doc("a", "2017-01-25", [event("x", "y", place=("Kafr Nabl", None, None))]),
        doc("b", "2017-01-26", [event("x", "y", place=("kafr nabl", None, None))]),  # same name, no coordinates
        doc("c", "2017-01-25", [event("x", "y")]),  # no place: not with a located event
        doc("n1", None, [event("p", "q"), event("p", "q")]),  # undated, unpublished: merge within the document
        doc("n2", None, [event("p", "q")]),
    ])  # fmt: skip
    fg.merge_events(store)
    by_doc = {tuple(sorted(m.documents)): len(m.sources) for m in fg.merged_events(store)}
    assert by_doc == {("a", "b"): 2, ("c",): 1, ("n1",): 2, ("n2",): 1}


def test_merge_with_the_pipeline(tmp_path: Path, pipeline: Any) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "one.txt").write_text("Jabhat al-Nusra fighters attacked Ahrar al-Sham positions in Idlib on 24 January.")
    (folder / "two.txt").write_text(
        "Nusra Front militants assaulted Ahrar al-Sham checkpoints near Idlib city on 25 January, a monitor said.\n"
    )
    with Store.open(tmp_path / "fg.duckdb") as s:
        ingest_paths(s, [str(folder)], pipeline, published=D(2017, 1, 29))
        assaults = [m for m in fg.merged_events(s) if m.best["plover"] == "ASSAULT"]
    assert len(assaults) == 1 and len(assaults[0].sources) == 2
    assert assaults[0].best["certainty"] == "asserted"  # the asserted report leads the reported one


# -- edges ---------------------------------------------------------------------------------------


def test_edge_aggregation_and_decay(store: Store) -> None:
    store.write_batch([
        doc("a", "2017-01-01", relations=[relation("alliance", "x", "y")]),
        doc("b", "2017-07-01", relations=[relation("alliance", "y", "x", certainty="reported")]),  # symmetric
        doc("c", "2017-07-01", relations=[relation("alliance", "x", "y", certainty="hedged", source_kind="comment")]),
        doc("d", "2017-07-01", relations=[relation("support", "x", "y"), relation("support", "y", "x")]),
    ])  # fmt: skip
    ev = fg.load_evidence(store)
    at = D(2017, 7, 1)
    age = (at - D(2017, 1, 1)).days
    es = {(e.type, e.source, e.target): e for e in fg.edges(ev, at=at)}
    assert set(es) == {("alliance", "x", "y"), ("support", "x", "y"), ("support", "y", "x")}  # support is directed
    al = es[("alliance", "x", "y")]
    assert al.evidence_count == 3
    assert al.certainty_mix == {"asserted": 1, "reported": 1, "hedged": 1}
    assert al.source_kind_mix == {"article": 2, "comment": 1}
    assert (al.first_seen, al.last_seen, al.status, al.sign) == (D(2017, 1, 1), at, "current", 1)
    assert al.strength == pytest.approx(1.0 * 0.5 ** (age / 180) + 0.8)  # comments not counted ...
    assert al.comment_strength == pytest.approx(0.5 * 0.3)  # ... but kept apart
    with_comments = {e.key if hasattr(e, "key") else (e.type, e.source, e.target): e
                     for e in fg.edges(ev, at=at, include_comments=True)}  # fmt: skip
    assert with_comments[("alliance", "x", "y")].strength == pytest.approx(al.strength + 0.15)
    assert fg.edges(ev, at=at, half_life_days=30)[0].strength < al.strength
    # a date before the later evidence sees only the first report, undecayed
    early = fg.edges(ev, at=D(2017, 1, 1))
    assert [(e.type, e.evidence_count, round(e.strength, 6)) for e in early] == [("alliance", 1, 1.0)]
    # window and certainty filters
    assert [e.evidence_count for e in fg.edges(ev, at=at, window_days=30) if e.type == "alliance"] == [2]
    assert {e.certainty_mix.get("hedged") for e in fg.edges(ev, at=at, min_certainty="reported")} == {None}
    assert {e.type for e in fg.edges(ev, at=at, actor="x")} == {"alliance", "support"}


def test_comment_only_edges_need_include_comments(store: Store) -> None:
    store.write_batch([doc("c", "2017-01-01", relations=[relation("hostility", "x", "y", source_kind="comment")])])
    ev = fg.load_evidence(store)
    assert fg.edges(ev) == []
    (e,) = fg.edges(ev, include_comments=True)
    assert e.sign == -1 and e.strength == pytest.approx(0.3)


def test_evidence_dates(store: Store) -> None:
    store.write_batch([
        doc("pub", "2017-03-01", relations=[relation("alliance", "a", "b")]),
        doc("ev", None, [event("a", "c", date="2016-05-02")], [relation("hostility", "a", "c", derived_from="e1")]),
        doc("nodate", None, relations=[relation("support", "a", "d")]),
    ])  # fmt: skip
    by = {e.doc_id: (e.date, e.dated_by) for e in fg.load_evidence(store)}
    assert by["pub"] == (D(2017, 3, 1), "published")
    assert by["ev"] == (D(2016, 5, 2), "event")
    assert by["nodate"][1] == "ingested"


# -- changes -------------------------------------------------------------------------------------


def test_changes_alliance_broken_hostility_and_defection(store: Store) -> None:
    store.write_batch([
        doc("d1", "2017-01-01", relations=[relation("alliance", "x", "y"), relation("affiliation", "m", "p1")]),
        doc("d2", "2017-02-01", relations=[relation("hostility", "y", "x")]),
        doc("d3", "2017-03-01", relations=[relation("affiliation", "m", "p2"), relation("alliance", "u", "v")]),
        doc("d4", "2017-04-01", relations=[relation("alliance", "u", "v", status="former"),
                                           relation("affiliation", "m", "p2-renamed")]),
        doc("d5", "2017-04-02", relations=[relation("alliance", "s", "t", source_kind="comment")]),
    ])  # fmt: skip
    ev = fg.load_evidence(store)
    lineage = {"p2": {"p2", "p2-renamed"}, "p2-renamed": {"p2", "p2-renamed"}}
    found = fg.changes(ev, since=D(2017, 1, 15), same_lineage=lambda a, b: b in lineage.get(a, {a}))
    got = [(c.date, c.kind, c.source, c.target, c.evidence.doc_id) for c in found]
    assert got == [
        (D(2017, 2, 1), "alliance broken", "x", "y", "d2"),
        (D(2017, 2, 1), "new hostility", "x", "y", "d2"),
        (D(2017, 3, 1), "defection", "m", "p2", "d3"),
        (D(2017, 3, 1), "alliance formed", "u", "v", "d3"),
        (D(2017, 4, 1), "alliance broken", "u", "v", "d4"),
    ]  # a rename is no defection; the comment-only alliance is left out
    assert found[0].note == "hostility between allies" and found[0].previous and found[0].previous.doc_id == "d1"
    assert found[2].previous is not None and found[2].previous.target == "p1"
    with_comments = fg.changes(ev, since=D(2017, 4, 2), include_comments=True)
    assert [(c.kind, c.source) for c in with_comments] == [("alliance formed", "s")]


USED_TO_BE = "Ahrar al-Sham, which used to be allied with Jaysh al-Islam, attacked its positions in Douma on Sunday.\n"


@pytest.mark.slow
def test_changes_over_examples_show_a_broken_alliance(tmp_path: Path, pipeline: Any) -> None:
    folder = tmp_path / "more"
    folder.mkdir()
    (folder / "douma.jsonl").write_text(json.dumps({"id": "douma-2017", "text": USED_TO_BE,
                                                    "published": "2017-02-01"}) + "\n")  # fmt: skip
    db = tmp_path / "fg.duckdb"
    with Store.open(db) as s:
        ingest_paths(s, [str(ROOT / "examples"), str(folder)], pipeline)
        found = fg.changes_from_store(s, since=D(2017, 1, 1), same_lineage=fg.registry_lineage())
    broken = [c for c in found if c.kind == "alliance broken"]
    got = [(c.source, c.target, c.evidence.doc_id) for c in broken]
    assert got == [("ahrar-al-sham", "jaysh-al-islam", "douma-2017")]
    assert "used to be allied" in broken[0].evidence.text
    out = CliRunner().invoke(app, ["changes", "--since", "2017-01-01", "--db", str(db), "--format", "json"])
    assert out.exit_code == 0, out.output
    rows = json.loads(out.stdout)
    assert any(r["kind"] == "alliance broken" and r["evidence"]["document"] == "douma-2017" for r in rows)
    table = CliRunner().invoke(app, ["changes", "--since", "2017-01-01", "--db", str(db)], env={"COLUMNS": "200"})
    assert "alliance broken" in table.stdout and "douma-2017" in table.stdout


def test_changes_over_the_seed(tmp_path: Path, pipeline: Any, shared_dir: Path) -> None:
    seed = shared_dir / "data" / "seed"
    if not seed.is_dir():
        pytest.skip("no seed data")
    with Store.open(tmp_path / "fg.duckdb") as s:
        ingest_paths(s, [str(seed)], pipeline, published=D(2016, 11, 20))
        found = fg.changes_from_store(s, since=D(2016, 1, 1))
    broken = {(c.source, c.target) for c in found if c.kind == "alliance broken"}
    nusra = {"jabhat-al-nusra", "jabhat-fateh-al-sham"}  # renamed in July 2016: the registry resolves by date
    assert any(a == "fastaqim-kama-umirt" and b in nusra for a, b in broken), broken
    assert any(c.kind == "new hostility" and c.note == "between former allies" for c in found)


# -- timeline and CLI ----------------------------------------------------------------------------


def test_timeline(store: Store) -> None:
    store.write_batch([
        doc("t2", "2017-02-01", [event("x", "y", date="2017-01-30")], [relation("hostility", "x", "y")]),
        doc("t1", "2017-01-01", relations=[relation("alliance", "x", "y")]),
        doc("t0", None, [event("z", "x", plover="ACCUSE")]),
    ])  # fmt: skip
    fg.merge_events(store)
    items = fg.timeline(store, "x")
    assert [(i.date, i.kind, i.summary.split(":")[0]) for i in items] == [
        (D(2017, 1, 1), "change", "alliance formed"),
        (D(2017, 1, 30), "event", "ASSAULT -> Y"),
        (D(2017, 2, 1), "change", "alliance broken"),
        (D(2017, 2, 1), "change", "new hostility"),
        (None, "event", "ACCUSE <- Z"),
    ]


def test_graph_timeline_cli(tmp_path: Path) -> None:
    db = tmp_path / "fg.duckdb"
    with Store.open(db) as s:
        s.write_batch([
            doc("g1", "2017-01-01", relations=[relation("alliance", "x", "y"), relation("support", "p", "x")]),
            doc("g2", "2017-02-01", [event("x", "z", date="2017-02-01")],
                [relation("hostility", "x", "z", derived_from="e1")]),
        ])  # fmt: skip
        fg.merge_events(s)
    run = CliRunner()
    out = run.invoke(app, ["graph", "--db", str(db), "--format", "json", "--at", "2017-02-01"])
    assert out.exit_code == 0, out.output
    edges = {(e["type"], e["source"], e["target"]): e for e in json.loads(out.stdout)["edges"]}
    assert edges[("hostility", "x", "z")]["sign"] == -1 and edges[("alliance", "x", "y")]["sign"] == 1
    table = run.invoke(app, ["graph", "--db", str(db)], env={"COLUMNS": "200"})
    assert "Allies and backers" in table.stdout and "Enemies" in table.stdout
    svg_path = tmp_path / "g.svg"
    assert run.invoke(app, ["graph", "--db", str(db), "--format", "svg", "-o", str(svg_path)]).exit_code == 0
    svg = svg_path.read_text()
    assert svg.startswith("<svg") and 'stroke="#cf222e"' in svg and 'stroke-dasharray="8,5"' in svg
    png = run.invoke(app, ["graph", "--db", str(db), "--format", "png", "-o", str(tmp_path / "g.png")])
    if shutil.which("python") and _has("matplotlib"):
        assert png.exit_code == 0
    else:
        assert png.exit_code == 2 and "matplotlib" in png.output
    tl = run.invoke(app, ["timeline", "X", "--db", str(db), "--format", "json"])  # by name
    assert tl.exit_code == 0, tl.output
    assert [i["kind"] for i in json.loads(tl.stdout)] == ["change", "event", "change"]
    assert run.invoke(app, ["timeline", "nobody", "--db", str(db)]).exit_code == 1
    assert run.invoke(app, ["graph", "--db", str(tmp_path / "missing.duckdb")]).exit_code == 2


def _has(module: str) -> bool:
    import importlib.util

    return importlib.util.find_spec(module) is not None


def test_relations_with_civilians_are_no_graph_edges(store: Store) -> None:
    store.write_batch([doc("a", "2017-01-01", relations=[relation("hostility", "x", "civ"),
                                                         relation("hostility", "x", "y")])])  # fmt: skip
    assert [(e.source, e.target) for e in fg.load_evidence(store)] == [("x", "y")]
    assert len(store.query("SELECT * FROM relations")) == 2  # kept in the store


def test_weak_relations_are_no_graph_evidence_unless_asked(store: Store) -> None:
    weak = {**relation("alliance", "x", "z"), "confidence": 0.4}  # a cue word between two names
    store.write_batch([doc("a", "2017-01-01", relations=[weak, relation("hostility", "x", "y")])])
    assert [(e.type, e.target) for e in fg.load_evidence(store)] == [("hostility", "y")]
    assert {e.type for e in fg.load_evidence(store, min_confidence=0.0)} == {"alliance", "hostility"}
