"""One gazetteer for the place tests (the spaCy model is the session `nlp` of tests/conftest.py)."""

from __future__ import annotations

import pytest

from factiongraph.places import Gazetteer


@pytest.fixture(scope="session")
def gaz() -> Gazetteer:
    return Gazetteer.load()
