"""Helpers of the event tests: the pipeline over one sentence, and the events as triples."""

from __future__ import annotations

import pytest

from factiongraph.document import Document
from factiongraph.pipeline import extract


@pytest.fixture(scope="module")
def run(pipeline):
    def go(text: str) -> Document:
        return extract(text, pipeline=pipeline)

    return go


def triples(doc: Document) -> list[tuple[str, str | None, str | None]]:
    return [(e.plover, e.actor1, e.actor2) for e in doc.events]
