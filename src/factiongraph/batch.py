"""Batch extraction: JSONL or Parquet shards in, Parquet tables out, resumable shard by shard.

    from factiongraph.batch import run_batch
    summary = run_batch("corpus/*.jsonl", "out/", engine="local", workers=2, shard_size=1000)

Output: the store's own tables (`store.schema.COLUMNS`: the same names and types), one Parquet
file per table and shard. DuckDB reads them directly (``SELECT * FROM 'out/events/*.parquet'``)
and `factiongraph ingest OUT` loads them into a store in bulk (`store.load`)::

    OUT/documents/SHARD.parquet   one row per document, keyed by `hash` (its identity; errors in error_code)
    OUT/actors/SHARD.parquet      one row per actor seen in the shard
    OUT/mentions/SHARD.parquet    one row per actor mention
    OUT/events/SHARD.parquet      one row per event (contract fields flattened: actor1_start ...), `doc_hash`
    OUT/relations/SHARD.parquet   one row per relation, `doc_hash`
    OUT/places/SHARD.parquet      one row per toponym, `doc_hash`

Rows are the output contract (`to_contract`) flattened by `store.rows.contract_rows`, as the store
writes them. A document whose identity repeats within a shard adds no second set of rows. An input
shard is ``shard_size`` consecutive documents of one input file, named ``STEM-HASH-NNNNN`` (HASH
tells apart files with the same name in different folders). Each table file is written under a
temporary name and renamed, the documents table last; a shard whose six files all exist is skipped
when the command is run again.
"""

from __future__ import annotations

import datetime as dt
import glob
import hashlib
import json
import os
import re
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any

from factiongraph.contract import to_contract
from factiongraph.document import Document
from factiongraph.parallel import (
    DEFAULT_BATCH_SIZE,
    DEFAULT_CHUNK_SIZE,
    PipelineSpec,
    PoolStats,
    WorkResult,
    _chunks,
    _failed,
    extract_chunk,
    run_parallel,
    worker_peak_rss_mb,
)
from factiongraph.store.rows import Rows, contract_rows, empty_rows
from factiongraph.store.schema import arrow_schema

if TYPE_CHECKING:  # pragma: no cover
    from factiongraph.pipeline import Pipeline

__all__ = ["TABLES", "BatchError", "BatchSummary", "Shard", "document_rows", "plan_inputs", "run_batch", "table_schema"]

DEFAULT_SHARD_SIZE = 1000
INPUT_SUFFIXES = (".jsonl", ".parquet")
PARQUET_COLUMNS = ("id", "text", "html", "title", "url", "published")
# the store's tables; documents last: its file marks a shard done
TABLES = ("actors", "mentions", "events", "relations", "places", "documents")


class BatchError(RuntimeError):
    """A batch cannot start (no inputs, missing optional dependency...): the message says why."""


# --------------------------------------------------------------------------- tables


def table_schema(table: str) -> Any:
    """The pyarrow schema of an output table: the store's table (`store.schema.COLUMNS`)."""
    _pyarrow()
    return arrow_schema(table)


def document_rows(doc: Document, when: dt.datetime | None = None) -> Rows:
    """The rows a document adds to each table, keyed by its identity (`store.ingest.document_key`)."""
    from factiongraph.store.ingest import document_key

    stamp = when or dt.datetime.now(dt.timezone.utc).replace(tzinfo=None, microsecond=0)
    return contract_rows(document_key(doc), to_contract(doc), stamp)


def _arrow_table(table: str, rows: list[tuple[Any, ...]]) -> Any:
    pa = _pyarrow()
    schema = table_schema(table)
    columns = list(zip(*rows, strict=True)) if rows else [()] * len(schema)
    return pa.Table.from_arrays([pa.array(list(c), type=f.type) for c, f in zip(columns, schema, strict=True)],
                                schema=schema)  # fmt: skip


# --------------------------------------------------------------------------- inputs


def _pyarrow() -> Any:
    try:
        import pyarrow as pa
        import pyarrow.parquet  # noqa: F401 - registers pa.parquet
    except ImportError:  # pragma: no cover - depends on the install
        raise BatchError("batch needs pyarrow: pip install 'factiongraph[batch]'") from None
    return pa


def plan_inputs(spec: str | Path | Sequence[str | Path]) -> list[Path]:
    """Input files (.jsonl, .parquet) from files, folders (recursive) and globs, sorted, no duplicates."""
    items = [spec] if isinstance(spec, str | Path) else list(spec)
    found: list[Path] = []
    for item in items:
        s = str(item)
        if os.path.isdir(s):
            matches = [Path(r) / f for r, ds, fs in os.walk(s) for f in fs]
        elif glob.has_magic(s):
            matches = [Path(p) for p in glob.glob(s, recursive=True)]
        elif os.path.exists(s):
            matches = [Path(s)]
        else:
            raise BatchError(f"no such file, folder or glob match: {s}")
        found += sorted(p for p in matches if p.is_file() and p.suffix.lower() in INPUT_SUFFIXES
                        and not any(part.startswith(".") for part in p.parts[-1:]))
    seen: set[Path] = set()
    out = []
    for p in found:
        if p.resolve() not in seen:
            seen.add(p.resolve())
            out.append(p)
    if not out:
        raise BatchError(f"no .jsonl or .parquet files in {', '.join(str(i) for i in items)}")
    return out


def _count(path: Path) -> int:
    if path.suffix.lower() == ".parquet":
        return int(_pyarrow().parquet.ParquetFile(path).metadata.num_rows) or 1
    from factiongraph.read.count import _lines

    return _lines(path)


def _read_parquet(path: Path, max_bytes: int) -> Iterator[Document]:
    """Rows of a Parquet file as documents, with the JSONL reader's checks (id, text or html...)."""
    from factiongraph.read.core import _jsonl_record, error_doc

    pq = _pyarrow().parquet
    try:
        f = pq.ParquetFile(path)
    except Exception as exc:  # noqa: BLE001 - a bad file is an error document, not a crash
        yield error_doc(str(path), "unreadable", f"cannot read Parquet file: {exc}")
        return
    cols = [c for c in PARQUET_COLUMNS if c in f.schema_arrow.names]
    if "text" not in cols and "html" not in cols:
        yield error_doc(str(path), "bad_jsonl", 'Parquet file has no "text" or "html" column')
        return
    row = 0
    for batch in f.iter_batches(batch_size=256, columns=cols):
        for rec in batch.to_pylist():
            row += 1
            line = json.dumps({k: v for k, v in rec.items() if v is not None}, ensure_ascii=False, default=str)
            if len(line.encode("utf-8")) > max_bytes:
                yield error_doc(f"{path}:{row}", "too_large", f"row {row} is over {max_bytes} bytes")
                continue
            yield _jsonl_record(str(path), row, line, [])


def read_input(path: Path, max_bytes: int) -> Iterator[Document]:
    if path.suffix.lower() == ".parquet":
        return _read_parquet(path, max_bytes)
    from factiongraph.read import read_paths

    return read_paths([str(path)], max_bytes=max_bytes)


# --------------------------------------------------------------------------- shards


@dataclass(frozen=True)
class Shard:
    source: Path
    index: int
    name: str

    def paths(self, out: Path) -> dict[str, Path]:
        return {t: out / t / f"{self.name}.parquet" for t in TABLES}

    def done(self, out: Path) -> bool:
        return all(p.is_file() for p in self.paths(out).values())


def _shard_name(path: Path, index: int) -> str:
    stem = re.sub(r"[^A-Za-z0-9_.-]+", "_", path.name.rsplit(".", 1)[0])[:60] or "input"
    digest = hashlib.sha1(str(path.resolve()).encode()).hexdigest()[:8]
    return f"{stem}-{digest}-{index:05d}"


def write_shard(shard: Shard, out: Path, rows: Rows) -> None:
    """Writes a shard's tables, each to a temporary name then renamed; documents last."""
    pa = _pyarrow()
    for table in TABLES:
        final = shard.paths(out)[table]
        final.parent.mkdir(parents=True, exist_ok=True)
        tmp = final.with_name(f".{final.name}.{os.getpid()}.tmp")
        pa.parquet.write_table(_arrow_table(table, rows[table]), tmp)
        os.replace(tmp, final)


# --------------------------------------------------------------------------- engines

Runner = Callable[[Iterable[Document]], Iterator[Document]]


def local_runner(spec: PipelineSpec, workers: int, *, pipeline: Pipeline | None = None,
                 chunk_size: int = DEFAULT_CHUNK_SIZE, stats: PoolStats | None = None) -> Runner:
    def run(docs: Iterable[Document]) -> Iterator[Document]:
        return run_parallel(docs, spec, workers=workers, pipeline=pipeline, chunk_size=chunk_size, stats=stats)

    return run


class _RayExtractor:
    """One pipeline, loaded once per Ray actor (wrapped with `ray.remote` when Ray is used)."""

    def __init__(self, spec: PipelineSpec) -> None:
        from factiongraph.parallel import warm_up

        self.pipe = spec.load()
        warm_up(self.pipe)

    def run(self, docs: list[Document], batch_size: int) -> WorkResult:
        return extract_chunk(self.pipe, docs, batch_size), os.getpid(), worker_peak_rss_mb(), time.process_time()


def _import_ray() -> Any:
    try:
        import ray
    except ImportError:
        raise BatchError("--engine ray needs Ray, an optional dependency: pip install 'factiongraph[ray]'") from None
    return ray


def ray_runner(spec: PipelineSpec, workers: int | None, *, chunk_size: int = DEFAULT_CHUNK_SIZE,
               stats: PoolStats | None = None) -> Runner:
    """Extraction on a Ray actor pool: `workers` actors (default: one per CPU of the cluster), each
    loading the pipeline once; chunks are sent as actors free up, results come back in input order,
    at most 4 chunks per actor in flight. Uses the running Ray, else `ray.init()` (which connects to
    `RAY_ADDRESS` when set, else starts a local Ray with `workers` CPUs)."""
    ray = _import_ray()
    from ray.util import ActorPool

    started = False
    if not ray.is_initialized():
        kwargs: dict[str, Any] = {"include_dashboard": False, "ignore_reinit_error": True}
        if not os.environ.get("RAY_ADDRESS") and workers:
            kwargs["num_cpus"] = workers
        ray.init(**kwargs)
        started = True
    n = workers or max(1, int(ray.cluster_resources().get("CPU", 1)))
    stats = stats if stats is not None else PoolStats()
    remote_cls = ray.remote(num_cpus=1, max_restarts=2)(_RayExtractor)

    def run(docs: Iterable[Document]) -> Iterator[Document]:
        actors = [remote_cls.remote(spec) for _ in range(n)]
        pool = ActorPool(actors)
        pending: deque[list[Document]] = deque()
        source = _chunks(docs, chunk_size)

        def submit(chunk: list[Document]) -> None:
            pool.submit(lambda a, c: a.run.remote(c, DEFAULT_BATCH_SIZE), chunk)

        def refill() -> None:
            while len(pending) < 4 * n and (chunk := next(source, None)) is not None:
                pending.append(chunk)
                submit(chunk)

        try:
            refill()
            while pending:
                chunk = pending.popleft()
                try:
                    out, pid, rss, cpu = pool.get_next()
                    stats.note(pid, rss, cpu)
                except ray.exceptions.RayError:  # an actor died: find the document that kills it
                    out = _ray_isolate(ray, actors, chunk, stats)
                stats.chunks += 1
                yield from out
                refill()
        finally:
            for a in actors:
                ray.kill(a)
            if started:
                ray.shutdown()

    return run


def _ray_isolate(ray: Any, actors: list[Any], chunk: list[Document], stats: PoolStats) -> list[Document]:
    """Documents of a chunk whose actor died, one at a time; the one that kills an actor again fails."""
    out: list[Document] = []
    for i, d in enumerate(chunk):
        try:
            docs, pid, rss, cpu = ray.get(actors[i % len(actors)].run.remote([d], 1))
            out.extend(docs)
            stats.note(pid, rss, cpu)
        except ray.exceptions.RayError as exc:
            stats.restarts += 1
            out.append(_failed(d, "worker_crashed", f"the Ray actor died while extracting this document: {exc}"))
    return out


# --------------------------------------------------------------------------- the run


@dataclass
class BatchSummary:
    shards: int = 0
    shards_skipped: int = 0
    documents: int = 0
    failed: int = 0
    events: int = 0
    relations: int = 0
    written: list[str] = field(default_factory=list)


def _pending(inputs: Sequence[Path], out: Path, shard_size: int, max_bytes: int, summary: BatchSummary,
             skipped: Callable[[int], None]) -> Iterator[tuple[Shard, list[Document]]]:
    for path in inputs:
        docs = read_input(path, max_bytes)
        index = 0
        while chunk := list(islice(docs, shard_size)):
            shard = Shard(path, index, _shard_name(path, index))
            index += 1
            summary.shards += 1
            if shard.done(out):
                summary.shards_skipped += 1
                skipped(len(chunk))
                continue
            yield shard, chunk


def run_batch(
    inputs: str | Path | Sequence[str | Path],
    output: str | Path,
    *,
    engine: str = "local",
    workers: int | None = 1,
    shard_size: int = DEFAULT_SHARD_SIZE,
    spec: PipelineSpec | None = None,
    pipeline: Pipeline | None = None,
    max_bytes: int = 5_000_000,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    progress: Callable[[int], None] | None = None,
    on_shard: Callable[[Shard], None] | None = None,
    stats: PoolStats | None = None,
) -> BatchSummary:
    """Extracts every pending shard of the inputs into Parquet tables under `output`.

    `engine`: "local" (`factiongraph.parallel`; `workers` processes, in this process when 1, with
    `pipeline` when given) or "ray" (an actor pool of `workers` actors, default one per cluster CPU;
    `RAY_ADDRESS` picks the cluster). `progress(n)` is called as n documents are done or skipped;
    `on_shard(shard)` after each shard is written. Per-document errors are rows of the documents
    table, never exceptions.
    """
    if shard_size < 1:
        raise BatchError("shard size must be at least 1")
    _pyarrow()
    files = plan_inputs(inputs)
    out = Path(output)
    out.mkdir(parents=True, exist_ok=True)
    spec = spec or PipelineSpec()
    summary = BatchSummary()
    tick = progress or (lambda n: None)
    if engine == "local":
        runner = local_runner(spec, workers or 1, pipeline=pipeline, chunk_size=chunk_size, stats=stats)
    elif engine == "ray":
        runner = ray_runner(spec, workers, chunk_size=chunk_size, stats=stats)
    else:
        raise BatchError(f"unknown engine {engine!r}: expected local or ray")

    queue: deque[tuple[Shard, int]] = deque()

    def feed() -> Iterator[Document]:
        for shard, docs in _pending(files, out, shard_size, max_bytes, summary, tick):
            queue.append((shard, len(docs)))
            yield from docs

    rows = empty_rows()
    keys: set[str] = set()  # documents of this shard: a second one with the same identity adds no rows
    done_in_shard = 0
    for doc in runner(feed()):
        shard, size = queue[0]
        new_rows = document_rows(doc)
        if new_rows["documents"][0][0] not in keys:
            keys.add(new_rows["documents"][0][0])
            for table, new in new_rows.items():
                rows[table].extend(new)
        done_in_shard += 1
        summary.documents += 1
        summary.failed += doc.error is not None
        summary.events += len(doc.events)
        summary.relations += len(doc.relations)
        tick(1)
        if done_in_shard == size:
            write_shard(shard, out, rows)
            summary.written.append(shard.name)
            queue.popleft()
            rows = empty_rows()
            keys.clear()
            done_in_shard = 0
            if on_shard:
                on_shard(shard)
    return summary


def count_inputs(inputs: str | Path | Sequence[str | Path]) -> int:
    """Documents in the inputs (cheap: lines and Parquet metadata), for progress bars."""
    return sum(_count(p) for p in plan_inputs(inputs))
