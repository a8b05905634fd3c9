"""ACLED CSV in ACLED's conventions, opened with pandas: stable ids, sources, ASCII places, region,
civilian targeting, associated actors, inter labels, and rows ACLED would not accept rejected."""

from __future__ import annotations

import csv
import io
import zlib
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from factiongraph import graph as fg
from factiongraph.cli import app
from factiongraph.export import ACLED_COLUMNS, ExportOptions, acled_export, export
from factiongraph.export.conventions import acled_region, ascii_name, country
from factiongraph.store import Store

# ACLED's column types, as its exports declare them
ACLED_DTYPES = {
    "event_id_cnty": "string", "year": "Int64", "time_precision": "Int64", "disorder_type": "string",
    "event_type": "string", "sub_event_type": "string", "actor1": "string", "assoc_actor_1": "string",
    "inter1": "Int64", "actor2": "string", "assoc_actor_2": "string", "inter2": "Int64", "interaction": "Int64",
    "civilian_targeting": "string", "iso": "Int64", "region": "string", "country": "string", "admin1": "string",
    "admin2": "string", "admin3": "string", "location": "string", "latitude": "float64", "longitude": "float64",
    "geo_precision": "Int64", "source": "string", "source_scale": "string", "notes": "string", "fatalities": "Int64",
    "tags": "string", "timestamp": "Int64",
}  # fmt: skip

ACTORS = {
    "army": ("Iraqi Army", "state", 1, "IRQ"), "isis": ("Islamic State", "rebel", 2, None),
    "pmf": ("Popular Mobilization Forces", "militia", 3, "IRQ"), "civ": ("Civilians", "civilians", 7, None),
    "coalition": ("Global Coalition", "foreign_state", 8, "USA"), "houthis": ("Ansar Allah", "rebel", 2, "YEM"),
}  # fmt: skip


def _span(text: str) -> dict[str, Any]:
    return {"start": 0, "end": len(text), "text": text}


def _place(name: str, country: str, admin1: str | None, lat: float, lon: float, start: int = 0) -> dict[str, Any]:
    return {"name": name, "start": start, "end": start + len(name), "geonameid": zlib.crc32(name.encode()),
            "lat": lat, "lon": lon,
            "country": country, "admin1": admin1, "precision": 1}  # fmt: skip


MOSUL = _place("Mosul", "IQ", "Nineveh", 36.34, 43.13)


def _event(a: str | None, b: str | None, text: str, place: dict[str, Any] | None = MOSUL, **kw: Any) -> dict[str, Any]:
    e = {"plover": "ASSAULT", "plover_mode": "firearms", "acled_event_type": "Battles",
         "acled_sub_event_type": "Armed clash", "actor1": a, "actor2": b, "actor1_mention": None,
         "actor2_mention": None, "location": place,
         "date": {"start": "2016-11-02", "end": "2016-11-02", "precision": "day", "text": "on Wednesday"},
         "fatalities": None, "certainty": "asserted", "source_kind": "article", "attributed_to": None,
         "trigger": _span("fought"), "evidence": _span(text), "confidence": 0.8}  # fmt: skip
    e.update(kw)
    return e


def _sentence(text: str, events: list[dict[str, Any]]) -> dict[str, Any]:
    """An evidence span: each distinct sentence of a document at its own offset."""
    texts = list(dict.fromkeys(e["evidence"]["text"] for e in events))
    start = 1000 * texts.index(text)
    return {"start": start, "end": start + len(text), "text": text}


def _doc(doc_id: str, events: list[dict[str, Any]], *, url: str | None = None, title: str | None = None,
         text: str = "Report\nBody.", places: list[dict[str, Any]] | None = None,
         published: str | None = "2016-11-03") -> dict[str, Any]:  # fmt: skip
    return {
        "schema": "factiongraph.document/1",
        "document": {"id": doc_id, "title": title, "url": url, "published": published, "language": "en",
                     "text": text, "sections": []},
        "actors": [{"id": k, "name": v[0], "kind": v[1], "acled_inter": v[2], "country": v[3], "registry_id": k,
                    "known": True, "mentions": []} for k, v in ACTORS.items()],
        "events": [{**e, "id": f"e{i + 1}", "evidence": _sentence(e["evidence"]["text"], events)}
                   for i, e in enumerate(events)], "relations": [],
        "places": [{"start": p["start"], "end": p["end"], "text": p["name"], "name": p["name"],
                    "geonameid": p["geonameid"],
                    "lat": p["lat"], "lon": p["lon"], "country": p["country"], "admin1": p["admin1"],
                    "feature": p.get("feature", "PPL")} for p in (places if places is not None else [MOSUL])],
    }  # fmt: skip


def _store(path: Path, docs: list[dict[str, Any]]) -> Store:
    s = Store.open(path)
    s.write_batch([(f"h-{d['document']['id']}", d) for d in docs])
    fg.merge_events(s)
    return s


def _csv(store: Store, **opts: Any) -> list[dict[str, str]]:
    buf = io.StringIO()
    export(store, "acled-csv", buf, ExportOptions(**opts))
    return list(csv.DictReader(io.StringIO(buf.getvalue())))


def test_event_id_stays_the_same_when_a_later_report_of_it_is_added(tmp_path: Path) -> None:
    first = _doc("one", [_event("army", "isis", "Iraqi troops fought Islamic State units in Mosul.")],
                 url="https://example.org/one")  # fmt: skip
    with _store(tmp_path / "a.duckdb", [first]) as s:
        before = {r["actor1"]: r["event_id_cnty"] for r in _csv(s)}
    later = _doc("two", [_event("isis", "army", "Islamic State and the army clashed again inside Mosul.")],
                 url="https://example.org/two")  # fmt: skip
    other = _doc("three", [_event("pmf", "isis", "Militia units battled IS fighters west of Mosul.")],
                 url="https://example.org/three")  # fmt: skip
    with _store(tmp_path / "b.duckdb", [first, later, other]) as s:
        rows = _csv(s)
    after = {r["actor1"]: r["event_id_cnty"] for r in rows}
    assert after["Iraqi Army"] == before["Iraqi Army"] and after["Iraqi Army"].startswith("IRQ")
    assert next(r for r in rows if r["actor1"] == "Iraqi Army")["tags"].endswith("reports=2; fatalities=not reported")
    assert len(set(after.values())) == 2


def test_source_names_outlet_title_and_url_and_never_a_file_path(tmp_path: Path) -> None:
    docs = [
        _doc("/home/analyst/reports/mosul.txt", [_event("army", "isis", "Troops engaged IS gunmen in Mosul.")],
             text="Iraqi troops push into eastern Mosul\nMOSUL, 3 November 2016 - Troops engaged IS gunmen."),
        _doc("web", [_event("pmf", "isis", "Militiamen traded fire with IS near Mosul.")],
             url="https://www.reuters.com/world/mosul-push", title="Iraqi forces; IS fight on"),
    ]  # fmt: skip
    with _store(tmp_path / "fg.duckdb", docs) as s:
        rows = _csv(s)
    sources = sorted((r["source"], r["source_scale"]) for r in rows)
    assert sources == [
        ("Iraqi troops push into eastern Mosul", "Other"),
        ("reuters.com: Iraqi forces, IS fight on (https://www.reuters.com/world/mosul-push)", "International"),
    ]


def test_place_names_are_ascii_and_the_region_is_acleds(tmp_path: Path) -> None:
    sanaa = _place("Şanʻā’", "YE", "Amānat al ‘Āşimah", 15.35, 44.2)
    doc = _doc("y", [_event("houthis", None, "Ansar Allah fighters clashed with tribesmen in the capital.",
                            place=sanaa)], places=[sanaa])  # fmt: skip
    with _store(tmp_path / "fg.duckdb", [doc]) as s:
        (row,) = _csv(s)
    assert (row["location"], row["admin1"], row["country"], row["region"], row["iso"]) == (
        "Sana", "Amanat al Asimah", "Yemen", "Middle East", "887")
    assert row["actor2"] == "Unidentified Armed Group (Yemen)"
    assert all(v.isascii() for k, v in row.items() if k in ("location", "admin1", "country"))


@pytest.mark.parametrize(("name", "ascii"), [("Jarābulus", "Jarabulus"), ("‘Adan", "Adan"),
                                             ("Côte d'Ivoire", "Cote d'Ivoire"), ("Ţarābulus", "Tarabulus")])
def test_ascii_name_drops_diacritics_and_arabic_marks_but_keeps_apostrophes(name: str, ascii: str) -> None:
    assert ascii_name(name) == ascii


@pytest.mark.parametrize(("code", "name"), [("RUS", "Russia"), ("CD", "Democratic Republic of Congo"),
                                           ("SY", "Syria"), ("CIV", "Ivory Coast"), ("YEM", "Yemen"),
                                           ("XK", "Kosovo")])
def test_countries_take_acleds_names(code: str, name: str) -> None:
    assert country(code)[2] == name


def test_every_iso_country_has_one_acled_region() -> None:
    import pycountry

    assert [c.alpha_3 for c in pycountry.countries if not acled_region(c.alpha_3)] == []
    assert (acled_region("SDN"), acled_region("MEX"), acled_region("AFG"), acled_region("UKR")) == (
        "Northern Africa", "Central America", "South Asia", "Europe")


def test_every_violence_against_civilians_row_is_flagged_civilian_targeting(tmp_path: Path) -> None:
    vac = {"acled_event_type": "Violence against civilians", "acled_sub_event_type": "Attack"}
    docs = [_doc("v", [
        _event("isis", "civ", "IS gunmen executed villagers outside Mosul.", **vac),
        _event("isis", "pmf", "IS fighters abducted the relatives of militia members in Mosul.",
               **{**vac, "acled_sub_event_type": "Abduction/forced disappearance"}),
        _event("isis", None, "Militants shot dead a shepherd near Mosul.", **vac),
        _event("coalition", "isis", "Coalition jets struck an IS depot in Mosul.",
               acled_event_type="Explosions/Remote violence", acled_sub_event_type="Air/drone strike"),
    ])]  # fmt: skip
    with _store(tmp_path / "fg.duckdb", [docs[0]]) as s:
        rows = _csv(s)
    flags = sorted((r["event_type"], r["actor2"], r["civilian_targeting"]) for r in rows)
    assert flags == [
        ("Explosions/Remote violence", "Islamic State", ""),
        ("Violence against civilians", "Civilians (Iraq)", "Civilian targeting"),
        ("Violence against civilians", "Civilians (Iraq)", "Civilian targeting"),
        ("Violence against civilians", "Popular Mobilization Forces", "Civilian targeting"),
    ]


def test_actors_named_together_on_one_side_are_associated_actors(tmp_path: Path) -> None:
    text = "The army and the PMF fought Islamic State in Mosul."
    other = "The coalition and the army shelled Islamic State positions."
    shelling = {"acled_event_type": "Explosions/Remote violence",
                "acled_sub_event_type": "Shelling/artillery/missile attack",
                "date": {"start": "2016-12-01", "end": "2016-12-01", "precision": "day", "text": "on 1 December"}}
    doc = _doc("j", [_event("army", "isis", text), _event("pmf", "isis", text), _event("coalition", "isis", other,
               **shelling), _event("army", "isis", other, **shelling)])  # fmt: skip
    with _store(tmp_path / "fg.duckdb", [doc]) as s:
        rows = _csv(s)
    assert sorted((r["event_type"], r["actor1"], r["assoc_actor_1"], r["actor2"]) for r in rows) == [
        ("Battles", "Iraqi Army", "Popular Mobilization Forces", "Islamic State"),
        ("Explosions/Remote violence", "Global Coalition", "Iraqi Army", "Islamic State"),
    ]


def test_inter_labels_write_acleds_actor_categories_instead_of_codes(tmp_path: Path) -> None:
    doc = _doc("l", [_event("army", "isis", "Soldiers clashed with IS in Mosul."),
                     _event("pmf", None, "A militia patrol came under fire in Mosul.")])  # fmt: skip
    with _store(tmp_path / "fg.duckdb", [doc]) as s:
        codes = sorted((r["inter1"], r["inter2"], r["interaction"]) for r in _csv(s))
        labels = sorted((r["inter1"], r["inter2"], r["interaction"]) for r in _csv(s, inter_labels=True))
    assert codes == [("1", "2", "12"), ("3", "3", "33")]
    assert labels == [("Political militias", "Political militias", "Political militias-Political militias"),
                      ("State forces", "Rebel groups", "State forces-Rebel groups")]  # fmt: skip


def test_rows_lacking_a_date_a_place_or_an_actor1_are_rejected_with_the_reason(tmp_path: Path) -> None:
    undated = {"start": None, "end": None, "precision": None, "text": None}
    docs = [
        _doc("no-date", [_event("army", "isis", "Soldiers and IS fought at some point.", date=undated)],
             published=None),
        _doc("no-place", [_event("army", "isis", "Troops battled IS somewhere in the north.", place=None)]),
        _doc("no-actor", [_event(None, None, "A curfew was announced for Mosul.", plover="COERCE",
                                 acled_event_type="Strategic developments", acled_sub_event_type="Other")]),
        _doc("fine", [_event("army", "isis", "The army repelled an IS attack on Mosul.")]),
    ]  # fmt: skip
    with _store(tmp_path / "fg.duckdb", docs) as s:
        result = acled_export(s)
    assert [r["notes"] for r in result.rows] == ["The army repelled an IS attack on Mosul."]
    assert sorted((r.reason, r.row["notes"]) for r in result.rejects) == [
        ("no_actor1", "A curfew was announced for Mosul."),
        ("no_date", "Soldiers and IS fought at some point."),
        ("no_location", "Troops battled IS somewhere in the north."),
    ]
    runner = CliRunner()
    rejects = tmp_path / "rejects.csv"
    res = runner.invoke(app, ["export", "-f", "acled-csv", "--db", str(tmp_path / "fg.duckdb"),
                              "-o", str(tmp_path / "out.csv"), "--rejects", str(rejects)])  # fmt: skip
    assert res.exit_code == 0, res.output
    assert "rejected 3 rows ACLED would not accept: no_actor1 1, no_date 1, no_location 1" in res.stderr
    written = list(csv.DictReader(rejects.open(encoding="utf-8")))
    assert sorted(r["reason"] for r in written) == ["no_actor1", "no_date", "no_location"]
    assert list(written[0])[:3] == ["reason", "message", "event_id_cnty"]


def test_a_district_geocoded_to_a_town_abroad_is_rejected_not_placed_abroad(tmp_path: Path) -> None:
    abroad = _place("El Jadida", "MA", None, 33.25, -8.5, start=40)
    again = {**abroad, "start": 90, "end": 99}  # a second mention of the same place is no support
    iraq = {**_place("Iraq", "IQ", None, 33.0, 44.0, start=20), "feature": "PCLI"}
    doc = _doc("strike", [_event("coalition", "civ", "A strike on a house in the Jadida quarter killed 20 people.",
                                 place=abroad, acled_event_type="Violence against civilians",
                                 acled_sub_event_type="Attack", fatalities=20)],
               places=[MOSUL, iraq, abroad, again])  # fmt: skip
    home = _place("Tal Afar", "IQ", "Nineveh", 36.37, 42.45, start=40)
    near = _doc("near", [_event("army", "isis", "Troops cleared IS from Tal Afar.", place=home)],
                places=[home])  # fmt: skip
    with _store(tmp_path / "fg.duckdb", [doc, near]) as s:
        result = acled_export(s)
    assert [(r["country"], r["location"]) for r in result.rows] == [("Iraq", "Tal Afar")]
    (reject,) = result.rejects
    assert reject.reason == "location_conflict" and reject.row["country"] == "Morocco"
    assert "geocoded to Morocco" in reject.message and "Iraq" in reject.message


def test_a_country_the_report_names_is_kept_though_no_other_place_lies_in_it(tmp_path: Path) -> None:
    syria = {**_place("Syria", "SY", None, 35.0, 38.0, start=50), "feature": "PCLI"}
    doc = _doc("border", [_event("army", "isis", "Iraqi troops chased IS fighters across the border into Syria.",
                                 place=syria)], places=[MOSUL, syria])  # fmt: skip
    with _store(tmp_path / "fg.duckdb", [doc]) as s:
        result = acled_export(s)
    assert [(r["country"], r["location"], r["region"]) for r in result.rows] == [("Syria", "Syria", "Middle East")]
    assert result.rejects == []


def test_pandas_reads_the_csv_with_acleds_column_types(tmp_path: Path) -> None:
    pd = pytest.importorskip("pandas")
    doc = _doc("p", [_event("army", "isis", "Troops fought IS in Mosul, killing 4.", fatalities=4),
                     _event("isis", "civ", "IS shelled a market in Mosul.",
                            acled_event_type="Explosions/Remote violence",
                            acled_sub_event_type="Shelling/artillery/missile attack")])  # fmt: skip
    with _store(tmp_path / "fg.duckdb", [doc]) as s:
        buf = io.StringIO()
        export(s, "acled-csv", buf)
    df = pd.read_csv(io.StringIO(buf.getvalue()), dtype=ACLED_DTYPES, parse_dates=["event_date"], keep_default_na=False,
                     na_values={c: [""] for c, t in ACLED_DTYPES.items() if t != "string"})  # fmt: skip
    assert tuple(df.columns) == ACLED_COLUMNS and len(df) == 2
    assert str(df["event_date"].dtype).startswith("datetime64")
    assert sorted(df["fatalities"].tolist()) == [0, 4] and df["iso"].tolist() == [368, 368]
    shelling = df[df["event_type"] == "Explosions/Remote violence"].iloc[0]
    assert (shelling["actor2"], shelling["civilian_targeting"], shelling["interaction"]) == (
        "Civilians (Iraq)", "Civilian targeting", 27)


def test_acled_only_options_with_another_format_are_refused(tmp_path: Path) -> None:
    doc = _doc("r", [_event("army", "isis", "Troops clashed with IS in Mosul.")])
    _store(tmp_path / "fg.duckdb", [doc]).close()
    res = CliRunner().invoke(app, ["export", "-f", "plover-jsonl", "--db", str(tmp_path / "fg.duckdb"),
                                   "--inter-labels"])  # fmt: skip
    assert res.exit_code == 2 and "only the acled-csv export takes it" in " ".join(res.output.replace("│", " ").split())


def test_an_event_dated_only_by_its_report_gets_week_precision_and_says_so(tmp_path: Path) -> None:
    undated = {"start": None, "end": None, "precision": None, "text": None}
    doc = _doc("d", [_event("army", "isis", "Troops and IS fighters exchanged fire in Mosul.", date=undated),
                     _event("pmf", "isis", "Militiamen repelled IS in Mosul on Wednesday.")])  # fmt: skip
    with _store(tmp_path / "fg.duckdb", [doc]) as s:
        rows = {r["actor1"]: r for r in _csv(s)}
    army, pmf = rows["Iraqi Army"], rows["Popular Mobilization Forces"]
    assert (army["event_date"], army["time_precision"]) == ("2016-11-03", "2")
    assert "date=publication date" in army["tags"]
    assert (pmf["event_date"], pmf["time_precision"]) == ("2016-11-02", "1") and "date=" not in pmf["tags"]


def test_admin2_and_admin3_hold_a_place_resolved_at_district_or_sub_district_level(tmp_path: Path) -> None:
    county = {**_place("Cook County", "US", "Illinois", 41.81, -87.68), "feature": "ADM2"}
    nahiya = {**_place("Qayyārah", "IQ", "Nineveh", 35.80, 43.29), "feature": "ADM3"}
    docs = [
        _doc("county", [_event("army", "isis", "Gunmen and police exchanged fire in Cook County.", county)],
             places=[county]),
        _doc("nahiya", [_event("pmf", "isis", "Militia units fought IS in the Qayyarah subdistrict.", nahiya)],
             places=[nahiya]),
        _doc("town", [_event("army", "isis", "Iraqi troops fought Islamic State units in Mosul.")]),
    ]  # fmt: skip
    with _store(tmp_path / "fg.duckdb", docs) as s:
        rows = _csv(s)
    got = sorted((r["location"], r["admin1"], r["admin2"], r["admin3"]) for r in rows)
    assert got == [
        ("Cook County", "Illinois", "Cook County", ""),
        ("Mosul", "Nineveh", "", ""),  # a town: the gazetteer records no district of it, so ACLED's empty
        ("Qayyarah", "Nineveh", "", "Qayyarah"),
    ]
