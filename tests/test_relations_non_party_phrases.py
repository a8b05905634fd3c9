"""Phrases that name someone beside a tie without making it a side: the proposer of a settlement, the
companion of a verb's subject, a region of a country, and a promise not to fight."""

from __future__ import annotations

import pytest

from factiongraph.document import Document
from factiongraph.pipeline import extract


@pytest.fixture(scope="module")
def run(pipeline):
    return lambda text: extract(text, pipeline=pipeline)


def ties(doc: Document) -> set[tuple[str, frozenset[str]]]:
    return {(r.type, frozenset((r.source, r.target))) for r in doc.relations}


def has(doc: Document, a: str, b: str) -> bool:
    return any({a, b} == set(pair) for _, pair in ties(doc))


@pytest.mark.parametrize(
    ("text", "proposer", "side"),
    [
        ("The rebels signed an African Union truce to end the border war with Chad.", "african-union", "chad"),
        ("Khartoum backed a Qatari peace plan meant to halt the fighting with the SLA.", "qatar", "sudan"),
        ("Kenya supports Egypt's proposal to end the war between the army and the RSF.", "egypt", "kenya"),
    ],
)
def test_the_proposer_of_a_settlement_is_no_side_and_no_client(run, text, proposer, side):
    doc = run(text)
    assert not any(proposer in pair for _, pair in ties(doc)), ties(doc)
    assert not has(doc, proposer, side)


@pytest.mark.parametrize(
    ("text", "broker", "side"),
    [
        ("The MNDAA resumed its offensive in June, tearing up a ceasefire that China brokered in January.", "china",
         "mndaa"),
        ("Al-Shabaab broke a truce that Kenya mediated, attacking the town.", "kenya", "al-shabaab"),
        ("The RSF violated a truce that Saudi Arabia brokered in Jeddah, shelling El Fasher.", "saudi-arabia",
         "rapid-support-forces"),
    ],
)
def test_who_brokered_a_settlement_named_in_a_relative_clause_is_no_side(run, text, broker, side):
    """"tearing up a ceasefire that China brokered": the relative clause's subject proposed the settlement; it is
    no side of the fighting that ends it (as "the China-brokered ceasefire")."""
    assert not has(run(text), broker, side)


@pytest.mark.parametrize(
    ("text", "struck", "helped"),
    [
        ("Residents said coalition warplanes had struck Houthi positions in the city to help Saleh's men.",
         "houthis", "saleh"),
        ("Russian aircraft hit rebel positions near Hama to back the Syrian army.", "generic-rebels", "syria"),
        ("Turkish drones struck LNA convoys outside Tripoli to help the GNA.", "libyan-national-army", "libya"),
    ],
)
def test_whose_positions_are_struck_to_help_y_is_no_helper_of_y(run, text, struck, helped):
    """"jets struck X's positions to help Y": the purpose is the striker's; X is struck, not Y's patron."""
    doc = run(text)
    assert ("support", frozenset((struck, helped))) not in ties(doc), ties(doc)


@pytest.mark.parametrize(
    ("text", "authority", "fought"),
    [
        ("Kenyan troops serving under an African Union mandate fought al-Shabaab near Kismayo.", "african-union",
         "al-shabaab"),
        ("Under a United Nations mandate, Pakistani peacekeepers clashed with the FNI in Ituri.", "united-nations",
         "fni"),
        ("Tanzanian soldiers, sent with the Security Council's authorisation, shelled M23 positions.",
         "united-nations", "m23"),
        ("Malawian gunners, deployed with the approval of the Security Council, shelled M23 positions.",
         "united-nations", "m23"),
    ],
)
def test_who_mandates_a_force_is_no_side_of_its_fighting(run, text, authority, fought):
    """"troops under a UN mandate fought X": the UN authorised the force; it does not fight X (the nouns of an
    authority granted, with `proposal_nouns` in frames/data/ties.yaml)."""
    doc = run(text)
    assert not has(doc, authority, fought), ties(doc)
    assert not any({e.actor1, e.actor2} == {authority, fought} for e in doc.events)


@pytest.mark.parametrize(
    ("text", "broker", "side"),
    [
        ("The Qatar-brokered ceasefire that paused the war with the Taliban held for a week.", "qatar", "taliban"),
        ("The Egypt-mediated truce that ended the clashes with Hamas held through the summer.", "egypt", "hamas"),
        ("The government signed the Kenya-brokered agreement that ended the war with the SPLA.", "kenya", "spla"),
    ],
)
def test_the_broker_hyphenated_to_a_settlement_is_no_side_of_the_war_it_ends(run, text, broker, side):
    """"the Qatar-brokered ceasefire that paused the war with X": the settlement, not its broker, ends the
    war (`brokering_participles` in frames/data/ties.yaml)."""
    doc = run(text)
    assert not has(doc, broker, side), ties(doc)
    assert not any({e.actor1, e.actor2} == {broker, side} for e in doc.events)


@pytest.mark.parametrize(
    ("text", "fought", "companion"),
    [
        ("Ankara paid Kurdish villagers to fight the PKK alongside the gendarmerie.", "pkk", "turkey"),
        ("Local militias hunted al-Shabaab alongside Kenyan troops last year.", "al-shabaab", "kenya"),
        ("Volunteers were trained to battle the Taliban alongside the police.", "taliban", "afghanistan"),
    ],
)
def test_the_companion_of_a_fight_is_never_allied_to_the_one_fought(run, text, fought, companion):
    doc = run(text)
    assert ("alliance", frozenset((fought, companion))) not in ties(doc)


@pytest.mark.parametrize(
    ("text", "attacker", "country"),
    [
        ("Israeli jets pounded southern Lebanon for a third day.", "israel", "lebanon"),
        ("Russian artillery shelled eastern Ukraine overnight.", "russia", "ukraine"),
        ("Ethiopian troops bombarded central Somalia on Friday.", "ethiopia", "somalia"),
    ],
)
def test_a_region_of_a_country_is_ground_not_a_side_of_a_tie(run, text, attacker, country):
    doc = run(text)
    assert not has(doc, attacker, country)
    assert country not in {a.id for a in doc.actors}


@pytest.mark.parametrize(
    ("text", "a", "b"),
    [
        ("The Lebanese army will never fight Hezbollah.", "lebanon", "hezbollah"),
        ("Kenya would not attack al-Shabaab inside Somalia, the minister said.", "kenya", "al-shabaab"),
        ("Chad will never bomb the FACT rebels, its president promised.", "chad", "fact"),
    ],
)
def test_a_promise_not_to_fight_is_no_threat_and_no_hostility(run, a, b, text):
    doc = run(text)
    assert not any(a in x and b in x for x in [" ".join(p) for _, p in ties(doc)]), ties(doc)
    assert not any(e.plover == "THREATEN" for e in doc.events)


@pytest.mark.parametrize(
    ("text", "a", "b"),
    [
        ("The army lost the pass to the Kuru Front and to fighters of the Tana Movement, who came across the "
         "border to fight alongside the Kuru Front.", "tana", "kuru"),
        ("Sudan lost Kurmuk to the SPLA and to Ethiopian units that moved in to fight alongside the SPLA.",
         "ethiopia", "spla"),
        ("Mali lost Kidal to the MNLA and to Tuareg fighters of the HCUA who came to fight beside the MNLA.",
         "hcua", "mnla"),
    ],
)
def test_those_who_fight_alongside_each_other_are_not_enemies(run, text, a, b):
    doc = run(text)
    assert not any(t == "hostility" and any(a in x for x in p) and any(b in x for x in p) for t, p in ties(doc))


@pytest.mark.parametrize(
    ("text", "accuser", "helped"),
    [
        ("Croatia, which Bosnian officials accuse of sending troops to help the Croat Defence Council, signed the "
         "deal.", "bosnia", "croat"),
        ("Rwanda, which Congolese ministers accuse of arming the M23, denied it.", "congo", "m23"),
        ("Eritrea, which Ethiopian officials blame for helping the OLF, rejected the charge.", "ethiopia", "olf"),
    ],
)
def test_the_accuser_in_a_relative_clause_is_no_party_to_the_help_it_alleges(run, text, accuser, helped):
    doc = run(text)
    assert not any(any(accuser in x for x in p) and any(helped in x for x in p) for _, p in ties(doc)), ties(doc)


@pytest.mark.parametrize(
    "text",
    [
        "The Kuru Front took up arms when Lt Tana deserted the army.",
        "The Tana Movement took up arms in 1990 when Colonel Kuru Bello led a mutiny.",
        "The Kivu Union laid down its arms after Jean Mutombo signed the deal.",
    ],
)
def test_taking_up_or_laying_down_arms_gives_nothing_to_anyone(run, text):
    assert not any(t == "support" for t, _ in ties(run(text)))


@pytest.mark.parametrize(
    ("text", "whole", "part"),
    [
        ("The fighting pitted Hamas's armed wing, the Qassam Brigades, and the Executive Force against Fatah's "
         "guards.", "hamas", "qassam"),
        ("The fighting pitted Hezbollah's armed wing, the Islamic Resistance, against the Amal Movement.",
         "hezbollah", "islamic-resistance"),
        ("The clashes pitted al-Shabaab's intelligence wing, the Amniyat, and clan militias against each other.",
         "al-shabaab", "amniyat"),
    ],
)
def test_a_group_and_its_named_wing_are_never_enemies(run, text, whole, part):
    doc = run(text)
    assert not any(t == "hostility" and any(whole in x for x in p) and any(part in x for x in p)
                   for t, p in ties(doc)), ties(doc)


@pytest.mark.parametrize(
    ("text", "destination"),
    [
        ("The Kuru Front leader fled to Oman with his aides. The former allies had split in 1993.", "oman"),
        ("The Ogaden Front leader fled to Kenya with his aides. The former allies had split in 1998.", "kenya"),
        ("The Tana Front leader went to Chad with his guards. The former partners had fallen out in May.", "chad"),
    ],
)
def test_where_someone_fled_is_not_one_of_the_former_partners(run, text, destination):
    assert not any(destination in pair for _, pair in ties(run(text)))



@pytest.mark.parametrize(
    ("text", "accuser", "patron"),
    [
        ("Jundallah has long been accused by Iran of receiving help from American intelligence.", "iran",
         "united-states"),
        ("The ELN has been accused by Colombia of getting help from Venezuela.", "colombia", "venezuela"),
        ("Jaish al-Adl is accused by Tehran of receiving help from Saudi Arabia.", "iran", "saudi-arabia"),
    ],
)
def test_the_accuser_in_a_passive_by_phrase_is_no_party_to_the_help_it_alleges(run, text, accuser, patron):
    assert not has(run(text), accuser, patron)


@pytest.mark.parametrize(
    ("text", "accuser", "patron", "client"),
    [
        ("Rwanda has been accused by UN experts of arming the M23 rebels.", "united-nations", "rwanda", "m23"),
        ("Eritrea was accused by Ethiopian officials last year of arming Fano militiamen in Amhara.", "ethiopia",
         "eritrea", "fano"),
        ("The UAE has been accused by Sudanese army officers of supplying the RSF with drones.", "sudan",
         "united-arab-emirates", "rapid-support-forces"),
    ],
)
def test_the_accused_not_the_accuser_named_in_the_by_phrase_gives_the_help(run, text, accuser, patron, client):
    doc = run(text)
    assert ("support", patron, client) in {(r.type, r.source, r.target) for r in doc.relations}
    assert not any(accuser in (r.source, r.target) for r in doc.relations)


@pytest.mark.parametrize(
    ("text", "speaker_state", "patron"),
    [
        ("Hezbollah is the strongest force in Lebanon, and Israeli officials say it receives rockets from Iran.",
         "israel", "iran"),
        ("Al-Shabaab runs the port, and Kenyan diplomats claim it buys weapons from Eritrea.", "kenya", "eritrea"),
        ("The Houthis hold the capital, and Saudi officials allege it gets drones from Iran.", "saudi-arabia",
         "iran"),
    ],
)
def test_plural_speakers_are_not_the_it_of_what_they_report(run, text, speaker_state, patron):
    doc = run(text)
    assert not has(doc, speaker_state, patron)
    assert not any(e.actor1 == speaker_state or e.actor2 == speaker_state for e in doc.events
                   if e.plover in ("AID", "COOPERATE"))


@pytest.mark.parametrize(
    ("text", "subject", "other"),
    [
        ("The Taliban controls the border district, and officials say Pakistan sends them weapons.", "taliban",
         "pakistan"),
        ("ISIS seized the oil field, and analysts believe Turkey buys the crude.", "islamic-state", "turkey"),
        ("Boko Haram overran the base at dawn, and the governor said Chad would send troops.", "boko-haram", "chad"),
    ],
)
def test_a_coordinated_statement_gives_no_guessed_target(run, text, subject, other):
    doc = run(text)
    assert ("hostility", frozenset((subject, other))) not in ties(doc)
    assert not any(e.plover == "ASSAULT" and {e.actor1, e.actor2} == {subject, other} for e in doc.events)


@pytest.mark.parametrize(
    ("text", "holder", "source"),
    [
        ("The Houthis acquired drones and missiles from Iran.", "houthis", "iran"),
        ("Hamas smuggled rockets through tunnels from Egypt.", "hamas", "egypt"),
        ("The Houthis obtained missiles from Iran.", "houthis", "iran"),
    ],
)
def test_a_weapon_obtained_or_passed_on_is_no_attack(run, text, holder, source):
    doc = run(text)
    assert not any(e.plover == "ASSAULT" for e in doc.events)
    assert ("hostility", frozenset((holder, source))) not in ties(doc)


@pytest.mark.parametrize(
    "text",
    [
        "Separatists in Tiraspol feared that Moldova would merge with Romania.",
        "Kabul worried that the Haqqani network would join the Islamic State.",
        "Western diplomats believe that Jaish al-Islam could join Ahrar al-Sham.",
        "Many in Damascus fear that Jabhat al-Nusra might merge with Ahrar al-Sham.",
    ],
)
def test_a_tie_someone_fears_or_believes_would_come_is_not_stated(run, text):
    doc = run(text)
    assert not [r for r in doc.relations if r.type in ("alliance", "affiliation")]


@pytest.mark.parametrize(
    ("text", "accuser", "accused", "client"),
    [
        ("Kabul accuses Pakistan of training and arming the Taliban, a charge Islamabad denies.", "afghanistan",
         "pakistan", "taliban"),
        ("Baghdad accused Iran of funding and equipping Kataib Hezbollah, a claim Tehran rejects.", "iraq", "iran",
         "kataib-hezbollah"),
        ("New Delhi accuses Pakistan of training and arming fighters from both groups in camps across the border, "
         "a charge Islamabad rejects.", "india", "pakistan", None),
    ],
)
def test_the_accused_not_the_accuser_does_each_coordinated_deed(run, text, accuser, accused, client):
    doc = run(text)
    assert not any(r.source == accuser and r.type == "support" for r in doc.relations)
    if client is not None:
        assert ("support", frozenset((accused, client))) in ties(doc)


@pytest.mark.parametrize(
    ("text", "broker", "beneficiary"),
    [
        ("The accord, hammered out by U.S. and European Union envoys, gives Albanians wider use of their language.",
         "united-states", "albanians"),
        ("The agreement signed by Hamas and Fatah gives Egypt a monitoring role.", "hamas", "egypt"),
        ("The deal, brokered by Qatar, grants the Taliban control of the border.", "qatar", "taliban"),
    ],
)
def test_who_brokers_or_signs_a_settlement_does_not_give_what_it_provides(run, text, broker, beneficiary):
    doc = run(text)
    assert not has(doc, broker, beneficiary)
    assert not any(e.actor1 == broker and e.plover in ("AID", "COOPERATE") for e in doc.events)


@pytest.mark.parametrize(
    ("text", "patron", "home"),
    [
        ("Riyadh is to stop arming Yemen's royalists.", "saudi-arabia", "yemen"),
        ("Turkey has armed Syria's rebels for years.", "turkey", "syria"),
        ("Egypt backed Libya's Islamists.", "egypt", "libya"),
    ],
)
def test_a_country_owning_those_who_fight_its_state_is_their_home_not_the_client(run, text, patron, home):
    assert not has(run(text), patron, home)


def test_a_country_owning_its_army_is_the_client(run):
    assert ("support", frozenset(("russia", "syria"))) in ties(run("Russia backed Syria's army."))


@pytest.mark.parametrize(
    ("text", "a", "b"),
    [
        ("The force came under an accord between New Delhi and Colombo, but within months it was at war with the "
         "Tigers.", "sri-lanka", "liberation-tigers-of-tamil-eelam"),
        ("Envoys shuttled between Ankara and Damascus, but the next week saw war with the PKK.", "syria", "pkk"),
        ("Aid arrived from Riyadh, but within a year war resumed with the Houthis.", "saudi-arabia", "houthis"),
    ],
)
def test_neighbouring_names_across_but_are_in_two_clauses(run, text, a, b):
    assert not has(run(text), a, b)


@pytest.mark.parametrize(
    ("text", "state", "group"),
    [
        ("The columns killed several hundred fighters of SWAPO's armed wing, the People's Liberation Army of "
         "Namibia, as well as Angolan soldiers fighting beside them.", "angola",
         "people-s-liberation-army-of-namibia"),
        ("The raid killed dozens of fighters of the Ogaden National Liberation Front, as well as Somali soldiers "
         "fighting beside them.", "somalia", "onlf"),
        ("The strikes killed members of the Popular Front for the Liberation of Palestine, as well as Syrian "
         "officers fighting beside them.", None, "pflp"),
    ],
)
def test_those_a_participle_describes_are_not_the_them_beside_whom_they_fight(run, text, state, group):
    doc = run(text)
    them = next(a.id for a in doc.actors for m in a.mentions if m.text == "them")
    assert them == group
    if state is not None:
        assert ("alliance", frozenset((state, group))) in ties(doc)


@pytest.mark.parametrize(
    ("text", "accuser", "patron"),
    [
        ("The rebels hid in Pakistan, and Kabul accused Islamabad of sheltering them.", "afghanistan", "pakistan"),
        ("The militias fled to Rwanda, and Kinshasa accused Kigali of protecting them.", "dr-congo", "rwanda"),
        ("The guerrillas crossed from Iran, and Baghdad accused Tehran of arming them.", "iraq", "iran"),
    ],
)
def test_a_capitals_name_is_singular_and_never_them(run, text, accuser, patron):
    doc = run(text)
    assert not any(m.text == "them" for a in doc.actors if a.id == accuser for m in a.mentions)
    assert not has(doc, accuser, patron) or ("hostility", frozenset((accuser, patron))) in ties(doc)


@pytest.mark.parametrize(
    ("text", "a", "b"),
    [
        ("The RUF joined forces with the Armed Forces Revolutionary Council in 1997.", "ruf",
         "armed-forces-revolutionary-council"),
        ("Hamas joined forces with Islamic Jihad to fight Israel.", "hamas", "palestinian-islamic-jihad"),
        ("Jaysh al-Islam joined hands with Ahrar al-Sham last year.", "jaysh-al-islam", "ahrar-al-sham"),
    ],
)
def test_joining_forces_with_a_group_is_an_alliance_not_membership(run, text, a, b):
    found = ties(run(text))
    assert ("alliance", frozenset((a, b))) in found
    assert ("affiliation", frozenset((a, b))) not in found


@pytest.mark.parametrize(
    "text",
    [
        "Islamist insurgents have killed a dozen people in raids on villages, officials said, in the deepest push "
        "yet by the rebels.",
        "Jihadist militants torched a church on Sunday, residents said, the third attack by the insurgents this "
        "month.",
        "Armed bandits raided two villages overnight; the gunmen fled with cattle.",
    ],
)
def test_two_unnamed_armed_sides_get_no_tie(run, text):
    doc = run(text)
    unnamed = {a.id for a in doc.actors if not a.known and a.kind in ("rebel", "militia")}
    assert not any(r.source in unnamed and r.target in unnamed for r in doc.relations)


@pytest.mark.parametrize(
    "text",
    [
        "Lakurawa, made up largely of armed herders from Niger and Mali, first appeared in Sokoto around 2018.",
        "Villagers joined the Macawisley militia after the raid.",
        "Ma'awisley, formed mostly of local farmers and herders, fights al-Shabaab near Adale.",
    ],
)
def test_civilians_are_no_body_one_joins_or_is_made_of(run, text):
    doc = run(text)
    civilians = {a.id for a in doc.actors if a.kind == "civilians"}
    assert not any(r.type in ("affiliation", "alliance") and {r.source, r.target} & civilians for r in doc.relations)


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Fighting has killed 50 people this month, the UN human rights office said. Government troops shelled the "
         "camp and drove them out.", "ohchr"),
        ("Dozens of families fled, Human Rights Watch said on Monday. Soldiers surrounded the village and pushed them "
         "back.", "human-rights-watch"),
        ("The clashes displaced 10,000 people, the International Committee of the Red Cross said. Army units later "
         "encircled the hills and drove them off.", "icrc"),
    ],
)
def test_an_object_pronoun_never_takes_the_source_quoted_at_the_end_of_the_sentence_before(run, text, source):
    """"..., the UN said. Troops drove them out": whom the troops drove out is no source that reported
    something before; the source is no party to the act."""
    doc = run(text)
    assert not any(m.text == "them" for a in doc.actors if a.id == source for m in a.mentions)
    assert not any(source in (r.source, r.target) for r in doc.relations)
