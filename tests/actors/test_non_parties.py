"""Names that are no party to what a report tells: outlets and platforms, quoted people, places listed
after a locative preposition, and civilians nothing happens to."""

from __future__ import annotations

import pytest

from factiongraph.actors.salience import PERIPHERAL_HINT
from factiongraph.document import Document


def named(doc: Document) -> dict[str, list[str]]:
    return {a.id: [m.text for m in a.mentions] for a in doc.actors}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The rebels agreed to the deal on Monday (AFP, 5 May; al-Jazeera, 5 May).",
         {"generic-rebels": ["The rebels"]}),
        ("The Houthis announced the capture of the town in a video posted on Telegram.", {"houthis": ["Houthis"]}),
        ("Mali's army wrote on Twitter that its troops had taken the camp.",
         {"mali": ["Mali", "its"]}),
    ],
)
def test_an_outlet_or_a_platform_is_no_actor(resolve, text, expected):
    assert named(resolve(text)) == expected


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Uganda's army said the operation, code-named Shujaa, had hit four ADF bases.", "shujaa"),
        ("Kenya's troops joined an operation code-named Linda Nchi against al-Shabaab.", "linda-nchi"),
        ("Nigeria's army launched an offensive codenamed Lafiya Dole in Borno.", "lafiya-dole"),
    ],
)
def test_the_name_given_to_an_operation_is_no_actor(resolve, text, name):
    """"an operation code-named X": X names the undertaking (`operation_nouns` in actors/words/names.yaml)."""
    assert name not in named(resolve(text))


@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("The M23 rebels briefly seized the provincial capital Goma in November.", "goma"),
        ("Rebels entered the border town Tal Abyad on Sunday.", "tal-abyad"),
        ("The militia overran the northern town Ras al-Ain.", "ras-al-ain"),
    ],
)
def test_a_name_in_apposition_after_a_place_noun_is_a_place(resolve, text, town):
    """"the provincial capital X": X is the capital, whatever the tagger calls the name."""
    assert town not in named(resolve(text))


@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("The alliance has since captured the border trade hub of Chinshwehaw.", "chinshwehaw"),
        ("The rebels overran the trading hub of Laukkai in January.", "laukkai"),
        ("Militants stormed the fishing port of Baga on the lake.", "baga"),
    ],
)
def test_the_of_object_of_a_hub_or_port_is_a_place(resolve, text, town):
    """"the trade hub of X", "the port of X": as "the town of X", the name is the place."""
    assert town not in named(resolve(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Sudanese army took back the Republican Palace on Friday.", {"sudan": ["Sudanese army"]}),
        ("Rebel units took back the Presidential Palace after two days of fighting.",
         {"generic-rebels": ["Rebel"]}),
        ("The rebels took back Mitiga Airport after a week.", {"generic-rebels": ["The rebels"]}),
    ],
)
def test_a_building_or_site_taken_back_is_no_actor(resolve, text, expected):
    """"took back X" takes ground as "retook X" does; a palace or an airport is a site, whatever the tagger
    calls its name."""
    assert named(resolve(text)) == expected


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("Idlib resident Omar Khaled regularly posts his views of the fighting online.", "omar-khaled"),
        ("A provincial lawmaker, Karim Haddad, told AFP a soldier died in the raid.", "karim-haddad"),
        ("Karim Haddad, a local journalist, filmed the aftermath of the raid.", "karim-haddad"),
    ],
)
def test_a_quoted_resident_lawmaker_or_journalist_is_peripheral(resolve, text, person):
    doc = resolve(text)
    assert person in named(doc)
    assert person in doc.hints[PERIPHERAL_HINT]


@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("The militia shelled army bases at Kalay and Wuntho on Sunday.", ["Kalay", "Wuntho"]),
        ("The rebels moved their fighters into Kufra and Tazirbu overnight.", ["Kufra", "Tazirbu"]),
        ("Fighting spread from Dabo to Tuni and Moramba last week.", ["Dabo", "Tuni", "Moramba"]),
    ],
)
def test_every_item_of_a_place_list_after_a_locative_preposition_is_a_place(resolve, text, places):
    mentioned = {m for ms in named(resolve(text)).values() for m in ms}
    assert not mentioned & set(places)


@pytest.mark.parametrize(
    "text",
    [
        "Local residents celebrated in the streets as the commander switched sides.",
        "Aid groups described the plight of residents in the camps near the city.",
        "Villagers watched while the two factions negotiated a truce.",
    ],
)
def test_civilians_nothing_happens_to_are_bystanders(resolve, text):
    doc = resolve(text)
    assert "civilians" in named(doc)
    assert "civilians" in doc.hints[PERIPHERAL_HINT]


@pytest.mark.parametrize(
    "text",
    [
        "The gunmen held thousands of villagers as human shields.",
        "The militia shelled the refugees near the river.",
        "Hundreds of residents were detained by the police.",
    ],
)
def test_civilians_a_clause_acts_upon_are_no_bystanders(resolve, text):
    doc = resolve(text)
    assert "civilians" in named(doc)
    assert "civilians" not in doc.hints[PERIPHERAL_HINT]


@pytest.mark.parametrize(
    "text",
    [
        "Rival cells have clashed in several flashpoints such as Libya, Mali and Iraq.",
        "The coalition was unveiled on Friday in Nairobi, the Kenyan capital.",
        "Supplies ran short across the towns of Chad and Niger as the rains came.",
    ],
)
def test_a_country_in_a_place_phrase_is_no_state_actor(resolve, text):
    assert not {a.id for a in resolve(text).actors} & {"libya", "mali", "iraq", "kenya", "chad", "niger"}


@pytest.mark.parametrize(
    "text",
    [
        "According to UN estimates the fighting has displaced 10,000 people.",
        "The offensive has forced thousands from their homes, the United Nations reports.",
        "Two villages were emptied, according to the United Nations.",
    ],
)
def test_a_un_body_that_only_reports_is_a_source(resolve, text):
    doc = resolve(text)
    assert "united-nations" in {a.id for a in doc.actors}
    assert "united-nations" in doc.hints[PERIPHERAL_HINT]


@pytest.mark.parametrize(
    "text",
    [
        "Before the summit the governor met European leaders.",
        "Its mercenaries prop up several African governments.",
        "Western diplomats said the talks had stalled.",
    ],
)
def test_a_continent_or_region_adjective_on_a_group_noun_is_no_actor(resolve, text):
    assert named(resolve(text)) == {}


def test_a_two_word_state_demonym_ending_in_a_region_adjective_stays_that_state(resolve):
    got = named(resolve("South African leaders met the envoy on Monday."))
    assert got == {"south-africa": ["South African leaders"]}


@pytest.mark.parametrize(
    "text",
    [
        "Envoys met in Bamako, the Malian capital, on Friday.",
        "The convoy reached Kabul, the Afghan capital, at dawn.",
        "Talks resumed in Juba, a city on the Nile, on Monday.",
    ],
)
def test_a_capital_in_apposition_to_a_place_noun_is_a_place(resolve, text):
    assert named(resolve(text)) == {}


@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("Rebels struck army posts at Shadaw and Mese on Sunday.", "Mese"),
        ("Junta troops withdrew from outposts near Hpasawng and Mese.", "Hpasawng"),
        ("Soldiers raided homes at Kidal and Gao in the desert.", "Kidal"),
    ],
)
def test_a_town_tagged_as_a_people_after_a_locative_preposition_is_no_actor(resolve, text, town):
    assert town not in {m for ms in named(resolve(text)).values() for m in ms}


@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("Houthi fighters pushed towards Hodeidah Port on Sunday.", "Hodeidah Port"),
        ("The militia marched towards Misrata Harbour before dawn.", "Misrata Harbour"),
        ("Tribal fighters pushed toward Brega Oil Terminal on Friday.", "Brega Oil Terminal"),
    ],
)
def test_where_a_force_moves_towards_is_no_actor(resolve, text, town):
    assert town not in {m for ms in named(resolve(text)).values() for m in ms}


def test_a_group_one_voices_hostility_towards_stays_a_group(resolve):
    found = named(resolve("The Patriotic Front voiced hostility towards the Unity Movement."))
    assert "Unity Movement" in {m for ms in found.values() for m in ms}


@pytest.mark.parametrize(
    "text",
    [
        "Hayat Tahrir al-Sham, a coalition that was once linked to al-Qaeda, controls Idlib.",
        "A coalition of Syrian rebel groups attacked Aleppo on Friday.",
        "The Southern Front is a coalition of rebel factions around Deraa.",
    ],
)
def test_a_coalition_described_is_not_the_conflicts_coalition(resolve, text):
    assert "cjtf-oir" not in named(resolve(text))


def test_the_coalition_named_as_such_is_still_the_conflicts_coalition(resolve):
    doc = resolve("Coalition jets struck Raqqa as the Syrian Democratic Forces advanced on the city.")
    assert "cjtf-oir" in named(doc)


@pytest.mark.parametrize(
    "text",
    [
        "Four Islamist factions near Idlib announced a coalition on Monday. The coalition said it would hold the "
        "front line against the Syrian army.",
        "Rebel brigades south of Damascus formed a new coalition last week, and the coalition has since shelled "
        "army checkpoints.",
        "Kurdish and Assyrian militias joined another coalition in Hasakah. Commanders of the coalition met in "
        "Qamishli on Tuesday.",
    ],
)
def test_the_coalition_a_report_brings_in_is_not_taken_back_as_the_conflicts_coalition(resolve, text):
    assert "cjtf-oir" not in named(resolve(text))


def test_the_conflicts_coalition_named_before_a_new_one_is_brought_in_is_still_found(resolve):
    doc = resolve("Coalition aircraft bombed Raqqa as the Syrian Democratic Forces closed in. Days later, tribal "
                  "fighters formed a new coalition.")
    assert named(doc)["cjtf-oir"] == ["Coalition aircraft"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("The M23 seized Goma in 2012. According to the United Nations, the group's advance has driven 500,000 "
         "residents out of their villages.", "united-nations"),
        ("Amnesty International said Wagner raids had forced villagers from their fields.", "amnesty-international"),
        ("The UNHCR reported that the RSF drove families out of their houses in El Fasher.", "unhcr"),
    ],
)
def test_their_after_a_plural_noun_in_a_phrase_is_that_noun_not_an_earlier_actor(resolve, text, speaker):
    mentions = named(resolve(text)).get(speaker, [])
    assert "their" not in mentions


@pytest.mark.parametrize(
    ("text", "state", "not_state"),
    [
        ("Turkey sent drones to the Tripoli government in 2019.", "libya", "turkey"),
        ("Russia shipped arms to the Tripoli government, while Egypt backed Haftar.", "libya", "russia"),
        ("Iran pressed the Baghdad government to expel American troops.", "iraq", "iran"),
    ],
)
def test_a_government_named_by_its_city_is_that_countrys_state(pipeline, text, state, not_state):
    from factiongraph.pipeline import extract

    got = named(extract(text, pipeline=pipeline))  # the whole pipeline: the city is resolved on the map first
    assert any("government" in m for m in got.get(state, []))
    assert not any("government" in m for m in got.get(not_state, []))


@pytest.mark.parametrize(
    ("text", "state"),
    [
        ("The RSF shelled villages in Gezira, despite the 2020 Juba peace agreement.", "south-sudan"),
        ("Rebels who signed the Juba agreement later joined the army.", "south-sudan"),
        ("The Juba peace deal of 2020 brought several Darfur movements into the government.", "south-sudan"),
    ],
)
def test_a_capital_naming_an_agreement_is_no_party_even_tagged_as_a_person(pipeline, text, state):
    from factiongraph.pipeline import extract

    assert "Juba" not in named(extract(text, pipeline=pipeline)).get(state, [])


@pytest.mark.parametrize(
    ("text", "state", "capital"),
    [
        ("Fighting raged near Kemise, about 300 km north of Addis Ababa.", "ethiopia", "Addis Ababa"),
        ("The militia holds a town 40 km south of Baghdad.", "iraq", "Baghdad"),
        ("Gunmen ambushed a convoy on the outskirts of Bamako.", "mali", "Bamako"),
    ],
)
def test_a_capital_a_place_is_measured_from_is_no_party(pipeline, text, state, capital):
    from factiongraph.pipeline import extract

    assert capital not in named(extract(text, pipeline=pipeline)).get(state, [])


@pytest.mark.parametrize(
    ("text", "state", "not_state"),
    [
        ("Sudan accused the government in Juba of sheltering SPLM-N commanders.", "south-sudan", "sudan"),
        ("Kenyan troops shelled al-Shabaab bases near Mandera, and the government in Mogadishu welcomed the raid.",
         "somalia", "kenya"),
        ("Lebanese officials said the regime in Damascus had asked Hezbollah for more fighters.", "syria", "lebanon"),
    ],
)
def test_a_government_seated_in_a_capital_is_that_countrys_state(pipeline, text, state, not_state):
    from factiongraph.pipeline import extract

    got = named(extract(text, pipeline=pipeline))
    assert any(m in ("the government", "the regime") for m in got.get(state, []))
    assert not any(m in ("the government", "the regime") for m in got.get(not_state, []))


@pytest.mark.parametrize(
    "text",
    [
        "Missiles struck the port before dawn, officials said.",
        "Rockets hit the airbase on Sunday, the army said.",
        "Shells fell on the market as the militia advanced.",
    ],
)
def test_a_weapon_opening_a_sentence_is_no_actor(resolve, text):
    first = text.split()[0]
    assert first not in {m for ms in named(resolve(text)).values() for m in ms}


def test_the_coalition_is_the_conflicts_again_once_that_one_is_named_after_a_local_one(resolve):
    doc = resolve("The Popular Mobilization Forces, a coalition of Shia militias, advanced on Tal Afar while the "
                  "Syrian Democratic Forces closed on Raqqa. The US-led coalition bombed the city, and the coalition "
                  "later denied it had struck a mosque in Syria.")
    assert "the coalition" in named(doc).get("cjtf-oir", [])


@pytest.fixture(scope="module")
def run(pipeline):
    from factiongraph.pipeline import extract

    return lambda text: extract(text, pipeline=pipeline)


@pytest.mark.parametrize(
    ("text", "place_state"),
    [
        ("Nigerian-led West African troops drove the military junta and its rebel allies out of Freetown.",
         "sierra-leone"),
        ("Kenyan soldiers and their Somali partners pushed the militants out of Kismayo last week.", "somalia"),
        ("Government forces and allied militias chased the rebels out of Goma, in Congo, after two days.",
         "dr-congo"),
    ],
)
def test_the_place_a_side_is_driven_out_of_is_no_party_to_the_ties_of_those_driving(run, text, place_state):
    doc = run(text)
    assert not any(r.type in ("alliance", "support") and place_state in (r.source, r.target) for r in doc.relations)


@pytest.mark.parametrize(
    ("text", "pronoun_start", "owner"),
    [
        ("Nigerian-led troops drove the military junta and its allies out of the capital.", 49, None),
        ("Turkish jets struck the PKK and its affiliates in the mountains.", 32, "pkk"),
        ("Al-Shabaab fighters overran the camp and its defences before dawn.", 41, None),
    ],
)
def test_a_possessive_on_the_second_item_of_a_list_is_the_first_items(resolve, text, pronoun_start, owner):
    doc = resolve(text)
    owners = [a.id for a in doc.actors for m in a.mentions if m.start == pronoun_start]
    assert owners == ([owner] if owner else [])


@pytest.mark.parametrize(
    ("text", "state"),
    [
        ("Syrian troops massed on the edge of Beirut's southern suburbs.", "lebanon"),
        ("Gunmen raided a market in Syria's north on Tuesday.", "syria"),
        ("Shelling hit Tripoli's outskirts overnight.", "libya"),
    ],
)
def test_a_city_or_country_owning_a_part_of_itself_is_a_place(resolve, text, state):
    assert state not in {a.id for a in resolve(text).actors}


@pytest.mark.parametrize(
    ("text", "state"),
    [
        ("Boko Haram drives insecurity across the Lake Chad Basin.", "chad"),
        ("Fighters crossed the Niger River into Mali at night.", "niger"),
        ("Militants fired on a ferry on Lake Tanganyika near the Congo River.", "dr-congo"),
    ],
)
def test_a_country_name_inside_a_lake_or_river_name_is_no_actor(resolve, text, state):
    assert state not in {a.id for a in resolve(text).actors}


@pytest.mark.parametrize(
    ("text", "a", "b"),
    [
        ("Amal and Hezbollah will be allies again once Syria and Iran make a deal.", "hezbollah", "syria"),
        ("The rebels remain partners of Hamas because Iran armed them.", "generic-rebels", "iran"),
        ("Al-Shabaab stays an enemy of the state unless Kenya pulls out its troops.", "al-shabaab", "kenya"),
    ],
)
def test_neighbouring_names_in_another_clause_are_not_tied(run, text, a, b):
    assert not any({r.source, r.target} == {a, b} for r in run(text).relations)


@pytest.mark.parametrize(
    ("text", "transit"),
    [
        ("Addis Ababa accuses Eritrea of shipping arms through Somalia to the Oromo Liberation Front.", "somalia"),
        ("Iran sends weapons to the Houthis via Oman, the panel said.", "oman"),
        ("Rwanda funnels arms through Uganda to the M23.", "uganda"),
    ],
)
def test_a_country_arms_pass_through_is_no_party_to_the_supply(run, text, transit):
    assert not any(transit in (r.source, r.target) for r in run(text).relations)


@pytest.mark.parametrize(
    ("text", "state"),
    [
        ("Ugandan troops pushed deeper into southern Sudan this week in pursuit of the Lord's Resistance Army.",
         "sudan"),
        ("Kenyan troops moved into southern Somalia to fight al-Shabaab.", "somalia"),
        ("Turkish forces advanced into northern Syria on Sunday.", "syria"),
    ],
)
def test_a_region_of_a_country_moved_into_is_no_party(run, text, state):
    doc = run(text)
    assert not any(state in (r.source, r.target) for r in doc.relations)
    assert not any(state in (e.actor1, e.actor2) for e in doc.events)


@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("Abkhaz fighters, backed by volunteers, stormed Sukhumi.", "Sukhumi"),
        ("Houthi rebels seized Sanaa in 2014.", "Sanaa"),
        ("Government troops recaptured Kismayo after a week.", "Kismayo"),
    ],
)
def test_a_town_taken_is_a_place_even_when_tagged_as_a_person(run, text, town):
    doc = run(text)
    assert town not in {a.name for a in doc.actors}
    assert town in {p.text for p in doc.places}


@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("Saudi jets struck Sanaa on Monday, killing 12 people.", "Sanaa"),
        ("Government artillery shelled Kassala overnight.", "Kassala"),
        ("The rebels besieged Malakal for a month.", "Malakal"),
    ],
)
def test_a_town_bombarded_is_a_place_and_no_party_even_when_tagged_as_a_person(run, text, town):
    doc = run(text)
    assert town not in {a.name for a in doc.actors}
    assert not any(town.lower() in (r.source, r.target) for r in doc.relations)


@pytest.mark.parametrize(
    ("text", "state"),
    [
        ("Royalist troops were retreating towards O'Smach on the Thai border.", "thailand"),
        ("The militia moved its camps along the Ugandan border last year.", "uganda"),
        ("Smugglers crossed at night near the Algerian frontier.", "algeria"),
    ],
)
def test_a_states_adjective_on_a_border_says_where_not_who(resolve, text, state):
    assert state not in {a.id for a in resolve(text).actors}


@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("Backed by French air strikes, Malian troops retook Konna.", "Konna"),
        ("Government forces recaptured Kidal from the MNLA.", "Kidal"),
        ("Rebels overran Diabaly on Monday.", "Diabaly"),
    ],
)
def test_a_town_retaken_or_overrun_is_no_actor_whatever_the_tagger_calls_it(run, text, town):
    doc = run(text)
    assert town not in {a.name for a in doc.actors}
    assert not any(town.lower() in (r.source, r.target) for r in doc.relations)


@pytest.mark.parametrize(
    ("text", "make"),
    [
        ("Guerrillas opened fire on his Rolls-Royce on the hill road.", "Rolls-Royce"),
        ("Rebels shot at his Mercedes outside the ministry.", "Mercedes"),
        ("Militants torched her Peugeot outside the school.", "Peugeot"),
    ],
)
def test_a_persons_belonging_named_by_its_make_is_no_actor(resolve, text, make):
    doc = resolve(text)
    assert make not in {m.text for a in doc.actors for m in a.mentions}


@pytest.mark.parametrize(
    ("text", "capital"),
    [
        ("The peace built on the 1994 Lusaka Protocol gave way to full-scale war.", "Lusaka"),
        ("Both sides broke the Algiers Treaty within a year.", "Algiers"),
        ("Rebels rejected the Cairo Charter.", "Cairo"),
    ],
)
def test_a_capital_naming_a_signed_instrument_is_where_it_was_signed(resolve, text, capital):
    doc = resolve(text)
    assert capital not in {m.text for a in doc.actors for m in a.mentions}


@pytest.mark.parametrize(
    ("text", "building"),
    [
        ("The West African force had recaptured State House and killed more than 200 fighters.", "State House"),
        ("Rebels stormed the Presidential Palace at dawn.", "Presidential Palace"),
        ("Rebel gunners shelled the Ministry of Defence overnight.", "Ministry of Defence"),
    ],
)
def test_a_building_taken_or_shelled_is_ground_not_a_party(resolve, text, building):
    doc = resolve(text)
    assert building not in {m.text for a in doc.actors for m in a.mentions}


def test_a_named_group_overrun_stays_a_party(resolve):
    doc = resolve("Government forces overran the Patriotic Front near the border.")
    assert "patriotic-front" in {a.id for a in doc.actors}


@pytest.mark.parametrize(
    ("text", "group"),
    [
        ("Gunmen killed two former FARC combatants near Tumaco on Sunday.", "farc"),
        ("Police detained three former M23 rebels in Goma.", "m23"),
        ("The army recruited erstwhile Janjaweed militiamen into a new unit.", "janjaweed"),
    ],
)
def test_former_members_of_a_group_are_not_the_group(resolve, text, group):
    assert group not in named(resolve(text))


# names the grammar around them makes places: a "where" clause takes the name up as a place; a name modifying a front
# names where the fighting is; a compass noun's "of" object is what a bearing is taken from
PLACES_BY_GRAMMAR = {
    "where-clause": [
        ("Fighting spread in August to Upper Nile, where the army shelled rebel camps.", "Upper Nile"),
        ("The militia withdrew to Jebel Marra, where it regrouped for weeks.", "Jebel Marra"),
        ("Thousands fled to Ban Ki-moon Camp, where aid groups set up clinics.", "Ban Ki-moon Camp"),
    ],
    "front": [
        ("Houthi fighters pressed an offensive on the Sirwah front.", "Sirwah"),
        ("The army said its units held firm on the Nihm front.", "Nihm"),
        ("Rebels massed tanks near the Tessit front overnight.", "Tessit"),
    ],
    "compass": [
        ("Houthi fighters launched an attack on the Nihm front east of Sanaa.", "Sanaa"),
        ("The militia ambushed a convoy near the east of Beni.", "Beni"),
        ("Fighters of the group stormed a camp in the north of Tessit.", "Tessit"),
    ],
}


@pytest.mark.parametrize(
    ("text", "place"),
    [case for cases in PLACES_BY_GRAMMAR.values() for case in cases],
    ids=[f"{kind}-{n}" for kind, cases in PLACES_BY_GRAMMAR.items() for n in range(len(cases))],
)
def test_a_name_the_grammar_makes_a_place_is_no_actor(resolve, text, place):
    assert all(m.text != place for a in resolve(text).actors for m in a.mentions)


@pytest.mark.parametrize(
    ("text", "name", "short"),
    [
        ("After the accord the Islamic Arab Front of Azawad (FIAA) split off, and the FIAA fought on.",
         "Islamic Arab Front of Azawad", "FIAA"),
        ("The National Front for the Liberation of Angola (FNLA) fought in Luanda, where the FNLA lost.",
         "National Front for the Liberation of Angola", "FNLA"),
        ("Algeria backed a deal, and the Popular Front for the Liberation of Azawad (FPLA) rejected it.",
         "Popular Front for the Liberation of Azawad", "FPLA"),
    ],
)
def test_a_name_the_recogniser_ran_into_an_open_bracket_stops_before_it(resolve, text, name, short):
    doc = resolve(text)
    assert not any("(" in a.name or any("(" in m.text for m in a.mentions) for a in doc.actors)
    owner = next(a for a in doc.actors if a.name == name)
    assert short in {m.text for m in owner.mentions}


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ('A Rwandan army spokesman said the operation, known as Umoja Wetu, or "Our Unity" in Swahili, would hunt the '
         'FDLR.', "Our"),
        ('The Malian army said its campaign, named "We Are All Mali", had pushed JNIM out of two villages.', "We"),
        ('Houthi leaders said their offensive, called "Our Victory Is Near", had taken Marib district.', "Our"),
    ],
)
def test_a_first_person_word_in_a_quoted_title_is_nobodys(resolve, text, word):
    # a name in quotation marks is nobody's words: its "Our" is no speaker's side
    assert all(m.text != word for a in resolve(text).actors for m in a.mentions)
