"""The one place where extraction stages are composed.

    read -> dateline -> sections -> parse (spaCy, batched) -> places -> actors -> events -> relations
         -> change statements (defections, splits, mergers, new alliances: relations with a `change`)
         -> actor salience (peripheral actors no event or relation involves are dropped)
         -> confidence (each relation tie's calibrated probability of being right)

A long document is parsed and extracted in windows joined afterwards (`factiongraph.windows`),
so cost is linear in its length. Every document runs under a time budget and a memory guard
(`factiongraph.budget`); one that fails or exceeds them becomes an error document with its id
(`factiongraph.jobs` runs the stages this way).

Each stage is a function from `Document` to `Document`. Services (spaCy model, actor
registry, gazetteer, event lexicon) are loaded once into a `Pipeline` and passed in.
"""

from __future__ import annotations

import dataclasses
import gc
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from factiongraph import nlp as nlp_models
from factiongraph import windows
from factiongraph.actors.registry import Registry
from factiongraph.actors.resolve import ActorResolver
from factiongraph.actors.salience import prune as prune_peripheral_actors
from factiongraph.budget import Limits
from factiongraph.changes import extract_changes
from factiongraph.confidence import ConfidenceModel, score_relations
from factiongraph.dateline import published_from_dateline
from factiongraph.document import Document
from factiongraph.events.extract import extract_events
from factiongraph.events.lexicon import Lexicon
from factiongraph.frames.tokens import release
from factiongraph.places import Gazetteer, geoparse, locate
from factiongraph.read import core as read_core
from factiongraph.read import read_paths
from factiongraph.relations import extract_relations
from factiongraph.sections import segment

if TYPE_CHECKING:  # pragma: no cover
    from factiongraph.parallel import PipelineSpec

DEFAULT_MAX_BYTES = read_core.DEFAULT_MAX_BYTES  # one size limit for reading and extracting


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
    # None leaves the rules' own confidence (what the confidence model is trained on)
    confidence: ConfidenceModel | None = None

    @classmethod
    def load(cls, model: str | None = None, registry_files: Sequence[str | Path] = ()) -> Pipeline:
        """Loads the spaCy model, the registry (bundled plus user files), gazetteer and lexicon."""
        nlp = nlp_models.load(model)
        nlp.max_length = max(nlp.max_length, DEFAULT_MAX_BYTES * 2)
        pipe = cls.build(nlp, Registry.load(registry_files), Gazetteer.load(), Lexicon.load())
        pipe.resolver.compile(nlp.make_doc)  # loaded with the rest, before `settle` puts it all aside
        settle()
        return pipe

    @classmethod
    def build(cls, nlp: Any, registry: Registry, gazetteer: Gazetteer, lexicon: Lexicon) -> Pipeline:
        """A pipeline over services the caller loaded (tests pass small or shared ones)."""
        resolver = ActorResolver(registry, nlp.vocab, lexicon.noun_lemmas())
        return cls(
            nlp=nlp, registry=registry, gazetteer=gazetteer, lexicon=lexicon, resolver=resolver,
            confidence=ConfidenceModel.load(),
        )

    def stages(self) -> tuple[tuple[str, Callable[[Document], Document]], ...]:
        """The extraction stages after parsing, in order and by name (`bench/throughput.py` times each)."""
        return (
            ("places", lambda d: geoparse(d, self.gazetteer)),
            ("actors", lambda d: self.resolver(d, self.nlp.make_doc)),
            ("events", lambda d: extract_events(d, self.lexicon, locate)),
            ("relations", extract_relations),
            ("changes", extract_changes),
        )

    def process(self, doc: Document, *, whole: bool = True) -> Document:
        """All stages after parsing, for one parsed document (`whole=False`: one window of it)."""
        sd = doc.parsed
        try:
            for _, stage in self.stages():
                doc = stage(doc)
            # salience reads the parse too: the per-Doc tables go only once it is done (not rebuilt for it)
            doc = windows.mark_peripheral(doc) if not whole else self.score(prune_peripheral_actors(doc))
        finally:
            if sd is not None:
                release(sd)
        return dataclasses.replace(doc, parsed=None)

    def score(self, doc: Document) -> Document:
        """The last stage, on a whole document (or its joined windows): calibrated relation confidence."""
        return doc if self.confidence is None else score_relations(doc, self.confidence)

    def prepare(self, doc: Document) -> Document:
        """The stages before parsing, for one read document."""
        return segment(published_from_dateline(doc))

    def run(self, docs: Iterable[Document], batch_size: int = 16) -> Iterator[Document]:
        """Extracts every document, in input order; documents with an error pass through untouched.

        Short documents are parsed `batch_size` at a time, a long one in windows; each runs under
        the limits and in isolation (`factiongraph.jobs`).
        """
        from factiongraph.jobs import run_jobs

        return run_jobs(self, docs, batch_size)


def settle() -> None:
    """Puts what loading made (model, registry, gazetteer, lexicon: kept for the whole run) out of
    the garbage collector's sight: its full passes no longer rescan those objects every few batches
    of documents (3.6% of the CPU time of extracting realnews-dev plus 30 seed copies, 1.1% after).
    Outputs do not change."""
    gc.collect()
    gc.freeze()


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
