"""The one table loader, and the word lists that several stages read from one data file."""

from __future__ import annotations

from pathlib import Path

import pytest

from factiongraph import relation_mentions, relations
from factiongraph.actors import lexicon as actor_lexicon
from factiongraph.events import certainty
from factiongraph.tables import TableError, load_tables, word_set


def test_table_file_gives_its_tables_by_name_without_the_source(tmp_path: Path) -> None:
    f = tmp_path / "t.yaml"
    f.write_text("source: a codebook\nverbs: [fight, clash]\nskip: {X: [y]}\n", encoding="utf-8")
    assert load_tables(f) == {"verbs": ["fight", "clash"], "skip": {"X": ["y"]}}


def test_table_file_without_a_source_is_refused(tmp_path: Path) -> None:
    f = tmp_path / "t.yaml"
    f.write_text("verbs: [fight]\n", encoding="utf-8")
    with pytest.raises(TableError, match=r"t\.yaml: no `source:`"):
        load_tables(f)


def test_broken_or_missing_table_file_names_the_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("source: x\nverbs: [fight\n", encoding="utf-8")
    with pytest.raises(TableError, match=r"bad\.yaml: cannot read"):
        load_tables(bad)
    with pytest.raises(TableError, match=r"gone\.yaml: cannot read"):
        load_tables(tmp_path / "gone.yaml")


def test_word_set_refuses_a_table_that_is_not_a_word_list() -> None:
    with pytest.raises(TableError, match="`demonyms` is not a list of words"):
        word_set("demonyms", "demonyms")  # a mapping of country codes


def test_report_verbs_are_one_list_for_actors_and_certainty() -> None:
    assert actor_lexicon.REPORT_VERBS == certainty.REPORT_VERBS == word_set("cues", "report_verbs")
    assert len(certainty.REPORT_VERBS) == 15 and {"say", "allege", "quote"} <= certainty.REPORT_VERBS


def test_support_verbs_are_one_list_for_relations_and_mentions() -> None:
    assert relations.SUPPORT_CUES == relations.SUPPORT_VERBS_PASSIVE == relation_mentions.SUPPORT_VERBS
    assert len(relation_mentions.SUPPORT_VERBS) == 14 and {"bankroll", "sponsor", "supply"} <= relations.SUPPORT_CUES
    assert "reinforce" not in relations.SUPPORT_CUES  # "X reinforces why ...": too often abstract for a cue pair
