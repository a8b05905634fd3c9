"""'The new group' refers to the one group the text has just introduced as new by name."""

from __future__ import annotations

import pytest

from factiongraph.document import Document
from factiongraph.pipeline import extract


@pytest.fixture(scope="module")
def run(pipeline):
    return lambda text: extract(text, pipeline=pipeline)


def mention_of(doc: Document, text: str) -> str | None:
    return next((a.id for a in doc.actors for m in a.mentions if m.text == text), None)


@pytest.mark.parametrize(
    ("text", "description", "group", "tie"),
    [
        (
            "Three factions launched a new front named the Levant Front in Aleppo. Jaysh al-Islam signed up to "
            "the new front on Tuesday.",
            "the new front",
            "levant-front",
            ("jaysh-al-islam", "levant-front", "joined"),
        ),
        (
            "The factions announced a new group, the National Front for Liberation, on Monday. Faylaq al-Sham "
            "quit the new group in June.",
            "the new group",
            "national-front-for-liberation",
            ("faylaq-al-sham", "national-front-for-liberation", "left"),
        ),
        (
            "The rebels formed a new alliance, the Army of Conquest, in March. Jaysh al-Sunna joined the new "
            "alliance a week later.",
            "the new alliance",
            "jaysh-al-fatah",
            ("jaysh-al-sunna", "jaysh-al-fatah", "joined"),
        ),
    ],
)
def test_the_new_group_is_the_group_just_introduced_as_new_by_name(run, text, description, group, tie):
    doc = run(text)
    assert mention_of(doc, description) == group
    assert tie in {(r.source, r.target, r.change) for r in doc.relations if r.type == "affiliation"}


@pytest.mark.parametrize(
    ("text", "description"),
    [
        ("Jaysh al-Islam quit the Levant Front last year. The new group has not fought the army.", "The new group"),
        (
            "Rebels set up a new front called the Levant Front and a new army named the Syrian National Army. "
            "Jaysh al-Islam joined the new group.",
            "the new group",
        ),
    ],
)
def test_the_new_group_stays_unresolved_without_exactly_one_group_introduced_as_new(run, text, description):
    doc = run(text)
    assert mention_of(doc, description) is None
    assert not any(r.target_mention is not None and r.target_mention.text == description for r in doc.relations)
