"""Fixtures of the actor tests: one actor resolver over the bundled registry for the whole session."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from factiongraph.document import Document


@pytest.fixture(scope="session")
def resolve(nlp) -> Callable[..., Document]:
    """Resolves the actors of a text parsed by the session's model (the matchers are built once)."""
    from factiongraph.actors.registry import Registry
    from factiongraph.actors.resolve import ActorResolver

    resolver = ActorResolver(Registry.load(), nlp.vocab)

    def run(text: str, published: dt.date | None = None) -> Document:
        return resolver(Document(id="t", text=text, published=published, parsed=nlp(text)), nlp.make_doc)

    return run
