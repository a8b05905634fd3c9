"""graph.py: cross-document event merge, tie state at a date, changes, timeline, scopes; the CLI commands."""

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
            "confidence": 0.9}  # fmt: skip


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


def changed(typ: str, a: str, b: str, change: str, status: str = "current", text: str | None = None,
            **kw: Any) -> dict[str, Any]:
    """A relation with a change statement (and, optionally, the sentence it comes from)."""
    r = {**relation(typ, a, b, status=status, **kw), "change": change}
    if text is not None:
        r["evidence"] = _span(text)
    return r


def test_edge_strength_counts_reports_and_does_not_decay(store: Store) -> None:
    store.write_batch([
        doc("a", "2017-01-01", relations=[relation("alliance", "x", "y")]),
        doc("b", "2017-07-01", relations=[relation("alliance", "y", "x", certainty="reported")]),  # symmetric
        doc("c", "2017-07-01", relations=[relation("alliance", "x", "y", certainty="hedged", source_kind="comment")]),
        doc("d", "2017-07-01", relations=[relation("support", "x", "y"), relation("support", "y", "x")]),
    ])  # fmt: skip
    at = D(2017, 7, 1)
    view = fg.graph_at(store, at=at)
    es = {(e.type, e.source, e.target): e for e in view.edges}
    assert set(es) == {("alliance", "x", "y"), ("support", "x", "y"), ("support", "y", "x")}  # support is directed
    al = es[("alliance", "x", "y")]
    assert (al.evidence_count, al.documents) == (3, 2)  # the comment is evidence, not a counted report
    assert al.certainty_mix == {"asserted": 1, "reported": 1, "hedged": 1}
    assert al.source_kind_mix == {"article": 2, "comment": 1}
    assert (al.first_seen, al.last_seen, al.status, al.sign, al.stale) == (D(2017, 1, 1), at, "current", 1, False)
    assert al.strength == pytest.approx(1.0 + 0.8)  # asserted + reported article, no decay with age
    assert al.comment_strength == pytest.approx(0.5 * 0.3)  # kept apart
    with_comments = {(e.type, e.source, e.target): e for e in fg.graph_at(store, at=at, include_comments=True).edges}
    assert with_comments[("alliance", "x", "y")].strength == pytest.approx(1.8 + 0.15)
    # two years on, nothing decays; the tie is stale (no report for more than a year) but still holds
    later = {e.type: e for e in fg.graph_at(store, at=D(2019, 7, 1)).edges}
    assert later["alliance"].strength == pytest.approx(1.8) and later["alliance"].stale
    assert not fg.graph_at(store, at=D(2019, 7, 1), stale_days=1000).edges[0].stale
    # a date before the later evidence sees only the first report
    early = fg.graph_at(store, at=D(2017, 1, 1)).edges
    assert [(e.type, e.evidence_count, e.strength) for e in early] == [("alliance", 1, 1.0)]
    # window, certainty and actor filters
    assert [e.evidence_count for e in fg.graph_at(store, at=at, window_days=30).edges if e.type == "alliance"] == [2]
    assert {e.certainty_mix.get("hedged") for e in fg.graph_at(store, at=at, min_certainty="reported").edges} == {None}
    assert {e.type for e in fg.graph_at(store, at=at, scope=fg.Scope(actor="x")).edges} == {"alliance", "support"}


def test_a_tie_holds_until_a_report_ends_it(store: Store) -> None:
    store.write_batch([
        doc("a", "2017-01-01", relations=[relation("alliance", "x", "y")]),
        doc("b", "2017-06-01", relations=[relation("alliance", "x", "y", status="former")]),
        doc("c", "2018-03-01", relations=[changed("alliance", "y", "x", "formed")]),
    ])  # fmt: skip
    assert [(e.status, e.strength) for e in fg.graph_at(store, at=D(2017, 5, 31)).edges] == [("current", 1.0)]
    assert fg.graph_at(store, at=D(2017, 7, 1)).edges == []  # ended: not in force
    (ended,) = fg.graph_at(store, at=D(2017, 7, 1), include_ended=True).edges
    assert (ended.status, ended.sign, ended.ended_on, ended.strength) == ("former", 0, D(2017, 6, 1), 2.0)
    assert ended.label == "allies (ended 2017-06-01)" and not ended.stale
    assert [e.doc_id for e in ended.evidence] == ["b"]
    (again,) = fg.graph_at(store, at=D(2018, 3, 1)).edges  # a report that it formed again
    assert (again.status, again.ended_on, again.documents) == ("current", None, 3)


def test_on_one_day_a_report_that_ends_a_tie_outweighs_one_that_it_holds(store: Store) -> None:
    store.write_batch([
        doc("a", "2017-01-01", relations=[relation("affiliation", "m", "p")]),
        doc("b", "2017-02-01", relations=[changed("affiliation", "m", "p", "left", status="former")]),
        doc("c", "2017-02-01", relations=[relation("affiliation", "m", "p")]),
    ])  # fmt: skip
    (e,) = fg.graph_at(store, include_ended=True).edges
    assert (e.status, e.ended_on) == ("former", D(2017, 2, 1))


def test_negated_reports_make_no_edge(store: Store) -> None:
    store.write_batch([doc("a", "2017-01-01", relations=[relation("hostility", "x", "y", certainty="negated")])])
    assert fg.graph_at(store, min_certainty=None).edges == []


def test_comment_only_edges_need_include_comments(store: Store) -> None:
    store.write_batch([doc("c", "2017-01-01", relations=[relation("hostility", "x", "y", source_kind="comment")])])
    view = fg.graph_at(store)
    assert (view.edges, view.at) == ([], None)  # nothing counted: no date either
    (e,) = fg.graph_at(store, include_comments=True).edges
    assert e.sign == -1 and e.strength == pytest.approx(0.3)
    assert fg.graph_at(store, at=D(2017, 1, 1)).comment_only == 1


def test_evidence_dates_and_undated_documents(store: Store) -> None:
    store.write_batch([
        doc("pub", "2017-03-01", relations=[relation("alliance", "a", "b")]),
        doc("ev", None, [event("a", "c", date="2016-05-02")], [relation("hostility", "a", "c", derived_from="e1")]),
        doc("line", None, [event("a", "e", date="2016-04-01")], [relation("support", "e", "a")]),
        doc("nodate", None, relations=[relation("support", "a", "d")]),
    ])  # fmt: skip
    by = {e.doc_id: (e.date, e.dated_by) for e in fg.load_evidence(store)}
    assert by == {"pub": (D(2017, 3, 1), "published"), "ev": (D(2016, 5, 2), "event"),
                  "line": (D(2016, 4, 1), "dateline"), "nodate": (None, "undated")}  # never the ingest time
    view = fg.graph_at(store)
    assert view.at == D(2017, 3, 1)  # the latest evidence, not today
    assert view.undated == 1 and ("support", "a", "d") not in {(e.type, e.source, e.target) for e in view.edges}
    assert "d" not in {e.target for e in fg.edges(fg.load_evidence(store))}  # the in-memory twin agrees


def test_default_date_is_the_latest_evidence_within_the_scope(store: Store) -> None:
    store.write_batch([
        doc("old", "2015-05-01", relations=[relation("alliance", "x", "y")]),
        doc("new", "2020-05-01", relations=[relation("hostility", "p", "q")]),
    ])  # fmt: skip
    assert fg.graph_at(store).at == D(2020, 5, 1)
    assert fg.graph_at(store, scope=fg.Scope(actor="x")).at == D(2015, 5, 1)


def test_scopes_by_country_and_conflict(store: Store) -> None:
    docs = [doc("s", "2017-01-01", relations=[relation("hostility", "jabhat-al-nusra", "russia"),
                                              relation("hostility", "houthis", "saudi-arabia")])]  # fmt: skip
    docs[0][1]["actors"] = [{**a, "country": {"houthis": "YEM", "saudi-arabia": "SAU", "russia": "RUS"}.get(a["id"],
                             "SYR")} for a in docs[0][1]["actors"]]  # fmt: skip
    store.write_batch(docs)
    pairs = lambda v: {(e.source, e.target) for e in v.edges}  # noqa: E731
    assert pairs(fg.graph_at(store, scope=fg.make_scope(country="SY"))) == {("jabhat-al-nusra", "russia")}
    assert pairs(fg.graph_at(store, scope=fg.make_scope(country="yem"))) == {("houthis", "saudi-arabia")}
    assert pairs(fg.graph_at(store, scope=fg.make_scope(conflict="yemen"))) == {("houthis", "saudi-arabia")}
    assert pairs(fg.graph_at(store, scope=fg.make_scope(conflict="syria"))) == {("jabhat-al-nusra", "russia")}
    with pytest.raises(fg.ScopeError, match="no conflict 'atlantis'"):
        fg.make_scope(conflict="atlantis")
    with pytest.raises(fg.ScopeError, match="no ISO 3166-1"):
        fg.make_scope(country="XQ")


def test_sql_graph_and_the_in_memory_twin_agree(store: Store) -> None:
    store.write_batch([
        doc("a", "2017-01-01", relations=[relation("alliance", "x", "y"), relation("support", "p", "x")]),
        doc("b", "2017-02-01", relations=[relation("alliance", "x", "y", status="former", certainty="reported"),
                                          relation("hostility", "x", "y", certainty="hedged")]),
        doc("c", "2017-02-03", relations=[relation("support", "p", "x", source_kind="comment"),
                                          relation("affiliation", "m", "x", status="intended")]),
    ])  # fmt: skip
    for kw in ({}, {"include_comments": True}, {"include_ended": True}, {"at": D(2017, 1, 15)}):
        sql = [e.to_dict() for e in fg.graph_at(store, **kw).edges]  # type: ignore[arg-type]
        mem = [e.to_dict() for e in fg.edges(fg.load_evidence(store), **kw)]  # type: ignore[arg-type]
        assert sql == mem, kw


# -- changes -------------------------------------------------------------------------------------


def kinds(found: list[fg.Change]) -> list[tuple[str | None, str, str, str, str]]:
    return [(c.date.isoformat() if c.date else None, c.kind, c.source, c.target, c.evidence.doc_id) for c in found]


def test_a_first_report_is_no_formation(store: Store) -> None:
    store.write_batch([
        doc("d1", "2017-01-01", relations=[relation("support", "moscow", "damascus")]),
        doc("d2", "2017-02-01", relations=[relation("support", "moscow", "damascus")]),
    ])  # fmt: skip
    assert fg.changes_from_store(store) == []
    found = fg.changes_from_store(store, first_reported=True)
    assert kinds(found) == [("2017-01-01", "support first reported", "moscow", "damascus", "d1")]
    assert found[0].origin == "store"


def test_a_defection_gives_one_left_and_one_joined(store: Store) -> None:
    said = "The commander and his brigade quit the coalition and pledged allegiance to its rival."
    store.write_batch([
        doc("d1", "2017-01-01", relations=[relation("affiliation", "brigade", "coalition")]),
        doc("d2", "2017-03-01", relations=[
            changed("affiliation", "brigade", "coalition", "left", status="former", text=said),
            changed("affiliation", "brigade", "rival", "joined", text=said),
        ]),
    ])  # fmt: skip
    found = fg.changes_from_store(store)
    assert kinds(found) == [("2017-03-01", "left", "brigade", "coalition", "d2"),
                            ("2017-03-01", "joined", "brigade", "rival", "d2")]  # fmt: skip
    assert [(c.change, c.origin) for c in found] == [("left", "statement"), ("joined", "statement")]
    assert found[0].previous is not None and found[0].previous.doc_id == "d1"
    assert found[0].evidence.text == said


def test_one_statement_gives_one_change_row(store: Store) -> None:
    said = "The militia stormed the bases of the brigade it used to fight beside."
    store.write_batch([
        doc("d1", "2017-01-01", relations=[relation("alliance", "militia", "brigade")]),
        doc("d2", "2017-02-01", relations=[{**relation("alliance", "brigade", "militia", status="former"),
                                            "evidence": _span(said)},
                                           {**relation("hostility", "militia", "brigade"), "evidence": _span(said)}]),
    ])  # fmt: skip
    found = fg.changes_from_store(store, first_reported=True)
    assert kinds(found) == [("2017-01-01", "alliance first reported", "brigade", "militia", "d1"),
                            ("2017-02-01", "alliance broken", "brigade", "militia", "d2")]  # fmt: skip
    assert found[1].previous is not None and found[1].previous.doc_id == "d1"


def test_fighting_between_actors_never_allied_breaks_nothing(store: Store) -> None:
    store.write_batch([
        doc("d1", "2017-01-01", relations=[relation("hostility", "army", "rebels")]),
        doc("d2", "2017-02-01", relations=[relation("hostility", "rebels", "army")]),
    ])  # fmt: skip
    assert fg.changes_from_store(store) == []


def test_allies_later_fighting_is_one_change_per_alliance(store: Store) -> None:
    store.write_batch([
        doc("d1", "2017-01-01", relations=[relation("alliance", "x", "y")]),
        doc("d2", "2017-01-01", relations=[relation("hostility", "x", "y")]),  # same day: not later
        doc("d3", "2017-02-01", relations=[relation("hostility", "y", "x")]),
        doc("d4", "2017-03-01", relations=[relation("alliance", "x", "y"), relation("hostility", "x", "y")]),
    ])  # fmt: skip
    found = fg.changes_from_store(store)
    assert kinds(found) == [("2017-02-01", "allies turned hostile", "x", "y", "d3")]
    assert found[0].previous is not None and found[0].previous.type == "alliance" and found[0].note


def test_a_change_reported_twice_is_one_change(store: Store) -> None:
    store.write_batch([
        doc("d1", "2017-01-01", relations=[changed("alliance", "x", "y", "formed")]),
        doc("d2", "2017-01-03", relations=[changed("alliance", "y", "x", "formed")]),  # another outlet
        doc("d3", "2017-05-01", relations=[changed("alliance", "x", "y", "broken", status="former")]),
        doc("d4", "2017-09-01", relations=[changed("alliance", "x", "y", "formed")]),  # formed again
    ])  # fmt: skip
    assert kinds(fg.changes_from_store(store)) == [
        ("2017-01-01", "alliance formed", "x", "y", "d1"),
        ("2017-05-01", "alliance broken", "x", "y", "d3"),
        ("2017-09-01", "alliance formed", "x", "y", "d4"),
    ]
    assert kinds(fg.changes_from_store(store, since=D(2017, 2, 1)))[0][1] == "alliance broken"


def test_undated_change_statements_are_kept_and_shown_undated(store: Store) -> None:
    store.write_batch([
        doc("d1", "2017-01-01", relations=[relation("alliance", "x", "y")]),
        doc("nodate", None, relations=[changed("affiliation", "m", "p", "joined")]),
    ])  # fmt: skip
    found = fg.changes_from_store(store)
    assert kinds(found) == [(None, "joined", "m", "p", "nodate")] and found[0].note == "undated report"
    assert fg.changes_from_store(store, since=D(2016, 1, 1)) == []  # a date-driven view leaves it out


def test_changes_scope_and_comments(store: Store) -> None:
    store.write_batch([
        doc("d1", "2017-01-01", relations=[relation("alliance", "x", "y"), relation("alliance", "u", "v")]),
        doc("d2", "2017-02-01", relations=[relation("alliance", "x", "y", status="former"),
                                           relation("alliance", "u", "v", status="former", source_kind="comment")]),
    ])  # fmt: skip
    assert kinds(fg.changes_from_store(store)) == [("2017-02-01", "alliance broken", "x", "y", "d2")]
    assert kinds(fg.changes_from_store(store, scope=fg.Scope(actor="u"), include_comments=True)) == [
        ("2017-02-01", "alliance broken", "u", "v", "d2")
    ]


FORMER = "used to be allied"  # the words that mark an alliance as past
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
        found = fg.changes_from_store(s, since=D(2017, 1, 1))
        every = fg.changes_from_store(s)
        view = fg.graph_at(s)
    broken = [c for c in found if c.kind == "alliance broken"]
    got = [(c.source, c.target, c.evidence.doc_id) for c in broken]
    assert got == [("ahrar-al-sham", "jaysh-al-islam", "douma-2017")]
    assert FORMER in broken[0].evidence.text
    assert not any(c.kind == "alliance formed" and c.origin == "store" for c in every)  # no formation inferred
    assert all(e.strength > 0 for e in view.edges)  # no edge at 0.00 unless it ended
    out = CliRunner().invoke(app, ["changes", "--since", "2017-01-01", "--db", str(db), "--format", "json"])
    assert out.exit_code == 0, out.output
    rows = json.loads(out.stdout)
    assert any(r["kind"] == "alliance broken" and r["evidence"]["document"] == "douma-2017" for r in rows)
    table = CliRunner().invoke(app, ["changes", "--since", "2017-01-01", "--db", str(db)], env={"COLUMNS": "200"})
    assert "alliance broken" in table.stdout and "douma-2017" in table.stdout


@pytest.mark.slow
def test_changes_over_the_seed(tmp_path: Path, pipeline: Any, shared_dir: Path) -> None:
    seed = shared_dir / "data" / "seed"
    if not seed.is_dir():
        pytest.skip("no seed data")
    with Store.open(tmp_path / "fg.duckdb") as s:
        ingest_paths(s, [str(ROOT / "examples"), str(seed)], pipeline, published=D(2016, 11, 20))
        found = fg.changes_from_store(s)
        view = fg.graph_at(s, include_ended=True)
    nusra = {"jabhat-al-nusra", "jabhat-fateh-al-sham"}  # renamed in July 2016: the registry resolves by date
    broken = [c for c in found if c.kind == "alliance broken" and {c.source, c.target} & nusra
              and "fastaqim-kama-umirt" in (c.source, c.target)]  # fmt: skip
    assert len(broken) == 1, kinds(found)
    assert FORMER in broken[0].evidence.text
    assert broken[0].evidence.doc_id.endswith("aleppo-infighting.txt")
    formed = [c for c in found if c.change == "formed"]
    assert formed and all(c.origin == "statement" for c in formed)  # only where a text says so, never a first report
    assert all(e.strength > 0 for e in view.edges)


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
        (D(2017, 1, 1), "change", "alliance first reported"),
        (D(2017, 1, 30), "event", "ASSAULT -> Y"),
        (D(2017, 2, 1), "change", "allies turned hostile"),
        (None, "event", "ACCUSE <- Z"),
    ]


def test_graph_timeline_cli(tmp_path: Path) -> None:
    db = tmp_path / "fg.duckdb"
    with Store.open(db) as s:
        s.write_batch([
            doc("g1", "2017-01-01", relations=[relation("alliance", "x", "y"), relation("support", "p", "x")]),
            doc("g2", "2017-02-01", [event("x", "z", date="2017-02-01")],
                [relation("hostility", "x", "z", derived_from="e1"), relation("alliance", "x", "y", status="former")]),
            doc("g3", None, relations=[relation("support", "q", "x")]),
        ])  # fmt: skip
        fg.merge_events(s)
    run = CliRunner()
    out = run.invoke(app, ["graph", "--db", str(db), "--format", "json", "--at", "2017-02-01"])
    assert out.exit_code == 0, out.output
    got = json.loads(out.stdout)
    edges = {(e["type"], e["source"], e["target"]): e for e in got["edges"]}
    assert edges[("hostility", "x", "z")]["sign"] == -1 and edges[("support", "p", "x")]["sign"] == 1
    assert ("alliance", "x", "y") not in edges and got["undated_statements"] == 1
    ended = run.invoke(app, ["graph", "--db", str(db), "--format", "json", "--include-ended"])
    (al,) = [e for e in json.loads(ended.stdout)["edges"] if e["type"] == "alliance"]
    assert (al["status"], al["ended_on"], al["strength"]) == ("former", "2017-02-01", 2.0)
    table = run.invoke(app, ["graph", "--db", str(db), "--include-ended"], env={"COLUMNS": "200"})
    assert "Allies and backers" in table.stdout and "Enemies" in table.stdout and "Ended ties" in table.stdout
    assert "1 statement(s) from undated reports" in table.stdout
    assert "no edges" in run.invoke(app, ["graph", "--db", str(db), "--actor", "X", "--at", "2016-01-01"]).stdout
    bad = run.invoke(app, ["graph", "--db", str(db), "--conflict", "atlantis"])
    assert bad.exit_code == 2 and "no conflict 'atlantis'" in bad.output
    svg_path = tmp_path / "g.svg"
    assert run.invoke(app, ["graph", "--db", str(db), "--format", "svg", "-o", str(svg_path)]).exit_code == 0
    svg = svg_path.read_text()
    assert svg.startswith("<svg") and 'stroke="#cf222e"' in svg
    png = run.invoke(app, ["graph", "--db", str(db), "--format", "png", "-o", str(tmp_path / "g.png")])
    if shutil.which("python") and _has("matplotlib"):
        assert png.exit_code == 0
    else:
        assert png.exit_code == 2 and "matplotlib" in png.output
    changes_file = tmp_path / "changes.json"
    ch = run.invoke(app, ["changes", "--db", str(db), "--format", "json", "-o", str(changes_file)])
    assert ch.exit_code == 0, ch.output
    assert [(c["kind"], c["origin"]) for c in json.loads(changes_file.read_text())] == [("alliance broken", "store")]
    tl = run.invoke(app, ["timeline", "X", "--db", str(db), "--format", "json"])  # by name
    assert tl.exit_code == 0, tl.output
    assert [i["kind"] for i in json.loads(tl.stdout)] == ["change", "change", "event", "change", "change"]
    assert run.invoke(app, ["timeline", "nobody", "--db", str(db)]).exit_code == 2  # an unknown actor is a bad argument
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
