"""Transliteration-insensitive keys for place names.

`normalize("al-Bāb") == normalize("Al Bab") == "al bab"`; `normalize("A'zaz") == "azaz"`.
The compiled gazetteer stores keys made by this function, so changing it means
running `scripts/build_gazetteer.py` again.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_APOSTROPHES = dict.fromkeys(map(ord, "'’‘`´ʿʾʻʼʹ"), None)
_SPECIAL = str.maketrans({
    "ı": "i", "ø": "o", "ß": "ss", "æ": "ae", "œ": "oe", "đ": "d", "ð": "d", "ł": "l",
    "þ": "th", "ħ": "h", "ŀ": "l", "ŧ": "t", "ə": "a",
})
_NON_ALNUM = re.compile(r"[^a-z0-9]+")
# Arabic definite-article forms (sun-letter assimilation included) are written one way: "al".
ARTICLES = frozenset({
    "al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "adh", "ath", "ed", "er", "es", "esh",
    "et", "ez", "en", "ul", "ag", "aj", "ak",
})
_ARTICLE_RE = re.compile(
    r"(?:^| )(?:" + "|".join(sorted(ARTICLES, key=len, reverse=True)) + r") (?=[a-z0-9])"
)


@lru_cache(maxsize=65536)
def normalize(name: str) -> str:
    """The lookup key of a name: lower case, no diacritics, apostrophes or punctuation, one article form."""
    s = name.lower().translate(_APOSTROPHES).translate(_SPECIAL)
    if not s.isascii():
        s = "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))
    s = _NON_ALNUM.sub(" ", s).strip()
    if " " in s:
        s = _ARTICLE_RE.sub(lambda m: " al " if m.group(0).startswith(" ") else "al ", s).strip()
    return s


def strip_article(key: str) -> str | None:
    """The key without a leading article ("al bab" -> "bab"), or None when it has none."""
    if key.startswith("al ") and len(key) > 3:
        return key[3:]
    return None
