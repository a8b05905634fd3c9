"""ACLED CSV: one row per merged event that ACLED would record, in ACLED's columns and conventions.

- `event_id_cnty`: the country's ISO3 and a number derived from the event's first stored report
  (its document identity and event id), so adding a report never renumbers an event.
- `source`: per report, the outlet (the URL's host), the title and the URL; a report without URL
  is named by its title (else its first line), never by a local file path. `source_scale`: the
  outlets' reach (`export/data/acled_source_scale.yaml`).
- `country`, `admin1`, `location`: ASCII, as ACLED writes them; `region`: ACLED's region of the
  country (`export/data/acled_regions.yaml`). `admin2`/`admin3`: the place itself where the geocoder
  resolved it to a district (GeoNames ADM2) or sub-district (ADM3), else empty, ACLED's convention
  for an unknown level: the bundled gazetteer records no district of a town (its ADM2 entries are
  the US counties; it has no ADM3).
- `actor1`/`actor2`: a side the report leaves unnamed gets ACLED's name for it ("Unidentified
  Armed Group (Mali)", "Civilians (Iraq)"); `assoc_actor_1`/`assoc_actor_2`: the other actors a
  sentence names on the same side of the same event ("X and Y attacked Z": Y is associated with X).
- `inter1`/`inter2`/`interaction`: ACLED's codes (or its labels with `inter_labels=True`);
  `civilian_targeting`: "Civilian targeting" on every violence-against-civilians row, and on
  explosions and riots whose target is civilians, as ACLED codes it.
- `event_date`: the earliest report's date of the event, else its publication date, then with
  `time_precision` 2 (the week before the report) and the tag "date=publication date".
- `fatalities`: the largest reported number, 0 when no report gives one (ACLED's convention; the
  tags say "fatalities=not reported"). `timestamp`: the last time a report of the event was stored.

Left out, and counted (`AcledExport.skipped`): events ACLED does not record (no ACLED type, most
verbal events), events whose best report is negated or hypothetical, events known only from reader
comments. Rejected, with a reason (`AcledExport.rejects`): rows lacking what ACLED requires: an
event date, a country and location, an actor1, or placed by the geocoder in a country that nothing
else in the report or its actors point to (a district name matched to a town abroad).
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import IO, Any

from factiongraph.events.codebook import civilian_targeting, codebook, disorder_type, interaction, unnamed_participant
from factiongraph.export.conventions import acled_region, ascii_name, country, outlet, report_title, source_scale
from factiongraph.graph import MergedEvent, merged_events
from factiongraph.store.core import Store
from factiongraph.store.rows import as_date

ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
    "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision",
    "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
)  # fmt: skip
REJECT_COLUMNS = ("reason", "message", *ACLED_COLUMNS)

TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3}
PUBLICATION_TIME_PRECISION = 2  # no date in the text: the event happened in the days before the report
NOT_HAPPENED = ("negated", "hypothetical")
ID_DIGITS = 10
VIOLENCE_AGAINST_CIVILIANS = "Violence against civilians"


@dataclass
class Reject:
    """A row ACLED would not accept: why, and the row as far as it was filled."""

    reason: str  # no_date, no_location, no_actor1, location_conflict
    message: str
    row: dict[str, Any]


@dataclass
class AcledExport:
    """The rows written, the rows rejected and the events left out (reason -> count)."""

    rows: list[dict[str, Any]] = field(default_factory=list)
    rejects: list[Reject] = field(default_factory=list)
    skipped: Counter[str] = field(default_factory=Counter)


def stable_id(iso3: str, first_report: tuple[str, str]) -> str:
    """ACLED-style id: ISO3 and a number hashed from the event's first stored report."""
    digest = hashlib.sha256(f"{first_report[0]}:{first_report[1]}".encode()).hexdigest()
    return f"{iso3 or 'XXX'}{int(digest, 16) % 10**ID_DIGITS}"


def _label(doc: dict[str, Any]) -> str:
    """How `source` names one report: outlet, title and URL; never a file path."""
    title = report_title(doc.get("title"), doc.get("head")).replace(";", ",")
    url = doc.get("url")
    if url:
        host = outlet(url)
        return f"{host}: {title} ({url})" if title else f"{host} ({url})"
    return title or f"document {str(doc.get('hash', ''))[:12]}"


def _actor_name(actor: dict[str, Any], country_name: str) -> str:
    """The actor's name, with the country ACLED adds to generic names ("Civilians (Iraq)")."""
    name = str(actor.get("name") or actor.get("id") or "")
    generic = actor.get("kind") in ("civilians", "protesters") or name.lower().startswith("unidentified")
    if generic and country_name and "(" not in name:
        name = f"{name.title() if name.lower().startswith('unidentified') else name} ({country_name})"
    return name


def _side(actor_id: str | None, actors: dict[str, dict[str, Any]], etype: str, role: str,
          country_name: str) -> tuple[str, int | None]:  # fmt: skip
    """(name, inter code) of one side; a side the report leaves unnamed gets ACLED's name or stays empty."""
    if actor_id:
        a = actors.get(actor_id, {"id": actor_id})
        return _actor_name(a, country_name), a.get("acled_inter")
    unnamed = unnamed_participant(etype, role, country_name or None)
    return unnamed if unnamed is not None else ("", None)


def _inter_text(code: int | None, labels: bool) -> Any:
    if code is None:
        return ""
    return codebook().inter_codes.get(code, str(code)) if labels else code


def _interaction(inter1: int | None, inter2: int | None, labels: bool) -> Any:
    code = interaction(inter1, inter2)
    if code is None:
        return ""
    if not labels:
        return code
    names = codebook().inter_codes
    if inter1 and inter2:
        lo, hi = sorted((inter1, inter2))
        return f"{names.get(lo, str(lo))}-{names.get(hi, str(hi))}"
    one = inter1 or inter2 or 0
    return f"{names.get(one, str(one))} only"


def _civilian_targeting(etype: str, inter2: int | None, actor2_kind: str | None) -> str:
    """ACLED flags every violence-against-civilians event, and other political violence (explosions,
    riots) whose target is civilians."""
    if etype == VIOLENCE_AGAINST_CIVILIANS:
        return codebook().civilian_label
    return civilian_targeting(etype, inter2, actor2_kind)


def placement_conflict(best: dict[str, Any], places: dict[str, list[dict[str, Any]]],
                        actors: dict[str, dict[str, Any]]) -> str | None:  # fmt: skip
    """Why the geocoded country of the event's place is not credible, or None. It is not when the
    report's other places (not other mentions of this one) all lie in other countries and none of
    the event's actors belongs to it (a district name matched to a town abroad); a report with no
    other place gives no evidence."""
    code = (best["country"] or "").upper()
    doc_places = places.get(best["doc_hash"], [])
    this = _place_of(best, places)
    if not code or (this is not None and str(this["feature"] or "").startswith("PCL")):
        return None  # a country the text names is the text's word, not a geocoder's guess
    iso3 = country(code)[0]
    here, same = best["location_start"], best["geonameid"]
    # other places: another mention of the same place is no independent evidence
    others = [p for p in doc_places
              if p["country"] and p["start_offset"] != here and (same is None or p["geonameid"] != same)]  # fmt: skip
    if not others or any(p["country"].upper() == code for p in others):
        return None
    for a in (best["actor1"], best["actor2"]):
        if a and (actors.get(a, {}).get("country") or "").upper() in (code, iso3):
            return None
    seen = ", ".join(name for name, _ in Counter(country(p["country"])[2] for p in others).most_common(3))
    return (f"'{best['location_name']}' was geocoded to {country(code)[2]}, where no other place of the report "
            f"nor any of its actors is (the report's places: {seen})")  # fmt: skip


ADMIN_LEVEL_COLUMNS = {"ADM2": "admin2", "ADM3": "admin3"}  # GeoNames feature code -> ACLED column


def admin_levels(best: dict[str, Any], places: dict[str, list[dict[str, Any]]]) -> dict[str, str]:
    """ACLED's `admin2` and `admin3` of an event: its place's name in the column of its level when the
    geocoder resolved the place to a district or sub-district; empty strings otherwise."""
    out = dict.fromkeys(ADMIN_LEVEL_COLUMNS.values(), "")
    if best["location_start"] is None:
        return out
    column = ADMIN_LEVEL_COLUMNS.get(str((_place_of(best, places) or {}).get("feature") or "").split(".")[-1].upper())
    if column:
        out[column] = ascii_name(best["location_name"])
    return out


def _place_of(best: dict[str, Any], places: dict[str, list[dict[str, Any]]]) -> dict[str, Any] | None:
    """The stored place the event's location mention is, if any."""
    return next((p for p in places.get(best["doc_hash"], []) if p["start_offset"] == best["location_start"]), None)


def places_by_document(store: Store) -> dict[str, list[dict[str, Any]]]:
    """doc_hash -> its places (offset, text, country, geonameid, feature), as `placement_conflict` reads them."""
    places: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for p in store.query("SELECT doc_hash, start_offset, text, country, geonameid, feature FROM places"):
        places[p["doc_hash"]].append(p)
    return places


def _row(m: MergedEvent, actors: dict[str, dict[str, Any]], docs: dict[str, dict[str, Any]],
         places: dict[str, list[dict[str, Any]]], inter_labels: bool) -> dict[str, Any]:  # fmt: skip
    b = m.best
    iso3, iso_num, country_name = country(b["country"])
    etype = b["acled_event_type"]
    name1, inter1 = _side(b["actor1"], actors, etype, "actor1", country_name)
    name2, inter2 = _side(b["actor2"], actors, etype, "actor2", country_name)
    kind2 = actors.get(b["actor2"] or "", {}).get("kind") if b["actor2"] else "civilians" if inter2 == 7 else None
    first = min(m.sources, key=lambda s: (s["doc_ingested_at"] or dt.datetime.max, s["doc_hash"], s["event_id"]))
    date = m.date
    stamps = [s["doc_ingested_at"] for s in m.sources if s["doc_ingested_at"]]
    hashes = list(dict.fromkeys(s["doc_hash"] for s in m.sources))
    urls = [docs.get(h, {}).get("url") for h in hashes]
    fatalities = m.fatalities
    tags = [f"certainty={b['certainty']}", f"plover={b['plover']}", f"reports={len(m.sources)}"]
    if fatalities is None:
        tags.append("fatalities=not reported")
    precision = TIME_PRECISION.get(b["date_precision"] or "", 3 if date else "")
    if date is not None and not any(as_date(s["date_start"]) for s in m.sources):
        tags.append("date=publication date")
        precision = PUBLICATION_TIME_PRECISION
    return {
        "event_id_cnty": stable_id(iso3, (first["doc_hash"], first["event_id"])),
        "event_date": date.isoformat() if date else "",
        "year": date.year if date else "",
        "time_precision": precision,
        "disorder_type": disorder_type(etype),
        "event_type": etype,
        "sub_event_type": b["acled_sub_event_type"] or "",
        "actor1": name1,
        "assoc_actor_1": "",
        "inter1": _inter_text(inter1, inter_labels),
        "actor2": name2,
        "assoc_actor_2": "",
        "inter2": _inter_text(inter2, inter_labels),
        "interaction": _interaction(inter1, inter2, inter_labels),
        "civilian_targeting": _civilian_targeting(etype, inter2, kind2),
        "iso": iso_num,
        "region": acled_region(iso3),
        "country": country_name,
        "admin1": ascii_name(b["admin1"]),
        **admin_levels(b, places),
        "location": ascii_name(b["location_name"]),
        "latitude": b["lat"] if b["lat"] is not None else "",
        "longitude": b["lon"] if b["lon"] is not None else "",
        "geo_precision": b["geo_precision"] or "",
        "source": "; ".join(dict.fromkeys(_label(docs.get(h, {"hash": h})) for h in hashes)),
        "source_scale": source_scale(urls),
        "notes": " ".join(b["evidence_text"].split()),
        "fatalities": fatalities if fatalities is not None else 0,
        "tags": "; ".join(tags),
        "timestamp": int(max(stamps).replace(tzinfo=dt.timezone.utc).timestamp()) if stamps else "",
        "_sentence": (b["doc_hash"], b["evidence_start"], etype, b["acled_sub_event_type"]),
        "_actors": (b["actor1"], b["actor2"]),
        "_best": b,
        "_urls": urls,
    }


def _fold_associated(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Events of one sentence with the same type and one side in common become one row: the other
    side's further actors are its associated actors ("X and Y attacked Z": actor1 X, assoc Y)."""
    out: list[tuple[int, dict[str, Any]]] = []
    groups: dict[tuple[Any, ...], dict[str, Any]] = {}
    # the first actor a sentence names hosts the others: by mention offset, then event number
    order = sorted(range(len(rows)), key=lambda i: _mention_order(rows[i]["_best"]))
    for i in order:
        r = rows[i]
        a1, a2 = r["_actors"]
        keys = {
            "1": (*r["_sentence"], "actor2", a2) if a2 else None,  # same target: r's actor1 is associated
            "2": (*r["_sentence"], "actor1", a1) if a1 else None,  # same attacker: r's actor2 is associated
        }
        side, host = next(((s, groups[k]) for s, k in keys.items() if k is not None and k in groups), ("", None))
        if host is None:
            for k in keys.values():
                if k is not None:
                    groups[k] = r
            out.append((i, r))
            continue
        name = r[f"actor{side}"]
        assoc = [x for x in host[f"assoc_actor_{side}"].split("; ") if x]
        if name and name != host[f"actor{side}"] and name not in assoc:
            host[f"assoc_actor_{side}"] = "; ".join([*assoc, name])
        if r["fatalities"] and (not host["fatalities"] or r["fatalities"] > host["fatalities"]):
            host["fatalities"] = r["fatalities"]
        sources = [s for s in host["source"].split("; ") + r["source"].split("; ") if s]
        host["source"] = "; ".join(dict.fromkeys(sources))
        host["_urls"] = [*host["_urls"], *r["_urls"]]
        host["source_scale"] = source_scale(host["_urls"])
    return [r for _, r in sorted(out, key=lambda t: t[0])]


def _mention_order(e: dict[str, Any]) -> tuple[Any, ...]:
    digits = "".join(ch for ch in str(e["event_id"]) if ch.isdigit())
    return (e["actor1_start"] is None, e["actor1_start"] or 0, int(digits) if digits else 0, str(e["event_id"]))


def acled_export(store: Store, *, inter_labels: bool = False) -> AcledExport:
    """The ACLED rows of the store, the rows rejected (with the reason) and the events left out."""
    actors = store.actors()
    docs = {d["hash"]: d for d in store.query(
        "SELECT hash, id, title, url, SUBSTRING(text, 1, 400) AS head FROM documents")}  # fmt: skip
    places = places_by_document(store)
    result = AcledExport()
    candidates = []
    for m in merged_events(store):
        b = m.best
        if not b["acled_event_type"]:
            result.skipped["not an ACLED event type"] += 1
        elif b["certainty"] in NOT_HAPPENED:
            result.skipped[f"{b['certainty']} (did not happen)"] += 1
        elif b["source_kind"] == "comment":
            result.skipped["only in reader comments"] += 1
        else:
            candidates.append(_row(m, actors, docs, places, inter_labels))
    seen_ids: Counter[str] = Counter()
    for r in _fold_associated(candidates):
        best = r.pop("_best")
        for k in ("_sentence", "_actors", "_urls"):
            r.pop(k)
        seen_ids[r["event_id_cnty"]] += 1
        if seen_ids[r["event_id_cnty"]] > 1:  # a hash collision: keep both rows, told apart
            r["event_id_cnty"] = f"{r['event_id_cnty']}-{seen_ids[r['event_id_cnty']]}"
        if not r["event_date"]:
            result.rejects.append(Reject("no_date", "no event date and no publication date", r))
        elif not r["country"]:
            result.rejects.append(Reject("no_location", "no place with a known country", r))
        elif conflict := placement_conflict(best, places, actors):  # judged only for a row otherwise complete
            result.rejects.append(Reject("location_conflict", conflict, r))
        elif not r["actor1"]:
            result.rejects.append(Reject("no_actor1", "no actor1, named or ACLED's for an unnamed side", r))
        else:
            result.rows.append(r)
    return result


def acled_rows(store: Store, *, inter_labels: bool = False) -> list[dict[str, Any]]:
    """The rows `write_acled_csv` writes (rejected rows left out)."""
    return acled_export(store, inter_labels=inter_labels).rows


def write_rejects(rejects: list[Reject], out: IO[str]) -> None:
    """The rejected rows as CSV: reason, message and ACLED's columns."""
    w = csv.DictWriter(out, fieldnames=REJECT_COLUMNS, lineterminator="\n")
    w.writeheader()
    for r in rejects:
        w.writerow({"reason": r.reason, "message": r.message, **r.row})


def write_acled_csv(store: Store, out: IO[str], *, inter_labels: bool = False) -> AcledExport:
    """Writes the ACLED CSV to `out`; returns what was written, rejected and left out."""
    result = acled_export(store, inter_labels=inter_labels)
    w = csv.DictWriter(out, fieldnames=ACLED_COLUMNS, lineterminator="\n")
    w.writeheader()
    w.writerows(result.rows)
    return result
