"""A report's date from its dateline ("KHARTOUM, 21 May 2023 — ...") when no date was given.

News reports open with a dateline: a place in capitals, then the date of the report. Read it,
and relative dates in the text ("on Saturday", "last week") resolve against it. Only a full
day-precision date written in the dateline is taken, and only when the input gave none.
"""

from __future__ import annotations

import dataclasses
import re

from factiongraph.document import Document
from factiongraph.events.dates import find_dates

# A line that starts with a place in capitals ("IDLIB, Syria," or "KHARTOUM / JEDDAH,"), or with a place in
# title case followed by a date and a dash ("Djibo, Burkina Faso, 27 November 2023 -", "Goma, Jan. 5, 2025 -":
# the dateline style of agencies that do not capitalise it; the date and the dash tell it from a sentence), or
# with a place in capitals right before a spaced dash ("TRIPOLI - ", "ADDIS ABABA (Agency) - ").
_DAY = r"(?:\d{1,2}\s+[A-Z][a-z]{2,8}\.?,?\s+\d{4}|[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4})"
DATELINE = re.compile(
    r"^[ \t]*(?:[A-Z][A-Z'.\- ]{1,40}(?:\s*/\s*[A-Z][A-Z'.\- ]{1,40})*,[^\n]{0,80}?(?=[—–-]|\(|$)"
    r"|[A-Z][\w'.\-]+(?: [A-Z][\w'.\-]+){0,3}(?:,\s*[A-Z][\w'.\-]+(?: [A-Z][\w'.\-]+){0,3})?,\s*" + _DAY
    + r"(?=\s*(?:\([^)\n]{1,40}\)\s*)?[—–-])"
    r"|[A-Z][A-Z'.\-]{2,}(?: [A-Z][A-Z'.\-]{2,}){0,3}(?=\s*(?:\([^)\n]{1,40}\)\s*)?[—–-]{1,2}\s))",
    re.M,
)

# The credit line that ends a wire report ("(Reporting by A in Goma; Editing by B)", "Additional reporting
# by C"): the names in it are the agency's staff and where they filed from, never parties to the story.
# The credit words are those of the news agencies' house style (Reuters: reporting, additional reporting,
# writing, editing; AFP and AP: compiled, contributed).
CREDIT_LINE = re.compile(
    r"(?:^|\()[ \t]*(?:additional\s+)?(?:reporting|writing|editing|compiled|compiling|produced|production)\s+by\s"
    r"[^\n]*",
    re.M | re.I,
)


def credit_lines(text: str) -> list[tuple[int, int]]:
    """The (start, end) offsets of the credit lines of a report (`CREDIT_LINE`)."""
    return [(m.start(), m.end()) for m in CREDIT_LINE.finditer(text)]


# the rest of a dateline's line up to the spaced dash that ends it ("(Reuters) - ", " — ")
_DATELINE_DASH = re.compile(r"(?:[^\n]{0,60}?\s)?[\u2014\u2013-]{1,2}\s+")


HEAD_CHARS = 400  # a dateline stands in the report's first lines: only these characters are read


def story_starts(text: str) -> list[int]:
    """Where the story begins after each dateline of the first lines that ends in a dash ("GOMA,
    Congo (Reuters) - M23 rebels ...": the offset of "M23")."""
    head = text[:HEAD_CHARS]
    return [dash.end() for m in DATELINE.finditer(head) if (dash := _DATELINE_DASH.match(head, m.end()))]


def published_from_dateline(doc: Document) -> Document:
    """Sets `published` from the dateline of the first lines, if the document has none."""
    if doc.published is not None or doc.error is not None:
        return doc
    head = doc.text[:HEAD_CHARS]
    for m in DATELINE.finditer(head):
        for _, _, value in find_dates(m.group(0), None):
            if value.precision == "day":
                hints = dict(doc.hints)
                hints["published_from"] = "dateline"
                return dataclasses.replace(doc, published=value.start, hints=hints)
    return doc
