"""Whether two names in one document are variants of one actor's name.

Reports name an actor in full once and shorter afterwards ("Sheikh Faris al-Sabaawi" ... "Sabaawi"),
spell transliterations differently ("Jaish"/"Jaysh", "Zinki"/"Zenki", "Failaq"/"Faylaq"), drop or keep
the Arabic article and abbreviate in brackets ("Arakan Army (AA)" ... "AA"). A shorter name is a variant
of a longer one when each of its distinctive words matches a word of the longer name, exactly or as a
transliteration (rapidfuzz similarity), and an acronym is a variant when it spells the name's initials.
"""

from __future__ import annotations

from rapidfuzz import fuzz

from factiongraph.actors.registry import normalize_name
from factiongraph.actors.wordlists import words

ARTICLES = words("names", "articles")
HONORIFICS = words("names", "honorifics")
ORG_HEADS = words("names", "org_heads")
# Two spellings of one transliterated word: "jaish"/"jaysh" 80, "zinki"/"zenki" 80, "failaq"/"faylaq" 83,
# while one changed letter in a four-letter word ("arms"/"army", 75) is another word.
SAME_WORD_SIMILARITY = 80.0
MIN_FUZZY_LENGTH = 4


def name_words(name: str) -> tuple[str, ...]:
    """A name's words without articles and honorifics, with a glued article split off ("AlNusra")."""
    out = []
    for w in normalize_name(name).replace("'", " ").split():
        if w in ARTICLES or w in HONORIFICS:
            continue
        if len(w) > 5 and w[:2] == "al" and w[2:] not in ARTICLES:  # "alnusra", "alqaeda"
            w = w[2:]
        out.append(w)
    return tuple(out)


def same_word(a: str, b: str) -> bool:
    """One word, or two spellings of one transliterated word."""
    if a == b or a + "s" == b or b + "s" == a:  # "Force"/"Forces"
        return True
    if min(len(a), len(b)) < MIN_FUZZY_LENGTH or a[0] != b[0] or a.startswith(b) or b.startswith(a):
        return False  # "Russians" is Russia's people, not another spelling of it
    return fuzz.ratio(a, b) >= SAME_WORD_SIMILARITY and consonants(a)[-1:] == consonants(b)[-1:]


VOWELS = frozenset("aeiouyw")  # (y and w after the first letter: "Jaysh"/"Jaish", "Tawhid"/"Tauhid")


def consonants(word: str) -> str:
    """A word's consonants as English transliterations of Arabic and other scripts vary them: vowels left out,
    a doubled letter once, the "h" of a digraph ("gh", "kh", "sh", "th", "dh") or of a final vowel ("Nusrah")
    dropped, "q" read as "k". Two spellings of one word end in the same one ("Zinki"/"Zenki", "Farouq"/"Farouk",
    "Sanghati"/"Samhati"); two names a last consonant apart are two names ("Saleh"/"Salem", "Khalid"/"Khalil")."""
    out: list[str] = []
    for i, ch in enumerate(word):
        if i > 0 and ch in VOWELS or not ch.isalpha():
            continue
        if ch == "h" and i > 0 and (word[i - 1] not in VOWELS or i == len(word) - 1):
            continue
        if i > 0 and word[i - 1] == ch:
            continue
        out.append("k" if ch == "q" else ch)  # the Arabic qaf written either way ("Farouq"/"Farouk")
    return "".join(out)


def distinctive(ws: tuple[str, ...]) -> tuple[str, ...]:
    """The words that tell a name from others ("Giants" of "Giants Brigades"); none for "the Brigades"."""
    return tuple(w for w in ws if w not in ORG_HEADS and not w.isdigit())


def is_variant(short: str, long: str, generic: bool = False) -> bool:
    """`short` names what `long` names: its distinctive words all match words of `long`, in order.

    With `generic`, a name of head nouns only ("the Brigades", "National Liberation Army") may match
    too; callers allow it where one name alone in the report could be meant.
    """
    s, lw = name_words(short), name_words(long)
    if not s or not (generic or distinctive(s)) or len(s) > len(lw):
        return False
    j = 0
    for w in s:
        while j < len(lw) and not same_word(w, lw[j]):
            j += 1
        if j == len(lw):
            return False
        j += 1
    return True


def initials(long: str) -> str:
    """The lowercase initials of a name's words without articles ("Arakan Army" -> "aa")."""
    return "".join(w[0] for w in normalize_name(long).split() if w not in ARTICLES)


def is_acronym(short: str, long: str) -> bool:
    """`short` ("AA", "NEB") spells the initials of `long`'s words ("Arakan Army", "National Election Board")."""
    if not (2 <= len(short) <= 8 and short.replace(".", "").isupper()):
        return False
    letters = initials(long)
    return len(letters) >= 2 and letters == short.replace(".", "").lower()


def same_name(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Two names of the same words, each the same or respelled ("Hashid Shaabi", "Hashd al-Shaabi")."""
    return len(a) == len(b) and all(same_word(x, y) for x, y in zip(a, b, strict=True))
