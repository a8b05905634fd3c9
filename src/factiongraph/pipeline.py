"""The one place where extraction stages are composed.

    read -> dateline -> sections -> parse (spaCy, batched) -> places -> actors -> events -> relations
         -> actor salience (peripheral actors no event or relation involves are dropped)

A long document is parsed and extracted in windows joined afterwards (`factiongraph.windows`),
so cost is linear in its length. Every document runs under a time budget and a memory guard
(`factiongraph.budget`); one that fails or exceeds them becomes an error document with its id.

Each stage is a function from `Document` to `Document`. Services (spaCy model, actor
registry, gazetteer, event lexicon) are loaded once into a `Pipeline` and passed in.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from factiongraph import nlp as nlp_models
from factiongraph import windows
from factiongraph.actors.registry import Registry
from factiongraph.actors.resolve import ActorResolver
from factiongraph.actors.salience import prune as prune_peripheral_actors
from factiongraph.budget import Budget, BudgetExceeded, Limits
from factiongraph.dateline import published_from_dateline
from factiongraph.document import DocError, Document
from factiongraph.events.extract import extract_events
from factiongraph.events.lexicon import Lexicon
from factiongraph.places import Gazetteer, geoparse, locate
from factiongraph.read import read_paths
from factiongraph.relations import extract_relations
from factiongraph.sections import segment

if TYPE_CHECKING:  # pragma: no cover
    from factiongraph.parallel import PipelineSpec

DEFAULT_MAX_BYTES = 5_000_000


@dataclass
class Pipeline:
    """Loaded services and the stages that use them."""

    nlp: Any
    registry: Registry
    gazetteer: Gazetteer
    lexicon: Lexicon
    resolver: ActorResolver
    window_chars: int = windows.WINDOW_CHARS
    limits: Limits = field(default_factory=Limits)

    @classmethod
    def load(cls, model: str | None = None, registry_files: Sequence[str | Path] = ()) -> Pipeline:
        """Loads the spaCy model, the registry (bundled plus user files), gazetteer and lexicon."""
        nlp = nlp_models.load(model)
        nlp.max_length = max(nlp.max_length, DEFAULT_MAX_BYTES * 2)
        return cls.build(nlp, Registry.load(registry_files), Gazetteer.load(), Lexicon.load())

    @classmethod
    def build(cls, nlp: Any, registry: Registry, gazetteer: Gazetteer, lexicon: Lexicon) -> Pipeline:
        """A pipeline over services the caller loaded (tests pass small or shared ones)."""
        resolver = ActorResolver(registry, nlp.vocab, lexicon.noun_lemmas())
        return cls(nlp=nlp, registry=registry, gazetteer=gazetteer, lexicon=lexicon, resolver=resolver)

    def process(self, doc: Document, *, whole: bool = True) -> Document:
        """All stages after parsing, for one parsed document (`whole=False`: one window of it)."""
        doc = geoparse(doc, self.gazetteer)
        doc = self.resolver(doc, self.nlp.make_doc)
        doc = extract_events(doc, self.lexicon, locate)
        doc = extract_relations(doc)
        doc = prune_peripheral_actors(doc) if whole else windows.mark_peripheral(doc)
        return dataclasses.replace(doc, parsed=None)

    def run(self, docs: Iterable[Document], batch_size: int = 16) -> Iterator[Document]:
        """Extracts every document, in input order; documents with an error pass through untouched.

        Short documents are parsed `batch_size` at a time; a long one window by window, alone.
        """
        # a window with its context stays under the model's length limit (0: as large as it allows)
        most = max(1, self.nlp.max_length // 2)
        size = min(self.window_chars, most) if self.window_chars > 0 else most
        for group in _groups((_Job.of(d, size, self.limits) for d in docs), batch_size):
            items = [(p, job) for job in group for p in job.pieces if job.error is None]
            n = batch_size if all(len(job.pieces) == 1 for job in group) else 1
            for sd, piece, job in self._parse(items, n):
                if isinstance(sd, Exception):
                    job.fail("extraction_failed", f"{type(sd).__name__}: {sd}")
                    continue
                job.step(self.process, dataclasses.replace(piece, parsed=sd), whole=len(job.pieces) == 1)
            yield from (job.result() for job in group)

    def _parse(self, items: list[tuple[Document, _Job]], batch_size: int) -> Iterator[tuple[Any, Document, _Job]]:
        """(spaCy doc or the exception parsing raised, piece, job) for each item, in order."""
        done = 0
        try:
            for sd in self.nlp.pipe((p.text for p, _ in items), batch_size=batch_size):
                yield sd, *items[done]
                done += 1
        except Exception:  # noqa: BLE001 - the rest one at a time: only the piece that fails fails
            for piece, job in items[done:]:
                try:
                    sd = self.nlp(piece.text) if job.error is None else None
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
    def of(cls, doc: Document, window_chars: int, limits: Limits) -> _Job:
        job = cls(doc, [], limits.budget(), error=doc.error)
        if doc.error is None:
            job.step(lambda: segment(published_from_dateline(doc)))
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


def extract_paths(
    paths: Sequence[str],
    pipeline: Pipeline | PipelineSpec,
    *,
    published: Any = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    stdin: Any = None,
    workers: int = 1,
    stdin_format: str = "auto",
) -> Iterator[Document]:
    """Reads files, folders, JSONL or stdin and extracts each document (errors become error lines).

    With `workers > 1` the documents are extracted in that many processes (`factiongraph.parallel`),
    each loading the pipeline a `PipelineSpec` describes (a loaded `Pipeline` is reloaded from its model).
    """
    docs = read_paths(paths, max_bytes=max_bytes, stdin=stdin, stdin_format=stdin_format)
    if published is not None:
        docs = (d if d.published is not None else dataclasses.replace(d, published=published) for d in docs)
    if workers > 1 or not isinstance(pipeline, Pipeline):
        from factiongraph.parallel import run_parallel

        return run_parallel(docs, pipeline, workers=workers)
    return pipeline.run(docs)


def extract(
    text: str,
    *,
    published: Any = None,
    doc_id: str = "text",
    pipeline: Pipeline | None = None,
    title: str | None = None,
) -> Document:
    """Extracts one text; loads a default pipeline when none is given (slow: reuse one)."""
    pipe = pipeline or Pipeline.load()
    return next(pipe.run([Document(id=doc_id, text=text, published=published, title=title)]))
