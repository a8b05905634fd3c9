"""Registry matches agree with the report's context: countries and conflicts, and whole names only."""

from __future__ import annotations

import datetime as dt

import pytest

from factiongraph.document import Document


def registry_ids(doc: Document) -> set[str]:
    return {a.registry_id for a in doc.actors if a.registry_id}


@pytest.mark.parametrize(
    "text",
    [
        "Somalia said the SNA had pushed al-Shabaab out of two villages.",
        "The SNA and Kenyan troops fought al-Shabaab near the border of Somalia.",
        "Al-Shabaab fighters overran an SNA base, Somalia's defence ministry said.",
    ],
)
def test_an_acronym_of_a_group_from_another_conflict_is_not_borrowed(resolve, text):
    ids = registry_ids(resolve(text))
    assert "syrian-national-army" not in ids
    assert "al-shabaab" in ids  # Somalia, a place in the second ("the border of Somalia"), is context all the same


@pytest.mark.parametrize(
    ("text", "day", "wrong", "full"),
    [
        ("Gunmen of Mohamed Farah Aidid's Somali National Alliance (SNA) ambushed a UN convoy, and SNA officials "
         "denied it.", "1993-09-01", "syrian-national-army", "Somali National Alliance"),
        ("The colonial Sudan Defence Force (SDF) fought Italian troops in Eritrea in 1941.", "1941-03-01",
         "syrian-democratic-forces", None),
        ("The Australian Defence Force (ADF) sent 4,500 troops to East Timor, where ADF patrols met militias.",
         "1999-10-01", "allied-democratic-forces", None),
    ],
)
def test_an_acronym_the_text_spells_out_as_another_name_is_not_the_registry_actors(resolve, text, day, wrong, full):
    doc = resolve(text, dt.date.fromisoformat(day))
    assert wrong not in registry_ids(doc)
    if full is not None:  # the later uses of the short form are the spelled-out name's
        owner = next(a for a in doc.actors if a.name == full)
        assert [m.text for m in owner.mentions] == [full, "SNA", "SNA"]


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("The SNA shelled Kurdish positions near Afrin.", "1993-10-08"),
        ("Fighters of the SNA entered the town on Monday.", "2001-05-01"),
        ("The SDF said its men held the bridge.", "2010-02-01"),
    ],
)
def test_a_short_name_of_a_group_founded_after_the_report_is_not_that_group(resolve, text, day):
    assert not registry_ids(resolve(text, dt.date.fromisoformat(day))) & {"syrian-national-army",
                                                                           "syrian-democratic-forces"}


def test_the_same_acronym_in_its_own_conflict_resolves(resolve):
    assert "syrian-national-army" in registry_ids(resolve("The SNA and Turkish troops attacked the YPG in Syria."))


@pytest.mark.parametrize(
    "text",
    [
        "The Kachin Independence Army said People's Defence Forces had seized a junta camp.",
        "The Arakan Army and People's Defense Forces shelled a police post in Myanmar.",
        "People's Defence Forces from Chinland joined the Chin National Army near the Myanmar border.",
    ],
)
def test_a_name_two_groups_share_resolves_to_the_group_of_the_reports_conflict(resolve, text):
    ids = registry_ids(resolve(text))
    assert "peoples-defence-force-myanmar" in ids
    assert "hpg" not in ids


def test_the_shared_name_in_the_other_conflict_resolves_to_the_other_group(resolve):
    doc = resolve("The PKK said People's Defence Forces guerrillas clashed with Turkish troops in Iraq.")
    assert "hpg" in registry_ids(doc)


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        ("Fighters of Fateh al-Sham clashed with the Syrian army near Idlib.", "fatah"),
        ("Abu Mohammad al-Golani met rebel commanders in Idlib.", "golani-brigade"),
        ("Commanders loyal to Abu Yusuf al-Givati shelled the village.", "givati-brigade"),
        ("Abu Khalid al-Fatah, a senior commander, was killed in an air strike.", "fatah"),
    ],
)
def test_an_alias_inside_a_longer_name_is_not_that_actor(resolve, text, wrong):
    assert wrong not in registry_ids(resolve(text))


def test_the_whole_name_still_resolves(resolve):
    doc = resolve("Jabhat Fateh al-Sham and Ahrar al-Sham rejected the truce.")
    assert registry_ids(doc) == {"jabhat-fateh-al-sham", "ahrar-al-sham"}


@pytest.mark.parametrize(
    "text",
    [
        "Ahrar al-Sham and the Mujahideen Army attacked positions near Aleppo.",
        "Al-Shabaab said the Mountain Army had shelled its post overnight.",
        "Boko Haram ambushed the Lake Army near the checkpoint.",
    ],
)
def test_a_named_army_is_not_the_government(resolve, text):
    doc = resolve(text)
    assert [a.kind for a in doc.actors if a.name.endswith("Army")] == ["rebel"]
    assert not any(a.kind == "state" for a in doc.actors)


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("Fighters of the Hashid Shaabi moved north on Monday.", "popular-mobilization-forces"),
        ("The Popular Mobilization Force sent reinforcements to the town.", "popular-mobilization-forces"),
        ("Fighters of Jaish al-Izza shelled the road near Hama.", "jaysh-al-izza"),
    ],
)
def test_a_respelled_registry_name_resolves_to_its_actor(resolve, text, actor):
    assert actor in registry_ids(resolve(text))


@pytest.mark.parametrize(
    ("text", "expected", "not_expected"),
    [
        ("Near Mosul in Iraq, Kurdish forces pushed Islamic State fighters back from Bashiqa.", "peshmerga", "ypg"),
        ("Kurdish fighters in Kirkuk, Iraq, repelled an assault on the city on Sunday.", "peshmerga", "ypg"),
        ("In Qamishli, Syria, Kurdish forces clashed with Turkish-backed rebels.", "ypg", "peshmerga"),
        ("Kurdish and Arab commanders met in Erbil, Iraq, before the offensive on Mosul, Iraq.", "peshmerga", "ypg"),
        ("Turkey shelled Kurdish positions around Kobani in Syria after a Kurdish attack near Afrin, Syria.", "ypg",
         "peshmerga"),
    ],
)
def test_an_ambiguous_name_or_adjective_takes_the_actor_of_the_country_the_report_is_about(
    resolve, text, expected, not_expected
):
    ids = registry_ids(resolve(text))
    assert expected in ids and not_expected not in ids


@pytest.mark.parametrize(
    "text",
    [
        "The talks collapsed after a week of shelling around the town, and the fighters of Abu Yusuf al-Givati left.",
        "Residents said the checkpoint changed hands twice overnight.\n"
        "By dawn the fighters of Abu Yusuf al-Givati had left it.",
        "Two weeks of clashes ended on Friday when the fighters of Abu Yusuf al-Givati withdrew from the hills.",
    ],
)
def test_an_alias_after_an_article_far_into_a_report_is_not_that_actor(resolve, text):
    assert "givati-brigade" not in registry_ids(resolve(text))


@pytest.mark.parametrize(
    ("text", "right", "wrong"),
    [
        ("South Sudan's army clashed with SPLM-IO fighters loyal to Riek Machar.", "south-sudan", "sudan"),
        ("Troops of South Sudan's army crossed the river at dawn.", "south-sudan", "sudan"),
        ("Heavy fighting pitted South Sudan's army against the White Army.", "south-sudan", "sudan"),
    ],
)
def test_an_alias_that_cuts_into_a_longer_name_is_not_matched(resolve, text, right, wrong):
    ids = registry_ids(resolve(text))
    assert right in ids
    assert wrong not in ids


@pytest.mark.parametrize(
    ("text", "group", "other"),
    [
        ("Syrian Kurdish fighters captured the dam after a week of clashes.", "ypg", "peshmerga"),
        ("Iraqi Kurdish fighters moved into the disputed district.", "peshmerga", "ypg"),
        ("Residents said Syrian Kurdish forces had left the town.", "ypg", "peshmerga"),
    ],
)
def test_a_countrys_adjective_picks_the_group_at_home_there_among_those_sharing_a_name(resolve, text, group, other):
    ids = registry_ids(resolve(text))
    assert group in ids
    assert other not in ids


@pytest.mark.parametrize(
    ("text", "name", "state"),
    [
        ("Bosnian Serb forces shelled the town overnight.", "Bosnian Serb forces", "bosnia-and-herzegovina"),
        ("Iraqi Kurdish troops moved north of the city.", "Iraqi Kurdish troops", "iraq"),
        ("Afghan Uzbek militiamen seized the airfield.", "Afghan Uzbek militiamen", "afghanistan"),
    ],
)
def test_the_armed_men_of_a_people_of_a_country_are_not_its_state(resolve, text, name, state):
    doc = resolve(text)
    assert state not in registry_ids(doc)
    assert [(a.name, a.kind) for a in doc.actors] == [(name, "militia")]


@pytest.mark.parametrize(
    ("text", "state", "name"),
    [
        ("Guerrillas of the Zimbabwe African National Union attacked a farm near Umtali.", "zimbabwe",
         "Zimbabwe African National Union"),
        ("The Eritrean People's Liberation Front captured Nakfa.", "eritrea", "Eritrean People's Liberation Front"),
        ("Fighters of the Mozambique National Resistance Movement ambushed a convoy.", "mozambique",
         "Mozambique National Resistance Movement"),
    ],
)
def test_a_country_in_a_movements_longer_name_is_part_of_the_name(resolve, text, state, name):
    doc = resolve(text)
    assert state not in registry_ids(doc)
    assert name in {a.name for a in doc.actors}


@pytest.mark.parametrize(
    ("text", "state"),
    [
        ("The 14th Army is fighting on the side of the separatists in Moldova.", "moldova"),
        ("The 5th Army withdrew from the border areas of Sudan.", "sudan"),
        ("The 2nd Army crossed the border into Georgia at dawn.", "georgia"),
    ],
)
def test_a_numbered_unit_is_not_the_army_of_the_country_reported_on(resolve, text, state):
    doc = resolve(text)
    assert not any(a.id == state and any(m.how == "generic" for m in a.mentions) for a in doc.actors)
    assert not any(a.name in ("Army", "Division") for a in doc.actors)


@pytest.mark.parametrize(
    ("text", "state"),
    [
        ("Fighters of ZIPRA, the army of Joshua Nkomo's ZAPU, shot down a plane near Kariba, Zimbabwe.",
         "zimbabwe"),
        ("The soldiers of Kabila's rival shelled the town, officials in Congo said.", "dr-congo"),
        ("The police of the Gaza authorities arrested him, Israel said.", "israel"),
    ],
)
def test_a_force_noun_whose_owner_an_of_phrase_names_is_not_the_focus_states(resolve, text, state):
    doc = resolve(text)
    assert not any(a.id == state and any(m.how == "generic" for m in a.mentions) for a in doc.actors)


@pytest.mark.parametrize(
    "text",
    [
        "Diplomats said the army of Khalifa Haftar had taken the oil ports.",
        "The forces of Khalifa Haftar shelled the southern suburbs of Tripoli.",
        "Residents fled as the army of Khalifa Haftar advanced on Sirte.",
    ],
)
def test_the_army_of_a_commander_is_the_group_the_registry_names_his_forces(resolve, text):
    doc = resolve(text)
    lna = [a for a in doc.actors if a.id == "libyan-national-army"]
    assert lna and any(m.how == "generic" for m in lna[0].mentions)
    assert "libya" not in registry_ids(doc)


@pytest.mark.parametrize(
    ("text", "state", "name"),
    [
        ("The Mozambique National Resistance attacked a train near Beira.", "mozambique",
         "Mozambique National Resistance"),
        ("The Lebanese National Resistance claimed the ambush on the coast road.", "lebanon",
         "Lebanese National Resistance"),
        ("The Syrian National Coalition condemned the strike on Idlib.", "syria", None),
    ],
)
def test_a_country_in_a_resistance_or_coalition_name_is_part_of_the_name(resolve, text, state, name):
    doc = resolve(text)
    assert state not in registry_ids(doc)
    if name is not None:
        assert name in {a.name for a in doc.actors}


@pytest.mark.parametrize(
    ("text", "group"),
    [
        ("Ankara paid Kurdish men to guard the villages.", "peshmerga"),
        ("Pashtun men were hired by the army to man the posts.", "taliban"),
        ("Kurdish men queued at the border crossing near Zakho.", "ypg"),
    ],
)
def test_men_of_a_people_are_not_the_armed_group_named_after_it(resolve, text, group):
    assert not any(group in i for i in registry_ids(resolve(text)))


@pytest.mark.parametrize(
    ("text", "state", "name"),
    [
        ("The Maoists' armed wing, the People's Liberation Army, will be confined to camps.", "china",
         "People's Liberation Army"),
        ("The People's Liberation Army, the Maoists' military arm, attacked a police post.", "china",
         "People's Liberation Army"),
        ("The junta's youth wing, the National Guard, patrolled the market.", "venezuela", None),
    ],
)
def test_a_state_organs_name_given_to_another_groups_wing_is_that_wing(resolve, text, state, name):
    doc = resolve(text)
    assert state not in registry_ids(doc)
    if name is not None:
        assert name in {a.name for a in doc.actors}


def test_a_state_organ_named_as_its_own_is_the_state(resolve):
    assert "china" in registry_ids(resolve("China's People's Liberation Army held drills near Taiwan."))


@pytest.mark.parametrize(
    ("text", "state"),
    [
        ("The Palestinian guerrilla leader Abu Nidal left Fatah in 1974.", "palestine"),
        ("A Kurdish rebel commander said the jets had struck his unit.", "kurdistan"),
        ("The Sudanese militia leader Musa Hilal was arrested in November.", "sudan"),
    ],
)
def test_a_leader_called_rebel_or_guerrilla_is_not_the_state_of_his_people(resolve, text, state):
    assert not any(state in i for i in registry_ids(resolve(text)))


@pytest.mark.parametrize(
    ("text", "group", "name"),
    [
        ("Abu Nidal broke with Fatah and founded the Fatah Revolutionary Council.", "fatah",
         "Fatah Revolutionary Council"),
        ("Envoys of the Hamas Shura Council met in Doha.", "hamas", "Hamas Shura Council"),
        ("The Sudan Revolutionary Council declared a truce.", "sudan", "Sudan Revolutionary Council"),
    ],
)
def test_a_name_inside_a_councils_longer_name_is_part_of_it(resolve, text, group, name):
    doc = resolve(text)
    assert name in {a.name for a in doc.actors}
    start = text.index(name)
    assert not any(start <= m.start < start + len(name) for a in doc.actors if a.name != name for m in a.mentions)


@pytest.mark.parametrize(
    ("text", "state"),
    [
        ("Zambia hosts the guerrillas. The interim government of Bishop Muzorewa has armed auxiliaries.", "zambia"),
        ("Chad sent troops. The government of Sheikh Sharif asked for more.", "chad"),
        ("Kenya backs the deal. The regime of General Abacha jailed critics.", "kenya"),
    ],
)
def test_a_government_of_a_named_man_is_not_the_reports_state(resolve, text, state):
    doc = resolve(text)
    mentions = {m.text for a in doc.actors if a.id == state for m in a.mentions}
    assert not any(w in m for m in mentions for w in ("government", "regime"))


@pytest.mark.parametrize(
    ("text", "state"),
    [
        ("Manila links the band to a Saudi financier.", "saudi-arabia"),
        ("Eritrea ships arms to the rebels with the help of the Mogadishu warlord Hussein Aidid.", "somalia"),
        ("Police arrested a Pakistani businessman who funds the group.", "pakistan"),
    ],
)
def test_a_country_naming_where_a_private_person_is_from_is_not_the_state(resolve, text, state):
    assert state not in registry_ids(resolve(text))


@pytest.mark.parametrize(
    ("text", "state", "name"),
    [
        ("Serb forces shelled Sarajevo again on Monday, Bosnian officials said.", "serbia", "Serb forces"),
        ("Croatian troops retook the Krajina from Serb forces in August 1995.", "serbia", "Serb forces"),
        ("Bosnian government troops fought Croat forces around Mostar in 1993.", "croatia", "Croat forces"),
    ],
)
def test_a_people_across_borders_fighting_in_another_country_is_not_its_namesake_state(resolve, text, state, name):
    doc = resolve(text)
    assert state not in registry_ids(doc)
    assert name in {a.name for a in doc.actors}


def test_a_cross_border_peoples_name_in_a_report_on_its_own_state_is_that_state(resolve):
    assert "serbia" in registry_ids(resolve("Belgrade said Serb police had arrested the suspects in Nis."))


@pytest.mark.parametrize(
    ("text", "state"),
    [
        ("Croatian forces overran the self-declared Republic of Serbian Krajina in August.", "serbia"),
        ("Rebels proclaimed the Republic of Sudanese Darfur in the west.", "sudan"),
        ("The army retook the Emirate of Afghan Khorasan from the militants.", "afghanistan"),
    ],
)
def test_a_demonym_inside_a_proper_name_of_a_self_declared_state_is_not_the_state(resolve, text, state):
    assert state not in registry_ids(resolve(text))


# the coalition against Islamic State from September 2014, the state that leads it before (the invasion of Iraq,
# Afghanistan); Myanmar's Northern Alliance, not Afghanistan's (dissolved in 2001)
@pytest.mark.parametrize(
    ("text", "published", "owner", "other"),
    [
        ("Jets of the US-led coalition bombed Islamic State fuel trucks near Deir ez-Zor.", dt.date(2015, 11, 16),
         "cjtf-oir", "united-states"),
        ("Kurdish commanders credited US-led coalition jets with the air cover in Tabqa.", dt.date(2017, 4, 2),
         "cjtf-oir", "united-states"),
        ("Peshmerga units advanced on Bashiqa under fire support from the US-led coalition.", dt.date(2016, 10, 20),
         "cjtf-oir", "united-states"),
        ("The US-led coalition said its troops had reached the outskirts of Baghdad.", dt.date(2003, 4, 4),
         "united-states", "cjtf-oir"),
        ("Insurgents ambushed a convoy of the US-led coalition near Kandahar.", dt.date(2008, 9, 1),
         "united-states", "cjtf-oir"),
        ("A spokesman for the US-led coalition denied that its aircraft had hit a wedding party.", dt.date(2002, 7, 2),
         "united-states", "cjtf-oir"),
        ("The Kachin Independence Army and its Northern Alliance partners attacked Muse.", dt.date(2016, 11, 21),
         "northern-alliance-burma", "northern-alliance"),
        ("The Arakan Army, a member of the Northern Alliance, ambushed a Tatmadaw convoy.", dt.date(2019, 3, 9),
         "northern-alliance-burma", "northern-alliance"),
        ("Northern Alliance fighters from the TNLA shelled an army base in Shan State.", dt.date(2018, 5, 12),
         "northern-alliance-burma", "northern-alliance"),
    ],
)
def test_a_name_two_registry_actors_held_resolves_to_its_holder_in_the_reports_time_and_war(
    resolve, text, published, owner, other
):
    ids = registry_ids(resolve(text, published))
    assert owner in ids
    assert other not in ids


@pytest.mark.parametrize(
    ("text", "published", "actor"),
    [
        ("Fighters who call themselves Ansar al-Sunna seized the port in Cabo Delgado.", dt.date(2020, 8, 13),
         "ansar-al-sunna-mozambique"),
        ("Ansar al-Sunna raided two villages near Palma on Sunday.", dt.date(2021, 3, 28), "ansar-al-sunna-mozambique"),
        ("Ansar al-Sunna claimed the bombing of a US convoy near Mosul.", dt.date(2005, 3, 1), "ansar-al-sunna"),
    ],
)
def test_a_name_two_groups_bore_goes_to_the_one_active_on_the_reports_date(resolve, text, published, actor):
    """"Ansar al-Sunna": an Iraqi group until 2007, the Cabo Delgado insurgents' name since 2017."""
    assert actor in {a.id for a in resolve(text, published).actors}


@pytest.mark.parametrize(
    ("text", "party"),
    [
        ("Peshmerga of Jalal Talabani's Patriotic Union of Kurdistan entered the town beside Iranian units.",
         "patriotic-union-of-kurdistan"),
        ("The KDP's peshmerga fought Iraqi troops near Zakho.", "kurdistan-democratic-party"),
        ("PUK peshmerga shelled Iraqi positions near Sulaimaniya.", "patriotic-union-of-kurdistan"),
    ],
)
def test_a_peoples_fighters_named_with_their_party_are_that_partys(resolve, text, party):
    doc = resolve(text, dt.date(1987, 3, 20))
    owner = next(a for a in doc.actors if a.registry_id == party)
    assert "peshmerga" in {m.text.lower() for m in owner.mentions}
    assert "peshmerga" not in registry_ids(doc)


def test_a_peoples_fighters_without_a_party_stay_the_registry_force(resolve):
    assert "peshmerga" in registry_ids(resolve("Kurdish Peshmerga retook Sinjar from the Islamic State.",
                                               dt.date(2015, 11, 13)))


@pytest.mark.parametrize(
    "text",
    [
        "Militias known as anti-balaka attacked the capital at dawn.",
        "Seleka fighters shelled anti-balaka positions near Bossangoa.",
        "The anti-balaka took revenge on Muslim traders in the west.",
    ],
)
def test_a_name_english_reporting_writes_in_lower_case_is_matched_so(resolve, text):
    assert "anti-balaka" in registry_ids(resolve(text, dt.date(2014, 1, 20)))
