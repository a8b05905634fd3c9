"""Ties stated by modifiers inside a noun phrase: "<X>-backed Y", "<X>-linked Y", "pro-<X> Y".

The rules (cue words, the tie each states, its direction) and the token patterns that find the cue
are data: `frames/data/modifiers.yaml`. Code here only finds the actor named in the modifier and
the noun the modifier attaches to.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any, Literal

import yaml
from spacy.matcher import Matcher
from spacy.tokens import Doc, Token
from spacy.vocab import Vocab

from factiongraph.document import Mention
from factiongraph.frames.tokens import lowers, span_at


@dataclass(frozen=True, slots=True)
class ModifierRule:
    """What a cue word states: the relation type and which side is its source."""

    type: str
    source: Literal["modifier", "head"]
    body_source: Literal["modifier", "head"] | None = None  # the source when the head is a body of members


@dataclass(frozen=True, slots=True)
class ModifierTie:
    """One modifier construction: the actor in the modifier, the cue and the noun it modifies."""

    modifier: Mention
    cue: int  # token index of the cue ("backed", "pro")
    head: int  # token index of the modified noun
    rule: ModifierRule


@dataclass(frozen=True)
class ModifierRules:
    suffixes: dict[str, ModifierRule]
    prefixes: dict[str, ModifierRule]
    patterns: dict[str, list[list[dict[str, Any]]]]


@lru_cache(maxsize=1)
def load_rules() -> ModifierRules:
    """The bundled modifier rules (one loader, one file)."""
    raw = yaml.safe_load(resources.files("factiongraph.frames").joinpath("data/modifiers.yaml").read_text("utf-8"))

    def rules(section: str) -> dict[str, ModifierRule]:
        return {k: ModifierRule(v["type"], v["source"], v.get("body_source")) for k, v in raw[section].items()}

    suffixes, prefixes = rules("suffixes"), rules("prefixes")
    fill = {"{SUFFIXES}": sorted(suffixes), "{PREFIXES}": sorted(prefixes)}

    def filled(x: Any) -> Any:
        if isinstance(x, str) and x in fill:
            return fill[x]
        if isinstance(x, dict):
            return {k: filled(v) for k, v in x.items()}
        if isinstance(x, list):
            return [filled(v) for v in x]
        return x

    return ModifierRules(suffixes, prefixes, {k: filled(v) for k, v in raw["patterns"].items()})


@lru_cache(maxsize=4)
def _matcher(vocab: Vocab) -> Matcher:
    m = Matcher(vocab)
    for name, pats in load_rules().patterns.items():
        m.add(name, pats)
    return m


@lru_cache(maxsize=1)
def _around_hyphens() -> bool:
    """Whether every modifier pattern is three tokens with a hyphen in the middle (and no operator)."""
    return all(
        len(p) == 3 and p[1] == {"ORTH": "-"} and not any("OP" in t for t in p)
        for pats in load_rules().patterns.values() for p in pats
    )


def _matches(sd: Doc) -> list[tuple[int, int, int]]:
    """What the modifier patterns' Matcher finds in the Doc, in its order.

    spaCy's Matcher makes two Token objects per token of what it reads, most of the modifier stage's
    time on a whole Doc; where every pattern is "<word> - <word>" (see `_around_hyphens`), a match
    is the three tokens around a hyphen, so only those are read, hyphen by hyphen."""
    matcher = _matcher(sd.vocab)
    if not _around_hyphens():
        return list(matcher(sd))
    out: list[tuple[int, int, int]] = []
    for h in [i for i, w in enumerate(lowers(sd)[1:-1], 1) if w == "-"]:
        out += [(match_id, h - 1 + start, h - 1 + end) for match_id, start, end in matcher(sd[h - 1 : h + 2])]
    return out


def modifier_ties(sd: Doc, mention_at: Callable[[int], Mention | None]) -> list[ModifierTie]:
    """Every "<X>-<cue> Y" / "<cue>-<X> Y" in the document whose X is an actor mention."""
    rules = load_rules()
    out: list[ModifierTie] = []
    for match_id, start, end in _matches(sd):
        kind = sd.vocab.strings[match_id]
        if kind == "suffix":
            cue, named = sd[end - 1], start
            rule = rules.suffixes[cue.lower_]
        else:
            cue, named = sd[start], end - 1
            rule = rules.prefixes[cue.lower_]
        mention = mention_at(named)
        if mention is None or (mention.start <= cue.idx < mention.end):
            continue  # "the Saudi-led coalition" as one registry name: the modifier is part of the name
        head = _modified_noun(cue, mention, sd)
        if head is None:
            continue
        out.append(ModifierTie(mention, cue.i, head.i, rule))
    return out


def _modified_noun(cue: Token, mention: Mention, sd: Doc) -> Token | None:
    """The noun the modifier attaches to: up the heads from the cue, past the modifier's own tokens."""
    span = span_at(sd, mention.start, mention.end)
    inside = range(span.start, span.end) if span is not None else range(0)
    tok = cue
    for _ in range(4):
        if tok.head is tok:
            return None
        tok = tok.head
        if tok.i in inside or tok.text == "-":
            continue
        return tok if tok.pos_ in ("NOUN", "PROPN") and tok.i > cue.i else None
    return None
