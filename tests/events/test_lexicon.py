"""Trigger lexicon: verbs, verb patterns, nouns, reporting verbs, data integrity."""

from __future__ import annotations

import time

import pytest

from factiongraph.events.lexicon import PLOVER_TYPES, VALID_MODES, Lexicon, TriggerSense


@pytest.fixture(scope="module")
def lex() -> Lexicon:
    return Lexicon.load()


def _type(sense: TriggerSense | None) -> str | None:
    return None if sense is None else sense.plover


# ---------------------------------------------------------------- loading


def test_lexicon_load_is_cached_and_fast():
    start = time.perf_counter()
    first = Lexicon.load()
    assert Lexicon.load() is first
    assert time.perf_counter() - start < 5.0


def test_lexicon_sizes_cover_generated_and_curated_layers(lex):
    stats = lex.stats()
    assert stats["verbs"] >= 900
    assert stats["patterns"] >= 10000
    assert stats["nouns"] >= 200
    assert stats["communication"] >= 40


def test_lexicon_all_senses_use_valid_plover_types_and_modes(lex):
    senses = [s for d in (lex._verbs, lex._patterns, lex._nouns) for s in d.values() if s is not None]
    for s in senses:
        assert s.plover in PLOVER_TYPES
        assert s.mode is None or s.mode in VALID_MODES[s.plover]
        assert 0.0 <= s.weight <= 1.0
        assert s.source == "curated" or s.source.startswith("cameo:")


def test_lexicon_trigger_sense_is_frozen():
    sense = TriggerSense("ASSAULT", None, 1.0, "curated")
    with pytest.raises(AttributeError):
        sense.plover = "AGREE"  # type: ignore[misc]


def test_lexicon_modes_for_lists_plover_modes():
    assert "aerial" in Lexicon.modes_for("ASSAULT")
    assert Lexicon.modes_for("coerce")[-1] == "cyber"
    assert Lexicon.modes_for("AGREE") == ()


# ---------------------------------------------------------------- verbs alone


@pytest.mark.parametrize(
    ("lemma", "plover"),
    [
        ("attack", "ASSAULT"),
        ("fight", "ASSAULT"),
        ("clash", "ASSAULT"),
        ("kill", "ASSAULT"),
        ("shell", "ASSAULT"),
        ("bomb", "ASSAULT"),
        ("shoot", "ASSAULT"),
        ("ambush", "ASSAULT"),
        ("raid", "ASSAULT"),
        ("abduct", "ASSAULT"),
        ("kidnap", "ASSAULT"),
        ("execute", "ASSAULT"),
        ("behead", "ASSAULT"),
        ("torture", "ASSAULT"),
        ("assassinate", "ASSAULT"),
        ("retake", "ASSAULT"),
        ("recapture", "ASSAULT"),
        ("overrun", "ASSAULT"),
        ("besiege", "COERCE"),
        ("arrest", "COERCE"),
        ("detain", "COERCE"),
        ("seize", "COERCE"),
        ("threaten", "THREATEN"),
        ("warn", "THREATEN"),
        ("accuse", "ACCUSE"),
        ("blame", "ACCUSE"),
        ("condemn", "ACCUSE"),
        ("denounce", "ACCUSE"),
        ("reject", "REJECT"),
        ("refuse", "REJECT"),
        ("deny", "REJECT"),
        ("demand", "REQUEST"),
        ("urge", "REQUEST"),
        ("ask", "REQUEST"),
        ("request", "REQUEST"),
        ("meet", "CONSULT"),
        ("negotiate", "CONSULT"),
        ("visit", "CONSULT"),
        ("host", "CONSULT"),
        ("agree", "AGREE"),
        ("pledge", "AGREE"),
        ("promise", "AGREE"),
        ("sign", "SUPPORT"),
        ("support", "SUPPORT"),
        ("endorse", "SUPPORT"),
        ("fund", "AID"),
        ("arm", "AID"),
        ("train", "AID"),
        ("supply", "AID"),
        ("aid", "AID"),
        ("cooperate", "COOPERATE"),
        ("ally", "COOPERATE"),
        ("withdraw", "RETREAT"),
        ("retreat", "RETREAT"),
        ("surrender", "RETREAT"),
        ("release", "RETREAT"),
        ("free", "RETREAT"),
        ("concede", "CONCEDE"),
        ("apologize", "SUPPORT"),
        ("protest", "PROTEST"),
        ("demonstrate", "PROTEST"),
        ("riot", "PROTEST"),
        ("sanction", "SANCTION"),
        ("embargo", "SANCTION"),
        ("mobilize", "MOBILIZE"),
        ("deploy", "MOBILIZE"),
        ("reinforce", "MOBILIZE"),
    ],
)
def test_lexicon_verb_default_types(lex, lemma, plover):
    assert _type(lex.verb(lemma)) == plover


def test_lexicon_shell_is_assault_heavy_weapons(lex):
    assert lex.verb("shell") == TriggerSense("ASSAULT", "heavy-weapons", 1.0, "curated")


def test_lexicon_kidnap_is_assault_abduct(lex):
    sense = lex.verb("kidnap")
    assert (sense.plover, sense.mode) == ("ASSAULT", "abduct")


def test_lexicon_arrest_is_coerce_arrest(lex):
    sense = lex.verb("arrest")
    assert (sense.plover, sense.mode) == ("COERCE", "arrest")


def test_lexicon_ambiguous_verbs_have_low_weight(lex):
    for lemma in ("hit", "target", "push", "strike"):
        assert lex.verb(lemma).weight < 1.0
    assert lex.verb("push").weight <= 0.5


def test_lexicon_take_alone_is_not_a_trigger(lex):
    assert lex.verb("take") is None


def test_lexicon_reporting_verb_say_is_not_a_trigger(lex):
    assert lex.verb("say") is None


def test_lexicon_inflected_form_maps_to_lemma(lex):
    assert _type(lex.verb("fought")) == "ASSAULT"
    assert _type(lex.verb("withdrew")) == "RETREAT"


def test_lexicon_unknown_verb_is_none(lex):
    assert lex.verb("photosynthesize") is None


def test_lexicon_generated_layer_covers_verbs_not_curated(lex):
    sense = lex.verb("assail")
    assert sense is not None and sense.plover == "ASSAULT" and sense.source.startswith("cameo:")


# ---------------------------------------------------------------- patterns


def test_lexicon_call_for_is_request(lex):
    assert _type(lex.verb("call", prep="for")) == "REQUEST"


def test_lexicon_call_on_is_request(lex):
    assert _type(lex.verb("call", prep="on")) == "REQUEST"


def test_lexicon_call_for_ceasefire_is_request_yield(lex):
    sense = lex.verb("call", prep="for", obj="ceasefire")
    assert (sense.plover, sense.mode) == ("REQUEST", "yield")


def test_lexicon_call_off_is_reject(lex):
    assert _type(lex.verb("call", particle="off")) == "REJECT"


def test_lexicon_pull_out_is_retreat_withdraw(lex):
    sense = lex.verb("pull", particle="out")
    assert (sense.plover, sense.mode) == ("RETREAT", "withdraw")


def test_lexicon_particle_given_as_preposition_still_matches(lex):
    assert _type(lex.verb("pull", prep="out")) == "RETREAT"


def test_lexicon_launch_attack_is_assault(lex):
    assert _type(lex.verb("launch", obj="attack")) == "ASSAULT"


def test_lexicon_launch_attack_on_target_falls_back_to_object(lex):
    assert _type(lex.verb("launch", prep="on", obj="attack")) == "ASSAULT"


def test_lexicon_launch_airstrike_is_aerial(lex):
    assert lex.verb("launch", obj="airstrike").mode == "aerial"


def test_lexicon_carry_out_strike_is_assault(lex):
    assert _type(lex.verb("carry", particle="out", obj="strike")) == "ASSAULT"


def test_lexicon_take_control_of_is_assault(lex):
    assert _type(lex.verb("take", prep="of", obj="control")) == "ASSAULT"


def test_lexicon_take_over_is_assault(lex):
    assert _type(lex.verb("take", particle="over")) == "ASSAULT"


def test_lexicon_take_hostage_is_assault_abduct(lex):
    assert lex.verb("take", obj="hostage").mode == "abduct"


def test_lexicon_take_part_is_not_an_event(lex):
    assert lex.verb("take", obj="part") is None


def test_lexicon_seize_town_is_assault_and_seize_weapons_is_coerce(lex):
    assert _type(lex.verb("seize", obj="town")) == "ASSAULT"
    assert lex.verb("seize").mode == "seize"


def test_lexicon_seize_opportunity_is_not_an_event(lex):
    assert lex.verb("seize", obj="opportunity") is None


def test_lexicon_capture_soldier_is_assault_abduct(lex):
    sense = lex.verb("capture", obj="soldier")
    assert (sense.plover, sense.mode) == ("ASSAULT", "abduct")


def test_lexicon_mass_troops_is_mobilize_troops(lex):
    sense = lex.verb("mass", obj="troop")
    assert (sense.plover, sense.mode) == ("MOBILIZE", "troops")


def test_lexicon_send_aid_is_aid_and_send_troops_is_mobilize(lex):
    assert _type(lex.verb("send", obj="aid")) == "AID"
    assert _type(lex.verb("send", obj="troop")) == "MOBILIZE"


def test_lexicon_hold_talks_is_consult(lex):
    assert _type(lex.verb("hold", obj="talk")) == "CONSULT"


def test_lexicon_sign_agreement_is_support(lex):
    assert _type(lex.verb("sign", obj="agreement")) == "SUPPORT"


def test_lexicon_agree_to_ceasefire_is_agree(lex):
    assert _type(lex.verb("agree", prep="to", obj="ceasefire")) == "AGREE"


def test_lexicon_open_fire_is_assault_firearms(lex):
    sense = lex.verb("open", obj="fire")
    assert (sense.plover, sense.mode) == ("ASSAULT", "firearms")


def test_lexicon_impose_sanctions_is_sanction_and_curfew_is_coerce(lex):
    assert _type(lex.verb("impose", obj="sanction")) == "SANCTION"
    assert lex.verb("impose", obj="curfew").mode == "curfew"


def test_lexicon_withdraw_from_talks_is_sanction(lex):
    sense = lex.verb("withdraw", prep="from", obj="talk")
    assert (sense.plover, sense.mode) == ("SANCTION", "withdraw")


def test_lexicon_step_down_is_retreat_resign(lex):
    assert lex.verb("step", particle="down").mode == "resign"


def test_lexicon_blow_up_is_assault_explosives(lex):
    assert lex.verb("blow", particle="up").mode == "explosives"


def test_lexicon_fire_rockets_is_heavy_weapons(lex):
    assert lex.verb("fire", obj="rocket").mode == "heavy-weapons"


def test_lexicon_summon_ambassador_is_accuse(lex):
    assert _type(lex.verb("summon", obj="ambassador")) == "ACCUSE"


def test_lexicon_pattern_beats_verb_default(lex):
    # "strike a deal" is an agreement, "strike" alone an attack
    assert _type(lex.verb("strike")) == "ASSAULT"
    assert _type(lex.verb("strike", obj="deal")) == "AGREE"


def test_lexicon_unmatched_object_falls_back_to_verb(lex):
    assert _type(lex.verb("shell", obj="xylophone")) == "ASSAULT"


# ---------------------------------------------------------------- nouns


@pytest.mark.parametrize(
    ("noun", "plover", "mode"),
    [
        ("attack", "ASSAULT", None),
        ("offensive", "ASSAULT", None),
        ("airstrike", "ASSAULT", "aerial"),
        ("air strike", "ASSAULT", "aerial"),
        ("air-strike", "ASSAULT", "aerial"),
        ("airstrikes", "ASSAULT", "aerial"),
        ("shelling", "ASSAULT", "heavy-weapons"),
        ("clashes", "ASSAULT", None),
        ("fighting", "ASSAULT", None),
        ("infighting", "ASSAULT", None),
        ("ambush", "ASSAULT", None),
        ("massacre", "ASSAULT", "targeted"),
        ("suicide bombing", "ASSAULT", "suicide-attack"),
        ("IED", "ASSAULT", "explosives"),
        ("roadside bomb", "ASSAULT", "explosives"),
        ("kidnapping", "ASSAULT", "abduct"),
        ("abduction", "ASSAULT", "abduct"),
        ("drone strike", "ASSAULT", "drone"),
        ("chemical attack", "ASSAULT", "unconventional"),
        ("siege", "COERCE", "restrict"),
        ("blockade", "COERCE", "restrict"),
        ("arrest", "COERCE", "arrest"),
        ("curfew", "COERCE", "curfew"),
        ("ceasefire", "AGREE", None),
        ("cease-fire", "AGREE", None),
        ("truce", "AGREE", None),
        ("agreement", "AGREE", None),
        ("deal", "AGREE", None),
        ("talks", "CONSULT", None),
        ("negotiations", "CONSULT", None),
        ("protest", "PROTEST", "demo"),
        ("demonstration", "PROTEST", "demo"),
        ("riot", "PROTEST", "riot"),
        ("sanctions", "SANCTION", "discontinue"),
        ("threat", "THREATEN", None),
        ("call", "REQUEST", None),
        ("appeal", "REQUEST", None),
        ("accusation", "ACCUSE", "allege"),
        ("condemnation", "ACCUSE", "disapprove"),
        ("aid", "AID", None),
        ("withdrawal", "RETREAT", "withdraw"),
        ("surrender", "RETREAT", "disarm"),
        ("deployment", "MOBILIZE", "troops"),
    ],
)
def test_lexicon_event_nominals(lex, noun, plover, mode):
    sense = lex.noun(noun)
    assert sense is not None
    assert (sense.plover, sense.mode) == (plover, mode)


def test_lexicon_non_event_noun_is_none(lex):
    assert lex.noun("table") is None
    assert lex.noun("") is None


# ---------------------------------------------------------------- reporting verbs


@pytest.mark.parametrize("lemma", ["say", "tell", "claim", "report", "announce", "state", "add", "said"])
def test_lexicon_reporting_verbs_are_communication(lex, lemma):
    assert lex.is_communication(lemma)


@pytest.mark.parametrize("lemma", ["attack", "threaten", "meet", "table"])
def test_lexicon_event_verbs_are_not_communication(lex, lemma):
    assert not lex.is_communication(lemma)


# ---------------------------------------------------------------- data validation


def test_lexicon_rejects_invalid_mode():
    with pytest.raises(ValueError, match="not a PLOVER mode"):
        Lexicon.from_data({}, {"verbs": {"zap": {"plover": "ASSAULT", "mode": "laser", "weight": 1.0}}})


def test_lexicon_rejects_unknown_type():
    with pytest.raises(ValueError, match="unknown PLOVER type"):
        Lexicon.from_data({}, {"nouns": {"zap": {"plover": "FIGHT", "weight": 1.0}}})


def test_lexicon_curated_overrides_generated():
    generated = {
        "verbs": {"zap": {"plover": "ACCUSE", "mode": None, "weight": 0.7, "cameo": "111"}},
        "patterns": "zap|||gun|ACCUSE||0.85|111\n",
    }
    curated = {
        "verbs": {"zap": {"plover": "ASSAULT", "weight": 1.0}},
        "patterns": [{"verb": "zap", "obj": "gun", "plover": "ASSAULT", "mode": "firearms", "weight": 0.9}],
    }
    lex = Lexicon.from_data(generated, curated)
    assert lex.verb("zap") == TriggerSense("ASSAULT", None, 1.0, "curated")
    assert lex.verb("zap", obj="gun") == TriggerSense("ASSAULT", "firearms", 0.9, "curated")


def test_lexicon_locked_verb_ignores_generated_patterns():
    generated = {"patterns": "zap|||gun|ACCUSE||0.85|111\n"}
    curated = {"verbs": {"zap": {"plover": "ASSAULT", "weight": 1.0, "generated_patterns": False}}}
    lex = Lexicon.from_data(generated, curated)
    assert lex.verb("zap", obj="gun").plover == "ASSAULT"
