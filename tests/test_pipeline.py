"""Pipeline: golden-file snapshots of whole extractions, and `extract` on a plain string.

Golden files: each tests/golden/NAME.txt is an input text; tests/golden/NAME.json holds
the expected extraction in a compact form (actor ids, section kinds, events as
[plover, actor1, actor2, certainty, source_kind, trigger text], relations as
[type, source, target, status]). The golden files are snapshots of the pipeline's
output, reviewed by hand: they may record known mistakes (listed under "known_wrong"
in each file) so that any change in behaviour shows up here.

To regenerate them after an intended change, run

    FG_UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_pipeline.py

then review the diff (`git diff tests/golden`) before committing: the tests pass while
updating. "known_wrong" notes are kept across updates.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path
from typing import Any

import pytest

from factiongraph.contract import to_contract
from factiongraph.document import Document
from factiongraph.pipeline import Pipeline, extract

GOLDEN = Path(__file__).resolve().parent / "golden"
PUBLISHED = dt.date(2016, 11, 22)
UPDATE = os.environ.get("FG_UPDATE_GOLDEN") == "1"
CASES = sorted(p.stem for p in GOLDEN.glob("*.txt"))


def summary(doc: Document) -> dict[str, Any]:
    obj = to_contract(doc)
    return {
        "sections": [s["kind"] for s in obj["document"]["sections"]],
        "actors": [a["id"] for a in obj["actors"]],
        "events": [
            [e["plover"], e["actor1"], e["actor2"], e["certainty"], e["source_kind"], e["trigger"]["text"]]
            for e in obj["events"]
        ],
        "relations": [[r["type"], r["source"], r["target"], r["status"]] for r in obj["relations"]],
    }


def dump(data: dict[str, Any]) -> str:
    """JSON with one list item a line: readable diffs."""
    blocks = []
    for key, value in data.items():
        items = ",\n".join(f"    {json.dumps(v, ensure_ascii=False)}" for v in value)
        blocks.append(f'  {json.dumps(key)}: [\n{items}\n  ]' if value else f"  {json.dumps(key)}: []")
    return "{\n" + ",\n".join(blocks) + "\n}\n"


def test_golden_cases_exist() -> None:
    assert CASES == ["aleppo-news", "douma-comment"]


@pytest.mark.parametrize("name", CASES)
def test_extraction_matches_golden_file(name: str, pipeline: Pipeline) -> None:
    text = (GOLDEN / f"{name}.txt").read_text(encoding="utf-8")
    got = summary(extract(text, pipeline=pipeline, published=PUBLISHED, doc_id=name))
    path = GOLDEN / f"{name}.json"
    if UPDATE:
        old = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
        data = {**got, "known_wrong": old.get("known_wrong", [])}
        path.write_text(dump(data), encoding="utf-8")
        return
    assert path.exists(), f"no golden file {path.name}: run with FG_UPDATE_GOLDEN=1"
    want = json.loads(path.read_text(encoding="utf-8"))
    want.pop("known_wrong", None)
    assert got == want


def test_extract_accepts_a_plain_string(pipeline: Pipeline) -> None:
    text = "Jabhat al-Nusra fighters attacked a Syrian army checkpoint near Aleppo on Sunday."
    doc = extract(text, pipeline=pipeline)
    assert doc.id == "text" and doc.text == text and doc.error is None
    assert [a.id for a in doc.actors] == ["jabhat-al-nusra", "syria"]
    [e] = doc.events
    assert (e.plover, e.actor1, e.actor2, e.trigger.text) == ("ASSAULT", "jabhat-al-nusra", "syria", "attacked")
    assert [s.kind for s in doc.sections] == ["article"]
    assert doc.parsed is None  # the spaCy Doc is not kept


def test_extract_keeps_id_title_and_published(pipeline: Pipeline) -> None:
    doc = extract("Rebels attacked an army post in Idlib on Sunday.", pipeline=pipeline, doc_id="r1",
                  title="Idlib", published=dt.date(2016, 11, 22))
    obj = to_contract(doc)["document"]
    assert (obj["id"], obj["title"], obj["published"]) == ("r1", "Idlib", "2016-11-22")


def test_pipeline_run_keeps_input_order_and_passes_errors_through(pipeline: Pipeline) -> None:
    from factiongraph.document import DocError

    docs = [
        Document(id="a", text="Hezbollah fighters attacked Jabhat al-Nusra positions near Qusayr."),
        Document(id="bad", text="", error=DocError("empty", "no text")),
        Document(id="b", text="Turkish troops shelled Kurdish YPG positions near Afrin."),
    ]
    out = list(pipeline.run(docs))
    assert [d.id for d in out] == ["a", "bad", "b"]
    assert out[1].error == DocError("empty", "no text") and out[1].events == ()
    assert [(e.actor1, e.actor2) for e in out[0].events] == [("hezbollah", "jabhat-al-nusra")]
    assert [(e.actor1, e.actor2) for e in out[2].events] == [("turkey", "ypg")]
