"""Plural and contrastive descriptions: "the two groups", "both factions", "the one-time allies" refer to the
actors named together just before them (a mention of each on one span); "the rival group" to the one other
group in context."""

from __future__ import annotations

import pytest

from factiongraph.document import Document


def referents(doc: Document) -> dict[str, set[str]]:
    """Description text -> the actors it became a mention of."""
    out: dict[str, set[str]] = {}
    for a in doc.actors:
        for m in a.mentions:
            if m.how == "coref" and m.text.lower().split()[0] in ("the", "both"):
                out.setdefault(m.text, set()).add(a.id)
    return out


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ahrar al-Sham and Jaysh al-Islam controlled rival districts of Douma. In 2016 the two groups fought "
         "each other for a month.", {"the two groups": {"ahrar-al-sham", "jaysh-al-islam"}}),
        ("The Arakan Army and the Chin National Front both claim Paletwa. The two rebel movements have clashed "
         "near the town.", {"The two rebel movements": {"arakan-army", "chin-national-front"}}),
        ("Boko Haram and ISWAP operate around Lake Chad. Both factions attacked one another on the islands on "
         "Sunday.", {"Both factions": {"boko-haram", "islamic-state-west-africa"}}),
    ],
)
def test_a_numbered_plural_description_refers_to_the_actors_named_together_before_it(resolve, text, expected):
    assert referents(resolve(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ethiopia and Eritrea signed a peace deal in 2018. Relations between the former allies have since "
         "soured.", {"the former allies": {"ethiopia", "eritrea"}}),
        ("Al-Shabaab and Hizbul Islam shared control of Afgoye. The rivals later clashed with each other.",
         {"The rivals": {"al-shabaab", "hizbul-islam"}}),
        ("Hamas and Fatah governed the territories jointly in 2007. Within months the one-time partners were "
         "fighting in Gaza.", {"the one-time partners": {"hamas", "fatah"}}),
    ],
)
def test_a_relational_plural_refers_to_the_two_parties_named_before_it(resolve, text, expected):
    assert referents(resolve(text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Hamas, Islamic Jihad and Fatah fired rockets at Sderot. The two groups later fought each other.",
        "Ahrar al-Sham and Jaysh al-Islam attacked Jabhat al-Nusra near Idlib. Both factions withdrew at dawn.",
        "The ELN broke a truce with defectors from the FARC in January. The two rebel organisations then "
        "fought near Tibu.",
    ],
)
def test_a_plural_description_with_more_candidates_or_a_part_named_stays_unresolved(resolve, text):
    assert referents(resolve(text)) == {}


@pytest.mark.parametrize(
    "text",
    [
        "Ahrar al-Sham and Jaysh al-Islam held Douma. The two Kurdish groups stayed out of the fighting.",
        "Ahrar al-Sham and Jaysh al-Islam held Douma. The two groups that signed the deal left the city.",
        "Ahrar al-Sham and Jaysh al-Islam held Douma. Their two allies sent reinforcements.",
    ],
)
def test_a_plural_description_that_says_which_itself_is_not_resolved_back(resolve, text):
    assert referents(resolve(text)) == {}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ISWAP has grown since 2016. Boko Haram fighters this week crossed over to the rival group.",
         {"the rival group": {"islamic-state-west-africa"}}),
        ("Al-Shabaab and Hizbul Islam clashed near Afgoye. The next day Hizbul Islam withdrew and the other "
         "faction took the town.", {"the other faction": {"al-shabaab"}}),
        ("Jabhat al-Nusra seized the town in June. Weeks later Ahrar al-Sham ambushed the rival faction.",
         {"the rival faction": {"jabhat-al-nusra"}}),
    ],
)
def test_a_contrastive_description_refers_to_the_one_other_group_in_context(resolve, text, expected):
    assert referents(resolve(text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Jabhat al-Nusra and Jaysh al-Islam held Idlib. Ahrar al-Sham later attacked the rival faction.",
        "Boko Haram raided a market in Borno. The rival group said it was not involved.",
        "Al-Shabaab, Hizbul Islam and Ras Kamboni clashed near Afgoye. Hizbul Islam then shelled the other faction.",
    ],
)
def test_a_contrastive_description_without_exactly_one_other_group_stays_unresolved(resolve, text):
    assert referents(resolve(text)) == {}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The al-Qaeda-linked alliance said Ahrar al-Sham had seized a dozen HTS gunmen. The two sides signed "
         "a ceasefire on Monday.", {"The two sides": {"ahrar-al-sham", "hayat-tahrir-al-sham"}}),
        ("The US-backed SDF fought Jaysh al-Islam fighters near Raqqa. The two sides exchanged prisoners in May.",
         {"The two sides": {"syrian-democratic-forces", "jaysh-al-islam"}}),
        ("The Iran-aligned Houthis said they had shot down a drone over Marib. Both sides gave casualty figures.", {}),
    ],
)
def test_a_name_inside_a_hyphenated_tie_modifier_is_no_referent_of_a_plural(resolve, text, expected):
    assert referents(resolve(text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Turkey and local activists accused the Syrian regime of shelling Aleppo. Casualties hit both sides.",
        "Hamas and aid workers blamed the Israeli army for the blast in Rafah. The two sides gave different figures.",
        "Russia and several diplomats accused the Houthis of seizing the tanker. Both sides traded accusations.",
    ],
)
def test_a_name_coordinated_with_unnamed_people_leaves_a_plural_unresolved(resolve, text):
    assert referents(resolve(text)) == {}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ahrar al-Sham and several smaller brigades attacked Jaysh al-Islam in Ghouta. The two sides later signed "
         "a truce.", {"The two sides": {"ahrar-al-sham", "jaysh-al-islam"}}),
        ("The Sudanese army and allied militias pushed the RSF out of Wad Madani. Both sides reported heavy losses.",
         {"Both sides": {"sudan", "rapid-support-forces"}}),
        ("Al-Shabaab and allied clan fighters overran an AMISOM base near Baidoa. Both sides said dozens had died.",
         {"Both sides": {"al-shabaab", "amisom"}}),
    ],
)
def test_a_name_coordinated_with_unnamed_fighters_still_stands_for_its_side(resolve, text, expected):
    assert referents(resolve(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Arakan Army fights as an ally of the Kachin Independence Army in the north. The two groups often share "
         "supplies.", {"The two groups": {"arakan-army", "kachin-independence-army"}}),
        ("Hamas is a rival of Islamic Jihad in Gaza. Both movements fired rockets on Monday.",
         {"Both movements": {"hamas", "palestinian-islamic-jihad"}}),
        ("Al-Shabaab became an enemy of Hizbul Islam in 2009. The two factions then fought for Kismayo.",
         {"The two factions": {"al-shabaab", "hizbul-islam"}}),
    ],
)
def test_a_name_after_a_relational_noun_is_a_referent_unlike_one_after_a_part_noun(resolve, text, expected):
    assert referents(resolve(text)) == expected
