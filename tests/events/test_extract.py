"""Event roles, certainty and attributes on small hand-written sentences."""

from __future__ import annotations

import datetime as dt

import pytest

from factiongraph.document import Document, Event
from factiongraph.pipeline import extract

from .conftest import triples

PUBLISHED = dt.date(2017, 1, 29)  # a Sunday


@pytest.fixture(scope="module")
def run(pipeline):
    def go(text: str, published: dt.date | None = PUBLISHED) -> Document:
        return extract(text, published=published, pipeline=pipeline)

    return go


def only(doc: Document) -> Event:
    assert len(doc.events) == 1, triples(doc)
    return doc.events[0]


def test_events_active_voice_subject_attacks_object(run):
    e = only(run("Ahrar al-Sham fighters attacked Jaysh al-Islam positions in Douma."))
    assert (e.plover, e.actor1, e.actor2, e.trigger.text) == ("ASSAULT", "ahrar-al-sham", "jaysh-al-islam", "attacked")
    assert e.acled_sub_event_type == "Armed clash"


def test_events_passive_voice_keeps_roles(run):
    e = only(run("Jaysh al-Islam was attacked by Ahrar al-Sham near Douma."))
    assert (e.actor1, e.actor2) == ("ahrar-al-sham", "jaysh-al-islam")


def test_events_nominal_offensive_by_against(run):
    e = only(run("The offensive by Hezbollah against the Islamic State began last week."))
    assert (e.plover, e.actor1, e.actor2, e.trigger.text) == ("ASSAULT", "hezbollah", "islamic-state", "offensive")


def test_events_possessive_nominal_attack_on(run):
    doc = run("Russia's air strikes on the Free Syrian Army killed at least 30 civilians.")
    first = doc.events[0]
    assert (first.actor1, first.actor2, first.trigger.text) == ("russia", "free-syrian-army", "strikes")
    assert first.acled_sub_event_type == "Air/drone strike"
    assert first.fatalities == 30


def test_events_coordination_keeps_first_conjunct_as_actor(run):
    e = only(run("Hezbollah and its allies attacked the Free Syrian Army."))
    assert (e.actor1, e.actor2) == ("hezbollah", "free-syrian-army")


def test_events_negation_is_negated(run):
    assert only(run("The Free Syrian Army did not attack Hezbollah.")).certainty == "negated"


def test_events_reportedly_is_hedged(run):
    assert only(run("Hezbollah reportedly attacked the Free Syrian Army.")).certainty == "hedged"


def test_events_modal_may_is_speculative(run):
    assert only(run("Hezbollah may attack the Free Syrian Army.")).certainty == "speculative"


def test_events_threat_is_threaten_not_assault(run):
    e = only(run("Turkey threatened to attack the YPG if it moved west."))
    assert (e.plover, e.actor1, e.actor2, e.certainty) == ("THREATEN", "turkey", "ypg", "asserted")


def test_events_threat_target_from_conditional_clause(run):
    e = only(run("Turkey threatened action if the YPG moved further into the town."))
    assert (e.plover, e.actor1, e.actor2) == ("THREATEN", "turkey", "ypg")


def test_events_reported_speech_is_attributed(run):
    e = only(run("The YPG shelled a Turkish outpost, Human Rights Watch reported."))
    assert (e.actor1, e.actor2, e.certainty) == ("ypg", "turkey", "reported")
    assert e.attributed_to == "Human Rights Watch"  # the source is no party: named, not an id


def test_events_according_to_is_attributed_and_not_an_event(run):
    doc = run("According to US officials, Iran supplied weapons to Hezbollah.")
    assert triples(doc) == [("AID", "iran", "hezbollah")]
    assert doc.events[0].certainty == "reported"
    assert doc.events[0].attributed_to == "United States"


def test_events_intention_to_give_is_agree(run):
    e = only(run("Qatar will give Hamas 30 million dollars in aid."))
    assert (e.plover, e.actor1, e.actor2) == ("AGREE", "qatar", "hamas")


def test_events_capture_from_is_territory_taken(run):
    e = only(run("Islamic State militants captured the town of al-Bab from the Free Syrian Army."))
    assert (e.actor1, e.actor2) == ("islamic-state", "free-syrian-army")
    assert e.acled_sub_event_type == "Non-state actor overtakes territory"


def test_events_weekday_date_resolves_against_publication(run):
    e = only(run("Ahrar al-Sham fighters attacked Jaysh al-Islam positions on Thursday."))
    assert e.date is not None and e.date.start == dt.date(2017, 1, 26) and e.date.precision == "day"


def test_events_relative_date_without_publication_is_not_invented(run):
    e = only(run("Ahrar al-Sham fighters attacked Jaysh al-Islam positions on Thursday.", published=None))
    assert e.date is None


def test_events_location_is_the_sentence_town(run):
    e = only(run("Ahrar al-Sham fighters attacked Jaysh al-Islam positions in Douma."))
    assert e.location is not None and e.location.name.startswith("D") and e.location.country == "SY"


def test_events_source_kind_follows_section(run):
    text = (
        "Ahrar al-Sham fighters attacked Jaysh al-Islam positions in Douma on Thursday, a monitor said.\n"
        "I think you are all wrong. Hezbollah attacked the Free Syrian Army, and you know it!"
    )
    doc = run(text)
    kinds = {(e.actor1, e.source_kind) for e in doc.events}
    assert ("ahrar-al-sham", "article") in kinds
    assert ("hezbollah", "comment") in kinds


def test_events_consequence_participle_names_attack_by_main_verb(run):
    e = only(run("Government forces shelled the rebel-held town of Douma, killing five civilians."))
    assert (e.trigger.text, e.actor2, e.fatalities) == ("shelled", "civilians", 5)
    assert e.acled_sub_event_type == "Shelling/artillery/missile attack"


def test_events_accused_of_doing_makes_the_accused_the_doer(run):
    doc = run("Iran, which Saudi Arabia accuses of arming the Houthis, demanded a halt to the strikes.")
    assert ("AID", "iran", "houthis") in triples(doc)
    assert only(run("Hezbollah was accused of shelling Israeli towns.")).actor1 == "hezbollah"


def test_two_attacks_in_one_sentence_each_get_their_own_toll(pipeline):
    text = (
        "Russian warplanes bombed the market in Idlib, killing 5 civilians, while clashes between the "
        "army and rebels near Hama left 3 soldiers dead."
    )
    doc = next(iter(pipeline.run([Document(id="t", text=text)])))
    tolls = {e.trigger.text: e.fatalities for e in doc.events}
    assert tolls == {"bombed": 5, "clashes": 3}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the date of another clause or a background date does not date the attack
        ("Rebels who crossed the river on Monday attacked the army base on Tuesday.", dt.date(2017, 1, 24)),
        ("Jaysh al-Islam, which has held the town since 2013, attacked army positions yesterday.",
         dt.date(2017, 1, 28)),
        ("In a feud that began 20 years ago, Jaysh al-Islam attacked Ahrar al-Sham fighters.", None),
    ],
)
def test_event_date_comes_from_the_events_own_clause_and_never_from_background(run, text, expected):
    events = [e for e in run(text).events if e.plover == "ASSAULT"]
    assert events and {e.date.start if e.date else None for e in events} == {expected}


@pytest.mark.parametrize(
    ("text", "sides"),
    [
        ("After a spell with the RSF, Kakil is with the army again, and the fighting between the two sides goes on.",
         {"rapid-support-forces", "sudan"}),
        ("The Taliban and ISIS-K were both active in Nangarhar. Clashes between the two groups killed dozens last "
         "year.", {"taliban", "islamic-state-khorasan"}),
        ("Al-Shabaab and Hizbul Islam both claimed the port of Kismayo. Fighting between the two factions erupted "
         "in October.", {"al-shabaab", "hizbul-islam"}),
    ],
)
def test_events_between_a_plural_description_takes_both_of_its_actors_as_sides(run, text, sides):
    assert [{e.actor1, e.actor2} for e in run(text).events if e.plover == "ASSAULT"] == [sides]


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("Wagner mercenaries fought for months near Moura alongside Malian soldiers.", {"wagner-group", "mali"}),
        ("Rwandan troops fought on Congolese territory alongside M23 units.", {"rwanda", "m23"}),
        ("Eritrean soldiers fought inside Tigray alongside Ethiopian federal forces.", {"eritrea", "ethiopia"}),
    ],
)
def test_fighting_alongside_after_a_phrase_of_place_is_cooperation_not_an_attack(run, text, pair):
    doc = run(text)
    assert {e.plover for e in doc.events if {e.actor1, e.actor2} == pair} == {"COOPERATE"}
    assert not any(r.type == "hostility" and {r.source, r.target} == pair for r in doc.relations)


@pytest.mark.parametrize(
    ("text", "side"),
    [
        ("Sudanese fighters fought for the LNA in 2019.", "libyan-national-army"),
        ("Chadian rebels fought for Haftar's LNA near Tripoli.", "libyan-national-army"),
        ("Darfuri militiamen were fighting for the Libyan National Army around Sirte.", "libyan-national-army"),
    ],
)
def test_whom_fighters_fight_for_is_their_side_not_their_target(run, text, side):
    doc = run(text)
    assert not any(side in (e.actor1, e.actor2) and e.plover == "ASSAULT" for e in doc.events)
    assert not any(r.type == "hostility" and side in (r.source, r.target) for r in doc.relations)


@pytest.mark.parametrize(
    ("text", "agent"),
    [
        ("Helicopters flown by South Africa's Dyck Advisory Group struck insurgent camps near Mocimboa da Praia.",
         "dyck-advisory-group"),
        ("Helicopters flown by South Africa's Executive Outcomes bombed rebel bases in 1995.", "executive-outcomes"),
        ("Guards hired by Britain's Aegis Defence Services opened fire on protesters in Baghdad.",
         "aegis-defence-services"),
    ],
)
def test_events_the_country_owning_a_named_body_is_not_the_agent_the_phrase_names(run, text, agent):
    e = only(run(text))
    assert e.actor1 == agent
