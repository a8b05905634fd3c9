"""The states' demonyms (`adjectives`) in the bundled registry: the common forms, and no clashes."""

from __future__ import annotations

from collections import defaultdict

import pytest

from factiongraph.actors.registry import Registry

STATE_KINDS = ("state", "foreign_state")


@pytest.fixture(scope="module")
def registry() -> Registry:
    return Registry.load()


@pytest.fixture(scope="module")
def states_by_adjective(registry: Registry) -> dict[str, set[str]]:
    out: dict[str, set[str]] = defaultdict(set)
    for actor in registry:
        if actor.kind in STATE_KINDS:
            for adj in actor.adjectives:
                out[adj.casefold()].add(actor.id)
    return out


@pytest.mark.parametrize(
    ("demonym", "state"),
    [
        ("Croat", "croatia"),
        ("Serb", "serbia"),
        ("Bosniak", "bosnia-and-herzegovina"),
        ("Kampuchean", "cambodia"),
        ("Burmese", "myanmar"),
        ("Macedonian", "north-macedonia"),
        ("Congolese", "dr-congo"),
        ("Zairean", "dr-congo"),
        ("Ivorian", "ivory-coast"),
        ("Emirati", "united-arab-emirates"),
        ("Saudi", "saudi-arabia"),
        ("Filipino", "philippines"),
        ("Dutch", "netherlands"),
        ("British", "united-kingdom"),
        ("U.S.", "united-states"),
        ("Soviet", "soviet-union"),
        ("Yugoslav", "yugoslavia"),
        ("Czechoslovak", "czechoslovakia"),
        ("Rhodesian", "rhodesia"),
        ("Kosovan", "kosovo"),
        ("Nigerien", "niger"),
        ("Burkinabe", "burkina-faso"),
        ("Azeri", "azerbaijan"),
        ("Laotian", "laos"),
        ("Swiss", "switzerland"),
    ],
)
def test_demonym_names_its_state(states_by_adjective: dict[str, set[str]], demonym: str, state: str) -> None:
    assert states_by_adjective.get(demonym.casefold()) == {state}


def test_no_adjective_is_shared_by_two_states(states_by_adjective: dict[str, set[str]]) -> None:
    shared = {adj: sorted(ids) for adj, ids in states_by_adjective.items() if len(ids) > 1}
    assert not shared


@pytest.mark.parametrize("demonym", ["Korean", "Kurdish"])
def test_ambiguous_or_non_state_demonyms_are_not_state_adjectives(
    states_by_adjective: dict[str, set[str]], demonym: str
) -> None:
    assert demonym.casefold() not in states_by_adjective


def test_almost_every_state_has_a_demonym(registry: Registry) -> None:
    states = [a for a in registry if a.kind in STATE_KINDS and not a.affiliations]
    # Dominica and the Republic of the Congo share theirs ("Dominican", "Congolese") with a larger neighbour
    assert sorted(a.id for a in states if not a.adjectives) == ["dominica", "republic-of-the-congo"]


def test_former_states_are_dated_and_linked_to_their_successors(registry: Registry) -> None:
    soviet = registry.get("soviet-union")
    assert soviet is not None and soviet.active_to is not None and soviet.active_to.year == 1991
    assert "soviet-union" in [p.id for p in registry.get("russia").predecessors]
    assert [a.id for a in registry.lineage("zimbabwe")] == ["rhodesia", "zimbabwe"]
    assert {"czechoslovakia", "czechia", "slovakia"} <= {a.id for a in registry.lineage("slovakia")}


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("South African gunners shelled M23 positions.", "South African gunners", "ZAF"),
        ("Central African gunmen attacked the convoy.", "Central African gunmen", "CAF"),
        ("South Sudanese herders clashed with farmers near Yei.", "South Sudanese herders", "SSD"),
    ],
)
def test_a_two_word_demonym_names_the_people_of_its_own_state(resolve, text, name, country):
    """"South Sudanese herders": the whole demonym is the people's name and South Sudan their country, not
    "Sudanese herders" of Sudan."""
    got = [(a.name, a.country) for a in resolve(text).actors if not a.known]
    assert (name, country) in got, got


@pytest.mark.parametrize(
    ("text", "state"),
    [
        ("Saudi Arabian troops crossed the border.", "saudi-arabia"),
        ("Saudi Arabian jets bombed the airport in Sanaa.", "saudi-arabia"),
        ("South Korean marines fired back.", "south-korea"),
    ],
)
def test_a_states_two_word_demonym_on_its_forces_is_the_state(resolve, text, state):
    """"Saudi Arabian troops": the state's own two-word demonym, not a people of that state ("Bosnian Serb
    forces") nor the people of its last word."""
    assert [a.id for a in resolve(text).actors] == [state]
