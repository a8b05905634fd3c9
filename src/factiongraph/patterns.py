"""Cue patterns compiled behind a look-ahead for the letters their matches start with.

The stages search every paragraph and many sentences of a report for word lists and cue phrases
("\\b(?:idiot|moron|...)\\b", "\\bair ?strikes?\\b"). CPython's regex engine tries such a pattern at
every position of the text, and at a word's start it tries the alternatives one by one (all of them
under IGNORECASE). Behind a look-ahead for the letters the alternatives open with, most positions
are given up at once. The matches do not change: every match starts with one of those letters.
"""

from __future__ import annotations

import re

__all__ = ["first_letters", "lead"]

_LOOKAROUND = ("(?=", "(?!", "(?<=", "(?<!")
_OPTIONAL = ("?", "*", "{0")


def _close(text: str, start: int) -> int:
    """The index just past the bracket or parenthesis group that opens at `start`."""
    depth = 0
    k = start
    while k < len(text):
        ch = text[k]
        if ch == "\\":
            k += 2
            continue
        if ch == "[":
            k = _class_end(text, k)
            if depth == 0:
                return k
            continue
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0:
                return k + 1
        k += 1
    raise ValueError(f"unbalanced pattern: {text!r}")


def _class_end(text: str, start: int) -> int:
    """The index just past the character class that opens at `start`."""
    k = start + 1
    if text[k : k + 1] == "^":
        k += 1
    if text[k : k + 1] == "]":
        k += 1
    while k < len(text) and text[k] != "]":
        k += 2 if text[k] == "\\" else 1
    return k + 1


def _alternatives(text: str) -> list[str]:
    """The top-level alternatives of a pattern."""
    out: list[str] = []
    start = k = 0
    while k < len(text):
        ch = text[k]
        if ch == "\\":
            k += 2
        elif ch in "([":
            k = _close(text, k)
        elif ch == "|":
            out.append(text[start:k])
            start = k = k + 1
        else:
            k += 1
    out.append(text[start:])
    return out


def _optional(rest: str) -> bool:
    return rest.startswith(_OPTIONAL)


def _first(alt: str) -> set[str] | None:
    """The letters one alternative can start with, or None where its text does not plainly say."""
    while True:  # zero-width openings: word boundaries and look-arounds
        if alt.startswith("\\b"):
            alt = alt[2:]
        elif alt.startswith(_LOOKAROUND):
            alt = alt[_close(alt, 0) :]
        else:
            break
    if alt.startswith("(?:"):
        end = _close(alt, 0)
        if _optional(alt[end:]):
            return None
        inner = [_first(a) for a in _alternatives(alt[3 : end - 1])]
        return None if any(x is None for x in inner) else set().union(*(x for x in inner if x is not None))
    if alt.startswith("["):
        end = _class_end(alt, 0)
        body = alt[1 : end - 1]
        if _optional(alt[end:]) or not body.isalpha():
            return None
        return set(body)
    if alt[:1].isascii() and alt[:1].isalpha() and not _optional(alt[1:]):
        return {alt[0]}
    return None


def first_letters(pattern: str) -> str | None:
    """The letters a match of `pattern` starts with, where the pattern's text plainly says: each
    top-level alternative opens (past word boundaries and look-arounds) with a letter, a class of
    letters or a group whose alternatives do so. None otherwise."""
    letters: set[str] = set()
    for alt in _alternatives(pattern):
        first = _first(alt)
        if first is None:
            return None
        letters |= first
    return "".join(sorted(letters))


def lead(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """`pattern` compiled behind a look-ahead for its `first_letters` (as it is where they are unknown)."""
    letters = first_letters(pattern)
    return re.compile(f"(?=[{letters}])(?:{pattern})" if letters else pattern, flags)
