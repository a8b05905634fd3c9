"""Dev-set scores never drop below their last recorded level (tests/quality/floors.json).

Runs the pipeline in-process over each dev set in ../shared/data/dev and scores it with
../shared/eval/score.py, on what `factiongraph extract` prints: relations at or above the
confidence model's default threshold ("<set> (every candidate)" scores every relation, as
`--min-confidence 0` prints them). Skips where ../shared is absent. When a change raises a
score, raise its floor in floors.json in the same commit (floors are the measured value,
rounded down to 3 decimals, so noise-free runs never fail). Precision and recall of the main
set, real reports (realnews-dev), are floored apart: a recall gain bought with precision fails.
The seed report is a smoke test (tests/web/test_seed_end_to_end.py), not a target.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
from pathlib import Path

import pytest

from factiongraph.confidence import above, default_threshold
from factiongraph.contract import to_contract
from factiongraph.document import Document

pytestmark = pytest.mark.slow  # the pipeline over every dev set: an acceptance run, not the edit loop

EVERY = " (every candidate)"
FLOORS = json.loads((Path(__file__).with_name("floors.json")).read_text(encoding="utf-8"))


def _score_module(shared: Path):
    spec = importlib.util.spec_from_file_location("fg_eval_score", shared / "eval" / "score.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="module")
def scores(shared_dir: Path, pipeline) -> dict[str, dict]:
    score = _score_module(shared_dir)
    out = {}
    for name in FLOORS:
        every = name.endswith(EVERY)
        threshold = 0.0 if every else default_threshold()
        gold = score.read_jsonl(shared_dir / "data" / "dev" / f"{name.removesuffix(EVERY)}.gold.jsonl")
        docs = [
            Document(
                id=str(g["id"]), text=g["text"], title=g.get("title"),
                published=dt.date.fromisoformat(g["published"]) if g.get("published") else None,
            )
            for g in gold
        ]
        preds = [to_contract(above(d, threshold)) for d in pipeline.run(docs)]
        out[name] = score.score(gold, preds)
    return out


CASES = [(name, metric, field, floor) for name, metrics in FLOORS.items() for metric, fields in metrics.items()
         for field, floor in fields.items()]


@pytest.mark.parametrize(("name", "metric", "field", "floor"), CASES, ids=[f"{c[0]}-{c[1]}-{c[2]}" for c in CASES])
def test_dev_score_does_not_drop_below_last_level(scores, name, metric, field, floor):
    value = scores[name][metric][field]
    if field == "ratio":  # actor fragmentation: lower is better
        assert value <= floor, f"{name} {metric}.{field} rose to {value:.3f} (ceiling {floor})"
    else:
        assert value >= floor, f"{name} {metric}.{field} dropped to {value:.3f} (floor {floor})"
