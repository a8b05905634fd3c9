"""ACLED-style CSV: one row per merged event that ACLED would record.

Columns are ACLED's. Filled: event_id_cnty (ISO3 + number), event_date, year,
time_precision, disorder_type, event_type, sub_event_type, actor1/2, inter1/2, interaction,
civilian_targeting, iso (numeric), country, admin1, location, latitude, longitude,
geo_precision, source (document ids / URLs of every report), notes (the evidence),
fatalities (the largest reported; empty when unknown), tags (our certainty, source kind,
PLOVER type and number of reports), timestamp (ingest time). Left empty: assoc_actor_1/2,
region, admin2, admin3, source_scale. Disorder type, interaction, civilian targeting and the
names of sides a report leaves unnamed ("Unidentified Armed Group (Mali)") come from the
codebook data (`factiongraph.events.codebook`).

Left out: events with no ACLED type (most verbal events), events whose best report is
negated or hypothetical (they did not happen), and events known only from reader comments.
"""

from __future__ import annotations

import csv
import datetime as dt
from typing import IO, Any

from factiongraph.events.codebook import civilian_targeting, disorder_type, interaction, unnamed_participant
from factiongraph.graph import merged_events
from factiongraph.store.core import Store

ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
    "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision",
    "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
)  # fmt: skip

TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3}
NOT_HAPPENED = ("negated", "hypothetical")


def _country(alpha2: str | None) -> tuple[str, str, str]:
    """(ISO3, numeric, name) for an ISO 3166 alpha-2 code."""
    if not alpha2:
        return "", "", ""
    import pycountry

    c = pycountry.countries.get(alpha_2=alpha2.upper())
    if c is None:
        return "", "", ""
    return c.alpha_3, str(int(c.numeric)), getattr(c, "common_name", None) or c.name


def _side(
    actor: dict[str, Any], actor_id: str | None, event_type: str, role: str, country: str
) -> tuple[str, int | None]:
    """(name, inter code) of one side of an event; a side the report leaves unnamed gets the name
    ACLED gives it ("Unidentified Armed Group (Mali)", "Rioters (Kenya)") or stays empty."""
    if actor_id:
        return actor.get("name", actor_id), actor.get("acled_inter")
    unnamed = unnamed_participant(event_type, role, country or None)
    return unnamed if unnamed is not None else ("", None)


def acled_rows(store: Store) -> list[dict[str, Any]]:
    actors = store.actors()
    rows: list[dict[str, Any]] = []
    per_country: dict[str, int] = {}
    for m in merged_events(store):
        b = m.best
        if not b["acled_event_type"] or b["certainty"] in NOT_HAPPENED or b["source_kind"] == "comment":
            continue
        a1, a2 = actors.get(b["actor1"] or "", {}), actors.get(b["actor2"] or "", {})
        iso3, iso_num, country = _country(b["country"])
        etype = b["acled_event_type"]
        name1, inter1 = _side(a1, b["actor1"], etype, "actor1", country)
        name2, inter2 = _side(a2, b["actor2"], etype, "actor2", country)
        code = interaction(inter1, inter2)
        per_country[iso3 or "XXX"] = per_country.get(iso3 or "XXX", 0) + 1
        date = m.date
        ingested = b["doc_ingested_at"]
        sources = list(dict.fromkeys(s["doc_url"] or s["doc_id"] for s in m.sources))
        rows.append(
            {
                "event_id_cnty": f"{iso3 or 'XXX'}{per_country[iso3 or 'XXX']}",
                "event_date": date.isoformat() if date else "",
                "year": date.year if date else "",
                "time_precision": TIME_PRECISION.get(b["date_precision"] or "", 3 if date else ""),
                "disorder_type": disorder_type(etype),
                "event_type": b["acled_event_type"],
                "sub_event_type": b["acled_sub_event_type"] or "",
                "actor1": name1,
                "assoc_actor_1": "",
                "inter1": inter1 or "",
                "actor2": name2,
                "assoc_actor_2": "",
                "inter2": inter2 or "",
                "interaction": code if code is not None else "",
                "civilian_targeting": civilian_targeting(etype, inter2, a2.get("kind")),
                "iso": iso_num,
                "region": "",
                "country": country,
                "admin1": b["admin1"] or "",
                "admin2": "",
                "admin3": "",
                "location": b["location_name"] or "",
                "latitude": b["lat"] if b["lat"] is not None else "",
                "longitude": b["lon"] if b["lon"] is not None else "",
                "geo_precision": b["geo_precision"] or "",
                "source": "; ".join(sources),
                "source_scale": "",
                "notes": " ".join(b["evidence_text"].split()),
                "fatalities": m.fatalities if m.fatalities is not None else "",
                "tags": f"certainty={b['certainty']}; plover={b['plover']}; reports={len(m.sources)}",
                "timestamp": int(ingested.replace(tzinfo=dt.timezone.utc).timestamp()) if ingested else "",
            }
        )
    return rows


def write_acled_csv(store: Store, out: IO[str]) -> int:
    rows = acled_rows(store)
    w = csv.DictWriter(out, fieldnames=ACLED_COLUMNS, lineterminator="\n")
    w.writeheader()
    w.writerows(rows)
    return len(rows)
