"""scripts/train_confidence.py reproduces the shipped confidence model from the annotated reports.

The model is a generated file: a change to the extractor that moves its features must come with a
retrained `model.json` (run the script), or this test fails.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = ROOT / "src" / "factiongraph" / "confidence" / "model.json"

pytestmark = pytest.mark.slow  # the extractor over the annotated reports


def test_training_reproduces_the_shipped_model(tmp_path: Path, shared_dir: Path) -> None:
    pytest.importorskip("sklearn")
    out = tmp_path / "model.json"
    gold = shared_dir / "data" / "dev" / "realnews-dev.gold.jsonl"
    proc = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "train_confidence.py"), str(gold),
         "--eval-dir", str(shared_dir / "eval"), "--out", str(out)],
        capture_output=True, text=True,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr[-2000:]
    got, want = json.loads(out.read_text()), json.loads(SHIPPED.read_text())
    assert got["inputs"] == want["inputs"], "the annotated reports changed: retrain the model"
    assert (got["threshold"], got["cv"]["ties"], got["cv"]["positives"]) == (
        want["threshold"], want["cv"]["ties"], want["cv"]["positives"]
    ), "the extractor's output changed: run scripts/train_confidence.py and commit model.json"
    assert got["weights"].keys() == want["weights"].keys()
    assert all(abs(got["weights"][k] - want["weights"][k]) < 1e-3 for k in want["weights"])
