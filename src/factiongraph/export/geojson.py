"""GeoJSON FeatureCollection: one Point feature per stored event that has coordinates."""

from __future__ import annotations

import json
from typing import IO, Any

from factiongraph.store.core import Store


def geojson(store: Store) -> dict[str, Any]:
    actors = store.actors()
    features = []
    for e in store.events():
        if e["lat"] is None or e["lon"] is None:
            continue
        date = e["date_start"] or e["doc_published"]
        features.append({
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [e["lon"], e["lat"]]},
            "properties": {
                "id": f"{e['doc_id']}#{e['event_id']}", "merged_event_id": e["merged_event_id"],
                "document": e["doc_id"], "plover": e["plover"], "plover_mode": e["plover_mode"],
                "acled_event_type": e["acled_event_type"], "acled_sub_event_type": e["acled_sub_event_type"],
                "actor1": e["actor1"], "actor1_name": actors.get(e["actor1"] or "", {}).get("name"),
                "actor2": e["actor2"], "actor2_name": actors.get(e["actor2"] or "", {}).get("name"),
                "date": date.isoformat() if date else None, "location": e["location_name"],
                "country": e["country"], "admin1": e["admin1"], "geo_precision": e["geo_precision"],
                "certainty": e["certainty"], "source_kind": e["source_kind"], "fatalities": e["fatalities"],
                "evidence": e["evidence_text"],
            },
        })  # fmt: skip
    return {"type": "FeatureCollection", "features": features}


def write_geojson(store: Store, out: IO[str]) -> int:
    doc = geojson(store)
    json.dump(doc, out, ensure_ascii=False)
    out.write("\n")
    return len(doc["features"])
