"""Constructions that decide whether a trigger is an event of its own, and of which PLOVER type.

Each construction has at least three sentences written for these tests, worded differently.
"""

from __future__ import annotations

import pytest

from .conftest import triples

# ---------------------------------------------------------------- acts a sentence does not report as done


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the content of a noun: an offer, a right, a proposal to do something
        (
            "Turkey rejected a Russian offer to mediate talks between Armenia and Azerbaijan.",
            [("REJECT", "turkey", "russia")],
        ),
        (
            "France defended the right of Chadian troops to strike Boko Haram camps near Lake Chad.",
            [("SUPPORT", "france", "chad")],
        ),
        ("Qatar welcomed the Turkish proposal to deploy troops in Libya.", [("SUPPORT", "qatar", "turkey")]),
    ],
)
def test_act_named_as_content_of_a_noun_is_no_event(run, text, expected):
    assert triples(run(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the purpose of another event: what it is meant to bring about has not happened
        ("Ankara demanded talks with Baghdad to discuss attacks by the PKK.", [("REQUEST", "turkey", "iraq")]),
        (
            "Hungary blocked the EU statement to shield Russia from criticism.",
            [("COERCE", "hungary", "european-union")],
        ),
        (
            "Uganda demanded a summit of the African Union to discuss the Rwandan incursion.",
            [("REQUEST", "uganda", "african-union")],
        ),
    ],
)
def test_purpose_of_another_event_is_no_event(run, text, expected):
    assert triples(run(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the condition of a threat or promise: "if/unless X does Y" says nothing X did
        ("Russia warned that it would respond if Finland hosted NATO bases.", [("THREATEN", "russia", "finland")]),
        ("Niger threatened to cut aid if Mali arrested more journalists from Niger.", [("THREATEN", "niger", "mali")]),
        ("Hezbollah vowed to retaliate if Israel struck Beirut.", [("THREATEN", "hezbollah", "israel")]),
    ],
)
def test_condition_of_a_threat_is_no_event(run, text, expected):
    assert triples(run(text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Moscow called the Ukrainian government a regime of criminals.",
        "Ethiopia's foreign ministry called the TPLF a terrorist group on Monday.",
        "Kenya's president called Al-Shabaab a gang of murderers.",
    ],
)
def test_calling_someone_a_name_is_no_request(run, text):
    assert [t for t in triples(run(text)) if t[0] == "REQUEST"] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "push/press for X to do Y": "for" heads the clause of what is asked
        ("Britain is pushing for the US to back its debt plan.", [("REQUEST", "united-kingdom", "united-states")]),
        ("According to diplomats, Qatar is pushing for Hamas to accept the deal.", [("REQUEST", "qatar", "hamas")]),
        ("Egypt pressed hard for Israel to allow aid into Gaza.", [("REQUEST", "egypt", "israel")]),
    ],
)
def test_pushing_for_someone_to_act_is_a_request(run, text, expected):
    assert triples(run(text)) == expected


# ---------------------------------------------------------------- PLOVER types of trigger classes


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # breaking (off) an alliance or a pact ends a tie (SANCTION discontinue), not a threat (CAMEO 130)
        ("Hizbul Islam broke off its alliance with al-Shabaab in May.",
         ("SANCTION", "discontinue", "hizbul-islam", "al-shabaab")),
        ("The Jubaland militia broke its pact with Ethiopia last year.",
         ("SANCTION", "discontinue", "jubaland", "ethiopia")),
        ("Ahrar al-Sham ended its partnership with the Nusra Front.",
         ("SANCTION", "discontinue", "ahrar-al-sham", "jabhat-al-nusra")),
    ],
)
def test_breaking_off_an_alliance_ends_a_tie_and_threatens_nobody(run, text, expected):
    doc = run(text)
    e = doc.events[0]
    assert (e.plover, e.plover_mode, e.actor1, e.actor2) == expected
    assert not any(r.type == "hostility" for r in doc.relations)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # SANCTION withdraw: one's own observers, inspectors, diplomats leave a country
        ("Britain pulled out its diplomats from Kabul.", ("SANCTION", "withdraw", "united-kingdom", "afghanistan")),
        ("The UN withdrew its monitors from Syria on Tuesday.", ("SANCTION", "withdraw", "united-nations", "syria")),
        (
            "Sweden recalled its aid workers from Somalia after the kidnapping.",
            ("SANCTION", "withdraw", "sweden", "somalia"),
        ),
    ],
)
def test_withdrawing_observers_or_diplomats_is_a_sanction(run, text, expected):
    e = run(text).events[0]
    assert (e.plover, e.plover_mode, e.actor1, e.actor2) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # AID: sending peacekeepers (CAMEO 074)
        ("Canada sent peacekeepers to Cyprus in 1964.", ("AID", "canada", "cyprus")),
        (
            "Rwanda has deployed peacekeepers to the Central African Republic.",
            ("AID", "rwanda", "central-african-republic"),
        ),
        ("Ghana dispatched peacekeepers to Lebanon last year.", ("AID", "ghana", "lebanon")),
    ],
)
def test_sending_peacekeepers_is_aid(run, text, expected):
    e = run(text).events[0]
    assert (e.plover, e.actor1, e.actor2) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # ACCUSE investigate: sending inspectors or investigators
        ("The IAEA sent inspectors to Iran's Natanz plant.", ("ACCUSE", "investigate", "iaea", "iran")),
        ("The ICC dispatched investigators to Sudan in March.", ("ACCUSE", "investigate", "icc", "sudan")),
        ("The OPCW has deployed inspectors to Syria.", ("ACCUSE", "investigate", "opcw", "syria")),
    ],
)
def test_sending_inspectors_is_an_investigation(run, text, expected):
    e = run(text).events[0]
    assert (e.plover, e.plover_mode, e.actor1, e.actor2) == expected


# ---------------------------------------------------------------- roles from "<X>-led" modifiers


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # forces or a campaign under X's lead that no other actor names act for X
        ("Nigerian-led forces shelled rebel positions near Freetown.", ("ASSAULT", "nigeria", "generic-rebels")),
        ("Russian-led troops attacked Georgian positions near Tskhinvali.", ("ASSAULT", "russia", "georgia")),
        ("Ethiopian-led units ambushed al-Shabaab fighters near Baidoa.", ("ASSAULT", "ethiopia", "al-shabaab")),
        ("A US-led war against Iraq began in March 2003.", ("ASSAULT", "united-states", "iraq")),
    ],
)
def test_forces_led_by_an_actor_act_for_it(run, text, expected):
    assert triples(run(text)) == [expected]


def test_backed_modifier_still_leaves_the_named_head_as_the_actor(run):
    assert triples(run("The US-backed SDF attacked ISIS near Raqqa.")) == [
        ("ASSAULT", "syrian-democratic-forces", "islamic-state")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # arriving forces are typed by who arrives: peacekeepers are aid (CAMEO 074), not a visit
        ("Ghanaian peacekeeping troops arrived in Monrovia on Sunday.", ("AID", None, "ghana", "liberia")),
        ("A battalion of Indian peacekeepers landed in Juba.", ("AID", None, "indian-peacekeeper", "south-sudan")),
        ("Pakistani peacekeepers arrived in Liberia on Monday.", ("AID", None, "pakistani-peacekeeper", "liberia")),
        # other forces arriving are a deployment
        ("Russian troops arrived in Syria last September.", ("MOBILIZE", "troops", "russia", "syria")),
        (
            "Two companies of Chadian soldiers arrived in Bangui overnight.",
            ("MOBILIZE", "troops", "chad", "central-african-republic"),
        ),
        ("French paratroopers landed in Kolwezi in May 1978.", ("MOBILIZE", "troops", "france", None)),
    ],
)
def test_arrivals_are_typed_by_who_arrives(run, text, expected):
    e = run(text).events[0]
    assert (e.plover, e.plover_mode, e.actor1, e.actor2) == expected


def test_an_official_arriving_for_talks_is_still_no_deployment(run):
    doc = run("The Egyptian foreign minister arrived in Khartoum for talks with Sudan.")
    assert [t for t in triples(doc) if t[0] in ("AID", "MOBILIZE")] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an apology is verbal cooperation: SUPPORT (CAMEO 055)
        ("Japan apologised to South Korea for its colonial rule.", ("SUPPORT", "japan", "south-korea")),
        ("Germany apologized to Namibia for the colonial-era killings.", ("SUPPORT", "germany", "namibia")),
        (
            "The Serbian government apologized to Bosnia for the massacre.",
            ("SUPPORT", "serbia", "bosnia-and-herzegovina"),
        ),
    ],
)
def test_apology_is_support(run, text, expected):
    assert triples(run(text)) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # opening a crossing, bridge or airspace lets others in: RETREAT access
        ("Jordan reopened its airspace to Iraqi flights.", ("RETREAT", "access", "jordan", "iraq")),
        ("Turkey opened the Cilvegozu crossing for Syrian refugees.", ("RETREAT", "access", "turkey", "syria")),
        ("Egypt reopened the Rafah crossing on Saturday.", ("RETREAT", "access", "egypt", None)),
    ],
)
def test_opening_a_crossing_is_access(run, text, expected):
    e = run(text).events[0]
    assert (e.plover, e.plover_mode, e.actor1, e.actor2) == expected


# ---------------------------------------------------------------- words that look like events but name things


@pytest.mark.parametrize(
    "text",
    [
        "UN teams searched sites near Tikrit for any hidden weapons of mass destruction.",
        "Inspectors found no weapons of mass destruction in Iraq.",
        "Libya gave up its weapons of mass destruction in 2003.",
    ],
)
def test_weapons_of_mass_destruction_are_no_destruction_event(run, text):
    assert [e.trigger.text for e in run(text).events if e.trigger.text == "destruction"] == []


@pytest.mark.parametrize(
    "text",
    [
        "The rebels issued a press release on Sunday.",
        "A press release from the Houthis named the dead fighters.",
        "The ministry published a news release about the talks.",
    ],
)
def test_a_press_release_releases_nobody(run, text):
    assert [t for t in triples(run(text)) if t[0] == "RETREAT"] == []


@pytest.mark.parametrize(
    "text",
    [
        # a participle that stands for people or describes a noun tells no act of its own
        "Medics carried the wounded away from the besieged town of Madaya.",
        "The Red Cross treated the injured at a hospital in Goma.",
        "Turkey sent aid to the occupied town of Afrin.",
    ],
)
def test_participles_naming_people_or_describing_places_are_no_events(run, text):
    assert [t for t in triples(run(text)) if t[0] in ("ASSAULT", "COERCE")] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # holding territory is a state: only the act around it is an event
        ("Iran sanctioned the militia that controls Sanaa.", []),  # Sanaa is a place; the militia goes unnamed
        ("The rebels, who control most of Idlib, rejected the truce.", []),
        (
            "Washington placed new sanctions on the Taliban faction that controls Kabul.",
            [("SANCTION", "united-states", "taliban")],
        ),
    ],
)
def test_controlling_territory_is_no_event(run, text, expected):
    assert triples(run(text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        # holding ground named by a noun of ground is a state too, in any tense; taking control is the act
        "ISIS controlled the city for three years.",
        "The rebels control the town, residents say.",
        "The army controls the airport and the port.",
    ],
)
def test_controlling_a_town_or_an_airport_is_no_assault(run, text):
    assert [t for t in triples(run(text)) if t[0] == "ASSAULT"] == []


@pytest.mark.parametrize(
    "text",
    [
        # prevailing within a body is a state, not an act of force: the dominant group is its core, not its enemy
        "In the northeast, the Kurdish YPG militia dominates the Syrian Democratic Forces.",
        "Hezbollah dominates the Lebanese government.",
        "Jabhat al-Nusra dominated the Army of Conquest in Idlib.",
    ],
)
def test_dominating_a_body_is_no_assault(run, text):
    assert [t for t in triples(run(text)) if t[0] == "ASSAULT"] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # preparing an offensive: a military move short of force (MOBILIZE), not an intent to cooperate
        ("Ethiopia is preparing an offensive against the TPLF.", ("MOBILIZE", "troops", "ethiopia", "tplf")),
        ("The Syrian army prepared an assault on rebel-held Aleppo.", ("MOBILIZE", "troops", "syria", None)),
        (
            "Ukraine prepared a counteroffensive against Russia in the south.",
            ("MOBILIZE", "troops", "ukraine", "russia"),
        ),
    ],
)
def test_preparing_an_offensive_is_mobilization(run, text, expected):
    e = run(text).events[0]
    assert (e.plover, e.plover_mode, e.actor1, e.actor2) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # letting observers or inspectors in is RETREAT access, also when they come as "a mission/team of"
        (
            "Kyrgyzstan received a small mission of observers sent by the OSCE.",
            ("RETREAT", "access", "kyrgyzstan", "osce"),
        ),
        ("Sudan admitted a team of UN investigators to Darfur.", ("RETREAT", "access", "sudan", "united-nations")),
        ("Iran accepted IAEA inspectors at the Fordow site.", ("RETREAT", "access", "iran", "iaea")),
    ],
)
def test_letting_observers_in_is_access(run, text, expected):
    e = run(text).events[0]
    assert (e.plover, e.plover_mode, e.actor1, e.actor2) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "US and British forces": the phrase's first-named actor, as for any coordination
        ("The Red Cross said US and Saudi forces must protect the hospitals.", ("REQUEST", "icrc", "united-states")),
        ("Iran warned that US and Saudi forces must leave the Gulf.", ("THREATEN", "iran", "united-states")),
        ("Egypt said US and Saudi forces should leave Iraq.", ("REQUEST", "egypt", "united-states")),
    ],
)
def test_coordinated_modifiers_give_the_first_named_actor(run, text, expected):
    assert triples(run(text)) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # ordering or stepping up patrols: a security-force move short of force (MOBILIZE), no request
        ("Kenya ordered patrols along the Somali border.", ("MOBILIZE", "kenya", None)),  # the border: where
        ("The Nigerian army intensified patrols in Borno after the attack.", ("MOBILIZE", "nigeria", None)),
        ("UN peacekeepers began patrols near Bunia on Monday.", ("MOBILIZE", "un-peacekeepers", None)),
    ],
)
def test_ordering_patrols_is_mobilization(run, text, expected):
    assert [(e.plover, e.actor1, e.actor2) for e in run(text).events if e.plover == "MOBILIZE"] == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an investigation into claims "that Y did X" investigates Y, not whoever made the claim
        (
            "The African Union completed its investigation into a complaint by Kenya that Somalia had shelled Mandera.",
            ("ACCUSE", "african-union", "somalia"),
        ),
        (
            "Ethiopia finished an inquiry into accusations by Eritrea that the TPLF had attacked Asmara.",
            ("ACCUSE", "ethiopia", "tplf"),
        ),
        (
            "The ICC began an inquiry into allegations by Kyiv that Russia deported children.",
            ("ACCUSE", "icc", "russia"),
        ),
    ],
)
def test_investigation_into_claims_targets_the_accused(run, text, expected):
    assert [t for t in triples(run(text)) if t[0] == "ACCUSE" and t[1] == expected[1]] == [expected]


def test_purpose_in_a_relative_clause_without_intent_verb_is_still_told(run):
    # "the excuse that NATO used to bomb Serbia": the bombing is told as done, not as a noun's content
    assert ("ASSAULT", "nato", "serbia") in triples(
        run("Russia rejected the excuse that NATO used to bomb Serbia in 1999.")
    )


@pytest.mark.parametrize(
    "text",
    [
        "The border raids gave Israel the pretext it wanted.",
        "The truce gave the rebels a chance to regroup in the hills.",
        "The bombing gave Ankara an excuse for a wider campaign.",
    ],
)
def test_giving_a_reason_or_an_occasion_is_no_aid(run, text):
    assert not any(p == "AID" for p, _, _ in triples(run(text)))


def test_giving_arms_is_still_aid(run):
    assert ("AID", "iran", "houthis") in triples(run("Iran gave the Houthis missiles."))


@pytest.mark.parametrize(
    "text",
    [
        "The deal, signed by a faction led by Ali Daoud, provides for the integration of FRUD fighters into the army.",
        "The ceasefire provides for the withdrawal of Rwandan troops from the border.",
        "Their accord provides for a joint command of the SPLA and the army.",
    ],
)
def test_an_accord_that_provides_for_something_gives_no_aid(run, text):
    assert not any(p == "AID" for p, _, _ in triples(run(text)))


@pytest.mark.parametrize(
    ("text", "payer"),
    [
        ("Moscow will hire those mercenaries to fight the rebels.", "russia"),
        ("The UAE pays Yemeni tribesmen to fight the Houthis in Shabwa.", "united-arab-emirates"),
        ("Khartoum recruited nomad horsemen to attack the SLA villages.", "sudan"),
    ],
)
def test_the_men_paid_or_hired_to_fight_are_the_attackers_not_their_payer(run, text, payer):
    assert not any(p == "ASSAULT" and a == payer for p, a, _ in triples(run(text)))


@pytest.mark.parametrize(
    ("text", "attacker", "target"),
    [
        ("The army drove the RSF out of the town on Saturday.", "sudan", "rapid-support-forces"),
        ("Fano fighters pushed Ethiopian troops back towards the airport.", "fano", "ethiopia"),
        ("Macawisley militias chased al-Shabaab out of two villages.", "macawisley", "al-shabaab"),
    ],
)
def test_driving_a_side_from_ground_is_an_assault_on_it(run, text, attacker, target):
    assert ("ASSAULT", attacker, target) in triples(run(text))


@pytest.mark.parametrize(
    "text",
    [
        "The Houthis drove villagers out of their homes near Marib.",
        "Militants drove residents out of the district last week.",
        "Settlers chased families out of the hamlet, witnesses said.",
    ],
)
def test_driving_people_from_their_homes_is_displacement_not_assault(run, text):
    assert all(e.plover != "ASSAULT" for e in run(text).events), triples(run(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # handing arms or money over to a side: material aid to the "to" object, whatever the first of several
        # things handed over
        ("Qatar funnelled cash and rifles to Jaish al-Islam in 2014.", [("AID", "qatar", "jaysh-al-islam")]),
        ("Iran shipped weapons to the Houthis through Oman.", [("AID", "iran", "houthis")]),
        ("Saudi Arabia channelled money to the Free Syrian Army.", [("AID", "saudi-arabia", "free-syrian-army")]),
    ],
)
def test_sending_arms_or_money_to_a_side_is_aid(run, text, expected):
    assert triples(run(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a verb of dying: its subject is who died, the attacker comes from elsewhere in the clause
        ("Two Ugandan soldiers died in an al-Shabaab ambush near Marka.", [("ASSAULT", "al-shabaab", "uganda")]),
        ("Five Nigerian soldiers died when Boko Haram fighters raided their base.",
         [("ASSAULT", "boko-haram", "nigeria")]),
        ("Four Kenyan soldiers died in an attack by al-Shabaab on their camp.", [("ASSAULT", "al-shabaab", "kenya")]),
    ],
)
def test_who_dies_is_the_victim_not_the_attacker(run, text, expected):
    assert triples(run(text)) == expected
