"""A demonym on a relational noun ("Sudanese allies") says who the allies are, not whose: they are
a group of that people, never the state."""

from __future__ import annotations

import datetime as dt

import pytest

from factiongraph.document import Document


def mentions(doc: Document) -> dict[str, list[str]]:
    return {a.id: [m.text for m in a.mentions] for a in doc.actors}


def test_demonym_on_allies_is_a_group_not_the_state(resolve):
    assert mentions(resolve("Sudanese allies of the rebels attacked the town.")) == {
        "sudanese-ally": ["Sudanese allies"],
        "generic-rebels": ["the rebels"],
    }


def test_demonym_on_partners_named_as_an_object_is_a_group_not_the_state(resolve):
    m = mentions(resolve("Italy trains its Libyan partners near the coast."))
    assert m["libyan-partner"] == ["Libyan partners"]
    assert "libya" not in m
    assert mentions(resolve("Washington armed its Libyan partner in Benghazi.")) == {
        "united-states": ["Washington", "its"]
    }
    assert mentions(resolve("Moscow abandoned its Syrian ally last year.")) == {"russia": ["Moscow", "its"]}


def test_demonym_on_proxies_and_rivals_names_no_state(resolve):
    assert mentions(resolve("Iranian proxies shelled the base on Tuesday.")) == {"iranian-proxy": ["Iranian proxies"]}
    assert "egypt" not in mentions(resolve("Hamas said its Egyptian rivals had closed the crossing."))


def test_demonym_on_a_force_noun_is_still_the_state(resolve):
    assert mentions(resolve("Sudanese troops and Libyan forces met at the border."))["sudan"] == ["Sudanese troops"]


@pytest.mark.parametrize(
    ("text", "state"),
    [
        ("Iraqi jets dropped gas on the Kurdish town of Halabja.", "iraq"),
        ("Turkish artillery shelled Kurdish villages near Afrin on Sunday.", "turkey"),
        ("Syrian warplanes hit the Kurdish city of Qamishli overnight.", "syria"),
    ],
)
def test_a_peoples_adjective_on_a_place_noun_names_no_armed_group(resolve, text, state):
    # the town of a people, not of the group the adjective may name elsewhere ("Kurdish fighters")
    assert set(mentions(resolve(text, dt.date(2018, 3, 20)))) == {state}
