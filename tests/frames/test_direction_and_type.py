"""Direction and type: reciprocal fighting is hostility between the coordinated sides, a failed
merger is no alliance, and a partial defection does not move the whole group."""

from __future__ import annotations

import pytest

from factiongraph.document import Document
from factiongraph.pipeline import extract


@pytest.fixture(scope="module")
def run(pipeline):
    return lambda text: extract(text, pipeline=pipeline)


def pairs(doc: Document, rtype: str) -> set[frozenset[str]]:
    return {frozenset((r.source, r.target)) for r in doc.relations if r.type == rtype}


@pytest.mark.parametrize(
    ("text", "a", "b"),
    [
        ("Since their merger talks collapsed, Ahrar al-Sham and Jaysh al-Islam have fought each other.",
         "ahrar-al-sham", "jaysh-al-islam"),
        ("The Arakan Army and the Kachin Independence Army attacked one another near the border in 2014.",
         "arakan-army", "kachin-independence-army"),
        ("Al-Shabaab and Hizbul Islam fought each other for control of Kismayo.", "al-shabaab", "hizbul-islam"),
    ],
)
def test_fighting_each_other_is_hostility_between_the_coordinated_sides_and_no_alliance(run, text, a, b):
    doc = run(text)
    assert frozenset((a, b)) in pairs(doc, "hostility")
    assert frozenset((a, b)) not in pairs(doc, "alliance")


@pytest.mark.parametrize(
    ("text", "whole", "other"),
    [
        ("A number of Ahrar al-Sham fighters defected to Hayat Tahrir al-Sham last week.", "ahrar-al-sham",
         "hayat-tahrir-al-sham"),
        ("Dozens of al-Shabaab members defected to the Islamic State in Puntland.", "al-shabaab", "islamic-state"),
        ("Some Wagner Group fighters have joined the Africa Corps, diplomats said.", "wagner-group", "africa-corps"),
    ],
)
def test_a_partial_defection_does_not_make_the_whole_group_a_member(run, text, whole, other):
    doc = run(text)
    assert not any(
        r.type in ("affiliation", "alliance") and {r.source, r.target} == {whole, other} and r.status == "current"
        for r in doc.relations
    )


@pytest.mark.parametrize(
    ("text", "backer", "backed"),
    [
        ("Iran joined the fight to back the Houthis.", "iran", "houthis"),
        ("Hezbollah entered the war to help the Syrian army.", "hezbollah", "syria"),
        ("Rwanda sent troops into battle to support Mozambique.", "rwanda", "mozambique"),
    ],
)
def test_fighting_to_back_someone_makes_no_enemy_of_them(run, text, backer, backed):
    doc = run(text)
    assert frozenset((backer, backed)) not in pairs(doc, "hostility")
