#!/usr/bin/env python3
"""Throughput side by side: bare spaCy, the full pipeline on 1 and N worker processes, batch on Ray.

    .venv/bin/python bench/throughput.py [--words 200000] [--workers 2] [--memory-docs 20000] [--model sm]
    .venv/bin/python bench/throughput.py --words 100000 --modes spacy,full-1   # the one-process ratio only

Same text (the seed report repeated to ~WORDS words, one document per copy) and the same spaCy model
for every row. Bare spaCy and the full pipeline in one process are measured in one process, in
alternating rounds over the same blocks of documents, on CPU time: on a machine shared with other
jobs, wall time and any one stretch of time depend on the neighbours' load, while CPU time per word
of rounds taken in turns does not favour either side. Bare spaCy runs twice: the model as published
(`spacy.load`, every pipe, no factiongraph component) and the model as the pipeline loads it (plus
the line-break component); the full pipeline's rounds include writing each document as a JSON line,
as `factiongraph extract --format jsonl` does. The ratio printed under the table is bare spaCy's CPU
time per word over the pipeline's (the pipeline's words per CPU-second as a share of spaCy's), with
the spread of that ratio over the rounds, and the per-stage table says where the pipeline's CPU goes.

The worker, Ray and memory rows each run in their own process so peak memory is their own. Their
rates are steady state: the clock starts once the first `workers x chunk` documents are back, so
model loading and worker start-up are not counted (they are reported apart, as start-up seconds).
Peak RSS is per worker process (for the one-process rows, the process's high-water mark after that
row's first round). The memory run extracts MEMORY_DOCS short distinct documents with N workers and
prints each worker's peak RSS after 10%, 50% and 100% of them: flat numbers mean memory does not grow
with the corpus. "CPU ms / 1k words" counts every process doing the work (parent and workers) in the
timed phase, and "cores used" is that CPU time over wall time: equal CPU per word with fewer cores
used means the workers were starved, not slow.
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
from collections import defaultdict
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
# the shared data beside the checkout; FG_SHARED_DIR points elsewhere (a worktree: else the seed is missed)
SEED = Path(os.environ.get("FG_SHARED_DIR") or ROOT.parent / "shared") / "data" / "seed" / "aleppo-infighting.txt"
CHUNK = 8
ROUND_DOCS = 16  # documents per round of the one-process comparison (one spaCy batch)
ONE_PROCESS = ("spacy-published", "spacy", "full-1")  # the rows measured together, in turns


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


def _timed(cpu: dict[str, float], name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
    """`fn` with the CPU seconds of its calls added to `cpu[name]`."""

    def run(*args: Any, **kwargs: Any) -> Any:
        t = time.process_time()
        try:
            return fn(*args, **kwargs)
        finally:
            cpu[name] += time.process_time() - t

    return run


class _TimedNlp:
    """The pipeline's spaCy model with the CPU time of its parsing counted apart (for the stage table)."""

    def __init__(self, nlp: Any, cpu: dict[str, float]) -> None:
        self._nlp, self._cpu = nlp, cpu
        self.__call__ = _timed(cpu, "parse (spaCy)", nlp)

    def pipe(self, texts: Any, **kwargs: Any) -> Iterator[Any]:
        it = self._nlp.pipe(texts, **kwargs)
        while True:
            t = time.process_time()
            try:
                sd = next(it)
            except StopIteration:
                return
            finally:
                self._cpu["parse (spaCy)"] += time.process_time() - t
            yield sd

    def __getattr__(self, name: str) -> Any:
        return getattr(self._nlp, name)


def one_process(words: int, model: str | None) -> list[dict]:
    """Bare spaCy (as published and as loaded here) and the full pipeline in this one process, in
    rounds taken in turns over the same blocks of documents, on CPU time (see the module notes)."""
    from factiongraph import nlp as nlp_models
    from factiongraph.actors.registry import Registry
    from factiongraph.confidence import above, default_threshold
    from factiongraph.contract import to_contract
    from factiongraph.document import Document
    from factiongraph.events.lexicon import Lexicon
    from factiongraph.parallel import worker_peak_rss_mb
    from factiongraph.pipeline import DEFAULT_MAX_BYTES, Pipeline, settle
    from factiongraph.places import Gazetteer

    texts = corpus(words)
    nwords = len(texts[0].split())
    blocks = [texts[i:i + ROUND_DOCS] for i in range(0, len(texts), ROUND_DOCS)]
    t_load = time.perf_counter()
    nlp = nlp_models.load(model)
    nlp.max_length = max(nlp.max_length, DEFAULT_MAX_BYTES * 2)  # as Pipeline.load sets it
    threshold = default_threshold()
    stages: dict[str, float] = defaultdict(float)
    pipe: Pipeline | None = None
    rss: dict[str, float] = {}

    def run(mode: str, block: list[str]) -> None:
        if mode == "spacy-published":
            for _ in nlp.pipe(block, batch_size=ROUND_DOCS, disable=[nlp_models.LINE_BREAKS]):
                pass
        elif mode == "spacy":
            for _ in nlp.pipe(block, batch_size=ROUND_DOCS):
                pass
        else:
            assert pipe is not None
            docs = [Document(id=f"d{i}", text=t) for i, t in enumerate(block)]
            for d in pipe.run(docs, batch_size=ROUND_DOCS):
                t = time.process_time()
                json.dumps(to_contract(above(d, threshold)), ensure_ascii=False)
                stages["JSON output"] += time.process_time() - t

    def timed_pipeline() -> Pipeline:
        """The pipeline over the same model, each of its stages' CPU time counted in `stages`."""
        p = Pipeline.build(nlp, Registry.load(), Gazetteer.load(), Lexicon.load())
        own = tuple((name, _timed(stages, name, fn)) for name, fn in Pipeline.stages(p))
        p.nlp = _TimedNlp(nlp, stages)
        p.prepare = _timed(stages, "sections, dateline", p.prepare)  # type: ignore[method-assign]
        p.score = _timed(stages, "confidence", p.score)  # type: ignore[method-assign]
        p.stages = lambda: own  # type: ignore[method-assign]
        settle()  # as Pipeline.load does
        return p

    startup = {}
    for mode in ONE_PROCESS:  # the first block warms each up, untimed
        if mode == "full-1":
            pipe = timed_pipeline()
        run(mode, blocks[0])
        startup[mode] = time.perf_counter() - t_load
        rss[mode] = worker_peak_rss_mb()
    stages.clear()
    cpu = dict.fromkeys(ONE_PROCESS, 0.0)
    wall = dict.fromkeys(ONE_PROCESS, 0.0)
    ratios: list[float] = []
    per_round: dict[str, list[float]] = {m: [] for m in ONE_PROCESS}  # CPU ms / 1k words of each round
    timed_docs = 0
    for r, block in enumerate(blocks[1:] or blocks):
        order = ONE_PROCESS[r % 3:] + ONE_PROCESS[:r % 3]  # each mode first, second and last in turn
        spent = {}
        for mode in order:
            c, w = time.process_time(), time.perf_counter()
            run(mode, block)
            spent[mode] = time.process_time() - c
            cpu[mode] += spent[mode]
            wall[mode] += time.perf_counter() - w
        ratios.append(spent["spacy-published"] / spent["full-1"])
        for mode in ONE_PROCESS:
            per_round[mode].append(1000 * spent[mode] / (len(block) * nwords / 1000))
        timed_docs += len(block)
    timed_words = timed_docs * nwords
    full_cpu = cpu["full-1"]
    stages["extraction: joins, salience, bookkeeping"] = full_cpu - sum(stages.values())
    rows = []
    for mode in ONE_PROCESS:
        rows.append({
            "mode": mode, "docs": timed_docs, "words": timed_words, "wall_s": wall[mode], "startup_s": startup[mode],
            "words_per_s": timed_words / wall[mode], "docs_per_s": timed_docs / wall[mode],
            "cpu_ms_per_kword": 1000 * cpu[mode] / (timed_words / 1000), "cores_used": cpu[mode] / wall[mode],
            "workers": 1, "worker_rss_mb": [rss[mode]], "round_cpu_ms_per_kword": per_round[mode],
        })
    rows[-1]["rounds"] = ratios
    rows[-1]["stages_cpu_s"] = dict(sorted(stages.items(), key=lambda kv: -kv[1]))
    return rows


def child(mode: str, words: int, workers: int, model: str | None, memory_docs: int) -> dict:
    from factiongraph.document import Document
    from factiongraph.parallel import PipelineSpec, PoolStats, run_parallel, worker_peak_rss_mb

    spec = PipelineSpec(model=model)
    texts = corpus(words)
    nwords = len(texts[0].split())
    if mode == "full-n":
        n = workers
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


def measure(mode: str, a: argparse.Namespace) -> list[dict]:
    """The rows of one child process (`one-process` gives the three rows measured together)."""
    args = [sys.executable, __file__, "--child", mode, "--words", str(a.words), "--workers", str(a.workers),
            "--memory-docs", str(a.memory_docs)] + (["--model", a.model] if a.model else [])
    proc = subprocess.run(args, capture_output=True, text=True)
    if proc.returncode != 0:
        sys.stderr.write(f"{mode} failed:\n{proc.stderr[-2000:]}\n")
        return []
    res = json.loads(proc.stdout.strip().splitlines()[-1])
    if isinstance(res, list):
        return res
    res["mode"] = mode
    return [res]


LABELS = {"spacy-published": "bare spaCy nlp.pipe, model as published",
          "spacy": "bare spaCy nlp.pipe, with the line-break component",
          "full-1": "full pipeline, 1 process", "full-n": "full pipeline, {n} workers",
          "ray": "batch --engine ray, {n} actors", "memory": "memory run: {docs} short docs, {n} workers"}


def _num(v: float | None, digits: int) -> str:
    return "-" if v is None else f"{v:,.{digits}f}"


def table(rows: list[dict]) -> str:
    base = next((r["words_per_s"] for r in rows if r["mode"] == "full-1"), None)
    bare = next((r["cpu_ms_per_kword"] for r in rows if r["mode"] == "spacy-published"), None)
    out = ["| run | docs | words | seconds | start-up s | words/s | docs/s | vs 1 process | CPU ms / 1k words "
           "| words per CPU-s vs bare spaCy | cores used | peak RSS per worker MB |",
           "|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for r in rows:
        label = LABELS[r["mode"]].format(n=r["workers"], docs=r["docs"])
        rel = f"{r['words_per_s'] / base:.2f}x" if base and r["mode"] != "memory" else "-"
        vs_bare = f"{bare / r['cpu_ms_per_kword']:.0%}" if bare and r["cpu_ms_per_kword"] else "-"
        rss = ", ".join(f"{v:.0f}" for v in r["worker_rss_mb"])
        out.append(f"| {label} | {r['docs']} | {r['words']} | {r['wall_s']:.1f} | {r['startup_s']:.1f} | "
                   f"{r['words_per_s']:,.0f} | {r['docs_per_s']:.1f} | {rel} | {_num(r['cpu_ms_per_kword'], 0)} | "
                   f"{vs_bare} | {_num(r['cores_used'], 2)} | {rss} |")
    by = {r["mode"]: r for r in rows}
    if all(m in by for m in ONE_PROCESS):
        full = by["full-1"]
        ratio = by["spacy-published"]["cpu_ms_per_kword"] / full["cpu_ms_per_kword"]
        loaded = by["spacy"]["cpu_ms_per_kword"] / full["cpu_ms_per_kword"]
        rounds = sorted(full["rounds"])
        best = min(by["spacy-published"]["round_cpu_ms_per_kword"]) / min(full["round_cpu_ms_per_kword"])
        out += ["", f"Full pipeline in one process: **{ratio:.0%} of bare spaCy's words per CPU-second** "
                f"(model as published; {loaded:.0%} of the model as the pipeline loads it, with its line-break "
                f"component); over {len(rounds)} rounds of {ROUND_DOCS} documents taken in turns the ratio ran "
                f"from {rounds[0]:.0%} to {rounds[-1]:.0%}, median {rounds[len(rounds) // 2]:.0%}; "
                f"fastest round of each (the least disturbed by other jobs): {best:.0%}.",
                "", "Where the full pipeline's CPU goes (one process, timed rounds):", "",
                "| stage | CPU s | share | CPU ms / 1k words |", "|---|---|---|---|"]
        total = sum(full["stages_cpu_s"].values())
        for name, sec in full["stages_cpu_s"].items():
            out.append(f"| {name} | {sec:.2f} | {sec / total:.1%} | {1000 * sec / (full['words'] / 1000):.0f} |")
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
    ap.add_argument("--modes", default="spacy,full-1,full-n,ray,memory",
                    help="spacy and full-1 (either) run the one-process rows together, in turns")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.child:
        res = one_process(a.words, a.model) if a.child == "one-process" else child(
            a.child, a.words, a.workers, a.model, a.memory_docs)
        print(json.dumps(res))
        return 0
    modes = [m for m in a.modes.split(",") if m not in ("spacy", "full-1")]
    if any(m in a.modes.split(",") for m in ("spacy", "full-1")):
        modes.insert(0, "one-process")
    if "ray" in modes:
        try:
            import ray  # noqa: F401
        except ImportError:
            print("ray is not installed: skipping the Ray row (pip install 'factiongraph[ray]')", file=sys.stderr)
            modes.remove("ray")
    rows = []
    for m in modes:
        for r in measure(m, a):
            rows.append(r)
            print(f"{r['mode']:16s} {r['words_per_s']:9,.0f} words/s {r['docs_per_s']:8.1f} docs/s  "
                  f"CPU ms/1k words {_num(r['cpu_ms_per_kword'], 0)}  RSS/worker {r['worker_rss_mb']}",
                  file=sys.stderr)
    load = os.getloadavg()[0]
    print(f"\nThroughput ({os.cpu_count()} cores, 1-minute load average at the end {load:.1f}; "
          f"~{a.words:,} words of the seed report as separate documents)\n")
    print(table(rows))
    if a.json:
        print(json.dumps(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
