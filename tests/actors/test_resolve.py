"""Actor resolution on small hand-written texts: exact mentions and ids."""

from __future__ import annotations

import datetime as dt

import pytest

from factiongraph.document import Document


def mentions(doc: Document) -> dict[str, list[str]]:
    return {a.id: [m.text for m in a.mentions] for a in doc.actors}


def test_actors_alias_variants_resolve_to_one_entity(resolve):
    doc = resolve("The Nusra Front attacked. Later al-Nusra and Jabhat al-Nusra were blamed.")
    assert mentions(doc)["jabhat-al-nusra"] == ["Nusra Front", "al-Nusra", "Jabhat al-Nusra"]


def test_actors_acronym_needs_exact_case(resolve):
    doc = resolve("The US said it would send help to us.")
    assert mentions(doc)["united-states"] == ["US", "it"]  # "the US said it": it is the US


def test_actors_demonym_on_force_noun_is_the_state(resolve):
    doc = resolve("Turkish forces shelled the village while Russian jets circled overhead.")
    m = mentions(doc)
    assert m["turkey"] == ["Turkish forces"]
    assert m["russia"] == ["Russian jets"]


@pytest.mark.parametrize(
    ("text", "state"),
    [
        ("Asaib Ahl al-Haq, a Tehran-funded Iraqi militia, denied the charge.", "iraq"),
        ("Residents said a Libyan militia had set up checkpoints on the coast road.", "libya"),
        ("Two Syrian militias loyal to nobody fought over the crossing.", "syria"),
    ],
)
def test_actors_a_demonym_on_militia_is_no_state(resolve, text, state):
    assert state not in mentions(resolve(text))


def test_actors_bare_demonym_is_not_an_actor(resolve):
    doc = resolve("Most of the hamlet's residents were Syrian Arab.")
    assert "syria" not in mentions(doc)


def test_actors_government_forces_resolve_to_focus_state(resolve):
    doc = resolve("Jaysh al-Islam fighters held the town. Government forces shelled it on Monday.")
    m = mentions(doc)
    assert m["syria"] == ["Government forces"]
    actor = doc.actor("syria")
    assert actor is not None and actor.kind == "state" and actor.acled_inter == 1


@pytest.mark.parametrize(
    ("text", "state"),
    [
        ("Yemeni officials said pro-government forces may soon push towards Hodeidah.", "yemen"),
        ("In Somalia, pro-government forces and clan fighters retook a village from al-Shabaab.", "somalia"),
        ("Pro-government forces in Libya's west mobilised after the Tripoli clashes.", "libya"),
    ],
)
def test_actors_pro_government_forces_are_the_reports_state_not_syria(pipeline, text, state):
    from factiongraph.pipeline import extract

    found = mentions(extract(text, pipeline=pipeline))
    assert "syria" not in found
    assert any("ro-government forces" in m for m in found.get(state, []))


def test_actors_foreign_state_kind_depends_on_focus(resolve):
    doc = resolve("Jaysh al-Islam fighters held the town until Russia bombed it.")
    russia = doc.actor("russia")
    assert russia is not None and russia.kind == "foreign_state" and russia.acled_inter == 8


def test_actors_generic_rebels_stay_apart_from_named_groups(resolve):
    doc = resolve("Rebels attacked a checkpoint. Separately, Ahrar al-Sham withdrew.")
    m = mentions(doc)
    assert m["generic-rebels"] == ["Rebels"]
    assert m["ahrar-al-sham"] == ["Ahrar al-Sham"]
    assert doc.actor("generic-rebels").known is False


def test_actors_civilians_resolve_to_one_civilians_actor(resolve):
    doc = resolve("The shelling killed civilians and forced residents to flee.")
    assert mentions(doc)["civilians"] == ["civilians", "residents"]


def test_actors_pronoun_and_group_coreference(resolve):
    doc = resolve("Ahrar al-Sham said its fighters held the line. The group later withdrew.")
    assert mentions(doc)["ahrar-al-sham"] == ["Ahrar al-Sham", "its", "The group"]


def test_actors_indefinite_description_links_to_next_named_group(resolve):
    doc = resolve(
        "The insurgents opened an assault on a rival faction of insurgents. "
        "They seized checkpoints held by the Fastaqim force."
    )
    assert mentions(doc)["fastaqim-kama-umirt"][0] == "a rival faction of insurgents"


def test_actors_alias_resolves_by_document_date(resolve):
    early = resolve("Nusra fighters advanced.", published=dt.date(2015, 3, 1))
    late = resolve("Nusra fighters advanced.", published=dt.date(2018, 3, 1))
    assert [a.id for a in early.actors] == ["jabhat-al-nusra"]
    assert [a.id for a in late.actors] == ["hayat-tahrir-al-sham"]


def test_actors_unknown_organisation_becomes_new_actor(resolve):
    doc = resolve("The Northern Storm Brigade seized the crossing.")
    new = [a for a in doc.actors if not a.known]
    assert [(a.name, a.kind) for a in new] == [("Northern Storm Brigade", "rebel")]


def test_actors_quoted_we_is_the_speakers_organisation(resolve):
    doc = resolve('"We will never surrender to the regime," a Jaysh al-Islam commander told reporters.')
    assert mentions(doc)["jaysh-al-islam"] == ["We", "Jaysh al-Islam"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('An M23 spokesman warned that the brigade would bring war. "If they attack us, we will defend ourselves," he '
         'said.', "m23"),
        ('A Houthi official vowed to keep fighting. "They bomb us every night, but we are still here," he said.',
         "houthis"),
        ('An al-Shabaab commander warned the African Union troops. "When they come, we will be waiting," he told '
         'reporters.', "al-shabaab"),
    ],
)
def test_quoted_they_is_never_the_quoted_speakers_side(resolve, text, speaker):
    """In the quoted words of a group's spokesman, "we" is his group and "they" the other side; the speaker
    is also found as the subject of a verb of warning or vowing beside the quotation."""
    got = mentions(resolve(text)).get(speaker, [])
    assert "we" in got
    assert "they" not in got and "They" not in got


@pytest.mark.parametrize(
    "text",
    [
        "An al-Shabaab fighter was killed in the raid.",
        "An al-Shabaab statement claimed the bombing.",
        "An al-Shabaab commander said the town had fallen.",
    ],
)
def test_an_article_the_recogniser_took_into_a_person_is_no_part_of_the_groups_name(resolve, text):
    """"An al-Shabaab fighter": the tagger reads "An al-Shabaab" as a person; the group's name is still its own."""
    assert mentions(resolve(text)) == {"al-shabaab": ["al-Shabaab"]}


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ('The volunteers came "to defend the Iraqi army," their commander said. Having routed them near the river, '
         "the militants regrouped.", "iraq"),
        ('The advisers arrived "to train the Malian army," a French official said. Having ambushed them near Gao, the '
         "insurgents fled.", "france"),
        ('Ankara sent troops "to back the Libyan government," the ministry said. After shelling them for days, the LNA '
         "withdrew.", "libya"),
    ],
)
def test_a_narrators_pronoun_takes_no_name_from_someones_quoted_words_or_their_source(resolve, text, quoted):
    """"them" outside the quotation is no name inside it, nor the source quoted at the sentence's end."""
    assert "them" not in mentions(resolve(text)).get(quoted, [])


@pytest.mark.parametrize(
    ("text", "earlier"),
    [
        ('Kenyan jets bombed a camp near Dhobley, the Kenyan army said. "We will keep hunting them," a local elder '
         "said.", "kenya"),
        ('The Pentagon confirmed the drone strike on Tuesday. "Our men will not rest," the regional governor told '
         "reporters.", "pentagon"),
        ('Hezbollah fired rockets at the border posts, Hezbollah said. "Our people are exhausted," the village '
         "mayor said.", "hezbollah"),
    ],
)
def test_quoted_we_of_a_speaker_who_is_no_actor_is_not_an_earlier_speakers(resolve, text, earlier):
    """The quotation's own speaker is named ("a local elder said") and is no actor: "we" is his people, not
    the organisation quoted in the sentence before."""
    got = mentions(resolve(text)).get(earlier, [])
    assert not {"We", "Our", "we", "our"} & set(got), got


@pytest.mark.parametrize(
    ("text", "removed", "remover"),
    [
        ("The FARDC evicted the FDLR from its camps near Goma.", "fdlr", "dr-congo"),
        ("The Peshmerga ousted Islamic State from its positions east of Mosul.", "islamic-state", "peshmerga"),
        ("In 2011 AMISOM expelled al-Shabaab from its bases in Mogadishu.", "al-shabaab", "amisom"),
    ],
)
def test_the_place_one_is_driven_from_is_the_driven_sides(resolve, text, removed, remover):
    """"X evicted Y from its camps": the camps are Y's, whom the verb removes, not the subject's."""
    got = mentions(resolve(text))
    assert "its" in got[removed] and "its" not in got[remover]


def test_the_ranks_one_is_expelled_from_are_the_expellers(resolve):
    got = mentions(resolve("Hayat Tahrir al-Sham expelled Jund al-Aqsa from its ranks."))
    assert "its" in got["hayat-tahrir-al-sham"]


@pytest.mark.parametrize(
    ("text", "state", "earlier"),
    [
        ("The STC seized Aden in August. When government troops tried to retake the city, Emirati jets struck them.",
         "yemen", "southern-transitional-council"),
        ("Al-Shabaab holds the south. As soldiers advanced on Jilib, Kenyan jets mistakenly bombed them.", "somalia",
         "al-shabaab"),
        ("The Houthis took Hodeidah. When government soldiers counterattacked, the Houthis shelled them for hours.",
         "yemen", "houthis"),
    ],
)
def test_them_after_a_states_troops_is_those_troops(resolve, text, state, earlier):
    """"When government troops tried ..., jets struck them": a plural noun of a state's men is a set a plural
    pronoun may stand for, nearer than the group named before."""
    got = mentions(resolve(text))
    assert "them" in got[state] and "them" not in got[earlier]


@pytest.mark.parametrize(
    ("text", "subject", "object_"),
    [
        ("Shia volunteers known as the Popular Mobilisation Forces battled Islamic State near Tikrit, and in March "
         "they entered the city.", "popular-mobilization-forces", "islamic-state"),
        ("Tribal fighters known as the Sons of Iraq turned against al-Qaeda in Iraq, and by 2008 they controlled "
         "most of Anbar.", "sons-of-iraq", "al-qaeda-in-iraq"),
        ("Clan gunmen known as Macawisley fought al-Shabaab for weeks, and in August they seized Adale.",
         "macawisley", "al-shabaab"),
    ],
)
def test_they_continues_the_subject_named_by_a_clause_of_naming(resolve, text, subject, object_):
    """"fighters known as X fought Y, and they seized Z": the name the subject is given is the subject, the topic
    a coordinated clause's pronoun continues, not the nearer object."""
    got = mentions(resolve(text))
    assert "they" in got[subject] and "they" not in got[object_]


@pytest.mark.parametrize(
    ("text", "body", "earlier"),
    [
        ("The National Resistance advanced on Hodeidah. A spokesman for the Saudi-led coalition said its jets had "
         "struck Houthi positions.", "saudi-led-coalition", "national-resistance"),
        ("Hezbollah fired rockets at the border. A spokesman for the Israeli army said its jets had struck back.",
         "israel", "hezbollah"),
        ("Al-Shabaab attacked the base at dawn. A spokesman for AMISOM said its troops had held the position.",
         "amisom", "al-shabaab"),
    ],
)
def test_its_in_a_spokesmans_report_is_the_body_he_speaks_for(resolve, text, body, earlier):
    """"A spokesman for X said its jets ...": the spokesman speaks for X, whose jets they are."""
    got = mentions(resolve(text))
    assert "its" in got[body] and "its" not in got.get(earlier, [])


@pytest.mark.parametrize(
    ("text", "harmed", "harmer"),
    [
        ("Washington blamed Kataib Hezbollah for the rocket attacks. The United States hit back with air strikes on "
         "the group's positions, killing 25 of its fighters.", "kataib-hezbollah", "united-states"),
        ("Hezbollah shelled Israeli posts. Israel responded with air strikes, killing several of its fighters.",
         "hezbollah", "israel"),
        ("The Houthis fired missiles at Marib. Saudi jets struck back, killing many of their commanders.", "houthis",
         "saudi-arabia"),
    ],
)
def test_the_men_a_subject_kills_are_not_its_own(resolve, text, harmed, harmer):
    """"X struck back, killing many of their commanders": one does not kill one's own men, so the pronoun is not
    the killer (`harm_verbs` of cues.yaml) but the side struck."""
    got = mentions(resolve(text))
    pronoun = "its" if " its " in text else "their"
    assert pronoun in got[harmed] and pronoun not in got[harmer]


def test_actors_unquoted_we_is_left_alone(resolve):
    doc = resolve("We saw Jaysh al-Islam fighters in the town.")
    assert mentions(doc)["jaysh-al-islam"] == ["Jaysh al-Islam"]


def test_actors_they_never_refers_to_one_person(resolve):
    doc = resolve("General Michel Aoun met Hezbollah leaders. They agreed to talk.")
    assert "They" not in mentions(doc).get("michel-aoun", [])


def test_actors_speaker_of_a_trailing_report_is_marked_peripheral(resolve):
    doc = resolve("Kenya will send troops to Somalia, Defence Minister John Otieno said on Monday.")
    assert mentions(doc)["john-otieno"] == ["Minister John Otieno"]  # "Defence" is his portfolio
    assert doc.hints["peripheral_actors"] == ["john-otieno"]


def test_actors_apposition_names_one_entity(resolve):
    doc = resolve("Maria Lopez, the United Nations relief coordinator, visited the camp.")
    assert mentions(doc) == {"united-nations": ["Maria Lopez", "the United Nations"]}


@pytest.mark.parametrize(
    ("text", "part", "owner", "date"),
    [
        ("Al-Shabaab is still fighting the African Union mission, AMISOM, around Baidoa.", "amisom",
         "african-union", dt.date(2015, 3, 1)),
        ("Rebels shelled a base of the UN mission, MONUSCO, north of Goma.", "monusco", "united-nations",
         dt.date(2013, 6, 1)),
        ("Gunmen ambushed a convoy of the AU mission, AMISOM, on the road to Afgoye.", "amisom", "african-union",
         dt.date(2012, 9, 1)),
        # a possessive owner, the parser reading the description as the name's apposition or its object
        ("SAMIDRC, the Southern African Development Community's mission in Congo, lost two soldiers.", "samidrc",
         "sadc", dt.date(2024, 2, 10)),
        ("MONUSCO, the UN's mission in Congo, said M23 shelled Sake.", "monusco", "united-nations",
         dt.date(2024, 2, 10)),
        ("AMISOM, the AU's mission in Somalia, drove al-Shabaab from Kismayo.", "amisom", "african-union",
         dt.date(2016, 2, 10)),
    ],
)
def test_actors_an_owners_description_of_a_named_mission_is_the_mission(resolve, text, part, owner, date):
    m = mentions(resolve(text, date))
    assert owner not in m
    assert len(m[part]) == 2  # the owner's name in the description and the mission's own


@pytest.mark.parametrize(
    ("text", "whole"),
    [
        ("Al-Shabaab, al-Qaeda's affiliate in East Africa, attacked the base.", "al-qaeda"),
        ("Residents said the Security Belt, the STC's main armed wing, had overrun the barracks.",
         "southern-transitional-council"),
    ],
)
def test_actors_a_relational_noun_in_apposition_leaves_the_whole_its_own_mention(resolve, text, whole):
    assert whole in mentions(resolve(text, dt.date(2019, 11, 12)))


def test_actors_an_ally_named_in_apposition_stays_apart_from_its_patron(resolve):
    m = mentions(resolve("The US ally, Jordan, struck Islamic State positions near Raqqa."))
    assert m["united-states"] == ["US"] and m["jordan"] == ["Jordan"]


@pytest.mark.parametrize(
    ("text", "group", "people"),
    [
        ("The General Military Council of Iraqi Revolutionaries joined the offensive. Sistani urged Iraqis to take "
         "up arms.", "general-military-council-of-iraqi-revolutionaries", "Iraqis"),
        ("The Front of Libyan Revolutionaries seized the port. Many Libyans fled to Tunisia.",
         "front-of-libyan-revolutionaries", "Libyans"),
        ("The Council of Yemeni Tribes backed the Houthis. Yemenis queued for bread in Sanaa.",
         "council-of-yemeni-tribes", "Yemenis"),
    ],
)
def test_actors_a_people_is_no_short_name_of_a_group_named_with_its_adjective(resolve, text, group, people):
    m = mentions(resolve(text, dt.date(2014, 6, 15)))
    assert people not in m[group]


@pytest.mark.parametrize(
    ("text", "body", "member"),
    [
        ("The Islamic Front was announced by seven factions, among them Ahrar al-Sham and Suqour al-Sham.",
         "islamic-front", "ahrar-al-sham"),
        ("The Army of Conquest, including Ahrar al-Sham and the Nusra Front, took Idlib.", "jaysh-al-fatah",
         "ahrar-al-sham"),
        ("The Sudan Revolutionary Front groups four movements, among them JEM and the SLA.",
         "sudan-revolutionary-front", "justice-and-equality-movement"),
    ],
)
def test_actors_a_member_listed_after_among_or_including_is_no_name_of_the_body(resolve, text, body, member):
    m = mentions(resolve(text, dt.date(2013, 11, 22)))
    assert member in m and not set(m.get(body, [])) & set(m[member])


@pytest.mark.parametrize(
    ("text", "last", "description"),
    [
        ("Seven factions joined, among them Ahrar al-Sham, Jaysh al-Islam and Liwa al-Tawhid, the Aleppo brigade "
         "that had fought under the banner of the Free Syrian Army.", "liwa-al-tawhid", "the Aleppo brigade"),
        ("Fighters from Ahrar al-Sham, Jaysh al-Islam and Liwa al-Tawhid, the largest Aleppo brigade, stormed the "
         "base.", "liwa-al-tawhid", "the largest Aleppo brigade"),
        ("The front grouped Suqour al-Sham, Jaysh al-Islam and Liwa al-Tawhid, the main Aleppo brigade.",
         "liwa-al-tawhid", "the main Aleppo brigade"),
    ],
)
def test_actors_a_description_after_a_list_describes_its_last_item(resolve, text, last, description):
    m = mentions(resolve(text, dt.date(2013, 11, 22)))
    assert description in m[last]


def test_actors_a_name_listed_beside_a_groups_fighters_stays_its_own(resolve):
    text = "Fighters of Jaysh al-Islam, Faylaq al-Rahman and Ahrar al-Sham, the largest rebel brigade, held Douma."
    assert "Faylaq al-Rahman" not in mentions(resolve(text, dt.date(2015, 11, 22)))["jaysh-al-islam"]


@pytest.mark.parametrize(
    "text",
    [
        "The Sudan Revolutionary Front groups four movements, among them JEM and the SPLM-N.",
        "The army fought the SPLM-N. Many died.",
        "Khartoum bombed villages held by the SPLM-N.",
    ],
)
def test_actors_a_hyphenated_name_with_the_sentences_period_is_the_longer_name(resolve, text):
    m = mentions(resolve(text, dt.date(2013, 11, 22)))
    assert "spla" not in m and "splm-north" in m


def test_actors_demonym_on_what_an_action_hits_is_the_nation(resolve):
    doc = resolve("Ethiopia rejected a Kenyan proposal on the border.")
    assert mentions(doc) == {"ethiopia": ["Ethiopia"], "kenya": ["Kenyan"]}


def test_actors_peripheral_entities_are_marked_for_pruning(resolve):
    doc = resolve("Uganda signed an agreement with rebels who had been fighting a group that was armed by Sudan.")
    assert doc.hints["peripheral_actors"] == ["sudan"]


def test_actors_far_deeper_than_the_sentences_object_are_peripheral(resolve):
    doc = resolve("Kenya criticised Somalia over rebels who receive weapons from allies of Eritrea.")
    assert doc.hints["peripheral_actors"] == ["eritrea"]


def test_actors_depth_counts_relative_to_the_sentence(resolve):
    doc = resolve("Rebels who receive weapons from allies of Eritrea attacked a police post.")
    assert doc.hints["peripheral_actors"] == []


def test_actors_abbreviation_of_a_name_that_is_no_actor_is_no_actor(resolve):
    doc = resolve("The IAEA sent inspectors to the Northern Uranium Plant (NUP) near the capital.")
    assert mentions(doc) == {"iaea": ["IAEA"]}


def test_actors_named_twice_are_never_peripheral(resolve):
    doc = resolve("Kenya criticised Somalia over rebels who receive weapons from allies of Eritrea. Eritrea denied it.")
    assert doc.hints["peripheral_actors"] == []


def test_actors_known_armed_groups_are_never_background(resolve):
    doc = resolve("Kenya criticised Somalia over rebels who receive weapons from allies of al-Shabaab.")
    assert doc.hints["peripheral_actors"] == []


def test_actors_coalition_with_descriptive_adjective_is_the_conflict_coalition(resolve):
    doc = resolve("Iraqi troops held the bridge. The international coalition bombed the depot.")
    assert mentions(doc)["cjtf-oir"] == ["The international coalition"]


def test_actors_counter_prefixed_name_is_the_coalition_enemy_not_owner(resolve):
    doc = resolve("Iraqi troops held the bridge. The counter-ISIL coalition bombed ISIL positions.")
    m = mentions(doc)
    assert m["cjtf-oir"] == ["coalition"]
    assert m["islamic-state"][0] == "ISIL"


def test_actors_coalition_named_by_its_leader_is_not_the_conflict_coalition(resolve):
    doc = resolve("Iraqi troops held the bridge. The Saudi coalition bombed the depot.")
    assert "cjtf-oir" not in mentions(doc)


def test_actors_force_noun_modified_by_opposition_is_generic_rebels(resolve):
    doc = resolve("Government aircraft bombed opposition forces near Hama.")
    assert mentions(doc)["generic-rebels"] == ["opposition forces"]


def test_actors_person_in_a_registry_actors_role_acts_for_it(resolve):
    doc = resolve("Rebel leaders will meet U.N. mediator Jonas Pellerin in Geneva.")
    m = mentions(doc)
    assert m["united-nations"] == ["U.N.", "Jonas Pellerin"]
    assert "jonas-pellerin" not in m


def test_actors_person_without_a_registry_owner_stays_a_person(resolve):
    doc = resolve("Rebel leaders will meet the mediator Jonas Pellerin in Geneva.")
    assert mentions(doc)["jonas-pellerin"] == ["Jonas Pellerin"]


def test_actors_dateline_place_is_no_actor(resolve):
    doc = resolve("Strikes hit Sanaa\nADEN, 26 March 2015 — Saudi Arabia began air strikes against the Houthis.")
    assert "ADEN" not in {m.text for a in doc.actors for m in a.mentions}
    assert {"saudi-arabia", "houthis"} <= set(mentions(doc))


def test_actors_name_of_an_installation_is_no_actor(resolve):
    doc = resolve("Warplanes hit the al-Dailami air base and the Tishreen dam on Thursday.")
    assert mentions(doc) == {}


def test_actors_generic_forces_are_the_state_not_one_of_its_units(resolve):
    # the registry also holds Colombian and Russian units of kind state (ESMAD, Africa Corps, ...)
    doc = resolve("Government forces clashed with ELN rebels in Cauca, Colombia, on Monday.")
    assert "Government forces" in mentions(doc)["colombia"]


def test_actors_the_army_of_the_focus_state_is_the_state(pipeline):
    from factiongraph.pipeline import extract

    doc = extract("The army thanked Russia for its help.", pipeline=pipeline)
    assert mentions(doc) == {"russia": ["The army", "Russia", "its"]}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Two brigades said they would fold their fighters into the Free Coast Front. "
            "The Free Coast Front was set up in March to unite the coastal factions.",
            "Free Coast Front",
        ),
        (
            "Militants of the Desert Falcons Brigade ambushed a convoy. "
            "Officials blamed the Desert Falcons Brigade for the ambush.",
            "Desert Falcons Brigade",
        ),
        (
            "A new coalition, the Northern Victory Alliance, was announced. "
            "Three factions are now within the Northern Victory Alliance.",
            "Northern Victory Alliance",
        ),
    ],
)
def test_actors_new_name_is_a_mention_wherever_it_recurs(resolve, text: str, name: str) -> None:
    doc = resolve(text)
    new = {a.name: [m.text for m in a.mentions] for a in doc.actors if not a.known}
    assert new[name] == [name, name]


@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("Clashes between the two jihadist groups flared up in Mali and Niger last year.", {"mali", "niger"}),
        (
            "The militants have fought rival cells in hotspots such as Somalia, Syria and Yemen.",
            {"somalia", "syria", "yemen"},
        ),
        ("The delegates gathered in the city of Addis Ababa for the talks.", {"ethiopia"}),
    ],
)
def test_actors_named_only_as_places_are_no_actors(resolve, text: str, places: set[str]) -> None:
    # a list after a locative preposition, "such as" a place noun, "the city of X": never a party,
    # so no event can take them for one
    doc = resolve(text)
    assert not places & {a.id for a in doc.actors}


def test_actors_a_lone_locative_country_may_be_its_authorities(resolve) -> None:
    from factiongraph.actors.salience import PERIPHERAL_HINT

    doc = resolve("Two aid workers were detained in Lebanon on Monday and later released.")
    assert "lebanon" in {a.id for a in doc.actors}
    assert "lebanon" not in doc.hints[PERIPHERAL_HINT]


@pytest.mark.parametrize(
    ("text", "full", "initials"),
    [
        (
            "Justice and Equality Movement fighters entered the town on Monday. "
            "Later the SLA and JEM said they would hold it.",
            "justice-and-equality-movement",
            "JEM",
        ),
        (
            "A spokesman for the Kachin Independence Army said the KIA had taken the hill.",
            "kachin-independence-army",
            "KIA",
        ),
        (
            "Justice and Equality Movement delegates met mediators in Doha. JEM later denied any deal.",
            "justice-and-equality-movement",
            "JEM",
        ),
    ],
)
def test_actors_initials_join_the_name_they_abbreviate(resolve, text: str, full: str, initials: str) -> None:
    doc = resolve(text)
    assert initials in mentions(doc)[full]
    assert not any(a.name == initials for a in doc.actors)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The Arakan Army seized a police post. The AA and KIA then issued a joint statement.", "KIA"),
        ("The SPLM and JEM agreed on a truce in Juba.", "JEM"),
        ("Officials said the FUC and UFDD fighters had withdrawn.", "UFDD"),
    ],
)
def test_actors_later_item_of_a_coordinated_subject_is_a_party(resolve, text: str, name: str) -> None:
    assert name in {m.text for a in resolve(text).actors for m in a.mentions}  # (JEM is a registry name now)


@pytest.mark.parametrize(
    ("text", "owner"),
    [
        (
            "The Arakan Army raided a junta outpost at dawn. "
            "Later, two posts fell to the Kachin Independence Army and its allies.",
            "kachin-independence-army",
        ),
        ("Hezbollah fired rockets overnight. Israeli jets then struck Hamas and its partners in Gaza.", "hamas"),
        (
            "The Syrian Democratic Forces held the dam. "
            "Shelling hit the Kurdistan Workers' Party and its affiliates near the border.",
            "pkk",
        ),
    ],
)
def test_actors_possessive_in_a_list_item_is_the_item_before_it(resolve, text: str, owner: str) -> None:
    doc = resolve(text)
    assert "its" in mentions(doc)[owner]


@pytest.mark.parametrize(
    "text",
    [
        "The Arakan Army fought the junta. Posts fell to the KIA and its partners, among them two small brigades.",
        "Hamas fired rockets. Several groups joined the truce, among them some smaller factions.",
        "The SDF held the town. Many militias left, among them units from the east.",
    ],
)
def test_actors_among_them_points_to_the_list_not_to_an_earlier_actor(resolve, text: str) -> None:
    doc = resolve(text)
    assert not any(m.text == "them" for a in doc.actors for m in a.mentions)


@pytest.mark.parametrize(
    ("text", "actor", "description"),
    [
        (
            "The deal brings together the fighters of a Sunni militia, the MAA (Arab Movement of Azawad), "
            "and two Tuareg groups.",
            "arab-movement-of-azawad",
            "a Sunni militia",
        ),
        (
            "The pact unites members of an Islamist militia, the HCUA (High Council for the Unity of Azawad), "
            "with others.",
            "hcua",
            "an Islamist militia",
        ),
        (
            "Residents blamed an Islamist militia, the ADF, for the raid.",
            "allied-democratic-forces",
            "an Islamist militia",
        ),
    ],
)
def test_actors_indefinite_description_then_a_name_is_one_actor(
    resolve, text: str, actor: str, description: str
) -> None:
    doc = resolve(text)
    assert description in mentions(doc)[actor]



@pytest.mark.parametrize(
    ("text", "name", "state"),
    [
        ("Iraqi units and the Makhmour Security Forces manned the checkpoints.", "Makhmour Security Forces", "iraq"),
        ("In Iraq the army moved against the Shingal Guard Security Forces.", "Shingal Guard Security Forces", "iraq"),
        ("Near Gao in Mali, the Tessit Security Forces fought off an ambush.", "Tessit Security Forces", "mali"),
    ],
)
def test_actors_a_force_with_a_name_of_its_own_is_not_the_state(resolve, text, name, state):
    owners = {aid for aid, ms in mentions(resolve(text)).items() if any(name in m for m in ms)}
    assert owners and state not in owners


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("In Myanmar, the junta said its troops had repelled the attack.", ["the junta", "its"]),
        ("Resistance fighters ambushed a junta convoy in Sagaing, Myanmar.", ["junta"]),
        ("Residents of Myanmar said junta soldiers burned the village.", ["junta soldiers"]),
    ],
)
def test_actors_the_junta_is_the_military_government_of_the_focus_state(resolve, text, expected):
    assert [m for m in mentions(resolve(text))["myanmar"] if m != "Myanmar"] == expected


@pytest.mark.parametrize(
    ("text", "actor", "short"),
    [
        ("The Arakan Army (AA) seized a base in Rakhine. Two days later the AA shelled a navy ship.", "arakan-army",
         "AA"),
        ("Leaders of the Arakan Army (AA) met envoys from China; the AA agreed to talk.", "arakan-army", "AA"),
        ("Fighting between the junta and the Arakan Army (AA) resumed in Myanmar, where the AA holds most townships.",
         "arakan-army", "AA"),
    ],
)
def test_actors_a_short_form_given_in_brackets_names_the_actor_later(resolve, text, actor, short):
    assert mentions(resolve(text))[actor][-1] == short


@pytest.mark.parametrize(
    "text",
    [
        "The Arakan Army (AA) kept its posts. Later the KIA, the AA and local militias captured a second town.",
        "After the Arakan Army (AA) rose, the KIA, the AA and several smaller groups signed a pact.",
        "Reports from the Arakan Army (AA) say the TNLA, the AA and allied units took the pass.",
    ],
)
def test_actors_two_short_names_side_by_side_stay_two_actors(resolve, text):
    m = mentions(resolve(text))
    assert "AA" in m["arakan-army"]
    assert not any(x in m["arakan-army"] for x in ("KIA", "TNLA"))


@pytest.mark.parametrize(
    "text",
    [
        "Near Kirkuk, the peshmerga held their lines overnight.",
        "Iraqi troops and the peshmerga agreed to share the checkpoints.",
        "Officials in Erbil said peshmerga units had moved north.",
    ],
)
def test_actors_peshmerga_written_in_lowercase_is_the_peshmerga(resolve, text):
    doc = resolve(text)
    assert [m.text for a in doc.actors if a.id == "peshmerga" for m in a.mentions if m.how == "alias"] == ["peshmerga"]


@pytest.mark.parametrize(
    "text",
    [
        "In Yemen, the Saudi-led pro-government coalition pushed the Houthis back from Marib.",
        "The Saudi-led Arab coalition bombed Houthi positions near Marib in Yemen.",
        "Jets of the Saudi-led military coalition struck Hodeidah port, Yemen.",
    ],
)
def test_actors_a_registry_name_with_modifiers_inside_it_still_names_its_actor(resolve, text):
    assert "saudi-led-coalition" in mentions(resolve(text))


@pytest.mark.parametrize(
    ("text", "published", "person", "state"),
    [
        ("Rebels killed Ali Abdullah Saleh after days of fighting in Sanaa.", dt.date(2017, 12, 5),
         "Ali Abdullah Saleh", "yemen"),
        ("Ali Abdullah Saleh met tribal leaders to plan his return to power.", dt.date(2015, 3, 1),
         "Ali Abdullah Saleh", "yemen"),
        ("Supporters of Ali Abdullah Saleh rallied in Sanaa on Friday.", dt.date(2016, 8, 20),
         "Ali Abdullah Saleh", "yemen"),
    ],
)
def test_actors_a_leader_named_after_his_years_in_office_is_a_person_not_the_state(
    resolve, text, published, person, state
):
    doc = resolve(text, published=published)
    assert person not in mentions(doc).get(state, [])
    assert any(person in ms for ms in mentions(doc).values())


def test_actors_a_leader_named_during_his_years_in_office_speaks_for_the_state(resolve):
    doc = resolve("Ali Abdullah Saleh ordered troops into Aden.", published=dt.date(2005, 6, 1))
    assert "Ali Abdullah Saleh" in mentions(doc)["yemen"]


@pytest.mark.parametrize(
    ("text", "group", "description"),
    [
        ("The army hoped to weaken the Shiite rebels. Weeks later the Houthis seized Aden.", "houthis",
         "the Shiite rebels"),
        ("Villagers fled from the Tutsi rebels. By noon the M23 held the town.", "m23", "the Tutsi rebels"),
        ("Talks with the Pashtun insurgents stalled. The Taliban then attacked Kunduz.", "taliban",
         "the Pashtun insurgents"),
    ],
)
def test_actors_a_people_qualified_description_before_the_only_rebel_group_is_that_group(
    resolve, text, group, description
):
    assert description in mentions(resolve(text))[group]


@pytest.mark.parametrize(
    ("text", "person", "state"),
    [
        ("The Houthis broke with former president Ali Abdullah Saleh in December.", "Ali Abdullah Saleh", "yemen"),
        ("Rebels killed Ali Abdullah Saleh, the country's former president.", "Ali Abdullah Saleh", "yemen"),
        ("Houthi fighters shot Ali Abdullah Saleh, the ex-president of Yemen, near Sanaa.", "Ali Abdullah Saleh",
         "yemen"),
    ],
)
def test_actors_a_leader_given_a_former_title_is_a_person_not_the_state(resolve, text, person, state):
    m = mentions(resolve(text))
    assert not any(person in x for x in m.get(state, []))
    assert any(person in x for ms in m.values() for x in ms)


@pytest.mark.parametrize(
    "text",
    [
        "Wagner's fighters attacked the village near Moura in Mali.",
        "Wagner mercenaries guarded the mine near Bangui.",
        "Residents said Wagner's men had burned the market.",
    ],
)
def test_actors_an_organisations_own_people_are_the_organisation(resolve, text):
    m = mentions(resolve(text))
    assert "wagner-group" in m
    assert not any(aid.startswith("wagner-") and aid != "wagner-group" for aid in m)


@pytest.mark.parametrize(
    "text",
    [
        "Kyiv accused Minsk of deploying troops to support Russia.",
        "Somalia said Kenya had promised to send soldiers to Kismayo.",
        "Libya's government said Ankara had agreed to dispatch troops to Tripoli.",
    ],
)
def test_actors_forces_a_named_sender_sends_are_not_the_reporting_states(resolve, text):
    doc = resolve(text)
    assert not [m for ms in mentions(doc).values() for m in ms if m in ("troops", "soldiers")]


@pytest.mark.parametrize(
    ("text", "state", "forces"),
    [
        ("Al-Shabaab fighters ambushed federal troops near Mogadishu.", "somalia", "federal troops"),
        ("Fighting erupted between Fano and federal forces near Gondar in Ethiopia.", "ethiopia", "federal forces"),
        ("Boko Haram raided a camp of federal soldiers in Borno, Nigeria.", "nigeria", "federal soldiers"),
    ],
)
def test_actors_federal_forces_are_the_states(resolve, text, state, forces):
    assert forces in mentions(resolve(text)).get(state, [])


@pytest.mark.parametrize(
    "text",
    [
        "Georgian troops shelled Tskhinvali. Moscow, which has backed the separatist authorities of South Ossetia, "
        "sent tanks.",
        "Ukrainian forces advanced near Luhansk, where the self-proclaimed authorities declared an emergency.",
        "The de facto authorities in Sukhumi said Georgian police had crossed the line.",
    ],
)
def test_actors_separatist_or_self_proclaimed_authorities_are_not_the_state(resolve, text):
    assert not [m for ms in mentions(resolve(text)).values() for m in ms if "authorities" in m]


@pytest.mark.parametrize(
    ("text", "named_ids"),
    [
        ("Clashes between two rebel factions, Ahrar al-Sham and Nour al-Din al-Zenki, killed 30 people.",
         {"ahrar-al-sham", "nour-al-din-al-zenki"}),
        ("Two jihadist groups, JNIM and the Islamic State, fought for control of Menaka.", {"jnim", "islamic-state"}),
        ("Fighting broke out between two militias, the Kaniyat and Jaysh al-Islam, near Douma.",
         {"al-kaniyat", "jaysh-al-islam"}),
    ],
)
def test_actors_a_description_followed_by_the_names_it_counts_is_no_actor_of_its_own(resolve, text, named_ids):
    ids = set(mentions(resolve(text)))
    assert not {i for i in ids if i.startswith("generic-")}
    assert named_ids <= ids


@pytest.mark.parametrize(
    ("text", "antecedent", "subject"),
    [
        (
            "The Taliban seized two districts on Friday. "
            "Hezb-e Islami quarrelled with al-Qaeda for years and eventually fought them.",
            "al-qaeda",
            "taliban",
        ),
        (
            "Hamas held the crossing. Amal broke ranks with Hezbollah in 1988 and clashed with them for two years.",
            "hezbollah",
            "hamas",
        ),
        (
            "ISIS lost Raqqa in 2017. Jabhat al-Nusra cut its ties with al-Qaeda in 2016 but never attacked them.",
            "al-qaeda",
            "jabhat-al-nusra",
        ),
    ],
)
def test_actors_object_pronoun_is_not_its_clauses_subject_and_looks_in_its_sentence_first(
    resolve, text: str, antecedent: str, subject: str
) -> None:
    found = mentions(resolve(text))
    assert "them" in found[antecedent]
    assert "them" not in found.get(subject, [])


@pytest.mark.parametrize(
    ("text", "antecedent"),
    [
        ("The Houthis took Sanaa. Fighters of the GPC fought alongside them for three years.", "houthis"),
        ("Al-Shabaab overran the base. Gunmen of Hizbul Islam battled AMISOM troops alongside them.", "al-shabaab"),
        ("Boko Haram raided Baga. Members of Ansaru later fought beside them.", "boko-haram"),
    ],
)
def test_actors_an_object_pronoun_is_neither_its_clauses_object_nor_the_group_whose_men_are_its_subject(
    resolve, text, antecedent
) -> None:
    assert "them" in mentions(resolve(text, dt.date(2010, 6, 15)))[antecedent]


@pytest.mark.parametrize(
    ("text", "antecedent", "whole"),
    [
        ("The MNDAA, the TNLA and the Arakan Army seized Laukkai. Local People's Defence Forces, the armed wing of "
         "the shadow National Unity Government, fought alongside them.", "mndaa", "national-unity-government"),
        ("ISIL stormed Tikrit. Kataib Hezbollah, a unit of the PMF, fought against them.",
         "islamic-state", "popular-mobilization-forces"),
        ("The Houthis attacked Mokha. The Giants Brigades, the main wing of the Southern Resistance, fought against "
         "them.", "houthis", "southern-resistance"),
    ],
)
def test_actors_an_object_pronoun_is_not_the_whole_its_subject_is_described_as_part_of(
    resolve, text, antecedent, whole
) -> None:
    found = mentions(resolve(text, dt.date(2016, 11, 1)))
    assert "them" in found[antecedent] and "them" not in found.get(whole, [])


@pytest.mark.parametrize(
    ("text", "subjects"),
    [
        ("The KIA and the KNU have trained thousands of volunteers and fight beside them against the junta.",
         ("kachin-independence-army", "karen-national-union")),
        ("Hezbollah and the Syrian army recruited Afghan fighters and battled alongside them near Aleppo.",
         ("hezbollah", "syria")),
        ("Ahrar al-Sham and Jaish al-Islam recruited local tribesmen and later fought beside them near Douma.",
         ("ahrar-al-sham", "jaysh-al-islam")),
    ],
)
def test_actors_an_object_pronoun_is_none_of_its_clauses_coordinated_subjects(resolve, text, subjects) -> None:
    found = mentions(resolve(text, dt.date(2016, 11, 1)))
    assert not any("them" in found.get(s, []) for s in subjects)


def test_actors_reflexive_pronoun_is_its_clauses_subject(resolve) -> None:
    found = mentions(resolve("The army shelled the camp. Hamas fighters barricaded themselves in a school."))
    assert found["hamas"] == ["Hamas fighters", "themselves"]


@pytest.mark.parametrize(
    ("text", "person", "group"),
    [
        ("Boko Haram pledged allegiance to Abu Bakr al-Baghdadi, the leader of the Islamic State.",
         "Abu Bakr al-Baghdadi", "islamic-state"),
        ("Al-Shabaab swore loyalty to Ayman al-Zawahiri, head of al-Qaeda.", "Ayman al-Zawahiri", "al-qaeda"),
        ("Jund al-Aqsa fought men loyal to Abu Mohammad al-Julani, the founder of Jabhat al-Nusra.",
         "Abu Mohammad al-Julani", "jabhat-al-nusra"),
        ("Damascus signed a deal with Mazloum Abdi, commander of the Syrian Democratic Forces.", "Mazloum Abdi",
         "syrian-democratic-forces"),
        ("Talks stalled after Ahmed Madobe, the commander of the Ras Kamboni Movement, walked out.", "Ahmed Madobe",
         "ras-kamboni"),
    ],
)
def test_actors_the_head_of_a_group_named_in_apposition_acts_for_it(resolve, text, person, group) -> None:
    assert person in mentions(resolve(text))[group]


@pytest.mark.parametrize(
    ("text", "person", "group"),
    [
        ("Musa Hilal, the former Janjaweed leader, set up a council of his own in 2014.", "Musa Hilal", "janjaweed"),
        ("Former FARC negotiator Ivan Marquez took up arms again in 2019.", "Ivan Marquez", "comunes"),
        ("Mokhtar Belmokhtar, the ex-AQIM commander, founded al-Mourabitoun.", "Mokhtar Belmokhtar", "aqim"),
    ],
)
def test_actors_a_groups_former_head_or_envoy_no_longer_acts_for_it(resolve, text, person, group) -> None:
    found = mentions(resolve(text, dt.date(2019, 10, 1)))
    assert person not in found[group]
    assert any(ms == [person] for ms in found.values())


@pytest.mark.parametrize(
    ("text", "person", "group"),
    [
        ("Al-Shabaab's leader Ahmed Diriye rarely appears in public.", "leader Ahmed Diriye", "al-shabaab"),
        ("The Taliban's chief Haibatullah Akhundzada issued a decree.", "chief Haibatullah Akhundzada", "taliban"),
        ("Hezbollah's leader Naim Qassem spoke on television.", "leader Naim Qassem", "hezbollah"),
    ],
)
def test_actors_the_head_of_a_group_named_in_its_possessive_acts_for_it(resolve, text, person, group) -> None:
    assert person in mentions(resolve(text))[group]


@pytest.mark.parametrize(
    ("text", "person", "group"),
    [
        ("Iraq's army chief Abdul Amir Yarallah inspected the troops in Mosul.", "chief Abdul Amir Yarallah", "iraq"),
        ("Somalia's army commander Odowaa Yusuf Rageh toured the base at Baidoa.", "commander Odowaa Yusuf Rageh",
         "somalia"),
        ("Sudan's army chief Abdel Fattah al-Burhan visited the front on Monday.", "chief Abdel Fattah al-Burhan",
         "sudan"),
    ],
)
def test_actors_the_head_of_a_body_of_a_possessor_acts_for_the_possessor(resolve, text, person, group) -> None:
    """"Iraq's army chief X": the words between the possessive and the title say which of its bodies he heads;
    he acts for the possessor all the same (not "X's former leader": `test_actors_a_groups_former_head...`)."""
    assert person in mentions(resolve(text))[group]


def test_actors_a_former_head_named_in_a_possessive_stays_a_person(resolve) -> None:
    found = mentions(resolve("Boko Haram's former leader Mohammed Yusuf died in 2009."))
    assert found["boko-haram"] == ["Boko Haram"]


@pytest.mark.parametrize(
    ("text", "surname", "group"),
    [
        ("Boko Haram's leader Abubakar Shekau died in 2021. A faction split from Shekau's group in 2016.",
         "Shekau", "boko-haram"),
        ("Al-Shabaab's leader Ahmed Diriye rarely appears in public. Diriye's fighters raided a camp.",
         "Diriye", "al-shabaab"),
        ("Hezbollah's leader Naim Qassem spoke on Sunday. Qassem said the group would not disarm.",
         "Qassem", "hezbollah"),
    ],
)
def test_actors_the_surname_of_a_head_acting_for_a_group_names_the_group(resolve, text, surname, group) -> None:
    assert surname in mentions(resolve(text))[group]


@pytest.mark.parametrize(
    "text",
    [
        "Yasir Hamdan, a senior commander of the Rapid Support Forces, went over to the army.",
        "Omar Idris, a leader of the Rapid Support Forces, defected last week.",
        "Musa Kabbar, the former head of the Rapid Support Forces, now lives abroad.",
    ],
)
def test_actors_one_of_several_leaders_or_a_former_head_stays_a_person(resolve, text) -> None:
    found = mentions(resolve(text))
    assert found["rapid-support-forces"] == ["Rapid Support Forces"]


@pytest.mark.parametrize(
    ("text", "group"),
    [
        ("Hezbollah fighters battled gunmen of the Progressive Socialist Party in the hills.",
         "progressive-socialist-party"),
        ("The army clashed with gunmen of the Free Aceh Movement in Pidie.", "free-aceh-movement"),
        ("Government troops fought militiamen of the Patriotic Salvation Movement near the capital.",
         "patriotic-salvation-movement"),
    ],
)
def test_actors_gunmen_of_a_named_organisation_are_its_men_not_an_unknown_group(pipeline, group, text) -> None:
    from factiongraph.pipeline import extract

    doc = extract(text, pipeline=pipeline)
    assert group in {a.id for a in doc.actors}
    assert not any(a.id.startswith("generic-") and a.kind in ("militia", "rebel") for a in doc.actors)
    assert any(group in (r.source, r.target) and r.type == "hostility" for r in doc.relations)


@pytest.mark.parametrize(
    ("text", "name", "state"),
    [
        ("The Nicaraguan Democratic Force attacked a cooperative near the border.", "Nicaraguan Democratic Force",
         "nicaragua"),
        ("The Chadian Democratic Force raided a garrison in the east.", "Chadian Democratic Force", "chad"),
        ("The Congolese Patriotic Resistance Force shelled the camp.", "Congolese Patriotic Resistance Force",
         "dr-congo"),
    ],
)
def test_actors_a_movements_name_after_a_demonym_is_not_the_states_forces(resolve, text, name, state) -> None:
    found = mentions(resolve(text))
    assert state not in found
    assert [name] in found.values()


def test_actors_a_one_token_tie_modifier_is_no_peoples_name(pipeline) -> None:
    from factiongraph.pipeline import extract

    doc = extract("Government troops fought U.S.-backed rebels of the Nicaraguan Democratic Force in Jinotega.",
                  pipeline=pipeline)
    assert {r.type for r in doc.relations if {r.source, r.target} == {"nicaragua", "nicaraguan-democratic-force"}} \
        == {"hostility"}
    assert not any("backed" in a.name for a in doc.actors)


@pytest.mark.parametrize(
    ("text", "patron"),
    [
        ("Police clashed with Iran-backed fighters of the Popular Resistance Front.", "iran"),
        ("The army fought Russia-backed separatists near the airport.", "russia"),
        ("Soldiers repelled an attack by Rwanda-backed rebels on the town.", "rwanda"),
    ],
)
def test_actors_a_patron_in_a_tie_modifier_is_not_the_country_the_report_is_about(resolve, text, patron) -> None:
    found = mentions(resolve(text))
    assert found[patron] == [patron.capitalize()]  # the forces of the sentence are not the patron's


@pytest.mark.parametrize(
    "text",
    [
        "Police said Hizbul Mujahideen militants ambushed a patrol near Sopore.",
        "Troops killed two JKLF fighters in a gunbattle, the army said.",
        "The Resistance Front claimed the attack on soldiers, officials said.",
    ],
)
def test_actors_the_forces_fighting_kashmiri_groups_are_indias(resolve, text) -> None:
    found = mentions(resolve(text))
    assert "india" in found and "pakistan" not in found


@pytest.mark.parametrize(
    ("text", "a", "b"),
    [
        ("Fighters of the Eritrean Liberation Front (ELF) were driven out by the Eritrean People's Liberation Front "
         "(EPLF). The ELF later regrouped in Sudan.", "eritrean-liberation-front",
         "eritrean-people-s-liberation-front"),
        ("The Karen Army (KA) attacked a post held by the Karen Democratic Army (KDA) near the river.", "karen-army",
         "karen-democratic-army"),
        ("The Moro National Front (MNF) split from the Moro National Liberation Front (MNLF) in 1977.",
         "moro-national-front", "moro-national-liberation-front"),
    ],
)
def test_actors_two_names_each_with_initials_of_their_own_are_two_groups(resolve, text, a, b) -> None:
    found = mentions(resolve(text))
    assert a in found and b in found


@pytest.mark.parametrize(
    ("text", "pronoun_owner"),
    [
        ("Sudanese soldiers disarmed the guerrillas. The feud between the two movements, despite a pact they signed "
         "in Khartoum, went on.", "sudan"),
        ("Iraqi troops held the bridge. The clashes between both factions, which they blame on each other, spread.",
         "iraq"),
        ("Turkish officials met the envoys. Talks between the two groups stalled after they walked out.", "turkey"),
    ],
)
def test_actors_a_pronoun_after_an_unnamed_counted_plural_is_left_unresolved(resolve, text, pronoun_owner) -> None:
    assert "they" not in mentions(resolve(text)).get(pronoun_owner, [])


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Clashes broke out between the Tamil Liberation Army (TLA) and the Tamil People's Liberation Army (TPLA).",
         "Tamil People's Liberation Army"),
        ("Fighters of the People's Liberation Army of Namibia crossed the border.",
         "People's Liberation Army of Namibia"),
        ("Raiders of the Kuki People's Liberation Army burned a village.", "Kuki People's Liberation Army"),
    ],
)
def test_actors_a_registry_name_inside_a_longer_organisations_name_is_not_that_actor(resolve, text, name) -> None:
    found = mentions(resolve(text))
    assert "china" not in found


@pytest.mark.parametrize(
    ("text", "actor", "name"),
    [
        ("The Libyan National Army of Khalifa Haftar shelled Tripoli airport.", "libyan-national-army",
         "Libyan National Army"),
        ("The Arakan Army of Twan Mrat Naing seized Paletwa.", "arakan-army", "Arakan Army"),
        ("The Tigray Defence Forces of General Tadesse Werede retook Mekelle.", "tigray-defense-forces",
         "Tigray Defence Forces"),
    ],
)
def test_actors_a_registry_name_of_a_leader_named_after_it_is_that_actor(resolve, text, actor, name) -> None:
    assert mentions(resolve(text, dt.date(2021, 5, 1)))[actor] == [name]


@pytest.mark.parametrize(
    ("text", "state"),
    [
        ("Iranian troops took the town after hard fighting with guerrillas of the Popular Front for the Liberation "
         "of Oman.", "oman"),
        ("Cuban advisers trained the Front for the Liberation of Mozambique in Tanzania.", "mozambique"),
        ("Cuban troops guarded camps of the Popular Movement for the Liberation of Angola.", "angola"),
        ("The columns killed fighters of SWAPO's armed wing, the People's Liberation Army of Namibia.", "namibia"),
    ],
)
def test_actors_a_country_named_in_a_movements_for_or_of_phrase_is_part_of_its_name(resolve, text, state) -> None:
    assert state not in mentions(resolve(text))


@pytest.mark.parametrize(
    "text",
    [
        "The Bangladesh army armed Bengali settler militias in the hills.",
        "Indian police said armed settlers fled the village.",
        "Kenyan police said settler militias had burned farms near Nakuru.",
    ],
)
def test_actors_a_lower_case_registry_description_needs_a_fitting_context(resolve, text) -> None:
    found = mentions(resolve(text))
    assert "israeli-settlers" not in found and "israel" not in found


def test_actors_a_lower_case_registry_description_in_its_context_is_the_actor(resolve) -> None:
    found = mentions(resolve("Israeli troops watched as settler militias burned olive groves near Nablus."))
    assert found["israeli-settlers"] == ["settler militias"]


@pytest.mark.parametrize(
    ("text", "actor", "mention"),
    [
        ("Puntland says it has received nothing from Mogadishu for the campaign.", "puntland", "Puntland"),
        ("Jubaland accused the federal government of arming its rivals.", "jubaland", "Jubaland"),
        ("The UAE funds the Puntland Maritime Police Force.", "puntland-maritime-police-force",
         "Puntland Maritime Police Force"),
    ],
)
def test_actors_a_somali_member_state_named_bare_is_its_administration(resolve, text, actor, mention):
    assert mention in mentions(resolve(text))[actor]


@pytest.mark.parametrize(
    "text",
    [
        "The Defence Ministry said the strikes hit two depots.",
        "Instructors from a Defence Ministry-run force arrived on Monday.",
        "A Defense Ministry official denied the report.",
    ],
)
def test_actors_an_unknown_ministry_is_a_state_body_not_a_militia(pipeline, text):
    from factiongraph.pipeline import extract

    kinds = {a.kind for a in extract(text, pipeline=pipeline).actors if "Ministry" in a.name}
    assert kinds == {"state"}


@pytest.mark.parametrize(
    ("text", "person", "group"),
    [
        ("Mukhtar Robow broke with al-Shabaab leader Ahmed Godane in 2013.", "Ahmed Godane", "al-shabaab"),
        ("Government envoys met M23 leader Sultani Makenga in Kampala.", "Sultani Makenga", "m23"),
        ("A regional commander, Hassan Hattab, broke with GIA chief Antar Zouabri over the killings.",
         "Antar Zouabri", "armed-islamic-group-algeria"),
    ],
)
def test_actors_a_head_titled_by_his_groups_name_acts_for_it(resolve, text, person, group) -> None:
    got = mentions(resolve(text, dt.date(2016, 1, 1)))
    assert any(m.endswith(person) for m in got.get(group, []))


@pytest.mark.parametrize(
    "text",
    [
        "Wagner took the town from the CMA in November.",
        "In Libya, Wagner sent fighters to back Haftar's siege of Tripoli.",
        "The Central African government has relied on Wagner for its security since 2018.",
    ],
)
def test_actors_the_private_military_company_named_bare_is_the_wagner_group(resolve, text) -> None:
    assert "Wagner" in mentions(resolve(text, dt.date(2021, 6, 1))).get("wagner-group", [])


@pytest.mark.parametrize(
    ("text", "owner", "other"),
    [
        ("Koglweogo groups were accused of abuses. The army said its troops killed about 20 militants.",
         "burkina-faso", "koglweogo"),
        ("Al-Shabaab fighters stormed a base. The government said its forces retook the town.", "somalia",
         "al-shabaab"),
        # the speaking body names no actor: the possessive is still its own, no earlier actor's
        ("Houthi fighters shelled Marib on Monday. The coalition said its jets destroyed a drone base.", None,
         "houthis"),
        # nor the patron a tie modifier names
        ("The U.S.-backed faction Jaish al-Nasr said Russian jets had hit one of its depots.", None, "united-states"),
    ],
)
def test_actors_a_possessive_in_what_a_body_reports_is_the_bodys_own(resolve, text, owner, other) -> None:
    found = mentions(resolve(text))
    assert "its" not in found.get(other, [])
    if owner is not None:
        assert "its" in found[owner]


@pytest.mark.parametrize(
    ("text", "owner", "pronoun"),
    [
        ("Fighters of the ELF have fled after being driven from their positions by the EPLF, Sudanese officials "
         "said.", "elf", "their"),
        ("Hezbollah fired rockets at Israel. A spokesman said its fighters had crossed the border.", "hezbollah",
         "its"),
    ],
)
def test_actors_officials_and_spokesmen_report_about_others_not_their_own(resolve, text, owner, pronoun) -> None:
    assert pronoun in mentions(resolve(text))[owner]


@pytest.mark.parametrize(
    "text",
    [
        "Sunni fighters are battling Islamic State near Haditha. Washington has urged Baghdad to arm such tribal "
        "volunteers, and U.S. advisers have helped train several hundred of them.",
        "Islamic State fighters attacked Kirkuk. The Kurdish government recruited local volunteers, and Peshmerga "
        "officers have trained dozens of them.",
        "The Taliban attacked the town. Kabul armed village elders' sons, and Afghan commanders trained some of them.",
    ],
)
def test_actors_a_part_of_a_set_of_unnamed_people_is_no_earlier_actor(resolve, text) -> None:
    assert not [aid for aid, ms in mentions(resolve(text)).items() if "them" in ms]


@pytest.mark.parametrize(
    "text",
    [
        "Kenyan troops battled the militants outside Kismayo under an AMISOM mandate, and Somali forces later "
        "captured them.",
        "Malian soldiers fought the jihadists near Gao under a French command, and Chadian troops then routed them.",
        "Iraqi troops fought the insurgents in Fallujah under a US-led coalition, and Kurdish forces later encircled "
        "them.",
    ],
)
def test_actors_the_object_pronoun_of_a_coordinated_clause_takes_the_parallel_unnamed_object(resolve, text) -> None:
    """ "X fought the insurgents ..., and Y encircled them": the insurgents, whom no actor names here."""
    assert not [aid for aid, ms in mentions(resolve(text)).items() if "them" in ms]


@pytest.mark.parametrize(
    ("text", "state", "noun"),
    [
        ("Troops backing Machar clashed with the presidential guard in Juba.", "south-sudan", "Troops"),
        ("Soldiers supporting the mutineers seized the radio station in Bamako.", "mali", "Soldiers"),
        ("Troops backing the coup leader surrounded the presidential palace in Niamey.", "niger", "Troops"),
    ],
)
def test_actors_troops_backing_someone_are_not_the_states_troops(resolve, text, state, noun) -> None:
    assert noun not in mentions(resolve(text, dt.date(2016, 7, 10))).get(state, [])


@pytest.mark.parametrize(
    ("text", "group", "mention"),
    [
        ("Haftar's militia, backed by Egyptian jets, seized the airport.", "libyan-national-army",
         "Haftar's militia"),
        ("Haftar's fighters seized the airport in Tripoli.", "libyan-national-army", "Haftar's fighters"),
        ("Hemedti's men took Nyala in October.", "rapid-support-forces", "Hemedti's men"),
    ],
)
def test_actors_a_commanders_militia_or_men_are_the_group_of_his_forces(resolve, text, group, mention) -> None:
    assert mention in mentions(resolve(text, dt.date(2019, 6, 1)))[group]


@pytest.mark.parametrize(
    ("text", "day", "mention"),
    [
        ("ISWAP broke away from Shekau's faction in 2016.", dt.date(2018, 5, 1), "Shekau's faction"),
        ("Fighters of Shekau's faction attacked Monguno.", dt.date(2018, 5, 1), "Shekau's faction"),
        ("The army said Bakura's faction had raided a fishing camp.", dt.date(2022, 5, 1), "Bakura's faction"),
    ],
)
def test_actors_a_leaders_faction_is_the_group_the_registry_names_after_him(resolve, text, day, mention) -> None:
    assert mention in mentions(resolve(text, day))["boko-haram"]


@pytest.mark.parametrize(
    ("text", "generic"),
    [
        ("Gunmen from the Mahdi Army attacked guards from the Badr Organization in Karbala.", "generic-gunmen"),
        ("Militants from al-Shabaab stormed a hotel in Mogadishu on Friday.", "generic-militants"),
        ("Rebels from the M23 shelled the outskirts of Goma.", "generic-rebels"),
    ],
)
def test_actors_armed_men_from_a_named_group_are_that_groups_not_an_unnamed_group(resolve, text, generic) -> None:
    assert generic not in mentions(resolve(text, dt.date(2012, 6, 1)))
