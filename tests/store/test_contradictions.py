"""Contradictions: sources that disagree about a pair (allied and hostile, a tie or an event
denied) are found with both pieces of evidence; changes, same-source rows, distant dates and
rejected statements are not disagreements."""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from factiongraph.store import Store
from factiongraph.store.contradictions import contradicted_pairs, contradictions
from factiongraph.store.corrections import correct

COORD_TEXT = "Officials said the Qadr Brigade and the army were coordinating closely around Tal Sahil."
DENY_TEXT = "A spokesman for the army said its soldiers had never attacked the Qadr Brigade that week."
LATE_TEXT = "Months later, the Qadr Brigade was described as working hand in hand with the army."
WAR_TEXT = "By the third week of March the Sahil Front was shelling positions of the Qadr Brigade."
EXIT_TEXT = "The Sahil Front quit the alliance with the Qadr Brigade after a dispute over checkpoints."
NEGATED_TIE_TEXT = "The Sahil Front denied any alliance with the Qadr Brigade in a statement."


def seeded(kit: SimpleNamespace, extra: list[tuple[str, dict[str, Any]]]) -> Store:
    s = Store.open(":memory:")
    s.write_batch(kit.documents() + extra)
    return s


def summary(s: Store, **kw: Any) -> list[tuple[Any, ...]]:
    return [(c.kind, c.a, c.b, c.first["doc_id"], c.first["evidence_text"], c.second["doc_id"],
             c.second["evidence_text"]) for c in contradictions(s, **kw)]  # fmt: skip


def test_allied_and_hostile_reports_of_one_pair_in_one_month_disagree(kit: SimpleNamespace) -> None:
    s = seeded(kit, [("h-coord", kit.doc("coord.txt", "2021-03-09", COORD_TEXT,
                                relations=[kit.rel("alliance", "qadr", "army", "coordinating closely")]))])  # fmt: skip
    assert summary(s) == [("allied and hostile", "army", "qadr", "clash.txt", "stormed army posts", "coord.txt",
                           "coordinating closely")]  # fmt: skip
    c = contradictions(s)[0]
    assert (c.first["link"], c.second["link"]) == ("/relations/h-clash/0", "/relations/h-coord/0")
    assert contradicted_pairs(contradictions(s)) == {("army", "qadr"): ["allied and hostile"]}
    assert summary(s, window_days=3) == []  # four days apart


def test_sources_at_most_a_window_apart_disagree_and_no_further(kit: SimpleNamespace) -> None:
    s = seeded(kit, [("h-coord", kit.doc("coord.txt", "2021-03-09", COORD_TEXT,
                                relations=[kit.rel("alliance", "qadr", "army", "coordinating closely")]))])  # fmt: skip
    found = {w: [c.kind for c in contradictions(s, window_days=w)] for w in range(2, 7)}  # reports four days apart
    assert found == {2: [], 3: [], 4: ["allied and hostile"], 5: ["allied and hostile"], 6: ["allied and hostile"]}
    d = seeded(kit, [("h-deny", kit.doc("deny.txt", "2021-03-06", DENY_TEXT, events=[
        {"actor1": "army", "actor2": "qadr", "evidence": "never attacked", "certainty": "negated"}]))])  # fmt: skip
    assert [c.kind for c in contradictions(d, window_days=1)] == ["event denied"]  # one day apart
    assert contradictions(d, window_days=0) == []


def test_an_attack_one_source_reports_and_another_denies_is_listed(kit: SimpleNamespace) -> None:
    s = seeded(kit, [("h-deny", kit.doc("deny.txt", "2021-03-06", DENY_TEXT, events=[
        {"actor1": "army", "actor2": "qadr", "evidence": "never attacked", "certainty": "negated"}]))])  # fmt: skip
    assert summary(s) == [("event denied", "army", "qadr", "clash.txt", "stormed army posts", "deny.txt",
                           "never attacked")]  # fmt: skip
    assert json.loads(json.dumps(contradictions(s)[0].to_dict()))["evidence"][1]["certainty"] == "negated"


def test_contradictions_of_some_pairs_are_those_pairs_rows_of_all_contradictions(kit: SimpleNamespace) -> None:
    s = seeded(kit, [
        ("h-coord", kit.doc("coord.txt", "2021-03-09", COORD_TEXT,
                            relations=[kit.rel("alliance", "qadr", "army", "coordinating closely")])),
        ("h-neg", kit.doc("neg.txt", "2021-03-02", NEGATED_TIE_TEXT, relations=[
            kit.rel("alliance", "sahil", "qadr", "denied any alliance", certainty="negated")])),
    ])  # fmt: skip
    assert [c.pair for c in contradictions(s)] == [("army", "qadr"), ("qadr", "sahil")]
    assert summary(s, pairs=[("sahil", "qadr")]) == [("tie denied", "qadr", "sahil", "ally.txt",
                                                      "joint operations room", "neg.txt", "denied any alliance")]
    assert summary(s, pairs=[("army", "qadr")]) == summary(s)[:1]
    assert summary(s, pairs=[]) == []


def test_a_tie_one_source_states_and_another_negates_is_listed(kit: SimpleNamespace) -> None:
    s = seeded(kit, [("h-neg", kit.doc("neg.txt", "2021-03-02", NEGATED_TIE_TEXT, relations=[
        kit.rel("alliance", "sahil", "qadr", "denied any alliance", certainty="negated")]))])  # fmt: skip
    assert summary(s) == [("tie denied", "qadr", "sahil", "ally.txt", "joint operations room", "neg.txt",
                           "denied any alliance")]  # fmt: skip


def test_no_disagreement_across_a_reported_break_far_apart_or_after_a_rejection(kit: SimpleNamespace) -> None:
    # allied on 1 March, fighting on 20 March: a disagreement, unless a report between says the alliance ended
    war = ("h-war", kit.doc("war.txt", "2021-03-20", WAR_TEXT, relations=[
        kit.rel("hostility", "sahil", "qadr", "was shelling positions")]))  # fmt: skip
    exit_ = ("h-exit", kit.doc("exit.txt", "2021-03-15", EXIT_TEXT, relations=[
        kit.rel("alliance", "sahil", "qadr", "quit the alliance", status="former", change="broken")]))  # fmt: skip
    assert [c[0] for c in summary(seeded(kit, [war]))] == ["allied and hostile"]
    assert summary(seeded(kit, [war, exit_])) == []
    late = seeded(kit, [("h-late", kit.doc("late.txt", "2021-09-01", LATE_TEXT,
                                  relations=[kit.rel("alliance", "qadr", "army", "hand in hand")]))])  # fmt: skip
    assert summary(late) == []  # half a year after the clash
    s = seeded(kit, [("h-coord", kit.doc("coord.txt", "2021-03-09", COORD_TEXT,
                                relations=[kit.rel("alliance", "qadr", "army", "coordinating closely")]))])  # fmt: skip
    correct(s, "relation", "h-coord/0", "reject", who="a")
    assert summary(s) == []


def test_contradictions_command_prints_both_sides(tmp_path: Path, kit: SimpleNamespace) -> None:
    from typer.testing import CliRunner

    from factiongraph.cli import app

    db = str(tmp_path / "fg.duckdb")
    with Store.open(db) as s:
        s.write_batch(kit.documents() + [("h-coord", kit.doc("coord.txt", "2021-03-09", COORD_TEXT, relations=[
            kit.rel("alliance", "qadr", "army", "coordinating closely")]))])  # fmt: skip
    got = CliRunner().invoke(app, ["contradictions", "--format", "json", "--db", db])
    assert got.exit_code == 0, got.output
    row = json.loads(got.stdout.splitlines()[0])
    assert (row["kind"], [e["evidence_text"] for e in row["evidence"]]) == (
        "allied and hostile", ["stormed army posts", "coordinating closely"])  # fmt: skip
    table = CliRunner().invoke(app, ["contradictions", "--db", db], env={"COLUMNS": "200"})
    assert "allied and hostile" in table.stdout and "1 contradiction(s)" in table.output


def test_contradictions_on_postgres(pg_url: str, kit: SimpleNamespace) -> None:
    with Store.open(pg_url) as s:
        s.write_batch(kit.documents() + [
            ("h-coord", kit.doc("coord.txt", "2021-03-09", COORD_TEXT, relations=[
                kit.rel("alliance", "qadr", "army", "coordinating closely")])),
            ("h-deny", kit.doc("deny.txt", "2021-03-06", DENY_TEXT, events=[
                {"actor1": "army", "actor2": "qadr", "evidence": "never attacked",
                 "certainty": "negated"}]))])  # fmt: skip
        assert [(c.kind, c.a, c.b) for c in contradictions(s)] == [
            ("allied and hostile", "army", "qadr"), ("event denied", "army", "qadr")]  # fmt: skip
