"""Definite descriptions ("the militant group", "the jihadists") refer back to the one fitting group named
just before them, and become that actor's mentions (so relations can take them for endpoints)."""

from __future__ import annotations

import datetime as dt

import pytest

from factiongraph.document import Document
from factiongraph.pipeline import extract


def described(doc: Document) -> dict[str, list[str]]:
    """Actor id -> the texts of its description mentions (coreference starting with "the")."""
    out: dict[str, list[str]] = {}
    for a in doc.actors:
        for m in a.mentions:
            if m.how == "coref" and m.text.lower().startswith("the "):
                out.setdefault(a.id, []).append(m.text)
    return out


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Boko Haram raided a market in Borno. The jihadists burned shops before fleeing.",
         {"boko-haram": ["The jihadists"]}),
        ("The Arakan Army seized a police post near the coast. The rebel militia said it lost two fighters.",
         {"arakan-army": ["The rebel militia"]}),
        ("The Southern Transitional Council took Aden. The separatist movement's leader then flew to Riyadh.",
         {"southern-transitional-council": ["The separatist movement"]}),
    ],
)
def test_a_description_refers_to_the_one_fitting_group_named_before_it(resolve, text, expected):
    assert described(resolve(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The National Liberation Front held talks in Doha. The front said the truce would hold.",
         {"national-liberation-front": ["The front"]}),
        ("The Kurdistan Democratic Party met its rivals in Erbil. The party rejected the proposal.",
         {"kurdistan-democratic-party": ["The party"]}),
        ("The Southern Transitional Council met in Aden on Monday. The council then named a new governor.",
         {"southern-transitional-council": ["The council"]}),
    ],
)
def test_a_description_by_the_head_noun_of_a_name_refers_to_that_name(resolve, text, expected):
    assert described(resolve(text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Hamas and Islamic Jihad fired rockets at Sderot. The militant group said it targeted troops.",
        "Ahrar al-Sham and Jaish al-Islam exchanged fire near Douma. The armed group withdrew.",
        "The Taliban and Hezb-e-Islami fought near Kunduz. The militant group lost ten men.",
    ],
)
def test_two_fitting_groups_in_the_nearest_sentence_leave_a_description_unresolved(resolve, text):
    assert described(resolve(text)) == {}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Three Brotherhood Alliance opened an offensive in October. The alliance, whose members include "
         "the Arakan Army, has since taken dozens of towns.", {"three-brotherhood-alliance": ["The alliance"]}),
        ("Boko Haram raided a market in Borno. The jihadists, who arrived on motorbikes, burned the stalls.",
         {"boko-haram": ["The jihadists"]}),
        ("The Southern Transitional Council took Aden in 2019. The council, which the UAE backs, then named a "
         "governor.", {"southern-transitional-council": ["The council"]}),
    ],
)
def test_a_description_with_a_non_restrictive_relative_clause_still_refers_back(resolve, text, expected):
    assert described(resolve(text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Boko Haram raided a market in Borno. The jihadists that attacked the camp were never identified.",
        "The Arakan Army seized a police post. The militia that held the bridge later withdrew.",
        "Al-Shabaab shelled the port. The group which claimed the bombing is still unknown.",
    ],
)
def test_a_description_with_a_restrictive_relative_clause_stays_unresolved(resolve, text):
    assert described(resolve(text)) == {}


@pytest.mark.parametrize(
    "text",
    [
        "Al-Shabaab ambushed the faction in Baidoa.",
        "The Kachin Independence Army warned the armed group against crossing the river.",
        "Fano fighters ambushed the militia near Gondar.",
    ],
)
def test_a_description_never_refers_to_a_name_in_its_own_clause(resolve, text):
    assert described(resolve(text)) == {}


@pytest.mark.parametrize(
    "text",
    [
        "Hayat Tahrir al-Sham expelled a rival. The other faction withdrew to Afrin.",
        "Ansar Dine stormed the town. The new group then claimed the attack.",
        "Boko Haram attacked a camp near Maiduguri. The rival group later denied any role.",
    ],
)
def test_a_description_marked_as_another_group_is_not_resolved_back(resolve, text):
    assert described(resolve(text)) == {}


@pytest.mark.parametrize(
    "text",
    [
        "The Arakan Army seized Paletwa. The factions then agreed a ceasefire.",
        "Boko Haram raided Gwoza last week. The militias have since regrouped.",
        "Al-Shabaab shelled Mogadishu. The two groups later exchanged prisoners, and the militants withdrew.",
    ],
)
def test_a_plural_description_of_several_groups_is_not_one_group(resolve, text):
    assert described(resolve(text)) == {}


@pytest.mark.parametrize(
    ("text", "pair", "description"),
    [
        ("Hezbollah fired rockets at Israeli positions. Israel struck back at the militant group overnight.",
         {"israel", "hezbollah"}, "the militant group"),
        ("The Houthis shelled Marib on Sunday. Saudi jets then bombed the rebel movement's bases.",
         {"saudi-arabia", "houthis"}, "the rebel movement"),
        ("The Taliban overran a district centre in Helmand. Afghan troops later attacked the insurgent group.",
         {"afghanistan", "taliban"}, "the insurgent group"),
    ],
)
def test_a_resolved_description_is_a_relation_endpoint(pipeline, text, pair, description):
    doc = extract(text, pipeline=pipeline)
    assert description in [m.text for a in doc.actors for m in a.mentions]
    assert any(r.type == "hostility" and {r.source, r.target} == pair for r in doc.relations)


@pytest.mark.parametrize(
    ("text", "group"),
    [
        ("Jaish al-Nasr al-Mubin shelled the base. The group lost two men.", "jaish-al-nasr-al-mubin"),
        ("Kataib Abu Fadl al-Abbas took the village. The group said it lost a commander.", "kataib-abu-fadl-al-abbas"),
        ("Liwa Abu Bakr al-Siddiq stormed the post. The group later withdrew.", "liwa-abu-bakr-al-siddiq"),
    ],
)
def test_a_group_name_the_tagger_took_for_a_person_is_an_armed_group_a_description_names(resolve, text, group):
    doc = resolve(text)
    assert {a.id: a.kind for a in doc.actors}[group] == "rebel"
    assert described(doc) == {group: ["The group"]}


@pytest.mark.parametrize(
    "text",
    [
        "In Myanmar, People's Defence Forces loyal to the shadow government attacked a police post.",
        "Syrian rebels in Idlib answer to the exiled government, not to Damascus.",
        "In Libya, the rival government in the east rejected the plan on Monday.",
    ],
)
def test_a_shadow_exiled_or_rival_government_is_not_the_state_in_power(resolve, text):
    doc = resolve(text)
    for a in doc.actors:
        assert all(m.text.lower().split()[-1] != "government" for m in a.mentions), (a.id, a.mentions)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Fano has fought the federal army since 2023. Eritrea, whose troops also fought the TPLF, denies arming the "
         "militia.", {"fano": ["the militia"]}),
        ("ISWAP raided Monguno on Friday. Chad, whose army fought Boko Haram in 2020, blamed the group.",
         {"islamic-state-west-africa": ["the group"]}),
        ("The Giants Brigades took Shabwa last year. The UAE, which trained the Hadrami Elite Forces, denies funding "
         "the group.", {"giants-brigades": ["the group"]}),
    ],
)
def test_a_name_in_a_clause_describing_another_phrase_is_no_antecedent_of_a_description(resolve, text, expected):
    assert described(resolve(text, dt.date(2024, 1, 1))) == expected


@pytest.mark.parametrize(
    ("text", "accuser"),
    [
        ("Fighters of the GATIA militia drove CMA rebels out of Anefis. A CMA spokesman said ten people died, and "
         "accused the army of arming the militia.", "coordination-of-azawad-movements"),
        ("The Shabiha militia attacked Free Syrian Army units near Homs. An FSA commander accused Damascus of paying "
         "the militia.", "free-syrian-army"),
        ("Janjaweed gunmen burned villages held by SLA rebels. An SLA spokesman accused Khartoum of arming the "
         "militia.", "sudan-liberation-movement"),
    ],
)
def test_whom_an_accusation_says_is_helped_is_never_the_accuser(resolve, text, accuser):
    """"A CMA spokesman accused the army of arming the militia": the militia is not the CMA."""
    doc = resolve(text)
    assert "the militia" not in [m.text for a in doc.actors if a.id == accuser for m in a.mentions]


@pytest.mark.parametrize(
    ("text", "group"),
    [
        ("Fighters of the GATIA militia stormed a market near Anefis. The militia later withdrew.", "gatia"),
        ("Fighters of the Hezbollah movement crossed the border. The movement later withdrew them.", "hezbollah"),
        ("Fighters of the al-Shabaab militia stormed the town. The militia later withdrew.", "al-shabaab"),
    ],
)
def test_a_name_before_a_noun_of_its_kind_is_the_group_a_description_takes_up(resolve, text, group):
    """"the GATIA militia", "the Shabiha militia": the name before the noun is the group itself (not a part of
    it, as in "a TPLF faction"), so a later "the militia" may be it."""
    doc = resolve(text)
    assert any(m.how == "coref" and m.text.startswith("The ") for a in doc.actors if a.id == group for m in a.mentions)


@pytest.mark.parametrize(
    ("text", "group"),
    [
        ("The militants, who call themselves Ansar al-Sunna, began their uprising in 2017. The conflict monitoring "
         "group ACLED says more than 1,500 people have died.", "ansar-al-sunna"),
        ("The Houthis seized the port. Later the aid group MSF reported 40 dead.", "houthis"),
        ("The RSF shelled El Fasher. The medical group MSF said the hospital was hit.", "rapid-support-forces"),
    ],
)
def test_a_description_followed_by_a_name_is_that_names_not_an_earlier_groups(resolve, text, group):
    """"the monitoring group ACLED": the name right after the noun says which group; it is not the armed group
    named before."""
    doc = resolve(text)
    assert not [m.text for a in doc.actors if a.id == group for m in a.mentions if "group" in m.text.lower()]
