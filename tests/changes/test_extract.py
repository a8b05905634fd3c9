"""Change statements on small hand-written sentences: at least three wordings per construction,
each asserting the exact change rows (type, source, target, status, change)."""

from __future__ import annotations

import pytest

from factiongraph.document import Document
from factiongraph.pipeline import extract

Row = tuple[str, str, str, str, str]


@pytest.fixture(scope="module")
def run(pipeline):
    return lambda text: extract(text, pipeline=pipeline)


def changes(doc: Document) -> set[Row]:
    return {(r.type, r.source, r.target, r.status, r.change) for r in doc.relations if r.change is not None}


def certainty_of(doc: Document) -> set[str]:
    return {r.certainty for r in doc.relations if r.change is not None}


JAI, FSA, HTS = "jaysh-al-islam", "free-syrian-army", "hayat-tahrir-al-sham"

DEFECTIONS = [
    (
        "Last week Jaysh al-Islam defected from the Free Syrian Army to Hayat Tahrir al-Sham.",
        {("affiliation", JAI, FSA, "former", "left"), ("affiliation", JAI, HTS, "current", "joined")},
    ),
    (
        "Abu Agla Keikil switched sides from the Rapid Support Forces to the Sudanese army.",
        {
            ("affiliation", "abu-agla-keikil", "rapid-support-forces", "former", "left"),
            ("affiliation", "abu-agla-keikil", "sudan", "current", "joined"),
        },
    ),
    (
        # the group the mover is said to belong to is the one it leaves
        "Mukhtar Robow, once a deputy leader of al-Shabaab, went over to the Somali government.",
        {
            ("affiliation", "mukhtar-robow", "al-shabaab", "former", "left"),
            ("affiliation", "mukhtar-robow", "somalia", "current", "joined"),
        },
    ),
    (
        "The militia leader Musa Hilal crossed over to the Rapid Support Forces after the battle.",
        {("affiliation", "musa-hilal", "rapid-support-forces", "current", "joined")},
    ),
]

DEFECTION_NOUNS = [
    (
        "Faylaq al-Sham declared its defection from Jabhat al-Nusra in the spring.",
        {("affiliation", "faylaq-al-sham", "jabhat-al-nusra", "former", "left")},
    ),
    (
        "The defection of Jaysh al-Izza from the Free Syrian Army surprised observers.",
        {("affiliation", "jaysh-al-izza", FSA, "former", "left")},
    ),
    (
        "Ahrar al-Sham's defection to Hayat Tahrir al-Sham weakened the National Front.",
        {("affiliation", "ahrar-al-sham", HTS, "current", "joined")},
    ),
]

DESERTIONS = [
    (
        "Colonel Omar Fathi deserted the Libyan National Army on Friday.",
        {("affiliation", "omar-fathi", "libyan-national-army", "former", "left")},
    ),
    (
        "The desertion of the Libyan National Army by Colonel Salem Jaber angered Haftar.",
        {("affiliation", "salem-jaber", "libyan-national-army", "former", "left")},
    ),
    (
        # "several officers" are part of a group: only the named deserter moves
        "Several officers deserted to the Free Syrian Army, and Mustafa Tlass deserted the Syrian army in 2012.",
        {("affiliation", "mustafa-tlass", "syria", "former", "left")},
    ),
]

SPLITS = [
    (
        "After its split from al-Qaeda, Jabhat Fateh al-Sham seized new ground.",
        {("affiliation", "jabhat-fateh-al-sham", "al-qaeda", "former", "left")},
    ),
    ("Jaysh al-Islam split from the Free Syrian Army in 2015.", {("affiliation", JAI, FSA, "former", "left")}),
    (
        "In 2016 Jabhat Fateh al-Sham broke away from al-Qaeda.",
        {("affiliation", "jabhat-fateh-al-sham", "al-qaeda", "former", "left")},
    ),
    (
        "ISWAP announced its split from Boko Haram in 2016.",
        {("affiliation", "islamic-state-west-africa", "boko-haram", "former", "left")},
    ),
    (
        # no "from": the group the sentence says it belonged to; the pronoun is the main clause's subject
        "Until it broke away in 2016, ISWAP had belonged to Boko Haram.",
        {("affiliation", "islamic-state-west-africa", "boko-haram", "former", "left")},
    ),
    ("Jaysh al-Islam broke off from the Free Syrian Army.", {("affiliation", JAI, FSA, "former", "left")}),
]

WITHDRAWALS = [
    (
        "Mali and Niger withdrew from ECOWAS on Sunday.",
        {("affiliation", "mali", "ecowas", "former", "left"), ("affiliation", "niger", "ecowas", "former", "left")},
    ),
    (
        "The Hamza Division pulled out of the National Front for Liberation after the clashes.",
        {("affiliation", "hamza-division", "national-front-for-liberation", "former", "left")},
    ),
    (
        "Jaysh al-Thuwar walked out of the Syrian Democratic Forces in May.",
        {("affiliation", "jaysh-al-thuwar", "syrian-democratic-forces", "former", "left")},
    ),
    (
        "Jaysh al-Izza quit the National Front for Liberation in March.",
        {("affiliation", "jaysh-al-izza", "national-front-for-liberation", "former", "left")},
    ),
]

# a foreign force leaving a country ends its support there; it is no member of that country
PATRON_WITHDRAWALS = [
    (
        "The Wagner Group has withdrawn from Mali, according to diplomats.",
        {("support", "wagner-group", "mali", "former", "broken")},
    ),
    ("France pulled out of Mali in 2022.", {("support", "france", "mali", "former", "broken")}),
    (
        "Wagner, which for years had backed Khalifa Haftar, pulled out of Libya in June.",
        {("support", "wagner-group", "khalifa-haftar", "former", "broken")},
    ),
]

EXPULSIONS = [
    (
        "Hayat Tahrir al-Sham expelled Jund al-Aqsa from its ranks.",
        {("affiliation", "jund-al-aqsa", HTS, "former", "left")},
    ),
    (
        "Jund al-Aqsa was expelled from Ahrar al-Sham last year.",
        {("affiliation", "jund-al-aqsa", "ahrar-al-sham", "former", "left")},
    ),
    (
        "The expulsion of Jund al-Aqsa from the Army of Conquest was confirmed.",
        {("affiliation", "jund-al-aqsa", "jaysh-al-fatah", "former", "left")},
    ),
]

BREAKS = [
    # between two armed groups a tie that ends is an affiliation left, between two states an alliance broken
    (
        "In July Jabhat al-Nusra severed all links to al-Qaeda.",
        {("affiliation", "jabhat-al-nusra", "al-qaeda", "former", "left")},
    ),
    ("Mali cut ties with France and expelled its ambassador.", {("alliance", "mali", "france", "former", "broken")}),
    (
        "Ahrar al-Sham broke with Jabhat al-Nusra after months of tension.",
        {("affiliation", "ahrar-al-sham", "jabhat-al-nusra", "former", "left")},
    ),
    (
        "Ahrar al-Sham broke off its alliance with Jund al-Aqsa.",
        {("alliance", "ahrar-al-sham", "jund-al-aqsa", "former", "broken")},
    ),
]

# a quarrel ends a friendship: falling out with another group ends an alliance, not a membership
FALLINGS_OUT = [
    (
        "In 2009 the Ras Kamboni Brigades fell out with al-Shabaab over the spoils of Kismayo.",
        {("alliance", "ras-kamboni", "al-shabaab", "former", "broken")},
    ),
    (
        "Kataib Hezbollah fell out with the Sadrists over who would man the checkpoints of eastern Baghdad.",
        {("alliance", "kataib-hezbollah", "sadrist-movement", "former", "broken")},
    ),
    (
        "Within a year Jund al-Aqsa had fallen out with Ahrar al-Sham over the killing of a commander.",
        {("alliance", "jund-al-aqsa", "ahrar-al-sham", "former", "broken")},
    ),
]

# a tie that falls apart, or a pact that collapses, ends an alliance between the two
FALLINGS_APART = [
    (
        "The pact between Saleh and the Houthis fell apart in December 2017.",
        {("alliance", "saleh", "houthis", "former", "broken")},
    ),
    (
        "The alliance between the MNLA and Ansar Dine fell apart within weeks.",
        {("alliance", "mnla", "ansar-dine", "former", "broken")},
    ),
    (
        "By 2014 the pact between Jaysh al-Islam and the Free Syrian Army had collapsed.",
        {("alliance", JAI, FSA, "former", "broken")},
    ),
]

TURNS = [
    (
        "Saleh turned on his former allies, the Houthis, in December.",
        {("alliance", "saleh", "houthis", "former", "broken")},
    ),
    (
        "Hayat Tahrir al-Sham turned on its erstwhile ally Ahrar al-Sham in 2017.",
        {("alliance", HTS, "ahrar-al-sham", "former", "broken")},
    ),
    (
        "The Houthis turned on their old ally Ali Abdullah Saleh.",
        {("alliance", "houthis", "yemen", "former", "broken")},
    ),
]

RUPTURES = [
    (
        "The alliance between Eritrea and Ethiopia has soured since the Pretoria deal.",
        {("alliance", "eritrea", "ethiopia", "former", "broken")},
    ),
    (
        "The report described a rupture between Hezbollah and Amal.",
        {("alliance", "hezbollah", "amal", "former", "broken")},
    ),
    ("Relations between Hamas and Fatah collapsed in 2007.", {("alliance", "hamas", "fatah", "former", "broken")}),
]

SUPPORT_CHANGES = [
    ("Iran began arming the Houthis in 2014.", {("support", "iran", "houthis", "current", "formed")}),
    (
        "Saudi Arabia stopped funding Jaysh al-Islam last year.",
        {("support", "saudi-arabia", JAI, "former", "broken")},
    ),
    ("Turkey halted its support for the Free Syrian Army.", {("support", "turkey", FSA, "former", "broken")}),
    ("Mali turned to Russia for military backing.", {("support", "russia", "mali", "current", "formed")}),
    ("The Houthis turned to Iran for weapons.", {("support", "iran", "houthis", "current", "formed")}),
    ("Niger turned to the Wagner Group for help.", {("support", "wagner-group", "niger", "current", "formed")}),
    (
        "Hezbollah entered the war to support the Syrian government.",
        {("support", "hezbollah", "syria", "current", "formed")},
    ),
    ("Iran joined the fight to back the Houthis.", {("support", "iran", "houthis", "current", "formed")}),
    (
        "In March Rwanda deployed 2,000 soldiers to Mozambique to support the government against the insurgents.",
        {("support", "rwanda", "mozambique", "current", "formed")},
    ),
    (
        "Turkey sent hundreds of troops to Libya in 2020 to help the Government of National Accord.",
        {("support", "turkey", "libya", "current", "formed")},
    ),
]

JOINS = [
    (
        "Suqour al-Sham answered the threat by joining Ahrar al-Sham.",
        {("affiliation", "suqour-al-sham", "ahrar-al-sham", "current", "joined")},
    ),
    (
        "Jabhat Ansar al-Din joined Hayat Tahrir al-Sham in 2017.",
        {("affiliation", "ansar-dine", HTS, "current", "joined")},
    ),
    (
        "The Hamza Division has rejoined the Syrian National Army.",
        {("affiliation", "hamza-division", "syrian-national-army", "current", "joined")},
    ),
    (
        "Jaysh al-Izza and Jaysh al-Nasr joined the National Front for Liberation last month.",
        {
            ("affiliation", "jaysh-al-izza", "national-front-for-liberation", "current", "joined"),
            ("affiliation", "jaysh-al-nasr", "national-front-for-liberation", "current", "joined"),
        },
    ),
    (
        "The Abbas Combat Division signed up to the Popular Mobilization Forces in 2014.",
        {("affiliation", "abbas-combat-division", "popular-mobilization-forces", "current", "joined")},
    ),
    (
        "Ansar Dine signed on with al-Qaeda in the Islamic Maghreb in 2017.",
        {("affiliation", "ansar-dine", "aqim", "current", "joined")},
    ),
]

ALLEGIANCE = [
    (
        "Boko Haram pledged allegiance to the Islamic State in March 2015.",
        {("affiliation", "boko-haram", "islamic-state", "current", "joined")},
    ),
    (
        "ISWAP pledged its allegiance to the Islamic State in 2015.",
        {("affiliation", "islamic-state-west-africa", "islamic-state", "current", "joined")},
    ),
    (
        "Abu Sayyaf declared its loyalty to the Islamic State.",
        {("affiliation", "abu-sayyaf", "islamic-state", "current", "joined")},
    ),
    # allegiance to a body's man named as its own ("al-Qaeda's Zawahiri") is allegiance to the body
    (
        "The Mujahideen Shura Council pledged allegiance to al-Qaeda's Ayman al-Zawahiri in 2014.",
        {("affiliation", "mujahideen-shura-council", "al-qaeda", "current", "joined")},
    ),
    (
        "Hurras al-Din renewed its oath to al-Qaeda's Saif al-Adel last year.",
        {("affiliation", "hurras-al-din", "al-qaeda", "current", "joined")},
    ),
    (
        "Nusra leader Abu Mohammad al-Golani renewed his allegiance to al-Qaeda's Ayman al-Zawahiri.",
        {("affiliation", "abu-mohammad-al-golani", "al-qaeda", "current", "joined")},
    ),
]

MERGERS = [
    (
        # "they" in a reported clause: the reporting subject's list; "a new group called X" names X
        "Jabhat Fateh al-Sham and Liwa al-Haq said that they had dissolved themselves into a new group called "
        "Hayat Tahrir al-Sham.",
        {
            ("alliance", "jabhat-fateh-al-sham", "liwa-al-haq", "current", "merged"),
            ("affiliation", "jabhat-fateh-al-sham", HTS, "current", "merged"),
            ("affiliation", "liwa-al-haq", HTS, "current", "merged"),
        },
    ),
    (
        # a transitive merger: what is merged is the object, not the subject that merges it
        "Turkey merged the Hamza Division into the Syrian National Army.",
        {("affiliation", "hamza-division", "syrian-national-army", "current", "merged")},
    ),
    (
        "The generals quarrelled over plans to merge the RSF into the regular army.",
        {("affiliation", "rapid-support-forces", "sudan", "intended", "merged")},
    ),
    (
        "The National Front for Liberation was folded into the Syrian National Army in October.",
        {("affiliation", "national-front-for-liberation", "syrian-national-army", "current", "merged")},
    ),
    (
        "Jaysh al-Izza merged into the National Front for Liberation last year.",
        {("affiliation", "jaysh-al-izza", "national-front-for-liberation", "current", "merged")},
    ),
    (
        "Ahrar al-Sham and Faylaq al-Sham merged with each other to form the Syrian Liberation Front.",
        {
            ("alliance", "ahrar-al-sham", "faylaq-al-sham", "current", "merged"),
            ("affiliation", "ahrar-al-sham", "syrian-liberation-front", "current", "merged"),
            ("affiliation", "faylaq-al-sham", "syrian-liberation-front", "current", "merged"),
        },
    ),
    (
        "Ahrar al-Sham merged with Suqour al-Sham in 2015.",
        {("alliance", "ahrar-al-sham", "suqour-al-sham", "current", "merged")},
    ),
]

MERGER_NOUNS = [
    (
        "The merger includes Liwa al-Haq and Jaysh al-Sunna.",
        {("alliance", "liwa-al-haq", "jaysh-al-sunna", "current", "merged")},
    ),
    ("The MNLA and the HCUA announced their merger on Friday.", {("alliance", "mnla", "hcua", "current", "merged")}),
    (
        "The merger of the MNLA and the HCUA into a single movement was approved.",
        {("alliance", "mnla", "hcua", "current", "merged")},
    ),
    (
        "Ahrar al-Sham's merger with Suqour al-Sham was announced in March.",
        {("alliance", "ahrar-al-sham", "suqour-al-sham", "current", "merged")},
    ),
    (
        "The merger brings together the MNLA, the HCUA and the MAA.",
        {
            ("alliance", "mnla", "hcua", "current", "merged"),
            ("alliance", "mnla", "arab-movement-of-azawad", "current", "merged"),
            ("alliance", "hcua", "arab-movement-of-azawad", "current", "merged"),
        },
    ),
]

NEW_ALLIANCES = [
    (
        "The Houthis joined forces with Ali Abdullah Saleh in 2014.",
        {("alliance", "houthis", "yemen", "current", "formed")},
    ),
    (
        "Jaysh al-Islam and Faylaq al-Rahman formed a new alliance in Eastern Ghouta.",
        {("alliance", JAI, "faylaq-al-rahman", "current", "formed")},
    ),
    (
        "The M23 launched a coalition together with the Twirwaneho militia.",
        {("alliance", "m23", "twirwaneho", "current", "formed")},
    ),
    (
        "Ahrar al-Sham forged an alliance with Jabhat al-Nusra in 2015.",
        {("alliance", "ahrar-al-sham", "jabhat-al-nusra", "current", "formed")},
    ),
    (
        # agreeing to do it is an intention: the alliance is intended
        "Ansar Dine and the MNLA agreed to join forces against the Malian army.",
        {("alliance", "ansar-dine", "mnla", "intended", "formed")},
    ),
    (
        # the body they form is what each of them joins
        "Niger, Burkina Faso and Mali teamed up in 2023 to create the Alliance of Sahel States.",
        {
            ("alliance", "burkina-faso", "mali", "current", "formed"),
            ("alliance", "burkina-faso", "niger", "current", "formed"),
            ("alliance", "mali", "niger", "current", "formed"),
            ("affiliation", "burkina-faso", "alliance-of-sahel-states", "current", "joined"),
            ("affiliation", "mali", "alliance-of-sahel-states", "current", "joined"),
            ("affiliation", "niger", "alliance-of-sahel-states", "current", "joined"),
        },
    ),
]

PACTS = [
    ("Russia and Belarus signed a defence pact on Monday.", {("alliance", "russia", "belarus", "current", "formed")}),
    (
        "Ansar Dine signed an alliance with al-Qaeda in the Islamic Maghreb.",
        {("alliance", "ansar-dine", "aqim", "current", "formed")},
    ),
    (
        "Mali and Burkina Faso concluded a mutual defence pact with Niger.",
        {
            ("alliance", "mali", "burkina-faso", "current", "formed"),
            ("alliance", "mali", "niger", "current", "formed"),
            ("alliance", "burkina-faso", "niger", "current", "formed"),
        },
    ),
    (
        "The Houthis abandoned their pact with Ali Abdullah Saleh.",
        {("alliance", "houthis", "yemen", "former", "broken")},
    ),
]

UNTIL_RECENTLY = [
    (
        "Jaysh al-Izza, which until recently was linked to the Free Syrian Army, announced a new name.",
        {("affiliation", "jaysh-al-izza", FSA, "former", "left")},
    ),
    (
        "The Hamza Division had been allied with Turkey until very recently.",
        {("alliance", "hamza-division", "turkey", "former", "broken")},
    ),
    (
        "Until recently Liwa al-Quds belonged to the National Defence Forces.",
        {("affiliation", "liwa-al-quds", "national-defence-forces", "former", "left")},
    ),
]

# "X, the alliance formed by A and B": A and B ally and join X
ALLIANCES_FORMED_BY = [
    (
        "The Syrian Liberation Front, an alliance created by Ahrar al-Sham and Faylaq al-Sham, held the town.",
        {
            ("alliance", "ahrar-al-sham", "faylaq-al-sham", "current", "formed"),
            ("affiliation", "ahrar-al-sham", "syrian-liberation-front", "current", "joined"),
            ("affiliation", "faylaq-al-sham", "syrian-liberation-front", "current", "joined"),
        },
    ),
    (
        "Hayat Tahrir al-Sham, the alliance founded by Jabhat Fateh al-Sham and Jaysh al-Sunna, took the crossing.",
        {
            ("alliance", "jabhat-fateh-al-sham", "jaysh-al-sunna", "current", "formed"),
            ("affiliation", "jabhat-fateh-al-sham", HTS, "current", "joined"),
            ("affiliation", "jaysh-al-sunna", HTS, "current", "joined"),
        },
    ),
    (
        "The Alliance of Sahel States, a bloc founded by Mali, Niger and Burkina Faso, met in Niamey.",
        {
            ("alliance", "mali", "niger", "current", "formed"),
            ("alliance", "mali", "burkina-faso", "current", "formed"),
            ("alliance", "niger", "burkina-faso", "current", "formed"),
            ("affiliation", "mali", "alliance-of-sahel-states", "current", "joined"),
            ("affiliation", "niger", "alliance-of-sahel-states", "current", "joined"),
            ("affiliation", "burkina-faso", "alliance-of-sahel-states", "current", "joined"),
        },
    ),
]

# "Q, founded by A and B": A and B ally and join Q; Q, what the participle's act is done to, allies with nobody
BODIES_FOUNDED_BY = [
    (
        "The Islamic Front, formed by Ahrar al-Sham and Jaysh al-Islam in 2013, fought ISIS.",
        {
            ("alliance", "ahrar-al-sham", JAI, "current", "formed"),
            ("affiliation", "ahrar-al-sham", "islamic-front", "current", "joined"),
            ("affiliation", JAI, "islamic-front", "current", "joined"),
        },
    ),
    ("The Segunda Marquetalia, founded by Ivan Marquez in 2019, clashed with the ELN.", set()),
    (
        "Jaish al-Fatah, set up by Ahrar al-Sham and the Nusra Front in March, stormed Idlib.",
        {
            ("alliance", "ahrar-al-sham", "jabhat-al-nusra", "current", "formed"),
            ("affiliation", "ahrar-al-sham", "jaysh-al-fatah", "current", "joined"),
            ("affiliation", "jabhat-al-nusra", "jaysh-al-fatah", "current", "joined"),
        },
    ),
]

# "A, B and C, which together form Q": what Q is made of now, no change; a change named as a noun's topic is
# only discussed; a launched operation founds nothing; a joint operations room or command is an alliance formed
STATES_AND_TOPICS = [
    ("The MNDAA, the TNLA and the Arakan Army, which together form the Three Brotherhood Alliance, launched an "
     "offensive.", set()),
    ("Hayat Tahrir al-Sham and Ahrar al-Sham, which make up the bulk of the rebel forces, hold Idlib.", set()),
    ("Ansar Dine and MUJAO, which together form the jihadist camp, control Gao.", set()),
    ("The two generals fell out over folding the RSF into the army.",
     {("affiliation", "rapid-support-forces", "sudan", "intended", "merged")}),
    ("Talks about folding Liwa al-Tawhid into Ahrar al-Sham dragged on.",
     {("affiliation", "liwa-al-tawhid", "ahrar-al-sham", "intended", "merged")}),
    ("The MNDAA, the TNLA and the Arakan Army launched Operation 1027 in October.", set()),
    ("Al-Shabaab and Hizbul Islam launched a joint offensive on Mogadishu in May.", set()),
    ("Ahrar al-Sham and the Nusra Front formed a joint operations room.",
     {("alliance", "ahrar-al-sham", "jabhat-al-nusra", "current", "formed")}),
    ("The MNLA and Ansar Dine set up a joint command in Gao.",
     {("alliance", "mnla", "ansar-dine", "current", "formed")}),
]

# "left X out of the talks", "left its guns behind": what one leaves out or behind is no body one quits, while
# leaving a body stays a departure
LEFT_OUT_OR_BEHIND = [
    ("The junta left the Kachin Independence Army out of the ceasefire talks.", set()),
    ("The government left the Arakan Army out of the peace process.", set()),
    ("In January the army left Rakhine out of a truce it declared in the north.", set()),
    ("The JEM left the Sudan Revolutionary Front in 2012.",
     {("affiliation", "justice-and-equality-movement", "sudan-revolutionary-front", "former", "left")}),
]


@pytest.mark.parametrize(("text", "expected"), LEFT_OUT_OR_BEHIND)
def test_leaving_someone_out_is_no_departure(run, text, expected):
    assert changes(run(text)) == expected


# "part of the alliance with A and B": the noun "part" is no verb of parting; "parted with" is
PART_OF_WITH = [
    ("The Kokang group, part of the Three Brotherhood Alliance with the Ta'ang National Liberation Army (TNLA) and "
     "the Arakan Army (AA), resumed its offensive in June.", set()),
    ("The MNLA, part of a coalition with the High Council for the Unity of Azawad (HCUA) and the Arab Movement of "
     "Azawad (MAA), held Kidal.", set()),
    ("Jund al-Aqsa parted with the Nusra Front in 2014.",
     {("affiliation", "jund-al-aqsa", "jabhat-al-nusra", "former", "left")}),
]


@pytest.mark.parametrize(("text", "expected"), PART_OF_WITH)
def test_the_noun_part_is_no_parting(run, text, expected):
    assert changes(run(text)) == expected


# "broke off its alliance with them": a plural pronoun stands for a group its own sentence named before it by a plural
# name; ending the alliance is no hostility between the two
GPC, HOUTHIS = "general-peoples-congress", "houthis"
PLURAL_PRONOUN_PARTNER = [
    ("The Houthis shot Saleh two days after his General People's Congress broke off its alliance with them.",
     {("alliance", GPC, HOUTHIS, "former", "broken")}),
    ("The Houthis claimed the General People's Congress had broken its pact with them.",
     {("alliance", GPC, HOUTHIS, "former", "broken")}),
    ("The Islamic Courts said Hizbul Islam had broken off its alliance with them.",
     {("alliance", "hizbul-islam", "islamic-courts", "former", "broken")}),
]


@pytest.mark.parametrize(("text", "expected"), PLURAL_PRONOUN_PARTNER)
def test_a_plural_pronoun_partner_is_the_group_named_before_it_by_a_plural_name(run, text, expected):
    doc = run(text)
    assert changes(doc) == expected
    assert not any(r.type == "hostility" for r in doc.relations)


# "joined forces with Kabila's movement": a person's movement, faction or party is a body, not the man
PERSONS_BODY = [
    ("Mai-Mai militias in Kivu threw in their lot with Kabila's movement.", "Kabila"),
    ("The JEM joined forces with Minnawi's faction last year.", "Minnawi"),
    ("The Kamajors joined forces with Hinga Norman's movement in 1997.", "Norman"),
    # the man's name first tagged as an organisation's, then as a person's
    ("Fighters of Laurent-Desire Kabila's rebel alliance took Kisangani. Kabila proclaimed himself president on "
     "Saturday. Mai-Mai militias threw in their lot with Kabila's movement.", "Kabila"),
]


@pytest.mark.parametrize(("text", "man"), PERSONS_BODY)
def test_a_persons_movement_is_no_partner_given_to_the_person(run, text, man):
    rows = [r for r in run(text).relations if r.change is not None]
    assert not any(m is not None and m.text.endswith(man) for r in rows for m in (r.source_mention, r.target_mention))


# "X's faction of the opposition, known as Q, merged into P": Q, named after the "of" phrase, is the faction
NAMED_AFTER_THE_OF_PHRASE = [
    ("Aweys's faction of the opposition, known as Hizbul Islam, merged into al-Shabaab.",
     {("affiliation", "hizbul-islam", "al-shabaab", "current", "merged")}),
    ("Belmokhtar's branch of the jihadists, known as al-Mourabitoun, merged into JNIM in 2017.",
     {("affiliation", "al-mourabitoun", "jnim", "current", "merged")}),
    ("Ag Ghaly's branch of the Tuareg rebels, known as Ansar Dine, merged into JNIM in 2017.",
     {("affiliation", "ansar-dine", "jnim", "current", "merged")}),
]


@pytest.mark.parametrize(("text", "expected"), NAMED_AFTER_THE_OF_PHRASE)
def test_a_name_set_off_after_the_of_phrase_names_the_faction(run, text, expected):
    assert changes(run(text)) == expected


# "Q, an alliance that A and B formed": A and B ally and join Q, whether or not Q's name is known
ALLIANCES_FORMED_IN_A_RELATIVE = [
    (
        "The rising is led by the Iraqi Kurdistan Front, an alliance that the KDP and the PUK formed in 1987.",
        {
            ("alliance", "kurdistan-democratic-party", "patriotic-union-of-kurdistan", "current", "formed"),
            ("affiliation", "kurdistan-democratic-party", "iraqi-kurdistan-front", "current", "joined"),
            ("affiliation", "patriotic-union-of-kurdistan", "iraqi-kurdistan-front", "current", "joined"),
        },
    ),
    (
        "Jaysh al-Fatah, a coalition that Ahrar al-Sham and the Nusra Front set up in March, took Idlib.",
        {
            ("alliance", "ahrar-al-sham", "jabhat-al-nusra", "current", "formed"),
            ("affiliation", "ahrar-al-sham", "jaysh-al-fatah", "current", "joined"),
            ("affiliation", "jabhat-al-nusra", "jaysh-al-fatah", "current", "joined"),
        },
    ),
    (
        "Hayat Tahrir al-Sham, an alliance that Jabhat Fateh al-Sham and Nour al-Din al-Zenki formed in 2017, holds "
        "Idlib.",
        {
            ("alliance", "jabhat-fateh-al-sham", "nour-al-din-al-zenki", "current", "formed"),
            ("affiliation", "jabhat-fateh-al-sham", HTS, "current", "joined"),
            ("affiliation", "nour-al-din-al-zenki", HTS, "current", "joined"),
        },
    ),
]

# attacking an actor the same sentence calls a former ally: the alliance broke
ATTACKS_ON_FORMER_ALLIES = [
    (
        "Hayat Tahrir al-Sham fighters stormed the positions of Ahrar al-Sham, their former ally, near Idlib.",
        {("alliance", HTS, "ahrar-al-sham", "former", "broken")},
    ),
    (
        "The Houthis, once allied with Ali Abdullah Saleh, attacked his forces in Sanaa.",
        {("alliance", "houthis", "yemen", "former", "broken")},
    ),
    (
        "Jaysh al-Islam fighters raided the bases of Faylaq al-Rahman, its erstwhile ally, in Douma.",
        {("alliance", JAI, "faylaq-al-rahman", "former", "broken")},
    ),
]

PLURALS = [
    (
        "Mali, Burkina Faso and Niger quit ECOWAS. The three countries then formed the Alliance of Sahel States.",
        {
            ("affiliation", "mali", "ecowas", "former", "left"),
            ("affiliation", "burkina-faso", "ecowas", "former", "left"),
            ("affiliation", "niger", "ecowas", "former", "left"),
            ("alliance", "mali", "burkina-faso", "current", "formed"),
            ("alliance", "mali", "niger", "current", "formed"),
            ("alliance", "burkina-faso", "niger", "current", "formed"),
            ("affiliation", "mali", "alliance-of-sahel-states", "current", "joined"),
            ("affiliation", "burkina-faso", "alliance-of-sahel-states", "current", "joined"),
            ("affiliation", "niger", "alliance-of-sahel-states", "current", "joined"),
        },
    ),
    (
        "Ahrar al-Sham and Suqour al-Sham met in Idlib. They announced their merger on Sunday.",
        {("alliance", "ahrar-al-sham", "suqour-al-sham", "current", "merged")},
    ),
    (
        "Boko Haram and ISWAP fought for years. Both groups later merged into the Islamic State.",
        {
            ("alliance", "boko-haram", "islamic-state-west-africa", "current", "merged"),
            ("affiliation", "boko-haram", "islamic-state", "current", "merged"),
            ("affiliation", "islamic-state-west-africa", "islamic-state", "current", "merged"),
        },
    ),
]


def _normalise(rows: set[Row]) -> set[tuple[str, frozenset[str] | tuple[str, str], str, str]]:
    """Alliance rows compared without direction (the tie is symmetric)."""
    return {
        (t, frozenset((s, o)) if t == "alliance" else (s, o), st, ch)  # type: ignore[misc]
        for t, s, o, st, ch in rows
    }


# a counted part of a listed antecedent ("the last two of which") is those items; an uncounted part is no one
PARTITIVE_RELATIVES = [
    (
        "The new front included Ahrar al-Sham, Jaysh al-Islam and Liwa al-Tawhid, the last two of which quit the "
        "Free Syrian Army in 2013.",
        {("affiliation", JAI, FSA, "former", "left"), ("affiliation", "liwa-al-tawhid", FSA, "former", "left")},
    ),
    (
        "The Jaysh al-Fatah coalition gathered Nusra, Ahrar al-Sham and Faylaq al-Sham, the first of which broke with "
        "al-Qaeda in 2016.",
        {("affiliation", "jabhat-al-nusra", "al-qaeda", "former", "left")},
    ),
    (
        "The Islamic Front unites Ahrar al-Sham, Suqour al-Sham and Liwa al-Tawhid, two of which broke with the "
        "Supreme Military Council.",
        set(),
    ),
]

# the noun of the tie that ended says its type, wherever the parser hangs the "with" phrase
ALLIANCES_BROKEN = [
    (
        "The Anbar Salvation Council has broken its alliance of convenience with al-Qaeda.",
        {("alliance", "anbar-salvation-council", "al-qaeda", "former", "broken")},
    ),
    (
        "Ahrar al-Sham broke its alliance of convenience with Jabhat al-Nusra in 2017.",
        {("alliance", "ahrar-al-sham", "jabhat-al-nusra", "former", "broken")},
    ),
    (
        "The MNLA scrapped its partnership of necessity with Ansar Dine in June 2012.",
        {("alliance", "mnla", "ansar-dine", "former", "broken")},
    ),
]

CASES = [
    *ALLIANCES_BROKEN,
    *PARTITIVE_RELATIVES,
    *DEFECTIONS,
    *DEFECTION_NOUNS,
    *DESERTIONS,
    *SPLITS,
    *WITHDRAWALS,
    *PATRON_WITHDRAWALS,
    *EXPULSIONS,
    *BREAKS,
    *FALLINGS_OUT,
    *FALLINGS_APART,
    *TURNS,
    *RUPTURES,
    *SUPPORT_CHANGES,
    *JOINS,
    *ALLEGIANCE,
    *MERGERS,
    *MERGER_NOUNS,
    *NEW_ALLIANCES,
    *PACTS,
    *UNTIL_RECENTLY,
    *ALLIANCES_FORMED_BY,
    *BODIES_FOUNDED_BY,
    *STATES_AND_TOPICS,
    *ALLIANCES_FORMED_IN_A_RELATIVE,
    *ATTACKS_ON_FORMER_ALLIES,
    *PLURALS,
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[t[:48] for t, _ in CASES])
def test_change_statement_gives_exactly_its_rows(run, text: str, expected: set[Row]) -> None:
    assert _normalise(changes(run(text))) == _normalise(expected)


@pytest.mark.parametrize(
    "text",
    [
        "Some of Ahrar al-Sham's fighters defected to Hayat Tahrir al-Sham.",
        "Dozens of Boko Haram commanders defected to the Islamic State West Africa Province.",
        "Several members of Jaysh al-Islam joined the Islamic State last year.",
    ],
)
def test_part_of_a_group_moving_does_not_move_the_group(run, text: str) -> None:
    assert changes(run(text)) == set()


@pytest.mark.parametrize(
    "text",
    [
        "Uganda's contingent was folded into AMISOM in 2007.",
        "Kenya's contingent was later absorbed into AMISOM.",
        "Ethiopia's detachment was integrated into AMISOM in 2014.",
    ],
)
def test_a_states_contingent_folded_into_a_mission_does_not_fold_the_state(run, text: str) -> None:
    assert changes(run(text)) == set()


@pytest.mark.parametrize(
    "text",
    [
        "Jabhat al-Nusra denied joining the Islamic State.",
        "Jaysh al-Islam did not defect to Hayat Tahrir al-Sham, its spokesman said.",
        "Ahrar al-Sham has never split from Jabhat al-Nusra.",
    ],
)
def test_negated_or_denied_change_gives_no_row(run, text: str) -> None:
    assert changes(run(text)) == set()


@pytest.mark.parametrize(
    "text",
    [
        # a state joining another state in an operation is no membership
        "American units are to join Jordan in a naval exercise next month.",
        "French warships joined Egypt for joint drills in the Red Sea.",
        "Russian troops joined Syria in the offensive on Palmyra.",
        # whoever demands a change is not the one who makes it
        "South Korea has rejected the North's demand to sever its alliance with Washington.",
        "Iran dismissed Saudi Arabia's call to stop arming the Houthis.",
        # forces leaving a country leave no membership of it
        "The envoys urged Serbia to pull its forces back, and asked for their exit from Bosnia-Herzegovina.",
        "The UN called for the exit of Rwandan troops from Congo.",
        # diplomatic or trade relations between states begin and end without any alliance
        "El Salvador has suspended diplomatic relations with Nicaragua.",
        "Morocco ended its diplomatic relations with Algeria last year.",
        "Qatar cut diplomatic ties with Saudi Arabia in 2017.",
        "Egypt restored diplomatic ties with Iran.",
        # what someone fears or believes would happen changes nothing yet
        "Separatists in Tiraspol feared that Moldova would merge with Romania.",
        "Kabul worried that the Haqqani network would join the Islamic State.",
        "Western diplomats believe that Jaish al-Islam could join Ahrar al-Sham.",
    ],
)
def test_look_alike_that_changes_no_tie_gives_no_row(run, text: str) -> None:
    assert changes(run(text)) == set()


def test_change_under_a_dismissed_report_is_disputed(run) -> None:
    doc = run("Jaysh al-Islam dismissed reports that Jaysh al-Izza had joined Hayat Tahrir al-Sham.")
    assert changes(doc) == {("affiliation", "jaysh-al-izza", HTS, "current", "joined")}
    assert certainty_of(doc) == {"disputed"}


def test_hedged_defection_keeps_the_hedge(run) -> None:
    doc = run("Ahrar al-Sham reportedly defected to Hayat Tahrir al-Sham.")
    assert changes(doc) == {("affiliation", "ahrar-al-sham", HTS, "current", "joined")}
    assert certainty_of(doc) == {"hedged"}


def test_possible_future_join_is_intended_and_speculative(run) -> None:
    doc = run("Jaysh al-Islam may join the National Front for Liberation.")
    assert changes(doc) == {("affiliation", JAI, "national-front-for-liberation", "intended", "joined")}
    assert certainty_of(doc) == {"speculative"}


def test_own_announcement_of_a_move_is_asserted_not_reported(run) -> None:
    doc = run("Faylaq al-Sham declared its defection from Jabhat al-Nusra in the spring.")
    assert certainty_of(doc) == {"asserted"}


def test_a_former_alliance_without_an_attack_is_no_change(run) -> None:
    doc = run("Jaysh al-Islam used to be allied with Faylaq al-Rahman.")
    assert changes(doc) == set()
    assert [(r.type, r.status) for r in doc.relations] == [("alliance", "former")]


def test_a_long_standing_tie_stated_plainly_is_no_change(run) -> None:
    doc = run("Hezbollah, a long-standing ally of the Syrian government, fought in Qusayr.")
    assert changes(doc) == set()


def test_change_row_replaces_the_same_tie_read_without_its_change(run) -> None:
    doc = run("Jabhat Ansar al-Din joined Hayat Tahrir al-Sham in 2017.")
    same = [r for r in doc.relations if (r.type, r.source, r.target) == ("affiliation", "ansar-dine", HTS)]
    assert [(r.status, r.change) for r in same] == [("current", "joined")]


@pytest.mark.parametrize(
    ("text", "mover", "listed", "destination"),
    [
        ("The Coordination of Azawad Movements, made up of the MNLA, the HCUA and the MAA, joined the Permanent "
         "Strategic Framework in 2021.", "coordination-of-azawad-movements", ["mnla", "hcua"], "csp-psd"),
        ("The Syrian National Army, which includes the Hamza Division and the Sultan Murad Division, joined the "
         "Turkish-backed coalition in 2019.", "syrian-national-army", ["hamza-division", "sultan-murad-division"],
         None),
        ("The Three Brotherhood Alliance, which comprises the TNLA and the Arakan Army, teamed up with the "
         "People's Defence Force in 2023.", "three-brotherhood-alliance", ["arakan-army", "tnla"],
         "peoples-defence-force-myanmar"),
    ],
)
def test_the_members_a_describing_clause_lists_do_not_move_with_the_group(run, text, mover, listed, destination):
    rows = changes(run(text))
    movers = {src for _, src, tgt, _, _ in rows if tgt == destination or destination is None}
    assert not movers & set(listed), rows
    assert destination is None or mover in {src for _, src, tgt, _, _ in rows if tgt == destination} | {
        tgt for _, src, tgt, _, _ in rows if src == destination}


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("In Somalia, clan militias known as Ma'awisley have joined the army in an offensive against al-Shabaab.",
         ("macawisley", "somalia")),
        ("Chadian troops joined French forces in the battle for northern Mali.", ("chad", "france")),
        ("Hezbollah fighters joined the Syrian army in the assault on Qusayr.", ("hezbollah", "syria")),
    ],
)
def test_joining_a_side_in_an_act_of_war_is_an_alliance_not_membership(run, text, pair):
    doc = run(text)
    got = {(r.type, frozenset((r.source, r.target))) for r in doc.relations}
    assert ("alliance", frozenset(pair)) in got
    assert ("affiliation", frozenset(pair)) not in got


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Chadian troops joined French forces in the battle for northern Mali.", "mali"),
        ("Houthi fighters clashed with Saleh's men in the fight for control of Sanaa in Yemen.", "yemen"),
        ("Kurdish fighters fought the Islamic State in the battle for Kobani in Syria.", "syria"),
    ],
)
def test_the_place_a_battle_is_for_is_no_side(run, text, place):
    doc = run(text)
    assert not any(r.type == "hostility" and place in (r.source, r.target) for r in doc.relations)


@pytest.mark.parametrize(
    ("text", "patron", "accuser", "client"),
    [
        ("Armenia accused Turkey of sending advisers and jets to help Azerbaijan.", "turkey", "armenia", "azerbaijan"),
        ("Baghdad blamed Tehran for dispatching fighters to defend the Syrian government.", "iran", "iraq", "syria"),
        ("Kyiv accused Minsk of deploying troops to support Russia.", "belarus", "ukraine", "russia"),
    ],
)
def test_the_one_accused_of_sending_troops_is_the_patron_not_the_accuser(run, text, patron, accuser, client):
    rows = {(r.source, r.target) for r in run(text).relations if r.type == "support"}
    assert (patron, client) in rows and (accuser, client) not in rows


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("Fano militiamen once fought on the side of the Ethiopian army in Tigray. But fighting broke out "
         "between Fano and the army in 2023.", ("fano", "ethiopia")),
        ("The SDF was once allied with the Syrian army. In 2016 SDF fighters attacked army checkpoints in Hasakah.",
         ("syrian-democratic-forces", "syria")),
        ("Wagner fighters used to be allied with the Russian army. In June Wagner fighters shot down Russian "
         "helicopters.", ("wagner-group", "russia")),
    ],
)
def test_a_former_alliance_told_right_before_an_attack_between_the_pair_is_broken(run, text, pair):
    assert ("alliance", *pair, "former", "broken") in changes(run(text))


def test_a_former_alliance_far_from_an_attack_is_no_break(run):
    doc = run("The SDF was once allied with the Syrian army. Russia said on Monday it would send aid. "
              "The SDF attacked army checkpoints in Hasakah.")
    assert not [r for r in doc.relations if r.change == "broken"]


@pytest.mark.parametrize(
    ("text", "row"),
    [
        ("Under the deal, Russia is to pull its soldiers out of Syria.",
         ("support", "russia", "syria", "intended", "broken")),
        ("Turkey is to begin arming the Free Syrian Army.", ("support", "turkey", FSA, "intended", "formed")),
        ("Iran is to stop funding Hamas under the accord.", ("support", "iran", "hamas", "intended", "broken")),
    ],
)
def test_a_change_a_party_is_to_make_is_intended(run, text, row):
    doc = run(text)
    assert changes(doc) == {row}
    assert certainty_of(doc) == {"hypothetical"}


@pytest.mark.parametrize(
    "text",
    [
        "Ties between Eritrea and Ethiopia have deteriorated since the peace deal.",
        "Relations between Kigali and Kinshasa soured over the border incident.",
        "The relationship between Algeria and Mali has worsened since the drone strike.",
    ],
)
def test_relations_that_only_grow_worse_break_no_alliance(run, text):
    assert changes(run(text)) == set()


@pytest.mark.parametrize(
    "text",
    [
        "Chadian troops, sent to Niger under a defence pact with Niamey, abandoned two outposts.",
        "Fighters who had come under an alliance with the Houthis left the front line in June.",
        "Kenyan units, deployed under an accord and a pact with Mogadishu, quit the base at Kolbio.",
    ],
)
def test_a_pact_named_deeper_in_the_clause_is_not_what_is_abandoned(run, text):
    assert not any(r.change == "broken" for r in run(text).relations)


@pytest.mark.parametrize(
    "text",
    [
        "\"The government abandoned us,\" a spokesman for the Joint Forces said.",
        "Residents said the Malian army had forsaken them when the jihadists came.",
        "Refugees accused the Somali government of abandoning them to al-Shabaab.",
    ],
)
def test_deserting_people_leaves_no_membership(run, text):
    assert not any(r.change == "left" for r in run(text).relations)


@pytest.mark.parametrize(
    ("text", "member", "puller", "body"),
    [
        ("Deby threatened to pull Chad out of the Multinational Joint Task Force.", "chad", "deby", "mnjtf"),
        ("The junta pulled Mali out of the G5 Sahel in 2022.", "mali", None, "g5-sahel"),
        ("Tiani's government pulled Niger out of the G5 Sahel last year.", "niger", None, "g5-sahel"),
    ],
)
def test_who_is_pulled_out_of_a_body_is_the_one_who_leaves(run, text, member, puller, body):
    rows = {(r.type, r.source, r.target) for r in run(text).relations if r.change == "left"}
    assert ("affiliation", member, body) in rows
    assert not any(src == puller for _, src, _ in rows)


@pytest.mark.parametrize(
    ("text", "group"),
    [
        ("Abu Aqla Kayka, an RSF commander in Gezira, defected to the army with his men.", "rapid-support-forces"),
        ("Mahmoud Salem, a Fano commander in Gojjam, went over to the federal army last month.", "fano"),
        ("Ibrahim Musa, an M23 officer, switched sides to the Congolese army in May.", "m23"),
    ],
)
def test_one_of_a_groups_commanders_defecting_is_not_the_group_leaving(run, text, group):
    rows = {(r.type, r.source, r.change) for r in run(text).relations}
    assert not any(src == group and change in ("joined", "left") for _, src, change in rows)


@pytest.mark.parametrize(
    "text",
    [
        "Al-Shabaab, which is fighting the federal government, has hunted down the defectors ever since.",
        "The Houthis executed three defectors accused of spying for the Saudi-led coalition.",
        "Boko Haram publicly beheaded the defectors it captured from the army.",
    ],
)
def test_who_acts_on_defectors_is_not_one_of_them(run, text):
    assert not any(r.change in ("left", "joined") for r in run(text).relations)


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("Riek Machar broke with Salva Kiir in December 2013, and fighting spread to Bor.",
         {"riek-machar", "salva-kiir"}),
        ("Ali Mahdi Mohamed fell out with Mohamed Farrah Aidid in 1991, and their militias fought for Mogadishu.",
         {"ali-mahdi-mohamed", "mohamed-farrah-aidid"}),
        ("In 2003 Charles Taylor broke with Sam Bockarie, his former ally.", {"charles-taylor", "sam-bockarie"}),
    ],
)
def test_two_leaders_breaking_with_each_other_end_an_alliance_not_a_membership(run, text, pair):
    rows = {(r.type, r.change) for r in run(text).relations if {r.source, r.target} == pair}
    assert rows == {("alliance", "broken")}


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("JNIM was formed in 2017 when Ansar Dine, the Macina Liberation Front and al-Mourabitoun merged under "
         "Tuareg leader Iyad Ag Ghaly.", {"ansar-dine", "al-mourabitoun"}),
        ("Ahrar al-Sham and Suqour al-Sham merged under the leadership of Hassan Soufan in 2017.",
         {"ahrar-al-sham", "suqour-al-sham"}),
        ("In 2025 Twirwaneho and the M23 merged under rebel leader Corneille Nangaa.", {"twirwaneho", "m23"}),
    ],
)
def test_groups_merging_under_a_leader_merge_with_each_other_not_into_him(run, text, pair):
    doc = run(text)
    assert {(r.type, r.change) for r in doc.relations if {r.source, r.target} == pair} == {("alliance", "merged")}
    assert not any(r.type == "affiliation" for r in doc.relations)


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("Hizbul Islam merged into al-Shabaab in December 2010, ending a year of fighting between the two groups.",
         {"hizbul-islam", "al-shabaab"}),
        ("Jund al-Aqsa merged into Hayat Tahrir al-Sham in early 2017.", {"jund-al-aqsa", "hayat-tahrir-al-sham"}),
        ("The Zenki movement joined Hayat Tahrir al-Sham in January 2017.",
         {"nour-al-din-al-zenki", "hayat-tahrir-al-sham"}),
    ],
)
def test_a_group_entering_another_is_its_member_not_also_its_ally(run, text, pair):
    rows = {(r.type, r.change) for r in run(text).relations if {r.source, r.target} == pair}
    assert {t for t, _ in rows} == {"affiliation"}


@pytest.mark.parametrize(
    ("text", "founders", "body"),
    [
        ("Nusra, Ahrar al-Sham and Jund al-Aqsa set up Jaish al-Fatah in March.",
         {"jabhat-al-nusra", "ahrar-al-sham", "jund-al-aqsa"}, "jaysh-al-fatah"),
        ("Jaish al-Fatah was formed in March by Nusra, Ahrar al-Sham and Jund al-Aqsa.",
         {"jabhat-al-nusra", "ahrar-al-sham", "jund-al-aqsa"}, "jaysh-al-fatah"),
        ("Jaish al-Fatah was set up by Ahrar al-Sham, Faylaq al-Sham and several smaller brigades.",
         {"ahrar-al-sham", "faylaq-al-sham"}, "jaysh-al-fatah"),
    ],
)
def test_groups_that_found_a_named_body_together_are_its_members_and_allies(run, text, founders, body):
    rows = {(r.type, r.source, r.target, r.change) for r in run(text).relations}
    assert {("affiliation", f, body, "joined") for f in founders} <= rows
    assert all(t != "affiliation" or tgt == body for t, _, tgt, _ in rows)


@pytest.mark.parametrize(
    "text",
    ["Al-Qaeda set up Jabhat al-Nusra in 2012.", "Iran and Syria created Hezbollah in 1982."],
)
def test_a_lone_founder_or_founding_states_are_no_members_of_the_body(run, text):
    assert not any(r.type == "affiliation" for r in run(text).relations)


@pytest.mark.parametrize(
    ("text", "pairs"),
    [
        ("The military rulers of Niger, Mali and Burkina Faso have signed a mutual defence pact.",
         {frozenset(("niger", "mali")), frozenset(("niger", "burkina-faso")), frozenset(("mali", "burkina-faso"))}),
        ("The governments of Chad and Sudan signed a security pact in 2010.", {frozenset(("chad", "sudan"))}),
        ("The new rulers of Chad and Niger signed a security pact in 2024.", {frozenset(("chad", "niger"))}),
    ],
)
def test_the_rulers_or_governments_of_states_that_sign_a_pact_stand_for_them(run, text, pairs):
    rels = run(text).relations
    got = {frozenset((r.source, r.target)) for r in rels if r.type == "alliance" and r.change == "formed"}
    assert pairs <= got


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("The Zintan brigades have cast their lot with the Libyan National Army.",
         {"zintan-brigades", "libyan-national-army"}),
        ("In 2015 the Qaqa brigade threw in its lot with Haftar's LNA.", {"qaqa", "libyan-national-army"}),
        ("In January 2017 the Zenki movement cast its lot with Jabhat Fateh al-Sham.",
         {"nour-al-din-al-zenki", "jabhat-fateh-al-sham"}),
    ],
)
def test_casting_ones_lot_with_a_side_forms_an_alliance(run, text, pair):
    rows = {(r.type, r.change) for r in run(text).relations if {r.source, r.target} == pair}
    assert rows == {("alliance", "formed")}


def test_a_list_that_together_forms_a_body_is_its_membership_now(run) -> None:
    doc = run("The MNDAA, the TNLA and the Arakan Army, which together form the Three Brotherhood Alliance, launched "
              "an offensive.")
    rows = {r.source for r in doc.relations if r.type == "affiliation" and r.target == "three-brotherhood-alliance"}
    assert rows == {"mndaa", "tnla", "arakan-army"}
    assert changes(doc) == set()


@pytest.mark.parametrize(
    ("text", "body", "founders"),
    [
        ("The Syrian National Army was formed in 2017 by some thirty factions, including the Hamza Division and the "
         "Sultan Murad Division.", "syrian-national-army", {"hamza-division", "sultan-murad-division"}),
        ("JNIM was founded in 2017 by four groups, among them Ansar Dine and al-Mourabitoun.", "jnim",
         {"ansar-dine", "al-mourabitoun"}),
        ("The Islamic Front was founded in November by seven factions, among them Ahrar al-Sham and Jaysh al-Islam.",
         "islamic-front", {"ahrar-al-sham", "jaysh-al-islam"}),
    ],
)
def test_founders_listed_after_including_or_among_them_join_the_body(run, text, body, founders):
    rows = changes(run(text))
    assert {s for t, s, o, _, ch in rows if t == "affiliation" and o == body and ch == "joined"} == founders
