"""The spaCy pipeline as factiongraph loads it: the components it adds to the model."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "form", "lemma"),
    [
        ("Kurdish fighters retook the town on Monday.", "retook", "retake"),
        ("Rebels overran the base and withdrew before dawn.", "withdrew", "withdraw"),
        ("The militia undertook a second offensive in May.", "undertook", "undertake"),
    ],
)
def test_irregular_form_of_a_prefixed_verb_gets_its_lemma(nlp, text, form, lemma):
    tok = next(t for t in nlp(text) if t.lower_ == form)
    assert tok.lemma_ == lemma


def test_a_verb_the_lemmatiser_knows_keeps_its_own_lemma(nlp):
    tok = next(t for t in nlp("Oil prices rebound when supply falls.") if t.lower_ == "rebound")
    assert tok.lemma_ == "rebound"
