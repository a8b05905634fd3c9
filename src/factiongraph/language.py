"""Language identification with py3langid (langid.py's naive Bayes model over byte n-grams, 97 languages).

`detect_language` is deliberately conservative: text is called non-English only when the model is
clearly sure of another language, so an English report full of foreign names, or a short headline,
stays English. For text in a cased script (Latin, Cyrillic, Greek, ...) only the all-lower-case
words are classified: words with a capital are mostly names ("Jaish al-Islam", "Ciudad de la
Habana", "Deir ez-Zor") and no evidence of the language they are reported in. Uncased scripts
(Arabic, Chinese, ...) are classified whole. The model is restricted to the languages with an
ISO 639-1 code (the contract's codes): its regional varieties and English-based creoles ("pcm",
"arz", "wuu") would otherwise split a language's probability or claim English text.
"""

from __future__ import annotations

import functools
import re
from typing import Any

__all__ = ["LANGUAGE_NAMES", "NON_ENGLISH_PROBABILITY", "detect_language", "language_name"]

LANGUAGE_NAMES: dict[str, str] = {
    "en": "English", "fr": "French", "de": "German", "es": "Spanish", "it": "Italian",
    "pt": "Portuguese", "nl": "Dutch", "tr": "Turkish", "id": "Indonesian", "pl": "Polish",
    "ar": "Arabic", "fa": "Persian", "ur": "Urdu", "ru": "Russian", "uk": "Ukrainian",
    "zh": "Chinese", "ja": "Japanese", "ko": "Korean", "el": "Greek", "he": "Hebrew",
    "hi": "Hindi", "th": "Thai", "hy": "Armenian", "ka": "Georgian", "am": "Amharic",
    "bn": "Bengali", "ta": "Tamil", "sv": "Swedish", "da": "Danish", "no": "Norwegian",
    "fi": "Finnish", "cs": "Czech", "ro": "Romanian", "hu": "Hungarian", "ku": "Kurdish",
    "ps": "Pashto", "so": "Somali", "sw": "Swahili", "ca": "Catalan", "gl": "Galician",
}

#: below this probability of another language a text stays English
NON_ENGLISH_PROBABILITY = 0.6
#: the share of the text read: enough for a sure call, bounded time on huge inputs
_SAMPLE = 20000
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


def language_name(code: str | None) -> str:
    """A readable name for a language code ("fr" -> "French")."""
    if code is None:
        return "unknown"
    return LANGUAGE_NAMES.get(code, code)


@functools.cache
def _identifier() -> Any:
    """py3langid's bundled model with probabilities normalised to sum to 1 (loaded once, ~1.5 s)."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages([code for code in identifier.nb_classes if len(code) == 2])
    return identifier


def _evidence(text: str) -> str:
    """The part of `text` that tells its language: lower-case words when the script is cased."""
    cased = uncased = 0
    for ch in text:
        if ch.isalpha():
            if ch.lower() != ch.upper():
                cased += 1
            else:
                uncased += 1
    if uncased > cased:
        return text
    return " ".join(w for w in _WORD.findall(text) if w.islower())


def detect_language(text: str) -> tuple[str | None, float]:
    """Guess the language of `text`: `(code, probability)`.

    The code is an ISO 639-1 code ("en", "fr", "ar", ...) or None when there is nothing to go on
    (no letters). Another language than English is returned only when the model gives it at least
    `NON_ENGLISH_PROBABILITY`; otherwise the answer is "en" with the model's probability for English.
    """
    sample = text[:_SAMPLE]
    if not any(ch.isalpha() for ch in sample):
        return None, 0.0
    evidence = _evidence(sample)
    if not evidence.strip():
        return "en", 0.0
    ranked: list[tuple[str, float]] = _identifier().rank(evidence)
    top, p_top = ranked[0]
    if top != "en" and p_top >= NON_ENGLISH_PROBABILITY:
        return str(top), round(float(p_top), 3)
    p_en = next((p for lang, p in ranked if lang == "en"), 0.0)
    return "en", round(float(p_en), 3)
