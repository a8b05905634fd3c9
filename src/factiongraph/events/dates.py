"""Date expressions in news text, found with compiled regexes and resolved to `DateValue` ranges.

The regexes decide what is a date and where it starts and ends (with the guards below: "May" the
verb, "2000 people", "Sunday Times"); the calendar is dateparser's: each expression (or, for ranges
and modified forms, its parts) is read by dateparser anchored at the publication date, and the
period it reports (day, week, month, year) gives the range. Only what dateparser does not read is
computed here: day and year ranges ("10-12 December 2016", "2015-16"), "this/the past week",
weekends, "overnight", and "last/next November".

Public API
----------
`find_dates(text, published)` -> ``[(start, end, DateValue), ...]`` sorted by `start`, non-overlapping;
offsets index `text` and ``text[start:end] == value.text``.

`event_date(sentence, published, anchor=None, side=())` -> the best date for an event in the
sentence: among the dates that are not background (below), one outside the `side` spans (clauses
other than the event's own), then the most specific precision, then the one nearest to `anchor`
(the event trigger's offset), else the first; or None.  The caller decides what to do when
there is none.

`is_background(text, start, end, value, published)` -> whether a date found in `text` sets the scene
rather than dating a reported event: "since 2011", "from 2015 until ...", "20 years ago", "in 2006"
in a report published in 2023.  Such dates never date the event.

Conventions
-----------
* Spans cover the date expression itself with its modifiers ("last week", "earlier this month",
  "mid-November 2016", "Monday night", "Sunday, 20 November 2016") but not a leading preposition
  ("on", "in", "since").
* ``published=None``: only expressions that carry a 4-digit year are resolved ("20 November 2016",
  "Nov. 2016", "2016", "20/11/2016", "2016-11-20", "2015-2016").  Relative expressions, weekdays and
  yearless dates give nothing: a date is never invented.
* Precision: "day" for one day; "week" for any range of 2-7 days (ACLED time precision 2);
  "month" for a calendar month or a longer range; "year" for a calendar year (or years).
* Numeric dates are day-first (``20/11/2016`` and ``03/04/2016`` are 20 Nov and 3 Apr) unless the
  second number cannot be a month (``11/20/2016``).  Two-digit years are not read.
* Weekdays ("on Sunday", "Sunday night", "late Monday"): news reporting is in the past tense, so a
  weekday is the most recent such day on or before publication ("last Sunday": strictly before).
  When the words before it in the same sentence announce the future ("will", "is due to",
  "scheduled", "expected to", ...) or it reads "next Sunday"/"this coming Sunday", it is the next
  such day after publication.
* Yearless dates ("Dec. 10", "10 December") take the nearest occurrence on or before publication
  (after it, for the future-tense cue above).  A bare month ("in November") is the nearest
  month on or before the publication month; "last November" is strictly before it.  Bare month names
  need a temporal context ("in", "since", "until", "early", "last", ...) so that "May" the modal verb,
  "March" the noun/verb and people's names are not read as months; "May" accepts fewer contexts
  than the other months (not "by/from/to/and/of": "a speech by May").
* Relative expressions (publication date P):
  "today"/"tonight"/"this morning" = P; "yesterday"/"last night" = P-1; "the day before yesterday"
  = P-2; "overnight" = P-1 (ACLED codes a night to the day it began); "N days ago" = P-N;
  "N weeks ago" = the Monday-Sunday week holding P-7N; "N months/years ago" = that calendar
  month/year; "this week" / "earlier this week" = Monday of P's week .. P; "later this week" =
  P .. Sunday; the same for month (precision month) and year (precision year); "last week" = the
  previous Monday-Sunday week; "last month"/"last year" = the previous calendar month/year;
  "the past week"/"the past N days" = the N days up to P; "last weekend" = the Saturday-Sunday
  before P's week; "(over|at|during) the weekend" = the latest Saturday-Sunday on or before P;
  "the past/last 24 hours" = P-1 .. P (precision week: a 2-day range); "(N) hours ago" = P.
* Bare 4-digit numbers are years only in 1900-2099 and not when they look like counts: preceded by a
  currency sign, "at", "about", "some", "nearly", "killing", ..., by "Resolution", "Route", "No.",
  ..., or followed by a count noun ("2000 people", "1500 fighters", "2000 hours") unless preceded by a
  temporal preposition ("in 2016 rebels ...").
* "Sunday Times", "Mail on Sunday", "Bloody Sunday", "Good Friday" and plural weekdays are ignored.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from collections.abc import Iterator
from typing import Any

from factiongraph.document import DateValue
from factiongraph.tables import word_set

__all__ = ["find_dates", "event_date", "is_background"]

_D = dt.timedelta

_MONTHS: dict[str, int] = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}
_WEEKDAYS: dict[str, int] = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
}
_NUMBER_WORDS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "a couple of": 2, "a few": 3, "several": 3,
}
_PRECISION_RANK = {"day": 3, "week": 2, "month": 1, "year": 0}

# --------------------------------------------------------------------------------------- regex parts
_MONTH_FULL = "January|February|March|April|May|June|July|August|September|October|November|December"
_MONTH_ANY = rf"(?:{_MONTH_FULL}|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)(?![A-Za-z])"
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\dA-Za-z])"
_YEAR = r"(?:19|20)\d\d(?![\d])"
_WD = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_WD_PREFIX = rf"(?:{_WD},?\s+(?:the\s+)?)?"
_DASH = r"\s*(?:-|–|—|to|and)\s*"
_NUM = r"(?i:\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|" \
       r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|a\s+couple\s+of|a\s+few|several)"
_PART_OF_DAY = r"(?:\s+(?:night|morning|afternoon|evening|overnight))?"

_PATTERN = rf"""
\b(?:
  (?P<dmy>{_WD_PREFIX}(?P<dmy_d>{_DAY})(?:{_DASH}(?P<dmy_d2>{_DAY}))?\s+(?:of\s+)?(?P<dmy_m>{_MONTH_ANY}),?\s+
      (?P<dmy_y>{_YEAR}))
| (?P<mdy>{_WD_PREFIX}(?P<mdy_m>{_MONTH_ANY})\s+(?P<mdy_d>{_DAY})(?:\s*[-–]\s*(?P<mdy_d2>{_DAY}))?
      (?:,\s*|\s+)(?P<mdy_y>{_YEAR}))
| (?P<iso>(?<![\d/.-])(?P<iso_y>{_YEAR})(?P<iso_sep>[-/])(?P<iso_m>0?[1-9]|1[0-2])(?P=iso_sep)
      (?P<iso_d>3[01]|[12]\d|0?[1-9])(?![\d/]))
| (?P<num>(?<![\d/.-])(?P<num_a>\d\d?)(?P<num_sep>[/.-])(?P<num_b>\d\d?)(?P=num_sep)(?P<num_y>{_YEAR})
      (?![./-]?\d))
| (?P<my>(?:(?P<my_mod>[Ee]arly|[Ll]ate|[Mm]id)[\s-]+)?(?P<my_m>{_MONTH_ANY}),?\s+(?P<my_y>{_YEAR}))
| (?P<dm>{_WD_PREFIX}(?P<dm_d>{_DAY})(?:{_DASH}(?P<dm_d2>{_DAY}))?\s+(?:of\s+)?(?P<dm_m>{_MONTH_ANY}))
| (?P<md>{_WD_PREFIX}(?P<md_m>{_MONTH_ANY})\s+(?P<md_d>{_DAY})(?:\s*[-–]\s*(?P<md_d2>{_DAY}))?)
| (?P<mo>(?:(?P<mo_mod>[Ll]ast|[Tt]his|[Nn]ext|[Ee]arly|[Ll]ate|[Mm]id)[\s-]+)?(?P<mo_m>{_MONTH_FULL})
      (?![\w'’-]))
| (?P<yrange>(?<![\d,.$€£#/\w-])(?P<yr_a>{_YEAR})\s*[-–]\s*(?P<yr_b>(?:19|20)?\d\d)(?![\w%]|[.,]\d))
| (?P<year>(?:(?P<year_mod>[Ee]arly|[Ll]ate|[Mm]id)[\s-]+|(?<![\d,.$€£#/\w-]))(?P<year_y>{_YEAR})
      (?![\w%]|[.,]\d))
| (?P<wd>(?:(?P<wd_mod>[Ll]ast|[Tt]his\s+coming|[Tt]his|[Nn]ext|[Cc]oming|[Oo]vernight(?:\s+on)?|[Ll]ate|
      [Ee]arly)\s+)?(?P<wd_d>{_WD})(?![\w-]){_PART_OF_DAY})
| (?P<dby>(?i:the\s+day\s+before\s+yesterday)\b)
| (?P<yday>(?i:yesterday)(?:\s+(?:night|morning|afternoon|evening))?\b)
| (?P<today>(?i:today|tonight|this\s+(?:morning|afternoon|evening))\b)
| (?P<lastnight>(?i:last\s+(?:night|evening))\b)
| (?P<thisx>(?P<thisx_mod>(?i:earlier|later)\s+)?(?i:this)\s+(?P<thisx_u>week|weekend|month|year)\b)
| (?P<pastn>(?i:(?:the\s+)?(?:past|last))\s+(?P<pastn_n>{_NUM})\s+
      (?P<pastn_u>hours|days|weeks|months|years)\b)
| (?P<pastx>(?i:the\s+(?:past|last))\s+(?P<pastx_u>week|month|year)\b)
| (?P<lastx>(?:(?i:early|late)\s+)?(?i:last)\s+(?P<lastx_u>week|weekend|month|year)\b)
| (?P<weekend>(?i:the)\s+weekend\b)
| (?P<ago>(?<![\d,.])(?P<ago_n>{_NUM}\s+)?(?P<ago_u>hours?|days?|weeks?|months?|years?)\s+ago\b)
| (?P<overnight>(?i:overnight)\b)
)
"""
_RE = re.compile(_PATTERN, re.VERBOSE)

# Every match holds one of these tokens within 24 characters of its start: a cheap scan for them
# picks the few places where the big pattern is tried (the big pattern alone scans ~10x slower).
_TRIGGER_RE = re.compile(
    r"\d|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun|"
    r"(?i:yesterday|today|tonight|overnight|night|evening|morning|afternoon|weekend|weeks?|months?|"
    r"years?|days?|hours?|ago)\b)"
)
_WORD_START_RE = re.compile(r"\b\w")
_LOOKBACK = 24

_FUTURE_RE = re.compile(
    r"\b(?:will|won't|'ll|shall|would|scheduled|planned|plans?\s+to|due\s+to|is\s+due|are\s+due|"
    r"expected\s+to|set\s+to|going\s+to|to\s+be\s+held)\b",
    re.IGNORECASE,
)
_SENT_BREAK_RE = re.compile(r"[.!?;]\s|\n")
_PREV_WORD_RE = re.compile(r"([A-Za-z]+)\.?[\s-]*$")
_NEXT_WORD_RE = re.compile(r"\s+([A-Za-z]+)")

# Which words around a month, weekday or four-digit number make it a date: data/dates.yaml.
_MONTH_CONTEXT = word_set("dates", "month_context")
_MAY_CONTEXT = word_set("dates", "may_context")
_YEAR_TEMPORAL = word_set("dates", "year_temporal")
_YEAR_BAD_PREV = word_set("dates", "year_bad_prev")
_COUNT_NOUNS = word_set("dates", "count_nouns")
# after "Dec. 10" these words are still a date ("on Dec. 10 killed five"), not a count
_DAY_COUNT_NOUNS = _COUNT_NOUNS - word_set("dates", "day_count_exceptions")
_WD_BAD_NEXT = word_set("dates", "weekday_bad_next")
_WD_BAD_PREV = word_set("dates", "weekday_bad_prev")
_MAIL_ON_RE = re.compile(r"\bMail\s+on\s+$")


# ------------------------------------------------------------------------------------------ helpers
def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _month_range(year: int, month: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, month, 1), _month_end(year, month)


def _day_num(token: str) -> int:
    return int(token.rstrip("stndrh"))


def _n(token: str | None) -> int:
    if token is None:
        return 1
    t = " ".join(token.lower().split())
    return int(t) if t.isdigit() else _NUMBER_WORDS[t]


def _range_precision(start: dt.date, end: dt.date) -> str:
    days = (end - start).days
    if days == 0:
        return "day"
    return "week" if days <= 6 else "month"


def _prev_word(text: str, start: int) -> str:
    m = _PREV_WORD_RE.search(text, max(0, start - 24), start)
    return m.group(1) if m else ""


def _next_word(text: str, end: int) -> str:
    m = _NEXT_WORD_RE.match(text, end, min(len(text), end + 24))
    return m.group(1) if m else ""


def _future(text: str, start: int) -> bool:
    """Whether the words before `start` in the same sentence announce the future."""
    lo = max(0, start - 100)
    window = text[lo:start]
    breaks = list(_SENT_BREAK_RE.finditer(window))
    if breaks:
        window = window[breaks[-1].end():]
    return _FUTURE_RE.search(window) is not None


def _week_of(d: dt.date) -> tuple[dt.date, dt.date]:
    monday = d - _D(days=d.weekday())
    return monday, monday + _D(days=6)


def _last_weekend(d: dt.date) -> tuple[dt.date, dt.date]:
    """The latest Saturday-Sunday pair on or before `d` (a Saturday counts: its Sunday is P+1)."""
    sat = d - _D(days=(d.weekday() - 5) % 7)
    return sat, sat + _D(days=1)


# ---------------------------------------------------------------------------------------- resolving
#: noon, so that "two hours ago" stays on the publication day
_NOON = dt.time(12)
#: how far ahead an announced date may lie ("on 10 December" is within the coming year)
_FUTURE_REACH = dt.timedelta(days=366)
#: the base dateparser is given when there is no publication date (only absolute dates are asked then)
_NO_BASE = dt.date(2000, 1, 1)


@functools.cache
def _parser(base: dt.date, future: bool) -> Any:
    """dateparser's English parser anchored at `base`, preferring past (or future) readings, day first."""
    from dateparser.date import DateDataParser

    return DateDataParser(languages=["en"], settings={
        "RELATIVE_BASE": dt.datetime.combine(base, _NOON),
        "PREFER_DATES_FROM": "future" if future else "past",
        "DATE_ORDER": "DMY",
        "PREFER_DAY_OF_MONTH": "first",
        "RETURN_TIME_AS_PERIOD": True,
    })


@functools.lru_cache(maxsize=8192)
def _parse(expression: str, published: dt.date | None, future: bool = False) -> tuple[dt.date, dt.date, str] | None:
    """The range dateparser reads in `expression`: the day, the Monday-Sunday week, the calendar month or
    the calendar year that holds the date it finds, by the period it reports.

    `future`: the reading on or after `published` ("on 23 November" announced on 23 November is that
    day; dateparser's future preference would take the next year's)."""
    if future and published is not None:
        past = _parse(expression, published)
        if past is not None and past[1] >= published:
            return past
    found = _parser(published or _NO_BASE, future).get_date_data(expression)
    if found is None or found.date_obj is None:
        return None
    d: dt.date = found.date_obj.date()
    if future and published is not None and d > published + _FUTURE_REACH:
        return None  # "will resume on 29 February" in 2018: not a date four years on
    period = found.period
    if period == "year":
        return dt.date(d.year, 1, 1), dt.date(d.year, 12, 31), "year"
    if period == "month":
        s, e = _month_range(d.year, d.month)
        return s, e, "month"
    if period == "week":
        s, e = _week_of(d)
        return s, e, "week"
    return d, d, "day"  # "day", "part_of_day", "time"


def _strip_modifier(expression: str) -> str:
    """The date without "early"/"mid"/"late" (which narrow it but keep its calendar unit)."""
    return _MODIFIER_RE.sub("", expression, count=1)


_MODIFIER_RE = re.compile(r"^(?:[Ee]arly|[Ll]ate|[Mm]id|[Oo]vernight(?:\s+on)?)[\s-]+")


def _day_range(first: tuple[dt.date, dt.date, str] | None, last_day: str) -> tuple[dt.date, dt.date, str] | None:
    """From the first day of "10-12 December 2016" (as parsed) to the last day number of the range."""
    if first is None:
        return None
    d1 = first[0]
    d2 = d1.replace(day=_day_num(last_day))
    if d2 < d1:
        return None
    return d1, d2, _range_precision(d1, d2)


def _resolve(m: re.Match[str], text: str, published: dt.date | None) -> tuple[dt.date, dt.date, str] | None:
    """The range of the date expression `m`: the span's guards and ranges here, the calendar by dateparser."""
    kind = m.lastgroup
    g = m.group
    P = published

    if kind in ("dmy", "mdy"):
        if g(f"{kind}_d2"):
            first_day = f"{g(f'{kind}_d')} {g(f'{kind}_m')} {g(f'{kind}_y')}"
            return _day_range(_parse(first_day, None), g(f"{kind}_d2"))
        return _parse(m.group(0), None)
    if kind in ("iso", "num", "my"):
        return _parse(_strip_modifier(m.group(0)), None)
    if kind == "yrange":
        a = int(g("yr_a"))
        b_text = g("yr_b")
        b = int(b_text) if len(b_text) == 4 else (a // 100) * 100 + int(b_text)
        if not a < b <= a + 20:
            return None
        return dt.date(a, 1, 1), dt.date(b, 12, 31), "year"
    if kind == "year":
        if not g("year_mod"):
            prev = _prev_word(text, m.start()).lower()
            nxt = _next_word(text, m.end())
            if prev in _YEAR_BAD_PREV:
                return None
            if nxt.lower() in _COUNT_NOUNS and prev not in _YEAR_TEMPORAL:
                return None
        return _parse(g("year_y"), None)

    # ----- everything below needs the publication date
    if P is None:
        return None

    if kind in ("dm", "md"):
        if kind == "md" and _next_word(text, m.end()).lower() in _DAY_COUNT_NOUNS:
            return None
        first = _parse(f"{g(f'{kind}_d')} {g(f'{kind}_m')}", P, _future(text, m.start()))
        return _day_range(first, g(f"{kind}_d2")) if g(f"{kind}_d2") else first
    if kind == "mo":
        mod = (g("mo_mod") or "").lower()
        month_name = g("mo_m")
        if not mod:
            prev = _prev_word(text, m.start()).lower()
            ctx = _MAY_CONTEXT if month_name in ("May", "March") else _MONTH_CONTEXT
            if prev not in ctx:
                # "the end of November", "the beginning of May"
                tail = text[max(0, m.start() - 24): m.start()].lower()
                if not re.search(r"\b(?:end|beginning|start|middle)\s+of\s+$", tail):
                    return None
        if mod in ("last", "next", "this"):
            # dateparser reads no "last November": the one strictly before (after) the publication month
            month = _MONTHS[month_name.lower()]
            if mod == "last":
                year = P.year if month < P.month else P.year - 1
            elif mod == "next":
                year = P.year if month > P.month else P.year + 1
            else:
                year = P.year
            s, e = _month_range(year, month)
            return s, e, "month"
        # read from the first of the publication month: dateparser carries the base's day of month
        # into a future month ("February" after 31 December: the next 29 February)
        return _parse(month_name, P.replace(day=1), _future(text, m.start()))
    if kind == "wd":
        mod = " ".join((g("wd_mod") or "").lower().split())
        name = g("wd_d")
        nxt = _next_word(text, m.end())
        if nxt in _WD_BAD_NEXT:
            return None
        if mod == "" and (_prev_word(text, m.start()).lower() in _WD_BAD_PREV
                          or _MAIL_ON_RE.search(text, max(0, m.start() - 12), m.start())):
            return None
        if mod == "last":
            return _parse(f"last {name}", P)
        if mod in ("next", "coming", "this coming") or _future(text, m.start()):
            return _parse(f"next {name}", P, True)
        if _WEEKDAYS[name.lower()] == P.weekday():
            return P, P, "day"  # "on Wednesday" in Wednesday's report is that day (dateparser: a week back)
        return _parse(name, P)
    if kind in ("dby", "yday", "today", "lastnight"):
        return _parse(m.group(0), P)
    if kind == "overnight":
        d = P - _D(days=1)  # ACLED codes a night to the day it began
        return d, d, "day"
    if kind == "thisx":
        unit = g("thisx_u").lower()
        mod = (g("thisx_mod") or "").strip().lower()
        if unit == "week":
            s, e = _week_of(P)
            prec = "week"
        elif unit == "weekend":
            sat = _week_of(P)[0] + _D(days=5)
            return sat, sat + _D(days=1), "week"
        elif unit == "month":
            s, e = _month_range(P.year, P.month)
            prec = "month"
        else:
            s, e = dt.date(P.year, 1, 1), dt.date(P.year, 12, 31)
            prec = "year"
        if mod == "later":
            return P, e, prec
        return s, P, prec
    if kind == "pastn":
        n = _n(g("pastn_n"))
        unit = g("pastn_u").lower()
        if unit == "hours":
            if n > 72:
                return None
            return P - _D(days=max(1, (n + 23) // 24)), P, "week"
        days = {"days": n, "weeks": 7 * n, "months": 30 * n, "years": 365 * n}[unit]
        s = P - _D(days=days)
        if unit == "years":
            return s, P, "year"
        return s, P, "week" if days <= 7 else "month"
    if kind == "pastx":
        unit = g("pastx_u").lower()
        if unit == "week":
            return P - _D(days=7), P, "week"
        if unit == "month":
            return P - _D(days=30), P, "month"
        return P - _D(days=365), P, "year"
    if kind == "lastx":
        unit = g("lastx_u").lower()
        if unit == "weekend":
            monday = P - _D(days=P.weekday())
            return monday - _D(days=2), monday - _D(days=1), "week"
        return _parse(f"last {unit}", P)
    if kind == "weekend":
        if _prev_word(text, m.start()).lower() not in ("over", "at", "during", "on", "across", "this"):
            return None
        s, e = _last_weekend(P)
        return s, e, "week"
    if kind == "ago":
        unit = g("ago_u").lower().rstrip("s")
        if g("ago_n") is None and g("ago_u").lower().endswith("s") and unit != "hour":
            return None  # "years ago": many years, unknown
        if unit == "hour":
            return P, P, "day"
        n = _n(g("ago_n"))
        return _parse(f"{n} {unit}{'s' if n != 1 else ''} ago", P)
    return None  # pragma: no cover


def _scan(text: str) -> Iterator[re.Match[str]]:
    """The matches of `_RE` over `text`, as `_RE.finditer` would give them, tried only near triggers."""
    pos = 0
    for t in _TRIGGER_RE.finditer(text):
        q = t.start()
        if q < pos:
            continue
        for w in _WORD_START_RE.finditer(text, max(pos, q - _LOOKBACK), q + 1):
            s = w.start()
            if s < pos:
                continue
            m = _RE.match(text, s)
            if m is not None and m.end() > s:
                yield m
                pos = m.end()


# ------------------------------------------------------------------------------------------- public
def find_dates(text: str, published: dt.date | None) -> list[tuple[int, int, DateValue]]:
    """Every date expression in `text` with its character offsets and resolved range.

    With `published=None` only expressions with a 4-digit year are returned.
    """
    out: list[tuple[int, int, DateValue]] = []
    for m in _scan(text):
        try:
            resolved = _resolve(m, text, published)
        except (ValueError, OverflowError, KeyError):
            continue
        if resolved is None:
            continue
        start, end, precision = resolved
        s, e = m.span()
        out.append((s, e, DateValue(start, end, precision, text[s:e])))  # type: ignore[arg-type]
    return out


_BACKGROUND_BEFORE_RE = re.compile(
    r"\b(?:since|from|as\s+early\s+as|dating\s+back\s+to|going\s+back\s+to|back\s+in|ever\s+since)\s+"
    r"(?:(?:early|late|mid|the\s+(?:start|end|beginning|middle)\s+of)[\s-]+)?$",
    re.IGNORECASE,
)
#: a reported event is at most this old when its report comes out; older dates tell history
_HISTORY = dt.timedelta(days=365)


def is_background(text: str, start: int, end: int, value: DateValue, published: dt.date | None) -> bool:
    """Whether the date `text[start:end]` sets the scene instead of dating a reported event.

    Background: the start of a duration ("since 2011", "from March 2015", "dating back to 2003"),
    a count of years back ("20 years ago"), and, when the publication date is known, any date
    ending more than a year before it ("in 2006" in a report from 2023).
    """
    if _BACKGROUND_BEFORE_RE.search(text, max(0, start - 40), start):
        return True
    if re.search(r"\byears?\s+ago$", value.text, re.IGNORECASE):
        return True
    return published is not None and value.end < published - _HISTORY


def event_date(
    sentence: str,
    published: dt.date | None,
    anchor: int | None = None,
    side: tuple[tuple[int, int], ...] = (),
) -> tuple[int, int, DateValue] | None:
    """The best date for an event told in `sentence` (its trigger at offset `anchor`, if given):
    background dates left out; a date outside the `side` spans (other clauses: "troops who arrived
    on Monday") before one inside them; then the most specific, the nearest to `anchor`, the first;
    else None."""
    best: tuple[int, int, DateValue] | None = None
    best_key: tuple[bool, int, int] | None = None
    for item in find_dates(sentence, published):
        start, end, value = item
        if is_background(sentence, start, end, value, published):
            continue
        distance = 0 if anchor is None else min(abs(anchor - start), abs(anchor - end))
        inside = any(a <= start < b for a, b in side)
        key = (inside, -_PRECISION_RANK[value.precision], distance)
        if best_key is None or key < best_key:
            best, best_key = item, key
    return best
