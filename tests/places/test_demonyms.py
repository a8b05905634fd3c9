"""Demonyms and nationality nouns are places resolved to their country (precision 3)."""

from __future__ import annotations

from factiongraph.document import Document
from factiongraph.places import Gazetteer, geoparse


def places(gaz: Gazetteer, text: str) -> list[tuple[int, int, str, str | None]]:
    doc = geoparse(Document(id="t", text=text), gaz)
    return [(p.start, p.end, p.text, p.country) for p in doc.places]


def test_index_maps_demonyms_to_the_country_entry(gaz):
    turkey = gaz.lookup("Turkey")[0]
    assert gaz.demonym("turkish") == turkey
    assert gaz.demonym("syrian") == gaz.lookup("Syria")[0]
    assert gaz.demonym("south african") == gaz.lookup("South Africa")[0]
    for key in ("kurdish", "kurds", "us", "u s", "soviet", "turks", "syrians", "turkmen"):
        assert gaz.demonym(key) is None, key


def test_demonym_resolves_to_its_country(gaz):
    doc = geoparse(Document(id="t", text="A Turkish policeman shot the ambassador."), gaz)
    (p,) = doc.places
    assert (p.start, p.end, p.text, p.name, p.country, p.feature, p.precision) == (
        2, 9, "Turkish", "Turkey", "TR", "PCLI", 3)
    turkey = gaz.lookup("Turkey")[0]
    assert (p.lat, p.lon, p.geonameid) == (turkey.lat, turkey.lon, turkey.geonameid)


def test_hyphenated_demonym_gives_the_demonym_only(gaz):
    assert places(gaz, "Turkish-backed rebels shelled the town.") == [(0, 7, "Turkish", "TR")]


def test_kurdish_is_no_place(gaz):
    assert places(gaz, "Kurdish fighters and Kurds held the town.") == []


def test_plural_nationality_nouns_name_people_not_places(gaz):
    assert places(gaz, "Syrians, Iraqis, Afghans and Turks crossed.") == []


def test_multiword_demonym_and_its_place_name(gaz):
    assert places(gaz, "South African troops left Saudi Arabia and the Russian Federation.") == [
        (0, 13, "South African", "ZA"), (26, 38, "Saudi Arabia", "SA"), (47, 65, "Russian Federation", "RU")]


def test_demonym_inside_another_name_is_no_place(gaz):
    assert places(gaz, "North American and Latin American leaders met.") == []


def test_language_is_no_place(gaz):
    assert places(gaz, "He shouted in Turkish, then spoke French.") == []
