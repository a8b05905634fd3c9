"""Parquet exports have the schema `factiongraph batch` writes (read with pyarrow and DuckDB);
GeoJSON opens in geopandas where it is installed."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest

from factiongraph.export import export, write_parquet
from factiongraph.store import Store
from factiongraph.store.schema import TABLES


def _doc() -> dict[str, Any]:
    text = "Houthi fighters shelled a government base near Marib on 3 March 2021."
    span = {"start": 0, "end": len(text), "text": text}
    place = {"name": "Marib", "start": 48, "end": 53, "geonameid": 71137, "lat": 15.46, "lon": 45.32,
             "country": "YE", "admin1": "Maʼrib", "precision": 2}  # fmt: skip
    return {
        "schema": "factiongraph.document/1",
        "document": {"id": "marib", "title": "Marib", "url": "https://example.org/marib", "published": "2021-03-04",
                     "language": "en", "text": text, "sections": []},
        "actors": [{"id": "houthis", "name": "Ansar Allah", "kind": "rebel", "acled_inter": 2, "country": "YEM",
                    "registry_id": "houthis", "known": True, "mentions": [{"start": 0, "end": 6, "text": "Houthi"}]},
                   {"id": "yemen", "name": "Yemen", "kind": "state", "acled_inter": 1, "country": "YEM",
                    "registry_id": "yemen", "known": True, "mentions": []}],
        "events": [{"id": "e1", "plover": "ASSAULT", "plover_mode": "heavy-weapons",
                    "acled_event_type": "Explosions/Remote violence",
                    "acled_sub_event_type": "Shelling/artillery/missile attack", "actor1": "houthis", "actor2": "yemen",
                    "actor1_mention": None, "actor2_mention": None, "location": place,
                    "date": {"start": "2021-03-03", "end": "2021-03-03", "precision": "day", "text": "on 3 March 2021"},
                    "fatalities": 3, "certainty": "asserted", "source_kind": "article", "attributed_to": None,
                    "trigger": {"start": 16, "end": 23, "text": "shelled"}, "evidence": span, "confidence": 0.9}],
        "relations": [{"type": "hostility", "source": "houthis", "target": "yemen", "source_mention": None,
                       "target_mention": None, "status": "current", "certainty": "asserted", "source_kind": "article",
                       "evidence": span, "derived_from": "e1", "confidence": 0.9}],
        "places": [{"start": 48, "end": 53, "text": "Marib", "name": "Marib", "geonameid": 71137, "lat": 15.46,
                    "lon": 45.32, "country": "YE", "admin1": "Maʼrib", "feature": "PPLA"}],
    }  # fmt: skip


@pytest.fixture
def store(tmp_path: Path):
    with Store.open(tmp_path / "fg.duckdb") as s:
        s.write_batch([("h", _doc())])
        yield s


def test_export_parquet_has_the_schema_batch_writes_for_every_table(store: Store, tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    from factiongraph.batch import table_schema

    write_parquet(store, tmp_path / "pq")
    for table in TABLES:
        written = pq.read_schema(tmp_path / "pq" / f"{table}.parquet")
        expected = table_schema(table)
        assert [(f.name, f.type) for f in written] == [(f.name, f.type) for f in expected], table


def test_duckdb_reads_the_parquet_export_with_the_stores_types(store: Store, tmp_path: Path) -> None:
    import duckdb

    write_parquet(store, tmp_path / "pq")
    events = str(tmp_path / "pq" / "events.parquet")
    with duckdb.connect() as con:
        described = con.execute(f"SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM '{events}')")
        types = dict(described.fetchall())
        row = con.execute(f"SELECT plover, actor1, date_start, fatalities, lat FROM '{events}'").fetchall()
    assert (types["date_start"], types["fatalities"], types["lat"], types["geonameid"]) == (
        "DATE", "INTEGER", "DOUBLE", "BIGINT")
    assert [(r[0], r[1], r[2].isoformat(), r[3], r[4]) for r in row] == [("ASSAULT", "houthis", "2021-03-03", 3, 15.46)]


def test_geojson_opens_in_geopandas_with_points_in_wgs84(store: Store, tmp_path: Path) -> None:
    gpd = pytest.importorskip("geopandas")
    buf = io.StringIO()
    export(store, "geojson", buf)
    path = tmp_path / "events.geojson"
    path.write_text(buf.getvalue(), encoding="utf-8")
    frame = gpd.read_file(path)
    assert frame.crs.to_epsg() == 4326 and list(frame.geometry.geom_type) == ["Point"]
    point = frame.geometry.iloc[0]
    assert (point.x, point.y, frame["plover"].iloc[0], frame["location"].iloc[0]) == (45.32, 15.46, "ASSAULT", "Marib")
