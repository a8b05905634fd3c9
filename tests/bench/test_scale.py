"""bench/scale.py: the generated corpus has the sizes and distributions its docstring promises."""

from __future__ import annotations

import datetime as dt
import importlib.util
import os
from pathlib import Path
from types import ModuleType

import pytest

from factiongraph.store import Store, contra_state, ties

BENCH = Path(__file__).resolve().parents[2] / "bench" / "scale.py"


def load_bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("scale_bench", BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def check(target: str) -> None:
    scale = load_bench()
    info = scale.build(target, 20_000)
    assert info["counts"]["relations"] == 20_000 and info["counts"]["documents"] == 5_000
    assert info["counts"]["events"] == 10_000 and info["counts"]["mentions"] == 40_000
    assert info["counts"]["actors"] == 500
    assert 0.02 < info["top_share"] < 0.10 and 0.25 < info["top10_share"] < 0.50  # a power-law head
    with Store.open(target, read_only=True) as s:
        assert s.scalar("SELECT COUNT(*) FROM relations WHERE source = target") == 0
        assert s.scalar("SELECT COUNT(*) FROM relations r LEFT JOIN documents d ON d.hash = r.doc_hash"
                        " WHERE d.hash IS NULL") == 0  # fmt: skip
        first, last = s.query("SELECT MIN(published) AS a, MAX(published) AS b FROM documents")[0].values()
        undated = s.scalar("SELECT COUNT(*) FROM documents WHERE published IS NULL")
        types = {r["type"] for r in s.query("SELECT DISTINCT type FROM relations")}
        parties = s.scalar("SELECT COUNT(*) FROM relations r JOIN actors sa ON sa.id = r.source JOIN actors ta"
                           " ON ta.id = r.target WHERE sa.kind <> 'civilians' AND ta.kind <> 'civilians'")  # fmt: skip
        assert s.scalar("SELECT COUNT(*) FROM evidence") == parties > 15_000  # the graph's evidence is filled
    # the per-tie state and the pairs' contradictions, filled by parts, are what one recomputation gives
    kept = "SELECT type, a, b, start_day, end_day, n_statements, n_documents, latest_idx FROM tie_spells"
    with Store.open(target) as s:
        by_parts = (sorted(map(str, s.query(kept))), s.scalar("SELECT COUNT(*) FROM tie_changes"),
                    contra_state.kept_rows(s))  # fmt: skip
        with s.transaction():
            ties.rebuild(s)
        assert (sorted(map(str, s.query(kept))), s.scalar("SELECT COUNT(*) FROM tie_changes"),
                contra_state.kept_rows(s)) == by_parts  # fmt: skip
    assert len(by_parts[0]) > 4_000 and len(by_parts[2]) > 10
    assert dt.date(2010, 1, 1) <= first < dt.date(2010, 3, 1) and dt.date(2024, 10, 1) < last <= dt.date(2024, 12, 31)
    assert 300 < undated < 700
    assert types == {"alliance", "hostility", "support", "affiliation"}


def test_scale_bench_builds_a_duckdb_store_with_the_promised_shape(tmp_path: Path) -> None:
    check(str(tmp_path / "scale.duckdb"))


def test_scale_bench_builds_a_postgres_store_with_the_promised_shape(pg_url: str) -> None:
    check(pg_url)


@pytest.fixture
def pg_url() -> str:
    url = os.environ.get("FG_TEST_POSTGRES_URL")
    if not url:
        pytest.skip("FG_TEST_POSTGRES_URL is not set")
    psycopg = pytest.importorskip("psycopg")
    try:
        psycopg.connect(url, connect_timeout=3).close()
    except psycopg.Error as e:
        pytest.skip(f"no PostgreSQL server at FG_TEST_POSTGRES_URL: {e}")
    return url
