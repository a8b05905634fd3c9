"""Names that are no party to what a report tells: outlets and platforms, quoted people, places listed
after a locative preposition, and civilians nothing happens to."""

from __future__ import annotations

import pytest

from factiongraph.actors.salience import PERIPHERAL_HINT
from factiongraph.document import Document


def named(doc: Document) -> dict[str, list[str]]:
    return {a.id: [m.text for m in a.mentions] for a in doc.actors}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The rebels agreed to the deal on Monday (AFP, 5 May; al-Jazeera, 5 May).",
         {"generic-rebels": ["The rebels"]}),
        ("The Houthis announced the capture of the town in a video posted on Telegram.", {"houthis": ["Houthis"]}),
        ("Mali's army said in a statement it put out on Twitter that it had taken the camp.",
         {"mali": ["Mali", "it"]}),
    ],
)
def test_an_outlet_or_a_platform_is_no_actor(resolve, text, expected):
    assert named(resolve(text)) == expected


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("Idlib resident Omar Khaled regularly posts his views of the fighting online.", "omar-khaled"),
        ("A provincial lawmaker, Karim Haddad, told AFP that one soldier had been killed.", "karim-haddad"),
        ("Karim Haddad, a local journalist, filmed the aftermath of the raid.", "karim-haddad"),
    ],
)
def test_a_quoted_resident_lawmaker_or_journalist_is_peripheral(resolve, text, person):
    doc = resolve(text)
    assert person in named(doc)
    assert person in doc.hints[PERIPHERAL_HINT]


@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("The militia shelled army bases at Kalay and Wuntho on Sunday.", ["Kalay", "Wuntho"]),
        ("The rebels moved their fighters into Kufra and Tazirbu overnight.", ["Kufra", "Tazirbu"]),
        ("Fighting spread from Dabo to Tuni and Moramba last week.", ["Dabo", "Tuni", "Moramba"]),
    ],
)
def test_every_item_of_a_place_list_after_a_locative_preposition_is_a_place(resolve, text, places):
    mentioned = {m for ms in named(resolve(text)).values() for m in ms}
    assert not mentioned & set(places)


@pytest.mark.parametrize(
    "text",
    [
        "Local residents celebrated in the streets as the commander switched sides.",
        "Aid groups described the plight of residents in the camps near the city.",
        "Villagers watched while the two factions negotiated a truce.",
    ],
)
def test_civilians_nothing_happens_to_are_bystanders(resolve, text):
    doc = resolve(text)
    assert "civilians" in named(doc)
    assert "civilians" in doc.hints[PERIPHERAL_HINT]


@pytest.mark.parametrize(
    "text",
    [
        "The gunmen held thousands of villagers as human shields.",
        "The militia shelled the refugees near the river.",
        "Hundreds of residents were detained by the police.",
    ],
)
def test_civilians_a_clause_acts_upon_are_no_bystanders(resolve, text):
    doc = resolve(text)
    assert "civilians" in named(doc)
    assert "civilians" not in doc.hints[PERIPHERAL_HINT]
