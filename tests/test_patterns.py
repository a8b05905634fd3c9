"""Cue patterns behind a look-ahead for their first letters: the same matches as the bare pattern."""

from __future__ import annotations

import re

import pytest

from factiongraph.patterns import first_letters, lead


@pytest.mark.parametrize(
    ("pattern", "letters"),
    [
        (r"\b(?:idiot|moron|fools?)\b", "fim"),
        (r"\b(?:[Ww]e|us|[Oo]urs?)\b", "OWouw"),
        (r"https?://|\bwww\.", "hw"),
        (r"(?:\bair ?strikes?\b)|(?:\b(?<!water )cannons?\b)", "ac"),
        (r"\b(?:choking|blister) agents?\b", "bc"),
    ],
)
def test_first_letters(pattern: str, letters: str) -> None:
    assert first_letters(pattern) == letters


@pytest.mark.parametrize(
    "pattern",
    [r"\b\d{3}-\d{4}\b", r"s?aid", r"(?:a|)b", r"[^a]b", r"\w+n't", r"(?i)abc", r"(a)b", r"^said", r"[a-z]+"],
)
def test_no_letters_no_look_ahead(pattern: str) -> None:
    """Where a match may start with something else (or nothing is plainly said), the pattern stays as it is."""
    assert first_letters(pattern) is None
    assert lead(pattern).pattern == pattern


@pytest.mark.parametrize("flags", [0, re.IGNORECASE])
def test_same_matches(flags: int) -> None:
    pattern = r"\b(?:idiot|idiots|so[\s-]called|i\s+think|[Ww]e['’](?:re|ve))\b|\b(?<!water )cannons?\b"
    text = ("Idiots, we're so-called IDIOT idiotic; I think we’ve the water cannon and cannons. "
            "\u212aelvin \u017fo called idiot")
    bare, guarded = re.compile(pattern, flags), lead(pattern, flags)
    assert guarded.pattern.startswith("(?=[")
    for t in (text, text.lower(), text.upper()):
        assert [m.span() for m in guarded.finditer(t)] == [m.span() for m in bare.finditer(t)]
