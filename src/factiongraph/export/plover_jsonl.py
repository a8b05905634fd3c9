"""PLOVER JSON Lines: one record per stored event (a report of an event), as the PLOVER manual's
"Data Fields" chapter names and fills them (conventions in `export/data/plover.yaml`).

- `id`: the document's identity (a hash, never a file path) and the event id; `link`: the merged
  event id, so the reports of one event share it.
- `actor` / `recipient`: entity objects with `code` (ISO 3166-1 alpha-3 of the actor's country,
  or the manual's UNO / EUR / IGO / IMG), `sector` (the manual's 3-letter codes: MIL, GOV, COP,
  REB, PRM, CVL, SPY, ...), `entity_text`, `identifier_id`, `identifier_text`. An actor the report
  leaves unnamed is the manual's UAF ("unknown gunmen") in a use of force, else UNK, never an
  empty list; a missing recipient is an empty list (the manual makes it optional).
- `context`: the manual's auxiliary modes for events that did not (or not yet) happen
  (`hypothetical`, `negation`), and `comment` for an event known from a reader comment.
- `date`: the event's date, else the publication date, then marked `date_is_publication: true`.
- `event_loc`: the manual's location object (`extracted_place`, `resolved_place`, `geonameid`,
  `lat`, `lon`, `province`, `country`, ISO-3 `country_code`, `feature_code`, `resolution` on the
  manual's scale: 5 sub-city, 4 city, 3 district, 2 province, 1 country).
- `quad_code`: the manual's quad category of the event type; `size`: `{"dead": N}` when reported.
- `comment`: "doubtful location: ..." when the geocoder placed the event in a country that nothing
  else in the report points to (the ACLED export rejects such rows).

Beyond the manual's fields (as it allows): `certainty`, `source_kind`, `attributed_to`,
`acled_event_type`, `acled_sub_event_type`.
"""

from __future__ import annotations

import json
from typing import IO, Any

from factiongraph import __version__
from factiongraph.export.acled_csv import placement_conflict, places_by_document
from factiongraph.export.conventions import country, data, outlet, plover_resolution, plover_sector, report_title
from factiongraph.store.core import Store


def _code(actor: dict[str, Any]) -> str | None:
    """The manual's country-name code of an actor: ISO-3 of its country, or an international code."""
    table = data("plover")
    codes = table["international_codes"]
    if actor.get("id") in codes:
        return str(codes[actor["id"]])
    if actor.get("kind") == "international_org":
        return str(codes["international_org"])
    iso3 = country(actor.get("country"))[0]
    if iso3:
        return iso3
    if actor.get("kind") in ("rebel", "militia"):
        return str(table["transnational_armed"])
    return None


def _entity(actor_id: str | None, text: str | None, e: dict[str, Any], actors: dict[str, dict[str, Any]],
            unnamed: bool) -> list[dict[str, Any]]:  # fmt: skip
    """An entity list (one entity); for an unnamed side, the manual's unidentified-actor entity when
    `unnamed`, else no entity."""
    if not actor_id:
        if not unnamed:
            return []
        return [{"code": country(e["country"])[0] or None, "sector": plover_sector(None, text, e["plover"], False),
                 "entity_text": text, "identifier_id": None, "identifier_text": None}]  # fmt: skip
    a = actors.get(actor_id, {"id": actor_id})
    return [{
        "code": _code(a), "sector": plover_sector(a.get("kind"), text or a.get("name"), e["plover"]),
        "entity_text": text, "identifier_id": actor_id, "identifier_text": a.get("name"),
    }]  # fmt: skip


def _context(e: dict[str, Any]) -> list[str]:
    table = data("plover")
    out = []
    if e["certainty"] in table["context_by_certainty"]:
        out.append(str(table["context_by_certainty"][e["certainty"]]))
    if e["source_kind"] == "comment":
        out.append(str(table["context_for_comment"]))
    return out


def _location(e: dict[str, Any], place: dict[str, Any] | None) -> dict[str, Any]:
    iso3, _, name = country(e["country"])
    feature = (place or {}).get("feature")
    return {
        "extracted_place": (place or {}).get("text") or e["location_name"], "resolved_place": e["location_name"],
        "geonameid": e["geonameid"], "lat": e["lat"], "lon": e["lon"], "province": e["admin1"],
        "country": name or None, "country_code": iso3 or None, "feature_code": feature,
        "resolution": plover_resolution(feature, e["geo_precision"]),
    }  # fmt: skip


def _citation(doc_id: str) -> str | None:
    """The input id as citation, unless it is a file path (a local path names nothing to a reader)."""
    return None if "/" in doc_id or "\\" in doc_id else doc_id


def plover_records(store: Store) -> list[dict[str, Any]]:
    """Every stored event as a PLOVER record (see the module doc)."""
    actors = store.actors()
    by_doc = places_by_document(store)
    places = {(p["doc_hash"], p["start_offset"]): p for ps in by_doc.values() for p in ps}
    quads = data("plover")["quad_code"]
    titles = {d["hash"]: report_title(d["title"], d["head"]) or None
              for d in store.query("SELECT hash, title, SUBSTRING(text, 1, 400) AS head FROM documents")}  # fmt: skip
    out = []
    for e in store.events():
        date = e["date_start"] or e["doc_published"]
        place = places.get((e["doc_hash"], e["location_start"]))
        rec: dict[str, Any] = {
            "id": f"{e['doc_hash'][:16]}-{e['event_id']}",
            "date": date.isoformat() if date else None,
            "date_is_publication": e["date_start"] is None and date is not None,
            "enddate": e["date_end"].isoformat() if e["date_end"] else None,
            "actor": _entity(e["actor1"], e["actor1_text"], e, actors, unnamed=True),
            "recipient": _entity(e["actor2"], e["actor2_text"], e, actors, unnamed=False),
            "event": [e["plover"]],
            "mode": [e["plover_mode"]] if e["plover_mode"] else [],
            "context": _context(e),
            "quad_code": quads.get(e["plover"]),
            "event_text": [e["trigger_text"]] if e["trigger_text"] else [],
            "link": e["merged_event_id"],
            "text": e["evidence_text"],
            "text_info": {"start": e["evidence_start"], "end": e["evidence_end"]},
            "cite_info": {"citation": _citation(str(e["doc_id"])), "url": e["doc_url"],
                          "title": titles.get(e["doc_hash"]),
                          "publication": outlet(e["doc_url"]) or None,
                          "published": e["doc_published"].isoformat() if e["doc_published"] else None,
                          "coder": f"factiongraph {__version__}"},
            "coder": f"factiongraph {__version__}",
            "coded_date": e["doc_ingested_at"].date().isoformat() if e["doc_ingested_at"] else None,
            "certainty": e["certainty"],
            "source_kind": e["source_kind"],
            "attributed_to": e["attributed_to"],
            "acled_event_type": e["acled_event_type"],
            "acled_sub_event_type": e["acled_sub_event_type"],
        }  # fmt: skip
        if e["fatalities"] is not None:
            rec["size"] = {"dead": e["fatalities"]}
        if e["location_name"]:
            rec["event_loc"] = _location(e, place)
            if conflict := placement_conflict(e, by_doc, actors):
                rec["comment"] = f"doubtful location: {conflict}"
        out.append(rec)
    return out


def write_plover_jsonl(store: Store, out: IO[str]) -> int:
    """Writes one PLOVER record a line; returns the number of records."""
    recs = plover_records(store)
    for r in recs:
        out.write(json.dumps(r, ensure_ascii=False) + "\n")
    return len(recs)
