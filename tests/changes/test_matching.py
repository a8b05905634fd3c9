"""The change frames' matcher run once over a whole document finds exactly what running it on
each sentence finds (the cheaper way must not change a single row)."""

from __future__ import annotations

import dataclasses

import numpy
import pytest
from spacy.attrs import SENT_START
from spacy.tokens import Doc

from factiongraph.changes import extract as ch
from factiongraph.changes.frames import load_frames

TEXTS = [
    # several frames in one report, one of them after a line break
    "In March the Hamza Division joined the Syrian National Army. Two weeks later its rival broke away "
    "from the coalition and merged with Ahrar al-Sham.\nCommanders of the brigade defected to the "
    "government after the siege.",
    # one trigger word serving two frames
    "The council announced that both factions would unite under one command, and a third group pledged "
    "allegiance to the alliance.",
    # trigger words that are not changes here ("joined the protest" has no actors, but still matches)
    "Residents joined the protest outside the ministry, then left before dark.",
]


@pytest.fixture(scope="module")
def frames():
    return load_frames()


def by_trigger(found: list[tuple[int, list[int]]]) -> list[tuple[int, list[int]]]:
    """The order find_changes reads matches in (a stable sort on the trigger token)."""
    return sorted(found, key=lambda m: m[1][0])


def names(nlp, found: list[tuple[int, list[int]]]) -> list[tuple[str, int]]:
    return sorted((nlp.vocab.strings[k], ids[0]) for k, ids in found)


@pytest.mark.parametrize("text", TEXTS)
def test_document_matching_finds_what_sentence_matching_finds(nlp, frames, text):
    sd = nlp(text)
    full, _ = ch._matcher(nlp.vocab, frames)
    assert ch._sentence_trees(sd)
    assert by_trigger(ch._matches(sd, frames)) == by_trigger(
        ch._sentence_matches(full, sd, ch._trigger_words(frames))
    )


def test_document_matching_names_each_frame_at_its_trigger(nlp, frames):
    sd = nlp(TEXTS[0])
    assert names(nlp, ch._matches(sd, frames)) == [
        ("break-away#0", 16), ("defect#0", 34), ("join#0", 5), ("merge-with#0", 22),
    ]
    sd = nlp(TEXTS[1])
    assert names(nlp, ch._matches(sd, frames)) == [
        ("merge-into#0", 7), ("merge-with#0", 7), ("pledge-allegiance#0", 16),
    ]


def test_report_without_trigger_words_matches_nothing(nlp, frames):
    sd = nlp("Heavy rain soaked the valley on Tuesday. Farmers said the harvest was poor.")
    assert ch._matches(sd, frames) == []


@pytest.mark.parametrize("text", TEXTS)
def test_tree_matching_gives_spacy_dependency_matches_in_their_order(nlp, frames, text):
    sd = nlp(text)
    full, _ = ch._matcher(nlp.vocab, frames)
    spacy_order = sorted(full(sd), key=lambda m: list(ch._trees(frames)).index(nlp.vocab.strings[m[0]]))
    assert ch._tree_matches(sd, ch._trees(frames)) == [(k, list(ids)) for k, ids in spacy_order]


def test_pattern_with_an_operator_the_tree_reader_lacks_goes_to_spacy(nlp, frames):
    first = frames.frames[0]
    node = {"LEFT_ID": "trigger", "REL_OP": ".", "RIGHT_ID": "next", "RIGHT_ATTRS": {"POS": "ADP"}}
    odd = dataclasses.replace(first, patterns=((first.patterns[0][0], node),))
    other = dataclasses.replace(frames, frames=(odd,))
    assert ch._trees(other) is None
    assert ch._trees(frames) is not None
    assert ch._tests({"LEMMA": {"REGEX": "^join"}}) is None
    assert ch._tests({"ENT_TYPE": "ORG"}) is None


def two_sentences_one_tree(nlp) -> Doc:
    """'Rebels joined the army. They left.' whose second sentence hangs off the first's verb."""
    words = ["Rebels", "joined", "the", "army", ".", "They", "left", "."]
    doc = Doc(
        nlp.vocab, words=words, heads=[1, 1, 3, 1, 1, 6, 1, 6],
        deps=["nsubj", "ROOT", "det", "dobj", "punct", "nsubj", "conj", "punct"],
        lemmas=["rebel", "join", "the", "army", ".", "they", "leave", "."],
        pos=["NOUN", "VERB", "DET", "NOUN", "PUNCT", "PRON", "VERB", "PUNCT"],
    )
    doc.from_array([SENT_START], numpy.array([[1], [0], [0], [0], [0], [1], [0], [0]], dtype="uint64"))
    return doc


def test_sentence_that_is_not_its_own_tree_is_matched_sentence_by_sentence(nlp, frames, monkeypatch):
    doc = two_sentences_one_tree(nlp)
    assert [s.text for s in doc.sents] == ["Rebels joined the army .", "They left ."]
    assert not ch._sentence_trees(doc)
    calls: list[int] = []
    real = ch._sentence_matches

    def spy(matcher, sd, words):
        calls.append(len(sd))
        return real(matcher, sd, words)

    monkeypatch.setattr(ch, "_sentence_matches", spy)
    found = ch._matches(doc, frames)
    assert calls == [8]
    # each sentence is copied out on its own, where "left" heads its own tree and matches too
    assert names(nlp, found) == [("join#0", 1), ("patron-withdraws#0", 6), ("quit#0", 6)]


def test_one_tree_per_sentence_is_recognised(nlp):
    assert ch._sentence_trees(nlp("The brigade joined the front. Its leader left a month later.\nNo one else did."))
    assert ch._sentence_trees(nlp(""))
