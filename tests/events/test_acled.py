"""PLOVER -> ACLED event type and sub-type mapping."""

from __future__ import annotations

import pytest

from factiongraph.events import acled
from factiongraph.events.acled import ACLED_SUB_EVENT_TYPES, acled_type


def at(plover, mode=None, *, trigger=None, a1=None, a2=None, territory=False, text=""):
    return acled_type(
        plover, mode, trigger_lemma=trigger, actor1_kind=a1, actor2_kind=a2, territory=territory, text=text
    )


def test_acled_vocabulary_has_6_types_and_25_sub_types():
    assert len(ACLED_SUB_EVENT_TYPES) == 6
    assert sum(len(v) for v in ACLED_SUB_EVENT_TYPES.values()) == 25


# ---------------------------------------------------------------- Battles


def test_acled_clash_between_armed_groups_is_armed_clash():
    assert at(
        "ASSAULT",
        trigger="clash",
        a1="rebel",
        a2="state",
        text="Rebels clashed with government troops near the airport.",
    ) == ("Battles", "Armed clash")


def test_acled_attack_on_army_with_small_arms_is_armed_clash():
    assert at(
        "ASSAULT",
        "firearms",
        trigger="attack",
        a1="militia",
        a2="state",
        text="Militiamen attacked an army checkpoint with rifles.",
    ) == ("Battles", "Armed clash")


def test_acled_rebels_capture_town_is_non_state_actor_overtakes_territory():
    assert at(
        "ASSAULT",
        trigger="capture",
        a1="rebel",
        a2="state",
        territory=True,
        text="Rebels captured the town after heavy fighting.",
    ) == ("Battles", "Non-state actor overtakes territory")


def test_acled_army_retakes_village_is_government_regains_territory():
    assert at(
        "ASSAULT",
        trigger="retake",
        a1="state",
        a2="rebel",
        text="The army retook the village from the insurgents.",
    ) == ("Battles", "Government regains territory")


def test_acled_took_control_cue_marks_territory():
    assert at(
        "ASSAULT",
        trigger="seize",
        a1="militia",
        a2="rebel",
        text="The militia seized control of the district.",
    ) == ("Battles", "Non-state actor overtakes territory")


# ---------------------------------------------------------------- Explosions/Remote violence


def test_acled_airstrike_on_rebels_is_air_drone_strike():
    assert at(
        "ASSAULT",
        "aerial",
        trigger="strike",
        a1="foreign_state",
        a2="rebel",
        text="Russian airstrikes hit rebel positions in Idlib.",
    ) == ("Explosions/Remote violence", "Air/drone strike")


def test_acled_drone_cue_without_mode_is_air_drone_strike():
    assert at(
        "ASSAULT",
        trigger="attack",
        a1="state",
        a2="militia",
        text="A drone attack killed two militia commanders.",
    ) == ("Explosions/Remote violence", "Air/drone strike")


def test_acled_shelling_is_shelling_artillery_missile_attack():
    assert at(
        "ASSAULT",
        "heavy-weapons",
        trigger="shell",
        a1="state",
        a2="rebel",
        text="Government forces shelled rebel-held districts.",
    ) == ("Explosions/Remote violence", "Shelling/artillery/missile attack")


def test_acled_mortar_cue_is_shelling():
    assert at("ASSAULT", trigger="hit", a1="rebel", a2=None, text="Mortar rounds hit the old city.") == (
        "Explosions/Remote violence",
        "Shelling/artillery/missile attack",
    )


def test_acled_roadside_bomb_is_remote_explosive():
    assert at(
        "ASSAULT", trigger="kill", a1="rebel", a2="state", text="A roadside bomb killed three soldiers."
    ) == ("Explosions/Remote violence", "Remote explosive/landmine/IED")


def test_acled_landmine_is_remote_explosive():
    assert at(
        "ASSAULT",
        "explosives",
        trigger="explode",
        a1=None,
        a2="civilians",
        text="A landmine exploded under a minibus.",
    ) == ("Explosions/Remote violence", "Remote explosive/landmine/IED")


def test_acled_suicide_bomber_is_suicide_bomb():
    assert at(
        "ASSAULT",
        trigger="attack",
        a1="rebel",
        a2="civilians",
        text="A suicide bomber blew himself up at a market.",
    ) == ("Explosions/Remote violence", "Suicide bomb")


def test_acled_grenade_is_grenade():
    assert at(
        "ASSAULT",
        trigger="throw",
        a1="militia",
        a2="civilians",
        text="Unknown attackers threw a grenade into a cafe.",
    ) == ("Explosions/Remote violence", "Grenade")


def test_acled_chlorine_is_chemical_weapon():
    assert at(
        "ASSAULT", trigger="attack", a1="state", a2="rebel", text="Chlorine gas was used in the attack."
    ) == ("Explosions/Remote violence", "Chemical weapon")


# ---------------------------------------------------------------- Violence against civilians


def test_acled_gunmen_kill_villagers_is_attack_on_civilians():
    assert at(
        "ASSAULT",
        "firearms",
        trigger="kill",
        a1="militia",
        a2="civilians",
        text="Gunmen killed five villagers.",
    ) == ("Violence against civilians", "Attack")


def test_acled_abduction_of_civilians_is_abduction_forced_disappearance():
    assert at(
        "ASSAULT",
        "abduct",
        trigger="abduct",
        a1="rebel",
        a2="civilians",
        text="Rebels abducted twelve aid workers.",
    ) == ("Violence against civilians", "Abduction/forced disappearance")


def test_acled_rape_is_sexual_violence():
    assert at(
        "ASSAULT",
        "sexual",
        trigger="rape",
        a1="militia",
        a2="civilians",
        text="Militiamen raped women in the village.",
    ) == ("Violence against civilians", "Sexual violence")


# ---------------------------------------------------------------- Protests and Riots


def test_acled_peaceful_march_is_peaceful_protest():
    assert at(
        "PROTEST",
        "demo",
        trigger="protest",
        a1="protesters",
        a2="state",
        text="Thousands marched peacefully through the capital.",
    ) == ("Protests", "Peaceful protest")


def test_acled_tear_gas_dispersal_is_protest_with_intervention():
    assert at(
        "PROTEST",
        "demo",
        trigger="protest",
        a1="protesters",
        text="Police fired tear gas to disperse the demonstrators.",
    ) == ("Protests", "Protest with intervention")


def test_acled_live_fire_on_protesters_is_excessive_force():
    assert at(
        "ASSAULT",
        "firearms",
        trigger="shoot",
        a1="state",
        a2="protesters",
        text="Security forces opened fire on protesters, killing four.",
    ) == ("Protests", "Excessive force against protesters")


def test_acled_riot_is_violent_demonstration():
    assert at(
        "PROTEST",
        "riot",
        trigger="riot",
        a1="protesters",
        text="Rioters torched cars and threw stones at police.",
    ) == ("Riots", "Violent demonstration")


def test_acled_mob_lynching_is_mob_violence():
    assert at(
        "ASSAULT", "beat", trigger="beat", a1="civilians", a2="other", text="A mob lynched a suspected thief."
    ) == ("Riots", "Mob violence")


def test_acled_protesters_arrested_is_protest_with_intervention():
    assert at(
        "COERCE",
        "arrest",
        trigger="arrest",
        a1="state",
        a2="protesters",
        text="Police arrested dozens of protesters.",
    ) == ("Protests", "Protest with intervention")


# ---------------------------------------------------------------- Strategic developments


def test_acled_arrest_of_leader_is_arrests():
    assert at(
        "COERCE",
        "arrest",
        trigger="arrest",
        a1="state",
        a2="other",
        text="Police arrested the opposition leader.",
    ) == ("Strategic developments", "Arrests")


def test_acled_ceasefire_agreement_is_agreement():
    assert at(
        "AGREE", trigger="agree", a1="state", a2="rebel", text="Both parties agreed on a truce."
    ) == ("Strategic developments", "Agreement")


def test_acled_prisoner_exchange_is_agreement():
    assert at(
        "RETREAT",
        "release",
        trigger="release",
        a1="rebel",
        a2="state",
        text="Rebels released 20 soldiers in a prisoner exchange.",
    ) == ("Strategic developments", "Agreement")


def test_acled_looting_is_looting_property_destruction():
    assert at(
        "COERCE", "seize", trigger="loot", a1="militia", text="Militiamen looted shops in the market."
    ) == ("Strategic developments", "Looting/property destruction")


def test_acled_weapons_cache_seized_is_disrupted_weapons_use():
    assert at(
        "COERCE",
        "seize",
        trigger="seize",
        a1="state",
        a2="rebel",
        text="Troops seized a weapons cache belonging to the rebels.",
    ) == ("Strategic developments", "Disrupted weapons use")


def test_acled_defused_bomb_is_disrupted_weapons_use():
    assert at(
        "COERCE", None, trigger="defuse", a1="state", text="Police defused a bomb near the stadium."
    ) == ("Strategic developments", "Disrupted weapons use")


def test_acled_troop_deployment_is_change_to_group_activity():
    assert at(
        "MOBILIZE",
        "troops",
        trigger="deploy",
        a1="state",
        text="The army deployed reinforcements to the border.",
    ) == ("Strategic developments", "Change to group/activity")


def test_acled_base_set_up_is_headquarters_or_base_established():
    assert at(
        "MOBILIZE",
        "troops",
        trigger="deploy",
        a1="foreign_state",
        text="Turkish forces set up a new base near the town.",
    ) == ("Strategic developments", "Headquarters or base established")


def test_acled_handover_after_withdrawal_is_non_violent_transfer_of_territory():
    assert at(
        "RETREAT",
        "withdraw",
        trigger="withdraw",
        a1="rebel",
        text="Rebels withdrew and handed over the town to the army.",
    ) == ("Strategic developments", "Non-violent transfer of territory")


def test_acled_group_merger_is_change_to_group_activity():
    assert at(
        "COOPERATE",
        trigger="merge",
        a1="rebel",
        a2="rebel",
        text="The two factions merged into a new coalition.",
    ) == ("Strategic developments", "Change to group/activity")


def test_acled_curfew_is_other():
    assert at(
        "COERCE", "curfew", trigger="impose", a1="state", text="Officials imposed a night-time curfew on the district."
    ) == ("Strategic developments", "Other")


# ---------------------------------------------------------------- not ACLED events


@pytest.mark.parametrize("plover", ["CONSULT", "ACCUSE", "REQUEST", "REJECT", "THREATEN", "SANCTION", "AID"])
def test_acled_verbal_and_diplomatic_events_are_not_recorded(plover):
    assert at(plover, trigger="x", a1="state", a2="rebel", text="Officials met and talked.") == (None, None)


def test_acled_agree_without_agreement_cue_is_not_recorded():
    assert at(
        "AGREE",
        trigger="promise",
        a1="state",
        a2="state",
        text="The minister promised more funds for schools.",
    ) == (None, None)


def test_acled_outputs_are_in_vocabulary():
    cases = [
        at("ASSAULT", m, trigger=t, a1=a1, a2=a2, text=x)
        for m in (None, "aerial", "abduct", "destroy", "crowd-control")
        for t in ("attack", "clash", None)
        for a1 in ("state", "rebel", "protesters", None)
        for a2 in ("civilians", "rebel", "protesters", None)
        for x in ("", "shelling", "tear gas", "looted")
    ]
    for et, st in cases:
        assert (et is None and st is None) or st in ACLED_SUB_EVENT_TYPES[et]


def test_acled_drones_shot_down_are_disrupted_weapons_use():
    assert acled_type(
        "ASSAULT", None, trigger_lemma="shoot", actor1_kind="state", actor2_kind="foreign_state",
        text="Ukrainian air defence shot down two Russian drones over Kyiv",
    ) == ("Strategic developments", "Disrupted weapons use")


def test_acled_looting_by_rioters_is_a_violent_demonstration():
    assert acled_type(
        "COERCE", "seize", trigger_lemma="loot", actor1_kind="protesters", actor2_kind=None,
        text="rioters looted shops in Colombo",
    ) == ("Riots", "Violent demonstration")


def test_acled_arrests_at_a_protest_are_its_policing():
    assert acled_type(
        "COERCE", "arrest", trigger_lemma="detain", actor1_kind="state", actor2_kind="civilians",
        text="police detained several women", context="police baton-charged the march and detained several women",
    ) == ("Protests", "Protest with intervention")


def test_acled_other_target_without_victim_cues_is_a_clash_when_military():
    assert acled_type(
        "ASSAULT", None, trigger_lemma="ambush", actor1_kind="rebel", actor2_kind="other",
        text="militants ambushed a military convoy on the road",
    ) == ("Battles", "Armed clash")


def test_acled_tear_gas_and_stun_grenades_on_protesters_is_intervention():
    assert acled_type(
        "ASSAULT", "firearms", trigger_lemma="fire", actor1_kind="state", actor2_kind="protesters",
        text="police fired tear gas and stun grenades to disperse demonstrators",
    ) == ("Protests", "Protest with intervention")


@pytest.mark.parametrize(
    ("text", "context", "actor1_text", "expected"),
    [
        # a bare toll takes its weapon from the sentence when its clause names no perpetrator
        ("3 soldiers were killed", "3 soldiers were killed when a roadside bomb hit their truck.", "rebels",
         ("Explosions/Remote violence", "Remote explosive/landmine/IED")),
        ("two herders died", "Two herders died after militants shelled the village.", None,
         ("Explosions/Remote violence", "Shelling/artillery/missile attack")),
        # ... but not when its own clause says who killed
        ("gunmen killed 2 farmers near Gao", "Troops shelled Kidal; gunmen killed 2 farmers near Gao.", "gunmen",
         ("Violence against civilians", "Attack")),
    ],
)
def test_a_toll_takes_the_sentences_weapon_only_when_its_clause_names_no_perpetrator(
    text, context, actor1_text, expected
):
    got = acled_type(
        "ASSAULT", None, trigger_lemma="kill" if "kill" in text else "die",
        actor1_kind="militia" if actor1_text else None, actor2_kind="civilians" if "farmers" in text else None,
        text=text, context=context, actor1_text=actor1_text,
    )  # fmt: skip
    assert got == expected


@pytest.mark.parametrize(
    ("text", "actor", "expected"),
    [
        # the name and the member noun after it go, in any case, wherever they occur
        ("JNIM militants ambushed a convoy near a jnim base", "JNIM", "  ambushed a convoy near a   base"),
        ("Army units shelled the village; the army denied it", "army", "  shelled the village; the   denied it"),
        # a member noun alone, or one not right after the name, stays
        ("Police said the Wagner group and its fighters left", "Wagner",
         "Police said the   group and its fighters left"),
        # a name with regex characters is read literally
        ("Fighters of the (IS) cell fled", "(IS)", "Fighters of the   cell fled"),
        ("no perpetrator named here", "RSF", "no perpetrator named here"),
        ("nothing removed without a name", None, "nothing removed without a name"),
    ],
)
def test_perpetrator_words_are_removed_before_target_cues(text, actor, expected):
    assert acled._without_actor(text, actor) == expected
