"""Word lists for generic actor mentions (what a noun says about who acts), kept in one place."""

from __future__ import annotations

from factiongraph.tables import word_set

# Heads that make "<Demonym> <noun>" a mention of that state or group ("Turkish forces",
# "Russian jets", "the Pentagon's plan" is handled by possessives).
STATE_AGENT_NOUNS = frozenset(
    [
        "forces",
        "force",
        "troops",
        "army",
        "military",
        "soldiers",
        "soldier",
        "police",
        "government",
        "regime",
        "junta",
        "authorities",
        "officials",
        "official",
        "jets",
        "warplanes",
        "aircraft",
        "planes",
        "drones",
        "helicopters",
        "navy",
        "marines",
        "artillery",
        "tanks",
        "units",
        "battalion",
        "brigade",
        "commandos",
        "paratroopers",
        "gendarmes",
        "gendarmerie",
        "intelligence",
        "ministry",
        "minister",
        "president",
        "premier",
        "leader",
        "leaders",
        "leadership",
        "delegation",
        "diplomats",
        "negotiators",
        "envoy",
        "embassy",
        "administration",
        "cabinet",
        "parliament",
        "side",
        "protection",
        "plan",
        "support",
        "backing",
        "allies",
        "proxies",
        "airstrikes",
        "strikes",
        "bombers",
        "militia",
        "militias",
        "special",
        "spokesman",
        "spokeswoman",
        "generals",
        "general",
        "commander",
        "commanders",
        "coalition",
        "patrol",
        "patrols",
    ]
)

# Generic armed actors ("rebels", "gunmen"): each kind is one generic actor per document,
# kept apart from named groups.
GENERIC_ARMED = {
    "rebels": ("rebels", "Rebels (unidentified)", "rebel", 2),
    "rebel": ("rebels", "Rebels (unidentified)", "rebel", 2),
    "insurgents": ("insurgents", "Insurgents (unidentified)", "rebel", 2),
    "militants": ("militants", "Militants (unidentified)", "rebel", 2),
    "gunmen": ("gunmen", "Unidentified armed group", "militia", 3),
    "assailants": ("gunmen", "Unidentified armed group", "militia", 3),
    "attackers": ("gunmen", "Unidentified armed group", "militia", 3),
    "guerrillas": ("rebels", "Rebels (unidentified)", "rebel", 2),
    "separatists": ("separatists", "Separatists (unidentified)", "rebel", 2),
    "militiamen": ("militia", "Militia (unidentified)", "militia", 3),
}

# A militia named by a people's adjective ("an Iraqi militia", "Libyan militias") is armed men of that
# people, never the state's own forces, though a militia is an agent noun of descriptions ("a militia, X")
MILITIA_NOUNS = frozenset(["militia", "militias"])
# "opposition forces", "insurgent fighters": a modifier naming a generic armed side, and the force nouns it names
ARMED_MODIFIERS = {"opposition": "rebels", "rebel": "rebels", "insurgent": "insurgents", "militant": "militants"}
FORCE_NOUNS = frozenset(["forces", "fighters", "troops", "units", "groups", "factions"])
# plural nouns for a group's people ("fighters of X", "members of X", "gunmen of X"): the force nouns with the
# nouns of membership and of combatants; the phrase names some of X's men, who are not X itself
GROUP_PEOPLE = FORCE_NOUNS | frozenset("members mercenaries militants men operatives commanders combatants guerrillas "
                                       "rebels militiamen soldiers cadres gunmen officers".split())
# Modifiers that make an army or its soldiers a non-state side's ("a rebel army", "guerrilla soldiers"):
# the armed modifiers above and the adjectives of insurgency in the ACLED actor descriptions.
NON_STATE_MODIFIERS = frozenset([*ARMED_MODIFIERS, "guerrilla", "separatist", "secessionist", "jihadist",
                                 "insurgency", "mutinous", "mutineer", "renegade", "breakaway", "liberation",
                                 "militia"])
# Words in the names of non-state armed movements (the rebel name words of the ACLED and UCDP actor lists:
# "Nicaraguan Democratic Force", "Sudan People's Liberation Army", "Kosovo Liberation Army"): a capitalised one
# between a demonym and a force noun makes the phrase a movement's name, not the state's forces.
MOVEMENT_NAME_WORDS = frozenset([*NON_STATE_MODIFIERS, "democratic", "revolutionary", "resistance", "patriotic",
                                 "salvation", "islamic", "people's", "peoples", "free", "unity", "independence"])

# Victims and bystanders: all resolve to the document's civilians actor.
CIVILIAN_NOUNS = frozenset(
    [
        "civilians",
        "civilian",
        "residents",
        "villagers",
        "population",
        "families",
        "inhabitants",
        "refugees",
        "displaced",
        "worshippers",
        "children",
        "women",
        "pedestrians",
        "passengers",
    ]
)

PROTESTER_NOUNS = frozenset(["protesters", "protestors", "demonstrators", "marchers"])

# The government of the document's focus country, named generically.
GOVERNMENT_HEADS = frozenset(["government", "regime", "junta", "army", "military", "authorities", "troops"])
# Modifiers of "government" that name a body other than the state in power (English usage:
# "shadow cabinet/government", "government in exile", a "parallel"/"rival" administration, the
# "separatist"/"self-proclaimed"/"de facto" authorities of a breakaway region).
NON_INCUMBENT = frozenset(["shadow", "exiled", "exile", "parallel", "rival", "breakaway", "opposition", "rebel",
                           "separatist", "insurgent", "self-proclaimed", "proclaimed", "self-declared", "de-facto",
                           "facto"])
GOVERNMENT_PHRASES = (
    "government forces",
    "government troops",
    "pro-government forces",
    "regime forces",
    "security forces",
    "the government",
    "the regime",
    "the junta",
    "junta forces",
    "the army",
    "the military",
    "the authorities",
    "state forces",
    "government soldiers",
    "army troops",
    "the security forces",
    "government",
    "regime",
    "junta",
)

# Definite descriptions and pronouns that refer back to an actor already named.
GROUP_ANAPHORS = frozenset(["group", "faction", "movement", "organisation", "organization", "militia"])
PRONOUNS_PLURAL = frozenset(["they", "them", "their", "theirs", "themselves"])
PRONOUNS_SINGULAR = frozenset(["it", "its", "itself"])

# Named-entity words that mark media, not actors.
MEDIA_WORDS = frozenset(
    [
        "news",
        "times",
        "post",
        "press",
        "agency",
        "tv",
        "television",
        "radio",
        "herald",
        "tribune",
        "journal",
        "gazette",
        "daily",
        "reuters",
        "afp",
        "ap",
        "bbc",
        "cnn",
        "al-jazeera",
        "aljazeera",
        "observer",
        "guardian",
        "telegraph",
        "newspaper",
        "magazine",
        "channel",
        "network",
        "associated",
    ]
)

# Title words that make a PERSON entity a political or military actor.
TITLE_WORDS = frozenset(
    [
        "president",
        "prime",
        "minister",
        "premier",
        "king",
        "queen",
        "prince",
        "emir",
        "sheikh",
        "general",
        "commander",
        "colonel",
        "chief",
        "leader",
        "spokesman",
        "spokeswoman",
        "ambassador",
        "envoy",
        "secretary",
        "chancellor",
        "governor",
        "mayor",
        "senator",
        "sultan",
        "marshal",
    ]
)

# Words in an unknown organisation's name that suggest its ACLED kind.
KIND_HINTS = (
    (
        (
            "army",
            "front",
            "brigade",
            "brigades",
            "battalion",
            "liberation",
            "movement",
            "jihad",
            "mujahideen",
            "forces",
            "revolutionary",
            "resistance",
            "islamic",
            "state",
            "ansar",
            "jaysh",
            "jaish",
            "harakat",
            "kataib",
            "liwa",
        ),
        "rebel",
        2,
    ),
    (("ministry",), "state", 1),  # "the Defence Ministry": a state body, whatever it is the ministry of
    (("militia", "guard", "defence", "defense", "vigilante", "self-defense", "popular", "mobilization"), "militia", 3),
    (("government", "police", "gendarmerie", "navy", "council"), "state", 1),
    (
        (
            "nations",
            "union",
            "organization",
            "organisation",
            "committee",
            "commission",
            "alliance",
            "nato",
            "bank",
            "fund",
            "cross",
            "crescent",
            "agency",
            "program",
            "programme",
        ),
        "international_org",
        8,
    ),
)

# Plural nouns for groups of people: "<Demonym> <noun>" names a group actor ("Swiss doctors").
GROUP_NOUNS = frozenset(
    """
doctors farmers workers students elders politicians nationals extremists fundamentalists immigrants landowners
prisoners hackers militiamen farmers shepherds students patients judges businessmen officers
guerrillas separatists fighters jihadists jihadis activists people traders
businessmen settlers monks clerics opposition nationalists loyalists tribesmen hardliners radicals islamists
dissidents exiles veterans strikers youths gangs pirates smugglers herders miners teachers journalists
""".split()
)
ARMED_GROUP_NOUNS = frozenset(
    "extremists fundamentalists guerrillas separatists fighters jihadists jihadis islamists radicals".split()
)
PERSON_SUFFIXES = ("ers", "ors", "ists", "ians", "men", "ants", "ents")

# Prepositions after which a country is a place, not an actor ("arrested in Lebanon").
LOCATIVE_PREPS = frozenset("in at near inside outside across throughout from into around within via over".split())

# Words that make an ORG entity a building, site or company rather than an actor.
FACILITY_WORDS = frozenset(
    """
facility facilities plant airport port hospital university school college stadium hotel bank company
corporation
ltd inc mosque church temple museum station reactor mine embassy palace
""".split()
)

# Heads of installations a name can modify: "the al-Dailami air base", "the Tishreen dam" are places.
FACILITY_HEADS = FACILITY_WORDS | frozenset(
    "base airbase airfield dam bridge camp prison jail barracks checkpoint crossing refinery field".split()
)

# Singular forms of GROUP_NOUNS and a few roles ("a Saudi businessman", "an Albanian rebel").
GROUP_NOUNS_SINGULAR = frozenset(
    [w[:-1] for w in GROUP_NOUNS if w.endswith("s")]
    + "businessman tribesman militiaman judge rebel guerrilla militant gunman bomber official".split()
)

# Nouns for places: a country after "<place noun> with/of" is a place ("border region with Turkey").
PLACE_NOUNS = frozenset(
    "region border area town city village province district territory frontier zone outskirts capital hub port".split()
)
# Nouns the small English models tag as adjectives before another noun ("a junta base").
NOUNS_TAGGED_ADJ = frozenset(["junta"])

# Nouns for the line between two countries: the country "with" it is across that line, a place.
BOUNDARY_NOUNS = frozenset("border frontier boundary borderline".split())

# Directional modifiers that make a country name a region ("northern Syria").
DIRECTIONS = frozenset(
    "northern southern eastern western central north south east west northeastern northwestern southeastern "
    "southwestern north-eastern north-western south-eastern south-western".split()
)

# What an attack hits when it hits an armed actor ("rebel positions", "an army checkpoint").
TARGET_NOUNS = frozenset(
    """
position positions checkpoint checkpoints base bases stronghold strongholds headquarters outpost outposts convoy
convoys camp camps barracks airbase depot depots line lines post posts patrol patrols unit units
""".split()
)
REPORT_VERBS = word_set("cues", "report_verbs")  # one list for every stage

# "<Demonym>-<participle>" compounds that name a party to a tie ("Turkish-backed", not "Soviet-made").
TIE_PARTICIPLES = frozenset(
    "led backed funded supported sponsored armed trained allied linked affiliated aligned dominated controlled".split()
)

# Weapons and munitions that NER tags as organisations or people ("VBIED", "UAV", a sentence-opening
# "Missiles struck ..."): the munition types of ACLED's "Explosions/Remote violence" sub-event types.
WEAPON_WORDS = frozenset(
    "vbied ied ieds uav uavs drone drones mortar mortars rocket rockets rpg manpads atgm svbied missile missiles "
    "shell shells bomb bombs grenade grenades airstrike airstrikes warplane warplanes jets".split()
)

# People harmed in an attack (object of the event) who are civilians unless said otherwise.
VICTIM_NOUNS = frozenset(
    """
chief chiefs elder elders teacher teachers imam imams priest priests journalist journalists worker workers
farmer trader traders student doctor doctors nurse nurses pupils villager man men woman child girl boy boys girls
pilgrims fishermen herders miners motorists travellers
""".split()
)
RIOTER_NOUNS = frozenset("rioters mob mobs looters".split())
# Security forces named without an owner: the state's, in the country the document is about.
STATE_FORCE_NOUNS = frozenset("police policemen soldiers troops gendarmes gendarmerie army military".split())
# Verbs of sending (Levin 1993, 11.1 "send verbs", with the military "deploy", "dispatch", "station"):
# "X sent troops to Y": the forces sent are the subject's, not those of the country they go to.
SENDING_VERBS = frozenset("send deploy dispatch station rush commit airlift ship".split())
PRONOUNS_FIRST_PLURAL = frozenset("we our us ourselves".split())
