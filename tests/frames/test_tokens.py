"""The parsed Doc's tokens, entities and sentences are made once per Doc, and released after the stages."""

from __future__ import annotations

import spacy

from factiongraph.frames.tokens import entities, release, sentences, tokens


def _doc():
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    doc = nlp("Rebels took the town. The army shelled it.")
    doc.ents = [doc.char_span(0, 6, label="ORG")]
    return doc


def test_tokens_entities_and_sentences_are_made_once_per_doc():
    doc = _doc()
    assert tokens(doc) is tokens(doc)
    assert [t.text for t in tokens(doc)] == [t.text for t in doc]
    assert [e.text for e in entities(doc)] == ["Rebels"]
    assert [s.text for s in sentences(doc)] == ["Rebels took the town.", "The army shelled it."]
    assert sentences(doc) is sentences(doc)


def test_release_forgets_what_the_stages_kept_and_nothing_else():
    doc = _doc()
    doc.user_data["someone else's"] = 1
    kept = tokens(doc)
    release(doc)
    assert doc.user_data == {"someone else's": 1}
    assert tokens(doc) is not kept
