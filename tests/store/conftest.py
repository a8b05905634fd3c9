"""Fixtures of the store tests: a PostgreSQL server when FG_TEST_POSTGRES_URL names one."""

from __future__ import annotations

import os

import pytest

STORE_TABLES = ("evidence", "places", "relations", "events", "mentions", "actors", "documents", "schema_version")


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
