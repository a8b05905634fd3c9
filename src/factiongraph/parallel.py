"""Extraction over several worker processes, in input order, in bounded memory.

    from factiongraph.parallel import PipelineSpec, run_parallel
    for doc in run_parallel(read_paths(paths), PipelineSpec(model="sm"), workers=2):
        ...

- Each worker process (``spawn`` by default; ``forkserver`` works too) loads the pipeline once,
  warms it up and then extracts chunks of documents with `Pipeline.run`.
- Documents are read lazily from the input iterator and sent in chunks; at most
  ``window`` chunks are in flight (sent and not yet yielded), so memory does not depend on
  the size of the corpus, and results are yielded in input order.
- Errors never stop a run: reader errors pass through untouched; a document whose
  extraction raises comes back with ``error.code == "extraction_failed"``; a document that
  kills its worker process (a segfault, the OOM killer) comes back with
  ``error.code == "worker_crashed"`` after the pool is restarted, and the rest of its chunk
  is extracted normally.
- Workers die with their parent: each watches its parent process and exits within about a
  second once the parent is gone (even after a ``kill -9``), so no worker is left behind.
"""

from __future__ import annotations

import dataclasses
import multiprocessing as mp
import os
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any

from factiongraph.document import DocError, Document

if TYPE_CHECKING:  # pragma: no cover
    from factiongraph.pipeline import Pipeline

__all__ = ["PipelineSpec", "PoolStats", "WorkResult", "extract_chunk", "run_parallel", "worker_peak_rss_mb"]

DEFAULT_CHUNK_SIZE = 8
DEFAULT_BATCH_SIZE = 16
MAX_CRASHES_IN_A_ROW = 3  # single documents killing fresh workers in a row: the workers cannot start
WARMUP_TEXT = "Rebels attacked army positions in Aleppo on Sunday, the Syrian Observatory said."


@dataclass(frozen=True)
class PipelineSpec:
    """What a worker loads: picklable, so it can be sent to a fresh process."""

    model: str | None = None
    registry_files: tuple[str, ...] = ()
    # Optional "module:function" or "path/to/file.py:function" called with this spec, returning
    # the pipeline (any object with `run(docs, batch_size)`); tests use it to inject faults.
    factory: str | None = None
    # Extra settings for the factory (picklable values only).
    options: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def checked(cls, model: str | None = None, registry_files: Sequence[str | Path] = ()) -> PipelineSpec:
        """A spec whose model and registry files are known to load here (raises `ModelNotFound`,
        `RegistryError`), without loading the model: the workers load it."""
        from factiongraph import nlp as nlp_models
        from factiongraph.actors.registry import Registry

        nlp_models.resolve_model_name(model)
        Registry.load(registry_files)
        return cls(model=model, registry_files=tuple(str(p) for p in registry_files))

    @classmethod
    def of(cls, pipe: Pipeline) -> PipelineSpec:
        """A spec that reloads a loaded pipeline's spaCy model (with the bundled registry)."""
        path = getattr(pipe.nlp, "path", None)
        return cls(model=str(path) if path else None)

    def load(self) -> Pipeline:
        if self.factory:
            import importlib
            import importlib.util

            mod, _, fn = self.factory.rpartition(":")
            if mod.endswith(".py"):
                loader_spec = importlib.util.spec_from_file_location(Path(mod).stem, mod)
                assert loader_spec is not None and loader_spec.loader is not None, mod
                module = importlib.util.module_from_spec(loader_spec)
                loader_spec.loader.exec_module(module)
            else:
                module = importlib.import_module(mod)
            pipe: Pipeline = getattr(module, fn)(self)
            return pipe
        from factiongraph.pipeline import Pipeline

        return Pipeline.load(model=self.model, registry_files=[Path(p) for p in self.registry_files])


# --------------------------------------------------------------------------- in a worker

_PIPE: Pipeline | None = None


PARENT_POLL_S = 0.5


def _exit_with_parent(parent: int) -> None:
    """Ends this worker as soon as its parent process is gone (it is then adopted by another process)."""
    import threading

    def watch() -> None:
        while True:
            if os.getppid() != parent:
                os._exit(1)
            time.sleep(PARENT_POLL_S)

    threading.Thread(target=watch, name="factiongraph-parent-watch", daemon=True).start()


def _init_worker(spec: PipelineSpec, parent: int | None = None) -> None:
    """Runs once in each worker process: watches its parent, loads and warms up the pipeline."""
    global _PIPE
    if parent is not None:
        _exit_with_parent(parent)
    # One thread per worker: the workers are the parallelism.
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(var, "1")
    _PIPE = spec.load()
    warm_up(_PIPE)


def warm_up(pipe: Pipeline) -> None:
    """Builds what the stages build lazily (actor matchers), so the first chunk is not slow."""
    for _ in pipe.run([Document(id="warmup", text=WARMUP_TEXT)]):
        pass


def _failed(doc: Document, code: str, exc: BaseException | str) -> Document:
    message = exc if isinstance(exc, str) else f"{type(exc).__name__}: {exc}"
    return dataclasses.replace(doc, parsed=None, error=DocError(code, message[:500]))


def extract_chunk(pipe: Pipeline, docs: Sequence[Document], batch_size: int = DEFAULT_BATCH_SIZE) -> list[Document]:
    """Extracts a chunk; when that raises, each document alone, failures becoming error documents."""
    try:
        return [dataclasses.replace(d, parsed=None) for d in pipe.run(docs, batch_size=batch_size)]
    except Exception:  # noqa: BLE001 - isolate the document that fails below
        pass
    out: list[Document] = []
    for d in docs:
        try:
            out.extend(dataclasses.replace(x, parsed=None) for x in pipe.run([d], batch_size=1))
        except Exception as exc:  # noqa: BLE001 - one document never stops a batch
            out.append(_failed(d, "extraction_failed", exc))
    return out


WorkResult = tuple[list[Document], int, float, float]  # documents, pid, peak RSS MB, CPU seconds so far


def _work(docs: list[Document], batch_size: int) -> WorkResult:
    assert _PIPE is not None, "worker not initialised"
    return extract_chunk(_PIPE, docs, batch_size), os.getpid(), worker_peak_rss_mb(), time.process_time()


def worker_peak_rss_mb() -> float:
    """Peak resident memory of this process, MB (Linux: ru_maxrss is in KB)."""
    import resource
    import sys

    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / (1024 * 1024) if sys.platform == "darwin" else rss / 1024


# --------------------------------------------------------------------------- in the parent


@dataclass
class PoolStats:
    """What a run observed (filled in while it runs)."""

    chunks: int = 0
    restarts: int = 0
    crashes_in_a_row: int = 0
    # peak RSS (MB) and CPU seconds used so far of each worker process, by pid (this process when workers <= 1)
    worker_rss_mb: dict[int, float] = field(default_factory=dict)
    worker_cpu_s: dict[int, float] = field(default_factory=dict)

    def note(self, pid: int, rss: float, cpu: float = 0.0) -> None:
        self.worker_rss_mb[pid] = max(rss, self.worker_rss_mb.get(pid, 0.0))
        self.worker_cpu_s[pid] = max(cpu, self.worker_cpu_s.get(pid, 0.0))


@dataclass
class _Chunk:
    docs: list[Document]
    future: Future[WorkResult] | None = None


def _chunks(docs: Iterable[Document], size: int) -> Iterator[list[Document]]:
    it = iter(docs)
    while chunk := list(islice(it, size)):
        yield chunk


class _Pool:
    def __init__(self, spec: PipelineSpec, workers: int, start_method: str) -> None:
        self.spec, self.workers, self.start_method = spec, workers, start_method
        self.ex = self._new()

    def _new(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            max_workers=self.workers,
            mp_context=mp.get_context(self.start_method),
            initializer=_init_worker,
            initargs=(self.spec, os.getpid()),
        )

    def restart(self) -> None:
        self.ex.shutdown(wait=False, cancel_futures=True)
        self.ex = self._new()

    def close(self) -> None:
        self.ex.shutdown(wait=True, cancel_futures=True)


def run_parallel(
    docs: Iterable[Document],
    spec: PipelineSpec | Pipeline | None = None,
    *,
    workers: int = 2,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    batch_size: int = DEFAULT_BATCH_SIZE,
    window: int | None = None,
    start_method: str = "spawn",
    pipeline: Pipeline | None = None,
    stats: PoolStats | None = None,
    on_chunk: Callable[[int], None] | None = None,
) -> Iterator[Document]:
    """Extracts documents over `workers` processes; yields them in input order.

    `spec` is what each worker loads (a loaded `Pipeline` is reloaded from its model in each
    worker). `window` (default 4 x workers) bounds the chunks in flight. With ``workers <= 1``
    the documents are extracted in this process (with `pipeline`, or a `Pipeline` passed as
    `spec`, when given, else `spec` loaded here), with the same per-document error handling.
    """
    if spec is not None and not isinstance(spec, PipelineSpec):
        pipeline = pipeline or spec
        spec = PipelineSpec.of(spec)
    spec = spec or PipelineSpec()
    stats = stats if stats is not None else PoolStats()
    if workers <= 1:
        pipe = pipeline or spec.load()
        for chunk in _chunks(docs, chunk_size):
            yield from extract_chunk(pipe, chunk, batch_size)
            stats.chunks += 1
            stats.note(os.getpid(), worker_peak_rss_mb(), time.process_time())
            if on_chunk:
                on_chunk(len(chunk))
        return
    window = window or 4 * workers
    pool = _Pool(spec, workers, start_method)
    pending: deque[_Chunk] = deque()
    source = _chunks(docs, chunk_size)
    exhausted = False

    def submit(c: _Chunk) -> None:
        c.future = pool.ex.submit(_work, c.docs, batch_size)

    def refill() -> None:
        nonlocal exhausted
        while not exhausted and len(pending) < window:
            nxt = next(source, None)
            if nxt is None:
                exhausted = True
                return
            c = _Chunk(nxt)
            pending.append(c)
            submit(c)

    try:
        refill()
        while pending:
            head = pending[0]
            assert head.future is not None
            try:
                out, pid, rss, cpu = head.future.result()
                stats.note(pid, rss, cpu)
            except BrokenProcessPool:
                out = _recover(pool, pending, batch_size, stats)
            pending.popleft()
            stats.chunks += 1
            yield from out
            if on_chunk:
                on_chunk(len(head.docs))
            refill()
    finally:
        pool.close()


def _recover(pool: _Pool, pending: deque[_Chunk], batch_size: int, stats: PoolStats) -> list[Document]:
    """A worker died: restart the pool; the head chunk is redone one document at a time so the
    document that kills a worker is found and reported; the other pending chunks are resubmitted."""
    stats.restarts += 1
    pool.restart()
    head = pending[0]
    out: list[Document] = []
    for d in head.docs:
        try:
            docs_out, pid, rss, cpu = pool.ex.submit(_work, [d], batch_size).result()
            out.extend(docs_out)
            stats.note(pid, rss, cpu)
            stats.crashes_in_a_row = 0
        except BrokenProcessPool:
            stats.restarts += 1
            stats.crashes_in_a_row += 1
            if stats.crashes_in_a_row >= MAX_CRASHES_IN_A_ROW:
                raise RuntimeError(
                    f"worker processes died {stats.crashes_in_a_row} times in a row: they cannot load the "
                    "pipeline (run the same command with --workers 1 to see why)"
                ) from None
            pool.restart()
            out.append(_failed(d, "worker_crashed", "the worker process died while extracting this document"))
    for c in list(pending)[1:]:
        c.future = pool.ex.submit(_work, c.docs, batch_size)
    return out

