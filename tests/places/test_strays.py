"""A name whose only gazetteer candidate lies in a country the report never mentions, far from
every place the report names, is left unresolved (a quarter of the report's city, not a namesake abroad)."""

from __future__ import annotations

import pytest

from factiongraph.document import Document
from factiongraph.places import geoparse


def placed(nlp, gaz, text: str) -> list[tuple[str, str | None, str | None, float | None]]:
    doc = geoparse(Document(id="t", text=text, parsed=nlp(text)), gaz)
    return [(p.text, p.name, p.country, p.lat) for p in doc.places]


@pytest.mark.parametrize("text,name,elsewhere", [
    ("Mortar rounds landed in Dora on Tuesday, police in Baghdad said. Two people were wounded "
     "in Basra later that day.", "Dora", "US"),
    ("Fighting spread to Karama on the eastern edge of Mosul, Iraqi commanders said, while troops near "
     "Erbil held their lines.", "Karama", "AU"),
    ("An air raid flattened two houses in al-Jadida, a western quarter of Mosul, residents told reporters "
     "in Erbil.", "al-Jadida", "MA"),
])  # fmt: skip
def test_lone_candidate_abroad_is_left_unresolved(nlp, gaz, text, name, elsewhere):
    (only,) = gaz.lookup(name)
    assert only.country == elsewhere
    got = placed(nlp, gaz, text)
    assert (name, name, None, None) in got  # still a place name, but no coordinates
    assert [c for _, _, c, _ in got if c] and all(c == "IQ" for _, _, c, _ in got if c)


def test_lone_candidate_of_a_country_the_report_names_is_kept(nlp, gaz):
    got = placed(nlp, gaz, "Moroccan coast guards towed a boat into El Jadida; the crew was flown to Oujda and Fes.")
    assert ("El Jadida", "El Jadida", "MA") in [g[:3] for g in got]


def test_lone_candidate_near_the_reports_places_is_kept(nlp, gaz):
    # a border town across the line: Turkey is never named, but the town is near the Syrian places
    got = placed(nlp, gaz, "Families fled Jarabulus and Manbij for Ceylanpinar, where aid groups set up tents far "
                           "from Aleppo.")
    assert ("Ceylanpinar", "Ceylanpınar", "TR") in [g[:3] for g in got]
    got = placed(nlp, gaz, "Truck drivers waited at Zakho for days before crossing to Silopi, traders in Mosul said.")
    assert ("Silopi", "Silopi", "TR") in [g[:3] for g in got]


def test_capitals_and_a_report_with_one_other_place_are_kept(nlp, gaz):
    got = placed(nlp, gaz, "Delegations met in Astana while fighting went on in Idlib and Hama.")
    assert ("Astana", "Astana", "KZ") in [g[:3] for g in got]
    got = placed(nlp, gaz, "Fighting spread to Karama, commanders in Mosul said.")
    assert ("Karama", "Karama", "AU") in [g[:3] for g in got]
