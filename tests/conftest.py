"""Shared fixtures: one real spaCy model and one pipeline per test session."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# The shared data folder sits beside the checkout; FG_SHARED_DIR points elsewhere (a worktree, CI cache).
SHARED = Path(os.environ.get("FG_SHARED_DIR") or Path(__file__).resolve().parents[1].parent / "shared")


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
        pytest.skip(f"no shared data folder at {SHARED} (set FG_SHARED_DIR)")
    return SHARED


STORE_TABLES = (
    "actor_meta", "actor_timeline", "actor_counts", "actor_reports", "actor_partners", "actor_events", "actor_docs",
    "evidence", "contra_meta", "contra_groups", "tie_meta", "tie_spells", "tie_changes", "tie_undated",
    "tie_irregular", "web_counts", "web_event_days", "web_actor_events", "corrections", "places",
    "relations", "events", "mentions", "actors", "documents", "schema_version",
)


@pytest.fixture
def pg_url() -> str:
    """The test server's URL, its factiongraph tables dropped (skips without a reachable server)."""
    url = os.environ.get("FG_TEST_POSTGRES_URL")
    if not url:
        pytest.skip("FG_TEST_POSTGRES_URL is not set")
    try:
        import psycopg
    except ImportError:
        pytest.skip("psycopg is not installed")
    try:
        with psycopg.connect(url, autocommit=True, connect_timeout=3) as conn:
            for t in STORE_TABLES:
                conn.execute(f"DROP TABLE IF EXISTS {t}")
    except psycopg.Error as e:
        pytest.skip(f"no PostgreSQL server at FG_TEST_POSTGRES_URL: {e}")
    return url
