"""The number of people reported killed in a sentence.

Public API
----------
`find_fatality_spans(text)` -> ``[(start, end, number), ...]``: the fatality phrases the count rests on,
sorted by `start`; ``text[start:end]`` is the whole phrase ("killed at least 12 people",
"44 people were killed", "death toll rose to 50", "no one was killed").

`find_fatalities(text)` -> the reported death count, the largest number among those spans, or None
when the text reports no deaths (and says nothing about their absence).

`fatalities_near(text, anchor, anchors)` -> the count for one of several events told in `text`: each
fatality phrase belongs to the last event trigger before it, else the first after it (offsets in
`anchors`), so "warplanes bombed the market, killing 5, while clashes left 3 soldiers dead" gives 5
to the bombing and 3 to the clashes.

Conventions (after the ACLED codebook: the lowest, most conservative figure)
-------------------------------------------------------------------------
* Ranges take the lower bound: "10 to 15", "10-15", "10 or 15", "between 10 and 15" -> 10.
* Qualifiers keep the figure: "at least 12", "more than 12", "nearly 12", "up to 30" -> 12 / 30
  ("up to 30" gives no lower figure; the one given is kept).
* Vague numbers: "a couple" 2, "a few"/"a handful" 3, "several"/"many"/"numerous" 10 (ACLED codes 10
  for unquantified plural reports), "a dozen"/"dozens" 12, "half a dozen" 6, "scores" 20,
  "hundreds" 100, "thousands" 1000, "tens of thousands" 10000, "hundreds of thousands" 100000,
  "half a million" 500000.
* "a"/"an"/"one" + person ("killed a commander", "a soldier was killed") and a singular subject with
  "was killed" or "he/she was killed", "killed him/her" -> 1.  Unquantified plurals ("killed
  civilians") give no number.
* Several counts in one sentence: counts coordinated under one verb are added ("killed 5 soldiers and
  3 civilians" -> 8); otherwise the largest is taken (tolls are often repeated or updated in the same
  sentence: "killed 12 ... bringing the toll to 15" -> 15).
* Sub-counts ("including 7 children", "7 children were among those killed", "of whom 3 ...") are not
  the total; they are used only when the sentence has no other count.
* Dead and hurt counted together ("40 people were killed or injured", "left 15 dead or wounded",
  "killed and injured") are no death count: the split is unknown, and ACLED's conservative rule
  takes the lowest figure the report supports. Such a phrase gives no number.
* Not fatalities: wounded/injured/arrested/missing/displaced counts, money ("$500 million"), ages
  ("22-year-old"; but "a 22-year-old was killed" -> 1), years ("since 2011"), durations and things
  ("3 days", "8 shots", "5 rockets") and
  people who did something other than die ("2,000 fighters attacked ...", "2,000 fighters killed 3"
  -> 3).
* Zero: "no casualties", "no one/nobody was killed/hurt", "not one soldier died",
  "no civilians were killed", "no deaths",
  "no loss of life", "without casualties" -> 0, unless another phrase gives a count.
  "No (immediate) reports of casualties" is not a zero: it says nothing is known (None).
"""

from __future__ import annotations

import re

__all__ = ["find_fatalities", "find_fatality_spans", "fatalities_near"]

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "a": 1, "an": 1,
}
_VAGUE = {
    "tens of thousands": 10000, "hundreds of thousands": 100000, "half a million": 500000, "dozens": 12,
    "scores": 20, "hundreds": 100, "thousands": 1000, "several": 10, "many": 10, "numerous": 10, "a few": 3,
    "a handful": 3, "half a dozen": 6, "a dozen": 12, "a couple": 2, "tens": 10,
}

_UNIT_WORDS = (
    "zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
    "sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
)
_WORDNUM = (
    rf"(?:(?:{_UNIT_WORDS})|an?(?=\s+(?:hundred|thousand|million)\b))"
    rf"(?:(?:[\s-]+|(?<=hundred)\s+and\s+|(?<=thousand)\s+and\s+)(?:{_UNIT_WORDS}|hundred|thousand|million))*"
    r"(?![\w-])"
)
_DIGITNUM = (
    r"(?<![\w$€£¥.,/])(?<![A-Za-z]-)(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+(?=\s+(?:thousand|million)))?"
    r"(?:\s+(?:thousand|million)\b)?"
    r"(?![\w%]|[.,]\d|\s*%|\s*(?:per\s*cent|percent)\b|[-–]\s*(?:year|month|week|day|hour|minute|km|mile)"
    r"|\s*(?:billion|bn|m|km|kg)\b)"
)
_VAGUE_RE_TEXT = (
    r"(?:tens\s+of\s+thousands|hundreds\s+of\s+thousands|half\s+a\s+million|dozens|scores|hundreds|thousands|several|many|"
    r"numerous|a\s+few|a\s+handful|half\s+a\s+dozen|a\s+dozen|a\s+couple|tens)(?:\s+of)?(?![\w-])"
)
_NUMBER = rf"(?:{_VAGUE_RE_TEXT}|{_DIGITNUM}|{_WORDNUM})"
_QUANT = (
    r"(?:at\s+least|at\s+a\s+minimum|as\s+many\s+as|up\s+to|some|about|around|approximately|nearly|"
    r"almost|more\s+than|over|roughly|an\s+estimated|estimated|a\s+total\s+of|a\s+further|another|"
    r"a\s+reported|only|just|close\s+to|upwards\s+of|in\s+excess\s+of|fewer\s+than|less\s+than)"
)
_NUMEXPR = (
    rf"(?:{_QUANT}\s+)?(?:between\s+{_NUMBER}\s+and\s+{_NUMBER}|{_NUMBER}(?:\s*(?:-|–|to|or)\s*{_NUMBER})?"
    rf"|an?(?=\s+(?!(?:number|lot|total|further|series|large|string|range|wave|host|slew|few|couple|"
    rf"handful|dozen|reported|hundred|thousand|million)\b)(?:[a-z]|\d+-year-old)))"
)
_AUX = (
    r"(?:were|was|are|is|be|been|being|have|has|had|reportedly|also|all|later|allegedly|now|confirmed|"
    r"believed|feared|thought|said|reported|known|to|subsequently|eventually|already|apparently|presumed|"
    r"among\s+(?:those|the)|among|either|both|each|initially|possibly|probably|likely|since)"
)
_STOP = (
    r"(?:and|or|but|nor|who|whom|whose|which|that|while|when|where|after|before|since|than|as|in|on|at|"
    r"near|during|by|from|with|without|into|onto|to|for|across|around|amid|inside|outside|over|under|"
    r"along|following|including|among|yesterday|today|tonight|overnight|last|this|earlier|later|"
    r"wounded|injured|hurt|arrested|detained|captured|kidnapped|abducted|missing|fled|displaced|"
    r"evacuated|killed|dead|died|were|was|are|is|be|been|being|have|has|had|will|would|could|may|might|"
    r"reportedly|also|all|allegedly|now|said|reported|killing|leaving|monday|tuesday|wednesday|"
    r"thursday|friday|saturday|sunday)"
)
_WORD = r"(?:[A-Za-z][\w'’-]*|\d+-year-old)"
_KILLP = (
    r"(?:killed|dead|died|slain|perished|executed|massacred|slaughtered|beheaded|murdered|assassinated|"
    r"lynched|martyred|martyrs|shot\s+dead|shot\s+and\s+killed|burned\s+to\s+death|lost\s+their\s+lives|"
    r"deaths|fatalities|bodies|lives\s+(?:were\s+|have\s+been\s+|had\s+been\s+)?lost)"
)
_KILLA = (
    r"(?:killed|killing|kills|kill|executed|executing|massacred|massacring|slaughtered|slaughtering|"
    r"beheaded|beheading|murdered|murdering|assassinated|shot\s+dead|shooting\s+dead|"
    r"(?:claimed|claiming|took|taking|cost|costing)\s+the\s+lives\s+of|"
    r"(?:the\s+)?(?:deaths?|killings?|bodies|lives|murders?|executions?)\s+of)"
)
_NOT_PERSON = (
    r"(?:years?|months?|weeks?|days?|hours?|minutes?|seconds?|km|kilomet(?:er|re)s?|miles?|met(?:er|re)s?|"
    r"percent|per|times|shots|rounds|rockets?|missiles?|shells?|bombs?|strikes?|airstrikes?|air\s+strikes?|"
    r"attacks?|vehicles?|tanks?|cars?|trucks?|houses?|homes?|buildings?|dollars?|euros?|pounds?|"
    r"villages?|towns?|positions?|checkpoints?|incidents?|raids?|drones?|barrel\s+bombs?|mortars?|"
    r"number|lot|total|series|wave)"
)

_F = re.VERBOSE  # the patterns are matched against the lowercased text

_PASSIVE_RE = re.compile(
    rf"""\b(?P<num>{_NUMEXPR})
    (?P<np>(?:\s+(?!{_STOP}\b){_WORD}){{0,5}}?)
    (?P<paren>,\s+(?:including|among\s+them|mostly|most\s+of\s+them|many\s+of\s+them|all\s+of\s+them)
        [^,.;]{{0,60}},)?
    (?P<aux>(?:\s+{_AUX})*)
    \s+(?P<kill>{_KILLP})(?![\w-])""",
    _F,
)
_ACTIVE_RE = re.compile(
    rf"""\b(?P<verb>{_KILLA})\s+(?P<num>{_NUMEXPR})
    (?P<np>(?:\s+(?!{_STOP}\b){_WORD}){{0,3}})
    (?P<more>(?:\s*,?\s+(?:and|as\s+well\s+as|plus)\s+{_NUMEXPR}(?:\s+(?!{_STOP}\b){_WORD}){{0,3}})*)""",
    _F,
)
_LEAVE_RE = re.compile(
    rf"""\b(?:left|leaving|leaves)\s+(?P<num>{_NUMEXPR})
    (?P<np>(?:\s+(?!{_STOP}\b){_WORD}){{0,3}}?)\s+(?:dead|killed)\b""",
    _F,
)
_TOLL_RE = re.compile(
    rf"""\b(?:death\s+|casualty\s+|fatality\s+)?toll\b(?:\s+(?!\d)[\w'’-]+){{0,8}}?
    \s+(?:rose|risen|rises|climbed|climbs|jumped|increased|reached|reaches|hit|grew|stood|stands|is|was|
        of|at|to|now|has\s+risen|had\s+risen|has\s+climbed|had\s+climbed|has\s+reached)
    (?:\s+(?:to|at))?\s+(?P<num>{_NUMEXPR})(?![\w-])""",
    _F,
)
_SINGLE_RE = re.compile(
    rf"""\b(?:(?:he|she)(?P<aux1>(?:\s+{_AUX})*)\s+(?:was\s+)?(?P<k1>killed|shot\s+dead|executed|beheaded|
        assassinated|murdered|died)
    |(?:the|his|her|its|their)(?:\s+(?!{_STOP}\b){_WORD}){{1,4}}?\s+was(?:\s+{_AUX})*\s+
        (?:killed|shot\s+dead|executed|beheaded|assassinated|murdered)
    |(?:killed|killing|executed|executing|murdered|assassinated|shot\s+dead)\s+(?:him|her)
    )(?![\w-])""",
    _F,
)
_ZERO_RE = re.compile(
    rf"""\b(?:
      (?:no\s+(?:one|body)|nobody|none(?:\s+of\s+(?:them|the\s+\w+))?)(?:\s+{_AUX})*\s+
          (?:killed|hurt|injured|wounded|died|harmed)
    | no(?:\s+(?!{_STOP}\b|reports?\b|word\b|information\b|news\b|details\b)[A-Za-z]+){{1,2}}\s+(?:were|was)
          (?:\s+{_AUX})*\s+(?:killed|hurt|injured|harmed)
    | no\s+(?:immediate\s+|reported\s+|known\s+|human\s+)?(?:casualties|deaths|fatalities|injuries|
          loss(?:es)?\s+of\s+life)
    | not\s+(?:a\s+single|one|a)(?:\s+(?!{_STOP}\b){_WORD}){{0,2}}(?:\s+{_AUX})*\s+
          (?:killed|died|hurt|injured|harmed)
    | without\s+(?:any\s+)?(?:casualties|loss\s+of\s+life|fatalities)
    | (?:killed|killing|kill)\s+(?:no\s+one|nobody|none)
    )(?![\w-])""",
    _F,
)
# A quick test: sentences without any of these words have no fatality phrase.
_KEYWORD_RE = re.compile(
    r"\b(?:kill|dead|died|death|toll|slain|perish|execut|massacr|behead|slaughter|murder|assassin|lynch|"
    r"martyr|lives|bodies|fatalit|casualt|injur|hurt|harm|none|nobody|no\s+one)",
)
_SUB_BEFORE_RE = re.compile(
    rf"(?:including|incl\.|among\s+(?:them|whom|those|the\s+\w+)|of\s+whom|of\s+them|such\s+as|mostly)"
    rf"\s+(?:{_QUANT}\s+)?$",
)
_WINDOW = 250  # characters around a keyword: longer than any fatality phrase
_NEGATED_BEFORE_RE = re.compile(r"\b(?:no|not)\s+$")
_YEAR_BEFORE_RE = re.compile(r"\b(?:in|since|of|year|by|until|from|before|after|during)\s+$")
_NOT_PERSON_RE = re.compile(rf"\s*{_NOT_PERSON}\b")
_PASSIVE_FOLLOW_RE = re.compile(
    r"\s*(?:$|[^\w\s]|(?:in|on|during|by|when|after|as|and|or|while|since|near|across|around|overnight|"
    r"yesterday|today|last|this|over|outside|inside|within|following|amid|with|from|for|earlier|later|"
    r"before|between|along|but|so|because|including|among|mostly|there|here|instantly|immediately|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|"
    r"july|august|september|october|november|december)\b|at\b(?!\s+(?:least|a\s+minimum)\b))",
)
_OTHER_VERB_AFTER_RE = re.compile(
    rf"(?:\s+{_AUX})*\s+(?!killed\b|dead\b|died\b)(?:[a-z]+ed|fled|hurt|taken|held|seen|left)\b"
)
# "40 people were killed or injured": a count of dead and hurt together says nothing of the dead alone
_MIXED_AFTER_RE = re.compile(
    r"\s*(?:or|and|and/or|&)\s+(?:were\s+)?(?:injured|wounded|hurt|maimed)\b"
    # the participle ends the phrase ("... killed or injured in the blast."), it does not modify
    # a noun ("... killed and injured guards were taken to hospital")
    r"(?=\s*(?:$|[^\w\s]|(?:in|on|at|when|during|after|by|as|and|or|near|while|following|overnight|since|"
    r"from|across|with|today|yesterday|last|this|earlier|later)\b))"
)
_NUM_IN_EXPR_RE = re.compile(rf"{_VAGUE_RE_TEXT}|{_DIGITNUM}|{_WORDNUM}")
_PART_RE = re.compile(rf"(?P<num>{_NUMEXPR})(?P<np>(?:\s+(?!{_STOP}\b){_WORD}){{0,3}})", _F)


def _number(token: str) -> int | None:
    t = " ".join(token.lower().split())
    if t.endswith(" of"):
        t = t[:-3]
    if t in _VAGUE:
        return _VAGUE[t]
    if t[0].isdigit():
        mult = 1
        if t.endswith(" thousand"):
            mult, t = 1000, t[: -len(" thousand")]
        elif t.endswith(" million"):
            mult, t = 1_000_000, t[: -len(" million")]
        return int(float(t.replace(",", "")) * mult)
    total = current = 0
    for w in re.split(r"[\s-]+", t):
        if w == "and":
            continue
        if w in _UNITS:
            current += _UNITS[w]
        elif w == "hundred":
            current = (current or 1) * 100
        elif w == "thousand":
            total += (current or 1) * 1000
            current = 0
        elif w == "million":
            total += (current or 1) * 1_000_000
            current = 0
        else:
            return None
    return total + current


def _value(expr: str) -> int | None:
    """The (lowest) number in a number expression, or None when it holds none."""
    values = [v for m in _NUM_IN_EXPR_RE.finditer(expr) if (v := _number(m.group())) is not None]
    if values:
        return min(values)
    if re.match(r"(?:\S+\s+)*an?$", expr.strip(), re.IGNORECASE):
        return 1
    return None


def _bad_number(text: str, m: re.Match[str], np: str) -> bool:
    """Whether the number of a match is a year, or counts things that are not people."""
    s = m.start("num")
    expr = m.group("num")
    if _NOT_PERSON_RE.match(np):
        return True
    digits = re.fullmatch(r"(?:19|20)\d\d", expr.strip())
    return bool(digits and _YEAR_BEFORE_RE.search(text, max(0, s - 12), s))


def _is_sub(text: str, start: int) -> bool:
    return _SUB_BEFORE_RE.search(text, max(0, start - 40), start) is not None


def _lower(text: str) -> str:
    """`text` lowercased with its offsets kept (characters whose lowercase is longer stay as they are)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c if len(lc := c.lower()) != 1 else lc for c in text)


def _windows(text: str) -> list[tuple[int, int]]:
    """Stretches of `text` around the keywords; every fatality phrase lies inside one of them."""
    out: list[tuple[int, int]] = []
    for m in _KEYWORD_RE.finditer(text):
        lo, hi = max(0, m.start() - _WINDOW), min(len(text), m.end() + _WINDOW)
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], hi)
        else:
            out.append((lo, hi))
    return out


def _candidates(text: str, lo: int, hi: int) -> list[tuple[int, int, int, str, int]]:
    """(start, end, number, kind, number_start) with kind main|sub|zero, for matches in text[lo:hi]."""
    out: list[tuple[int, int, int, str, int]] = []
    taken: set[int] = set()

    def add(start: int, end: int, value: int | None, kind: str, key: int) -> None:
        if value is None or key in taken:
            return
        if kind != "zero" and _NEGATED_BEFORE_RE.search(text, max(0, key - 8), key):
            return  # "no one was killed", "not one soldier died"
        taken.add(key)
        out.append((start, end, value, kind, key))

    for m in _TOLL_RE.finditer(text, lo, hi):
        add(m.start(), m.end(), _value(m.group("num")), "main", m.start("num"))
    for m in _LEAVE_RE.finditer(text, lo, hi):
        if _bad_number(text, m, m.group("np")) or _MIXED_AFTER_RE.match(text, m.end()):
            continue
        add(m.start(), m.end(), _value(m.group("num")), "main", m.start("num"))
    active_verbs: set[int] = set()
    for m in _ACTIVE_RE.finditer(text, lo, hi):
        if _bad_number(text, m, m.group("np")):
            continue
        total = _value(m.group("num"))
        if total is None:
            continue
        end = m.end("np")
        more = m.group("more")
        if more:
            parts = list(_PART_RE.finditer(text, m.start("more"), m.end("more")))
            if parts and _OTHER_VERB_AFTER_RE.match(text, m.end()):
                parts = parts[:-1]  # "... and 24 others were wounded"
            for p in parts:
                v = _value(p.group("num"))
                if v is None or _NOT_PERSON_RE.match(p.group("np")):
                    break
                total += v
                end = p.end()
        active_verbs.add(m.start())
        kind = "sub" if _is_sub(text, m.start()) else "main"
        add(m.start(), end, total, kind, m.start("num"))
    for m in _PASSIVE_RE.finditer(text, lo, hi):
        np = m.group("np")
        if _bad_number(text, m, np) or _MIXED_AFTER_RE.match(text, m.end()):
            continue
        kill = m.group("kill").lower()
        aux = m.group("aux").lower()
        if (
            kill == "killed"
            and not re.search(r"\b(?:were|was|are|is|be|been|being)\b", aux)
            and (m.start("kill") in active_verbs or not _PASSIVE_FOLLOW_RE.match(text, m.end()))
        ):
            continue  # "2,000 fighters killed 3 civilians": the fighters did the killing
        if kill == "bodies" and np.strip():
            continue
        kind = "sub" if ("among" in aux or _is_sub(text, m.start())) else "main"
        add(m.start(), m.end(), _value(m.group("num")), kind, m.start("num"))
    for m in _SINGLE_RE.finditer(text, lo, hi):
        add(m.start(), m.end(), 1, "main", m.start())
    for m in _ZERO_RE.finditer(text, lo, hi):
        add(m.start(), m.end(), 0, "zero", m.start())
    return out


def find_fatality_spans(text: str) -> list[tuple[int, int, int]]:
    """The fatality phrases of `text` as (start, end, number), sorted by start.

    These are the phrases `find_fatalities` rests on: the main counts when there are any, else the
    sub-counts ("including 7 children"), else the phrases saying that nobody was killed.
    """
    low = _lower(text)
    cands = [c for lo, hi in _windows(low) for c in _candidates(low, lo, hi)]
    for kind in ("main", "sub", "zero"):
        chosen = sorted((c[0], c[1], c[2]) for c in cands if c[3] == kind)
        if chosen:
            return chosen
    return []


def find_fatalities(text: str) -> int | None:
    """The number of people reported killed in `text`; 0 when it says nobody was; None when it is silent."""
    spans = find_fatality_spans(text)
    if not spans:
        return None
    return max(n for _, _, n in spans)



def _owner(start: int, anchors: list[int]) -> int:
    """The trigger a fatality phrase starting at `start` reports on: the last one before it ("shelled
    the town, killing 5"), else the first one after it ("5 were killed when militants attacked")."""
    before = [a for a in anchors if a <= start]
    return before[-1] if before else anchors[0]


def fatalities_near(
    text: str, anchor: int, anchors: list[int], spans: list[tuple[int, int, int]] | None = None
) -> int | None:
    """The death count of the event whose trigger starts at `anchor`, among events whose triggers
    start at `anchors` in the same `text`: the largest count among the fatality phrases that report
    on it (see `_owner`). With one trigger (or `anchor` not among them) it is `find_fatalities(text)`.
    `spans` are `find_fatality_spans(text)` when the caller kept them (every event of a sentence asks)."""
    if spans is None:
        spans = find_fatality_spans(text)
    if not spans:
        return None
    ordered = sorted(set(anchors) | {anchor})
    if len(ordered) < 2:
        return max(n for _, _, n in spans)
    mine = [n for s, _, n in spans if _owner(s, ordered) == anchor]
    return max(mine) if mine else None
