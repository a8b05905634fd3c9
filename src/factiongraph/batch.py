"""Batch extraction: JSONL or Parquet shards in, Parquet tables out, resumable shard by shard.

    from factiongraph.batch import run_batch
    summary = run_batch("corpus/*.jsonl", "out/", engine="local", workers=2, shard_size=1000)

Output (DuckDB reads it directly: ``SELECT * FROM 'out/events/*.parquet'``)::

    OUT/documents/SHARD.parquet   one row per document (errors in error_code / error_message)
    OUT/actors/SHARD.parquet      one row per actor of a document
    OUT/events/SHARD.parquet      one row per event (contract fields flattened: actor1_mention_start ...)
    OUT/relations/SHARD.parquet   one row per relation
    OUT/places/SHARD.parquet      one row per toponym

Every row carries ``doc_id`` and ``shard``. Rows are the output contract (`to_contract`) flattened:
nested objects become ``parent_child`` columns. An input shard is ``shard_size`` consecutive
documents of one input file, named ``STEM-HASH-NNNNN`` (HASH tells apart files with the same
name in different folders). Each table file is written under a temporary name and renamed, the
documents table last; a shard whose five files all exist is skipped when the command is run again.
"""

from __future__ import annotations

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

if TYPE_CHECKING:  # pragma: no cover
    from factiongraph.pipeline import Pipeline

__all__ = ["TABLES", "BatchError", "BatchSummary", "Shard", "plan_inputs", "run_batch", "table_schema"]

DEFAULT_SHARD_SIZE = 1000
INPUT_SUFFIXES = (".jsonl", ".parquet")
PARQUET_COLUMNS = ("id", "text", "html", "title", "url", "published")
TABLES = ("actors", "events", "relations", "places", "documents")  # documents last: it marks a shard done


class BatchError(RuntimeError):
    """A batch cannot start (no inputs, missing optional dependency...): the message says why."""


# --------------------------------------------------------------------------- schemas

STR, INT, FLT, BOOL = "string", "int64", "float64", "bool"
SPAN = {"start": INT, "end": INT, "text": STR}
LOCATION = {"name": STR, "start": INT, "end": INT, "geonameid": INT, "lat": FLT, "lon": FLT, "country": STR,
            "admin1": STR, "precision": INT}
DATE = {"start": STR, "end": STR, "precision": STR, "text": STR}
# contract object -> column types; nested dicts are flattened to parent_child columns
EVENT = {
    "id": STR, "plover": STR, "plover_mode": STR, "acled_event_type": STR, "acled_sub_event_type": STR,
    "actor1": STR, "actor2": STR, "actor1_mention": SPAN, "actor2_mention": SPAN, "location": LOCATION,
    "date": DATE, "fatalities": INT, "certainty": STR, "source_kind": STR, "attributed_to": STR,
    "trigger": SPAN, "evidence": SPAN, "confidence": FLT,
}
RELATION = {
    "type": STR, "source": STR, "target": STR, "source_mention": SPAN, "target_mention": SPAN, "status": STR,
    "certainty": STR, "source_kind": STR, "evidence": SPAN, "derived_from": STR, "confidence": FLT,
}
PLACE = {"start": INT, "end": INT, "text": STR, "name": STR, "geonameid": INT, "lat": FLT, "lon": FLT, "country": STR,
         "admin1": STR, "feature": STR, "precision": INT}
ACTOR = {"id": STR, "name": STR, "kind": STR, "acled_inter": INT, "country": STR, "registry_id": STR, "known": BOOL,
         "mentions": "json"}
DOCUMENT = {
    "title": STR, "url": STR, "published": STR, "language": STR, "text": STR, "sections": "json", "warnings": "json",
    "error_code": STR, "error_message": STR, "n_actors": INT, "n_events": INT, "n_relations": INT, "n_places": INT,
}
RENAME = {"events": {"id": "event_id"}, "actors": {"id": "actor_id"}}


def _columns(spec: dict[str, Any], prefix: str = "") -> Iterator[tuple[str, tuple[str, ...], str]]:
    for key, typ in spec.items():
        if isinstance(typ, dict):
            for name, path, t in _columns(typ, f"{prefix}{key}_"):
                yield name, (key, *path), t
        else:
            yield f"{prefix}{key}", (key,), typ


def _table_columns(table: str) -> list[tuple[str, tuple[str, ...], str]]:
    specs: dict[str, dict[str, Any]] = {
        "events": EVENT, "relations": RELATION, "places": PLACE, "actors": ACTOR, "documents": DOCUMENT,
    }
    rename = RENAME.get(table, {})
    cols: list[tuple[str, tuple[str, ...], str]] = [("doc_id", (), STR), ("shard", (), STR)]
    return cols + [(rename.get(n, n), p, t) for n, p, t in _columns(specs[table])]


def table_schema(table: str) -> Any:
    """The pyarrow schema of an output table."""
    pa = _pyarrow()
    types = {STR: pa.string(), INT: pa.int64(), FLT: pa.float64(), BOOL: pa.bool_(), "json": pa.string()}
    return pa.schema([(name, types[t]) for name, _, t in _table_columns(table)])


def _get(obj: Any, path: tuple[str, ...]) -> Any:
    for key in path:
        if obj is None:
            return None
        obj = obj.get(key)
    return obj


def _flatten(table: str, obj: dict[str, Any], doc_id: str, shard: str) -> dict[str, Any]:
    row: dict[str, Any] = {}
    for name, path, typ in _table_columns(table):
        if name == "doc_id":
            row[name] = doc_id
        elif name == "shard":
            row[name] = shard
        else:
            v = _get(obj, path)
            row[name] = json.dumps(v, ensure_ascii=False) if typ == "json" and v is not None else v
    return row


def document_rows(doc: Document, shard: str) -> dict[str, list[dict[str, Any]]]:
    """The rows a document adds to each table: the output contract, flattened."""
    c = to_contract(doc)
    head = c["document"]
    err = c.get("error") or {}
    summary = {
        **head,
        "warnings": c.get("warnings") or None,
        "error_code": err.get("code"),
        "error_message": err.get("message"),
        "n_actors": len(c.get("actors", ())),
        "n_events": len(c.get("events", ())),
        "n_relations": len(c.get("relations", ())),
        "n_places": len(c.get("places", ())),
    }
    return {
        "documents": [_flatten("documents", summary, doc.id, shard)],
        "actors": [_flatten("actors", a, doc.id, shard) for a in c.get("actors", ())],
        "events": [_flatten("events", e, doc.id, shard) for e in c.get("events", ())],
        "relations": [_flatten("relations", r, doc.id, shard) for r in c.get("relations", ())],
        "places": [_flatten("places", p, doc.id, shard) for p in c.get("places", ())],
    }


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


def write_shard(shard: Shard, out: Path, rows: dict[str, list[dict[str, Any]]]) -> None:
    """Writes a shard's tables, each to a temporary name then renamed; documents last."""
    pa = _pyarrow()
    for table in TABLES:
        final = shard.paths(out)[table]
        final.parent.mkdir(parents=True, exist_ok=True)
        tmp = final.with_name(f".{final.name}.{os.getpid()}.tmp")
        pa.parquet.write_table(pa.Table.from_pylist(rows[table], schema=table_schema(table)), tmp)
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

    rows: dict[str, list[dict[str, Any]]] = {t: [] for t in TABLES}
    done_in_shard = 0
    for doc in runner(feed()):
        shard, size = queue[0]
        for table, new in document_rows(doc, shard.name).items():
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
            rows = {t: [] for t in TABLES}
            done_in_shard = 0
            if on_shard:
                on_shard(shard)
    return summary


def count_inputs(inputs: str | Path | Sequence[str | Path]) -> int:
    """Documents in the inputs (cheap: lines and Parquet metadata), for progress bars."""
    return sum(_count(p) for p in plan_inputs(inputs))
