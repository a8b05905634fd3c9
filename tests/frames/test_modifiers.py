"""Modifier constructions ("X-backed Y", "X-linked Y", "pro-X Y"): X is a party to the tie only."""

from __future__ import annotations

import pytest

from factiongraph.document import Document
from factiongraph.frames import load_rules
from factiongraph.pipeline import extract


@pytest.fixture(scope="module")
def run(pipeline):
    return lambda text: extract(text, pipeline=pipeline)


def parties(doc: Document) -> set[frozenset[str | None]]:
    return {frozenset((e.actor1, e.actor2)) for e in doc.events}


def ties(doc: Document) -> set[tuple[str, str, str]]:
    return {(r.type, r.source, r.target) for r in doc.relations}


def test_modifier_rules_load_with_a_direction_for_every_cue() -> None:
    rules = load_rules()
    assert rules.suffixes["backed"].type == "support" and rules.suffixes["backed"].source == "modifier"
    assert rules.suffixes["linked"].type == "affiliation" and rules.suffixes["linked"].source == "head"
    assert rules.prefixes["pro"].source == "head"
    assert all(r.source in ("modifier", "head") for r in [*rules.suffixes.values(), *rules.prefixes.values()])


@pytest.mark.parametrize(
    ("text", "fighter", "backer", "backed"),
    [
        ("Tribal gunmen traded fire with fighters of the US-backed SDF outside Raqqa.", None, "united-states",
         "syrian-democratic-forces"),
        ("Ambushes by Turkey-backed Syrian National Army units hit Kurdish positions last week.", None, "turkey",
         "syrian-national-army"),
        ("The Iranian-backed Houthis attacked Saudi Arabia on Tuesday.", "houthis", "iran", "houthis"),
    ],
)
def test_backed_modifier_makes_a_supporter_not_a_party(run, text, fighter, backer, backed):
    doc = run(text)
    assert ("support", backer, backed) in ties(doc)
    assert not any(backer in p for p in parties(doc)), "the backer named in the modifier is no party to the event"
    assert not any(r.type == "hostility" and backer in (r.source, r.target) for r in doc.relations)
    if fighter:
        assert any(fighter in p for p in parties(doc))


@pytest.mark.parametrize(
    "text",
    [
        "Hayat Tahrir al-Sham, the al-Qaeda-linked coalition, overran three villages near Idlib.",
        "Government artillery shelled Hayat Tahrir al-Sham, an al-Qaeda-linked alliance, near Saraqib.",
        "Hayat Tahrir al-Sham is an al-Qaeda-linked group that controls most of Idlib.",
    ],
)
def test_linked_modifier_of_an_apposition_is_the_named_groups_affiliation(run, text):
    doc = run(text)
    assert ("affiliation", "hayat-tahrir-al-sham", "al-qaeda") in ties(doc)
    assert not any(r.type == "hostility" and "al-qaeda" in (r.source, r.target) for r in doc.relations)


@pytest.mark.parametrize(
    "text",
    [
        "Government troops pushed back the al-Qaeda-linked group near the border.",
        "Soldiers arrested two members of an al-Qaeda-linked cell in the capital.",
        "The army said it had killed a commander of the al-Qaeda-linked faction.",
    ],
)
def test_linked_modifier_of_an_unnamed_group_gives_al_qaeda_no_event(run, text):
    doc = run(text)
    assert not any("al-qaeda" in p for p in parties(doc))


@pytest.mark.parametrize(
    ("text", "tie", "group", "attacker", "target"),
    [
        ("Kenyan troops repelled al-Shabaab-linked insurgents near Lamu on Friday.",
         ("affiliation", "insurgents-tied-to-al-shabaab", "al-shabaab"), "insurgents-tied-to-al-shabaab",
         "kenya", "insurgents-tied-to-al-shabaab"),
        ("Russian-backed separatists shelled Ukrainian positions outside Donetsk.",
         ("support", "russia", "separatists-tied-to-russia"), "separatists-tied-to-russia",
         "separatists-tied-to-russia", "ukraine"),
        ("Nigerian soldiers overran a camp of Islamic State-aligned jihadists near the lake.",
         ("alliance", "jihadist-tied-to-islamic-state", "islamic-state"), "jihadist-tied-to-islamic-state",
         "nigeria", "jihadist-tied-to-islamic-state"),
    ],
)
def test_an_unnamed_group_qualified_by_a_tie_modifier_is_a_party_of_its_own(run, text, tie, group, attacker, target):
    doc = run(text)
    assert tie in ties(doc)
    sides = {e.actor1 for e in doc.events} | {e.actor2 for e in doc.events}
    assert group in sides
    backer = ({tie[1], tie[2]} - {group}).pop()
    assert backer not in sides, "the actor named in the modifier is no party to the group's acts"
    assert (attacker, target) in {(r.source, r.target) for r in doc.relations if r.type == "hostility"}


def test_two_cues_qualifying_one_unnamed_group_make_one_node(run):
    doc = run("Al-Qaeda-linked militants raided a police post. Days later al-Qaeda-affiliated militants struck again.")
    assert [a.id for a in doc.actors if a.id.startswith("militants-tied-to")] == ["militants-tied-to-al-qaeda"]


@pytest.mark.parametrize(
    ("text", "member", "leader"),
    [
        ("The Moscow-run Africa Corps took over the bases.", "africa-corps", "russia"),
        ("Fighters of the Moscow-run Africa Corps arrived in Bamako.", "africa-corps", "russia"),
        ("Villagers said the Moscow-run Africa Corps had burned their homes.", "africa-corps", "russia"),
    ],
)
def test_run_modifier_is_affiliation_of_the_head_to_the_runner(run, text, member, leader):
    assert ("affiliation", member, leader) in ties(run(text))


@pytest.mark.parametrize(
    ("text", "leader", "body"),
    [
        ("Troops of the Ugandan-led AMISOM force secured the airport in Mogadishu.", "uganda", "amisom"),
        ("A convoy of the Nigerian-led MNJTF came under fire near Monguno.", "nigeria", "mnjtf"),
        ("Jets of the US-commanded CJTF-OIR flew over Deir ez-Zor on Sunday.", "united-states", "cjtf-oir"),
    ],
)
def test_the_leader_of_a_multinational_body_is_its_member(run, text, leader, body):
    found = ties(run(text))
    assert ("affiliation", leader, body) in found
    assert ("affiliation", body, leader) not in found


@pytest.mark.parametrize(
    ("text", "attacker", "body", "leader"),
    [
        ("Militants ambushed a patrol of the Ugandan-led AMISOM force near Afgoye.", "generic-militants", "amisom",
         "uganda"),
        ("Insurgents shelled a base of the Nigerian-led MNJTF force outside Baga.", "generic-insurgents", "mnjtf",
         "nigeria"),
        ("Rebels raided a camp of the Kenyan-commanded AMISOM contingent in Kismayo.", "generic-rebels", "amisom",
         "kenya"),
    ],
)
def test_a_named_led_force_is_the_party_not_its_leader(run, text, attacker, body, leader):
    doc = run(text)
    assert frozenset((attacker, body)) in parties(doc)
    assert not any(leader in (e.actor1, e.actor2) for e in doc.events)
    assert not any(r.type == "hostility" and leader in (r.source, r.target) for r in doc.relations)


@pytest.mark.parametrize(
    "text",
    [
        "Mazloum Abdi commands the Kurdish-led Syrian Democratic Forces.",
        "Fighters of the Kurdish-led SDF held the dam on Sunday.",
        "Turkey shelled positions of the Kurdish-led alliance near Manbij.",
    ],
)
def test_a_people_leading_a_group_is_none_of_the_groups_its_adjective_fits(run, text):
    found = run(text)
    assert not {"ypg", "peshmerga"} & {a.id for a in found.actors}


@pytest.mark.parametrize(
    ("text", "backer", "backed"),
    [
        ("Fighters of the U.S.-backed SDF held the dam.", "united-states", "syrian-democratic-forces"),
        ("The U.S.-backed Syrian Democratic Forces took Raqqa in 2017.", "united-states", "syrian-democratic-forces"),
        ("Soldiers of the U.S.-trained Danab brigade retook the town.", "united-states", "danab"),
    ],
)
def test_an_abbreviated_backer_joined_by_a_hyphen_backs_the_head(run, text, backer, backed):
    assert ("support", backer, backed) in ties(run(text))


def test_a_modifier_inside_a_registry_name_is_part_of_the_name(run):
    doc = run("The Saudi-led coalition struck Houthi positions near Marib.")
    assert not any(r.type == "affiliation" and r.target == "saudi-arabia" for r in doc.relations)


@pytest.mark.parametrize(
    ("text", "leader", "target"),
    [
        ("In 2003 Turkey declined to join the US-led invasion of Iraq.", "united-states", "iraq"),
        ("Ankara joined the Saudi-led campaign against the Houthis in 2015.", "saudi-arabia", "houthis"),
        ("Chad sent troops to the French-led offensive against Ansar Dine.", "france", "ansar-dine"),
    ],
)
def test_a_led_event_noun_ties_its_leader_to_nothing_it_is_waged_against(run, text, leader, target):
    doc = run(text)
    assert not any({r.source, r.target} == {leader, target} and r.type != "hostility" for r in doc.relations)


@pytest.mark.parametrize(
    ("text", "inspirer"),
    [
        ("The colonel says Tripoli arms al-Qaeda-inspired fighters in Benghazi.", "al-qaeda"),
        ("ISIS-inspired militants attacked a church in Cabo Delgado.", "islamic-state"),
        ("The army killed five al-Shabaab-inspired gunmen near Garissa.", "al-shabaab"),
    ],
)
def test_the_inspirer_of_an_inspired_group_is_no_party_to_its_clause(run, text, inspirer):
    doc = run(text)
    assert all(inspirer not in (e.actor1, e.actor2) for e in doc.events)
    assert not any(inspirer in (r.source, r.target) and r.type in ("support", "hostility") for r in doc.relations)


@pytest.mark.parametrize(
    ("text", "backer", "named"),
    [
        ("Iranian-backed insurgents, who are known as the Houthis, stormed the port.", "iran", "houthis"),
        ("Saudi-backed fighters known as the Giants Brigades advanced on Ataq.", "saudi-arabia", "giants-brigades"),
        ("Russian-backed mercenaries, dubbed the Africa Corps, landed in Mali.", "russia", "africa-corps"),
    ],
)
def test_a_modified_noun_given_a_name_passes_the_tie_to_the_name(run, text, backer, named):
    doc = run(text)
    assert ("support", backer, named) in ties(doc)
    assert not any(backer in p for p in parties(doc))


def test_a_name_the_modified_noun_is_not_given_takes_no_tie(run):
    doc = run("Iranian-backed rebels met envoys of the Houthis, who are known as Ansar Allah, in Muscat.")
    assert not any(r.type == "support" and r.source == "iran" and r.target == "houthis" for r in doc.relations)


@pytest.mark.parametrize(
    ("text", "owner"),
    [
        ("The al-Qaeda affiliate has fought the Somali government and African Union troops for years.", "al-qaeda"),
        ("Islamic State's West African branch attacked a Nigerian army base.", "islamic-state"),
        ("In Mali, the al-Qaeda affiliate ambushed an army convoy near Gao.", "al-qaeda"),
    ],
)
def test_the_owner_of_an_affiliate_or_branch_is_no_party_to_its_acts(run, text, owner):
    doc = run(text)
    assert not any(owner in p for p in parties(doc))
    assert not any(r.type == "hostility" and owner in (r.source, r.target) for r in doc.relations)


@pytest.mark.parametrize(
    ("text", "backer", "backed"),
    [
        ("Army units pushed north to retake the pass from the Iranian-backed Houthis.", "iran", "houthis"),
        ("Turkish troops might soon move against the US-backed SDF east of the river.", "united-states",
         "syrian-democratic-forces"),
        ("Ankara has threatened to bomb the US-backed SDF if talks collapse.", "united-states",
         "syrian-democratic-forces"),
    ],
)
def test_a_modifier_tie_is_current_and_asserted_whatever_the_clause_intends(run, text, backer, backed):
    rows = [(r.status, r.certainty) for r in run(text).relations
            if (r.type, r.source, r.target) == ("support", backer, backed)]
    assert rows == [("current", "asserted")]


@pytest.mark.parametrize(
    "text",
    [
        "Turkish jets once struck the US-backed SDF near Manbij.",
        "Rebels formerly attacked the US-backed SDF in the north.",
        "Gunmen no longer ambush the US-backed SDF on that road.",
    ],
)
def test_a_modifier_tie_does_not_take_the_time_of_the_clause_around_it(run, text):
    assert {r.status for r in run(text).relations
            if (r.type, r.source, r.target) == ("support", "united-states", "syrian-democratic-forces")} == {"current"}


@pytest.mark.parametrize(
    ("text", "subject", "client"),
    [
        ("Al-Shabaab remains the main threat to the Western-backed federal government in Mogadishu.", "al-shabaab",
         "somalia"),
        ("The Taliban remain the gravest threat to the Western-backed government in Kabul.", "taliban",
         "afghanistan"),
        ("The Houthis have become a serious threat to the Gulf-backed government in Aden.", "houthis", "yemen"),
    ],
)
def test_a_backed_modifier_whose_backer_is_no_actor_gives_the_names_around_it_no_tie(run, text, subject, client):
    """"X is a threat to the Western-backed government": the participle says who backs the government (no actor
    here), not that X does."""
    assert ("support", subject, client) not in ties(run(text))
