"""The actor stage's word lists are read by the project's one table loader, with their provenance."""

from __future__ import annotations

import pytest

from factiongraph.actors.wordlists import WORDS_DIR, WordListError, words
from factiongraph.tables import load_tables


def test_every_actor_word_list_file_says_where_its_words_come_from() -> None:
    files = sorted(p.name for p in WORDS_DIR.glob("*.yaml"))
    assert files == ["descriptions.yaml", "media.yaml", "names.yaml", "places.yaml", "speech.yaml"]
    for name in files:
        assert all(isinstance(v, list) for v in load_tables(WORDS_DIR / name).values()), name


def test_a_list_the_file_lacks_is_named_in_the_error() -> None:
    with pytest.raises(WordListError, match="'speech.yaml' has no list 'shout_verbs'"):
        words("speech", "shout_verbs")


def test_a_missing_word_list_file_is_a_word_list_error_naming_it() -> None:
    with pytest.raises(WordListError, match=r"'nowhere\.yaml'.*cannot read"):
        words("nowhere", "verbs")


def test_address_verbs_are_the_listed_words() -> None:
    assert words("speech", "address_verbs") == {"speak", "talk", "tell", "say", "explain", "write", "send", "give"}
