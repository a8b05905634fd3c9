"""The output contract's JSON Schema (contract.json_schema, `factiongraph schema`): valid draft 2020-12,
the contract's vocabularies, and `extract` output (results, errors, warnings) validated against it."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any, get_args

import jsonschema
import pytest
from typer.testing import CliRunner

from factiongraph import document as d
from factiongraph.cli import app
from factiongraph.contract import json_schema, schema_text, to_contract
from factiongraph.events.acled import ACLED_SUB_EVENT_TYPES
from factiongraph.pipeline import Pipeline, extract, extract_paths

# Written for these tests: a clash, a backing statement and a reported air strike.
REPORTS = [
    "Houthi fighters clashed with Saudi-backed government troops near Marib on Tuesday, killing six of them.",
    "The Wagner Group has backed the Malian army in its campaign around Mopti since early 2022.",
    "Residents said Russian warplanes struck a market in Idlib, and the monitor put the death toll at nine.",
]


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(json_schema(), format_checker=jsonschema.FormatChecker())


def _errors(validator: jsonschema.Draft202012Validator, obj: dict[str, Any]) -> list[str]:
    return [f"{e.json_path}: {e.message}" for e in validator.iter_errors(obj)]


def test_schema_is_valid_draft_2020_12() -> None:
    s = json_schema()
    jsonschema.Draft202012Validator.check_schema(s)
    assert s["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert s["properties"]["schema"] == {"const": "factiongraph.document/1"}


def test_schema_vocabularies_are_the_contracts() -> None:
    defs = json_schema()["$defs"]
    assert defs["certainty"]["enum"] == list(d.CERTAINTIES)
    assert defs["source_kind"]["enum"] == ["article", "comment"]
    assert defs["actor"]["properties"]["kind"]["enum"] == list(get_args(d.ActorKind))
    assert defs["event"]["properties"]["plover"]["enum"] == list(d.PLOVER_TYPES)
    assert defs["event"]["properties"]["acled_event_type"]["enum"] == [*ACLED_SUB_EVENT_TYPES, None]
    subs = {s for v in ACLED_SUB_EVENT_TYPES.values() for s in v}
    assert set(defs["event"]["properties"]["acled_sub_event_type"]["enum"]) == subs | {None}
    assert defs["relation"]["properties"]["type"]["enum"] == ["alliance", "hostility", "support", "affiliation"]
    assert defs["relation"]["properties"]["status"]["enum"] == ["current", "former", "intended"]
    assert defs["relation"]["properties"]["change"]["enum"] == ["formed", "broken", "joined", "left", "merged", None]


def test_schema_command_prints_the_shipped_schema(tmp_path: Path) -> None:
    run = CliRunner()
    r = run.invoke(app, ["schema"])
    assert r.exit_code == 0 and json.loads(r.stdout) == json_schema() and r.stdout == schema_text()
    out = tmp_path / "contract.schema.json"
    assert run.invoke(app, ["schema", "-o", str(out)]).exit_code == 0
    assert out.read_text(encoding="utf-8") == schema_text()


def test_extracted_reports_validate(pipeline: Pipeline, validator: jsonschema.Draft202012Validator) -> None:
    objs = [json.loads(json.dumps(to_contract(extract(t, doc_id=f"r{i}", published=dt.date(2023, 5, 2),
                                                      pipeline=pipeline))))
            for i, t in enumerate(REPORTS)]  # fmt: skip
    assert [_errors(validator, o) for o in objs] == [[], [], []]
    assert all(o["events"] or o["relations"] for o in objs)


def test_extract_command_output_validates(
    pipeline: Pipeline, validator: jsonschema.Draft202012Validator, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from factiongraph import cli

    monkeypatch.setattr(cli.Pipeline, "load", staticmethod(lambda model=None, registry_files=(): pipeline))
    lines = "".join(json.dumps({"id": f"r{i}", "text": t, "published": "2023-05-02"}) + "\n"
                    for i, t in enumerate(REPORTS))  # fmt: skip
    (tmp_path / "reports.jsonl").write_text(lines + "[]\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    r = CliRunner().invoke(app, ["extract", str(tmp_path / "reports.jsonl"), "--format", "jsonl", "-o", str(out)])
    assert r.exit_code == 1  # the last line is no JSON object: an error line, and exit status 1
    objs = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [o["document"]["id"] for o in objs][:3] == ["r0", "r1", "r2"] and "error" in objs[3]
    assert [_errors(validator, o) for o in objs] == [[], [], [], []]


def test_error_and_warning_lines_validate(
    pipeline: Pipeline, validator: jsonschema.Draft202012Validator, tmp_path: Path
) -> None:
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "latin.txt").write_bytes("The militia r\xe9fused the truce and shelled the town of Kadugli.".encode(
        "latin-1"))
    (tmp_path / "bad.jsonl").write_text('{"id": "ok", "text": "Rebels attacked an army post."}\n[1, 2]\n',
                                        encoding="utf-8")
    objs = [json.loads(json.dumps(to_contract(doc))) for doc in extract_paths([str(tmp_path)], pipeline)]
    codes = sorted(o["error"]["code"] for o in objs if "error" in o)
    assert codes == ["bad_jsonl", "empty"]
    assert any(o.get("warnings") for o in objs if "error" not in o)
    assert [_errors(validator, o) for o in objs] == [[]] * len(objs)


def test_schema_rejects_what_the_contract_forbids(validator: jsonschema.Draft202012Validator) -> None:
    doc = {"id": "x", "title": None, "url": None, "published": None, "language": "en", "text": "abc",
           "sections": [{"kind": "article", "start": 0, "end": 3, "author": None}]}  # fmt: skip
    ok = {"schema": "factiongraph.document/1", "document": doc, "actors": [], "events": [], "relations": [],
          "places": []}  # fmt: skip
    assert _errors(validator, ok) == []
    rel = {"type": "alliance", "source": "a", "target": "b", "status": "current", "certainty": "certain",
           "source_kind": "article", "evidence": {"start": 0, "end": 3, "text": "abc"}, "derived_from": None}
    assert _errors(validator, {**ok, "relations": [rel]}) == [
        "$.relations[0].certainty: 'certain' is not one of ['asserted', 'reported', 'hedged', 'disputed', "
        "'speculative', 'hypothetical', 'negated']"]
    no_evidence = {k: v for k, v in rel.items() if k != "evidence"} | {"certainty": "asserted"}
    assert _errors(validator, {**ok, "relations": [no_evidence]}) == [
        "$.relations[0]: 'evidence' is a required property"]
    assert _errors(validator, {k: v for k, v in ok.items() if k != "places"}) == ["$: 'places' is a required property"]
    failed = {"schema": "factiongraph.document/1", "document": doc, "error": {"code": "empty", "message": "empty"}}
    assert _errors(validator, failed) == []
    assert _errors(validator, {**failed, "events": []}) != []
    bad_day = {**ok, "document": {**doc, "published": "2023-02-30"}}
    assert _errors(validator, bad_day) != []
