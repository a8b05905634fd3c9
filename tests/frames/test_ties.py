"""Nominal and participial ties: support nouns, support participles, membership nouns and lists."""

from __future__ import annotations

import pytest

from factiongraph.document import Document
from factiongraph.pipeline import extract


@pytest.fixture(scope="module")
def run(pipeline):
    return lambda text: extract(text, pipeline=pipeline)


def ties(doc: Document) -> set[tuple[str, str, str]]:
    return {(r.type, r.source, r.target) for r in doc.relations}


def event_parties(doc: Document) -> set[str | None]:
    return {a for e in doc.events for a in (e.actor1, e.actor2)}


@pytest.mark.parametrize(
    ("text", "patrons", "client"),
    [
        ("The Houthis, who enjoy the backing of Iran, fired rockets across the border.", ["iran"], "houthis"),
        ("With support from Russia and Iran, the Syrian army advanced on Aleppo.", ["russia", "iran"], "syria"),
        ("Al-Shabaab has received the help of Eritrea for years, the panel found.", ["eritrea"], "al-shabaab"),
    ],
)
def test_support_noun_makes_the_of_or_from_object_the_patron(run, text, patrons, client):
    got = ties(run(text))
    for p in patrons:
        assert ("support", p, client) in got


def test_support_noun_under_negation_gives_no_tie(run):
    doc = run("The Houthis never received the backing of Iran, their spokesman insisted.")
    assert ("support", "iran", "houthis") not in ties(doc)


@pytest.mark.parametrize(
    ("text", "patron", "client"),
    [
        ("Mozambican troops, aided by Rwandan soldiers, recaptured the port.", "rwanda", "mozambique"),
        ("The Giants Brigades, trained by the UAE, moved towards Ataq.", "united-arab-emirates", "giants-brigades"),
        ("The Syrian army, helped by Hezbollah fighters, retook Qusayr.", "hezbollah", "syria"),
    ],
)
def test_support_participle_makes_the_by_agent_the_patron_and_no_enemy(run, text, patron, client):
    doc = run(text)
    assert ("support", patron, client) in ties(doc)
    assert patron not in event_parties(doc), "the helper in the participle phrase is no party to the clause's event"
    assert not any(r.type == "hostility" and patron in (r.source, r.target) for r in doc.relations)


@pytest.mark.parametrize(
    ("text", "member", "group"),
    [
        ("The UAE, part of the Saudi-led coalition, sent more troops.", "united-arab-emirates", "saudi-led-coalition"),
        ("The APCLS is part of the Wazalendo coalition.", "apcls", "wazalendo"),
        ("Jabhat al-Nusra became a member of Hayat Tahrir al-Sham in 2017.", "jabhat-al-nusra",
         "hayat-tahrir-al-sham"),
    ],
)
def test_member_noun_makes_the_subject_or_apposition_a_member(run, text, member, group):
    assert ("affiliation", member, group) in ties(run(text))


@pytest.mark.parametrize(
    ("text", "patron", "client"),
    [
        ("The Security Belt forces, armed and paid by the UAE, took over the port.", "united-arab-emirates",
         "security-belt-forces"),
        ("The Hadrami Elite Forces, recruited and paid by the United Arab Emirates, cleared Mukalla.",
         "united-arab-emirates", "hadrami-elite-forces"),
        ("The Houthis, armed and advised by Iran, fired missiles at Riyadh.", "iran", "houthis"),
    ],
)
def test_coordinated_participles_share_the_by_agent_of_the_last(run, text, patron, client):
    """"armed and paid by Y": the first participle (even one the tagger took for an adjective) has the last
    one's agent; "paid by Y" is support too."""
    assert ("support", patron, client) in ties(run(text))


@pytest.mark.parametrize(
    ("text", "patron", "client", "opponent"),
    [
        ("Nigerian troops trained and equipped by Britain pushed into Boko Haram camps near Gwoza.",
         "united-kingdom", "nigeria", "boko-haram"),
        ("Malian soldiers trained and equipped by Russia pushed into JNIM strongholds near Gao.", "russia", "mali",
         "jnim"),
        ("Congolese units trained and equipped by Belgium pushed into M23 areas north of Goma.", "belgium",
         "dr-congo", "m23"),
    ],
)
def test_a_reduced_relative_the_parser_took_for_the_verb_gives_no_aid_to_the_enemy(run, text, patron, client,
                                                                                    opponent):
    """"X trained and equipped by Y pushed into Z's camps": the parser reads "trained" as X's verb and "pushed"
    as its conjunct; the participles are passive, Y is who trains, and X gives Z nothing."""
    doc = run(text)
    assert ("support", patron, client) in ties(doc)
    assert not any(r.type == "support" and r.target == opponent for r in doc.relations)
    assert not any(e.plover == "AID" and opponent in (e.actor1, e.actor2) for e in doc.events)


@pytest.mark.parametrize(
    ("text", "group", "members"),
    [
        ("The Islamic Front unites Ahrar al-Sham, Jaysh al-Islam and Suqour al-Sham.", "islamic-front",
         ["ahrar-al-sham", "jaysh-al-islam", "suqour-al-sham"]),
        ("The Syrian Democratic Forces unite the YPG and several Arab tribal brigades.", "syrian-democratic-forces",
         ["ypg"]),
        ("Since 2017 JNIM has united Ansar Dine, al-Mourabitoun and the Macina Liberation Front.", "jnim",
         ["ansar-dine", "al-mourabitoun", "katiba-macina"]),
    ],
)
def test_a_body_that_unites_groups_has_them_as_members_not_allies(run, text, group, members):
    """"X unites A, B and C" lists X's members, as "X comprises A, B and C" does; no alliance X-A."""
    got = ties(run(text))
    for m in members:
        assert ("affiliation", m, group) in got
    assert not any(t == "alliance" and group in (a, b) for t, a, b in got)


@pytest.mark.parametrize(
    ("text", "first", "backed"),
    [
        ("The coalition joins Ahrar al-Sham, the Saudi-backed Jaysh al-Islam and Faylaq al-Rahman.", "ahrar-al-sham",
         "jaysh-al-islam"),
        ("Fighters from the SDF, the US-backed YPG and the Sanadid forces held the dam.", "syrian-democratic-forces",
         "ypg"),
        ("The talks brought in Fatah, the Iran-backed Islamic Jihad and smaller factions.", "fatah",
         "palestinian-islamic-jihad"),
    ],
)
def test_a_backed_modifier_in_a_list_ties_its_patron_not_the_list(run, text, first, backed):
    """"A, the Saudi-backed B and C": "backed" has its own patron; B and C are no backers of A."""
    got = ties(run(text))
    assert not any(t == "support" and first in (a, b) and backed in (a, b) for t, a, b in got)


@pytest.mark.parametrize(
    ("text", "group", "members"),
    [
        ("The Northern Alliance, composed of the MNDAA, the Kachin Independence Army and the Arakan Army, "
         "attacked a junta base.", "northern-alliance-burma", ["mndaa", "arakan-army", "kachin-independence-army"]),
        ("The Three Brotherhood Alliance, which includes the TNLA and the MNDAA, rejected the truce.",
         "three-brotherhood-alliance", ["tnla", "mndaa"]),
        ("Hayat Tahrir al-Sham, comprising Jabhat Fateh al-Sham and the Nour al-Din al-Zinki Movement, "
         "took the town.", "hayat-tahrir-al-sham", ["jabhat-fateh-al-sham"]),
    ],
)
def test_list_participle_makes_every_listed_actor_a_member(run, text, group, members):
    doc = run(text)
    for m in members:
        assert ("affiliation", m, group) in ties(doc)
    assert not any(r.type == "hostility" and {r.source, r.target} <= {group, *members} for r in doc.relations)


@pytest.mark.parametrize(
    "text",
    [
        "Abdul Karim Hassan, the man who leads the interim government in Azaz, met the SNA on Tuesday.",
        "Abd Rabbuh Mansur Hadi, who governed Yemen from 2012, lives in Riyadh.",
        "The commander, who heads the Deir ez-Zor Military Council, was detained by the SDF.",
    ],
)
def test_leading_or_governing_an_organisation_is_no_alliance(run, text):
    assert not any(r.type == "alliance" for r in run(text).relations)


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("The Kachin Independence Army teamed up with the Arakan Army last spring.",
         {"kachin-independence-army", "arakan-army"}),
        ("Ahrar al-Sham allied with Jaysh al-Islam against the regime.", {"ahrar-al-sham", "jaysh-al-islam"}),
        ("The Arakan Army cooperated with the Kachin Independence Army in the north.",
         {"arakan-army", "kachin-independence-army"}),
    ],
)
def test_acting_together_is_an_alliance(run, text, pair):
    assert any(r.type == "alliance" and {r.source, r.target} == pair for r in run(text).relations)


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("In that war Fano battled on the same side with Eritrean units.", {"fano", "eritrea"}),
        ("In 2016 Ahrar al-Sham was in the same camp as Jaysh al-Islam.", {"ahrar-al-sham", "jaysh-al-islam"}),
        ("During the siege Hezbollah stood in the same front as Iran.", {"hezbollah", "iran"}),
    ],
)
def test_sharing_a_side_is_an_alliance_not_a_fight(run, text, pair):
    doc = run(text)
    assert any(r.type == "alliance" and {r.source, r.target} == pair for r in doc.relations)
    assert not any(r.type == "hostility" and {r.source, r.target} == pair for r in doc.relations)


@pytest.mark.parametrize(
    ("text", "member", "owner"),
    [
        (
            "The Islamic State's Somali branch, the Islamic State in Somalia, attacked al-Shabaab positions.",
            "islamic-state-somalia",
            "islamic-state",
        ),
        (
            "Al-Qaeda's Yemeni branch, AQAP, claimed the bombing in Aden.",
            "aqap",
            "al-qaeda",
        ),
        (
            "Hezbollah's old ally, the Amal Movement, stayed out of the clashes in Beirut.",
            "amal-movement",
            "hezbollah",
        ),
    ],
)
def test_relational_noun_with_a_possessor_ties_the_name_after_it(run, text, member, owner):
    got = ties(run(text))
    assert any(t in got for t in (("affiliation", member, owner), ("alliance", member, owner)))


@pytest.mark.parametrize(
    ("text", "holder", "hidden", "target"),
    [
        (
            "Ansar al-Sharia, an affiliate of al-Qaeda, attacked the Libyan army in Benghazi.",
            "ansar-al-sharia",
            "al-qaeda",
            "libya",
        ),
        (
            "Nour al-Din al-Zenki, once a faction of Hayat Tahrir al-Sham, fought Ahrar al-Sham near Idlib.",
            "nour-al-din-al-zenki",
            "hayat-tahrir-al-sham",
            "ahrar-al-sham",
        ),
        (
            "The Amal Movement, an ally of Hezbollah, clashed with the Lebanese Forces in Beirut.",
            "amal-movement",
            "hezbollah",
            "lebanese-forces",
        ),
    ],
)
def test_object_of_an_appositive_relational_noun_is_no_party_to_the_clause(run, text, holder, hidden, target):
    doc = run(text)
    got = ties(doc)
    assert not any(r.type == "hostility" and {r.source, r.target} == {hidden, target} for r in doc.relations)
    assert any(holder in (s, t) and hidden in (s, t) for _, s, t in got)


@pytest.mark.parametrize(
    ("text", "member", "group"),
    [
        (
            "The Popular Mobilization Forces, which Kataib Hezbollah belongs to, stayed out of the fight.",
            "kataib-hezbollah",
            "popular-mobilization-forces",
        ),
        (
            "Hayat Tahrir al-Sham, to which Nour al-Din al-Zenki once belonged, took the town.",
            "nour-al-din-al-zenki",
            "hayat-tahrir-al-sham",
        ),
        (
            "The Syrian Democratic Forces, to which the YPG belongs, hold Raqqa.",
            "ypg",
            "syrian-democratic-forces",
        ),
    ],
)
def test_belong_to_a_relative_pronoun_ties_the_member_to_the_antecedent(run, text, member, group):
    assert ("affiliation", member, group) in ties(run(text))


@pytest.mark.parametrize(
    ("text", "patron", "client"),
    [
        ("Backed by Rwandan soldiers, the Mozambican army retook the port.", "rwanda", "mozambique"),
        ("Armed by Iran, the Houthis have attacked Saudi oil facilities for years.", "iran", "houthis"),
        ("Supported by Turkish drones, the Syrian National Army advanced on Manbij.", "turkey", "syrian-national-army"),
    ],
)
def test_opening_support_participle_makes_the_main_subject_the_client(run, text, patron, client):
    doc = run(text)
    assert ("support", patron, client) in ties(doc)
    assert not any(r.type == "hostility" and patron in (r.source, r.target) for r in doc.relations)


@pytest.mark.parametrize(
    ("text", "patrons", "client"),
    [
        ("The Shammar militia, with backing from the Peshmerga, cleared the road to Rabia.", ["peshmerga"], "shammar"),
        ("Hezbollah, with help from Iran and Syria, rebuilt its arsenal.", ["iran", "syria"], "hezbollah"),
        ("The Syrian army, with support from Russia, pushed into the eastern suburbs.", ["russia"], "syria"),
    ],
)
def test_support_noun_on_the_subject_phrase_makes_the_subject_the_client(run, text, patrons, client):
    got = ties(run(text))
    for p in patrons:
        assert ("support", p, client) in got


@pytest.mark.parametrize(
    ("text", "patron", "client"),
    [
        ("The Hadi government, with Emirati help, sent brigades to fight the Houthis near Marib.",
         "united-arab-emirates", "yemen"),
        ("Kurdish fighters, with American air support, drove the jihadists out of Kobani.", "united-states", "ypg"),
        ("The Malian army retook the town of Konna with France's help.", "france", "mali"),
    ],
)
def test_a_patron_named_as_the_modifier_of_a_support_noun_backs_the_subject(run, text, patron, client):
    doc = run(text)
    assert ("support", patron, client) in ties(doc)
    # the helper is no party to the clause's fight by the nearness of a cue word
    assert not any(r.method == "between" and patron in (r.source, r.target) for r in doc.relations)


@pytest.mark.parametrize(
    ("text", "group", "members"),
    [
        ("The Northern Alliance, whose members are Junbish-i-Milli and Hezb-e Islami, fought the Taliban.",
         "northern-alliance", ["junbish-e-milli"]),
        ("Hezbollah said its members include Amal and the Syrian Social Nationalist Party.",
         "hezbollah", ["amal", "syrian-social-nationalist-party"]),
        ("The Syrian Democratic Forces, whose components are the YPG and the Sanadid Forces, took Raqqa.",
         "syrian-democratic-forces", ["ypg"]),
    ],
)
def test_members_named_as_the_subject_of_be_or_include_belong_to_the_possessor(run, text, group, members):
    got = ties(run(text))
    for m in members:
        assert ("affiliation", m, group) in got


def test_members_of_an_unnamed_group_are_no_party_to_its_clause(run):
    doc = run("The front, whose members include the Kachin Independence Army and the Arakan Army, captured the town.")
    assert not any(r.type == "hostility" for r in doc.relations)
    assert not any(r.type == "affiliation" for r in doc.relations), "an unnamed group gives no membership"


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("The Popular Mobilization Forces, acting jointly with Kurdish Peshmerga units, took a hamlet south of Mosul.",
         ("popular-mobilization-forces", "peshmerga")),
        ("Hamas fired rockets at Israel in coordination with Islamic Jihad.", ("hamas", "palestinian-islamic-jihad")),
        ("The Kurdistan Workers' Party, together with the YPG, defended the mountain.", ("pkk", "ypg")),
        ("Al-Shabaab operated in tandem with Hizbul Islam in Mogadishu.", ("al-shabaab", "hizbul-islam")),
    ],
)
def test_acting_jointly_with_a_partner_is_an_alliance_and_no_fight(run, text, pair):
    doc = run(text)
    got = {(r.type, frozenset((r.source, r.target))) for r in doc.relations}
    assert ("alliance", frozenset(pair)) in got
    assert ("hostility", frozenset(pair)) not in got


@pytest.mark.parametrize(
    ("text", "partner", "enemy"),
    [
        ("Somali troops, together with AMISOM forces, attacked al-Shabaab near Barawe.", "amisom", "al-shabaab"),
        ("The SDF stormed Islamic State positions in Raqqa, Syria, in coordination with the Iraqi army.", "iraq",
         "islamic-state"),
        ("Wagner mercenaries fought the rebels alongside Malian troops near Kidal.", "mali", "generic-rebels"),
    ],
)
def test_a_partner_in_a_joint_attack_is_hostile_to_its_target(run, text, partner, enemy):
    doc = run(text)
    hostile = {frozenset((r.source, r.target)) for r in doc.relations if r.type == "hostility"}
    assert frozenset((partner, enemy)) in hostile
    assert not any(r.type in ("alliance", "support") and enemy in (r.source, r.target) for r in doc.relations)


@pytest.mark.parametrize(
    ("text", "fighter", "enemy"),
    [
        ("Clan militias fought al-Shabaab alongside the Somali army in Hiraan.", None, "al-shabaab"),
        ("Ma'awisley fighters fought al-Shabaab alongside the Somali National Army.", "macawisley", "al-shabaab"),
        ("Russian instructors fought the rebels beside Malian soldiers near Kidal.", None, "generic-rebels"),
    ],
)
def test_the_object_of_fighting_alongside_a_partner_is_the_enemy(run, text, fighter, enemy):
    doc = run(text)
    assert not any(e.plover == "COOPERATE" and enemy in (e.actor1, e.actor2) for e in doc.events)
    assert not any(r.type == "alliance" and enemy in (r.source, r.target) for r in doc.relations)
    if fighter:
        assert ("hostility", fighter, enemy) in ties(doc)


@pytest.mark.parametrize(
    "text",
    [
        "In Iraq, Shiite militias, acting together with Kurdish units, took back two villages from the Islamic State.",
        "Government troops took back Marawi from the Maute group after five months.",
        "The Houthis later took back the port of Hodeidah from the Giants Brigades.",
    ],
)
def test_the_particle_of_took_back_is_no_support(run, text):
    assert not any(r.type == "support" for r in run(text).relations)


def test_acting_in_coordination_under_negation_gives_no_alliance(run):
    doc = run("The Lebanese army was not acting in coordination with Hezbollah, officials said.")
    assert not any(r.type == "alliance" for r in doc.relations)


@pytest.mark.parametrize(
    ("text", "member", "group"),
    [
        ("Kataib Hezbollah fought as members of the Hashd al-Shaabi near Mosul.",
         "kataib-hezbollah", "popular-mobilization-forces"),
        ("Kataib Hezbollah fought as part of the Popular Mobilization Forces against the Islamic State.",
         "kataib-hezbollah", "popular-mobilization-forces"),
        ("Kataib Hezbollah operated as a component of the Popular Mobilization Forces.",
         "kataib-hezbollah", "popular-mobilization-forces"),
    ],
)
def test_acting_as_a_member_of_a_group_is_membership_and_no_fight_with_it(run, text, member, group):
    doc = run(text)
    assert ("affiliation", member, group) in ties(doc)
    assert not any(r.type == "hostility" and group in (r.source, r.target) for r in doc.relations)


@pytest.mark.parametrize(
    ("text", "left", "right"),
    [
        ("Ma'awisley militiamen joined raids alongside AMISOM troops and the Somali army.",
         "macawisley", ["amisom", "somalia"]),
        ("Hezbollah fought alongside the Syrian army and Iran in Qusayr.", "hezbollah", ["syria", "iran"]),
        ("The YPG battled beside the Peshmerga and the PKK on Mount Sinjar.", "ypg", ["peshmerga", "pkk"]),
    ],
)
def test_every_partner_listed_after_alongside_is_an_ally(run, text, left, right):
    got = {(r.type, frozenset((r.source, r.target))) for r in run(text).relations}
    for other in right:
        assert ("alliance", frozenset((left, other))) in got


@pytest.mark.parametrize(
    ("text", "left", "right", "owner"),
    [
        ("The YPG battled beside the Peshmerga, the PKK and Turkey's Kurdish rivals on Mount Sinjar.", "ypg",
         {"peshmerga", "pkk"}, "turkey"),
        ("Hezbollah fought alongside the Syrian army, the Houthis and Israel's foes in the south.", "hezbollah",
         {"syria", "houthis"}, "israel"),
        ("Ma'awisley fighters battled beside the Somali army, AMISOM and al-Shabaab's enemies in Hiran.",
         "macawisley", {"somalia", "amisom"}, "al-shabaab"),
    ],
)
def test_a_last_item_named_by_its_tie_to_another_is_not_that_other(run, text, left, right, owner):
    got = {frozenset((r.source, r.target)) for r in run(text).relations if r.type == "alliance"}
    assert {frozenset((left, other)) for other in right} <= got
    assert frozenset((left, owner)) not in got


def test_a_last_item_owned_by_a_state_is_that_state(run):
    rels = run("Wagner fought alongside the LNA, the RSF and Egypt's air force near Tripoli.").relations
    got = {frozenset((r.source, r.target)) for r in rels if r.type == "alliance"}
    assert frozenset(("wagner-group", "egypt")) in got


@pytest.mark.parametrize(
    ("text", "outsider"),
    [
        ("UN peacekeepers will help monitor the truce alongside a committee chaired by a U.S. general.",
         "united-states"),
        ("Somali police worked beside a unit headed by a U.S. colonel.", "united-states"),
        ("Iraqi troops advanced alongside a brigade led by an Iranian general.", "iran"),
    ],
)
def test_an_actor_in_a_clause_describing_the_partner_is_no_ally(run, text, outsider):
    assert not any(r.type == "alliance" and outsider in (r.source, r.target) for r in run(text).relations)


@pytest.mark.parametrize(
    ("text", "outsider"),
    [
        ("Rwanda keeps troops in Bangui alongside its contingent in the UN force.", "united-nations"),
        ("Kenya deployed police to Haiti alongside its soldiers serving with AMISOM.", "amisom"),
        ("Egypt sent jets to Libya alongside its advisers attached to the LNA.", "libyan-national-army"),
    ],
)
def test_the_subjects_own_unit_named_after_alongside_is_no_partner(run, text, outsider):
    assert not any(r.type == "alliance" and outsider in (r.source, r.target) for r in run(text).relations)


@pytest.mark.parametrize(
    ("text", "members", "group"),
    [
        ("The PMF, which Kataib Hezbollah and the Badr Organization belong to, stayed out of the fighting.",
         ["kataib-hezbollah", "badr-organization"], "popular-mobilization-forces"),
        ("Ahrar al-Sham and Jaysh al-Islam joined the Islamic Front in 2013.",
         ["ahrar-al-sham", "jaysh-al-islam"], "islamic-front"),
        ("Both Hamas and Islamic Jihad are affiliated with the Muslim Brotherhood, he wrote.",
         ["hamas"], "muslim-brotherhood"),
    ],
)
def test_coordinated_subjects_of_a_tie_verb_each_get_the_tie(run, text, members, group):
    got = ties(run(text))
    for m in members:
        assert ("affiliation", m, group) in got


@pytest.mark.parametrize(
    ("text", "member", "group"),
    [
        ("The Sultan Murad Division fought in Afrin within the ranks of the SNA.",
         "sultan-murad-division", "syrian-national-army"),
        ("Jund al-Aqsa fought under the banner of Hayat Tahrir al-Sham in Hama.",
         "jund-al-aqsa", "hayat-tahrir-al-sham"),
        ("Kataib Hezbollah fought within the Popular Mobilization Forces against the Islamic State.",
         "kataib-hezbollah", "popular-mobilization-forces"),
    ],
)
def test_fighting_inside_a_group_is_membership_and_no_fight_with_it(run, text, member, group):
    doc = run(text)
    assert ("affiliation", member, group) in ties(doc)
    assert not any(r.type == "hostility" and group in (r.source, r.target) for r in doc.relations)
    assert group not in event_parties(doc)


def test_operating_within_a_country_is_no_membership(run):
    doc = run("Wagner fighters operated within Mali for years.")
    assert not any(r.type == "affiliation" for r in doc.relations)


def test_a_union_declared_within_a_group_stays_a_merger_into_it(run):
    doc = run("Ahrar al-Sham and the Zenki movement proclaimed their merger within the National Front for Liberation.")
    assert any(r.method == "change:merger-noun" for r in doc.relations)
    assert all(r.method != "member-place" for r in doc.relations)


@pytest.mark.parametrize(
    ("text", "member", "lord"),
    [
        ("The People's Defence Forces answer to the National Unity Government.",
         "peoples-defence-force-myanmar", "national-unity-government"),
        ("Al-Shabaab is loyal to al-Qaeda.", "al-shabaab", "al-qaeda"),
        ("The Tripoli Revolutionaries Brigade, loyal to the Government of National Accord, clashed with the "
         "Nawasi Brigade.", "tripoli-revolutionaries-brigade", "libya"),
    ],
)
def test_allegiance_to_a_group_is_membership_and_its_lord_no_party_to_the_clause(run, text, member, lord):
    doc = run(text)
    assert ("affiliation", member, lord) in ties(doc)
    assert not any(r.type == "hostility" and lord in (r.source, r.target) for r in doc.relations)


@pytest.mark.parametrize(
    ("text", "first", "lord"),
    [
        ("Clashes broke out in Sanaa between the Houthis and forces loyal to Saleh.", "houthis", "saleh"),
        ("The SDF and fighters loyal to Damascus clashed near Manbij.", "syrian-democratic-forces", "syria"),
        ("Al-Shabaab and militiamen loyal to the Jubaland leader fought for control of the port.", "al-shabaab",
         "jubaland"),
    ],
)
def test_loyal_to_after_a_coordinated_noun_is_that_nouns_allegiance_not_the_first_conjuncts(run, text, first, lord):
    assert not any(t == "affiliation" and src == first for t, src, _ in ties(run(text)))


def test_denied_allegiance_gives_no_membership(run):
    doc = run("Hezbollah is not loyal to Syria, the cleric insisted.")
    assert not any(r.type == "affiliation" for r in doc.relations)


def test_unnamed_forces_loyal_to_a_group_keep_their_backer(run):
    doc = run("Haftar's troops were beaten by Turkey-backed fighters loyal to the Government of National Accord.")
    assert any(r.type == "support" and r.source == "turkey" for r in doc.relations)


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("Corneille Nangaa announced on Friday that he was forming a new rebel alliance together with M23 leaders.",
         ("corneille-nangaa", "m23")),
        ("Hemedti announced that he had formed a coalition together with the SPLM-North.", ("hemedti", "splm-north")),
        ("Ahrar al-Sham said it would fight together with Jaysh al-Islam in Eastern Ghouta.",
         ("ahrar-al-sham", "jaysh-al-islam")),
    ],
)
def test_a_speaker_acting_together_with_a_partner_is_its_ally(run, text, pair):
    got = {(r.type, frozenset((r.source, r.target))) for r in run(text).relations}
    assert ("alliance", frozenset(pair)) in got


@pytest.mark.parametrize(
    "text",
    [
        "Our common fight against Daesh will be helped by Syrians agreeing on a settlement.",
        "The campaign against the Houthis was funded by Saudi donors.",
        "The war on al-Shabaab is backed by Kenyan troops.",
    ],
)
def test_a_name_inside_a_supported_noun_phrase_is_not_the_client(run, text):
    doc = run(text)
    assert not any(r.type == "support" and r.method == "support-participle" for r in doc.relations)


@pytest.mark.parametrize(
    ("text", "backer", "enemy"),
    [
        ("Colombian troops, aided by American advisers, retook the town of Tame from the ELN on Monday.",
         "american-adviser", "eln"),
        ("Backed by Turkish drones, the Syrian National Army attacked YPG positions near Manbij.", "turkey", "ypg"),
        ("Somali government forces, with the backing of Kenyan troops, attacked al-Shabaab bases near Kismayo.",
         "kenya", "al-shabaab"),
    ],
)
def test_a_patron_of_the_attacker_in_the_clause_is_a_side_in_the_attack(run, text, backer, enemy):
    doc = run(text)
    assert (backer, enemy) in {(r.source, r.target) for r in doc.relations
                               if r.type == "hostility" and r.method == "backed-attack"}
    assert backer in {r.source for r in doc.relations if r.type == "support"}


@pytest.mark.parametrize(
    "text",
    [
        "Tribal fighters, with support from Kurdish units, retook a small Iraqi hamlet on Friday.",
        "Backed by Russian jets, Syrian troops shelled a Turkish observation post's outskirts.",
        "Malian soldiers, aided by Russian instructors, raided a Burkinabe village near the border.",
    ],
)
def test_a_nationality_on_a_place_is_no_side_for_the_attackers_patron(run, text):
    assert not [r for r in run(text).relations if r.method == "backed-attack"]


@pytest.mark.parametrize(
    ("text", "rtype", "pair"),
    [
        ("Ansar Dine, a group linked to al-Qaeda, controlled Kidal.", "affiliation", ("ansar-dine", "al-qaeda")),
        ("Jund al-Aqsa, a faction allied with Hayat Tahrir al-Sham, was dissolved.", "alliance",
         ("jund-al-aqsa", "hayat-tahrir-al-sham")),
        ("Boko Haram, an insurgency affiliated with the Islamic State for a time, split in 2016.", "affiliation",
         ("boko-haram", "islamic-state")),
    ],
)
def test_a_reduced_relative_clause_ties_the_name_it_describes(run, text, rtype, pair):
    doc = run(text)
    assert pair in {(r.source, r.target) for r in doc.relations if r.type == rtype}


@pytest.mark.parametrize(
    ("text", "pair", "outsider"),
    [
        ("The Ta'ang National Liberation Army agreed a ceasefire with Myanmar's military government at talks "
         "in Kunming.", ("tnla", "myanmar"), None),
        ("China brokered a truce between the MNDAA and the Myanmar army in January.", ("mndaa", "myanmar"), "china"),
        ("The Houthis and the Saudi-led coalition declared a truce in April 2022.",
         ("houthis", "saudi-led-coalition"), None),
        ("Qatar urged Hamas to accept a ceasefire with Israel.", ("hamas", "israel"), "qatar"),
    ],
)
def test_the_sides_of_a_truce_are_enemies_and_its_broker_is_no_side(run, text, pair, outsider):
    doc = run(text)
    truce = [r for r in doc.relations if r.method == "truce"]
    assert {frozenset(pair)} == {frozenset((r.source, r.target)) for r in truce}
    assert all(r.type == "hostility" and r.status == "current" for r in truce)
    assert outsider is None or all(outsider not in (r.source, r.target) for r in truce)


def test_a_refused_truce_still_presupposes_the_fighting(run):
    doc = run("The Arakan Army refused to sign a truce with the Myanmar army.")
    assert [(r.source, r.target, r.certainty) for r in doc.relations if r.method == "truce"] == [
        ("arakan-army", "myanmar", "asserted")]


@pytest.mark.parametrize(
    ("text", "member", "group"),
    [
        ("The Giants Brigades fought within the Saudi-led coalition in Yemen.", "giants-brigades",
         "saudi-led-coalition"),
        ("The Giants Brigades, operating within the Saudi-led coalition, drove the Houthis from Shabwa.",
         "giants-brigades", "saudi-led-coalition"),
        ("Ahrar al-Sham operated within the Army of Conquest in Idlib.", "ahrar-al-sham", "jaysh-al-fatah"),
    ],
)
def test_fighting_within_a_coalition_is_membership_and_no_fight_with_it(run, text, member, group):
    doc = run(text)
    assert (member, group) in {(r.source, r.target) for r in doc.relations if r.type == "affiliation"}
    assert frozenset((member, group)) not in {frozenset((r.source, r.target)) for r in doc.relations
                                              if r.type == "hostility"}
    assert all(group not in (e.actor1, e.actor2) for e in doc.events)


@pytest.mark.parametrize(
    ("text", "patron", "client", "place"),
    [
        ("Rwanda's deployment in Mozambique was funded by the European Union.", "european-union", "rwanda",
         "mozambique"),
        ("The Wagner Group's operations in Mali were financed by Russia.", "russia", "wagner-group", "mali"),
        ("The Houthis' missile programme in Yemen is supplied by Iran.", "iran", "houthis", "yemen"),
    ],
)
def test_a_passive_support_verb_supports_what_its_subject_names_not_a_place_inside_it(
    run, text, patron, client, place
):
    got = {(r.source, r.target) for r in run(text).relations if r.type == "support"}
    assert (patron, client) in got
    assert (patron, place) not in got


@pytest.mark.parametrize(
    ("text", "rtype", "pair", "bystander_event"),
    [
        ("The YPG, a key US ally, fought the Islamic State in Raqqa.", "alliance", ("ypg", "united-states"),
         "islamic-state"),
        ("Hezbollah, an Iran proxy, attacked Israeli positions.", "support", ("iran", "hezbollah"), "israel"),
        ("Ahrar al-Sham, a Nusra rival, shelled regime checkpoints near Hama.", "hostility",
         ("ahrar-al-sham", "jabhat-al-nusra"), "syria"),
    ],
)
def test_a_proper_noun_before_a_relational_noun_names_the_other_side_of_its_tie(
    run, text, rtype, pair, bystander_event
):
    doc = run(text)
    assert pair in {(r.source, r.target) for r in doc.relations if r.type == rtype and r.method == "noun-cue"}
    other = pair[1] if rtype != "support" else pair[0]
    # the tie's other side takes no part in the clause's event
    assert all(other not in (e.actor1, e.actor2) for e in doc.events)
    assert frozenset((other, bystander_event)) not in {frozenset((r.source, r.target)) for r in doc.relations}



@pytest.mark.parametrize(
    ("text", "pronoun", "subject"),
    [
        ("The militia left the pact and later fought them.", "them", "militia"),  # subject shared by conjuncts
        ("Both factions vowed to crush them within a month.", "them", "factions"),  # the infinitive's subject
        ("Government troops clashed with them near the dam.", "them", "troops"),  # object of a preposition
        ("Their commander resigned.", "Their", None),  # a possessive is no object
        ("The two armies have trained many of them since 2021.", "them", "armies"),  # a part of the referents
        ("Rebel units captured dozens of them near the border.", "them", "units"),
        ("The junta executed some of them last year.", "them", "junta"),
    ],
)
def test_clause_subject_of_an_object_is_the_subject_its_verb_takes(nlp, text, pronoun, subject):
    from factiongraph.frames import clause_subject

    tok = next(t for t in nlp(text) if t.text == pronoun)
    found = clause_subject(tok)
    assert (found.text if found is not None else None) == subject


@pytest.mark.parametrize(
    ("text", "part", "whole"),
    [
        ("The TMVP, a splinter faction of the Tamil Tigers, held Batticaloa.", "tmvp",
         "liberation-tigers-of-tamil-eelam"),
        ("Jund al-Aqsa, a splinter faction of Jabhat al-Nusra, clashed with Ahrar al-Sham.", "jund-al-aqsa",
         "jabhat-al-nusra"),
        ("Ansaru, a dissident faction of Boko Haram, kidnapped seven foreigners in 2013.", "ansaru", "boko-haram"),
        ("Jamaat-ul-Ahrar, a breakaway faction of the Pakistani Taliban, claimed the raid.", "jamaat-ul-ahrar",
         "tehrik-i-taliban-pakistan"),
    ],
)
def test_a_breakaway_faction_was_a_part_of_its_whole(run, text, part, whole):
    found = {(r.source, r.target): r.status for r in run(text).relations if r.type == "affiliation"}
    assert found == {(part, whole): "former"}


@pytest.mark.parametrize(
    ("text", "subject", "owner"),
    [
        ("Jabhat al-Nusra crushed a faction of the Free Syrian Army in Idlib.", "jabhat-al-nusra", "free-syrian-army"),
        ("Hezbollah trained a wing of the Houthis.", "hezbollah", "houthis"),
        ("Ahrar al-Sham absorbed a faction of Jaysh al-Islam last spring.", "ahrar-al-sham", "jaysh-al-islam"),
    ],
)
def test_the_subject_of_a_verb_is_not_the_part_its_object_names(run, text, subject, owner):
    assert ("affiliation", subject, owner) not in ties(run(text))


@pytest.mark.parametrize(
    ("text", "patron", "client"),
    [
        ("Iran, the Houthis' main backer, denied the charge on Monday.", "iran", "houthis"),
        ("Turkey, the main foreign backer of the Government of National Unity, sent drones.", "turkey", "libya"),
        ("The UAE, the RSF's main arms supplier, rejected the report.", "united-arab-emirates",
         "rapid-support-forces"),
    ],
)
def test_the_holder_of_a_patron_noun_backs_the_other_side(run, text, patron, client):
    assert ("support", patron, client) in {(r.type, r.source, r.target) for r in run(text).relations}


def test_a_supplier_of_something_other_than_arms_backs_no_one(run):
    doc = run("Qatar, the main gas supplier of Egypt, objected to the plan.")
    assert not any(r.type == "support" for r in doc.relations)


@pytest.mark.parametrize(
    "text",
    [
        "The M23, made up largely of Tutsi officers who deserted the Congolese army, seized Goma.",
        "The Twirwaneho militia is composed mostly of Banyamulenge herders.",
        "Ansar Dine, made up mainly of Tuareg fighters, took Timbuktu.",
    ],
)
def test_what_a_group_is_made_of_told_by_a_description_is_no_member_body(run, text):
    assert not any(t == "affiliation" for t, _, _ in ties(run(text)))


def test_named_groups_a_group_is_made_of_are_still_its_members(run):
    got = ties(run("Jaish al-Fatah, made up of Nusra and Ahrar al-Sham, took Idlib in 2015."))
    members = {("affiliation", "jabhat-al-nusra", "jaysh-al-fatah"), ("affiliation", "ahrar-al-sham", "jaysh-al-fatah")}
    assert members <= got


@pytest.mark.parametrize(
    ("text", "member", "body"),
    [
        ("Kenyan soldiers serve in the African Union mission AMISOM.", "kenya", "amisom"),
        ("Burundian troops have served in AMISOM since 2007.", "burundi", "amisom"),
        ("Ethiopian units serve within AMISOM in the Bay region.", "ethiopia", "amisom"),
    ],
)
def test_serving_in_a_named_force_is_membership(run, text, member, body):
    assert ("affiliation", member, body) in ties(run(text))


@pytest.mark.parametrize(
    ("text", "members", "body"),
    [
        ("The Popular Mobilisation Forces, including Kataib Hezbollah and the Badr Organisation, entered the city.",
         {"kataib-hezbollah", "badr-organization"}, "popular-mobilization-forces"),
        ("The Saudi-led coalition, including the UAE and Sudan, bombed Hodeidah.", {"united-arab-emirates", "sudan"},
         "saudi-led-coalition"),
        ("The Multinational Joint Task Force, including Chad and Niger, retook the islands.", {"chad", "niger"},
         "mnjtf"),
    ],
)
def test_a_named_body_including_named_members_has_them_as_members(run, text, members, body):
    assert {("affiliation", m, body) for m in members} <= ties(run(text))


@pytest.mark.parametrize(
    "text",
    [
        "Rebel groups, including Ahrar al-Sham, shelled the town.",
        "Attacks by several groups, including Boko Haram, killed dozens.",
        "Western states, including France, condemned the coup.",
    ],
)
def test_an_unnamed_set_including_a_named_group_gives_no_membership(run, text):
    assert not any(t == "affiliation" for t, _, _ in ties(run(text)))


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("Malian soldiers and their Russian allies from the Wagner Group raised the flag over Kidal.",
         {"mali", "wagner-group"}),
        ("The army and its allies from the Wazalendo militias retook Sake.", {"dr-congo", "wazalendo"}),
        ("Hamas and its allies from Islamic Jihad fired rockets at Israel.", {"hamas", "palestinian-islamic-jihad"}),
    ],
)
def test_allies_from_a_named_group_are_that_group(run, text, pair):
    assert any(t == "alliance" and {src, tgt} == pair for t, src, tgt in ties(run(text)))


def test_allies_in_a_country_are_not_its_state(run):
    assert not any(t == "alliance" for t, _, _ in ties(run("Iran's allies in Iraq fired rockets at the base.")))


@pytest.mark.parametrize(
    ("text", "patron", "client"),
    [
        ("Yemeni troops were reinforced by militiamen of the Islah party.", "islah", "yemen"),
        ("Hezbollah fighters reinforced the Syrian army near Qusayr.", "hezbollah", "syria"),
        ("Chadian troops reinforced the Malian army in Kidal.", "chad", "mali"),
    ],
)
def test_fighters_reinforcing_another_armed_party_back_it(run, text, patron, client):
    assert [(s, t) for rtype, s, t in ties(run(text)) if rtype == "support"] == [(patron, client)]


@pytest.mark.parametrize(
    "text",
    [
        "The army reinforced its positions around Aden on Monday.",
        "The bombing by the Islamic State reinforces the resolve of the coalition, the Pentagon said.",
    ],
)
def test_reinforcing_a_position_or_a_resolve_backs_nobody(run, text):
    assert not [t for t in ties(run(text)) if t[0] == "support"]


@pytest.mark.parametrize(
    ("text", "kept", "absent"),
    [
        ("Libya has two rival assemblies: the House of Representatives, which sits in Tobruk and backs Haftar, and "
         "the General National Congress, which sits in Tripoli.", ("house-of-representatives", "haftar"),
         "general-national-congress"),
        ("The region has two armed parties, the KDP, which Turkey supports, and the PUK, which is close to Iran.",
         ("turkey", "kurdistan-democratic-party"), "patriotic-union-of-kurdistan"),
        ("Syria has two rival rebel blocs, the Syrian National Army, which backs Turkey's campaign, and the Syrian "
         "Democratic Forces, which America arms.", ("syrian-national-army", "turkey"), "syrian-democratic-forces"),
    ],
)
def test_a_relative_clause_describes_its_own_item_of_a_list_only(run, text, kept, absent):
    """"A, which backs Y, and B, which ...": the clause's tie is A's, not B's, however the parser joined them."""
    doc = run(text)
    support = {(s, t) for rtype, s, t in ties(doc) if rtype == "support"}
    assert kept in support
    assert not any(absent in pair and set(kept) & set(pair) for pair in support)


@pytest.mark.parametrize(
    ("text", "group", "enemy"),
    [
        ("The AUC was founded in 1997 to fight leftist guerrillas. In the years that followed, its gunmen battled "
         "the FARC across the countryside.", "auc", "farc"),
        ("The LRA left Uganda in 2005, and its gunmen later attacked Congolese troops near Dungu.",
         "lords-resistance-army", "dr-congo"),
        ("Hizbul Islam took Afgoye in 2009; its gunmen then fought AMISOM troops in Mogadishu.", "hizbul-islam",
         "amisom"),
    ],
)
def test_a_groups_gunmen_named_by_its_pronoun_are_the_group(run, text, group, enemy):
    got = {(s, t) for rtype, s, t in ties(run(text)) if rtype == "hostility"}
    assert (group, enemy) in got
    assert not any(s.startswith("generic-") for s, _ in got)
