"""The ACLED codebook data: its types match the typing rules, and its codes answer as ACLED's do."""

from __future__ import annotations

from factiongraph.events import acled
from factiongraph.events.codebook import (
    civilian_targeting,
    codebook,
    disorder_type,
    interaction,
    unidentified_actor,
    unnamed_participant,
)


def test_codebook_has_the_6_event_types_and_25_sub_types_the_rules_return() -> None:
    cb = codebook()
    assert list(cb.event_types) == list(acled.ACLED_EVENT_TYPES)
    assert sum(len(subs) for subs in cb.event_types.values()) == 25
    names = {acled.BATTLES, acled.EXPLOSIONS, acled.VAC, acled.PROTESTS, acled.RIOTS, acled.STRATEGIC}
    assert names == set(cb.event_types)


def test_every_sub_type_states_its_criteria_and_whether_it_is_violent() -> None:
    cb = codebook()
    for subs in cb.event_types.values():
        for sub in subs:
            assert sub.criteria and sub.actor1
    assert cb.sub_type("Peaceful protest").violent is False  # type: ignore[union-attr]
    assert cb.sub_type("Grenade").violent is True  # type: ignore[union-attr]
    assert cb.sub_type("Non-violent transfer of territory").event_type == "Strategic developments"  # type: ignore[union-attr]


def test_disorder_type_follows_the_event_type() -> None:
    assert disorder_type("Battles") == "Political violence"
    assert disorder_type("Protests") == "Demonstrations"
    assert disorder_type("Riots") == "Political violence; Demonstrations"
    assert disorder_type("Strategic developments") == "Strategic developments"
    assert disorder_type(None) == ""


def test_interaction_joins_the_two_codes_lower_first_and_a_lone_side_gets_a_zero() -> None:
    assert interaction(2, 1) == 12
    assert interaction(2, 2) == 22
    assert interaction(7, 3) == 37
    assert interaction(1, None) == 10
    assert interaction(None, None) is None


def test_civilian_targeting_is_flagged_only_for_political_violence_against_civilians() -> None:
    assert civilian_targeting("Violence against civilians", 7) == "Civilian targeting"
    assert civilian_targeting("Explosions/Remote violence", None, "civilians") == "Civilian targeting"
    assert civilian_targeting("Battles", 7) == ""  # a battle is between armed groups
    assert civilian_targeting("Explosions/Remote violence", 1) == ""


def test_unnamed_participants_get_acleds_names_per_event_type() -> None:
    assert unnamed_participant("Explosions/Remote violence", "actor1", "Somalia") == (
        "Unidentified Armed Group (Somalia)",
        3,
    )
    assert unnamed_participant("Violence against civilians", "actor2", "Haiti") == ("Civilians (Haiti)", 7)
    assert unnamed_participant("Protests", "actor1", None) == ("Protesters", 6)
    assert unnamed_participant("Strategic developments", "actor2", "Mali") is None
    assert unidentified_actor(1, "Chad") == "Military Forces of Chad"
