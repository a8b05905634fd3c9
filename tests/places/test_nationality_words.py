"""Nationality words that are also town names in the gazetteer ("Arab", "English", "Kazakh") are no places."""

from __future__ import annotations

import pytest

from factiongraph.document import Document
from factiongraph.places import Gazetteer, geoparse


@pytest.mark.parametrize(("text", "word", "want"), [
    ("Arab mediators flew to Doha on Monday.", "Arab", [(23, 27, "Doha", "QA")]),
    ("Reporters speaking English were stopped outside Sirte.", "English", [(48, 53, "Sirte", "LY")]),
    ("Kazakh border guards detained two men near Aktobe.", "Kazakh", [(43, 49, "Aktobe", "KZ")]),
])
def test_nationality_word_that_is_also_a_town_name_is_no_place(gaz: Gazetteer, text: str, word: str,
                                                               want: list[tuple[int, int, str, str]]) -> None:
    assert gaz.lookup(word)  # the gazetteer has a town of that name
    doc = geoparse(Document(id="t", text=text), gaz)
    assert [(p.start, p.end, p.text, p.country) for p in doc.places] == want
