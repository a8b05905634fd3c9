"""Running the pipeline's stages over documents: in windows, under limits, one document at a time.

`run_jobs(pipeline, docs)` is what `Pipeline.run` does: each document is prepared (the stages
before parsing), cut into windows when it is long (`factiongraph.windows`), parsed (short
documents in batches, a long one window by window) and extracted (`Pipeline.process`), then its
windows are joined. Each stage of a document runs under its `Budget`; an exception or an exceeded
limit anywhere becomes that document's error (`extraction_failed`, `timeout`, `out_of_memory`)
and the run goes on. A batch that spaCy refuses is parsed again one piece at a time, so only the
piece that fails fails.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from factiongraph import windows
from factiongraph.budget import Budget, BudgetExceeded, Limits
from factiongraph.document import DocError, Document

if TYPE_CHECKING:  # pragma: no cover
    from factiongraph.pipeline import Pipeline

__all__ = ["run_jobs"]


def run_jobs(pipe: Pipeline, docs: Iterable[Document], batch_size: int = 16) -> Iterator[Document]:
    """Extracts every document with `pipe`, in input order (see the module notes)."""
    # a window with its context stays under the model's length limit (0: as large as it allows)
    most = max(1, pipe.nlp.max_length // 2)
    size = min(pipe.window_chars, most) if pipe.window_chars > 0 else most
    for group in _groups((_Job.of(pipe, d, size, pipe.limits) for d in docs), batch_size):
        items = [(p, job) for job in group for p in job.pieces if job.error is None]
        n = batch_size if all(len(job.pieces) == 1 for job in group) else 1
        for sd, piece, job in _parse(pipe.nlp, items, n):
            if isinstance(sd, Exception):
                job.fail("extraction_failed", f"{type(sd).__name__}: {sd}")
                continue
            job.step(pipe.process, dataclasses.replace(piece, parsed=sd), whole=len(job.pieces) == 1)
        for job in group:
            doc = job.result()
            # a joined long document gets its relations' confidence over the whole text (its windows did not)
            yield pipe.score(doc) if len(job.pieces) > 1 and doc.error is None else doc


def _parse(nlp: Any, items: list[tuple[Document, _Job]], batch_size: int) -> Iterator[tuple[Any, Document, _Job]]:
    """(spaCy doc or the exception parsing raised, piece, job) for each item, in order."""
    done = 0
    try:
        for sd in nlp.pipe((p.text for p, _ in items), batch_size=batch_size):
            yield sd, *items[done]
            done += 1
    except Exception:  # noqa: BLE001 - the rest one at a time: only the piece that fails fails
        for piece, job in items[done:]:
            try:
                sd = nlp(piece.text) if job.error is None else None
            except Exception as exc:  # noqa: BLE001 - becomes that document's error
                sd = exc
            yield sd, piece, job


@dataclass
class _Job:
    """One document being extracted: its pieces (windows), their results, its budget and error."""

    doc: Document
    pieces: list[Document]
    budget: Budget
    done: list[Document] = field(default_factory=list)
    error: DocError | None = None

    @classmethod
    def of(cls, pipe: Pipeline, doc: Document, window_chars: int, limits: Limits) -> _Job:
        job = cls(doc, [], limits.budget(), error=doc.error)
        if doc.error is None:
            job.step(pipe.prepare, doc)
            if job.error is None:
                job.doc = job.done.pop()
                job.pieces = windows.split(job.doc, window_chars)
        return job

    def step(self, stage: Callable[..., Document], *args: Any, **kwargs: Any) -> None:
        """Runs a stage of this document (unless it failed already); failures become its error."""
        if self.error is not None:
            return
        try:
            with self.budget.alarm():
                self.done.append(stage(*args, **kwargs))
            self.budget.check()
        except BudgetExceeded as exc:
            self.fail(exc.code, exc.message)
        except Exception as exc:  # noqa: BLE001 - one document never stops a run
            self.fail("extraction_failed", f"{type(exc).__name__}: {exc}")

    def fail(self, code: str, message: str) -> None:
        self.error = DocError(code, message[:500])
        self.done.clear()

    def result(self) -> Document:
        if self.doc.error is not None:
            return self.doc
        if self.error is not None:
            return dataclasses.replace(self.doc, parsed=None, error=self.error)
        if len(self.pieces) == 1:
            return self.done[0]
        return windows.join(self.doc, self.done)


def _groups(jobs: Iterable[_Job], batch_size: int) -> Iterator[list[_Job]]:
    """Jobs in groups of about `batch_size` pieces; a windowed document is a group of its own."""
    group: list[_Job] = []
    for job in jobs:
        if len(job.pieces) > 1:
            if group:
                yield group
                group = []
            yield [job]
            continue
        group.append(job)
        if len(group) >= batch_size:
            yield group
            group = []
    if group:
        yield group
