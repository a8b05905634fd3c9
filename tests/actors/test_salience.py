"""Mention salience: report sources and deep background are told apart from the parties reported on."""

from __future__ import annotations

import pytest

from factiongraph.actors.salience import PERIPHERAL_HINT, argument, crowded_out, position, prune
from factiongraph.document import Actor, Document, Event, Mention, Span


def head(doc, word):
    return next(t for t in doc if t.text == word)


def test_position_speaker_of_a_trailing_report_verb_is_attribution(nlp):
    doc = nlp("Kenya will send troops to Somalia, the defence minister said.")
    assert position(head(doc, "minister")).attribution
    assert position(head(doc, "Kenya")).salient
    assert position(head(doc, "Somalia")).salient


def test_position_speaker_before_the_report_is_not_attribution(nlp):
    doc = nlp("The minister said Kenya will send troops.")
    assert not position(head(doc, "minister")).attribution


def test_position_according_to_is_attribution(nlp):
    doc = nlp("Chad closed its border with Niger, according to the Red Crescent.")
    assert position(head(doc, "Crescent")).attribution
    assert position(head(doc, "Niger")).salient


def test_position_counts_background_clauses_and_noun_phrases(nlp):
    doc = nlp("Uganda signed an agreement with rebels who had been fighting a group that was armed by Sudan.")
    pos = position(head(doc, "Sudan"))
    assert (pos.attribution, pos.clauses, pos.noun_phrases) == (False, 2, 1)
    assert not pos.salient
    assert position(head(doc, "rebels")).salient


def _doc(events: tuple[Event, ...]) -> Document:
    def actor(aid: str, start: int) -> Actor:
        return Actor(aid, aid.title(), "state", 1, None, aid, True, (Mention(start, start + 5, "x", aid, "alias"),))

    return Document(
        id="t",
        text="x" * 40,
        actors=(actor("kenya", 0), actor("sudan", 20)),
        events=events,
        hints={PERIPHERAL_HINT: ["sudan"]},
    )


def test_prune_drops_a_peripheral_actor_no_event_involves():
    assert [a.id for a in prune(_doc(())).actors] == ["kenya"]


def test_prune_keeps_a_peripheral_actor_an_event_involves():
    span = Span(0, 5, "x")
    event = Event("e1", "ASSAULT", None, None, None, "kenya", "sudan", None, None, span, span)
    assert [a.id for a in prune(_doc((event,))).actors] == ["kenya", "sudan"]


def test_prune_drops_the_source_an_event_is_attributed_to_and_names_it():
    span = Span(0, 5, "x")
    event = Event("e1", "ASSAULT", None, None, None, "kenya", None, None, None, span, span, attributed_to="sudan")
    doc = prune(_doc((event,)))
    assert [a.id for a in doc.actors] == ["kenya"]
    assert doc.events[0].attributed_to == "Sudan"


def test_argument_subjects_their_place_and_possessors_fill_slots(nlp):
    doc = nlp("Officials in Chad said Niger's army attacked a town near Mali.")
    assert argument(head(doc, "Officials"))
    assert argument(head(doc, "Chad"))
    assert argument(head(doc, "Niger"))
    assert not argument(head(doc, "Mali"))


def _listed(nlp, second_party: bool) -> Document:
    text = "Kenya sent troops to Somalia with aid from Uganda and Ethiopia."
    sd = nlp(text)

    def actor(name: str) -> Actor:
        start = text.index(name)
        mention = Mention(start, start + len(name), name, name.lower(), "alias")
        return Actor(name.lower(), name, "state", 1, None, name.lower(), True, (mention,))

    kenya, somalia = Span(0, 5, "Kenya"), Span(20, 27, "Somalia")
    target = "somalia" if second_party else None
    event = Event("e1", "MOBILIZE", None, None, None, "kenya", target, kenya, somalia, kenya, kenya)
    actors = tuple(actor(n) for n in ("Kenya", "Somalia", "Uganda", "Ethiopia"))
    return Document(id="t", text=text, actors=actors, events=(event,), parsed=sd)


def test_crowded_out_are_the_listed_actors_beside_a_two_party_event(nlp):
    doc = _listed(nlp, second_party=True)
    assert crowded_out(doc) == {"uganda", "ethiopia"}
    assert [a.id for a in prune(doc).actors] == ["kenya", "somalia"]


def test_crowded_out_needs_both_parties_of_an_event_in_the_sentence(nlp):
    assert crowded_out(_listed(nlp, second_party=False)) == set()


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("A watchdog that operates in Britain reported the army had taken two hamlets from the rebels.",
         "united-kingdom"),
        ("The channel, which broadcasts from Qatar, reported that the rebels had shelled the airport.", "qatar"),
        ("A rights group that works in Kenya said the militia had burned the market.", "kenya"),
    ],
)
def test_where_a_background_clause_happens_is_no_actor(pipeline, text, place):
    from factiongraph.pipeline import extract

    assert place not in {a.id for a in extract(text, pipeline=pipeline).actors}


def test_position_a_place_inside_a_background_clause_is_not_salient(nlp):
    doc = nlp("A watchdog that operates in Britain reported the army had taken two hamlets.")
    assert not position(head(doc, "Britain")).salient
