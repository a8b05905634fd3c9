"""Gazetteer lookups, toponym detection and resolution, on small hand-written texts."""

from __future__ import annotations

import dataclasses

import pytest

from factiongraph.document import Document
from factiongraph.places import geoparse, locate, normalize


def parse(nlp, text: str) -> Document:
    return Document(id="t", text=text, parsed=nlp(text))


def place_at(doc: Document, surface: str):
    start = doc.text.index(surface)
    return next(p for p in doc.places if p.start < start + len(surface) and start < p.end)


def test_normalize_folds_article_diacritics_apostrophes_and_hyphens():
    assert normalize("al-Bāb") == normalize("Al Bab") == normalize("Al-Bab") == "al bab"
    assert normalize("A'zaz") == normalize("Azaz") == "azaz"
    assert normalize("Ar-Raqqah") == "al raqqah"


@pytest.mark.parametrize("name", ["Al Bab", "al-Bāb", "Al-Bab", "El Bab"])
def test_lookup_accepts_transliteration_variants(gaz, name):
    top = gaz.lookup(name)[0]
    assert top.country == "SY" and top.admin1 == "Aleppo"
    assert top.geonameid == gaz.lookup("Al Bab")[0].geonameid


def test_lookup_apostrophe_variant_finds_azaz(gaz):
    assert gaz.lookup("A'zaz")[0].geonameid == gaz.lookup("Azaz")[0].geonameid
    assert gaz.lookup("Azaz")[0].country == "SY"


def test_lookup_countries_have_centroids(gaz):
    turkey = gaz.lookup("Turkey")[0]
    jordan = gaz.lookup("Jordan")[0]
    assert (turkey.feature, turkey.country, turkey.lat, turkey.lon) == ("PCLI", "TR", 39.0, 35.0)
    assert (jordan.feature, jordan.country, jordan.lat, jordan.lon) == ("PCLI", "JO", 31.0, 36.0)


def test_lookup_unknown_name_is_empty(gaz):
    assert gaz.lookup("Xqzwvillebrook") == []


def test_geoparse_finds_mislabelled_towns(gaz, nlp):
    doc = geoparse(parse(nlp, "Rebels left Manbij and moved towards Al-Bab, east of Aleppo."), gaz)
    found = {(p.text, p.start, p.end, p.country) for p in doc.places}
    assert ("Manbij", 12, 18, "SY") in found
    assert ("Al-Bab", 37, 43, "SY") in found
    aleppo = place_at(doc, "Aleppo")
    assert (aleppo.name, aleppo.feature, aleppo.precision) == ("Aleppo", "PPL", 1)


def test_geoparse_directional_form_resolves_to_parent(gaz, nlp):
    text = "Shelling hit West Aleppo on Sunday, and clashes spread across northern Syria."
    doc = geoparse(parse(nlp, text), gaz)
    west = place_at(doc, "West Aleppo")
    assert (west.start, west.end, west.text) == (13, 24, "West Aleppo")
    assert (west.name, west.country) == ("Aleppo", "SY")
    assert west.precision == 2
    north = place_at(doc, "northern Syria")
    assert (north.text, north.name, north.feature, north.precision) == ("northern Syria", "Syria", "PCLI", 3)


@pytest.mark.parametrize(("text", "country"), [
    ("Militias clashed in Benghazi and Misrata. In Tripoli, the Libyan government imposed a curfew.", "LY"),
    ("Fighting in Beirut and Sidon spread north. In Tripoli, the Lebanese army deployed.", "LB"),
])
def test_geoparse_disambiguates_by_focus_country(gaz, nlp, text, country):
    doc = geoparse(parse(nlp, text), gaz)
    assert place_at(doc, "Tripoli").country == country


def test_geoparse_qualifier_picks_the_state_town(gaz, nlp):
    doc = geoparse(parse(nlp, "The fire started in Oxford, N.C., late on Tuesday."), gaz)
    oxford = place_at(doc, "Oxford")
    assert (oxford.country, oxford.admin1) == ("US", "North Carolina")


def test_geoparse_demonyms_are_places_of_their_country(gaz, nlp):
    doc = geoparse(parse(nlp, "Syrian and Turkish troops met near the border."), gaz)
    assert [(p.start, p.end, p.text, p.country, p.precision) for p in doc.places] == [
        (0, 6, "Syrian", "SY", 3), (11, 18, "Turkish", "TR", 3)]


def test_geoparse_country_in_border_phrase_is_a_place(gaz, nlp):
    doc = geoparse(parse(nlp, "The villages in the border area with Turkey were shelled."), gaz)
    turkey = place_at(doc, "Turkey")
    assert (turkey.start, turkey.end, turkey.country, turkey.precision) == (37, 43, "TR", 3)


def test_geoparse_metonymic_subject_is_still_a_place(gaz, nlp):
    # countries and capitals as actors are toponyms; the actor stage decides actorhood
    doc = geoparse(parse(nlp, "Moscow said the talks would resume. Turkey threatened action."), gaz)
    assert [(p.text, p.country, p.feature) for p in doc.places] == [("Moscow", "RU", "PPLC"),
                                                                   ("Turkey", "TR", "PCLI")]


def test_geoparse_unknown_location_entity_has_no_coordinates(gaz, nlp):
    doc = geoparse(parse(nlp, "They fled to Zarqoulbeh Valley last week."), gaz)
    unknown = [p for p in doc.places if p.lat is None]
    assert all(p.lon is None and p.geonameid is None for p in unknown)
    assert all(p.lat is None for p in doc.places if "Zarqoulbeh" in p.text)


def test_geoparse_without_parse_uses_gazetteer_matching(gaz):
    text = "Clashes in Manbij. Later, Jordan closed its border near Doha Street."
    doc = geoparse(Document(id="t", text=text), gaz)
    names = [(p.text, p.country) for p in doc.places]
    assert ("Manbij", "SY") in names
    assert ("Jordan", "JO") in names


def test_geoparse_skips_common_words_and_months(gaz):
    doc = geoparse(Document(id="t", text="Most of the Wall was built in March. Of course."), gaz)
    assert doc.places == ()


def test_geoparse_never_raises_on_odd_text(gaz, nlp):
    for text in ["", "   ", "’s-Hertogenbosch ... --- A'", "AL-BAB!!!"]:
        geoparse(Document(id="t", text=text), gaz)
        geoparse(parse(nlp, text), gaz)


def test_locate_prefers_the_sentence_town(gaz, nlp):
    text = "Syria's war goes on.\nIn Syria, rebels attacked Manbij at dawn. Talks resumed."
    doc = geoparse(parse(nlp, text), gaz)
    s = text.index("In Syria")
    e = text.index("Talks")
    assert locate(doc, s, e).name == "Manbij"


def test_locate_falls_back_to_preceding_place_in_paragraph(gaz, nlp):
    text = "Fighting flared in Idlib. Rebels shelled the base overnight.\nNo place here at all."
    doc = geoparse(parse(nlp, text), gaz)
    s = text.index("Rebels")
    assert locate(doc, s, text.index("\n")).name == "Idlib"
    assert locate(doc, text.index("No place"), len(text)) is None


def test_geoparse_returns_new_document(gaz, nlp):
    doc = parse(nlp, "Aleppo")
    out = geoparse(doc, gaz)
    assert out is not doc and doc.places == () and dataclasses.replace(out, places=()) == doc
