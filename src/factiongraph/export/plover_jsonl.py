"""PLOVER JSON Lines: one record per stored event (a report of an event), in PLOVER's field names.

`link` holds the merged event id, so the reports of one event share it. Fields beyond PLOVER's
(`certainty`, `source_kind`, `attributed_to`, `fatalities`, `document`) are added as the PLOVER
manual allows.
"""

from __future__ import annotations

import json
from typing import IO, Any

from factiongraph import __version__
from factiongraph.store.core import Store


def _entity(actor_id: str | None, text: str | None, actors: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    if not actor_id:
        return []
    a = actors.get(actor_id, {})
    return [{
        "code": a.get("country") or "", "entity_text": text, "identifier_id": actor_id,
        "identifier_text": a.get("name"), "sector": a.get("kind"),
    }]  # fmt: skip


def plover_records(store: Store) -> list[dict[str, Any]]:
    actors = store.actors()
    out = []
    for e in store.events():
        date = e["date_start"] or e["doc_published"]
        rec: dict[str, Any] = {
            "id": f"{e['doc_id']}#{e['event_id']}",
            "date": date.isoformat() if date else None,
            "enddate": e["date_end"].isoformat() if e["date_end"] else None,
            "actor": _entity(e["actor1"], e["actor1_text"], actors),
            "recipient": _entity(e["actor2"], e["actor2_text"], actors),
            "event": [e["plover"]],
            "mode": [e["plover_mode"]] if e["plover_mode"] else [],
            "event_text": [e["trigger_text"]] if e["trigger_text"] else [],
            "link": e["merged_event_id"],
            "text": e["evidence_text"],
            "cite_info": {"document": e["doc_id"], "url": e["doc_url"], "title": e["doc_title"],
                          "published": e["doc_published"].isoformat() if e["doc_published"] else None},
            "coder": f"factiongraph {__version__}",
            "coded_date": e["doc_ingested_at"].date().isoformat() if e["doc_ingested_at"] else None,
            "certainty": e["certainty"],
            "source_kind": e["source_kind"],
            "attributed_to": e["attributed_to"],
            "fatalities": e["fatalities"],
        }  # fmt: skip
        if e["location_name"]:
            rec["event_loc"] = {
                "name": e["location_name"], "lat": e["lat"], "lon": e["lon"], "geonameid": e["geonameid"],
                "country": e["country"], "admin1": e["admin1"], "precision": e["geo_precision"],
            }  # fmt: skip
        out.append(rec)
    return out


def write_plover_jsonl(store: Store, out: IO[str]) -> int:
    recs = plover_records(store)
    for r in recs:
        out.write(json.dumps(r, ensure_ascii=False) + "\n")
    return len(recs)
