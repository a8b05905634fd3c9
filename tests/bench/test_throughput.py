"""bench/throughput.py: the one-process ratio is bare spaCy's CPU per word over the pipeline's."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

BENCH = Path(__file__).resolve().parents[2] / "bench" / "throughput.py"


def load_bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("throughput_bench", BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def row(mode: str, cpu: float, per_round: list[float], **extra: object) -> dict:
    return {"mode": mode, "docs": 32, "words": 10_000, "wall_s": 4.0, "startup_s": 1.0, "words_per_s": 2500.0,
            "docs_per_s": 8.0, "cpu_ms_per_kword": cpu, "cores_used": 0.9, "workers": 1, "worker_rss_mb": [300.0],
            "round_cpu_ms_per_kword": per_round, **extra}


def test_ratio_line_reads_cpu_per_word_of_rounds_taken_in_turns():
    bench = load_bench()
    rows = [
        row("spacy-published", 200.0, [190.0, 210.0]),
        row("spacy", 202.0, [195.0, 209.0]),
        row("full-1", 250.0, [240.0, 260.0], rounds=[0.79, 0.81],
            stages_cpu_s={"parse (spaCy)": 2.0, "events": 0.5}),
    ]
    text = bench.table(rows)
    assert "| bare spaCy nlp.pipe, model as published | 32 | 10000 | 4.0 | 1.0 | 2,500 | 8.0 | 1.00x | 200 | 100% |" \
        in text
    assert "| full pipeline, 1 process | 32 | 10000 | 4.0 | 1.0 | 2,500 | 8.0 | 1.00x | 250 | 80% |" in text
    assert (
        "Full pipeline in one process: **80% of bare spaCy's words per CPU-second** (model as published; 81% of "
        "the model as the pipeline loads it, with its line-break component); over 2 rounds of 16 documents taken "
        "in turns the ratio ran from 79% to 81%, median 81%; fastest round of each (the least disturbed by other "
        "jobs): 79%."
    ) in text
    assert "| parse (spaCy) | 2.00 | 80.0% | 200 |" in text
    assert "| events | 0.50 | 20.0% | 50 |" in text
