"""Output contract v1 (shared/spec/output-contract.md) over real extractions.

Every bundled example in examples/ is extracted once (plus the seed report from
../shared when it is there) and each resulting object is checked field by field.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from factiongraph.contract import SCHEMA, to_contract
from factiongraph.pipeline import Pipeline, extract_paths

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"

PLOVER = {
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
}
CERTAINTY = {"asserted", "reported", "hedged", "disputed", "speculative", "hypothetical", "negated"}
ACLED = {
    "Battles": {"Armed clash", "Non-state actor overtakes territory", "Government regains territory"},
    "Explosions/Remote violence": {
        "Air/drone strike", "Shelling/artillery/missile attack", "Remote explosive/landmine/IED", "Suicide bomb",
        "Grenade", "Chemical weapon"},
    "Violence against civilians": {"Attack", "Sexual violence", "Abduction/forced disappearance"},
    "Strategic developments": {
        "Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
        "Headquarters or base established", "Looting/property destruction", "Non-violent transfer of territory",
        "Other"},
    "Protests": {"Peaceful protest", "Protest with intervention", "Excessive force against protesters"},
    "Riots": {"Violent demonstration", "Mob violence"},
}
RELATION_TYPES = {"alliance", "hostility", "support", "affiliation"}
RELATION_STATUS = {"current", "former", "intended"}
ACTOR_KINDS = {"state", "foreign_state", "foreign_agency", "rebel", "militia", "civilians", "protesters",
               "international_org", "other"}
SECTION_KINDS = {"article", "comment"}


def _extract(paths: list[str], pipeline: Pipeline) -> list[dict[str, Any]]:
    # Through JSON and back: what a consumer of the JSONL output actually reads.
    return [json.loads(json.dumps(to_contract(d), ensure_ascii=False)) for d in extract_paths(paths, pipeline)]


@pytest.fixture(scope="module")
def examples(pipeline: Pipeline) -> list[dict[str, Any]]:
    return _extract([str(EXAMPLES)], pipeline)


def check_span(text: str, span: dict[str, Any] | None, what: str) -> None:
    assert span is not None, f"{what}: no span"
    start, end = span["start"], span["end"]
    assert isinstance(start, int) and isinstance(end, int), what
    assert 0 <= start < end <= len(text), f"{what}: bad offsets {start}-{end}"
    assert text[start:end] == span["text"], f"{what}: {span['text']!r} != text[{start}:{end}]"


def check_object(obj: dict[str, Any]) -> None:
    """Asserts that one output object satisfies output contract v1."""
    assert obj["schema"] == SCHEMA == "factiongraph.document/1"
    doc = obj["document"]
    assert isinstance(doc["id"], str) and doc["id"]
    assert {"id", "title", "url", "published", "language", "text", "sections"} <= doc.keys()
    if "error" in obj:
        assert set(obj["error"]) >= {"code", "message"}
        assert obj["error"]["code"] and obj["error"]["message"]
        assert "events" not in obj and "relations" not in obj
        return
    text = doc["text"]
    assert doc["language"] == "en"
    # Sections: contiguous cover of the text, article first.
    sections = doc["sections"]
    assert sections and sections[0]["kind"] == "article" and sections[0]["start"] == 0
    assert sections[-1]["end"] == len(text)
    for a, b in zip(sections, sections[1:], strict=False):
        assert a["end"] == b["start"]
    assert {s["kind"] for s in sections} <= SECTION_KINDS
    actor_ids = set()
    for a in obj["actors"]:
        actor_ids.add(a["id"])
        assert a["kind"] in ACTOR_KINDS, a
        assert a["acled_inter"] is None or a["acled_inter"] in range(1, 9), a
        assert a["mentions"], f"actor {a['id']} without a mention"
        for m in a["mentions"]:
            check_span(text, m, f"actor {a['id']} mention")
    assert len(actor_ids) == len(obj["actors"]), "duplicate actor ids"
    event_ids = set()
    for e in obj["events"]:
        event_ids.add(e["id"])
        where = f"event {e['id']}"
        assert e["plover"] in PLOVER, where
        assert e["certainty"] in CERTAINTY, where
        assert e["source_kind"] in SECTION_KINDS, where
        if e["acled_event_type"] is None:
            assert e["acled_sub_event_type"] is None, where
        else:
            assert e["acled_event_type"] in ACLED, where
            assert e["acled_sub_event_type"] in ACLED[e["acled_event_type"]], where
        check_span(text, e["evidence"], f"{where} evidence")
        check_span(text, e["trigger"], f"{where} trigger")
        assert e["evidence"]["start"] <= e["trigger"]["start"] and e["trigger"]["end"] <= e["evidence"]["end"]
        for role in ("actor1", "actor2"):
            if e[role] is not None:
                assert e[role] in actor_ids, f"{where}: {role} {e[role]} not among the actors"
            if e[f"{role}_mention"] is not None:
                check_span(text, e[f"{role}_mention"], f"{where} {role}_mention")
        if e["location"] is not None:
            loc = e["location"]
            assert text[loc["start"]:loc["end"]], where
        assert 0.0 <= e["confidence"] <= 1.0, where
    assert len(event_ids) == len(obj["events"]), "duplicate event ids"
    for r in obj["relations"]:
        where = f"relation {r['type']} {r['source']}->{r['target']}"
        assert r["type"] in RELATION_TYPES, where
        assert r["status"] in RELATION_STATUS, where
        assert r["certainty"] in CERTAINTY, where
        assert r["source_kind"] in SECTION_KINDS, where
        assert r["source"] in actor_ids and r["target"] in actor_ids, where
        check_span(text, r["evidence"], f"{where} evidence")
        for m in ("source_mention", "target_mention"):
            if r[m] is not None:
                check_span(text, r[m], f"{where} {m}")
        assert r["derived_from"] is None or r["derived_from"] in event_ids, where
        assert 0.0 <= r["confidence"] <= 1.0, where
    for p in obj["places"]:
        check_span(text, p, f"place {p['name']}")


def test_examples_folder_is_read_completely(examples: list[dict[str, Any]]) -> None:
    # 7 single-document files plus 3 lines of sahel-2017.jsonl, none failing.
    assert len(examples) == 10
    assert [o for o in examples if "error" in o] == []
    ids = [o["document"]["id"] for o in examples]
    assert ids[:5] == [str(EXAMPLES / n) for n in (
        "hts-formation-2017.txt", "kherson-2022.txt", "libya-2019.txt", "manbij-2016.html", "mosul-2017.txt")]


def test_examples_satisfy_the_contract(examples: list[dict[str, Any]]) -> None:
    for obj in examples:
        check_object(obj)


def test_examples_yield_events_and_relations(examples: list[dict[str, Any]]) -> None:
    assert sum(len(o["events"]) for o in examples) >= 10
    assert sum(len(o["relations"]) for o in examples) >= 5
    assert all(e["evidence"] for o in examples for e in o["events"])


def test_html_example_has_comment_sections(examples: list[dict[str, Any]]) -> None:
    [manbij] = [o for o in examples if o["document"]["id"].endswith("manbij-2016.html")]
    kinds = [s["kind"] for s in manbij["document"]["sections"]]
    assert kinds == ["article", "comment", "comment", "comment"]


def test_seed_report_satisfies_the_contract(shared_dir: Path, pipeline: Pipeline) -> None:
    seed = shared_dir / "data" / "seed"
    if not seed.is_dir() or not any(seed.iterdir()):
        pytest.skip("no seed report in ../shared/data/seed")
    objs = _extract([str(seed)], pipeline)
    assert objs and all("error" not in o for o in objs)
    for obj in objs:
        check_object(obj)


def test_error_lines_satisfy_the_contract(tmp_path: Path, pipeline: Pipeline) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "b.jsonl").write_text("{not json\n", encoding="utf-8")
    objs = _extract([str(tmp_path), str(tmp_path / "missing.txt")], pipeline)
    assert [(o["document"]["id"], o["error"]["code"]) for o in objs] == [
        (str(tmp_path / "b.jsonl") + ":1", "bad_jsonl"),
        (str(tmp_path / "empty.txt"), "empty"),
        (str(tmp_path / "missing.txt"), "unreadable"),
    ]
    for obj in objs:
        check_object(obj)


def test_every_example_validates_against_the_shipped_json_schema(examples: list[dict[str, Any]]) -> None:
    import jsonschema

    from factiongraph.contract import json_schema

    validator = jsonschema.Draft202012Validator(json_schema(), format_checker=jsonschema.FormatChecker())
    problems = [f"{o['document']['id']}: {e.json_path}: {e.message}"
                for o in examples for e in validator.iter_errors(o)]  # fmt: skip
    assert problems == [] and len(examples) == 10
