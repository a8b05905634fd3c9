"""Document -> output-contract dict (`factiongraph.document/1`): the only serialiser.

The evaluation scripts, exports and the web API all read this shape; see
`shared/spec/output-contract.md`. Fields may be added, never renamed. `json_schema()` is its
JSON Schema (draft 2020-12, shipped as `factiongraph/data/contract.schema.json`; printed by
`factiongraph schema`).
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any, cast

from factiongraph.document import DateValue, Document, Event, Place, Relation, Span

SCHEMA = "factiongraph.document/1"
SCHEMA_FILE = "contract.schema.json"


def schema_text() -> str:
    """The output contract's JSON Schema, as shipped (draft 2020-12)."""
    return resources.files("factiongraph").joinpath("data", SCHEMA_FILE).read_text(encoding="utf-8")


@cache
def _schema() -> str:
    return schema_text()


def json_schema() -> dict[str, Any]:
    """The output contract's JSON Schema as a dict (a fresh copy on every call)."""
    return cast(dict[str, Any], json.loads(_schema()))


def span_dict(s: Span | None) -> dict[str, Any] | None:
    return None if s is None else {"start": s.start, "end": s.end, "text": s.text}


def place_dict(p: Place, *, with_precision: bool = False) -> dict[str, Any]:
    d: dict[str, Any] = {
        "start": p.start,
        "end": p.end,
        "text": p.text,
        "name": p.name,
        "geonameid": p.geonameid,
        "lat": p.lat,
        "lon": p.lon,
        "country": p.country,
        "admin1": p.admin1,
        "feature": p.feature,
    }
    if with_precision or p.precision is not None:
        d["precision"] = p.precision
    return d


def location_dict(p: Place | None) -> dict[str, Any] | None:
    if p is None:
        return None
    return {
        "name": p.name,
        "start": p.start,
        "end": p.end,
        "geonameid": p.geonameid,
        "lat": p.lat,
        "lon": p.lon,
        "country": p.country,
        "admin1": p.admin1,
        "precision": p.precision,
    }


def date_dict(d: DateValue | None) -> dict[str, Any] | None:
    if d is None:
        return None
    return {"start": d.start.isoformat(), "end": d.end.isoformat(), "precision": d.precision, "text": d.text}


def event_dict(e: Event) -> dict[str, Any]:
    return {
        "id": e.id,
        "plover": e.plover,
        "plover_mode": e.plover_mode,
        "acled_event_type": e.acled_event_type,
        "acled_sub_event_type": e.acled_sub_event_type,
        "actor1": e.actor1,
        "actor2": e.actor2,
        "actor1_mention": span_dict(e.actor1_mention),
        "actor2_mention": span_dict(e.actor2_mention),
        "location": location_dict(e.location),
        "date": date_dict(e.date),
        "fatalities": e.fatalities,
        "certainty": e.certainty,
        "source_kind": e.source_kind,
        "attributed_to": e.attributed_to,
        "trigger": span_dict(e.trigger),
        "evidence": span_dict(e.evidence),
        "confidence": round(e.confidence, 3),
    }


def relation_dict(r: Relation) -> dict[str, Any]:
    return {
        "type": r.type,
        "source": r.source,
        "target": r.target,
        "source_mention": span_dict(r.source_mention),
        "target_mention": span_dict(r.target_mention),
        "status": r.status,
        "change": r.change,
        "certainty": r.certainty,
        "source_kind": r.source_kind,
        "evidence": span_dict(r.evidence),
        "derived_from": r.derived_from,
        "confidence": round(r.confidence, 3),
        "method": r.method,
    }


def to_contract(doc: Document) -> dict[str, Any]:
    """The output-contract object for one document (an error line when it failed)."""
    head: dict[str, Any] = {
        "id": doc.id,
        "title": doc.title,
        "url": doc.url,
        "published": doc.published.isoformat() if doc.published else None,
        # where `published` came from when the input gave none: "dateline"
        "published_from": doc.hints.get("published_from"),
        "language": doc.language,
        "text": doc.text,
        "sections": [{"kind": s.kind, "start": s.start, "end": s.end, "author": s.author} for s in doc.sections],
    }
    out: dict[str, Any] = {"schema": SCHEMA, "document": head}
    if doc.error is not None:
        out["error"] = {"code": doc.error.code, "message": doc.error.message}
        if doc.warnings:
            out["warnings"] = list(doc.warnings)
        return out
    out["actors"] = [
        {
            "id": a.id,
            "name": a.name,
            "kind": a.kind,
            "acled_inter": a.acled_inter,
            "country": a.country,
            "registry_id": a.registry_id,
            "known": a.known,
            "mentions": [{"start": m.start, "end": m.end, "text": m.text, "how": m.how} for m in a.mentions],
        }
        for a in doc.actors
    ]
    out["events"] = [event_dict(e) for e in doc.events]
    out["relations"] = [relation_dict(r) for r in doc.relations]
    out["places"] = [place_dict(p) for p in doc.places]
    if doc.warnings:
        out["warnings"] = list(doc.warnings)
    return out
