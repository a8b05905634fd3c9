"""Speakers, reporters and sources are no parties: who says or reports a tie is not in it."""

from __future__ import annotations

import pytest

from factiongraph.document import Document
from factiongraph.pipeline import extract


@pytest.fixture(scope="module")
def run(pipeline):
    return lambda text: extract(text, pipeline=pipeline)


def parties(doc: Document) -> set[str]:
    out = {a for e in doc.events for a in (e.actor1, e.actor2) if a}
    return out | {a for r in doc.relations for a in (r.source, r.target)}


@pytest.mark.parametrize(
    ("text", "source", "tie"),
    [
        ("The Defence Ministry concluded that Hezbollah had armed the Houthis.", "defence-ministry",
         ("support", "hezbollah", "houthis")),
        ("Turkish intelligence believes that Iran has funded the PKK for years.", "turkey",
         ("support", "iran", "pkk")),
        ("A UN panel found that Eritrea had supplied weapons to al-Shabaab.", "united-nations",
         ("support", "eritrea", "al-shabaab")),
    ],
)
def test_who_concludes_or_finds_a_tie_is_not_a_party_to_it(run, text, source, tie):
    doc = run(text)
    assert tie in {(r.type, r.source, r.target) for r in doc.relations}
    assert source not in {a for r in doc.relations for a in (r.source, r.target)}


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("A spokesman for the Houthis said Saudi jets had struck the airport in Sanaa.", "houthis"),
        ("Saudi jets hit the airport overnight, a Houthi official told reporters.", "houthis"),
        ("According to the Syrian Network for Human Rights, regime aircraft bombed a market in Idlib.",
         "syrian-network-for-human-rights"),
    ],
)
def test_the_speaker_of_a_report_is_not_the_attacker(run, text, speaker):
    doc = run(text)
    assert all(e.actor1 != speaker for e in doc.events)
    assert not any(r.type == "hostility" and r.source == speaker for r in doc.relations)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('"They are bombing us every night," a commander of the Arakan Army told the BBC.', "arakan-army"),
        ('"They shelled our villages again," a Karen National Union officer said.', "karen-national-union"),
        ('"They attacked our checkpoint at dawn," an SDF spokesman told the agency.', "syrian-democratic-forces"),
    ],
)
def test_they_in_a_direct_quote_is_not_the_speaker(run, text, speaker):
    assert all(e.actor1 != speaker for e in run(text).events)


@pytest.mark.parametrize(
    ("text", "speaker", "subject"),
    [
        ("A million people have fled the M23 offensive, the United Nations says.", "united-nations", "m23"),
        ("UN officials estimate that thousands have died in the Boko Haram insurgency.", "united-nations",
         "boko-haram"),
        ("Amnesty International reported the Houthi attacks on Marib in detail.", "amnesty-international",
         "houthis"),
    ],
)
def test_an_organisation_reporting_a_groups_violence_is_no_party_to_it(run, text, speaker, subject):
    doc = run(text)
    assert not any({r.source, r.target} == {speaker, subject} for r in doc.relations)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Coalition jets struck the Houthis in Sanaa, the Pentagon said.", "pentagon"),
        ("Russian aircraft bombed the rebels near Idlib, the Syrian Observatory reported.", "syrian-observatory"),
        ("Hezbollah fighters shelled the Nusra Front near Arsal, the Lebanese army said on Monday.", "lebanon"),
    ],
)
def test_a_source_named_after_the_clause_is_no_party_to_it(run, text, speaker):
    doc = run(text)
    assert not any(speaker in (r.source, r.target) and r.type == "hostility" for r in doc.relations)


@pytest.mark.parametrize(
    ("text", "accuser", "accused", "client"),
    [
        ("Ugandan officials accuse elements of Sudan's military intelligence of still supplying Kony.", "uganda",
         "sudan", None),
        ("Kenya accuses rogue units of Somalia's army of arming al-Shabaab.", "kenya", "somalia", "al-shabaab"),
        ("Kabul accused a wing of Pakistan's spy agency of sheltering the Taliban.", "afghanistan", "pakistan",
         "taliban"),
    ],
)
def test_the_accuser_is_no_party_to_the_deed_of_those_it_accuses(run, text, accuser, accused, client):
    doc = run(text)
    assert not any(r.source == accuser or r.target == accuser for r in doc.relations)
    if client is not None:
        assert ("support", accused, client) in {(r.type, r.source, r.target) for r in doc.relations}


@pytest.mark.parametrize(
    ("text", "claimer", "linked", "to"),
    [
        ("Ankara links the YPG to the PKK.", "turkey", "ypg", "pkk"),
        ("Washington has long tied Hezbollah to Iran's Revolutionary Guards.", "united-states", "hezbollah", "iran"),
        ("Kenyan officials connect the cell to al-Shabaab.", "kenya", None, "al-shabaab"),
    ],
)
def test_who_links_a_group_to_another_only_says_so(run, text, claimer, linked, to):
    doc = run(text)
    assert not any(claimer in (r.source, r.target) for r in doc.relations)
    if linked is not None:
        assert [(r.source, r.target, r.certainty) for r in doc.relations if r.type == "affiliation"] == [
            (linked, to, "reported")]


@pytest.mark.parametrize(
    ("text", "tie"),
    [
        ("Kenya accuses rogue units of Somalia's army of arming al-Shabaab.", ("support", "somalia", "al-shabaab")),
        ("Iran was accused of supplying drones to Russia.", ("support", "iran", "russia")),
        ("Kabul blamed Pakistan for sheltering the Taliban.", ("support", "pakistan", "taliban")),
    ],
)
def test_what_an_accusation_says_was_done_is_reported_not_asserted(run, text, tie):
    doc = run(text)
    assert [r.certainty for r in doc.relations if (r.type, r.source, r.target) == tie] == ["reported"]


@pytest.mark.parametrize(
    ("text", "believer", "tie"),
    [
        ("Indian police believe it now cooperates with Jaish-e-Mohammed.", "india", None),
        ("Western officials think the Houthis receive missiles from Iran.", None, ("support", "iran", "houthis")),
        ("Kenyan officials suspect that Eritrea still funds al-Shabaab.", "kenya", ("support", "eritrea",
                                                                                      "al-shabaab")),
    ],
)
def test_what_a_source_believes_is_reported_and_the_believer_is_no_party(run, text, believer, tie):
    doc = run(text)
    assert not any(believer in (r.source, r.target) for r in doc.relations)
    if tie is not None:
        assert [r.certainty for r in doc.relations if (r.type, r.source, r.target) == tie] == ["reported"]
