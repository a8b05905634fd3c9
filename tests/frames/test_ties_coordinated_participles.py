"""A participle of support the parser coordinated with the verbs around it ("X resumed fighting
and, helped by Y, overran ...") is an adjunct like "X, helped by Y, ...": Y backs X and is never
the other side of X's acts."""

from __future__ import annotations

import pytest

from factiongraph.document import Document
from factiongraph.pipeline import extract


@pytest.fixture(scope="module")
def run(pipeline):
    return lambda text: extract(text, pipeline=pipeline)


def ties(doc: Document) -> set[tuple[str, str, str]]:
    return {(r.type, r.source, r.target) for r in doc.relations}


@pytest.mark.parametrize(
    ("text", "patron", "client", "event"),
    [
        (
            "The Taliban resumed fighting in the spring and, helped by Pakistan, overran the district centre.",
            "pakistan", "taliban", ("ASSAULT", "taliban", None),
        ),
        (
            "The ADF resumed raiding in March and, assisted by Uganda, seized the bridge.",
            "uganda", "allied-democratic-forces", ("ASSAULT", "allied-democratic-forces", None),
        ),
        (
            "Hamas resumed fighting last week and, supported by Iran, overran an outpost.",
            "iran", "hamas", ("ASSAULT", "hamas", None),
        ),
    ],
)
def test_coordinated_support_participle_backs_the_agent_and_is_no_target(run, text, patron, client, event):
    doc = run(text)
    assert ties(doc) == {("support", patron, client)}
    assert [(e.plover, e.actor1, e.actor2) for e in doc.events] == [event]


def test_coordinated_passive_with_an_auxiliary_is_a_clause_of_its_own(run):
    doc = run("Hamas lost the town in May and was later supported by Iran.")
    assert ("support", "iran", "hamas") in ties(doc)
