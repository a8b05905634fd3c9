"""Shared fixtures: one real spaCy model and one pipeline per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


@pytest.fixture(scope="session")
def nlp():
    from factiongraph import nlp as models

    try:
        return models.load("sm")
    except models.ModelNotFound as e:  # pragma: no cover - depends on the install
        pytest.skip(str(e))


@pytest.fixture(scope="session")
def pipeline(nlp):
    from factiongraph.actors.registry import Registry
    from factiongraph.events.lexicon import Lexicon
    from factiongraph.pipeline import Pipeline
    from factiongraph.places import Gazetteer

    registry = Registry.load()
    return Pipeline.build(nlp, registry, Gazetteer.load(), Lexicon.load())


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is not beside the checkout")
    return SHARED
