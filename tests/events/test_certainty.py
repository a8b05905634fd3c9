"""Certainty of triggers that share a sentence: what the sentence says is read once and holds for each."""

from __future__ import annotations

import pytest

from factiongraph.events import certainty as cert


def _certainties(nlp, text: str, words: list[str], *, backwards: bool = False) -> dict[str, tuple[str, str | None]]:
    """(value, source word) of each named trigger, asked in text order or backwards on a fresh parse."""
    sd = nlp(text)
    tokens = [t for t in sd if t.text in words]
    out = {}
    for t in reversed(tokens) if backwards else tokens:
        c = cert.classify(t)
        out[t.text] = (c.value, c.source_token.text if c.source_token is not None else None)
    return out


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a denial after the trigger disputes it; a trigger after the denial is told as fact
        ("Militants shelled the base on Sunday, but their commander later denied the attack.",
         {"shelled": ("disputed", None), "attack": ("asserted", None)}),
        ("The rebels denied the report, yet their fighters shelled the airport again on Tuesday.",
         {"shelled": ("asserted", None), "report": ("asserted", None)}),
        ("Army units bombed the depot after the insurgents had denied any raid.",
         {"bombed": ("disputed", None), "raid": ("asserted", None)}),
    ],
)
def test_a_denial_disputes_only_the_triggers_before_it(nlp, text: str, expected: dict) -> None:
    assert _certainties(nlp, text, list(expected)) == expected
    assert _certainties(nlp, text, list(expected), backwards=True) == expected


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Iran, whose advisers fought alongside the Syrian army, denied the report.", "fought"),
        ("The UAE, which arms the Security Belt forces, denied the report.", "arms"),
        ("Russia, which backs Haftar, rejected the accusation.", "backs"),
    ],
)
def test_a_denial_does_not_dispute_a_clause_describing_the_denier(nlp, text: str, trigger: str) -> None:
    assert _certainties(nlp, text, [trigger])[trigger] == ("asserted", None)


def test_every_trigger_of_an_according_to_sentence_is_reported_by_its_source(nlp) -> None:
    text = "According to local officials, the militia attacked the village and burned the market."
    expected = {"attacked": ("reported", "officials"), "burned": ("reported", "officials")}
    assert _certainties(nlp, text, ["attacked", "burned"]) == expected
    assert _certainties(nlp, text, ["attacked", "burned"], backwards=True) == expected


def test_a_trailing_reporting_verb_reports_every_trigger_before_it(nlp) -> None:
    text = "The militia attacked the village and looted the shops, the interior ministry said."
    expected = {"attacked": ("reported", "ministry"), "looted": ("reported", "ministry")}
    assert _certainties(nlp, text, ["attacked", "looted"]) == expected
    assert _certainties(nlp, text, ["attacked", "looted"], backwards=True) == expected


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Egypt has sent warplanes to support the Sudanese army.", "current"),
        ("Rwanda deployed a thousand soldiers to Mozambique to help its army.", "current"),
        ("Chad will send troops to help Mali.", "intended"),
    ],
)
def test_help_a_sending_was_made_for_is_as_real_as_the_sending(pipeline, text, status):
    from factiongraph.pipeline import extract

    doc = extract(text, pipeline=pipeline)
    assert {r.status for r in doc.relations if r.type == "support"} == {status}


@pytest.mark.parametrize(
    "text",
    [
        "Puntland says it has received no help from Mogadishu for the campaign.",
        "The rebels received no weapons from Iran, the panel found.",
        "Egypt gave no support to the Libyan National Army during the offensive.",
    ],
)
def test_an_act_whose_object_is_no_thing_is_negated(pipeline, text):
    from factiongraph.pipeline import extract

    doc = extract(text, pipeline=pipeline)
    assert not any(r.type == "support" for r in doc.relations)


@pytest.mark.parametrize(
    "text",
    [
        "Some Druze factions had been negotiating with Damascus over joining the new security forces.",
        "Ahrar al-Sham is considering joining the Islamic Front.",
        "Jaish al-Izza discussed merging with Ahrar al-Sham last week.",
    ],
)
def test_what_a_party_deliberates_over_doing_is_not_done(pipeline, text):
    from factiongraph.pipeline import extract

    rows = [r for r in extract(text, pipeline=pipeline).relations if r.change is not None]
    assert rows and all(r.status == "intended" and r.certainty == "hypothetical" for r in rows)


@pytest.mark.parametrize(
    "text",
    [
        "The generals seized power together, before their rivalry over folding the RSF into the army turned violent.",
        "The dispute over integrating the RSF into the army delayed the transition.",
        "A row over absorbing the Popular Mobilization Forces into the army divided parliament.",
    ],
)
def test_what_parties_quarrel_over_doing_is_not_done(pipeline, text):
    """The nouns of contention ("rivalry over", "dispute over") deliberate like "talks on": no merger is done."""
    from factiongraph.pipeline import extract

    relations = extract(text, pipeline=pipeline).relations
    assert all(r.status == "intended" and r.certainty == "hypothetical" for r in relations if r.change is not None)
    assert not any(r.status == "current" and r.type == "affiliation" for r in relations)


@pytest.mark.parametrize(
    ("text", "noun", "value"),
    [
        ("JNIM, al-Qaeda's main affiliate in the Sahel, claimed responsibility for the raid.", "affiliate", "asserted"),
        ("The Nusra Front, al-Qaeda's Syrian branch, said it had downed a jet.", "branch", "asserted"),
        ("Ansar Dine, an ally of AQIM, reportedly seized Kidal.", "ally", "asserted"),
        ("Ansar Dine, an alleged ally of AQIM, seized Kidal.", "ally", "hedged"),
    ],
)
def test_an_apposition_is_the_writers_description_whatever_its_clause_reports(nlp, text, noun, value):
    """"X, al-Qaeda's affiliate, claimed the raid": the claim is X's, the affiliation the writer's; only the
    apposition's own words hedge it ("an alleged ally")."""
    assert cert.classify(next(t for t in nlp(text) if t.text == noun)).value == value
