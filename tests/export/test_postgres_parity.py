"""The ACLED and PLOVER exports of a PostgreSQL store are those of a DuckDB store of the same reports
(run where FG_TEST_POSTGRES_URL names a server; a scratch database is created and dropped)."""

from __future__ import annotations

import csv
import io
import json
import os
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from factiongraph import graph as fg
from factiongraph.export import export
from factiongraph.store import Store


@pytest.fixture
def pg_scratch() -> Iterator[str]:
    url = os.environ.get("FG_TEST_POSTGRES_URL")
    if not url:
        pytest.skip("FG_TEST_POSTGRES_URL is not set")
    psycopg = pytest.importorskip("psycopg")
    name = f"fg_export_{uuid.uuid4().hex[:8]}"
    try:
        admin = psycopg.connect(url, autocommit=True)
    except Exception as e:  # pragma: no cover - depends on the machine
        pytest.skip(f"no PostgreSQL server at FG_TEST_POSTGRES_URL: {e}")
    with admin:
        admin.execute(f"CREATE DATABASE {name}")
        try:
            yield url.rsplit("/", 1)[0] + f"/{name}"
        finally:
            admin.execute(f"DROP DATABASE {name} WITH (FORCE)")


def _doc() -> dict[str, Any]:
    text = "Kherson\nRussian artillery shelled a market in Kherson on 4 May 2023, killing 12 civilians."
    span = {"start": 8, "end": len(text), "text": text[8:]}
    place = {"name": "Kherson", "start": 49, "end": 56, "geonameid": 706448, "lat": 46.64, "lon": 32.61,
             "country": "UA", "admin1": "Khersonska oblast", "precision": 1}  # fmt: skip
    return {
        "schema": "factiongraph.document/1",
        "document": {"id": "kherson", "title": None, "url": None, "published": "2023-05-05", "language": "en",
                     "text": text, "sections": []},
        "actors": [{"id": "russia", "name": "Russia", "kind": "foreign_state", "acled_inter": 8, "country": "RUS",
                    "registry_id": "russia", "known": True, "mentions": []},
                   {"id": "civ", "name": "Civilians", "kind": "civilians", "acled_inter": 7, "country": None,
                    "registry_id": "civ", "known": True, "mentions": []}],
        "events": [{"id": "e1", "plover": "ASSAULT", "plover_mode": "heavy-weapons",
                    "acled_event_type": "Explosions/Remote violence",
                    "acled_sub_event_type": "Shelling/artillery/missile attack", "actor1": "russia", "actor2": "civ",
                    "actor1_mention": {"start": 8, "end": 25, "text": "Russian artillery"}, "actor2_mention": None,
                    "location": place,
                    "date": {"start": "2023-05-04", "end": "2023-05-04", "precision": "day", "text": "on 4 May 2023"},
                    "fatalities": 12, "certainty": "asserted", "source_kind": "article", "attributed_to": None,
                    "trigger": {"start": 26, "end": 33, "text": "shelled"}, "evidence": span, "confidence": 0.9}],
        "relations": [],
        "places": [{"start": 0, "end": 7, "text": "Kherson", "name": "Kherson", "geonameid": 706448, "lat": 46.64,
                    "lon": 32.61, "country": "UA", "admin1": "Khersonska oblast", "feature": "PPLA"},
                   {"start": 49, "end": 56, "text": "Kherson", "name": "Kherson", "geonameid": 706448, "lat": 46.64,
                    "lon": 32.61, "country": "UA", "admin1": "Khersonska oblast", "feature": "PPLA"}],
    }  # fmt: skip


def _exports(target: str) -> tuple[list[dict[str, str]], list[dict[str, Any]]]:
    with Store.open(target) as s:
        s.write_batch([("h", _doc())])
        fg.merge_events(s)
        acled, plover = io.StringIO(), io.StringIO()
        export(s, "acled-csv", acled)
        export(s, "plover-jsonl", plover)
    rows = [{k: v for k, v in r.items() if k != "timestamp"} for r in csv.DictReader(io.StringIO(acled.getvalue()))]
    recs = [{k: v for k, v in json.loads(line).items() if k != "coded_date"} for line in plover.getvalue().splitlines()]
    return rows, recs


def test_postgres_and_duckdb_stores_export_the_same_acled_and_plover_records(pg_scratch: str, tmp_path: Path) -> None:
    pg_rows, pg_recs = _exports(pg_scratch)
    duck_rows, duck_recs = _exports(str(tmp_path / "fg.duckdb"))
    assert pg_rows == duck_rows and pg_recs == duck_recs
    (row,) = pg_rows
    assert (row["source"], row["actor2"], row["civilian_targeting"], row["fatalities"]) == (
        "Kherson", "Civilians (Ukraine)", "Civilian targeting", "12")
    assert pg_recs[0]["actor"][0]["sector"] == "MIL" and pg_recs[0]["cite_info"]["title"] == "Kherson"
