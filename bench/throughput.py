#!/usr/bin/env python3
"""Throughput side by side: bare spaCy, the full pipeline on 1 and N worker processes, batch on Ray.

    .venv/bin/python bench/throughput.py [--words 200000] [--workers 2] [--memory-docs 20000] [--model sm]

Same text (the seed report repeated to ~WORDS words, one document per copy) and the same spaCy model
for every row; each row runs in its own process so its peak memory is its own. Rates are steady
state: the clock starts once the first `workers x chunk` documents are back, so model loading and
worker start-up are not counted (they are reported apart, as start-up seconds). Peak RSS is per worker
process. The memory run extracts MEMORY_DOCS short distinct documents with N workers and prints
each worker's peak RSS after 10%, 50% and 100% of them: flat numbers mean memory does not grow with
the corpus. "CPU ms / 1k words" counts every process doing the work (parent and workers) in the
steady phase, and "cores used" is that CPU time over wall time: on a machine shared with other
jobs, equal CPU per word with fewer cores used means the workers were starved, not slow.
Prints a Markdown table (and JSON with --json).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT.parent / "shared" / "data" / "seed" / "aleppo-infighting.txt"
CHUNK = 8


def seed_text() -> str:
    return SEED.read_text(encoding="utf-8") if SEED.exists() else (ROOT / "examples" / "mosul-2017.txt").read_text()


def corpus(words: int) -> list[str]:
    text = seed_text()
    return [text] * max(1, words // len(text.split()))


def short_docs(n: int) -> Iterator[tuple[str, str]]:
    """Distinct short documents (~30 words): a seed sentence with a unique number and place-like name."""
    sents = [s.strip() for s in seed_text().replace("\n", " ").split(". ") if len(s.split()) > 6]
    for i in range(n):
        yield f"m{i}", f"Report {i} from Qaryat Zaw{i:05d}: {sents[i % len(sents)]}."


class Clock:
    """Counts documents and words after a warm-up prefix of `skip` documents."""

    def __init__(self, skip: int, cpu: Callable[[], float] = time.process_time) -> None:
        self.skip, self.seen, self.docs, self.words = skip, 0, 0, 0
        self.cpu = cpu  # CPU seconds used so far by every process doing the work
        self.t0 = time.perf_counter()
        self.t_start: float | None = None
        self.cpu_start = 0.0

    def tick(self, words: int) -> None:
        self.seen += 1
        if self.seen == self.skip:
            self.t_start = time.perf_counter()
            self.cpu_start = self.cpu()
        elif self.seen > self.skip:
            self.docs += 1
            self.words += words

    def result(self) -> dict:
        end = time.perf_counter()
        start = self.t_start or self.t0
        cpu = self.cpu() - self.cpu_start
        return {"docs": self.docs, "words": self.words, "wall_s": end - start, "startup_s": start - self.t0,
                "words_per_s": self.words / (end - start), "docs_per_s": self.docs / (end - start),
                "cpu_ms_per_kword": 1000 * cpu / max(self.words / 1000, 1e-9), "cores_used": cpu / (end - start)}


def child(mode: str, words: int, workers: int, model: str | None, memory_docs: int) -> dict:
    from factiongraph.document import Document
    from factiongraph.parallel import PipelineSpec, PoolStats, run_parallel, worker_peak_rss_mb

    spec = PipelineSpec(model=model)
    texts = corpus(words)
    nwords = len(texts[0].split())
    if mode == "spacy":
        pipe = spec.load()
        clock = Clock(CHUNK)
        for _ in pipe.nlp.pipe(texts, batch_size=16):
            clock.tick(nwords)
        return {**clock.result(), "workers": 1, "worker_rss_mb": [worker_peak_rss_mb()]}
    if mode in ("full-1", "full-n"):
        n = 1 if mode == "full-1" else workers
        stats = PoolStats()
        one = spec.load() if n == 1 else None
        clock = Clock(CHUNK * n, (lambda: time.process_time() + sum(stats.worker_cpu_s.values())) if n > 1
                      else time.process_time)
        docs = (Document(id=f"d{i}", text=t) for i, t in enumerate(texts))
        for _ in run_parallel(docs, spec, workers=n, pipeline=one, chunk_size=CHUNK, stats=stats):
            clock.tick(nwords)
        return {**clock.result(), "workers": n, "worker_rss_mb": sorted(stats.worker_rss_mb.values()),
                "parent_rss_mb": worker_peak_rss_mb()}
    if mode == "ray":
        from factiongraph.batch import run_batch

        stats = PoolStats()
        with tempfile.TemporaryDirectory() as tmp:
            src = Path(tmp) / "in.jsonl"
            src.write_text("".join(json.dumps({"id": f"d{i}", "text": t}) + "\n" for i, t in enumerate(texts)))
            clock = Clock(CHUNK * workers, lambda: time.process_time() + sum(stats.worker_cpu_s.values()))

            def progress(k: int) -> None:
                for _ in range(k):
                    clock.tick(nwords)

            run_batch(src, Path(tmp) / "out", engine="ray", workers=workers, shard_size=64, spec=spec,
                      progress=progress, stats=stats)
        return {**clock.result(), "workers": workers, "worker_rss_mb": sorted(stats.worker_rss_mb.values()),
                "parent_rss_mb": worker_peak_rss_mb()}
    if mode == "memory":
        stats = PoolStats()
        marks = {memory_docs // 10: "10%", memory_docs // 2: "50%", memory_docs: "100%"}
        at: dict[str, list[float]] = {}
        t0 = time.perf_counter()
        done = 0
        words = 0
        docs = (Document(id=i, text=t) for i, t in short_docs(memory_docs))
        for d in run_parallel(docs, spec, workers=workers, chunk_size=32, stats=stats):
            done += 1
            words += len(d.text.split())
            if done in marks:
                at[marks[done]] = [round(v) for v in sorted(stats.worker_rss_mb.values())]
        wall = time.perf_counter() - t0
        return {"docs": done, "words": words, "wall_s": wall, "startup_s": 0.0, "words_per_s": words / wall,
                "docs_per_s": done / wall, "cpu_ms_per_kword": None, "cores_used": None,
                "workers": workers, "worker_rss_mb": sorted(stats.worker_rss_mb.values()),
                "rss_at": at, "parent_rss_mb": worker_peak_rss_mb()}
    raise SystemExit(f"unknown mode {mode}")


def measure(mode: str, a: argparse.Namespace) -> dict | None:
    args = [sys.executable, __file__, "--child", mode, "--words", str(a.words), "--workers", str(a.workers),
            "--memory-docs", str(a.memory_docs)] + (["--model", a.model] if a.model else [])
    proc = subprocess.run(args, capture_output=True, text=True)
    if proc.returncode != 0:
        sys.stderr.write(f"{mode} failed:\n{proc.stderr[-2000:]}\n")
        return None
    res = json.loads(proc.stdout.strip().splitlines()[-1])
    res["mode"] = mode
    return res


LABELS = {"spacy": "bare spaCy nlp.pipe", "full-1": "full pipeline, 1 process", "full-n": "full pipeline, {n} workers",
          "ray": "batch --engine ray, {n} actors", "memory": "memory run: {docs} short docs, {n} workers"}


def _num(v: float | None, digits: int) -> str:
    return "-" if v is None else f"{v:,.{digits}f}"


def table(rows: list[dict]) -> str:
    base = next((r["words_per_s"] for r in rows if r["mode"] == "full-1"), None)
    out = ["| run | docs | words | seconds | start-up s | words/s | docs/s | vs 1 process | CPU ms / 1k words "
           "| cores used | peak RSS per worker MB |",
           "|---|---|---|---|---|---|---|---|---|---|---|"]
    for r in rows:
        label = LABELS[r["mode"]].format(n=r["workers"], docs=r["docs"])
        rel = f"{r['words_per_s'] / base:.2f}x" if base and r["mode"] != "memory" else "-"
        rss = ", ".join(f"{v:.0f}" for v in r["worker_rss_mb"])
        out.append(f"| {label} | {r['docs']} | {r['words']} | {r['wall_s']:.1f} | {r['startup_s']:.1f} | "
                   f"{r['words_per_s']:,.0f} | {r['docs_per_s']:.1f} | {rel} | {_num(r['cpu_ms_per_kword'], 0)} | "
                   f"{_num(r['cores_used'], 2)} | {rss} |")
    mem = next((r for r in rows if r["mode"] == "memory"), None)
    if mem:
        out += ["", "Memory run, peak RSS per worker (MB) after 10% / 50% / 100% of the documents: "
                + " / ".join(f"{k}: {v}" for k, v in mem["rss_at"].items())
                + f"; parent process {mem['parent_rss_mb']:.0f} MB."]
    return "\n".join(out)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--words", type=int, default=200_000)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--memory-docs", type=int, default=20_000)
    ap.add_argument("--model", default=None)
    ap.add_argument("--modes", default="spacy,full-1,full-n,ray,memory")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.child:
        print(json.dumps(child(a.child, a.words, a.workers, a.model, a.memory_docs)))
        return 0
    modes = a.modes.split(",")
    if "ray" in modes:
        try:
            import ray  # noqa: F401
        except ImportError:
            print("ray is not installed: skipping the Ray row (pip install 'factiongraph[ray]')", file=sys.stderr)
            modes.remove("ray")
    rows = []
    for m in modes:
        r = measure(m, a)
        if r:
            rows.append(r)
            print(f"{m:8s} {r['words_per_s']:9,.0f} words/s {r['docs_per_s']:8.1f} docs/s  "
                  f"RSS/worker {r['worker_rss_mb']}", file=sys.stderr)
    load = os.getloadavg()[0]
    print(f"\nThroughput ({os.cpu_count()} cores, 1-minute load average at the end {load:.1f}; "
          f"~{a.words:,} words of the seed report as separate documents)\n")
    print(table(rows))
    if a.json:
        print(json.dumps(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
