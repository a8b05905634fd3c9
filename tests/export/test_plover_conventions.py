"""PLOVER JSONL in the manual's data fields: sector codes, ISO-3 country codes, the location
resolution scale, context for events that did not happen or come from comments, the
publication-date flag, and the manual's entity for an actor a report leaves unnamed."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest

from factiongraph.export import export
from factiongraph.export.conventions import plover_resolution, plover_sector
from factiongraph.store import Store

ACTORS = {
    "sudan": ("Sudan", "state", 1, "SDN"), "rsf": ("Rapid Support Forces", "rebel", 2, "SDN"),
    "united-nations": ("United Nations", "international_org", 8, None), "aq": ("al-Qaeda", "rebel", 2, None),
    "janjaweed": ("Janjaweed", "militia", 3, "SDN"), "civ": ("Civilians", "civilians", 7, None),
}  # fmt: skip
EL_FASHER = {"name": "El Fasher", "start": 60, "end": 69, "geonameid": 379303, "lat": 13.63, "lon": 25.35,
             "country": "SD", "admin1": "Northern Darfur", "precision": 1}  # fmt: skip


def _span(text: str, start: int = 0) -> dict[str, Any]:
    return {"start": start, "end": start + len(text), "text": text}


def _event(a: str | None, b: str | None, text: str, a_text: str | None = None, **kw: Any) -> dict[str, Any]:
    e = {"plover": "ASSAULT", "plover_mode": "heavy-weapons", "acled_event_type": "Battles",
         "acled_sub_event_type": "Armed clash", "actor1": a, "actor2": b,
         "actor1_mention": _span(a_text) if a_text else None, "actor2_mention": None, "location": EL_FASHER,
         "date": {"start": "2023-06-10", "end": "2023-06-10", "precision": "day", "text": "on Saturday"},
         "fatalities": None, "certainty": "asserted", "source_kind": "article", "attributed_to": None,
         "trigger": _span("shelled"), "evidence": _span(text), "confidence": 0.8}  # fmt: skip
    e.update(kw)
    return e


def _records(tmp_path: Path, events: list[dict[str, Any]], feature: str = "PPLA") -> list[dict[str, Any]]:
    doc = {
        "schema": "factiongraph.document/1",
        "document": {"id": "/srv/feeds/darfur.txt", "title": "Darfur fighting", "url": None,
                     "published": "2023-06-12", "language": "en", "text": "x", "sections": []},
        "actors": [{"id": k, "name": v[0], "kind": v[1], "acled_inter": v[2], "country": v[3], "registry_id": k,
                    "known": True, "mentions": []} for k, v in ACTORS.items()],
        "events": [{**e, "id": f"e{i + 1}"} for i, e in enumerate(events)], "relations": [],
        "places": [{"start": 60, "end": 69, "text": "al-Fashir", "name": "El Fasher", "geonameid": 379303,
                    "lat": 13.63, "lon": 25.35, "country": "SD", "admin1": "Northern Darfur", "feature": feature}],
    }  # fmt: skip
    with Store.open(tmp_path / "fg.duckdb") as s:
        s.write_batch([("h", doc)])
        buf = io.StringIO()
        export(s, "plover-jsonl", buf)
    return [json.loads(line) for line in buf.getvalue().splitlines()]


def test_actors_carry_the_manuals_sector_and_iso3_codes(tmp_path: Path) -> None:
    recs = _records(tmp_path, [
        _event("sudan", "rsf", "Army artillery shelled RSF positions in El Fasher.", a_text="Army artillery"),
        _event("janjaweed", "civ", "Janjaweed riders attacked displaced families near El Fasher."),
        _event("united-nations", "sudan", "The UN urged the government to open aid corridors.", a_text="The UN",
               plover="REQUEST", acled_event_type=None, acled_sub_event_type=None),
        _event("aq", "sudan", "Al-Qaeda called on its followers to target the government.", plover="THREATEN",
               acled_event_type=None, acled_sub_event_type=None),
        _event("sudan", None, "The government announced a state of emergency.", a_text="The government",
               plover="COERCE", acled_event_type=None, acled_sub_event_type=None),
    ])  # fmt: skip
    entities = [(r["actor"][0]["code"], r["actor"][0]["sector"],
                 r["recipient"][0]["code"] if r["recipient"] else None,
                 r["recipient"][0]["sector"] if r["recipient"] else None) for r in recs]  # fmt: skip
    assert entities == [
        ("SDN", "MIL", "SDN", "REB"),
        ("SDN", "PRM", None, "CVL"),
        ("UNO", "UNK", "SDN", "GOV"),
        ("IMG", "REB", "SDN", "GOV"),
        ("SDN", "GOV", None, None),
    ]
    assert recs[0]["quad_code"] == 4 and recs[2]["quad_code"] == 3
    assert all(r["id"].endswith(f"-e{i + 1}") and "/" not in r["id"] for i, r in enumerate(recs))
    assert recs[0]["cite_info"]["citation"] is None and recs[0]["cite_info"]["title"] == "Darfur fighting"


def test_an_unnamed_attacker_is_the_manuals_unidentified_armed_force_never_an_empty_actor(tmp_path: Path) -> None:
    recs = _records(tmp_path, [
        _event(None, "rsf", "Unknown gunmen ambushed an RSF convoy outside El Fasher.", a_text="Unknown gunmen"),
        _event(None, "sudan", "Leaflets accusing the army of treason appeared in the market.", plover="ACCUSE",
               acled_event_type=None, acled_sub_event_type=None),
    ])  # fmt: skip
    assert [r["actor"] for r in recs] == [
        [{"code": "SDN", "sector": "UAF", "entity_text": "Unknown gunmen", "identifier_id": None,
          "identifier_text": None}],
        [{"code": "SDN", "sector": "UNK", "entity_text": None, "identifier_id": None, "identifier_text": None}],
    ]  # fmt: skip


def test_context_marks_hypothetical_negated_and_comment_events(tmp_path: Path) -> None:
    recs = _records(tmp_path, [
        _event("rsf", "sudan", "The RSF vowed to storm El Fasher if talks fail.", certainty="hypothetical"),
        _event("sudan", "rsf", "The army denied shelling El Fasher.", certainty="negated"),
        _event("rsf", "sudan", "a reader claims the RSF hit the army in El Fasher", source_kind="comment",
               certainty="hedged"),
        _event("rsf", "sudan", "RSF fighters shelled army barracks in El Fasher."),
    ])  # fmt: skip
    assert [r["context"] for r in recs] == [["hypothetical"], ["negation"], ["comment"], []]


def test_an_event_dated_only_by_its_report_is_flagged(tmp_path: Path) -> None:
    undated = {"start": None, "end": None, "precision": None, "text": None}
    recs = _records(tmp_path, [
        _event("rsf", "sudan", "RSF units attacked the army garrison in El Fasher."),
        _event("rsf", "sudan", "Fighting spread to the outskirts of El Fasher.", date=undated),
    ])  # fmt: skip
    assert [(r["date"], r["date_is_publication"]) for r in recs] == [("2023-06-10", False), ("2023-06-12", True)]


def test_the_location_follows_the_manuals_fields_and_resolution_scale(tmp_path: Path) -> None:
    (rec,) = _records(tmp_path, [_event("rsf", "sudan", "RSF fighters shelled army barracks in El Fasher.")])
    assert rec["event_loc"] == {
        "extracted_place": "al-Fashir", "resolved_place": "El Fasher", "geonameid": 379303, "lat": 13.63,
        "lon": 25.35, "province": "Northern Darfur", "country": "Sudan", "country_code": "SDN",
        "feature_code": "PPLA", "resolution": 4,
    }  # fmt: skip


@pytest.mark.parametrize(("feature", "precision", "resolution"), [
    ("PPLX", 1, 5), ("PPLA", 1, 4), ("ADM2", 3, 3), ("ADM1", 3, 2), ("PCLI", 3, 1), (None, 3, 2), (None, 1, 4),
    (None, None, None),
])  # fmt: skip
def test_resolution_runs_from_country_1_to_sub_city_5(feature: str | None, precision: int | None,
                                                      resolution: int | None) -> None:  # fmt: skip
    assert plover_resolution(feature, precision) == resolution


@pytest.mark.parametrize(("mention", "plover", "sector"), [
    ("riot police", "COERCE", "COP"), ("the interior ministry", "ACCUSE", "GOV"),
    ("Sudanese soldiers", "ASSAULT", "MIL"),
    ("Khartoum", "ASSAULT", "MIL"), ("Khartoum", "CONSULT", "GOV"), ("military intelligence", "COERCE", "SPY"),
])  # fmt: skip
def test_a_states_sector_follows_the_words_of_its_mention(mention: str, plover: str, sector: str) -> None:
    assert plover_sector("state", mention, plover) == sector


def test_a_location_nothing_else_in_the_report_supports_is_commented_as_doubtful(tmp_path: Path) -> None:
    abroad = {"name": "Nyala", "start": 100, "end": 105, "geonameid": 1, "lat": 0.9, "lon": 36.9, "country": "KE",
              "admin1": "Laikipia", "precision": 1}  # fmt: skip
    recs = _records(tmp_path, [
        _event("rsf", "sudan", "RSF fighters overran an army post in Nyala.", location=abroad),
        _event("rsf", "sudan", "RSF fighters shelled army barracks in El Fasher."),
    ])  # fmt: skip
    assert recs[0]["event_loc"]["country_code"] == "KEN"
    assert recs[0]["comment"] == ("doubtful location: 'Nyala' was geocoded to Kenya, where no other place of the "
                                  "report nor any of its actors is (the report's places: Sudan)")  # fmt: skip
    assert "comment" not in recs[1]
