"""Membership stated by a list fronted or closed by "among", and by a relational noun given its name
by a clause of naming ("Y's branch, which locals call X")."""

from __future__ import annotations

import pytest

from factiongraph.document import Document
from factiongraph.pipeline import extract


@pytest.fixture(scope="module")
def run(pipeline):
    return lambda text: extract(text, pipeline=pipeline)


def affiliations(doc: Document) -> set[tuple[str, str, str | None]]:
    return {(r.source, r.target, r.change) for r in doc.relations if r.type == "affiliation"}


@pytest.mark.parametrize(
    ("text", "members", "group", "change"),
    [
        (
            "Among the factions that joined the Syrian National Army are Jaysh al-Islam, Faylaq al-Sham and "
            "Ahrar al-Sham.",
            ["jaysh-al-islam", "faylaq-al-sham", "ahrar-al-sham"],
            "syrian-national-army",
            "joined",
        ),
        (
            "Among the brigades that have enlisted in the Syrian National Army, the ministry said, are Jaysh "
            "al-Islam and Faylaq al-Sham.",
            ["jaysh-al-islam", "faylaq-al-sham"],
            "syrian-national-army",
            "joined",
        ),
        (
            "Jaysh al-Islam and Faylaq al-Sham are among the factions that joined the Syrian National Army.",
            ["jaysh-al-islam", "faylaq-al-sham"],
            "syrian-national-army",
            "joined",
        ),
        (
            "Among the groups signing up to the National Front for Liberation were Faylaq al-Sham and Jaysh al-Nasr.",
            ["faylaq-al-sham", "jaysh-al-nasr"],
            "national-front-for-liberation",
            "joined",
        ),
        (
            "Among the factions that quit the Syrian Democratic Forces were the Sanadid Forces and the Syriac "
            "Military Council.",
            ["sanadid-forces", "syriac-military-council"],
            "syrian-democratic-forces",
            "left",
        ),
    ],
)
def test_actors_listed_among_those_that_joined_or_left_a_group_each_joined_or_left_it(
    run, text, members, group, change
):
    assert affiliations(run(text)) == {(m, group, change) for m in members}


@pytest.mark.parametrize(
    ("text", "members", "group"),
    [
        (
            "Among the members of the Syrian Democratic Forces are the YPG and the Sanadid Forces.",
            ["ypg", "sanadid-forces"],
            "syrian-democratic-forces",
        ),
        (
            "The YPG and the Sanadid Forces are among the members of the Syrian Democratic Forces.",
            ["ypg", "sanadid-forces"],
            "syrian-democratic-forces",
        ),
        (
            "Among the members of the National Front for Liberation, the statement said, were Faylaq al-Sham and "
            "Jaysh al-Nasr.",
            ["faylaq-al-sham", "jaysh-al-nasr"],
            "national-front-for-liberation",
        ),
    ],
)
def test_actors_listed_among_the_members_of_a_group_belong_to_it(run, text, members, group):
    assert affiliations(run(text)) == {(m, group, None) for m in members}


@pytest.mark.parametrize(
    "text",
    [
        "Fighting broke out among the factions that joined the Syrian National Army.",
        "Among the factions that attacked the Syrian Democratic Forces are Jaysh al-Islam and Faylaq al-Sham.",
        "The dispute among the members of the Syrian Democratic Forces worried the YPG.",
        "Among the villages the Syrian National Army took were Tal Abyad and Ras al-Ain.",
    ],
)
def test_among_outside_a_list_of_members_or_joiners_states_no_membership(run, text):
    assert affiliations(run(text)) == set()


@pytest.mark.parametrize(
    ("text", "tie"),
    [
        (
            "Al-Qaeda's Syrian branch, which fighters call Jabhat al-Nusra, seized two villages near Idlib.",
            ("affiliation", "jabhat-al-nusra", "al-qaeda"),
        ),
        (
            "The Islamic State's West African affiliate, which many Nigerians still call Boko Haram, kidnapped "
            "the students.",
            ("affiliation", "boko-haram", "islamic-state"),
        ),
        (
            "The al-Qaeda affiliate known as al-Shabaab bombed a hotel in Mogadishu.",
            ("affiliation", "al-shabaab", "al-qaeda"),
        ),
        (
            "Iran's Iraqi proxy, which analysts call Kataib Hezbollah, fired drones at the base.",
            ("support", "iran", "kataib-hezbollah"),
        ),
    ],
)
def test_a_relational_noun_takes_the_name_its_naming_clause_gives_as_its_holder(run, text, tie):
    doc = run(text)
    assert tie in {(r.type, r.source, r.target) for r in doc.relations if r.method == "noun-cue"}


@pytest.mark.parametrize(
    "text",
    [
        "Al-Qaeda's Syrian branch, which the Nusra Front fought, lost two villages.",
        "Al-Qaeda's branch in Yemen, which officials call a grave threat, bombed a base.",
    ],
)
def test_a_relative_clause_that_names_nothing_gives_a_relational_noun_no_holder(run, text):
    assert affiliations(run(text)) == set()


@pytest.mark.parametrize(
    ("text", "member", "group"),
    [
        (
            "The Levant Front enlisted Jaysh al-Islam last spring as one more member of the Turkish-backed "
            "Syrian National Army.",
            "jaysh-al-islam",
            "syrian-national-army",
        ),
        (
            "The Syrian Democratic Forces accepted the Sanadid Forces as members in 2016.",
            "sanadid-forces",
            "syrian-democratic-forces",
        ),
        (
            "Ahrar al-Sham welcomed Jaysh al-Sunna as a member of the Army of Conquest.",
            "jaysh-al-sunna",
            "jaysh-al-fatah",
        ),
    ],
)
def test_as_a_member_after_a_direct_object_makes_the_object_the_member(run, text, member, group):
    assert affiliations(run(text)) == {(member, group, None)}


@pytest.mark.parametrize(
    "text",
    [
        "The Syrian Democratic Forces welcomed the YPG as members of the alliance against the Islamic State.",
        "Hayat Tahrir al-Sham fought Jaysh al-Ahrar as members of the Army of Conquest watched.",
        "The Syrian army fought the YPG as part of a wider offensive.",
    ],
)
def test_as_a_member_names_no_group_inside_its_phrase_nor_a_clause_after_it(run, text):
    assert affiliations(run(text)) == set()


@pytest.mark.parametrize(
    ("text", "item", "owner"),
    [
        ("Ahrar al-Sham, Jaysh al-Islam, the Aleppo wing of Liwa al-Tawhid and Suqour al-Sham merged in 2013.",
         "jaysh-al-islam", "liwa-al-tawhid"),
        ("Hamas, Islamic Jihad, the armed wing of Fatah and the PFLP fired rockets at the town.", "hamas", "fatah"),
        ("JNIM was formed when Ansar Dine, al-Mourabitoun, the Saharan branch of AQIM and the Macina Liberation "
         "Front merged.", "ansar-dine", "aqim"),
    ],
)
def test_a_part_named_as_an_item_of_a_list_is_no_description_of_the_item_before(run, text, item, owner):
    """"A, B, the armed wing of C and D": the wing is the list's third item, so B is no part of C."""
    assert not {(s, t) for s, t, _ in affiliations(run(text))} & {(item, owner)}


@pytest.mark.parametrize(
    ("text", "member", "partner"),
    [
        ("The SDF, part of a coalition with the YPG and the Sanadid, took the dam.", "syrian-democratic-forces",
         "ypg"),
        ("The TNLA, part of an alliance with the MNDAA and the Arakan Army, seized Lashio.", "tnla", "mndaa"),
        ("Ansar Dine, part of a front with AQIM and MUJAO, held Timbuktu.", "ansar-dine", "aqim"),
    ],
)
def test_part_of_a_coalition_with_others_makes_no_member_of_the_others(run, text, member, partner):
    """"X, part of a coalition with Y and Z": X belongs to the coalition; Y is a partner in it, not X's whole."""
    assert (member, partner) not in {(s, t) for s, t, _ in affiliations(run(text))}
