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

# A line that starts with a place in capitals ("IDLIB, Syria," or "KHARTOUM / JEDDAH,").
DATELINE = re.compile(
    r"^[ \t]*[A-Z][A-Z'.\- ]{1,40}(?:\s*/\s*[A-Z][A-Z'.\- ]{1,40})*,[^\n]{0,80}?(?=[—–-]|\(|$)", re.M
)


# the rest of a dateline's line up to the spaced dash that ends it ("(Reuters) - ", " — ")
_DATELINE_DASH = re.compile(r"(?:[^\n]{0,60}?\s)?[\u2014\u2013-]{1,2}\s+")


def story_starts(text: str) -> list[int]:
    """Where the story begins after each dateline of the first lines that ends in a dash ("GOMA,
    Congo (Reuters) - M23 rebels ...": the offset of "M23")."""
    head = text[:400]
    return [dash.end() for m in DATELINE.finditer(head) if (dash := _DATELINE_DASH.match(head, m.end()))]


def published_from_dateline(doc: Document) -> Document:
    """Sets `published` from the dateline of the first lines, if the document has none."""
    if doc.published is not None or doc.error is not None:
        return doc
    head = doc.text[:400]
    for m in DATELINE.finditer(head):
        for _, _, value in find_dates(m.group(0), None):
            if value.precision == "day":
                hints = dict(doc.hints)
                hints["published_from"] = "dateline"
                return dataclasses.replace(doc, published=value.start, hints=hints)
    return doc
