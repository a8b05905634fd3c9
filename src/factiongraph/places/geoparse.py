"""Toponym detection and resolution: `geoparse` fills `Document.places`, `locate` picks an event's place.

Detection scans capitalized token sequences of the raw text against the gazetteer
(longest match first), so it works without a parse; with a spaCy parse
(`doc.parsed`) the named entities and part-of-speech tags add evidence and vetoes
(persons, common words, metonymic subjects such as "Moscow said").
Demonyms and nationality nouns ("Turkish", "Syrians", the "Turkish" of "Turkish-backed") are
places too, resolved to their country (Gritta et al.'s geoparsing conventions); the actor
stage decides actorhood on its own.
Resolution scores each candidate by its prior (population, feature class) plus the
document's context: its focus country, the countries and admin-1 regions it names,
and a "Town, State" qualifier right after the name.
"""

from __future__ import annotations

import bisect
import dataclasses
import math
import re
from collections import Counter
from typing import Any

from factiongraph.document import Document, Place
from factiongraph.frames.tokens import entities, sentences, tokens
from factiongraph.places.gazetteer import Candidate, Gazetteer
from factiongraph.places.normalize import normalize
from factiongraph.tables import word_set

_TOKEN = re.compile(r"[^\W\d_](?:[\w]|['’‘ʿ](?=[^\W\d_])|\.(?=[^\W\d_]\.?))*\.?")
_POSSESSIVE = ("'s", "’s", "'S", "’S")
_MAX_TOKENS = 6
CONNECTORS = frozenset({
    "of", "de", "la", "le", "du", "des", "del", "da", "do", "dos", "das", "di", "the", "upon", "and",
    "al", "el", "ad", "ar", "as", "ash", "az", "ez", "en", "sur", "am", "im", "on", "y",
})
DIRECTIONS = {
    "north": 2, "south": 2, "east": 2, "west": 2, "northern": 2, "southern": 2, "eastern": 2, "western": 2,
    "central": 2, "northeast": 2, "northwest": 2, "southeast": 2, "southwest": 2, "northeastern": 2,
    "northwestern": 2, "southeastern": 2, "southwestern": 2, "north-east": 2, "north-west": 2,
    "south-east": 2, "south-west": 2, "north-eastern": 2, "north-western": 2, "south-eastern": 2,
    "south-western": 2, "upper": 2, "lower": 2, "greater": 2, "rural": 2, "outer": 2, "inner": 2,
    "downtown": 1, "suburban": 2, "mid": 2,
}
# words after a name that make it a region of that name ("Idlib province")
REGION_WORDS = frozenset({
    "province", "governorate", "state", "region", "district", "county", "countryside", "oblast",
    "prefecture", "territory", "department", "municipality",
})
LOCATIVE = frozenset({
    "in", "at", "near", "from", "to", "into", "outside", "around", "across", "toward", "towards", "via",
    "between", "through", "throughout", "inside", "within", "of", "out", "on", "off", "for", "visited",
    "visit", "entered", "leave", "left", "reach", "reached", "captured", "shelled",
})
TITLES = frozenset({
    "mr", "mrs", "ms", "dr", "sir", "lord", "lady", "president", "minister", "gen", "general", "col",
    "colonel", "capt", "captain", "lt", "sgt", "sen", "senator", "rep", "gov", "governor", "mayor",
    "king", "queen", "prince", "princess", "sheikh", "emir", "pope", "saint", "st", "judge", "justice",
    "prof", "professor", "officer", "chief", "coach", "brother", "sister", "father", "uncle", "aunt",
    "son", "daughter", "wife", "husband", "mother", "hon", "rev", "commander", "lawyer", "spokesman",
})


def _words(block: str) -> list[str]:
    return block.split()


# Capitalized words that are far more often something else than a GeoNames town.
COMMON_WORDS = frozenset(_words("""
a an the of and or but if in on at to for from by with about into over after before under between
this that these those it its he she they we you i his her their our your my me him them us is are
was were be been being have has had do does did will would can could may might must shall should
most more many much some any all each every no not only also just very so such than then there here
when where why how what which who whom whose while during since until because though although one
two three four five six seven eight nine ten first second third last next new old other another
january february march april may june july august september october november december monday tuesday
wednesday thursday friday saturday sunday today tomorrow yesterday mr mrs ms dr president minister
government army police court union party council news times post north south east west northern
southern eastern western central world state city county wall street road square bridge park center
centre hall house church mosque school university college hospital station airport port market camp
village town district province region area border mission victory liberty independence freedom peace
hope unity justice progress union god allah christ jesus lord islam muslim christian jewish kurd
kurds arab arabs said says told asked added according however meanwhile despite later earlier early
late man men woman women people family friends police officers soldiers troops forces fighters
rebels good best great big small little long high low black white red green blue golden silver star
sun moon sky sea ocean river lake mountain mount island beach bay valley hill hills love live life
home land lands gate gates garden gardens view point rock spring springs fall falls date time day
week month year years hour minute second man may june august grace faith joy rose lily iris hazel
ivy olive pearl ruby of most wall bar buy sale sales deal trade cash bank banks ball game games team
club cup league battle war attack attacks strike strikes bomb bombs fire fires
"""))
# Nationality words are no places on their own: the gazetteer's demonym index (the registry's adjectives)
# and the plural nouns, regional and ethnic words of data/demonyms.yaml (see `_nationality_word`).
NATIONALITY_WORDS = word_set("demonyms", "nationality_words")
TERRITORY_VERBS = word_set("cues", "territory_verbs")
GROUND_VERBS = TERRITORY_VERBS | word_set("cues", "bombardment_verbs")


def _nationality_word(key: str, gaz: Gazetteer) -> bool:
    """A demonym or nationality noun ("turkish", "syrians", "europeans"), given its lowercase key."""
    return key in NATIONALITY_WORDS or gaz.demonym(key) is not None
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
WEAK_LABELS = frozenset({"NORP", "ORG", "PRODUCT", "WORK_OF_ART", "EVENT"})


@dataclasses.dataclass(slots=True)
class _Match:
    start: int
    end: int
    key: str
    candidates: list[Candidate]
    precision: int = 1
    region: bool = False  # followed by "province", "state", ...
    qualifier: list[Candidate] | None = None  # "Oxford, N.C." -> candidates of "N.C."
    chosen: Candidate | None = None
    text_name: str | None = None
    weak: bool = False  # kept only where the rest of the document supports its country
    surface: str = ""  # the text of the name
    approximate: bool = False  # placed at its qualifier ("Holliday, Missouri"): the town is unknown
    demonym: bool = False  # "Turkish": its country, and no evidence for the rest of the document
    stray: bool = False  # its only candidate lies abroad, far from everything the report names: left unresolved


def _tokens(text: str) -> list[tuple[int, int, str]]:
    out = []
    for m in _TOKEN.finditer(text):
        s, e = m.start(), m.end()
        tok = m.group()
        if tok.endswith(".") and "." not in tok[:-1] and not (len(tok) <= 5 and tok[0].isupper()):
            e -= 1
            tok = tok[:-1]
        if tok.endswith(_POSSESSIVE):
            e -= 2
            tok = tok[:-2]
        out.append((s, e, tok))
    return out


def _is_cap(tok: str) -> bool:
    return tok[0].isupper()


class _ParseInfo:
    """Entity labels and tags of a spaCy Doc, by character offset."""

    def __init__(self, parsed: Any) -> None:
        self.ents: list[tuple[int, int, str]] = [(e.start_char, e.end_char, e.label_) for e in entities(parsed)]
        self.ent_starts = [e[0] for e in self.ents]
        self.tok_start: dict[int, Any] = {}
        self.parsed = parsed
        self.sent_starts = sorted(s.start_char for s in sentences(parsed)) if parsed.has_annotation("SENT_START") \
            else []
        for t in tokens(parsed):
            self.tok_start[t.idx] = t

    def ent_at(self, start: int, end: int) -> tuple[int, int, str] | None:
        i = bisect.bisect_right(self.ent_starts, start) - 1
        for j in (i, i + 1):
            if 0 <= j < len(self.ents):
                e = self.ents[j]
                if e[0] < end and start < e[1]:
                    return e
        return None

    def token(self, start: int) -> Any:
        return self.tok_start.get(start)


def _haversine(a: Candidate, b: Candidate) -> float:
    p1, p2 = math.radians(a.lat), math.radians(b.lat)
    dp, dl = p2 - p1, math.radians(b.lon - a.lon)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def _detect(text: str, toks: list[tuple[int, int, str]], gaz: Gazetteer, info: _ParseInfo | None) -> list[_Match]:
    """The place names in `text` (`toks`, its `_tokens`): the longest known capitalised sequences."""
    n = len(toks)
    # (`_is_cap` written out in the loops over every token: the call cost more than the test)
    lower_words = {t[2].lower() for t in toks if not t[2][0].isupper()}
    matches: list[_Match] = []
    i = 0
    while i < n:
        s, e, tok = toks[i]
        low = tok.lower()
        direction = DIRECTIONS.get(low)
        article = (low in CONNECTORS and i + 1 < n and text[e:toks[i + 1][0]] == "-"
                   and _is_cap(toks[i + 1][2]))
        if not tok[0].isupper() and direction is None and not article:
            i += 1
            continue
        # longest capitalized sequence that names something
        best_j, best_key = -1, ""
        j = i
        parts = [tok]
        while True:
            if _is_cap(parts[-1]) or parts[-1].isupper():
                key = normalize(" ".join(parts))
                if gaz.has_key(key) or (j == i and gaz.lookup_key(key)):
                    best_j, best_key = j, key
            if j + 1 >= n or j + 1 - i >= _MAX_TOKENS:
                break
            gap = text[toks[j][1]:toks[j + 1][0]]
            nxt = toks[j + 1][2]
            if gap not in (" ", "-") or not (_is_cap(nxt) or nxt.lower() in CONNECTORS):
                break
            j += 1
            parts.append(nxt)
        if best_j <= i and direction is not None and i + 1 < n and text[e:toks[i + 1][0]] in (" ", "-"):
            # "West Aleppo", "eastern Ghouta", "northern Syria": the parent place
            sub = _detect_one(text, toks, i + 1, gaz)
            if sub is not None:
                sj, skey = sub
                m = _Match(s, toks[sj][1], skey, gaz.lookup_key(skey), precision=direction)
                m.text_name = None
                if _accept(m, toks, i, sj, text, gaz, info, lower_words, directional=True):
                    matches.append(m)
                i = sj + 1
                continue
        if best_j < 0:
            found = _unknown_town(text, toks, i, gaz) if _is_cap(tok) else None
            if found is None:
                i += 1
                continue
            matches.extend(found[0])
            i = found[1]
            continue
        m = _Match(s, _name_end(text, toks[best_j], gaz), best_key, gaz.lookup_key(best_key))
        if _accept(m, toks, i, best_j, text, gaz, info, lower_words):
            # "Idlib province", "Oxford, N.C."
            if best_j + 1 < n and toks[best_j + 1][2].lower() in REGION_WORDS \
                    and text[toks[best_j][1]:toks[best_j + 1][0]] == " ":
                m.region = True
            elif best_j + 1 < n and text[toks[best_j][1]:toks[best_j + 1][0]] == ", " \
                    and _is_cap(toks[best_j + 1][2]) and m.candidates[0].feature not in _LARGE \
                    and any(c.is_town for c in m.candidates):
                q = _detect_one(text, toks, best_j + 1, gaz)
                if q is not None:
                    qc = [c for c in gaz.lookup_key(q[1]) if c.feature in ("ADM1", "PCLI")]
                    if qc:
                        m.qualifier = qc
                        matches.append(m)
                        # the qualifier is a place too ("Barrie, Ont."): the state or country that
                        # holds one of the town's candidates, else the likeliest
                        fit = [c for c in qc if any(t.country == c.country and (c.is_country or t.admin1 == c.name)
                                                    for t in m.candidates if t.is_town)]
                        qs = toks[best_j + 1][0]
                        matches.append(_Match(qs, _name_end(text, toks[q[0]], gaz), q[1], fit or qc,
                                              text_name=None))
                        i = q[0] + 1
                        continue
            matches.append(m)
        i = best_j + 1
    return matches


_LARGE = frozenset({"PCLI", "ADM1", "CONT", "RGN"})
# capitalized words that make a following demonym part of another name ("North American",
# "Latin American", "Native American", "American Indian")
_DEMONYM_PREFIXES = frozenset({*(d for d in DIRECTIONS if d.isalpha()), "latin", "native", "anglo", "afro", "pan",
                               "first", "american"})

_SPEAK = frozenset({"speak", "speaks", "spoke", "speaking", "fluent"})


def _demonyms(text: str, toks: list, gaz: Gazetteer, matches: list[_Match]) -> list[_Match]:
    """`matches` with the capitalized demonyms and nationality nouns added ("Turkish", "Syrians",
    "South African", the "Turkish" of "Turkish-backed"), each resolved to its country. A demonym
    within a longer place name ("Russian Federation", "Saudi Arabia") stays part of it; a place name
    within a demonym ("South" of "South African") gives way to it."""
    if not gaz.demonym_tokens:
        return matches
    n = len(toks)
    found: list[_Match] = []
    i = 0
    while i < n:
        if not toks[i][2][0].isupper():
            i += 1
            continue
        hit = None
        for j in range(min(n, i + gaz.demonym_tokens) - 1, i - 1, -1):
            if any(not _is_cap(toks[k][2]) or text[toks[k - 1][1]:toks[k][0]] not in (" ", "-")
                   for k in range(i + 1, j + 1)):
                continue
            c = gaz.demonym(normalize(" ".join(t[2] for t in toks[i:j + 1])))
            if c is not None:
                hit = (j, c)
                break
        if hit is None:
            i += 1
            continue
        j, c = hit
        prev = toks[i - 1] if i > 0 else None
        if prev is not None and _is_cap(prev[2]) and prev[2].lower() in _DEMONYM_PREFIXES \
                and text[prev[1]:toks[i][0]] in (" ", "-"):
            i = j + 1
            continue
        prev_low = prev[2].lower() if prev is not None else ""
        after = text[toks[j][1]:toks[j][1] + 2].strip(" ")
        if prev_low in _SPEAK or (prev_low == "in" and not after[:1].isalpha()):
            i = j + 1  # the language: "speaks French", "shouted in Turkish."
            continue
        found.append(_Match(toks[i][0], toks[j][1], normalize(c.name), [c], demonym=True, chosen=c))
        i = j + 1
    if not found:
        return matches
    keep = [d for d in found if not any(m.start < d.end and d.start < m.end and not (
        d.start <= m.start and m.end <= d.end) for m in matches)]
    out = [m for m in matches if not any(d.start <= m.start and m.end <= d.end for d in keep)]
    return sorted(out + keep, key=lambda m: m.start)


def _unknown_town(text: str, toks: list, i: int, gaz: Gazetteer) -> tuple[list[_Match], int] | None:
    """A town the gazetteer lacks, qualified by its state or province: "in Beaver, West Virginia",
    "WAINWRIGHT, Alta. -". It is placed at the state (precision 3). Returns the matches (town and
    state) and the next token index."""
    n = len(toks)
    j = i
    while j + 1 < n and j - i < 2 and _is_cap(toks[j + 1][2]) and text[toks[j][1]:toks[j + 1][0]] == " ":
        j += 1
    if j + 1 >= n or text[toks[j][1]:toks[j + 1][0]] != ", " or not _is_cap(toks[j + 1][2]):
        return None
    words = [t[2].lower() for t in toks[i:j + 1]]
    if any(w in COMMON_WORDS or _nationality_word(w, gaz) or w in TITLES for w in words):
        return None
    prev = toks[i - 1][2].lower() if i > 0 else ""
    if prev not in LOCATIVE and not _dateline(text, toks[i][0], toks[j][1]):
        return None
    q = _detect_one(text, toks, j + 1, gaz)
    if q is None:
        return None
    qc = [c for c in gaz.lookup_key(q[1]) if c.feature == "ADM1"]
    if not qc:
        return None
    st = qc[0]
    town = Candidate(geonameid=None, name=text[toks[i][0]:toks[j][1]], lat=st.lat, lon=st.lon,
                     country=st.country, admin1=st.name, feature="PPL", population=0)
    m = _Match(toks[i][0], toks[j][1], normalize(town.name), [town], approximate=True)
    qm = _Match(toks[j + 1][0], _name_end(text, toks[q[0]], gaz), q[1], [st])
    return [m, qm], q[0] + 1


def _name_end(text: str, tok: tuple[int, int, str], gaz: Gazetteer) -> int:
    """The end of a name whose last token is `tok`: a final period belongs to abbreviations
    ("Ark.", "B.C.", "U.S.") but not to a name that ends a sentence ("Al-Bab.")."""
    e = tok[1]
    if text[e - 1] == "." and "." not in tok[2][:-1] and tok[2] not in gaz.abbreviation_words:
        return e - 1
    return e


def _detect_one(text: str, toks: list, i: int, gaz: Gazetteer) -> tuple[int, str] | None:
    """The longest capitalized name starting at token i: (last token, key)."""
    n = len(toks)
    if not _is_cap(toks[i][2]):
        return None
    best = None
    parts = [toks[i][2]]
    j = i
    while True:
        if _is_cap(parts[-1]):
            key = normalize(" ".join(parts))
            if gaz.has_key(key) or (j == i and gaz.lookup_key(key)):
                best = (j, key)
        if j + 1 >= n or j + 1 - i >= _MAX_TOKENS:
            break
        nxt = toks[j + 1][2]
        gap = text[toks[j][1]:toks[j + 1][0]]
        if gap not in (" ", "-") or not (_is_cap(nxt) or nxt.lower() in CONNECTORS):
            break
        j += 1
        parts.append(nxt)
    return best


def _sentence_initial(text: str, start: int, info: _ParseInfo | None) -> bool:
    if info is not None and info.sent_starts:
        k = bisect.bisect_left(info.sent_starts, start)
        return k < len(info.sent_starts) and info.sent_starts[k] == start
    k = start - 1
    while k >= 0 and text[k] in " \t\"“‘'(":
        k -= 1
    return k < 0 or text[k] in ".!?\n:;"


def _high_prior(c: Candidate) -> bool:
    return c.feature in ("PCLI", "ADM1", "CONT", "RGN", "PPLC") or c.population >= 100_000


def _accept(m: _Match, toks: list, i: int, j: int, text: str, gaz: Gazetteer, info: _ParseInfo | None,
            lower_words: set[str], directional: bool = False) -> bool:
    if not m.candidates:
        return False
    words = [t[2].lower().rstrip(".") for t in toks[i:j + 1]]
    if directional:
        words = words[1:]
    single = len(words) == 1
    if single and _nationality_word(words[0], gaz):
        return False
    top = m.candidates[0]
    high = _high_prior(top)
    surface = text[toks[i][0] if not directional else toks[i + 1][0]:m.end]
    all_caps = surface.isupper()
    if all_caps and len(surface.replace(".", "")) <= 4 and top.feature not in ("PCLI", "ADM1"):
        return False  # acronyms: ISIS, FSA
    prev = toks[i - 1][2].lower().rstrip(".") if i > 0 else ""
    if prev in TITLES and not directional:
        return False
    if not directional and _dateline(text, m.start, m.end):
        return True  # "TORRINGTON —", "RUSSELLVILLE, Ark. (AP) -"
    # the first capitalized token carries the tags ("al-Bab": "Bab")
    head = i + 1 if directional or (not _is_cap(toks[i][2]) and i + 1 <= j) else i
    common = single and (words[0] in COMMON_WORDS or words[0] in lower_words)
    initial = not directional and _sentence_initial(text, m.start, info)
    locative = prev in LOCATIVE
    label = None
    if info is not None:
        ent = info.ent_at(toks[head][0], m.end)
        if ent is not None:
            label = ent[2]
            exact = ent[0] <= toks[i][0] and ent[1] >= m.end
            if label == "PERSON":
                if top.feature in _LARGE and not _name_part(text, ent, m.start, m.end):
                    label = None  # "Tunisia was ...", "Trump - Wisconsin": a mislabelled country or state
                else:
                    # "Cairns" may be a town or a surname; "stormed Sukhumi", "retook Konna" take a place
                    taken = _taken_ground(info.token(toks[head][0]))
                    if ent[1] - ent[0] > m.end - m.start + 1 or not (high or top.population >= 20_000 or taken):
                        return False
                    m.weak = not taken
                    label = None
            elif label in PLACE_LABELS:
                return high or not common
            elif label in WEAK_LABELS and not exact and not high:
                return False
        tok = info.token(toks[head][0])
        if tok is not None and label is None and tok.pos_ not in ("PROPN", "X") and not high:
            return False
    if common:
        return False
    if not high and initial and not locative:
        return False
    if info is None and not high and not locative:
        # no parse: a following capitalized word makes it part of a longer name ("Jordan Peterson")
        nxt = toks[j + 1] if j + 1 < len(toks) else None
        if nxt is not None and _is_cap(nxt[2]) and text[toks[j][1]:nxt[0]] == " ":
            return False
    # metonymic uses ("Turkey threatened", "Ottawa planned") are toponyms too: the actor stage
    # decides actorhood on its own
    return high or locative or top.population >= 1000 or label is not None or top.feature == "ADM2"


def _taken_ground(tok: Any) -> bool:
    """The name is the object of a verb of taking or bombarding ground ("stormed Sukhumi", "shelled Sanaa"): a
    place."""
    return tok is not None and tok.dep_ == "dobj" and tok.head.lemma_.lower() in GROUND_VERBS


def _name_part(text: str, ent: tuple[int, int, str], start: int, end: int) -> bool:
    """Whether an entity joins the name to another word by a plain space ("Georgia Stevens")."""
    before = ent[0] < start and text[start - 1] == " " and text[start - 2:start - 1].isalpha()
    after = ent[1] > end and text[end:end + 1] == " " and text[end + 1:end + 2].isalpha()
    return before or after


_DATELINE_TAIL = re.compile(r"(?:,[^\n,—–]{1,25}?)?\s*(?:\([A-Za-z ]{1,20}\)\s*)?[—–-]")


def _dateline(text: str, start: int, end: int) -> bool:
    """A place that opens a line and is followed by a dash: a dateline ("TORRINGTON —")."""
    line_start = text.rfind("\n", 0, start) + 1
    if text[line_start:start].strip() and not text.endswith("   ", 0, start):
        return False
    return _DATELINE_TAIL.match(text, end) is not None


def _resolve(matches: list[_Match]) -> Counter[str]:
    # evidence from names that are (nearly) unambiguous
    countries: Counter[str] = Counter()
    admin1: Counter[str] = Counter()
    anchors: list[Candidate] = []
    own: dict[str, Counter[str]] = {}  # what each name contributed: a name is no evidence for itself
    own_a1: dict[str, Counter[str]] = {}
    for m in matches:
        if m.weak or m.demonym:
            continue
        c = m.candidates[0]
        if len(m.candidates) == 1 or (c.prior - m.candidates[1].prior > 2.0 and not any(
                o.is_town and o.population >= 100_000 and o.country != c.country for o in m.candidates[1:5])):
            # a sizable namesake abroad ("London", Ontario) makes a name no evidence of its country
            if c.country:
                countries[c.country] += 1
                own.setdefault(m.key, Counter())[c.country] += 1
            if c.feature == "ADM1" and c.admin1:
                admin1[c.admin1] += 1
                own_a1.setdefault(m.key, Counter())[c.admin1] += 1
            if c.is_town:
                anchors.append(c)
    focus, focus_n = countries.most_common(1)[0] if countries else (None, 0)
    # a document mostly about one country: its sizable towns beat bigger namesakes abroad
    # ("London" in an Ontario paper)
    strong = focus_n >= 3 and focus_n * 2 >= sum(countries.values())

    def score(m: _Match, c: Candidate, near_to: list[Candidate] | None) -> float:
        s = c.prior
        if c.feature == "ADM1":
            if m.region:
                s += 4.0
            elif any(t.is_town and t.country == c.country and (
                    t.feature == "PPLC" or t.population * 3 > c.population) for t in m.candidates):
                s -= 4.0  # "Aleppo" is the city unless "Aleppo province"; not so for a village "Florida"
        elif m.region and c.is_town:
            s -= 1.0
        mine = own.get(m.key)
        support = countries[c.country] - (mine[c.country] if mine else 0) if c.country else 0
        if support > 0:
            s += 2.0
            if c.country == focus:
                s += 1.0
                if strong and c.is_town and c.population >= 10_000:
                    s += 2.5
        if c.admin1 and c.feature != "ADM1":
            mine_a1 = own_a1.get(m.key)
            if admin1[c.admin1] - (mine_a1[c.admin1] if mine_a1 else 0) > 0:
                s += 2.5
        if m.qualifier and _in_any(c, m.qualifier):
            s += 8.0
        if near_to is None:  # first pass: the unambiguous towns of a supported country
            if c.is_town and anchors and c not in anchors and support > 0 \
                    and min(_haversine(c, a) for a in anchors[:20]) < 150:
                s += 1.5
        elif c.is_town and near_to:  # second pass: the towns chosen for the other names
            near = min(_haversine(c, a) for a in near_to)
            s += 2.5 if near < 50 else 1.5 if near < 150 else 0.0
        return s

    chosen: dict[tuple[str, bool], Candidate] = {}
    # qualified mentions first ("LONDON, Ky."): later bare mentions of the name mean the same place
    for m in sorted(matches, key=lambda m: m.qualifier is None):
        if m.demonym:
            continue
        ck = (m.key, m.region)
        if m.qualifier is None and ck in chosen:
            m.chosen = chosen[ck]
            continue
        best = max(m.candidates[:50], key=lambda c: score(m, c, None))
        if m.qualifier and best.is_town and not _in_any(best, m.qualifier):
            # "Holliday, Missouri" where the gazetteer lacks the town: the place lies in the qualifier
            q = m.qualifier[0]
            best = Candidate(geonameid=None, name=m.surface or best.name, lat=q.lat, lon=q.lon,
                             country=q.country, admin1=q.name if q.feature == "ADM1" else None,
                             feature="PPL", population=0)
            m.approximate = True
        m.chosen = best
        if m.qualifier is None or ck not in chosen:
            chosen[ck] = best

    # second pass for ambiguous town names: places near the document's other places
    # ("Edmonton" beside Enfield is the London one)
    towns = {m.key: m.chosen for m in matches
             if m.chosen is not None and m.chosen.is_town and not m.weak and not m.approximate}
    redo: dict[tuple[str, bool], Candidate] = {}
    for m in matches:
        if m.qualifier is not None or m.approximate or m.demonym or sum(c.is_town for c in m.candidates[:10]) < 2:
            continue
        ck = (m.key, m.region)
        if ck not in redo:
            near_to = [c for k, c in towns.items() if k != m.key][:20]
            redo[ck] = max(m.candidates[:10], key=lambda c: score(m, c, near_to)) if near_to else m.chosen \
                or m.candidates[0]
        m.chosen = redo[ck]
    _unplace_strays(matches)
    return countries


STRAY_MIN_KM = 1000.0  # a lone candidate this far from every other place of the report is a namesake abroad
REPORT_COUNTRY_NAMES = 2  # a country the report is about: named by this many different place names
WORLD_CITY = 1_000_000  # cities mentioned in passing anywhere ("talks in Jeddah"): kept


def _unplace_strays(matches: list[_Match]) -> None:
    """Leaves unresolved a name whose only gazetteer candidate lies in a country the report never
    mentions (no other place, region or demonym of it) and far from every place it does name, in a
    report clearly about another country (two or more different place names of it, demonyms aside):
    "the al-Jadida district" of a Mosul report is a quarter of Mosul, not El Jadida in Morocco.
    Capitals and world cities are kept ("talks in Riyadh"), and so are towns near the report's places
    (a border town across the line)."""
    placed = [m for m in matches if m.chosen is not None and m.chosen.country]
    for m in matches:
        c = m.chosen
        if c is None or m.demonym or m.qualifier is not None or m.approximate or len(m.candidates) != 1 \
                or not c.is_town or c.feature == "PPLC" or c.population >= WORLD_CITY:
            continue
        others = [o for o in placed if o.key != m.key]
        if any(o.chosen is not None and o.chosen.country == c.country for o in others):
            continue
        names: dict[str, set[str]] = {}
        for o in others:
            if not o.demonym and o.chosen is not None and o.chosen.country:
                names.setdefault(o.chosen.country, set()).add(o.key)
        if not any(len(keys) >= REPORT_COUNTRY_NAMES for keys in names.values()):
            continue
        if min(_haversine(c, o.chosen) for o in others if o.chosen is not None) >= STRAY_MIN_KM:
            m.chosen, m.stray = None, True


def _in_any(c: Candidate, regions: list[Candidate]) -> bool:
    return any(q.country == c.country and (q.feature == "PCLI" or q.name == c.admin1) for q in regions)


def _precision(m: _Match, c: Candidate) -> int:
    if m.approximate:
        return 3
    if c.feature in ("PCLI", "ADM1", "CONT", "RGN"):
        return 3
    if c.feature == "ADM2" or m.region:
        return max(2, m.precision)
    return m.precision


def geoparse(doc: Document, gazetteer: Gazetteer) -> Document:
    """The document with `places` filled: every toponym found, resolved where the gazetteer knows it."""
    try:
        info = _ParseInfo(doc.parsed) if doc.parsed is not None else None
    except Exception:  # an unusual parse object: fall back to the raw text
        info = None
    text = doc.text
    toks = _tokens(text)  # once for both readers of the text
    matches = _demonyms(text, toks, gazetteer, _detect(text, toks, gazetteer, info))
    for m in matches:
        m.surface = text[m.start:m.end]
    countries = _resolve(matches)
    places: list[Place] = []
    taken: list[tuple[int, int]] = []
    for m in matches:
        c = m.chosen
        if m.stray:  # a place name all the same, but no gazetteer entry fits it
            places.append(Place(start=m.start, end=m.end, text=m.surface, name=m.surface))
            taken.append((m.start, m.end))
            continue
        if c is None or (m.weak and not (c.country and countries[c.country])):
            continue
        places.append(Place(
            start=m.start, end=m.end, text=text[m.start:m.end], name=c.name, geonameid=c.geonameid,
            lat=c.lat, lon=c.lon, country=c.country, admin1=c.admin1, feature=c.feature,
            precision=_precision(m, c),
        ))
        taken.append((m.start, m.end))
    if info is not None:
        # place entities the gazetteer does not know: a place without coordinates
        for s, e, label in info.ents:
            if label not in ("GPE", "LOC"):
                continue
            if any(a < e and s < b for a, b in taken):
                continue
            surface = text[s:e]
            if _nationality_word(normalize(surface), gazetteer) or gazetteer.lookup(surface):
                continue  # a known name left out on purpose (demonym, actor, person)
            places.append(Place(start=s, end=e, text=surface, name=surface))
        places.sort(key=lambda p: p.start)
    return dataclasses.replace(doc, places=tuple(places))


_TOWN_FEATURES = ("PPL", "PPLC", "PPLA", "ADM2")


def locate(doc: Document, start: int, end: int) -> Place | None:
    """The place of an event whose evidence spans [start, end): a town of the sentence, else a
    larger place of it, else the nearest place before it in the same paragraph."""
    inside = [p for p in doc.places if p.start >= start and p.end <= end and p.lat is not None]
    towns = [p for p in inside if p.feature in _TOWN_FEATURES]
    if towns:
        return towns[0]
    if inside:
        return min(inside, key=lambda p: {"ADM1": 0, "RGN": 1, "PCLI": 2}.get(p.feature or "", 3))
    para_start = doc.text.rfind("\n", 0, start) + 1
    before = [p for p in doc.places if para_start <= p.start and p.end <= start and p.lat is not None]
    return before[-1] if before else None
