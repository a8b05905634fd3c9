"""Language identification without extra dependencies.

`detect_language` looks first at the writing system (Arabic, Cyrillic, CJK, ...),
then, for Latin-script text, compares the share of function words ("stopwords")
of English with those of a few other common languages. It is deliberately
conservative: text is called non-English only when the evidence is clear, so an
English report full of foreign names, or a short headline, stays English.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

__all__ = ["LANGUAGE_NAMES", "detect_language", "language_name"]

LANGUAGE_NAMES: dict[str, str] = {
    "en": "English", "fr": "French", "de": "German", "es": "Spanish", "it": "Italian",
    "pt": "Portuguese", "nl": "Dutch", "tr": "Turkish", "id": "Indonesian", "pl": "Polish",
    "ar": "Arabic", "fa": "Persian", "ur": "Urdu", "ru": "Russian", "uk": "Ukrainian",
    "zh": "Chinese", "ja": "Japanese", "ko": "Korean", "el": "Greek", "he": "Hebrew",
    "hi": "Hindi", "th": "Thai", "hy": "Armenian", "ka": "Georgian", "am": "Amharic",
    "bn": "Bengali", "ta": "Tamil",
}


def language_name(code: str | None) -> str:
    """A readable name for a language code ("fr" -> "French")."""
    if code is None:
        return "unknown"
    return LANGUAGE_NAMES.get(code, code)


def _words(s: str) -> frozenset[str]:
    return frozenset(s.split())


_EN = _words(
    """
a about above after again against all also am an and any are as at be because been before being
below between both but by can could did do does doing down during each few for from further had
has have having he her here hers herself him himself his how i if in into is it its itself just
me more most my myself no nor not now of off on once only or other our ours out over own same she
should so some such than that the their theirs them themselves then there these they this those
through to too under until up very was we were what when where which while who whom why will with
would you your yours said says told according after against who which were has been their also
than would against during over about into since while near between new two three four years
"""
)

# Function words of other languages. Words that are also English function words
# are removed below, so only distinctive evidence counts.
_FOREIGN_RAW: dict[str, str] = {
    "fr": """le la les des du un une et est sont dans pour par sur avec ce cette ces qui que
        qu il ils elle elles nous vous leur leurs pas ne plus mais ou au aux été être avait
        sont fait comme tout tous selon depuis aussi entre sans sous très encore où lui cela
        ont était deux après contre notre son ses sa""",
    "de": """der die das und ist nicht ein eine einen dem den des mit sich auf für von zu im
        auch es sie er wir ihr wird werden wurde sind war hat haben bei nach aus wie oder
        noch nur über zum zur dass durch gegen vom schon seit einem einer unter""",
    "es": """el la los las de del y en que un una es por con para se no su sus al lo como
        más pero fue ha han sido son está están este esta entre sobre también según tras
        hasta desde contra ya muy sin cuando donde porque le les nos""",
    "it": """il lo la gli le di del della dei delle e è che un una per con non si sono
        nel nella al alla da dal ha hanno anche come più ma questo questa stato essere
        tra fra sul sulla dopo contro secondo ancora""",
    "pt": """o a os as de do da dos das e em no na nos nas um uma que é para com não por se
        ao aos pelo pela mais mas foi são está estão também entre sobre segundo contra
        após até desde como seu sua seus suas""",
    "nl": """de het een en van in is dat op te zijn met voor niet aan er die wordt door ook
        als bij nog maar naar dan uit worden werd heeft hebben om tot over zijn deze dit
        wel zich volgens tegen""",
    "tr": """ve bir bu da de için ile olarak olan gibi daha çok ama ancak değil sonra kadar
        her şey ise mi mı göre karşı tarafından ise veya yani çünkü oldu olduğu""",
    "id": """yang dan di ke dari dengan untuk ini itu tidak akan pada dalam juga adalah oleh
        karena atau sudah telah bahwa mereka kami kita saat setelah""",
    "pl": """i w nie się na że z do jest to jak ale po co tak od za przez jego jej są był
        była było oraz który która które także już tylko przy""",
}
_FOREIGN: dict[str, frozenset[str]] = {
    lang: frozenset(w for w in words.split() if w not in _EN) for lang, words in _FOREIGN_RAW.items()
}

# Letters that are typical of one Latin-script language and absent from English.
_DIACRITICS: dict[str, str] = {
    "fr": "àâçéèêëîïôûùœ", "de": "äöüß", "es": "ñáéíóú¿¡", "it": "àèéìòù",
    "pt": "ãõçáéíóúâê", "nl": "ëï", "tr": "ğışçöü", "pl": "ąćęłńóśźż",
}

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def _script(ch: str) -> str | None:
    o = ord(ch)
    if o < 0x250 or 0x1E00 <= o <= 0x1EFF:
        return "latin" if ch.isalpha() else None
    if 0x370 <= o <= 0x3FF:
        return "greek"
    if 0x400 <= o <= 0x52F:
        return "cyrillic"
    if 0x530 <= o <= 0x58F:
        return "armenian"
    if 0x590 <= o <= 0x5FF:
        return "hebrew"
    if 0x600 <= o <= 0x6FF or 0x750 <= o <= 0x77F or 0xFB50 <= o <= 0xFDFF or 0xFE70 <= o <= 0xFEFF:
        return "arabic"
    if 0x900 <= o <= 0x97F:
        return "devanagari"
    if 0x980 <= o <= 0x9FF:
        return "bengali"
    if 0xB80 <= o <= 0xBFF:
        return "tamil"
    if 0xE00 <= o <= 0xE7F:
        return "thai"
    if 0x10A0 <= o <= 0x10FF:
        return "georgian"
    if 0x1200 <= o <= 0x139F:
        return "ethiopic"
    if 0x3040 <= o <= 0x30FF:
        return "kana"
    if 0xAC00 <= o <= 0xD7AF or 0x1100 <= o <= 0x11FF:
        return "hangul"
    if 0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF:
        return "han"
    if ch.isalpha():
        try:
            name = unicodedata.name(ch)
        except ValueError:
            return "other"
        return "latin" if name.startswith("LATIN") else "other"
    return None


_SCRIPT_LANG = {
    "greek": "el", "armenian": "hy", "hebrew": "he", "devanagari": "hi", "bengali": "bn",
    "tamil": "ta", "thai": "th", "georgian": "ka", "ethiopic": "am", "hangul": "ko",
}


def _script_language(script: str, text: str, counts: Counter[str]) -> str | None:
    if script == "arabic":
        if any(c in text for c in "ٹڈڑںےھ"):
            return "ur"
        if any(c in text for c in "پچژگک"):
            return "fa"
        return "ar"
    if script == "cyrillic":
        return "uk" if any(c in text for c in "іїєґІЇЄҐ") else "ru"
    if script in ("han", "kana"):
        return "ja" if counts["kana"] > 0 else "zh"
    return _SCRIPT_LANG.get(script)


def detect_language(text: str) -> tuple[str | None, float]:
    """Guess the language of `text`: `(code, confidence)`.

    The code is an ISO 639-1 code ("en", "fr", "ar", ...) or None when there is
    nothing to go on (no letters). Latin-script text is called English unless
    another language's function words clearly outnumber English ones.
    """
    sample = text[:20000]
    counts: Counter[str] = Counter()
    for ch in sample:
        s = _script(ch)
        if s is not None:
            counts[s] += 1
    letters = sum(counts.values())
    if letters == 0:
        return None, 0.0
    # Japanese text mixes kana and han: count them together.
    cjk = counts["han"] + counts["kana"]
    scripts = Counter({k: v for k, v in counts.items() if k not in ("han", "kana")})
    if cjk:
        scripts["han" if not counts["kana"] else "kana"] = cjk
    script, n = scripts.most_common(1)[0]
    share = n / letters
    if script != "latin":
        if share >= 0.5 and n >= 8 and script != "other":
            lang = _script_language(script, sample, counts)
            if lang is not None:
                return lang, round(min(1.0, share), 3)
        if share >= 0.5 and n >= 8:
            return None, round(share, 3)
        # Mostly Latin letters with some other script: judge the Latin part.
    return _latin_language(sample)


def _latin_language(text: str) -> tuple[str | None, float]:
    words = [w.lower().replace("’", "'") for w in _WORD.findall(text)]
    # Capitalised words are mostly names; they are no evidence for any language
    # (an English report on "Jaish al-Islam" or "Ciudad de la Habana").
    lower = [w for w, raw in zip(words, _WORD.findall(text), strict=False) if raw[:1].islower()]
    n = len(words)
    if n == 0:
        return None, 0.0
    en_hits = sum(1 for w in words if w in _EN)
    en_ratio = en_hits / n
    best, best_hits = None, 0
    diacritic_text = "".join(lower)
    for lang, stop in _FOREIGN.items():
        hits = sum(1 for w in lower if w in stop)
        hits += min(3, sum(diacritic_text.count(c) for c in _DIACRITICS.get(lang, ""))) // 2
        if hits > best_hits:
            best, best_hits = lang, hits
    foreign_ratio = best_hits / n
    if (
        best is not None
        and best_hits >= 4
        and foreign_ratio >= 0.2
        and foreign_ratio >= 2.5 * en_ratio
    ):
        return best, round(min(0.99, 0.5 + foreign_ratio - en_ratio), 3)
    # English by default for Latin script; confidence grows with English function words.
    return "en", round(min(0.99, 0.5 + 1.5 * en_ratio), 3)
