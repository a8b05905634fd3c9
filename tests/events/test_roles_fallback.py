"""Participants the syntax does not name, one-sided ACLED events and protest purposes."""

from __future__ import annotations

import pytest

from .conftest import triples


def test_fallback_target_from_prepositional_phrase(run):
    doc = run("Hezbollah arrived in Syria on Monday.")
    assert triples(doc) == [("CONSULT", "hezbollah", "syria")]
    e = doc.events[0]
    assert e.confidence < 0.8  # the target is guessed, not parsed
    assert e.actor1_mention is not None and e.actor1_mention.text == "Hezbollah"
    assert e.actor2_mention is None  # no span fills the guessed role


def test_fallback_never_takes_the_reporting_source(run):
    doc = run("Hezbollah promised to withdraw, Russia said.")
    assert all(e.actor2 != "russia" for e in doc.events), triples(doc)


def test_nearest_actor_fallback_only_when_the_sentence_has_no_complete_event(run):
    doc = run("Hezbollah attacked the Free Syrian Army, and Russia promised to help.")
    assert ("ASSAULT", "hezbollah", "free-syrian-army") in triples(doc)
    assert [t for t in triples(doc) if t[1] == "russia"] == [], triples(doc)


def test_pronoun_subject_of_reported_clause_is_the_speaker(run):
    doc = run("Hezbollah said they would attack the Free Syrian Army.")
    assert [(e.actor1, e.actor2) for e in doc.events] == [("hezbollah", "free-syrian-army")]


def test_explosion_without_perpetrator_is_a_one_sided_acled_event(run):
    doc = run("A roadside bomb exploded near a market in Kandahar.")
    assert [(e.actor1, e.actor2, e.acled_sub_event_type) for e in doc.events] == [
        (None, None, "Remote explosive/landmine/IED")
    ]


def test_fighting_without_named_sides_is_no_event(run):
    assert run("Fighting continued near the market.").events == ()


def test_death_toll_ranks_below_the_attack(run):
    doc = run("A landmine exploded under a bus near Kandahar. Five soldiers were killed.")
    best = max(doc.events, key=lambda e: e.confidence)
    assert best.acled_sub_event_type == "Remote explosive/landmine/IED"


def test_mislemmatised_verb_is_found_by_its_stem(run):
    doc = run("Hezbollah fighters raped two women in Aleppo.")
    assert [(e.plover, e.plover_mode) for e in doc.events][:1] == [("ASSAULT", "sexual")]


def test_compound_event_noun(run):
    doc = run("Hezbollah supporters began a hunger strike.")
    assert [(e.plover, e.plover_mode) for e in doc.events] == [("PROTEST", "hunger")]


def test_demand_made_by_protesting_is_a_protest_against_its_target(run):
    doc = run("Hezbollah supporters staged a demonstration to demand concessions from Russia.")
    assert ("PROTEST", "hezbollah", "russia") in triples(doc)
    assert ("REQUEST", "hezbollah", "russia") not in triples(doc)
    assert ("PROTEST", "hezbollah", None) not in triples(doc)


def test_one_happening_between_two_actors_is_coded_by_its_main_predicate(run):
    doc = run("Russia called for sanctions against Syria.")
    assert triples(doc) == [("REQUEST", "russia", "syria")]


def test_goods_handed_over_are_aid(run):
    doc = run("Iran handed over 12 tonnes of food to Iraq.")
    assert [(e.plover, e.actor1, e.actor2) for e in doc.events] == [("AID", "iran", "iraq")]


def test_conditional_sanction_is_a_threat(run):
    doc = run("Russia will halt aid to Syria if the talks fail.")
    assert [e.plover for e in doc.events] == ["THREATEN"]


def test_engaged_in_is_not_a_passive(run):
    doc = run("Hezbollah fighters were engaged in fighting against the Free Syrian Army.")
    assert ("ASSAULT", "hezbollah", "free-syrian-army") in triples(doc)


def test_clashes_between_two_sides(run):
    doc = run("Clashes broke out between Hezbollah and the Free Syrian Army near Aleppo.")
    assert [(e.plover, e.actor1, e.actor2, e.acled_sub_event_type) for e in doc.events] == [
        ("ASSAULT", "hezbollah", "free-syrian-army", "Armed clash")
    ]


def test_bomb_went_off(run):
    doc = run("A bomb went off near a market in Kandahar.")
    assert [e.acled_sub_event_type for e in doc.events] == ["Remote explosive/landmine/IED"]


def test_main_clause_event_outranks_side_clause_event(run):
    doc = run("Hezbollah fighters took control of the town after the Free Syrian Army withdrew.")
    best = max(doc.events, key=lambda e: e.confidence)
    assert (best.plover, best.actor1) == ("ASSAULT", "hezbollah")


def test_defused_bombs_are_disrupted_weapons_use_not_an_explosion(run):
    doc = run("Afghan soldiers defused two roadside bombs in Helmand.")
    assert [e.acled_sub_event_type for e in doc.events] == ["Disrupted weapons use"]


def test_looting_by_rioters_is_a_riot(run):
    doc = run("Rioters looted shops in Colombo.")
    assert [e.acled_sub_event_type for e in doc.events] == ["Violent demonstration"]


def test_withdrawal_and_handover_is_a_transfer_of_territory(run):
    doc = run("Hezbollah fighters withdrew from the town and handed it over to the Syrian army.")
    assert {e.acled_sub_event_type for e in doc.events} == {"Non-violent transfer of territory"}


def test_event_noun_under_a_different_event_verb_is_not_its_own_event(run):
    doc = run("The Syrian army lifted the blockade on Aleppo.")
    assert "COERCE" not in [e.plover for e in doc.events], triples(doc)


def test_tear_gas_on_protesters_is_crowd_control(run):
    doc = run("Police fired tear gas to disperse protesters in Khartoum.")
    best = max(doc.events, key=lambda e: e.confidence)
    assert best.acled_sub_event_type == "Protest with intervention"


def test_coordinated_verbs_share_their_object(run):
    doc = run("Hezbollah attacked and overran the Free Syrian Army in Aleppo.")
    assert ("ASSAULT", "hezbollah", "free-syrian-army") in triples(doc)
    assert all(e.actor2 == "free-syrian-army" for e in doc.events), triples(doc)


def test_counterpart_from_a_purpose_clause(run):
    doc = run("Hezbollah opened fire to disperse the Free Syrian Army.")
    assert ("ASSAULT", "hezbollah", "free-syrian-army") in triples(doc)


def test_requested_action_is_the_content_of_the_request_not_an_event(run):
    doc = run("Russia demanded that Hezbollah withdraw from Aleppo.")
    assert [e.plover for e in doc.events] == ["REQUEST"], triples(doc)


def test_their_forces_in_a_reported_clause_are_the_speakers(run):
    doc = run("Hezbollah announced on Friday that their fighters had shelled the Free Syrian Army.")
    assert ("ASSAULT", "hezbollah", "free-syrian-army") in triples(doc)


def test_strengthening_forces_in_a_place_is_mobilisation(run):
    doc = run("Iran has reinforced its troops in Iraq.")
    assert [(e.plover, e.plover_mode) for e in doc.events] == [("MOBILIZE", "troops")]


def test_mediation_effort_between_parties_is_the_mediators_consultation(run):
    doc = run("Russia launched a mediation effort between Hezbollah and the Free Syrian Army.")
    assert [(e.plover, e.plover_mode, e.actor1, e.actor2) for e in doc.events] == [
        ("CONSULT", "third-party", "russia", "hezbollah")
    ]


def test_reported_obligation_is_a_request_to_the_obliged(run):
    doc = run("Russia said Hezbollah must be ready for talks.")
    assert ("REQUEST", "russia", "hezbollah") in triples(doc)


def test_agreed_to_is_agreement_whatever_prepositions_trail(run):
    doc = run("Russia agreed to lift sanctions on Syria, with conditions attached.")
    assert ("AGREE", "russia", "syria") in triples(doc)


def test_willing_to_send_help_is_an_intention(run):
    doc = run("Russia is willing to send weapons to help defend Syria.")
    assert [e.plover for e in doc.events if e.actor2 == "syria"] == ["AGREE"], triples(doc)


def test_vow_to_attack_is_a_threat(run):
    doc = run("Hezbollah vowed to attack the Free Syrian Army.")
    assert [e.plover for e in doc.events] == ["THREATEN"], triples(doc)


def test_a_statement_demanding_is_its_authors_demand(run):
    doc = run("Hezbollah issued a statement demanding that Russia withdraw its troops.")
    assert ("REQUEST", "hezbollah", "russia") in triples(doc)


def test_complaint_targets_the_accused_not_the_addressee(run):
    doc = run("Lebanon complained to the UN about Israeli incursions.")
    assert [(e.plover, e.actor1, e.actor2) for e in doc.events if e.plover == "ACCUSE"] == [
        ("ACCUSE", "lebanon", "israel")
    ], triples(doc)


def test_obligation_on_a_trigger_verb_is_the_speakers_request(run):
    doc = run("The Red Cross said Russia must ensure security in Aleppo.")
    assert [(e.plover, e.actor2) for e in doc.events] == [("REQUEST", "russia")], triples(doc)
    assert doc.events[0].actor1 is not None and doc.events[0].actor1 != "russia"


def test_an_act_done_to_protest_is_the_protest(run):
    doc = run("Hezbollah supporters closed the border to protest against Russia.")
    assert ("PROTEST", "hezbollah", "russia") in triples(doc)
    assert "COERCE" not in [e.plover for e in doc.events], triples(doc)


def test_hyphenated_event_noun_split_by_the_tokenizer(run):
    doc = run("Hezbollah supporters staged a sit-in outside the ministry.")
    assert [e.plover for e in doc.events] == ["PROTEST"]



def test_a_statement_takes_no_place_from_earlier_sentences(run):
    doc = run("Fighting raged in Aleppo between Hezbollah and the Free Syrian Army. Russia urged Turkey to act.")
    request = next(e for e in doc.events if e.plover == "REQUEST")
    assert request.location is None


@pytest.mark.parametrize(
    ("text", "actor", "companion"),
    [
        ("The Popular Mobilization Forces, acting jointly with Kurdish Peshmerga units, took a hamlet south of Mosul.",
         "popular-mobilization-forces", "peshmerga"),
        ("Mozambican troops, helped by Rwandan forces, retook the harbour town on Sunday.", "mozambique", "rwanda"),
        ("Hezbollah and its allies from the Syrian army stormed the hilltop near Qusayr.", "hezbollah", "syria"),
    ],
)
def test_an_actor_named_inside_the_agents_own_phrase_is_never_guessed_as_its_target(run, text, actor, companion):
    doc = run(text)
    assert all(not (e.actor1 == actor and e.actor2 == companion) for e in doc.events), triples(doc)
    assert not any(r.type == "hostility" and {r.source, r.target} == {actor, companion} for r in doc.relations)


@pytest.mark.parametrize(
    ("text", "triple"),
    [
        ("ELN guerrillas went after FARC dissidents near the border.", ("ASSAULT", "eln", "farc-dissidents")),
        ("Al-Shabaab fighters tracked down the defector Mukhtar Robow.", ("ASSAULT", "al-shabaab", "mukhtar-robow")),
        ("ISWAP hunted down Boko Haram commanders in the forest.", ("ASSAULT", "islamic-state-west-africa",
                                                                    "boko-haram")),
    ],
)
def test_pursuing_an_armed_enemy_is_an_assault(run, text, triple):
    assert triple in triples(run(text))


@pytest.mark.parametrize(
    ("text", "triple"),
    [
        ("Kurdish fighters retook the town from the Islamic State on Monday.",
         ("ASSAULT", "peshmerga", "islamic-state")),
        ("Houthi fighters retook the district from the Giants Brigades.", ("ASSAULT", "houthis", "giants-brigades")),
        ("Iraqi forces retook Ramadi from the Islamic State in December.", ("ASSAULT", "iraq", "islamic-state")),
    ],
)
def test_irregular_forms_of_prefixed_verbs_are_read_as_their_lemma(run, text, triple):
    assert triple in triples(run(text))


@pytest.mark.parametrize(
    ("text", "outsider"),
    [
        ("Amnesty International documented the Houthi attacks on Marib.", "amnesty-international"),
        ("Human Rights Watch counted the Wagner raids on villages near Moura.", "human-rights-watch"),
        ("Amnesty International reported the Houthi attacks on Marib in detail.", "amnesty-international"),
    ],
)
def test_who_documents_or_reports_an_attack_is_never_its_guessed_target(run, text, outsider):
    doc = run(text)
    assert all(outsider not in (e.actor1, e.actor2) for e in doc.events), triples(doc)


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("A joint Mozambique-Rwanda force has recaptured the harbour of the town.", {"mozambique", "rwanda"}),
        ("A combined Chad-Niger force drove back the jihadists near Lake Chad.", {"chad", "niger"}),
        ("The joint Russian-Syrian command struck several towns on Tuesday.", {"russia", "syria"}),
    ],
)
def test_two_names_inside_one_agent_phrase_are_never_each_others_target(run, text, pair):
    doc = run(text)
    assert all({e.actor1, e.actor2} != pair for e in doc.events), triples(doc)


@pytest.mark.parametrize(
    "text",
    [
        "The Sinjar Resistance Units, a militia tied to the PKK, withdrew on Tuesday.",
        "Ahrar al-Sham, a faction once close to Jabhat al-Nusra, pulled out overnight.",
        "Jund al-Aqsa, long a partner of Hayat Tahrir al-Sham, retreated from the hills.",
    ],
)
def test_a_name_in_the_agents_apposition_is_never_its_guessed_counterpart(run, text):
    doc = run(text)
    assert doc.events and all(e.actor2 is None for e in doc.events), triples(doc)


@pytest.mark.parametrize(
    "text",
    [
        "The town of Bhamo was overrun by the Kachin Independence Army and the Arakan Army last week.",
        "Two checkpoints were stormed by Hamas and Palestinian Islamic Jihad before dawn.",
        "The base was shelled by the Taliban and Hezb-i-Islami through the night.",
    ],
)
def test_a_co_agent_of_a_passive_attack_is_never_its_target(run, text):
    doc = run(text)
    assert doc.events and all(e.actor2 is None for e in doc.events), triples(doc)


@pytest.mark.parametrize(
    ("text", "a", "b"),
    [
        ("The fighting between the rival movements, which once held talks in Baghdad about attacking Iranian "
         "troops, spread north.", "iraq", "iran"),
        ("Syrian officials blamed both sides. The fighting between the rival movements, which once held talks in "
         "Damascus about attacking Turkish troops, spread north.", "syria", "turkey"),
        ("The clashes between the guerrilla groups, which had met in Beirut to discuss raids on Israeli troops, "
         "killed nine.", "lebanon", "israel"),
    ],
)
def test_the_sides_between_which_fighting_happens_are_not_named_in_a_clause_describing_them(run, text, a, b):
    doc = run(text)
    assert not any({e.actor1, e.actor2} == {a, b} for e in doc.events)
    assert not any({r.source, r.target} == {a, b} for r in doc.relations)


@pytest.mark.parametrize(
    ("text", "described"),
    [
        ("The troops are battling the Jenin Brigade, an alliance that recruits fighters from Hamas.", "hamas"),
        ("The units attacked Ansar Dine, which had once sheltered men of al-Qaeda, near Kidal.", "al-qaeda"),
        ("The commandos raided the Zintan Brigade, an ally of the Libyan National Army, on Tuesday.",
         "libyan-national-army"),
    ],
)
def test_the_agent_of_a_known_patient_is_never_guessed_from_the_clauses_describing_it(run, text, described):
    assert not any(e.actor1 == described for e in run(text).events), triples(run(text))
