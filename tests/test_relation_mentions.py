"""Mention-level relations: attack predicates and their arguments, on small hand-written sentences."""

from __future__ import annotations

import datetime as dt

import pytest

from factiongraph.document import Document
from factiongraph.graph import Evidence, edges
from factiongraph.pipeline import extract


@pytest.fixture(scope="module")
def run(pipeline):
    return lambda text: extract(text, pipeline=pipeline)


def spans(doc: Document) -> list[tuple[str, str, str, str, str]]:
    return [
        (r.type, r.source, r.target, r.source_mention.text, r.target_mention.text)  # type: ignore[union-attr]
        for r in doc.relations
    ]


def test_relation_mentions_strike_subject_links_to_each_destroyed_object(run):
    doc = run(
        "Turkish forces conducted six strikes against Islamic State fighters near Manbij. "
        "The strikes destroyed two tanks, a mortar and three Islamic State-held buildings."
    )
    got = spans(doc)
    assert ("hostility", "turkey", "islamic-state", "Turkish forces", "Islamic State") in got
    # the attacker of the second sentence is the attack noun; the actors come from the first
    for target in ("two tanks", "a mortar", "three Islamic State-held buildings"):
        assert ("hostility", "turkey", "islamic-state", "The strikes", target) in got
    assert not any(t == "six strikes" for *_, t in got)  # "conducted strikes": the attack, not a target


def test_relation_mentions_are_marked_by_their_method_and_share_the_ties_confidence(run):
    doc = run(
        "Turkish forces conducted six strikes against Islamic State fighters near Manbij. "
        "The strikes destroyed two tanks."
    )
    actor_level, mention_level = doc.relations
    assert actor_level.derived_from == "e1" and mention_level.source_mention.text == "The strikes"  # type: ignore
    assert (actor_level.method, mention_level.method) == ("derived-ASSAULT", "mention")
    # confidence is the tie's calibrated probability: every row of one tie carries the same value
    assert mention_level.confidence == actor_level.confidence
    assert mention_level.evidence.text == "The strikes destroyed two tanks."


def test_relation_mentions_weapons_used_against_a_target_are_attackers(run):
    doc = run("Jabhat al-Nusra took part in the use of car bombs and rockets against the Free Syrian Army.")
    got = spans(doc)
    assert ("hostility", "jabhat-al-nusra", "free-syrian-army", "car bombs", "the Free Syrian Army") in got
    assert ("hostility", "jabhat-al-nusra", "free-syrian-army", "rockets", "the Free Syrian Army") in got
    assert ("hostility", "jabhat-al-nusra", "free-syrian-army", "Jabhat al-Nusra", "the Free Syrian Army") in got


@pytest.mark.parametrize(
    ("text", "side"),
    [
        ("Saudi warplanes and artillery pounded Houthi positions near the border on Tuesday.", "Saudi warplanes"),
        ("Turkish jets and drones hit SDF depots outside Qamishli overnight.", "Turkish jets"),
        ("Russian bombers and rocket launchers struck rebel trenches held by the Free Syrian Army.", "Russian bombers"),
    ],
)
def test_relation_mentions_weapons_listed_with_a_named_side_are_that_sides_own(run, text, side):
    sources = {r.source_mention.text for r in run(text).relations if r.type == "hostility"}  # type: ignore[union-attr]
    assert side in sources
    assert sources <= {side}  # "artillery", "drones", "rocket launchers" stand for no side of their own


def test_relation_mentions_locative_phrase_is_not_an_attacker(run):
    assert run("Near Aleppo, four strikes engaged two Hezbollah units.").relations == ()


def test_relation_mentions_no_guessed_opponent(run):
    # nobody holds "the town": no relation with a made-up actor
    assert run("Hezbollah shelled the town and destroyed a bridge.").relations == ()


def test_relation_mentions_negated_attack_gives_nothing(run):
    assert run("The Free Syrian Army did not destroy the Hezbollah vehicles.").relations == ()


def test_relation_mentions_in_support_of_is_support_not_hostility(run):
    doc = run("Jordanian forces conducted strikes in support of the Free Syrian Army.")
    assert [(r.type, r.source, r.target) for r in doc.relations] == [("support", "jordan", "free-syrian-army")]


def test_relation_mentions_object_control_names_the_attacker(run):
    doc = run("Russia pressed the Syrian army to stop airstrikes against the Free Syrian Army.")
    [r] = [r for r in doc.relations if r.source == "syria"]
    assert (r.type, r.target, r.source_mention.text) == ("hostility", "free-syrian-army", "Syrian army")  # type: ignore
    assert (r.status, r.certainty) == ("intended", "hypothetical")


def _ev(idx: int, text: str, doc_hash: str = "h1") -> Evidence:
    return Evidence(
        type="hostility", source="a", target="b", status="current", certainty="asserted", source_kind="article",
        date=dt.date(2017, 1, 1), dated_by="published", doc_id="d", doc_hash=doc_hash, index=idx, text=text,
    )  # fmt: skip


def test_graph_counts_mention_rows_of_one_sentence_once():
    strike_list = "The strikes destroyed two tanks, a mortar and a bridge."
    rows = [_ev(0, strike_list), _ev(1, strike_list), _ev(2, strike_list), _ev(3, "They fought again.")]
    [edge] = edges(rows)
    assert edge.evidence_count == 2
    [other] = edges([_ev(0, strike_list), _ev(1, strike_list, doc_hash="h2")])
    assert other.evidence_count == 2  # the same sentence in two documents is two statements


def test_relation_mentions_possessor_of_an_attack_noun_attacks_its_of_object(run):
    doc = run("Hezbollah's killing of Free Syrian Army commanders angered the rebels.")
    assert ("hostility", "hezbollah", "free-syrian-army", "Hezbollah's", "Free Syrian Army commanders") in spans(doc)


def test_relation_mentions_two_names_modifying_a_war_are_its_sides(run):
    doc = run("The Iran-Iraq war lasted eight years.")
    assert spans(doc) == [("hostility", "iran", "iraq", "Iran", "Iraq")]


def test_relation_mentions_campaign_aim_verbs_are_hostile(run):
    doc = run("Jaysh al-Islam vowed to confront Ahrar al-Sham.")
    assert ("hostility", "jaysh-al-islam", "ahrar-al-sham", "Jaysh al-Islam", "Ahrar al-Sham") in spans(doc)


def test_relation_mentions_infinitive_after_a_noun_is_done_by_that_noun(run):
    doc = run("We pledged to help the Free Syrian Army to weaken and crush the Islamic State.")
    assert spans(doc) == [
        ("hostility", "free-syrian-army", "islamic-state", "Free Syrian Army", "the Islamic State")
    ]


def test_relation_mentions_unquoted_we_is_the_organisation_named_most(run):
    doc = run("Turkey conducted airstrikes against the PKK on Monday. Turkey will defend its borders. "
              "We shall keep hitting the PKK.")
    assert ("hostility", "turkey", "pkk", "We", "the PKK") in spans(doc)


def test_relation_mentions_object_of_press_does_its_infinitive(run):
    doc = run("The envoy urged Moscow to press Hezbollah to cease airstrikes against the Free Syrian Army.")
    assert spans(doc) == [("hostility", "hezbollah", "free-syrian-army", "Hezbollah", "Free Syrian Army")]


def test_relation_mentions_name_modifying_an_attack_noun_is_its_attacker_not_the_clause_subject(run):
    doc = run("Turkey condemned the Hezbollah attack on the Free Syrian Army.")
    assert [(s, t) for _, s, t, *_ in spans(doc)] == [("hezbollah", "free-syrian-army")]


def test_relation_mentions_place_liberated_from_a_group_makes_the_group_the_enemy(run):
    doc = run("Hezbollah fighters liberated the town of Qusayr from the Free Syrian Army.")
    assert ("hostility", "hezbollah", "free-syrian-army", "Hezbollah fighters", "Free Syrian Army") in spans(doc)


def test_relation_mentions_city_cleared_of_fighters_makes_them_the_enemy(run):
    doc = run("Hezbollah has cleared half of the city of Free Syrian Army fighters.")
    assert spans(doc) == [
        ("hostility", "hezbollah", "free-syrian-army", "Hezbollah", "Free Syrian Army fighters")
    ]


def test_relation_mentions_members_a_target_includes_are_attacked_too(run):
    doc = run("Turkish aircraft struck PKK targets, which include two depots and a tunnel.")
    targets = [t for _, src, tgt, _, t in spans(doc) if (src, tgt) == ("turkey", "pkk")]
    assert targets == ["PKK", "two depots", "a tunnel"]


def test_relation_mentions_unnamed_people_killed_are_the_civilians_of_the_document(run):
    got = spans(run("Hezbollah militants stormed the village, killing civilians. They also abducted 14 people."))
    assert ("hostility", "hezbollah", "civilians", "Hezbollah militants", "civilians") in got
    assert ("hostility", "hezbollah", "civilians", "They", "14 people") in got


def test_relation_mentions_unnamed_people_need_a_civilians_actor(run):
    assert run("Al-Shabaab gunmen abducted and murdered nine people.").relations == ()


def test_relation_mentions_group_that_claimed_an_attack_is_its_attacker(run):
    got = spans(run("Two car bombs, claimed by the Islamic State, killed at least 20 civilians and wounded dozens of "
                    "others in Kirkuk."))
    assert got == [
        ("hostility", "islamic-state", "civilians", "the Islamic State", "at least 20 civilians"),
        ("hostility", "islamic-state", "civilians", "the Islamic State", "others"),
    ]


def test_relation_mentions_adverbial_on_phrase_is_not_attacked(run):
    got = spans(run("Hezbollah fighters launched attacks against Syrian government troops on a daily basis."))
    assert got == [("hostility", "hezbollah", "syria", "Hezbollah fighters", "Syrian government")]


def test_relation_mentions_condemned_attacks_are_not_the_speakers(run):
    got = spans(run("The United Nations condemns the Hezbollah attack on Monday and other attacks against the "
                    "Lebanese army."))
    assert got == [("hostility", "hezbollah", "lebanon", "Hezbollah", "Lebanese army")]
    assert run("The United Nations condemns the attacks against the Lebanese army.").relations == ()


def test_relation_mentions_relative_clause_on_the_attack_place_is_about_the_attack(run):
    got = spans(run("Uganda denounces Al-Shabaab's suicide bombings in the village of Marka in Lower Shabelle "
                    "Province, which killed scores of civilians."))
    assert got == [("hostility", "al-shabaab", "civilians", "Al-Shabaab's suicide bombings", "civilians")]


def test_relation_mentions_attacked_he_is_the_person_named_before(run):
    got = spans(run("The Hezbollah commander Imad Mughniyeh kept a house in the town. In 2008, he was bombed and "
                    "killed by Israeli aircraft."))
    assert got == [("hostility", "israel", "imad-mughniyeh", "Israeli aircraft", "he")]


def test_relation_mentions_town_that_fell_to_a_side_was_taken_from_its_enemy(run):
    got = spans(run("Kurdish forces launched an offensive against Islamic State fighters near Sinjar. The town fell to "
                    "Kurdish forces after two days."))
    assert got == [
        ("hostility", "peshmerga", "islamic-state", "Kurdish forces", "Islamic State"),
        ("hostility", "peshmerga", "islamic-state", "Kurdish forces", "The town"),
    ]


def test_relation_mentions_victims_named_in_passing_are_not_kept_as_parties(run):
    doc = run("Kenya is investigating alleged abuses by Al-Shabaab militants against Kenyan civilians and aid "
              "workers, an official said.")
    assert [a.id for a in doc.actors] == ["kenya", "al-shabaab"]
    assert not any(r.target == "civilians" for r in doc.relations)


def test_relation_mentions_killed_in_a_raid_carried_out_by_a_side_names_that_side_the_attacker(run):
    got = spans(run("The Islamic State commander Abu Omar al-Shishani travelled to Raqqa. Last year he was killed in "
                    "a drone strike carried out by American forces."))
    assert got == [("hostility", "united-states", "abu-omar-al-shishani", "American forces", "he")]


def _hostile_pairs(doc: Document) -> set[frozenset[str]]:
    """Hostility is symmetric: the pairs of sides, either way round."""
    return {frozenset((s, t)) for kind, s, t, *_ in spans(doc) if kind == "hostility"}


@pytest.mark.parametrize(
    ("text", "attacker", "attacked", "attacked_text"),
    [
        ("Iraqi troops came under heavy fire from Islamic State fighters near the airport.", "islamic-state", "iraq",
         "Iraqi troops"),
        ("Kurdish units took sniper fire from Islamic State militants on Tuesday.", "islamic-state", "peshmerga",
         "Kurdish units"),
        ("For weeks the Lebanese army suffered repeated attacks from Hezbollah gunmen.", "hezbollah", "lebanon",
         "Lebanese army"),
    ],
)
def test_relation_mentions_subject_receiving_fire_from_a_side_is_attacked_by_it(
    run, text, attacker, attacked, attacked_text
):
    doc = run(text)
    assert frozenset((attacker, attacked)) in _hostile_pairs(doc)
    assert attacked_text in [m for *_, sm, tm in spans(doc) for m in (sm, tm)]


@pytest.mark.parametrize(
    "text",
    [
        "Jordanian aircraft bombed the depots in order to weaken the Islamic State.",
        "The Free Syrian Army regularly meets to coordinate efforts to counter the Islamic State.",
        "Jordan has stepped up the campaign to defeat the Islamic State, its minister said.",
    ],
)
def test_relation_mentions_aim_phrase_naming_nobody_is_the_clause_subjects_aim(run, text):
    got = [(s, t, sm) for kind, s, t, sm, _ in spans(run(text)) if kind == "hostility" and t == "islamic-state"]
    assert got and all(s in ("jordan", "free-syrian-army") for s, _, _ in got)


@pytest.mark.parametrize(
    ("text", "ally", "target_text"),
    [
        ("Turkish jets struck Islamic State positions near Bab in support of the Free Syrian Army.",
         "free-syrian-army", "Islamic State positions"),
        ("In support of Kurdish fighters, Jordanian aircraft bombed two Islamic State depots.",
         "peshmerga", "two Islamic State depots"),
        ("American drones hit an Islamic State convoy on Friday, in support of Iraqi troops advancing on Mosul.",
         "iraq", "an Islamic State convoy"),
        ("Turkish jets conducted raids planned jointly and in support of Kurdish fighters, using drones against "
         "Islamic State depots.", "peshmerga", "Islamic State depots"),
    ],
)
def test_relation_mentions_side_an_attack_supports_is_hostile_to_its_target(run, text, ally, target_text):
    got = spans(run(text))
    assert any(kind == "hostility" and s == ally and t == "islamic-state" and tt in target_text
               for kind, s, t, _, tt in got), got


@pytest.mark.parametrize(
    "text",
    [
        "Hezbollah fired 12 rockets at Israeli positions. Israel bombed Hezbollah.",
        "Israeli jets dropped three bombs on Hezbollah depots. Hezbollah attacked Israel.",
        "Hezbollah launched missiles against an Israeli base. Israel shelled Hezbollah.",
        "The Syrian army kept firing artillery and tanks at Free Syrian Army fighters.",
    ],
)
def test_relation_mentions_discharged_weapons_are_means_not_attacked_sides(run, text):
    targets = [tt for kind, _, _, _, tt in spans(run(text)) if kind == "hostility"]
    weapons = ("rockets", "bombs", "missiles", "artillery", "tanks")
    assert targets and not any(w in tt for tt in targets for w in weapons)


@pytest.mark.parametrize(
    ("text", "helper", "helped"),
    [
        ("The Free Syrian Army took the village, backed by firm support from Turkey.", "turkey", "free-syrian-army"),
        ("Peshmerga fighters retook the ridge, helped by steady backing from the United States.",
         "united-states", "peshmerga"),
        ("Aided by support from Russia, the Syrian army pushed into the valley.", "russia", "syria"),
    ],
)
def test_relation_mentions_participle_of_help_with_support_from_a_side_makes_it_the_helper(run, text, helper, helped):
    doc = run(text)
    assert ("support", helper, helped) in [(r.type, r.source, r.target) for r in doc.relations]
    assert not any(r.type == "hostility" and {r.source, r.target} == {helper, helped} for r in doc.relations)


@pytest.mark.parametrize(
    "text",
    [
        "The Syrian army attacked the Islamic State and pressed on along the way to Raqqa.",
        "Kurdish fighters clashed with Islamic State militants on the way to the dam.",
        "Iraqi troops ambushed an Islamic State patrol on their way to the border.",
    ],
)
def test_relation_mentions_on_the_way_to_is_no_attacked_side(run, text):
    assert not any("way" in tt for *_, tt in spans(run(text)))


@pytest.mark.parametrize(
    ("text", "attacker"),
    [
        ("Russian jets conducted strikes against the Islamic State. Near Jisr al-Shughur, four strikes destroyed two "
         "Islamic State depots.", "russia"),
        ("Jordanian aircraft bombed the Islamic State on Sunday. Near Ras al-Ain, two raids hit an Islamic State "
         "checkpoint.", "jordan"),
        ("American drones struck the Islamic State again. Near Hammam al-Alil, two strikes destroyed an Islamic "
         "State bunker.", "united-states"),
    ],
)
def test_relation_mentions_place_opening_a_strike_report_is_no_side(run, text, attacker):
    # the parser may read "Near <place>" as an unknown actor; the strikes are still the attacker's of the report
    doc = run(text)
    sources = {r.source for r in doc.relations if r.type == "hostility" and r.target == "islamic-state"}
    assert sources == {attacker}
    assert any(r.method == "mention" for r in doc.relations)


@pytest.mark.parametrize(
    ("text", "weapon", "target_text"),
    [
        ("Syrian forces pressed the offensive, employing drones and artillery against Free Syrian Army fighters.",
         "artillery", "Free Syrian Army fighters"),
        ("Russian forces conducted raids using bombers as well as heavy artillery against Islamic State positions.",
         "heavy artillery", "Islamic State positions"),  # "bombers" is a weapon of its own
        ("The Syrian army attacked the district, using barrel bombs against Free Syrian Army units.",
         "barrel bombs", "Free Syrian Army units"),
    ],
)
def test_relation_mentions_weapons_used_against_a_side_attack_it_whatever_the_verb(run, text, weapon, target_text):
    assert (weapon, target_text) in [(sm, tm) for kind, _, _, sm, tm in spans(run(text)) if kind == "hostility"]


@pytest.mark.parametrize(
    ("text", "used"),
    [
        ("Turkish troops carried out an offensive using tanks and rocket artillery against Kurdish fighters.",
         ("tanks", "rocket artillery")),
        ("Israeli troops used tanks and bulldozers against Hezbollah fighters in the village.",
         ("tanks", "bulldozers")),
        ("Russian jets bombed the valley, using cluster munitions against Free Syrian Army fighters.",
         ("cluster munitions",)),
    ],
)
def test_relation_mentions_what_a_side_uses_is_never_the_attacked_side(run, text, used):
    targets = [tm for kind, *_, tm in spans(run(text)) if kind == "hostility"]
    assert targets and not any(w in tm for tm in targets for w in used)


@pytest.mark.parametrize(
    "text",
    [
        "Jordan welcomed the drive to expel the Islamic State from Raqqa.",
        "Turkey discussed the campaign to defeat the Islamic State with its allies.",
        "Russia criticised the effort to dislodge the Islamic State from the desert.",
        "Egypt praised the campaign to oust al-Shabaab from Kismayo.",
        "The ministers discussed the effort to evict the Taliban from Kunduz.",
    ],
)
def test_relation_mentions_speaking_of_an_aim_phrase_is_not_waging_it(run, text):
    assert not [r for r in run(text).relations if r.type == "hostility" and r.method == "mention"]


@pytest.mark.parametrize(
    ("text", "target_text"),
    [
        ("Hezbollah launched operations against Israeli forces. Israel bombed Hezbollah.", "Israeli forces"),
        ("The Islamic State mounted night raids on Kurdish fighters. Kurdish fighters later shelled the Islamic "
         "State.", "Kurdish fighters"),
        ("Al-Shabaab staged ambushes against Kenyan troops. Kenya bombed Al-Shabaab.", "Kenyan troops"),
    ],
)
def test_relation_mentions_what_a_launching_verb_starts_is_not_a_target(run, text, target_text):
    got = [(sm, tm) for kind, _, _, sm, tm in spans(run(text)) if kind == "hostility"]
    assert not any(tm.endswith(("operations", "raids", "ambushes")) for _, tm in got), got


@pytest.mark.parametrize(
    "text",
    [
        "In support of Kurdish fighters, American aircraft conducted a strike on the location.",
        "American jets hit the compound in support of Kurdish fighters.",
        "In support of Iraqi troops, Jordanian aircraft bombed the bridge.",
    ],
)
def test_relation_mentions_side_an_attack_supports_is_never_its_target(run, text):
    doc = run(text)
    assert not [r for r in doc.relations if r.type == "hostility"], spans(doc)


@pytest.mark.parametrize(
    ("text", "supporter", "supported"),
    [
        ("Turkish drones hit Islamic State targets, which include two depots and four fuel trucks in support of "
         "Free Syrian Army operations.", "turkey", "free-syrian-army"),
        ("Russian aircraft bombed rebel depots and two tunnels in support of Syrian army operations near Homs.",
         "russia", "syria"),
        ("American jets struck three bunkers and a supply route in support of Iraqi army operations.",
         "united-states", "iraq"),
    ],
)
def test_relation_mentions_support_phrase_hung_on_an_unnamed_target_is_the_attackers(run, text, supporter, supported):
    supports = [(r.source, r.target) for r in run(text).relations if r.type == "support"]
    assert (supporter, supported) in supports
    assert all(s == supporter for s, _ in supports)


@pytest.mark.parametrize(
    "text",
    [
        "The Islamic State leader Abu Bakr al-Baghdadi blew himself up during the raid.",
        "Boko Haram said its commander had shot himself as Nigerian troops closed in.",
        "An American drone struck the Islamic State depot itself on Tuesday.",
    ],
)
def test_relation_mentions_reflexive_pronoun_is_no_second_side(run, text):
    assert not any(t in ("himself", "itself") for *_, t in spans(run(text)))


@pytest.mark.parametrize(
    ("text", "accuser", "helper", "helped"),
    [
        ("Kenya accused Somalia of arming Al-Shabaab.", "kenya", "somalia", "al-shabaab"),
        ("Last year the United States accused Russia of arming the Taliban.", "united-states", "russia", "taliban"),
        ("Israel suspects Iran of supplying Hezbollah with drones.", "israel", "iran", "hezbollah"),
    ],
)
def test_relation_mentions_one_accused_of_aiding_is_the_helper_not_the_accuser(run, text, accuser, helper, helped):
    supports = {(r.source, r.target) for r in run(text).relations if r.type == "support"}
    assert (accuser, helped) not in supports
    assert (helper, helped) in supports


@pytest.mark.parametrize(
    "text",
    [
        "Iran closed its embassy in retaliation for the raid on Hezbollah positions near the border.",
        "Hezbollah quit the talks in protest at the assault on Free Syrian Army units.",
        "Jordan sealed the crossing after the shelling of Free Syrian Army positions on Monday.",
    ],
)
def test_relation_mentions_subject_acting_because_of_an_attack_did_not_carry_it_out(run, text):
    assert not [r for r in run(text).relations if r.method == "mention"]


@pytest.mark.parametrize(
    ("text", "attacker", "attacked", "source", "targets"),
    [
        (
            "Overnight Turkish forces carried out 14 air raids, including strikes against the fighting "
            "positions and the fuel depots of the Islamic State.",
            "turkey", "islamic-state", "Turkish forces", ["the fighting positions", "the fuel depots"],
        ),
        (
            "Jordanian jets mounted a wave of bombing raids on Thursday, including attacks on two Islamic "
            "State ammunition dumps and a radar site.",
            "jordan", "islamic-state", "Jordanian jets", ["a radar site"],
        ),
        (
            "The Nigerian army stepped up its offensive, including assaults on Boko Haram hideouts and a "
            "training camp in the Sambisa Forest.",
            "nigeria", "boko-haram", "The Nigerian army", ["a training camp"],
        ),
    ],
)
def test_relation_mentions_attack_included_among_attacks_is_waged_by_the_clause_subject(
    run, text, attacker, attacked, source, targets
):
    got = spans(run(text))
    for target in targets:
        assert ("hostility", attacker, attacked, source, target) in got
    # the attack named in the list is part of the attacks, never their target
    assert not any(t.split()[-1] in ("strikes", "attacks", "assaults") for *_, t in got)


@pytest.mark.parametrize(
    ("text", "attacker", "attacked", "source", "target"),
    [
        ("The Kurdish fighters have vowed to hand the Islamic State a decisive defeat in Raqqa.",
         "ypg", "islamic-state", "The Kurdish fighters", "the Islamic State"),
        ("Nigerian troops will deal Boko Haram a crushing blow this year.",
         "nigeria", "boko-haram", "Nigerian troops", "Boko Haram"),
        ("Iraqi forces handed the Islamic State a setback in Tikrit.",
         "iraq", "islamic-state", "Iraqi forces", "the Islamic State"),
    ],
)
def test_relation_mentions_one_dealt_a_defeat_is_attacked_by_the_dealer(
    run, text, attacker, attacked, source, target
):
    assert ("hostility", attacker, attacked, source, target) in spans(run(text))


def test_relation_mentions_defeat_inflicted_on_a_side_is_no_party(run):
    got = spans(run("Government troops inflicted a crushing defeat on the Taliban near Kunduz."))
    assert ("hostility", "afghanistan", "taliban", "Government troops", "Taliban") in got
    assert not any("defeat" in t for *_, t in got)


def test_relation_mentions_blow_dealt_by_no_armed_side_is_no_hostility(run):
    assert not run("The election dealt the ruling party a heavy blow.").relations


@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("Government forces clashed with the Taliban. The army's heavy shelling of Kunduz and Baghlan went on "
         "for days.", ("Kunduz", "Baghlan")),
        ("Syrian government forces have fought the Free Syrian Army for years. The regime's renewed attacks on "
         "Homs and Hama killed dozens of civilians.", ("Homs", "Hama")),
        ("Houthi rebels battled the Saudi-led coalition. The coalition's bombing of Sanaa and Hodeidah drew "
         "criticism.", ("Sanaa", "Hodeidah")),
    ],
)
def test_relation_mentions_coordinated_names_are_attacked_one_by_one(run, text, places):
    targets = {t for *_, t in spans(run(text))}
    assert set(places) <= targets
    assert f"{places[0]} and {places[1]}" not in targets  # two names, not the modifiers of one head


@pytest.mark.parametrize(
    ("text", "phrases"),
    [
        ("The army deployed cargo, tanker and unmanned planes as well as field guns.",
         ["cargo, tanker and unmanned planes", "field guns"]),
        ("The navy sent patrol, supply and landing ships and a submarine.",
         ["patrol, supply and landing ships", "a submarine"]),
        ("The rebels lost bunkers, trenches and heavy weapons.", ["bunkers", "trenches", "heavy weapons"]),
        ("Militants seized Homs and Hama.", ["Homs", "Hama"]),
    ],
)
def test_relation_mentions_only_bare_singular_nouns_share_the_next_head(nlp, text, phrases):
    """A noun modifying another is singular ("fighter aircraft"); plural nouns and names are items of their own."""
    from factiongraph.relation_mentions import _conjuncts, _phrase

    parsed = nlp(text)
    obj = next(t for t in parsed if t.dep_ == "dobj")
    got = [parsed[lo : hi + 1].text for lo, hi in (_phrase(x) for x in _conjuncts(obj))]
    assert got == phrases


@pytest.mark.parametrize(
    ("text", "sources", "target"),
    [
        ("In Iraq, Turkish forces conducted 12 strikes using cargo, tanker and unmanned planes as well as field "
         "guns against Islamic State targets.",
         ("cargo, tanker and unmanned planes", "field guns"), "Islamic State targets"),
        ("Russian forces carried out raids using transport, attack and heavy lift helicopters as well as tanks "
         "against Free Syrian Army units.",
         ("transport, attack and heavy lift helicopters", "tanks"), "Free Syrian Army units"),
    ],
)
def test_relation_mentions_weapons_sharing_a_head_attack_as_one_phrase(run, text, sources, target):
    got = [(sm, tm) for kind, _, _, sm, tm in spans(run(text)) if kind == "hostility"]
    for source in sources:
        assert (source, target) in got
    assert not any(sm in ("cargo", "tanker", "transport", "attack") for sm, _ in got)


@pytest.mark.parametrize(
    ("text", "targets"),
    [
        ("Turkish forces conducted six strikes against Islamic State fighters near Manbij. The strikes destroyed "
         "bunkers, trenches and heavy weapons.", ("bunkers", "trenches", "heavy weapons")),
        ("Kenyan forces fought al-Shabaab near Kismayo. Kenyan jets struck depots, checkpoints and training "
         "camps.", ("depots", "checkpoints", "training camps")),
        ("Iraqi troops battled the Islamic State in Tikrit. Their artillery hit trucks and mortar pits.",
         ("trucks", "mortar pits")),
    ],
)
def test_relation_mentions_bare_plural_nouns_are_attacked_one_by_one(run, text, targets):
    got = {tm for kind, _, _, _, tm in spans(run(text)) if kind == "hostility"}
    assert set(targets) <= got


@pytest.mark.parametrize(
    ("text", "supporter", "fought", "supported"),
    [
        ("Eritrean troops moved into Tigray to fight against the Tigray People's Liberation Front and its allies "
         "in support of the Ethiopian army.", "eritrean-defence-forces", "tplf", "ethiopia"),
        ("Burundian troops were deployed to Mogadishu to fight against al-Shabaab and its foreign recruits in "
         "support of the Somali army.", "burundi", "al-shabaab", "somalia"),
        ("Chadian soldiers crossed into Nigeria to fight against Boko Haram and its splinter groups in support of "
         "the Nigerian army.", "chad", "boko-haram", "nigeria"),
    ],
)
def test_relation_mentions_side_fought_is_never_the_supporter_of_in_support_of(
    run, text, supporter, fought, supported
):
    """The parser hangs "in support of Y" on the side fought ("to fight against A and its allies in support of
    Y"): the phrase belongs to the clause, whose subject supports Y; the side fought does not."""
    supports = {(r.source, r.target) for r in run(text).relations if r.type == "support"}
    assert (supporter, supported) in supports
    assert not any(source == fought for source, _ in supports)


@pytest.mark.parametrize(
    ("text", "attacker", "attacked", "source", "target", "place"),
    [
        ("Iraqi troops expelled Islamic State fighters from the old city of Mosul last July.",
         "iraq", "islamic-state", "Iraqi troops", "Islamic State fighters", "the old city"),
        ("In 2013 French soldiers ousted al-Qaeda militants from Timbuktu.",
         "france", "al-qaeda", "French soldiers", "al-Qaeda militants", "Timbuktu"),
        ("Afghan commandos evicted the Taliban from two districts of Helmand.",
         "afghanistan", "taliban", "Afghan commandos", "the Taliban", "two districts"),
    ],
)
def test_relation_mentions_one_driven_out_of_a_place_is_attacked_not_the_place(
    run, text, attacker, attacked, source, target, place
):
    got = spans(run(text))
    assert ("hostility", attacker, attacked, source, target) in got
    assert not any(t == place for *_, t in got)


def mention_pairs(doc: Document) -> list[tuple[str, str]]:
    return [(r.source_mention.text, r.target_mention.text) for r in doc.relations if r.method == "mention"]  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Kurdish fighters battled the Islamic State for a week and captured the dam.", "the dam"),
        ("The Iraqi army attacked Islamic State fighters near Tikrit and liberated three villages.", "three villages"),
        ("Ukrainian troops shelled Russian positions overnight and secured the crossing.", "the crossing"),
    ],
)
def test_relation_mentions_ground_taken_is_not_an_attacked_party(run, text, place):
    doc = run(text)
    assert all(r.target_mention.text != place for r in doc.relations)  # type: ignore[union-attr]
    # the side fought in the same sentence stays the attacked one
    assert any(r.type == "hostility" for r in doc.relations)


@pytest.mark.parametrize(
    ("text", "relative"),
    [
        ("Tareq Saleh rebuilt his units with Emirati help to fight the Houthis. The Houthis killed his uncle last "
         "year.", "his uncle"),
        ("Kenyan troops helped the army fight al-Shabaab. In June al-Shabaab gunmen shot dead the governor's "
         "brother.", "the governor's brother"),
        ("Turkish drones helped the GNA fight the LNA. LNA fighters later abducted the minister's son in Tarhuna.",
         "the minister's son"),
    ],
)
def test_relation_mentions_a_relative_attacked_stands_for_no_side(run, text, relative):
    """"killed his uncle": a relative is a person, not a fighter of the side the attacker is said to fight
    (`kin_nouns` in data/relation_mentions.yaml)."""
    assert relative not in [t for _, t in mention_pairs(run(text))]


@pytest.mark.parametrize(
    ("text", "town", "apposition"),
    [
        ("M23 fought the Congolese army all year. In November the group captured Goma, the biggest city in the "
         "province.", "Goma", "the biggest city"),
        ("The RUF was at war with the government. Its fighters captured Koidu, a diamond town in the east.", "Koidu",
         "a diamond town"),
        ("The Seleka coalition fought the army for weeks. In March the group captured Bangui, the capital.", "Bangui",
         "the capital"),
    ],
)
def test_relation_mentions_a_named_town_taken_and_its_apposition_are_no_party(run, text, town, apposition):
    """A town the geoparser knows is ground taken even where the tagger reads its name as a person's, and so is
    the apposition that describes it: neither stands for the side that lost it."""
    got = mention_pairs(run(text))
    assert not [t for _, t in got if t in (town, apposition)], got


@pytest.mark.parametrize(
    ("text", "attack"),
    [
        ("The Peshmerga fought off two counterattacks by the Islamic State.", "two counterattacks"),
        ("Afghan commandos battled the Taliban for hours and repulsed several raids.", "several raids"),
        ("Government troops engaged al-Shabaab fighters and repelled an assault near the base.", "an assault"),
    ],
)
def test_relation_mentions_attack_warded_off_is_not_an_attacked_party(run, text, attack):
    doc = run(text)
    assert all(r.target_mention.text != attack for r in doc.relations)  # type: ignore[union-attr]


def test_relation_mentions_owner_of_a_launched_attack_is_the_named_subject(run):
    doc = run("Turkish troops began their assault on the Kurdish militia in Afrin.")
    assert ("hostility", "turkey", "ypg", "Turkish troops", "the Kurdish militia") in spans(doc)
    doc = run("Boko Haram stepped up its raids on Nigerian army posts.")
    assert ("hostility", "boko-haram", "nigeria", "Boko Haram", "Nigerian army posts") in spans(doc)
    doc = run("The Houthis mounted their attack on Saudi border guards before sunrise.")
    assert ("The Houthis", "their") not in mention_pairs(doc)
    assert all(r.source_mention.text != "their" for r in doc.relations)  # type: ignore[union-attr]


def test_relation_mentions_time_of_day_after_at_is_not_attacked(run):
    doc = run("The Syrian army launched its offensive against Hezbollah at dawn.")
    assert [(r.type, r.source, r.target) for r in doc.relations] == [("hostility", "syria", "hezbollah")]
    assert all(r.target_mention.text != "dawn" for r in doc.relations)  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("text", "helper", "helped", "helped_text"),
    [
        ("We welcomed the news that Iraqi troops entered the city, aided by strong backing from Iran and Russia.",
         "iran", "iraq", "Iraqi troops"),
        ("Officials welcomed the report that Malian troops recaptured the town, aided by support from France.",
         "france", "mali", "Malian troops"),
        ("The minister praised reports that Kurdish fighters had retaken the town of Kobani, aided by support from "
         "the United States.", "united-states", "ypg", "Kurdish fighters"),
    ],
)
def test_relation_mentions_participle_after_a_reported_clause_helps_that_clauses_subject(
    run, text, helper, helped, helped_text
):
    doc = run(text)
    rows = [(r.source, r.target, r.target_mention.text) for r in doc.relations if r.type == "support"]  # type: ignore[union-attr]
    assert (helper, helped, helped_text) in rows
    # the one who reports the news is not the one helped
    assert all(t not in ("We", "Officials", "The minister") for *_, t in rows)


@pytest.mark.parametrize(
    ("text", "attacker", "victims"),
    [
        ("Jordan condemned the shooting in Amman claimed by ISIL that killed four civilians at a hotel.",
         "ISIL", "four civilians"),
        ("The ministry deplored a car bombing in Aden, claimed by al-Qaeda, that targeted shoppers and wounded nine "
         "civilians.", "al-Qaeda", "shoppers"),
        ("Mali condemned the attacks near Mopti, including one claimed by al-Qaeda that targeted mourners at a "
         "funeral, killing twelve civilians.", "al-Qaeda", "mourners"),
    ],
)
def test_relation_mentions_relative_after_claimed_by_is_the_claimed_attack(run, text, attacker, victims):
    doc = run(text)
    assert (attacker, victims) in mention_pairs(doc)
    # the condemning state is no attacker
    assert all(s not in ("Jordan", "Mali") for s, _ in mention_pairs(doc))


def test_relation_mentions_ground_counted_by_a_quantity_is_not_attacked(run):
    doc = run("The Peshmerga attacked ISIL and liberated dozens of villages.")
    assert all(r.target_mention.text != "villages" for r in doc.relations)  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("text", "captives"),
    [
        ("Hezbollah attacked Free Syrian Army positions and captured twenty fighters.", "twenty fighters"),
        ("The Taliban ambushed an Afghan convoy and captured six soldiers.", "six soldiers"),
        ("Boko Haram raided Nigerian army posts and captured dozens of soldiers.", "soldiers"),
    ],
)
def test_relation_mentions_people_taken_are_attacked_unlike_ground(run, text, captives):
    doc = run(text)
    assert any(r.type == "hostility" and r.target_mention.text == captives for r in doc.relations)  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("text", "helper", "doer", "target"),
    [
        ("The international coalition is aiding the Iraqi government to weaken and in the end destroy ISIL.",
         "The international coalition", "the Iraqi government", "ISIL"),
        ("Pakistan aided the Taliban to drive government troops from Kunduz.", "Pakistan", "the Taliban",
         "government troops"),
        ("Britain is helping the Kenyan army to defeat and destroy al-Shabaab.", "Britain", "the Kenyan army",
         "al-Shabaab"),
    ],
)
def test_relation_mentions_helper_of_an_attacker_is_hostile_to_its_target(run, text, helper, doer, target):
    doc = run(text)
    pairs = [(r.source_mention.text, r.target_mention.text) for r in doc.relations if r.type == "hostility"]  # type: ignore[union-attr]
    # the one helped does the deed (its span with or without the article: the event's or the clause's)
    assert any(s.removeprefix("the ") == doer.removeprefix("the ") and t == target for s, t in pairs)
    assert (helper, target) in pairs  # and the helper is on its side against the target


@pytest.mark.parametrize(
    ("text", "attacker", "country"),
    [
        ("Wagner's fighters attacked the village near Moura in Mali.", "wagner-group", "mali"),
        ("Fano militiamen raided a farm outside Gondar in Ethiopia.", "fano", "ethiopia"),
        ("Al-Shabaab gunmen stormed a hotel in Kismayo in Somalia.", "al-shabaab", "somalia"),
    ],
)
def test_relation_mentions_a_country_named_only_where_an_attack_happens_is_no_enemy(run, text, attacker, country):
    doc = run(text)
    assert not any(r.type == "hostility" and {r.source, r.target} == {attacker, country} for r in doc.relations)


@pytest.mark.parametrize(
    ("text", "parent"),
    [
        ("Hurras al-Din, al Qaeda's wing in Syria, has held villages near Idlib for years and also fights the "
         "rival HTS for control of the crossings.", "al-qaeda"),
        ("JNIM, al Qaeda's branch in Mali, has encircled Djibo for two years and also fights the rival Islamic "
         "State Sahel Province for control of gold mines.", "al-qaeda"),
        ("Al-Shabaab, al Qaeda's affiliate in East Africa, has held Jilib for a decade and also fights the rival "
         "Islamic State in Somalia for control of extortion rackets.", "al-qaeda"),
    ],
)
def test_relation_mentions_a_tie_apposition_of_the_subject_adds_no_second_party(run, text, parent):
    assert not any(r.type == "hostility" and parent in (r.source, r.target) for r in run(text).relations)


@pytest.mark.parametrize(
    ("text", "voice"),
    [
        ("Turkey backs several rebel factions in Idlib. \"Tahrir al-Sham attacked our positions near Darat Izza and "
         "we pushed them back,\" a Jabhat Tahrir Souriya spokesman said.", "turkey"),
        ("The army shelled Daraa on Monday, officials said. \"The Islamic State attacked us at dawn and we repelled "
         "them,\" a spokesman for a local tribal council told reporters.", "syria"),
        ("Kenya has kept troops in Somalia since 2011. \"Al-Shabaab attacked our camp and we fought them off,\" an "
         "officer of a clan militia said.", "somalia"),
    ],
)
def test_relation_mentions_we_in_a_quotation_is_the_quoted_side_never_the_reports_main_actor(run, text, voice):
    doc = run(text)
    assert not any(voice in (r.source, r.target) and r.type == "hostility" for r in doc.relations)


@pytest.mark.parametrize(
    ("text", "attacker", "guessed", "phrase"),
    [
        ("Al-Shabaab fighters attacked Kenyan troops near the border. Weeks earlier the militants shelled an "
         "Ethiopian camp and a Ugandan base.", "al-shabaab", "ethiopia", "a Ugandan base"),
        ("ISIS fighters attacked Iraqi army positions near Mosul. Later the jihadists shelled a Kurdish Peshmerga "
         "post and a Turkish base.", "islamic-state", "peshmerga", "a Turkish base"),
        ("Taliban fighters attacked Afghan troops in Helmand. The insurgents later hit an Afghan checkpoint and a "
         "British base.", "taliban", "afghanistan", "a British base"),
    ],
)
def test_an_attacked_phrase_naming_another_country_is_not_the_guessed_opponents(run, text, attacker, guessed, phrase):
    """The attacker's usual opponent is a guess for an attacked phrase that names nobody; a phrase that names
    another country ("a British base") is that country's, never the guessed opponent's."""
    doc = run(text)
    assert not any(r.method == "mention" and r.target_mention is not None and r.target_mention.text == phrase
                   for r in doc.relations)


@pytest.mark.parametrize(
    "text",
    [
        "Al-Shabaab fighters attacked Kenyan troops in Gedo. Later the militants overran a camp at Leego.",
        "Boko Haram gunmen ambushed Nigerian soldiers in Borno. The insurgents later raided a barracks at Monguno.",
        "ISIS fighters attacked Iraqi army positions near Mosul. The jihadists then hit a checkpoint at Qayyarah.",
    ],
)
def test_an_at_phrase_after_the_object_is_where_it_stood_not_a_second_target(run, text):
    """"overran a camp at Leego": Leego is where the camp stood, no party attacked."""
    doc = run(text)
    place = text.rsplit(" at ", 1)[1].rstrip(".")
    assert not any(r.target_mention is not None and r.target_mention.text == place for r in doc.relations)


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("Chadian troops clashed with Nigerian soldiers near the border in 2014. In 2015 Chadian forces opened a "
         "joint offensive with the Nigerian army against the Islamist group.", {"chad", "nigeria"}),
        ("Ugandan soldiers fought Congolese troops in Ituri in 2000. Two decades later Ugandan jets began a joint "
         "operation with the Congolese army against the Islamist movement.", {"uganda", "dr-congo"}),
        ("Kenyan troops and Somali soldiers exchanged fire at Beled Hawo last year. This week Kenyan units mounted "
         "an assault alongside the Somali army against the insurgent group.", {"kenya", "somalia"}),
    ],
)
def test_the_companion_of_an_attack_is_never_its_guessed_target(run, text, pair):
    doc = run(text)
    second = text.index(". ") + 2
    assert not [r for r in doc.relations if r.type == "hostility" and {r.source, r.target} == pair
                and r.evidence.start >= second]


@pytest.mark.parametrize(
    "text",
    [
        "The KDP shunned the Baghdad government for years.",
        "Hamas shuns the Palestinian Authority in Ramallah.",
        "The TPLF shunned the federal government after 2018.",
    ],
)
def test_whom_a_side_shuns_is_kept_away_from_not_fought(run, text):
    assert not [r for r in run(text).relations if r.type == "hostility"]


@pytest.mark.parametrize(
    ("text", "guessed"),
    [
        ("Nusra fought the army in Idlib. Later Nusra attacked a rival faction near Atareb.", "syria"),
        ("The Saudi-led coalition bombed Houthi positions. Later the Houthis ambushed a tribal militia in Marib.",
         "saudi-led-coalition"),
        ("Al-Shabaab fought AMISOM troops in Mogadishu. Days later al-Shabaab overran a clan militia near Baidoa.",
         "amisom"),
    ],
)
def test_a_group_the_text_introduces_with_an_indefinite_article_is_no_known_opponent(run, text, guessed):
    doc = run(text)
    second = text.index(". ") + 2
    assert not [r for r in doc.relations if guessed in (r.source, r.target) and r.evidence.start >= second]


@pytest.mark.parametrize(
    "text",
    [
        "In October the Arakan Army and its partners launched Operation 1027 in northern Shan State.",
        "The TNLA launched Operation 1027 with its allies near Lashio.",
        "Fighters of the MNDAA launched Operation 1027 around Chinshwehaw last year.",
    ],
)
def test_an_operation_a_side_launches_is_its_act_not_a_side_it_attacks(run, text):
    """ "Operation 1027" is an alias of the alliance that waged it: launched, it names the act."""
    assert not [r for r in run(text).relations if r.type == "hostility"]


@pytest.mark.parametrize(
    ("text", "teller"),
    [
        ("Ethiopian troops fought al-Shabaab near Beledweyne; on Friday the Pentagon said a strike on an "
         "al-Shabaab camp had killed 60 fighters.", "the Pentagon"),
        ("Kenyan troops battled al-Shabaab in Lamu. Washington said an air strike on a militant compound "
         "killed 12 fighters.", "Washington"),
        ("Iraqi troops fought Islamic State near Tal Afar. The US-led coalition said an air raid on a militant "
         "base killed 15 fighters.", "The US-led coalition"),
    ],
)
def test_an_unnamed_attack_another_actor_reports_is_not_given_the_guessed_side(run, text, teller):
    doc = run(text)
    reported = text[text.index(teller):]
    assert not [r for r in doc.relations if r.source_mention and r.source_mention.start >= len(text) - len(reported)
                and r.source in ("ethiopia", "kenya", "iraq")]


def test_an_unnamed_attack_the_guessed_side_reports_is_its_own(run):
    doc = run("Kenyan troops battled al-Shabaab in Lamu. The Kenyan army said an air strike on a militant "
              "compound killed 12 fighters.")
    assert ("hostility", "kenya", "al-shabaab", "an air strike", "a militant compound") in spans(doc)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Iraqi troops fought Islamic State west of Mosul.", "west"),
        ("The convoy was ambushed 40 km northeast of the capital.", "northeast"),
        ("Shelling hit villages south of Idlib overnight.", "south"),
    ],
)
def test_a_bare_compass_noun_before_of_is_a_bearing_never_a_side(nlp, run, text, word):
    from factiongraph.relation_mentions import _bearing

    parsed = nlp(text)
    assert _bearing(next(t for t in parsed if t.lower_ == word))
    assert not [r for r in run(text).relations if r.target_mention and r.target_mention.text == word]


def test_a_compass_noun_with_a_determiner_is_ground_not_a_bearing(nlp):
    from factiongraph.relation_mentions import _bearing

    parsed = nlp("Rebels shelled the north of the city.")
    assert not _bearing(next(t for t in parsed if t.lower_ == "north"))


@pytest.mark.parametrize(
    "text",
    [
        "M23 rebels shelled army positions near Sake. Fighting has forced more than 100,000 people from their homes.",
        "Government forces fought the Houthis near Marib. The clashes killed 40 fighters on both sides.",
        "The army battled al-Shabaab in Hiran. Heavy fighting killed 25 soldiers and several residents.",
    ],
)
def test_a_two_sided_fight_noun_stands_for_neither_side(run, text):
    second = text.index(". ") + 2
    assert not [r for r in run(text).relations if r.source_mention and r.source_mention.start >= second]


@pytest.mark.parametrize(
    ("text", "noun"),
    [
        ("The government suspended a ceasefire with the ELN after a bombing in Bogota.", "a ceasefire"),
        ("The junta tore up its truce with the Arakan Army and shelled Paletwa.", "its truce"),
        ("Rebels violated the peace deal with the government by attacking Bria.", "the peace deal"),
    ],
)
def test_a_settlement_is_never_an_endpoint(run, text, noun):
    assert not [r for r in run(text).relations if r.target_mention and r.target_mention.text == noun]


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        # an adverbial "on a scale"
        ("The Mahdi Army last fought American forces on this scale in 2004.", "this scale"),
        ("The Taliban struck Afghan forces on a scale unseen in years.", "a scale unseen"),
        ("Houthi fighters shelled Saudi border posts on a large scale in 2016.", "a large scale"),
        # a charge set off, the means of the attack
        ("Al-Shabaab detonated a car bomb outside the Somali army base.", "a car bomb"),
        ("Al-Shabaab exploded a truck bomb near the AMISOM base.", "a truck bomb"),
        ("Boko Haram fighters detonated explosives inside a mosque held by vigilantes.", "explosives"),
    ],
)
def test_an_adverbial_of_scale_or_a_charge_set_off_is_never_the_attacked_side(run, text, phrase):
    assert not [r for r in run(text).relations if r.target_mention and r.target_mention.text == phrase]


@pytest.mark.parametrize(
    "text",
    [
        "Government forces have fought the M23 since 2022. On Tuesday soldiers shelled homes near Sake.",
        "The army has been fighting al-Shabaab for years. On Monday troops shelled villages near Afgoye.",
        "The army has fought the KIA for decades. On Sunday soldiers burned a market and a school near Laiza.",
    ],
)
def test_relation_mentions_attacked_dwellings_are_no_guess_at_the_armed_side(run, text):
    doc = run(text)
    later = doc.text.index("On ")
    assert not [r for r in doc.relations if r.method == "mention" and r.evidence.start >= later]


@pytest.mark.parametrize(
    "text",
    [
        "Iraqi police exchanged fire with Sadrist militiamen before imposing a curfew.",
        "Kenyan troops traded gunfire with al-Shabaab fighters near the border.",
        "Government soldiers exchanged shots with M23 rebels outside Goma.",
    ],
)
def test_relation_mentions_fire_exchanged_with_a_side_is_no_endpoint(run, text):
    doc = run(text)
    assert not [r for r in doc.relations if r.target_mention is not None and r.target_mention.text in
                ("fire", "gunfire", "shots")]


@pytest.mark.parametrize(
    "text",
    [
        "Al-Shabaab fighters attacked Kenyan troops in Gedo. Al-Shabaab has since hunted down members of the "
        "breakaway cell in Puntland.",
        "The army fought the SPLM-North in the Nuba Mountains. The army later attacked splinter units of the rebels "
        "near Kadugli.",
        "Houthi fighters shelled Saudi border posts. The Houthis then killed dozens of dissident tribesmen in Amran.",
    ],
)
def test_relation_mentions_a_group_that_broke_away_is_not_the_guessed_side(run, text):
    # "members of the breakaway cell": a part that left a group, not the side the attacker fights elsewhere
    second = text.split(". ")[1]
    assert not [r for r in run(text).relations if r.method == "mention" and r.evidence.text.startswith(second[:20])]


@pytest.mark.parametrize(
    "text",
    [
        "Seleka fighters killed dozens of people in reprisal attacks on anti-balaka positions.",
        "Government troops fought the SPLM-North near Kadugli. The troops later killed 30 people in a village.",
        "Al-Shabaab fought AMISOM troops near Baidoa. Al-Shabaab fighters later executed four people in Bay region.",
    ],
)
def test_relation_mentions_people_killed_are_victims_not_the_side_the_attacker_fights(run, text):
    rows = [r for r in run(text).relations if r.method == "mention"]
    assert not any(r.target_mention.text.endswith("people") and r.target != "civilians" for r in rows)  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "text",
    [
        "Somaliland troops clashed with SSC-Khatumo fighters for months. In August, SSC-Khatumo fighters overran the "
        "Somaliland base at Goojacade on the edge of Las Anod.",
        "The army fought the SPLM-North near Kadugli. In June the rebels shelled army positions on the fringes of "
        "Kadugli.",
        "Congolese troops fought the ADF for years. Last week the ADF ambushed an army convoy on the edge of Beni.",
    ],
)
def test_relation_mentions_the_edge_of_a_place_is_where_not_a_side(run, text):
    spans = {r.target_mention.text for r in run(text).relations if r.method == "mention"}  # type: ignore[union-attr]
    assert not any(s.endswith(("edge", "fringes")) for s in spans)
