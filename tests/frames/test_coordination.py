"""Coordinated actors: co-agents are on one side, share the event's tie, and act 'jointly' as allies."""

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
    ("text", "side"),
    [
        ("The Kachin Independence Army, the Arakan Army and the Chin National Front jointly attacked junta "
         "positions near the river.", ["kachin-independence-army", "arakan-army", "chin-national-front"]),
        ("Ahrar al-Sham and Jaysh al-Islam together stormed a regime checkpoint.", ["ahrar-al-sham", "jaysh-al-islam"]),
        ("Fighters of Hizbul Islam and al-Shabaab jointly shelled the base at dawn.", ["al-shabaab", "hizbul-islam"]),
    ],
)
def test_co_agents_acting_jointly_are_allies_and_never_enemies(run, text, side):
    doc = run(text)
    got = pairs(doc, "alliance")
    for i, a in enumerate(side):
        for b in side[i + 1:]:
            assert frozenset((a, b)) in got
            assert frozenset((a, b)) not in pairs(doc, "hostility")


@pytest.mark.parametrize(
    ("text", "attacker", "targets"),
    [
        ("Somali troops attacked al-Shabaab and the Islamic State in Puntland.", "somalia",
         ["al-shabaab", "islamic-state"]),
        ("Nigerian troops bombed Boko Haram and ISWAP camps near the lake.", "nigeria",
         ["boko-haram", "islamic-state-west-africa"]),
        ("The SDF fought the Islamic State and Hayat Tahrir al-Sham in the same month.", "syrian-democratic-forces",
         ["islamic-state", "hayat-tahrir-al-sham"]),
    ],
)
def test_coordinated_targets_each_get_the_hostility(run, text, attacker, targets):
    got = pairs(run(text), "hostility")
    for t in targets:
        assert frozenset((attacker, t)) in got


@pytest.mark.parametrize(
    "text",
    [
        "The YPG attacked Turkish forces, the Syrian Network for Human Rights reported.",
        "Houthi fighters shelled Saudi positions, Reuters reported on Monday.",
        "The Arakan Army overran a junta base, the Irrawaddy reported.",
    ],
)
def test_a_name_after_a_comma_without_and_is_no_list_item(run, text):
    doc = run(text)
    assert all(r.type != "hostility" or len({r.source, r.target}) == 2 for r in doc.relations)
    assert not any(
        "network" in x or "reuters" in x or "irrawaddy" in x for r in doc.relations for x in (r.source, r.target)
    )


@pytest.mark.parametrize(
    ("text", "side"),
    [
        ("The Taliban and Hezb-i-Islami stormed the provincial police headquarters before dawn.",
         ["taliban", "hizb-e-islami-gulbuddin"]),
        ("Hamas and Palestinian Islamic Jihad fired dozens of rockets at Sderot on Tuesday.",
         ["hamas", "palestinian-islamic-jihad"]),
        ("The town of Bhamo was overrun by the Kachin Independence Army and the Arakan Army last week.",
         ["kachin-independence-army", "arakan-army"]),
        ("The Chin National Front (CNF) and the Arakan Army overran a junta outpost near Paletwa.",
         ["chin-national-front", "arakan-army"]),
    ],
)
def test_co_agents_of_a_one_sided_attack_are_allies(run, text, side):
    doc = run(text)
    a, b = side
    assert frozenset((a, b)) in pairs(doc, "alliance")
    assert all(r.method == "co-agents" for r in doc.relations if r.type == "alliance")
    assert frozenset((a, b)) not in pairs(doc, "hostility")


@pytest.mark.parametrize(
    ("text", "side"),
    [
        ("The Kachin Independence Army and the Arakan Army seized the district capital in January.",
         ["kachin-independence-army", "arakan-army"]),
        ("Turkish troops and the Syrian National Army took over Afrin after a two-month campaign.",
         ["turkey", "syrian-national-army"]),
        ("Hamas and Palestinian Islamic Jihad seized the crossing point at dawn.",
         ["hamas", "palestinian-islamic-jihad"]),
    ],
)
def test_co_agents_of_a_seizure_of_ground_are_allies(run, text, side):
    doc = run(text)
    assert pairs(doc, "alliance") == {frozenset(side)}
    assert all(r.method == "co-agents" for r in doc.relations if r.type == "alliance")


@pytest.mark.parametrize(
    "text",
    [
        "Neither Hamas nor Fatah seized the crossing.",
        "Either the Taliban or Hezb-i-Islami stormed the police post, officials said.",
        "Hamas or Palestinian Islamic Jihad fired the rockets at Sderot.",
    ],
)
def test_alternatives_in_a_disjunction_are_no_co_agents(run, text):
    assert not pairs(run(text), "alliance")


@pytest.mark.parametrize(
    "text",
    [
        "The Taliban and Hezb-i-Islami clashed near Kunduz on Sunday.",
        "Ahrar al-Sham and Jaysh al-Islam fought for control of the market.",
        "Al-Shabaab and Hizbul Islam battled in the outskirts of Kismayo.",
    ],
)
def test_co_agents_of_a_reciprocal_fighting_verb_are_no_allies(run, text):
    assert not pairs(run(text), "alliance")


@pytest.mark.parametrize(
    "text",
    [
        "The coalition, led by Washington and London, bombed Islamic State targets near Raqqa.",
        "Observers said the offensive, which Russia and Iran planned together, hit rebel towns.",
        "An aide close to both the Taliban and Hezb-i-Islami said government troops attacked the village.",
    ],
)
def test_names_outside_the_attack_verbs_subject_are_no_co_agents(run, text):
    assert not [r for r in run(text).relations if r.method == "co-agents"]


@pytest.mark.parametrize(
    "text",
    [
        "The Three Brotherhood Alliance, whose three members are the MNDAA, the TNLA and the Arakan Army, took Lashio.",
        "The Azawad Movements Coordination, which groups the MNLA, the HCUA and the MAA, stormed the camp.",
        "The bloc, made up of the Kachin Independence Army and the Arakan Army, captured the town of Bhamo.",
    ],
)
def test_the_members_a_description_lists_are_no_co_agents_of_the_group(run, text):
    assert not [r for r in run(text).relations if r.method == "co-agents"]


@pytest.mark.parametrize(
    ("text", "group", "clause"),
    [
        ("The bloc, whose members are the TNLA (Ta'ang), the MNDAA and the Arakan Army, has seized several towns.",
         "bloc", "are"),
        ("The coalition, made up of the MNLA, the HCUA and the MAA, signed the accord.", "coalition", "made"),
        ("The army, which includes the Hamza Division and the Sultan Murad Division, moved north.", "army",
         "includes"),
    ],
)
def test_a_member_listing_clause_marks_where_the_groups_own_conjuncts_end(nlp, text, group, clause):
    from factiongraph.frames import description_start

    doc = nlp(text)
    head = next(t for t in doc if t.lower_ == group)
    assert description_start(head) == next(t.i for t in doc if t.lower_ == clause)


def test_a_clause_describing_one_list_item_ends_no_list(nlp):
    from factiongraph.frames import description_start

    doc = nlp("The HCUA, which is religious, and the MNLA merged into one movement.")
    assert description_start(next(t for t in doc if t.text == "HCUA")) is None


@pytest.mark.parametrize(
    "text",
    [
        '"Working together with the Peshmerga, they will clear every village," the commander said of the Iraqi '
        "troops.",
        '"Acting jointly with Hezbollah, they retook the ridge," an officer said of the Syrian army.',
        '"They fought together with the Arakan Army all week," a villager said of the Chin fighters.',
    ],
)
def test_a_pronoun_in_direct_speech_states_no_joint_action(run, text):
    assert not [r for r in run(text).relations if r.method == "joint"]


@pytest.mark.parametrize(
    ("text", "attacker", "targets"),
    [
        ("The TNLA remains at war with the army and with the Border Guard Force.", "tnla",
         {"myanmar", "border-guard-force"}),
        ("ISWAP is at war with the Nigerian army and with Boko Haram's JAS faction.",
         "islamic-state-west-africa", {"nigeria", "boko-haram"}),
        ("Hezbollah fought against the FSA and against ISIS in Qalamoun.", "hezbollah",
         {"free-syrian-army", "islamic-state"}),
    ],
)
def test_targets_coordinated_through_a_repeated_preposition_each_get_the_hostility(run, text, attacker, targets):
    assert {frozenset((attacker, t)) for t in targets} <= pairs(run(text), "hostility")
