"""Generic armed nouns ("the rebels", "insurgents") are the report's one named rebel group, or no party."""

from __future__ import annotations

import datetime as dt

import pytest

from factiongraph.document import Document


def mentions(doc: Document) -> dict[str, list[str]]:
    return {a.id: [m.text for m in a.mentions] for a in doc.actors}


@pytest.mark.parametrize(
    ("text", "group", "generic"),
    [
        (
            "The Kuru Liberation Front attacked a convoy on Monday. The rebels said they had seized two trucks.",
            "kuru-liberation-front",
            "The rebels",
        ),
        (
            "Fighters of the Lord's Resistance Army raided the market. Residents said the rebels took food.",
            "lords-resistance-army",
            "the rebels",
        ),
        (
            "Boko Haram stormed the town at dawn. Soldiers pushed the insurgents back by noon.",
            "boko-haram",
            "the insurgents",
        ),
    ],
)
def test_generic_rebels_beside_one_named_rebel_group_are_that_group(resolve, text, group, generic):
    m = mentions(resolve(text))
    assert generic in m[group]
    assert not any(k.startswith("generic-") for k in m)


@pytest.mark.parametrize(
    "text",
    [
        "The Kuru Liberation Front and the Sanaga Patriotic Army clashed again. Rivalries among the rebels have grown.",
        "Al-Shabaab and the Islamic State in Somalia both claimed the area, and the militants fought for days.",
        "Boko Haram and ISWAP clashed near the lake, and dozens of insurgents died.",
    ],
)
def test_generic_rebels_beside_several_named_groups_are_no_party(resolve, text):
    doc = resolve(text)
    assert len(doc.actors) == 2
    assert not any(a.id.startswith("generic-") for a in doc.actors)


@pytest.mark.parametrize(
    ("text", "generic"),
    [
        ("Rebels raided a police post up north on Monday, killing two officers.", "generic-rebels"),
        ("Militants ambushed a convoy near the border and escaped.", "generic-militants"),
        ("Insurgents blew up a bridge on the main road.", "generic-insurgents"),
    ],
)
def test_generic_rebels_without_a_named_group_stay_an_actor(resolve, text, generic):
    assert generic in mentions(resolve(text))


def test_a_named_militia_does_not_absorb_the_rebels_it_may_fight(resolve):
    doc = resolve("Hezbollah fighters reinforced the army near the town, and the rebels retreated.")
    assert "generic-rebels" in mentions(doc)


def test_rebels_named_before_any_group_stay_apart(resolve):
    doc = resolve("Rebels burned a school in the east. Days later the Kuru Liberation Front seized a bridge.")
    assert mentions(doc)["generic-rebels"] == ["Rebels"]


@pytest.mark.parametrize(
    ("text", "group"),
    [
        ("The United Nations said on Monday that M23 had seized two towns. The group denies it.", "m23"),
        (
            "The African Union condemned the Kuru Liberation Front after the group shelled a camp.",
            "kuru-liberation-front",
        ),
        (
            "UNICEF said the Lord's Resistance Army had abducted children, and the group has not replied.",
            "lords-resistance-army",
        ),
    ],
)
def test_the_group_refers_to_an_armed_group_not_an_international_body(resolve, text, group):
    m = {a.id: [x.text.lower() for x in a.mentions] for a in resolve(text).actors}
    assert "the group" in m[group]


@pytest.mark.parametrize(
    ("text", "group", "generic"),
    [
        (
            "Yemeni rebels shelled the port on Monday. The Houthis later said the port was a military target.",
            "houthis",
            "Yemeni rebels",
        ),
        (
            "Ugandan rebels ambushed a convoy. The Allied Democratic Forces claimed it.",
            "allied-democratic-forces",
            "Ugandan rebels",
        ),
        (
            "Nigerian insurgents raided a village, and Boko Haram said its men had done it.",
            "boko-haram",
            "Nigerian insurgents",
        ),
    ],
)
def test_qualified_rebels_before_the_one_named_group_are_that_group(resolve, text, group, generic):
    assert generic in mentions(resolve(text))[group]


@pytest.mark.parametrize(
    "text",
    [
        "Boko Haram and ISWAP clashed again, and jets later bombed rebel positions near the lake.",
        "Al-Shabaab and the Islamic State in Somalia fought, and jets bombed rebel positions near the coast.",
        "Ahrar al-Sham and Jaysh al-Islam held the valley until Russian aircraft hit rebel positions there.",
    ],
)
def test_the_owner_of_what_an_attack_hits_stays_beside_several_groups(resolve, text):
    assert mentions(resolve(text))["generic-rebels"] == ["rebel"]


@pytest.mark.parametrize(
    ("text", "generic"),
    [
        ("Rebels in Mali overran two army posts near Gao.", "generic-rebels"),
        ("Separatists in Cameroon burned a school on Monday.", "generic-separatists"),
        ("Insurgents later returned to the town.", "generic-insurgents"),
    ],
)
def test_a_capitalised_plural_opening_a_sentence_is_a_generic_group(resolve, text, generic):
    assert generic in {a.id for a in resolve(text).actors}


@pytest.mark.parametrize(
    ("text", "group", "description"),
    [
        ("The Guaviare Patriotic Front, a rebel army based in the hills, attacked a garrison. Cuba denies it.",
         "guaviare-patriotic-front", "a rebel army"),
        ("The Sandino Front, a guerrilla army, raided a depot. Venezuela denied backing it.",
         "sandino-front", "a guerrilla army"),
        ("Troops of Chile clashed with the Andes Liberation Front, an insurgent army of some 900 men.",
         "andes-liberation-front", "an insurgent army"),
    ],
)
def test_an_army_described_as_rebel_is_not_the_state_and_keeps_its_name(resolve, text, group, description):
    doc = resolve(text)
    m = mentions(doc)
    assert group in m
    states = {a.id for a in doc.actors if a.kind == "state"}
    assert not any(description in texts for a, texts in m.items() if a in states)
    assert not any(a in states for a, texts in m.items() if any("Front" in t for t in texts))


@pytest.mark.parametrize(
    ("text", "lord"),
    [
        ("Troops loyal to General Michel Aoun shelled the port on Monday.", "Michel Aoun"),
        ("Militiamen loyal to commander Rahimov stormed the depot.", "Rahimov"),
        ("Soldiers loyal to Colonel Bako Sanou took the radio station.", "Bako Sanou"),
    ],
)
def test_forces_loyal_to_a_man_are_neither_the_state_nor_a_generic_group(resolve, text, lord):
    doc = resolve(text)
    assert not any(a.kind == "state" or a.id.startswith("generic-") for a in doc.actors)
    assert lord in {a.name for a in doc.actors}


@pytest.mark.parametrize(
    ("text", "group"),
    [
        ("Iraqi tanks and Kurdish fighters loyal to Massoud Barzani swept into Arbil on Saturday.", "peshmerga"),
        ("Kurdish fighters loyal to Jalal Talabani retook the town.", "peshmerga"),
        ("Kurdish fighters loyal to a local chief held the pass near Qamishli.", "ypg"),
    ],
)
def test_a_peoples_fighters_loyal_to_a_man_are_not_the_group_its_adjective_names(resolve, text, group):
    assert group not in mentions(resolve(text))


@pytest.mark.parametrize(
    ("text", "group"),
    [
        ("Militants of MUJAO attacked the town at dawn.", "mujao"),
        ("Fighters of al-Shabaab ambushed the convoy near Afgoye.", "al-shabaab"),
        ("Gunmen of Boko Haram stormed the market.", "boko-haram"),
    ],
)
def test_members_of_a_named_group_are_that_group_not_another_unnamed_one(resolve, text, group):
    m = mentions(resolve(text))
    assert group in m
    assert not any(k.startswith("generic-") for k in m)


@pytest.mark.parametrize(
    ("text", "initials"),
    [
        ("Rhodesian forces said they had killed 40 guerrillas of ZANLA in a sweep along the border.", "ZANLA"),
        ("Soldiers killed 12 fighters of the FNL near Bujumbura.", "FNL"),
        ("Police arrested six members of the KPLF in the capital.", "KPLF"),
    ],
)
def test_initials_after_a_members_noun_name_a_group(resolve, text, initials):
    doc = resolve(text)
    assert initials in {a.name for a in doc.actors}
    assert not any(a.id in ("generic-rebels", "generic-militants", "generic-insurgents") for a in doc.actors)


@pytest.mark.parametrize(
    ("text", "lord"),
    [
        ("Royalist troops under General Nhek Bun Chhay were retreating towards the border.", "Nhek Bun Chhay"),
        ("Soldiers under Colonel Assimi Goita seized the palace.", "Assimi Goita"),
        ("Fighters under Commander Ali Rahimov stormed the depot.", "Ali Rahimov"),
    ],
)
def test_forces_under_a_named_commander_are_his_not_the_state(resolve, text, lord):
    doc = resolve(text)
    assert not any(a.kind == "state" or a.id.startswith("generic-") for a in doc.actors)
    assert any(lord in a.name for a in doc.actors)


@pytest.mark.parametrize(
    ("text", "group"),
    [
        ("ECOMOG troops drove out Revolutionary United Front rebels from the capital.", "revolutionary-united-front"),
        ("Soldiers clashed with National Patriotic Front rebels near the river.", "national-patriotic-front"),
        ("Police detained Ansar Dine Liberation Front militants in Gao.", "ansar-dine-liberation-front"),
    ],
)
def test_armed_men_named_by_an_organisation_the_registry_lacks_are_its_men(resolve, text, group):
    doc = resolve(text)
    assert group in {a.id for a in doc.actors}
    assert not any(a.id.startswith("generic-") and a.kind in ("rebel", "militia") for a in doc.actors)


@pytest.mark.parametrize(
    ("text", "state"),
    [
        ("In Yemen, rebels fought army units loyal to former president Ali Abdullah Saleh.", "yemen"),
        ("In Sudan, rebels clashed with army units loyal to Omar al-Bashir.", "sudan"),
        ("In Yemen, tribesmen ambushed army units loyal to the Houthis.", "yemen"),
    ],
)
def test_army_units_loyal_to_someone_are_not_the_states_army(resolve, text, state):
    """"army units loyal to X": X's units, as "troops loyal to X" are; "army" there names no state force."""
    doc = resolve(text, dt.date(2016, 1, 1))
    assert "army" not in [m.text for a in doc.actors if a.id == state for m in a.mentions]


@pytest.mark.parametrize(
    ("text", "state"),
    [
        ("Southern fighters battled the Houthi movement and army units loyal to Ali Abdullah Saleh in Aden.", "yemen"),
        ("The coalition bombed the Houthi movement and army units loyal to the former president Ali Abdullah Saleh.",
         "yemen"),
        ("In Sirte, Misratan brigades fought the jihadist movement and army units loyal to Khalifa Haftar.", "libya"),
    ],
)
def test_army_units_loyal_to_someone_after_another_conjunct_are_not_the_states_army(resolve, text, state):
    """The parser may hang "loyal to X" on the first conjunct; the phrase describes the units it follows."""
    doc = resolve(text, dt.date(2015, 4, 1))
    assert "army" not in [m.text for a in doc.actors if a.id == state for m in a.mentions]


@pytest.mark.parametrize(
    ("text", "group", "generic"),
    [
        ("Ansar Dine, a movement that fought beside rebel forces in 2012, took Timbuktu.", "ansar-dine",
         "rebel forces"),
        ("The MNLA, a Tuareg group that battled insurgent fighters near Gao, lost the town.", "mnla",
         "insurgent fighters"),
        ("Jaysh al-Islam, whose men clashed with rebel units in Douma, denied the report.", "jaysh-al-islam",
         "rebel"),
    ],
)
def test_a_generic_armed_noun_beside_the_group_in_its_own_relative_clause_is_another_side(
    resolve, text, group, generic
):
    m = mentions(resolve(text, dt.date(2014, 3, 1)))
    assert generic not in m[group]
    assert any(generic in ms for eid, ms in m.items() if eid.startswith("generic-"))


@pytest.mark.parametrize(
    ("text", "group", "description"),
    [
        ("The White Army, a Nuer militia, attacked the town.", "white-army", "Nuer"),
        ("The Red Brigade, a Lendu militia, attacked the town.", "red-brigade", "Lendu militia"),
        ("The Green Legion, a Karen militia, held the town.", "green-legion", "Karen"),
    ],
)
def test_a_description_in_apposition_is_the_named_group_not_a_group_named_by_its_modifier(
    resolve, text, group, description
):
    m = mentions(resolve(text, dt.date(2014, 3, 1)))
    assert list(m) == [group]
    assert m[group][-1] == description


@pytest.mark.parametrize(
    ("text", "group", "description"),
    [
        ("Fighters of the Hamza Division, a Turkmen brigade, clashed with the SDF.", "hamza-division",
         "a Turkmen brigade"),
        ("Members of the Sultan Murad Division, a Turkmen brigade, shelled the town.", "sultan-murad-division",
         "a Turkmen brigade"),
        ("Commanders of the Hamza Division, a Turkmen brigade, met Turkish officers.", "hamza-division",
         "a Turkmen brigade"),
    ],
)
def test_a_description_in_apposition_to_a_groups_fighters_is_the_group(resolve, text, group, description):
    m = mentions(resolve(text, dt.date(2019, 3, 1)))
    assert description in m[group]


@pytest.mark.parametrize(
    ("text", "group"),
    [
        ("Ahmed Madobe, the Ras Kamboni militia commander, met Kenyan officers.", "ras-kamboni"),
        ("Abu Bakr Shekau, the Boko Haram leader, appeared in a new video.", "boko-haram"),
    ],
)
def test_a_leader_described_by_his_groups_name_is_named_as_the_group(resolve, text, group):
    doc = resolve(text, dt.date(2013, 6, 1))
    assert group in {a.id for a in doc.actors}


@pytest.mark.parametrize(
    ("text", "group"),
    [
        ("Jets pounded Houthi rebel positions near the border.", "houthis"),
        ("Drones hit ISWAP insurgent camps on the lake.", "islamic-state-west-africa"),
        ("Artillery shelled M23 rebel bases near Goma.", "m23"),
    ],
)
def test_a_named_groups_rebel_positions_are_that_groups(resolve, text, group):
    """"Houthi rebel positions": the positions of the named group, not of an unnamed rebel group beside it."""
    ids = {a.id for a in resolve(text).actors}
    assert group in ids and not any(i.startswith("generic-") for i in ids)
