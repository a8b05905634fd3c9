"""ACLED CSV rows for one-sided events: the side a report leaves unnamed gets ACLED's name for it."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

from factiongraph import graph as fg
from factiongraph.export import export
from factiongraph.store import Store


def _span(text: str) -> dict[str, Any]:
    return {"start": 0, "end": len(text), "text": text}


def _event(a1: str | None, a2: str | None, etype: str, sub: str, text: str) -> dict[str, Any]:
    loc = {"name": "Gao", "start": 0, "end": 3, "geonameid": 2457163, "lat": 16.27, "lon": -0.04, "country": "ML",
           "admin1": "Gao", "precision": 1}  # fmt: skip
    return {"plover": "ASSAULT", "plover_mode": None, "acled_event_type": etype, "acled_sub_event_type": sub,
            "actor1": a1, "actor2": a2, "actor1_mention": None, "actor2_mention": None, "location": loc,
            "date": {"start": "2022-03-01", "end": "2022-03-01", "precision": "day", "text": "1 March 2022"},
            "fatalities": None, "certainty": "asserted", "source_kind": "article", "attributed_to": None,
            "trigger": _span("exploded"), "evidence": _span(text), "confidence": 0.5}  # fmt: skip


def _rows(tmp_path: Path, events: list[dict[str, Any]]) -> list[dict[str, str]]:
    actors = [{"id": "army", "name": "Military Forces of Mali", "kind": "state", "acled_inter": 1, "country": "MLI",
               "registry_id": "army", "known": True, "mentions": []},
              {"id": "civ", "name": "Civilians (Mali)", "kind": "civilians", "acled_inter": 7, "country": "MLI",
               "registry_id": "civ", "known": True, "mentions": []}]  # fmt: skip
    doc = {"schema": "factiongraph.document/1",
           "document": {"id": "d", "title": "d", "url": None, "published": "2022-03-02", "language": "en",
                        "text": "d", "sections": []},
           "actors": actors, "events": [{**e, "id": f"e{i + 1}"} for i, e in enumerate(events)], "relations": [],
           "places": []}  # fmt: skip
    with Store.open(tmp_path / "fg.duckdb") as s:
        s.write_batch([("h", doc)])
        fg.merge_events(s)
        buf = io.StringIO()
        export(s, "acled-csv", buf)
    return list(csv.DictReader(io.StringIO(buf.getvalue())))


def test_unnamed_bomber_is_an_unidentified_armed_group_of_the_country(tmp_path: Path) -> None:
    rows = _rows(tmp_path, [_event(None, "army", "Explosions/Remote violence", "Remote explosive/landmine/IED",
                                   "An IED exploded under an army truck near Gao.")])  # fmt: skip
    r = rows[0]
    assert (r["actor1"], r["inter1"], r["actor2"], r["inter2"]) == ("Unidentified Armed Group (Mali)", "3",
                                                                    "Military Forces of Mali", "1")  # fmt: skip
    assert (r["interaction"], r["civilian_targeting"], r["disorder_type"]) == ("13", "", "Political violence")


def test_unnamed_victims_of_violence_against_civilians_are_civilians_and_flagged(tmp_path: Path) -> None:
    rows = _rows(tmp_path, [_event("army", None, "Violence against civilians", "Attack",
                                   "Soldiers shot dead two herders near Gao.")])  # fmt: skip
    r = rows[0]
    assert (r["actor2"], r["inter2"], r["interaction"]) == ("Civilians (Mali)", "7", "17")
    assert r["civilian_targeting"] == "Civilian targeting"


def test_unnamed_rioters_get_acleds_rioters_name_and_a_strategic_development_keeps_its_side_empty(
    tmp_path: Path,
) -> None:
    rows = _rows(tmp_path, [
        _event(None, "civ", "Riots", "Mob violence", "A mob beat a man to death in Gao."),
        _event("army", None, "Strategic developments", "Other", "The army imposed a curfew on Gao."),
    ])  # fmt: skip
    riot = next(r for r in rows if r["event_type"] == "Riots")
    assert (riot["actor1"], riot["inter1"], riot["interaction"]) == ("Rioters (Mali)", "5", "57")
    assert riot["civilian_targeting"] == "Civilian targeting" and riot["disorder_type"] == (
        "Political violence; Demonstrations"
    )
    other = next(r for r in rows if r["event_type"] == "Strategic developments")
    assert (other["actor2"], other["inter2"], other["interaction"]) == ("", "", "10")
