"""ACLED sub-types of whole sentences, for the codebook constructions that used to go untyped.

Each construction has three sentences worded differently; the sub-type is that of the
sentence's highest-confidence event, as the scorer's `doc_label` takes it.
"""

from __future__ import annotations

import pytest

from factiongraph.contract import to_contract
from factiongraph.document import Document


def top_sub_type(pipeline, text: str) -> str | None:
    doc = next(iter(pipeline.run([Document(id="t", text=text)])))
    events = to_contract(doc)["events"]
    best = max(events, key=lambda e: e["confidence"] or 0.0, default=None)
    return best["acled_sub_event_type"] if best else None


CASES = {
    "Government regains territory": [
        "Government troops reclaimed the market town of Kidal from the rebels on Tuesday.",
        "The Iraqi army took back two villages near Mosul that Islamic State fighters had held.",
        "Somali soldiers recovered control of the district after pushing al-Shabaab out.",
    ],
    "Non-state actor overtakes territory": [
        "Taliban fighters seized the provincial capital from the Afghan army after a day of fighting.",
        "The rebels seized the northern police station after a gun battle with officers.",
        "Al-Shabaab militants wrested control of the coastal town from Somali government forces.",
    ],
    "Non-violent transfer of territory": [
        "Afghan government troops surrendered the city to the Taliban without a fight.",
        "The militia handed its checkpoints on the highway over to the national army.",
        "Rebel fighters pulled out of the town and the army moved in unopposed.",
    ],
    "Grenade": [
        "Unknown attackers tossed a grenade into a crowded cafe, wounding four customers.",
        "A hand grenade was thrown at a police patrol in the old city.",
        "Two grenades were thrown into the compound of a local mayor overnight.",
    ],
    "Shelling/artillery/missile attack": [
        "The rebels launched mortar rounds at an army camp outside the city.",
        "Militants fired a barrage of rockets at the airport, damaging a hangar.",
        "The army lobbed shells into the rebel-held hills all night.",
    ],
    "Remote explosive/landmine/IED": [
        "A shepherd stepped on a landmine near the border and was killed.",
        "An army truck hit a mine on the road to the base, injuring three soldiers.",
        "Two farmers died when their cart struck an explosive device on a rural track.",
    ],
    "Protest with intervention": [
        "Riot police dispersed a protest by nurses outside the ministry.",
        "Police used water cannon against traders protesting the closure of their market.",
        "Officers broke up a rally of opposition supporters in the capital.",
    ],
    "Excessive force against protesters": [
        "Soldiers fired live ammunition at a peaceful march, killing three people.",
        "Police shot and killed a demonstrator during a march against fuel prices.",
        "Security forces used lethal force against unarmed protesters in the port city.",
    ],
    "Disrupted weapons use": [
        "Army engineers defused a roadside bomb near the main bridge.",
        "Police found a cache of explosives and rifles hidden in a warehouse.",
        "Bomb disposal experts safely detonated an unexploded shell found near a school.",
    ],
    "Headquarters or base established": [
        "The militants established a training camp in the forest near the border.",
        "Rebel fighters set up a command post in the abandoned school.",
        "The army built a new base on the hill overlooking the valley.",
    ],
    "Abduction/forced disappearance": [
        "Gunmen carried off six passengers from a bus on the highway.",
        "Armed men took three aid workers hostage at a roadblock.",
        "Police detained a blogger in the capital and his whereabouts remain unknown.",
    ],
    "Sexual violence": [
        "Militiamen abducted and raped two women near the camp.",
        "Soldiers sexually assaulted a girl they had kidnapped from a village.",
        "Fighters committed rape against several women during the raid.",
    ],
    "Looting/property destruction": [
        "The army demolished twelve homes in the village.",
        "Soldiers set fire to dozens of empty houses after the residents fled.",
        "Militants torched the district office overnight.",
    ],
    "Other": [
        "The militants besieged the town, stopping all food convoys.",
        "The governor ordered a dusk-to-dawn curfew in the city after the clashes.",
        "The authorities shut down the internet across the region ahead of the vote.",
    ],
}


# more constructions of sub-types above: custody, restrictions introduced, a base moved
MORE_CASES = {
    "Arrests": [
        "Police took into custody three opposition organisers in the capital.",
        "The security services took a prominent blogger into custody on Friday.",
        "Two union leaders were taken into custody by the police in the port city.",
    ],
    "Other": [
        "The government introduced martial law in the northern provinces after the attacks.",
        "Authorities introduced a night curfew across the capital.",
        "The junta introduced a lockdown in the border districts after the raid.",
    ],
    "Headquarters or base established": [
        "The militants relocated their headquarters to a village near the border.",
        "Rebel commanders moved their base into the hills above the town.",
        "The armed group relocated its command post to a disused factory.",
    ],
}


@pytest.mark.parametrize(
    ("sub_type", "text"),
    [(sub, text) for cases in (CASES, MORE_CASES) for sub, texts in cases.items() for text in texts],
)
def test_codebook_construction_gets_its_acled_sub_type(pipeline, sub_type: str, text: str) -> None:
    assert top_sub_type(pipeline, text) == sub_type
