"""ACLED sub-type typing of the project's labelled descriptions never drops below its last level.

The descriptions (bench/data/acled-{dev,test,codebook}.jsonl) are written by the project in ACLED's
note style; `acled-test` was written apart and never used in development. Each description's
highest-confidence event gives its sub-type, as the scorer's `doc_label` does. Floors are in
floors_acled.json (measured weighted F1 rounded down to 3 decimals).
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from factiongraph.contract import to_contract
from factiongraph.document import Document

DATA = Path(__file__).resolve().parents[2] / "bench" / "data"
FLOORS = json.loads((Path(__file__).with_name("floors_acled.json")).read_text(encoding="utf-8"))


def weighted_f1(pairs: list[tuple[str, str | None]]) -> float:
    """F1 per gold label, weighted by the label's support (sklearn's 'weighted' average)."""
    support = Counter(g for g, _ in pairs)
    total = 0.0
    for label, n in support.items():
        tp = sum(1 for g, p in pairs if g == label and p == label)
        fp = sum(1 for g, p in pairs if g != label and p == label)
        fn = n - tp
        total += (2 * tp / (2 * tp + fp + fn) if tp else 0.0) * n
    return total / len(pairs)


def test_weighted_f1_weights_each_label_by_its_support() -> None:
    pairs = [("a", "a"), ("a", "a"), ("a", "b"), ("b", "b")]
    # a: tp 2, fn 1 -> f1 0.8 (x3); b: tp 1, fp 1 -> f1 2/3 (x1)
    assert weighted_f1(pairs) == pytest.approx((0.8 * 3 + 2 / 3) / 4)


# the 325-description codebook set is a long acceptance run (slow); the dev and test sets run in the edit loop
@pytest.mark.parametrize(
    "name", [pytest.param(n, marks=pytest.mark.slow) if n == "acled-codebook" else n for n in sorted(FLOORS)]
)
def test_acled_descriptions_do_not_drop_below_last_level(pipeline, name: str) -> None:
    rows = [json.loads(line) for line in (DATA / f"{name}.jsonl").read_text(encoding="utf-8").splitlines() if line]
    docs = pipeline.run([Document(id=r["id"], text=r["text"]) for r in rows])
    pairs = []
    for r, d in zip(rows, docs, strict=True):
        # the contract's (rounded) confidences, first event on ties: as the scorer's doc_label
        events = to_contract(d)["events"]
        best = max(events, key=lambda e: e["confidence"] or 0.0, default=None)
        pairs.append((r["acled_sub_event_type"], best["acled_sub_event_type"] if best else None))
    value = weighted_f1(pairs)
    assert value >= FLOORS[name], f"{name} weighted F1 dropped to {value:.4f} (floor {FLOORS[name]})"
