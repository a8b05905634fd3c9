"""The geoparser's fixes: admin-1 points, common-word names, Arabic articles, abbreviations,
focus country, nearby places, datelines, "Town, State" qualifiers, regions, metonymy, demonyms."""

from __future__ import annotations

import pytest

from factiongraph.document import Document
from factiongraph.places import geoparse


def run(nlp, gaz, text: str) -> Document:
    return geoparse(Document(id="t", text=text, parsed=nlp(text)), gaz)


def at(doc: Document, surface: str):
    start = doc.text.index(surface)
    return next(p for p in doc.places if p.start == start)


# 1. first-level regions sit at a representative point, not the box of their towns
@pytest.mark.parametrize("name,lat,lon", [
    ("Alberta", 54.5, -115.0), ("British Columbia", 54.0, -125.0), ("Queensland", -20.0, 145.0),
    ("Ontario", 49.25, -84.5),
])
def test_admin1_representative_point(gaz, name, lat, lon):
    top = gaz.lookup(name)[0]
    assert (top.feature, top.lat, top.lon) == ("ADM1", lat, lon)


def test_admin1_english_names_of_local_spellings(gaz):
    assert [(c.feature, c.country) for c in gaz.lookup("Bavaria")[:1]] == [("ADM1", "DE")]
    assert [(c.feature, c.country) for c in gaz.lookup("East Azerbaijan")[:1]] == [("ADM1", "IR")]
    assert [(c.feature, c.country) for c in gaz.lookup("Eastern Cape")[:1]] == [("ADM1", "ZA")]


# 2. common English words are no alternate names
def test_common_word_alternate_name_dropped(gaz, nlp):
    assert gaz.lookup("Human") == []
    assert gaz.lookup("Uman")[0].country == "UA"
    doc = run(nlp, gaz, "Human rights groups met in Kyiv on Monday.")
    assert [p.text for p in doc.places] == ["Kyiv"]


# 3. lowercase article and sentence punctuation
def test_lowercase_article_form_detected(gaz, nlp):
    doc = run(nlp, gaz, "Turkish-backed rebels shelled the town of al-Bab on Sunday.")
    p = at(doc, "al-Bab")
    assert (p.start, p.end, p.text, p.country) == (42, 48, "al-Bab", "SY")


def test_sentence_period_not_in_span(gaz, nlp):
    doc = run(nlp, gaz, "Rebels left Manbij in Syria and entered Al-Bab. They met no resistance.")
    p = at(doc, "Al-Bab")
    assert (p.text, p.start, p.end) == ("Al-Bab", 40, 46)


def test_abbreviation_keeps_its_period(gaz, nlp):
    doc = run(nlp, gaz, "The family moved to a farm outside Kingston, Ont., with two dogs.")
    ont = at(doc, "Ont.")
    assert (ont.text, ont.name, ont.feature, ont.country) == ("Ont.", "Ontario", "ADM1", "CA")
    assert at(doc, "Kingston").country == "CA"


# 4. focus country beats population; nearby places decide ambiguous towns
def test_focus_country_picks_london_ontario(gaz, nlp):
    text = ("Police in Canada said a man was arrested in London on Sunday. Canada's police chiefs met "
            "in Toronto and Hamilton. The London event drew hundreds, organizers in Canada said.")
    doc = run(nlp, gaz, text)
    assert {(p.name, p.country) for p in doc.places if p.text == "London"} == {("London", "CA")}


def test_nearby_places_pick_edmonton_london(gaz, nlp):
    doc = run(nlp, gaz, "Pupils from schools in Enfield and Edmonton took part in the project.")
    assert at(doc, "Edmonton").country == "GB"


def test_admin1_is_not_its_own_evidence(gaz, nlp):
    doc = run(nlp, gaz, "A ban on plastic bags took effect in Quebec in 2019, officials in Canada said.")
    assert (at(doc, "Quebec").feature, at(doc, "Quebec").country) == ("ADM1", "CA")


def test_state_beats_village_of_the_same_name(gaz, nlp):
    doc = run(nlp, gaz, "Rep. Anna Kessler of Florida voted against the bill.")
    assert (at(doc, "Florida").feature, at(doc, "Florida").country) == ("ADM1", "US")


# 5. demonyms are places of their country (Gritta et al.); actorhood is the actor stage's
def test_demonym_is_a_place_of_its_country(gaz, nlp):
    doc = run(nlp, gaz, "Turkish troops and Russian jets struck targets in Syria.")
    assert [(p.text, p.name, p.country) for p in doc.places] == [
        ("Turkish", "Turkey", "TR"), ("Russian", "Russia", "RU"), ("Syria", "Syria", "SY")]


# 6. metonymic uses are places
def test_metonymic_capital_is_a_place(gaz, nlp):
    doc = run(nlp, gaz, "The premier said Ottawa intends to table the budget in March.")
    p = at(doc, "Ottawa")
    assert (p.country, p.feature) == ("CA", "PPLC")


# qualifiers, datelines, towns the gazetteer lacks, regions
def test_qualifier_state_is_a_place_and_resolves_town(gaz, nlp):
    doc = run(nlp, gaz, "The firm opened stores in Columbus, Ohio and Macon, Georgia.")
    ga = at(doc, "Georgia")
    assert (ga.feature, ga.country, ga.name) == ("ADM1", "US", "Georgia")
    assert at(doc, "Macon").admin1 == "Georgia"


def test_dateline_in_capitals(gaz, nlp):
    doc = run(nlp, gaz, "JONESBORO, Ark. (AP) — A judge ruled on Tuesday that the law stands.")
    town, state = at(doc, "JONESBORO"), at(doc, "Ark.")
    assert (town.end, town.country, town.admin1) == (9, "US", "Arkansas")
    assert (state.text, state.name) == ("Ark.", "Arkansas")


def test_unknown_town_with_state_placed_at_state(gaz, nlp):
    doc = run(nlp, gaz, "A fire broke out near a church in Quinwood, West Virginia, late Tuesday.")
    p = at(doc, "Quinwood")
    assert (p.text, p.country, p.admin1, p.precision) == ("Quinwood", "US", "West Virginia", 3)
    wv = gaz.lookup("West Virginia")[0]
    assert (p.lat, p.lon) == (wv.lat, wv.lon)


@pytest.mark.parametrize("name", ["Middle East", "West Bank", "Gaza Strip", "Kurdistan", "Arctic", "Anatolia"])
def test_regions_are_known(gaz, name):
    assert gaz.lookup(name)[0].feature in ("RGN", "CONT")


def test_regions_detected_in_text(gaz, nlp):
    doc = run(nlp, gaz, "Scientists study the Arctic, while diplomats watch the West Bank and the wider Middle East.")
    assert [(p.text, p.feature) for p in doc.places] == [("Arctic", "RGN"), ("West Bank", "RGN"),
                                                          ("Middle East", "RGN")]
