"""Output-contract documents as table rows: the one flattening the store and `factiongraph batch` share.

`contract_rows(key, contract, when)` returns, for every table of `schema.COLUMNS`, the rows the
document adds, as tuples in the table's column order. The store inserts them; `batch` writes
them to Parquet with `schema.arrow_schema`; `ingest` loads those Parquet files back unchanged.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from factiongraph.store.schema import TABLES

Rows = dict[str, list[tuple[Any, ...]]]


def empty_rows() -> Rows:
    return {t: [] for t in TABLES}


def _span(s: dict[str, Any] | None) -> tuple[Any, Any, Any]:
    return (None, None, None) if not s else (s["start"], s["end"], s["text"])


def as_date(value: Any) -> dt.date | None:
    """A `date` from a date, datetime or ISO string (only its first ten characters are read)."""
    if value is None or (isinstance(value, dt.date) and not isinstance(value, dt.datetime)):
        return value
    if isinstance(value, dt.datetime):
        return value.date()
    return dt.date.fromisoformat(str(value)[:10])


def document_row(key: str, c: dict[str, Any], when: dt.datetime) -> tuple[Any, ...]:
    d = c["document"]
    err = c.get("error") or {}
    return (
        key, d["id"], d.get("title"), d.get("url"), as_date(d.get("published")), d.get("language"),
        d.get("text") or "", json.dumps(d.get("sections") or [], ensure_ascii=False),
        json.dumps(c["warnings"], ensure_ascii=False) if c.get("warnings") else None,
        err.get("code"), err.get("message"), len(c.get("events") or []), len(c.get("relations") or []), when,
    )  # fmt: skip


def actor_row(a: dict[str, Any]) -> tuple[Any, ...]:
    return (a["id"], a["name"], a.get("kind"), a.get("acled_inter"), a.get("country"), a.get("registry_id"),
            a.get("known"))  # fmt: skip


def event_row(h: str, e: dict[str, Any]) -> tuple[Any, ...]:
    """An event in the column order of `events` (`merged_event_id` empty: the merge sets it)."""
    loc = e.get("location") or {}
    date = e.get("date") or {}
    ev = e["evidence"]
    return (
        h, e["id"], None, e["plover"], e.get("plover_mode"), e.get("acled_event_type"), e.get("acled_sub_event_type"),
        e.get("actor1"), e.get("actor2"), *_span(e.get("actor1_mention")), *_span(e.get("actor2_mention")),
        loc.get("name"), loc.get("start"), loc.get("end"), loc.get("geonameid"), loc.get("lat"), loc.get("lon"),
        loc.get("country"), loc.get("admin1"), loc.get("precision"),
        as_date(date.get("start")), as_date(date.get("end")), date.get("precision"), date.get("text"),
        e.get("fatalities"), e["certainty"], e["source_kind"], e.get("attributed_to"), *_span(e.get("trigger")),
        ev["start"], ev["end"], ev["text"], e.get("confidence"),
    )  # fmt: skip


def relation_row(h: str, i: int, r: dict[str, Any]) -> tuple[Any, ...]:
    ev = r["evidence"]
    return (
        h, i, r["type"], r["source"], r["target"], *_span(r.get("source_mention")), *_span(r.get("target_mention")),
        r["status"], r["certainty"], r["source_kind"], ev["start"], ev["end"], ev["text"], r.get("derived_from"),
        r.get("confidence"),
    )  # fmt: skip


def place_row(h: str, i: int, p: dict[str, Any]) -> tuple[Any, ...]:
    return (h, i, p["start"], p["end"], p["text"], p.get("name"), p.get("geonameid"), p.get("lat"), p.get("lon"),
            p.get("country"), p.get("admin1"), p.get("feature"), p.get("precision"))  # fmt: skip


def contract_rows(key: str, c: dict[str, Any], when: dt.datetime, into: Rows | None = None) -> Rows:
    """The rows one document (an output-contract dict stored under `key`) adds to each table.

    Actors and mentions are deduplicated within the document; `into` collects several documents.
    """
    out = into if into is not None else empty_rows()
    actors = c.get("actors") or []
    out["documents"].append(document_row(key, c, when))
    out["actors"].extend({a["id"]: actor_row(a) for a in actors}.values())
    mentions = {(a["id"], m["start"], m["end"]): (key, a["id"], m["start"], m["end"], m["text"], m.get("how"))
                for a in actors for m in a.get("mentions") or ()}  # fmt: skip
    out["mentions"].extend(mentions.values())
    out["events"].extend(event_row(key, e) for e in c.get("events") or ())
    out["relations"].extend(relation_row(key, i, r) for i, r in enumerate(c.get("relations") or ()))
    out["places"].extend(place_row(key, i, p) for i, p in enumerate(c.get("places") or ()))
    return out
